"""Client profiles and the ranking of open vacancies per client."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from transforms.enrich.matching import (
    parse_education_level,
    rank_vacancies,
    read_client_profiles,
)
from transforms.enrich.occupations import OccupationIndex

DATA = Path(__file__).parent / "data" / "enrich"
NURSE_URI = "http://data.europa.eu/esco/occupation/0000aaaa-1111-2222-3333-444455556666"


@pytest.fixture
def index() -> OccupationIndex:
    return OccupationIndex(
        pd.DataFrame({"esco_uri": [NURSE_URI], "esco_code": [None], "isco08": ["2221"]})
    )


def test_parse_education_level_reads_werkcoach_notation():
    assert parse_education_level("MBO 2") == "mbo-2"
    assert parse_education_level("mbo") == "mbo"
    assert parse_education_level("HAVO") == "havo"
    assert parse_education_level("WO master") == "wo"
    assert parse_education_level("basisschool") is None


def test_read_client_profiles_csv(index):
    read = read_client_profiles(DATA / "clients.csv", index)
    assert read.clients["client_id"].tolist() == ["k-001", "k-002", "k-003"]
    profiles = read.profiles.set_index("client_id")
    one = profiles.loc["k-001"]
    assert (one["place"], one["municipality"], one["province"]) == (
        "Utrecht",
        "Utrecht",
        "Utrecht",
    )
    assert one["regions"] == "Amersfoort|Noord-Holland"
    assert one["competences"] == "zorg verlenen|medicatie"
    assert (one["hours_min_per_week"], one["hours_max_per_week"]) == (24.0, 32.0)
    assert profiles.loc["k-002", "education_level"] == "mbo-2"
    assert profiles.loc["k-002", "province"] == "Overijssel"
    wanted = read.occupations.groupby("client_id")["isco08"].agg(sorted).to_dict()
    assert wanted == {"k-001": ["2221"], "k-002": ["8332", "9334"], "k-003": ["2221"]}
    three = read.occupations[read.occupations["client_id"] == "k-003"]
    assert three["esco_uri"].tolist() == [NURSE_URI]
    assert read.dropped == {"no_client_id": 1, "duplicate": 1}


def test_read_client_profiles_json(index):
    read = read_client_profiles(DATA / "clients.json", index)
    profile = read.profiles.iloc[0]
    assert profile["place"] == "'s-Hertogenbosch"
    assert profile["province"] == "Noord-Brabant"
    assert (profile["hours_min_per_week"], profile["hours_max_per_week"]) == (32, 40)
    assert profile["education_level"] == "mbo-2"
    assert profile["competences"] == "bekisten|kozijnen"


def _vacancies() -> pd.DataFrame:
    rows = [
        # id, isco, uri, place, municipality, province, remote, hours, education
        ("same_uri_home", "2221", NURSE_URI, "Utrecht", "Utrecht", "Utrecht", False,
         (24, 32), "mbo-4"),
        ("unit_home", "2221", None, "Utrecht", "Utrecht", "Utrecht", False,
         (24, 32), "mbo-4"),
        ("unit_far", "2221", None, "Maastricht", "Maastricht", "Limburg", False,
         (24, 32), "mbo-4"),
        ("unit_region", "2221", None, "Amersfoort", "Amersfoort", "Utrecht", False,
         (24, 32), "mbo-4"),
        ("unit_remote", "2221", None, None, None, None, True, (24, 32), "mbo-4"),
        ("unit_hbo_40", "2221", None, "Utrecht", "Utrecht", "Utrecht", False,
         (40, 40), "hbo"),
        ("minor_home", "2222", None, "Utrecht", "Utrecht", "Utrecht", False,
         (24, 32), "mbo-4"),
        ("other_major", "3221", None, "Utrecht", "Utrecht", "Utrecht", False,
         (24, 32), "mbo-4"),
        ("uncoded", None, None, "Utrecht", "Utrecht", "Utrecht", False,
         (24, 32), "mbo-4"),
    ]  # fmt: skip
    frame = pd.DataFrame(
        rows,
        columns=[
            "vacancy_id",
            "isco08",
            "esco_uri",
            "place",
            "municipality",
            "province",
            "is_remote",
            "hours",
            "education_level",
        ],
    )
    frame["hours_min_per_week"] = frame["hours"].str[0].astype(float)
    frame["hours_max_per_week"] = frame["hours"].str[1].astype(float)
    frame["employer"] = "Zorggroep Het Baken"
    frame["occupation_label"] = "verpleegkundige"
    return frame.drop(columns=["hours"])


def _profile() -> tuple[pd.DataFrame, pd.DataFrame]:
    profiles = pd.DataFrame(
        [
            {
                "client_id": "k-001",
                "place": "Utrecht",
                "municipality": "Utrecht",
                "province": "Utrecht",
                "regions": "Amersfoort",
                "hours_min_per_week": 24.0,
                "hours_max_per_week": 32.0,
                "education_level": "mbo-4",
            }
        ]
    )
    occupations = pd.DataFrame(
        {"client_id": ["k-001"], "isco08": ["2221"], "esco_uri": [NURSE_URI]}
    )
    return profiles, occupations


def _no_contacts() -> pd.DataFrame:
    return pd.DataFrame(columns=["client_id", "vacancy_id", "contact_name"])


def test_rank_vacancies_orders_by_occupation_place_hours_and_education():
    profiles, occupations = _profile()
    ranked = rank_vacancies(profiles, occupations, _vacancies(), _no_contacts())
    order = ranked["vacancy_id"].tolist()
    assert order[0] == "same_uri_home"
    assert order.index("unit_home") < order.index("unit_region")
    assert order.index("unit_region") < order.index("unit_far")
    assert order.index("unit_remote") < order.index("unit_far")
    assert order.index("unit_home") < order.index("unit_hbo_40")
    assert order.index("unit_home") < order.index("minor_home")
    assert "other_major" not in order
    assert "uncoded" not in order
    assert ranked["match_rank"].tolist() == list(range(1, len(ranked) + 1))
    rows = ranked.set_index("vacancy_id")
    assert rows.loc["same_uri_home", "occupation_match"] == "esco"
    assert rows.loc["minor_home", "occupation_match"] == "isco3"
    assert rows.loc["unit_region", "region_match"] == "region"
    assert rows.loc["unit_far", "region_match"] == "elsewhere"
    assert rows.loc["unit_remote", "region_match"] == "remote"
    assert rows.loc["unit_hbo_40", "education_fit"] == 0.5  # one level below
    assert rows.loc["unit_hbo_40", "hours_fit"] == 0.0
    assert "zelfde beroep (verpleegkundige)" in rows.loc["same_uri_home", "reasons"]
    assert "buiten de regio (Maastricht)" in rows.loc["unit_far", "reasons"]


def test_rank_vacancies_lifts_vacancies_where_the_client_knows_someone():
    profiles, occupations = _profile()
    contacts = pd.DataFrame(
        {
            "client_id": ["k-001", "k-001"],
            "vacancy_id": ["unit_far", "unit_far"],
            "contact_name": ["Anna de Vries", "Joost van Dijk"],
        }
    )
    without = rank_vacancies(profiles, occupations, _vacancies(), _no_contacts())
    ranked = rank_vacancies(profiles, occupations, _vacancies(), contacts)
    rows = ranked.set_index("vacancy_id")
    assert rows.loc["unit_far", "n_contacts"] == 2
    assert (
        rows.loc["unit_far", "match_rank"]
        < without.set_index("vacancy_id").loc["unit_far", "match_rank"]
    )
    assert (
        "kent Anna de Vries, Joost van Dijk bij Zorggroep Het Baken"
        in rows.loc["unit_far", "reasons"]
    )


def test_rank_vacancies_keeps_the_best_per_client():
    profiles, occupations = _profile()
    ranked = rank_vacancies(
        profiles, occupations, _vacancies(), _no_contacts(), per_client=2
    )
    assert ranked["vacancy_id"].tolist() == ["same_uri_home", "unit_home"]


def test_rank_vacancies_without_place_or_hours_scores_them_neutral():
    profiles, occupations = _profile()
    profiles = profiles.assign(
        place=None,
        municipality=None,
        province=None,
        regions=None,
        hours_min_per_week=None,
        hours_max_per_week=None,
    )
    ranked = rank_vacancies(profiles, occupations, _vacancies(), _no_contacts())
    assert ranked["region_match"].isna().all()
    assert ranked["hours_fit"].isna().all()

from __future__ import annotations

import pandas as pd
import pytest

from transforms.dedupe.normalise import (
    abbreviates,
    agency_name,
    is_hidden_employer,
    normalise_employer,
    normalise_postings,
    normalise_title,
    title_discriminators,
)


@pytest.mark.parametrize(
    ("title", "place", "expected"),
    [
        ("Verpleegkundige (m/v/x)", "", "verpleegkundige"),
        ("Verpleegkundige m/v/x", "", "verpleegkundige"),
        ("Verpleegkundige (m/v)", "", "verpleegkundige"),
        ("Verpleegkundige (v/m)", "", "verpleegkundige"),
        ("Verpleegkundige (h/v)", "", "verpleegkundige"),
        ("Verpleegkundige (M/V/X)", "", "verpleegkundige"),
        ("Verpleegkundige 32-40 uur", "", "verpleegkundige"),
        ("Verpleegkundige | 24 uur", "", "verpleegkundige"),
        ("Verpleegkundige (0,8 fte)", "", "verpleegkundige"),
        ("Verpleegkundige parttime", "", "verpleegkundige"),
        ("Verpleegkundige - Utrecht", "utrecht", "verpleegkundige"),
        ("Verpleegkundige in Utrecht", "", "verpleegkundige"),
        ("Verpleegkundige regio Utrecht", "", "verpleegkundige"),
        ("Verpleegkundige, De Meern", "de meern", "verpleegkundige"),
        ("Vacature: Verpleegkundige", "", "verpleegkundige"),
        ("Gezocht: Verpleegkundige!", "", "verpleegkundige"),
        ("Vacature Verpleegkundige", "", "verpleegkundige"),
        ("Wij zoeken een verpleegkundige", "", "verpleegkundige"),
        ("Verpleegkundige gezocht!", "", "verpleegkundige"),
        ("VERPLEEGKUNDIGE", "", "verpleegkundige"),
        ("Coördinator zorg", "", "coordinator zorg"),
        ("Chauffeur C+E", "", "chauffeur ce"),
        ("Chauffeur C/E (m/v) | 40 uur - Tiel", "tiel", "chauffeur ce"),
    ],
)
def test_normalise_title_removes_board_noise(title, place, expected):
    assert normalise_title(title, place) == expected


def test_normalise_title_keeps_words_that_are_not_places():
    assert normalise_title("Medewerker - Klantenservice", "utrecht") == (
        "medewerker klantenservice"
    )


def test_normalise_title_removes_a_known_place_set_apart():
    assert normalise_title("Kok | Almere Buiten") == "kok"
    assert normalise_title("Teamleider - Bouw") == "teamleider bouw"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Customer Service Medewerker", "Klantenservice medewerker"),
        ("Teamleider klantcontact", "Teamleider klantenservice"),
        ("Leraar Nederlands", "Docent Nederlands"),
        ("Reachtruckbestuurder", "Reachtruckchauffeur"),
        ("Storemanager", "Filiaalmanager"),
        ("Medewerker winkel", "Winkelmedewerker"),
        ("Vrachtwagenchauffeur C", "Chauffeur rijbewijs C"),
        ("Leraar primair onderwijs", "Leerkracht basisonderwijs"),
        ("Jr. Beleidsmedewerker", "Junior beleidsmedewerker"),
        ("Sr Data Analyst", "Senior data analyst"),
        ("Mdw. vulploeg", "Vakkenvuller"),
        ("Medewerker huishoudelijke ondersteuning", "Huishoudelijke hulp"),
        ("Frontend Engineer", "Frontend ontwikkelaar"),
        ("Warehouse Associate", "Magazijnmedewerker"),
        ("Functional Administrator", "Functioneel applicatiebeheerder"),
        ("Kitchen Porter", "Afwasser"),
    ],
)
def test_normalise_title_writes_one_job_one_way(first, second):
    assert sorted(normalise_title(first).split()) == sorted(
        normalise_title(second).split()
    )


def test_normalise_title_keeps_a_director_apart_from_a_driver():
    assert normalise_title("Bestuurder") == "bestuurder"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("chauffeur c", ("c", "", "", "")),
        ("chauffeur ce", ("ce", "", "", "")),
        ("junior accountmanager", ("", "junior", "manager", "")),
        ("senior accountmanager", ("", "senior", "manager", "")),
        ("medewerker klantenservice", ("", "", "medewerker", "")),
        ("teamleider klantenservice", ("", "", "leider", "")),
        ("leerkracht groep 7", ("", "", "", "7")),
        ("operator ii", ("", "", "", "2")),
        ("verpleegkundige", ("", "", "", "")),
    ],
)
def test_title_discriminators_find_licence_seniority_rank_and_number(title, expected):
    assert title_discriminators(title) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Bakkerij Jansen B.V.",
        "Bakkerij Jansen BV",
        "BAKKERIJ JANSEN",
        "Bakkerij Jansen N.V.",
        "Bakkerij Jansen V.O.F.",
        "Stichting Bakkerij Jansen",
        "Bakkerij Jansen Holding B.V.",
        "Bakkerij Jansen Nederland",
        "Coöperatie Bakkerij Jansen U.A.",
        "bakkerij  jansen b.v.",
        "Bakkerij Jansen B.V",
    ],
)
def test_normalise_employer_drops_legal_forms_and_casing(name):
    assert normalise_employer(name) == "bakkerij jansen"


def test_normalise_employer_writes_out_abbreviated_words():
    assert normalise_employer("Kon. Brouwer N.V.") == normalise_employer(
        "Koninklijke Brouwer N.V."
    )


@pytest.mark.parametrize(
    ("name", "brand"),
    [
        ("Flexpoint Uitzendgroep B.V.", "flexpoint"),
        ("WerkVast Personeelsdiensten B.V.", "werkvast"),
        ("ProTalent Werving & Selectie", "protalent"),
        ("Bakkerij Jansen B.V.", ""),
        ("Uitzendbureau B.V.", ""),
    ],
)
def test_agency_name_is_the_brand_without_agency_words(name, brand):
    assert agency_name(name) == brand


def test_normalise_postings_hides_an_agency_under_its_brand():
    frame = _postings(
        employer=["Flexpoint Uitzendgroep B.V.", "Flexpoint", "Randstad"],
        source_type=["board", "board", "board"],
    )
    features = normalise_postings(frame)
    assert features["employer_hidden"].tolist() == [True, True, True]
    assert features["employer_key"].tolist() == ["", "", ""]


def test_normalise_employer_folds_diacritics():
    assert (
        normalise_employer("Zuivelcoöperatie Friesländ") == "zuivelcooperatie friesland"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Onze opdrachtgever",
        "onze opdrachtgever",
        "Een bekende zorginstelling in de regio Utrecht",
        "Een toonaangevende werkgever",
        "Een pannenkoekenrestaurant in Woerden",
        "Our client, a logistics company",
        "Vertrouwelijk",
        "",
        "   ",
    ],
)
def test_is_hidden_employer_detects_agency_phrases(text):
    assert is_hidden_employer(text)


@pytest.mark.parametrize(
    "text",
    ["Zorggroep De Linde", "Bakkerij Jansen B.V.", "Gemeente Utrecht", "Eenhoorn B.V."],
)
def test_is_hidden_employer_accepts_real_names(text):
    assert not is_hidden_employer(text)


def _postings(**columns):
    base = {
        "posting_id": ["a:1", "b:1", "c:1"],
        "board": ["a", "b", "flexpunt"],
        "title": ["Kok (m/v)", "Kok", "Kok"],
        "employer": ["Hotel Ster B.V.", "HOTEL STER", "Flexpunt"],
        "location": ["De Meern", "3511 AB Utrecht", "Regio Utrecht"],
        "description": ["Wij zoeken een kok.", "", "Kook jij graag?"],
        "date_posted": ["2026-03-01", "2026-03-04", "not a date"],
    }
    base.update(columns)
    return pd.DataFrame(base)


def test_normalise_postings_resolves_places_to_municipalities():
    pytest.importorskip("transforms.geo")
    features = normalise_postings(_postings())
    assert features["municipality"].tolist() == ["utrecht"] * 3
    assert features["place_known"].all()


def test_normalise_postings_marks_regions_and_reads_the_town_in_a_title():
    pytest.importorskip("transforms.geo")
    frame = _postings(
        title=["Kok", "Kok | Zeist", "Kok - fulltime | Amersfoort"],
        location=["Utrecht e.o.", "Regio Utrecht", "Midden-Nederland"],
    )
    features = normalise_postings(frame)
    assert features["municipality"].tolist() == ["utrecht", "zeist", "amersfoort"]
    assert features["place_regional"].tolist() == [True, False, False]
    assert features["province"].tolist() == ["Utrecht"] * 3
    assert features["title_key"].tolist() == ["kok"] * 3


def test_normalise_postings_reads_hours_from_a_title_beside_one_end():
    frame = _postings(
        title=["Kok (24-32 uur)", "Kok (24-32 uur)", "Kok (24-32 uur)"],
        hours_min=[None, None, None],
        hours_max=[32.0, 40.0, None],
    )
    features = normalise_postings(frame)
    assert features["hours_min"].tolist() == [24.0, 40.0, 24.0]
    assert features["hours_max"].tolist() == [32.0, 40.0, 32.0]
    assert features["hours_ends"].tolist() == [3, 2, 3]


def test_normalise_postings_hides_an_agency_naming_itself():
    frame = _postings(source_type=["employer", "board", "agency"])
    features = normalise_postings(frame)
    assert features["employer_key"].tolist() == ["hotel ster", "hotel ster", ""]
    assert features["employer_hidden"].tolist() == [False, False, True]


def test_normalise_postings_converts_salaries_to_months_and_dates_to_days():
    frame = _postings(
        salary_min=[3000.0, 20.0, None],
        salary_max=[3000.0, 20.0, None],
        salary_period=["month", "hour", None],
    )
    features = normalise_postings(frame)
    assert features["salary_min"].iloc[0] == 3000.0
    assert features["salary_min"].iloc[1] == pytest.approx(20.0 * 4.33 * 38)
    assert pd.isna(features["salary_min"].iloc[2])
    assert features["day"].iloc[1] - features["day"].iloc[0] == 3
    assert pd.isna(features["day"].iloc[2])


def test_normalise_postings_reads_hours_from_titles_without_hours_fields():
    frame = _postings(
        title=["Kok | 24-32 uur", "Kok 40 uur", "Kok"],
        hours_min=[None, 36.0, None],
        hours_max=[None, 36.0, None],
    )
    features = normalise_postings(frame)
    assert features["hours_min"].tolist()[:2] == [24.0, 36.0]
    assert features["hours_max"].tolist()[:2] == [32.0, 36.0]
    assert pd.isna(features["hours_min"].iloc[2])


def test_normalise_postings_reads_an_implausible_salary_in_another_period():
    frame = _postings(
        salary_min=[41000.0, 41000.0, 15.0],
        salary_max=[47000.0, 47000.0, 16.0],
        salary_period=["year", "month", "month"],
    )
    features = normalise_postings(frame)
    assert features["salary_period"].tolist() == ["year", "year", "hour"]
    assert features["salary_min"].iloc[1] == features["salary_min"].iloc[0]
    assert features["salary_min"].iloc[2] == pytest.approx(15.0 * 4.33 * 38)


@pytest.mark.parametrize(
    ("short", "words", "expected"),
    [
        ("ig", ["individuele", "gezondheidszorg"], True),
        ("bbl", ["beroeps", "begeleidende", "leerweg"], True),
        ("ig", ["gezondheidszorg", "individuele"], False),
        ("i", ["individuele"], False),
        ("ict", ["informatie", "communicatie"], False),
    ],
)
def test_abbreviates_reads_initials_in_order(short, words, expected):
    assert abbreviates(short, words) is expected


@pytest.mark.parametrize(
    ("title", "employer", "key"),
    [
        ("Orderpicker - Direct starten!", "", "orderpicker"),
        ("Chauffeur C | € 15,29 p/u", "", "chauffeur c"),
        ("Kok (uitzicht op vast)", "", "kok"),
        ("Monteur (startersfunctie) in Utrecht", "", "monteur"),
        ("Backend developer - Brunel", "Brunel", "backend developer"),
        (
            "Doktersassistent | Huisartsenpraktijk De Horst",
            "Huisartsenpraktijk De Horst",
            "doktersassistent",
        ),
        ("Spoedeisende hulp verpleegkundige", "", "spoedeisende hulp verpleegkundige"),
    ],
)
def test_normalise_postings_drops_calls_pay_and_the_employer_from_titles(
    title, employer, key
):
    features = normalise_postings(_postings(title=[title] * 3, employer=[employer] * 3))
    assert features["title_key"].tolist() == [key] * 3


def test_normalise_employer_reads_other_names_of_a_municipality_only_whole():
    pytest.importorskip("transforms.geo")
    assert normalise_employer("Gemeente Den Haag") == normalise_employer(
        "gemeente 's-Gravenhage"
    )
    assert normalise_employer("Gemeente Groningen-Noord") != normalise_employer(
        "Gemeente Groningen"
    )


def test_normalise_postings_writes_a_rare_misspelling_as_most_boards_do():
    titles = (
        ["Orderpicker"] * 5 + ["Orderpikcer", "Doecnt economie"] + ["Docent Engels"] * 5
    )
    frame = pd.DataFrame(
        {
            "posting_id": [f"b:{i}" for i in range(len(titles))],
            "board": "b",
            "title": titles,
            "employer": "Bidfood",
            "location": "Ede",
            "description": "",
            "date_posted": "2026-03-01",
        }
    )
    keys = normalise_postings(frame)["title_key"].tolist()
    assert keys[5] == "orderpicker"
    assert keys[6] == "leraar economie"
    assert keys[7] == "leraar engels"

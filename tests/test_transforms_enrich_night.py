"""The night's enrichment on a small hand-built warehouse, on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from transforms.enrich import store
from transforms.enrich.contacts import read_linkedin_connections
from transforms.enrich.matching import read_client_profiles
from transforms.enrich.night import enrich_warehouse
from transforms.enrich.occupations import read_crosswalk, score_crosswalk
from transforms.enrich.trainings import read_training_catalogue
from transforms.enrich.videos import read_careeronestop, read_video_catalogue
from transforms.publish import published_vacancies
from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.load import insert_rows, read_frame

DATA = Path(__file__).parent / "data" / "enrich"
NIGHT = dt.date(2026, 12, 1)
NURSE_URI = "http://data.europa.eu/esco/occupation/0000aaaa-1111-2222-3333-444455556666"

#: id, title, employer, isco08, esco_uri, place, province, hours, education
VACANCIES = [
    ("v-nurse-uri", "Wijkverpleegkundige", "Stichting Zorggroep Het Baken", "2221",
     NURSE_URI, "Utrecht", "Utrecht", (24, 32), "mbo-4"),
    ("v-nurse", "Verpleegkundige", "Stichting Zorggroep Het Baken", "2221", None,
     "Zwolle", "Overijssel", (32, 36), "mbo-4"),
    ("v-midwife", "Verloskundige", "Verloskundigenpraktijk Noord", "2222", None,
     "Groningen", "Groningen", (24, 32), "hbo"),
    ("v-associate", "Praktijkverpleegkundige", "Huisartsenpraktijk De Brug B.V.",
     "3221", None, "Utrecht", "Utrecht", (16, 24), "mbo-4"),
    ("v-driver", "Chauffeur C", "Transportbedrijf Bakker & Zn. B.V.", "8332", None,
     "Zwolle", "Overijssel", (38, 40), "mbo-2"),
    ("v-welder", "Lasser", "Staalbouw Brabant B.V.", "7212", None, "Tilburg",
     "Noord-Brabant", (40, 40), "mbo-2"),
    ("v-policy", "Beleidsmedewerker", "Gemeente Utrecht", "2422", None, "Utrecht",
     "Utrecht", (32, 36), "wo"),
    ("v-uncoded", "Collega gezocht!", "Gemeente Utrechtse Heuvelrug", None, None,
     "Zeist", "Utrecht", (None, None), None),
]  # fmt: skip


def _load_vacancies(connection: sa.Connection) -> None:
    rows = []
    for vid, title, employer, isco, uri, place, province, hours, edu in VACANCIES:
        rows.append(
            {
                "vacancy_id": vid,
                "source_posting_id": f"p:{vid}",
                "location_id": f"l-{place}",
                "title": title,
                "employer": employer,
                "location": place,
                "place": place,
                "municipality": place,
                "province": province,
                "description": f"{title} bij {employer}. Mail j.jansen@example.org.",
                "url": f"https://board.example.org/{vid}",
                "education_level": edu,
                "isco08": isco,
                "esco_uri": uri,
                "occupation_label": title.lower() if isco else None,
                "n_postings": 1,
                "n_boards": 1,
                "hours_min_per_week": hours[0],
                "hours_max_per_week": hours[1],
                "content_hash": vid,
                "date_posted": NIGHT,
                "first_seen_date": NIGHT,
                "last_seen_date": NIGHT,
                "is_open": True,
            }
        )
    vacancies = pd.DataFrame(rows)
    locations = vacancies.drop_duplicates("location_id")[
        ["location_id", "place", "municipality", "province"]
    ].assign(is_remote=False)
    insert_rows(connection, m.core_locations, locations)
    insert_rows(connection, m.core_vacancies, vacancies)


def _import_catalogues(connection: sa.Connection) -> None:
    occupations = pd.DataFrame(
        [
            {
                "esco_uri": NURSE_URI,
                "esco_code": "2221.9",
                "isco08": "2221",
                "preferred_label": "wijkverpleegkundige",
                "is_active": True,
            }
        ]
    )
    insert_rows(connection, m.core_occupations, occupations)
    scored = score_crosswalk(read_crosswalk(DATA / "crosswalk.csv"))
    index = store.load_occupation_index(connection, crosswalk=scored)
    for catalogue in (
        read_video_catalogue(DATA / "videos_catalogue.csv", index),
        read_careeronestop(DATA / "careeronestop_videos.json", index),
    ):
        store.save_videos(
            connection,
            catalogue.videos,
            catalogue.links,
            source=catalogue.videos["source"].iloc[0],
            imported_date=NIGHT,
        )
    trainings = read_training_catalogue(DATA / "trainings_catalogue.csv", index)
    store.save_trainings(
        connection,
        trainings.trainings,
        trainings.links,
        source="catalogue:trainings",
        imported_date=NIGHT,
    )
    clients = read_client_profiles(DATA / "clients.csv", index)
    store.save_client_profiles(
        connection,
        clients.clients,
        clients.profiles,
        clients.occupations,
        imported_date=NIGHT,
    )
    contacts, _ = read_linkedin_connections(DATA / "Connections.csv", client_id="k-001")
    store.save_contacts(connection, contacts, imported_date=NIGHT)


@pytest.fixture
def engine(warehouse_url):
    engine = get_engine(warehouse_url)
    migrate(engine)
    with engine.begin() as connection:
        _load_vacancies(connection)
        _import_catalogues(connection)
    yield engine
    engine.dispose()


def _table(engine, table: sa.Table) -> pd.DataFrame:
    with engine.connect() as connection:
        return read_frame(connection, sa.select(table))


def _enrich(engine) -> None:
    with engine.begin() as connection:
        enrich_warehouse(connection, run_date=NIGHT)


def test_enrich_warehouse_gives_videos_and_trainings(engine):
    _enrich(engine)
    chosen = _table(engine, m.core_vacancy_videos).merge(
        _table(engine, m.core_videos), on="video_id"
    )
    by_vacancy = chosen.set_index("vacancy_id")
    assert by_vacancy.loc["v-nurse-uri", "title"] == "Beroepsbeeld wijkverpleegkundige"
    assert by_vacancy.loc["v-nurse-uri", "match_level"] == "esco"
    assert by_vacancy.loc["v-nurse", "title"] == "Beroepsbeeld verpleegkundige"
    assert by_vacancy.loc["v-midwife", "match_level"] == "isco3"
    assert by_vacancy.loc["v-driver", "language"] == "nl"
    # The associate nurse is of another major group than every nurse video;
    # the welder's only video is about a training; one vacancy is not coded.
    assert set(by_vacancy.index) == {"v-nurse-uri", "v-nurse", "v-midwife", "v-driver"}
    assert (chosen["enriched_date"] == NIGHT).all()

    listed = _table(engine, m.core_vacancy_trainings).merge(
        _table(engine, m.core_trainings), on="training_id"
    )
    nurse = listed[listed["vacancy_id"] == "v-nurse"].sort_values("training_rank")
    # Zwolle is in Overijssel: its BBL first, then the nationwide course.
    assert nurse["name"].tolist()[:2] == [
        "Verpleegkundige BBL",
        "Opfriscursus verpleegkunde",
    ]
    associate = listed.loc[listed["vacancy_id"] == "v-associate", "name"]
    assert associate.tolist() == ["Verpleegkundige BBL"]  # it leads to 3221 too
    assert set(listed["vacancy_id"]) == {
        "v-nurse-uri",
        "v-nurse",
        "v-associate",
        "v-driver",
    }


def test_enrich_warehouse_finds_the_clients_network_and_matches(engine):
    _enrich(engine)
    contacts = _table(engine, m.private_client_vacancy_contacts)
    known = contacts.groupby("contact_name")["vacancy_id"].agg(set).to_dict()
    assert known == {
        "Anna de Vries": {"v-nurse-uri", "v-nurse"},
        "Joost van Dijk, MSc": {"v-nurse-uri", "v-nurse"},
        "Bram Jansen": {"v-policy"},
        "Chris Bakker": {"v-driver"},
        # Femke works at Gemeente Utrechtse Heuvelrug, not at Gemeente Utrecht.
        "Femke Mulder": {"v-uncoded"},
    }
    matches = _table(engine, m.private_client_vacancy_matches)
    one = matches[matches["client_id"] == "k-001"].sort_values("match_rank")
    assert one["vacancy_id"].tolist()[:2] == ["v-nurse-uri", "v-nurse"]
    top = one.iloc[0]
    assert top["n_contacts"] == 2
    assert "kent Anna de Vries" in top["reasons"]
    two = matches[matches["client_id"] == "k-002"]
    assert two["vacancy_id"].tolist() == ["v-driver"]


def test_enrich_warehouse_twice_gives_the_same_rows(engine):
    _enrich(engine)
    tables = (
        m.core_vacancy_videos,
        m.core_vacancy_trainings,
        m.private_client_vacancy_contacts,
        m.private_client_vacancy_matches,
    )

    def rows(table: sa.Table) -> list[tuple]:
        frame = _table(engine, table)
        return sorted(map(tuple, frame.astype(str).to_numpy().tolist()))

    before = {table.fullname: rows(table) for table in tables}
    _enrich(engine)
    assert {table.fullname: rows(table) for table in tables} == before


def test_enrich_warehouse_does_not_load_the_demo_set_over_imported_data(engine):
    _enrich(engine)
    with engine.connect() as connection:
        assert store.has_own_data(connection)
    sources = set(_table(engine, m.core_videos)["source"])
    assert store.DEMO_SOURCE not in sources


def test_published_vacancies_carry_the_video_and_trainings(engine):
    _enrich(engine)
    with engine.connect() as connection:
        vacancies = read_frame(connection, sa.select(m.core_vacancies))
        trainings = store.published_trainings(connection, published_date=NIGHT)
        rows = published_vacancies(
            vacancies,
            published_date=NIGHT,
            videos=store.published_videos(connection),
            trainings=trainings,
        ).set_index("vacancy_id")
    assert rows.loc["v-nurse", "video_title"] == "Beroepsbeeld verpleegkundige"
    assert rows.loc["v-nurse", "video_match_level"] == "isco4"
    assert rows.loc["v-nurse", "n_trainings"] == 3
    assert pd.isna(rows.loc["v-associate", "video_url"])
    assert rows.loc["v-associate", "n_trainings"] == 1
    assert rows.loc["v-welder", "n_trainings"] == 0
    assert "j.jansen@example.org" not in " ".join(rows["description_html"])
    assert set(trainings.columns) == {c.name for c in m.published_vacancy_trainings.c}


def test_remove_client_forgets_everything_about_them(engine):
    _enrich(engine)
    with engine.begin() as connection:
        deleted = store.remove_client(connection, "k-001")
    assert deleted > 10
    for table in (
        m.private_clients,
        m.private_client_profiles,
        m.private_client_occupations,
        m.private_client_contacts,
        m.private_client_vacancy_contacts,
        m.private_client_vacancy_matches,
    ):
        assert "k-001" not in set(_table(engine, table)["client_id"])
    assert "k-002" in set(_table(engine, m.private_clients)["client_id"])


def test_enrich_warehouse_on_an_empty_warehouse_loads_the_demo_set(warehouse_url):
    engine = get_engine(warehouse_url)
    try:
        migrate(engine)
        with engine.begin() as connection:
            _load_vacancies(connection)
        _enrich(engine)
        videos = _table(engine, m.core_videos)
        assert set(videos["source"]) == {store.DEMO_SOURCE}
        assert not _table(engine, m.core_vacancy_videos).empty
        clients = _table(engine, m.private_clients)
        assert set(clients["source"]) == {store.DEMO_SOURCE}
        # Importing anything of one's own removes the whole demo set.
        trainings = pd.DataFrame(
            [{"training_id": "t-own", "name": "Eigen opleiding", "source": "own"}]
        )
        links = pd.DataFrame(
            [{"training_id": "t-own", "occupation_code": "2221", "isco08": "2221"}]
        )
        with engine.begin() as connection:
            store.save_trainings(
                connection, trainings, links, source="own", imported_date=NIGHT
            )
        assert _table(engine, m.core_videos).empty
        assert _table(engine, m.private_clients).empty
        _enrich(engine)
        assert _table(engine, m.core_videos).empty
        assert set(_table(engine, m.core_vacancy_trainings)["training_id"]) == {"t-own"}
    finally:
        engine.dispose()

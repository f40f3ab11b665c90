"""The offline demo night shows videos, trainings and the demo clients' networks."""

from __future__ import annotations

from importlib import resources

import pandas as pd
import pytest
import sqlalchemy as sa
from support import NIGHT_1, copy_landing, run_context

from vacatures.order import PARALLEL_STEPS, STEP_ORDER
from vacatures.steps import run_night
from warehouse import models as m
from warehouse.db import get_engine
from warehouse.load import read_frame

AFTER_CRAWL = [name for name in STEP_ORDER if name not in PARALLEL_STEPS]
DEMO_DATA = resources.files("transforms.enrich") / "data"
#: Demo contacts at employers that only sound like demo employers.
SOUND_ALIKES = {
    "Tom Wouters",  # Zorggroep Het Baken Noord
    "Sanne de Wit",  # Gemeente Utrechtse Heuvelrug
    "Dirk Mulder",  # Koelvers Logistiek Holding
    "Bas Hendriks",  # Datastroom Consultancy
    "Els van Dam",  # Bakkerij Van Damme
    "Lieke Meijer",  # Gemeente Groningen-Noord
    "Frank de Jong",  # Bouwbedrijf Mulderink
}


@pytest.fixture(scope="module")
def demo_night(tmp_path_factory):
    """Crawl the demo boards for one night and run the rest of it on DuckDB."""
    from vacatures.demo.server import DemoBoards

    crawled = tmp_path_factory.mktemp("demo-crawl")
    with DemoBoards(as_of=NIGHT_1) as site:
        registry = site.write_registry(crawled / "boards.toml")
        run_night(
            run_context(crawled, "duckdb:///:memory:", registry, NIGHT_1),
            steps=["crawl"],
        )
    home = tmp_path_factory.mktemp("demo-night")
    copy_landing(crawled / "landing", home)
    url = f"duckdb:///{home / 'warehouse.duckdb'}"
    results = run_night(run_context(home, url, registry, NIGHT_1), steps=AFTER_CRAWL)
    engine = get_engine(url)
    tables = {}
    with engine.connect() as connection:
        for table in (
            m.published_vacancies,
            m.published_vacancy_trainings,
            m.private_client_vacancy_contacts,
            m.private_client_vacancy_matches,
            m.core_videos,
        ):
            tables[table.fullname] = read_frame(connection, sa.select(table))
    engine.dispose()
    return results, tables


def _catalogue(name: str) -> pd.DataFrame:
    with (DEMO_DATA / name).open(encoding="utf-8") as handle:
        return pd.read_csv(handle, dtype=str, keep_default_na=False)


def test_demo_night_shows_a_video_wherever_the_catalogue_has_one(demo_night):
    results, tables = demo_night
    assert "enrich" in results
    published = tables["published.vacancies"]
    videos = _catalogue("demo_videos.csv")
    videos = videos[videos["kind"] == "occupation"]
    unit_groups = set(videos["occupation"])
    covered = published[published["isco08"].isin(unit_groups)]
    assert len(covered) > 0.8 * len(published)
    assert covered["video_url"].notna().all()
    assert (covered["video_match_level"] == "isco4").all()


def test_demo_night_never_shows_a_video_of_another_major_group(demo_night):
    _, tables = demo_night
    published = tables["published.vacancies"]
    shown = published[published["video_url"].notna()]
    assert not shown.empty
    code_of_url = _catalogue("demo_videos.csv").set_index("url")["occupation"]
    video_codes = shown["video_url"].map(code_of_url)
    assert video_codes.notna().all()
    assert (video_codes.str[0] == shown["isco08"].str[0]).all()
    # A neighbour's or a whole group's video only where the catalogue has none
    # for the vacancy's own unit group.
    own = video_codes == shown["isco08"]
    unit_groups = set(code_of_url[code_of_url.str.len() == 4])
    assert not shown.loc[~own, "isco08"].isin(unit_groups).any()


def test_demo_night_publishes_trainings_towards_the_occupation(demo_night):
    _, tables = demo_night
    listed = tables["published.vacancy_trainings"]
    assert not listed.empty
    trainings = _catalogue("demo_trainings.csv")
    codes_of = trainings.set_index("name")["occupations"].str.split("|").to_dict()
    isco_of = tables["published.vacancies"].set_index("vacancy_id")["isco08"]
    for vacancy_id, name in zip(listed["vacancy_id"], listed["name"], strict=True):
        assert isco_of[vacancy_id] in codes_of[name]
    counts = listed.groupby("vacancy_id").size()
    published = tables["published.vacancies"].set_index("vacancy_id")
    assert (published.loc[counts.index, "n_trainings"] == counts).all()
    assert counts.max() <= 3


def test_demo_night_finds_the_demo_clients_contacts(demo_night):
    _, tables = demo_night
    contacts = tables["private.client_vacancy_contacts"]
    demo_contacts = _catalogue("demo_contacts.csv")
    assert set(contacts["contact_name"]) <= set(demo_contacts["name"])
    assert len(set(contacts["contact_name"])) >= 5
    assert not set(contacts["contact_name"]) & SOUND_ALIKES
    matches = tables["private.client_vacancy_matches"]
    assert matches["client_id"].nunique() >= 5
    assert matches["reasons"].str.len().min() > 10
    with_contacts = matches[matches["n_contacts"] > 0]
    assert with_contacts["reasons"].str.contains("kent ").all()


def test_demo_night_keeps_clients_out_of_the_published_layer(demo_night):
    _, tables = demo_night
    published = tables["published.vacancies"].astype(str).to_string()
    for name in _catalogue("demo_contacts.csv")["name"]:
        assert name not in published
    assert set(tables["core.videos"]["source"]) == {"demo"}

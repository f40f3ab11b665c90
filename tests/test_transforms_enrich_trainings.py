"""Trainings: catalogues, schema.org pages, a polite fetch, the list per vacancy."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

import pandas as pd
import pytest

from transforms.enrich.occupations import OccupationIndex
from transforms.enrich.trainings import (
    choose_trainings,
    extract_trainings,
    fetch_pages,
    parse_level,
    parse_region,
    parse_weeks,
    read_training_catalogue,
    read_training_pages,
)

DATA = Path(__file__).parent / "data" / "enrich"


@pytest.fixture
def index() -> OccupationIndex:
    return OccupationIndex(pd.DataFrame(columns=["esco_uri", "esco_code", "isco08"]))


def test_parse_level_reads_how_providers_write_levels():
    assert parse_level("Mbo-diploma niveau 4") == "mbo-4"
    assert parse_level("MBO 2") == "mbo-2"
    assert parse_level("hbo-bachelor") == "hbo"
    assert parse_level("Associate degree") == "hbo"
    assert parse_level("WO master") == "wo"
    assert parse_level("korte cursus") == "course"
    assert parse_level("diploma") is None


def test_parse_weeks_reads_text_and_iso_durations():
    assert parse_weeks("4 jaar") == 208.0
    assert parse_weeks("P2W") == 2.0
    assert parse_weeks("6 weken") == 6.0
    assert parse_weeks("3 dagen") == 0.4
    assert parse_weeks("in overleg") is None


def test_parse_region_gives_provinces_and_none_for_nationwide():
    assert parse_region("Tiel") == "Gelderland"
    assert parse_region("Noord-Holland") == "Noord-Holland"
    assert parse_region("Landelijk") is None
    assert parse_region("Nederland") is None


def test_read_training_catalogue_csv(index):
    catalogue = read_training_catalogue(DATA / "trainings_catalogue.csv", index)
    rows = catalogue.trainings.set_index("name")
    bol = rows.loc["Verpleegkundige BOL"]
    assert bol["level"] == "mbo-4"
    assert bol["duration_weeks"] == 208.0
    assert bol["job_chance_pct"] == 92.0
    assert bol["region"] == "Utrecht"
    assert bol["video_url"].endswith("verpleegkundige.mp4")
    assert rows.loc["Verpleegkunde (hbo)", "job_chance_pct"] == 95.0
    assert rows.loc["Verpleegkunde (hbo)", "level"] == "hbo"
    assert pd.isna(rows.loc["Opfriscursus verpleegkunde", "region"])
    assert rows.loc["Opfriscursus verpleegkunde", "level"] == "course"
    bbl = rows.loc["Verpleegkundige BBL", "training_id"]
    assert set(
        catalogue.links.loc[catalogue.links["training_id"] == bbl, "isco08"]
    ) == {
        "2221",
        "3221",
    }
    assert dict(catalogue.dropped) == {
        "no_name": 1,
        "no_occupation": 1,
        "unresolved_occupation": 1,
    }


def test_read_training_catalogue_json(index):
    catalogue = read_training_catalogue(DATA / "trainings_catalogue.json", index)
    training = catalogue.trainings.iloc[0]
    assert training["region"] == "Noord-Brabant"
    assert training["duration_weeks"] == 104.0
    assert catalogue.links["isco08"].tolist() == ["7115"]


def test_extract_trainings_reads_an_educational_program():
    url = "https://www.roc.example.org/opleidingen/verpleegkundige"
    (found,) = extract_trainings((DATA / "training_program.html").read_bytes(), url)
    assert found["name"] == "Mbo-verpleegkundige (BOL)"
    assert found["provider"] == "ROC Rivierenland"
    assert parse_level(found["level"]) == "mbo-4"
    assert found["duration"] == "P4Y"
    assert found["job_chance_pct"] == 87.0
    assert found["region"] == "Gelderland"
    assert found["occupations"] == ["2221", "3221"]
    assert found["url"] == "https://www.roc.example.org/opleidingen/verpleegkundige-bol"
    assert found["video_url"] == (
        "https://www.roc.example.org/media/verpleegkundige-bol.mp4"
    )
    assert "zorgplannen opstellen" in found["description"]


def test_extract_trainings_reads_a_course_in_a_graph():
    url = "https://leerhuis.example.org/heftruck"
    (found,) = extract_trainings((DATA / "training_course.html").read_text(), url)
    assert found["name"] == "Cursus heftruckchauffeur"
    assert found["occupations"] == ["8344"]
    assert found["job_chance_pct"] == 76.0
    assert parse_region(found["region"]) is None
    assert parse_weeks(found["duration"]) == 2.0


def test_extract_trainings_finds_nothing_on_other_pages():
    page = (DATA / "training_none.html").read_text()
    assert extract_trainings(page, "https://roc.example.org/contact") == []
    assert extract_trainings("", "https://roc.example.org/") == []


class _Site(http.server.SimpleHTTPRequestHandler):
    pages: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        body = self.pages.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve(pages: dict[str, bytes]) -> Iterator[str]:
    """Serve ``pages`` (path to body) on 127.0.0.1 and yield the base URL."""
    _Site.pages = pages
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


TRAINING_SITE = {
    "/robots.txt": b"User-agent: *\nDisallow: /intern/\n",
    "/opleidingen/verpleegkundige": (DATA / "training_program.html").read_bytes(),
    "/cursussen/heftruck": (DATA / "training_course.html").read_bytes(),
    "/intern/verpleegkundige": (DATA / "training_program.html").read_bytes(),
    "/contact": (DATA / "training_none.html").read_bytes(),
}


@pytest.fixture
def site() -> Iterator[str]:
    with serve(TRAINING_SITE) as base:
        yield base


def test_fetch_pages_obeys_robots_and_counts_failures(site, index):
    urls = [
        f"{site}/opleidingen/verpleegkundige",
        f"{site}/cursussen/heftruck",
        f"{site}/intern/verpleegkundige",
        f"{site}/bestaat-niet",
        f"{site}/contact",
        "file:///etc/passwd",
    ]
    pages, failures = fetch_pages(urls, delay=0.0)
    assert [url for url, _ in pages] == [urls[0], urls[1], urls[4]]
    assert failures == {"robots_txt": 1, "http_404": 1, "bad_url": 1}
    catalogue = read_training_pages(pages, index, source="pages:test")
    assert sorted(catalogue.trainings["name"]) == [
        "Cursus heftruckchauffeur",
        "Mbo-verpleegkundige (BOL)",
    ]
    assert catalogue.dropped == {"no_training_on_page": 1}
    program = catalogue.trainings.set_index("name").loc["Mbo-verpleegkundige (BOL)"]
    assert program["url"] == f"{site}/opleidingen/verpleegkundige-bol"


def _trainings() -> tuple[pd.DataFrame, pd.DataFrame]:
    trainings = pd.DataFrame(
        {
            "training_id": ["utrecht", "groningen", "national", "unknown", "assoc"],
            "name": ["Utrecht 80", "Groningen 95", "Landelijk 85", "Onbekend", "Assoc"],
            "region": ["Utrecht", "Groningen", None, "Utrecht", "Utrecht"],
            "job_chance_pct": [80.0, 95.0, 85.0, None, 99.0],
        }
    )
    links = pd.DataFrame(
        {
            "training_id": ["utrecht", "groningen", "national", "unknown", "assoc"],
            "isco08": ["2221", "2221", "2221", "2221", "3221"],
            "esco_uri": None,
        }
    )
    return trainings, links


def test_choose_trainings_puts_the_region_first_then_the_chance_of_a_job():
    trainings, links = _trainings()
    vacancies = pd.DataFrame(
        {
            "vacancy_id": ["utrecht", "groningen", "limburg", "associate"],
            "isco08": ["2221", "2221", "2221", "2222"],
            "esco_uri": None,
            "province": ["Utrecht", "Groningen", "Limburg", "Utrecht"],
        }
    )
    listed = choose_trainings(vacancies, trainings, links, per_vacancy=3)
    order = listed.groupby("vacancy_id")["training_id"].apply(list).to_dict()
    assert order["utrecht"] == ["utrecht", "unknown", "national"]
    assert order["groningen"] == ["groningen", "national", "utrecht"]
    assert order["limburg"] == ["national", "groningen", "utrecht"]
    # A training for nurses is no way into a neighbouring unit group.
    assert "associate" not in order
    first = listed[listed["training_rank"] == 1].set_index("vacancy_id")
    assert bool(first.loc["limburg", "is_in_region"]) is True
    last = listed.set_index(["vacancy_id", "training_id"])
    assert bool(last.loc[("limburg", "utrecht"), "is_in_region"]) is False

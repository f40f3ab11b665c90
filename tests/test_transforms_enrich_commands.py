"""The videos, trainings, clients and warehouse commands on an embedded warehouse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from test_transforms_enrich_night import _load_vacancies
from test_transforms_enrich_trainings import TRAINING_SITE, serve
from typer.testing import CliRunner

from vacatures.cli import app
from vacatures.cli.commands import register
from vacatures.errors import InputError, UserError
from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.load import read_frame

DATA = Path(__file__).parent / "data" / "enrich"
CROSSWALK = str(DATA / "crosswalk.csv")

if not app.registered_groups:
    register(app)


@pytest.fixture
def warehouse(tmp_path) -> str:
    url = f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    engine = get_engine(url)
    migrate(engine)
    with engine.begin() as connection:
        _load_vacancies(connection)
    engine.dispose()
    return url


def invoke(warehouse: str, *args: str):
    result = CliRunner().invoke(app, [*args, "--warehouse", warehouse])
    return result


def rows(warehouse: str, table: sa.Table):
    engine = get_engine(warehouse)
    try:
        with engine.connect() as connection:
            return read_frame(connection, sa.select(table))
    finally:
        engine.dispose()


def test_videos_import_reads_each_kind(warehouse):
    done = invoke(warehouse, "videos", "import", str(DATA / "videos_catalogue.csv"))
    assert done.exit_code == 0, done.output
    done = invoke(
        warehouse,
        "videos",
        "import",
        str(DATA / "careeronestop_videos.json"),
        "--crosswalk",
        CROSSWALK,
    )
    assert done.exit_code == 0, done.output
    done = invoke(warehouse, "videos", "import", str(DATA / "youtube_feed.xml"))
    assert done.exit_code == 0, done.output
    videos = rows(warehouse, m.core_videos)
    assert videos.groupby("source").size().to_dict() == {
        # The wijkverpleegkundige's ESCO URI is not in this warehouse's taxonomy.
        "catalogue:videos_catalogue": 5,
        "careeronestop": 2,
        "youtube:Beroepen in Beeld": 2,
    }
    # Importing a source again replaces it.
    invoke(warehouse, "videos", "import", str(DATA / "videos_catalogue.csv"))
    assert len(rows(warehouse, m.core_videos)) == 9


def test_videos_import_of_careeronestop_needs_the_crosswalk(warehouse):
    done = invoke(
        warehouse, "videos", "import", str(DATA / "careeronestop_videos.json")
    )
    assert isinstance(done.exception, InputError)
    assert "--crosswalk" in str(done.exception)


def test_trainings_import_reads_catalogues_and_pages(warehouse, tmp_path):
    done = invoke(
        warehouse, "trainings", "import", str(DATA / "trainings_catalogue.csv")
    )
    assert done.exit_code == 0, done.output
    pages = tmp_path / "pages.txt"
    with serve(TRAINING_SITE) as site:
        pages.write_text(
            f"# opleidingen\n{site}/opleidingen/verpleegkundige\n"
            f"{site}/cursussen/heftruck\n"
        )
        done = invoke(warehouse, "trainings", "import", str(pages), "--delay", "0")
    assert done.exit_code == 0, done.output
    trainings = rows(warehouse, m.core_trainings)
    assert trainings.groupby("source").size().to_dict() == {
        "catalogue:trainings_catalogue": 5,
        "pages:pages": 2,
    }


def test_clients_commands_import_match_show_and_remove(warehouse):
    done = invoke(warehouse, "videos", "import", str(DATA / "videos_catalogue.csv"))
    assert done.exit_code == 0, done.output
    done = invoke(warehouse, "clients", "import", str(DATA / "clients.csv"))
    assert done.exit_code == 0, done.output
    done = invoke(
        warehouse,
        "clients",
        "contacts",
        str(DATA / "Connections.csv"),
        "--client",
        "k-001",
    )
    assert done.exit_code == 0, done.output
    done = invoke(warehouse, "clients", "contacts", str(DATA / "contacts.csv"))
    assert done.exit_code == 0, done.output
    contacts = rows(warehouse, m.private_client_contacts)
    assert contacts.groupby("client_id").size().to_dict() == {
        "k-001": 9,
        "k-002": 2,
        "k-003": 1,
    }
    done = invoke(warehouse, "clients", "match", "--date", "2026-12-01")
    assert done.exit_code == 0, done.output
    assert not rows(warehouse, m.private_client_vacancy_matches).empty

    shown = CliRunner().invoke(
        app,
        ["clients", "show", "k-001", "--warehouse", warehouse],
        env={"COLUMNS": "200"},
    )
    assert shown.exit_code == 0, shown.output
    assert "Wijkverpleegkundige" in shown.output
    assert "Anna de Vries" in shown.output

    done = invoke(warehouse, "clients", "remove", "k-001")
    assert done.exit_code == 0, done.output
    assert "k-001" not in set(rows(warehouse, m.private_clients)["client_id"])
    again = invoke(warehouse, "clients", "remove", "k-001")
    assert isinstance(again.exception, UserError)


def test_linkedin_export_without_a_client_is_a_one_line_error(warehouse):
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from vacatures.cli import main; main()",
            "clients",
            "contacts",
            str(DATA / "Connections.csv"),
            "--warehouse",
            warehouse,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "vacatures: error: a LinkedIn export belongs to one client: pass --client"
    )


def test_warehouse_grant_portal_needs_postgresql(warehouse):
    done = invoke(warehouse, "warehouse", "grant-portal")
    assert isinstance(done.exception, UserError)
    assert "PostgreSQL" in str(done.exception)


def test_videos_import_fetches_a_feed_by_url(warehouse):
    feed = (DATA / "youtube_feed.xml").read_bytes()
    with serve({"/robots.txt": b"", "/feeds/videos.xml": feed}) as base:
        done = invoke(
            warehouse,
            "videos",
            "import",
            f"{base}/feeds/videos.xml",
            "--source",
            "youtube:beroepen",
        )
    assert done.exit_code == 0, done.output
    videos = rows(warehouse, m.core_videos)
    assert set(videos["source"]) == {"youtube:beroepen"}
    assert videos["url"].str.startswith("https://www.youtube.com/watch?v=").all()

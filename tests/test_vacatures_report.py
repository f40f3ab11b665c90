"""The run report on a hand-built night: numbers, files, command and browser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from test_warehouse_views import D1, D2, D3, load_history

from vacatures.errors import UserError
from vacatures.report import build_report, render_html, write_report
from warehouse import models as m
from warehouse.db import get_engine
from warehouse.load import insert_rows, upsert_rows
from warehouse.quality import run_checks, store_results

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium() -> Path:
    """Return the Chromium binary; skip without it, or fail under CI."""
    if CHROMIUM.is_file():
        return CHROMIUM
    reason = f"headless Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(reason + "; CI is set, so this is a failure")
    pytest.skip(reason + "; set CI=true to make this a failure")


def open_in_chromium(page: Path, *args: str) -> subprocess.CompletedProcess:
    """Load ``page`` in headless Chromium with a fresh profile and no network."""
    binary = chromium()
    profile = tempfile.mkdtemp(prefix="vacatures-chromium-")
    try:
        return subprocess.run(
            [
                str(binary),
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                *args,
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def assert_report_renders(page: Path, *, texts: list[str]) -> None:
    """Check that a report page renders its charts and some of its numbers."""
    dom = open_in_chromium(page, "--dump-dom").stdout
    for chart in ("trend", "boards", "occupations", "provinces"):
        start = dom.index(f'id="chart-{chart}"')
        figure = dom[start : dom.index("</figure>", start)]
        assert "<svg" in figure, f"chart {chart} has no SVG in the rendered DOM"
        assert "<path" in figure or "<rect" in figure
    for text in texts:
        assert text in dom
    shot = page.with_suffix(".png")
    open_in_chromium(page, f"--screenshot={shot}", "--window-size=1100,1600")
    from matplotlib.image import imread

    pixels = imread(shot)
    assert pixels.shape[0] >= 1000
    # A blank page is one colour; a rendered report has text and bars.
    assert pixels[..., :3].std() > 0.05


def _night_rows(engine) -> None:
    crawls = pd.DataFrame(
        [
            {"run_date": D2, "board": "a", "status": "ok", "pages_fetched": 12},
            {"run_date": D2, "board": "b", "status": "failed", "pages_fetched": 1},
        ]
    )
    failures = pd.DataFrame(
        [{"run_date": D2, "board": "b", "reason": "http_503", "n_failures": 4}]
    )
    quarantine = pd.DataFrame(
        [
            {
                "run_date": D2,
                "board": "a",
                "record_number": number,
                "reason": reason,
                "raw": "{}",
            }
            for number, reason in enumerate(
                ["missing_title", "missing_title", "bad_date"]
            )
        ]
    )
    runs = pd.DataFrame(
        [
            {
                "run_date": D2,
                "step": "stage",
                "status": "ok",
                "rows_in": 8,
                "rows_out": 5,
            },
            {
                "run_date": D2,
                "step": "classify",
                "status": "ok",
                "rows_in": 3,
                "rows_out": 2,
                "details": json.dumps({"taxonomy_version": "starter-1"}),
            },
            {
                "run_date": D2,
                "step": "publish",
                "status": "ok",
                "rows_in": 3,
                "rows_out": 3,
            },
        ]
    )
    with engine.begin() as connection:
        insert_rows(connection, m.staging_board_crawls, crawls)
        insert_rows(connection, m.staging_crawl_failures, failures)
        insert_rows(connection, m.staging_quarantine, quarantine)
        upsert_rows(connection, m.core_runs, runs, key=["run_date", "step"])
        store_results(connection, D2, run_checks(connection, D2))


@pytest.fixture
def engine(warehouse_url):
    engine = get_engine(warehouse_url)
    load_history(engine)
    _night_rows(engine)
    yield engine
    engine.dispose()


def test_build_report_counts_the_night(engine):
    report = build_report(engine, D2)
    assert [b["board"] for b in report.boards] == ["a", "b"]
    assert [b["status"] for b in report.boards] == ["ok", "failed"]
    # Staged on the second night: a:v1, a:v2, a:loose on a; b:v1, b:v3 on b.
    assert [b["postings_staged"] for b in report.boards] == [3, 2]
    assert report.quarantined == [
        {"reason": "missing_title", "n_records": 2},
        {"reason": "bad_date", "n_records": 1},
    ]
    assert report.crawl_failures == [
        {"board": "b", "reason": "http_503", "n_failures": 4}
    ]
    assert report.vacancies | {"changes": None} == {
        "n_open": 3,
        "n_new": 1,
        "n_closed": 0,
        "mean_days_open_closed": None,
        "n_changed": 0,
        "changes": None,
    }
    assert report.dedupe["n_postings"] == 5
    assert report.dedupe["dedupe_rate"] == pytest.approx(1 - 3 / 4)
    assert report.coding["share_coded"] == pytest.approx(2 / 3)
    assert report.coding["taxonomy_version"] == "starter-1"
    assert report.top_occupations[0]["isco08"] == "2512"
    assert report.top_occupations[0]["n_open"] == 2
    assert {p["province"]: p["n_open"] for p in report.provinces} == {
        "Utrecht": 2,
        "unknown": 1,
    }
    # The unlinked posting fails its gate and comes first.
    assert report.gates[0]["check_name"] == "not_null:core.postings.vacancy_id"
    assert report.gate_counts["fail"] == 1
    assert report.published
    assert [t["night_date"] for t in report.trend] == [
        D1.isoformat(),
        D2.isoformat(),
    ]
    assert report.trend[-1]["n_open"] == 3


def test_build_report_trend_stops_at_the_night(engine):
    report = build_report(engine, D3, nights=2)
    assert [t["night_date"] for t in report.trend] == [
        D2.isoformat(),
        D3.isoformat(),
    ]
    assert report.vacancies["n_closed"] == 2
    assert report.vacancies["mean_days_open_closed"] == 1.5


def test_build_report_night_never_run_is_an_error(engine):
    with pytest.raises(UserError, match="no run recorded for 2026-11-30"):
        build_report(engine, dt.date(2026, 11, 30))


def test_write_report_same_night_same_bytes(engine, tmp_path):
    first = write_report(build_report(engine, D2), tmp_path / "a")
    second = write_report(build_report(engine, D2), tmp_path / "b")
    assert first.html.name == "2026-12-02.html"
    assert first.html.read_bytes() == second.html.read_bytes()
    data = json.loads(first.json.read_text(encoding="utf-8"))
    assert data["run_date"] == "2026-12-02"
    assert data["vacancies"]["n_open"] == 3
    assert data["gate_counts"]["fail"] == 1


def test_render_html_is_self_contained(engine):
    page = render_html(build_report(engine, D2))
    assert page.count("<svg") == 5
    # Namespace names are URIs, not addresses anything is fetched from.
    fetchable = re.sub(r'xmlns(:\w+)?="[^"]*"', "", page)
    for fetch in ("<script", "http://", "https://", "<link", "@import"):
        assert fetch not in fetchable
    # Clip paths refer to elements of the same page, nothing else.
    assert re.search(r"url\((?!#)", fetchable) is None
    assert "Published" in page


def _vacatures(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from vacatures.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("warehouse_url", ["duckdb"], indirect=True)
def test_report_command_writes_both_files(warehouse_url, engine, tmp_path):
    engine.dispose()  # the embedded file takes one process at a time
    result = _vacatures(
        "report",
        "--date",
        "2026-12-02",
        "--output-dir",
        str(tmp_path / "reports"),
        "--warehouse",
        warehouse_url,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        "2026-12-02.html",
        "2026-12-02.json",
    ]
    missing = _vacatures("report", "--date", "2026-11-30", "--warehouse", warehouse_url)
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        "vacatures: error: no run recorded for 2026-11-30 in the warehouse;"
        " run that night first"
    ]


@pytest.mark.parametrize("warehouse_url", ["duckdb"], indirect=True)
def test_report_opens_in_chromium_with_its_charts(engine, tmp_path):
    files = write_report(build_report(engine, D2), tmp_path)
    assert_report_renders(files.html, texts=["The night of 2026-12-02", "http_503"])

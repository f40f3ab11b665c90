"""Nights in a row on the demo boards: history, replays, backfills and faults.

The nightly DAG runs two consecutive nights against the demo boards, then the
first night again, a backfill and a night its gates hold back; what the
warehouse holds is compared with the demo's truth. Faults and failing gates
run the steps in-process on the landing files those nights left, on both
backends.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from support import NIGHT_1, NIGHT_2, copy_landing, run_context, scalar, snapshot
from test_vacatures_report import assert_report_renders

from vacatures.order import PARALLEL_STEPS, STEP_ORDER
from vacatures.steps import run_night, run_step
from warehouse.db import get_engine
from warehouse.load import read_frame
from warehouse.quality import QualityGateError

ROOT = Path(__file__).resolve().parents[1]

# Every test here reads what the nightly DAG did, or replays its landing files.
pytestmark = pytest.mark.airflow

DAY = dt.timedelta(days=1)
NIGHT_0, NIGHT_3 = NIGHT_1 - DAY, NIGHT_2 + DAY
#: The steps up to publication, without the crawl: the landing files replay.
AFTER_CRAWL = [
    name
    for name in STEP_ORDER[: STEP_ORDER.index("publish")]
    if name not in PARALLEL_STEPS
]
#: Fields of core.vacancy_changes a change of each kind in the demo shows in.
CHANGE_FIELDS = {
    "salary": {"salary_min_eur", "salary_max_eur"},
    "hours": {"hours_min_per_week", "hours_max_per_week"},
    "description": {"description"},
}


def at_two(night: dt.date):
    """Return 02:00 Dutch time on ``night``, when the nightly run starts."""
    import pendulum

    return pendulum.datetime(
        night.year, night.month, night.day, 2, tz="Europe/Amsterdam"
    )


def rows(url: str, query: str, **params: object) -> pd.DataFrame:
    engine = get_engine(url)
    try:
        with engine.connect() as connection:
            return read_frame(connection, query, params)
    finally:
        engine.dispose()


@dataclasses.dataclass
class Nights:
    """What the nightly DAG did over the demo nights."""

    home: Path
    url: str
    registry: Path
    truth: dict[dt.date, pd.DataFrame]
    vacancies: dict[dt.date, pd.DataFrame]
    states: dict[object, str]
    snapshots: dict[object, dict]
    requests: dict[str, list]
    tasks: dict[str, object] = dataclasses.field(default_factory=dict)
    vacancy_rows: dict[dt.date, pd.DataFrame] = dataclasses.field(default_factory=dict)


@pytest.fixture(scope="module")
def nights(tmp_path_factory) -> Nights:
    """Run the nightly DAG over the demo boards, night after night.

    Two nights live, the first again a day later, a backfill of the night
    before them with nothing landed, and a night held back by its gates.
    """
    from airflow.dag_processing.dagbag import DagBag

    from vacatures.demo.server import DemoBoards

    subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"],
        check=True,
        capture_output=True,
    )
    home = tmp_path_factory.mktemp("nightly")
    url = f"duckdb:///{home / 'warehouse.duckdb'}"
    dag = DagBag(dag_folder=str(ROOT / "dags")).dags["vacancies_nightly"]
    result = Nights(home, url, home / "boards.toml", {}, {}, {}, {}, {})
    with DemoBoards(as_of=NIGHT_1) as site, pytest.MonkeyPatch.context() as env:
        site.write_registry(result.registry)
        env.setenv("VACATURES_HOME", str(home))
        env.setenv("VACATURES_BOARDS", str(result.registry))
        env.setenv("VACATURES_WAREHOUSE_URL", url)
        for night in (NIGHT_1, NIGHT_2):
            site.as_of = night
            result.truth[night] = site.truth()
            result.vacancies[night] = site.vacancy_table()
            run = dag.test(logical_date=at_two(night), run_after=at_two(night))
            result.states[night] = run.state
            result.snapshots[night] = snapshot(url)
            result.vacancy_rows[night] = rows(url, "select * from core.vacancies")
        # The first night again, a day later: replayed from its landing files.
        site.clear_request_log()
        # The run id follows from when a run was asked for, so each differs.
        later = at_two(NIGHT_2).add(hours=1)
        run = dag.test(logical_date=at_two(NIGHT_1), run_after=later)
        result.states["replay"] = run.state
        result.snapshots["replay"] = snapshot(url)
        result.requests["replay"] = site.request_log
        # A backfill of the night before, for which nothing landed: only the
        # crawl tasks run, the rest is marked done.
        run = dag.test(
            logical_date=at_two(NIGHT_0),
            run_after=later.add(hours=1),
            mark_success_pattern="(?!prepare$|boards$|crawl$).*",
        )
        result.states["backfill"] = run.state
        result.requests["backfill"] = site.request_log
        # The night after, replayed when one board of six had landed: the
        # volume gates fail, so publish fails at once and the report runs.
        source, target = (home / "landing" / str(n) for n in (NIGHT_2, NIGHT_3))
        target.mkdir()
        for path in source.glob("demo-vacaturestroom.*"):
            shutil.copy(path, target)
        run = dag.test(logical_date=at_two(NIGHT_3), run_after=at_two(NIGHT_3 + DAY))
        result.states["held"] = run.state
        result.tasks = {ti.task_id: ti for ti in run.get_task_instances()}
        result.snapshots["held"] = snapshot(url)
    return result


def changed_tables(before: dict, after: dict) -> list[str]:
    """Return the tables whose rows differ between two snapshots."""
    return sorted(table for table in after if after[table] != before.get(table))


def _posting_keys(nights: Nights) -> pd.DataFrame:
    """Return every stored posting with its vacancy and the demo's vacancy key."""
    postings = rows(nights.url, "select url, vacancy_id from core.postings")
    truth = pd.concat(nights.truth.values()).drop_duplicates("url")
    postings["vacancy_key"] = postings["url"].map(truth.set_index("url")["vacancy_key"])
    assert postings["vacancy_key"].notna().all(), "every posting is one the demo served"
    return postings


def _keys(truth: pd.DataFrame) -> set[str]:
    return set(truth.loc[~truth["is_malformed"], "vacancy_key"])


def test_nightly_dag_runs_both_nights_with_a_crawl_per_board(nights):
    assert nights.states[NIGHT_1] == nights.states[NIGHT_2] == "success"
    for night in (NIGHT_1, NIGHT_2):
        landed = sorted(
            p.stem for p in (nights.home / "landing" / str(night)).glob("*.jsonl")
        )
        assert landed == sorted(nights.truth[night]["board"].unique())
        steps = rows(
            nights.url,
            "select step, status from core.runs where run_date = :d order by step",
            d=night,
        )
        assert set(steps["status"]) == {"ok"}
        assert {"stage", "dedupe", "check", "publish", "report"} <= set(steps["step"])
    assert scalar(
        nights.url, "select max(published_date) from published.vacancies"
    ) == (NIGHT_2)


def test_second_night_closes_exactly_the_vacancies_no_board_shows(nights):
    after = nights.snapshots[NIGHT_2]
    postings = _posting_keys(nights)
    closed = rows(
        nights.url,
        "select vacancy_id, closed_date, last_seen_date, is_open from core.vacancies"
        " where closed_date is not null",
    )
    gone = _keys(nights.truth[NIGHT_1]) - _keys(nights.truth[NIGHT_2])
    assert gone, "the demo closes some vacancies between the nights"
    closed_keys = set(
        postings.loc[postings["vacancy_id"].isin(closed["vacancy_id"]), "vacancy_key"]
    )
    assert closed_keys == gone
    assert set(closed["closed_date"]) == {NIGHT_2}
    assert set(closed["last_seen_date"]) == {NIGHT_1}
    assert not closed["is_open"].any()
    # Closed, never deleted: every vacancy of the first night is still there.
    assert after["core.vacancies"][0] >= nights.snapshots[NIGHT_1]["core.vacancies"][0]
    first_ids = rows(
        nights.url,
        "select vacancy_id from core.vacancies where first_seen_date = :d",
        d=NIGHT_1,
    )
    assert len(first_ids) == nights.snapshots[NIGHT_1]["core.vacancies"][0]
    inactive = rows(
        nights.url,
        "select count(*) as n from core.postings p join core.vacancies v"
        " on v.vacancy_id = p.vacancy_id"
        " where v.closed_date is not null and p.is_active",
    )
    assert inactive["n"].iat[0] == 0


def test_second_night_keeps_the_changes_of_exactly_the_changed_vacancies(nights):
    postings = _posting_keys(nights)
    table = nights.vacancies[NIGHT_2]
    changed = table.loc[table["change_date"] == NIGHT_2.isoformat()]
    changed = changed[changed["vacancy_key"].isin(_keys(nights.truth[NIGHT_1]))]
    assert len(changed), "the demo changes some vacancies on the second night"
    kept = rows(
        nights.url,
        "select vacancy_id, changed_date, field_name, old_value, new_value"
        " from core.vacancy_changes",
    )
    assert set(kept["changed_date"]) == {NIGHT_2}
    key_of = postings.groupby("vacancy_id")["vacancy_key"].agg(lambda keys: set(keys))
    kept["vacancy_key"] = kept["vacancy_id"].map(lambda v: min(key_of[v]))
    assert set(kept["vacancy_key"]) == set(changed["vacancy_key"])
    for key, kind in changed[["vacancy_key", "change_kind"]].itertuples(index=False):
        fields = set(kept.loc[kept["vacancy_key"] == key, "field_name"])
        assert fields & CHANGE_FIELDS[kind], f"{key}: {kind} change kept as {fields}"
    # After that night the vacancy holds the new value the change records
    # (later nights may take its fields from another posting).
    after = nights.vacancy_rows[NIGHT_2].set_index("vacancy_id")
    for row in kept.itertuples():
        value = after.loc[row.vacancy_id, row.field_name]
        assert str(value).removesuffix(".0") == row.new_value


def test_first_night_seen_again_a_day_later_changes_no_row(nights):
    assert nights.states["replay"] == "success"
    assert changed_tables(nights.snapshots[NIGHT_2], nights.snapshots["replay"]) == []
    assert nights.requests["replay"] == [], "a past night is replayed, not crawled"


def test_backfill_never_crawls_and_records_boards_as_missing(nights):
    assert nights.states["backfill"] == "success"
    assert nights.requests["backfill"] == [], "a past night is never crawled"
    partition = nights.home / "landing" / str(NIGHT_0)
    assert not list(partition.glob("*.jsonl"))
    statuses = {
        path.name.removesuffix(".stats.json"): json.loads(path.read_text())["status"]
        for path in partition.glob("*.stats.json")
    }
    boards = set(nights.truth[NIGHT_1]["board"])
    assert statuses == dict.fromkeys(boards, "missing")


def test_failing_gate_fails_publish_at_once_and_reports_the_night(nights):
    assert nights.states["held"] == "failed"
    publish, report = nights.tasks["publish"], nights.tasks["report"]
    assert (str(publish.state), publish.try_number) == ("failed", 1)
    assert str(report.state) == "success"
    assert str(nights.tasks["failed_step"].state) == "failed"
    before, after = nights.snapshots["replay"], nights.snapshots["held"]
    assert after["published.vacancies"] == before["published.vacancies"]
    held = json.loads((nights.home / "reports" / f"{NIGHT_3}.json").read_text())
    assert held["published"] is False
    assert "row_count:staging.postings" in {
        gate["check_name"] for gate in held["gates"] if gate["status"] == "fail"
    }


def test_report_of_a_demo_night_opens_in_chromium(nights):
    page = nights.home / "reports" / f"{NIGHT_2}.html"
    report = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    closed = scalar(
        nights.url,
        "select count(*) from core.vacancies where closed_date = :d",
        d=NIGHT_2,
    )
    assert report["vacancies"]["n_closed"] == closed > 0
    assert report["published"] is True
    assert [b["board"] for b in report["boards"]] == sorted(
        nights.truth[NIGHT_2]["board"].unique()
    )
    assert_report_renders(page, texts=["The night of 2026-12-02", "demo-banenbank"])


# --- faults, in-process on both backends -------------------------------------------


@pytest.fixture
def landed(nights, tmp_path, warehouse_url):
    """Return the first night on a fresh warehouse, both nights landed."""
    copy_landing(nights.home / "landing", tmp_path)
    shutil.rmtree(tmp_path / "landing" / str(NIGHT_0))
    return run_context(tmp_path, warehouse_url, nights.registry, NIGHT_1)


class InjectedError(RuntimeError):
    """The fault injected into a step, after its first writes."""


def test_failure_in_the_middle_of_a_load_leaves_no_partial_rows(landed, monkeypatch):
    run_night(landed, steps=[*AFTER_CRAWL, "publish"])
    second = dataclasses.replace(landed, run_date=NIGHT_2)
    run_step("stage", second)
    before = snapshot(landed.warehouse_url)

    def fail(*args, **kwargs):
        raise InjectedError("injected after the postings were written")

    # integrate has upserted postings and deactivated the missing ones by now.
    monkeypatch.setattr("vacatures.steps.postings._upsert_employers", fail)
    with pytest.raises(InjectedError):
        run_step("integrate", second)
    assert changed_tables(before, snapshot(landed.warehouse_url)) == ["core.runs"]
    assert (
        scalar(
            landed.warehouse_url,
            "select status from core.runs where run_date = :d and step = 'integrate'",
            d=NIGHT_2,
        )
        == "failed"
    )

    monkeypatch.undo()
    run_step("integrate", second)
    before = snapshot(landed.warehouse_url)
    # dedupe has linked postings and written vacancies and changes by now.
    monkeypatch.setattr("vacatures.steps.vacancies._close_vacancies", fail)
    with pytest.raises(InjectedError):
        run_step("dedupe", second)
    assert changed_tables(before, snapshot(landed.warehouse_url)) == ["core.runs"]


def test_failing_gate_keeps_the_previous_night_published(landed):
    run_night(landed, steps=[*AFTER_CRAWL, "publish"])
    published = snapshot(landed.warehouse_url)["published.vacancies"]
    # The second night: every board but one lost its landing files.
    partition = landed.landing_dir / str(NIGHT_2)
    for path in partition.iterdir():
        if not path.name.startswith("demo-vacaturestroom"):
            path.unlink()
    second = dataclasses.replace(landed, run_date=NIGHT_2)
    with pytest.raises(QualityGateError, match=r"row_count:staging\.postings"):
        run_night(second, steps=[*AFTER_CRAWL, "publish", "report"])
    assert snapshot(landed.warehouse_url)["published.vacancies"] == published
    assert (
        scalar(
            landed.warehouse_url, "select max(published_date) from published.vacancies"
        )
        == NIGHT_1
    )
    # The night's report is written all the same, and says it was held back.
    report = json.loads((landed.reports_dir / f"{NIGHT_2}.json").read_text())
    assert report["published"] is False
    assert report["gate_counts"]["fail"] >= 1


def test_replay_with_a_board_missing_records_it_missing(landed):
    # The first night landed for every board but one; the registry points at
    # boards that no longer answer, so a crawl would fail, not land.
    (landed.landing_dir / str(NIGHT_1) / "demo-kwadraat.jsonl").unlink()
    (landed.landing_dir / str(NIGHT_1) / "demo-kwadraat.stats.json").unlink()
    run_step("prepare", landed)
    crawled = run_step("crawl", landed, live=False)
    assert crawled.details["missing"] == ["demo-kwadraat"]
    run_night(landed, steps=["stage", "integrate", "dedupe", "classify", "check"])
    crawls = rows(
        landed.warehouse_url,
        "select board, status from staging.board_crawls where run_date = :d",
        d=NIGHT_1,
    ).set_index("board")["status"]
    assert crawls.pop("demo-kwadraat") == "missing"
    assert set(crawls) == {"ok"}
    failures = rows(
        landed.warehouse_url,
        "select reason from staging.crawl_failures where board = 'demo-kwadraat'",
    )
    assert failures["reason"].tolist() == ["not_landed"]
    gate = rows(
        landed.warehouse_url,
        "select status, details from core.quality_checks where run_date = :d"
        " and check_name = 'crawled_ok:staging.board_crawls'",
        d=NIGHT_1,
    )
    assert gate.iloc[0].tolist() == ["warn", "demo-kwadraat: missing"]

"""The DAGs load, and the nightly DAG runs a night on the demo boards."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import scalar

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.airflow


def test_dag_folder_imports_without_errors():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert bag.import_errors == {}
    assert "vacancies_nightly" in bag.dag_ids


def test_vacancies_nightly_shape():
    from airflow.dag_processing.dagbag import DagBag

    dag = DagBag(dag_folder=str(ROOT / "dags")).dags["vacancies_nightly"]
    assert dag.max_active_runs == 1
    assert dag.catchup is False
    crawl = dag.get_task("crawl")
    assert crawl.retries >= 1
    assert crawl.execution_timeout is not None
    assert dag.get_task("stage").trigger_rule == "all_done"


@pytest.fixture(scope="module")
def airflow_db():
    subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"],
        check=True,
        capture_output=True,
    )


def test_vacancies_nightly_runs_a_demo_night(airflow_db, tmp_path, monkeypatch):
    """A run for tonight crawls every board of the registry and loads the night."""
    import pendulum
    from airflow.dag_processing.dagbag import DagBag

    from vacatures.demo.server import DemoBoards

    # Only a run for tonight fetches the boards; earlier nights are replayed.
    now = pendulum.now("Europe/Amsterdam")
    night = now.date()
    url = f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    with DemoBoards(as_of=night) as site:
        registry = site.write_registry(tmp_path / "boards.toml")
        monkeypatch.setenv("VACATURES_HOME", str(tmp_path))
        monkeypatch.setenv("VACATURES_BOARDS", str(registry))
        monkeypatch.setenv("VACATURES_WAREHOUSE_URL", url)
        dag = DagBag(dag_folder=str(ROOT / "dags")).dags["vacancies_nightly"]
        run = dag.test(logical_date=now)
        served = site.truth()
    assert run.state == "success"
    landed = tmp_path / "landing" / night.isoformat()
    assert sorted(p.stem for p in landed.glob("*.jsonl")) == sorted(
        set(served["board"])
    )
    assert scalar(url, "select count(*) from core.vacancies") > 0
    assert scalar(url, "select count(*) from published.vacancies") > 0
    steps = scalar(
        url, "select count(distinct step) from core.runs where run_date = :d", d=night
    )
    assert steps >= 5

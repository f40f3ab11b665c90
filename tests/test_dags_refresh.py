"""The weekly refresh DAGs: their shape, and the taxonomy refresh run for real."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from test_warehouse_views import D3, load_history

from warehouse.db import get_engine
from warehouse.load import read_frame

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.airflow


def _dags() -> dict:
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert bag.import_errors == {}
    return bag.dags


def test_refresh_dags_run_weekly_one_at_a_time():
    dags = _dags()
    for dag_id in ("taxonomy_refresh", "catalogue_refresh"):
        dag = dags[dag_id]
        assert dag.catchup is False
        assert dag.max_active_runs == 1
        assert dag.schedule.endswith(" * * 0"), "runs on Sundays"
    catalogue = dags["catalogue_refresh"]
    assert catalogue.get_task("import_trainings").trigger_rule == "all_done"
    taxonomy = dags["taxonomy_refresh"]
    assert taxonomy.get_task("recode").upstream_task_ids == {"import_taxonomy"}


@pytest.fixture(scope="module")
def airflow_db():
    subprocess.run(
        [sys.executable, "-m", "airflow", "db", "migrate"],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def warehouse(tmp_path, monkeypatch) -> str:
    url = f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    engine = get_engine(url)
    load_history(engine)
    engine.dispose()
    monkeypatch.setenv("VACATURES_HOME", str(tmp_path))
    monkeypatch.setenv("VACATURES_WAREHOUSE_URL", url)
    return url


def _states(run) -> dict[str, str]:
    return {ti.task_id: str(ti.state) for ti in run.get_task_instances()}


def _vacancies(url: str):
    engine = get_engine(url)
    try:
        with engine.connect() as connection:
            return read_frame(
                connection,
                "select vacancy_id, is_open, occupation_taxonomy_version"
                " from core.vacancies order by vacancy_id",
            )
    finally:
        engine.dispose()


def _night(day: dt.date):
    import pendulum

    return pendulum.datetime(day.year, day.month, day.day, 1, tz="Europe/Amsterdam")


def test_taxonomy_refresh_without_esco_dir_skips_cleanly(
    airflow_db, warehouse, monkeypatch
):
    monkeypatch.delenv("VACATURES_ESCO_DIR", raising=False)
    run = _dags()["taxonomy_refresh"].test(logical_date=_night(D3))
    assert run.state == "success"
    assert _states(run) == {
        "prepare": "success",
        "import_taxonomy": "skipped",
        "recode": "skipped",
    }
    assert _vacancies(warehouse)["occupation_taxonomy_version"].isna().all()


def test_taxonomy_refresh_imports_esco_and_recodes_open_vacancies(
    airflow_db, warehouse, monkeypatch, shared_data
):
    monkeypatch.setenv("VACATURES_ESCO_DIR", str(shared_data / "esco" / "v1.2"))
    run = _dags()["taxonomy_refresh"].test(logical_date=_night(D3))
    assert run.state == "success"
    assert set(_states(run).values()) == {"success"}
    engine = get_engine(warehouse)
    with engine.connect() as connection:
        versions = read_frame(
            connection, "select version, n_occupations from core.taxonomy_versions"
        )
    engine.dispose()
    assert versions["version"].tolist() == ["v1.2"]
    assert versions["n_occupations"].iat[0] > 3000
    vacancies = _vacancies(warehouse)
    recoded = vacancies.set_index("vacancy_id")["occupation_taxonomy_version"]
    # The open vacancies are coded with the new version; closed ones are left.
    assert recoded[vacancies["is_open"].to_numpy()].eq("v1.2").all()
    assert recoded[~vacancies["is_open"].to_numpy()].isna().all()


def test_catalogue_refresh_imports_the_configured_videos_only(
    airflow_db, warehouse, monkeypatch, shared_data
):
    monkeypatch.setenv(
        "VACATURES_VIDEO_CATALOGUE",
        str(shared_data / "videos" / "careeronestop_videos.json"),
    )
    monkeypatch.setenv(
        "VACATURES_CROSSWALK",
        str(shared_data / "crosswalks" / "esco_to_onet_soc_2019.csv"),
    )
    monkeypatch.delenv("VACATURES_TRAINING_CATALOGUE", raising=False)
    run = _dags()["catalogue_refresh"].test(logical_date=_night(D3))
    assert run.state == "success"
    assert _states(run) == {
        "prepare": "success",
        "import_videos": "success",
        "import_trainings": "skipped",
    }
    engine = get_engine(warehouse)
    with engine.connect() as connection:
        videos = read_frame(
            connection,
            "select source, imported_date, count(*) as n from core.videos"
            " group by source, imported_date",
        )
    engine.dispose()
    assert videos[["source", "imported_date"]].values.tolist() == [
        ["careeronestop", D3]
    ]
    assert videos["n"].iat[0] > 100

"""Shared fixtures: the warehouse on both backends, Airflow's home, PostgreSQL.

PostgreSQL tests use the server at 127.0.0.1:5432 (``VACATURES_TEST_PG`` to
change it). Without a server they skip, except under ``CI``, where a missing
server fails the run.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

# Airflow reads its configuration on first import, so its home is set before any
# test module imports it: a scratch SQLite metadata database and this repo's DAGs.
_AIRFLOW_HOME = Path(tempfile.mkdtemp(prefix="vacatures-airflow-"))
os.environ["AIRFLOW_HOME"] = str(_AIRFLOW_HOME)
os.environ["AIRFLOW__CORE__DAGS_FOLDER"] = str(ROOT / "dags")
os.environ["AIRFLOW__CORE__LOAD_EXAMPLES"] = "False"
os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] = (
    f"sqlite:///{_AIRFLOW_HOME / 'airflow.db'}"
)
os.environ["AIRFLOW__CORE__UNIT_TEST_MODE"] = "False"

PG_ADMIN_URL = os.environ.get(
    "VACATURES_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    """Return the URL of a reachable PostgreSQL server's admin database."""
    import sqlalchemy as sa

    engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("select 1")
    except sa.exc.OperationalError as error:
        reason = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {error.orig}"
        if _in_ci():
            pytest.fail(reason + " (CI is set, so this is a failure)")
        pytest.skip(reason + " (set CI=true to make this a failure)")
    finally:
        engine.dispose()
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """Create a fresh PostgreSQL database for one test and drop it afterwards."""
    import sqlalchemy as sa

    name = f"vacatures_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(pg_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"create database {name}")
    url = sa.engine.make_url(pg_admin_url).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"drop database if exists {name} with (force)")
        admin.dispose()


@pytest.fixture(params=["duckdb", "postgresql"])
def warehouse_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Return the URL of an empty warehouse, once per backend."""
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path / 'warehouse.duckdb'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def shared_data() -> Path:
    """Return the folder of reference data, or skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA}")
    return SHARED_DATA

"""The portal role reads the published layer and nothing else (PostgreSQL)."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from vacatures.errors import UserError
from warehouse.db import get_engine, migrate
from warehouse.roles import grant_portal_access

pytestmark = pytest.mark.postgres


@pytest.fixture
def portal(pg_url):
    """Yield a migrated warehouse and a fresh role name; drop the role afterwards."""
    role = f"portal_test_{uuid.uuid4().hex[:8]}"
    owner = get_engine(pg_url)
    migrate(owner)
    try:
        yield owner, role
    finally:
        with owner.begin() as connection:
            exists = connection.exec_driver_sql(
                "select 1 from pg_roles where rolname = %(r)s", {"r": role}
            ).first()
            if exists is not None:
                connection.exec_driver_sql(f'drop owned by "{role}"')
                connection.exec_driver_sql(f'drop role "{role}"')
        owner.dispose()


def _as(owner: sa.engine.Engine, role: str) -> sa.engine.Engine:
    url = owner.url.set(username=role, password=None)
    return sa.create_engine(url)


def test_grant_portal_access_reads_published_and_nothing_else(portal):
    owner, role = portal
    grant_portal_access(owner, role)
    grant_portal_access(owner, role)  # idempotent
    with owner.begin() as connection:
        # A table created after the grant is readable too.
        connection.exec_driver_sql("create table published.extra (x int)")
        connection.exec_driver_sql("insert into published.extra values (1)")
    reader = _as(owner, role)
    try:
        with reader.connect() as connection:
            assert (
                connection.exec_driver_sql(
                    "select count(*) from published.vacancies"
                ).scalar_one()
                == 0
            )
            assert (
                connection.exec_driver_sql(
                    "select count(*) from published.vacancy_trainings"
                ).scalar_one()
                == 0
            )
            assert (
                connection.exec_driver_sql("select x from published.extra").scalar_one()
                == 1
            )
        for table in (
            "private.clients",
            "private.client_contacts",
            "core.vacancies",
            "core.videos",
            "staging.postings",
        ):
            with (
                reader.connect() as connection,
                pytest.raises(sa.exc.ProgrammingError, match="permission denied"),
            ):
                connection.exec_driver_sql(f"select count(*) from {table}")
        with (
            reader.connect() as connection,
            pytest.raises(sa.exc.InternalError, match="read-only"),
        ):
            connection.exec_driver_sql("delete from published.extra")
    finally:
        reader.dispose()


def test_grant_portal_access_refuses_odd_role_names(portal):
    owner, _ = portal
    with pytest.raises(UserError, match="not a plain role name"):
        grant_portal_access(owner, 'portal"; drop table x; --')


def test_grant_portal_access_needs_postgresql(tmp_path):
    engine = get_engine(f"duckdb:///{tmp_path / 'w.duckdb'}")
    try:
        with pytest.raises(UserError, match="PostgreSQL"):
            grant_portal_access(engine)
    finally:
        engine.dispose()

from __future__ import annotations

import pytest
import sqlalchemy as sa

from vacatures.errors import UserError
from warehouse.db import current_revision, get_engine, migrate
from warehouse.models import LAYERS, metadata


def test_migrate_creates_every_table_and_is_repeatable(warehouse_url):
    engine = get_engine(warehouse_url)
    migrate(engine)
    migrate(engine)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "select table_schema || '.' || table_name"
                " from information_schema.tables where table_schema in :layers"
            ).bindparams(sa.bindparam("layers", expanding=True)),
            {"layers": list(LAYERS)},
        ).scalars()
        tables = set(rows) - {"core.alembic_version"}
    engine.dispose()
    expected = {f"{t.schema}.{t.name}" for t in metadata.sorted_tables}
    assert expected <= tables
    assert current_revision(get_engine(warehouse_url)) is not None


def _ours(name, type_, parent_names):
    if type_ == "schema":
        return name in LAYERS
    return name != "alembic_version"


def test_migrations_match_models(pg_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    engine = get_engine(pg_url)
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_schemas": True,
                "compare_type": True,
                "include_name": _ours,
            },
        )
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


@pytest.mark.parametrize(
    "url",
    ["nonsense", "mysql://localhost/db", "sqlite:///x.db"],
)
def test_get_engine_rejects_unsupported_urls(url):
    with pytest.raises(UserError):
        get_engine(url)

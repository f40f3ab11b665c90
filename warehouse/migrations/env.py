"""Alembic environment: migrations run on the engine the caller hands in.

``warehouse.db.migrate`` passes its engine in ``config.attributes``; the
``alembic`` command line uses ``-x url=...`` or ``VACATURES_WAREHOUSE_URL``.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import context

from warehouse.models import LAYERS, metadata

config = context.config


def _engine() -> sa.engine.Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    from warehouse.db import get_engine

    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "VACATURES_WAREHOUSE_URL"
    )
    if not url:
        from vacatures.config import default_warehouse_url

        url = default_warehouse_url()
    return get_engine(url)


def run_migrations_online() -> None:
    """Run the migrations in one transaction on the warehouse."""
    engine = _engine()
    with engine.begin() as connection:
        for layer in LAYERS:
            connection.execute(sa.text(f"create schema if not exists {layer}"))
        context.configure(
            connection=connection,
            target_metadata=metadata,
            include_schemas=True,
            version_table_schema="core",
            compare_type=True,
        )
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; pass a URL")
run_migrations_online()

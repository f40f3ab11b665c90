"""Helpers shared by tests: running nights on the demo boards, table snapshots."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import shutil
from pathlib import Path

import sqlalchemy as sa

from vacatures.config import RunContext
from warehouse.db import get_engine
from warehouse.models import metadata

NIGHT_1 = dt.date(2026, 12, 1)
NIGHT_2 = dt.date(2026, 12, 2)


def run_context(
    home: Path,
    warehouse_url: str,
    registry: Path,
    night: dt.date,
    *,
    demo: bool = True,
) -> RunContext:
    """Return a run context whose files live under ``home``; a demo night by default."""
    return RunContext(
        run_date=night,
        warehouse_url=warehouse_url,
        landing_dir=home / "landing",
        registry_path=registry,
        state_dir=home / "state",
        reports_dir=home / "reports",
        demo=demo,
    )


def copy_landing(source: Path, home: Path) -> None:
    """Copy crawled landing folders into a test's own home."""
    shutil.copytree(source, home / "landing", dirs_exist_ok=True)


def with_night(ctx: RunContext, night: dt.date) -> RunContext:
    """Return ``ctx`` for another night."""
    return dataclasses.replace(ctx, run_date=night)


def snapshot(warehouse_url: str) -> dict[str, tuple[int, str]]:
    """Return every table's row count and a hash of its sorted rows."""
    engine = get_engine(warehouse_url)
    result = {}
    try:
        with engine.connect() as connection:
            for table in metadata.sorted_tables:
                rows = connection.execute(sa.select(table)).fetchall()
                text = "\n".join(sorted(repr(tuple(row)) for row in rows))
                digest = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()
                result[f"{table.schema}.{table.name}"] = (len(rows), digest)
    finally:
        engine.dispose()
    return result


def scalar(warehouse_url: str, query: str, **params: object) -> object:
    """Run a query returning one value."""
    engine = get_engine(warehouse_url)
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text(query), params).scalar_one()
    finally:
        engine.dispose()

"""The ``marts`` layer: views analysts query, one SQL file per view.

Each view lives in ``warehouse/sql/marts/<name>.sql`` as a ``select`` written
the dbt way (import CTEs, one step per CTE, ``select * from final``) in SQL that
DuckDB and PostgreSQL both run, with a header comment saying what a row is.
Views are rebuilt after every migration, so changing a file needs no
migration: the next ``prepare`` step picks it up.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sqlalchemy.engine import Engine

__all__ = ["MARTS_SQL", "create_views", "mart_names", "view_sql"]

log = logging.getLogger(__name__)

#: Folder of the marts' SQL files.
MARTS_SQL = Path(__file__).with_name("sql") / "marts"

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def mart_names() -> list[str]:
    """Return the names of the marts views, sorted.

    Returns
    -------
    list of str
        One per ``.sql`` file in :data:`MARTS_SQL`.
    """
    names = sorted(path.stem for path in MARTS_SQL.glob("*.sql"))
    for name in names:
        if not _NAME.match(name):
            raise ValueError(f"not a view name: {name!r} in {MARTS_SQL}")
    return names


def view_sql(name: str) -> str:
    """Return the ``select`` of one marts view, without a trailing semicolon.

    Parameters
    ----------
    name : str
        A name from :func:`mart_names`.

    Returns
    -------
    str
        The file's text, header comment included.
    """
    return (MARTS_SQL / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";")


def create_views(engine: Engine) -> list[str]:
    """Create or replace every marts view in one transaction.

    Views are dropped and created again rather than replaced, because
    PostgreSQL cannot replace a view whose columns changed.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        The warehouse, already migrated.

    Returns
    -------
    list of str
        The qualified names of the views created.
    """
    names = mart_names()
    with engine.begin() as connection:
        for name in names:
            connection.exec_driver_sql(f"drop view if exists marts.{name} cascade")
            connection.exec_driver_sql(f"create view marts.{name} as\n{view_sql(name)}")
    log.info("marts: %s views created", len(names))
    return [f"marts.{name}" for name in names]

"""Connecting to the warehouse and bringing its schema up to date.

The embedded default is a DuckDB file; production is PostgreSQL. Both are
reached through SQLAlchemy URLs, and Alembic migrations create and change the
tables on either.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from vacatures.errors import UserError

__all__ = ["backend", "current_revision", "get_engine", "migrate"]

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


@cache
def _register_duckdb_for_alembic() -> None:
    # Alembic has no implementation class for DuckDB; its PostgreSQL-like DDL
    # and transactional DDL are what the default implementation assumes.
    from alembic.ddl.impl import DefaultImpl

    class DuckDBImpl(DefaultImpl):
        __dialect__ = "duckdb"
        transactional_ddl = True

    log.debug("registered %s for alembic", DuckDBImpl.__name__)


def backend(engine: Engine) -> str:
    """Return the name of the engine's database: ``duckdb`` or ``postgresql``."""
    return engine.dialect.name


def get_engine(url: str) -> Engine:
    """Create an engine for a warehouse URL, with one-line errors for bad URLs.

    A ``duckdb:///path`` URL creates the folder of the file when needed.

    Parameters
    ----------
    url : str
        A SQLAlchemy URL such as ``duckdb:///var/warehouse.duckdb`` or
        ``postgresql+psycopg://user@host/db``.

    Returns
    -------
    sqlalchemy.engine.Engine
        The engine; nothing is connected yet.

    Raises
    ------
    UserError
        When the URL cannot be parsed or names an unsupported database.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UserError(f"not a database URL: {url!r}") from None
    backend_name = parsed.get_backend_name()
    if backend_name not in ("duckdb", "postgresql"):
        raise UserError(
            f"unsupported warehouse {backend_name!r}: use duckdb:/// or postgresql://"
        )
    if backend_name == "duckdb":
        _register_duckdb_for_alembic()
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    if backend_name == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    try:
        return sa.create_engine(parsed, pool_pre_ping=backend_name == "postgresql")
    except (NoSuchModuleError, ImportError) as error:
        raise UserError(f"cannot use warehouse {url!r}: {error}") from None


def _alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the warehouse schema to ``revision`` with Alembic.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        The warehouse.
    revision : str
        Target revision; ``head`` for the newest.
    """
    from alembic import command

    command.upgrade(_alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """Return the Alembic revision the warehouse is at, or ``None`` if empty."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table_schema": "core"}
        )
        return context.get_current_revision()

"""Moving DataFrames in and out of the warehouse, fast on each backend.

Rows go in through the backend's bulk path, not row by row: DuckDB scans the
DataFrame in place, PostgreSQL receives it with ``COPY``. Steps write with
:func:`replace_rows` (delete a partition, then insert) or :func:`upsert_rows`
(insert or update on the key), so a rerun gives the same rows.
"""

from __future__ import annotations

import itertools
import logging
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

__all__ = ["insert_rows", "read_frame", "replace_rows", "update_rows", "upsert_rows"]

log = logging.getLogger(__name__)

_COPY_BATCH = 10_000


def _qualified(table: sa.Table) -> str:
    return f"{table.schema}.{table.name}" if table.schema else table.name


def _aligned(table: sa.Table, frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with the table's columns in order, missing ones as nulls."""
    unknown = set(frame.columns) - set(table.columns.keys())
    if unknown:
        raise ValueError(f"{_qualified(table)} has no columns {sorted(unknown)}")
    columns = [column.name for column in table.columns if column.name in frame]
    return frame.loc[:, columns]


def _python_rows(frame: pd.DataFrame) -> Iterable[tuple[Any, ...]]:
    """Yield rows with pandas' missing markers (NaN, NaT, NA) turned into None."""
    for row in frame.itertuples(index=False, name=None):
        yield tuple(None if _is_missing(value) else _plain(value) for value in row)


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _plain(value: Any) -> Any:
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()  # numpy scalars
    return value


def _driver(connection: Connection) -> Any:
    """Return the database driver's own connection under ``connection``."""
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("the connection is closed")
    return driver


@contextmanager
def _as_relation(
    connection: Connection, table: sa.Table, frame: pd.DataFrame
) -> Iterator[str]:
    """Make ``frame`` readable in SQL under the returned name, for one statement.

    DuckDB scans the DataFrame in place; PostgreSQL receives it with ``COPY``
    into a temporary table shaped like ``table``.
    """
    dialect = connection.dialect.name
    name = f"_frame_{table.name}"
    if dialect == "duckdb":
        raw = _driver(connection)
        # NaN in float columns would be stored as NaN, not NULL: make them None.
        raw.register(name, frame.astype(object).where(frame.notna(), None))
        try:
            yield name
        finally:
            raw.unregister(name)
    elif dialect == "postgresql":
        columns = ", ".join(frame.columns)
        connection.exec_driver_sql(
            f"create temporary table {name} as select {columns}"
            f" from {_qualified(table)} with no data"
        )
        _postgres_copy(connection, name, frame)
        yield name
        # After an error the transaction rolls back, and the table with it.
        connection.exec_driver_sql(f"drop table {name}")
    else:
        raise NotImplementedError(f"bulk statements on {dialect}")


def _postgres_copy(connection: Connection, target: str, frame: pd.DataFrame) -> None:
    cursor = _driver(connection).cursor()
    columns = ", ".join(frame.columns)
    with cursor.copy(f"copy {target} ({columns}) from stdin") as copy:
        rows = _python_rows(frame)
        while batch := list(itertools.islice(rows, _COPY_BATCH)):
            for row in batch:
                copy.write_row(row)


def insert_rows(connection: Connection, table: sa.Table, frame: pd.DataFrame) -> int:
    """Insert every row of ``frame`` into ``table`` through the bulk path.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection inside the caller's transaction.
    table : sqlalchemy.Table
        The target; ``frame`` may hold a subset of its columns.
    frame : pandas.DataFrame
        Rows to insert; NaN, NaT and NA become NULL.

    Returns
    -------
    int
        The number of rows inserted.
    """
    if frame.empty:
        return 0
    frame = _aligned(table, frame)
    target = _qualified(table)
    if connection.dialect.name == "postgresql":
        _postgres_copy(connection, target, frame)
    elif connection.dialect.name == "duckdb":
        columns = ", ".join(frame.columns)
        with _as_relation(connection, table, frame) as rows:
            connection.exec_driver_sql(
                f"insert into {target} ({columns}) select {columns} from {rows}"
            )
    else:
        names = list(frame.columns)
        records = [dict(zip(names, row, strict=True)) for row in _python_rows(frame)]
        connection.execute(table.insert(), records)
    return len(frame)


def replace_rows(
    connection: Connection,
    table: sa.Table,
    frame: pd.DataFrame,
    *,
    where: Mapping[str, Any],
) -> int:
    """Delete the rows matching ``where``, then insert ``frame``.

    This is how a step rewrites its partition (a night, a board) so that a
    rerun leaves exactly the rows of the last run.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection inside the caller's transaction.
    table : sqlalchemy.Table
        The target table.
    frame : pandas.DataFrame
        The new rows of the partition.
    where : mapping
        Column values that identify the partition, e.g. ``{"run_date": d}``.

    Returns
    -------
    int
        The number of rows inserted.
    """
    condition = sa.and_(*(table.c[key] == value for key, value in where.items()))
    deleted = connection.execute(table.delete().where(condition)).rowcount
    inserted = insert_rows(connection, table, frame)
    log.debug("%s: replaced %s rows with %s", _qualified(table), deleted, inserted)
    return inserted


def upsert_rows(
    connection: Connection,
    table: sa.Table,
    frame: pd.DataFrame,
    *,
    key: Sequence[str],
    update: Sequence[str] | None = None,
) -> int:
    """Insert rows of ``frame``, updating those whose ``key`` already exists.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection inside the caller's transaction.
    table : sqlalchemy.Table
        The target table; ``key`` must be its primary key or a unique key.
    frame : pandas.DataFrame
        Rows to write; its columns must include ``key``.
    update : sequence of str, optional
        Columns overwritten on conflict; by default every non-key column of
        ``frame``. An empty sequence keeps existing rows as they are.

    Returns
    -------
    int
        The number of rows written.
    """
    if frame.empty:
        return 0
    frame = _aligned(table, frame)
    if frame.duplicated(list(key)).any():
        raise ValueError(f"{_qualified(table)}: duplicate keys in the rows to upsert")
    target = _qualified(table)
    columns = list(frame.columns)
    update = [c for c in columns if c not in key] if update is None else list(update)
    conflict = f"on conflict ({', '.join(key)}) do " + (
        "update set " + ", ".join(f"{c} = excluded.{c}" for c in update)
        if update
        else "nothing"
    )
    names = ", ".join(columns)
    with _as_relation(connection, table, frame) as rows:
        connection.exec_driver_sql(
            f"insert into {target} ({names}) select {names} from {rows} {conflict}"
        )
    return len(frame)


def update_rows(
    connection: Connection,
    table: sa.Table,
    frame: pd.DataFrame,
    *,
    key: Sequence[str],
) -> int:
    """Update existing rows of ``table`` from ``frame``, matching on ``key``.

    Unlike :func:`upsert_rows` this never inserts, so ``frame`` may carry only
    some columns of a table whose other columns are required.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection inside the caller's transaction.
    table : sqlalchemy.Table
        The target table.
    frame : pandas.DataFrame
        The key columns and the columns to overwrite.
    key : sequence of str
        Columns that identify a row.

    Returns
    -------
    int
        The number of rows in ``frame``.
    """
    if frame.empty:
        return 0
    frame = _aligned(table, frame)
    target = _qualified(table)
    assignments = ", ".join(
        f"{column} = s.{column}" for column in frame.columns if column not in key
    )
    matches = " and ".join(f"{target}.{column} = s.{column}" for column in key)
    with _as_relation(connection, table, frame) as rows:
        connection.exec_driver_sql(
            f"update {target} set {assignments} from {rows} s where {matches}"
        )
    return len(frame)


def read_frame(
    connection: Connection,
    query: str | sa.Executable,
    params: Mapping[str, Any] | None = None,
) -> pd.DataFrame:
    """Run a query and return its rows as a DataFrame.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        An open connection.
    query : str or sqlalchemy.Executable
        SQL text (with ``:name`` parameters) or a SQLAlchemy statement.
    params : mapping, optional
        Values of the parameters.

    Returns
    -------
    pandas.DataFrame
        One column per selected column, in order.
    """
    statement = sa.text(query) if isinstance(query, str) else query
    result = connection.execute(statement, dict(params or {}))
    return pd.DataFrame(result.fetchall(), columns=list(result.keys()))

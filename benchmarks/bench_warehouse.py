"""Benchmark the warehouse load path on DuckDB, SQLite and PostgreSQL.

Loads generated postings into ``staging.postings`` through the pipeline's own
load path (``warehouse.load.replace_rows``: one transaction, delete the night,
then the backend's bulk insert), then times two queries an analyst runs on the
result. SQLite has no schemas, so each layer is an attached database there; the
load path falls back to ``executemany`` on it.

    python benchmarks/bench_warehouse.py                  # 100,000 postings
    python benchmarks/bench_warehouse.py --postings 300000 --no-postgres
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

log = logging.getLogger("bench_warehouse")

NIGHT = dt.date(2026, 12, 1)
PG_ADMIN = os.environ.get(
    "VACATURES_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

QUERIES = {
    "postings per board and province": (
        "select board, province, count(*) as n, avg(salary_min) as salary"
        " from staging.postings group by board, province"
    ),
    "top employers by distinct titles": (
        "select employer, count(distinct title) as titles from staging.postings"
        " group by employer order by titles desc limit 20"
    ),
}


def postings(n: int) -> pd.DataFrame:
    from schemas.posting import POSTING_FIELDS
    from transforms.dedupe.synth import generate_postings

    frame, _ = generate_postings(n, seed=3)
    frame = frame.reindex(columns=list(POSTING_FIELDS))
    # Staged rows carry dates, as validation gives them.
    for column in ("date_posted", "valid_through"):
        dates = pd.to_datetime(frame[column], errors="coerce")
        frame[column] = [None if pd.isna(d) else d.date() for d in dates]
    frame.insert(0, "run_date", NIGHT)
    return frame


def measure(label: str, engine: sa.Engine, frame: pd.DataFrame) -> dict:
    from warehouse import models as m
    from warehouse.load import replace_rows

    start = time.perf_counter()
    with engine.begin() as connection:
        replace_rows(connection, m.staging_postings, frame, where={"run_date": NIGHT})
    load = time.perf_counter() - start
    row = {
        "backend": label,
        "load_s": round(load, 2),
        "rows_per_s": int(len(frame) / load),
    }
    with engine.connect() as connection:
        for name, query in QUERIES.items():
            start = time.perf_counter()
            connection.exec_driver_sql(query).fetchall()
            row[name + " (s)"] = round(time.perf_counter() - start, 3)
    return row


def duckdb_row(frame: pd.DataFrame, folder: Path) -> dict:
    from warehouse.db import get_engine, migrate

    path = folder / "bench.duckdb"
    engine = get_engine(f"duckdb:///{path}")
    migrate(engine)
    row = measure("duckdb", engine, frame)
    engine.dispose()
    row["file_mb"] = round(path.stat().st_size / 1e6, 1)
    return row


def sqlite_row(frame: pd.DataFrame, folder: Path) -> dict:
    from warehouse.models import LAYERS, metadata, staging_postings

    path = folder / "bench.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")

    @sa.event.listens_for(engine, "connect")
    def attach(connection, _record):
        for layer in LAYERS:
            connection.execute(f"attach database '{folder / layer}.sqlite' as {layer}")

    metadata.create_all(engine, tables=[staging_postings])
    row = measure("sqlite", engine, frame)
    engine.dispose()
    row["file_mb"] = round((folder / "staging.sqlite").stat().st_size / 1e6, 1)
    return row


def postgres_row(frame: pd.DataFrame) -> dict | None:
    from warehouse.db import get_engine, migrate

    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    name = f"vacatures_bench_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"create database {name}")
    except sa.exc.OperationalError as error:
        log.warning("PostgreSQL not reachable, left out: %s", error.orig)
        return None
    try:
        engine = get_engine(
            sa.make_url(PG_ADMIN).set(database=name).render_as_string(False)
        )
        migrate(engine)
        row = measure("postgresql", engine, frame)
        with engine.connect() as connection:
            size = connection.exec_driver_sql(
                "select pg_total_relation_size('staging.postings')"
            ).scalar_one()
        row["file_mb"] = round(size / 1e6, 1)
        engine.dispose()
        return row
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"drop database if exists {name} with (force)")
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    frame = postings(args.postings)
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-warehouse-") as tmp:
        folder = Path(tmp)
        rows.append(duckdb_row(frame, folder))
        rows.append(sqlite_row(frame, folder))
    if not args.no_postgres and (row := postgres_row(frame)) is not None:
        rows.append(row)
    table = pd.DataFrame(rows).set_index("backend")
    log.info(
        "%s postings through warehouse.load.replace_rows:\n%s",
        f"{len(frame):,}",
        table.to_string(),
    )


if __name__ == "__main__":
    main()

"""Tonight's staged postings into ``core.postings``, with their history."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import sqlalchemy as sa

from vacatures.config import RunContext
from vacatures.steps.common import (
    StepResult,
    stable_id,
    warehouse_engine,
)
from warehouse import models as m
from warehouse.history import (
    content_hash,
    merge_history,
)
from warehouse.load import (
    read_frame,
    upsert_rows,
)

__all__ = ["integrate"]

log = logging.getLogger(__name__)


#: Posting fields whose change makes a posting's content hash change.
_POSTING_CONTENT = (
    "title",
    "employer",
    "location",
    "description",
    "employment_type",
    "hours_min",
    "hours_max",
    "salary_min",
    "salary_max",
    "salary_period",
    "education_level",
    "valid_through",
    "apply_url",
)


def _employer_key(name: str) -> str:
    from transforms.dedupe.normalise import normalise_employer

    return normalise_employer(name) or name.casefold().strip()


def integrate(ctx: RunContext) -> StepResult:
    """Clean tonight's staged postings into ``core.postings`` with their history.

    New postings are inserted, known ones get tonight's fields and last seen
    date, and postings missing for ``close_after_nights`` nights from a board
    whose crawl went fine are marked inactive. Employers and places are
    upserted alongside.
    """
    from transforms.clean import clean_postings
    from transforms.geo import parse_locations

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        staged = read_frame(
            connection,
            sa.select(m.staging_postings).where(
                m.staging_postings.c.run_date == ctx.run_date
            ),
        ).drop(columns=["run_date"])
        postings = clean_postings(staged)
        places = parse_locations(postings["location"]).set_index(postings.index)
        for column in ("place", "postal_code", "province"):
            postings[column] = postings[column].fillna(places[column])
        postings["province"] = _official_provinces(postings["province"])
        postings["employer_key"] = postings["employer"].map(_employer_key)
        postings["employer_id"] = stable_id("e", postings["employer_key"])
        location_key = places["municipality"].fillna(places["place"]).fillna("")
        postings["location_id"] = stable_id(
            "l", location_key.str.lower() + "|" + places["is_remote"].astype(str)
        )
        postings["content_hash"] = content_hash(postings, _POSTING_CONTENT)

        stored = read_frame(
            connection,
            sa.select(m.core_postings)
            .join(
                m.staging_postings,
                m.staging_postings.c.posting_id == m.core_postings.c.posting_id,
            )
            .where(m.staging_postings.c.run_date == ctx.run_date),
        )
        merged = merge_history(
            postings.drop(columns=["employer_key"]),
            stored,
            key="posting_id",
            run_date=ctx.run_date,
            keep=["vacancy_id"],
        )
        merged["is_active"] = True
        if not stored.empty:
            # Replaying a night keeps what later nights decided: a posting
            # last seen tonight and inactive since was deactivated after it.
            newer = merged["posting_id"].isin(
                stored.loc[stored["last_seen_date"] >= ctx.run_date, "posting_id"]
            )
            active = stored.set_index("posting_id")["is_active"]
            merged.loc[newer, "is_active"] = (
                merged.loc[newer, "posting_id"].map(active).astype(bool)
            )
        upsert_rows(connection, m.core_postings, merged, key=["posting_id"])
        deactivated = _deactivate_missing(connection, ctx)
        _upsert_employers(connection, postings, ctx.run_date)
        _upsert_locations(
            connection, places.assign(location_id=postings["location_id"])
        )
    # Details describe the night, not this run's work, so a rerun records
    # the same; how many postings this run deactivated goes to the log.
    log.info("integrate %s: %s postings deactivated", ctx.run_date, deactivated)
    return StepResult(
        rows_in=len(staged),
        rows_out=len(merged),
        details={
            "new_postings": int((merged["first_seen_date"] == ctx.run_date).sum()),
        },
    )


def _deactivate_missing(connection: sa.Connection, ctx: RunContext) -> int:
    """Mark inactive the postings missing from boards that crawled fine.

    Only tonight's crawls count, so a posting that only a backfilled older
    night showed stays active until its board's next good night.
    """
    cutoff = ctx.run_date - dt.timedelta(days=ctx.close_after_nights - 1)
    crawled_ok = (
        sa.select(m.staging_board_crawls.c.board)
        .where(m.staging_board_crawls.c.run_date == ctx.run_date)
        .where(m.staging_board_crawls.c.status == "ok")
    )
    result = connection.execute(
        m.core_postings.update()
        .where(m.core_postings.c.is_active)
        .where(m.core_postings.c.last_seen_date < cutoff)
        .where(m.core_postings.c.board.in_(crawled_ok))
        .values(is_active=False)
    )
    return int(result.rowcount or 0)


def _official_provinces(provinces: pd.Series) -> pd.Series:
    """Write provinces by their official names ("Friesland" becomes "Fryslân")."""
    from transforms.geo import PROVINCES, parse_location

    def official(name: str) -> str:
        return name if name in PROVINCES else parse_location(name).province or name

    present = provinces.notna()
    distinct = {name: official(name) for name in provinces[present].unique()}
    return provinces.where(~present, provinces.map(distinct))


def _upsert_employers(
    connection: sa.Connection, postings: pd.DataFrame, run_date: dt.date
) -> None:
    tonight = (
        postings.groupby("employer_id", sort=True)
        .agg(
            employer_name=("employer", lambda names: names.mode().iat[0]),
            employer_key=("employer_key", "first"),
        )
        .reset_index()
    )
    stored = read_frame(
        connection,
        sa.select(m.core_employers).where(
            m.core_employers.c.employer_id.in_(tonight["employer_id"].tolist())
        ),
    )
    merged = merge_history(tonight, stored, key="employer_id", run_date=run_date)
    upsert_rows(connection, m.core_employers, merged, key=["employer_id"])


def _upsert_locations(connection: sa.Connection, places: pd.DataFrame) -> None:
    rows = places.drop_duplicates("location_id")[
        ["location_id", "place", "municipality", "province", "is_remote"]
    ]
    rows = rows.assign(is_remote=rows["is_remote"].astype(bool))
    upsert_rows(connection, m.core_locations, rows, key=["location_id"])

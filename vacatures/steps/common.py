"""What every step shares: its result, the warehouse it opens, stable ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from vacatures.config import RunContext
from warehouse import models as m
from warehouse.db import get_engine

__all__ = ["StepResult", "open_on", "recorded", "stable_id", "warehouse_engine"]

log = logging.getLogger(__name__)


@dataclass
class StepResult:
    """What a step did: rows in and out, and counts worth reporting."""

    rows_in: int = 0
    rows_out: int = 0
    details: dict[str, Any] = field(default_factory=dict)


@contextmanager
def warehouse_engine(ctx: RunContext) -> Iterator[Engine]:
    """Open the warehouse of ``ctx`` for one step and release it afterwards.

    The embedded file allows one writing process at a time, so a step holds
    it only while it runs.
    """
    engine = get_engine(ctx.warehouse_url)
    try:
        yield engine
    finally:
        engine.dispose()


def stable_id(prefix: str, values: pd.Series) -> pd.Series:
    """Return ``prefix`` and 16 hex digits of a hash of each value: a stable key."""
    return values.map(
        lambda text: (
            prefix
            + hashlib.sha1(
                str(text).encode("utf-8"), usedforsecurity=False
            ).hexdigest()[:16]
        )
    )


def recorded(connection: sa.Connection, night: dt.date, step: str) -> StepResult | None:
    """Return what a step recorded for ``night`` in ``core.runs``, if it ran fine."""
    runs = m.core_runs
    row = connection.execute(
        sa.select(runs.c.rows_in, runs.c.rows_out, runs.c.details)
        .where(runs.c.run_date == night)
        .where(runs.c.step == step)
        .where(runs.c.status == "ok")
    ).first()
    if row is None:
        return None
    return StepResult(row.rows_in or 0, row.rows_out or 0, json.loads(row.details))


def open_on(night: dt.date) -> Any:
    """Return the condition that a vacancy was open on ``night``, by its history."""
    vacancies = m.core_vacancies
    return sa.and_(
        vacancies.c.first_seen_date <= night,
        sa.or_(vacancies.c.closed_date.is_(None), vacancies.c.closed_date > night),
    )

"""The nightly pipeline's steps, and the runner that calls them in order.

Each step is a plain function of a :class:`~vacatures.config.RunContext`. It
reads the partition of the context's night and writes in one transaction with
delete-then-insert or upserts, so a retry or a rerun gives the same rows. The
Airflow DAG wraps each step in a task; ``vacatures run`` calls them in the order
of :data:`vacatures.order.STEP_ORDER`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from vacatures.config import RunContext
from vacatures.errors import UserError
from vacatures.order import STEP_ORDER
from vacatures.steps.common import StepResult, warehouse_engine
from vacatures.steps.landing import crawl, prepare, stage
from vacatures.steps.postings import integrate
from vacatures.steps.publication import check, enrich, publish, report
from vacatures.steps.vacancies import classify, dedupe
from warehouse import models as m
from warehouse.load import upsert_rows

__all__ = [
    "STEPS",
    "StepResult",
    "check",
    "classify",
    "crawl",
    "dedupe",
    "enrich",
    "integrate",
    "prepare",
    "publish",
    "report",
    "run_night",
    "run_step",
    "stage",
    "warehouse_engine",
]

log = logging.getLogger(__name__)


_FUNCTIONS: dict[str, Callable[..., StepResult]] = {
    "prepare": prepare,
    "crawl": crawl,
    "stage": stage,
    "integrate": integrate,
    "dedupe": dedupe,
    "classify": classify,
    "enrich": enrich,
    "check": check,
    "publish": publish,
    "report": report,
}

#: The steps of a night as (name, function), in :data:`STEP_ORDER`.
STEPS: tuple[tuple[str, Callable[..., StepResult]], ...] = tuple(
    (name, _FUNCTIONS[name]) for name in STEP_ORDER
)


def run_step(name: str, ctx: RunContext, **options: Any) -> StepResult:
    """Run one step by name, log what it did and record it in ``core.runs``.

    Parameters
    ----------
    name : str
        A name from :data:`STEPS`.
    ctx : RunContext
        The night.
    **options
        Passed to the step (``boards`` and ``force`` for ``crawl``).

    Returns
    -------
    StepResult
        What the step returned.
    """
    steps = dict(STEPS)
    if name not in steps:
        raise UserError(f"unknown step {name!r}; steps are {', '.join(steps)}")
    start = time.perf_counter()
    try:
        result = steps[name](ctx, **options)
    except Exception as error:
        if name not in ("prepare", "crawl"):
            _record_failure(ctx, name, error)
        raise
    seconds = time.perf_counter() - start
    log.info(
        "%s %s: %s in -> %s out in %.1f s",
        name,
        ctx.run_date,
        f"{result.rows_in:,}",
        f"{result.rows_out:,}",
        seconds,
    )
    if name not in ("prepare", "crawl"):
        # Crawls run in parallel and must not contend for the warehouse; their
        # counts reach it through the landing stats that ``stage`` loads.
        _record(ctx, name, result)
    return result


def _record_failure(ctx: RunContext, name: str, error: Exception) -> None:
    failed = StepResult(details={"error": f"{type(error).__name__}: {error}"})
    try:
        _record(ctx, name, failed, status="failed")
    except Exception:
        log.exception("%s %s: the failure could not be recorded", name, ctx.run_date)


def _record(
    ctx: RunContext, name: str, result: StepResult, *, status: str = "ok"
) -> None:
    row = pd.DataFrame(
        [
            {
                "run_date": ctx.run_date,
                "step": name,
                "status": status,
                "rows_in": result.rows_in,
                "rows_out": result.rows_out,
                "details": json.dumps(result.details, sort_keys=True, default=str),
            }
        ]
    )
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        upsert_rows(connection, m.core_runs, row, key=["run_date", "step"])


def run_night(
    ctx: RunContext, *, steps: Sequence[str] | None = None
) -> dict[str, StepResult]:
    """Run the night's steps in order and return what each did.

    Parameters
    ----------
    ctx : RunContext
        The night.
    steps : sequence of str, optional
        A subset of the step names, still run in the order of :data:`STEPS`.

    Returns
    -------
    dict
        Step name to its :class:`StepResult`.

    Notes
    -----
    When a step fails and ``report`` is among the steps, the report is still
    written before the error is raised: a night that was not published is the
    night whose report matters most.
    """
    wanted = [name for name, _ in STEPS if steps is None or name in steps]
    results = {}
    for name in wanted:
        try:
            results[name] = run_step(name, ctx)
        except Exception:
            if "report" in wanted and name not in ("prepare", "crawl", "report"):
                _report_after_failure(ctx)
            raise
    return results


def _report_after_failure(ctx: RunContext) -> None:
    try:
        run_step("report", ctx)
    except Exception:
        log.exception("report %s: could not be written after the failure", ctx.run_date)

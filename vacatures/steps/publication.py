"""Enriching, checking, publishing and reporting the night."""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

import sqlalchemy as sa

from vacatures.config import RunContext
from vacatures.steps.common import (
    StepResult,
    recorded,
    warehouse_engine,
)
from warehouse import models as m
from warehouse.load import (
    insert_rows,
    read_frame,
)

__all__ = ["check", "enrich", "publish", "report"]

log = logging.getLogger(__name__)


def enrich(ctx: RunContext) -> StepResult:
    """Give open vacancies an occupation video and trainings; match clients.

    Rewrites the vacancies' videos and trainings and the clients' contacts at
    vacancies and ranked matches for tonight's open vacancies. A demo night
    also loads the bundled demo catalogues and clients. An older night
    replayed after newer ones leaves the newest night's enrichment as it is.
    """
    from transforms.enrich.night import enrich_warehouse

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        newest = connection.execute(
            sa.select(sa.func.max(m.core_vacancies.c.last_seen_date))
        ).scalar_one()
        if newest is not None and newest > ctx.run_date:
            # The open vacancies are those of a newer night: nothing to redo.
            return recorded(connection, ctx.run_date, "enrich") or StepResult(
                details={"superseded_by": newest.isoformat()}
            )
        result = enrich_warehouse(connection, run_date=ctx.run_date, demo_data=ctx.demo)
    return StepResult(
        rows_in=result.vacancies,
        rows_out=result.with_video,
        details={"vacancies_with_trainings": result.with_trainings, **result.details},
    )


def check(ctx: RunContext, *, thresholds: Any = None) -> StepResult:
    """Run the data-quality gates on tonight's load and store their results.

    The results replace the night's rows of ``core.quality_checks``; a failed
    blocking gate does not stop this step but makes ``publish`` refuse.

    Parameters
    ----------
    ctx : RunContext
        The night.
    thresholds : warehouse.quality.Thresholds, optional
        Bounds of the row-count gates; ``VACATURES_GATE_MIN_RATIO`` and
        ``VACATURES_GATE_MAX_RATIO`` or the defaults when not given.

    Returns
    -------
    StepResult
        Gates run and passed, with the names of failed and warned gates.
    """
    from warehouse.quality import Thresholds, night_gates, run_checks, store_results

    thresholds = thresholds or Thresholds.from_environment()
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        results = run_checks(connection, ctx.run_date, gates=night_gates(thresholds))
        store_results(connection, ctx.run_date, results)
    statuses = Counter(result.status for result in results)
    failed = sorted(r.check_name for r in results if r.status == "fail")
    if failed:
        log.warning("check %s: %s gates failed: %s", ctx.run_date, len(failed), failed)
    return StepResult(
        rows_in=len(results),
        rows_out=statuses["pass"],
        details={
            "statuses": dict(sorted(statuses.items())),
            "failed": failed,
            "warned": sorted(r.check_name for r in results if r.status == "warn"),
        },
    )


def publish(ctx: RunContext) -> StepResult:
    """Replace the published vacancies with tonight's open vacancies at once.

    The whole table switches in one transaction: readers see last night's
    rows or tonight's, never a mix. Each vacancy carries its occupation video
    and its trainings from the ``enrich`` step. A night whose quality gates
    failed, or never ran, is not published: the tables keep the last night.
    Nor is a night older than the one published, when an older night is
    replayed.

    Raises
    ------
    warehouse.quality.QualityGateError
        When tonight's blocking gates failed or were not run.
    """
    from transforms.enrich.store import published_trainings, published_videos
    from transforms.publish import published_vacancies
    from warehouse.quality import QualityGateError, gate_failures

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        shown = connection.execute(
            sa.select(sa.func.max(m.published_vacancies.c.published_date))
        ).scalar_one()
        if shown is not None and shown > ctx.run_date:
            # A replayed older night must not roll the portals back; its record
            # keeps what its own publication did.
            log.info("publish %s: %s is published, left as it is", ctx.run_date, shown)
            return recorded(connection, ctx.run_date, "publish") or StepResult(
                details={"superseded_by": shown.isoformat()}
            )
        failed = gate_failures(connection, ctx.run_date)
        if failed is None:
            raise QualityGateError(
                f"no quality gates ran for {ctx.run_date}; run the check step first"
            )
        if failed:
            raise QualityGateError(
                f"not publishing {ctx.run_date}: {len(failed)} quality gates failed"
                f" ({', '.join(failed)}); the published tables keep the last night"
            )
        vacancies = read_frame(
            connection, sa.select(m.core_vacancies).where(m.core_vacancies.c.is_open)
        )
        trainings = published_trainings(
            connection,
            published_date=ctx.run_date,
            vacancy_ids=vacancies["vacancy_id"].tolist(),
        )
        rows = published_vacancies(
            vacancies,
            published_date=ctx.run_date,
            videos=published_videos(connection),
            trainings=trainings,
        )
        connection.execute(m.published_vacancy_trainings.delete())
        connection.execute(m.published_vacancies.delete())
        insert_rows(connection, m.published_vacancies, rows)
        insert_rows(connection, m.published_vacancy_trainings, trainings)
    return StepResult(rows_in=len(vacancies), rows_out=len(rows))


def report(ctx: RunContext) -> StepResult:
    """Write the night's run report, HTML and JSON, into the reports folder.

    Returns
    -------
    StepResult
        Steps reported, files written, their paths in ``details``.
    """
    from vacatures.report import build_report, write_report

    with warehouse_engine(ctx) as engine:
        night = build_report(engine, ctx.run_date)
    files = write_report(night, ctx.reports_dir)
    return StepResult(
        rows_in=len(night.steps),
        rows_out=2,
        details={
            "html": str(files.html),
            "json": str(files.json),
            "published": night.published,
        },
    )

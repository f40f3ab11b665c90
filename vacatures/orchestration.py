"""What the Airflow DAGs share: the night of a DAG run and the step runner.

Kept apart from ``dags/`` so that DAG files stay thin and import nothing heavy
at parse time.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from vacatures.config import RunContext, Settings

__all__ = [
    "TIMEZONE",
    "board_names",
    "configured_source",
    "crosswalk",
    "is_tonight",
    "night_of",
    "run_context",
    "run_task",
    "task_defaults",
]

log = logging.getLogger(__name__)

#: Nights are dates in Dutch time: a run at 02:00 belongs to that calendar day.
TIMEZONE = "Europe/Amsterdam"


def night_of(context: dict[str, Any]) -> dt.date:
    """Return the night a DAG run is for, from its logical date.

    A manual run without a logical date is for the day it was asked to run.

    Parameters
    ----------
    context : dict
        The Airflow task context.

    Returns
    -------
    datetime.date
        The logical date in Dutch time.
    """
    import pendulum

    moment = context.get("logical_date") or context["dag_run"].run_after
    return pendulum.instance(moment).in_timezone(TIMEZONE).date()


def task_defaults(
    *,
    retries: int,
    retry_delay: dt.timedelta,
    execution_timeout: dt.timedelta,
) -> dict[str, Any]:
    """Return the ``default_args`` every task of a vacatures DAG starts from.

    Retries back off exponentially, to at most half an hour between tries.
    """
    return {
        "owner": "vacatures",
        "retries": retries,
        "retry_delay": retry_delay,
        "retry_exponential_backoff": True,
        "max_retry_delay": dt.timedelta(minutes=30),
        "execution_timeout": execution_timeout,
    }


def is_tonight(context: dict[str, Any]) -> bool:
    """Tell whether a DAG run is for the night it was scheduled or asked on.

    Only such a run may fetch the boards: they show today's vacancies, so a
    backfill or a run for an earlier night replays what landed that night.
    """
    import pendulum

    run = context["dag_run"]
    if str(run.run_type) == "backfill":
        return False
    asked_on = pendulum.instance(run.run_after).in_timezone(TIMEZONE).date()
    return night_of(context) >= asked_on


def configured_source(variable: str) -> str:
    """Return what an environment variable names, or skip the task without it."""
    import os

    from airflow.sdk.exceptions import AirflowSkipException

    source = os.environ.get(variable, "").strip()
    if not source:
        raise AirflowSkipException(f"{variable} is not set: nothing to import")
    return source


def crosswalk() -> Path | None:
    """Return the ESCO to O*NET-SOC crosswalk ``VACATURES_CROSSWALK`` names."""
    import os

    value = os.environ.get("VACATURES_CROSSWALK", "").strip()
    return Path(value) if value else None


def run_context(context: dict[str, Any]) -> RunContext:
    """Build the pipeline's run context for an Airflow task."""
    return RunContext.from_settings(Settings(), night_of(context))


def board_names() -> list[str]:
    """Return the enabled boards of the registry, one crawl task each."""
    from spiders.registry import load_registry

    registry = load_registry(Settings().registry_path)
    return [board.name for board in registry.boards if board.enabled]


def run_task(step: str, context: dict[str, Any], **options: Any) -> dict[str, Any]:
    """Run a pipeline step for the DAG run's night and return a small summary.

    Parameters
    ----------
    step : str
        A step name from :data:`vacatures.steps.STEPS`.
    context : dict
        The Airflow task context.
    **options
        Passed to the step.

    Returns
    -------
    dict
        Rows in and out and the step's details, small enough for XCom.
    """
    from vacatures.steps import run_step

    result = run_step(step, run_context(context), **options)
    return {"rows_in": result.rows_in, "rows_out": result.rows_out, **result.details}

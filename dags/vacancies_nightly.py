"""Nightly: crawl every board, then stage, integrate, dedupe, code and publish.

One crawl task per board in the registry, so a failing board is retried alone
and never blocks the others; the rest of the night follows the step order in
``vacatures.order.STEP_ORDER``. Every task works on the run's logical date only.

Only the run scheduled for tonight fetches the boards. A backfill, or a run
triggered for an earlier night, replays that night's landing files, and a board
with nothing landed that night is recorded as missing. Failed quality gates
fail ``publish`` at once, without retries, so the portals keep the last night;
the ``report`` task runs whatever happened before it, and ``failed_step`` then
fails the run, so that a night left unpublished does not show as a good one.
"""

from __future__ import annotations

import datetime as dt

import pendulum
from airflow.sdk import dag, get_current_context, task

from vacatures.orchestration import task_defaults
from vacatures.order import PARALLEL_STEPS, STEP_ORDER

#: Steps that run when an upstream task failed: staging what did land, and
#: reporting the night.
_ALL_DONE_STEPS = frozenset({"stage", "report"})


@dag(
    dag_id="vacancies_nightly",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(
        retries=2,
        retry_delay=dt.timedelta(minutes=2),
        execution_timeout=dt.timedelta(hours=1),
    ),
    tags=["vacatures"],
    doc_md=__doc__,
)
def vacancies_nightly() -> None:
    """Crawl, stage, integrate, dedupe, code and publish one night."""

    @task
    def prepare() -> dict:
        from vacatures.orchestration import run_task

        return run_task("prepare", get_current_context())

    @task
    def boards() -> list[str]:
        from vacatures.orchestration import board_names

        return board_names()

    @task(max_active_tis_per_dagrun=4, execution_timeout=dt.timedelta(hours=2))
    def crawl(board: str) -> dict:
        from vacatures.orchestration import is_tonight, run_task

        context = get_current_context()
        return run_task("crawl", context, boards=[board], live=is_tonight(context))

    def step_task(name: str):
        @task(
            task_id=name,
            trigger_rule="all_done" if name in _ALL_DONE_STEPS else "all_success",
        )
        def run() -> dict:
            from airflow.sdk.exceptions import AirflowFailException

            from vacatures.orchestration import run_task
            from warehouse.quality import QualityGateError

            try:
                return run_task(name, get_current_context())
            except QualityGateError as error:
                # Another try would see the same gates: fail without retrying.
                raise AirflowFailException(str(error)) from error

        return run()

    @task(trigger_rule="one_failed", retries=0)
    def failed_step() -> None:
        """Fail the run when a step failed, since ``report`` runs regardless."""
        from airflow.sdk.exceptions import AirflowFailException

        raise AirflowFailException("a step of this night failed; see its log")

    previous = crawl.expand(board=prepare() >> boards())
    steps = []
    for name in STEP_ORDER:
        if name == "prepare" or name in PARALLEL_STEPS:
            continue
        current = step_task(name)
        previous >> current
        previous = current
        steps.append(current)
    # Without this the run would take the state of its last task, ``report``,
    # and a night that was not published would look like a good one.
    steps >> failed_step()


vacancies_nightly()

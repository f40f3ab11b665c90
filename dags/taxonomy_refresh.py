"""Weekly: import the ESCO export, then recode the open vacancies with it.

The export is the official ESCO CSV download, unpacked into the folder named by
``VACATURES_ESCO_DIR`` (for example ``/data/esco/v1.2``). Without that variable
the import is skipped and the warehouse keeps its taxonomy. Recoding runs the
night's ``classify`` step, which codes again every open vacancy coded with
another taxonomy version; the portals show the new codes after the next
nightly ``publish``. Runs on Sunday before the nightly run, so the two do not
write the warehouse at the same time.
"""

from __future__ import annotations

import datetime as dt

import pendulum
from airflow.sdk import dag, get_current_context, task

from vacatures.orchestration import task_defaults

#: The folder of the unpacked ESCO CSV export.
ESCO_DIR_VARIABLE = "VACATURES_ESCO_DIR"


@dag(
    dag_id="taxonomy_refresh",
    schedule="0 0 * * 0",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(
        retries=1,
        retry_delay=dt.timedelta(minutes=5),
        execution_timeout=dt.timedelta(hours=1),
    ),
    tags=["vacatures"],
    doc_md=__doc__,
)
def taxonomy_refresh() -> None:
    """Import the configured ESCO export and recode open vacancies."""

    @task
    def prepare() -> dict:
        from vacatures.orchestration import run_task

        return run_task("prepare", get_current_context())

    @task
    def import_taxonomy() -> dict:
        from pathlib import Path

        from vacatures.orchestration import configured_source, run_context
        from vacatures.refresh import import_taxonomy

        folder = Path(configured_source(ESCO_DIR_VARIABLE))
        return import_taxonomy(run_context(get_current_context()), folder)

    @task
    def recode() -> dict:
        from vacatures.orchestration import run_context
        from vacatures.steps import classify

        # Called directly rather than through run_step, so the night's own
        # classify record in core.runs is left as the nightly run wrote it.
        result = classify(run_context(get_current_context()))
        return {
            "rows_in": result.rows_in,
            "rows_out": result.rows_out,
            **result.details,
        }

    prepare() >> import_taxonomy() >> recode()


taxonomy_refresh()

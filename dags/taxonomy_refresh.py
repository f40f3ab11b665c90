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

#: The folder of the unpacked ESCO CSV export.
ESCO_DIR_VARIABLE = "VACATURES_ESCO_DIR"

DEFAULT_ARGS = {
    "owner": "vacatures",
    "retries": 1,
    "retry_delay": dt.timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "execution_timeout": dt.timedelta(hours=1),
}


@dag(
    dag_id="taxonomy_refresh",
    schedule="0 0 * * 0",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
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
        import logging
        import os
        from pathlib import Path

        from airflow.sdk.exceptions import AirflowSkipException

        from transforms.occupations import read_esco_export
        from transforms.occupations.store import save_taxonomy
        from vacatures.orchestration import run_context
        from vacatures.steps import warehouse_engine

        log = logging.getLogger("vacatures.taxonomy_refresh")
        folder = os.environ.get(ESCO_DIR_VARIABLE)
        if not folder:
            raise AirflowSkipException(
                f"{ESCO_DIR_VARIABLE} is not set: no ESCO export to import,"
                " the warehouse keeps its taxonomy"
            )
        taxonomy = read_esco_export(Path(folder))
        ctx = run_context(get_current_context())
        with warehouse_engine(ctx) as engine:
            saved = save_taxonomy(engine, taxonomy, imported_date=ctx.run_date)
        log.info("taxonomy imported from %s: %s", folder, saved)
        return {
            "version": saved.version,
            "folder": folder,
            "occupations": saved.n_occupations,
            "added": len(saved.added),
            "changed": len(saved.changed),
            "retired": len(saved.retired),
        }

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

"""Weekly: refresh the occupation videos and trainings shown with vacancies.

The catalogues are imported today with ``vacatures videos import`` and
``vacatures trainings import``. This DAG runs the same imports once they are
callable as functions of a source and a warehouse connection; until then its
one task logs which catalogue sources are configured and that nothing was
imported, so the schedule and its place in the UI are already there.
"""

from __future__ import annotations

import datetime as dt

import pendulum
from airflow.sdk import dag, task

#: Environment variables naming the catalogue sources, by catalogue.
SOURCE_VARIABLES = {
    "videos": "VACATURES_VIDEO_CATALOGUE",
    "trainings": "VACATURES_TRAINING_CATALOGUE",
}

DEFAULT_ARGS = {
    "owner": "vacatures",
    "retries": 1,
    "retry_delay": dt.timedelta(minutes=5),
    "execution_timeout": dt.timedelta(minutes=30),
}


@dag(
    dag_id="catalogue_refresh",
    schedule="30 0 * * 0",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["vacatures"],
    doc_md=__doc__,
)
def catalogue_refresh() -> None:
    """Log the catalogue sources that are not imported automatically yet."""

    @task
    def log_unconfigured_catalogues() -> dict:
        import logging
        import os

        log = logging.getLogger("vacatures.catalogue_refresh")
        sources = {
            name: os.environ.get(variable) or None
            for name, variable in SOURCE_VARIABLES.items()
        }
        for name, variable in SOURCE_VARIABLES.items():
            if sources[name] is None:
                log.warning("%s: %s is not set, no source configured", name, variable)
            else:
                log.warning(
                    "%s: %s names %s, but the scheduled import is not available"
                    " yet; import it with `vacatures %s import`",
                    name,
                    variable,
                    sources[name],
                    name,
                )
        return {"imported": [], "sources": sources}

    log_unconfigured_catalogues()


catalogue_refresh()

"""Weekly: refresh the occupation videos and trainings shown with vacancies.

Each catalogue is read again from its configured source and stored under its
source name, replacing what that source gave before (the same import as
``vacatures videos import`` and ``vacatures trainings import``):

``VACATURES_VIDEO_CATALOGUE``
    a video catalogue (CSV or JSON), the CareerOneStop JSON, or a YouTube feed
    (a saved file or its URL);
``VACATURES_TRAINING_CATALOGUE``
    a training catalogue (CSV or JSON), a text file of training page URLs, or
    one page URL;
``VACATURES_CROSSWALK``
    the ESCO to O*NET-SOC crosswalk CSV, needed for CareerOneStop videos.

A catalogue whose variable is not set is skipped. The nightly ``enrich`` step
gives vacancies the refreshed videos and trainings.
"""

from __future__ import annotations

import datetime as dt

import pendulum
from airflow.sdk import dag, get_current_context, task

DEFAULT_ARGS = {
    "owner": "vacatures",
    "retries": 1,
    "retry_delay": dt.timedelta(minutes=5),
    "retry_exponential_backoff": True,
    "execution_timeout": dt.timedelta(minutes=30),
}


def _source(variable: str) -> str:
    """Return the source a variable names, or skip the task without one."""
    import os

    from airflow.sdk.exceptions import AirflowSkipException

    source = os.environ.get(variable, "").strip()
    if not source:
        raise AirflowSkipException(f"{variable} is not set: nothing to import")
    return source


def _summary(summary) -> dict:
    return {
        "source": summary.source,
        "stored": summary.stored,
        "links": summary.links,
        "dropped": dict(sorted(summary.dropped.items())),
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
    """Import the configured video and training catalogues again."""

    @task
    def prepare() -> dict:
        from vacatures.orchestration import run_task

        return run_task("prepare", get_current_context())

    @task
    def import_videos() -> dict:
        import os
        from pathlib import Path

        from transforms.enrich.imports import import_videos
        from vacatures.orchestration import run_context
        from vacatures.steps import warehouse_engine

        source = _source("VACATURES_VIDEO_CATALOGUE")
        crosswalk = os.environ.get("VACATURES_CROSSWALK")
        ctx = run_context(get_current_context())
        with warehouse_engine(ctx) as engine, engine.begin() as connection:
            summary = import_videos(
                connection,
                source,
                imported_date=ctx.run_date,
                crosswalk=Path(crosswalk) if crosswalk else None,
            )
        return _summary(summary)

    # Trainings are refreshed even when the videos could not be.
    @task(trigger_rule="all_done")
    def import_trainings() -> dict:
        import os
        from pathlib import Path

        from transforms.enrich.imports import (
            guess_training_kind,
            import_trainings,
            page_urls,
        )
        from transforms.enrich.trainings import fetch_pages
        from vacatures.orchestration import run_context
        from vacatures.steps import warehouse_engine

        source = _source("VACATURES_TRAINING_CATALOGUE")
        crosswalk = os.environ.get("VACATURES_CROSSWALK")
        pages = None
        if guess_training_kind(source) == "pages":
            # Fetched before the warehouse is opened, so sites answering
            # slowly do not hold it.
            pages, _ = fetch_pages(page_urls(source))
        ctx = run_context(get_current_context())
        with warehouse_engine(ctx) as engine, engine.begin() as connection:
            summary = import_trainings(
                connection,
                source,
                imported_date=ctx.run_date,
                crosswalk=Path(crosswalk) if crosswalk else None,
                pages=pages,
            )
        return _summary(summary)

    # One after the other: the embedded warehouse takes one writer at a time.
    prepare() >> import_videos() >> import_trainings()


catalogue_refresh()

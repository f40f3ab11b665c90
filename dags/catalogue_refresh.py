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

from vacatures.orchestration import task_defaults


@dag(
    dag_id="catalogue_refresh",
    schedule="30 0 * * 0",
    start_date=pendulum.datetime(2026, 1, 1, tz="Europe/Amsterdam"),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(
        retries=1,
        retry_delay=dt.timedelta(minutes=5),
        execution_timeout=dt.timedelta(minutes=30),
    ),
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
        from vacatures.orchestration import configured_source, crosswalk, run_context
        from vacatures.refresh import import_video_catalogue

        source = configured_source("VACATURES_VIDEO_CATALOGUE")
        ctx = run_context(get_current_context())
        return import_video_catalogue(ctx, source, crosswalk=crosswalk())

    # Trainings are refreshed even when the videos could not be.
    @task(trigger_rule="all_done")
    def import_trainings() -> dict:
        from vacatures.orchestration import configured_source, crosswalk, run_context
        from vacatures.refresh import import_training_catalogue

        source = configured_source("VACATURES_TRAINING_CATALOGUE")
        ctx = run_context(get_current_context())
        return import_training_catalogue(ctx, source, crosswalk=crosswalk())

    # One after the other: the embedded warehouse takes one writer at a time.
    prepare() >> import_videos() >> import_trainings()


catalogue_refresh()

"""Weekly refreshes: a new ESCO export, new video and training catalogues.

Plain functions of a run context, like the nightly steps, so the refresh DAGs
only wrap them and the same work can run from the command line.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from vacatures.config import RunContext

__all__ = ["import_taxonomy", "import_training_catalogue", "import_video_catalogue"]

log = logging.getLogger(__name__)


def import_taxonomy(ctx: RunContext, folder: Path) -> dict[str, Any]:
    """Import an ESCO CSV export into the warehouse of ``ctx``.

    English titles come from the ESCO to O*NET-SOC crosswalk when it lies in a
    ``crosswalks`` folder beside the export's parent, as in the published
    reference data; without it the taxonomy has Dutch labels only.

    Parameters
    ----------
    ctx : RunContext
        The night; the import is dated with it.
    folder : pathlib.Path
        The unpacked export, holding ``occupations_nl.csv``.

    Returns
    -------
    dict
        The version and how many occupations were added, changed and retired.
    """
    from transforms.occupations import read_esco_export
    from transforms.occupations.store import save_taxonomy
    from vacatures.steps import warehouse_engine

    crosswalk = folder.parent.parent / "crosswalks" / "esco_to_onet_soc_2019.csv"
    taxonomy = read_esco_export(
        folder, english_titles=crosswalk if crosswalk.is_file() else None
    )
    with warehouse_engine(ctx) as engine:
        saved = save_taxonomy(engine, taxonomy, imported_date=ctx.run_date)
    log.info("taxonomy imported from %s: %s", folder, saved)
    return {
        "version": saved.version,
        "folder": str(folder),
        "occupations": saved.n_occupations,
        "added": len(saved.added),
        "changed": len(saved.changed),
        "retired": len(saved.retired),
    }


def _summary(summary: Any) -> dict[str, Any]:
    return {
        "source": summary.source,
        "stored": summary.stored,
        "links": summary.links,
        "dropped": dict(sorted(summary.dropped.items())),
    }


def import_video_catalogue(
    ctx: RunContext, source: str, *, crosswalk: Path | None = None
) -> dict[str, Any]:
    """Import a video catalogue, replacing what the same source gave before.

    Parameters
    ----------
    ctx : RunContext
        The night; the import is dated with it.
    source : str
        A catalogue file, the CareerOneStop JSON, or a YouTube feed (file or URL).
    crosswalk : pathlib.Path, optional
        The ESCO to O*NET-SOC crosswalk, needed for CareerOneStop videos.

    Returns
    -------
    dict
        The source, videos and links stored, and what was dropped by reason.
    """
    from transforms.enrich.imports import import_videos
    from vacatures.steps import warehouse_engine

    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        summary = import_videos(
            connection, source, imported_date=ctx.run_date, crosswalk=crosswalk
        )
    return _summary(summary)


def import_training_catalogue(
    ctx: RunContext, source: str, *, crosswalk: Path | None = None
) -> dict[str, Any]:
    """Import a training catalogue or crawl training pages, replacing the source.

    Pages are fetched before the warehouse is opened, so sites that answer
    slowly do not hold it.

    Parameters
    ----------
    ctx : RunContext
        The night; the import is dated with it.
    source : str
        A catalogue file, a text file of page URLs, or one page URL.
    crosswalk : pathlib.Path, optional
        The ESCO to O*NET-SOC crosswalk, for O*NET-SOC codes in the catalogue.

    Returns
    -------
    dict
        The source, trainings and links stored, and what was dropped by reason.
    """
    from transforms.enrich.imports import (
        guess_training_kind,
        import_trainings,
        page_urls,
    )
    from transforms.enrich.trainings import fetch_pages
    from vacatures.steps import warehouse_engine

    pages = None
    if guess_training_kind(source) == "pages":
        pages, _ = fetch_pages(page_urls(source))
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        summary = import_trainings(
            connection,
            source,
            imported_date=ctx.run_date,
            crosswalk=crosswalk,
            pages=pages,
        )
    return _summary(summary)

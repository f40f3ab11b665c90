"""Importing video and training catalogues into the warehouse, whatever their source.

:func:`import_videos` and :func:`import_trainings` are what ``vacatures videos
import`` and ``vacatures trainings import`` run; a scheduled refresh calls them
the same way. Each reads one source, links it to occupations and stores it
under its source name in the caller's transaction, replacing what that source
gave before.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd
from sqlalchemy.engine import Connection

from transforms.enrich import store
from transforms.enrich.occupations import read_crosswalk, score_crosswalk
from transforms.enrich.trainings import (
    fetch_pages,
    read_training_catalogue,
    read_training_pages,
)
from transforms.enrich.videos import (
    VideoCatalogue,
    code_video_titles,
    parse_youtube_feed,
    read_careeronestop,
    read_video_catalogue,
)
from vacatures.errors import InputError

__all__ = [
    "TRAINING_KINDS",
    "VIDEO_KINDS",
    "ImportSummary",
    "guess_training_kind",
    "guess_video_kind",
    "import_trainings",
    "import_videos",
    "page_urls",
]

log = logging.getLogger(__name__)

#: Formats of a video source.
VIDEO_KINDS = ("catalogue", "careeronestop", "youtube")
#: Formats of a training source.
TRAINING_KINDS = ("catalogue", "pages")


@dataclass
class ImportSummary:
    """What one import stored: under which source, how many, what was dropped."""

    source: str
    stored: int
    links: int
    dropped: Counter[str] = field(default_factory=Counter)


def _is_url(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


def guess_video_kind(source: str) -> str:
    """Tell a video source's format from its name and, for JSON, its shape.

    Parameters
    ----------
    source : str
        A path or an ``http(s)`` URL.

    Returns
    -------
    str
        ``youtube`` for URLs and ``.xml`` files, ``careeronestop`` for JSON
        with a ``videos`` object, ``catalogue`` otherwise.
    """
    if _is_url(source) or source.lower().endswith(".xml"):
        return "youtube"
    if source.lower().endswith(".json"):
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return "catalogue"
        if isinstance(data, dict) and isinstance(data.get("videos"), dict):
            return "careeronestop"
    return "catalogue"


def guess_training_kind(source: str) -> str:
    """Tell a training source's format: ``catalogue`` (CSV, JSON) or ``pages``."""
    is_catalogue = source.lower().endswith((".csv", ".json"))
    return "catalogue" if is_catalogue and not _is_url(source) else "pages"


def _existing(source: str, what: str) -> Path:
    path = Path(source)
    if not path.is_file():
        raise InputError(f"{what} not found: {source}")
    return path


def _scored(crosswalk: Path | None) -> pd.DataFrame | None:
    if crosswalk is None:
        return None
    return score_crosswalk(read_crosswalk(_existing(str(crosswalk), "crosswalk")))


def _feed_body(source: str) -> bytes:
    if _is_url(source):
        pages, failures = fetch_pages([source], delay=0.0)
        if not pages:
            raise InputError(f"cannot fetch the feed {source}: {dict(failures)}")
        return pages[0][1]
    return _existing(source, "feed").read_bytes()


def import_videos(
    connection: Connection,
    source: str,
    *,
    imported_date: dt.date,
    kind: str = "auto",
    crosswalk: Path | None = None,
    language: str = "nl",
    min_score: float = 0.6,
    name: str | None = None,
) -> ImportSummary:
    """Import occupation videos from one source into the warehouse.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse, in the caller's transaction.
    source : str
        A catalogue (CSV or JSON), the CareerOneStop JSON, or a YouTube
        feed (saved file or URL).
    imported_date : datetime.date
        Recorded with the videos.
    kind : str
        ``auto`` or one of :data:`VIDEO_KINDS`.
    crosswalk : pathlib.Path, optional
        The ESCO to O*NET-SOC crosswalk; needed for CareerOneStop.
    language : str
        Language of a YouTube feed's videos.
    min_score : float
        Lowest coder score at which a YouTube title is linked.
    name : str, optional
        Source name to store under; derived from the source when not given.

    Returns
    -------
    ImportSummary
        The source name, videos and links stored, and dropped rows by reason.

    Raises
    ------
    InputError
        When the source is missing or unreadable, CareerOneStop comes without
        a crosswalk, or no video could be linked to an occupation.
    """
    kind = guess_video_kind(source) if kind == "auto" else kind
    if kind not in VIDEO_KINDS:
        raise InputError(f"unknown video source kind {kind!r}: use {VIDEO_KINDS}")
    if kind == "careeronestop" and crosswalk is None:
        raise InputError(
            "CareerOneStop videos need --crosswalk CSV (ESCO to O*NET-SOC)"
        )
    index = store.load_occupation_index(connection, crosswalk=_scored(crosswalk))
    catalogue: VideoCatalogue
    if kind == "catalogue":
        path = _existing(source, "video catalogue")
        catalogue = read_video_catalogue(path, index, source=name)
    elif kind == "careeronestop":
        path = _existing(source, "video catalogue")
        catalogue = read_careeronestop(path, index, source=name or "careeronestop")
    else:
        from transforms.occupations import OccupationCoder, starter_taxonomy
        from transforms.occupations.store import load_taxonomy

        entries = parse_youtube_feed(_feed_body(source))
        taxonomy = load_taxonomy(connection.engine) or starter_taxonomy()
        channel = entries["channel"].iloc[0] if not entries.empty else "feed"
        catalogue = code_video_titles(
            entries,
            OccupationCoder(taxonomy),
            min_score=min_score,
            language=language,
            source=name or f"youtube:{channel}",
        )
    if catalogue.videos.empty:
        raise InputError(
            f"no video in {source} could be linked to an occupation "
            f"(dropped: {dict(catalogue.dropped)})"
        )
    source_name = str(catalogue.videos["source"].iloc[0])
    stored, links = store.save_videos(
        connection,
        catalogue.videos,
        catalogue.links,
        source=source_name,
        imported_date=imported_date,
    )
    log.info(
        "videos: stored %s videos with %s occupation links as %r",
        f"{stored:,}",
        f"{links:,}",
        source_name,
    )
    return ImportSummary(source_name, stored, links, catalogue.dropped)


def page_urls(source: str) -> list[str]:
    """Return the page URLs a training source names: itself, or its lines.

    Parameters
    ----------
    source : str
        One ``http(s)`` URL, or a text file with one URL per line (blank
        lines and lines starting with ``#`` are skipped).

    Returns
    -------
    list of str
        The URLs.
    """
    if _is_url(source):
        return [source]
    lines = _existing(source, "list of pages").read_text("utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and line.strip()[0] != "#"]


def import_trainings(
    connection: Connection,
    source: str,
    *,
    imported_date: dt.date,
    kind: str = "auto",
    crosswalk: Path | None = None,
    delay: float = 1.0,
    name: str | None = None,
    pages: list[tuple[str, bytes]] | None = None,
) -> ImportSummary:
    """Import trainings from one source into the warehouse.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse, in the caller's transaction.
    source : str
        A catalogue (CSV or JSON), a text file of page URLs (one per line,
        ``#`` for comments), or one page URL.
    imported_date : datetime.date
        Recorded with the trainings.
    kind : str
        ``auto`` or one of :data:`TRAINING_KINDS`.
    crosswalk : pathlib.Path, optional
        The ESCO to O*NET-SOC crosswalk, for O*NET-SOC codes.
    delay : float
        Seconds between two page requests to one host.
    name : str, optional
        Source name to store under; derived from the source when not given.
    pages : list of (str, bytes), optional
        The pages of a ``pages`` source, fetched beforehand with
        :func:`~transforms.enrich.trainings.fetch_pages` so that the
        warehouse is not held while sites answer; fetched here when not given.

    Returns
    -------
    ImportSummary
        The source name, trainings and links stored, and dropped rows by
        reason (pages that could not be fetched count as ``fetch:<reason>``
        when fetched here).

    Raises
    ------
    InputError
        When the source is missing or no training could be linked to an
        occupation.
    """
    kind = guess_training_kind(source) if kind == "auto" else kind
    if kind not in TRAINING_KINDS:
        raise InputError(f"unknown training source kind {kind!r}: use {TRAINING_KINDS}")
    scored = _scored(crosswalk)
    failures: Counter[str] = Counter()
    if kind == "pages" and pages is None:
        urls = page_urls(source)
        if not urls:
            raise InputError(f"no page URLs in {source}")
        pages, failures = fetch_pages(urls, delay=delay)
    index = store.load_occupation_index(connection, crosswalk=scored)
    if kind == "catalogue":
        path = _existing(source, "training catalogue")
        catalogue = read_training_catalogue(path, index, source=name)
    else:
        where = urlsplit(source).netloc or Path(source).stem
        catalogue = read_training_pages(
            pages or [], index, source=name or f"pages:{where}"
        )
    dropped = catalogue.dropped + Counter(
        {f"fetch:{k}": v for k, v in failures.items()}
    )
    if catalogue.trainings.empty:
        raise InputError(
            f"no training in {source} could be linked to an occupation "
            f"(dropped: {dict(dropped)})"
        )
    source_name = str(catalogue.trainings["source"].iloc[0])
    stored, links = store.save_trainings(
        connection,
        catalogue.trainings,
        catalogue.links,
        source=source_name,
        imported_date=imported_date,
    )
    log.info(
        "trainings: stored %s trainings towards %s occupations as %r",
        f"{stored:,}",
        f"{links:,}",
        source_name,
    )
    return ImportSummary(source_name, stored, links, dropped)

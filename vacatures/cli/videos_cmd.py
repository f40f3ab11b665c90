"""``vacatures videos import``: load occupation videos into the warehouse."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import Connection

from vacatures.cli.options import VerboseOption, WarehouseOption, existing_file
from vacatures.errors import InputError

__all__ = ["import_videos", "open_warehouse", "register", "videos_app"]

log = logging.getLogger(__name__)

videos_app = typer.Typer(
    help="Occupation videos (beroepsbeelden) shown with vacancies.",
    no_args_is_help=True,
)


class VideoSource(StrEnum):
    """The formats ``videos import`` reads."""

    AUTO = "auto"
    CATALOGUE = "catalogue"
    CAREERONESTOP = "careeronestop"
    YOUTUBE = "youtube"


@contextmanager
def open_warehouse(url: str | None) -> Iterator[Connection]:
    """Open the warehouse, bring its schema up to date and start a transaction.

    Parameters
    ----------
    url : str or None
        The ``--warehouse`` option; the configured warehouse when ``None``.

    Yields
    ------
    sqlalchemy.engine.Connection
        A connection whose transaction commits when the block ends cleanly.
    """
    from vacatures.config import Settings
    from warehouse.db import get_engine, migrate

    engine = get_engine(url or Settings().warehouse_url)
    try:
        migrate(engine)
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def _guess_kind(source: str) -> VideoSource:
    lowered = source.lower()
    if lowered.startswith(("http://", "https://")) or lowered.endswith(".xml"):
        return VideoSource.YOUTUBE
    if lowered.endswith(".json"):
        import json

        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return VideoSource.CATALOGUE
        if isinstance(data, dict) and isinstance(data.get("videos"), dict):
            return VideoSource.CAREERONESTOP
    return VideoSource.CATALOGUE


def _feed_body(source: str) -> bytes:
    if source.lower().startswith(("http://", "https://")):
        from transforms.enrich.trainings import fetch_pages

        pages, failures = fetch_pages([source], delay=0.0)
        if not pages:
            raise InputError(f"cannot fetch the feed {source}: {dict(failures)}")
        return pages[0][1]
    return existing_file(Path(source), what="feed").read_bytes()


def import_videos(
    source: Annotated[
        str,
        typer.Argument(
            help="Catalogue file (CSV or JSON), CareerOneStop JSON, or a YouTube "
            "feed (saved XML file or its URL)."
        ),
    ],
    kind: Annotated[
        VideoSource,
        typer.Option("--kind", help="Format of SOURCE; guessed from it by default."),
    ] = VideoSource.AUTO,
    crosswalk: Annotated[
        Path | None,
        typer.Option(
            "--crosswalk",
            help="ESCO to O*NET-SOC crosswalk CSV; needed for CareerOneStop and "
            "O*NET-SOC codes in catalogues.",
            dir_okay=False,
        ),
    ] = None,
    language: Annotated[
        str, typer.Option("--language", help="Language of a YouTube feed's videos.")
    ] = "nl",
    min_score: Annotated[
        float,
        typer.Option(
            "--min-score",
            min=0.0,
            max=1.0,
            help="Lowest coder score at which a YouTube title is linked.",
        ),
    ] = 0.6,
    name: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Name to store the videos under; importing the same name again "
            "replaces them.",
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Import occupation videos and link them to occupations."""
    from transforms.enrich import store, videos
    from transforms.enrich.occupations import read_crosswalk, score_crosswalk
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    if kind is VideoSource.AUTO:
        kind = _guess_kind(source)
    scored = None
    if crosswalk is not None:
        scored = score_crosswalk(
            read_crosswalk(existing_file(crosswalk, what="crosswalk"))
        )
    elif kind is VideoSource.CAREERONESTOP:
        raise InputError(
            "CareerOneStop videos need --crosswalk CSV (ESCO to O*NET-SOC)"
        )
    with open_warehouse(warehouse) as connection:
        index = store.load_occupation_index(connection, crosswalk=scored)
        if kind is VideoSource.CATALOGUE:
            catalogue = videos.read_video_catalogue(
                existing_file(Path(source), what="video catalogue"), index, source=name
            )
        elif kind is VideoSource.CAREERONESTOP:
            catalogue = videos.read_careeronestop(
                existing_file(Path(source), what="video catalogue"),
                index,
                source=name or "careeronestop",
            )
        else:
            from transforms.occupations import OccupationCoder, starter_taxonomy
            from transforms.occupations.store import load_taxonomy

            entries = videos.parse_youtube_feed(_feed_body(source))
            taxonomy = load_taxonomy(connection.engine) or starter_taxonomy()
            feed_name = entries["channel"].iloc[0] if not entries.empty else "feed"
            catalogue = videos.code_video_titles(
                entries,
                OccupationCoder(taxonomy),
                min_score=min_score,
                language=language,
                source=name or f"youtube:{feed_name}",
            )
        source_name = (
            catalogue.videos["source"].iloc[0] if len(catalogue.videos) else name
        )
        if catalogue.videos.empty:
            raise InputError(
                f"no video in {source} could be linked to an occupation "
                f"(dropped: {dict(catalogue.dropped)})"
            )
        stored, links = store.save_videos(
            connection,
            catalogue.videos,
            catalogue.links,
            source=str(source_name),
            imported_date=dt.date.today(),
        )
    log.info(
        "videos: stored %s videos with %s occupation links as %r",
        f"{stored:,}",
        f"{links:,}",
        source_name,
    )


def register(app: typer.Typer) -> None:
    """Add ``videos import`` to the command line."""
    videos_app.command("import")(import_videos)
    app.add_typer(videos_app, name="videos")

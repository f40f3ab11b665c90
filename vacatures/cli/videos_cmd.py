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

from vacatures.cli.options import VerboseOption, WarehouseOption

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
    from transforms.enrich.imports import import_videos as run_import
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    with open_warehouse(warehouse) as connection:
        run_import(
            connection,
            source,
            imported_date=dt.date.today(),
            kind=str(kind),
            crosswalk=crosswalk,
            language=language,
            min_score=min_score,
            name=name,
        )


def register(app: typer.Typer) -> None:
    """Add ``videos import`` to the command line."""
    videos_app.command("import")(import_videos)
    app.add_typer(videos_app, name="videos")

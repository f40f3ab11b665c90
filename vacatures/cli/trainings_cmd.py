"""``vacatures trainings import``: load trainings into the warehouse."""

from __future__ import annotations

import datetime as dt
import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vacatures.cli.options import VerboseOption, WarehouseOption
from vacatures.cli.videos_cmd import open_warehouse
from vacatures.errors import InputError

__all__ = ["import_trainings", "register", "trainings_app"]

log = logging.getLogger(__name__)

trainings_app = typer.Typer(
    help="Trainings towards occupations, with the chance of a job afterwards.",
    no_args_is_help=True,
)


class TrainingSource(StrEnum):
    """The formats ``trainings import`` reads."""

    AUTO = "auto"
    CATALOGUE = "catalogue"
    PAGES = "pages"


def import_trainings(
    source: Annotated[
        str,
        typer.Argument(
            help="Catalogue file (CSV or JSON), a text file of page URLs (one per "
            "line), or one page URL."
        ),
    ],
    kind: Annotated[
        TrainingSource,
        typer.Option("--kind", help="Format of SOURCE; guessed from it by default."),
    ] = TrainingSource.AUTO,
    crosswalk: Annotated[
        Path | None,
        typer.Option(
            "--crosswalk",
            help="ESCO to O*NET-SOC crosswalk CSV, for O*NET-SOC codes.",
            dir_okay=False,
        ),
    ] = None,
    delay: Annotated[
        float,
        typer.Option("--delay", min=0.0, help="Seconds between requests to a host."),
    ] = 1.0,
    name: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Name to store the trainings under; importing the same name "
            "again replaces them.",
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Import trainings and link them to the occupations they lead to."""
    from transforms.enrich.imports import guess_training_kind, page_urls
    from transforms.enrich.imports import import_trainings as run_import
    from transforms.enrich.trainings import fetch_pages
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    chosen = guess_training_kind(source) if kind is TrainingSource.AUTO else str(kind)
    pages = None
    if chosen == "pages":
        # Fetched before the warehouse is opened, so that slow sites do not
        # hold the embedded warehouse.
        urls = page_urls(source)
        if not urls:
            raise InputError(f"no page URLs in {source}")
        pages, _ = fetch_pages(urls, delay=delay)
    with open_warehouse(warehouse) as connection:
        run_import(
            connection,
            source,
            imported_date=dt.date.today(),
            kind=chosen,
            crosswalk=crosswalk,
            name=name,
            pages=pages,
        )


def register(app: typer.Typer) -> None:
    """Add ``trainings import`` to the command line."""
    trainings_app.command("import")(import_trainings)
    app.add_typer(trainings_app, name="trainings")

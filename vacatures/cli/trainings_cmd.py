"""``vacatures trainings import``: load trainings into the warehouse."""

from __future__ import annotations

import datetime as dt
import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

import typer

from vacatures.cli.options import VerboseOption, WarehouseOption, existing_file
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


def _page_urls(source: str) -> list[str]:
    if source.lower().startswith(("http://", "https://")):
        return [source]
    lines = existing_file(Path(source), what="list of pages").read_text("utf-8")
    return [
        line.strip()
        for line in lines.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


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
    from transforms.enrich import store, trainings
    from transforms.enrich.occupations import read_crosswalk, score_crosswalk
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    if kind is TrainingSource.AUTO:
        is_catalogue = source.lower().endswith((".csv", ".json"))
        kind = TrainingSource.CATALOGUE if is_catalogue else TrainingSource.PAGES
    scored = None
    if crosswalk is not None:
        scored = score_crosswalk(
            read_crosswalk(existing_file(crosswalk, what="crosswalk"))
        )
    pages = None
    if kind is TrainingSource.PAGES:
        urls = _page_urls(source)
        if not urls:
            raise InputError(f"no page URLs in {source}")
        pages, _ = trainings.fetch_pages(urls, delay=delay)
    with open_warehouse(warehouse) as connection:
        index = store.load_occupation_index(connection, crosswalk=scored)
        if pages is None:
            catalogue = trainings.read_training_catalogue(
                existing_file(Path(source), what="training catalogue"),
                index,
                source=name,
            )
        else:
            where = urlsplit(source).netloc or Path(source).stem
            catalogue = trainings.read_training_pages(
                pages, index, source=name or f"pages:{where}"
            )
        if catalogue.trainings.empty:
            raise InputError(
                f"no training in {source} could be linked to an occupation "
                f"(dropped: {dict(catalogue.dropped)})"
            )
        source_name = str(catalogue.trainings["source"].iloc[0])
        stored, links = store.save_trainings(
            connection,
            catalogue.trainings,
            catalogue.links,
            source=source_name,
            imported_date=dt.date.today(),
        )
    log.info(
        "trainings: stored %s trainings towards %s occupations as %r",
        f"{stored:,}",
        f"{links:,}",
        source_name,
    )


def register(app: typer.Typer) -> None:
    """Add ``trainings import`` to the command line."""
    trainings_app.command("import")(import_trainings)
    app.add_typer(trainings_app, name="trainings")

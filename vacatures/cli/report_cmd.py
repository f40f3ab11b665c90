"""``vacatures report``: write a night's run report as HTML and JSON."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer

from vacatures.cli.options import VerboseOption, WarehouseOption, parse_date
from vacatures.config import Settings
from vacatures.errors import UserError

__all__ = ["register", "report"]

log = logging.getLogger(__name__)


def report(
    date: Annotated[
        str | None,
        typer.Option("--date", help="The night to report, YYYY-MM-DD (default today)."),
    ] = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            help="Folder to write <date>.html and <date>.json into.",
            show_default="the reports folder under VACATURES_HOME",
            file_okay=False,
        ),
    ] = None,
    nights: Annotated[
        int, typer.Option("--nights", min=1, help="Nights the trend covers.")
    ] = 14,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Write the run report of a night: boards, vacancies, dedupe, coding, gates."""
    from vacatures.logs import configure
    from vacatures.report import build_report, write_report
    from warehouse.db import get_engine

    configure(logging.DEBUG if verbose else logging.INFO)
    run_date = parse_date(date)
    settings = Settings(warehouse_url=warehouse or "")
    engine = get_engine(settings.warehouse_url)
    try:
        night = build_report(engine, run_date, nights=nights)
    except sa.exc.DBAPIError as error:
        first_line = str(error.orig).strip().splitlines()[0]
        raise UserError(f"cannot read the warehouse: {first_line}") from None
    finally:
        engine.dispose()
    files = write_report(night, output_dir or settings.reports_dir)
    typer.echo(files.html)
    typer.echo(files.json)


def register(app: typer.Typer) -> None:
    """Add ``report`` to the command line."""
    app.command("report")(report)

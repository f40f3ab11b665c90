"""``vacatures run``: the nightly pipeline, end to end."""

from __future__ import annotations

import typer

from vacatures.cli.options import VerboseOption, WarehouseOption

__all__ = ["register"]


def run(
    demo: bool = typer.Option(
        False, "--demo", help="Crawl the bundled demo boards served on 127.0.0.1."
    ),
    date: str | None = typer.Option(
        None, "--date", help="The night to run, YYYY-MM-DD (default today)."
    ),
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Run the nightly pipeline: crawl, validate, clean, dedupe, code, load."""
    raise NotImplementedError


def register(app: typer.Typer) -> None:
    """Add ``run`` to the command line."""
    app.command("run")(run)

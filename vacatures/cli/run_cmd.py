"""``vacatures run``: the nightly pipeline, end to end."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from vacatures.cli.options import VerboseOption, WarehouseOption, parse_date
from vacatures.config import RunContext, Settings
from vacatures.errors import UserError
from vacatures.logs import configure
from vacatures.steps import STEPS, StepResult, run_night

__all__ = ["register", "run", "summary_table"]

log = logging.getLogger(__name__)

#: Port of the demo boards; fixed so that posting URLs stay the same across nights.
DEMO_PORT = 8765


@contextmanager
def _demo_boards(settings: Settings, run_date: dt.date, port: int) -> Iterator[Path]:
    from vacatures.demo.server import DemoBoards

    try:
        site = DemoBoards(as_of=run_date, port=port)
        site.__enter__()
    except OSError as error:
        raise UserError(
            f"cannot serve the demo boards on 127.0.0.1:{port} ({error.strerror});"
            " free the port or pass --demo-port"
        ) from None
    try:
        registry = site.write_registry(settings.home / "demo" / "boards.toml")
        log.info("demo boards on %s, registry %s", site.base_url, registry)
        yield registry
    finally:
        site.__exit__(None, None, None)


def summary_table(results: dict[str, StepResult]) -> Table:
    """Build the table printed at the end of a run.

    Parameters
    ----------
    results : dict
        Step name to what it returned.

    Returns
    -------
    rich.table.Table
        Postings per board, quarantine by reason, vacancies and coding share.
    """
    table = Table(title="vacatures: the night in numbers", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    staged = results.get("stage")
    if staged is not None:
        for board, count in staged.details.get("postings_per_board", {}).items():
            table.add_row(f"postings from {board}", f"{count:,}")
        quarantined = staged.details.get("quarantined", {})
        if not quarantined:
            table.add_row("quarantined", "0")
        for reason, count in quarantined.items():
            table.add_row(f"quarantined: {reason}", f"{count:,}")
    deduped = results.get("dedupe")
    if deduped is not None:
        table.add_row("postings tonight", f"{deduped.rows_in:,}")
        table.add_row("vacancies after dedupe", f"{deduped.rows_out:,}")
        for key in ("vacancies_new", "vacancies_changed", "vacancies_closed"):
            table.add_row(key.replace("_", " "), f"{deduped.details.get(key, 0):,}")
        table.add_row("open vacancies", f"{deduped.details.get('vacancies_open', 0):,}")
    coded = results.get("classify")
    if coded is not None:
        share = coded.details.get("coded_share")
        if share is not None:
            table.add_row("coded to an occupation", f"{share:.1%}")
    enriched = results.get("enrich")
    if enriched is not None:
        table.add_row("vacancies with a video", f"{enriched.rows_out:,}")
        with_trainings = enriched.details.get("vacancies_with_trainings", 0)
        table.add_row("vacancies with trainings", f"{with_trainings:,}")
        matches = enriched.details.get("client_vacancy_matches", 0)
        table.add_row("client matches", f"{matches:,}")
    return table


def run(
    demo: Annotated[
        bool,
        typer.Option("--demo", help="Crawl the bundled demo boards on 127.0.0.1."),
    ] = False,
    date: Annotated[
        str | None,
        typer.Option("--date", help="The night to run, YYYY-MM-DD (default today)."),
    ] = None,
    boards: Annotated[
        Path | None,
        typer.Option(
            "--boards", help="Board registry (default VACATURES_BOARDS or boards.toml)."
        ),
    ] = None,
    demo_port: Annotated[
        int, typer.Option("--demo-port", help="Port of the demo boards.")
    ] = DEMO_PORT,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Run the nightly pipeline: crawl, validate, clean, dedupe, code, publish."""
    configure(logging.DEBUG if verbose else logging.INFO)
    run_date = parse_date(date)
    settings = Settings(warehouse_url=warehouse or "")
    if boards is not None:
        settings = Settings(warehouse_url=settings.warehouse_url, registry_path=boards)
    with _maybe_demo(demo, settings, run_date, demo_port) as registry:
        ctx = RunContext.from_settings(settings, run_date)
        if registry is not None:
            ctx = dataclasses.replace(ctx, registry_path=registry, demo=True)
        elif not ctx.registry_path.is_file():
            raise UserError(f"board registry not found: {ctx.registry_path}")
        results = run_night(ctx)
    console = Console()
    console.print(summary_table(results))
    console.print(f"warehouse: {settings.warehouse_url}", soft_wrap=True)
    log.debug("steps run: %s", [name for name, _ in STEPS])


@contextmanager
def _maybe_demo(
    demo: bool, settings: Settings, run_date: dt.date, port: int
) -> Iterator[Path | None]:
    if not demo:
        yield None
        return
    with _demo_boards(settings, run_date, port) as registry:
        yield registry


def register(app: typer.Typer) -> None:
    """Add ``run`` to the command line."""
    app.command("run")(run)

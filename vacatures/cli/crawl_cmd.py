"""``vacatures crawl``: crawl the boards of a registry into one postings file."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from vacatures.cli.options import (
    OutputOption,
    VerboseOption,
    WarehouseOption,
    existing_file,
    parse_date,
)
from vacatures.config import Settings
from vacatures.errors import UserError

__all__ = ["crawl", "register"]

log = logging.getLogger(__name__)


def crawl(
    boards: Annotated[
        Path,
        typer.Option("--boards", help="Board registry (TOML).", dir_okay=False),
    ],
    output: OutputOption,
    state: Annotated[
        Path | None,
        typer.Option(
            "--state",
            help="Folder of the HTTP cache kept between crawls.",
            show_default="the state folder under VACATURES_HOME",
            file_okay=False,
        ),
    ] = None,
    only: Annotated[
        list[str] | None,
        typer.Option("--board", help="Crawl only this board (may be repeated)."),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="The night crawled, YYYY-MM-DD (default today)."),
    ] = None,
    parallel: Annotated[
        int, typer.Option("--parallel", min=1, help="Boards crawled at once.")
    ] = 2,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Crawl every enabled board of a registry and write all postings as JSONL."""
    from spiders.crawl import crawl_boards
    from spiders.registry import load_registry
    from vacatures.logs import configure, timed

    configure(logging.DEBUG if verbose else logging.INFO)
    registry = load_registry(existing_file(boards, what="board registry"))
    chosen = registry.enabled()
    if only:
        unknown = sorted(set(only) - {board.name for board in registry.boards})
        if unknown:
            raise UserError(f"no board named {unknown[0]!r} in {boards}")
        chosen = [board for board in registry.boards if board.name in only]
    if not chosen:
        raise UserError(f"no enabled board in {boards}")
    run_date = parse_date(date, default=dt.date.today())
    state_dir = state or Settings().state_dir
    output.parent.mkdir(parents=True, exist_ok=True)

    with timed() as clock, tempfile.TemporaryDirectory(dir=output.parent) as landing:
        results = crawl_boards(
            chosen,
            Path(landing),
            run_date=run_date,
            state_dir=state_dir,
            settings=registry.settings,
            max_parallel=parallel,
        )
        partial = output.with_name(f".{output.name}.partial")
        total = 0
        with partial.open("wb") as target:
            for board in chosen:
                with (Path(landing) / f"{board.name}.jsonl").open("rb") as source:
                    shutil.copyfileobj(source, target)
                total += results[board.name].postings_emitted
        partial.replace(output)

    failed = [stats for stats in results.values() if not stats.ok]
    for stats in results.values():
        log.info(
            "%-24s %-8s %8s postings  %6s pages  failures: %s",
            stats.board,
            stats.status,
            f"{stats.postings_emitted:,}",
            f"{stats.pages_fetched:,}",
            ", ".join(f"{k} {v:,}" for k, v in stats.failures.items()) or "none",
        )
    log.info(
        "crawl: %d boards -> %s postings in %.1f s (%d failed); wrote %s",
        len(chosen),
        f"{total:,}",
        clock["seconds"],
        len(failed),
        output,
    )
    if len(failed) == len(chosen):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``crawl`` to the command line."""
    app.command("crawl")(crawl)

"""Landing a night: the schema, the crawl, and validation into staging."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import sqlalchemy as sa

from vacatures.config import RunContext
from vacatures.errors import UserError
from vacatures.steps.common import (
    StepResult,
    warehouse_engine,
)
from warehouse import models as m
from warehouse.db import migrate
from warehouse.history import (
    merge_history,
)
from warehouse.load import (
    read_frame,
    replace_rows,
    upsert_rows,
)

__all__ = ["crawl", "prepare", "stage"]

log = logging.getLogger(__name__)


def prepare(ctx: RunContext) -> StepResult:
    """Create or upgrade the warehouse schema and rebuild the marts views."""
    from warehouse.views import create_views

    with warehouse_engine(ctx) as engine:
        migrate(engine)
        views = create_views(engine)
    return StepResult(details={"views": views})


def _landed_ok(partition: Path, board: str) -> bool:
    stats = partition / f"{board}.stats.json"
    if not stats.is_file() or not (partition / f"{board}.jsonl").is_file():
        return False
    try:
        return json.loads(stats.read_text(encoding="utf-8")).get("status") == "ok"
    except ValueError:
        return False


def _record_missing(partition: Path, board: str, run_date: dt.date) -> None:
    from spiders.stats import write_atomically

    stats = {
        "board": board,
        "run_date": run_date.isoformat(),
        "status": "missing",
        "error": "nothing landed for this night, and a past night is not crawled",
        "pages_fetched": 0,
        "postings_emitted": 0,
        "failures": {"not_landed": 1},
    }
    write_atomically(partition / f"{board}.stats.json", json.dumps(stats) + "\n")


def crawl(
    ctx: RunContext,
    *,
    boards: Sequence[str] | None = None,
    force: bool = False,
    live: bool = True,
) -> StepResult:
    """Crawl the registry's boards into tonight's landing folder.

    A board whose crawl already landed completely tonight is not crawled
    again unless ``force`` is set: the landing area is replayed, not
    refetched, so rerunning a night gives the same rows. A past night (a
    backfill) is never crawled, since the boards show today's vacancies:
    with ``live`` false, a board that landed nothing that night is recorded
    as ``missing`` in its stats file instead.

    Parameters
    ----------
    ctx : RunContext
        The night.
    boards : sequence of str, optional
        Names of the boards to crawl; every enabled board when not given.
    force : bool
        Crawl again even when tonight's files are complete.
    live : bool
        Whether the boards may be fetched; false when replaying a past night.

    Returns
    -------
    StepResult
        Postings landed per board in ``details["postings"]``, boards replayed
        in ``details["replayed"]`` and boards with nothing landed on a past
        night in ``details["missing"]``.
    """
    from spiders.crawl import crawl_boards
    from spiders.registry import load_registry

    registry = load_registry(ctx.registry_path)
    chosen = [board for board in registry.boards if board.enabled]
    if boards is not None:
        unknown = set(boards) - {board.name for board in registry.boards}
        if unknown:
            raise UserError(f"not in the registry: {', '.join(sorted(unknown))}")
        chosen = [board for board in registry.boards if board.name in set(boards)]
    partition = ctx.landing_partition
    partition.mkdir(parents=True, exist_ok=True)
    replayed, missing, to_crawl = [], [], []
    for board in chosen:
        if not force and _landed_ok(partition, board.name):
            replayed.append(board.name)
        elif not live:
            if (partition / f"{board.name}.jsonl").is_file():
                replayed.append(board.name)
            else:
                _record_missing(partition, board.name, ctx.run_date)
                missing.append(board.name)
        else:
            to_crawl.append(board)
    crawled = crawl_boards(
        to_crawl,
        partition,
        run_date=ctx.run_date,
        state_dir=ctx.state_dir,
        settings=registry.settings,
    )
    postings = {name: stats.postings_emitted for name, stats in crawled.items()}
    if replayed:
        log.info("crawl: %s boards already landed tonight, replayed", len(replayed))
    if missing:
        log.warning(
            "crawl: past night %s, nothing landed for %s; recorded as missing",
            ctx.run_date,
            ", ".join(missing),
        )
    return StepResult(
        rows_in=len(chosen),
        rows_out=sum(postings.values()),
        details={"postings": postings, "replayed": replayed, "missing": missing},
    )


def _read_stats(
    partition: Path, run_date: dt.date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    crawls, failures = [], []
    for path in sorted(partition.glob("*.stats.json")):
        board = path.name.removesuffix(".stats.json")
        try:
            stats = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            stats = {"status": "failed", "failures": {"stats_unreadable": 1}}
        crawls.append(
            {
                "run_date": run_date,
                "board": board,
                "status": stats.get("status", "failed"),
                "pages_fetched": stats.get("pages_fetched"),
                "postings_emitted": stats.get("postings_emitted"),
                "started_at": _timestamp(stats.get("started_at")),
                "finished_at": _timestamp(stats.get("finished_at")),
            }
        )
        for reason, count in sorted((stats.get("failures") or {}).items()):
            failures.append(
                {
                    "run_date": run_date,
                    "board": board,
                    "reason": reason,
                    "n_failures": int(count),
                }
            )
    crawled = pd.DataFrame(crawls)
    if not crawled.empty:
        # A board without counts (unreadable stats) must not turn them into floats.
        counts = ["pages_fetched", "postings_emitted"]
        crawled[counts] = crawled[counts].astype("Int64")
    return crawled, pd.DataFrame(failures)


def _timestamp(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def stage(ctx: RunContext) -> StepResult:
    """Validate tonight's landing files into staging, quarantining bad records.

    Returns
    -------
    StepResult
        Records read, postings staged, and ``details["quarantined"]`` by
        reason and ``details["postings_per_board"]``.
    """
    from schemas.validate import validate_file
    from spiders.registry import load_registry

    partition = ctx.landing_partition
    files = sorted(partition.glob("*.jsonl"))
    if not files:
        raise UserError(f"no landing files for {ctx.run_date} in {partition}")
    postings, quarantine = [], []
    reasons: Counter[str] = Counter()
    for path in files:
        result = validate_file(path, board=path.stem)
        postings.append(result.postings)
        quarantine.append(result.quarantine)
        reasons.update(result.reasons)
    staged = pd.concat(postings, ignore_index=True)
    quarantined = pd.concat(quarantine, ignore_index=True)
    staged.insert(0, "run_date", ctx.run_date)
    quarantined.insert(0, "run_date", ctx.run_date)
    crawls, failures = _read_stats(partition, ctx.run_date)

    registry = load_registry(ctx.registry_path) if ctx.registry_path.is_file() else None
    with warehouse_engine(ctx) as engine, engine.begin() as connection:
        where = {"run_date": ctx.run_date}
        replace_rows(connection, m.staging_postings, staged, where=where)
        replace_rows(connection, m.staging_quarantine, quarantined, where=where)
        replace_rows(connection, m.staging_board_crawls, crawls, where=where)
        replace_rows(connection, m.staging_crawl_failures, failures, where=where)
        if registry is not None:
            _upsert_boards(connection, registry.boards, ctx.run_date)
    per_board = staged["board"].value_counts().sort_index().to_dict()
    return StepResult(
        rows_in=len(staged) + len(quarantined),
        rows_out=len(staged),
        details={
            "postings_per_board": {k: int(v) for k, v in per_board.items()},
            "quarantined": dict(sorted(reasons.items())),
        },
    )


def _upsert_boards(
    connection: sa.Connection, boards: Sequence[Any], run_date: dt.date
) -> None:
    tonight = pd.DataFrame(
        [
            {
                "board": board.name,
                "kind": str(board.kind),
                "url": board.url,
                "source_type": str(board.source_type),
            }
            for board in boards
        ]
    )
    if tonight.empty:
        return
    stored = read_frame(connection, sa.select(m.core_boards))
    merged = merge_history(tonight, stored, key="board", run_date=run_date)
    upsert_rows(connection, m.core_boards, merged, key=["board"])

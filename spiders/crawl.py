"""Crawl boards, each in a process of its own, into a landing folder.

For every board ``<out_dir>/<board>.jsonl`` holds its postings (one JSON object
a line) and ``<out_dir>/<board>.stats.json`` what the crawl did; both are
replaced whole by a rerun. A board that fails still gets its stats file.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from spiders.registry import Board, RegistrySettings
from spiders.stats import BoardStats, write_atomically
from vacatures.errors import UserError

__all__ = ["CrawlError", "crawl_board", "crawl_boards"]

log = logging.getLogger(__name__)

# Time the crawl process gets past its own limit to close and write its files.
_GRACE_S = 60.0


class CrawlError(UserError):
    """The crawl process of a board could not be started at all."""


def _failed(
    board: Board,
    out_dir: Path,
    *,
    run_date: dt.date,
    started_at: dt.datetime,
    reason: str,
    error: str,
) -> BoardStats:
    stats = BoardStats(
        board=board.name,
        kind=board.kind.value,
        run_date=run_date,
        started_at=started_at,
        finished_at=dt.datetime.now(dt.UTC),
        status="failed",
        error=error,
        failures={reason: 1},
    )
    write_atomically(out_dir / f"{board.name}.jsonl", "")
    stats.write(out_dir / f"{board.name}.stats.json")
    (out_dir / f".{board.name}.jsonl.partial").unlink(missing_ok=True)
    return stats


def _log_tail(path: Path, lines: int = 3) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    return " | ".join(text.splitlines()[-lines:])


def crawl_board(
    board: Board,
    out_dir: Path,
    *,
    run_date: dt.date,
    state_dir: Path,
    settings: RegistrySettings | None = None,
    timeout_s: float | None = None,
) -> BoardStats:
    """Crawl one board in its own process and land its postings and stats.

    Parameters
    ----------
    board : Board
        The registry row.
    out_dir : pathlib.Path
        The landing folder of the night; ``<board>.jsonl`` and
        ``<board>.stats.json`` are written there.
    run_date : datetime.date
        The night the crawl is for.
    state_dir : pathlib.Path
        Crawl state kept between nights: ``<state_dir>/<board>/httpcache``,
        ``last_crawl.json`` and the crawl's log ``crawl.log``.
    settings : RegistrySettings, optional
        Politeness and limits; the defaults when not given.
    timeout_s : float, optional
        Stop the crawl after this long (``settings.board_timeout_s`` when not
        given); what was found is kept and the board marked failed.

    Returns
    -------
    BoardStats
        What the crawl did, as written to the stats file.

    Raises
    ------
    CrawlError
        Only when the crawl process cannot be started. A crawl that fails or
        crashes gives stats with ``status == "failed"`` instead.
    """
    settings = settings or RegistrySettings()
    timeout_s = timeout_s or settings.board_timeout_s
    out_dir = Path(out_dir)
    state = Path(state_dir) / board.name
    out_dir.mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    job = {
        "board": board.model_dump(mode="json"),
        "settings": settings.model_dump(mode="json"),
        "out_dir": str(out_dir.resolve()),
        "state_dir": str(Path(state_dir).resolve()),
        "run_date": run_date.isoformat(),
        "timeout_s": timeout_s,
    }
    log_path = state / "crawl.log"
    started_at = dt.datetime.now(dt.UTC)
    log.info("crawl %s (%s): %s", board.name, board.kind.value, board.url)
    try:
        with log_path.open("w", encoding="utf-8") as log_file:
            completed = subprocess.run(
                [sys.executable, "-m", "spiders.run"],
                input=json.dumps(job),
                text=True,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                timeout=timeout_s + _GRACE_S,
                check=False,
            )
    except subprocess.TimeoutExpired:
        log.error("crawl %s: killed after %.0f s", board.name, timeout_s + _GRACE_S)
        return _failed(
            board,
            out_dir,
            run_date=run_date,
            started_at=started_at,
            reason="crawl_timeout",
            error=f"the crawl process did not end within {timeout_s + _GRACE_S:.0f} s",
        )
    except OSError as error:
        raise CrawlError(f"cannot start the crawl of {board.name}: {error}") from None

    stats_path = out_dir / f"{board.name}.stats.json"
    stats = None
    if completed.returncode == 0 and stats_path.exists():
        stats = BoardStats.read(stats_path)
        if stats.started_at < started_at:
            stats = None
    if stats is None:
        tail = _log_tail(log_path)
        log.error(
            "crawl %s: process ended with status %d: %s",
            board.name,
            completed.returncode,
            tail,
        )
        return _failed(
            board,
            out_dir,
            run_date=run_date,
            started_at=started_at,
            reason="crawl_crashed",
            error=f"the crawl process ended with status {completed.returncode}: {tail}"[
                :500
            ],
        )
    failures = ", ".join(f"{k} {v:,}" for k, v in stats.failures.items()) or "none"
    log.info(
        "crawl %s: %s, %s pages (%s from cache, %s not modified) -> %s postings "
        "in %.1f s; failures: %s",
        board.name,
        stats.status,
        f"{stats.pages_fetched:,}",
        f"{stats.cache_hits:,}",
        f"{stats.not_modified:,}",
        f"{stats.postings_emitted:,}",
        stats.duration_s,
        failures,
    )
    return stats


def crawl_boards(
    boards: Sequence[Board],
    out_dir: Path,
    *,
    run_date: dt.date,
    state_dir: Path,
    settings: RegistrySettings | None = None,
    timeout_s: float | None = None,
    max_parallel: int = 2,
) -> dict[str, BoardStats]:
    """Crawl several boards, each in its own process, a few at a time.

    Parameters
    ----------
    boards : sequence of Board
        The boards to crawl (the caller leaves out disabled ones).
    out_dir : pathlib.Path
        The landing folder of the night.
    run_date : datetime.date
        The night the crawl is for.
    state_dir : pathlib.Path
        Crawl state kept between nights.
    settings : RegistrySettings, optional
        Politeness and limits.
    timeout_s : float, optional
        Time limit per board.
    max_parallel : int
        How many boards are crawled at the same time.

    Returns
    -------
    dict of str to BoardStats
        The stats of each board, in the order given.
    """
    if not boards:
        return {}

    def one(board: Board) -> BoardStats:
        return crawl_board(
            board,
            out_dir,
            run_date=run_date,
            state_dir=state_dir,
            settings=settings,
            timeout_s=timeout_s,
        )

    with ThreadPoolExecutor(max_workers=max(1, max_parallel)) as pool:
        results = list(pool.map(one, boards))
    return {stats.board: stats for stats in results}

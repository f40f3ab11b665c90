"""The crawl process of one board: ``python -m spiders.run < job.json``.

Twisted's reactor starts once per process, so every board is crawled in a
process of its own. The job (board, settings, folders, run date) comes as JSON
on standard input; the postings and the stats are written atomically to the
output folder, and the crawl's log goes to standard error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess

from spiders.crawlers import SPIDERS
from spiders.registry import Board, RegistrySettings
from spiders.stats import BoardStats, write_atomically

__all__ = ["main", "run_job"]

log = logging.getLogger(__name__)

_FAILURE_PREFIX = "vacatures/failures/"
_STATUS_PREFIX = "vacatures/status/"


def _last_crawl_date(state: Path) -> dt.date | None:
    try:
        data = json.loads((state / "last_crawl.json").read_text(encoding="utf-8"))
        return dt.date.fromisoformat(data["run_date"])
    except (OSError, ValueError, KeyError):
        return None


def _board_stats(
    board: Board,
    values: dict[str, Any],
    *,
    run_date: dt.date,
    started_at: dt.datetime,
    finished_at: dt.datetime,
) -> BoardStats:
    failures = {
        key.removeprefix(_FAILURE_PREFIX): int(value)
        for key, value in values.items()
        if key.startswith(_FAILURE_PREFIX)
    }
    statuses = {
        key.removeprefix(_STATUS_PREFIX): int(value)
        for key, value in values.items()
        if key.startswith(_STATUS_PREFIX)
    }
    if values.get("spider_exceptions/count"):
        failures["extraction_error"] = int(values["spider_exceptions/count"])
    cache_hits = int(values.get("httpcache/hit", 0))
    reason = values.get("finish_reason", "unknown")
    error = None
    if reason == "closespider_pagecount":
        failures["max_pages_reached"] = 1
    elif reason == "closespider_timeout":
        failures["crawl_timeout"] = 1
        error = "the crawl ran past its time limit and was stopped"
    elif reason != "finished":
        error = f"the crawl ended early: {reason}"
    if values.get("vacatures/start_failed"):
        kinds = ", ".join(sorted(failures)) or "unknown"
        error = error or f"the start request failed ({kinds})"
    return BoardStats(
        board=board.name,
        kind=board.kind.value,
        run_date=run_date,
        started_at=started_at,
        finished_at=finished_at,
        status="failed" if error else "ok",
        error=error,
        pages_fetched=sum(statuses.values()) + cache_hits,
        responses_by_status=statuses,
        cache_hits=cache_hits,
        not_modified=statuses.get("304", 0),
        bytes_downloaded=int(values.get("vacatures/bytes", 0)),
        postings_emitted=int(values.get("vacatures/postings", 0)),
        failures=failures,
    )


def run_job(job: dict[str, Any]) -> BoardStats:
    """Crawl one board as a job describes it and write its files.

    Parameters
    ----------
    job : dict
        ``board`` and ``settings`` (registry rows as dicts), ``out_dir``,
        ``state_dir``, ``run_date`` (ISO) and ``timeout_s``.

    Returns
    -------
    BoardStats
        What the crawl did; also written to ``<out_dir>/<board>.stats.json``.
    """
    from spiders.settings import crawl_settings

    board = Board.model_validate(job["board"])
    settings = RegistrySettings.model_validate(job.get("settings") or {})
    out_dir = Path(job["out_dir"])
    state = Path(job["state_dir"]) / board.name
    run_date = dt.date.fromisoformat(job["run_date"])
    out_dir.mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    partial = out_dir / f".{board.name}.jsonl.partial"

    scrapy_settings = crawl_settings(
        board, settings, cache_dir=state / "httpcache", postings_path=partial
    )
    if job.get("timeout_s"):
        scrapy_settings["CLOSESPIDER_TIMEOUT"] = float(job["timeout_s"])
    started_at = dt.datetime.now(dt.UTC)
    process = CrawlerProcess(scrapy_settings)
    crawler = process.create_crawler(SPIDERS[board.kind])
    process.crawl(crawler, board=board, last_crawl_date=_last_crawl_date(state))
    process.start()
    finished_at = dt.datetime.now(dt.UTC)

    stats = _board_stats(
        board,
        crawler.stats.get_stats() if crawler.stats else {},
        run_date=run_date,
        started_at=started_at,
        finished_at=finished_at,
    )
    if partial.exists():
        partial.replace(out_dir / f"{board.name}.jsonl")
    else:
        write_atomically(out_dir / f"{board.name}.jsonl", "")
    stats.write(out_dir / f"{board.name}.stats.json")
    if stats.ok:
        write_atomically(
            state / "last_crawl.json",
            json.dumps(
                {"run_date": run_date.isoformat(), "started_at": started_at.isoformat()}
            )
            + "\n",
        )
    return stats


def main() -> None:
    """Read the job from standard input and crawl it."""
    run_job(json.loads(sys.stdin.read()))


if __name__ == "__main__":
    main()

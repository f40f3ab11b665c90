"""Logging set-up for the command line; modules only ask for their logger."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["configure", "timed"]


def configure(level: int = logging.INFO) -> None:
    """Send log records to standard error in a compact, readable form.

    Standard output is left to what a command prints as its result.

    Parameters
    ----------
    level : int
        The lowest level shown.
    """
    from rich.console import Console
    from rich.logging import RichHandler

    handler = RichHandler(
        console=Console(stderr=True),
        show_path=False,
        rich_tracebacks=False,
        markup=False,
    )
    logging.basicConfig(
        level=level, format="%(name)s: %(message)s", handlers=[handler], force=True
    )
    for noisy in ("scrapy", "twisted", "alembic", "filelock", "matplotlib"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    """Measure the wall time of a block; the result is in ``["seconds"]``."""
    box = {"seconds": 0.0}
    start = time.perf_counter()
    try:
        yield box
    finally:
        box["seconds"] = time.perf_counter() - start

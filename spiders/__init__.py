"""Crawling Dutch job boards: the registry, the spiders and the crawl of a board.

The public entry points are :func:`spiders.registry.load_registry`,
:func:`spiders.crawl.crawl_board` and :func:`spiders.crawl.crawl_boards`; the
extraction functions of each board kind live in :mod:`spiders.extract`.
"""

from __future__ import annotations

from spiders.crawl import CrawlError, crawl_board, crawl_boards
from spiders.registry import Board, Registry, RegistrySettings, load_registry
from spiders.stats import BoardStats

__all__ = [
    "Board",
    "BoardStats",
    "CrawlError",
    "Registry",
    "RegistrySettings",
    "crawl_board",
    "crawl_boards",
    "load_registry",
]

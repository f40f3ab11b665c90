"""The item pipeline that writes a board's postings, one JSON object a line."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import IO, Any

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

__all__ = ["PostingWriter"]

log = logging.getLogger(__name__)


class PostingWriter:
    """Append each posting to ``VACATURES_POSTINGS_PATH``, once per posting id.

    The same posting can be reached twice in one crawl (a listing page and
    the sitemap, two listing pages); the first is kept and the repeat counted
    as ``duplicate_posting``.
    """

    def __init__(self, crawler: Crawler, path: Path):
        self.crawler = crawler
        self.path = path
        self.seen: set[str] = set()
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PostingWriter:
        """Build the writer from the crawler's settings."""
        return cls(crawler, Path(crawler.settings["VACATURES_POSTINGS_PATH"]))

    def open_spider(self) -> None:
        """Open the output file."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.path.open("w", encoding="utf-8")

    def close_spider(self) -> None:
        """Flush and close the output file."""
        if self.file is not None:
            self.file.close()

    def process_item(self, item: dict[str, Any]) -> Any:
        """Write one posting, or drop it as a duplicate."""
        posting_id = str(item.get("posting_id"))
        stats = self.crawler.stats
        if posting_id in self.seen:
            stats.inc_value("vacatures/failures/duplicate_posting")
            raise DropItem(f"duplicate posting {posting_id}")
        self.seen.add(posting_id)
        if self.file is None:
            raise RuntimeError("the posting writer was not opened")
        self.file.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
        stats.inc_value("vacatures/postings")
        return item

"""The Scrapy spiders, one per board kind; they fetch and hand bodies over.

Every spider is built for one registry row. Callbacks are named after the page
they parse (``parse_listing``, ``parse_vacancy``, ``parse_feed``,
``parse_sitemap``, ``parse_api``) and requests are made by ``get_*_request``
methods; what a body means is decided by the pure functions of
:mod:`spiders.extract`. Each problem is counted in the crawler's stats as
``vacatures/failures/<reason>``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, ClassVar

import scrapy
from scrapy.http import Request, Response
from scrapy.utils.sitemap import Sitemap
from twisted.python.failure import Failure

from spiders.cache import UNCHANGED_META_KEY
from spiders.extract import EXTRACTORS, Extraction, find_links
from spiders.extract.common import declared_encoding
from spiders.failures import failure_reason
from spiders.registry import Board, BoardKind
from spiders.urls import canonicalize_url

__all__ = [
    "SPIDERS",
    "ApiSpider",
    "BoardSpider",
    "GreenhouseSpider",
    "HtmlSpider",
    "JsonLdSpider",
    "LeverSpider",
    "RecruiteeSpider",
    "XmlFeedSpider",
]

log = logging.getLogger(__name__)

#: Request meta key naming the kind of page a request is for.
PAGE_META_KEY = "vacatures_page"
#: Request meta key marking the requests a crawl cannot do without.
START_META_KEY = "vacatures_start"


class BoardSpider(scrapy.Spider):
    """What every board spider shares: the board, the clock and the counting.

    Parameters
    ----------
    board : Board
        The registry row to crawl.
    last_crawl_date : datetime.date, optional
        The night of the board's last complete crawl; sitemap pages whose
        ``lastmod`` is before that night come from the cache without a request.
    clock : callable, optional
        Returns the current UTC time, stamped on postings as ``fetched_at``.
    """

    kind: ClassVar[BoardKind]

    def __init__(
        self,
        board: Board,
        *,
        last_crawl_date: dt.date | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        **kwargs: Any,
    ):
        super().__init__(name=board.name, **kwargs)
        self.board = board
        self.last_crawl_date = last_crawl_date
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.extract = EXTRACTORS[board.kind.value]

    # -- counting

    def count(self, reason: str, amount: int = 1) -> None:
        """Count a problem of this board by reason."""
        self.crawler.stats.inc_value(f"vacatures/failures/{reason}", amount)

    def on_error(self, failure: Failure) -> None:
        """Count a failed request by reason and log it with its URL."""
        request = failure.request if hasattr(failure, "request") else None
        reason = failure_reason(failure)
        self.count(reason)
        url = request.url if request is not None else "?"
        if request is not None and request.meta.get(START_META_KEY):
            self.crawler.stats.inc_value("vacatures/start_failed")
        log.warning("%s: %s at %s", self.board.name, reason, url)

    def emit(
        self, response: Response, *, expect_posting: bool
    ) -> Iterator[dict[str, Any]]:
        """Extract the postings of a response, count its problems, yield them."""
        result: Extraction = self.extract(
            response.body,
            url=response.url,
            board=self.board,
            fetched_at=self.clock(),
            encoding=self.encoding_of(response),
        )
        for reason, amount in result.problems.items():
            self.count(reason, amount)
        if expect_posting and not result.postings and not result.problems:
            self.count("no_posting_found")
            log.warning("%s: no posting found at %s", self.board.name, response.url)
        yield from result.postings

    @staticmethod
    def encoding_of(response: Response) -> str | None:
        """Return the charset a response declares (header first, then markup)."""
        content_type = response.headers.get(b"Content-Type")
        return declared_encoding(
            content_type.decode("latin-1") if content_type else None, response.body
        )

    def request(
        self, url: str, callback: Callable[..., Any], page: str, **meta: Any
    ) -> Request:
        """Build a request for a canonical URL with this spider's errback."""
        return Request(
            canonicalize_url(url),
            callback=callback,
            errback=self.on_error,
            meta={PAGE_META_KEY: page, **meta},
        )


class XmlFeedSpider(BoardSpider):
    """Crawl an Indeed-style XML feed: one request, every posting in it."""

    kind = BoardKind.XMLFEED

    async def start(self) -> AsyncIterator[Request]:
        """Request the feed."""
        yield self.get_feed_request(self.board.url)

    def get_feed_request(self, url: str) -> Request:
        """Return the request for the feed."""
        return self.request(url, self.parse_feed, "feed", **{START_META_KEY: True})

    def parse_feed(self, response: Response) -> Iterator[dict[str, Any]]:
        """Yield the postings of the feed."""
        yield from self.emit(response, expect_posting=True)


class ApiSpider(BoardSpider):
    """Crawl an ATS's public JSON API: the registry URL is the full endpoint."""

    async def start(self) -> AsyncIterator[Request]:
        """Request the API endpoint."""
        yield self.get_api_request(self.board.url)

    def get_api_request(self, url: str) -> Request:
        """Return the request for the API endpoint, asking for JSON."""
        request = self.request(url, self.parse_api, "api", **{START_META_KEY: True})
        request.headers["Accept"] = "application/json"
        return request

    def parse_api(self, response: Response) -> Iterator[dict[str, Any]]:
        """Yield the postings of the API response."""
        yield from self.emit(response, expect_posting=True)


class RecruiteeSpider(ApiSpider):
    """Crawl a Recruitee careers site's ``/api/offers/`` endpoint."""

    kind = BoardKind.RECRUITEE


class GreenhouseSpider(ApiSpider):
    """Crawl a Greenhouse job board API endpoint (``...?content=true``)."""

    kind = BoardKind.GREENHOUSE


class LeverSpider(ApiSpider):
    """Crawl a Lever postings API endpoint (``...?mode=json``)."""

    kind = BoardKind.LEVER


class ListingSpider(BoardSpider):
    """Crawl a site from its listing pages, their pagination or a sitemap."""

    async def start(self) -> AsyncIterator[Request]:
        """Request the sitemap when the board has one, else the start page."""
        if self.board.sitemap:
            yield self.get_sitemap_request(self.board.sitemap, start=True)
        else:
            yield self.get_listing_request(self.board.url, start=True)

    def get_listing_request(self, url: str, *, start: bool = False) -> Request:
        """Return the request for a listing page."""
        return self.request(
            url, self.parse_listing, "listing", **{START_META_KEY: start}
        )

    def get_vacancy_request(
        self, url: str, *, lastmod: dt.datetime | None = None
    ) -> Request:
        """Return the request for a detail page.

        A page whose sitemap ``lastmod`` falls before the night of the board's
        last complete crawl is answered from the cache, when the cache has it.
        Many sitemaps give only a date, so a page changed on the night of the
        last crawl itself is fetched again: that crawl may have come first.
        """
        unchanged = bool(
            lastmod and self.last_crawl_date and lastmod.date() < self.last_crawl_date
        )
        return self.request(
            url, self.parse_vacancy, "vacancy", **{UNCHANGED_META_KEY: unchanged}
        )

    def get_sitemap_request(self, url: str, *, start: bool = False) -> Request:
        """Return the request for a sitemap or sitemap index."""
        return self.request(
            url, self.parse_sitemap, "sitemap", **{START_META_KEY: start}
        )

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """Yield the postings on a listing page and follow its links."""
        yield from self.emit(response, expect_posting=False)
        links = find_links(
            response.body,
            url=response.url,
            board=self.board,
            encoding=self.encoding_of(response),
        )
        for url in links.details:
            yield self.get_vacancy_request(url)
        for url in links.next_pages:
            yield self.get_listing_request(url)

    def parse_vacancy(self, response: Response) -> Iterator[dict[str, Any]]:
        """Yield the postings of a detail page."""
        yield from self.emit(response, expect_posting=True)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Follow a sitemap index, or request the pages a sitemap lists."""
        body = _sitemap_body(
            response, limit=self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        )
        try:
            sitemap = Sitemap(body) if body else None
        except ValueError:
            sitemap = None
        if sitemap is None:
            self.count("sitemap_malformed")
            log.warning("%s: unreadable sitemap %s", self.board.name, response.url)
            return
        pattern = (
            re.compile(self.board.sitemap_pattern)
            if self.board.sitemap_pattern
            else None
        )
        for entry in sitemap:
            location = entry.get("loc")
            if not location:
                continue
            url = response.urljoin(location)
            if sitemap.type == "sitemapindex":
                yield self.get_sitemap_request(url)
            elif pattern is None or pattern.search(url):
                yield self.get_vacancy_request(url, lastmod=_lastmod(entry))


def _sitemap_body(response: Response, *, limit: int) -> bytes | None:
    body = response.body
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as unpacked:
            data = unpacked.read(limit + 1)
    except (OSError, EOFError):
        return None
    return data if len(data) <= limit else None


def _lastmod(entry: dict[str, Any]) -> dt.datetime | None:
    value = entry.get("lastmod")
    if not value:
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.UTC)
    return stamp


class JsonLdSpider(ListingSpider):
    """Crawl a site whose pages carry schema.org ``JobPosting`` markup."""

    kind = BoardKind.JSONLD


class HtmlSpider(ListingSpider):
    """Crawl a site without structured data, with the board's CSS selectors."""

    kind = BoardKind.HTML


#: The spider class of each board kind.
SPIDERS: dict[BoardKind, type[BoardSpider]] = {
    cls.kind: cls
    for cls in (
        JsonLdSpider,
        XmlFeedSpider,
        RecruiteeSpider,
        GreenhouseSpider,
        LeverSpider,
        HtmlSpider,
    )
}

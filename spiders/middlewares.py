"""Downloader middlewares: polite retries, redirect loops, network counts."""

from __future__ import annotations

import email.utils
import logging
import time
from urllib.parse import urljoin

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

from spiders.failures import RATE_LIMITED_META_KEY
from spiders.urls import canonicalize_url

__all__ = [
    "BackoffRetryMiddleware",
    "NetworkStatsMiddleware",
    "RedirectLoopMiddleware",
    "retry_after_seconds",
]

log = logging.getLogger(__name__)


def retry_after_seconds(value: str | bytes | None, *, now: float) -> float | None:
    """Read a ``Retry-After`` header: seconds, or an HTTP date.

    Parameters
    ----------
    value : str, bytes or None
        The header value.
    now : float
        The current time as a Unix timestamp (for the date form).

    Returns
    -------
    float or None
        Seconds to wait (never negative), or ``None`` when absent or unreadable.

    Examples
    --------
    >>> retry_after_seconds("120", now=0.0)
    120.0
    >>> retry_after_seconds("Thu, 01 Jan 1970 00:01:00 GMT", now=30.0)
    30.0
    """
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


async def _sleep(seconds: float) -> None:
    if seconds > 0:
        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry 429, 5xx and network errors after a pause, as the server asks.

    The pause is the server's ``Retry-After`` when it sends one, else
    ``VACATURES_RETRY_BACKOFF_S`` doubled on each try. A ``Retry-After`` longer
    than ``VACATURES_RETRY_AFTER_MAX_S`` is respected by not retrying at all
    tonight. The pause holds the request's download slot, so the site gets no
    other request from this crawl meanwhile.
    """

    def __init__(self, settings):  # type: ignore[no-untyped-def]
        super().__init__(settings)
        self.backoff_s = settings.getfloat("VACATURES_RETRY_BACKOFF_S", 2.0)
        self.retry_after_max_s = settings.getfloat("VACATURES_RETRY_AFTER_MAX_S", 300.0)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BackoffRetryMiddleware:
        """Build the middleware from the crawler's settings."""
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    def _pause(self, request: Request, response: Response | None) -> float | None:
        tries = request.meta.get("retry_times", 0)
        if response is not None:
            asked = retry_after_seconds(
                response.headers.get(b"Retry-After"), now=time.time()
            )
            if asked is not None:
                if asked > self.retry_after_max_s:
                    return None
                return asked
        return self.backoff_s * (2**tries)

    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        """Retry a retryable status after the pause; give it back otherwise."""
        if request.meta.get("dont_retry") or response.status not in (
            self.retry_http_codes
        ):
            return response
        pause = self._pause(request, response)
        if pause is None:
            request.meta[RATE_LIMITED_META_KEY] = True
            log.warning(
                "%s asks to wait longer than %.0f s; not retrying tonight",
                request.url,
                self.retry_after_max_s,
            )
            return response
        retry = self._retry(request, f"HTTP {response.status}")
        if retry is None:
            return response
        self.crawler.stats.inc_value("vacatures/retry_wait_ms", round(pause * 1000))
        await _sleep(pause)
        return retry

    async def process_exception(  # type: ignore[override]
        self, request: Request, exception: Exception
    ) -> Request | Response | None:
        """Retry a network error after the backoff pause."""
        if request.meta.get("dont_retry") or not isinstance(
            exception, self.exceptions_to_retry
        ):
            return None
        retry = self._retry(request, exception)
        if retry is not None:
            await _sleep(self.backoff_s * (2 ** request.meta.get("retry_times", 0)))
        return retry


class RedirectLoopMiddleware:
    """Stop a redirect that leads back to a page already in its chain.

    Without it a loop ends silently in the duplicate filter; with it the
    request fails with a reason the stats count as ``redirect_loop``.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        """Raise :class:`IgnoreRequest` when the redirect target was visited."""
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        target = canonicalize_url(
            urljoin(request.url, location.decode("latin-1").strip())
        )
        chain = {
            canonicalize_url(url)
            for url in [*request.meta.get("redirect_urls", []), request.url]
        }
        if target in chain:
            raise IgnoreRequest(f"redirect loop back to {target}")
        return response


class NetworkStatsMiddleware:
    """Count what really came over the network: statuses and bytes.

    It sits next to the downloader, behind the HTTP cache, so a ``304`` is
    counted as such and a page served from the cache is not counted at all.
    """

    def __init__(self, crawler: Crawler):
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NetworkStatsMiddleware:
        """Build the middleware for a crawler."""
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Response:
        """Count the response's status and size unless it came from the cache.

        robots.txt is left out: it is the crawler's own request, not a page.
        """
        if "cached" not in response.flags and not request.meta.get(
            "dont_obey_robotstxt"
        ):
            self.stats.inc_value(f"vacatures/status/{response.status}")
            self.stats.inc_value("vacatures/bytes", len(response.body))
        return response

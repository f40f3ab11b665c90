"""Reason codes of failed requests, as counted in each board's stats."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_errors
from twisted.python.failure import Failure

__all__ = ["RATE_LIMITED_META_KEY", "REASONS", "RETRY_HTTP_CODES", "failure_reason"]

#: Statuses retried with backoff before they count as ``retry_exhausted``.
RETRY_HTTP_CODES = (408, 429, 500, 502, 503, 504, 522, 524)

#: Request meta key set when a server asked for a longer pause than allowed.
RATE_LIMITED_META_KEY = "vacatures_rate_limited"

#: Every reason a board's stats may count, with what it means.
REASONS = {
    "http_<status>": "the server answered with this error status (404, 410, ...)",
    "retry_exhausted": "429 or 5xx on every try, with backoff between tries",
    "rate_limited": "429 whose Retry-After asked for more than retry_after_max_s",
    "timeout": "no complete answer within download_timeout_s, on every try",
    "dns_error": "the host name did not resolve",
    "connection_error": "the connection was refused, reset or lost",
    "redirect_loop": "redirects came back to a page already in the chain, or "
    "went on past max_redirects",
    "robots_forbidden": "robots.txt disallows the page; it was not requested",
    "too_large": "the page, or its decompressed body, is over max_page_bytes",
    "data_loss": "the body ended before its declared length",
    "download_error": "any other download failure",
    "ignored": "a request dropped by the crawler for another reason",
    "jsonld_malformed": "a JSON-LD block that is not valid JSON (the page's other "
    "blocks are still read)",
    "json_malformed": "an API response that is not JSON",
    "xml_unsafe": "a feed with entity declarations or external references",
    "xml_malformed": "a feed that is not well-formed XML",
    "sitemap_malformed": "a sitemap that could not be read",
    "unexpected_format": "an API response without its list of jobs",
    "charset_mismatch": "the declared charset was wrong; the body was decoded by "
    "its bytes (postings are still emitted)",
    "decode_error": "no charset decoded the body cleanly",
    "no_posting_found": "a detail page, feed or API response without any posting",
    "extraction_error": "the extraction of a page raised an error (a bug: see the "
    "crawl log)",
    "duplicate_posting": "a posting id seen before in the same crawl (kept once)",
    "max_pages_reached": "the crawl stopped at the board's max_pages",
    "crawl_timeout": "the whole crawl ran past its time limit and was stopped",
    "crawl_crashed": "the crawl process ended without writing its stats",
}


def failure_reason(failure: Failure) -> str:
    """Name the reason a request failed, as a stats reason code.

    Parameters
    ----------
    failure : twisted.python.failure.Failure
        What the request's errback received.

    Returns
    -------
    str
        One of the codes in :data:`REASONS`, ``http_<status>`` for error
        statuses.
    """
    value = failure.value
    if isinstance(value, HttpError):
        response = value.response
        if response.request is not None and response.request.meta.get(
            RATE_LIMITED_META_KEY
        ):
            return "rate_limited"
        if response.status in RETRY_HTTP_CODES:
            return "retry_exhausted"
        return f"http_{response.status}"
    if isinstance(value, IgnoreRequest):
        message = str(value).lower()
        if "robots.txt" in message:
            return "robots_forbidden"
        if "redirect" in message:
            return "redirect_loop"
        if "maxsize" in message or "max size" in message:
            return "too_large"
        return "ignored"
    if isinstance(
        value,
        DownloadTimeoutError
        | twisted_errors.TimeoutError
        | twisted_errors.TCPTimedOutError,
    ):
        return "timeout"
    if isinstance(value, CannotResolveHostError | twisted_errors.DNSLookupError):
        return "dns_error"
    if isinstance(value, DownloadCancelledError):
        return "too_large"
    if isinstance(value, ResponseDataLossError):
        return "data_loss"
    if isinstance(
        value,
        DownloadConnectionRefusedError
        | twisted_errors.ConnectError
        | twisted_errors.ConnectionLost
        | twisted_errors.ConnectionDone,
    ):
        return "connection_error"
    return "download_error"

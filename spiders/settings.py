"""Scrapy settings of a board crawl: polite, bounded and cached by default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spiders.failures import RETRY_HTTP_CODES
from spiders.registry import Board, RegistrySettings

__all__ = ["crawl_settings"]

# Error pages are not worth keeping: they are fetched again next night anyway.
_UNCACHED_STATUSES = [400, 401, 403, 404, 410, 429, 500, 502, 503, 504, 522, 524]


def crawl_settings(
    board: Board,
    settings: RegistrySettings,
    *,
    cache_dir: Path,
    postings_path: Path,
) -> dict[str, Any]:
    """Return the Scrapy settings for crawling one board.

    robots.txt is obeyed, AutoThrottle adapts the pace to the server, at most
    ``concurrency_per_domain`` requests run against one host, pages are
    bounded in size and time, 429 and 5xx are retried with backoff that
    honours ``Retry-After``, and every response is kept in an HTTP cache that
    is revalidated with conditional requests.

    Parameters
    ----------
    board : Board
        The board crawled.
    settings : RegistrySettings
        Shared politeness and limits from the registry.
    cache_dir : pathlib.Path
        Folder of this board's HTTP cache.
    postings_path : pathlib.Path
        File the posting writer appends to.

    Returns
    -------
    dict
        Settings for :class:`scrapy.crawler.CrawlerProcess`.
    """
    return {
        "BOT_NAME": "vacatures",
        "USER_AGENT": settings.user_agent,
        # Allow and Disallow rules are obeyed; a Crawl-delay or Request-rate in
        # robots.txt is not read, so a site asking for more than
        # download_delay_s between requests needs that setting raised.
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "vacatures",
        "AUTOTHROTTLE_ENABLED": settings.autothrottle,
        "AUTOTHROTTLE_START_DELAY": settings.autothrottle_start_delay_s,
        "AUTOTHROTTLE_MAX_DELAY": settings.autothrottle_max_delay_s,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_DELAY": settings.download_delay_s,
        "CONCURRENT_REQUESTS": 8,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.concurrency_per_domain,
        "DOWNLOAD_TIMEOUT": settings.download_timeout_s,
        "DOWNLOAD_MAXSIZE": settings.max_page_bytes,
        "DOWNLOAD_WARNSIZE": min(settings.warn_page_bytes, settings.max_page_bytes),
        "RETRY_ENABLED": True,
        "RETRY_TIMES": settings.retry_times,
        "RETRY_HTTP_CODES": list(RETRY_HTTP_CODES),
        "RETRY_GIVE_UP_LOG_LEVEL": "WARNING",
        "VACATURES_RETRY_BACKOFF_S": settings.retry_backoff_s,
        "VACATURES_RETRY_AFTER_MAX_S": settings.retry_after_max_s,
        "REDIRECT_MAX_TIMES": settings.max_redirects,
        "METAREFRESH_ENABLED": False,
        "HTTPCACHE_ENABLED": True,
        "HTTPCACHE_DIR": str(cache_dir),
        "HTTPCACHE_POLICY": "spiders.cache.NightlyCachePolicy",
        "HTTPCACHE_STORAGE": "scrapy.extensions.httpcache.FilesystemCacheStorage",
        "HTTPCACHE_GZIP": True,
        "HTTPCACHE_EXPIRATION_SECS": 0,
        "HTTPCACHE_ALWAYS_STORE": True,
        "HTTPCACHE_IGNORE_HTTP_CODES": _UNCACHED_STATUSES,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "spiders.middlewares.BackoffRetryMiddleware": 550,
            "spiders.middlewares.RedirectLoopMiddleware": 610,
            "spiders.middlewares.NetworkStatsMiddleware": 950,
        },
        "ITEM_PIPELINES": {"spiders.pipelines.PostingWriter": 300},
        "VACATURES_POSTINGS_PATH": str(postings_path),
        "CLOSESPIDER_PAGECOUNT": board.max_pages,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_FORMAT": "%(asctime)s %(name)s %(levelname)s: %(message)s",
    }

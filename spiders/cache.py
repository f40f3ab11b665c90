"""The HTTP cache policy of nightly crawls: revalidate, unless a sitemap vouches."""

from __future__ import annotations

from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import Request, Response

__all__ = ["UNCHANGED_META_KEY", "NightlyCachePolicy"]

#: Request meta key set when a sitemap says the page has not changed since the
#: board's last complete crawl.
UNCHANGED_META_KEY = "vacatures_unchanged"


class NightlyCachePolicy(RFC2616Policy):
    """RFC 2616 validation where every cached page is revalidated each night.

    A cached page is sent again with ``If-None-Match`` / ``If-Modified-Since``
    from its ``ETag`` / ``Last-Modified``; a ``304`` reuses the cached body, so
    an unchanged posting is still emitted without being downloaded again.
    Heuristic freshness (a tenth of the page's age) is not used: a posting
    taken down must not live on in the cache for days. The one exception is a
    request marked by the sitemap as unchanged since the last crawl, which is
    answered from the cache without asking the server.

    Entries are never pruned: pages of postings taken down stay in the cache
    folder until it is cleared, which matters after months of nightly crawls.
    """

    def is_cached_response_fresh(
        self, cachedresponse: Response, request: Request
    ) -> bool:
        """Return whether the cached copy may be used without asking the server."""
        if request.meta.get(UNCHANGED_META_KEY):
            return True
        self._set_conditional_validators(request, cachedresponse)
        return False

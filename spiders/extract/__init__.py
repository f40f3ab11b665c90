"""Extraction: pure functions from a response body to posting records.

One module per board kind; :data:`EXTRACTORS` maps each kind to its function,
all with the signature ``(body, *, url, board, fetched_at, encoding=None) ->
Extraction``.
"""

from __future__ import annotations

from collections.abc import Callable

from spiders.extract.common import Extraction, build_posting, decode_body
from spiders.extract.greenhouse import extract_greenhouse
from spiders.extract.html import extract_html
from spiders.extract.jsonld import extract_jsonld
from spiders.extract.lever import extract_lever
from spiders.extract.links import PageLinks, find_links
from spiders.extract.recruitee import extract_recruitee
from spiders.extract.xmlfeed import extract_xmlfeed

__all__ = [
    "EXTRACTORS",
    "Extraction",
    "PageLinks",
    "build_posting",
    "decode_body",
    "extract_greenhouse",
    "extract_html",
    "extract_jsonld",
    "extract_lever",
    "extract_recruitee",
    "extract_xmlfeed",
    "find_links",
]

#: The extraction function of each board kind.
EXTRACTORS: dict[str, Callable[..., Extraction]] = {
    "jsonld": extract_jsonld,
    "xmlfeed": extract_xmlfeed,
    "recruitee": extract_recruitee,
    "greenhouse": extract_greenhouse,
    "lever": extract_lever,
    "html": extract_html,
}

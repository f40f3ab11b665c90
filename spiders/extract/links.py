"""Links from listing pages: to detail pages and to the next listing page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

from parsel import Selector

from spiders.extract.common import decode_body
from spiders.registry import Board
from spiders.urls import canonicalize_url

__all__ = ["PageLinks", "find_links", "listing_prefix"]

_NOT_PAGES = re.compile(
    r"\.(?:pdf|jpe?g|png|gif|svg|webp|css|js|ico|zip|docx?|xlsx?|mp4|mp3|xml|json)$",
    re.IGNORECASE,
)
_PAGE_PARAMETERS = frozenset({"page", "p", "pagina", "offset", "start", "pg"})
_PAGE_PATH = re.compile(r"/(?:page|pagina)/\d+/?$", re.IGNORECASE)


@dataclass
class PageLinks:
    """The links a listing page offers, canonical and without repeats."""

    details: list[str] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)


def listing_prefix(start_url: str) -> tuple[str, str]:
    """Return the host and path prefix that detail links of a board share.

    Parameters
    ----------
    start_url : str
        The board's start page.

    Returns
    -------
    tuple of (str, str)
        The host and the path below which detail pages are looked for: the
        start page's path, or its folder when it names a file.

    Examples
    --------
    >>> listing_prefix("https://werk.example.nl/vacatures/")
    ('werk.example.nl', '/vacatures')
    >>> listing_prefix("https://werk.example.nl/jobs/index.html")
    ('werk.example.nl', '/jobs')
    """
    parts = urlsplit(start_url)
    path = parts.path or "/"
    last = path.rstrip("/").rsplit("/", 1)[-1]
    if "." in last:
        path = path.rsplit("/", 1)[0]
    return parts.netloc.lower(), path.rstrip("/")


def _is_pagination(url: str) -> bool:
    parts = urlsplit(url)
    names = {name.lower() for name, _ in parse_qsl(parts.query)}
    return bool(names & _PAGE_PARAMETERS) or bool(_PAGE_PATH.search(parts.path))


def _below(path: str, prefix: str) -> bool:
    # Listings at /vacatures often link to details at /vacature/<slug>: the
    # singular of the listing's last segment counts as the same folder.
    path = path.rstrip("/") + "/"
    if path.startswith(prefix + "/"):
        return True
    return prefix.endswith("s") and path.startswith(prefix[:-1] + "/")


def _hrefs(page: Selector, css: str) -> list[str]:
    try:
        nodes = page.css(css)
    except (ValueError, SyntaxError):
        return []
    values = []
    for node in nodes:
        # "a::attr(href)" selects the value itself; "a" selects the element.
        href = node.root if isinstance(node.root, str) else node.attrib.get("href")
        if href:
            values.append(href)
    return values


def find_links(
    body: bytes,
    *,
    url: str,
    board: Board,
    encoding: str | None = None,
) -> PageLinks:
    """Find the detail pages and next listing pages a listing page links to.

    With ``listing_link`` and ``next_page`` selectors in the registry those
    decide. Otherwise every link on the board's host below the start page's
    path (or its singular: ``/vacature/12`` from ``/vacatures``) is a detail
    page, except pagination links (``?page=2``, ``/pagina/3``), which are next
    pages like ``rel="next"`` links always are.

    Parameters
    ----------
    body : bytes
        The listing page as downloaded.
    url : str
        Its address, against which relative links are resolved.
    board : Board
        The board crawled.
    encoding : str, optional
        The declared charset.

    Returns
    -------
    PageLinks
        Canonical detail and next-page URLs, in page order.
    """
    text, _ = decode_body(body, encoding)
    links = PageLinks()
    if not text.strip():
        return links
    page = Selector(text=text, type="html")
    base = page.css("base::attr(href)").get() or url
    base = canonicalize_url(base, url)
    here = canonicalize_url(url)
    host, prefix = listing_prefix(board.url)

    next_css = ["a[rel~=next]", "link[rel~=next]"]
    if board.next_page:
        next_css.insert(0, board.next_page)
    seen = {here}
    for css in next_css:
        for href in _hrefs(page, css):
            target = canonicalize_url(href, base)
            if target not in seen and target.startswith(("http://", "https://")):
                seen.add(target)
                links.next_pages.append(target)

    for href in _hrefs(page, board.listing_link or "a[href]"):
        if href.startswith(("mailto:", "tel:", "javascript:", "#")):
            continue
        target = canonicalize_url(href, base)
        if target in seen or not target.startswith(("http://", "https://")):
            continue
        parts = urlsplit(target)
        if not board.listing_link:
            if parts.netloc.lower() != host or _NOT_PAGES.search(parts.path):
                continue
            if not _below(parts.path, prefix):
                continue
            if parts.path.rstrip("/") == prefix and not parts.query:
                continue
            if _is_pagination(target):
                if not board.next_page:
                    seen.add(target)
                    links.next_pages.append(target)
                continue
        seen.add(target)
        links.details.append(target)
    return links

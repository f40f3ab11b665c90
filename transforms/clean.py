"""Clean validated postings: plain-text descriptions, tidy titles, safe HTML.

Spiders already extract text, but boards differ in what they put in a field:
feeds carry HTML in descriptions, titles come in capitals or with stray
punctuation, employers with double spaces. Cleaning is idempotent and works on
distinct values, so a night of 300,000 postings with many repeats stays cheap.
"""

from __future__ import annotations

import html
import logging
import re
import time
from functools import lru_cache

import nh3
import pandas as pd
from bs4 import BeautifulSoup

__all__ = [
    "ALLOWED_TAGS",
    "clean_postings",
    "clean_title",
    "html_to_text",
    "sanitise_html",
]

log = logging.getLogger(__name__)

#: Tags kept in sanitised descriptions: structure and emphasis, no media or forms.
ALLOWED_TAGS = frozenset(
    {"p", "br", "ul", "ol", "li", "strong", "b", "em", "i", "h2", "h3", "h4", "a"}
)
_BLOCK_TAGS = ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr")
_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_EDGE_PUNCTUATION = re.compile(r"^[\s\-–—:|*•,.]+|[\s\-–—:|*•,]+$")
_SHOUTING_MIN = 6


@lru_cache(maxsize=65_536)
def html_to_text(value: str) -> str:
    r"""Return the readable text of an HTML fragment, paragraphs kept as lines.

    Plain text passes through with its whitespace tidied. Scripts and styles
    are removed with their content.

    Parameters
    ----------
    value : str
        HTML or plain text.

    Returns
    -------
    str
        Text with single spaces and at most one blank line between paragraphs.

    Examples
    --------
    >>> html_to_text("<p>Wij zoeken <b>jou</b>!</p><script>x()</script><p>Nu</p>")
    'Wij zoeken jou!\n\nNu'
    """
    if _LOOKS_LIKE_HTML.search(value):
        soup = BeautifulSoup(value, "lxml")
        for node in soup(["script", "style", "noscript", "template"]):
            node.decompose()
        for node in soup.find_all(_BLOCK_TAGS):
            node.insert_before("\n\n" if node.name != "br" else "\n")
        value = html.unescape(soup.get_text())
    lines = (_SPACES.sub(" ", line).strip() for line in value.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


@lru_cache(maxsize=65_536)
def sanitise_html(value: str) -> str:
    """Return HTML safe to show in a portal: allowed tags only, no scripts.

    Links keep ``href`` (http, https and mailto only) and get
    ``rel="nofollow noopener"``.

    Parameters
    ----------
    value : str
        Untrusted HTML from a board.

    Returns
    -------
    str
        Sanitised HTML.
    """
    return nh3.clean(
        value,
        tags=set(ALLOWED_TAGS),
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
        strip_comments=True,
    ).strip()


@lru_cache(maxsize=262_144)
def clean_title(value: str) -> str:
    """Tidy a title as published: whitespace, edge punctuation, shouting.

    The title keeps its words; removing gender markers, hours and places is
    left to dedupe and occupation coding, which need them normalised in their
    own ways.

    Parameters
    ----------
    value : str
        The title from the board.

    Returns
    -------
    str
        The tidied title.

    Examples
    --------
    >>> clean_title("  ** VERPLEEGKUNDIGE  WIJKZORG ** ")
    'Verpleegkundige wijkzorg'
    """
    text = html_to_text(value).replace("\n", " ")
    text = _EDGE_PUNCTUATION.sub("", _SPACES.sub(" ", text)).strip()
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= _SHOUTING_MIN and all(c.isupper() for c in letters):
        text = text.capitalize()
    return text


def _one_line(value: str) -> str:
    return _SPACES.sub(" ", html_to_text(value).replace("\n", " ")).strip()


def _map_distinct(series: pd.Series, function) -> pd.Series:
    """Apply ``function`` once per distinct non-null value of ``series``."""
    present = series.notna()
    if not present.any():
        return series
    distinct = series[present].unique()
    mapping = {value: function(value) for value in distinct}
    result = series.copy()
    result[present] = series[present].map(mapping)
    return result


def clean_postings(postings: pd.DataFrame) -> pd.DataFrame:
    """Clean the text fields of validated postings.

    ``description`` becomes plain text; ``description_html`` is filled from
    the description when a board gave HTML, and sanitised in every case;
    ``title``, ``employer`` and ``location`` are tidied to one line.

    Parameters
    ----------
    postings : pandas.DataFrame
        Postings with the contract's columns.

    Returns
    -------
    pandas.DataFrame
        A cleaned copy with the same rows and columns.
    """
    start = time.perf_counter()
    cleaned = postings.copy()
    if "description_html" not in cleaned:
        cleaned["description_html"] = None
    has_html = cleaned["description"].str.contains(_LOOKS_LIKE_HTML, na=False)
    missing_html = cleaned["description_html"].isna() & has_html
    cleaned.loc[missing_html, "description_html"] = cleaned.loc[
        missing_html, "description"
    ]
    cleaned["description_html"] = _map_distinct(
        cleaned["description_html"], sanitise_html
    )
    cleaned["description"] = _map_distinct(cleaned["description"], html_to_text)
    cleaned["title"] = _map_distinct(cleaned["title"], clean_title)
    for column in ("employer", "location"):
        cleaned[column] = _map_distinct(cleaned[column], _one_line)
    log.info(
        "clean: %s postings in, %s out (%s descriptions were HTML) in %.1f s",
        f"{len(postings):,}",
        f"{len(cleaned):,}",
        f"{int(has_html.sum()):,}",
        time.perf_counter() - start,
    )
    return cleaned

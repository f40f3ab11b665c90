"""Canonical URLs: one address per page, whatever tracking was added to it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as _w3lib_canonicalize

__all__ = ["TRACKING_PARAMETERS", "canonicalize_url", "is_tracking_parameter"]

#: Query parameters that only say how a visitor arrived, never which page.
TRACKING_PARAMETERS = frozenset(
    [
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "fbclid",
        "msclkid",
        "yclid",
        "igshid",
        "twclid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "hsctatracking",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wickedid",
        "sc_cid",
        "trk",
        "trkcampaign",
        "s_kwcid",
        "ref_src",
        "source_id",
        "src_id",
        "referrer",
    ]
)
_TRACKING_PREFIXES = re.compile(r"^(?:utm_|pk_|mtm_|matomo_|hsa_|ga_)", re.IGNORECASE)


def is_tracking_parameter(name: str) -> bool:
    """Tell whether a query parameter only tracks the visitor.

    Parameters
    ----------
    name : str
        The parameter name as it appears in the query.

    Returns
    -------
    bool
        ``True`` for ``utm_*``, click identifiers and the like.
    """
    return name.lower() in TRACKING_PARAMETERS or bool(_TRACKING_PREFIXES.match(name))


def canonicalize_url(url: str, base: str | None = None) -> str:
    """Return the one address of a page: absolute, untracked, without fragment.

    Relative links are resolved against ``base``, tracking parameters and the
    fragment are dropped, the scheme and host are lowercased and the remaining
    query is put in a stable order, so the same page found under different
    links is requested and identified once.

    Parameters
    ----------
    url : str
        The link as found.
    base : str, optional
        The address of the page the link was found on.

    Returns
    -------
    str
        The canonical URL.

    Examples
    --------
    >>> canonicalize_url("../vacature/12?utm_source=x&b=2&a=1#apply",
    ...                  "https://Werk.example.nl/nl/lijst/")
    'https://werk.example.nl/nl/vacature/12?a=1&b=2'
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    ]
    cleaned = urlunsplit(
        (parts.scheme, parts.netloc, parts.path or "/", urlencode(query), "")
    )
    return _w3lib_canonicalize(cleaned, keep_fragments=False)

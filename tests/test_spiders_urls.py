"""Canonical URLs: tracking parameters, fragments, relative links."""

from __future__ import annotations

import pytest

from spiders.urls import canonicalize_url


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://x.nl/v/1?utm_source=a&utm_medium=b", None, "https://x.nl/v/1"),
        ("https://x.nl/v/1?id=3&gclid=abc&fbclid=d", None, "https://x.nl/v/1?id=3"),
        ("https://X.NL/v/1#solliciteer", None, "https://x.nl/v/1"),
        ("https://x.nl/v?b=2&a=1", None, "https://x.nl/v?a=1&b=2"),
        ("../2", "https://x.nl/v/a/1", "https://x.nl/v/2"),
        ("/v/3?utm_campaign=z", "https://x.nl/lijst", "https://x.nl/v/3"),
        ("4", "https://x.nl/v/", "https://x.nl/v/4"),
        ("https://x.nl", None, "https://x.nl/"),
    ],
)
def test_canonicalize_url_gives_one_address_per_page(url, base, expected):
    assert canonicalize_url(url, base) == expected

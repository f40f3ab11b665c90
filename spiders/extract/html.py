"""Postings from sites without structured data, by CSS selectors per board."""

from __future__ import annotations

import datetime as dt

from parsel import Selector

from spiders.extract.common import Extraction, build_posting, decode_body
from spiders.registry import Board

__all__ = ["extract_html"]


def _select(page: Selector, css: str | None) -> tuple[str | None, str | None]:
    """Return the text and the inner HTML that a selector picks out."""
    if not css:
        return None, None
    try:
        matches = page.css(css)
    except (ValueError, SyntaxError):
        return None, None
    if not matches:
        return None, None
    if "::" in css:
        text = " ".join(value.strip() for value in matches.getall() if value.strip())
        return text or None, None
    inner = "\n".join(
        "".join(node.xpath("node()").getall()) for node in matches
    ).strip()
    return inner or None, inner or None


def extract_html(
    body: bytes,
    *,
    url: str,
    board: Board,
    fetched_at: dt.datetime,
    encoding: str | None = None,
) -> Extraction:
    """Extract the posting of a detail page with the board's CSS selectors.

    Parameters
    ----------
    body : bytes
        The page as downloaded.
    url : str
        The page's address.
    board : Board
        The board crawled; ``board.selectors`` says where each field is.
    fetched_at : datetime.datetime
        When the page was seen.
    encoding : str, optional
        The charset the response declares.

    Returns
    -------
    Extraction
        One posting when the title selector matches and, where the board has
        selectors for them, at least one of employer, location, description
        and date; none otherwise (a listing page has a heading too).
    """
    result = Extraction()
    text, problem = decode_body(body, encoding)
    if problem:
        result.problems[problem] += 1
    if not text.strip():
        return result
    page = Selector(text=text, type="html")
    chosen = board.selectors
    title, _ = _select(page, chosen.title)
    if not title:
        return result
    employer, _ = _select(page, chosen.employer)
    location, _ = _select(page, chosen.location)
    _, description_html = _select(page, chosen.description)
    posted, _ = _select(page, chosen.date_posted)
    body_selectors = (
        chosen.employer,
        chosen.location,
        chosen.description,
        chosen.date_posted,
    )
    if any(body_selectors) and not any((employer, location, description_html, posted)):
        # A heading and nothing else the board's detail pages show: a listing
        # or another page, not a vacancy.
        return result
    valid, _ = _select(page, chosen.valid_through)
    employment, _ = _select(page, chosen.employment_type)
    hours, _ = _select(page, chosen.hours)
    salary, _ = _select(page, chosen.salary)
    education, _ = _select(page, chosen.education)
    identifier, _ = _select(page, chosen.external_id)
    apply_url, _ = _select(page, chosen.apply_url)
    result.postings.append(
        build_posting(
            board,
            url=url,
            fetched_at=fetched_at,
            title=title,
            employer=employer,
            location=location,
            description_html=description_html,
            date_posted=_plain(posted),
            valid_through=_plain(valid),
            external_id=_plain(identifier),
            employment_type=_plain(employment),
            hours_text=_plain(hours),
            salary_text=_plain(salary),
            education=_plain(education),
            apply_url=_plain(apply_url),
        )
    )
    return result


def _plain(markup: str | None) -> str | None:
    from spiders.fields import html_to_text

    return html_to_text(markup) or None if markup else None

"""Postings from a Lever postings API response."""

from __future__ import annotations

import datetime as dt
from typing import Any

from spiders import fields
from spiders.extract.common import Extraction, build_posting, json_records
from spiders.registry import Board

__all__ = ["extract_lever"]

_INTERVALS = {"hour": "hour", "month": "month", "year": "year", "annual": "year"}


def _salary(posting: dict[str, Any]) -> fields.Salary | None:
    salary = posting.get("salaryRange")
    if not isinstance(salary, dict):
        return None
    interval = str(salary.get("interval") or "").lower()
    period = next((p for key, p in _INTERVALS.items() if key in interval), None)
    low, high = salary.get("min"), salary.get("max")
    if period is None or (low is None and high is None):
        return None
    return fields.Salary(
        float(low) if low is not None else None,
        float(high) if high is not None else None,
        period,
    )


def _description(posting: dict[str, Any]) -> str | None:
    parts = [str(posting.get("description") or "")]
    for block in posting.get("lists") or []:
        if isinstance(block, dict):
            parts.append(f"<h3>{block.get('text', '')}</h3>")
            parts.append(f"<ul>{block.get('content', '')}</ul>")
    parts.append(str(posting.get("additional") or ""))
    joined = "\n".join(part for part in parts if part.strip())
    return joined or posting.get("descriptionPlain")


def _location(categories: dict[str, Any]) -> str | None:
    # A posting for several places may name them only in allLocations.
    location = categories.get("location")
    if location:
        return str(location)
    every = categories.get("allLocations")
    if isinstance(every, list) and every and every[0]:
        return str(every[0])
    return None


def extract_lever(
    body: bytes,
    *,
    url: str,
    board: Board,
    fetched_at: dt.datetime,
    encoding: str | None = None,
) -> Extraction:
    """Extract the postings of a Lever ``/v0/postings/<site>?mode=json`` response.

    Lever records never name the employer: the registry row's ``employer``
    does.

    Parameters
    ----------
    body : bytes
        The JSON response: an array of postings.
    url : str
        The endpoint.
    board : Board
        The board crawled.
    fetched_at : datetime.datetime
        When the response was seen.
    encoding : str, optional
        The declared charset.

    Returns
    -------
    Extraction
        One posting per element; problems ``json_malformed`` or
        ``unexpected_format``.
    """
    result = Extraction()
    for posting in json_records(body, encoding, result, board, url, key=None):
        categories = posting.get("categories")
        categories = categories if isinstance(categories, dict) else {}
        result.postings.append(
            build_posting(
                board,
                url=posting.get("hostedUrl") or url,
                fetched_at=fetched_at,
                title=posting.get("text"),
                employer=None,
                location=_location(categories),
                description_html=_description(posting),
                date_posted=posting.get("createdAt"),
                external_id=posting.get("id"),
                employment_type=categories.get("commitment"),
                hours_text=categories.get("commitment"),
                salary=_salary(posting),
                apply_url=posting.get("applyUrl"),
            )
        )
    return result

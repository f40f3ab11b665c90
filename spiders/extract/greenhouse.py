"""Postings from a Greenhouse job board API response."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from spiders.extract.common import Extraction, build_posting, json_records
from spiders.registry import Board

__all__ = ["extract_greenhouse"]


def _hours(value: str | None) -> str | None:
    # A field named for the hours may hold only the figures: "32-40".
    if value and re.fullmatch(r"[\d.,\s\-–]+", value):
        return f"{value} uur"
    return value


def _metadata(job: dict[str, Any], *names: str) -> str | None:
    for item in job.get("metadata") or []:
        if isinstance(item, dict) and str(item.get("name", "")).lower() in names:
            value = item.get("value")
            if isinstance(value, list):
                value = ", ".join(str(part) for part in value)
            if value not in (None, ""):
                return str(value)
    return None


def extract_greenhouse(
    body: bytes,
    *,
    url: str,
    board: Board,
    fetched_at: dt.datetime,
    encoding: str | None = None,
) -> Extraction:
    """Extract the postings of a Greenhouse ``/v1/boards/<token>/jobs`` response.

    The registry URL should ask for ``?content=true``; without it the API
    gives no descriptions. Greenhouse sends ``content`` as entity-escaped
    HTML, which is unescaped before it is sanitised.

    Parameters
    ----------
    body : bytes
        The JSON response: ``{"jobs": [...], "meta": {...}}``.
    url : str
        The endpoint.
    board : Board
        The board crawled; its ``employer`` names jobs without
        ``company_name``.
    fetched_at : datetime.datetime
        When the response was seen.
    encoding : str, optional
        The declared charset.

    Returns
    -------
    Extraction
        One posting per job; problems ``json_malformed`` or
        ``unexpected_format``.
    """
    result = Extraction()
    for job in json_records(body, encoding, result, board, url, key="jobs"):
        location = job.get("location")
        location_name = location.get("name") if isinstance(location, dict) else None
        content = job.get("content")
        description_html = html.unescape(content) if isinstance(content, str) else None
        result.postings.append(
            build_posting(
                board,
                url=job.get("absolute_url") or url,
                fetched_at=fetched_at,
                title=job.get("title"),
                employer=job.get("company_name"),
                location=location_name,
                description_html=description_html,
                date_posted=job.get("first_published") or job.get("updated_at"),
                external_id=job.get("id"),
                employment_type=_metadata(
                    job, "employment type", "employment_type", "dienstverband"
                ),
                hours_text=_hours(_metadata(job, "hours", "uren", "hours per week")),
                salary_text=_metadata(job, "salary", "salaris"),
                education=_metadata(job, "education", "opleidingsniveau"),
                language=job.get("language"),
            )
        )
    return result

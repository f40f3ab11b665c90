"""Postings from a Recruitee careers site's public offers API."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from spiders import fields
from spiders.extract.common import Extraction, build_posting, json_records
from spiders.registry import Board

__all__ = ["extract_recruitee"]

log = logging.getLogger(__name__)

# Recruitee's education codes, read as the Dutch level they usually stand for.
_EDUCATION = {
    "high_school": "havo",
    "vocational": "mbo",
    "associate_degree": "mbo-4",
    "bachelor_degree": "hbo",
    "professional": "hbo",
    "master_degree": "wo",
    "doctorate": "wo",
}
_PERIODS = {"hour": "hour", "month": "month", "year": "year", "annual": "year"}


def _period(value: Any) -> str | None:
    text = str(value or "").lower()
    return next((period for key, period in _PERIODS.items() if key in text), None)


def _number(value: Any) -> float | None:
    return fields.parse_amount(value)


def _salary(offer: dict[str, Any]) -> fields.Salary | None:
    salary = offer.get("salary")
    if not isinstance(salary, dict):
        return None
    low, high = _number(salary.get("min")), _number(salary.get("max"))
    period = _period(salary.get("period"))
    if (low is None and high is None) or period is None:
        return None
    return fields.Salary(low, high, period)


def _place(offer: dict[str, Any]) -> dict[str, Any]:
    # An offer may name its city only in its list of locations.
    if offer.get("city"):
        return offer
    locations = offer.get("locations")
    first = locations[0] if isinstance(locations, list) and locations else None
    return first if isinstance(first, dict) else offer


def extract_recruitee(
    body: bytes,
    *,
    url: str,
    board: Board,
    fetched_at: dt.datetime,
    encoding: str | None = None,
) -> Extraction:
    """Extract the postings of a Recruitee ``/api/offers/`` response.

    Parameters
    ----------
    body : bytes
        The JSON response: ``{"offers": [...]}``.
    url : str
        The endpoint.
    board : Board
        The board crawled; its ``employer`` names offers without
        ``company_name``.
    fetched_at : datetime.datetime
        When the response was seen.
    encoding : str, optional
        The declared charset.

    Returns
    -------
    Extraction
        One posting per published offer; problem ``json_malformed`` when the
        body is not JSON, ``unexpected_format`` when it has no ``offers``
        list, ``offer_<status>`` for an offer that is not published.
    """
    result = Extraction()
    for offer in json_records(body, encoding, result, board, url, key="offers"):
        status = str(offer.get("status") or "published").lower()
        if status != "published":
            # The public API lists published offers; a closed or draft one
            # that slips through is no vacancy.
            result.problems[f"offer_{status}"] += 1
            continue
        where = _place(offer)
        location = offer.get("location") or ", ".join(
            str(part) for part in (where.get("city"), where.get("state_name")) if part
        )
        description = "\n".join(
            str(part)
            for part in (offer.get("description"), offer.get("requirements"))
            if part
        )
        education_code = str(offer.get("education_code") or "")
        result.postings.append(
            build_posting(
                board,
                url=offer.get("careers_url") or url,
                fetched_at=fetched_at,
                title=offer.get("title"),
                employer=offer.get("company_name"),
                location=location or None,
                place=where.get("city"),
                postal_code=where.get("postal_code"),
                province=where.get("state_name"),
                description_html=description or None,
                date_posted=offer.get("published_at") or offer.get("created_at"),
                valid_through=offer.get("close_at"),
                external_id=offer.get("id") or offer.get("slug"),
                employment_type=offer.get("employment_type_code"),
                hours=(
                    _number(offer.get("min_hours")),
                    _number(offer.get("max_hours")),
                ),
                salary=_salary(offer),
                education=_EDUCATION.get(education_code, education_code) or None,
                apply_url=offer.get("careers_apply_url"),
                language=offer.get("lang_code") or offer.get("language"),
            )
        )
    return result

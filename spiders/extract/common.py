"""What every extractor shares: decoding bodies and building posting records."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding

from schemas.posting import POSTING_FIELDS, make_posting_id
from spiders import fields
from spiders.registry import Board
from spiders.urls import canonicalize_url
from transforms.geo import parse_location, province_for_postal_code, written_place

__all__ = [
    "Extraction",
    "build_posting",
    "declared_encoding",
    "decode_body",
    "locate",
]

log = logging.getLogger(__name__)

_UTF8_NAMES = {"utf-8", "utf8", "ascii", "us-ascii"}


@dataclass
class Extraction:
    """What one response gave: postings and the problems met, by reason."""

    postings: list[dict[str, Any]] = field(default_factory=list)
    problems: Counter[str] = field(default_factory=Counter)

    def merge(self, other: Extraction) -> None:
        """Add the postings and problems of ``other`` to this one."""
        self.postings.extend(other.postings)
        self.problems.update(other.problems)


def declared_encoding(content_type: str | None, body: bytes) -> str | None:
    """Return the charset a response declares, from its header or its markup.

    Parameters
    ----------
    content_type : str or None
        The ``Content-Type`` header.
    body : bytes
        The body, whose ``<meta charset>`` or XML declaration counts when the
        header names none.

    Returns
    -------
    str or None
        A Python codec name, or ``None`` when nothing is declared.
    """
    encoding = http_content_type_encoding(content_type) if content_type else None
    if encoding:
        return encoding
    head = body[:4096]
    match = re.search(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)", head)
    if match:
        return _codec(match.group(1).decode("ascii"))
    return html_body_declared_encoding(head)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_body(body: bytes, declared: str | None) -> tuple[str, str | None]:
    """Decode a body, trusting the bytes over a wrong declared charset.

    Valid UTF-8 with non-ASCII bytes is almost never anything else, so it wins
    over a declared legacy charset; a body declared UTF-8 that is not falls
    back to Windows-1252, the usual legacy charset of Dutch sites.

    Parameters
    ----------
    body : bytes
        The raw body.
    declared : str or None
        The charset the response declares.

    Returns
    -------
    tuple of (str, str or None)
        The text, and ``"charset_mismatch"`` when the declaration was wrong or
        ``"decode_error"`` when no charset decoded the body cleanly.

    Examples
    --------
    >>> decode_body("Café".encode(), "iso-8859-1")
    ('Café', 'charset_mismatch')
    """
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            return body.decode(name, errors="replace").lstrip("\ufeff"), None
    codec = _codec(declared)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        wrong = codec is not None and codec not in _UTF8_NAMES and not body.isascii()
        return text, "charset_mismatch" if wrong else None
    if codec and codec not in _UTF8_NAMES:
        try:
            return body.decode(codec), None
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace"), "decode_error"
    return text, "charset_mismatch" if codec in _UTF8_NAMES else None


_PROVINCES = (
    "Groningen", "Friesland", "Fryslân", "Drenthe", "Overijssel", "Flevoland",
    "Gelderland", "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland",
    "Noord-Brabant", "Limburg",
)  # fmt: skip
_PROVINCE_BY_KEY = {name.lower(): name for name in _PROVINCES} | {
    "fryslân": "Friesland",
    "brabant": "Noord-Brabant",
}


def _province_name(text: str | None) -> str | None:
    if not text:
        return None
    return _PROVINCE_BY_KEY.get(text.strip().lower())


def locate(
    location: str | None,
    *,
    place: str | None = None,
    postal_code: str | None = None,
    province: str | None = None,
) -> dict[str, str | None]:
    """Fill place, postal code and province from structured values and text.

    Structured values a board gives win; what is missing is read from the
    location text with :func:`transforms.geo.parse_location`, the place in the
    name the board wrote (:func:`transforms.geo.written_place`).

    Parameters
    ----------
    location : str or None
        The location as published.
    place, postal_code, province : str, optional
        Values the board gives as separate fields.

    Returns
    -------
    dict
        ``place``, ``postal_code`` and ``province`` (each possibly ``None``).
    """
    postal_code = fields.parse_postal_code(postal_code) or None
    province = _province_name(province) or province or None
    if location:
        parsed = parse_location(location)
        place = place or written_place(location)
        postal_code = postal_code or parsed.postal_code
        province = province or parsed.province
    if postal_code and not province:
        province = province_for_postal_code(postal_code)
    return {
        "place": fields.clean_text(place) or None,
        "postal_code": postal_code,
        "province": province,
    }


def json_records(
    body: bytes,
    encoding: str | None,
    result: Extraction,
    board: Board,
    url: str,
    *,
    key: str | None,
) -> list[dict[str, Any]]:
    """Return the records of a JSON API response, counting what is not one.

    Parameters
    ----------
    body : bytes
        The response body.
    encoding : str or None
        The declared charset.
    result : Extraction
        Where problems are counted: ``json_malformed`` for a body that is not
        JSON, ``unexpected_format`` for a response without the list of records
        and for each element of it that is not an object.
    board : Board
        The board crawled, named in the log.
    url : str
        The endpoint, named in the log.
    key : str or None
        The member holding the list (``"jobs"``, ``"offers"``), or ``None``
        when the body is the list itself.

    Returns
    -------
    list of dict
        The records, in the response's order.
    """
    text, problem = decode_body(body, encoding)
    if problem:
        result.problems[problem] += 1
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        result.problems["json_malformed"] += 1
        log.warning("%s: malformed JSON at %s: %s", board.name, url, error)
        return []
    records = data.get(key) if key is not None and isinstance(data, dict) else data
    if not isinstance(records, list):
        result.problems["unexpected_format"] += 1
        return []
    objects = [record for record in records if isinstance(record, dict)]
    if len(objects) < len(records):
        result.problems["unexpected_format"] += len(records) - len(objects)
    return objects


def build_posting(
    board: Board,
    *,
    url: str,
    fetched_at: dt.datetime,
    title: str | None,
    employer: str | None,
    location: str | None,
    description_html: str | None = None,
    description: str | None = None,
    date_posted: object = None,
    external_id: object = None,
    place: str | None = None,
    postal_code: str | None = None,
    province: str | None = None,
    employment_type: str | None = None,
    hours: tuple[float | None, float | None] | None = None,
    hours_text: str | None = None,
    salary: fields.Salary | None = None,
    salary_text: str | None = None,
    education: str | None = None,
    valid_through: object = None,
    apply_url: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """Assemble one posting record in the contract's field names.

    Text is cleaned, HTML sanitised, and what a board does not give as a field
    (hours, salary, education, language, place) is read from the other text
    it published. Missing required fields stay ``None``: validation
    quarantines such records with their raw values.

    Parameters
    ----------
    board : Board
        The board the posting was found on.
    url : str
        The posting's page (made canonical here).
    fetched_at : datetime.datetime
        When the posting was seen.
    title, employer, location : str or None
        As published; HTML in them is reduced to text.
    description_html, description : str, optional
        The description as HTML, or as text when no HTML exists.
    date_posted, valid_through : object
        Dates in any form :func:`spiders.fields.parse_date` reads.
    external_id : object
        The board's own identifier.
    place, postal_code, province : str, optional
        Structured location parts.
    employment_type : str, optional
        A schema.org value or Dutch words.
    hours : tuple, optional
        ``(hours_min, hours_max)`` when given as numbers.
    hours_text, salary_text : str, optional
        Text that states the hours or the salary.
    salary : Salary, optional
        The salary when given as numbers.
    education : str, optional
        Text naming the education level.
    apply_url : str, optional
        Where to apply.
    language : str, optional
        The language the board states.

    Returns
    -------
    dict
        Every contract field, ``None`` where unknown.
    """
    canonical = canonicalize_url(url)
    body_html = fields.sanitize_html(description_html) if description_html else None
    text = fields.html_to_text(description_html or description)
    title_text = fields.html_to_text(title) or None
    employer_text = fields.html_to_text(employer) or board.employer or None
    location_text = fields.html_to_text(location) or None

    hours_min, hours_max = hours or (None, None)
    if hours_min is None and hours_max is None:
        hours_min, hours_max = fields.parse_hours(hours_text)
    if hours_min is None and hours_max is None:
        hours_min, hours_max = fields.parse_hours(f"{title_text or ''}\n{text}")
    if salary is None or (salary.min is None and salary.max is None):
        salary = fields.parse_salary(salary_text) or fields.parse_salary(text)

    where = locate(
        location_text, place=place, postal_code=postal_code, province=province
    )
    identifier = str(external_id).strip() if external_id not in (None, "") else None
    return {
        name: value
        for name, value in {
            "posting_id": make_posting_id(
                board.name, external_id=identifier, url=canonical
            ),
            "board": board.name,
            "url": canonical,
            "title": title_text,
            "employer": employer_text,
            "location": location_text,
            "description": text or None,
            "date_posted": fields.parse_date(date_posted),
            "external_id": identifier,
            "place": where["place"],
            "postal_code": where["postal_code"],
            "province": where["province"],
            "employment_type": fields.parse_employment_type(employment_type)
            or fields.parse_employment_type(title_text),
            "hours_min": hours_min,
            "hours_max": hours_max,
            "salary_min": salary.min if salary else None,
            "salary_max": salary.max if salary else None,
            "salary_period": salary.period if salary else None,
            "education_level": fields.parse_education(education)
            or fields.parse_education(text),
            "valid_through": fields.parse_date(valid_through),
            "apply_url": canonicalize_url(apply_url, canonical) if apply_url else None,
            "language": language_code(language)
            or fields.detect_language(f"{title_text or ''}\n{text}"),
            "description_html": body_html,
            "fetched_at": fetched_at.isoformat(),
        }.items()
        if name in POSTING_FIELDS
    }


def language_code(value: str | None) -> str | None:
    """Return ``nl`` or ``en`` for a language tag such as ``nl-NL``, else ``None``."""
    if not value:
        return None
    code = value.strip().lower()[:2]
    return code if code in ("nl", "en") else None

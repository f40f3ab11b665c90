"""Postings from schema.org ``JobPosting`` markup: JSON-LD, or microdata."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import re
from typing import Any

import lxml.html
from lxml import etree

from schemas.posting import make_posting_id
from spiders import fields
from spiders.extract.common import Extraction, build_posting, decode_body
from spiders.registry import Board
from spiders.urls import canonicalize_url

__all__ = ["extract_jsonld", "find_job_postings", "posting_from_schema"]

log = logging.getLogger(__name__)

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_MAX_DEPTH = 6


def _is_job_posting(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(
        isinstance(name, str)
        and name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == "JobPosting"
        for name in kinds
    )


def _walk(
    node: Any,
    found: list[dict[str, Any]],
    index: dict[str, dict[str, Any]],
    depth: int = 0,
) -> None:
    """Collect the ``JobPosting`` objects, and every node named by an ``@id``."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            _walk(item, found, index, depth + 1)
    elif isinstance(node, dict):
        ident = node.get("@id")
        if isinstance(ident, str) and not _is_reference(node):
            index.setdefault(ident, node)
        if _is_job_posting(node):
            found.append(node)
            return
        for value in node.values():
            if isinstance(value, dict | list):
                _walk(value, found, index, depth + 1)


def _is_reference(node: dict[str, Any]) -> bool:
    return isinstance(node.get("@id"), str) and set(node) <= {"@id", "@type"}


def _resolve(value: Any, index: dict[str, dict[str, Any]], depth: int = 0) -> Any:
    """Replace ``{"@id": ...}`` references by the nodes they name.

    An ``@graph`` often names the employer once, as an ``Organization`` node,
    and refers to it from the ``JobPosting``'s ``hiringOrganization``.
    """
    if depth > _MAX_DEPTH:
        return value
    if isinstance(value, list):
        return [_resolve(item, index, depth + 1) for item in value]
    if not isinstance(value, dict):
        return value
    if _is_reference(value) and value["@id"] in index:
        value = index[value["@id"]]
    return {key: _resolve(item, index, depth + 1) for key, item in value.items()}


def _load_block(text: str) -> Any:
    text = text.strip().lstrip("\ufeff").strip()
    text = text.removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)


def find_job_postings(
    document: lxml.html.HtmlElement,
) -> tuple[list[dict[str, Any]], int]:
    """Return the ``JobPosting`` objects of a page and the unreadable blocks.

    JSON-LD is searched first (a plain object, an ``@graph``, a top-level
    array, several blocks on one page, postings nested in other objects);
    references by ``@id`` to other nodes of the page, such as the employer's
    ``Organization``, are replaced by those nodes. Microdata (``itemtype``
    schema.org/JobPosting) is the fallback.

    Parameters
    ----------
    document : lxml.html.HtmlElement
        The parsed page.

    Returns
    -------
    tuple of (list of dict, int)
        The postings as JSON-LD shaped dicts, and how many JSON-LD blocks
        could not be parsed.
    """
    found: list[dict[str, Any]] = []
    index: dict[str, dict[str, Any]] = {}
    malformed = 0
    for script in document.iter("script"):
        kind = (script.get("type") or "").strip().lower()
        if not kind.startswith("application/ld+json") or not script.text:
            continue
        try:
            data = _load_block(script.text)
        except (json.JSONDecodeError, RecursionError):
            malformed += 1
            continue
        _walk(data, found, index)
    if index:
        found = [_resolve(node, index) for node in found]
    if not found:
        scopes = document.xpath("//*[@itemscope][contains(@itemtype, 'JobPosting')]")
        for item in scopes:
            if not _has_item_ancestor(item):
                found.append(_microdata_item(item))
    return found, malformed


def _has_item_ancestor(element: etree._Element) -> bool:
    return any(
        "JobPosting" in (parent.get("itemtype") or "")
        for parent in element.iterancestors()
        if parent.get("itemscope") is not None
    )


def _microdata_item(scope: etree._Element) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": (scope.get("itemtype") or "").rsplit("/", 1)[-1]}
    for element in _properties(scope):
        value: Any
        if element.get("itemscope") is not None:
            value = _microdata_item(element)
        elif element.tag == "meta":
            value = element.get("content", "")
        elif element.get("content") is not None:
            value = element.get("content")
        elif element.tag in ("a", "link", "area"):
            value = element.get("href", "")
        elif element.tag == "time" and element.get("datetime"):
            value = element.get("datetime")
        elif element.get("itemprop") == "description":
            value = lxml.html.tostring(element, encoding="unicode", with_tail=False)
        else:
            value = element.text_content()
        for name in (element.get("itemprop") or "").split():
            item.setdefault(name, value)
    return item


def _properties(scope: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    stack = list(scope)
    while stack:
        element = stack.pop(0)
        if not isinstance(element.tag, str):
            continue
        if element.get("itemprop") is not None:
            found.append(element)
        if element.get("itemscope") is None:
            stack[0:0] = list(element)
    return found


def _first(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _text(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("value") or value.get("@value")
    if value is None:
        return None
    return str(value)


def _address(posting: dict[str, Any]) -> dict[str, str | None]:
    locations = posting.get("jobLocation")
    locations = locations if isinstance(locations, list) else [locations]
    for location in locations:
        if not isinstance(location, dict):
            if isinstance(location, str) and location.strip():
                return {"text": location}
            continue
        address = location.get("address", location)
        address = _first(address)
        if isinstance(address, str):
            return {"text": address}
        if not isinstance(address, dict):
            continue
        locality = _text(address.get("addressLocality"))
        postal = _text(address.get("postalCode"))
        region = _text(address.get("addressRegion"))
        head = " ".join(part for part in (postal, locality) if part)
        parts = [head] if head else []
        if region and region != locality:
            parts.append(region)
        return {
            "text": ", ".join(parts) or _text(location.get("name")),
            "place": locality,
            "postal_code": postal,
            "province": region,
        }
    if str(posting.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        return {"text": "Remote"}
    return {}


_UNITS = {"HOUR": "hour", "MONTH": "month", "YEAR": "year"}


def _salary(posting: dict[str, Any]) -> tuple[fields.Salary | None, str | None]:
    amount = _first(posting.get("baseSalary") or posting.get("estimatedSalary"))
    if amount is None:
        return None, None
    if not isinstance(amount, dict):
        return None, str(amount)
    value = amount.get("value", amount)
    if not isinstance(value, dict):
        value = {"value": value, "unitText": amount.get("unitText")}
    unit = str(value.get("unitText") or amount.get("unitText") or "").upper()
    period = _UNITS.get(unit)

    def number(key: str) -> float | None:
        return fields.parse_amount(value.get(key))

    low, high = number("minValue"), number("maxValue")
    single = number("value")
    if low is None and high is None and single is not None:
        low = high = single
    if not unit and (low is not None or high is not None):
        # No unit stated: the size of the amount tells the period.
        period = fields.infer_period(low, high)
    if (low is None and high is None) or period is None:
        # Weekly or daily amounts have no place in the contract.
        return None, None
    return fields.Salary(low, high, period), None


def _education(posting: dict[str, Any]) -> str | None:
    value = posting.get("educationRequirements")
    values = value if isinstance(value, list) else [value]
    texts = []
    for item in values:
        if isinstance(item, dict):
            texts.append(
                str(item.get("credentialCategory") or item.get("name") or "")
                + " "
                + str(item.get("educationalLevel") or "")
            )
        elif item:
            texts.append(str(item))
    return " ".join(texts) or None


def _description_html(value: Any) -> str | None:
    text = _text(value)
    if text and "<" not in text and "&lt;" in text:
        text = html.unescape(text)
    return text


def _apply_url(posting: dict[str, Any]) -> str | None:
    action = _first(posting.get("potentialAction"))
    if isinstance(action, dict):
        target = _first(action.get("target"))
        if isinstance(target, dict):
            target = target.get("urlTemplate") or target.get("url")
        return str(target) if target else None
    return None


def _employment_type(posting: dict[str, Any]) -> str | None:
    value = posting.get("employmentType")
    # A list names every contract offered; joined, the parser's precedence
    # decides ("FULL_TIME, PART_TIME" is a job that can be done part-time).
    if isinstance(value, list):
        return ", ".join(str(item) for item in value if item) or None
    return str(value) if value else None


def posting_from_schema(
    node: dict[str, Any], *, url: str, board: Board, fetched_at: dt.datetime
) -> dict[str, Any]:
    """Map one schema.org ``JobPosting`` to a posting record.

    Parameters
    ----------
    node : dict
        The ``JobPosting`` as JSON-LD (or microdata read into that shape).
    url : str
        The posting's page.
    board : Board
        The board it was found on.
    fetched_at : datetime.datetime
        When it was seen.

    Returns
    -------
    dict
        The posting record.
    """
    where = _address(node)
    salary, salary_text = _salary(node)
    identifier = node.get("identifier")
    if isinstance(identifier, dict):
        identifier = identifier.get("value") or identifier.get("name")
    organization = _first(node.get("hiringOrganization"))
    employer = (
        organization.get("name") if isinstance(organization, dict) else organization
    )
    return build_posting(
        board,
        url=url,
        fetched_at=fetched_at,
        title=_text(node.get("title")) or _text(node.get("name")),
        employer=_text(employer),
        location=where.get("text"),
        place=where.get("place"),
        postal_code=where.get("postal_code"),
        province=where.get("province"),
        description_html=_description_html(node.get("description")),
        date_posted=_text(node.get("datePosted")),
        valid_through=_text(node.get("validThrough")),
        external_id=_text(identifier),
        employment_type=_employment_type(node),
        hours_text=_text(node.get("workHours")),
        salary=salary,
        salary_text=salary_text,
        education=_education(node),
        apply_url=_apply_url(node),
        language=_text(node.get("inLanguage")),
    )


def parse_html(text: str) -> lxml.html.HtmlElement | None:
    """Parse a page leniently; ``None`` when it holds no markup at all."""
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


def extract_jsonld(
    body: bytes,
    *,
    url: str,
    board: Board,
    fetched_at: dt.datetime,
    encoding: str | None = None,
) -> Extraction:
    """Extract the postings a page declares with schema.org ``JobPosting``.

    Parameters
    ----------
    body : bytes
        The page as downloaded.
    url : str
        The page's address.
    board : Board
        The board crawled.
    fetched_at : datetime.datetime
        When the page was seen.
    encoding : str, optional
        The charset the response declares.

    Returns
    -------
    Extraction
        The postings, and problems by reason: ``jsonld_malformed`` per
        unreadable block, ``charset_mismatch`` or ``decode_error``. A page
        without any posting is not a problem here: it may be a listing.

    Examples
    --------
    A page whose only block is cut off gives no posting and one problem:

    >>> from spiders.registry import Board
    >>> board = Board(name="b", kind="jsonld", url="https://x.nl/",
    ...               source_type="employer")
    >>> page = b'<script type="application/ld+json">{"@type": "JobPo</script>'
    >>> result = extract_jsonld(page, url="https://x.nl/1", board=board,
    ...     fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    >>> result.postings, dict(result.problems)
    ([], {'jsonld_malformed': 1})
    """
    result = Extraction()
    text, problem = decode_body(body, encoding)
    if problem:
        result.problems[problem] += 1
    document = parse_html(text)
    if document is None:
        return result
    nodes, malformed = find_job_postings(document)
    if malformed:
        result.problems["jsonld_malformed"] += malformed
        log.warning(
            "%s: %d malformed JSON-LD block(s) on %s", board.name, malformed, url
        )
    page = canonicalize_url(url)
    for index, node in enumerate(nodes):
        own = _text(node.get("url"))
        shared = len(nodes) > 1 and not own
        where = canonicalize_url(own, page) if len(nodes) > 1 and own else page
        posting = posting_from_schema(
            node, url=where, board=board, fetched_at=fetched_at
        )
        if shared and not posting["external_id"]:
            # Several postings share one page and name no address of their own.
            posting["posting_id"] = make_posting_id(
                board.name, url=f"{page}#posting-{index}"
            )
        result.postings.append(posting)
    return result

"""Postings from Indeed-style XML job feeds, parsed without trusting the XML."""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeXml

from spiders.extract.common import Extraction, build_posting
from spiders.registry import Board

__all__ = ["extract_xmlfeed"]

log = logging.getLogger(__name__)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _fields(job: Element) -> dict[str, str]:
    # Leaves anywhere below <job> count, so feeds that nest the place in
    # <location><city> or the text in <description><long_description> read alike.
    values: dict[str, str] = {}
    for element in job.iter():
        if element is job:
            continue
        name = _local(element.tag)
        if len(element) and name != "description":
            continue
        text = "".join(element.itertext()).strip()
        if text and name not in values:
            values[name] = text
    return values


def _first(values: dict[str, str], *names: str) -> str | None:
    return next((values[name] for name in names if values.get(name)), None)


def extract_xmlfeed(
    body: bytes,
    *,
    url: str,
    board: Board,
    fetched_at: dt.datetime,
    encoding: str | None = None,
) -> Extraction:
    """Extract the postings of an Indeed-style XML feed.

    Each ``<job>`` element (under ``<source>`` or any other root) is one
    posting with the usual children: ``title``, ``date``, ``referencenumber``,
    ``url``, ``company``, ``city``, ``state``, ``postalcode``, ``description``
    (HTML), ``salary``, ``education``, ``jobtype``, ``expirationdate``; the
    names other feeds use for them (``pubDate``, ``link``, ``zip``,
    ``region``, ``employer``, ``hours``, ``location``) are read too. An RSS
    feed's ``<item>`` elements are read the same way when the feed has no
    ``<job>``, namespaced children (``<job:company>``) by their local name. The
    parser refuses entity declarations and external references, so an
    entity-expansion bomb is rejected before it expands.

    Parameters
    ----------
    body : bytes
        The feed as downloaded.
    url : str
        The feed's address (relative posting URLs are resolved against it).
    board : Board
        The board crawled.
    fetched_at : datetime.datetime
        When the feed was seen.
    encoding : str, optional
        Unused: the XML declaration states the charset.

    Returns
    -------
    Extraction
        The postings; problems ``xml_unsafe`` (entities or external
        references) or ``xml_malformed``.
    """
    result = Extraction()
    try:
        root = SafeXml.fromstring(body, forbid_dtd=False)
    except DefusedXmlException as error:
        result.problems["xml_unsafe"] += 1
        log.warning("%s: unsafe XML refused at %s: %s", board.name, url, error)
        return result
    except ParseError as error:
        result.problems["xml_malformed"] += 1
        log.warning("%s: malformed XML at %s: %s", board.name, url, error)
        return result
    # Indeed-style feeds hold <job> elements; RSS job feeds hold <item>s.
    record = "job" if any(_local(e.tag) == "job" for e in root.iter()) else "item"
    for job in root.iter():
        if _local(job.tag) != record:
            continue
        values = _fields(job)
        city = _first(values, "city", "place", "plaats", "town")
        state = values.get("state") or values.get("region")
        postal = (
            values.get("postalcode") or values.get("postal_code") or values.get("zip")
        )
        location = city or values.get("location")
        if location and state and state not in location:
            location = f"{location}, {state}"
        if postal and postal not in (location or ""):
            location = f"{postal} {location or ''}".strip()
        result.postings.append(
            build_posting(
                board,
                url=urljoin(url, _first(values, "url", "link") or url),
                fetched_at=fetched_at,
                title=_first(values, "title", "jobtitle", "functie"),
                employer=_first(
                    values, "company", "companyname", "employer", "werkgever"
                ),
                location=location,
                place=city,
                postal_code=postal,
                province=state,
                description_html=values.get("long_description")
                or values.get("description")
                or values.get("summary"),
                date_posted=_first(
                    values,
                    "date",
                    "pubdate",
                    "dateposted",
                    "date_posted",
                    "posted",
                    "published",
                    "publicationdate",
                    "created",
                ),
                external_id=_first(values, "referencenumber", "id", "guid"),
                employment_type=values.get("jobtype"),
                hours_text=values.get("hours") or values.get("jobtype"),
                salary_text=values.get("salary"),
                education=values.get("education"),
                valid_through=values.get("expirationdate"),
                apply_url=values.get("apply_url") or values.get("applyurl"),
                language=values.get("language"),
            )
        )
    return result

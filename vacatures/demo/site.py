"""The documents the demo server serves on a night, in each board's real format.

A :class:`Site` maps every path on the server to a route that answers a query
with a :class:`Document` (body, content type and HTTP validators). Documents
are rendered once per night from a :class:`~vacatures.demo.generator.Night`;
a posting whose content did not change keeps its bytes, and so its ``ETag``
and ``Last-Modified``, from one night to the next.

URL layout (``<base>`` is the server's base URL)::

    /robots.txt                                  robots rules for the whole host
    /banenbank/vacatures[?pagina=N]              jsonld: listing pages, rel=next
    /banenbank/vacatures/<id>-<slug>             jsonld: detail page with JobPosting
    /banenbank/sitemap.xml                       jsonld: sitemap with <lastmod>
    /banenbank/zoeken?beroep=<occupation>        disallowed search pages
    /banenbank/intern/vacature/<id>-<slug>       disallowed internal vacancies
    /vacaturestroom/feed.xml                     xmlfeed: Indeed-style job feed
    /vacaturestroom/vacature/VS<id>              xmlfeed: the job's page
    /flexkracht/api/offers/                      recruitee: public offers API
    /flexkracht/o/<slug>                         recruitee: the offer's page
    /kwadraat/v1/boards/kwadraat/jobs[?content=true]   greenhouse: job board API
    /kwadraat/v1/boards/kwadraat/jobs/<id>       greenhouse: one job
    /kwadraat/jobs/<id>                          greenhouse: the job's page
    /snelpost/v0/postings/snelpost?mode=json     lever: postings API (skip, limit)
    /snelpost/<uuid>                             lever: the posting's page
    /regiobanen/vacatures[?p=N]                  html: listing pages
    /regiobanen/vacature/<id>                    html: detail page, no structured data
"""

from __future__ import annotations

import calendar
import datetime as dt
import email.utils
import hashlib
import html
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from vacatures.demo import texts
from vacatures.demo.generator import BOARDS, BoardPosting, BoardSpec, Night, Vacancy

__all__ = ["Document", "Site", "build_site", "registry_toml"]

log = logging.getLogger(__name__)

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
JSON = "application/json; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

LISTING_PAGE_SIZE = 20
CONTACT_URL = "https://github.com/vacatures/vacatures"

#: Registry keys of the jsonld board: which listing links are vacancies.
JSONLD_LINKS: dict[str, str] = {"listing_link": "ol.vacatures a.vacature-link"}

#: Registry keys of the html board: listing links and the next-page link.
HTML_LINKS: dict[str, str] = {
    "listing_link": "ul.vacatures a.vacature-titel",
    "next_page": "a.volgende",
}

#: Where each field is on a detail page of the html board (``[boards.selectors]``;
#: Scrapy's ``::text`` and ``::attr()`` forms, else the element's inner HTML).
HTML_SELECTORS: dict[str, str] = {
    "title": "h1.functietitel",
    "employer": "span.werkgever::text",
    "location": "span.standplaats::text",
    "description": "div.omschrijving",
    "date_posted": "time.geplaatst::attr(datetime)",
}

_BOARD = {b.kind: b for b in BOARDS}
_GREENHOUSE_TOKEN = "kwadraat"  # noqa: S105 - a board token is a public name
_LEVER_COMPANY = "snelpost"


@dataclass(frozen=True)
class Document:
    """A response body with its content type and HTTP validators."""

    body: bytes
    content_type: str
    last_modified: dt.datetime
    etag: str

    @classmethod
    def make(cls, text: str, content_type: str, modified: dt.date) -> Document:
        """Encode ``text`` and derive its strong ``ETag`` from the bytes."""
        body = text.encode("utf-8")
        digest = hashlib.sha1(body, usedforsecurity=False).hexdigest()[:24]
        moment = dt.datetime(modified.year, modified.month, modified.day, tzinfo=dt.UTC)
        return cls(body, content_type, moment, f'"{digest}"')

    @property
    def last_modified_http(self) -> str:
        """``Last-Modified`` as an HTTP date."""
        return email.utils.format_datetime(self.last_modified, usegmt=True)


Query = dict[str, list[str]]
Route = Callable[[Query], Document | None]


@dataclass
class Site:
    """All routes of one night: path to a function of the query string."""

    routes: dict[str, Route]
    as_of: dt.date

    def resolve(self, path: str, query: Query) -> Document | None:
        """Return the document at ``path`` for ``query``, or ``None`` (404)."""
        route = self.routes.get(path)
        return None if route is None else route(query)


def _fixed(document: Document) -> Route:
    return lambda _query: document


def _paged(pages: dict[str, Document], param: str) -> Route:
    def route(query: Query) -> Document | None:
        return pages.get(query.get(param, ["1"])[0])

    return route


def build_site(night: Night, base_url: str) -> Site:
    """Render every board of a night into routes.

    Parameters
    ----------
    night : Night
        The generated night.
    base_url : str
        The server's base URL without a trailing slash; it is written into
        absolute URLs, so the same night on another port differs only there.

    Returns
    -------
    Site
        The routes of the night.
    """
    routes: dict[str, Route] = {}
    changed = night.board_changed
    routes["/robots.txt"] = _fixed(
        Document.make(_robots(base_url), TEXT, min(changed.values()))
    )
    routes["/"] = _fixed(Document.make(_index(base_url), HTML, min(changed.values())))
    _jsonld_board(routes, night, base_url)
    _xml_feed(routes, night, base_url)
    _recruitee(routes, night, base_url)
    _greenhouse(routes, night, base_url)
    _lever(routes, night, base_url)
    _html_board(routes, night, base_url)
    log.debug("site of %s: %d routes", night.as_of, len(routes))
    return Site(routes, night.as_of)


def registry_toml(base_url: str) -> str:
    """Write the board registry of the demo boards served at ``base_url``.

    The format is the one :mod:`spiders.registry` reads: a ``[settings]``
    table and ``[[boards]]`` rows; the html board's field selectors are in its
    ``[boards.selectors]`` table.

    Parameters
    ----------
    base_url : str
        The server's base URL, such as ``http://127.0.0.1:8765``.

    Returns
    -------
    str
        TOML with an optional ``[settings]`` table and one ``[[boards]]``
        row per board.
    """
    lines = [
        "# Demo boards served by vacatures.demo.server on this machine.",
        "[settings]",
        f"contact_url = {_toml(CONTACT_URL)}",
        "# The boards are served on this machine: no need to pace the requests.",
        "download_delay_s = 0.0",
        "autothrottle = false",
        "",
    ]
    for board in BOARDS:
        rows: dict[str, str | bool] = {
            "name": board.name,
            "kind": board.kind,
            "url": base_url + _start_path(board),
            "source_type": board.source_type,
            "enabled": True,
        }
        if board.kind == "jsonld":
            rows["sitemap"] = f"{base_url}{board.prefix}/sitemap.xml"
            rows.update(JSONLD_LINKS)
        if board.owner is not None:
            rows["employer"] = board.owner.name
        if board.kind == "html":
            rows.update(HTML_LINKS)
        lines.append("[[boards]]")
        lines.extend(f"{key} = {_toml(value)}" for key, value in rows.items())
        if board.kind == "html":
            lines.append("[boards.selectors]")
            lines.extend(
                f"{key} = {_toml(value)}" for key, value in HTML_SELECTORS.items()
            )
        lines.append("")
    return "\n".join(lines)


def _toml(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    # A JSON string is a valid TOML basic string.
    return json.dumps(value, ensure_ascii=False)


def _start_path(board: BoardSpec) -> str:
    return {
        "jsonld": f"{board.prefix}/vacatures",
        "xmlfeed": f"{board.prefix}/feed.xml",
        "recruitee": f"{board.prefix}/api/offers/",
        "greenhouse": f"{board.prefix}/v1/boards/{_GREENHOUSE_TOKEN}/jobs?content=true",
        "lever": f"{board.prefix}/v0/postings/{_LEVER_COMPANY}?mode=json",
        "html": f"{board.prefix}/vacatures",
    }[board.kind]


# --- shared helpers ----------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _amsterdam_offset(day: dt.date) -> str:
    """Return the UTC offset of Dutch local time on ``day`` (+01:00 or +02:00)."""
    march_end = max(
        week[calendar.SUNDAY] for week in calendar.monthcalendar(day.year, 3)
    )
    october_end = max(
        week[calendar.SUNDAY] for week in calendar.monthcalendar(day.year, 10)
    )
    summer = dt.date(day.year, 3, march_end) <= day < dt.date(day.year, 10, october_end)
    return "+02:00" if summer else "+01:00"


def _clock(posting: BoardPosting, salt: int = 0) -> tuple[int, int, int]:
    bits = posting.variant >> (salt * 5)
    return 7 + bits % 11, (bits >> 4) % 60, (bits >> 10) % 60


def _local_timestamp(posting: BoardPosting, day: dt.date, salt: int = 0) -> str:
    hour, minute, second = _clock(posting, salt)
    clock = f"{hour:02d}:{minute:02d}:{second:02d}"
    return f"{day.isoformat()}T{clock}{_amsterdam_offset(day)}"


def _utc_moment(posting: BoardPosting, day: dt.date, salt: int = 0) -> dt.datetime:
    hour, minute, second = _clock(posting, salt)
    local = dt.datetime(day.year, day.month, day.day, hour, minute, second)
    offset = 2 if _amsterdam_offset(day) == "+02:00" else 1
    return (local - dt.timedelta(hours=offset)).replace(tzinfo=dt.UTC)


def _page(title: str, body: str, *, head: str = "", lang: str = "nl") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n{head}</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _bad_date(posting: BoardPosting) -> str:
    return ("onbekend", "31-02-2026", "volgende week", "2026-13-45")[
        posting.variant % 4
    ]


def _bad_postal_code(posting: BoardPosting) -> str:
    return ("35111", "0512 AB", "3511 A", "AB 3511")[posting.variant % 4]


def _postal_code(posting: BoardPosting) -> str:
    if posting.defect == "bad_postal_code":
        return _bad_postal_code(posting)
    return posting.vacancy.postal_code


def _salary(posting: BoardPosting) -> tuple[float, float, str] | None:
    salary = posting.vacancy.salary
    if salary is None:
        return None
    low, high, period = salary
    if posting.defect == "salary_inverted":
        return high, low, period
    return low, high, period


def _modified(postings: list[BoardPosting], board: str, night: Night) -> dt.date:
    dates = [p.modified for p in postings]
    return max([night.board_changed[board], *dates])


_SECTOR_LABEL = {
    "zorg": "Zorg",
    "welzijn": "Welzijn",
    "logistiek": "Logistiek",
    "techniek": "Techniek",
    "productie": "Productie",
    "ict": "ICT",
    "onderwijs": "Onderwijs",
    "horeca": "Horeca",
    "retail": "Retail",
    "bouw": "Bouw",
    "administratie": "Administratie",
    "finance": "Financiën",
    "marketing": "Marketing en communicatie",
    "schoonmaak": "Schoonmaak",
    "beveiliging": "Beveiliging",
    "overheid": "Overheid",
}


def _sector(v: Vacancy) -> str:
    return _SECTOR_LABEL[v.occupation.sector]


def _robots(base_url: str) -> str:
    jsonld = _BOARD["jsonld"].prefix
    return (
        "# Demo job boards of the vacatures project.\n"
        "User-agent: *\n"
        f"Disallow: {jsonld}/zoeken\n"
        f"Disallow: {jsonld}/intern/\n"
        "Allow: /\n"
        "\n"
        f"Sitemap: {base_url}{jsonld}/sitemap.xml\n"
    )


def _index(base_url: str) -> str:
    items = "".join(
        f'<li><a href="{_e(_start_path(b))}">{_e(b.label)}</a> '
        f"({_e(b.kind)}, {_e(b.source_type)})</li>"
        for b in BOARDS
    )
    return _page(
        "Demo-vacaturesites",
        f"<h1>Demo-vacaturesites</h1><ul>{items}</ul>"
        f'<p><a href="/robots.txt">robots.txt</a></p>',
    )


def _detail_html(board: BoardSpec, posting: BoardPosting, base_url: str) -> str:
    """Render the page of a posting whose board is read through a feed or API."""
    canonical = f'<link rel="canonical" href="{_e(base_url + posting.path)}">\n'
    body = (
        f'<header><a href="{_e(board.prefix)}/">{_e(board.label)}</a></header>\n'
        f"<main><h1>{_e(posting.title)}</h1>\n"
        f"<p>{_e(posting.employer_name)} - {_e(posting.location)}</p>\n"
        f"<div>{posting.description_html}</div></main>"
    )
    return _page(
        f"{posting.title} | {board.label}",
        body,
        head=canonical,
        lang=posting.vacancy.language,
    )


def _add_detail_pages(
    routes: dict[str, Route], board: BoardSpec, postings: list[BoardPosting], base: str
) -> None:
    for p in postings:
        routes[p.path] = _fixed(
            Document.make(_detail_html(board, p, base), HTML, p.modified)
        )


# --- jsonld: a national job board --------------------------------------------

_SCHEMA_EMPLOYMENT = {
    "full_time": "FULL_TIME",
    "part_time": "PART_TIME",
    "temporary": "TEMPORARY",
    "contractor": "CONTRACTOR",
    "intern": "INTERN",
}
_SCHEMA_UNIT = {"hour": "HOUR", "month": "MONTH", "year": "YEAR"}
_CREDENTIAL = {
    "hbo": "bachelor degree",
    "wo": "postgraduate degree",
}


def _job_posting(posting: BoardPosting, base_url: str, label: str) -> dict[str, object]:
    v = posting.vacancy
    variant = posting.variant
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "JobPosting"}
    if posting.title or variant % 2:
        data["title"] = posting.title
    data["description"] = posting.description_html
    data["identifier"] = {
        "@type": "PropertyValue",
        "name": label,
        "value": posting.external_id,
    }
    if posting.defect == "bad_date":
        data["datePosted"] = _bad_date(posting)
    elif variant % 3 == 0:
        data["datePosted"] = _local_timestamp(posting, posting.date_posted)
    else:
        data["datePosted"] = posting.date_posted.isoformat()
    valid = posting.valid_through
    data["validThrough"] = (
        f"{valid.isoformat()}T23:59:59{_amsterdam_offset(valid)}"
        if variant % 5
        else valid.isoformat()
    )
    employment = _SCHEMA_EMPLOYMENT[v.employment_type]
    if v.employment_type != "temporary" and v.hours[0] < 32 <= v.hours[1]:
        data["employmentType"] = ["FULL_TIME", "PART_TIME"]
    else:
        data["employmentType"] = employment
    organisation: dict[str, object] = {
        "@type": "Organization",
        "name": posting.employer_name,
    }
    data["hiringOrganization"] = organisation
    address: dict[str, object] = {"@type": "PostalAddress"}
    if variant % 7:
        address["streetAddress"] = v.street
    address["postalCode"] = _postal_code(posting)
    address["addressLocality"] = v.place.name
    address["addressRegion"] = v.place.province
    address["addressCountry"] = (
        "NL" if variant % 6 else {"@type": "Country", "name": "NL"}
    )
    data["jobLocation"] = {"@type": "Place", "address": address}
    if v.workplace == "remote":
        data["jobLocationType"] = "TELECOMMUTE"
    salary = _salary(posting)
    if salary is not None:
        low, high, period = salary
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": low,
                "maxValue": high,
                "unitText": _SCHEMA_UNIT[period],
            },
        }
    if v.education in _CREDENTIAL and variant % 2:
        data["educationRequirements"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": _CREDENTIAL[v.education],
        }
    else:
        data["educationRequirements"] = texts.EDUCATION_LABELS[v.education].lower()
    if v.experience_years:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": v.experience_years * 12,
        }
    data["workHours"] = texts.hours_text(*v.hours, language=v.language)
    data["industry"] = _sector(v)
    data["inLanguage"] = "en" if v.language == "en" else "nl-NL"
    data["directApply"] = bool(variant % 3)
    data["url"] = base_url + posting.path
    return data


def _breadcrumbs(
    posting: BoardPosting, base_url: str, prefix: str
) -> dict[str, object]:
    crumbs = [
        ("Home", f"{base_url}{prefix}/"),
        ("Vacatures", f"{base_url}{prefix}/vacatures"),
        (posting.title or "Vacature", base_url + posting.path),
    ]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def _ld_script(data: object) -> str:
    # "</" would end the script element early; JSON allows escaping the slash.
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _jsonld_blocks(posting: BoardPosting, base_url: str, board: BoardSpec) -> str:
    job = _job_posting(posting, base_url, board.label)
    crumbs = _breadcrumbs(posting, base_url, board.prefix)
    form = (posting.variant >> 8) % 4
    if form == 0:
        return _ld_script(job)
    if form == 1:
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "WebSite",
                    "name": board.label,
                    "url": f"{base_url}{board.prefix}/",
                },
                {k: v for k, v in job.items() if k != "@context"},
            ],
        }
        return _ld_script(graph)
    if form == 2:
        return _ld_script([crumbs, job])
    return _ld_script(crumbs) + _ld_script(job)


def _jsonld_detail(posting: BoardPosting, base_url: str, board: BoardSpec) -> str:
    head = (
        f'<link rel="canonical" href="{_e(base_url + posting.path)}">\n'
        f'<meta name="description" content="{_e(posting.title)} bij '
        f'{_e(posting.employer_name)} in {_e(posting.vacancy.place.name)}">\n'
        + _jsonld_blocks(posting, base_url, board)
    )
    prefix = board.prefix
    body = (
        f'<header><a href="{prefix}/">{_e(board.label)}</a></header>\n'
        f'<nav class="kruimelpad"><a href="{prefix}/">Home</a> &rsaquo; '
        f'<a href="{prefix}/vacatures">Vacatures</a></nav>\n'
        f'<main><article class="vacature">\n<h1>{_e(posting.title)}</h1>\n'
        f'<p class="meta"><span class="werkgever">{_e(posting.employer_name)}</span> '
        f'&middot; <span class="plaats">{_e(posting.location)}</span></p>\n'
        f'<div class="omschrijving">{posting.description_html}</div>\n'
        f'<p><a class="solliciteer" href="#solliciteren">Solliciteer direct</a></p>\n'
        f"</article></main>"
    )
    title = f"{posting.title or 'Vacature'} bij {posting.employer_name} | {board.label}"
    return _page(title, body, head=head, lang=posting.vacancy.language)


def _listing_item(posting: BoardPosting, prefix: str) -> str:
    href = f"{posting.path}?utm_source=banenbank&amp;utm_medium=lijst"
    search = f"{prefix}/zoeken?beroep={posting.vacancy.occupation.key}"
    css = "vacature intern" if posting.vacancy.is_internal else "vacature"
    return (
        f'<li class="{css}"><a class="vacature-link" href="{href}">'
        f"{_e(posting.title or 'Vacature')}</a> "
        f'<span class="werkgever">{_e(posting.employer_name)}</span> '
        f'<span class="plaats">{_e(posting.location)}</span> '
        f'<a class="vergelijkbaar" href="{_e(search)}">Vergelijkbare vacatures</a></li>'
    )


def _listing_pages(
    postings: list[BoardPosting],
    internal: list[BoardPosting],
    board: BoardSpec,
    base_url: str,
    modified: dt.date,
) -> dict[str, Document]:
    prefix = board.prefix
    size = LISTING_PAGE_SIZE
    count = max(1, -(-len(postings) // size))
    pages: dict[str, Document] = {}
    for number in range(1, count + 1):
        chunk = postings[(number - 1) * size : number * size]
        items = [_listing_item(p, prefix) for p in chunk]
        if number <= len(internal):
            items.insert(
                min(5, len(items)), _listing_item(internal[number - 1], prefix)
            )
        url = f"{prefix}/vacatures" + (f"?pagina={number}" if number > 1 else "")
        head = f'<link rel="canonical" href="{_e(base_url + url)}">\n'
        nav = []
        if number > 1:
            prev = f"{prefix}/vacatures" + (
                f"?pagina={number - 1}" if number > 2 else ""
            )
            head += f'<link rel="prev" href="{_e(prev)}">\n'
            nav.append(f'<a rel="prev" href="{_e(prev)}">Vorige</a>')
        if number < count:
            following = f"{prefix}/vacatures?pagina={number + 1}"
            head += f'<link rel="next" href="{_e(following)}">\n'
            nav.append(
                f'<a rel="next" class="volgende" href="{_e(following)}">Volgende</a>'
            )
        body = (
            f'<header><a href="{prefix}/">{_e(board.label)}</a>'
            f'<form action="{prefix}/zoeken" method="get">'
            f'<input name="q" placeholder="Functie of trefwoord"><button>Zoek</button>'
            f"</form></header>\n<main><h1>Vacatures</h1>\n"
            f"<p>{len(postings)} vacatures, pagina {number} van {count}</p>\n"
            f'<ol class="vacatures">\n' + "\n".join(items) + "\n</ol>\n"
            f'<nav class="paginering">{" ".join(nav)}</nav></main>'
        )
        pages[str(number)] = Document.make(
            _page(f"Vacatures - pagina {number} | {board.label}", body, head=head),
            HTML,
            modified,
        )
    return pages


def _sitemap(postings: list[BoardPosting], base_url: str) -> str:
    urls = "".join(
        f"<url><loc>{_e(base_url + p.path)}</loc>"
        f"<lastmod>{p.modified.isoformat()}</lastmod></url>\n"
        for p in sorted(postings, key=lambda p: p.path)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    )


def _search_route(
    postings: list[BoardPosting], board: BoardSpec, modified: dt.date
) -> Route:
    by_occupation: dict[str, list[BoardPosting]] = {}
    for p in postings:
        by_occupation.setdefault(p.vacancy.occupation.key, []).append(p)

    def route(query: Query) -> Document:
        key = query.get("beroep", [""])[0]
        found = by_occupation.get(key, [])
        items = "".join(_listing_item(p, board.prefix) for p in found)
        body = f'<h1>Zoekresultaten</h1><ol class="vacatures">{items}</ol>'
        return Document.make(_page(f"Zoeken | {board.label}", body), HTML, modified)

    return route


def _jsonld_board(routes: dict[str, Route], night: Night, base_url: str) -> None:
    board = _BOARD["jsonld"]
    postings = night.postings_of(board.name)
    internal = [p for p in night.internal if p.board.name == board.name]
    modified = _modified(postings, board.name, night)
    prefix = board.prefix
    for p in postings + internal:
        routes[p.path] = _fixed(
            Document.make(_jsonld_detail(p, base_url, board), HTML, p.modified)
        )
    pages = _listing_pages(postings, internal, board, base_url, modified)
    routes[f"{prefix}/vacatures"] = _paged(pages, "pagina")
    home = _page(
        board.label,
        f"<h1>{_e(board.label)}</h1>"
        f'<p><a href="{prefix}/vacatures">Alle vacatures</a></p>',
    )
    routes[f"{prefix}/"] = _fixed(Document.make(home, HTML, modified))
    routes[f"{prefix}/sitemap.xml"] = _fixed(
        Document.make(_sitemap(postings, base_url), XML, modified)
    )
    routes[f"{prefix}/zoeken"] = _search_route(postings, board, modified)


# --- xmlfeed: an aggregator's Indeed-style feed ------------------------------

_JOBTYPE = {
    "full_time": "fulltime",
    "part_time": "parttime",
    "temporary": "temporary",
    "contractor": "contract",
    "intern": "internship",
}


def _cdata(tag: str, text: str) -> str:
    return f"<{tag}><![CDATA[{text}]]></{tag}>"


def _xml_job(posting: BoardPosting, base_url: str) -> str:
    v = posting.vacancy
    url = f"{base_url}{posting.path}?utm_source=vacaturestroom&utm_medium=feed"
    if posting.defect == "bad_date":
        date = _bad_date(posting)
    else:
        moment = _utc_moment(posting, posting.date_posted)
        date = email.utils.format_datetime(moment, usegmt=True)
    salary = _salary(posting)
    salary_text = (
        texts.salary_text(*salary, language=v.language, gross=False) if salary else ""
    )
    years = v.experience_years
    experience = f"{years}+ jaar" if years else "Geen ervaring vereist"
    fields = [
        _cdata("title", posting.title),
        _cdata("date", date),
        _cdata("referencenumber", posting.external_id),
        _cdata("url", url),
        _cdata("company", posting.employer_name),
        _cdata("city", v.place.name),
        _cdata("state", v.place.province),
        _cdata("country", "NL"),
        _cdata("postalcode", _postal_code(posting)),
        _cdata("streetaddress", v.street),
        _cdata("description", posting.description_html),
        _cdata("salary", salary_text),
        _cdata("education", texts.EDUCATION_LABELS[v.education]),
        _cdata("jobtype", _JOBTYPE[v.employment_type]),
        _cdata("category", _sector(v)),
        _cdata("experience", experience),
    ]
    return "<job>\n" + "\n".join(fields) + "\n</job>\n"


def _xml_feed(routes: dict[str, Route], night: Night, base_url: str) -> None:
    board = _BOARD["xmlfeed"]
    postings = night.postings_of(board.name)
    modified = _modified(postings, board.name, night)
    build = dt.datetime(modified.year, modified.month, modified.day, 3, tzinfo=dt.UTC)
    feed = (
        '<?xml version="1.0" encoding="utf-8"?>\n<source>\n'
        f"<publisher>{_e(board.label)}</publisher>\n"
        f"<publisherurl>{_e(base_url + board.prefix)}/</publisherurl>\n"
        f"<lastBuildDate>{email.utils.format_datetime(build, usegmt=True)}"
        "</lastBuildDate>\n"
        + "".join(_xml_job(p, base_url) for p in postings)
        + "</source>\n"
    )
    routes[f"{board.prefix}/feed.xml"] = _fixed(Document.make(feed, XML, modified))
    home = _page(
        board.label,
        f'<h1>{_e(board.label)}</h1><p><a href="{board.prefix}/feed.xml">Feed</a></p>',
    )
    routes[f"{board.prefix}/"] = _fixed(Document.make(home, HTML, modified))
    _add_detail_pages(routes, board, postings, base_url)


# --- recruitee: the staffing agency ------------------------------------------

_RECRUITEE_EMPLOYMENT = {
    ("full_time", "permanent"): "fulltime_permanent",
    ("full_time", "fixed"): "fulltime_fixed_term",
    ("part_time", "permanent"): "parttime_permanent",
    ("part_time", "fixed"): "parttime_fixed_term",
}
_RECRUITEE_EDUCATION = {
    "vmbo": "high_school",
    "havo": "high_school",
    "vwo": "high_school",
    "mbo": "vocational",
    "mbo-1": "vocational",
    "mbo-2": "vocational",
    "mbo-3": "vocational",
    "mbo-4": "vocational",
    "hbo": "bachelor_degree",
    "wo": "master_degree",
}


def _recruitee_experience(years: int) -> str:
    if years == 0:
        return "entry_level"
    return "mid_level" if years < 5 else "experienced"


def _recruitee_time(posting: BoardPosting, day: dt.date, salt: int = 0) -> str:
    return _utc_moment(posting, day, salt).strftime("%Y-%m-%d %H:%M:%S UTC")


def _split(
    posting: BoardPosting, parts: set[str]
) -> tuple[list[texts.Section], list[texts.Section]]:
    inside = [s for s in posting.sections if s.part in parts]
    outside = [s for s in posting.sections if s.part not in parts]
    return inside, outside


def _recruitee_offer(
    posting: BoardPosting, base_url: str, position: int
) -> dict[str, object]:
    v = posting.vacancy
    requirements, description = _split(posting, {"profile"})
    description_html = texts.sections_html(description)
    requirements_html = texts.sections_html(requirements)
    employment = _RECRUITEE_EMPLOYMENT.get((v.employment_type, v.contract), "temporary")
    salary = _salary(posting)
    salary_field: dict[str, object] = {
        "min": None,
        "max": None,
        "period": None,
        "currency": None,
    }
    if salary is not None:
        low, high, period = salary
        salary_field = {
            "min": f"{low:.2f}",
            "max": f"{high:.2f}",
            "period": period,
            "currency": "EUR",
        }
    postal = _postal_code(posting)
    url = base_url + posting.path
    created = _recruitee_time(posting, posting.date_posted)
    return {
        "id": posting.number,
        "slug": posting.path.rsplit("/", 1)[1],
        "position": position,
        "status": "published",
        "title": posting.title,
        "description": description_html,
        "requirements": requirements_html,
        "location": posting.location,
        "city": v.place.name,
        "country": "Netherlands",
        "country_code": "NL",
        "state_name": v.place.province,
        "state_code": v.place.province_code,
        "postal_code": postal,
        "remote": v.workplace == "remote",
        "hybrid": v.workplace == "hybrid",
        "on_site": v.workplace == "onsite",
        "employment_type_code": employment,
        "category_code": v.occupation.sector,
        "department": _sector(v),
        "education_code": _RECRUITEE_EDUCATION[v.education],
        "experience_code": _recruitee_experience(v.experience_years),
        "min_hours": v.hours[0],
        "max_hours": v.hours[1],
        "salary": salary_field,
        "created_at": created,
        "published_at": created,
        "updated_at": _recruitee_time(posting, posting.modified, 1),
        "close_at": None,
        "careers_url": url,
        "careers_apply_url": f"{url}/c/new",
        "company_name": posting.employer_name,
        "tags": [
            _sector(v),
            "Uitzenden" if v.contract == "temporary" else "Detachering",
        ],
        "primary_lang_code": v.language,
        "translations": {
            v.language: {
                "title": posting.title,
                "description": description_html,
                "requirements": requirements_html,
            }
        },
        "locations": [
            {
                "id": 30_000 + v.place.first_code,
                "name": v.place.name,
                "city": v.place.name,
                "street": v.street,
                "postal_code": postal,
                "state": v.place.province,
                "state_code": v.place.province_code,
                "country": "Netherlands",
                "country_code": "NL",
            }
        ],
        "open_questions": [],
        "options_cv": "required",
        "options_cover_letter": "optional",
    }


def _recruitee(routes: dict[str, Route], night: Night, base_url: str) -> None:
    board = _BOARD["recruitee"]
    postings = night.postings_of(board.name)
    modified = _modified(postings, board.name, night)
    offers = [_recruitee_offer(p, base_url, i) for i, p in enumerate(postings)]
    api = Document.make(
        json.dumps({"offers": offers}, ensure_ascii=False), JSON, modified
    )
    routes[f"{board.prefix}/api/offers/"] = _fixed(api)
    routes[f"{board.prefix}/api/offers"] = _fixed(api)
    home = _page(
        "Werken via Flexkracht",
        "<h1>Vacatures bij Flexkracht</h1><ul>"
        + "".join(
            f'<li><a href="{_e(p.path)}">{_e(p.title)}</a></li>' for p in postings
        )
        + "</ul>",
    )
    routes[f"{board.prefix}/"] = _fixed(Document.make(home, HTML, modified))
    _add_detail_pages(routes, board, postings, base_url)


# --- greenhouse: an employer's job board API ---------------------------------

_GREENHOUSE_DEPARTMENTS = {
    "ict": (4_012_001, "Engineering"),
    "finance": (4_012_002, "Finance & Risk"),
    "marketing": (4_012_003, "Marketing"),
    "administratie": (4_012_004, "Operations"),
}
_GREENHOUSE_PERIOD = {"hour": "Hourly", "month": "Monthly", "year": "Yearly"}


def _greenhouse_job(
    posting: BoardPosting, base_url: str, *, content: bool
) -> dict[str, object]:
    v = posting.vacancy
    metadata: list[dict[str, object]] = [
        {
            "id": 8_101_001,
            "name": "Employment Type",
            "value": {"full_time": "Full-time", "part_time": "Part-time"}.get(
                v.employment_type, "Temporary"
            ),
            "value_type": "single_select",
        },
        {
            "id": 8_101_002,
            "name": "Hours per week",
            "value": f"{v.hours[0]}-{v.hours[1]}",
            "value_type": "short_text",
        },
    ]
    salary = _salary(posting)
    if salary is not None:
        low, high, period = salary
        metadata.append(
            {
                "id": 8_101_003,
                "name": "Salary Range",
                "value": {
                    "unit": "EUR",
                    "min_value": f"{low:.1f}",
                    "max_value": f"{high:.1f}",
                },
                "value_type": "currency_range",
            }
        )
        metadata.append(
            {
                "id": 8_101_004,
                "name": "Salary Period",
                "value": _GREENHOUSE_PERIOD[period],
                "value_type": "single_select",
            }
        )
    job: dict[str, object] = {
        "absolute_url": base_url + posting.path,
        "data_compliance": [
            {
                "type": "gdpr",
                "requires_consent": False,
                "requires_processing_consent": False,
                "requires_retention_consent": False,
                "retention_period": None,
            }
        ],
        "internal_job_id": 2_000_000 + v.serial % 1_000_000,
        "location": {"name": posting.location},
        "metadata": metadata,
        "id": posting.number,
        "updated_at": _local_timestamp(posting, posting.modified, 1),
        "requisition_id": f"KWB-{v.serial % 100_000:05d}",
        "title": posting.title,
        "company_name": posting.employer_name,
        "first_published": _local_timestamp(posting, posting.date_posted),
        "language": v.language,
    }
    if content:
        department_id, department = _GREENHOUSE_DEPARTMENTS.get(
            v.occupation.sector, (4_012_009, "Operations")
        )
        job["content"] = html.escape(posting.description_html, quote=True)
        job["departments"] = [
            {
                "id": department_id,
                "name": department,
                "child_ids": [],
                "parent_id": None,
            }
        ]
        job["offices"] = [
            {
                "id": 4_020_000 + v.place.first_code,
                "name": v.place.name,
                "location": f"{v.place.name}, Netherlands",
                "child_ids": [],
                "parent_id": None,
            }
        ]
    return job


def _greenhouse(routes: dict[str, Route], night: Night, base_url: str) -> None:
    board = _BOARD["greenhouse"]
    postings = night.postings_of(board.name)
    modified = _modified(postings, board.name, night)
    listings: dict[bool, Document] = {}
    for content in (False, True):
        jobs = [_greenhouse_job(p, base_url, content=content) for p in postings]
        body = json.dumps(
            {"jobs": jobs, "meta": {"total": len(jobs)}}, ensure_ascii=False
        )
        listings[content] = Document.make(body, JSON, modified)

    def jobs_route(query: Query) -> Document:
        wanted = query.get("content", ["false"])[0].lower() == "true"
        return listings[wanted]

    api = f"{board.prefix}/v1/boards/{_GREENHOUSE_TOKEN}/jobs"
    routes[api] = jobs_route
    for p in postings:
        one = json.dumps(_greenhouse_job(p, base_url, content=True), ensure_ascii=False)
        routes[f"{api}/{p.number}"] = _fixed(Document.make(one, JSON, p.modified))
    home = _page(
        "Careers at Kwadraat",
        "<h1>Werken bij Kwadraat</h1><ul>"
        + "".join(
            f'<li><a href="{_e(p.path)}">{_e(p.title)}</a></li>' for p in postings
        )
        + "</ul>",
        lang="en",
    )
    routes[f"{board.prefix}/"] = _fixed(Document.make(home, HTML, modified))
    _add_detail_pages(routes, board, postings, base_url)


# --- lever: another employer's postings API ----------------------------------

_LEVER_INTERVAL = {
    "hour": "per-hour-wage",
    "month": "per-month-salary",
    "year": "per-year-salary",
}
_LEVER_COMMITMENT = {
    "full_time": "Fulltime",
    "part_time": "Parttime",
    "temporary": "Tijdelijk",
}
_LEVER_WORKPLACE = {"onsite": "onsite", "hybrid": "hybrid", "remote": "remote"}


def _lever_html(sections: list[texts.Section]) -> str:
    return "".join(
        f"<div>{texts.sections_html([s])}</div>"
        for s in sections
        if s.paragraphs or s.bullets
    )


def _lever_posting(posting: BoardPosting, base_url: str) -> dict[str, object]:
    v = posting.vacancy
    opening = [s for s in posting.sections if s.part == "about"]
    work = [s for s in posting.sections if s.part == "work"]
    body = [texts.Section("work", paragraphs=s.paragraphs) for s in work]
    lists = [s for s in posting.sections if s.part in {"work", "profile"} and s.bullets]
    rest = [s for s in posting.sections if s.part in {"offer", "closing", "note"}]
    opening_html = _lever_html(opening)
    body_html = _lever_html(body)
    url = base_url + posting.path
    created = _utc_moment(posting, posting.date_posted)
    data: dict[str, object] = {
        "additionalPlain": texts.sections_text(rest),
        "additional": _lever_html(rest),
        "categories": {
            "commitment": _LEVER_COMMITMENT[v.employment_type],
            "department": _sector(v),
            "location": posting.location,
            "team": v.occupation.titles[0],
            "allLocations": [posting.location],
        },
        "createdAt": int(created.timestamp() * 1000),
        "descriptionPlain": texts.sections_text(opening + body),
        "description": opening_html + body_html,
        "id": posting.external_id,
        "lists": [
            {
                "text": s.heading,
                "content": "".join(
                    f"<li>{html.escape(b[:1].upper() + b[1:], quote=False)}</li>"
                    for b in s.bullets
                ),
            }
            for s in lists
        ],
        "text": posting.title,
        "country": "NL",
        "workplaceType": _LEVER_WORKPLACE[v.workplace],
        "opening": opening_html,
        "openingPlain": texts.sections_text(opening),
        "descriptionBody": body_html,
        "descriptionBodyPlain": texts.sections_text(body),
        "hostedUrl": url,
        "applyUrl": f"{url}/apply",
    }
    salary = _salary(posting)
    if salary is not None:
        low, high, period = salary
        data["salaryRange"] = {
            "currency": "EUR",
            "interval": _LEVER_INTERVAL[period],
            "min": low,
            "max": high,
        }
    return data


def _lever(routes: dict[str, Route], night: Night, base_url: str) -> None:
    board = _BOARD["lever"]
    postings = night.postings_of(board.name)
    modified = _modified(postings, board.name, night)
    records = [_lever_posting(p, base_url) for p in postings]
    whole = Document.make(json.dumps(records, ensure_ascii=False), JSON, modified)

    def postings_route(query: Query) -> Document | None:
        skip_text = query.get("skip", ["0"])[0]
        limit_text = query.get("limit", [""])[0]
        if not skip_text.isdigit() or not (limit_text == "" or limit_text.isdigit()):
            return None
        skip = int(skip_text)
        if skip == 0 and limit_text == "":
            return whole
        end = skip + int(limit_text) if limit_text else None
        part = json.dumps(records[skip:end], ensure_ascii=False)
        return Document.make(part, JSON, modified)

    routes[f"{board.prefix}/v0/postings/{_LEVER_COMPANY}"] = postings_route
    for p in postings:
        page = _detail_html(board, p, base_url)
        routes[p.path] = _fixed(Document.make(page, HTML, p.modified))
        apply = _page(f"Solliciteer: {p.title}", f"<h1>Solliciteer: {_e(p.title)}</h1>")
        routes[f"{p.path}/apply"] = _fixed(Document.make(apply, HTML, p.modified))
    home = _page(
        "Snelpost vacatures",
        "<h1>Werken bij Snelpost</h1><ul>"
        + "".join(
            f'<li><a href="{_e(p.path)}">{_e(p.title)}</a></li>' for p in postings
        )
        + "</ul>",
    )
    routes[f"{board.prefix}/"] = _fixed(Document.make(home, HTML, modified))


# --- html: a regional board without structured data --------------------------


def _html_detail(posting: BoardPosting, board: BoardSpec) -> str:
    if posting.defect == "bad_date":
        stamp, shown = _bad_date(posting), "onbekend"
    else:
        stamp = posting.date_posted.isoformat()
        shown = texts.date_text(posting.date_posted)
    body = (
        f'<div class="kop"><a href="{board.prefix}/vacatures">'
        f"{_e(board.label)}</a></div>\n"
        '<article class="vacature">\n'
        f'<h1 class="functietitel">{_e(posting.title)}</h1>\n'
        f'<div class="kenmerken">Werkgever: <span class="werkgever">'
        f"{_e(posting.employer_name)}</span><br>Standplaats: "
        f'<span class="standplaats">{_e(posting.location)}</span><br>Geplaatst: '
        f'<time class="geplaatst" datetime="{_e(stamp)}">{_e(shown)}</time></div>\n'
        f'<div class="omschrijving">{posting.description_html}</div>\n</article>'
    )
    return _page(f"{posting.title or 'Vacature'} - {board.label}", body)


def _html_board(routes: dict[str, Route], night: Night, base_url: str) -> None:
    board = _BOARD["html"]
    postings = night.postings_of(board.name)
    modified = _modified(postings, board.name, night)
    size = LISTING_PAGE_SIZE
    count = max(1, -(-len(postings) // size))
    pages: dict[str, Document] = {}
    for number in range(1, count + 1):
        chunk = postings[(number - 1) * size : number * size]
        items = "\n".join(
            f'<li><a class="vacature-titel" href="{_e(p.path)}">'
            f"{_e(p.title or 'Vacature')}</a> - {_e(p.employer_name)}, "
            f"{_e(p.location)}</li>"
            for p in chunk
        )
        following = (
            f'<a class="volgende" href="{board.prefix}/vacatures?p={number + 1}">'
            "Volgende &raquo;</a>"
            if number < count
            else ""
        )
        body = (
            f'<h1>Vacatures in de regio</h1>\n<ul class="vacatures">\n{items}\n</ul>\n'
            f'<div class="bladeren">{following}</div>'
        )
        pages[str(number)] = Document.make(
            _page(f"Vacatures - {board.label}", body), HTML, modified
        )
    routes[f"{board.prefix}/vacatures"] = _paged(pages, "p")
    routes[f"{board.prefix}/"] = _paged(pages, "p")
    for p in postings:
        routes[p.path] = _fixed(Document.make(_html_detail(p, board), HTML, p.modified))

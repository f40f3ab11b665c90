"""Trainings towards occupations: read catalogues and pages, list them per vacancy.

A training comes from a CSV or JSON catalogue (see ``docs/enrichment.md``) or
from a page that describes it with schema.org ``EducationalOccupationalProgram``
or ``Course`` markup in JSON-LD. Extraction (:func:`extract_trainings`) is a
pure function of a page; :func:`fetch_pages` fetches a short list of pages
politely over HTTP. :func:`choose_trainings` lists, per vacancy, the trainings
that lead to its occupation: those in the vacancy's province or given
nationwide first, then by the chance of a job afterwards.
"""

from __future__ import annotations

import json
import logging
import re
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import pandas as pd

from transforms.enrich.catalogue import (
    first_value,
    parse_duration_seconds,
    read_records,
    split_values,
    stable_id,
)
from transforms.enrich.occupations import OccupationIndex, match_occupations

__all__ = [
    "TRAINING_COLUMNS",
    "TRAINING_LEVELS",
    "TrainingCatalogue",
    "choose_trainings",
    "extract_trainings",
    "fetch_pages",
    "parse_job_chance",
    "parse_level",
    "parse_region",
    "parse_weeks",
    "read_training_catalogue",
    "read_training_pages",
]

log = logging.getLogger(__name__)

#: Levels of a training: Dutch vocational (mbo) levels, higher professional
#: (hbo) and university (wo) education, and short courses.
TRAINING_LEVELS: tuple[str, ...] = (
    "mbo-1",
    "mbo-2",
    "mbo-3",
    "mbo-4",
    "hbo",
    "wo",
    "course",
)
TRAINING_COLUMNS = [
    "training_id",
    "name",
    "provider",
    "level",
    "description",
    "region",
    "url",
    "video_url",
    "source",
    "duration_weeks",
    "job_chance_pct",
]
LINK_COLUMNS = ["training_id", "occupation_code", "isco08", "esco_uri"]
_PROGRAM_TYPES = frozenset(
    {"EducationalOccupationalProgram", "Course", "WorkBasedProgram"}
)
_NATIONWIDE = frozenset(
    {"", "landelijk", "nederland", "heel nederland", "online", "nl", "nationaal"}
)
_MBO = re.compile(r"\bmbo[\s-]*(?:niveau\s*)?([1-4])\b|\bniveau\s*([1-4])\b", re.I)
_WEEKS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(jaar|jaren|years?|maanden|maand|months?|weken|week|"
    r"weeks?|dagen|dag|days?)\b",
    re.IGNORECASE,
)
_WEEKS_PER = {"j": 52.0, "y": 52.0, "m": 4.345, "w": 1.0, "d": 1 / 7}
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%?")
_JOB_CHANCE_NAMES = re.compile(
    r"kans op (?:werk|een baan)|baankans|arbeidsmarkt|job ?placement|"
    r"employment rate|jobchance|job_chance",
    re.IGNORECASE,
)
_MAX_DEPTH = 6


@dataclass
class TrainingCatalogue:
    """Trainings read from one source, their occupations and what was dropped."""

    trainings: pd.DataFrame
    links: pd.DataFrame
    dropped: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.dropped = +Counter(self.dropped)

    def __repr__(self) -> str:
        return (
            f"TrainingCatalogue(trainings={len(self.trainings):,}, "
            f"links={len(self.links):,}, dropped={dict(self.dropped)})"
        )


def parse_level(text: str | None) -> str | None:
    """Read a training's level from how providers write it.

    Parameters
    ----------
    text : str or None
        Such as ``"MBO niveau 4"``, ``"hbo-bachelor"``, ``"Associate degree"``,
        ``"wo master"`` or ``"korte cursus"``.

    Returns
    -------
    str or None
        One of :data:`TRAINING_LEVELS`, or ``None`` when the text names none.

    Examples
    --------
    >>> [parse_level(t) for t in ("MBO niveau 4", "mbo-2", "Ad", "WO master", "?")]
    ['mbo-4', 'mbo-2', 'hbo', 'wo', None]
    """
    if not text:
        return None
    lowered = text.strip().lower()
    if lowered in TRAINING_LEVELS:
        return lowered
    mbo = _MBO.search(lowered)
    if mbo:
        return f"mbo-{mbo.group(1) or mbo.group(2)}"
    words = set(re.findall(r"[a-z]+", lowered))
    if words & {"wo", "universiteit", "university", "universitair", "master", "msc"}:
        return "wo"
    if words & {"hbo", "hogeschool", "bachelor", "ad", "associate", "bsc"}:
        return "hbo"
    if words & {"cursus", "course", "training", "certificaat", "mooc", "workshop"}:
        return "course"
    return None


def parse_weeks(value: object) -> float | None:
    """Read a training's duration in weeks.

    Parameters
    ----------
    value : object
        Weeks as a number, ISO 8601 (``P2Y``, ``P6M``), or Dutch or English
        text (``"2 jaar"``, ``"6 maanden"``, ``"12 weeks"``).

    Returns
    -------
    float or None
        Weeks, rounded to one decimal; ``None`` when not a duration.

    Examples
    --------
    >>> [parse_weeks(v) for v in (12, "2 jaar", "6 maanden", "P10W", "flexibel")]
    [12.0, 104.0, 26.1, 10.0, None]
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float):
        return round(float(value), 1) if value >= 0 else None
    text = str(value).strip()
    if not text:
        return None
    try:
        return round(max(float(text.replace(",", ".")), 0.0), 1)
    except ValueError:
        pass
    if text.upper().startswith("P"):
        seconds = parse_duration_seconds(text)
        return None if seconds is None else round(seconds / (7 * 86400), 1)
    found = _WEEKS.search(text)
    if found is None:
        return None
    amount = float(found.group(1).replace(",", "."))
    return round(amount * _WEEKS_PER[found.group(2)[0].lower()], 1)


def parse_job_chance(value: object) -> float | None:
    """Read the chance of a job after a training as a percentage.

    Parameters
    ----------
    value : object
        A number from 0 to 100, or text such as ``"85%"``.

    Returns
    -------
    float or None
        The percentage; ``None`` when empty or outside 0 to 100.

    Examples
    --------
    >>> [parse_job_chance(v) for v in (85, "72,5 %", "120", "goed")]
    [85.0, 72.5, None, None]
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        found = _PERCENT.search(str(value))
        if found is None:
            return None
        number = float(found.group(1).replace(",", "."))
    return number if 0.0 <= number <= 100.0 else None


def parse_region(text: str | None) -> str | None:
    """Return the province a training is given in; ``None`` for nationwide.

    Parameters
    ----------
    text : str or None
        A province, a place (``"Amersfoort"``) or ``"landelijk"``/``"online"``.

    Returns
    -------
    str or None
        The province's official name, or ``None`` when the training is given
        nationwide or the place is unknown.

    Examples
    --------
    >>> parse_region("Amersfoort"), parse_region("Friesland"), parse_region("online")
    ('Utrecht', 'Fryslân', None)
    """
    from transforms.geo import parse_location

    if text is None or text.strip().lower() in _NATIONWIDE:
        return None
    return parse_location(text).province


def _training_row(
    record: dict[str, Any], source: str, dropped: Counter[str]
) -> dict[str, Any] | None:
    name = first_value(record, "name", "naam", "title")
    if not name:
        dropped["no_name"] += 1
        return None
    url = first_value(record, "url")
    if url and urlsplit(url).scheme not in ("http", "https"):
        dropped["bad_url"] += 1
        return None
    level_text = first_value(record, "level", "niveau")
    level = parse_level(level_text)
    if level_text and level is None:
        log.debug("trainings: level %r of %r not understood", level_text, name)
    provider = first_value(record, "provider", "aanbieder")
    return {
        "training_id": stable_id("t", url or "", provider or "", name),
        "name": name,
        "provider": provider,
        "level": level,
        "description": first_value(
            record, "description", "teaches", "omschrijving", "leerstof"
        ),
        "region": parse_region(first_value(record, "region", "regio")),
        "url": url,
        "video_url": first_value(record, "video_url", "video"),
        "source": source,
        "duration_weeks": parse_weeks(record.get("duration_weeks"))
        if record.get("duration_weeks") not in (None, "")
        else parse_weeks(first_value(record, "duration", "duur")),
        "job_chance_pct": parse_job_chance(
            first_value(record, "job_chance_pct", "job_chance", "kans_op_werk")
        ),
    }


def _catalogue(
    rows: list[tuple[dict[str, Any], list[str]]],
    index: OccupationIndex,
    source: str,
    dropped: Counter[str],
    started: float,
) -> TrainingCatalogue:
    trainings: dict[str, dict[str, Any]] = {}
    codes: list[tuple[str, str]] = []
    for row, occupation_codes in rows:
        if not occupation_codes:
            dropped["no_occupation"] += 1
            continue
        if row["training_id"] in trainings:
            dropped["duplicate"] += 1
            continue
        trainings[row["training_id"]] = row
        codes.extend((row["training_id"], code) for code in occupation_codes)
    links, unresolved = index.resolve_all(codes)
    linked = set(links["owner"])
    dropped["unresolved_occupation"] += sum(1 for t in trainings if t not in linked)
    frame = pd.DataFrame(
        [row for key, row in trainings.items() if key in linked],
        columns=TRAINING_COLUMNS,
    )
    links = links.rename(columns={"owner": "training_id"})[LINK_COLUMNS]
    catalogue = TrainingCatalogue(frame, links.reset_index(drop=True), dropped)
    log.info(
        "trainings: %s from %s -> %s trainings towards %s occupations, dropped %s "
        "in %.1f s",
        f"{len(rows):,}",
        source,
        f"{len(frame):,}",
        f"{links['occupation_code'].nunique():,}",
        dict(sorted(catalogue.dropped.items())) or "none",
        time.perf_counter() - started,
    )
    if unresolved:
        log.info(
            "trainings: occupation codes that did not resolve: %s",
            ", ".join(sorted(set(unresolved))[:5]),
        )
    return catalogue


def read_training_catalogue(
    path: Path, index: OccupationIndex, *, source: str | None = None
) -> TrainingCatalogue:
    """Read a training catalogue in the project's CSV or JSON format.

    Parameters
    ----------
    path : pathlib.Path
        Columns ``name``, ``occupations`` and optionally ``provider``,
        ``level``, ``duration``, ``description``, ``job_chance_pct``,
        ``region``, ``url``, ``video_url``.
    index : OccupationIndex
        Resolves the occupation codes.
    source : str, optional
        The name the trainings are stored under; ``catalogue:<file stem>``
        when not given.

    Returns
    -------
    TrainingCatalogue
        Trainings, their occupations and dropped rows by reason.
    """
    started = time.perf_counter()
    records = read_records(
        Path(path), list_keys=("trainings",), what="training catalogue"
    )
    source = source or f"catalogue:{Path(path).stem}"
    dropped: Counter[str] = Counter()
    rows = []
    for record in records:
        row = _training_row(record, source, dropped)
        if row is None:
            continue
        codes = [
            code
            for key in ("occupations", "occupation", "isco08", "esco_uri", "onet_soc")
            for code in split_values(record.get(key))
        ]
        rows.append((row, codes))
    return _catalogue(rows, index, source, dropped, started)


# --- schema.org pages ------------------------------------------------------------


def _type_names(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {
        name.rsplit("/", 1)[-1].rsplit(":", 1)[-1]
        for name in kinds
        if isinstance(name, str)
    }


def _programs(node: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _programs(item, depth + 1)
    elif isinstance(node, dict):
        if _type_names(node) & _PROGRAM_TYPES:
            yield node
            return
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _programs(value, depth + 1)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        texts = [t for t in (_text(v) for v in value) if t]
        return "; ".join(texts) if texts else None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("value") or value.get("@value"))
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _occupation_codes(program: dict[str, Any]) -> list[str]:
    codes = []
    values = program.get("occupationalCategory")
    for value in values if isinstance(values, list) else [values]:
        if isinstance(value, dict):
            code = value.get("codeValue") or value.get("termCode") or value.get("url")
            code = code or value.get("@id")
        else:
            code = value
        if code is not None and str(code).strip():
            codes.append(str(code).strip())
    return codes


def _job_chance(program: dict[str, Any]) -> float | None:
    properties = program.get("additionalProperty")
    for item in properties if isinstance(properties, list) else [properties]:
        if not isinstance(item, dict):
            continue
        name = " ".join(str(item.get(key) or "") for key in ("name", "propertyID"))
        if _JOB_CHANCE_NAMES.search(name):
            return parse_job_chance(item.get("value"))
    return None


def _region(program: dict[str, Any]) -> str | None:
    for holder in (
        program.get("location"),
        program.get("areaServed"),
        (program.get("provider") or {}).get("address")
        if isinstance(program.get("provider"), dict)
        else None,
    ):
        for item in holder if isinstance(holder, list) else [holder]:
            if isinstance(item, str):
                return item
            if isinstance(item, dict):
                address = item.get("address", item)
                if isinstance(address, dict):
                    text = address.get("addressRegion") or address.get(
                        "addressLocality"
                    )
                    if text:
                        return str(text)
                if item.get("name"):
                    return str(item["name"])
    return None


def _video_url(program: dict[str, Any], base: str) -> str | None:
    for key in ("video", "subjectOf"):
        values = program.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, dict) and "VideoObject" in _type_names(value):
                url = (
                    value.get("contentUrl") or value.get("embedUrl") or value.get("url")
                )
                if url:
                    return urljoin(base, str(url))
    return None


def _duration(program: dict[str, Any]) -> object:
    for key in ("timeToComplete", "timeRequired", "duration"):
        if program.get(key):
            return program[key]
    for instance in program.get("hasCourseInstance") or []:
        if isinstance(instance, dict) and instance.get("courseWorkload"):
            return instance["courseWorkload"]
    return None


def _record_from_program(program: dict[str, Any], url: str) -> dict[str, Any]:
    return {
        "name": _text(program.get("name")),
        "provider": _text(program.get("provider")),
        "level": _text(
            program.get("educationalLevel")
            or program.get("educationalCredentialAwarded")
            or program.get("programType")
        ),
        "duration": _duration(program),
        "description": _text(program.get("teaches"))
        or _text(program.get("description")),
        "job_chance_pct": _job_chance(program),
        "region": _region(program),
        "url": urljoin(url, str(program.get("url") or url)),
        "video_url": _video_url(program, url),
        "occupations": _occupation_codes(program),
    }


def extract_trainings(body: str | bytes, url: str) -> list[dict[str, Any]]:
    """Extract the trainings a page describes in schema.org JSON-LD.

    Parameters
    ----------
    body : str or bytes
        The page's HTML.
    url : str
        Where it was fetched, to resolve relative URLs.

    Returns
    -------
    list of dict
        One record per ``EducationalOccupationalProgram``, ``Course`` or
        ``WorkBasedProgram``, with the keys of the catalogue format; the
        occupations come from ``occupationalCategory`` (a code, or a
        ``CategoryCode`` with ``codeValue``), the chance of a job from an
        ``additionalProperty`` named like "kans op werk".
    """
    if isinstance(body, bytes):
        from spiders.extract.common import decode_body

        body, _ = decode_body(body, None)
    if not body.strip():
        return []
    try:
        document = lxml.html.fromstring(body)
    except (ValueError, lxml.etree.ParserError):
        return []
    records: list[dict[str, Any]] = []
    # JSON-LD only: providers that mark programmes up as microdata or RDFa
    # give no training until those are read too.
    for script in document.xpath('//script[@type="application/ld+json"]'):
        text = (script.text or "").strip().removeprefix("<!--").removesuffix("-->")
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            log.info("trainings: unreadable JSON-LD block on %s", url)
            continue
        records.extend(_record_from_program(p, url) for p in _programs(data))
    return records


def read_training_pages(
    pages: Iterable[tuple[str, bytes]], index: OccupationIndex, *, source: str
) -> TrainingCatalogue:
    """Build a training catalogue from fetched pages.

    Parameters
    ----------
    pages : iterable of (str, bytes)
        URL and body of each page.
    index : OccupationIndex
        Resolves the occupation codes.
    source : str
        The name the trainings are stored under.

    Returns
    -------
    TrainingCatalogue
        The trainings found; pages without one count as ``no_training_on_page``.
    """
    started = time.perf_counter()
    dropped: Counter[str] = Counter()
    rows = []
    for url, body in pages:
        records = extract_trainings(body, url)
        if not records:
            dropped["no_training_on_page"] += 1
        for record in records:
            row = _training_row(record, source, dropped)
            if row is not None:
                rows.append((row, record["occupations"]))
    return _catalogue(rows, index, source, dropped, started)


def fetch_pages(
    urls: Sequence[str],
    *,
    user_agent: str = "vacatures-trainings (+https://github.com/vacatures/vacatures)",
    timeout: float = 20.0,
    delay: float = 1.0,
    max_bytes: int = 2_000_000,
) -> tuple[list[tuple[str, bytes]], Counter[str]]:
    """Fetch a short list of training pages politely, one at a time.

    robots.txt is obeyed, requests to the same host are ``delay`` seconds
    apart and bodies above ``max_bytes`` are refused. Meant for catalogues of
    tens or hundreds of pages; a provider with thousands belongs in the board
    registry's crawler instead.

    Parameters
    ----------
    urls : sequence of str
        ``http`` or ``https`` URLs.
    user_agent : str
        Sent with every request and checked against robots.txt.
    timeout : float
        Seconds per request.
    delay : float
        Seconds between two requests to one host.
    max_bytes : int
        Largest body accepted.

    Returns
    -------
    tuple
        ``(url, body)`` of each page fetched, and failures by reason
        (``bad_url``, ``robots_txt``, ``http_<status>``, ``network``,
        ``too_large``).
    """
    pages: list[tuple[str, bytes]] = []
    failures: Counter[str] = Counter()
    robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
    last_request: dict[str, float] = {}
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            failures["bad_url"] += 1
            continue
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in robots:
            robots[host] = _robots(host, user_agent, timeout)
        rules = robots[host]
        if rules is not None and not rules.can_fetch(user_agent, url):
            log.info("trainings: robots.txt forbids %s", url)
            failures["robots_txt"] += 1
            continue
        wait = last_request.get(host, -delay) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        last_request[host] = time.monotonic()
        request = urllib.request.Request(url, headers={"User-Agent": user_agent})  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                body = response.read(max_bytes + 1)
        except urllib.error.HTTPError as error:
            log.info("trainings: HTTP %s for %s", error.code, url)
            failures[f"http_{error.code}"] += 1
            continue
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            log.info("trainings: cannot fetch %s: %s", url, error)
            failures["network"] += 1
            continue
        if len(body) > max_bytes:
            failures["too_large"] += 1
            continue
        pages.append((url, body))
    log.info(
        "trainings: fetched %s of %s pages, failures %s",
        len(pages),
        len(urls),
        dict(sorted(failures.items())) or "none",
    )
    return pages, failures


def _robots(
    host: str, user_agent: str, timeout: float
) -> urllib.robotparser.RobotFileParser | None:
    rules = urllib.robotparser.RobotFileParser()
    request = urllib.request.Request(  # noqa: S310
        f"{host}/robots.txt", headers={"User-Agent": user_agent}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            rules.parse(response.read(500_000).decode("utf-8", "replace").splitlines())
    except urllib.error.HTTPError as error:
        if error.code in (401, 403):
            rules.parse(["User-agent: *", "Disallow: /"])
            return rules
        return None
    except (urllib.error.URLError, TimeoutError, OSError):
        return None
    return rules


# --- per vacancy ---------------------------------------------------------------


def choose_trainings(
    vacancies: pd.DataFrame,
    trainings: pd.DataFrame,
    links: pd.DataFrame,
    *,
    per_vacancy: int = 3,
    levels: Sequence[str] = ("esco", "isco4"),
) -> pd.DataFrame:
    """List the trainings towards each vacancy's occupation, best first.

    Trainings in the vacancy's province come first, then those given
    nationwide, then the rest; within each, the highest chance of a job
    first (unknown chances last), then the closest occupation match.

    Parameters
    ----------
    vacancies : pandas.DataFrame
        ``vacancy_id``, ``isco08``, ``esco_uri``, ``province``.
    trainings : pandas.DataFrame
        ``training_id``, ``region``, ``job_chance_pct``, ``name``.
    links : pandas.DataFrame
        ``training_id``, ``isco08``, ``esco_uri``.
    per_vacancy : int
        How many trainings to keep per vacancy.
    levels : sequence of str
        Match levels allowed: by default the same ESCO occupation or ISCO-08
        unit group, since a training for a neighbouring occupation is not a
        way into this one.

    Returns
    -------
    pandas.DataFrame
        ``vacancy_id``, ``training_id``, ``training_rank`` (from 1),
        ``match_level``, ``is_in_region``.
    """
    started = time.perf_counter()
    columns = [
        "vacancy_id",
        "training_id",
        "training_rank",
        "match_level",
        "is_in_region",
    ]
    coded = vacancies[vacancies["isco08"].notna()]
    if coded.empty or links.empty:
        return pd.DataFrame(columns=columns)
    coded = coded.assign(
        key=coded["isco08"].astype(str)
        + "|"
        + coded["esco_uri"].fillna("").astype(str)
        + "|"
        + coded["province"].fillna("").astype(str)
    )
    keys = coded.drop_duplicates("key")[["key", "isco08", "esco_uri", "province"]]
    candidates = links.merge(
        trainings[["training_id", "region", "job_chance_pct", "name"]], on="training_id"
    )
    pairs = match_occupations(keys, candidates, levels=levels)
    pairs = pairs.sort_values("level_rank", ascending=False, kind="stable")
    pairs = pairs.drop_duplicates(["key", "training_id"])
    same = pairs["region"].notna() & (pairs["region"] == pairs["province"])
    pairs["region_rank"] = 2
    pairs.loc[pairs["region"].isna(), "region_rank"] = 1
    pairs.loc[same, "region_rank"] = 0
    pairs["chance"] = pairs["job_chance_pct"].fillna(-1.0)
    pairs = pairs.sort_values(
        ["key", "region_rank", "chance", "level_rank", "name", "training_id"],
        ascending=[True, True, False, False, True, True],
    )
    pairs["training_rank"] = pairs.groupby("key").cumcount() + 1
    pairs = pairs[pairs["training_rank"] <= per_vacancy]
    pairs["is_in_region"] = pairs["region_rank"] <= 1
    listed = coded[["vacancy_id", "key"]].merge(
        pairs[["key", "training_id", "training_rank", "match_level", "is_in_region"]],
        on="key",
    )
    result = listed[columns].sort_values(["vacancy_id", "training_rank"])
    log.info(
        "trainings: %s vacancies -> %s with trainings, %s listed in %.1f s",
        f"{len(vacancies):,}",
        f"{result['vacancy_id'].nunique():,}",
        f"{len(result):,}",
        time.perf_counter() - started,
    )
    return result.reset_index(drop=True)

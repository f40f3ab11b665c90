"""Dutch places: normalise a posting's location to place, municipality and province.

Boards publish locations in many shapes ("3511 AB Utrecht", "Den Bosch",
"Rotterdam e.o.", "Amsterdam (hybride)", "Remote"). This module turns each into a
:class:`Location` with the place's official name, the municipality it belongs to
and its province, using reference files shipped with the package:

``data/places_municipalities.csv``
    ``municipality,province``: every current municipality (2025).
``data/places.csv``
    ``place,municipality,province``: the places (woonplaatsen) within them, all
    towns of some size and the better known villages.
``data/places_aliases.csv``
    ``alias,place,province``: other spellings and names ("Den Bosch", "The
    Hague", "A'dam"); ``province`` picks one of several places sharing a name.
``data/places_regions.csv``
    ``region,province``: regions boards name instead of a place ("Twente",
    "Achterhoek"); they give a province and no place.
``data/postal_codes.csv``
    ``first,last,province``: ranges of four-digit postal codes (PC4) by province.

Two municipalities share the name Bergen; they are kept apart as "Bergen (NH.)"
and "Bergen (L.)", the way the national statistics office writes them, so a
municipality name alone is a unique key.
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import logging
import re
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "PROVINCES",
    "Location",
    "municipality_of",
    "normalise_place_key",
    "parse_location",
    "parse_locations",
    "province_for_postal_code",
    "written_place",
]

log = logging.getLogger(__name__)

PROVINCES: tuple[str, ...] = (
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)

_DATA_PACKAGE = "transforms.data"

# Names and codes boards use for a province, as normalised keys. Codes are only
# read as a province next to a place ("Utrecht (UT)", "Bergen (L.)"), never alone.
_PROVINCE_NAMES: dict[str, str] = {
    "drenthe": "Drenthe",
    "flevoland": "Flevoland",
    "fryslan": "Fryslân",
    "friesland": "Fryslân",
    "frisia": "Fryslân",
    "gelderland": "Gelderland",
    "guelders": "Gelderland",
    "groningen": "Groningen",
    "limburg": "Limburg",
    "noord brabant": "Noord-Brabant",
    "north brabant": "Noord-Brabant",
    "brabant": "Noord-Brabant",
    "noord holland": "Noord-Holland",
    "north holland": "Noord-Holland",
    "overijssel": "Overijssel",
    "utrecht": "Utrecht",
    "zeeland": "Zeeland",
    "zealand": "Zeeland",
    "zuid holland": "Zuid-Holland",
    "south holland": "Zuid-Holland",
}
_PROVINCE_CODES: dict[str, str] = {
    "dr": "Drenthe",
    "dre": "Drenthe",
    "fl": "Flevoland",
    "fle": "Flevoland",
    "flevo": "Flevoland",
    "fr": "Fryslân",
    "frl": "Fryslân",
    "fri": "Fryslân",
    "gld": "Gelderland",
    "gl": "Gelderland",
    "gd": "Gelderland",
    "ge": "Gelderland",
    "gel": "Gelderland",
    "gr": "Groningen",
    "gn": "Groningen",
    "gro": "Groningen",
    "l": "Limburg",
    "li": "Limburg",
    "lb": "Limburg",
    "lim": "Limburg",
    "nb": "Noord-Brabant",
    "nbr": "Noord-Brabant",
    "nh": "Noord-Holland",
    "nhl": "Noord-Holland",
    "ov": "Overijssel",
    "ovl": "Overijssel",
    "ovr": "Overijssel",
    "ut": "Utrecht",
    "u": "Utrecht",
    "utr": "Utrecht",
    "ze": "Zeeland",
    "zl": "Zeeland",
    "zee": "Zeeland",
    "zh": "Zuid-Holland",
    "zhl": "Zuid-Holland",
}
_PROVINCE_CODES.update({f"nl {code}": name for code, name in _PROVINCE_CODES.items()})

# Texts that name the whole country or no place at all.
_NOWHERE = frozenset(
    {
        "nederland",
        "the netherlands",
        "netherlands",
        "nl",
        "nld",
        "holland",
        "heel nederland",
        "noord nederland",
        "oost nederland",
        "zuid nederland",
        "west nederland",
        "midden nederland",
        "geheel nederland",
        "landelijk",
        "nationwide",
        "nationaal",
        "benelux",
        "europa",
        "europe",
        "eu",
        "diverse locaties",
        "meerdere locaties",
        "verschillende locaties",
        "div locaties",
        "multiple locations",
        "various locations",
        "locatie",
        "n v t",
        "nvt",
        "onbekend",
        "unknown",
    }
)

_REMOTE = re.compile(
    r"""
    \b(?:
        (?:100\s*%\s*|volledig\s+|fully\s+|deels\s+|gedeeltelijk\s+)?
        (?:(?:hybride?|remote)\s+(?:werken|working|work)
          |remote(?:\s*first)?|thuiswerk(?:en|plek)?|thuis\s+werken|telewerken
          |hybride?|hybrid|work\s+from\s+home|wfh|vanuit\s+huis|op\s+afstand
          |anywhere|homeoffice|home\s+office|thuis)
    )\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_QUALIFIER_BEFORE = re.compile(
    r"^(?:(?:regio|omgeving|gemeente|stad|nabij|rondom|bij|randstad|nl|in|vanuit"
    r"|hoofdkantoor|kantoor|vestiging|locatie|standplaats|werklocatie|office"
    r"|region|area|greater|city\s+of|municipality\s+of)\b\.?\s*:?\s*)",
    re.IGNORECASE,
)
_PROVINCE_PREFIX = re.compile(r"^(?:provincie|province|prov)\b\.?\s*(?:of\s+)?", re.I)
# "Diverse locaties", "Meerdere vestigingen in Nederland": no one place.
_MANY_PLACES = re.compile(
    r"^(?:diverse|div|meerdere|verschillende|various|multiple|alle|several)\b.*"
    r"\b(?:locaties|locations|vestigingen|plaatsen|steden|regios|cities|offices"
    r"|kantoren|sites)\b",
    re.IGNORECASE,
)
_QUALIFIER_AFTER = re.compile(
    r"(?:\s*(?:\be\.\s?o\.?|\beo\b\.?|\ben\s+omgeving\b|\ben\s+omstreken\b"
    r"|\ben\s+regio\b|\bomgeving\b|\bomstreken\b|\bregio\b|\bregion\b|\barea\b"
    r"|\bstad\b|\bcity\b|\bgemeente\b|\bprovincie\b|\bprovince\b|\bnl\b"
    r"|\bnederland\b|\bnetherlands\b))\.?$",
    re.IGNORECASE,
)
_POSTAL_CODE = re.compile(r"(?<![0-9])([1-9][0-9]{3})\s?([a-zA-Z]{2})(?![a-zA-Z])")
_POSTAL_CODE_4 = re.compile(r"(?<![0-9])([1-9][0-9]{3})(?![0-9])")
_SEPARATORS = re.compile(r"\s*(?:[,;/|()\[\]·•+&]|\s-\s|\s–\s|\bof\b)\s*")
_STRIP = " \t\r\n.,;:-–_'\"!?*#"


@dataclass(frozen=True)
class Location:
    """A posting's location, normalised.

    Attributes
    ----------
    place : str or None
        The place's official name (``"'s-Hertogenbosch"`` for "Den Bosch"), or the
        cleaned text when the place is unknown; ``None`` when the text names no
        place (remote work, the whole country, a province only).
    municipality : str or None
        The municipality the place lies in; ``None`` when the place is unknown.
    province : str or None
        One of :data:`PROVINCES`, from the place, a province named in the text or
        the postal code.
    postal_code : str or None
        The full postal code as ``"1234 AB"`` when the text has one. A bare
        four-digit code is used for the province but not kept here, since it is
        not a valid postal code of a posting.
    is_remote : bool
        True when the text names remote or hybrid work and no place.
    written : str or None
        The words the text names a known place with ("Den Haag"), when they
        are one of its names; left out of comparisons and the repr.
    """

    place: str | None
    municipality: str | None
    province: str | None
    postal_code: str | None
    is_remote: bool = False
    written: str | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class _Place:
    name: str
    municipality: str
    province: str


@dataclass(frozen=True)
class _Gazetteer:
    places: dict[str, tuple[_Place, ...]]
    postal_starts: tuple[int, ...]
    postal_ranges: tuple[tuple[int, int, str], ...]
    regions: dict[str, str]
    max_key_tokens: int


def normalise_place_key(text: str) -> str:
    """Return the lowercase ASCII key used to match a place name.

    Accents are dropped, apostrophes removed, any other punctuation becomes a
    space, "st" becomes "sint" and "a/d" or "aan de" becomes "aan den", so the
    spellings boards use for one place share a key.

    Parameters
    ----------
    text : str
        A place name as written.

    Returns
    -------
    str
        The key; empty when the text holds no letters or digits.

    Examples
    --------
    >>> normalise_place_key("'s-Hertogenbosch")
    's hertogenbosch'
    >>> normalise_place_key("Súdwest-Fryslân")
    'sudwest fryslan'
    >>> normalise_place_key("Alphen a/d Rijn") == normalise_place_key(
    ...     "Alphen aan den Rijn"
    ... )
    True
    """
    return _key(text)


@functools.lru_cache(maxsize=65_536)
def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"['’‘`´]", "", folded)
    tokens = re.sub(r"[^a-z0-9]+", " ", folded).split()
    tokens = ["sint" if t == "st" else t for t in tokens]
    key = f" {' '.join(tokens)} "
    key = key.replace(" a d ", " aan den ").replace(" aan de ", " aan den ")
    return key.strip()


def _base(municipality: str) -> str:
    return re.sub(r"\s*\(.*\)$", "", municipality)


def _is_not_namesake(key: str, place: _Place) -> bool:
    return _key(_base(place.municipality)) != key


def _read_csv(name: str) -> Iterator[dict[str, str]]:
    with resources.files(_DATA_PACKAGE).joinpath(name).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            yield {k: (v or "").strip() for k, v in row.items()}


@functools.cache
def _gazetteer() -> _Gazetteer:
    start = time.perf_counter()
    known = set(PROVINCES)
    municipalities: dict[str, _Place] = {}
    for row in _read_csv("places_municipalities.csv"):
        if row["province"] not in known:
            raise ValueError(f"places_municipalities.csv: unknown province in {row}")
        name = row["municipality"]
        municipalities[name] = _Place(name, name, row["province"])

    by_name: dict[str, list[_Place]] = {}
    rows = 0
    for row in _read_csv("places.csv"):
        rows += 1
        place = _Place(row["place"], row["municipality"], row["province"])
        if municipalities.get(place.municipality) != _Place(
            place.municipality, place.municipality, place.province
        ):
            raise ValueError(f"places.csv: unknown municipality in {row}")
        by_name.setdefault(_key(place.name), []).append(place)

    for name, entries in by_name.items():
        # A place that gives its municipality its name comes first among
        # namesakes: "Hengelo" is the town in Overijssel before the village.
        entries.sort(key=functools.partial(_is_not_namesake, name))
    for municipality in municipalities.values():
        # "Bergen (NH.)" is the place Bergen; "Haarlemmermeer" names no place.
        namesake = [
            p
            for p in by_name.get(_key(_base(municipality.name)), [])
            if p.municipality == municipality.name
        ]
        entries = by_name.setdefault(_key(municipality.name), [])
        if not any(p.municipality == municipality.name for p in entries):
            entries.append(namesake[0] if namesake else municipality)

    aliases: dict[str, list[_Place]] = {}
    for row in _read_csv("places_aliases.csv"):
        targets = [
            p
            for p in by_name.get(_key(row["place"]), [])
            if not row["province"] or p.province == row["province"]
        ]
        if not targets:
            raise ValueError(f"places_aliases.csv: no such place for {row}")
        aliases.setdefault(_key(row["alias"]), []).append(targets[0])

    places: dict[str, tuple[_Place, ...]] = {}
    for key in by_name.keys() | aliases.keys():
        candidates = aliases.get(key, []) + by_name.get(key, [])
        places[key] = tuple(dict.fromkeys(candidates))

    ranges = sorted(
        (int(row["first"]), int(row["last"]), row["province"])
        for row in _read_csv("postal_codes.csv")
    )
    for (_, last, _p), (first, _l, _q) in itertools.pairwise(ranges):
        if first <= last:
            raise ValueError(f"postal_codes.csv: ranges overlap at {first}")
    if any(province not in known for _, _, province in ranges):
        raise ValueError("postal_codes.csv: unknown province")

    regions = {
        _key(row["region"]): row["province"] for row in _read_csv("places_regions.csv")
    }
    if not set(regions.values()) <= known:
        raise ValueError("places_regions.csv: unknown province")

    gazetteer = _Gazetteer(
        places=places,
        regions=regions,
        postal_starts=tuple(first for first, _, _ in ranges),
        postal_ranges=tuple(ranges),
        max_key_tokens=max(len(k.split()) for k in places),
    )
    log.debug(
        "geo: %d places in %d municipalities, %d aliases, %d postal ranges "
        "loaded in %.3f s",
        rows,
        len(municipalities),
        len(aliases),
        len(ranges),
        time.perf_counter() - start,
    )
    return gazetteer


def province_for_postal_code(code: str) -> str | None:
    """Return the province of a Dutch postal code.

    Parameters
    ----------
    code : str
        A postal code, full ("3511 AB", "3511AB") or its four digits ("3511").

    Returns
    -------
    str or None
        One of :data:`PROVINCES`; ``None`` when the text is not a postal code.

    Examples
    --------
    >>> province_for_postal_code("3511 AB")
    'Utrecht'
    >>> province_for_postal_code("0123") is None
    True

    Notes
    -----
    The province comes from ranges of four-digit codes. Some ranges straddle a
    provincial border at the level of single codes (around Molenhoek, the
    Bommelerwaard and the Vijfheerenlanden); there the larger side is given.
    """
    match = re.fullmatch(r"\s*([0-9]{4})\s?(?:[A-Za-z]{2})?\s*", code or "")
    if match is None:
        return None
    return _province_for_pc4(int(match.group(1)))


def _province_for_pc4(number: int) -> str | None:
    gazetteer = _gazetteer()
    at = bisect.bisect_right(gazetteer.postal_starts, number) - 1
    if at < 0:
        return None
    first, last, province = gazetteer.postal_ranges[at]
    return province if first <= number <= last else None


def municipality_of(place: str) -> str | None:
    """Return the municipality a place belongs to.

    Parameters
    ----------
    place : str
        A place name in any form :func:`parse_location` reads.

    Returns
    -------
    str or None
        The municipality's official name; ``None`` for an unknown place.

    Examples
    --------
    >>> municipality_of("Hoofddorp")
    'Haarlemmermeer'
    >>> municipality_of("Den Bosch")
    "'s-Hertogenbosch"
    """
    return parse_location(place).municipality


def written_place(text: str | None) -> str | None:
    """Return the place a location names, in the words the board used.

    :func:`parse_location` gives a place's official name ("'s-Gravenhage" for
    "Den Haag"); a board's own name for a known place is what its readers know
    and what boards giving the place as a separate field send, so a crawl
    keeps it. A name written only in capitals or only in lower case, or that
    differs from the official one by punctuation and case alone, gives the
    official spelling.

    Parameters
    ----------
    text : str or None
        The location as published.

    Returns
    -------
    str or None
        The place as written when the text names a known place by another
        name, else what :func:`parse_location` gives as the place.

    Examples
    --------
    >>> written_place("2511 CV Den Haag, Zuid-Holland")
    'Den Haag'
    >>> written_place("UTRECHT")
    'Utrecht'
    >>> written_place("Amsterdam-Zuidoost")
    'Amsterdam'
    """
    parsed = parse_location(text)
    written = parsed.written
    if (
        parsed.place is None
        or written is None
        or _key(written) == _key(parsed.place)
        or written.isupper()
        or written.islower()
    ):
        return parsed.place
    return written


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(_STRIP)


def _strip_qualifiers(text: str, gazetteer: _Gazetteer) -> str:
    """Drop regional and work-mode words, one at a time, until a name is known.

    Stopping at a known name keeps places such as "Stad aan 't Haringvliet" and
    regions such as "Cleantech Regio" whole.
    """
    text = _clean(_REMOTE.sub(" ", text))
    previous = None
    while previous != text:
        key = _key(text)
        if key in gazetteer.places or key in gazetteer.regions:
            break
        previous = text
        text = _clean(_QUALIFIER_BEFORE.sub("", text, count=1))
        if text == previous:
            text = _clean(_QUALIFIER_AFTER.sub("", text, count=1))
    return text


def _lookup(key: str) -> tuple[tuple[_Place, ...], str | None]:
    """Find the places for a key, and a province the key names after them.

    Beyond an exact match this reads a trailing province ("Hengelo Gld",
    "Bergen NH") and falls back to the longest known leading words, which covers
    districts and suffixes boards add ("Amsterdam-Zuidoost", "Rotterdam
    Airport").
    """
    places = _gazetteer().places
    found = places.get(key)
    if found:
        return found, None
    tokens = key.split()
    for size in (2, 1):
        if len(tokens) > size:
            province = _province_of_part(" ".join(tokens[-size:]))
            found = places.get(" ".join(tokens[:-size]))
            if province is not None and found:
                return found, province
    for size in range(min(len(tokens) - 1, _gazetteer().max_key_tokens), 0, -1):
        found = places.get(" ".join(tokens[:size]))
        if found:
            return found, None
    return (), None


def _choose(candidates: tuple[_Place, ...], *provinces: str | None) -> _Place:
    for province in provinces:
        if province is not None:
            for candidate in candidates:
                if candidate.province == province:
                    return candidate
    return candidates[0]


# Province names that are also the name of a city: alone, they mean the city.
_CITY_PROVINCES = frozenset({"groningen", "utrecht"})


def _province_of_part(key: str) -> str | None:
    return _PROVINCE_NAMES.get(key) or _PROVINCE_CODES.get(key)


@functools.lru_cache(maxsize=200_000)
def parse_location(text: str | None) -> Location:
    """Parse a location as a board publishes it.

    The first part naming a known place wins ("Zwolle / Deventer" is Zwolle); a
    province named in another part, or the postal code, chooses between places
    sharing a name ("Bergen (L.)"). Regional words ("Regio", "e.o.", "en
    omgeving") and work-mode words ("hybride") are ignored. Unknown text is kept
    as the place, cleaned, with no municipality; the function never raises.

    Parameters
    ----------
    text : str or None
        The location as published.

    Returns
    -------
    Location
        The normalised location; every field empty for empty input.

    Examples
    --------
    >>> parse_location("3511AB Utrecht")
    Location(place='Utrecht', municipality='Utrecht', province='Utrecht', \
postal_code='3511 AB', is_remote=False)
    >>> parse_location("Noord-Brabant")
    Location(place=None, municipality=None, province='Noord-Brabant', \
postal_code=None, is_remote=False)
    >>> parse_location("Thuiswerken").is_remote
    True
    """
    if not isinstance(text, str):
        return Location(None, None, None, None)
    text = _clean(text.replace("\u00a0", " "))
    if not text:
        return Location(None, None, None, None)

    postal_code = None
    postal_province = None
    full = _POSTAL_CODE.search(text)
    if full is not None:
        postal_code = f"{full.group(1)} {full.group(2).upper()}"
        postal_province = _province_for_pc4(int(full.group(1)))
        text = _clean(text[: full.start()] + " " + text[full.end() :])
    else:
        bare = _POSTAL_CODE_4.search(text)
        if bare is not None:
            postal_province = _province_for_pc4(int(bare.group(1)))
            text = _clean(text[: bare.start()] + " " + text[bare.end() :])

    is_remote = _REMOTE.search(text) is not None
    gazetteer = _gazetteer()
    found: tuple[_Place, ...] = ()
    written = None
    whole = _key(_REMOTE.sub(" ", text))
    if whole not in _NOWHERE and not _MANY_PLACES.match(whole):
        written = _strip_qualifiers(text, gazetteer)
        found = gazetteer.places.get(whole) or gazetteer.places.get(_key(written), ())
    named_province = None
    unknown = None
    for part in _SEPARATORS.split(text):
        cleaned = _clean(_REMOTE.sub(" ", part))
        key = _key(cleaned)
        if key in _NOWHERE or _MANY_PLACES.match(key):
            continue
        prefix = _PROVINCE_PREFIX.match(cleaned)
        if prefix is not None:
            cleaned = cleaned[prefix.end() :]
            key = _key(cleaned)
            if key in _PROVINCE_NAMES:
                named_province = named_province or _PROVINCE_NAMES[key]
                continue
        cleaned = _strip_qualifiers(cleaned, gazetteer)
        key = _key(cleaned)
        if not key or key in _NOWHERE:
            continue
        province = _province_of_part(key)
        if province is not None and (
            found or key not in _CITY_PROVINCES or key not in gazetteer.places
        ):
            named_province = named_province or province
            continue
        if found:
            continue
        region = gazetteer.regions.get(key)
        if region is not None and key not in gazetteer.places:
            named_province = named_province or region
            continue
        found, province = _lookup(key)
        if found:
            named_province = named_province or province
            written = cleaned if key in gazetteer.places else None
        elif unknown is None:
            unknown = cleaned

    if found:
        place = _choose(found, named_province, postal_province)
        return Location(
            place.name,
            place.municipality,
            place.province,
            postal_code,
            written=written,
        )
    return Location(
        unknown,
        None,
        named_province or postal_province,
        postal_code,
        is_remote and unknown is None,
    )


def parse_locations(values: pd.Series) -> pd.DataFrame:
    """Parse a column of published locations, each distinct value once.

    Parameters
    ----------
    values : pandas.Series
        Locations as published; missing values give empty locations.

    Returns
    -------
    pandas.DataFrame
        Columns ``place``, ``municipality``, ``province``, ``postal_code``
        (object columns of ``str`` or ``None``) and ``is_remote`` (bool), on the
        index of ``values``; row ``i`` equals ``parse_location(values.iloc[i])``.
    """
    import numpy as np
    import pandas as pd

    start = time.perf_counter()
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = [parse_location(v if isinstance(v, str) else None) for v in uniques]
    parsed.append(parse_location(None))
    codes = np.where(codes < 0, len(parsed) - 1, codes)
    columns: dict[str, pd.Series] = {}
    for name in ("place", "municipality", "province", "postal_code"):
        column = np.array([getattr(p, name) for p in parsed], dtype=object)
        columns[name] = pd.Series(column[codes], index=values.index, dtype=object)
    remote = np.array([p.is_remote for p in parsed], dtype=bool)
    columns["is_remote"] = pd.Series(remote[codes], index=values.index)
    frame = pd.DataFrame(columns)
    log.info(
        "geo: %s locations (%s distinct) parsed in %.2f s",
        f"{len(values):,}",
        f"{len(uniques):,}",
        time.perf_counter() - start,
    )
    return frame

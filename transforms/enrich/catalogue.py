"""Reading the CSV and JSON catalogues that werkcoaches and partners keep.

Video, training and client catalogues share one shape: a CSV file with a
header row, or a JSON file holding a list of objects (or an object with that
list under one key). Cells that hold several values (occupation codes,
competences, regions) separate them with ``|`` in CSV and are lists in JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from vacatures.errors import InputError

__all__ = [
    "first_value",
    "parse_date",
    "parse_duration_seconds",
    "read_records",
    "split_values",
    "stable_id",
]

log = logging.getLogger(__name__)

_ISO_DURATION = re.compile(
    r"^P(?:(?P<years>\d+(?:[.,]\d+)?)Y)?(?:(?P<months>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<weeks>\d+(?:[.,]\d+)?)W)?(?:(?P<days>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")
_SECONDS_PER = {
    "years": 365.25 * 86400,
    "months": 30.44 * 86400,
    "weeks": 7 * 86400,
    "days": 86400,
    "hours": 3600,
    "minutes": 60,
    "seconds": 1,
}


def stable_id(prefix: str, *parts: object) -> str:
    """Return an id derived from ``parts``, the same on every run.

    Parameters
    ----------
    prefix : str
        A letter saying what the id is of (``v`` for videos, ``t`` trainings).
    *parts : object
        What identifies the record, such as its URL.

    Returns
    -------
    str
        ``prefix`` and 16 hexadecimal digits.
    """
    text = "\x1f".join(str(part) for part in parts)
    digest = hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()
    return prefix + digest[:16]


def split_values(value: object) -> list[str]:
    """Return the values of a multi-valued cell: a list, or text split on ``|``.

    Parameters
    ----------
    value : object
        A JSON list, a string such as ``"2221|2222"``, or nothing.

    Returns
    -------
    list of str
        The non-empty values, stripped.

    Examples
    --------
    >>> split_values("2221 | 2222|"), split_values(["a", None, 3]), split_values(None)
    (['2221', '2222'], ['a', '3'], [])
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    items = value if isinstance(value, list | tuple) else str(value).split("|")
    return [
        str(item).strip() for item in items if item is not None and str(item).strip()
    ]


def parse_duration_seconds(value: object) -> float | None:
    """Parse a duration in seconds from a number, ``m:ss`` or ISO 8601 text.

    Parameters
    ----------
    value : object
        Seconds as a number, ``"3:20"``, ``"1:02:03"`` or ``"PT3M20S"``.

    Returns
    -------
    float or None
        Seconds, or ``None`` when the value is empty or not a duration.

    Examples
    --------
    >>> [parse_duration_seconds(v) for v in (200, "3:20", "PT3M20S", "P2Y", "soon")]
    [200.0, 200.0, 200.0, 63115200.0, None]
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, int | float):
        return float(value) if value >= 0 else None
    text = str(value).strip()
    if not text:
        return None
    try:
        return max(float(text.replace(",", ".")), 0.0)
    except ValueError:
        pass
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return float(hours * 3600 + minutes * 60 + seconds)
    iso = _ISO_DURATION.match(text)
    if iso and any(iso.groupdict().values()):
        return sum(
            float(amount.replace(",", ".")) * _SECONDS_PER[unit]
            for unit, amount in iso.groupdict().items()
            if amount
        )
    return None


def read_records(
    path: Path, *, list_keys: Sequence[str] = (), what: str = "catalogue"
) -> list[dict[str, Any]]:
    """Read a CSV or JSON catalogue into a list of records.

    Parameters
    ----------
    path : pathlib.Path
        A ``.csv`` file with a header row or a ``.json`` file.
    list_keys : sequence of str
        Keys under which a JSON object may hold the list of records.
    what : str
        How error messages name the file.

    Returns
    -------
    list of dict
        One dict per record; CSV cells are strings with surrounding space
        removed, JSON values as they are. Keys are lowercase.

    Raises
    ------
    InputError
        When the file is missing, not CSV or JSON, or not valid.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{what} not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as error:
            raise InputError(f"{what} {path} is not valid JSON: {error}") from None
        if isinstance(data, Mapping):
            found = [data[key] for key in list_keys if isinstance(data.get(key), list)]
            if not found:
                keys = ", ".join(list_keys) or "any key"
                raise InputError(f"{what} {path} holds no list of records under {keys}")
            data = found[0]
        if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
            raise InputError(f"{what} {path} is not a list of objects")
        return [{str(k).strip().lower(): v for k, v in r.items()} for r in data]
    if suffix in (".csv", ".txt"):
        try:
            with path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.DictReader(handle)
                records = [
                    {
                        str(k).strip().lower(): (v.strip() if isinstance(v, str) else v)
                        for k, v in row.items()
                        if k is not None
                    }
                    for row in reader
                ]
        except (UnicodeDecodeError, csv.Error) as error:
            raise InputError(
                f"{what} {path} is not a readable CSV file: {error}"
            ) from None
        return records
    raise InputError(f"{what} must be a .csv or .json file: {path}")


def first_value(record: Mapping[str, Any], *keys: str) -> str | None:
    """Return the first non-empty value among ``keys`` of ``record`` as text."""
    for key in keys:
        value = record.get(key)
        if value is None or (isinstance(value, float) and pd.isna(value)):
            continue
        text = str(value).strip()
        if text:
            return text
    return None


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "januari", "january"),
            ("feb", "februari", "february"),
            ("mar", "mrt", "maart", "march"),
            ("apr", "april"),
            ("may", "mei"),
            ("jun", "juni", "june"),
            ("jul", "juli", "july"),
            ("aug", "augustus", "august"),
            ("sep", "sept", "september"),
            ("oct", "okt", "oktober", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_WRITTEN_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")


def parse_date(value: str | None) -> dt.date | None:
    """Parse a date written ``YYYY-MM-DD`` or ``DD Mon YYYY``.

    Parameters
    ----------
    value : str or None
        The text; LinkedIn writes ``01 Jan 2024``, Dutch text ``1 mrt 2024``.

    Returns
    -------
    datetime.date or None
        The date, or ``None`` when the text is empty or not a date.

    Examples
    --------
    >>> parse_date("15 Mar 2024"), parse_date("1 mrt 2024"), parse_date("soon")
    (datetime.date(2024, 3, 15), datetime.date(2024, 3, 1), None)
    """
    if not value:
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    written = _WRITTEN_DATE.match(text)
    if written:
        day, month, year = written.groups()
        number = _MONTHS.get(month.lower())
        if number is not None:
            try:
                return dt.date(int(year), number, int(day))
            except ValueError:
                return None
    return None

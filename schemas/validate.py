"""Validate landed records into postings, quarantining what does not fit.

Every line of a landing file ends up in exactly one of two places: a valid
posting, or a quarantine row with the reason, a detail and the raw line. Nothing
is dropped silently; the counts per reason are logged and kept.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from schemas.posting import POSTING_FIELDS, Posting, quarantine_reason
from vacatures.errors import InputError

__all__ = [
    "QUARANTINE_COLUMNS",
    "ValidationResult",
    "read_jsonl_lines",
    "validate_file",
    "validate_lines",
]

log = logging.getLogger(__name__)

QUARANTINE_COLUMNS = ("board", "record_number", "reason", "detail", "raw")


@dataclass
class ValidationResult:
    """Valid postings and quarantined records of one or more landing files."""

    postings: pd.DataFrame
    quarantine: pd.DataFrame
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def n_records(self) -> int:
        """Return how many records were read in all."""
        return len(self.postings) + len(self.quarantine)


def read_jsonl_lines(path: Path) -> Iterator[str]:
    """Yield the non-empty lines of a JSONL file, with a one-line error if absent.

    Parameters
    ----------
    path : pathlib.Path
        The file to read, UTF-8.

    Yields
    ------
    str
        Each non-blank line without its line break.

    Raises
    ------
    InputError
        When the file does not exist or is not UTF-8 text.
    """
    if not path.is_file():
        raise InputError(f"postings file not found: {path}")
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield line.rstrip("\n")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None


def _detail(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first.get("loc", ())) or "record"
    return f"{where}: {first.get('msg', 'invalid')}"[:500]


def validate_lines(
    lines: Iterable[str], *, board: str | None = None
) -> ValidationResult:
    """Validate JSON lines against the posting contract.

    A line that is not a JSON object, fails the contract, or repeats a
    ``posting_id`` already seen goes to quarantine with a reason such as
    ``malformed:json``, ``missing:title``, ``invalid:date_posted`` or
    ``duplicate:posting_id``.

    Parameters
    ----------
    lines : iterable of str
        One JSON object per line.
    board : str, optional
        The board the lines came from, used for quarantined lines whose own
        ``board`` field is missing or unreadable.

    Returns
    -------
    ValidationResult
        Valid postings (columns :data:`~schemas.posting.POSTING_FIELDS`) and
        quarantined records (columns :data:`QUARANTINE_COLUMNS`).

    Examples
    --------
    >>> result = validate_lines(['{"posting_id": "b:1"}', "not json"], board="b")
    >>> sorted(result.reasons)
    ['malformed:json', 'missing:board']
    """
    valid: list[dict] = []
    quarantined: list[dict] = []
    reasons: Counter[str] = Counter()
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        record_board = board or "unknown"
        reason = detail = None
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise TypeError("not a JSON object")
        except (ValueError, TypeError) as error:
            reason, detail = "malformed:json", str(error)[:500]
        else:
            if isinstance(record.get("board"), str) and record["board"]:
                record_board = board or record["board"]
            try:
                posting = Posting.model_validate(record)
            except ValidationError as error:
                reason, detail = quarantine_reason(error), _detail(error)
            else:
                if posting.posting_id in seen:
                    reason = "duplicate:posting_id"
                    detail = f"posting_id {posting.posting_id} seen earlier"
                else:
                    seen.add(posting.posting_id)
                    valid.append(posting.model_dump())
        if reason is not None:
            reasons[reason] += 1
            quarantined.append(
                {
                    "board": record_board,
                    "record_number": number,
                    "reason": reason,
                    "detail": detail,
                    "raw": line,
                }
            )
    postings = pd.DataFrame(valid, columns=list(POSTING_FIELDS))
    quarantine = pd.DataFrame(quarantined, columns=list(QUARANTINE_COLUMNS))
    return ValidationResult(postings, quarantine, reasons)


def validate_file(path: Path, *, board: str | None = None) -> ValidationResult:
    """Validate one landing file; see :func:`validate_lines`.

    Parameters
    ----------
    path : pathlib.Path
        A JSONL file of posting records.
    board : str, optional
        The board the file belongs to.

    Returns
    -------
    ValidationResult
        Valid postings and quarantined records.
    """
    result = validate_lines(read_jsonl_lines(path), board=board)
    log.info(
        "validate %s: %s records -> %s postings, %s quarantined %s",
        path.name,
        f"{result.n_records:,}",
        f"{len(result.postings):,}",
        f"{len(result.quarantine):,}",
        dict(result.reasons) or "",
    )
    return result

"""History of postings and vacancies from night to night, as pure functions.

Each night's rows are merged with what the warehouse already holds: first and
last seen dates widen, fields take the newest night's values, and a vacancy's
changed fields are recorded with their old and new value. Replaying an older
night never overwrites what a newer night wrote, so nights may be replayed in
any order and twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import pandas as pd

__all__ = [
    "TRACKED_VACANCY_FIELDS",
    "content_hash",
    "merge_history",
    "vacancy_changes",
]

#: Fields of a vacancy whose changes are kept in ``core.vacancy_changes``.
TRACKED_VACANCY_FIELDS: tuple[str, ...] = (
    "title",
    "employer",
    "location",
    "description",
    "employment_type",
    "education_level",
    "hours_min_per_week",
    "hours_max_per_week",
    "salary_min_eur",
    "salary_max_eur",
    "salary_period",
    "valid_through",
    "apply_url",
)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def content_hash(frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """Return a short hash per row of the values in ``columns``.

    Equal values give equal hashes on every run and platform, so a changed
    hash means a changed row.

    Parameters
    ----------
    frame : pandas.DataFrame
        Rows to hash.
    columns : sequence of str
        The columns that make up the content; missing values hash as empty.

    Returns
    -------
    pandas.Series
        16 hex digits per row, indexed like ``frame``.
    """
    joined = frame.loc[:, list(columns)].map(_text).agg("\x1f".join, axis=1)
    return joined.map(
        lambda text: hashlib.sha1(
            text.encode("utf-8"), usedforsecurity=False
        ).hexdigest()[:16]
    )


def merge_history(
    tonight: pd.DataFrame,
    existing: pd.DataFrame,
    *,
    key: str,
    run_date: dt.date,
    keep: Sequence[str] = (),
) -> pd.DataFrame:
    """Merge tonight's rows with the stored rows of the same keys.

    ``first_seen_date`` becomes the earlier and ``last_seen_date`` the later
    of the two. Fields take tonight's values unless the stored row was seen
    on a later night (an older night being replayed), in which case the stored
    row wins whole. Columns in ``keep`` (such as a vacancy link) always keep
    their stored value when there is one.

    Parameters
    ----------
    tonight : pandas.DataFrame
        Rows seen on ``run_date``, one per ``key``.
    existing : pandas.DataFrame
        Stored rows for (some of) the same keys, with ``first_seen_date`` and
        ``last_seen_date``.
    key : str
        The identifying column.
    run_date : datetime.date
        The night being loaded.
    keep : sequence of str
        Columns whose stored, non-null value is never replaced.

    Returns
    -------
    pandas.DataFrame
        One row per key of ``tonight``, with the columns of ``tonight`` plus
        ``first_seen_date``, ``last_seen_date`` and the ``keep`` columns.

    Examples
    --------
    A posting first seen on 1 December and seen again on 3 December keeps its
    first date and moves its last date:

    >>> tonight = pd.DataFrame({"posting_id": ["a"], "title": ["Kok"]})
    >>> stored = pd.DataFrame({"posting_id": ["a"], "title": ["Kok"],
    ...     "first_seen_date": [dt.date(2026, 12, 1)],
    ...     "last_seen_date": [dt.date(2026, 12, 2)]})
    >>> merged = merge_history(tonight, stored, key="posting_id",
    ...     run_date=dt.date(2026, 12, 3))
    >>> merged.loc[0, ["first_seen_date", "last_seen_date"]].tolist()
    [datetime.date(2026, 12, 1), datetime.date(2026, 12, 3)]
    """
    merged = tonight.copy()
    merged["first_seen_date"] = run_date
    merged["last_seen_date"] = run_date
    for column in keep:
        if column not in merged:
            merged[column] = None
    if existing.empty:
        return merged.reset_index(drop=True)
    stored = existing.drop_duplicates(key).set_index(key)
    merged = merged.set_index(key)
    known = merged.index.intersection(stored.index)
    if len(known):
        old = stored.loc[known]
        newer_stored = old["last_seen_date"] > run_date
        replay = known[newer_stored.to_numpy()]
        shared = [c for c in merged.columns if c in stored.columns]
        if len(replay):
            merged.loc[replay, shared] = stored.loc[replay, shared].to_numpy()
        merged.loc[known, "first_seen_date"] = [
            min(first, run_date) for first in old["first_seen_date"]
        ]
        merged.loc[known, "last_seen_date"] = [
            max(last, run_date) for last in old["last_seen_date"]
        ]
        for column in keep:
            if column in stored.columns:
                value = old[column]
                has_value = value.notna()
                merged.loc[known[has_value.to_numpy()], column] = value[has_value]
    return merged.reset_index()


def vacancy_changes(
    new: pd.DataFrame,
    old: pd.DataFrame,
    *,
    run_date: dt.date,
    fields: Sequence[str] = TRACKED_VACANCY_FIELDS,
) -> pd.DataFrame:
    """List the fields whose value differs between stored and new vacancies.

    Only vacancies present in both frames count; a new vacancy has no
    changes. Values are compared as text, so ``32.0`` and ``32`` are equal.

    Parameters
    ----------
    new : pandas.DataFrame
        Tonight's vacancy rows, with ``vacancy_id``.
    old : pandas.DataFrame
        The stored rows of (some of) the same vacancies.
    run_date : datetime.date
        The night the change was seen.
    fields : sequence of str
        The fields compared.

    Returns
    -------
    pandas.DataFrame
        Columns ``vacancy_id``, ``changed_date``, ``field_name``,
        ``old_value``, ``new_value``; one row per changed field.
    """
    columns = ["vacancy_id", "changed_date", "field_name", "old_value", "new_value"]
    if new.empty or old.empty:
        return pd.DataFrame(columns=columns)
    stored = old.rename(columns=lambda c: c if c == "vacancy_id" else f"{c}_old")
    both = new.merge(stored, on="vacancy_id")
    if "last_seen_date_old" in both:
        # A replay of an older night is not a change.
        both = both[both["last_seen_date_old"] <= run_date]
    pieces = []
    for field in fields:
        if field not in new or field not in old:
            continue
        before = both[f"{field}_old"].map(_text)
        after = both[field].map(_text)
        differs = before != after
        if differs.any():
            pieces.append(
                pd.DataFrame(
                    {
                        "vacancy_id": both.loc[differs, "vacancy_id"],
                        "changed_date": run_date,
                        "field_name": field,
                        "old_value": before[differs],
                        "new_value": after[differs],
                    }
                )
            )
    if not pieces:
        return pd.DataFrame(columns=columns)
    return pd.concat(pieces, ignore_index=True)[columns]

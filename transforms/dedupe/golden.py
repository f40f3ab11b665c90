"""Golden records: one row per vacancy from the best of its postings."""

from __future__ import annotations

import logging
import time

import numpy as np
import pandas as pd

from transforms.dedupe.normalise import SOURCE_TYPE_RANKS

__all__ = ["DESCRIPTIVE_FIELDS", "golden_records"]

log = logging.getLogger(__name__)

#: Contract fields a golden record carries, taken from its postings.
DESCRIPTIVE_FIELDS: tuple[str, ...] = (
    "board",
    "url",
    "title",
    "employer",
    "location",
    "description",
    "date_posted",
    "external_id",
    "place",
    "postal_code",
    "province",
    "employment_type",
    "hours_min",
    "hours_max",
    "salary_min",
    "salary_max",
    "salary_period",
    "education_level",
    "valid_through",
    "apply_url",
    "language",
)


def _empty_to_na(column: pd.Series) -> pd.Series:
    if column.dtype == object or pd.api.types.is_string_dtype(column):
        return column.where(~column.astype(str).str.strip().eq(""), None).where(
            column.notna(), None
        )
    return column


def golden_records(postings: pd.DataFrame, assignment: pd.DataFrame) -> pd.DataFrame:
    """Return one record per vacancy, built from its best posting.

    The best posting comes from the most authoritative source type (employer,
    then board, then agency, then aggregator); within a type the most complete
    posting wins, then the latest, then the smallest posting id. Fields the best
    posting leaves empty are filled from the next best posting that has them.
    Salary fields come as one set (amounts with their period), so a monthly
    amount never meets an hourly period.

    Parameters
    ----------
    postings : pandas.DataFrame
        Postings with the contract's columns and optionally ``source_type``.
    assignment : pandas.DataFrame
        ``posting_id`` and ``vacancy_id`` (or ``cluster_id``), from
        :func:`dedupe_postings` or :func:`match_postings`.

    Returns
    -------
    pandas.DataFrame
        Columns ``vacancy_id``, ``posting_id`` (the chosen source), the
        contract's descriptive fields present in ``postings``, ``n_postings``,
        ``n_boards`` and ``first_date_posted``; sorted by ``vacancy_id``.

    Examples
    --------
    A vacancy seen on an aggregator and on the employer's site takes the
    employer's text, and the aggregator's salary when the employer gives none.
    """
    start = time.perf_counter()
    id_column = "vacancy_id" if "vacancy_id" in assignment.columns else "cluster_id"
    links = assignment[["posting_id", id_column]].rename(
        columns={id_column: "vacancy_id"}
    )
    fields = [f for f in DESCRIPTIVE_FIELDS if f in postings.columns]
    frame = postings[["posting_id", *fields]].merge(
        links, on="posting_id", how="inner", validate="one_to_one"
    )
    for name in fields:
        frame[name] = _empty_to_na(frame[name])
    source = (
        postings.set_index("posting_id")["source_type"]
        .reindex(frame["posting_id"])
        .to_numpy()
        if "source_type" in postings.columns
        else np.full(len(frame), "board", dtype=object)
    )
    frame["_rank"] = (
        pd.Series(source, index=frame.index)
        .map(SOURCE_TYPE_RANKS)
        .fillna(SOURCE_TYPE_RANKS["board"])
    )
    frame["_filled"] = frame[fields].notna().sum(axis=1)
    frame["_date"] = pd.to_datetime(frame.get("date_posted"), errors="coerce")
    frame = frame.sort_values(
        ["vacancy_id", "_rank", "_filled", "_date", "posting_id"],
        ascending=[True, True, False, False, True],
        kind="stable",
    )
    grouped = frame.groupby("vacancy_id", sort=True)
    salary = [
        f for f in ("salary_min", "salary_max", "salary_period") if f in frame.columns
    ]
    others = [f for f in fields if f not in salary]
    golden = grouped[["posting_id", *others]].first()
    best = frame.drop_duplicates("vacancy_id").set_index("vacancy_id")
    golden["posting_id"] = best["posting_id"]
    for name in others:
        # first() skips missing values, filling from the next posting in order.
        golden[name] = golden[name].where(golden[name].notna(), best[name])
    if salary:
        has_salary = frame[salary].notna().any(axis=1)
        salaried = frame[has_salary].drop_duplicates("vacancy_id")
        golden = golden.join(salaried.set_index("vacancy_id")[salary], how="left")
    golden["n_postings"] = grouped.size()
    golden["n_boards"] = grouped["board"].nunique() if "board" in fields else 1
    golden["first_date_posted"] = grouped["_date"].min().dt.date
    golden = golden.reset_index()
    columns = [
        "vacancy_id",
        "posting_id",
        *fields,
        "n_postings",
        "n_boards",
        "first_date_posted",
    ]
    golden = golden[columns]
    log.info(
        "golden: %s postings -> %s vacancies in %.1f s",
        f"{len(frame):,}",
        f"{len(golden):,}",
        time.perf_counter() - start,
    )
    return golden

"""The numbers of one night's run report, read from the warehouse.

Everything comes from tables and views the night wrote: ``staging`` for what
the boards gave, ``core.runs`` and ``core.quality_checks`` for what the steps
and gates did, and the ``marts`` views for vacancies, dedupe and coding, so
the report says what an analyst querying the warehouse would find.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import logging
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from vacatures.errors import UserError
from warehouse.load import read_frame

__all__ = ["NightReport", "build_report"]

log = logging.getLogger(__name__)

#: Name shown for rows without an occupation code or a province.
UNKNOWN = "unknown"


@dataclass
class NightReport:
    """What happened on one night, as plain values ready for JSON and HTML.

    Every list holds dictionaries with the columns named in its docstring
    line; counts are integers and shares fractions between 0 and 1.
    """

    run_date: dt.date
    #: Warehouse backend the numbers come from: ``duckdb`` or ``postgresql``.
    backend: str
    #: step, status, rows_in, rows_out, details (a dict).
    steps: list[dict[str, Any]] = field(default_factory=list)
    #: board, status, pages_fetched, postings_emitted, postings_staged.
    boards: list[dict[str, Any]] = field(default_factory=list)
    #: reason, n_records.
    quarantined: list[dict[str, Any]] = field(default_factory=list)
    #: board, reason, n_failures.
    crawl_failures: list[dict[str, Any]] = field(default_factory=list)
    #: n_open, n_new, n_closed, n_changed and the changes by field_name.
    vacancies: dict[str, Any] = field(default_factory=dict)
    #: n_postings, n_postings_linked, n_vacancies, postings_per_vacancy,
    #: share_cross_posted, dedupe_rate.
    dedupe: dict[str, Any] = field(default_factory=dict)
    #: n_open, n_coded, share_coded, taxonomy_version.
    coding: dict[str, Any] = field(default_factory=dict)
    #: isco08, label, n_open.
    top_occupations: list[dict[str, Any]] = field(default_factory=list)
    #: province, n_open.
    provinces: list[dict[str, Any]] = field(default_factory=list)
    #: check_name, table_name, status, observed, expected, details.
    gates: list[dict[str, Any]] = field(default_factory=list)
    #: night_date, n_postings, n_open, n_new, n_closed, share_coded,
    #: gates_failed, published.
    trend: list[dict[str, Any]] = field(default_factory=list)

    @property
    def gate_counts(self) -> dict[str, int]:
        """Return how many gates ended in each status."""
        counts = {"pass": 0, "warn": 0, "fail": 0, "skip": 0}
        for gate in self.gates:
            counts[gate["status"]] = counts.get(gate["status"], 0) + 1
        return counts

    @property
    def published(self) -> bool:
        """Whether tonight's vacancies were published."""
        return any(
            step["step"] == "publish" and step["status"] == "ok" for step in self.steps
        )

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON-ready values (ISO dates, no NaN)."""
        return {
            "run_date": self.run_date.isoformat(),
            "backend": self.backend,
            "published": self.published,
            "gate_counts": self.gate_counts,
            "steps": self.steps,
            "boards": self.boards,
            "quarantined": self.quarantined,
            "crawl_failures": self.crawl_failures,
            "vacancies": self.vacancies,
            "dedupe": self.dedupe,
            "coding": self.coding,
            "top_occupations": self.top_occupations,
            "provinces": self.provinces,
            "gates": self.gates,
            "trend": self.trend,
        }


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        # PostgreSQL sums integers to numeric.
        return int(value) if value == value.to_integral_value() else float(value)
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return _plain(value.item())
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {column: _plain(value) for column, value in row.items()}
        for row in frame.to_dict("records")
    ]


def _one(connection: sa.Connection, query: str, **params: Any) -> dict[str, Any]:
    frame = read_frame(connection, query, params)
    return _records(frame)[0] if len(frame) else {}


def _steps(connection: sa.Connection, night: dt.date) -> list[dict[str, Any]]:
    rows = _records(
        read_frame(
            connection,
            "select step, status, rows_in, rows_out, details from core.runs"
            " where run_date = :d and step <> 'report'",
            {"d": night},
        )
    )
    from vacatures.order import STEP_ORDER

    order = {name: rank for rank, name in enumerate(STEP_ORDER)}
    for row in rows:
        try:
            row["details"] = json.loads(row["details"] or "{}")
        except ValueError:
            row["details"] = {"unreadable": row["details"]}
    return sorted(rows, key=lambda row: (order.get(row["step"], 99), row["step"]))


def _boards(connection: sa.Connection, night: dt.date) -> list[dict[str, Any]]:
    return _records(
        read_frame(
            connection,
            """
            with staged as (
                select board, count(*) as postings_staged
                from staging.postings
                where run_date = :d
                group by board
            )
            select
                coalesce(crawls.board, staged.board) as board,
                coalesce(crawls.status, 'unknown') as status,
                crawls.pages_fetched,
                crawls.postings_emitted,
                coalesce(staged.postings_staged, 0) as postings_staged
            from (
                select * from staging.board_crawls where run_date = :d
            ) as crawls
            full outer join staged on staged.board = crawls.board
            order by board
            """,
            {"d": night},
        )
    )


def _vacancies(connection: sa.Connection, night: dt.date) -> dict[str, Any]:
    counts = _one(
        connection,
        "select coalesce(sum(n_open), 0) as n_open, coalesce(sum(n_new), 0) as n_new,"
        " coalesce(sum(n_closed), 0) as n_closed,"
        " coalesce(sum(days_open_closed), 0) as days_open_closed"
        " from marts.vacancies_per_day where night_date = :d",
        d=night,
    )
    changes = read_frame(
        connection,
        "select field_name, count(*) as n_vacancies from core.vacancy_changes"
        " where changed_date = :d group by field_name order by field_name",
        {"d": night},
    )
    n_changed = _one(
        connection,
        "select count(distinct vacancy_id) as n from core.vacancy_changes"
        " where changed_date = :d",
        d=night,
    )
    closed = counts.get("n_closed") or 0
    return {
        "n_open": int(counts.get("n_open") or 0),
        "n_new": int(counts.get("n_new") or 0),
        "n_closed": int(closed),
        "mean_days_open_closed": (
            round(counts["days_open_closed"] / closed, 1) if closed else None
        ),
        "n_changed": int(n_changed.get("n") or 0),
        "changes": {
            row["field_name"]: int(row["n_vacancies"]) for row in _records(changes)
        },
    }


def _dedupe(connection: sa.Connection, night: dt.date) -> dict[str, Any]:
    row = _one(
        connection,
        "select n_postings, n_postings_linked, n_vacancies, postings_per_vacancy,"
        " share_cross_posted from marts.dedupe_coverage where night_date = :d",
        d=night,
    )
    if row.get("n_postings_linked"):
        row["dedupe_rate"] = 1 - row["n_vacancies"] / row["n_postings_linked"]
    return row


def _coding(
    connection: sa.Connection, night: dt.date, steps: list[dict[str, Any]]
) -> dict[str, Any]:
    row = _one(
        connection,
        "select n_open, n_coded, share_coded from marts.coding_coverage"
        " where night_date = :d",
        d=night,
    )
    for step in steps:
        if step["step"] == "classify":
            row["taxonomy_version"] = step["details"].get("taxonomy_version")
    return row


def _top_occupations(
    connection: sa.Connection, night: dt.date, *, top: int
) -> list[dict[str, Any]]:
    per_group = read_frame(
        connection,
        "select isco08, max(isco08_label) as label, sum(n_open) as n_open"
        " from marts.vacancies_per_day where night_date = :d and n_open > 0"
        " group by isco08",
        {"d": night},
    )
    if per_group.empty:
        return []
    # Where the taxonomy holds no group labels, name a group by the occupation
    # most of its open vacancies were coded to.
    named = read_frame(
        connection,
        "select isco08, occupation_label, count(*) as n from core.vacancies"
        " where is_open and isco08 is not null group by isco08, occupation_label",
    )
    if not named.empty:
        best = (
            named.sort_values(["isco08", "n", "occupation_label"], ascending=[1, 0, 1])
            .drop_duplicates("isco08")
            .set_index("isco08")["occupation_label"]
        )
        per_group["label"] = per_group["label"].fillna(per_group["isco08"].map(best))
    per_group["isco08"] = per_group["isco08"].fillna(UNKNOWN)
    per_group["label"] = per_group["label"].fillna("not coded")
    per_group = per_group.sort_values(["n_open", "isco08"], ascending=[False, True])
    return _records(per_group.head(top))


def _provinces(connection: sa.Connection, night: dt.date) -> list[dict[str, Any]]:
    frame = read_frame(
        connection,
        "select province, sum(n_open) as n_open from marts.vacancies_per_day"
        " where night_date = :d and n_open > 0 group by province",
        {"d": night},
    )
    frame["province"] = frame["province"].fillna(UNKNOWN)
    return _records(frame.sort_values(["n_open", "province"], ascending=[False, True]))


def _gates(connection: sa.Connection, night: dt.date) -> list[dict[str, Any]]:
    frame = read_frame(
        connection,
        "select check_name, table_name, status, observed, expected, details"
        " from core.quality_checks where run_date = :d",
        {"d": night},
    )
    severity = {"fail": 0, "warn": 1, "skip": 2, "pass": 3}
    frame["rank"] = frame["status"].map(severity)
    frame = frame.sort_values(["rank", "check_name"]).drop(columns="rank")
    return _records(frame)


def _trend(
    connection: sa.Connection, night: dt.date, *, nights: int
) -> list[dict[str, Any]]:
    since = night - dt.timedelta(days=nights - 1)
    params = {"since": since, "d": night}
    runs = read_frame(
        connection,
        """
        select
            run_date as night_date,
            max(case when step = 'stage' then rows_out end) as n_postings,
            max(case when step = 'publish' and status = 'ok' then 1 else 0 end)
                as published
        from core.runs
        where run_date between :since and :d
        group by run_date
        """,
        params,
    )
    open_new_closed = read_frame(
        connection,
        "select night_date, sum(n_open) as n_open, sum(n_new) as n_new,"
        " sum(n_closed) as n_closed from marts.vacancies_per_day"
        " where night_date between :since and :d group by night_date",
        params,
    )
    coded = read_frame(
        connection,
        "select night_date, share_coded from marts.coding_coverage"
        " where night_date between :since and :d",
        params,
    )
    failed = read_frame(
        connection,
        "select run_date as night_date,"
        " sum(case when status = 'fail' then 1 else 0 end) as gates_failed"
        " from core.quality_checks where run_date between :since and :d"
        " group by run_date",
        params,
    )
    trend = runs
    for frame in (open_new_closed, coded, failed):
        trend = trend.merge(frame, on="night_date", how="outer")
    if trend.empty:
        return []
    trend["night_date"] = pd.to_datetime(trend["night_date"]).dt.date
    trend["published"] = trend["published"].fillna(0).astype(bool)
    return _records(trend.sort_values("night_date"))


def build_report(
    engine: Engine, run_date: dt.date, *, nights: int = 14, top: int = 10
) -> NightReport:
    """Read one night's report from the warehouse.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        The warehouse, with its marts views.
    run_date : datetime.date
        The night reported.
    nights : int
        How many nights, ending with ``run_date``, the trend covers.
    top : int
        How many occupations the top list holds.

    Returns
    -------
    NightReport
        The night's numbers.

    Raises
    ------
    UserError
        When the warehouse recorded no step for ``run_date``.
    """
    with engine.connect() as connection:
        steps = _steps(connection, run_date)
        if not steps:
            raise UserError(
                f"no run recorded for {run_date} in the warehouse; run that night first"
            )
        report = NightReport(
            run_date=run_date,
            backend=engine.dialect.name,
            steps=steps,
            boards=_boards(connection, run_date),
            quarantined=_records(
                read_frame(
                    connection,
                    "select reason, count(*) as n_records from staging.quarantine"
                    " where run_date = :d group by reason"
                    " order by count(*) desc, reason",
                    {"d": run_date},
                )
            ),
            crawl_failures=_records(
                read_frame(
                    connection,
                    "select board, reason, n_failures from staging.crawl_failures"
                    " where run_date = :d order by board, n_failures desc, reason",
                    {"d": run_date},
                )
            ),
            vacancies=_vacancies(connection, run_date),
            dedupe=_dedupe(connection, run_date),
            coding=_coding(connection, run_date, steps),
            top_occupations=_top_occupations(connection, run_date, top=top),
            provinces=_provinces(connection, run_date),
            gates=_gates(connection, run_date),
            trend=_trend(connection, run_date, nights=nights),
        )
    log.info(
        "report %s: %s boards, %s open vacancies, %s gates",
        run_date,
        len(report.boards),
        f"{report.vacancies.get('n_open', 0):,}",
        len(report.gates),
    )
    return report

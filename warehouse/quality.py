"""Data-quality gates that run after each night's load, before publication.

Every table the night writes states its tests, the dbt way: its key is unique
and not null, enumerated columns hold accepted values, links point at rows that
exist, history dates are in order, and the night's volumes stay within bounds
of the last good night. A gate counts the rows that break it; zero passes.

A failed blocking gate (status ``fail``) stops publication: ``publish`` reads
:func:`gate_failures` and refuses, so portals keep the previous night. A failed
advisory gate (status ``warn``) is reported but publishes. Results are stored
per night in ``core.quality_checks`` and rewritten whole by a rerun.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement

from schemas.posting import (
    EDUCATION_LEVELS,
    EMPLOYMENT_TYPES,
    LANGUAGES,
    SALARY_PERIODS,
)
from vacatures.errors import UserError
from warehouse import models as m
from warehouse.load import read_frame, replace_rows

__all__ = [
    "CheckResult",
    "Gate",
    "QualityGateError",
    "Thresholds",
    "gate_failures",
    "night_gates",
    "run_checks",
    "store_results",
]

log = logging.getLogger(__name__)

#: A night to the condition that picks its rows (or another row-wise rule).
Partition = Callable[[dt.date], ColumnElement[bool]]

#: Statuses of a gate: passed, failed but advisory, failed and blocking, not run.
STATUSES = ("pass", "warn", "fail", "skip")


class QualityGateError(UserError):
    """Tonight's blocking quality gates failed or never ran; nothing is published."""


@dataclass(frozen=True)
class Thresholds:
    """Bounds of tonight's volumes relative to the last good night.

    Parameters
    ----------
    min_ratio : float
        Tonight's count may not fall below this share of the last good night.
    max_ratio : float
        Tonight's count may not rise above this multiple of the last good night.
    """

    min_ratio: float = 0.5
    max_ratio: float = 2.0

    @classmethod
    def from_environment(cls) -> Thresholds:
        """Read ``VACATURES_GATE_MIN_RATIO`` and ``VACATURES_GATE_MAX_RATIO``.

        Returns
        -------
        Thresholds
            The defaults where a variable is not set.

        Raises
        ------
        UserError
            When a variable is not a positive number or the bounds cross.
        """
        values = {}
        for name, variable in (
            ("min_ratio", "VACATURES_GATE_MIN_RATIO"),
            ("max_ratio", "VACATURES_GATE_MAX_RATIO"),
        ):
            text = os.environ.get(variable)
            if text is None:
                continue
            try:
                values[name] = float(text)
            except ValueError:
                raise UserError(f"{variable} is not a number: {text!r}") from None
        thresholds = cls(**values)
        if not 0 < thresholds.min_ratio <= 1 <= thresholds.max_ratio:
            raise UserError(
                "row-count bounds must satisfy 0 < min ratio <= 1 <= max ratio,"
                f" got {thresholds.min_ratio} and {thresholds.max_ratio}"
            )
        return thresholds


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one gate on one night, as stored in ``core.quality_checks``."""

    check_name: str
    table_name: str
    status: str
    observed: float | None
    expected: str
    details: str = ""


@dataclass(frozen=True)
class Gate:
    """A named data test: a function of a connection and a night to a result.

    ``blocking`` gates stop publication when they fail; others only warn.
    """

    name: str
    table_name: str
    measure: Callable[[sa.Connection, dt.date], CheckResult]
    blocking: bool = True


def _name(table: sa.Table) -> str:
    return f"{table.schema}.{table.name}"


def _count(
    connection: sa.Connection, table: sa.Table, *conditions: ColumnElement[bool] | None
) -> int:
    query = sa.select(sa.func.count()).select_from(table)
    for condition in conditions:
        if condition is not None:
            query = query.where(condition)
    return int(connection.execute(query).scalar_one())


def _verdict(bad: int, blocking: bool) -> str:
    if bad == 0:
        return "pass"
    return "fail" if blocking else "warn"


# --- the kinds of gate ---------------------------------------------------------


def unique(
    table: sa.Table,
    columns: Sequence[str],
    *,
    where: Partition | None = None,
    blocking: bool = True,
) -> Gate:
    """Build a gate that no two rows share ``columns``.

    Parameters
    ----------
    table : sqlalchemy.Table
        The table tested.
    columns : sequence of str
        The key.
    where : callable, optional
        The night's partition, as a function of the night to a condition.
    blocking : bool
        Whether a failure stops publication.

    Returns
    -------
    Gate
        Observes the number of key values held by more than one row.
    """
    name = f"unique:{_name(table)}({', '.join(columns)})"

    def measure(connection: sa.Connection, night: dt.date) -> CheckResult:
        keys = [table.c[column] for column in columns]
        grouped = sa.select(*keys).group_by(*keys).having(sa.func.count() > 1)
        if where is not None:
            grouped = grouped.where(where(night))
        bad = connection.execute(
            sa.select(sa.func.count()).select_from(grouped.subquery())
        ).scalar_one()
        return CheckResult(name, _name(table), _verdict(bad, blocking), bad, "0")

    return Gate(name, _name(table), measure, blocking)


def not_null(
    table: sa.Table,
    column: str,
    *,
    where: Partition | None = None,
    blocking: bool = True,
) -> Gate:
    """Build a gate that ``column`` is never null (in the night's partition).

    Parameters
    ----------
    table : sqlalchemy.Table
        The table tested.
    column : str
        The column.
    where : callable, optional
        The night's partition, as a function of the night to a condition.
    blocking : bool
        Whether a failure stops publication.

    Returns
    -------
    Gate
        Observes the number of null values.
    """
    name = f"not_null:{_name(table)}.{column}"

    def measure(connection: sa.Connection, night: dt.date) -> CheckResult:
        bad = _count(
            connection,
            table,
            table.c[column].is_(None),
            where(night) if where else None,
        )
        return CheckResult(name, _name(table), _verdict(bad, blocking), bad, "0")

    return Gate(name, _name(table), measure, blocking)


def accepted_values(
    table: sa.Table,
    column: str,
    values: Sequence[str],
    *,
    where: Partition | None = None,
    blocking: bool = True,
) -> Gate:
    """Build a gate that ``column`` is null or one of ``values``.

    Parameters
    ----------
    table : sqlalchemy.Table
        The table tested.
    column : str
        The enumerated column.
    values : sequence of str
        The accepted values.
    where : callable, optional
        The night's partition, as a function of the night to a condition.
    blocking : bool
        Whether a failure stops publication.

    Returns
    -------
    Gate
        Observes the number of rows with another value; the details name the
        five most frequent offenders.
    """
    name = f"accepted_values:{_name(table)}.{column}"

    def measure(connection: sa.Connection, night: dt.date) -> CheckResult:
        target = table.c[column]
        offending = target.is_not(None) & target.not_in(list(values))
        query = (
            sa.select(target, sa.func.count().label("n"))
            .where(offending)
            .group_by(target)
            .order_by(sa.func.count().desc(), target)
        )
        if where is not None:
            query = query.where(where(night))
        rows = connection.execute(query).all()
        bad = sum(row.n for row in rows)
        details = ", ".join(f"{row[0]!r}: {row.n}" for row in rows[:5])
        return CheckResult(
            name,
            _name(table),
            _verdict(bad, blocking),
            bad,
            f"0 outside {len(values)} values",
            details,
        )

    return Gate(name, _name(table), measure, blocking)


def relationship(
    table: sa.Table,
    column: str,
    parent: sa.Table,
    parent_column: str,
    *,
    where: Partition | None = None,
    blocking: bool = True,
) -> Gate:
    """Build a gate that every non-null ``column`` value exists in ``parent``.

    Parameters
    ----------
    table : sqlalchemy.Table
        The referring table.
    column : str
        The referring column.
    parent : sqlalchemy.Table
        The referred table.
    parent_column : str
        The referred column.
    where : callable, optional
        The night's partition of ``table``.
    blocking : bool
        Whether a failure stops publication.

    Returns
    -------
    Gate
        Observes the number of rows pointing at nothing.
    """
    name = f"relationship:{_name(table)}.{column}->{_name(parent)}.{parent_column}"

    def measure(connection: sa.Connection, night: dt.date) -> CheckResult:
        exists = (
            sa.select(sa.literal(1))
            .where(parent.c[parent_column] == table.c[column])
            .exists()
        )
        bad = _count(
            connection,
            table,
            table.c[column].is_not(None),
            ~exists,
            where(night) if where else None,
        )
        return CheckResult(name, _name(table), _verdict(bad, blocking), bad, "0")

    return Gate(name, _name(table), measure, blocking)


def expression(
    table: sa.Table,
    label: str,
    condition: Partition,
    *,
    where: Partition | None = None,
    blocking: bool = True,
) -> Gate:
    """Build a gate that ``condition`` holds on every row.

    Parameters
    ----------
    table : sqlalchemy.Table
        The table tested.
    label : str
        A short name of the rule, part of the gate's name.
    condition : callable
        The night to a condition every row must meet.
    where : callable, optional
        The night's partition.
    blocking : bool
        Whether a failure stops publication.

    Returns
    -------
    Gate
        Observes the number of rows breaking the rule.
    """
    name = f"expression:{_name(table)}:{label}"

    def measure(connection: sa.Connection, night: dt.date) -> CheckResult:
        bad = _count(
            connection,
            table,
            sa.not_(condition(night)),
            where(night) if where else None,
        )
        return CheckResult(name, _name(table), _verdict(bad, blocking), bad, "0")

    return Gate(name, _name(table), measure, blocking)


def row_count(
    label: str,
    table: sa.Table,
    count: Callable[[sa.Connection, dt.date], int],
    *,
    thresholds: Thresholds,
    blocking: bool = True,
) -> Gate:
    """Build a gate that tonight's count is within bounds of the last good night.

    The last good night is the latest earlier night whose same gate passed
    (or was the first), so one bad night is not tomorrow's yardstick. With no
    earlier night the gate records the count and is skipped; a count of zero
    always fails.

    Parameters
    ----------
    label : str
        What is counted, part of the gate's name.
    table : sqlalchemy.Table
        The table counted.
    count : callable
        The connection and the night to the count.
    thresholds : Thresholds
        The bounds, as ratios of the last good night's count.
    blocking : bool
        Whether a failure stops publication.

    Returns
    -------
    Gate
        Observes tonight's count.
    """
    name = f"row_count:{label}"
    checks = m.core_quality_checks

    def measure(connection: sa.Connection, night: dt.date) -> CheckResult:
        observed = count(connection, night)
        previous = connection.execute(
            sa.select(checks.c.run_date, checks.c.observed)
            .where(checks.c.check_name == name)
            .where(checks.c.run_date < night)
            .where(checks.c.status.in_(("pass", "skip")))
            .where(checks.c.observed.is_not(None))
            .order_by(checks.c.run_date.desc())
            .limit(1)
        ).first()
        if observed == 0:
            return CheckResult(
                name,
                _name(table),
                "fail" if blocking else "warn",
                observed,
                "more than 0",
                "nothing counted tonight",
            )
        if previous is None:
            return CheckResult(
                name, _name(table), "skip", observed, "", "no earlier night to compare"
            )
        low = previous.observed * thresholds.min_ratio
        high = previous.observed * thresholds.max_ratio
        within = low <= observed <= high
        ratio = observed / previous.observed if previous.observed else None
        return CheckResult(
            name,
            _name(table),
            "pass" if within else ("fail" if blocking else "warn"),
            observed,
            f"between {low:,.0f} and {high:,.0f}",
            f"{previous.observed:,.0f} on {previous.run_date}"
            + (f", ratio {ratio:.2f}" if ratio is not None else ""),
        )

    return Gate(name, _name(table), measure, blocking)


# --- the gates of a night ----------------------------------------------------------


def _staged_postings(connection: sa.Connection, night: dt.date) -> int:
    return _count(
        connection, m.staging_postings, m.staging_postings.c.run_date == night
    )


def _open_vacancies(connection: sa.Connection, night: dt.date) -> int:
    # Open on a night by history, so a replayed older night counts its own.
    vacancies = m.core_vacancies
    return _count(
        connection,
        vacancies,
        vacancies.c.first_seen_date <= night,
        sa.or_(vacancies.c.closed_date.is_(None), vacancies.c.closed_date > night),
    )


def _boards_not_ok(connection: sa.Connection, night: dt.date) -> CheckResult:
    # A board that failed keeps its postings active, so it warns, not blocks.
    crawls = m.staging_board_crawls
    rows = connection.execute(
        sa.select(crawls.c.board, crawls.c.status)
        .where(crawls.c.run_date == night)
        .where(crawls.c.status != "ok")
        .order_by(crawls.c.board)
    ).all()
    return CheckResult(
        "crawled_ok:staging.board_crawls",
        _name(crawls),
        "warn" if rows else "pass",
        len(rows),
        "0 boards not ok",
        ", ".join(f"{row.board}: {row.status}" for row in rows),
    )


def night_gates(thresholds: Thresholds | None = None) -> list[Gate]:
    """Return the gates every night runs, in the order they are reported.

    Parameters
    ----------
    thresholds : Thresholds, optional
        Bounds of the row-count gates; the defaults when not given.

    Returns
    -------
    list of Gate
        Keys, accepted values, links, history order and volumes.
    """
    thresholds = thresholds or Thresholds()
    staged = m.staging_postings
    crawls = m.staging_board_crawls
    postings = m.core_postings
    vacancies = m.core_vacancies
    links = m.core_vacancy_postings

    def staged_tonight(night: dt.date) -> ColumnElement[bool]:
        return staged.c.run_date == night

    def crawled_tonight(night: dt.date) -> ColumnElement[bool]:
        return crawls.c.run_date == night

    # The night's rows are found from its staged postings and the vacancies'
    # history, not from last seen dates, so checking an older night again
    # after newer ones looks at the same rows.
    def seen_tonight(night: dt.date) -> ColumnElement[bool]:
        return postings.c.posting_id.in_(
            sa.select(staged.c.posting_id).where(staged.c.run_date == night)
        )

    def vacancy_seen_tonight(night: dt.date) -> ColumnElement[bool]:
        return sa.and_(
            vacancies.c.first_seen_date <= night,
            sa.or_(vacancies.c.closed_date.is_(None), vacancies.c.closed_date > night),
        )

    from transforms.geo import PROVINCES

    enums = {
        "employment_type": EMPLOYMENT_TYPES,
        "salary_period": SALARY_PERIODS,
        "education_level": EDUCATION_LEVELS,
        "language": LANGUAGES,
    }
    gates = [
        unique(staged, ["posting_id"], where=staged_tonight),
        not_null(staged, "posting_id", where=staged_tonight),
        *(
            accepted_values(staged, column, values, where=staged_tonight)
            for column, values in enums.items()
        ),
        accepted_values(
            crawls,
            "status",
            ("ok", "partial", "failed", "missing"),
            where=crawled_tonight,
        ),
        Gate(
            "crawled_ok:staging.board_crawls",
            _name(crawls),
            _boards_not_ok,
            blocking=False,
        ),
        unique(postings, ["posting_id"], where=seen_tonight),
        not_null(postings, "vacancy_id", where=seen_tonight),
        relationship(postings, "vacancy_id", vacancies, "vacancy_id"),
        expression(
            postings,
            "first_seen_date<=last_seen_date",
            lambda night: postings.c.first_seen_date <= postings.c.last_seen_date,
        ),
        unique(vacancies, ["vacancy_id"]),
        not_null(vacancies, "title", where=vacancy_seen_tonight),
        *(
            accepted_values(vacancies, column, values, where=vacancy_seen_tonight)
            for column, values in enums.items()
        ),
        accepted_values(
            vacancies, "province", PROVINCES, where=vacancy_seen_tonight, blocking=False
        ),
        relationship(vacancies, "source_posting_id", postings, "posting_id"),
        expression(
            vacancies,
            "first_seen_date<=last_seen_date",
            lambda night: vacancies.c.first_seen_date <= vacancies.c.last_seen_date,
        ),
        expression(
            vacancies,
            "closed_after_last_seen",
            lambda night: sa.or_(
                vacancies.c.closed_date.is_(None),
                vacancies.c.closed_date > vacancies.c.last_seen_date,
            ),
        ),
        expression(
            vacancies,
            "open_has_active_posting",
            lambda night: sa.or_(
                ~vacancies.c.is_open,
                sa.select(sa.literal(1))
                .where(postings.c.vacancy_id == vacancies.c.vacancy_id)
                .where(postings.c.is_active)
                .exists(),
            ),
        ),
        expression(
            vacancies,
            "salary_min<=salary_max",
            lambda night: sa.or_(
                vacancies.c.salary_min_eur.is_(None),
                vacancies.c.salary_max_eur.is_(None),
                vacancies.c.salary_min_eur <= vacancies.c.salary_max_eur,
            ),
            where=vacancy_seen_tonight,
            blocking=False,
        ),
        unique(links, ["posting_id"]),
        relationship(links, "posting_id", postings, "posting_id"),
        relationship(links, "vacancy_id", vacancies, "vacancy_id"),
        expression(
            links,
            "same_vacancy_as_posting",
            lambda night: (
                sa.select(sa.literal(1))
                .where(postings.c.posting_id == links.c.posting_id)
                .where(postings.c.vacancy_id == links.c.vacancy_id)
                .exists()
            ),
        ),
        row_count("staging.postings", staged, _staged_postings, thresholds=thresholds),
        row_count("open_vacancies", vacancies, _open_vacancies, thresholds=thresholds),
    ]
    return gates


def run_checks(
    connection: sa.Connection,
    run_date: dt.date,
    *,
    gates: Sequence[Gate] | None = None,
) -> list[CheckResult]:
    """Run the gates on one night and return their results.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse.
    run_date : datetime.date
        The night checked.
    gates : sequence of Gate, optional
        The gates; :func:`night_gates` with default bounds when not given.

    Returns
    -------
    list of CheckResult
        One per gate, in order.
    """
    gates = night_gates() if gates is None else gates
    results = [gate.measure(connection, run_date) for gate in gates]
    for result in results:
        if result.status in ("fail", "warn"):
            log.warning(
                "gate %s %s: observed %s, expected %s %s",
                result.check_name,
                result.status,
                result.observed,
                result.expected,
                result.details,
            )
    return results


def store_results(
    connection: sa.Connection, run_date: dt.date, results: Sequence[CheckResult]
) -> int:
    """Replace the night's rows of ``core.quality_checks`` with ``results``.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        A connection inside the caller's transaction.
    run_date : datetime.date
        The night.
    results : sequence of CheckResult
        What :func:`run_checks` returned.

    Returns
    -------
    int
        The number of rows written.
    """
    frame = pd.DataFrame(
        [
            {
                "run_date": run_date,
                "check_name": result.check_name,
                "table_name": result.table_name,
                "status": result.status,
                "observed": (
                    None if result.observed is None else float(result.observed)
                ),
                "expected": result.expected,
                "details": result.details,
            }
            for result in results
        ]
    )
    return replace_rows(
        connection, m.core_quality_checks, frame, where={"run_date": run_date}
    )


def gate_failures(connection: sa.Connection, run_date: dt.date) -> list[str] | None:
    """Return the night's failed blocking gates, or ``None`` if none were run.

    Parameters
    ----------
    connection : sqlalchemy.engine.Connection
        The warehouse.
    run_date : datetime.date
        The night.

    Returns
    -------
    list of str or None
        Names of gates with status ``fail`` (empty when all passed);
        ``None`` when the night has no recorded gates.

    Examples
    --------
    A night whose gates never ran is not a night that passed:

    >>> gate_failures(connection, dt.date(2026, 12, 1)) is None  # doctest: +SKIP
    True
    """
    checks = m.core_quality_checks
    rows = read_frame(
        connection,
        sa.select(checks.c.check_name, checks.c.status).where(
            checks.c.run_date == run_date
        ),
    )
    if rows.empty:
        return None
    return sorted(rows.loc[rows["status"] == "fail", "check_name"])

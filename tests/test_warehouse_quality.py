"""Data-quality gates on hand-built histories, on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import sqlalchemy as sa
from test_warehouse_views import D2, load_history

from vacatures.errors import UserError
from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.load import insert_rows, read_frame
from warehouse.quality import (
    Thresholds,
    gate_failures,
    night_gates,
    row_count,
    run_checks,
    store_results,
    unique,
)


@pytest.fixture
def engine(warehouse_url):
    engine = get_engine(warehouse_url)
    load_history(engine)
    yield engine
    engine.dispose()


def _statuses(results) -> dict[str, str]:
    return {result.check_name: result.status for result in results}


def test_run_checks_flags_exactly_the_unlinked_posting(engine):
    with engine.connect() as connection:
        results = run_checks(connection, D2)
    statuses = _statuses(results)
    assert len(statuses) == len(results), "gate names are unique"
    broken = {name: s for name, s in statuses.items() if s not in ("pass", "skip")}
    assert broken == {"not_null:core.postings.vacancy_id": "fail"}
    unlinked = next(r for r in results if r.check_name in broken)
    assert unlinked.observed == 1
    assert statuses["row_count:staging.postings"] == "skip"


def test_run_checks_link_to_missing_posting_fails(engine):
    with engine.begin() as connection:
        insert_rows(
            connection,
            m.core_vacancy_postings,
            pd.DataFrame(
                [
                    {
                        "posting_id": "c:gone",
                        "vacancy_id": "v1",
                        "board": "c",
                        "linked_date": D2,
                    }
                ]
            ),
        )
        statuses = _statuses(run_checks(connection, D2))
    name = "relationship:core.vacancy_postings.posting_id->core.postings.posting_id"
    assert statuses[name] == "fail"
    assert statuses[
        "relationship:core.vacancy_postings.vacancy_id->core.vacancies.vacancy_id"
    ] == ("pass")


def test_run_checks_unknown_province_warns_without_blocking(engine):
    with engine.begin() as connection:
        connection.execute(
            m.core_vacancies.update()
            .where(m.core_vacancies.c.vacancy_id == "v3")
            .values(province="Gelderlandd")
        )
        results = run_checks(connection, D2)
        store_results(connection, D2, results)
        failures = gate_failures(connection, D2)
    province = next(r for r in results if r.check_name.endswith("vacancies.province"))
    assert (province.status, province.observed) == ("warn", 1)
    assert "'Gelderlandd': 1" in province.details
    assert failures == ["not_null:core.postings.vacancy_id"]


def _stage(connection, night: dt.date, n: int) -> None:
    frame = pd.DataFrame(
        {
            "run_date": night,
            "posting_id": [f"x:{night}:{i}" for i in range(n)],
            "board": "x",
            "url": "https://x.example/",
            "title": "Kok",
            "employer": "Acme",
            "location": "Utrecht",
            "description": "Koken.",
            "date_posted": night,
        }
    )
    insert_rows(connection, m.staging_postings, frame)


def test_row_count_compares_with_the_last_good_night(warehouse_url):
    engine = get_engine(warehouse_url)
    migrate(engine)
    gate = row_count(
        "staging.postings",
        m.staging_postings,
        lambda connection, night: connection.execute(
            sa.select(sa.func.count()).where(m.staging_postings.c.run_date == night)
        ).scalar_one(),
        thresholds=Thresholds(min_ratio=0.5, max_ratio=2.0),
    )
    nights = [dt.date(2026, 12, day) for day in (1, 2, 3, 4, 5)]
    # 100 staged, then a collapse, a recovery, too many, and an empty night.
    counts = [100, 40, 90, 250, 0]
    seen = []
    try:
        for night, n in zip(nights, counts, strict=True):
            with engine.begin() as connection:
                _stage(connection, night, n)
                results = run_checks(connection, night, gates=[gate])
                store_results(connection, night, results)
            seen.append((results[0].status, results[0].observed))
    finally:
        engine.dispose()
    # The third night is measured against the first, not the collapsed second.
    assert seen == [
        ("skip", 100),
        ("fail", 40),
        ("pass", 90),
        ("fail", 250),
        ("fail", 0),
    ]


def test_gate_failures_none_before_checks_then_names(engine):
    with engine.begin() as connection:
        assert gate_failures(connection, D2) is None
        store_results(connection, D2, run_checks(connection, D2))
        assert gate_failures(connection, D2) == ["not_null:core.postings.vacancy_id"]
        # A rerun replaces the night's results rather than adding to them.
        store_results(connection, D2, run_checks(connection, D2))
        stored = read_frame(connection, "select count(*) as n from core.quality_checks")
    assert stored["n"].iat[0] == len(night_gates())


def test_unique_counts_repeated_keys(warehouse_url):
    engine = get_engine(warehouse_url)
    scratch = sa.Table(
        "scratch_keys",
        sa.MetaData(),
        sa.Column("k", sa.String),
        sa.Column("v", sa.Integer),
    )
    try:
        with engine.begin() as connection:
            scratch.create(connection)
            connection.execute(
                scratch.insert(),
                [{"k": "a", "v": 1}, {"k": "a", "v": 2}, {"k": "b", "v": 3}],
            )
            result = unique(scratch, ["k"]).measure(connection, D2)
            pair = unique(scratch, ["k", "v"]).measure(connection, D2)
    finally:
        engine.dispose()
    assert (result.status, result.observed) == ("fail", 1)
    assert (pair.status, pair.observed) == ("pass", 0)


def test_thresholds_from_environment(monkeypatch):
    monkeypatch.setenv("VACATURES_GATE_MIN_RATIO", "0.8")
    assert Thresholds.from_environment() == Thresholds(min_ratio=0.8, max_ratio=2.0)
    monkeypatch.setenv("VACATURES_GATE_MAX_RATIO", "0.9")
    with pytest.raises(UserError, match="min ratio <= 1 <= max ratio"):
        Thresholds.from_environment()
    monkeypatch.setenv("VACATURES_GATE_MAX_RATIO", "lots")
    with pytest.raises(UserError, match="not a number"):
        Thresholds.from_environment()

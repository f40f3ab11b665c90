"""The marts views on a small hand-built history, on DuckDB and PostgreSQL.

Three nights, four vacancies on two boards; every expected number below is
counted by hand from the history in :func:`load_history`.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.load import insert_rows, read_frame
from warehouse.views import create_views, mart_names, view_sql

D1, D2, D3 = (dt.date(2026, 12, day) for day in (1, 2, 3))

#: vacancy_id: (isco08, province, first_seen, last_seen, closed, boards)
VACANCIES = {
    "v1": ("2512", "Utrecht", D1, D3, None, ("a", "b")),
    "v2": ("2512", "Utrecht", D1, D2, D3, ("a",)),
    "v3": (None, None, D2, D2, D3, ("b",)),
    "v4": ("5223", "Zeeland", D3, D3, None, ("a",)),
}


def _posting(posting_id: str, board: str, vacancy_id: str | None, first, last):
    return {
        "posting_id": posting_id,
        "board": board,
        "url": f"https://{board}.example/{posting_id}",
        "title": "Ontwikkelaar",
        "employer": "Acme",
        "location": "Utrecht",
        "description": "Bouw mee.",
        "date_posted": first,
        "vacancy_id": vacancy_id,
        "content_hash": "0" * 16,
        "first_seen_date": first,
        "last_seen_date": last,
        "is_active": True,
    }


def history_frames() -> dict[str, pd.DataFrame]:
    """Return the rows of the hand-built history, table by table."""
    vacancies, postings, links = [], [], []
    for vacancy_id, (isco08, province, first, last, closed, boards) in sorted(
        VACANCIES.items()
    ):
        for board in boards:
            posting_id = f"{board}:{vacancy_id}"
            postings.append(_posting(posting_id, board, vacancy_id, first, last))
            postings[-1]["is_active"] = closed is None
            links.append(
                {
                    "posting_id": posting_id,
                    "vacancy_id": vacancy_id,
                    "board": board,
                    "linked_date": first,
                }
            )
        vacancies.append(
            {
                "vacancy_id": vacancy_id,
                "source_posting_id": f"{boards[0]}:{vacancy_id}",
                "title": "Ontwikkelaar",
                "employer": "Acme",
                "location": province or "onbekend",
                "province": province,
                "description": "Bouw mee.",
                "url": f"https://{boards[0]}.example/{vacancy_id}",
                "isco08": isco08,
                "n_postings": len(boards),
                "n_boards": len(boards),
                "content_hash": "0" * 16,
                "date_posted": first,
                "first_seen_date": first,
                "last_seen_date": last,
                "closed_date": closed,
                "is_open": closed is None,
            }
        )
    # An extra posting staged on the second night that no vacancy holds.
    postings.append(_posting("a:loose", "a", None, D2, D2))
    staged = [
        {
            key: row[key]
            for key in (
                "posting_id",
                "board",
                "url",
                "title",
                "employer",
                "location",
                "description",
                "date_posted",
            )
        }
        | {"run_date": D2}
        for row in postings
        if row["first_seen_date"] <= D2 <= row["last_seen_date"]
    ]
    runs = [
        {"run_date": night, "step": "dedupe", "status": "ok"} for night in (D1, D2, D3)
    ]
    return {
        "core.vacancies": pd.DataFrame(vacancies),
        "core.postings": pd.DataFrame(postings),
        "core.vacancy_postings": pd.DataFrame(links),
        "staging.postings": pd.DataFrame(staged),
        "core.runs": pd.DataFrame(runs),
    }


def load_history(engine) -> None:
    """Migrate ``engine``, build the marts and insert the hand-built history."""
    migrate(engine)
    create_views(engine)
    tables = {f"{t.schema}.{t.name}": t for t in m.metadata.sorted_tables}
    with engine.begin() as connection:
        for name, frame in history_frames().items():
            insert_rows(connection, tables[name], frame)


@pytest.fixture
def engine(warehouse_url):
    engine = get_engine(warehouse_url)
    load_history(engine)
    yield engine
    engine.dispose()


def _rows(engine, query: str) -> list[tuple]:
    with engine.connect() as connection:
        frame = read_frame(connection, query)
    return [
        tuple(None if pd.isna(v) else v for v in row)
        for row in frame.itertuples(index=False, name=None)
    ]


def test_mart_names_every_file_has_a_header_and_a_final_select():
    assert mart_names() == [
        "coding_coverage",
        "dedupe_coverage",
        "vacancies_per_board_day",
        "vacancies_per_day",
        "vacancy_time_open",
    ]
    for name in mart_names():
        sql = view_sql(name)
        assert sql.startswith(f"-- marts.{name}\n")
        assert sql.rstrip().endswith("select * from final")


def test_vacancies_per_day_counts_open_new_and_closed(engine):
    totals = _rows(
        engine,
        "select night_date, sum(n_open), sum(n_new), sum(n_closed),"
        " sum(days_open_closed) from marts.vacancies_per_day"
        " group by night_date order by night_date",
    )
    assert totals == [(D1, 2, 2, 0, 0), (D2, 3, 1, 0, 0), (D3, 2, 1, 2, 3)]
    tonight = _rows(
        engine,
        "select isco_major_group, isco08, province, n_open, n_new, n_closed"
        " from marts.vacancies_per_day where night_date = '2026-12-03'"
        " order by isco08 nulls last",
    )
    assert tonight == [
        ("2", "2512", "Utrecht", 1, 0, 1),
        ("5", "5223", "Zeeland", 1, 1, 0),
        (None, None, None, 0, 0, 1),
    ]


def test_vacancies_per_board_day_counts_each_board_of_a_vacancy(engine):
    rows = _rows(
        engine,
        "select night_date, board, n_open, n_new, n_closed, days_open_closed"
        " from marts.vacancies_per_board_day order by night_date, board",
    )
    assert rows == [
        (D1, "a", 2, 2, 0, 0),
        (D1, "b", 1, 1, 0, 0),
        (D2, "a", 2, 0, 0, 0),
        (D2, "b", 2, 1, 0, 0),
        (D3, "a", 2, 1, 1, 2),
        (D3, "b", 1, 0, 1, 1),
    ]


def test_vacancy_time_open_summarises_closed_vacancies(engine):
    rows = _rows(
        engine,
        "select isco08, province, n_closed, mean_days_open, median_days_open"
        " from marts.vacancy_time_open order by isco08 nulls last",
    )
    assert rows == [("2512", "Utrecht", 1, 2.0, 2.0), (None, None, 1, 1.0, 1.0)]


def test_dedupe_coverage_follows_staged_postings_to_vacancies(engine):
    rows = _rows(
        engine,
        "select night_date, n_boards, n_postings, n_postings_linked, n_vacancies,"
        " n_cross_posted, postings_per_vacancy, share_cross_posted"
        " from marts.dedupe_coverage",
    )
    assert rows == [(D2, 2, 5, 4, 3, 1, pytest.approx(4 / 3), pytest.approx(1 / 3))]


def test_coding_coverage_shares_coded_open_vacancies(engine):
    rows = _rows(
        engine,
        "select night_date, n_open, n_coded, share_coded from marts.coding_coverage"
        " order by night_date",
    )
    assert rows == [(D1, 2, 2, 1.0), (D2, 3, 2, pytest.approx(2 / 3)), (D3, 2, 2, 1.0)]


def test_create_views_twice_replaces_them(engine):
    assert create_views(engine) == [f"marts.{name}" for name in mart_names()]
    assert _rows(engine, "select count(*) from marts.coding_coverage") == [(3,)]

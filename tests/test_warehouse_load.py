from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from warehouse import models as m
from warehouse.db import get_engine, migrate
from warehouse.load import (
    insert_rows,
    read_frame,
    replace_rows,
    update_rows,
    upsert_rows,
)

DAY = dt.date(2026, 12, 1)


@pytest.fixture
def engine(warehouse_url):
    engine = get_engine(warehouse_url)
    migrate(engine)
    yield engine
    engine.dispose()


def _boards(kind: str = "jsonld") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "board": ["a", "b"],
            "kind": [kind, "xmlfeed"],
            "url": ["https://a.nl", "https://b.nl"],
            "source_type": ["board", "employer"],
            "first_seen_date": [DAY, DAY],
            "last_seen_date": [DAY, DAY + dt.timedelta(days=1)],
        }
    )


def test_upsert_rows_inserts_then_updates(engine):
    with engine.begin() as connection:
        upsert_rows(connection, m.core_boards, _boards(), key=["board"])
        upsert_rows(connection, m.core_boards, _boards("html"), key=["board"])
        rows = read_frame(connection, "select * from core.boards order by board")
    assert rows["kind"].tolist() == ["html", "xmlfeed"]
    assert rows["last_seen_date"].tolist() == [DAY, DAY + dt.timedelta(days=1)]


def test_upsert_rows_empty_update_keeps_existing(engine):
    with engine.begin() as connection:
        upsert_rows(connection, m.core_boards, _boards(), key=["board"])
        upsert_rows(
            connection, m.core_boards, _boards("html"), key=["board"], update=[]
        )
        kinds = read_frame(connection, "select kind from core.boards order by board")
    assert kinds["kind"].tolist() == ["jsonld", "xmlfeed"]


def test_upsert_rows_rejects_duplicate_keys(engine):
    with engine.begin() as connection, pytest.raises(ValueError, match="duplicate"):
        upsert_rows(
            connection, m.core_boards, pd.concat([_boards(), _boards()]), key=["board"]
        )


def test_replace_rows_rewrites_only_the_partition_and_nan_becomes_null(engine):
    def quarantine(day, n):
        return pd.DataFrame(
            {
                "run_date": [day] * n,
                "board": ["a"] * n,
                "record_number": range(1, n + 1),
                "reason": ["missing:title"] * n,
                "detail": [np.nan] * n,
                "raw": ["{}"] * n,
            }
        )

    with engine.begin() as connection:
        replace_rows(
            connection,
            m.staging_quarantine,
            quarantine(DAY, 3),
            where={"run_date": DAY},
        )
        other = DAY + dt.timedelta(days=1)
        replace_rows(
            connection,
            m.staging_quarantine,
            quarantine(other, 2),
            where={"run_date": other},
        )
        replace_rows(
            connection,
            m.staging_quarantine,
            quarantine(DAY, 1),
            where={"run_date": DAY},
        )
        counts = read_frame(
            connection,
            "select run_date, count(*) as n, count(detail) as with_detail"
            " from staging.quarantine group by run_date order by run_date",
        )
    assert counts["n"].tolist() == [1, 2]
    assert counts["with_detail"].tolist() == [0, 0]


def test_update_rows_changes_only_given_columns(engine):
    with engine.begin() as connection:
        insert_rows(connection, m.core_boards, _boards())
        update_rows(
            connection,
            m.core_boards,
            pd.DataFrame({"board": ["b"], "url": ["https://b.example"]}),
            key=["board"],
        )
        rows = read_frame(
            connection, "select board, kind, url from core.boards order by board"
        )
    assert rows.to_dict("records") == [
        {"board": "a", "kind": "jsonld", "url": "https://a.nl"},
        {"board": "b", "kind": "xmlfeed", "url": "https://b.example"},
    ]


def test_failed_transaction_leaves_no_rows(engine):
    bad = _boards().assign(source_type=["board", "not-a-type"])
    with pytest.raises(Exception), engine.begin() as connection:  # noqa: B017
        insert_rows(connection, m.core_boards, _boards().iloc[:1])
        insert_rows(connection, m.core_boards, bad.iloc[1:])
    with engine.connect() as connection:
        assert (
            read_frame(connection, "select count(*) as n from core.boards")["n"][0] == 0
        )

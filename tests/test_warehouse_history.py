from __future__ import annotations

import datetime as dt

import pandas as pd

from warehouse.history import content_hash, merge_history, vacancy_changes

D1, D2, D3 = (dt.date(2026, 12, d) for d in (1, 2, 3))


def _stored(**columns):
    base = {
        "posting_id": ["a"],
        "title": ["Kok"],
        "vacancy_id": ["v1"],
        "first_seen_date": [D1],
        "last_seen_date": [D2],
    }
    return pd.DataFrame({**base, **columns})


def test_merge_history_new_key_starts_tonight():
    merged = merge_history(
        pd.DataFrame({"posting_id": ["b"], "title": ["Bakker"]}),
        _stored(),
        key="posting_id",
        run_date=D3,
        keep=["vacancy_id"],
    )
    row = merged.iloc[0]
    assert (row["first_seen_date"], row["last_seen_date"]) == (D3, D3)
    assert row["vacancy_id"] is None


def test_merge_history_known_key_takes_new_fields_and_keeps_link():
    tonight = pd.DataFrame(
        {"posting_id": ["a"], "title": ["Kok (m/v)"], "vacancy_id": [None]}
    )
    merged = merge_history(
        tonight, _stored(), key="posting_id", run_date=D3, keep=["vacancy_id"]
    )
    row = merged.iloc[0]
    assert row["title"] == "Kok (m/v)"
    assert row["vacancy_id"] == "v1"
    assert (row["first_seen_date"], row["last_seen_date"]) == (D1, D3)


def test_merge_history_replay_of_older_night_keeps_newer_fields():
    tonight = pd.DataFrame({"posting_id": ["a"], "title": ["Oude titel"]})
    merged = merge_history(
        tonight,
        _stored(first_seen_date=[D2], last_seen_date=[D3]),
        key="posting_id",
        run_date=D1,
    )
    row = merged.iloc[0]
    assert row["title"] == "Kok"
    assert (row["first_seen_date"], row["last_seen_date"]) == (D1, D3)


def test_vacancy_changes_lists_changed_fields_only():
    old = pd.DataFrame(
        {
            "vacancy_id": ["v1", "v2"],
            "title": ["Kok", "Bakker"],
            "salary_min_eur": [2800.0, None],
            "last_seen_date": [D1, D1],
        }
    )
    new = pd.DataFrame(
        {
            "vacancy_id": ["v1", "v2", "v3"],
            "title": ["Kok", "Broodbakker", "X"],
            "salary_min_eur": [3000.0, None, 1.0],
        }
    )
    changes = vacancy_changes(new, old, run_date=D2)
    assert sorted(
        map(
            tuple,
            changes[["vacancy_id", "field_name", "old_value", "new_value"]]
            .to_numpy()
            .tolist(),
        )
    ) == [
        ("v1", "salary_min_eur", "2800", "3000"),
        ("v2", "title", "Bakker", "Broodbakker"),
    ]
    assert set(changes["changed_date"]) == {D2}


def test_vacancy_changes_replay_is_not_a_change():
    old = pd.DataFrame({"vacancy_id": ["v1"], "title": ["Kok"], "last_seen_date": [D3]})
    new = pd.DataFrame({"vacancy_id": ["v1"], "title": ["Oude kok"]})
    assert vacancy_changes(new, old, run_date=D1).empty


def test_content_hash_equal_values_equal_hash():
    frame = pd.DataFrame({"a": ["x", "x", "y"], "b": [1.0, 1, None]})
    hashes = content_hash(frame, ["a", "b"])
    assert hashes[0] == hashes[1] != hashes[2]

"""Taxonomy versions in the warehouse: add, change, retire; idempotent imports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from transforms.occupations.store import load_taxonomy, save_taxonomy
from transforms.occupations.taxonomy import read_esco_export
from warehouse import models as m
from warehouse.db import get_engine, migrate

MINI = Path(__file__).parent / "data" / "occupations" / "esco_mini"
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DAY_1 = dt.date(2026, 12, 1)
DAY_2 = dt.date(2026, 12, 2)
TABLES = (
    m.core_occupations,
    m.core_occupation_labels,
    m.core_occupation_relations,
    m.core_isco_groups,
    m.core_taxonomy_versions,
)


@pytest.fixture
def engine(warehouse_url: str):
    engine = get_engine(warehouse_url)
    migrate(engine)
    yield engine
    engine.dispose()


def snapshot(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {
            table.name: sorted(
                tuple("" if v is None else str(v) for v in row)
                for row in connection.execute(sa.select(table))
            )
            for table in TABLES
        }


def occupations(engine) -> pd.DataFrame:
    with engine.connect() as connection:
        rows = connection.execute(sa.select(m.core_occupations)).mappings().all()
    return pd.DataFrame(rows).set_index("esco_uri")


def test_load_taxonomy_from_a_warehouse_without_one_is_none(engine, tmp_path):
    assert load_taxonomy(engine) is None
    bare = get_engine(f"duckdb:///{tmp_path / 'bare.duckdb'}")
    try:
        assert load_taxonomy(bare) is None
    finally:
        bare.dispose()


def test_save_taxonomy_new_version_adds_changes_and_retires(engine):
    first = save_taxonomy(engine, read_esco_export(MINI / "v9.1"), imported_date=DAY_1)
    assert len(first.added) == 4
    second = save_taxonomy(engine, read_esco_export(MINI / "v9.2"), imported_date=DAY_2)

    uri = "urn:test:occupation:"
    assert second.added == (f"{uri}developer",)
    assert second.changed == (f"{uri}chauffeur", f"{uri}verpleegkundige")
    assert second.retired == (f"{uri}typist",)
    assert second.to_recode == (
        f"{uri}chauffeur",
        f"{uri}typist",
        f"{uri}verpleegkundige",
    )

    rows = occupations(engine)
    assert len(rows) == 5
    assert not rows.loc[f"{uri}typist", "is_active"]
    assert rows.loc[f"{uri}typist", "last_version"] == "v9.1"
    assert rows.loc[f"{uri}kok", "first_version"] == "v9.1"
    assert rows.loc[f"{uri}kok", "last_version"] == "v9.2"
    assert rows.loc[f"{uri}verpleegkundige", "isco08"] == "3221"

    taxonomy = load_taxonomy(engine)
    assert taxonomy is not None
    assert taxonomy.version == "v9.2"
    assert f"{uri}typist" not in set(taxonomy.occupations["esco_uri"])
    assert set(taxonomy.labels["esco_uri"]) == set(taxonomy.occupations["esco_uri"])
    assert "keukenkok" in set(taxonomy.labels["label"])
    assert len(taxonomy.relations) == 4

    with engine.connect() as connection:
        versions = connection.execute(
            sa.select(
                m.core_taxonomy_versions.c.version,
                m.core_taxonomy_versions.c.n_added,
                m.core_taxonomy_versions.c.n_changed,
                m.core_taxonomy_versions.c.n_retired,
            ).order_by(m.core_taxonomy_versions.c.version)
        ).all()
    assert [tuple(row) for row in versions] == [("v9.1", 4, 0, 0), ("v9.2", 1, 2, 1)]


def test_save_taxonomy_same_version_twice_changes_nothing(engine):
    taxonomy = read_esco_export(MINI / "v9.2")
    save_taxonomy(engine, taxonomy, imported_date=DAY_1)
    before = snapshot(engine)
    again = save_taxonomy(engine, taxonomy, imported_date=DAY_2)
    assert again.is_unchanged
    assert snapshot(engine) == before


def test_save_taxonomy_version_without_group_labels_keeps_the_labels(engine):
    save_taxonomy(engine, read_esco_export(MINI / "v9.2"), imported_date=DAY_1)
    save_taxonomy(engine, read_esco_export(MINI / "v9.1"), imported_date=DAY_2)
    with engine.connect() as connection:
        labels = dict(
            connection.execute(
                sa.select(m.core_isco_groups.c.isco_code, m.core_isco_groups.c.label)
            ).all()
        )
    assert labels["2512"] == "Softwareontwikkelaars"
    assert labels["4131"] is None


def test_save_taxonomy_official_v12_over_v11(tmp_path):
    esco = SHARED / "esco"
    if not (esco / "v1.1").is_dir() or not (esco / "v1.2").is_dir():
        pytest.skip(f"ESCO v1.1 and v1.2 exports not found under {esco}")
    old = pd.read_csv(esco / "v1.1" / "occupations_nl.csv", dtype=str)
    new = pd.read_csv(esco / "v1.2" / "occupations_nl.csv", dtype=str)
    new = new.drop_duplicates("conceptUri", keep="last")
    both = old.merge(new, on="conceptUri", suffixes=("_old", "_new"))
    moved = (both["iscoGroup_old"] != both["iscoGroup_new"]) | (
        both["preferredLabel_old"] != both["preferredLabel_new"]
    )

    engine = get_engine(f"duckdb:///{tmp_path / 'warehouse.duckdb'}")
    try:
        migrate(engine)
        save_taxonomy(engine, read_esco_export(esco / "v1.1"), imported_date=DAY_1)
        summary = save_taxonomy(
            engine, read_esco_export(esco / "v1.2"), imported_date=DAY_2
        )
        assert set(summary.added) == set(new["conceptUri"]) - set(old["conceptUri"])
        assert set(summary.retired) == set(old["conceptUri"]) - set(new["conceptUri"])
        assert set(summary.changed) == set(both.loc[moved, "conceptUri"])
        rows = occupations(engine)
        assert len(rows) == len(set(old["conceptUri"]) | set(new["conceptUri"]))
        assert int(rows["is_active"].sum()) == new["conceptUri"].nunique()
        assert load_taxonomy(engine).version == "v1.2"
    finally:
        engine.dispose()

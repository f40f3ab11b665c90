"""The nightly pipeline end to end on the demo boards, on both backends."""

from __future__ import annotations

import pytest
from support import NIGHT_1, NIGHT_2, copy_landing, run_context, scalar, snapshot

from vacatures.order import PARALLEL_STEPS, STEP_ORDER
from vacatures.steps import run_night

AFTER_CRAWL = [name for name in STEP_ORDER if name not in PARALLEL_STEPS]


@pytest.fixture(scope="session")
def demo_landing(tmp_path_factory):
    """Crawl the demo boards for two nights once; tests replay the landing files."""
    from vacatures.demo.server import DemoBoards

    home = tmp_path_factory.mktemp("demo-crawl")
    with DemoBoards(as_of=NIGHT_1) as site:
        registry = site.write_registry(home / "boards.toml")
        truth = {NIGHT_1: site.truth()}
        run_night(
            run_context(home, "duckdb:///:memory:", registry, NIGHT_1), steps=["crawl"]
        )
        site.as_of = NIGHT_2
        truth[NIGHT_2] = site.truth()
        run_night(
            run_context(home, "duckdb:///:memory:", registry, NIGHT_2), steps=["crawl"]
        )
    return home / "landing", registry, truth


@pytest.fixture
def night(tmp_path, warehouse_url, demo_landing):
    landing, registry, _ = demo_landing
    copy_landing(landing, tmp_path)
    return run_context(tmp_path, warehouse_url, registry, NIGHT_1)


def test_run_night_loads_every_layer(night, demo_landing):
    _, _, truth = demo_landing
    results = run_night(night, steps=AFTER_CRAWL)
    url = night.warehouse_url
    staged = results["stage"]
    served = truth[NIGHT_1]
    # Every posting served tonight was staged or quarantined, none lost.
    assert staged.rows_in == len(served)
    assert staged.details["quarantined"], "the demo boards serve malformed records"
    # Every malformed record is quarantined, except bad postal codes: spiders drop
    # a postal code they cannot read and keep the posting.
    rejected = served["is_malformed"] & (served["defect"] != "bad_postal_code")
    assert sum(staged.details["quarantined"].values()) == int(rejected.sum())
    assert set(staged.details["postings_per_board"]) == set(served["board"])
    n_vacancies = scalar(url, "select count(*) from core.vacancies")
    n_true = served.loc[~served["is_malformed"], "vacancy_key"].nunique()
    assert abs(n_vacancies - n_true) <= 0.05 * n_true
    assert scalar(url, "select count(*) from core.vacancy_postings") == staged.rows_out
    assert results["classify"].details["coded_share"] >= 0.8
    assert scalar(url, "select count(*) from published.vacancies") == n_vacancies
    assert (
        scalar(
            url,
            "select count(*) from published.vacancies"
            " where description_html like '%<script%'",
        )
        == 0
    )


def test_run_night_twice_leaves_warehouse_unchanged(night):
    run_night(night, steps=AFTER_CRAWL)
    before = snapshot(night.warehouse_url)
    run_night(night, steps=AFTER_CRAWL)
    assert snapshot(night.warehouse_url) == before

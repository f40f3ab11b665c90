from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from transforms.dedupe import (
    REQUIRED_COLUMNS,
    DedupeConfig,
    DedupeReport,
    dedupe_postings,
    golden_records,
    match_postings,
)
from transforms.dedupe.evaluate import evaluate_clusters
from transforms.dedupe.synth import Noise, generate_postings


def vacancy_id(posting_id: str) -> str:
    return (
        "v" + hashlib.sha1(posting_id.encode(), usedforsecurity=False).hexdigest()[:16]
    )


@pytest.fixture(scope="module")
def labelled() -> tuple[pd.DataFrame, pd.DataFrame]:
    return generate_postings(3_000, seed=11)


def test_dedupe_postings_assigns_every_posting_once(labelled):
    postings, _ = labelled
    result = dedupe_postings(postings)
    assert list(result.columns) == ["posting_id", "cluster_id"]
    assert result["posting_id"].tolist() == postings["posting_id"].tolist()
    assert result["cluster_id"].str.fullmatch(r"v[0-9a-f]{16}").all()


def test_dedupe_postings_names_clusters_after_their_smallest_posting(labelled):
    postings, _ = labelled
    result = dedupe_postings(postings)
    smallest = result.groupby("cluster_id")["posting_id"].min()
    assert all(vacancy_id(p) == c for c, p in smallest.items())


def test_dedupe_postings_gives_the_same_ids_in_any_row_order(labelled):
    postings, _ = labelled
    first = dedupe_postings(postings).set_index("posting_id")["cluster_id"]
    shuffled = postings.sample(frac=1.0, random_state=3)
    second = dedupe_postings(shuffled).set_index("posting_id")["cluster_id"]
    assert second.reindex(first.index).equals(first)


def test_dedupe_postings_reaches_the_quality_targets(labelled):
    postings, truth = labelled
    report = DedupeReport()
    quality = evaluate_clusters(dedupe_postings(postings, report=report), truth)
    assert quality.pair_precision >= 0.97
    assert quality.pair_recall >= 0.95
    assert set(report.seconds) >= {"normalise", "block", "score", "cluster"}


def test_dedupe_postings_holds_up_under_heavier_noise():
    noise = Noise(typo_rate=0.3, reword_rate=0.5, max_date_shift=20)
    postings, truth = generate_postings(2_000, seed=23, noise=noise)
    quality = evaluate_clusters(dedupe_postings(postings), truth)
    assert quality.pair_precision >= 0.95
    assert quality.pair_recall >= 0.9


def test_dedupe_postings_rejects_missing_columns():
    with pytest.raises(ValueError, match="lack columns: title"):
        dedupe_postings(
            pd.DataFrame(columns=[c for c in REQUIRED_COLUMNS if c != "title"])
        )


def test_dedupe_postings_rejects_repeated_posting_ids(labelled):
    postings, _ = labelled
    with pytest.raises(ValueError, match="not unique"):
        dedupe_postings(pd.concat([postings.head(2), postings.head(1)]))


def test_match_postings_keeps_ids_of_open_vacancies(labelled):
    postings, truth = labelled
    keys = truth.set_index("posting_id")["vacancy_key"]
    # Night one: the first copy of every vacancy; night two: the other copies.
    first_copy = ~keys.reindex(postings["posting_id"]).duplicated().to_numpy()
    night_one = postings[first_copy]
    night_two = postings[~first_copy]
    assignment = dedupe_postings(night_one)
    existing = night_one.assign(vacancy_id=assignment["cluster_id"].to_numpy())

    matched = match_postings(night_two, existing)
    assert matched["posting_id"].tolist() == night_two["posting_id"].tolist()
    known = set(existing["vacancy_id"])
    joined = matched["vacancy_id"].isin(known).mean()
    assert joined > 0.9

    # A posting seen before keeps its vacancy, whatever else arrives.
    again = match_postings(night_one.head(5), existing)
    assert again["vacancy_id"].tolist() == existing["vacancy_id"].head(5).tolist()


def test_match_postings_names_new_vacancies_like_dedupe(labelled):
    postings, _ = labelled
    night_one = postings.head(1_000)
    night_two = postings.iloc[1_000:]
    existing = night_one.assign(vacancy_id=dedupe_postings(night_one)["cluster_id"])
    matched = match_postings(night_two, existing)
    new = matched[~matched["vacancy_id"].isin(set(existing["vacancy_id"]))]
    smallest = new.groupby("vacancy_id")["posting_id"].min()
    assert len(smallest) > 0
    assert all(vacancy_id(p) == v for v, p in smallest.items())
    assert matched.equals(match_postings(night_two, existing))


def test_golden_records_of_a_dedupe_give_one_row_per_vacancy(labelled):
    postings, _ = labelled
    assignment = dedupe_postings(postings)
    golden = golden_records(postings, assignment)
    assert len(golden) == assignment["cluster_id"].nunique()
    assert golden["n_postings"].sum() == len(postings)
    assert golden["posting_id"].isin(set(postings["posting_id"])).all()


def test_dedupe_postings_puts_a_hidden_employer_with_its_best_vacancy():
    # The agency posting matches both employers' postings; it joins the one
    # whose text it copies, and the two employers stay apart.
    text = (
        "Je verzorgt bewoners op een psychogeriatrische afdeling, deelt medicatie "
        "uit en overlegt met de specialist ouderengeneeskunde over het zorgplan."
    )
    base = {
        "title": "Verzorgende IG",
        "location": "Tilburg",
        "date_posted": "2026-03-02",
        "hours_min": 24.0,
        "hours_max": 28.0,
        "salary_period": "month",
    }
    postings = pd.DataFrame(
        [
            {
                **base,
                "posting_id": "a:1",
                "board": "a",
                "employer": "Zorggroep Noord",
                "description": text,
                "salary_min": 2900.0,
                "salary_max": 3300.0,
            },
            {
                **base,
                "posting_id": "b:1",
                "board": "b",
                "employer": "Thuiszorg West",
                "description": "Thuiszorg in de wijk: " + text[:60],
                "salary_min": 2700.0,
                "salary_max": 3100.0,
            },
            {
                **base,
                "posting_id": "c:1",
                "board": "flexpunt",
                "employer": "Onze opdrachtgever",
                "source_type": "agency",
                "description": "Voor onze opdrachtgever: " + text,
                "salary_min": 2900.0,
                "salary_max": 3300.0,
            },
        ]
    )
    clusters = dedupe_postings(postings).set_index("posting_id")["cluster_id"]
    assert clusters["c:1"] == clusters["a:1"]
    assert clusters["b:1"] != clusters["a:1"]


def municipal_postings() -> pd.DataFrame:
    """One enforcement job on three boards in other words, and its look-alikes."""
    text = (
        "Als handhaver houd je toezicht in de wijken van Tilburg, spreek je "
        "inwoners aan op afval en parkeren en schrijf je waar nodig een bon."
    )
    base = {
        "employer": "Gemeente Tilburg",
        "location": "Tilburg",
        "description": text,
        "date_posted": "2026-03-02",
        "hours_min": 36.0,
        "hours_max": 36.0,
        "salary_min": 3100.0,
        "salary_max": 4200.0,
        "salary_period": "month",
    }
    rows = [
        ("gemeente:1", "Handhaver", {}),
        (
            "banen:7",
            "Toezichthouder openbare ruimte (m/v)",
            {"date_posted": "2026-03-04"},
        ),
        ("regio:3", "BOA openbare ruimte - Tilburg", {"employer": "GEMEENTE TILBURG"}),
        # The same occupation in another place, and a senior post: other jobs.
        ("banen:8", "Toezichthouder openbare ruimte", {"location": "Breda"}),
        (
            "gemeente:2",
            "Senior handhaver",
            {"salary_min": 3900.0, "salary_max": 5000.0},
        ),
    ]
    return pd.DataFrame(
        [
            {**base, "posting_id": pid, "board": pid.split(":")[0], "title": t, **extra}
            for pid, t, extra in rows
        ]
    )


def test_dedupe_postings_joins_copies_retitled_in_other_words():
    postings = municipal_postings()
    clusters = dedupe_postings(postings).set_index("posting_id")["cluster_id"]
    assert clusters["banen:7"] == clusters["gemeente:1"] == clusters["regio:3"]
    assert clusters["banen:8"] != clusters["gemeente:1"]
    assert clusters["gemeente:2"] != clusters["gemeente:1"]

    text_only = DedupeConfig(use_occupations=False)
    apart = dedupe_postings(postings, config=text_only)
    assert apart["cluster_id"].nunique() > clusters.nunique()


def test_match_postings_joins_a_retitled_copy_to_its_open_vacancy():
    postings = municipal_postings()
    existing = postings[postings["posting_id"].isin(["gemeente:1", "gemeente:2"])]
    existing = existing.assign(vacancy_id=["v-handhaver", "v-senior"])
    new = postings[postings["posting_id"].isin(["banen:7", "banen:8"])]
    matched = match_postings(new, existing).set_index("posting_id")["vacancy_id"]
    assert matched["banen:7"] == "v-handhaver"
    assert matched["banen:8"] not in {"v-handhaver", "v-senior"}

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pandas as pd

from transforms.dedupe.block import block_pairs, pairs_within_blocks
from transforms.dedupe.minhash import (
    EMPTY_BIN,
    band_keys,
    description_signatures,
    estimate_jaccard,
)
from transforms.dedupe.normalise import normalise_postings
from transforms.dedupe.occupation import default_title_occupations


def as_set(left, right):
    return set(zip(left.tolist(), right.tolist(), strict=True))


def test_pairs_within_blocks_pairs_rows_sharing_a_key():
    left, right, counts = pairs_within_blocks(
        np.array([5, 5, 9, -1, 5, 9, 2]), max_block_size=10, window=1
    )
    assert as_set(left, right) == {(0, 1), (0, 4), (1, 4), (2, 5)}
    assert counts == {"capped_blocks": 0, "capped_postings": 0, "skipped_pairs": 0}


def test_pairs_within_blocks_caps_an_oversized_block_to_a_window():
    keys = np.zeros(6, dtype=np.int64)
    order = np.array([50, 10, 40, 20, 30, 60])
    left, right, counts = pairs_within_blocks(keys, order, max_block_size=5, window=1)
    # Sorted by order the rows are 1, 3, 4, 2, 0, 5: each meets its next one.
    assert as_set(left, right) == {(1, 3), (3, 4), (2, 4), (0, 2), (0, 5)}
    assert counts == {"capped_blocks": 1, "capped_postings": 6, "skipped_pairs": 10}


def test_pairs_within_blocks_with_no_keys_gives_no_pairs():
    left, right, _ = pairs_within_blocks(np.array([-1, -1]), max_block_size=5, window=2)
    assert len(left) == len(right) == 0


def test_description_signatures_are_equal_for_equal_texts_and_fill_every_bin():
    text = "Je rijdt vaste ritten vanaf ons depot in Tilburg naar klanten."
    signatures, counts = description_signatures([text, text, ""], bins=16)
    assert (signatures[0] == signatures[1]).all()
    assert (signatures[0] != EMPTY_BIN).all()
    assert (signatures[2] == EMPTY_BIN).all()
    assert counts.tolist() == [10, 10, 0]


def test_estimate_jaccard_separates_near_copies_from_other_texts():
    base = " ".join(f"woord{i}" for i in range(200))
    near = base.replace("woord10 ", "anders ")
    other = " ".join(f"term{i}" for i in range(200))
    signatures, _ = description_signatures([base, near, other], bins=64)
    estimate = estimate_jaccard(signatures, np.array([0, 0]), np.array([1, 2]))
    assert estimate[0] > 0.9
    assert estimate[1] < 0.1


def test_description_signatures_do_not_depend_on_the_python_hash_seed():
    code = (
        "from transforms.dedupe.minhash import description_signatures;"
        "print(description_signatures(['een twee drie vier vijf'], bins=8)[0].tolist())"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_band_keys_skip_bands_of_empty_texts():
    signatures, _ = description_signatures(["een twee drie", ""], bins=8)
    keys = band_keys(signatures, bands=2)
    assert (keys[0] >= 0).all()
    assert (keys[1] == -1).all()


def test_block_pairs_finds_copies_and_leaves_strangers_alone():
    frame = pd.DataFrame(
        {
            "posting_id": ["a:1", "b:1", "c:1", "d:1"],
            "board": ["a", "b", "c", "d"],
            "title": ["Kok (m/v)", "Kok", "Kok", "Timmerman"],
            "employer": ["Hotel Ster", "Hotel Ster B.V.", "Onze opdrachtgever", "Bos"],
            "location": ["Tilburg", "Tilburg", "Tilburg", "Zwolle"],
            "description": ["Koken in ons hotel.", "Koken.", "Kook jij?", "Bouwen."],
            "date_posted": ["2026-03-01"] * 4,
        }
    )
    features = normalise_postings(frame)
    signatures, _ = description_signatures(frame["description"])
    left, right, stats = block_pairs(
        features, signatures, max_block_size=10, window=2, lsh_bands=4
    )
    pairs = as_set(left, right)
    assert (0, 1) in pairs
    assert (0, 2) in pairs
    assert not any(3 in pair for pair in pairs)
    assert stats.total_pairs == len(pairs)
    assert stats.pairs["employer+title"] == 1


def test_block_pairs_with_a_filter_keeps_only_pairs_touching_marked_rows():
    frame = pd.DataFrame(
        {
            "posting_id": ["a:1", "b:1", "c:1"],
            "board": ["a", "b", "c"],
            "title": ["Kok"] * 3,
            "employer": ["Hotel Ster"] * 3,
            "location": ["Tilburg"] * 3,
            "description": ["Koken."] * 3,
            "date_posted": ["2026-03-01"] * 3,
        }
    )
    features = normalise_postings(frame)
    signatures, _ = description_signatures(frame["description"])
    left, right, _ = block_pairs(
        features,
        signatures,
        max_block_size=10,
        window=2,
        lsh_bands=4,
        pair_filter=np.array([True, False, False]),
    )
    assert as_set(left, right) == {(0, 1), (0, 2)}


def test_block_pairs_find_titles_with_a_typo_in_a_crowded_municipality():
    titles = ["Verpleegkundige"] * 70 + ["Verpleegkunidge", "Timmerman"]
    n = len(titles)
    frame = pd.DataFrame(
        {
            "posting_id": [f"b{i}:1" for i in range(n)],
            "board": [f"b{i}" for i in range(n)],
            "title": titles,
            "employer": ["Onze opdrachtgever"] * n,
            "location": ["Eindhoven"] * n,
            "description": [f"Tekst nummer {i} over iets anders." for i in range(n)],
            "date_posted": [f"2026-{1 + i % 12:02d}-01" for i in range(n - 2)]
            + ["2026-05-01", "2026-05-01"],
        }
    )
    features = normalise_postings(frame)
    signatures, _ = description_signatures(frame["description"])
    left, right, stats = block_pairs(
        features, signatures, max_block_size=20, window=2, lsh_bands=4
    )
    typo = n - 2
    partners = {a for a, b in as_set(left, right) if b == typo}
    partners |= {b for a, b in as_set(left, right) if a == typo}
    assert any(titles[p] == "Verpleegkundige" for p in partners)
    assert stats.capped_blocks["municipality+skeleton"] == 1


def test_block_pairs_find_a_retitled_agency_copy_in_a_crowded_municipality():
    # Forty enforcement jobs and ten cleaning jobs in one town; the agency copy
    # of the last enforcement job is retitled and hides the employer, so only
    # its occupation and its day bring it next to the original.
    n = 40
    titles = (
        ["Handhaver"] * n + ["Schoonmaker"] * 10 + ["Toezichthouder openbare ruimte"]
    )
    days = [f"2026-{1 + i % 12:02d}-{1 + i // 12:02d}" for i in range(n + 10)]
    frame = pd.DataFrame(
        {
            "posting_id": [f"b{i}:1" for i in range(len(titles))],
            "board": [f"b{i % 3}" for i in range(len(titles))],
            "title": titles,
            "employer": ["Gemeente Tilburg"] * (n + 10) + ["Onze opdrachtgever"],
            "location": ["Tilburg"] * len(titles),
            "description": [f"Tekst {i} over werk." for i in range(len(titles))],
            "date_posted": [*days, days[n - 1]],
        }
    )
    features = normalise_postings(frame)
    occupations = default_title_occupations(
        min_score=0.85, min_qualifier_similarity=0.8
    )
    assert occupations is not None
    features["occupation"] = occupations.codes(features["title_key"].to_numpy())
    signatures, _ = description_signatures(frame["description"])
    left, right, stats = block_pairs(
        features, signatures, max_block_size=10, window=2, lsh_bands=4
    )
    assert (n - 1, len(titles) - 1) in as_set(left, right)
    assert stats.capped_blocks["municipality+occupation"] == 1

    features = features.drop(columns="occupation")
    left, right, _ = block_pairs(
        features, signatures, max_block_size=10, window=2, lsh_bands=4
    )
    assert (n - 1, len(titles) - 1) not in as_set(left, right)

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from transforms.dedupe.cluster import cluster_pairs, connected_components, vacancy_ids
from transforms.dedupe.config import DedupeConfig


def matrix_scorer(scores: dict[tuple[int, int], float]):
    def score(left, right):
        values = np.array(
            [
                scores.get((min(a, b), max(a, b)), 0.0)
                for a, b in zip(left, right, strict=True)
            ]
        )
        return values, values >= 0.77

    return score


def groups(labels) -> set[frozenset[int]]:
    found: dict[int, set[int]] = {}
    for row, label in enumerate(labels):
        found.setdefault(int(label), set()).add(row)
    return {frozenset(g) for g in found.values()}


def test_connected_components_labels_each_node_with_its_smallest_member():
    labels = connected_components(6, np.array([4, 1, 2]), np.array([5, 2, 0]))
    assert labels.tolist() == [0, 0, 0, 3, 4, 4]


def test_connected_components_joins_a_long_chain():
    n = 50
    labels = connected_components(n, np.arange(n - 1)[::-1], np.arange(1, n)[::-1])
    assert (labels == 0).all()


def test_cluster_pairs_keeps_a_component_whose_members_all_agree():
    scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.85}
    labels, counts = cluster_pairs(
        3,
        np.array([0, 1]),
        np.array([1, 2]),
        np.array([0.9, 0.9]),
        np.array(["a", "b", "c"]),
        matrix_scorer(scores),
        config=DedupeConfig(),
    )
    assert groups(labels) == {frozenset({0, 1, 2})}
    assert counts["split"] == 0


def test_cluster_pairs_breaks_a_chain_between_unrelated_ends():
    # 0 and 2 each match 1 (an agency posting hiding the employer) but are
    # different vacancies of two employers: their own pair is vetoed.
    scores = {(0, 1): 0.9, (1, 2): 0.82, (0, 2): 0.0}
    labels, counts = cluster_pairs(
        3,
        np.array([0, 1]),
        np.array([1, 2]),
        np.array([0.9, 0.82]),
        np.array(["a", "b", "c"]),
        matrix_scorer(scores),
        config=DedupeConfig(),
    )
    assert groups(labels) == {frozenset({0, 1}), frozenset({2})}
    assert counts["split"] == 1


def test_cluster_pairs_lets_a_posting_agreeing_with_one_member_leave_alone():
    # 0, 1 and 2 agree pairwise; 3 is a retitled copy of 1's text only and
    # scores best with it. Growing a part around 1 would take 3 and leave 0
    # and 2 apart; peeling 3 off keeps the three that agree together.
    scores = {
        (0, 1): 0.9,
        (0, 2): 0.85,
        (1, 2): 0.85,
        (1, 3): 0.95,
        (0, 3): 0.0,
        (2, 3): 0.0,
    }
    labels, counts = cluster_pairs(
        4,
        np.array([0, 0, 1, 1]),
        np.array([1, 2, 2, 3]),
        np.array([0.9, 0.85, 0.85, 0.95]),
        np.array(["a", "b", "c", "d"]),
        matrix_scorer(scores),
        config=DedupeConfig(),
    )
    assert groups(labels) == {frozenset({0, 1, 2}), frozenset({3})}
    assert counts["split"] == 1


def test_cluster_pairs_needs_strong_evidence_for_one_board_twice():
    scores = {(0, 1): 0.9, (1, 2): 0.9, (0, 2): 0.85}
    labels, _ = cluster_pairs(
        3,
        np.array([0, 1]),
        np.array([1, 2]),
        np.array([0.9, 0.9]),
        np.array(["a", "b", "a"]),
        matrix_scorer(scores),
        config=DedupeConfig(same_board_threshold=0.95),
    )
    assert groups(labels) == {frozenset({0, 1}), frozenset({2})}


def test_cluster_pairs_cuts_oversized_components_at_their_weakest_edges():
    # Two cliques of four joined by one weak edge, with a size cap of four.
    left, right, score = [], [], []
    for base in (0, 4):
        for i in range(4):
            for j in range(i + 1, 4):
                left.append(base + i)
                right.append(base + j)
                score.append(0.95)
    left.append(3)
    right.append(4)
    score.append(0.78)
    lookup = {(a, b): s for a, b, s in zip(left, right, score, strict=True)}
    labels, counts = cluster_pairs(
        8,
        np.array(left),
        np.array(right),
        np.array(score),
        np.array(list("abcdefgh")),
        matrix_scorer(lookup),
        config=DedupeConfig(max_cluster_size=4),
    )
    assert groups(labels) == {frozenset({0, 1, 2, 3}), frozenset({4, 5, 6, 7})}
    assert counts["cut_oversized"] == 1


def test_vacancy_ids_hash_the_smallest_posting_id():
    ids = vacancy_ids(pd.Series(["b:2", "a:1", "c:3"]), np.array([0, 0, 2]))
    expected = "v" + hashlib.sha1(b"a:1", usedforsecurity=False).hexdigest()[:16]
    assert ids[0] == ids[1] == expected
    assert ids[2] == "v" + hashlib.sha1(b"c:3", usedforsecurity=False).hexdigest()[:16]

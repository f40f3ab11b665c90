"""Group matched postings into vacancies, without letting chains run away.

Matched pairs are joined into connected components. A component of three or
more postings is accepted only when every pair in it scores at least
``cluster_min_link`` and no two postings of one board are in it without
``same_board_threshold``: a chain A-B-C where A and C have nothing in common is
not one vacancy. A component that fails is split into cliques at the lower
threshold, two greedy ways (around centres; by peeling off the member with the
most weak links), keeping the split whose pairs agree more.
Components above ``max_cluster_size`` are first cut by raising the edge
threshold step by step.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from transforms.dedupe.config import DedupeConfig

__all__ = ["PairScorer", "cluster_pairs", "connected_components", "vacancy_ids"]

log = logging.getLogger(__name__)

#: Scores of arbitrary pairs of rows; returns (score, is_match) per pair.
PairScorer = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


def connected_components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Label the connected components of a graph given as an edge list.

    Parameters
    ----------
    n : int
        Number of nodes, numbered from 0.
    left, right : numpy.ndarray
        End points of the edges.

    Returns
    -------
    numpy.ndarray
        For each node the smallest node number of its component.

    Examples
    --------
    >>> connected_components(5, np.array([0, 3]), np.array([1, 1])).tolist()
    [0, 0, 2, 0, 4]
    """
    labels = np.arange(n, dtype=np.int64)
    if len(left) == 0:
        return labels
    while True:
        low = np.minimum(labels[left], labels[right])
        np.minimum.at(labels, labels[left], low)
        np.minimum.at(labels, labels[right], low)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels[left], labels[right]):
            return labels


def _around_centres(
    scores: np.ndarray, weak: np.ndarray, remaining: list[int], min_link: float
) -> list[list[int]]:
    """Grow a clique around the member closest to the others, then repeat."""
    parts = []
    while remaining:
        sub = scores[np.ix_(remaining, remaining)]
        centre = remaining[int(np.argmax(sub.sum(axis=1)))]
        chosen = [centre]
        order = sorted(
            (i for i in remaining if i != centre), key=lambda i: (-scores[centre, i], i)
        )
        for candidate in order:
            if scores[centre, candidate] < min_link:
                break
            if not weak[chosen, candidate].any():
                chosen.append(candidate)
        parts.append(sorted(chosen))
        remaining = [i for i in remaining if i not in chosen]
    return parts


def _peeled(
    scores: np.ndarray, weak: np.ndarray, remaining: list[int]
) -> list[list[int]]:
    """Drop the member with the most weak links until the rest agree, then repeat."""
    parts = []
    while remaining:
        kept = list(remaining)
        left_out = []
        while True:
            counts = weak[np.ix_(kept, kept)].sum(axis=1)
            if not counts.any():
                break
            totals = scores[np.ix_(kept, kept)].sum(axis=1)
            worst = max(
                range(len(kept)), key=lambda k: (counts[k], -totals[k], kept[k])
            )
            left_out.append(kept.pop(worst))
        parts.append(sorted(kept))
        remaining = sorted(left_out)
    return parts


def _split_component(
    members: np.ndarray,
    scores: np.ndarray,
    boards: np.ndarray,
    *,
    min_link: float,
    same_board: float,
) -> list[np.ndarray]:
    """Split one component into cliques at ``min_link``.

    Two greedy splits are made: cliques grown around centres (the member
    closest to the others first), and cliques left when the member with the
    most weak links is peeled off, again and again (a posting that agrees
    with one member only leaves alone instead of taking that member along).
    The split whose pairs score higher above ``min_link`` in total is kept.
    """
    weak = scores < min_link
    weak |= (boards[:, None] == boards[None, :]) & (scores < same_board)
    np.fill_diagonal(weak, False)
    everyone = list(range(len(members)))
    best: list[list[int]] = []
    best_gain = -1.0
    for parts in (
        _around_centres(scores, weak, everyone, min_link),
        _peeled(scores, weak, everyone),
    ):
        gain = sum(
            float((scores[np.ix_(p, p)] - min_link)[np.triu_indices(len(p), 1)].sum())
            for p in parts
        )
        if gain > best_gain:
            best, best_gain = parts, gain
    return [members[np.array(part)] for part in best]


def cluster_pairs(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    score: np.ndarray,
    boards: np.ndarray,
    scorer: PairScorer,
    *,
    config: DedupeConfig,
) -> tuple[np.ndarray, dict[str, int]]:
    """Group postings into vacancies from their matched pairs.

    Parameters
    ----------
    n : int
        Number of postings.
    left, right : numpy.ndarray
        Matched pairs (row numbers).
    score : numpy.ndarray
        Score of each matched pair.
    boards : numpy.ndarray
        Board of each posting.
    scorer : callable
        Scores any pairs of rows, for the pairs inside a component that were
        not candidates.
    config : DedupeConfig
        ``cluster_min_link``, ``same_board_threshold``, ``max_cluster_size``.

    Returns
    -------
    labels : numpy.ndarray
        A group number per posting (the smallest row number in its group).
    counts : dict of str to int
        ``components`` checked, ``split`` components and ``parts`` they gave.
    """
    start = time.perf_counter()
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    score = np.asarray(score, dtype=np.float64)
    labels = connected_components(n, left, right)

    # Cut oversized components by raising the bar on their edges.
    threshold = config.match_threshold
    counts = {"components": 0, "split": 0, "parts": 0, "cut_oversized": 0}
    while True:
        sizes = np.bincount(labels, minlength=n)
        oversized = sizes[labels[left]] > config.max_cluster_size
        if not oversized.any() or threshold >= 1.0:
            break
        threshold += 0.02
        keep = ~oversized | (score >= threshold)
        counts["cut_oversized"] += int((~keep).sum())
        left, right, score = left[keep], right[keep], score[keep]
        labels = connected_components(n, left, right)

    sizes = np.bincount(labels, minlength=n)
    in_large = np.flatnonzero(sizes[labels] >= 3)
    if len(in_large) == 0:
        log.info("cluster: %s postings, no component to check", f"{n:,}")
        return labels, counts
    order = in_large[np.argsort(labels[in_large], kind="stable")]
    group = labels[order]
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    group_sizes = np.diff(np.r_[starts, len(order)])
    counts["components"] = len(starts)

    # Every pair inside every component, scored in one batch.
    pair_left = []
    pair_right = []
    pair_group = []
    for size in np.unique(group_sizes):
        first = starts[group_sizes == size]
        i, j = np.triu_indices(size, k=1)
        pair_left.append(order[(first[:, None] + i[None, :]).ravel()])
        pair_right.append(order[(first[:, None] + j[None, :]).ravel()])
        pair_group.append(np.repeat(first, len(i)))
    a = np.concatenate(pair_left)
    b = np.concatenate(pair_right)
    g = np.concatenate(pair_group)
    pair_score, _ = scorer(a, b)
    pair_score = np.asarray(pair_score, dtype=np.float64)
    weak = pair_score < config.cluster_min_link
    weak |= (boards[a] == boards[b]) & (pair_score < config.same_board_threshold)
    bad_groups = pd.unique(g[weak])
    counts["split"] = len(bad_groups)

    if len(bad_groups):
        frame = pd.DataFrame({"a": a, "b": b, "g": g, "s": pair_score})
        frame = frame[frame["g"].isin(bad_groups)]
        for first, pairs in frame.groupby("g", sort=True):
            size = group_sizes[np.searchsorted(starts, first)]
            members = order[first : first + size]
            position = {int(m): k for k, m in enumerate(members)}
            matrix = np.zeros((size, size))
            ia = np.array([position[int(x)] for x in pairs["a"]])
            ib = np.array([position[int(x)] for x in pairs["b"]])
            matrix[ia, ib] = pairs["s"].to_numpy()
            matrix[ib, ia] = pairs["s"].to_numpy()
            parts = _split_component(
                members,
                matrix,
                boards[members],
                min_link=config.cluster_min_link,
                same_board=config.same_board_threshold,
            )
            counts["parts"] += len(parts)
            for part in parts:
                labels[part] = part.min()
    log.info(
        "cluster: %s postings, %s components of 3 or more checked, %s split into "
        "%s parts, %s edges cut from oversized components in %.1f s",
        f"{n:,}",
        f"{counts['components']:,}",
        f"{counts['split']:,}",
        f"{counts['parts']:,}",
        f"{counts['cut_oversized']:,}",
        time.perf_counter() - start,
    )
    return labels, counts


def vacancy_ids(posting_ids: pd.Series, labels: np.ndarray) -> np.ndarray:
    """Return a deterministic vacancy id for each posting from its group.

    The id is ``"v"`` and 16 hex digits of the SHA-1 of the smallest posting id
    in the group, so the same postings give the same ids on every run.

    Parameters
    ----------
    posting_ids : pandas.Series
        Posting ids, one per row.
    labels : numpy.ndarray
        Group number per row.

    Returns
    -------
    numpy.ndarray
        Vacancy id per row.

    Examples
    --------
    >>> vacancy_ids(pd.Series(["b:2", "a:1", "c:3"]), np.array([0, 0, 2])).tolist()
    ['vde89bfaf06245091', 'vde89bfaf06245091', 'vb031c9e23e72d750']
    """
    ids_text = posting_ids.astype(str).to_numpy(dtype=object)
    labels = np.asarray(labels)
    if len(ids_text) == 0:
        return np.array([], dtype=object)
    # Sorted by group, then id: the first row of each group has its smallest id
    # (a sort, where a grouped minimum of text falls back to Python).
    order = np.lexsort((ids_text.astype(str), labels))
    first = np.ones(len(order), dtype=bool)
    first[1:] = labels[order][1:] != labels[order][:-1]
    group_of_row = np.cumsum(first) - 1
    smallest_of_group = ids_text[order][first]
    smallest = np.empty(len(ids_text), dtype=object)
    smallest[order] = smallest_of_group[group_of_row]
    codes, uniques = pd.factorize(smallest)
    ids = np.array(
        [
            "v"
            + hashlib.sha1(u.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
            for u in uniques
        ],
        dtype=object,
    )
    return ids[codes] if len(uniques) else np.array([], dtype=object)

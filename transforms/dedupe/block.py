"""Find candidate pairs: postings that share a blocking key or a description bucket.

Only postings in one block are compared, never all pairs. Each key catches a
different kind of copy:

- the same employer and title;
- the same title in the same municipality (agencies that hide the employer),
  and the same again with the same hours and salary (a smaller block where the
  former is capped);
- the same employer in the same municipality (reworded titles), and the same
  again with the same occupation (retitled copies where the former is capped);
- the same occupation in the same municipality, neighbours in time (agencies
  that hide the employer and reword the title);
- titles next to each other alphabetically within a municipality, and titles
  with the same consonants (typos);
- near-identical descriptions (MinHash LSH buckets).

A block larger than ``max_block_size`` is sorted and each posting is compared
only with its ``window`` neighbours; the blocks and pairs this skips are
counted.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from transforms.dedupe.minhash import band_keys

__all__ = ["BlockStats", "block_pairs", "pairs_within_blocks"]

log = logging.getLogger(__name__)


@dataclass
class BlockStats:
    """Counts of one blocking run, per key.

    Attributes
    ----------
    pairs : dict of str to int
        Pairs each key produced (before pairs found by several keys merge).
    capped_blocks : dict of str to int
        Blocks larger than the cap, compared within a window only.
    capped_postings : dict of str to int
        Postings in capped blocks.
    skipped_pairs : dict of str to int
        Pairs a capped block did not compare.
    total_pairs : int
        Distinct candidate pairs.
    """

    pairs: dict[str, int] = field(default_factory=dict)
    capped_blocks: dict[str, int] = field(default_factory=dict)
    capped_postings: dict[str, int] = field(default_factory=dict)
    skipped_pairs: dict[str, int] = field(default_factory=dict)
    total_pairs: int = 0


def pairs_within_blocks(
    keys: np.ndarray,
    order: np.ndarray | None = None,
    *,
    max_block_size: int,
    window: int,
) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Return every pair of rows that share a key, capping oversized blocks.

    Parameters
    ----------
    keys : numpy.ndarray
        One integer key per row; a negative key joins no block.
    order : numpy.ndarray, optional
        Sort order within a block (for instance a title code); rows of an
        oversized block are compared with their ``window`` neighbours in it.
    max_block_size : int
        Blocks up to this size are compared all against all.
    window : int
        Neighbours compared within a larger block.

    Returns
    -------
    left, right : numpy.ndarray
        Row numbers of each pair, ``left < right``.
    counts : dict of str to int
        ``capped_blocks``, ``capped_postings`` and ``skipped_pairs``.

    Examples
    --------
    >>> left, right, counts = pairs_within_blocks(
    ...     np.array([7, 7, -1, 7, 3]), max_block_size=10, window=2
    ... )
    >>> sorted(zip(left.tolist(), right.tolist()))
    [(0, 1), (0, 3), (1, 3)]
    """
    rows = np.flatnonzero(keys >= 0)
    if order is None:
        sort = np.argsort(keys[rows], kind="stable")
    else:
        sort = np.lexsort((rows, order[rows], keys[rows]))
    rows = rows[sort]
    sorted_keys = keys[rows]
    if len(rows) == 0:
        empty = np.empty(0, dtype=np.int64)
        return (
            empty,
            empty,
            {"capped_blocks": 0, "capped_postings": 0, "skipped_pairs": 0},
        )
    new_block = np.empty(len(rows), dtype=bool)
    new_block[0] = True
    new_block[1:] = sorted_keys[1:] != sorted_keys[:-1]
    block_start = np.flatnonzero(new_block)
    sizes = np.diff(np.append(block_start, len(rows)))
    block_of = np.cumsum(new_block) - 1
    size = sizes[block_of]
    position = np.arange(len(rows)) - block_start[block_of]
    remaining = size - position - 1
    capped = size > max_block_size
    reach = np.where(capped, np.minimum(remaining, window), remaining)
    lefts = []
    rights = []
    for offset in range(1, int(reach.max(initial=0)) + 1):
        take = np.flatnonzero(reach >= offset)
        lefts.append(rows[take])
        rights.append(rows[take + offset])
    if lefts:
        left = np.concatenate(lefts)
        right = np.concatenate(rights)
    else:
        left = right = np.empty(0, dtype=np.int64)
    left, right = np.minimum(left, right), np.maximum(left, right)
    big = sizes[sizes > max_block_size].astype(np.int64)
    counts = {
        "capped_blocks": len(big),
        "capped_postings": int(big.sum()),
        "skipped_pairs": int((big * (big - 1) // 2).sum() - reach[capped].sum()),
    }
    return left.astype(np.int64), right.astype(np.int64), counts


def _distinct(values: np.ndarray) -> np.ndarray:
    """Return the sorted distinct values of an integer array.

    Sorting is much faster than ``np.unique`` here: numpy 2 answers the latter
    with a hash table, which is slow on tens of millions of pair codes.
    """
    values = np.sort(values)
    if len(values) == 0:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _codes(*columns: np.ndarray, valid: np.ndarray | None = None) -> np.ndarray:
    frame = pd.DataFrame({str(i): c for i, c in enumerate(columns)})
    codes = frame.groupby(list(frame.columns), sort=False, dropna=False).ngroup()
    codes = codes.to_numpy(np.int64)
    if valid is not None:
        codes = np.where(valid, codes, -1)
    return codes


_VOWELS = str.maketrans("", "", "aeiouy")
_REPEATS = re.compile(r"(.)\1+")


def _skeleton(title: str) -> str:
    # Most typos hit a vowel or double a letter: "verpleegkunidge",
    # "timmermn" and "schooonmaker" keep the skeleton of the right word.
    words = (_REPEATS.sub(r"\1", w.translate(_VOWELS)) for w in title.split())
    return " ".join(sorted(w for w in words if w))


def _skeletons(titles: np.ndarray) -> np.ndarray:
    codes, uniques = pd.factorize(titles)
    skeletons = np.array([_skeleton(u) for u in uniques], dtype=object)
    return skeletons[codes] if len(uniques) else np.array([], dtype=object)


def _sorted_title(titles: pd.Series) -> np.ndarray:
    codes, uniques = pd.factorize(titles)
    sorted_words = np.array([" ".join(sorted(u.split())) for u in uniques], object)
    return sorted_words[codes] if len(uniques) else np.array([], dtype=object)


def block_pairs(
    features: pd.DataFrame,
    signatures: np.ndarray,
    *,
    max_block_size: int,
    window: int,
    lsh_bands: int,
    neighbourhood_window: int = 4,
    pair_filter: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, BlockStats]:
    """Return the distinct candidate pairs of the postings.

    Parameters
    ----------
    features : pandas.DataFrame
        Output of :func:`transforms.dedupe.normalise.normalise_postings`.
    signatures : numpy.ndarray
        Description signatures, one row per posting.
    max_block_size : int
        Blocks up to this size are compared all against all.
    window : int
        Neighbours compared within a larger block.
    lsh_bands : int
        Bands of the LSH index over the signatures.
    neighbourhood_window : int
        Neighbours compared when all postings of a municipality are sorted by
        title (catches typos and added words that break the exact keys).
    pair_filter : numpy.ndarray of bool, optional
        When given, only pairs with at least one row marked True are kept
        (incremental matching compares new postings with everything, and old
        postings not with each other).

    Returns
    -------
    left, right : numpy.ndarray
        Row numbers of each candidate pair, ``left < right``.
    stats : BlockStats
        Pairs per key and what the cap skipped.
    """
    start = time.perf_counter()
    title = _sorted_title(features["title_key"])
    title_code = pd.factorize(title)[0]
    has_title = title != ""
    employer = features["employer_key"].to_numpy()
    has_employer = employer != ""
    municipality = features["municipality"].to_numpy()
    has_place = municipality != ""
    terms = (
        pd.Series(features["hours_min"]).round().fillna(-1).astype(int).astype(str)
        + "-"
        + pd.Series(features["hours_max"]).round().fillna(-1).astype(int).astype(str)
        + "/"
        + (features["salary_min"] / 100).round().fillna(-1).astype(int).astype(str)
    ).to_numpy()
    has_terms = terms != "-1--1/-1"
    day = features["day"].fillna(0).to_numpy()
    occupation = (
        features["occupation"].to_numpy() if "occupation" in features.columns else None
    )

    place_code = pd.factorize(municipality)[0].astype(np.int64)
    by_place_then_day = place_code * 100_000 + day.astype(np.int64)
    blockings: list[tuple[str, np.ndarray, np.ndarray | None]] = [
        (
            "employer+title",
            _codes(employer, title, valid=has_employer & has_title),
            by_place_then_day,
        ),
        (
            "municipality+title",
            _codes(municipality, title, valid=has_place & has_title),
            day,
        ),
        (
            "municipality+title+terms",
            _codes(municipality, title, terms, valid=has_place & has_title & has_terms),
            day,
        ),
        (
            "employer+municipality",
            _codes(employer, municipality, valid=has_employer & has_place),
            title_code,
        ),
        (
            "municipality+skeleton",
            _codes(municipality, _skeletons(title), valid=has_place & has_title),
            day,
        ),
    ]
    if occupation is not None:
        known_occupation = has_place & (occupation >= 0)
        blockings += [
            (
                "employer+municipality+occupation",
                _codes(
                    employer,
                    municipality,
                    occupation,
                    valid=known_occupation & has_employer,
                ),
                day,
            ),
            (
                "municipality+occupation",
                _codes(municipality, occupation, valid=known_occupation),
                day,
            ),
        ]
    # Sorted neighbourhood: within a municipality, titles next to each other
    # in alphabetical order (typos and added words past the first letters).
    title_rank = pd.factorize(np.sort(pd.unique(title)))[1]
    alphabetical = pd.Series(np.arange(len(title_rank)), index=title_rank)
    title_order = alphabetical.reindex(title).to_numpy(np.int64)
    # Within one title, neighbours in time: copies appear within days.
    by_title_then_day = title_order * 100_000 + day.astype(np.int64)
    blockings.append(
        ("municipality~title", np.where(has_place, place_code, -1), by_title_then_day)
    )
    bands = band_keys(signatures, bands=lsh_bands)
    for band in range(lsh_bands):
        keys = _codes(bands[:, band], valid=bands[:, band] >= 0)
        blockings.append((f"lsh{band}", keys, title_code))

    stats = BlockStats()
    n = len(features)
    found = []
    for name, keys, order in blockings:
        left, right, counts = pairs_within_blocks(
            keys,
            order,
            max_block_size=max_block_size,
            window=neighbourhood_window if name == "municipality~title" else window,
        )
        if pair_filter is not None:
            keep = pair_filter[left] | pair_filter[right]
            left, right = left[keep], right[keep]
        stats.pairs[name] = len(left)
        stats.capped_blocks[name] = counts["capped_blocks"]
        stats.capped_postings[name] = counts["capped_postings"]
        stats.skipped_pairs[name] = counts["skipped_pairs"]
        found.append(left * n + right)
    combined = _distinct(np.concatenate(found)) if found else np.empty(0, np.int64)
    left, right = np.divmod(combined, n) if n else (combined, combined)
    stats.total_pairs = len(combined)
    log.info(
        "block: %s postings -> %s candidate pairs in %.1f s "
        "(%s blocks capped, %s pairs not compared)",
        f"{n:,}",
        f"{len(combined):,}",
        time.perf_counter() - start,
        f"{sum(stats.capped_blocks.values()):,}",
        f"{sum(stats.skipped_pairs.values()):,}",
    )
    return left.astype(np.int64), right.astype(np.int64), stats

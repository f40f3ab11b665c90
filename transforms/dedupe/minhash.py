"""MinHash signatures of descriptions, computed for many texts at once with numpy.

A signature is a one-permutation MinHash: every word shingle of a text is hashed
once, the hash picks one of ``bins`` bins and the smallest value per bin is
kept. Two texts agree in a bin with a probability close to the Jaccard
similarity of their shingle sets. Hashing each shingle once instead of once per
permutation is what makes a million descriptions affordable: measured on this
machine, the per-document ``datasketch.MinHash`` takes several times longer (see
``benchmarks/bench_dedupe_minhash.py``).

Hashes are seeded constants, not Python's randomised ``hash``, so the same text
gives the same signature in every process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "EMPTY_BIN",
    "band_keys",
    "description_signatures",
    "estimate_jaccard",
]

log = logging.getLogger(__name__)

#: Value of a bin no shingle fell into.
EMPTY_BIN = np.uint32(0xFFFFFFFF)

_SEPARATOR = "\x01"
_PUNCTUATION = str.maketrans(
    {c: " " for c in ".,;:!?()[]{}<>/\\\"'|*•·–—-_+=#%&@€$\n\t\r\x00\x01"}
)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)


def _mix(values: np.ndarray) -> np.ndarray:
    # The splitmix64 finaliser spreads neighbouring inputs over all 64 bits.
    values = values ^ (values >> np.uint64(30))
    values = values * _MIX_1
    values = values ^ (values >> np.uint64(27))
    values = values * _MIX_2
    return values ^ (values >> np.uint64(31))


def _chunk_signatures(
    texts: Sequence[str], *, bins: int, shingle_words: int, max_words: int
) -> tuple[np.ndarray, np.ndarray]:
    n = len(texts)
    max_chars = max_words * 12
    joined = f" {_SEPARATOR} ".join(t[:max_chars] for t in texts)
    tokens = joined.replace(_SEPARATOR, "\x02").lower().translate(_PUNCTUATION)
    words = np.array(tokens.split(), dtype=object)
    codes, uniques = pd.factorize(words)
    del words
    unique_hashes = pd.util.hash_array(np.asarray(uniques, dtype=object))
    is_separator = np.asarray(uniques == "\x02")
    separator_code = int(np.flatnonzero(is_separator)[0]) if is_separator.any() else -1
    boundary = codes == separator_code
    doc = np.cumsum(boundary)
    keep = ~boundary
    codes = codes[keep]
    doc = doc[keep]
    starts = np.searchsorted(doc, np.arange(n))
    position = np.arange(len(doc)) - starts[doc]
    keep = position < max_words
    hashes = unique_hashes[codes[keep]]
    doc = doc[keep]

    shingles = hashes.copy()
    valid = np.ones(len(hashes), dtype=bool)
    for offset in range(1, shingle_words):
        shifted = np.empty_like(hashes)
        shifted[:-offset] = hashes[offset:]
        shifted[-offset:] = 0
        shingles = shingles * _GOLDEN + shifted
        same_doc = np.zeros(len(hashes), dtype=bool)
        same_doc[:-offset] = doc[:-offset] == doc[offset:]
        valid &= same_doc
    # A text shorter than a shingle keeps its words as shingles.
    counts = np.bincount(doc[valid], minlength=n)
    short = counts[doc] == 0
    shingles = np.where(valid, shingles, hashes)[valid | short]
    doc = doc[valid | short]

    mixed = _mix(shingles)
    bin_of = (mixed % np.uint64(bins)).astype(np.int64)
    value = (mixed >> np.uint64(32)).astype(np.uint32)
    value = np.minimum(value, EMPTY_BIN - np.uint32(1))
    signatures = np.full(n * bins, EMPTY_BIN, dtype=np.uint32)
    np.minimum.at(signatures, doc * bins + bin_of, value)
    signatures = _densify(signatures.reshape(n, bins))
    return signatures, np.bincount(doc, minlength=n).astype(np.int32)


def _densify(signatures: np.ndarray) -> np.ndarray:
    """Fill empty bins from the next filled bin to their right, circularly.

    Short texts leave bins empty, and an empty bin would keep a whole LSH band
    out of every bucket; borrowing the neighbour's value (shifted by the
    distance, so borrowed and own values differ) keeps the estimate unbiased.
    """
    bins = signatures.shape[1]
    filled = signatures.copy()
    empty = signatures == EMPTY_BIN
    for distance in range(1, bins):
        if not empty.any():
            break
        source = np.roll(signatures, -distance, axis=1)
        usable = empty & (source != EMPTY_BIN)
        shifted = source.astype(np.uint64) + np.uint64(distance * 0x9E3779B1)
        filled[usable] = (shifted[usable] % np.uint64(0xFFFFFFFF)).astype(np.uint32)
        empty &= ~usable
    return filled


def description_signatures(
    texts: Sequence[str] | pd.Series,
    *,
    bins: int = 32,
    shingle_words: int = 2,
    max_words: int = 200,
    chunk_size: int = 50_000,
) -> tuple[np.ndarray, np.ndarray]:
    """Compute the MinHash signature of each text.

    Parameters
    ----------
    texts : sequence of str or pandas.Series
        Plain-text descriptions; missing values count as empty texts.
    bins : int
        Length of each signature.
    shingle_words : int
        Words per shingle.
    max_words : int
        Leading words of each text that are used.
    chunk_size : int
        Texts processed at once; bounds the memory of the word arrays.

    Returns
    -------
    signatures : numpy.ndarray
        ``uint32`` array of shape ``(len(texts), bins)``. Bins no shingle fell
        into borrow a neighbour's value; only an empty text keeps
        :data:`EMPTY_BIN` in every bin.
    shingle_counts : numpy.ndarray
        Shingles hashed per text.

    Examples
    --------
    >>> sig, counts = description_signatures(["een twee drie", ""], bins=4)
    >>> counts.tolist(), bool((sig[0] != EMPTY_BIN).all())
    ([2, 0], True)
    """
    start = time.perf_counter()
    values = [t if isinstance(t, str) else "" for t in texts]
    parts = [
        _chunk_signatures(
            values[i : i + chunk_size],
            bins=bins,
            shingle_words=shingle_words,
            max_words=max_words,
        )
        for i in range(0, len(values), chunk_size)
    ]
    if parts:
        signatures = np.concatenate([p[0] for p in parts])
        counts = np.concatenate([p[1] for p in parts])
    else:
        signatures = np.empty((0, bins), dtype=np.uint32)
        counts = np.empty(0, dtype=np.int32)
    log.debug(
        "minhash: %s descriptions signed in %.1f s",
        f"{len(values):,}",
        time.perf_counter() - start,
    )
    return signatures, counts


def band_keys(signatures: np.ndarray, *, bands: int) -> np.ndarray:
    """Hash each band of each signature into one LSH bucket key.

    Parameters
    ----------
    signatures : numpy.ndarray
        Signatures from :func:`description_signatures`.
    bands : int
        Number of bands; the signature length must be a multiple of it.

    Returns
    -------
    numpy.ndarray
        ``int64`` array of shape ``(n, bands)``; ``-1`` for a band holding an
        empty bin, which joins no bucket.
    """
    n, bins = signatures.shape
    rows = bins // bands
    grouped = signatures.reshape(n, bands, rows).astype(np.uint64)
    keys = np.full((n, bands), np.uint64(bands), dtype=np.uint64)
    for row in range(rows):
        keys = _mix(keys * _GOLDEN + grouped[:, :, row])
    keys = keys >> np.uint64(1)
    keys = keys.astype(np.int64)
    keys[(signatures.reshape(n, bands, rows) == EMPTY_BIN).any(axis=2)] = -1
    return keys


def estimate_jaccard(
    signatures: np.ndarray, left: np.ndarray, right: np.ndarray
) -> np.ndarray:
    """Estimate the Jaccard similarity of pairs of texts from their signatures.

    Parameters
    ----------
    signatures : numpy.ndarray
        Signatures from :func:`description_signatures`.
    left, right : numpy.ndarray
        Row numbers of the two texts of each pair.

    Returns
    -------
    numpy.ndarray
        Share of bins, among those filled in either text, where both agree; 0
        when both texts are empty.
    """
    result = np.empty(len(left), dtype=np.float32)
    step = 1_000_000
    for i in range(0, len(left), step):
        a = signatures[left[i : i + step]]
        b = signatures[right[i : i + step]]
        filled = (a != EMPTY_BIN) | (b != EMPTY_BIN)
        agree = (a == b) & filled
        result[i : i + step] = agree.sum(axis=1) / np.maximum(filled.sum(axis=1), 1)
    return result

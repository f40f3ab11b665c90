"""Compare datasketch MinHash LSH with the vectorised numpy MinHash of dedupe.

Both sign the same generated descriptions and find candidate pairs through an
LSH index; the script prints the time of each and the time extrapolated to a
million descriptions, and how many near-duplicate pairs each finds.

    python benchmarks/bench_dedupe_minhash.py --postings 20000
"""

from __future__ import annotations

import argparse
import itertools
import logging
import time

import numpy as np
import pandas as pd

from transforms.dedupe.block import pairs_within_blocks
from transforms.dedupe.minhash import band_keys, description_signatures
from transforms.dedupe.synth import generate_postings

log = logging.getLogger("bench_dedupe_minhash")


def shingles(text: str) -> set[bytes]:
    words = text.lower().split()[:200]
    return {f"{a} {b}".encode() for a, b in itertools.pairwise(words)}


def run_datasketch(texts: list[str], *, perm: int, bands: int) -> tuple[float, set]:
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(num_perm=perm, params=(bands, perm // bands))
    signatures = []
    for i, text in enumerate(texts):
        m = MinHash(num_perm=perm, seed=1)
        m.update_batch(list(shingles(text)))
        lsh.insert(str(i), m)
        signatures.append(m)
    pairs = set()
    for i, m in enumerate(signatures):
        for other in lsh.query(m):
            j = int(other)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return time.perf_counter() - start, pairs


def run_numpy(texts: list[str], *, bins: int, bands: int) -> tuple[float, set]:
    start = time.perf_counter()
    signatures, _ = description_signatures(texts, bins=bins)
    keys = band_keys(signatures, bands=bands)
    pairs = set()
    for band in range(bands):
        codes = pd.factorize(keys[:, band])[0].astype(np.int64)
        codes[keys[:, band] < 0] = -1
        left, right, _ = pairs_within_blocks(codes, max_block_size=10**9, window=0)
        pairs.update(zip(left.tolist(), right.tolist(), strict=True))
    return time.perf_counter() - start, pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=20_000)
    parser.add_argument("--bins", type=int, default=32)
    parser.add_argument("--bands", type=int, default=4)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    postings, _ = generate_postings(args.postings, seed=3)
    texts = postings["description"].tolist()
    scale = 1_000_000 / len(texts)

    seconds_np, pairs_np = run_numpy(texts, bins=args.bins, bands=args.bands)
    seconds_ds, pairs_ds = run_datasketch(texts, perm=args.bins, bands=args.bands)
    both = len(pairs_np & pairs_ds)
    log.info(
        "descriptions: %s; %d hashes in %d bands",
        f"{len(texts):,}",
        args.bins,
        args.bands,
    )
    for name, seconds, pairs in (
        ("numpy one-permutation MinHash + LSH", seconds_np, pairs_np),
        ("datasketch MinHash + MinHashLSH", seconds_ds, pairs_ds),
    ):
        log.info(
            "%-36s %7.2f s (about %6.0f s per million), %s pairs",
            name,
            seconds,
            seconds * scale,
            f"{len(pairs):,}",
        )
    log.info("pairs found by both: %s", f"{both:,}")


if __name__ == "__main__":
    main()

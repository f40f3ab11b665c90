"""Benchmark dedupe at 100,000 and 1,000,000 generated postings.

Each size runs in a fresh process that loads the postings and dedupes them, so
its peak memory is its own. The script reports the time per stage, the total,
the peak resident memory, the quality against the generator's truth, and the
ratio of the times of the largest and the smallest size (ten times the data
should cost at most fifteen times the time).

    python benchmarks/bench_dedupe.py                       # 100,000 and 1,000,000
    python benchmarks/bench_dedupe.py --sizes 20000 200000

Generated sets are cached as pickles under ``--cache`` (default
``var/bench-dedupe``), so a second run measures dedupe alone.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import time
from pathlib import Path

log = logging.getLogger("bench_dedupe")

TARGET_SECONDS = 600
TARGET_GIB = 8.0
TARGET_RATIO = 15.0


def prepare(size: int, seed: int, cache: Path) -> Path:
    import pandas as pd

    from transforms.dedupe.synth import generate_postings

    path = cache / f"postings-{size}-{seed}.pkl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        clock = time.perf_counter()
        postings, truth = generate_postings(size, seed=seed)
        pd.to_pickle((postings, truth), path)
        log.info(
            "generated %s postings in %.1f s -> %s",
            f"{size:,}",
            time.perf_counter() - clock,
            path,
        )
    return path


def run_child(path: Path) -> None:
    """Dedupe one cached set and write the measurements as JSON on stdout."""
    import pandas as pd

    from transforms.dedupe import DedupeReport, dedupe_postings
    from transforms.dedupe.evaluate import evaluate_clusters

    postings, truth = pd.read_pickle(path)  # noqa: S301 (our own cache file)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = DedupeReport()
    assignment = dedupe_postings(postings, report=report)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    quality = evaluate_clusters(assignment, truth)
    blocks = report.blocks
    result = {
        "postings": report.postings,
        "vacancies": report.vacancies,
        "pairs": report.pairs,
        "matches": report.matches,
        "seconds": report.seconds,
        "peak_gib": peak / 2**20,
        "input_gib": loaded / 2**20,
        "capped_blocks": sum(blocks.capped_blocks.values()) if blocks else 0,
        "skipped_pairs": sum(blocks.skipped_pairs.values()) if blocks else 0,
        "quality": quality.as_dict(),
    }
    sys.stdout.write(json.dumps(result) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=Path("var/bench-dedupe"))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(
        level=logging.INFO,
        format="%(message)s",
        stream=sys.stderr if args.child else sys.stdout,
    )
    if args.child:
        logging.getLogger("transforms").setLevel(logging.INFO)
        run_child(args.child)
        return
    logging.getLogger("transforms").setLevel(logging.WARNING)

    results = {}
    for size in args.sizes:
        path = prepare(size, args.seed, args.cache)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            log.error("size %s failed:\n%s", f"{size:,}", done.stderr[-4000:])
            sys.exit(1)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        results[size] = result
        seconds = result["seconds"]
        quality = result["quality"]
        log.info("== %s postings", f"{size:,}")
        for stage in (
            "normalise",
            "occupation",
            "minhash",
            "block",
            "score",
            "cluster",
            "total",
        ):
            log.info("  %-10s %8.1f s", stage, seconds.get(stage, 0.0))
        log.info(
            "  pairs %s, matches %s, vacancies %s; %s blocks capped, "
            "%s pairs not compared",
            f"{result['pairs']:,}",
            f"{result['matches']:,}",
            f"{result['vacancies']:,}",
            f"{result['capped_blocks']:,}",
            f"{result['skipped_pairs']:,}",
        )
        log.info(
            "  peak memory %.2f GiB (input loaded: %.2f GiB)",
            result["peak_gib"],
            result["input_gib"],
        )
        log.info(
            "  pairwise P %.4f R %.4f F1 %.4f | B-cubed P %.4f R %.4f F1 %.4f",
            quality["pair_precision"],
            quality["pair_recall"],
            quality["pair_f1"],
            quality["bcubed_precision"],
            quality["bcubed_recall"],
            quality["bcubed_f1"],
        )
    if len(results) > 1:
        small, large = min(results), max(results)
        ratio = results[large]["seconds"]["total"] / results[small]["seconds"]["total"]
        log.info(
            "time ratio %s / %s postings: %.1f (target <= %.0f for ten times the data)",
            f"{large:,}",
            f"{small:,}",
            ratio,
            TARGET_RATIO,
        )
    largest = results[max(results)]
    log.info(
        "largest: %.0f s (target <= %d), peak %.2f GiB (target <= %.0f)",
        largest["seconds"]["total"],
        TARGET_SECONDS,
        largest["peak_gib"],
        TARGET_GIB,
    )


if __name__ == "__main__":
    main()

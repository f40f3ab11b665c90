"""Run one labelled set through Splink and through our dedupe, side by side.

Splink lives in its own environment, so the project's pins stay untouched::

    python -m venv .venv-bench
    .venv-bench/bin/pip install -e . splink
    .venv-bench/bin/python benchmarks/splink_compare.py --postings 100000

The set is written by :mod:`transforms.dedupe.synth` (or read from ``--data``,
a folder with ``postings.jsonl`` and ``truth.csv``). Both tools get the same
postings; Splink gets the same normalised title, employer and municipality that
our normalise stage makes, so the comparison is of matching, not of cleaning.
Splink's model is trained unsupervised the way its documentation sets out:
the share of matches from strict rules, u probabilities by random sampling,
m probabilities by expectation maximisation under two blocking rules; pairs
are clustered with connected components at a match probability threshold.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd

from transforms.dedupe import dedupe_postings
from transforms.dedupe.evaluate import evaluate_clusters
from transforms.dedupe.normalise import normalise_postings
from transforms.dedupe.synth import write_set

log = logging.getLogger("splink_compare")


def read_set(directory: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    with (directory / "postings.jsonl").open(encoding="utf-8") as lines:
        postings = pd.DataFrame.from_records(json.loads(line) for line in lines)
    truth = pd.read_csv(directory / "truth.csv", dtype=str)
    return postings, truth


def splink_input(postings: pd.DataFrame) -> pd.DataFrame:
    features = normalise_postings(postings)

    def or_null(values: np.ndarray) -> np.ndarray:
        return np.where(values == "", None, values)

    salary = features["salary_min"].round(-2)
    return pd.DataFrame(
        {
            "posting_id": features["posting_id"],
            "title": or_null(features["title_key"].to_numpy()),
            "employer": or_null(features["employer_key"].to_numpy()),
            "municipality": or_null(features["municipality"].to_numpy()),
            "hours": features["hours_max"].astype("Float64"),
            "salary": salary.astype("Float64"),
            "date_posted": pd.to_datetime(postings["date_posted"], errors="coerce"),
            "description": or_null(
                features["description_prefix"].str.slice(0, 120).to_numpy()
            ),
        }
    )


def run_splink(
    postings: pd.DataFrame, *, thresholds: list[float]
) -> tuple[dict[float, pd.DataFrame], dict[str, float]]:
    """Train one Splink model, predict once, cluster at each threshold."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    frame = splink_input(postings)
    seconds["prepare"] = time.perf_counter() - clock

    clock = time.perf_counter()
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="posting_id",
        comparisons=[
            cl.JaroWinklerAtThresholds("title", [0.95, 0.88, 0.8]).configure(
                term_frequency_adjustments=True
            ),
            cl.JaroWinklerAtThresholds("employer", [0.95, 0.88]),
            cl.ExactMatch("municipality").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("description", [0.9, 0.75]),
            cl.ExactMatch("hours"),
            cl.ExactMatch("salary"),
            cl.AbsoluteDateDifferenceAtThresholds(
                "date_posted",
                input_is_string=False,
                metrics=["day", "day", "day"],
                thresholds=[7, 30, 90],
            ),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("employer", "title"),
            block_on("municipality", "title"),
            block_on("title", "hours", "salary"),
            block_on("employer", "municipality"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    linker = Linker(DuckDBAPI().register(frame), settings, log_level=logging.WARNING)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("employer", "title", "municipality")], recall=0.7
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=1)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("employer", "municipality")
    )
    # Blocking on the title alone compares every pair of nurses in the
    # country; with the municipality the training pairs stay in the millions.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("title", "municipality")
    )
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("employer", "title")
    )
    seconds["train"] = time.perf_counter() - clock

    clock = time.perf_counter()
    pairs = linker.inference.predict(threshold_match_probability=min(thresholds))
    seconds["predict"] = time.perf_counter() - clock
    results = {}
    for threshold in thresholds:
        clock = time.perf_counter()
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            pairs, threshold_match_probability=threshold
        ).as_pandas_dataframe()
        seconds[f"cluster at {threshold}"] = time.perf_counter() - clock
        results[threshold] = clusters[["posting_id", "cluster_id"]].astype(str)
    return results, seconds


def report(name: str, assignment: pd.DataFrame, truth: pd.DataFrame, seconds: dict):
    quality = evaluate_clusters(assignment, truth)
    stages = ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items())
    log.info(
        "%-22s pairwise P %.4f R %.4f F1 %.4f | B-cubed P %.4f R %.4f F1 %.4f | %s",
        name,
        quality.pair_precision,
        quality.pair_recall,
        quality.pair_f1,
        quality.bcubed_precision,
        quality.bcubed_recall,
        quality.bcubed_f1,
        stages,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postings", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument(
        "--thresholds", type=float, nargs="+", default=[0.9, 0.99, 0.999]
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("transforms").setLevel(logging.WARNING)
    logging.getLogger("splink").setLevel(logging.WARNING)

    directory = args.data or Path("var") / f"dedupe-set-{args.postings}-{args.seed}"
    if not (directory / "postings.jsonl").exists():
        write_set(directory, args.postings, seed=args.seed)
    postings, truth = read_set(directory)
    log.info("set: %s (%s postings)", directory, f"{len(postings):,}")

    clock = time.perf_counter()
    ours = dedupe_postings(postings)
    report("vacatures dedupe", ours, truth, {"total": time.perf_counter() - clock})

    results, seconds = run_splink(postings, thresholds=args.thresholds)
    log.info(
        "splink: %s",
        ", ".join(f"{stage} {value:.1f} s" for stage, value in seconds.items()),
    )
    base = seconds["prepare"] + seconds["train"] + seconds["predict"]
    for threshold, assignment in results.items():
        total = base + seconds[f"cluster at {threshold}"]
        report(f"splink p>={threshold}", assignment, truth, {"total": total})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    log.info("peak memory of this process: %.2f GiB", peak)


if __name__ == "__main__":
    main()

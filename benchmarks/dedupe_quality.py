"""Measure dedupe quality on labelled sets: demo board crawls and generated sets.

Each demo set is one night of the demo boards (:mod:`vacatures.demo.server`),
crawled by the project's spiders into a folder and read the way ``vacatures
dedupe POSTINGS.jsonl`` reads it, so dedupe sees what it would see in use; the
truth is the demo's own vacancy of each served posting. Synth sets come from
:mod:`transforms.dedupe.synth`, the generator dedupe was first built on.

The sets are split in two: ``tune`` sets may be looked at while choosing
thresholds; ``held-out`` sets (other seeds, other nights, a dense night) are
only for reporting. Crawls and generated sets are cached under ``--cache``.

    python benchmarks/dedupe_quality.py                    # every set
    python benchmarks/dedupe_quality.py --group held-out
    python benchmarks/dedupe_quality.py --set demo-11 --set synth-20k \\
        --option use_occupations=false --misses 20

``--option NAME=VALUE`` overrides a field of ``DedupeConfig``; ``--misses N``
logs up to N missed and N wrong pairs per set, for reading.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from transforms.dedupe import DedupeConfig

log = logging.getLogger("dedupe_quality")


@dataclass(frozen=True)
class LabelledSet:
    """A named set: demo boards of one seed and night, or a generated set."""

    name: str
    group: str
    kind: str  # demo or synth
    seed: int
    size: int  # vacancies on a typical night (demo) or postings (synth)
    night: dt.date | None = None


_TUNE_NIGHT = dt.date(2026, 12, 1)
SETS: tuple[LabelledSet, ...] = (
    *(
        LabelledSet(f"demo-{s}", "tune", "demo", s, 400, _TUNE_NIGHT)
        for s in range(11, 15)
    ),
    LabelledSet("demo-15-dense", "tune", "demo", 15, 3000, _TUNE_NIGHT),
    LabelledSet("synth-20k", "tune", "synth", 3, 20_000),
    *(
        LabelledSet(f"demo-{s}-{night:%m%d}", "held-out", "demo", s, 400, night)
        for s, night in (
            (3, dt.date(2027, 2, 10)),
            (4, dt.date(2027, 4, 22)),
            (5, dt.date(2026, 10, 7)),
            (21, dt.date(2027, 6, 3)),
            (22, dt.date(2027, 1, 18)),
        )
    ),
    LabelledSet("demo-31-dense", "held-out", "demo", 31, 3000, dt.date(2027, 3, 9)),
    LabelledSet("synth-100k", "held-out", "synth", 7, 100_000),
)  # fmt: skip


def crawl_demo(labelled: LabelledSet, folder: Path) -> None:
    """Serve one demo night, crawl every board into ``folder`` and keep the truth."""
    from spiders.crawl import crawl_boards
    from spiders.registry import load_registry
    from vacatures.demo.server import DemoBoards

    assert labelled.night is not None  # noqa: S101 (demo sets have a night)
    partial = folder.with_name(folder.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    clock = time.perf_counter()
    with DemoBoards(
        seed=labelled.seed, as_of=labelled.night, vacancies=labelled.size
    ) as demo:
        registry = load_registry(demo.write_registry(partial / "boards.toml"))
        settings = registry.settings.model_copy(
            update={"download_delay_s": 0, "autothrottle_start_delay_s": 0}
        )
        results = crawl_boards(
            registry.enabled(),
            partial / "landing",
            run_date=labelled.night,
            state_dir=partial / "state",
            settings=settings,
        )
        truth = demo.truth()
    failed = [name for name, stats in results.items() if not stats.ok]
    if failed:
        raise RuntimeError(f"{labelled.name}: crawl failed for {', '.join(failed)}")
    with (partial / "postings.jsonl").open("wb") as target:
        for name in results:
            target.write((partial / "landing" / f"{name}.jsonl").read_bytes())
    sources = {b.name: b.source_type for b in registry.boards}
    truth["source_type"] = truth["board"].map(sources)
    truth.to_csv(partial / "truth.csv", index=False)
    partial.rename(folder)
    log.info(
        "%s: crawled %s postings in %.1f s",
        labelled.name,
        f"{sum(s.postings_emitted for s in results.values()):,}",
        time.perf_counter() - clock,
    )


def load_demo(
    labelled: LabelledSet, cache: Path, *, with_source_type: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the crawled postings of a demo night and their true vacancies."""
    from vacatures.cli.dedupe_cmd import read_postings

    folder = cache / f"{labelled.name}-{labelled.night}-{labelled.size}"
    if not folder.exists():
        crawl_demo(labelled, folder)
    postings, _ = read_postings(folder / "postings.jsonl")
    truth = pd.read_csv(folder / "truth.csv", dtype=str, keep_default_na=False)
    keyed = postings[["posting_id", "board", "url"]].merge(
        truth, on=["board", "url"], how="inner"
    )
    if with_source_type:
        postings = postings.assign(
            source_type=postings["board"].map(
                truth.drop_duplicates("board").set_index("board")["source_type"]
            )
        )
    return postings, keyed[["posting_id", "vacancy_key"]]


def load_synth(labelled: LabelledSet, cache: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return a generated set, made once and cached."""
    from transforms.dedupe.synth import generate_postings

    path = cache / f"{labelled.name}-{labelled.seed}.pkl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        pd.to_pickle(generate_postings(labelled.size, seed=labelled.seed), path)
    return pd.read_pickle(path)  # noqa: S301 (our own cache file)


def _config(options: list[str]) -> DedupeConfig:

    fields = {f.name: f for f in dataclasses.fields(DedupeConfig)}
    values: dict[str, object] = {}
    for option in options:
        name, _, text = option.partition("=")
        if name not in fields:
            raise SystemExit(f"no DedupeConfig field {name!r}")
        default = getattr(DedupeConfig(), name)
        if isinstance(default, bool):
            values[name] = text.lower() in {"1", "true", "yes", "on"}
        else:
            values[name] = type(default)(text)
    return DedupeConfig(**values)


def show_errors(
    postings: pd.DataFrame, assignment: pd.DataFrame, truth: pd.DataFrame, limit: int
) -> None:
    """Log up to ``limit`` missed pairs and wrongly joined pairs."""
    frame = (
        postings.merge(assignment, on="posting_id")
        .merge(truth, on="posting_id")
        .reset_index(drop=True)
    )
    columns = ["board", "title", "employer", "location", "hours_max", "salary_min"]
    for kind, same, other in (
        ("missed", "vacancy_key", "cluster_id"),
        ("wrong", "cluster_id", "vacancy_key"),
    ):
        pairs = frame.merge(frame, on=same, suffixes=("_a", "_b"))
        pairs = pairs[
            (pairs["posting_id_a"] < pairs["posting_id_b"])
            & (pairs[f"{other}_a"] != pairs[f"{other}_b"])
        ]
        log.info("  %s pairs: %s", kind, f"{len(pairs):,}")
        for row in pairs.head(limit).to_dict("records"):
            for side in ("a", "b"):
                log.info(
                    "    %s %s",
                    side,
                    " | ".join(str(row.get(f"{c}_{side}", "")) for c in columns),
                )
            log.info("")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="sets", action="append", default=[])
    parser.add_argument("--group", choices=["tune", "held-out"])
    parser.add_argument("--option", action="append", default=[])
    parser.add_argument(
        "--source-type",
        action="store_true",
        help="give demo postings their board's source type, as the nightly run does",
    )
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=Path("var/dedupe-quality"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    logging.getLogger("transforms").setLevel(logging.WARNING)
    logging.getLogger("spiders").setLevel(logging.WARNING)
    logging.getLogger("vacatures").setLevel(logging.ERROR)

    from transforms.dedupe import dedupe_postings
    from transforms.dedupe.evaluate import evaluate_clusters

    config = _config(args.option)
    chosen = [
        s
        for s in SETS
        if (not args.sets or s.name in args.sets)
        and (args.group is None or s.group == args.group)
    ]
    if not chosen:
        raise SystemExit(
            "no set chosen; known sets: " + ", ".join(s.name for s in SETS)
        )
    args.cache.mkdir(parents=True, exist_ok=True)
    log.info(
        "%-16s %-8s %8s %7s %7s %7s %7s", "set", "group", "postings",
        "P", "R", "F1", "seconds",
    )  # fmt: skip
    for labelled in chosen:
        if labelled.kind == "demo":
            postings, truth = load_demo(
                labelled, args.cache, with_source_type=args.source_type
            )
        else:
            postings, truth = load_synth(labelled, args.cache)
        clock = time.perf_counter()
        assignment = dedupe_postings(postings, config=config)
        seconds = time.perf_counter() - clock
        quality = evaluate_clusters(assignment, truth)
        log.info(
            "%-16s %-8s %8s %7.4f %7.4f %7.4f %7.1f",
            labelled.name,
            labelled.group,
            f"{quality.postings:,}",
            quality.pair_precision,
            quality.pair_recall,
            quality.pair_f1,
            seconds,
        )
        if args.misses:
            show_errors(postings, assignment, truth, args.misses)


if __name__ == "__main__":
    main()

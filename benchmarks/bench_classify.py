"""Benchmark occupation coding: 100,000 distinct noisy titles, full ESCO taxonomy.

Titles are made from the taxonomy's own labels with the noise boards add
(gender markers, hours, places, seniority, agencies, capitals, abbreviations and
the odd typo), so the benchmark also reports how often the coder gets back the
ISCO-08 unit group of the label a title was made from.

    .venv/bin/python benchmarks/bench_classify.py [--titles 100000] [--esco DIR]
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from pathlib import Path

import pandas as pd

from transforms.occupations.coder import OccupationCoder
from transforms.occupations.taxonomy import read_esco_export, starter_taxonomy

log = logging.getLogger("bench_classify")

ROOT = Path(__file__).resolve().parents[1]
ESCO = ROOT.parent / "shared" / "data" / "esco" / "v1.2"
ENGLISH = ROOT.parent / "shared" / "data" / "crosswalks" / "esco_to_onet_soc_2019.csv"

PLACES = [
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Den Haag",
    "Eindhoven",
    "Groningen",
    "Tilburg",
    "Almere",
    "Breda",
    "Nijmegen",
    "Zwolle",
    "Venlo",
    "Regio Twente",
    "omgeving Arnhem",
    "Noord-Holland",
    "Den Bosch",
    "Leeuwarden",
    "Maastricht",
]
AGENCIES = ["Randstad", "Tempo-Team", "Start People", "Adecco", "YoungCapital"]
SENIORITY = ["Senior", "Junior", "Medior", "Ervaren", "Leerling", "Allround"]
HOURS = ["32-40 uur", "24 uur", "fulltime", "parttime", "36 uur p/w", "0,8 fte"]
GENDER = ["(m/v)", "(m/v/x)", "m/v", "(v/m/x)", "(m/w/d)"]


def noisy(label: str, rng: random.Random) -> str:
    """Dress a label up the way boards write vacancy titles."""
    title = label
    if rng.random() < 0.15 and len(title) > 6:
        words = title.split()
        i = rng.randrange(len(words))
        word = words[i]
        if len(word) > 6:
            j = rng.randrange(1, len(word) - 1)
            words[i] = word[:j] + word[j + 1 :]
            title = " ".join(words)
    if rng.random() < 0.6:
        title = title.title()
    if rng.random() < 0.25:
        title = f"{rng.choice(SENIORITY)} {title}"
    if rng.random() < 0.3:
        title = f"{title} {rng.choice(GENDER)}"
    if rng.random() < 0.3:
        title = f"{title} {rng.choice(HOURS)}"
    if rng.random() < 0.35:
        title = f"{title} - {rng.choice(PLACES)}"
    if rng.random() < 0.1:
        title = f"{title} via {rng.choice(AGENCIES)}"
    if rng.random() < 0.05:
        title = f"Vacature: {title}"
    if rng.random() < 0.03:
        title = title.upper()
    return title


def make_titles(labels: pd.DataFrame, n: int, seed: int) -> pd.DataFrame:
    """Return ``n`` distinct noisy titles with the unit group they came from."""
    rng = random.Random(seed)
    pool = list(zip(labels["label"], labels["isco08"], strict=True))
    titles: dict[str, str] = {}
    while len(titles) < n:
        label, isco = rng.choice(pool)
        titles.setdefault(noisy(label, rng), isco)
    return pd.DataFrame(
        {"id": range(n), "title": list(titles), "source_isco08": list(titles.values())}
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--titles", type=int, default=100_000)
    parser.add_argument("--esco", type=Path, default=ESCO)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")

    if args.esco.is_dir():
        english = ENGLISH if ENGLISH.is_file() else None
        taxonomy = read_esco_export(args.esco, english_titles=english)
    else:
        log.warning("no ESCO export at %s; using the starter taxonomy", args.esco)
        taxonomy = starter_taxonomy()
    labels = taxonomy.labels.merge(
        taxonomy.occupations[["esco_uri", "isco08"]], on="esco_uri"
    )
    frame = make_titles(labels, args.titles, args.seed)

    started = time.perf_counter()
    coder = OccupationCoder(taxonomy)
    built = time.perf_counter() - started
    started = time.perf_counter()
    coded = coder.classify(frame[["id", "title"]])
    seconds = time.perf_counter() - started

    answered = coded["isco08"] != ""
    agree = (coded["isco08"] == frame["source_isco08"]).mean()
    log.info("coder built in %.1f s", built)
    log.info(
        "classified %s distinct titles in %.1f s: %s titles/s",
        f"{len(frame):,}",
        seconds,
        f"{len(frame) / seconds:,.0f}",
    )
    log.info(
        "coverage %.1f %%, same unit group as the source label %.1f %%",
        100 * answered.mean(),
        100 * agree,
    )
    return 0 if seconds <= 60 else 1


if __name__ == "__main__":
    sys.exit(main())

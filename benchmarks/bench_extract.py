"""Extraction throughput per board kind: postings per second on one core.

Parsing only: saved responses are read into memory first and handed to the
extraction functions, no reactor and no network. The responses are those of
the demo boards (one seeded night); without the demo package the test
fixtures are used instead.

    python benchmarks/bench_extract.py [--vacancies 2000] [--min-seconds 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from spiders.extract import EXTRACTORS
from spiders.registry import Board, load_registry

log = logging.getLogger("bench_extract")

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "sites" / "unit"
CLOCK = dt.datetime(2026, 12, 1, 4, 0, tzinfo=dt.UTC)


def demo_responses(vacancies: int) -> dict[str, list[tuple[Board, str, bytes]]]:
    """Render one night of the demo boards and collect every response body."""
    import tempfile

    from vacatures.demo.server import DemoBoards

    found: dict[str, list[tuple[Board, str, bytes]]] = defaultdict(list)
    with (
        DemoBoards(seed=7, vacancies=vacancies) as demo,
        tempfile.TemporaryDirectory() as tmp,
    ):
        registry = load_registry(demo.write_registry(Path(tmp) / "boards.toml"))
        site = demo.site
        for board in registry.boards:
            start = urlsplit(board.url)
            if board.kind.value in ("jsonld", "html"):
                prefix = start.path.rsplit("/", 1)[0] + "/vacature"
                for path in site.routes:
                    if path.startswith(prefix):
                        document = site.resolve(path, {})
                        if document is not None:
                            found[board.kind.value].append(
                                (board, demo.base_url + path, document.body)
                            )
            else:
                document = site.resolve(start.path, parse_qs(start.query))
                if document is not None:
                    found[board.kind.value].append((board, board.url, document.body))
    return found


def fixture_responses() -> dict[str, list[tuple[Board, str, bytes]]]:
    """Use the unit-test fixtures when the demo package is absent."""
    files = {
        "jsonld": ["jsonld_plain.html", "jsonld_graph.html", "jsonld_array.html",
                   "jsonld_multi.html", "microdata.html"],
        "xmlfeed": ["indeed_feed.xml"],
        "recruitee": ["recruitee_offers.json"],
        "greenhouse": ["greenhouse_jobs.json"],
        "lever": ["lever_postings.json"],
        "html": ["html_vacancy.html"],
    }  # fmt: skip
    found: dict[str, list[tuple[Board, str, bytes]]] = {}
    for kind, names in files.items():
        board = Board(
            name=f"bench-{kind}",
            kind=kind,
            url="https://bench.example.nl/vacatures/",
            source_type="board",
            employer="Bench B.V.",
            selectors={"title": "h1", "employer": ".bedrijf", "location": ".plaats",
                       "description": ".omschrijving"},
        ) if kind == "html" else Board(
            name=f"bench-{kind}",
            kind=kind,
            url="https://bench.example.nl/vacatures/",
            source_type="board",
            employer="Bench B.V.",
        )  # fmt: skip
        found[kind] = [
            (board, "https://bench.example.nl/vacatures/1", (FIXTURES / n).read_bytes())
            for n in names
        ]
    return found


def measure(
    responses: list[tuple[Board, str, bytes]], *, min_seconds: float
) -> tuple[int, int, float]:
    """Extract all responses repeatedly for at least ``min_seconds``."""
    extract = EXTRACTORS[responses[0][0].kind.value]
    rounds = postings = 0
    start = time.perf_counter()
    while True:
        for board, url, body in responses:
            postings += len(
                extract(body, url=url, board=board, fetched_at=CLOCK).postings
            )
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return rounds, postings, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=2000)
    parser.add_argument("--min-seconds", type=float, default=2.0)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("vacatures").setLevel(logging.WARNING)
    try:
        responses = demo_responses(args.vacancies)
        source = f"demo boards, {args.vacancies:,} vacancies"
    except ImportError:
        responses = fixture_responses()
        source = "test fixtures"
    log.info("extraction throughput on one core (%s)", source)
    log.info("%-11s %9s %9s %9s %12s", "kind", "responses", "postings", "seconds",
             "postings/s")  # fmt: skip
    for kind in EXTRACTORS:
        if not responses.get(kind):
            continue
        rounds, postings, seconds = measure(
            responses[kind], min_seconds=args.min_seconds
        )
        log.info(
            "%-11s %9s %9s %9.2f %12s",
            kind,
            f"{len(responses[kind]) * rounds:,}",
            f"{postings:,}",
            seconds,
            f"{postings / seconds:,.0f}",
        )


if __name__ == "__main__":
    main()

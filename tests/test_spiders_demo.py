"""The spiders crawl the demo boards unchanged: every kind, as the demo serves it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pydantic import ValidationError

from schemas.posting import Posting
from spiders.crawl import crawl_boards
from spiders.registry import load_registry

demo_server = pytest.importorskip(
    "vacatures.demo.server", reason="the demo boards package is not installed"
)
NIGHT = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def demo_crawl(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    with demo_server.DemoBoards(seed=7, as_of=NIGHT, vacancies=150) as demo:
        registry = load_registry(demo.write_registry(out / "boards.toml"))
        settings = registry.settings.model_copy(
            update={"download_delay_s": 0, "autothrottle_start_delay_s": 0}
        )
        results = crawl_boards(
            registry.enabled(),
            out / "landing",
            run_date=NIGHT,
            state_dir=out / "state",
            settings=settings,
        )
        truth = demo.truth()
        requested = [path for _, path, _ in demo.request_log]
        disallowed = demo.disallowed_urls()
        base = demo.base_url
    postings = {}
    for name in results:
        for line in (out / "landing" / f"{name}.jsonl").read_text().splitlines():
            posting = json.loads(line)
            postings[(posting["board"], posting["url"])] = posting
    return results, postings, truth, requested, disallowed, base


def test_demo_boards_every_kind_is_crawled(demo_crawl):
    results, _, truth, *_ = demo_crawl
    assert set(results) == set(truth["board"])
    for name, stats in results.items():
        assert stats.status == "ok", (name, stats.error)
        assert stats.postings_emitted > 0, name


def test_demo_boards_all_served_postings_are_found(demo_crawl):
    _, postings, truth, *_ = demo_crawl
    for board, rows in truth.groupby("board"):
        found = sum((board, url) in postings for url in rows["url"])
        assert found / len(rows) >= 0.99, board


def test_demo_boards_dates_and_ids_are_read(demo_crawl):
    _, postings, truth, *_ = demo_crawl
    sound = truth[~truth["is_malformed"]]
    for row in sound.itertuples():
        posting = postings[(row.board, row.url)]
        assert posting["date_posted"] == str(row.date_posted), row.url
        assert posting["external_id"] == (row.external_id or None), row.url


def test_demo_boards_sound_postings_pass_the_contract(demo_crawl):
    _, postings, truth, *_ = demo_crawl
    failures = []
    for row in truth[~truth["is_malformed"]].itertuples():
        try:
            Posting.model_validate(postings[(row.board, row.url)])
        except ValidationError as error:
            failures.append((row.url, str(error)[:200]))
    assert failures == []


def test_demo_boards_robots_disallowed_pages_are_never_requested(demo_crawl):
    *_, requested, disallowed, base = demo_crawl
    assert disallowed
    forbidden = {url.removeprefix(base) for url in disallowed}
    assert not forbidden & set(requested)

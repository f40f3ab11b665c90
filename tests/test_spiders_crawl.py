"""Real crawls over loopback: every kind, the landing files, the HTTP cache."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sites.siteserver import SITES, Reply, job_page, page, serve

from schemas.posting import Posting
from spiders.crawl import crawl_board, crawl_boards
from spiders.registry import Board, RegistrySettings
from spiders.stats import BoardStats

UNIT = SITES / "unit"
RUN_DATE = dt.date(2026, 12, 3)
FAST = RegistrySettings(
    contact_url="https://example.org/vacatures-contact",
    download_delay_s=0,
    autothrottle_start_delay_s=0,
    download_timeout_s=3,
    retry_times=1,
    retry_backoff_s=0.05,
)


def read_postings(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def board(name: str, kind: str, url: str, **extra) -> Board:
    return Board(name=name, kind=kind, url=url, source_type="employer", **extra)


def test_crawl_board_jsonld_follows_listing_and_pagination_and_obeys_robots(
    tmp_path, monkeypatch
):
    monkeypatch.delenv("VACATURES_CONTACT_URL", raising=False)
    with serve(SITES / "crawl") as site:
        stats = crawl_board(
            board("horeca", "jsonld", site.url("/vacatures/")),
            tmp_path / "landing",
            run_date=RUN_DATE,
            state_dir=tmp_path / "state",
            settings=FAST,
        )
    postings = read_postings(tmp_path / "landing" / "horeca.jsonl")
    assert sorted(p["title"] for p in postings) == ["Afwasser", "Gastheer", "Kok"]
    assert {p["url"] for p in postings} == {
        site.url("/vacatures/kok.html"),
        site.url("/vacatures/afwasser.html"),
        site.url("/vacatures/gastheer.html"),
    }
    for posting in postings:
        Posting.model_validate(posting)
        assert posting["board"] == "horeca"
        assert posting["fetched_at"].startswith(str(dt.date.today().year))
    # Never asked for the disallowed page; robots.txt came first.
    assert not any("/concept/" in path for path in site.paths())
    assert site.paths()[0] == "/robots.txt"
    agent = site.requests[-1].headers["User-Agent"]
    assert agent.startswith("vacatures/")
    assert "https://example.org/vacatures-contact" in agent

    assert stats.status == "ok"
    assert stats.postings_emitted == 3
    assert stats.failures == {"robots_forbidden": 1}
    assert stats.responses_by_status == {"200": 5}
    assert stats.pages_fetched == 5
    on_disk = BoardStats.read(tmp_path / "landing" / "horeca.stats.json")
    assert on_disk == stats
    raw = json.loads((tmp_path / "landing" / "horeca.stats.json").read_text())
    assert raw["run_date"] == "2026-12-03"
    assert set(raw) >= {
        "board", "kind", "run_date", "started_at", "finished_at", "duration_s",
        "status", "error", "pages_fetched", "responses_by_status", "cache_hits",
        "not_modified", "bytes_downloaded", "postings_emitted", "failures",
    }  # fmt: skip
    assert (tmp_path / "state" / "horeca" / "crawl.log").exists()


def test_crawl_boards_reads_feed_and_ats_apis(tmp_path):
    routes = {
        "/feed.xml": page(
            (UNIT / "indeed_feed.xml").read_bytes(),
            headers={"Content-Type": "application/xml"},
        ),
        "/api/offers/": page(
            (UNIT / "recruitee_offers.json").read_bytes(),
            headers={"Content-Type": "application/json"},
        ),
        "/v1/boards/bv/jobs": page(
            (UNIT / "greenhouse_jobs.json").read_bytes(),
            headers={"Content-Type": "application/json"},
        ),
        "/v0/postings/haven": page(
            (UNIT / "lever_postings.json").read_bytes(),
            headers={"Content-Type": "application/json"},
        ),
    }
    with serve(routes=routes) as site:
        boards = [
            board("oost", "xmlfeed", site.url("/feed.xml")),
            board("fietsdeel", "recruitee", site.url("/api/offers/")),
            board(
                "betaal",
                "greenhouse",
                site.url("/v1/boards/bv/jobs?content=true"),
                employer="Betaalvoorbeeld B.V.",
            ),
            board(
                "haven",
                "lever",
                site.url("/v0/postings/haven?mode=json"),
                employer="Haven Logistiek B.V.",
            ),
        ]
        results = crawl_boards(
            boards,
            tmp_path,
            run_date=RUN_DATE,
            state_dir=tmp_path / "state",
            settings=FAST,
        )
    assert list(results) == ["oost", "fietsdeel", "betaal", "haven"]
    for name, stats in results.items():
        assert stats.status == "ok", stats
        assert stats.postings_emitted == 2
        assert stats.failures == {}
        titles = [p["title"] for p in read_postings(tmp_path / f"{name}.jsonl")]
        assert len(titles) == 2
    haven = read_postings(tmp_path / "haven.jsonl")
    assert {p["employer"] for p in haven} == {"Haven Logistiek B.V."}
    accept = [r.headers.get("Accept") for r in site.requests if "/api/" in r.path]
    assert accept == ["application/json"]


def test_crawl_board_rerun_revalidates_and_trusts_sitemap_lastmod(tmp_path):
    sitemap = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{base}/v/oud.html</loc><lastmod>2020-01-01</lastmod></url>
  <url><loc>{base}/v/nieuw.html?utm_source=sitemap</loc>
       <lastmod>2099-01-01T00:00:00+00:00</lastmod></url>
  <url><loc>{base}/over-ons.html</loc></url>
</urlset>"""

    def detail(title: str):
        body = job_page(title).encode()
        etag = f'"{title}-1"'

        def route(request):
            if request.headers.get("If-None-Match") == etag:
                return Reply(304, b"", {"ETag": etag})
            return Reply(200, body, {"Content-Type": "text/html", "ETag": etag})

        return route

    routes = {
        "/v/oud.html": detail("Oud"),
        "/v/nieuw.html": detail("Nieuw"),
        "/over-ons.html": page("<p>over ons</p>"),
    }
    with serve(routes=routes) as site:
        routes["/sitemap.xml"] = page(
            sitemap.format(base=site.base), headers={"Content-Type": "application/xml"}
        )
        site.routes.update(routes)
        chosen = board(
            "kaart",
            "jsonld",
            site.url("/"),
            sitemap=site.url("/sitemap.xml"),
            sitemap_pattern=r"/v/",
        )
        first = crawl_board(chosen, tmp_path / "n1", run_date=RUN_DATE,
                            state_dir=tmp_path / "state", settings=FAST)  # fmt: skip
        asked_first = len(site.requests)
        second = crawl_board(chosen, tmp_path / "n2", run_date=RUN_DATE,
                             state_dir=tmp_path / "state", settings=FAST)  # fmt: skip
        tonight = site.requests[asked_first:]

    assert first.postings_emitted == second.postings_emitted == 2
    assert first.not_modified == 0 and first.cache_hits == 0
    # The page the sitemap vouches for comes from the cache, unasked.
    assert "/v/oud.html" not in [r.path for r in tonight]
    assert second.cache_hits == 1
    # The other is revalidated with its ETag and reused on 304.
    revalidated = [r for r in tonight if r.path == "/v/nieuw.html"]
    assert [r.headers.get("If-None-Match") for r in revalidated] == ['"Nieuw-1"']
    assert second.not_modified == 1
    assert {p["title"] for p in read_postings(tmp_path / "n2" / "kaart.jsonl")} == {
        "Oud",
        "Nieuw",
    }
    assert not any(r.path == "/over-ons.html" for r in site.requests)


def test_crawl_boards_failed_start_gives_failed_stats_and_empty_file(tmp_path):
    with serve(routes={"/weg.xml": page("weg", status=404)}) as site:
        results = crawl_boards(
            [
                board("weg", "xmlfeed", site.url("/weg.xml")),
                board("dicht", "recruitee", "http://127.0.0.1:9/api/offers/"),
            ],
            tmp_path,
            run_date=RUN_DATE,
            state_dir=tmp_path / "state",
            settings=FAST,
        )
    assert results["weg"].status == "failed"
    assert results["weg"].failures == {"http_404": 1}
    assert "start request failed" in results["weg"].error
    assert results["dicht"].status == "failed"
    assert results["dicht"].failures == {"connection_error": 1}
    for name in ("weg", "dicht"):
        assert (tmp_path / f"{name}.jsonl").read_text() == ""
        assert BoardStats.read(tmp_path / f"{name}.stats.json").status == "failed"


def test_crawl_board_rerun_replaces_landing_files(tmp_path):
    (tmp_path / "oud.jsonl").write_text('{"stale": true}\n')
    with serve(
        routes={"/feed.xml": page((UNIT / "indeed_feed.xml").read_bytes())}
    ) as site:
        stats = crawl_board(
            board("oud", "xmlfeed", site.url("/feed.xml")),
            tmp_path,
            run_date=RUN_DATE,
            state_dir=tmp_path / "s",
            settings=FAST,
        )
    postings = read_postings(tmp_path / "oud.jsonl")
    assert len(postings) == stats.postings_emitted == 2
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.parametrize(
    ("registry", "message"),
    [
        (None, "board registry not found"),
        ('[[boards]]\nname = "x"\nkind = "rss"\nurl = "https://x.nl"\n'
         'source_type = "board"\n', "kind 'rss' is not one of"),
    ],
)  # fmt: skip
def test_crawl_command_bad_registry_exits_2_with_one_line(tmp_path, registry, message):
    path = tmp_path / "boards.toml"
    if registry is not None:
        path.write_text(registry)
    done = subprocess.run(
        [sys.executable, "-c", "from vacatures.cli import main; main()", "crawl",
         "--boards", str(path),
         "--output", str(tmp_path / "out.jsonl")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1

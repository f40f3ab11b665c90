"""A misbehaving site, crawled once: every failure counted, the crawl goes on."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest
from sites.siteserver import Reply, job_page, page, serve

from spiders.crawl import crawl_boards
from spiders.registry import Board, RegistrySettings

STRICT = RegistrySettings(
    download_delay_s=0,
    autothrottle_start_delay_s=0,
    download_timeout_s=1,
    retry_times=2,
    retry_backoff_s=0.05,
    retry_after_max_s=30,
    max_redirects=4,
    max_page_bytes=200_000,
    warn_page_bytes=100_000,
)

LISTING = """<html><body>
<a href="weg">404</a> <a href="verlopen">410</a> <a href="wankel">500 then 200</a>
<a href="druk">429 then 200</a> <a href="stuk">503 always</a>
<a href="traag">slow</a> <a href="rondje">redirect loop</a>
<a href="verboden">robots</a> <a href="kapot">truncated JSON-LD</a>
<a href="tekenset">wrong charset</a> <a href="bom">gzip bomb</a>
<a href="groot">oversized</a> <a href="script">scripts</a>
<a href="dubbel?utm_source=nieuwsbrief">same page</a>
<a href="/vacatures/dubbel?utm_campaign=winter&amp;utm_medium=mail#top">same page</a>
<a href="dubbel">same page</a> <a href="../vacatures/relatief">relative</a>
<a href="leeg">no posting</a>
</body></html>"""

HOSTILE_TITLE = "Kok <script>alert(1)<\\\\/script>"
HOSTILE_TEXT = " <script>document.cookie<\\\\/script><img src=x onerror=alert(2)>"


def _first_fails(status: int, title: str, **headers: str):
    def route(request):
        if request.count == 1:
            return Reply(status, b"even geduld", {**headers})
        return Reply(200, job_page(title).encode(), {"Content-Type": "text/html"})

    return route


def _redirect(to: str):
    return lambda request: Reply(302, b"", {"Location": to})


def _routes() -> dict:
    bomb = gzip.compress(b"\0" * 20_000_000, compresslevel=9)
    return {
        "/robots.txt": page(
            "User-agent: *\nDisallow: /vacatures/verboden\n",
            headers={"Content-Type": "text/plain"},
        ),
        "/vacatures/": page(LISTING),
        "/vacatures/weg": page("niet gevonden", status=404),
        "/vacatures/verlopen": page("verlopen", status=410),
        "/vacatures/wankel": _first_fails(500, "Wankel"),
        "/vacatures/druk": _first_fails(429, "Druk", **{"Retry-After": "1"}),
        "/vacatures/stuk": page("stuk", status=503),
        "/vacatures/traag": lambda request: Reply(
            200, job_page("Traag").encode(), delay_s=2.5
        ),
        "/vacatures/rondje": _redirect("/vacatures/rondje-terug"),
        "/vacatures/rondje-terug": _redirect("/vacatures/rondje"),
        "/vacatures/verboden": page(job_page("Verboden")),
        "/vacatures/kapot": page(job_page("Kapot")[:180] + "</script></head></html>"),
        "/vacatures/tekenset": page(
            job_page("Café-medewerker", employer="Eetcafé Ñandú"),
            headers={"Content-Type": "text/html; charset=iso-8859-1"},
        ),
        "/vacatures/bom": page(
            bomb, headers={"Content-Encoding": "gzip", "Content-Type": "text/html"}
        ),
        "/vacatures/groot": page(job_page("Groot", extra="x" * 300_000)),
        "/vacatures/script": page(job_page(HOSTILE_TITLE, extra=HOSTILE_TEXT)),
        "/vacatures/dubbel": page(job_page("Dubbel")),
        "/vacatures/relatief": page(job_page("Relatief")),
        "/vacatures/leeg": page(
            "<html><body><p>Deze vacature is vervuld.</p></body></html>"
        ),
        "/feed-bom.xml": page(
            (
                '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
                '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                "<source><job><title>&c;</title></job></source>"
            ),
            headers={"Content-Type": "application/xml"},
        ),
    }


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    out = tmp_path_factory.mktemp("robust")
    with serve(routes=_routes()) as site:
        results = crawl_boards(
            [
                Board(name="rommel", kind="jsonld", url=site.url("/vacatures/"),
                      source_type="board"),
                Board(name="bom", kind="xmlfeed", url=site.url("/feed-bom.xml"),
                      source_type="board"),
            ],
            out,
            run_date=dt.date(2026, 12, 3),
            state_dir=out / "state",
            settings=STRICT,
        )  # fmt: skip
    postings = [
        json.loads(line) for line in (out / "rommel.jsonl").read_text().splitlines()
    ]
    return results, postings, site


def test_misbehaving_site_failures_are_counted_by_reason(crawled):
    results, _, _ = crawled
    stats = results["rommel"]
    assert stats.status == "ok"
    assert stats.failures == {
        "http_404": 1,
        "http_410": 1,
        "retry_exhausted": 1,
        "timeout": 1,
        "redirect_loop": 1,
        "robots_forbidden": 1,
        "jsonld_malformed": 1,
        "charset_mismatch": 1,
        "too_large": 2,
        "no_posting_found": 1,
    }


def test_misbehaving_site_good_pages_still_give_postings(crawled):
    _, postings, _ = crawled
    assert sorted(p["title"] for p in postings) == [
        "Café-medewerker",
        "Druk",
        "Dubbel",
        "Kok",
        "Relatief",
        "Wankel",
    ]


def test_robots_disallowed_path_is_never_requested(crawled):
    _, _, site = crawled
    assert "/vacatures/verboden" not in site.paths()


def test_retry_after_is_honoured_before_retrying(crawled):
    _, _, site = crawled
    tries = [r for r in site.requests if r.path == "/vacatures/druk"]
    assert len(tries) == 2
    assert tries[1].at - tries[0].at >= 0.95
    assert len([r for r in site.requests if r.path == "/vacatures/wankel"]) == 2
    assert len([r for r in site.requests if r.path == "/vacatures/stuk"]) == 3


def test_tracking_parameters_give_one_request_and_one_posting(crawled):
    _, postings, site = crawled
    assert [p for p in site.paths() if p.startswith("/vacatures/dubbel")] == [
        "/vacatures/dubbel"
    ]
    assert [p["url"] for p in postings if p["title"] == "Dubbel"] == [
        site.url("/vacatures/dubbel")
    ]


def test_scripts_never_reach_text_or_sanitised_html(crawled):
    _, postings, _ = crawled
    kok = next(p for p in postings if p["title"] == "Kok")
    for field in ("title", "description", "description_html"):
        assert "script" not in kok[field].lower()
        assert "alert" not in kok[field]
        assert "cookie" not in kok[field]
    assert "onerror" not in kok["description_html"]


def test_wrong_declared_charset_is_read_by_its_bytes(crawled):
    _, postings, _ = crawled
    cafe = next(p for p in postings if p["title"] == "Café-medewerker")
    assert cafe["employer"] == "Eetcafé Ñandú"


def test_xml_entity_bomb_is_refused(crawled):
    results, _, _ = crawled
    assert results["bom"].failures == {"xml_unsafe": 1}
    assert results["bom"].postings_emitted == 0

"""The demo boards over HTTP on 127.0.0.1, read the way a consumer reads them."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
import urllib.robotparser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from parsel import Selector

from vacatures.demo.server import DemoBoards

ROOT = Path(__file__).resolve().parents[1]
NIGHT = dt.date(2026, 12, 1)
LATER = NIGHT + dt.timedelta(days=7)
KINDS = {"jsonld", "xmlfeed", "recruitee", "greenhouse", "lever", "html"}


@pytest.fixture(scope="module")
def boards():
    with DemoBoards(seed=7, as_of=NIGHT) as running:
        yield running


@pytest.fixture(scope="module")
def registry(boards):
    rows = tomllib.loads(boards.registry_toml())["boards"]
    return {row["kind"]: row for row in rows}


@pytest.fixture(scope="module")
def truth(boards):
    return boards.truth()


def fetch(url, headers=None, method="GET"):
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def canonical(url):
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.startswith("utm_")]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def urls_of(truth, kind, registry):
    return set(truth.loc[truth["board"] == registry[kind]["name"], "url"])


def crawl_listing(start, next_css, link_css):
    """Follow next-page links from ``start``; return (pages, detail links)."""
    pages, links, url = [], [], start
    while url and len(pages) < 100:
        status, headers, body = fetch(url)
        assert status == 200, url
        pages.append((url, headers, body))
        page = Selector(text=body.decode("utf-8"))
        links.extend(urljoin(url, href) for href in page.css(link_css).getall())
        following = page.css(next_css).get()
        url = urljoin(url, following) if following else None
    return pages, links


def job_postings(body):
    """Return the JobPosting objects of a page and the form they came in."""
    soup = BeautifulSoup(body, "lxml")
    blocks = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
    ]
    found, forms = [], set()
    for block in blocks:
        if isinstance(block, list):
            nodes, form = block, "array"
        elif "@graph" in block:
            nodes, form = block["@graph"], "graph"
        else:
            nodes, form = [block], "object"
        for node in nodes:
            if node.get("@type") == "JobPosting":
                found.append(node)
                forms.add("two_blocks" if len(blocks) > 1 else form)
    return found, forms


def test_registry_rows_follow_the_format_and_start_urls_answer(boards, registry):
    document = tomllib.loads(boards.registry_toml())
    assert document["settings"]["contact_url"].startswith("https://")
    assert set(registry) == KINDS
    names = [row["name"] for row in registry.values()]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9-]+", name) for name in names)
    assert registry["jsonld"]["source_type"] == "board"
    assert registry["xmlfeed"]["source_type"] == "aggregator"
    assert registry["recruitee"]["source_type"] == "agency"
    for kind in ("greenhouse", "lever"):
        assert registry[kind]["source_type"] == "employer"
        assert registry[kind]["employer"]
    assert set(registry["html"]["selectors"]) >= {
        "title",
        "employer",
        "location",
        "description",
        "date_posted",
    }
    for row in registry.values():
        assert row["url"].startswith(boards.base_url)
        status, headers, _ = fetch(row["url"])
        assert status == 200, row["url"]
        assert "charset=utf-8" in headers["Content-Type"]
    status, headers, _ = fetch(registry["jsonld"]["sitemap"])
    assert status == 200
    assert headers["Content-Type"].startswith("application/xml")


def test_registry_is_accepted_by_the_spiders(boards, tmp_path):
    spiders_registry = pytest.importorskip("spiders.registry")
    loaded = spiders_registry.load_registry(boards.write_registry(tmp_path / "b.toml"))
    assert {b.kind.value for b in loaded.boards} == KINDS


def test_jsonld_listing_pages_lead_to_every_posting(boards, registry, truth):
    row = registry["jsonld"]
    pages, links = crawl_listing(
        row["url"], "a[rel=next]::attr(href)", "ol a::attr(href)"
    )
    assert len(pages) > 5
    for _, headers, body in pages[:-1]:
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert b">Volgende</a>" in body
    details = {canonical(u) for u in links if "/vacatures/" in urlsplit(u).path}
    assert details == urls_of(truth, "jsonld", registry)
    assert any("utm_source=" in u for u in links), "listing links carry tracking"


def test_jsonld_detail_pages_carry_a_jobposting_in_every_form(registry, truth):
    rows = truth[truth["board"] == registry["jsonld"]["name"]]
    forms = set()
    for row in rows.itertuples():
        status, headers, body = fetch(row.url)
        assert status == 200
        assert headers["ETag"] and headers["Last-Modified"]
        postings, page_forms = job_postings(body)
        assert len(postings) == 1, row.url
        forms |= page_forms
        job = postings[0]
        assert job["url"] == row.url
        assert job["identifier"]["value"] == row.external_id
        if row.is_malformed:
            continue
        assert job["title"]
        assert job["description"].startswith("<")
        dt.date.fromisoformat(job["datePosted"][:10])
        assert job["validThrough"][:10] >= NIGHT.isoformat()
        assert job["employmentType"]
        assert job["hiringOrganization"]["name"]
        address = job["jobLocation"]["address"]
        assert re.fullmatch(r"[1-9]\d{3} [A-Z]{2}", address["postalCode"])
        assert address["addressLocality"] and address["addressRegion"]
        salary = job.get("baseSalary")
        if salary:
            assert salary["currency"] == "EUR"
            value = salary["value"]
            assert value["unitText"] in {"HOUR", "MONTH", "YEAR"}
            assert value["minValue"] <= value["maxValue"]
        assert job["inLanguage"] in {"nl-NL", "en"}
    assert forms == {"object", "graph", "array", "two_blocks"}


def test_sitemap_lists_every_detail_page_with_lastmod(registry, truth):
    status, _, body = fetch(registry["jsonld"]["sitemap"])
    assert status == 200
    tree = ElementTree.fromstring(body)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    entries = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in tree.findall("s:url", ns)
    }
    assert set(entries) == urls_of(truth, "jsonld", registry)
    for lastmod in entries.values():
        assert dt.date.fromisoformat(lastmod) <= NIGHT


def test_robots_disallows_a_path_the_listings_link_to(boards, registry):
    status, headers, body = fetch(boards.base_url + "/robots.txt")
    assert status == 200
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    text = body.decode()
    assert f"Sitemap: {registry['jsonld']['sitemap']}" in text
    robots = urllib.robotparser.RobotFileParser()
    robots.parse(text.splitlines())
    _, links = crawl_listing(
        registry["jsonld"]["url"], "a[rel=next]::attr(href)", "ol a::attr(href)"
    )
    blocked = {canonical(u) for u in links if not robots.can_fetch("*", u)}
    assert blocked
    assert set(boards.disallowed_urls()) <= blocked
    for url in boards.disallowed_urls():
        status, _, body = fetch(url)
        assert status == 200
        assert job_postings(body)[0], "a disallowed page still looks like a vacancy"
    allowed = [u for u in links if robots.can_fetch("*", u)]
    assert allowed


def test_xml_feed_follows_the_indeed_format(registry, truth):
    status, headers, body = fetch(registry["xmlfeed"]["url"])
    assert status == 200
    assert headers["Content-Type"] == "application/xml; charset=utf-8"
    root = ElementTree.fromstring(body)
    assert root.tag == "source"
    assert root.findtext("publisher")
    assert root.findtext("publisherurl").startswith("http")
    email.utils.parsedate_to_datetime(root.findtext("lastBuildDate"))
    fields = [
        "title",
        "date",
        "referencenumber",
        "url",
        "company",
        "city",
        "state",
        "country",
        "postalcode",
        "description",
        "salary",
        "education",
        "jobtype",
        "category",
        "experience",
    ]
    jobs = root.findall("job")
    rows = truth[truth["board"] == registry["xmlfeed"]["name"]].set_index("url")
    assert len(jobs) == len(rows)
    assert body.count(b"<![CDATA[") >= len(jobs) * len(fields)
    for job in jobs:
        for field in fields:
            assert job.find(field) is not None, field
        url = canonical(job.findtext("url"))
        row = rows.loc[url]
        assert job.findtext("referencenumber") == row["external_id"]
        assert job.findtext("jobtype") in {
            "fulltime",
            "parttime",
            "contract",
            "temporary",
            "internship",
        }
        if row["defect"] != "bad_date":
            posted = email.utils.parsedate_to_datetime(job.findtext("date"))
            assert posted.date().isoformat() == row["date_posted"]


def test_recruitee_offers_api_has_the_real_fields(registry, truth):
    status, headers, body = fetch(registry["recruitee"]["url"])
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    offers = json.loads(body)["offers"]
    expected = {
        "id",
        "slug",
        "title",
        "description",
        "requirements",
        "location",
        "city",
        "country",
        "country_code",
        "postal_code",
        "state_name",
        "remote",
        "employment_type_code",
        "min_hours",
        "max_hours",
        "salary",
        "education_code",
        "experience_code",
        "created_at",
        "published_at",
        "careers_url",
        "careers_apply_url",
        "company_name",
        "department",
        "tags",
        "translations",
    }
    for offer in offers:
        assert expected <= set(offer)
        assert set(offer["salary"]) == {"min", "max", "period", "currency"}
        assert offer["careers_apply_url"] == offer["careers_url"] + "/c/new"
        assert re.fullmatch(
            r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", offer["published_at"]
        )
    assert {o["company_name"] for o in offers} == {"Flexkracht Uitzendgroep B.V."}
    rows = truth[truth["board"] == registry["recruitee"]["name"]]
    assert {o["careers_url"] for o in offers} == set(rows["url"])
    assert {str(o["id"]) for o in offers} == set(rows["external_id"])


def test_greenhouse_jobs_api_escapes_content_like_the_real_one(registry, truth):
    url = registry["greenhouse"]["url"]
    status, headers, body = fetch(url)
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(body)
    jobs = data["jobs"]
    assert data["meta"]["total"] == len(jobs)
    rows = truth[truth["board"] == registry["greenhouse"]["name"]]
    assert {j["absolute_url"] for j in jobs} == set(rows["url"])
    with_text = [j for j in jobs if j["content"]]
    assert with_text
    for job in jobs:
        for key in ("id", "internal_job_id", "title", "updated_at", "requisition_id"):
            assert key in job
        assert job["location"]["name"]
        assert job["departments"] and job["offices"]
        dt.datetime.fromisoformat(job["updated_at"])
    for job in with_text:
        assert "<" not in job["content"] and "&lt;" in job["content"]
        assert html.unescape(job["content"]).startswith("<")
    plain_url = url.replace("content=true", "content=false")
    plain = json.loads(fetch(plain_url)[2])["jobs"]
    assert "content" not in plain[0]
    one = json.loads(fetch(url.split("?")[0] + f"/{jobs[0]['id']}")[2])
    assert one["id"] == jobs[0]["id"] and "content" in one


def test_lever_postings_api_returns_the_real_array(registry, truth):
    url = registry["lever"]["url"]
    status, headers, body = fetch(url)
    assert status == 200
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    postings = json.loads(body)
    assert isinstance(postings, list) and postings
    for posting in postings:
        for key in (
            "id",
            "text",
            "hostedUrl",
            "applyUrl",
            "createdAt",
            "categories",
            "description",
            "descriptionPlain",
            "lists",
            "additional",
            "additionalPlain",
            "workplaceType",
            "country",
        ):
            assert key in posting, key
        assert isinstance(posting["createdAt"], int) and posting["createdAt"] > 1e12
        assert posting["categories"]["allLocations"]
        if "salaryRange" in posting:
            assert posting["salaryRange"]["interval"].startswith("per-")
    rows = truth[truth["board"] == registry["lever"]["name"]]
    assert {p["hostedUrl"] for p in postings} == set(rows["url"])
    part = json.loads(fetch(f"{url}&skip=5&limit=3")[2])
    assert [p["id"] for p in part] == [p["id"] for p in postings[5:8]]


def test_html_board_selectors_find_every_posting(registry, truth):
    row = registry["html"]
    selectors = row["selectors"]
    _, links = crawl_listing(
        row["url"],
        row["next_page"] + "::attr(href)",
        row["listing_link"] + "::attr(href)",
    )
    expected = truth[truth["board"] == row["name"]].set_index("url")
    assert set(links) == set(expected.index)
    for url in links:
        page = Selector(text=fetch(url)[2].decode())
        assert "application/ld+json" not in page.get()
        title = "".join(page.css(selectors["title"] + " ::text").getall())
        employer = page.css(selectors["employer"]).get()
        location = page.css(selectors["location"]).get()
        description = page.css(selectors["description"]).get()
        posted = page.css(selectors["date_posted"]).get()
        assert employer and location and description
        if expected.loc[url, "defect"] == "":
            assert title
            assert posted == expected.loc[url, "date_posted"]


def test_conditional_requests_answer_304_with_the_same_validators(registry, truth):
    detail = truth.loc[truth["board"] == registry["jsonld"]["name"], "url"].iloc[0]
    for url in (detail, registry["xmlfeed"]["url"], registry["recruitee"]["url"]):
        status, headers, body = fetch(url)
        assert status == 200 and body
        etag, modified = headers["ETag"], headers["Last-Modified"]
        status, again, body = fetch(url, {"If-None-Match": etag})
        assert status == 304 and body == b""
        assert again["ETag"] == etag and again["Last-Modified"] == modified
        assert fetch(url, {"If-Modified-Since": modified})[0] == 304
        assert fetch(url, {"If-None-Match": '"other"'})[0] == 200
        older = email.utils.format_datetime(
            email.utils.parsedate_to_datetime(modified) - dt.timedelta(days=1),
            usegmt=True,
        )
        assert fetch(url, {"If-Modified-Since": older})[0] == 200
    status, headers, body = fetch(detail, method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_unknown_paths_are_404(boards, registry):
    for path in ("/nergens", "/banenbank/vacatures/0-bestaat-niet", "/kwadraat/v1"):
        assert fetch(boards.base_url + path)[0] == 404
    assert fetch(registry["jsonld"]["url"] + "?pagina=999")[0] == 404


def test_later_night_keeps_unchanged_validators_and_renews_changed_ones():
    with DemoBoards(seed=7, as_of=NIGHT) as demo:
        first = demo.truth()
        board = first["board"].iloc[0]
        urls = list(first.loc[first["board"] == board, "url"])
        before = {}
        for url in urls:
            _, headers, body = fetch(url)
            before[url] = (headers["ETag"], job_postings(body)[0][0])
        demo.as_of = LATER
        second = demo.truth()
        same = changed = closed = 0
        for url, (etag, job) in before.items():
            status, headers, body = fetch(url, {"If-None-Match": etag})
            if status == 404:
                closed += 1
            elif status == 304:
                same += 1
            else:
                assert status == 200 and headers["ETag"] != etag
                assert job_postings(body)[0][0] != job
                changed += 1
        unchanged_content = 0
        for url, (etag, job) in before.items():
            status, headers, body = fetch(url)
            if status == 200 and job_postings(body)[0][0] == job:
                unchanged_content += 1
                assert headers["ETag"] == etag
        assert same == unchanged_content
        assert same > 100 and changed > 0 and closed > 10
        assert len(set(second["url"]) - set(first["url"])) > 20


def test_truth_covers_every_served_posting(boards, registry, truth, tmp_path):
    found = set()
    _, links = crawl_listing(
        registry["jsonld"]["url"],
        "a[rel=next]::attr(href)",
        "a.vacature-link::attr(href)",
    )
    found |= {canonical(u) for u in links if "/intern/" not in u}
    feed = ElementTree.fromstring(fetch(registry["xmlfeed"]["url"])[2])
    found |= {canonical(job.findtext("url")) for job in feed.findall("job")}
    offers = json.loads(fetch(registry["recruitee"]["url"])[2])["offers"]
    found |= {o["careers_url"] for o in offers}
    jobs = json.loads(fetch(registry["greenhouse"]["url"])[2])["jobs"]
    found |= {j["absolute_url"] for j in jobs}
    found |= {p["hostedUrl"] for p in json.loads(fetch(registry["lever"]["url"])[2])}
    html_row = registry["html"]
    _, links = crawl_listing(
        html_row["url"],
        html_row["next_page"] + "::attr(href)",
        html_row["listing_link"] + "::attr(href)",
    )
    found |= set(links)
    assert found == set(truth["url"])
    assert set(truth["board"]) == {row["name"] for row in registry.values()}
    written = pd.read_csv(boards.write_truth(tmp_path / "truth.csv"), dtype=str)
    assert list(written["url"]) == list(truth["url"])
    assert list(written["vacancy_key"]) == list(truth["vacancy_key"])


def test_request_log_records_what_was_asked(boards):
    boards.clear_request_log()
    fetch(boards.base_url + "/robots.txt")
    fetch(boards.base_url + "/nergens")
    assert boards.request_log == [("GET", "/robots.txt", 200), ("GET", "/nergens", 404)]


def test_server_module_serves_in_the_foreground(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "vacatures.demo.server",
        "--port",
        str(port),
        "--date",
        "2026-12-01",
        "--registry",
        str(tmp_path / "b.toml"),
        "--truth",
        str(tmp_path / "truth.csv"),
    ]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                status = fetch(f"http://127.0.0.1:{port}/robots.txt")[0]
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert status == 200
    finally:
        process.send_signal(signal.SIGINT)
        output, _ = process.communicate(timeout=20)
    assert process.returncode == 0
    assert f"http://127.0.0.1:{port}" in output
    registry = tomllib.loads((tmp_path / "b.toml").read_text())
    assert len(registry["boards"]) == len(KINDS)
    assert len(pd.read_csv(tmp_path / "truth.csv")) > 500

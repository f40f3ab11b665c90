"""Boards the spider code was not written against, crawled with ``vacatures crawl``.

Seven sites in the real formats but laid out unlike the unit fixtures and the
demo: JSON-LD in a ``@graph`` behind ``?pagina=`` pagination, microdata found
through a gzipped sitemap index, a nested XML feed, the three ATS APIs and a
table-based site read with CSS selectors. Each must give at least 99% of its
postings with title, employer, place and date right for at least 98%, and no
page under a robots-disallowed path may be fetched.
"""

from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import os
import random
import subprocess
import sys
from dataclasses import dataclass

import pytest
from sites.siteserver import page, serve

PER_BOARD = 40
PLACES = [
    ("Zwolle", "8011 AB"), ("Amersfoort", "3811 NB"), ("Leeuwarden", "8911 BE"),
    ("Deventer", "7411 KT"), ("Haarlem", "2011 RE"), ("Breda", "4811 XJ"),
    ("Tilburg", "5038 BD"), ("Nijmegen", "6511 PA"), ("Apeldoorn", "7311 JL"),
    ("Enschede", "7511 JE"), ("Delft", "2611 GK"), ("Leiden", "2311 EW"),
    ("Alkmaar", "1811 KH"), ("Maastricht", "6211 CL"), ("Venlo", "5911 CD"),
]  # fmt: skip
TITLES = [
    "Vrachtwagenchauffeur C/E", "Verzorgende IG", "Medior Java-ontwikkelaar",
    "Accountmanager buitendienst", "Leerkracht basisonderwijs", "Elektromonteur",
    "Financieel administratief medewerker", "Schoonmaker kantoren",
    "Teamleider productie", "Junior data-analist", "Kok à la carte",
    "Beleidsmedewerker ruimtelijke ordening", "Verpleegkundige SEH",
    "Magazijnmedewerker reachtruck", "Klantenservicemedewerker",
]  # fmt: skip
EMPLOYERS = [
    "Transportbedrijf Van der Veen B.V.", "Zorggroep De Linde", "Gemeente Deventer",
    "Bakkerij 't Stoepje", "Hoogheemraadschap Rijnland", "Installatietechniek Smit",
    "Stichting Openbaar Onderwijs Oost", "Kantoorservice Schoon & Zo",
    "Rabo Vastgoed Groep", "Brouwerij De Molen", "ICT Partners Noord B.V.",
]  # fmt: skip


@dataclass(frozen=True)
class Job:
    ident: str
    title: str
    employer: str
    place: str
    postal_code: str
    date: dt.date


def jobs_for(board: str, seed: int) -> list[Job]:
    rng = random.Random(seed)
    out = []
    for number in range(PER_BOARD):
        place, postal = rng.choice(PLACES)
        out.append(
            Job(
                ident=f"{board[:3].upper()}{seed}{number:03d}",
                title=rng.choice(TITLES),
                employer=rng.choice(EMPLOYERS),
                place=place,
                postal_code=postal,
                date=dt.date(2026, 11, 1) + dt.timedelta(days=rng.randrange(30)),
            )
        )
    return out


def text_of(job: Job) -> str:
    return (
        f"<h2>Over de functie</h2><p>Als {html.escape(job.title.lower())} werk je "
        f"bij {html.escape(job.employer)} in {job.place}.</p>"
        "<ul><li>32 tot 40 uur per week</li><li>€ 2.900 - € 3.700 bruto per maand</li>"
        "</ul>"
    )


# -- site 1: JSON-LD @graph, ?pagina= pagination, a robots-disallowed folder


def graph_site(jobs: list[Job], routes: dict, base: str) -> None:
    per_page = 15
    pages = [jobs[i : i + per_page] for i in range(0, len(jobs), per_page)]
    for number, chunk in enumerate(pages, start=1):
        cards = "".join(
            f'<article class="kaart"><h3><a href="/banen/{j.ident.lower()}-'
            f'{j.title.lower().replace(" ", "-")}?bron=overzicht&utm_medium=web">'
            f"{html.escape(j.title)}</a></h3><p>{j.place}</p></article>"
            for j in chunk
        )
        secret = '<a href="/banen/intern/directeur-9">Intern</a>' if number == 1 else ""
        more = (
            f'<nav class="paging"><a href="/banen?pagina={number + 1}">›</a></nav>'
            if number < len(pages)
            else ""
        )
        listing = f"<html><body><main>{cards}{secret}</main>{more}</body></html>"
        routes[f"/banen?pagina={number}"] = page(listing)
        if number == 1:
            routes["/banen"] = page(listing)
    for j in jobs:
        path = f"/banen/{j.ident.lower()}-{j.title.lower().replace(' ', '-')}"
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": f"{base}/#site", "name": "Werkplein"},
                {"@type": "Organization", "@id": "#werkgever", "name": j.employer},
                {
                    "@type": ["JobPosting"],
                    "title": j.title,
                    "description": text_of(j),
                    "datePosted": f"{j.date.isoformat()}T08:15:00+01:00",
                    "hiringOrganization": {"@type": "Organization", "name": j.employer},
                    "jobLocation": [
                        {
                            "@type": "Place",
                            "address": {
                                "@type": "PostalAddress",
                                "addressLocality": j.place,
                                "postalCode": j.postal_code,
                                "addressCountry": "NL",
                            },
                        }
                    ],
                    "identifier": j.ident,
                },
            ],
        }
        routes[path] = page(
            "<!doctype html><html><head><meta charset='utf-8'>"
            '<script type="application/ld+json">'
            + json.dumps(graph, ensure_ascii=False).replace("</", "<\\/")
            + "</script></head><body><h1>"
            + html.escape(j.title)
            + "</h1></body></html>"
        )
    routes["/banen/intern/directeur-9"] = page("<h1>Intern</h1>")


# -- site 2: microdata, found through a gzipped sitemap index


def microdata_site(jobs: list[Job], routes: dict, base: str) -> None:
    urls = []
    for j in jobs:
        path = f"/werken-bij/functie.php?id={j.ident}"
        urls.append(base + path)
        routes[path] = page(
            f"""<html><body>
<div class="vac" itemscope itemtype="http://schema.org/JobPosting">
<h2 itemprop="title">{html.escape(j.title)}</h2>
<p>Geplaatst: <time itemprop="datePosted" datetime="{j.date.isoformat()}">
{j.date.day}-{j.date.month}-{j.date.year}</time></p>
<p itemprop="hiringOrganization" itemscope itemtype="http://schema.org/Organization">
<span itemprop="name">{html.escape(j.employer)}</span></p>
<p itemprop="jobLocation" itemscope itemtype="http://schema.org/Place">
<span itemprop="address" itemscope itemtype="http://schema.org/PostalAddress">
<span itemprop="postalCode">{j.postal_code}</span>
<span itemprop="addressLocality">{j.place}</span></span></p>
<div itemprop="description">{text_of(j)}</div></div></body></html>"""
        )
    half = len(urls) // 2
    for name, chunk in (("a", urls[:half]), ("b", urls[half:])):
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{html.escape(u)}</loc></url>" for u in chunk)
            + "</urlset>"
        ).encode()
        if name == "b":
            routes[f"/sitemaps/{name}.xml.gz"] = page(
                gzip.compress(body), headers={"Content-Type": "application/x-gzip"}
            )
        else:
            routes[f"/sitemaps/{name}.xml"] = page(
                body, headers={"Content-Type": "application/xml"}
            )
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemaps/a.xml</loc></sitemap>"
        f"<sitemap><loc>{base}/sitemaps/b.xml.gz</loc></sitemap></sitemapindex>"
    )
    routes["/sitemap_index.xml"] = page(index, headers={"Content-Type": "text/xml"})


# -- site 3: an XML feed with nested location and description


def nested_feed(jobs: list[Job], routes: dict, base: str) -> None:
    items = "".join(
        f"""<job><id>{j.ident}</id><url>{base}/vacature/{j.ident}</url>
<title><![CDATA[{j.title}]]></title><company><![CDATA[{j.employer}]]></company>
<location><nationwide>false</nationwide><city>{j.place}</city>
<postalcode>{j.postal_code.replace(" ", "")}</postalcode></location>
<date>{j.date.day:02d}-{j.date.month:02d}-{j.date.year}</date>
<description><summary><![CDATA[Kort: {j.title}]]></summary>
<long_description><![CDATA[{text_of(j)}]]></long_description></description></job>"""
        for j in jobs
    )
    routes["/export/jobs.xml"] = page(
        f'<?xml version="1.0" encoding="UTF-8"?><jobs>{items}</jobs>',
        headers={"Content-Type": "text/xml; charset=utf-8"},
    )


# -- sites 4-6: the ATS APIs


def recruitee_api(jobs: list[Job], routes: dict, base: str) -> None:
    offers = [
        {
            "id": int(j.ident[3:]) * 10 + 7,
            "slug": j.ident.lower(),
            "title": j.title,
            "company_name": j.employer,
            "description": text_of(j),
            "requirements": "<p>Rijbewijs B.</p>",
            "location": f"{j.place}, Nederland",
            "city": j.place,
            "country_code": "NL",
            "careers_url": f"{base}/o/{j.ident.lower()}",
            "published_at": f"{j.date.isoformat()} 07:00:00 UTC",
            "employment_type_code": "fulltime_permanent",
        }
        for j in jobs
    ]
    routes["/api/offers/"] = page(
        json.dumps({"offers": offers}), headers={"Content-Type": "application/json"}
    )


def greenhouse_api(jobs: list[Job], routes: dict, base: str) -> None:
    payload = {
        "jobs": [
            {
                "id": 5_000_000 + index,
                "title": j.title,
                "company_name": j.employer,
                "absolute_url": f"{base}/jobs/{5_000_000 + index}?gh_src=feed",
                "location": {"name": f"{j.place}, Netherlands"},
                "first_published": f"{j.date.isoformat()}T10:00:00-05:00",
                "updated_at": "2026-12-02T10:00:00-05:00",
                "content": html.escape(text_of(j)),
                "metadata": None,
            }
            for index, j in enumerate(jobs)
        ],
        "meta": {"total": len(jobs)},
    }
    routes["/v1/boards/proef/jobs"] = page(
        json.dumps(payload), headers={"Content-Type": "application/json"}
    )


def lever_api(jobs: list[Job], routes: dict, base: str) -> None:
    payload = [
        {
            "id": f"0000{index:04d}-aaaa-bbbb-cccc-{j.ident.lower():0>12}",
            "text": j.title,
            "categories": {"location": j.place, "commitment": "Fulltime"},
            "createdAt": int(
                dt.datetime.combine(j.date, dt.time(9), tzinfo=dt.UTC).timestamp()
                * 1000
            ),
            "description": text_of(j),
            "lists": [],
            "additional": "",
            "hostedUrl": f"{base}/lever/{index}",
            "applyUrl": f"{base}/lever/{index}/apply",
        }
        for index, j in enumerate(jobs)
    ]
    routes["/v0/postings/proef"] = page(
        json.dumps(payload), headers={"Content-Type": "application/json"}
    )


# -- site 7: a table-based site without structured data


def table_site(jobs: list[Job], routes: dict, base: str) -> None:
    rows = "".join(
        f'<tr><td><a class="functie" href="vacature-{j.ident}.html">'
        f"{html.escape(j.title)}</a></td><td>{j.place}</td></tr>"
        for j in jobs
    )
    routes["/regio/vacatures.html"] = page(
        f'<html><body><table id="lijst">{rows}</table></body></html>'
    )
    for j in jobs:
        title, employer = html.escape(j.title), html.escape(j.employer)
        day = f"{j.date.day} {MONTHS[j.date.month]} {j.date.year}"
        routes[f"/regio/vacature-{j.ident}.html"] = page(
            f"""<html><body><div id="vacature"><table class="gegevens">
<tr><th>Functie</th><td class="functie">{title}</td></tr>
<tr><th>Organisatie</th><td class="org">{employer}</td></tr>
<tr><th>Standplaats</th><td class="plaats">{j.postal_code} {j.place}</td></tr>
<tr><th>Datum</th><td class="datum">{day}</td></tr>
</table><section class="tekst">{text_of(j)}</section></div></body></html>"""
        )


MONTHS = {11: "november", 12: "december"}

REGISTRY = """
[settings]
download_delay_s = 0
autothrottle_start_delay_s = 0
download_timeout_s = 5

# JSON-LD in a @graph, listing paginated with ?pagina=
[[boards]]
name = "werkplein"
kind = "jsonld"
url = "{base}/banen"
source_type = "board"

# microdata, pages listed by a sitemap index with a gzipped sitemap
[[boards]]
name = "werken-bij-waterschap"
kind = "jsonld"
url = "{base}/werken-bij/"
sitemap = "{base}/sitemap_index.xml"
source_type = "employer"

# an XML feed whose fields are nested
[[boards]]
name = "vacaturestroom"
kind = "xmlfeed"
url = "{base}/export/jobs.xml"
source_type = "aggregator"

[[boards]]
name = "proef-recruitee"
kind = "recruitee"
url = "{base}/api/offers/"
source_type = "agency"

[[boards]]
name = "proef-greenhouse"
kind = "greenhouse"
url = "{base}/v1/boards/proef/jobs?content=true"
source_type = "board"

[[boards]]
name = "proef-lever"
kind = "lever"
url = "{base}/v0/postings/proef?mode=json"
source_type = "employer"
employer = "{lever_employer}"

# a table-based site without structured data
[[boards]]
name = "regiowerk"
kind = "html"
url = "{base}/regio/vacatures.html"
source_type = "board"
listing_link = "table#lijst a.functie"
[boards.selectors]
title = "td.functie"
employer = "td.org"
location = "td.plaats"
date_posted = "td.datum"
description = "section.tekst"
"""

SITES = {
    "werkplein": graph_site,
    "werken-bij-waterschap": microdata_site,
    "vacaturestroom": nested_feed,
    "proef-recruitee": recruitee_api,
    "proef-greenhouse": greenhouse_api,
    "proef-lever": lever_api,
    "regiowerk": table_site,
}
LEVER_EMPLOYER = "Proef Logistiek B.V."


@pytest.fixture(scope="module")
def generalised(tmp_path_factory):
    out = tmp_path_factory.mktemp("general")
    truth: dict[str, list[Job]] = {}
    routes: dict = {
        "/robots.txt": page(
            "User-agent: *\nDisallow: /banen/intern/\n",
            headers={"Content-Type": "text/plain"},
        )
    }
    with serve(routes=routes) as site:
        for seed, (name, build) in enumerate(SITES.items(), start=1):
            jobs = jobs_for(name, seed)
            if name == "proef-lever":
                jobs = [
                    Job(
                        j.ident, j.title, LEVER_EMPLOYER, j.place, j.postal_code, j.date
                    )
                    for j in jobs
                ]
            truth[name] = jobs
            build(jobs, routes, site.base)
        site.routes.update(routes)
        # Paths with a query are looked up whole by the test server.
        site.routes.update({k: v for k, v in routes.items() if "?" in k})
        registry = out / "boards.toml"
        registry.write_text(
            REGISTRY.format(base=site.base, lever_employer=LEVER_EMPLOYER)
        )
        output = out / "postings.jsonl"
        done = subprocess.run(
            [sys.executable, "-c", "from vacatures.cli import main; main()", "crawl",
             "--boards", str(registry), "--output", str(output),
             "--state", str(out / "state"), "--parallel", "3"],
            capture_output=True, text=True, check=False, timeout=300,
            env={**os.environ, "COLUMNS": "250"},
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    postings = [json.loads(line) for line in output.read_text().splitlines()]
    return truth, postings, site, done.stdout + done.stderr


def _same(a: str | None, b: str) -> bool:
    return (a or "").strip().casefold() == b.strip().casefold()


@pytest.mark.parametrize("name", list(SITES))
def test_unseen_board_postings_are_found_and_read_right(generalised, name):
    truth, postings, _, _ = generalised
    got = [p for p in postings if p["board"] == name]
    expected = truth[name]
    assert len(got) >= 0.99 * len(expected)
    by_title_date = {}
    for posting in got:
        by_title_date.setdefault((posting["title"], posting["date_posted"]), []).append(
            posting
        )
    right = 0
    for job in expected:
        candidates = by_title_date.get((job.title, job.date.isoformat()), [])
        if any(
            _same(p["employer"], job.employer) and _same(p["place"], job.place)
            for p in candidates
        ):
            right += 1
    assert right >= 0.98 * len(expected), f"{name}: {right}/{len(expected)}"


def test_unseen_boards_robots_disallowed_path_never_fetched(generalised):
    _, _, site, _ = generalised
    assert not [path for path in site.paths() if path.startswith("/banen/intern/")]


def test_unseen_boards_crawl_logs_counts_per_board(generalised):
    _, _, _, logged = generalised
    for name in SITES:
        assert f"crawl {name}: ok" in logged
    assert "crawl: 7 boards" in logged

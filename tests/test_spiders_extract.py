"""Extraction on saved responses: every kind, with a fixed clock, no reactor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from schemas.posting import POSTING_FIELDS, Posting
from spiders.extract import (
    extract_greenhouse,
    extract_html,
    extract_jsonld,
    extract_lever,
    extract_recruitee,
    extract_xmlfeed,
    find_links,
)
from spiders.extract.common import decode_body
from spiders.registry import Board

UNIT = Path(__file__).parent / "sites" / "unit"
CLOCK = dt.datetime(2026, 12, 3, 4, 0, tzinfo=dt.UTC)
PAGE = "https://werk.example.nl/vacatures/1?utm_source=mail#top"


def board(kind: str = "jsonld", **extra) -> Board:
    return Board(
        name="proef",
        kind=kind,
        url="https://werk.example.nl/vacatures/",
        source_type="board",
        **extra,
    )


def fixture(name: str) -> bytes:
    return (UNIT / name).read_bytes()


def only(result):
    assert len(result.postings) == 1
    return result.postings[0]


def test_extract_jsonld_plain_object_maps_every_field():
    result = extract_jsonld(
        fixture("jsonld_plain.html"), url=PAGE, board=board(), fetched_at=CLOCK
    )
    assert dict(result.problems) == {}
    posting = only(result)
    assert set(posting) == set(POSTING_FIELDS)
    assert posting["posting_id"] == "proef:ZGE-2041"
    assert posting["url"] == "https://werk.example.nl/vacatures/1"
    assert posting["title"] == "Verpleegkundige wijkzorg"
    assert posting["employer"] == "Zorggroep Eemland"
    assert posting["location"] == "3811NB Amersfoort, Utrecht"
    assert posting["place"] == "Amersfoort"
    assert posting["postal_code"] == "3811 NB"
    assert posting["province"] == "Utrecht"
    assert posting["date_posted"] == "2026-11-24"
    assert posting["valid_through"] == "2026-12-31"
    assert posting["employment_type"] == "part_time"
    assert (posting["hours_min"], posting["hours_max"]) == (24.0, 32.0)
    assert (posting["salary_min"], posting["salary_max"]) == (3100.0, 4250.0)
    assert posting["salary_period"] == "month"
    assert posting["education_level"] == "mbo-4"
    assert posting["language"] == "nl"
    assert posting["fetched_at"] == "2026-12-03T04:00:00+00:00"
    Posting.model_validate(posting)


@pytest.mark.parametrize(
    ("offered", "expected"),
    [
        (["FULL_TIME", "PART_TIME"], "part_time"),
        (["PART_TIME", "TEMPORARY"], "temporary"),
        (["FULL_TIME"], "full_time"),
        ([], None),
    ],
)
def test_extract_jsonld_reads_every_employment_type_of_a_list(offered, expected):
    node = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Medewerker klantenservice",
        "datePosted": "2026-11-30",
        "description": "Je beantwoordt vragen van klanten, 24 tot 40 uur per week.",
        "hiringOrganization": {"@type": "Organization", "name": "Eneco"},
        "jobLocation": {"@type": "Place", "address": {"addressLocality": "Utrecht"}},
        "employmentType": offered,
    }
    page = (
        '<html><body><script type="application/ld+json">'
        f"{json.dumps(node)}</script></body></html>"
    ).encode()
    posting = only(extract_jsonld(page, url=PAGE, board=board(), fetched_at=CLOCK))
    assert posting.get("employment_type") == expected


def test_extract_jsonld_scripts_never_reach_text_or_html():
    posting = only(
        extract_jsonld(
            fixture("jsonld_plain.html"), url=PAGE, board=board(), fetched_at=CLOCK
        )
    )
    for field in ("title", "description", "description_html"):
        assert "script" not in posting[field]
        assert "alert" not in posting[field]
        assert "steal" not in posting[field]
    assert "onclick" not in posting["description_html"]
    assert "<li>24 tot 32 uur per week</li>" in posting["description_html"]


@pytest.mark.parametrize(
    ("name", "title", "employer", "place", "date_posted"),
    [
        ("jsonld_graph.html", "Beleidsadviseur wonen", "Gemeente Zwolle", "Zwolle",
         "2026-11-20"),
        ("jsonld_array.html", "Magazijnmedewerker", "Logistiek Venlo B.V.", "Venlo",
         "2026-11-18"),
        ("jsonld_multi.html", "Monteur zonnepanelen", "Zon & Zee Installaties",
         "Middelburg", "2026-11-25"),
        ("microdata.html", "Buschauffeur", "Vervoer Noord", "Groningen", "2026-11-19"),
    ],
)  # fmt: skip
def test_extract_jsonld_finds_postings_in_every_shape(
    name, title, employer, place, date_posted
):
    posting = only(
        extract_jsonld(fixture(name), url=PAGE, board=board(), fetched_at=CLOCK)
    )
    assert posting["title"] == title
    assert posting["employer"] == employer
    assert posting["place"] == place
    assert posting["date_posted"] == date_posted


def test_extract_jsonld_follows_references_to_other_graph_nodes():
    posting = only(
        extract_jsonld(
            fixture("jsonld_graph_references.html"),
            url=PAGE,
            board=board(),
            fetched_at=CLOCK,
        )
    )
    assert posting["employer"] == "Distributiecentrum Noord B.V."
    assert posting["place"] == "Veendam"
    assert posting["postal_code"] == "9641 AB"
    assert posting["date_posted"] == "2026-11-24"
    assert (posting["hours_min"], posting["hours_max"]) == (32.0, 40.0)


def test_extract_jsonld_graph_reads_yearly_salary_and_wo():
    posting = only(
        extract_jsonld(
            fixture("jsonld_graph.html"), url=PAGE, board=board(), fetched_at=CLOCK
        )
    )
    assert (posting["salary_min"], posting["salary_max"], posting["salary_period"]) == (
        62000.0,
        62000.0,
        "year",
    )
    assert posting["education_level"] == "wo"
    assert posting["province"] == "Overijssel"


def test_extract_jsonld_unescapes_entity_escaped_description():
    posting = only(
        extract_jsonld(
            fixture("jsonld_array.html"), url=PAGE, board=board(), fetched_at=CLOCK
        )
    )
    assert (
        posting["description"]
        == "Orderpicken in ons distributiecentrum. Uurloon €14,80."
    )
    assert (posting["salary_min"], posting["salary_period"]) == (14.8, "hour")
    assert posting["employment_type"] == "temporary"


def test_extract_jsonld_counts_malformed_block_and_reads_the_others():
    result = extract_jsonld(
        fixture("jsonld_multi.html"), url=PAGE, board=board(), fetched_at=CLOCK
    )
    assert dict(result.problems) == {"jsonld_malformed": 1}
    assert only(result)["postal_code"] == "4331 AB"


def test_extract_jsonld_truncated_block_is_counted_not_raised():
    result = extract_jsonld(
        fixture("jsonld_truncated.html"), url=PAGE, board=board(), fetched_at=CLOCK
    )
    assert result.postings == []
    assert dict(result.problems) == {"jsonld_malformed": 1}


def test_extract_jsonld_microdata_keeps_description_without_script():
    posting = only(
        extract_jsonld(
            fixture("microdata.html"), url=PAGE, board=board(), fetched_at=CLOCK
        )
    )
    assert posting["description"] == "Rijbewijs D vereist. 38 uur per week."
    assert posting["postal_code"] == "9711 LM"
    assert posting["employment_type"] == "full_time"
    assert (posting["hours_min"], posting["hours_max"]) == (38.0, 38.0)


def test_extract_jsonld_several_postings_without_urls_get_distinct_ids():
    block = (
        '{"@type": "JobPosting", "title": "%s", "datePosted": "2026-11-01",'
        '"hiringOrganization": "X", "jobLocation": "Delft", "description": "d"}'
    )
    page = (
        '<script type="application/ld+json">{"@type": "ItemList", "itemListElement": ['
        + block % "Een"
        + ","
        + block % "Twee"
        + "]}</script>"
    ).encode()
    result = extract_jsonld(page, url=PAGE, board=board(), fetched_at=CLOCK)
    ids = {posting["posting_id"] for posting in result.postings}
    assert [p["title"] for p in result.postings] == ["Een", "Twee"]
    assert len(ids) == 2


def test_extract_jsonld_page_without_markup_gives_nothing():
    result = extract_jsonld(b"<html><p>Geen vacature</p></html>", url=PAGE,
                            board=board(), fetched_at=CLOCK)  # fmt: skip
    assert result.postings == []
    assert not result.problems


def test_extract_xmlfeed_reads_indeed_jobs():
    result = extract_xmlfeed(
        fixture("indeed_feed.xml"),
        url="https://vacatures.example.nl/feed.xml",
        board=board("xmlfeed"),
        fetched_at=CLOCK,
    )
    assert not result.problems
    first, second = result.postings
    assert first["posting_id"] == "proef:VO-1001"
    assert first["url"] == "https://vacatures.example.nl/vacature/1001"
    assert first["title"] == "Timmerman"
    assert first["employer"] == "Bouwbedrijf Hendriks"
    assert first["place"] == "Enschede"
    assert first["postal_code"] == "7511 JE"
    assert first["province"] == "Overijssel"
    assert first["date_posted"] == "2026-12-01"
    assert first["valid_through"] == "2027-01-31"
    assert (first["salary_min"], first["salary_max"], first["salary_period"]) == (
        2900.0,
        3600.0,
        "month",
    )
    assert first["education_level"] == "mbo-2"
    assert first["employment_type"] == "full_time"
    assert first["hours_min"] == 40.0
    assert second["url"] == "https://vacatures.example.nl/vacature/1002"
    assert second["employer"] == "Schoon & Co"
    assert second["description"] == "Avondwerk, 12 uur per week."
    assert second["employment_type"] == "part_time"


def test_extract_xmlfeed_refuses_entity_bomb():
    result = extract_xmlfeed(
        fixture("xml_bomb.xml"), url=PAGE, board=board("xmlfeed"), fetched_at=CLOCK
    )
    assert result.postings == []
    assert dict(result.problems) == {"xml_unsafe": 1}


def test_extract_xmlfeed_external_entity_is_refused():
    body = (
        b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<source><job><title>&x;</title></job></source>"
    )
    result = extract_xmlfeed(body, url=PAGE, board=board("xmlfeed"), fetched_at=CLOCK)
    assert result.postings == []
    assert dict(result.problems) == {"xml_unsafe": 1}


def test_extract_xmlfeed_malformed_is_counted():
    result = extract_xmlfeed(b"<source><job><title>x</job>", url=PAGE,
                             board=board("xmlfeed"), fetched_at=CLOCK)  # fmt: skip
    assert dict(result.problems) == {"xml_malformed": 1}


def test_extract_recruitee_reads_offers():
    result = extract_recruitee(
        fixture("recruitee_offers.json"),
        url="https://fietsdeel.recruitee.com/api/offers/",
        board=board("recruitee"),
        fetched_at=CLOCK,
    )
    first, second = result.postings
    assert first["posting_id"] == "proef:1834201"
    assert first["url"] == "https://fietsdeel.recruitee.com/o/backend-developer"
    assert first["employer"] == "Fietsdeel B.V."
    assert first["place"] == "Amsterdam"
    assert first["postal_code"] == "1012 AB"
    assert first["province"] == "Noord-Holland"
    assert first["date_posted"] == "2026-11-27"
    assert (first["hours_min"], first["hours_max"]) == (36.0, 40.0)
    assert (first["salary_min"], first["salary_max"], first["salary_period"]) == (
        4500.0,
        6000.0,
        "month",
    )
    assert first["employment_type"] == "full_time"
    assert first["education_level"] == "hbo"
    assert first["language"] == "en"
    assert first["apply_url"].endswith("/backend-developer/c/new")
    assert "3+ years of experience" in first["description"]
    assert (second["hours_min"], second["hours_max"]) == (20.0, 24.0)
    assert second["salary_min"] is None
    assert second["education_level"] == "mbo"
    assert second["language"] == "nl"


def test_extract_greenhouse_unescapes_content_and_drops_script():
    result = extract_greenhouse(
        fixture("greenhouse_jobs.json"),
        url="https://boards-api.greenhouse.io/v1/boards/x/jobs?content=true",
        board=board("greenhouse", employer="Betaalvoorbeeld B.V."),
        fetched_at=CLOCK,
    )
    first, second = result.postings
    assert first["url"] == (
        "https://boards.greenhouse.io/betaalvoorbeeld/jobs/4012345?gh_jid=4012345"
    )
    assert first["employer"] == "Betaalvoorbeeld"
    assert first["date_posted"] == "2026-11-02"
    assert first["description_html"].startswith("<p>Join our data platform")
    assert "alert" not in first["description_html"]
    assert "alert" not in first["description"]
    assert (first["salary_min"], first["salary_max"], first["salary_period"]) == (
        75000.0,
        95000.0,
        "year",
    )
    assert second["employer"] == "Betaalvoorbeeld B.V."
    assert second["place"] == "Rotterdam"
    assert second["province"] == "Zuid-Holland"
    assert second["employment_type"] == "intern"
    assert second["date_posted"] == "2026-11-28"


def test_extract_lever_takes_employer_from_registry():
    result = extract_lever(
        fixture("lever_postings.json"),
        url="https://api.lever.co/v0/postings/havenlogistiek?mode=json",
        board=board("lever", employer="Haven Logistiek B.V."),
        fetched_at=CLOCK,
    )
    first, second = result.postings
    assert first["employer"] == second["employer"] == "Haven Logistiek B.V."
    assert first["posting_id"] == "proef:5f1c2a9e-0b7d-4c61-9d1e-2e5b7c8a9f01"
    assert first["date_posted"] == "2025-12-01"
    assert first["employment_type"] == "full_time"
    assert (first["salary_min"], first["salary_max"], first["salary_period"]) == (
        52000.0,
        64000.0,
        "year",
    )
    assert "Fluent Dutch and English" in first["description"]
    assert first["education_level"] == "hbo"
    assert second["employment_type"] == "part_time"
    assert second["date_posted"] == "2025-12-03"


@pytest.mark.parametrize(
    ("extract", "body", "reason"),
    [
        (extract_recruitee, b"<html>not json</html>", "json_malformed"),
        (extract_greenhouse, b'{"error": "not found"}', "unexpected_format"),
        (extract_lever, b'{"ok": false}', "unexpected_format"),
    ],
)
def test_extract_api_bad_bodies_are_counted(extract, body, reason):
    result = extract(body, url=PAGE, board=board("lever"), fetched_at=CLOCK)
    assert result.postings == []
    assert dict(result.problems) == {reason: 1}


def test_extract_html_uses_selectors_and_declared_legacy_charset():
    chosen = board(
        "html",
        selectors={
            "title": "h1.titel",
            "employer": ".bedrijf",
            "location": ".plaats",
            "date_posted": ".datum",
            "hours": ".uren",
            "description": ".omschrijving",
        },
    )
    result = extract_html(
        fixture("html_vacancy.html"),
        url=PAGE,
        board=chosen,
        fetched_at=CLOCK,
        encoding="windows-1252",
    )
    posting = only(result)
    assert posting["title"] == "Kapper (m/v)"
    assert posting["employer"] == "Kapsalon Knipperlicht"
    assert posting["place"] == "Eindhoven"
    assert posting["province"] == "Noord-Brabant"
    assert posting["date_posted"] == "2026-11-26"
    assert posting["hours_min"] == 28.0
    assert posting["description"] == (
        "Knippen, kleuren en één klant tegelijk blij maken in ons café."
    )
    assert "track" not in posting["description_html"]


def test_extract_html_without_title_gives_nothing():
    result = extract_html(b"<html><p>leeg</p></html>", url=PAGE,
                          board=board("html"), fetched_at=CLOCK)  # fmt: skip
    assert result.postings == []


@pytest.mark.parametrize(
    ("body", "declared", "text", "problem"),
    [
        ("Café".encode(), "utf-8", "Café", None),
        ("Café".encode(), "iso-8859-1", "Café", "charset_mismatch"),
        ("Café".encode("cp1252"), "utf-8", "Café", "charset_mismatch"),
        ("Café".encode("cp1252"), "windows-1252", "Café", None),
        ("Café".encode("cp1252"), None, "Café", None),
        (b"plain", "iso-8859-1", "plain", None),
    ],
)
def test_decode_body_trusts_bytes_over_wrong_charset(body, declared, text, problem):
    assert decode_body(body, declared) == (text, problem)


def test_find_links_resolves_relative_links_and_drops_tracking():
    links = find_links(
        fixture("listing.html"),
        url="https://example.nl/werken-bij/vacatures/",
        board=Board(
            name="b",
            kind="jsonld",
            url="https://example.nl/werken-bij/vacatures/",
            source_type="employer",
        ),
    )
    assert links.details == [
        "https://example.nl/werken-bij/vacatures/kok",
        "https://example.nl/werken-bij/vacatures/afwasser",
    ]
    assert links.next_pages == ["https://example.nl/werken-bij/vacatures/?page=2"]


def test_find_links_follows_registry_selectors():
    page = (
        b'<a class="job" href="/a">A</a><a class="job" href="/b?utm_term=x">B</a>'
        b'<a href="/c">C</a><a class="volgende" href="/lijst/2">verder</a>'
    )
    chosen = Board(
        name="b",
        kind="html",
        url="https://x.nl/lijst",
        source_type="board",
        listing_link="a.job",
        next_page="a.volgende",
    )
    links = find_links(page, url="https://x.nl/lijst", board=chosen)
    assert links.details == ["https://x.nl/a", "https://x.nl/b"]
    assert links.next_pages == ["https://x.nl/lijst/2"]


def test_find_links_reads_attribute_selectors():
    page = (
        b'<ul class="v"><li><a class="t" href="/v/1">Een</a></li></ul>'
        b'<a class="volgende" href="/lijst?p=2">Volgende</a>'
    )
    chosen = Board(
        name="b",
        kind="html",
        url="https://x.nl/lijst",
        source_type="board",
        listing_link="ul.v a.t::attr(href)",
        next_page="a.volgende::attr(href)",
    )
    links = find_links(page, url="https://x.nl/lijst", board=chosen)
    assert links.details == ["https://x.nl/v/1"]
    assert links.next_pages == ["https://x.nl/lijst?p=2"]


def test_find_links_takes_singular_folder_of_listing_as_details():
    page = (
        b'<a href="/vacature/12-kok">Kok</a><a href="/vacatures/13">Ober</a>'
        b'<a href="/vacaturebank">Andere site</a><a href="/contact">Contact</a>'
    )
    chosen = Board(
        name="b", kind="jsonld", url="https://x.nl/vacatures", source_type="board"
    )
    links = find_links(page, url="https://x.nl/vacatures", board=chosen)
    assert links.details == [
        "https://x.nl/vacature/12-kok",
        "https://x.nl/vacatures/13",
    ]


def test_extract_jsonld_reads_a_block_that_starts_with_a_byte_order_mark():
    page = (
        '<html><script type="application/ld+json">\ufeff{"@type": "JobPosting", '
        '"title": "Zorgassistent", "datePosted": "2026-11-20", '
        '"hiringOrganization": "Zorggroep Noord", "jobLocation": {"address": '
        '{"addressLocality": "Assen"}}}</script></html>'
    ).encode()
    result = extract_jsonld(page, url=PAGE, board=board(), fetched_at=CLOCK)
    assert dict(result.problems) == {}
    assert only(result)["employer"] == "Zorggroep Noord"


def test_extract_xmlfeed_reads_the_names_other_feeds_use():
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><jobs><job><id>3002</id>'
        "<title>Magazijnmedewerker</title><employer>Distributie Noord</employer>"
        "<city>Hoogezand</city><zip>9601 AB</zip><link>/vacature/3002</link>"
        "<pubDate>Mon, 23 Nov 2026 14:37:20 +0100</pubDate>"
        "<description>Orders verzamelen.</description></job></jobs>"
    ).encode("iso-8859-1")
    posting = only(
        extract_xmlfeed(feed, url="https://feed.example.nl/jobs.xml",
                        board=board("xmlfeed"), fetched_at=CLOCK)
    )  # fmt: skip
    assert posting["date_posted"] == "2026-11-23"
    assert posting["employer"] == "Distributie Noord"
    assert posting["postal_code"] == "9601 AB"
    assert posting["url"] == "https://feed.example.nl/vacature/3002"


def test_extract_recruitee_reads_locations_and_skips_closed_offers():
    offers = {
        "offers": [
            {"id": 1, "title": "Planner", "status": "published", "location": "",
             "locations": [{"city": "Emmen", "postal_code": "7811 AA"}],
             "careers_url": "https://z.recruitee.com/o/planner",
             "published_at": "2026-11-20 09:12:34 UTC"},
            {"id": 2, "title": "Oude vacature", "status": "closed",
             "careers_url": "https://z.recruitee.com/o/oud"},
        ]
    }  # fmt: skip
    result = extract_recruitee(
        json.dumps(offers).encode(),
        url="https://z.recruitee.com/api/offers/",
        board=board("recruitee", employer="Zorgkracht"),
        fetched_at=CLOCK,
    )
    posting = only(result)
    assert (posting["place"], posting["postal_code"]) == ("Emmen", "7811 AA")
    assert dict(result.problems) == {"offer_closed": 1}


def lever_posting(categories: dict[str, object]) -> dict[str, object]:
    """Extract one Lever posting of Bouwgroep Dijkstra with these categories."""
    postings = [
        {"id": "a1", "text": "Uitvoerder", "createdAt": 1763629200000,
         "hostedUrl": "https://jobs.lever.co/dijkstra/a1",
         "categories": categories,
         "descriptionPlain": "Je leidt de bouwplaats."},
    ]  # fmt: skip
    return only(
        extract_lever(
            json.dumps(postings).encode(),
            url="https://api.lever.co/v0/postings/dijkstra?mode=json",
            board=board("lever", employer="Bouwgroep Dijkstra"),
            fetched_at=CLOCK,
        )
    )


def test_extract_lever_reads_the_first_of_all_locations():
    posting = lever_posting({"allLocations": ["Heerlen", "Sittard"]})
    assert posting["location"] == "Heerlen"


def test_extract_lever_keeps_the_name_a_board_gives_a_place():
    posting = lever_posting({"location": "Den Haag, Zuid-Holland"})
    assert (posting["place"], posting["province"]) == ("Den Haag", "Zuid-Holland")


def test_extract_html_listing_page_with_only_a_heading_gives_nothing():
    chosen = board("html", selectors={"title": "h1", "employer": "dl dd.werkgever"})
    listing = b"<html><h1>Vacatures regio</h1><table><tr><td>x</td></tr></table>"
    result = extract_html(listing, url=PAGE, board=chosen, fetched_at=CLOCK)
    assert result.postings == []


def test_extract_xmlfeed_reads_an_rss_job_feed_with_namespaced_fields():
    feed = (
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        b'xmlns:job="https://vacatures.example.nl/ns"><channel><title>Banen</title>'
        b"<item><title>Dierenartsassistent</title>"
        b"<link>https://banen.example.nl/v/2002</link><guid>2002</guid>"
        b"<pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate>"
        b"<description><![CDATA[<p>Je assisteert bij spreekuren.</p>]]></description>"
        b"<job:company>Dierenkliniek Eemland</job:company>"
        b"<job:location>Amersfoort, Utrecht</job:location>"
        b"<job:postalcode>3811 AB</job:postalcode></item></channel></rss>"
    )
    posting = only(
        extract_xmlfeed(feed, url="https://banen.example.nl/rss",
                        board=board("xmlfeed"), fetched_at=CLOCK)
    )  # fmt: skip
    assert posting["title"] == "Dierenartsassistent"
    assert posting["employer"] == "Dierenkliniek Eemland"
    assert posting["place"] == "Amersfoort"
    assert posting["date_posted"] == "2026-11-20"
    assert posting["external_id"] == "2002"


def test_extract_jsonld_reads_text_amounts_and_infers_their_period():
    page = (
        b'<script type="application/ld+json">{"@type": "JobPosting", '
        b'"title": "Kok", "datePosted": "2026-11-20", "hiringOrganization": '
        b'"Hotel Ster", "baseSalary": {"@type": "MonetaryAmount", '
        b'"currency": "EUR", "value": "2.800"}}</script>'
    )
    posting = only(extract_jsonld(page, url=PAGE, board=board(), fetched_at=CLOCK))
    assert (posting["salary_min"], posting["salary_period"]) == (2800.0, "month")


@pytest.mark.parametrize(
    ("value", "amount"),
    [("2.800", 2800.0), ("16,35", 16.35), (3100, 3100.0), ("", None),
     ("n.o.t.k.", None)],
)  # fmt: skip
def test_parse_amount_reads_dutch_and_english_figures(value, amount):
    from spiders.fields import parse_amount

    assert parse_amount(value) == amount

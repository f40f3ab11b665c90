"""Field parsers: hours, salary, education, employment type, language, text."""

from __future__ import annotations

import pytest

from spiders.fields import (
    Salary,
    clean_text,
    detect_language,
    html_to_text,
    parse_date,
    parse_education,
    parse_employment_type,
    parse_hours,
    parse_postal_code,
    parse_salary,
    sanitize_html,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("32-40 uur", (32.0, 40.0)),
        ("32 - 40 uur per week", (32.0, 40.0)),
        ("32 tot 40 uur per week", (32.0, 40.0)),
        ("24 tot en met 36 uur", (24.0, 36.0)),
        ("fulltime (40 uur)", (40.0, 40.0)),
        ("24 uur", (24.0, 24.0)),
        ("Je werkt 24,5 uur per week", (24.5, 24.5)),
        ("minimaal 24 uur", (24.0, None)),
        ("max 32 uur", (None, 32.0)),
        ("32–36 hours a week", (32.0, 36.0)),
        ("8 uur per dag", (None, None)),
        ("Bereikbaar 24/7", (None, None)),
        ("", (None, None)),
        (None, (None, None)),
        ("120 uur", (None, None)),
        ("Salaris op basis van 36 uur. Contract voor 40 uur per week.", (40.0, 40.0)),
        ("Je werkt 32 uur p/w; overleg op 8 uur", (32.0, 32.0)),
    ],
)
def test_parse_hours_reads_dutch_phrases(text, expected):
    assert parse_hours(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("€ 2.800 - € 3.450 bruto per maand", Salary(2800.0, 3450.0, "month")),
        ("€16,50 per uur", Salary(16.5, 16.5, "hour")),
        ("€ 45.000 - € 60.000 per jaar", Salary(45000.0, 60000.0, "year")),
        ("tot € 4.000", Salary(None, 4000.0, "month")),
        ("vanaf €3.000 bruto p/m", Salary(3000.0, None, "month")),
        ("Salaris: 2800 euro", Salary(2800.0, 2800.0, "month")),
        ("€ 3.450,- p/m", Salary(3450.0, 3450.0, "month")),
        ("EUR 4,000 - 5,000 per month", Salary(4000.0, 5000.0, "month")),
        ("€45k - €60k", Salary(45000.0, 60000.0, "year")),
        ("€ 2.800,00 tot € 3.450,00", Salary(2800.0, 3450.0, "month")),
        ("Uurloon €14,80", Salary(14.8, 14.8, "hour")),
    ],
)
def test_parse_salary_reads_amount_and_period(text, expected):
    assert parse_salary(text) == expected


@pytest.mark.parametrize(
    "text",
    ["32 uur per week", "Reageer voor 1 januari 2027", "", None, "Salaris n.o.t.k."],
)
def test_parse_salary_without_currency_finds_nothing(text):
    assert parse_salary(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VMBO diploma", "vmbo"),
        ("havo of vwo", "havo"),
        ("VWO", "vwo"),
        ("MBO 4", "mbo-4"),
        ("mbo-niveau 3", "mbo-3"),
        ("Een afgeronde MBO niveau 2 opleiding", "mbo-2"),
        ("mbo 1", "mbo-1"),
        ("een mbo-opleiding", "mbo"),
        ("HBO", "hbo"),
        ("HBO/WO werk- en denkniveau", "hbo"),
        ("WO master", "wo"),
        ("universitaire opleiding", "wo"),
        ("mbo 4 of hbo", "mbo-4"),
        ("We work on weekdays", None),
        ("", None),
    ],
)
def test_parse_education_maps_to_contract_levels(text, expected):
    assert parse_education(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FULL_TIME", "full_time"),
        ("PART_TIME", "part_time"),
        ("Full-time", "full_time"),
        ("parttime", "part_time"),
        ("deeltijd", "part_time"),
        ("vast", "full_time"),
        ("Parttime (vast)", "part_time"),
        ("FULL_TIME, PART_TIME", "part_time"),
        ("tijdelijk", "temporary"),
        ("Tijdelijk, fulltime", "temporary"),
        ("TEMPORARY", "temporary"),
        ("stage", "intern"),
        ("Afstudeerstage", "intern"),
        ("INTERN", "intern"),
        ("Freelance / ZZP", "contractor"),
        ("CONTRACTOR", "contractor"),
        ("Oproepkracht", "per_diem"),
        ("vrijwilliger", "volunteer"),
        ("fulltime_fixed_term", "temporary"),
        ("OTHER", "other"),
        ("onbekend", None),
    ],
)
def test_parse_employment_type_reads_schema_org_and_dutch(text, expected):
    assert parse_employment_type(text) == expected


def test_detect_language_tells_dutch_from_english():
    dutch = "Wij zoeken een ervaren monteur voor ons team in de regio Utrecht."
    english = "We are looking for an experienced engineer to join our team."
    assert detect_language(dutch) == "nl"
    assert detect_language(english) == "en"
    assert detect_language("Monteur") is None


def test_html_to_text_drops_scripts_and_keeps_paragraphs():
    markup = (
        "<p>Eerste alinea<script>alert('x')</script></p><style>p{}</style>"
        "<ul><li>een</li><li>twee</li></ul><p>A &amp; B</p>"
    )
    assert html_to_text(markup) == "Eerste alinea\n\n- een\n- twee\n\nA & B"


def test_sanitize_html_removes_scripts_handlers_and_unsafe_links():
    markup = (
        '<p onclick="x()">Hoi<script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">klik</a><a href="https://x.nl">ok</a>'
        "<img src=x onerror=alert(1)>"
    )
    cleaned = sanitize_html(markup)
    assert "script" not in cleaned
    assert "alert" not in cleaned
    assert "onclick" not in cleaned
    assert "javascript" not in cleaned
    assert '<a href="https://x.nl" rel="nofollow noopener">ok</a>' in cleaned


def test_clean_text_collapses_spaces_and_blank_lines():
    assert clean_text(" a\u00a0\u00a0b \n\n\n\n c ") == "a b\n\nc"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-24", "2026-11-24"),
        ("2026-11-24T09:30:00+01:00", "2026-11-24"),
        ("Tue, 01 Dec 2026 08:00:00 GMT", "2026-12-01"),
        ("24-11-2026", "2026-11-24"),
        ("geplaatst op 3 december 2026", "2026-12-03"),
        ("2026-11-27 10:15:00 UTC", "2026-11-27"),
        (1764576000000, "2025-12-01"),
        ("2026-02-30", None),
        ("gisteren", None),
        (None, None),
    ],
)
def test_parse_date_reads_board_formats(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oudegracht 1, 3511AB Utrecht", "3511 AB"),
        ("3511 ab Utrecht", None),
        ("Postbus 1234", None),
        ("1234 SS", None),
    ],
)
def test_parse_postal_code_finds_dutch_codes(text, expected):
    assert parse_postal_code(text) == expected

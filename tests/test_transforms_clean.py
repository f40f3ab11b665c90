from __future__ import annotations

import pandas as pd

from transforms.clean import clean_postings, clean_title, html_to_text, sanitise_html


def test_html_to_text_drops_scripts_and_keeps_paragraphs():
    text = html_to_text(
        "<div><p>Wij zoeken&nbsp;een <b>kok</b>.</p><script>alert(1)</script>"
        "<ul><li>32 uur</li><li>Vast contract</li></ul></div>"
    )
    assert "alert" not in text
    assert text.splitlines()[0] == "Wij zoeken een kok."
    assert "32 uur" in text and "Vast contract" in text


def test_html_to_text_plain_text_only_whitespace_tidied():
    assert html_to_text("  Kok \t gezocht \n\n\n\n in Leeuwarden ") == (
        "Kok gezocht\n\nin Leeuwarden"
    )


def test_sanitise_html_removes_scripts_handlers_and_javascript_links():
    dirty = (
        '<p onclick="x()">Hallo<script>steal()</script></p>'
        '<a href="javascript:alert(1)">klik</a><img src="x.png"><a href="https://a.nl">a</a>'
    )
    clean = sanitise_html(dirty)
    assert "script" not in clean and "onclick" not in clean
    assert "javascript" not in clean and "<img" not in clean
    assert 'href="https://a.nl"' in clean and "nofollow" in clean


def test_clean_title_edges_and_shouting():
    assert clean_title("  - Kok | ") == "Kok"
    assert clean_title("MONTEUR") == "Monteur"
    assert clean_title("ICT") == "ICT"  # short abbreviations stay as they are


def test_clean_postings_keeps_rows_and_fills_sanitised_html():
    postings = pd.DataFrame(
        {
            "posting_id": ["a", "b"],
            "title": ["  KOK  GEZOCHT ", "Monteur"],
            "employer": ["De  Haven B.V.", "Garage Jansen"],
            "location": ["Harlingen", "Sneek\n"],
            "description": ["<p>Koken <b>vers</b></p>", "Sleutelen aan auto's"],
            "description_html": [None, None],
        }
    )
    cleaned = clean_postings(postings)
    assert cleaned["title"].tolist() == ["Kok gezocht", "Monteur"]
    assert cleaned["employer"].tolist() == ["De Haven B.V.", "Garage Jansen"]
    assert cleaned["description"].tolist() == ["Koken vers", "Sleutelen aan auto's"]
    assert cleaned.loc[0, "description_html"] == "<p>Koken <b>vers</b></p>"
    assert pd.isna(cleaned.loc[1, "description_html"])

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from transforms.publish import (
    EMAIL_MASK,
    PHONE_MASK,
    mask_personal_data,
    published_vacancies,
    text_to_html,
)


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678",
        "06 1234 5678",
        "+31 6 12345678",
        "+31 (0)20 123 4567",
        "0031612345678",
        "(010) 4567890",
        "088-1234567",
        "020 - 123 45 67",
    ],
)
def test_mask_personal_data_masks_dutch_phone_numbers(number):
    assert (
        mask_personal_data(f"Bel {number} voor info") == f"Bel {PHONE_MASK} voor info"
    )


@pytest.mark.parametrize(
    "text",
    [
        "€ 2.800 - € 3.450 bruto",
        "3511 AB Utrecht",
        "01-02-2027",
        "ref 1234567890",
        "32-40 uur",
        "€ 45.000 per jaar",
    ],
)
def test_mask_personal_data_leaves_numbers_that_are_not_phones(text):
    assert mask_personal_data(text) == text


def test_mask_personal_data_masks_addresses_and_mailto_links():
    html = '<a href="mailto:p.de.vries@zorg.nl">p.de.vries@zorg.nl</a>'
    masked = mask_personal_data(html)
    assert "zorg.nl" not in masked and EMAIL_MASK in masked


def test_text_to_html_escapes_and_splits_paragraphs():
    assert text_to_html("a < b\n\nregel 1\nregel 2") == (
        "<p>a &lt; b</p><p>regel 1<br>regel 2</p>"
    )


def test_published_vacancies_sanitises_and_masks():
    vacancies = pd.DataFrame(
        [
            {
                "vacancy_id": "v2",
                "title": "Kok",
                "employer": "De Haven",
                "place": "Harlingen",
                "municipality": "Harlingen",
                "province": "Friesland",
                "description": "Mail kok@dehaven.nl",
                "description_html": "<p>Mail kok@dehaven.nl</p><script>x()</script>",
                "url": "https://a.nl/2",
                "apply_url": None,
                "employment_type": None,
                "education_level": None,
                "language": "nl",
                "salary_period": None,
                "isco08": "5120",
                "esco_uri": None,
                "occupation_label": "kok",
                "n_boards": 2,
                "hours_min_per_week": None,
                "hours_max_per_week": None,
                "salary_min_eur": None,
                "salary_max_eur": None,
                "date_posted": dt.date(2026, 11, 1),
                "valid_through": None,
                "first_seen_date": dt.date(2026, 11, 2),
            },
            {
                "vacancy_id": "v1",
                "title": "Monteur",
                "employer": "Garage",
                "place": None,
                "municipality": None,
                "province": None,
                "description": "Bel 06-12345678\n\nNu",
                "description_html": None,
                "url": "https://a.nl/1",
                "apply_url": None,
                "employment_type": None,
                "education_level": None,
                "language": "nl",
                "salary_period": None,
                "isco08": None,
                "esco_uri": None,
                "occupation_label": None,
                "n_boards": 1,
                "hours_min_per_week": None,
                "hours_max_per_week": None,
                "salary_min_eur": None,
                "salary_max_eur": None,
                "date_posted": dt.date(2026, 11, 1),
                "valid_through": None,
                "first_seen_date": dt.date(2026, 11, 2),
            },
        ]
    )
    rows = published_vacancies(vacancies, published_date=dt.date(2026, 12, 1))
    assert rows["vacancy_id"].tolist() == ["v1", "v2"]
    assert rows.loc[0, "description_html"] == f"<p>Bel {PHONE_MASK}</p><p>Nu</p>"
    assert rows.loc[1, "description_html"] == f"<p>Mail {EMAIL_MASK}</p>"
    assert set(rows["published_date"]) == {dt.date(2026, 12, 1)}

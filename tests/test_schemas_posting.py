from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from schemas.posting import Posting, make_posting_id, quarantine_reason

VALID = {
    "posting_id": "b:1",
    "board": "b",
    "url": "https://example.nl/vacature/1",
    "title": "Verpleegkundige",
    "employer": "Zorggroep Noord",
    "location": "Groningen",
    "description": "Wij zoeken een verpleegkundige.",
    "date_posted": "2026-11-30",
}


def test_posting_valid_record_parses_dates_and_defaults():
    posting = Posting.model_validate(VALID)
    assert posting.date_posted == dt.date(2026, 11, 30)
    assert posting.salary_min is None


def test_posting_timestamp_keeps_date_part():
    posting = Posting.model_validate({**VALID, "date_posted": "2026-11-30T08:15:00Z"})
    assert posting.date_posted == dt.date(2026, 11, 30)


def test_posting_postal_code_normalised():
    posting = Posting.model_validate({**VALID, "postal_code": "9711ab"})
    assert posting.postal_code == "9711 AB"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"title": None}, "missing:title"),
        ({"title": "   "}, "missing:title"),
        ({"date_posted": "30 november"}, "invalid:date_posted"),
        ({"url": "ftp://x.nl/1"}, "invalid:url"),
        ({"postal_code": "12345"}, "invalid:postal_code"),
        (
            {"salary_min": 4000, "salary_max": 3000, "salary_period": "month"},
            "invalid:record",
        ),
        ({"salary_min": 3000}, "invalid:record"),
        ({"employment_type": "zzp"}, "invalid:employment_type"),
        ({"language": "de"}, "invalid:language"),
    ],
)
def test_posting_invalid_record_gets_reason(change, reason):
    record = {**VALID, **change}
    with pytest.raises(ValidationError) as caught:
        Posting.model_validate(record)
    assert quarantine_reason(caught.value) == reason


def test_posting_missing_field_reason():
    record = dict(VALID)
    del record["employer"]
    with pytest.raises(ValidationError) as caught:
        Posting.model_validate(record)
    assert quarantine_reason(caught.value) == "missing:employer"


def test_make_posting_id_prefers_external_id_and_is_stable():
    assert make_posting_id("b", external_id=" 42 ", url="https://x.nl/a") == "b:42"
    first = make_posting_id("b", url="https://x.nl/a")
    assert first == make_posting_id("b", url="https://x.nl/a")
    assert first != make_posting_id("b", url="https://x.nl/b")
    assert first.startswith("b:u") and len(first) == len("b:u") + 16

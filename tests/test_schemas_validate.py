from __future__ import annotations

import json

import pytest

from schemas.validate import validate_file, validate_lines
from vacatures.errors import InputError

GOOD = {
    "posting_id": "b:1",
    "board": "b",
    "url": "https://example.nl/vacature/1",
    "title": "Kok",
    "employer": "Restaurant De Haven",
    "location": "Harlingen",
    "description": "Koken voor veertig gasten.",
    "date_posted": "2026-11-30",
}


def _line(**change: object) -> str:
    return json.dumps({**GOOD, **change}, ensure_ascii=False)


def test_validate_lines_every_line_lands_once():
    lines = [
        _line(),
        _line(posting_id="b:2", title=""),
        "{not json",
        "[1, 2]",
        _line(),  # the same posting again
        _line(posting_id="b:3", date_posted="gisteren"),
    ]
    result = validate_lines(lines, board="b")
    assert result.n_records == len(lines)
    assert result.postings["posting_id"].tolist() == ["b:1"]
    assert dict(result.reasons) == {
        "missing:title": 1,
        "malformed:json": 2,
        "duplicate:posting_id": 1,
        "invalid:date_posted": 1,
    }
    assert result.quarantine["record_number"].tolist() == [2, 3, 4, 5, 6]
    assert result.quarantine["raw"].iloc[0] == lines[1]


def test_validate_lines_quarantine_names_board_when_record_lacks_it():
    result = validate_lines([json.dumps({"title": "x"})], board="feed")
    assert result.quarantine["board"].tolist() == ["feed"]


def test_validate_file_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        list(validate_file(tmp_path / "absent.jsonl").postings)


def test_validate_file_not_utf8_is_input_error(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(_line(title="Café medewerker").encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        validate_file(path)

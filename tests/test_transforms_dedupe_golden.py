from __future__ import annotations

import pandas as pd

from transforms.dedupe import golden_records


def postings() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "posting_id": "aggr:1",
                "board": "vacaturezoeker",
                "source_type": "aggregator",
                "title": "Kok (m/v)",
                "employer": "Hotel Ster",
                "location": "Tilburg",
                "description": "Kort...",
                "date_posted": "2026-03-01",
                "salary_min": 2600.0,
                "salary_max": 2900.0,
                "salary_period": "month",
                "hours_min": None,
            },
            {
                "posting_id": "site:9",
                "board": "werkenbij-ster",
                "source_type": "employer",
                "title": "Kok",
                "employer": "Hotel Ster B.V.",
                "location": "5011 AB Tilburg",
                "description": "De volledige tekst.",
                "date_posted": "2026-03-03",
                "salary_min": None,
                "salary_max": None,
                "salary_period": None,
                "hours_min": 32.0,
            },
            {
                "posting_id": "board:4",
                "board": "werkplein",
                "source_type": "board",
                "title": "Kok",
                "employer": "Hotel Ster",
                "location": "Tilburg",
                "description": "",
                "date_posted": "2026-03-02",
                "salary_min": 14.5,
                "salary_max": 16.0,
                "salary_period": "hour",
                "hours_min": 24.0,
            },
            {
                "posting_id": "board:5",
                "board": "werkplein",
                "source_type": "board",
                "title": "Timmerman",
                "employer": "Bos Bouw",
                "location": "Zwolle",
                "description": "Bouwen.",
                "date_posted": "2026-02-01",
                "salary_min": None,
                "salary_max": None,
                "salary_period": None,
                "hours_min": None,
            },
        ]
    )


def assignment() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "posting_id": ["aggr:1", "site:9", "board:4", "board:5"],
            "cluster_id": ["v1", "v1", "v1", "v2"],
        }
    )


def test_golden_records_take_the_employer_posting_first():
    golden = golden_records(postings(), assignment()).set_index("vacancy_id")
    assert golden.loc["v1", "posting_id"] == "site:9"
    assert golden.loc["v1", "title"] == "Kok"
    assert golden.loc["v1", "description"] == "De volledige tekst."
    assert golden.loc["v1", "hours_min"] == 32.0


def test_golden_records_fill_empty_fields_from_the_next_best_posting():
    golden = golden_records(postings(), assignment()).set_index("vacancy_id")
    # The employer gives no salary; the board comes before the aggregator and
    # its amounts keep their own period.
    assert golden.loc["v1", "salary_min"] == 14.5
    assert golden.loc["v1", "salary_period"] == "hour"


def test_golden_records_count_postings_boards_and_first_date():
    golden = golden_records(postings(), assignment()).set_index("vacancy_id")
    assert golden.loc["v1", "n_postings"] == 3
    assert golden.loc["v1", "n_boards"] == 3
    assert str(golden.loc["v1", "first_date_posted"]) == "2026-03-01"
    assert golden.loc["v2", "n_postings"] == 1
    assert len(golden) == 2


def test_golden_records_prefer_the_most_complete_within_a_type():
    board = postings().iloc[[2]]
    fuller = board.assign(posting_id="board:6", description="Tekst.")
    frame = pd.concat([fuller.assign(date_posted="2026-01-01"), board])
    links = pd.DataFrame(
        {"posting_id": ["board:4", "board:6"], "vacancy_id": ["v"] * 2}
    )
    golden = golden_records(frame, links)
    assert golden["posting_id"].tolist() == ["board:6"]
    assert list(golden.columns[:2]) == ["vacancy_id", "posting_id"]


def test_golden_records_prefer_the_latest_of_equally_complete_postings():
    board = postings().iloc[[2]]
    frame = pd.concat(
        [board, board.assign(posting_id="board:6", date_posted="2026-03-09")]
    )
    links = pd.DataFrame(
        {"posting_id": ["board:4", "board:6"], "vacancy_id": ["v"] * 2}
    )
    assert golden_records(frame, links)["posting_id"].tolist() == ["board:6"]

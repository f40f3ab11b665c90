"""Scoring coded titles against hand-coded truth."""

from __future__ import annotations

import pandas as pd
import pytest

from transforms.occupations.evaluation import score_coding


def test_score_coding_counts_agreement_per_level_and_abstentions_as_misses():
    truth = pd.DataFrame(
        {"id": ["a", "b", "c", "d"], "isco08": ["2221", "2221", "9333", "5120"]}
    )
    coded = pd.DataFrame(
        {"id": ["a", "b", "c", "d"], "isco08": ["2221", "2212", "9334", ""]}
    )
    scores = score_coding(coded, truth)
    assert scores.n == 4
    assert scores.coverage == pytest.approx(0.75)
    assert scores.accuracy == {
        1: pytest.approx(0.75),
        2: pytest.approx(0.75),
        3: pytest.approx(0.5),
        4: pytest.approx(0.25),
    }


def test_score_coding_title_missing_from_the_coded_file_is_an_abstention():
    truth = pd.DataFrame({"id": [1, 2], "isco08": ["7411", "7411"]})
    coded = pd.DataFrame({"id": ["1"], "isco08": ["7411"]})
    scores = score_coding(coded, truth)
    assert scores.coverage == pytest.approx(0.5)
    assert scores.accuracy[4] == pytest.approx(0.5)


def test_score_coding_leaves_out_titles_without_a_truth_code():
    truth = pd.DataFrame({"id": [1, 2], "isco08": ["7411", ""]})
    coded = pd.DataFrame({"id": [1, 2], "isco08": ["7411", "9999"]})
    scores = score_coding(coded, truth)
    assert scores.n == 1
    assert scores.accuracy[4] == 1.0


def test_score_coding_needs_id_and_isco08_columns():
    with pytest.raises(ValueError, match="isco08"):
        score_coding(
            pd.DataFrame({"id": [1]}), pd.DataFrame({"id": [1], "isco08": ["1"]})
        )

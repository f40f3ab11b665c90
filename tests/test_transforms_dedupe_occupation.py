from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from transforms.dedupe.occupation import TitleOccupations, default_title_occupations


@pytest.fixture(scope="module")
def occupations() -> TitleOccupations:
    found = default_title_occupations(min_score=0.85, min_qualifier_similarity=0.8)
    assert found is not None
    return found


def test_codes_give_synonyms_one_occupation_and_unknown_titles_none(occupations):
    codes = occupations.codes(
        np.array(["handhaver", "toezichthouder openbare ruimte", "handhaver", "xq zz"])
    )
    assert codes[0] == codes[1] == codes[2] >= 0
    assert codes[3] == -1


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("handhaver", "toezichthouder openbare ruimte", True),
        ("cnc frezer", "cnc draaier", True),
        ("docent wiskunde", "leraar wiskunde", True),
        ("docent wiskunde", "docent scheikunde", False),
        ("docent wiskunde", "leraar scheikunde", False),
        ("medewerker crediteuren", "medewerker debiteuren", False),
        ("pedagogisch medewerker", "pedagogisch professional", True),
        ("verzorgende ig", "verzorgende individuele gezondheidszorg", True),
        ("hr medewerker", "hr adviseur", False),
        ("handhaver", "beveiliger", False),
        ("handhaver", "xq zz", False),
    ],
)
def test_same_job_needs_one_occupation_and_agreeing_qualifiers(
    occupations, first, second, same
):
    assert occupations.same_job([first], [second]).tolist() == [same]


def test_same_job_with_no_pairs_is_empty(occupations):
    assert occupations.same_job([], []).shape == (0,)


class CountingCoder:
    """A coder that knows two titles and counts what it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def classify(self, frame: pd.DataFrame) -> pd.DataFrame:
        self.asked += frame["title"].tolist()
        known = {"kok": ("urn:kok", 0.97), "chef kok": ("urn:kok", 0.6)}
        rows = [known.get(t, ("", 0.0)) for t in frame["title"]]
        return pd.DataFrame(rows, columns=["esco_uri", "score"])


def test_codes_ask_the_coder_once_per_distinct_title_and_respect_the_floor():
    coder = CountingCoder()
    occupations = TitleOccupations(coder, min_score=0.85)
    first = occupations.codes(["kok", "chef kok", "kok", ""])
    second = occupations.codes(["kok"])
    assert first.tolist() == [0, -1, 0, -1]
    assert second.tolist() == [0]
    # "chef", the run left of an uncoded title, is asked once as well.
    assert sorted(coder.asked) == ["chef", "chef kok", "kok"]


def test_codes_take_the_occupation_a_longer_title_names():
    coder = CountingCoder()
    occupations = TitleOccupations(coder, min_score=0.85)
    # "wijnbar" adds a place of work; "chef" is a rank and is never left off.
    assert occupations.codes(["kok wijnbar", "chef kok", "wijnbar"]).tolist() == [
        0,
        -1,
        -1,
    ]

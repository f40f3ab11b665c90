"""Measure occupation coding against titles coded by hand.

Agreement is counted at each level of ISCO-08: the major group (1 digit) down
to the unit group (4 digits). A title the coder abstained on counts as a miss
at every level, so accuracy and coverage cannot be traded against each other
unnoticed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd

__all__ = ["LEVELS", "CodingScores", "score_coding"]

log = logging.getLogger(__name__)

#: ISCO-08 levels by number of digits.
LEVELS = (1, 2, 3, 4)


@dataclass(frozen=True)
class CodingScores:
    """Agreement of a coder with hand-coded truth.

    Attributes
    ----------
    n : int
        Titles in the truth that were scored.
    coverage : float
        Share of those titles the coder answered.
    accuracy : dict of int to float
        Share agreeing with the truth at 1, 2, 3 and 4 digits, abstentions
        counting as misses.
    """

    n: int
    coverage: float
    accuracy: dict[int, float]

    def as_dict(self) -> dict[str, float | int]:
        """Return the scores as a flat mapping, for JSON and tables."""
        flat: dict[str, float | int] = {"n": self.n, "coverage": self.coverage}
        flat.update({f"accuracy_{d}": self.accuracy[d] for d in LEVELS})
        return flat

    def __str__(self) -> str:
        levels = ", ".join(f"{d} digit {self.accuracy[d]:.1%}" for d in LEVELS)
        return f"{self.n:,} titles: {levels}; coverage {self.coverage:.1%}"


def score_coding(coded: pd.DataFrame, truth: pd.DataFrame) -> CodingScores:
    """Score coded titles against the truth.

    Parameters
    ----------
    coded : pandas.DataFrame
        Columns ``id`` and ``isco08`` (empty or missing where the coder
        abstained), as written by ``vacatures classify``.
    truth : pandas.DataFrame
        Columns ``id`` and ``isco08`` with the unit group assigned by hand.
        Rows without a truth code are left out.

    Returns
    -------
    CodingScores
        Accuracy at each level and coverage over the truth's titles; a truth
        title missing from ``coded`` counts as an abstention.

    Examples
    --------
    >>> truth = pd.DataFrame({"id": [1, 2], "isco08": ["2221", "9333"]})
    >>> coded = pd.DataFrame({"id": [1, 2], "isco08": ["2222", ""]})
    >>> score_coding(coded, truth).accuracy
    {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.0}
    """
    truth = _codes(truth, "truth")
    unscored = truth["isco08"] == ""
    if unscored.any():
        log.info("evaluate: %s titles without a truth code left out", unscored.sum())
    truth = truth[~unscored]
    answers = _codes(coded, "coded").drop_duplicates("id")
    merged = truth.merge(answers, on="id", how="left", suffixes=("_true", ""))
    merged["isco08"] = merged["isco08"].fillna("")
    n = len(merged)
    if n == 0:
        return CodingScores(n=0, coverage=0.0, accuracy=dict.fromkeys(LEVELS, 0.0))
    answered = merged["isco08"] != ""
    accuracy = {
        digits: float(
            (
                answered
                & (merged["isco08"].str[:digits] == merged["isco08_true"].str[:digits])
            ).mean()
        )
        for digits in LEVELS
    }
    return CodingScores(n=n, coverage=float(answered.mean()), accuracy=accuracy)


def _codes(frame: pd.DataFrame, what: str) -> pd.DataFrame:
    missing = {"id", "isco08"} - set(frame.columns)
    if missing:
        raise ValueError(f"{what} has no column {', '.join(sorted(missing))}")
    return pd.DataFrame(
        {
            "id": frame["id"].astype(str).str.strip(),
            "isco08": frame["isco08"].fillna("").astype(str).str.strip(),
        }
    )

"""Occupation coding: vacancy titles to ISCO-08 unit groups and ESCO occupations.

:func:`read_esco_export` reads the official ESCO CSV export into a
:class:`Taxonomy`, :func:`starter_taxonomy` returns the bundled list of common
Dutch occupations, and :class:`OccupationCoder` codes titles with either.
Storing taxonomy versions in the warehouse is in
:mod:`transforms.occupations.store`.
"""

from __future__ import annotations

from transforms.occupations.coder import CODED_COLUMNS, OccupationCoder
from transforms.occupations.evaluation import CodingScores, score_coding
from transforms.occupations.normalise import normalise_title
from transforms.occupations.taxonomy import (
    Taxonomy,
    read_esco_export,
    starter_taxonomy,
)

__all__ = [
    "CODED_COLUMNS",
    "CodingScores",
    "OccupationCoder",
    "Taxonomy",
    "normalise_title",
    "read_esco_export",
    "score_coding",
    "starter_taxonomy",
]

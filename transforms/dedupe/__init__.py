"""Cross-board dedupe: one vacancy per real job, every posting linked to it.

The same job is posted two to five times across employer sites, national
boards, aggregators and staffing agencies. The stages, each a module that can
be used and tested alone:

``normalise``
    titles, employers and places without the noise boards add;
``minhash``
    description signatures for near-duplicate text;
``block``
    candidate pairs from shared keys and LSH buckets, never all pairs;
``score``
    similarity and explicit rules per pair;
``cluster``
    vacancies from matched pairs, guarded against chains;
``golden``
    one record per vacancy from its best posting.

``evaluate`` measures a result against a labelled set and ``synth`` writes
such sets.
"""

from __future__ import annotations

from transforms.dedupe.config import DedupeConfig
from transforms.dedupe.golden import golden_records
from transforms.dedupe.linkage import (
    REQUIRED_COLUMNS,
    DedupeReport,
    dedupe_postings,
    match_postings,
)

__all__ = [
    "REQUIRED_COLUMNS",
    "DedupeConfig",
    "DedupeReport",
    "dedupe_postings",
    "golden_records",
    "match_postings",
]

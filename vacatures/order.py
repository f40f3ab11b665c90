"""The order of a night's steps, importable without the pipeline's libraries.

``vacatures.steps`` maps these names to functions; the DAG reads this module at
parse time, so it stays free of heavy imports.
"""

from __future__ import annotations

__all__ = ["PARALLEL_STEPS", "STEP_ORDER"]

#: Every step of a night, in the order they run.
STEP_ORDER: tuple[str, ...] = (
    "prepare",
    "crawl",
    "stage",
    "integrate",
    "dedupe",
    "classify",
    "enrich",
    "check",
    "publish",
    "report",
)

#: Steps the DAG runs once per board instead of once per night.
PARALLEL_STEPS: frozenset[str] = frozenset({"crawl"})

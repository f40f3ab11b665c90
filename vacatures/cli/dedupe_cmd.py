"""``vacatures dedupe`` and ``vacatures evaluate dedupe``: one vacancy per real job."""

from __future__ import annotations

import csv
import json
import logging
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer

from vacatures.cli.commands import evaluate_app
from vacatures.cli.options import (
    OutputOption,
    VerboseOption,
    WarehouseOption,
    existing_file,
    read_table,
)
from vacatures.errors import InputError

__all__ = ["read_postings", "register"]

log = logging.getLogger(__name__)

#: Fields without which a line is not a posting dedupe can report on.
IDENTIFYING_COLUMNS = ("posting_id", "title")


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def read_postings(path: Path) -> tuple[pd.DataFrame, Counter[str]]:
    """Read postings from a JSONL file, setting aside lines dedupe cannot use.

    A line that is not JSON stops the command: the file is not what it should
    be. A JSON line that is not an object, has no posting id or title, or
    repeats a posting id is quarantined with a counted reason. A posting whose
    employer, place, description, board or date is empty or null is kept, the
    field read as empty (an agency that hides its client, a board without
    dates), and counted per field in the log; dedupe then leans on the fields
    it has. A record without ``location`` but with ``place`` (and
    ``postal_code``) takes those as its location. Numbers where text is
    expected (a numeric posting id) are read as text.

    Parameters
    ----------
    path : pathlib.Path
        The postings, one JSON object per line (the posting contract, plus
        ``source_type`` where known).

    Returns
    -------
    postings : pandas.DataFrame
        The usable postings.
    quarantine : collections.Counter
        Lines set aside per reason, such as ``missing:title``.

    Raises
    ------
    InputError
        When the file is missing, a line is not JSON, or no line has one of the
        required columns.
    """
    from transforms.dedupe import REQUIRED_COLUMNS

    existing_file(path, what="postings file")
    records = []
    quarantine: Counter[str] = Counter()
    blank: Counter[str] = Counter()
    seen: set[str] = set()
    present: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(
                    f"{path} line {number}: not valid JSON ({error.msg})"
                ) from None
            if not isinstance(record, dict):
                quarantine["invalid:record"] += 1
                continue
            if not _text(record.get("location")) and _text(record.get("place")):
                # A record with its place in fields of its own still has one.
                parts = (_text(record.get(k)) for k in ("postal_code", "place"))
                record["location"] = " ".join(p for p in parts if p)
            present.update(record)
            for column in REQUIRED_COLUMNS:
                value = record.get(column)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    value = record[column] = _number_text(value)
                if not isinstance(value, str) or not value.strip():
                    record[column] = ""
                    blank[column] += 1
            missing = next((c for c in IDENTIFYING_COLUMNS if not record[c]), None)
            if missing is not None:
                quarantine[f"missing:{missing}"] += 1
                continue
            if record["posting_id"] in seen:
                quarantine["duplicate:posting_id"] += 1
                continue
            seen.add(record["posting_id"])
            records.append(record)
    absent = [c for c in REQUIRED_COLUMNS if c not in present]
    if absent:
        raise InputError(f"{path}: missing required columns: {', '.join(absent)}")
    for reason, count in sorted(quarantine.items()):
        log.warning("dedupe: %s lines quarantined: %s", f"{count:,}", reason)
    for column, count in sorted(blank.items()):
        if column not in IDENTIFYING_COLUMNS:
            log.warning("dedupe: %s postings without %s", f"{count:,}", column)
    return pd.DataFrame.from_records(records), quarantine


def dedupe(
    postings: Annotated[
        Path, typer.Argument(help="Postings as JSONL (the posting contract).")
    ],
    output: OutputOption,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Group postings of the same job into vacancies; write posting_id,cluster_id."""
    from transforms.dedupe import dedupe_postings
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    start = time.perf_counter()
    frame, quarantine = read_postings(postings)
    assignment = dedupe_postings(frame)
    output.parent.mkdir(parents=True, exist_ok=True)
    assignment.to_csv(output, index=False, quoting=csv.QUOTE_MINIMAL)
    typer.echo(
        f"dedupe: {len(frame):,} postings -> {assignment['cluster_id'].nunique():,} "
        f"vacancies, {sum(quarantine.values()):,} lines quarantined, "
        f"in {time.perf_counter() - start:.1f} s -> {output}",
        err=True,
    )


def _read_assignment(path: Path, what: str) -> pd.DataFrame:
    frame = read_table(path, what=what)
    label = next(
        (c for c in ("cluster_id", "vacancy_key", "vacancy_id") if c in frame.columns),
        None,
    )
    if "posting_id" not in frame.columns or label is None:
        raise InputError(
            f"{what} needs columns posting_id and cluster_id (or vacancy_key): {path}"
        )
    return frame


def evaluate_dedupe(
    clusters: Annotated[
        Path, typer.Argument(help="posting_id,cluster_id as written by dedupe.")
    ],
    truth: Annotated[
        Path,
        typer.Option(
            "--truth", help="posting_id,cluster_id or posting_id,vacancy_key."
        ),
    ],
) -> None:
    """Print pairwise and B-cubed precision, recall and F1 against a truth."""
    from transforms.dedupe.evaluate import evaluate_clusters

    predicted = _read_assignment(clusters, "clusters file")
    expected = _read_assignment(truth, "truth file")
    try:
        quality = evaluate_clusters(predicted, expected)
    except ValueError as error:
        raise InputError(str(error)) from None
    typer.echo(
        f"postings {quality.postings:,}  vacancies predicted "
        f"{quality.predicted_vacancies:,}  true {quality.true_vacancies:,}"
    )
    typer.echo("measure    precision  recall  f1")
    for name in ("pair", "bcubed"):
        values = [
            getattr(quality, f"{name}_{m}") for m in ("precision", "recall", "f1")
        ]
        typer.echo(f"{name:<10} {values[0]:9.4f}  {values[1]:6.4f}  {values[2]:6.4f}")


def register(app: typer.Typer) -> None:
    """Add ``dedupe`` and ``evaluate dedupe`` to the command line."""
    app.command("dedupe")(dedupe)
    evaluate_app.command("dedupe")(evaluate_dedupe)

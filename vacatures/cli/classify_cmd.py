"""``vacatures classify`` and ``vacatures evaluate classify``: titles to occupations."""

from __future__ import annotations

import csv
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import pandas as pd
import typer

from vacatures.cli.commands import evaluate_app
from vacatures.cli.options import (
    OutputOption,
    VerboseOption,
    WarehouseOption,
    read_table,
)
from vacatures.errors import InputError, UserError

if TYPE_CHECKING:
    from transforms.occupations.taxonomy import Taxonomy

__all__ = ["classify", "evaluate_classify", "read_titles", "register"]

log = logging.getLogger(__name__)


def read_titles(path: Path, *, what: str = "titles file") -> pd.DataFrame:
    """Read a CSV of titles to code: ``id``, ``title`` and optional columns.

    Parameters
    ----------
    path : pathlib.Path
        A CSV with a header row holding at least ``id`` and ``title``;
        ``company`` and ``description`` are used when present.
    what : str
        How error messages name the file.

    Returns
    -------
    pandas.DataFrame
        Every column as text, empty cells as empty strings.

    Raises
    ------
    InputError
        When the file is missing, unreadable or lacks ``id`` or ``title``.
    """
    frame = read_table(path, what=what)
    missing = [c for c in ("id", "title") if c not in frame.columns]
    if missing:
        raise InputError(
            f"{what} needs columns id and title (missing {', '.join(missing)}): {path}"
        )
    repeated = frame["id"][frame["id"].duplicated()]
    if not repeated.empty:
        raise InputError(f"{what} repeats ids, e.g. {repeated.iloc[0]!r}: {path}")
    return frame


def classify(
    titles: Annotated[
        Path, typer.Argument(help="CSV with id,title and optional company,description.")
    ],
    output: OutputOption,
    threshold: Annotated[
        float | None,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="Lowest score at which a title is coded; below it the coder abstains.",
        ),
    ] = None,
    esco: Annotated[
        Path | None,
        typer.Option(
            "--esco",
            help="Code with this ESCO CSV export instead of the warehouse's taxonomy.",
            file_okay=False,
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Code titles to ISCO-08 and ESCO occupations, abstaining where unsure."""
    from transforms.occupations import OccupationCoder
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    started = time.perf_counter()
    frame = read_titles(titles)
    taxonomy = _taxonomy(esco, warehouse)
    coder = (
        OccupationCoder(taxonomy)
        if threshold is None
        else OccupationCoder(taxonomy, threshold=threshold)
    )
    coded = coder.classify(frame)
    output.parent.mkdir(parents=True, exist_ok=True)
    coded.to_csv(output, index=False, quoting=csv.QUOTE_MINIMAL)
    answered = int((coded["isco08"] != "").sum())
    typer.echo(
        f"classify: {len(frame):,} titles -> {answered:,} coded, "
        f"{len(frame) - answered:,} abstained with {taxonomy.version} "
        f"in {time.perf_counter() - started:.1f} s -> {output}",
        err=True,
    )


def _taxonomy(esco: Path | None, warehouse: str | None) -> Taxonomy:
    from transforms.occupations.taxonomy import read_esco_export, starter_taxonomy

    if esco is not None:
        if not esco.is_dir():
            raise InputError(f"ESCO export folder not found: {esco}")
        return read_esco_export(esco)
    stored = _stored_taxonomy(warehouse)
    if stored is not None:
        return stored
    log.info(
        "classify: the warehouse holds no taxonomy; coding with the bundled starter "
        "taxonomy (import ESCO with 'vacatures taxonomy import')"
    )
    return starter_taxonomy()


def _stored_taxonomy(warehouse: str | None) -> Taxonomy | None:
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url

    from transforms.occupations.store import load_taxonomy
    from vacatures.config import Settings
    from warehouse.db import get_engine

    url = warehouse or Settings().warehouse_url
    database = make_url(url).database if url.startswith("duckdb") else None
    if database and not Path(database).exists():
        return None
    engine = get_engine(url)
    try:
        return load_taxonomy(engine)
    except sa.exc.SQLAlchemyError as error:
        reason = str(error).splitlines()[0]
        raise UserError(
            f"cannot read the taxonomy from the warehouse {url}: {reason}"
        ) from None
    finally:
        engine.dispose()


def evaluate_classify(
    coded: Annotated[
        Path, typer.Argument(help="id,isco08,... as written by vacatures classify.")
    ],
    truth: Annotated[
        Path,
        typer.Option(
            "--truth",
            help="id,isco08 coded by hand; an optional split column is scored apart.",
        ),
    ],
) -> None:
    """Print agreement at 1 to 4 ISCO-08 digits and coverage against a truth."""
    from transforms.occupations.evaluation import LEVELS, score_coding

    answers = read_coded(coded, what="coded file")
    expected = read_coded(truth, what="truth file")
    groups: list[tuple[str, pd.DataFrame]] = [("all", expected)]
    if "split" in expected.columns:
        groups += [
            (str(name), part) for name, part in expected.groupby("split", sort=True)
        ]
    typer.echo(
        "titles  split      " + "  ".join(f"{d}-digit" for d in LEVELS) + "  coverage"
    )
    for name, part in groups:
        scores = score_coding(answers, part)
        cells = "  ".join(f"{scores.accuracy[d]:7.1%}" for d in LEVELS)
        typer.echo(f"{scores.n:6,}  {name:<9}  {cells}  {scores.coverage:8.1%}")


def read_coded(path: Path, *, what: str) -> pd.DataFrame:
    """Read a CSV with ``id`` and ``isco08`` columns (coded or hand-coded)."""
    frame = read_table(path, what=what)
    if not {"id", "isco08"} <= set(frame.columns):
        raise InputError(f"{what} needs columns id and isco08: {path}")
    return frame


def register(app: typer.Typer) -> None:
    """Add ``classify`` and ``evaluate classify`` to the command line."""
    app.command("classify")(classify)
    evaluate_app.command("classify")(evaluate_classify)

"""Options shared by every subcommand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from vacatures.errors import InputError, UserError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "OutputOption",
    "VerboseOption",
    "WarehouseOption",
    "existing_file",
    "parse_date",
]

WarehouseOption = Annotated[
    str | None,
    typer.Option(
        "--warehouse",
        envvar="VACATURES_WAREHOUSE_URL",
        help="Warehouse URL (duckdb:///file or postgresql+psycopg://...).",
        show_default="the embedded file under VACATURES_HOME",
    ),
]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Log every step in detail.")
]
OutputOption = Annotated[
    Path, typer.Option("--output", "-o", help="File to write.", dir_okay=False)
]


def existing_file(path: Path, *, what: str = "input file") -> Path:
    """Return ``path`` if it is a readable file, else raise a one-line error.

    Parameters
    ----------
    path : pathlib.Path
        The path the user gave.
    what : str
        How the error message names the file.

    Returns
    -------
    pathlib.Path
        The same path.

    Raises
    ------
    InputError
        When the path does not exist or is not a file.
    """
    if not path.exists():
        raise InputError(f"{what} not found: {path}")
    if not path.is_file():
        raise InputError(f"{what} is not a file: {path}")
    return path


_DELIMITERS = (",", ";", "\t")


def read_table(path: Path, *, what: str) -> pd.DataFrame:
    """Read a CSV file a user gave, every cell as text.

    Spreadsheets save CSV with a semicolon or a tab between cells (a Dutch
    Excel writes ``;``), and headers in any case: the delimiter is taken from
    the header row, and column names are stripped and lower-cased.

    Parameters
    ----------
    path : pathlib.Path
        The file.
    what : str
        How error messages name the file.

    Returns
    -------
    pandas.DataFrame
        Every column as text, empty cells as empty strings.

    Raises
    ------
    InputError
        When the file is missing, empty or not readable as CSV.
    """
    import pandas as pd

    existing_file(path, what=what)
    try:
        with path.open(encoding="utf-8-sig") as lines:
            header = lines.readline()
        delimiter = max(_DELIMITERS, key=header.count)
        frame = pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            sep=delimiter if header.count(delimiter) else ",",
            encoding="utf-8-sig",
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError):
        raise InputError(f"{what} is not a readable CSV file: {path}") from None
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame


def parse_date(value: str | None, *, default: dt.date | None = None) -> dt.date:
    """Parse a ``YYYY-MM-DD`` date given on the command line.

    Parameters
    ----------
    value : str or None
        What the user typed; ``None`` takes ``default``.
    default : datetime.date, optional
        The date used when none is given; today's date when not set.

    Returns
    -------
    datetime.date
        The parsed date.

    Raises
    ------
    UserError
        When the text is not a date in ISO form.
    """
    if value is None:
        return default or dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"not a date in the form YYYY-MM-DD: {value!r}") from None

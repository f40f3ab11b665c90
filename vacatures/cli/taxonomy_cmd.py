"""``vacatures taxonomy import``: bring an ESCO version into the warehouse."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from vacatures.cli.options import VerboseOption, WarehouseOption, parse_date
from vacatures.errors import InputError

__all__ = ["import_taxonomy", "register", "taxonomy_app"]

log = logging.getLogger(__name__)

#: The ESCO to O*NET-SOC crosswalk, whose English ESCO titles are read by default.
CROSSWALK_NAME = "esco_to_onet_soc_2019.csv"

taxonomy_app = typer.Typer(
    help="The occupation taxonomy (ESCO) vacancies are coded to.",
    no_args_is_help=True,
)


def import_taxonomy(
    esco_dir: Annotated[
        Path,
        typer.Argument(
            help="Folder of the official ESCO CSV export (occupations_nl.csv, ...)."
        ),
    ],
    version: Annotated[
        str | None,
        typer.Option(
            "--version", help="ESCO version; read from the folder name by default."
        ),
    ] = None,
    english_titles: Annotated[
        Path | None,
        typer.Option(
            "--english-titles",
            help="CSV with esco_code and esco_title_en, such as the ESCO to "
            "O*NET-SOC crosswalk; by default crosswalks/esco_to_onet_soc_2019.csv "
            "beside the ESCO folder's parent, when there is one.",
            dir_okay=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date", help="Import date to record, YYYY-MM-DD (default today)."
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Import an ESCO export: add, change and retire occupations; print what moved."""
    from transforms.occupations.store import save_taxonomy
    from transforms.occupations.taxonomy import read_esco_export
    from vacatures.config import Settings
    from vacatures.logs import configure
    from warehouse.db import get_engine, migrate

    configure(logging.DEBUG if verbose else logging.INFO)
    imported_date = parse_date(date)
    if not esco_dir.is_dir():
        raise InputError(f"ESCO export folder not found: {esco_dir}")
    taxonomy = read_esco_export(
        esco_dir, version=version, english_titles=english_titles
    )
    engine = get_engine(warehouse or Settings().warehouse_url)
    try:
        migrate(engine)
        summary = save_taxonomy(engine, taxonomy, imported_date=imported_date)
    finally:
        engine.dispose()
    typer.echo(f"taxonomy {summary}")


def _crosswalk_beside(esco_dir: Path) -> Path | None:
    """Find the crosswalk where the reference data keeps it: data/crosswalks."""
    candidate = esco_dir.resolve().parent.parent / "crosswalks" / CROSSWALK_NAME
    if candidate.is_file():
        log.info("taxonomy: English titles from %s", candidate)
        return candidate
    return None


def register(app: typer.Typer) -> None:
    """Add ``taxonomy import`` to the command line."""
    taxonomy_app.command("import")(import_taxonomy)
    app.add_typer(taxonomy_app, name="taxonomy")

"""``vacatures clients ...``: clients' profiles and networks, and their matches."""

from __future__ import annotations

import datetime as dt
import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from vacatures.cli.options import VerboseOption, WarehouseOption, existing_file
from vacatures.cli.videos_cmd import open_warehouse
from vacatures.errors import InputError, UserError

__all__ = [
    "clients_app",
    "import_contacts",
    "import_profiles",
    "match_clients",
    "register",
    "remove_client",
    "show_matches",
]

log = logging.getLogger(__name__)

clients_app = typer.Typer(
    help="Job seekers' profiles and networks, matched to open vacancies. "
    "Everything here stays in the private layer.",
    no_args_is_help=True,
)


class ContactsFormat(StrEnum):
    """The formats ``clients contacts`` reads."""

    AUTO = "auto"
    LINKEDIN = "linkedin"
    CSV = "csv"


def import_profiles(
    profiles: Annotated[
        Path,
        typer.Argument(help="Client profiles, CSV or JSON.", dir_okay=False),
    ],
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Add or update client profiles: wanted occupations, place, hours, education."""
    from transforms.enrich import store
    from transforms.enrich.matching import read_client_profiles
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    path = existing_file(profiles, what="client profiles")
    with open_warehouse(warehouse) as connection:
        read = read_client_profiles(path, store.load_occupation_index(connection))
        if read.clients.empty:
            raise InputError(f"no client in {path} (dropped: {dict(read.dropped)})")
        written = store.save_client_profiles(
            connection,
            read.clients,
            read.profiles,
            read.occupations,
            imported_date=dt.date.today(),
        )
    log.info("clients: stored %s profiles from %s", f"{written:,}", path)


def import_contacts(
    contacts: Annotated[
        Path,
        typer.Argument(
            help="A LinkedIn Connections.csv export, or a CSV with name, employer, "
            "position (and client_id).",
            dir_okay=False,
        ),
    ],
    client: Annotated[
        str | None,
        typer.Option(
            "--client", help="The client whose contacts these are (rows without one)."
        ),
    ] = None,
    kind: Annotated[
        ContactsFormat,
        typer.Option("--format", help="Format of the file; recognised by default."),
    ] = ContactsFormat.AUTO,
    append: Annotated[
        bool,
        typer.Option(
            "--append",
            help="Add to the client's contacts instead of replacing those from "
            "the same kind of file.",
        ),
    ] = False,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Import the people a client knows and where they work."""
    from transforms.enrich import store
    from transforms.enrich.contacts import read_contacts
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    path = existing_file(contacts, what="contacts file")
    found, dropped = read_contacts(path, client_id=client, kind=str(kind))
    if found.empty:
        raise InputError(f"no contact in {path} (dropped: {dict(dropped)})")
    with open_warehouse(warehouse) as connection:
        written = store.save_contacts(
            connection, found, imported_date=dt.date.today(), replace=not append
        )
    log.info(
        "clients: stored %s contacts of %s clients from %s, dropped %s",
        f"{written:,}",
        found["client_id"].nunique(),
        path,
        dict(sorted(dropped.items())) or "none",
    )


def remove_client(
    client: Annotated[str, typer.Argument(help="The client to forget.")],
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Delete a client with their profile, contacts and matches."""
    from transforms.enrich import store
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    with open_warehouse(warehouse) as connection:
        deleted = store.remove_client(connection, client)
    if not deleted:
        raise UserError(f"no client {client!r} in the warehouse")
    log.info("clients: removed %s and %s rows about them", client, f"{deleted:,}")


def match_clients(
    date: Annotated[
        str | None,
        typer.Option("--date", help="Date recorded with the matches (default today)."),
    ] = None,
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Match every client to the open vacancies now, without waiting for the night."""
    from transforms.enrich.night import enrich_warehouse
    from vacatures.cli.options import parse_date
    from vacatures.logs import configure

    configure(logging.DEBUG if verbose else logging.INFO)
    run_date = parse_date(date)
    with open_warehouse(warehouse) as connection:
        enrich_warehouse(connection, run_date=run_date)


def show_matches(
    client: Annotated[str, typer.Argument(help="The client.")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows to show.")] = 10,
    warehouse: WarehouseOption = None,
) -> None:
    """Show a client's best vacancies with the reasons and whom they know there."""
    import sqlalchemy as sa
    from rich.console import Console
    from rich.table import Table

    from warehouse import models as m
    from warehouse.load import read_frame

    matches, vacancies = m.private_client_vacancy_matches, m.core_vacancies
    query = (
        sa.select(
            matches.c.match_rank,
            matches.c.score,
            vacancies.c.title,
            vacancies.c.employer,
            vacancies.c.place,
            matches.c.reasons,
            vacancies.c.url,
        )
        .select_from(
            matches.join(vacancies, vacancies.c.vacancy_id == matches.c.vacancy_id)
        )
        .where(matches.c.client_id == client)
        .order_by(matches.c.match_rank)
        .limit(limit)
    )
    with open_warehouse(warehouse) as connection:
        rows = read_frame(connection, query)
    if rows.empty:
        raise UserError(
            f"no matches for client {client!r}; import a profile and run "
            "'vacatures clients match'"
        )
    table = Table(title=f"Vacatures voor {client}")
    for column in ("#", "score", "vacature", "werkgever", "plaats", "waarom"):
        table.add_column(column, overflow="fold")
    for row in rows.itertuples(index=False):
        table.add_row(
            str(row.match_rank),
            f"{row.score:.2f}",
            row.title,
            row.employer,
            row.place or "",
            row.reasons,
        )
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the ``clients`` commands to the command line."""
    clients_app.command("import")(import_profiles)
    clients_app.command("contacts")(import_contacts)
    clients_app.command("match")(match_clients)
    clients_app.command("show")(show_matches)
    clients_app.command("remove")(remove_client)
    app.add_typer(clients_app, name="clients")

"""``vacatures warehouse``: bring the schema up to date, grant the portal role."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from vacatures.cli.options import VerboseOption, WarehouseOption

__all__ = ["grant_portal", "migrate", "register", "warehouse_app"]

log = logging.getLogger(__name__)

warehouse_app = typer.Typer(
    help="Administer the warehouse.",
    no_args_is_help=True,
)

#: Environment variable holding the portal role's password, if any.
PASSWORD_VARIABLE = "VACATURES_PORTAL_PASSWORD"  # noqa: S105 (a name, not a secret)


def migrate(
    revision: Annotated[
        str, typer.Option("--revision", help="Alembic revision to upgrade to.")
    ] = "head",
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Create the warehouse or upgrade its schema, and rebuild the marts views."""
    from vacatures.config import Settings
    from vacatures.logs import configure
    from warehouse.db import current_revision, get_engine
    from warehouse.db import migrate as upgrade
    from warehouse.views import create_views

    configure(logging.DEBUG if verbose else logging.INFO)
    engine = get_engine(warehouse or Settings().warehouse_url)
    try:
        upgrade(engine, revision)
        create_views(engine)
        log.info("warehouse at revision %s", current_revision(engine))
    finally:
        engine.dispose()


def grant_portal(
    role: Annotated[
        str, typer.Option("--role", help="Name of the role portals log in as.")
    ] = "portal",
    warehouse: WarehouseOption = None,
    verbose: VerboseOption = False,
) -> None:
    """Create the portal role (PostgreSQL) and let it read the published layer only.

    The role's password, if it needs one, is read from VACATURES_PORTAL_PASSWORD
    so that it never appears in a command line or shell history.
    """
    from vacatures.config import Settings
    from vacatures.logs import configure
    from warehouse.db import get_engine
    from warehouse.roles import grant_portal_access

    configure(logging.DEBUG if verbose else logging.INFO)
    engine = get_engine(warehouse or Settings().warehouse_url)
    try:
        grant_portal_access(engine, role, password=os.environ.get(PASSWORD_VARIABLE))
    finally:
        engine.dispose()


def register(app: typer.Typer) -> None:
    """Add ``warehouse migrate`` and ``warehouse grant-portal`` to the command line."""
    warehouse_app.command("migrate")(migrate)
    warehouse_app.command("grant-portal")(grant_portal)
    app.add_typer(warehouse_app, name="warehouse")

"""Database roles: the portal role that reads ``published`` and nothing else.

Portals connect to the production warehouse (PostgreSQL) as their own role.
:func:`grant_portal_access` creates that role when it is missing and gives it
read access to the ``published`` schema, including tables created there
later, while revoking anything it may have had on the other layers. It is
idempotent: run it after every migration, or once, and again at will.
"""

from __future__ import annotations

import logging
import re
from typing import Any, cast

from sqlalchemy.engine import Engine

from vacatures.errors import UserError
from warehouse.db import backend
from warehouse.models import LAYERS

__all__ = ["PORTAL_ROLE", "PUBLIC_LAYER", "grant_portal_access"]

log = logging.getLogger(__name__)

#: The role portals connect as, unless another name is given.
PORTAL_ROLE = "portal"

#: The only schema the portal role may read.
PUBLIC_LAYER = "published"

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def grant_portal_access(
    engine: Engine, role: str = PORTAL_ROLE, *, password: str | None = None
) -> None:
    """Create the portal role if needed and let it read ``published`` only.

    The role can log in, is read-only by default
    (``default_transaction_read_only``), has usage on ``published`` and
    select on its tables and views, gets select on tables the warehouse's
    owner creates there later, and has every privilege on the other layers
    revoked.

    Parameters
    ----------
    engine : sqlalchemy.engine.Engine
        The warehouse, connected as its owner; PostgreSQL only.
    role : str
        The role's name: lowercase letters, digits and underscores.
    password : str, optional
        Set as the role's password; without it the server's authentication
        rules decide how the role logs in.

    Raises
    ------
    UserError
        When the warehouse is not PostgreSQL, the name is not a plain
        identifier, or the warehouse has no ``published`` schema yet.
    """
    if backend(engine) != "postgresql":
        raise UserError(
            "a portal role needs a PostgreSQL warehouse; the embedded warehouse "
            "is a local file without roles"
        )
    if not _ROLE_NAME.match(role):
        raise UserError(f"not a plain role name: {role!r}")
    with engine.begin() as connection:
        has_schema = connection.exec_driver_sql(
            "select 1 from information_schema.schemata where schema_name = %(s)s",
            {"s": PUBLIC_LAYER},
        ).first()
        if has_schema is None:
            raise UserError(
                f"the warehouse has no {PUBLIC_LAYER} schema yet; run the prepare "
                "step (or vacatures run) first"
            )
        exists = connection.exec_driver_sql(
            "select 1 from pg_roles where rolname = %(r)s", {"r": role}
        ).first()
        if exists is None:
            connection.exec_driver_sql(f'create role "{role}" login')
            log.info("roles: created role %s", role)
        connection.exec_driver_sql(f'alter role "{role}" login nocreatedb nocreaterole')
        if password is not None:
            from psycopg import sql

            # ALTER ROLE takes no bound parameters; psycopg quotes the literal.
            cast(Any, connection.connection.driver_connection).execute(
                sql.SQL("alter role {} password {}").format(
                    sql.Identifier(role), sql.Literal(password)
                )
            )
        database = connection.exec_driver_sql("select current_database()").scalar()
        connection.exec_driver_sql(
            f'alter role "{role}" in database "{database}" '
            "set default_transaction_read_only = on"
        )
        for layer in LAYERS:
            if layer == PUBLIC_LAYER:
                continue
            connection.exec_driver_sql(
                f"""do $$ begin
                if exists (select 1 from information_schema.schemata
                           where schema_name = '{layer}') then
                    revoke all on all tables in schema {layer} from "{role}";
                    revoke all on schema {layer} from "{role}";
                end if;
                end $$"""
            )
        connection.exec_driver_sql(f'grant usage on schema {PUBLIC_LAYER} to "{role}"')
        connection.exec_driver_sql(
            f'grant select on all tables in schema {PUBLIC_LAYER} to "{role}"'
        )
        connection.exec_driver_sql(
            f"alter default privileges in schema {PUBLIC_LAYER} "
            f'grant select on tables to "{role}"'
        )
    log.info("roles: %s may read %s and nothing else", role, PUBLIC_LAYER)

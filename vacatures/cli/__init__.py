"""The ``vacatures`` command: one console script, a subcommand per job.

Every subcommand takes ``--warehouse URL`` (or ``VACATURES_WAREHOUSE_URL``) and
defaults to the embedded warehouse. A mistake in the user's input ends the
command with one line on standard error and exit status 2.
"""

from __future__ import annotations

import logging
import sys

import typer

from vacatures.errors import UserError

__all__ = ["app", "main"]

log = logging.getLogger(__name__)

app = typer.Typer(
    name="vacatures",
    help="Collect Dutch job vacancies from many boards into one warehouse.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    # Each module adds its own commands; importing them here keeps this file the
    # one place that lists what the console script offers.
    from vacatures.cli import commands

    commands.register(app)


def main() -> None:
    """Run the console script, turning user mistakes into one-line errors."""
    _register_commands()
    try:
        app()
    except UserError as error:
        typer.echo(f"vacatures: error: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("vacatures: interrupted", err=True)
        sys.exit(130)

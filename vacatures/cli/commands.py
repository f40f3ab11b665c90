"""The list of subcommand modules; each has a ``register(app)`` function."""

from __future__ import annotations

from importlib import import_module

import typer

__all__ = ["COMMAND_MODULES", "evaluate_app", "register"]

#: Modules under ``vacatures.cli`` that add commands, in the order of ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "run_cmd",
    "crawl_cmd",
    "dedupe_cmd",
    "report_cmd",
    "taxonomy_cmd",
    "classify_cmd",
    "videos_cmd",
    "trainings_cmd",
    "clients_cmd",
    "warehouse_cmd",
)


#: ``vacatures evaluate ...``: quality measures on labelled sets.
evaluate_app = typer.Typer(
    help="Measure dedupe and occupation coding against labelled sets.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    """Add the commands of every module in :data:`COMMAND_MODULES` to ``app``."""
    for name in COMMAND_MODULES:
        import_module(f"vacatures.cli.{name}").register(app)
    if evaluate_app.registered_commands:
        app.add_typer(evaluate_app, name="evaluate")

"""Errors a user can cause and fix, reported as one line without a traceback."""

from __future__ import annotations

__all__ = ["InputError", "UserError"]


class UserError(Exception):
    """A mistake in what the user asked for, shown as one line (exit status 2)."""


class InputError(UserError):
    """An input file is missing, unreadable or not in the documented format."""

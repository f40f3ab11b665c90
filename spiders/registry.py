"""The board registry: one TOML row per board, validated before any crawl.

A board is a ``[[boards]]`` row naming a generic kind (``jsonld``, ``xmlfeed``,
``recruitee``, ``greenhouse``, ``lever``, ``html``) and where to start; a new
board is a new row, not new code. An optional ``[settings]`` table holds the
contact URL put in the user agent and the politeness and retry tuning shared
by every board.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from vacatures.errors import InputError

__all__ = [
    "DEFAULT_CONTACT_URL",
    "Board",
    "BoardKind",
    "Registry",
    "RegistrySettings",
    "SourceType",
    "load_registry",
]

DEFAULT_CONTACT_URL = "https://github.com/vacatures/vacatures"

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CSS_LIKE = re.compile(r"::|[#\[>]|^[a-z][a-z0-9]*\.[a-z][\w-]*(\s|$)")


class BoardKind(StrEnum):
    """The generic kinds of board a spider exists for."""

    JSONLD = "jsonld"
    XMLFEED = "xmlfeed"
    RECRUITEE = "recruitee"
    GREENHOUSE = "greenhouse"
    LEVER = "lever"
    HTML = "html"


class SourceType(StrEnum):
    """Who publishes the board."""

    EMPLOYER = "employer"
    BOARD = "board"
    AGENCY = "agency"
    AGGREGATOR = "aggregator"


class Selectors(BaseModel):
    """CSS selectors that find each field on a detail page of an ``html`` board.

    A selector matching several elements takes their text joined; one given
    with ``::attr(name)`` reads an attribute instead, as in Scrapy.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = "h1"
    employer: str | None = None
    location: str | None = None
    description: str | None = None
    date_posted: str | None = None
    valid_through: str | None = None
    employment_type: str | None = None
    hours: str | None = None
    salary: str | None = None
    education: str | None = None
    external_id: str | None = None
    apply_url: str | None = None


class Board(BaseModel):
    """One board of the registry.

    Parameters
    ----------
    name : str
        Unique name: lowercase letters, digits and dashes.
    kind : BoardKind
        Which spider crawls it.
    url : str
        The start page, the feed URL or the full API endpoint.
    source_type : SourceType
        Who publishes the board.
    enabled : bool
        Whether ``crawl`` includes it.
    sitemap : str, optional
        ``jsonld``: a sitemap (or sitemap index) listing the detail pages;
        its ``lastmod`` lets unchanged pages come from the cache.
    sitemap_pattern : str, optional
        ``jsonld``: a regular expression a sitemap URL must match to be read as a
        vacancy page.
    listing_link : str, optional
        ``jsonld`` and ``html``: CSS selector of links from a listing page to
        detail pages. Without it, links below the start page's path are taken.
    next_page : str, optional
        CSS selector of the link to the next listing page; ``rel=next`` links
        are always followed.
    employer : str, optional
        Employer name for boards whose records do not name one (ATS APIs of a
        single employer, employer career sites).
    max_pages : int
        At most this many pages are requested from the board in one crawl.
    selectors : Selectors
        ``html``: where each field is on a detail page.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: BoardKind
    url: str
    source_type: SourceType
    enabled: bool = True
    sitemap: str | None = None
    sitemap_pattern: str | None = None
    listing_link: str | None = None
    next_page: str | None = None
    employer: str | None = None
    max_pages: Annotated[int, Field(gt=0)] = 5_000
    selectors: Selectors = Field(default_factory=Selectors)

    @model_validator(mode="before")
    @classmethod
    def _selectors_at_top_level(cls, data: Any) -> Any:
        # An html row may list its field selectors beside the other keys; a
        # top-level employer is a selector when it reads like one
        # ("span.werkgever::text"), else the employer's name.
        if not isinstance(data, dict) or data.get("kind") != BoardKind.HTML.value:
            return data
        data = dict(data)
        selectors = dict(data.get("selectors") or {})
        for key in Selectors.model_fields:
            if key not in data or key in selectors:
                continue
            if key == "employer" and not _CSS_LIKE.search(str(data[key])):
                continue
            selectors[key] = data.pop(key)
        if selectors:
            data["selectors"] = selectors
        return data

    @field_validator("name")
    @classmethod
    def _valid_name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("must be lowercase letters, digits and dashes")
        return value

    @field_validator("url", "sitemap")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http or https URL")
        return value

    @field_validator("sitemap_pattern")
    @classmethod
    def _valid_pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"is not a regular expression: {error}") from None
        return value


class RegistrySettings(BaseModel):
    """Politeness, retry and size limits shared by every board.

    The defaults are polite for live boards; tests shorten the timeouts and
    delays. ``VACATURES_CONTACT_URL`` in the environment replaces
    ``contact_url``.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    contact_url: str = DEFAULT_CONTACT_URL
    download_timeout_s: Annotated[float, Field(gt=0)] = 30.0
    download_delay_s: Annotated[float, Field(ge=0)] = 0.5
    autothrottle: bool = True
    autothrottle_start_delay_s: Annotated[float, Field(ge=0)] = 1.0
    autothrottle_max_delay_s: Annotated[float, Field(gt=0)] = 30.0
    concurrency_per_domain: Annotated[int, Field(gt=0, le=8)] = 2
    retry_times: Annotated[int, Field(ge=0)] = 3
    retry_backoff_s: Annotated[float, Field(ge=0)] = 2.0
    retry_after_max_s: Annotated[float, Field(ge=0)] = 300.0
    max_redirects: Annotated[int, Field(ge=0)] = 5
    max_page_bytes: Annotated[int, Field(gt=0)] = 10 * 1024 * 1024
    warn_page_bytes: Annotated[int, Field(gt=0)] = 2 * 1024 * 1024
    board_timeout_s: Annotated[float, Field(gt=0)] = 4 * 3600.0

    @property
    def effective_contact_url(self) -> str:
        """The contact URL the user agent shows, the environment's first."""
        return os.environ.get("VACATURES_CONTACT_URL") or self.contact_url

    @property
    def user_agent(self) -> str:
        """The honest user agent: project name, version and contact URL."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            release = version("vacatures")
        except PackageNotFoundError:
            release = "0"
        return f"vacatures/{release} (+{self.effective_contact_url})"


class Registry(BaseModel):
    """The validated registry: shared settings and the boards in file order."""

    model_config = ConfigDict(frozen=True)

    settings: RegistrySettings = Field(default_factory=RegistrySettings)
    boards: tuple[Board, ...] = ()

    def __iter__(self) -> Iterator[Board]:  # type: ignore[override]
        return iter(self.boards)

    def enabled(self) -> list[Board]:
        """Return the boards that are switched on."""
        return [board for board in self.boards if board.enabled]

    def board(self, name: str) -> Board:
        """Return the board called ``name``.

        Raises
        ------
        InputError
            When the registry has no such board.
        """
        for board in self.boards:
            if board.name == name:
                return board
        raise InputError(f"no board named {name!r} in the registry")


def _one_line(error: ValidationError, where: str) -> str:
    first = error.errors()[0]
    key = ".".join(str(part) for part in first.get("loc", ())) or "row"
    if first.get("type") == "missing":
        return f"{where}: missing key {key!r}"
    if first.get("type") == "extra_forbidden":
        return f"{where}: unknown key {key!r}"
    if first.get("type") == "enum":
        expected = first.get("ctx", {}).get("expected", "")
        return f"{where}: {key} {first.get('input')!r} is not one of {expected}"
    message = first.get("msg", "invalid").removeprefix("Value error, ")
    return f"{where}: {key} {message}"


def load_registry(path: Path | str) -> Registry:
    r"""Read and validate a board registry.

    Parameters
    ----------
    path : pathlib.Path or str
        A TOML file with an optional ``[settings]`` table and ``[[boards]]``
        rows.

    Returns
    -------
    Registry
        The settings and the boards, in file order.

    Raises
    ------
    InputError
        One line naming the file, the board and the key at fault: a missing
        or unreadable file, bad TOML, an unknown kind or key, a duplicate
        name, a missing ``url``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> file = pathlib.Path(tempfile.mkdtemp()) / "boards.toml"
    >>> _ = file.write_text('[[boards]]\nname = "a"\nkind = "rss"\nurl = "x"\n')
    >>> load_registry(file)
    Traceback (most recent call last):
    ...
    vacatures.errors.InputError: boards.toml: board 'a': kind 'rss' is not one of ...
    """
    path = Path(path)
    label = path.name
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"board registry not found: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read board registry {path}: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"{label}: not valid TOML: {error}") from None

    unknown = sorted(set(raw) - {"settings", "boards"})
    if unknown:
        raise InputError(f"{label}: unknown table {unknown[0]!r}")
    try:
        settings = RegistrySettings.model_validate(raw.get("settings", {}))
    except ValidationError as error:
        raise InputError(_one_line(error, f"{label}: [settings]")) from None

    rows = raw.get("boards", [])
    if not isinstance(rows, list):
        raise InputError(f"{label}: 'boards' must be an array of tables [[boards]]")
    boards: list[Board] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        name = row.get("name") if isinstance(row, dict) else None
        where = f"{label}: board {name!r}" if name else f"{label}: board #{number}"
        try:
            board = Board.model_validate(row)
        except ValidationError as error:
            raise InputError(_one_line(error, where)) from None
        if board.name in seen:
            raise InputError(f"{where}: duplicate name")
        seen.add(board.name)
        boards.append(board)
    return Registry(settings=settings, boards=tuple(boards))

"""Where the pipeline keeps its files and which warehouse it writes to."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["RunContext", "Settings", "default_warehouse_url"]

#: The repository (or installed tree) this package lives in.
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def _home() -> Path:
    return Path(os.environ.get("VACATURES_HOME", "var")).resolve()


def default_warehouse_url(home: Path | None = None) -> str:
    """Return the URL of the embedded warehouse file under ``home``.

    Parameters
    ----------
    home : pathlib.Path, optional
        The data folder; ``VACATURES_HOME`` or ``./var`` when not given.

    Returns
    -------
    str
        A ``duckdb:///`` URL.
    """
    home = home or _home()
    return f"duckdb:///{home / 'warehouse.duckdb'}"


@dataclass(frozen=True)
class Settings:
    """Locations and endpoints, read from the environment.

    ``VACATURES_HOME`` holds the landing area, crawl state, reports and the
    embedded warehouse (default ``./var``); ``VACATURES_WAREHOUSE_URL`` points at
    another warehouse, such as PostgreSQL; ``VACATURES_BOARDS`` names the board
    registry (default the shipped ``boards.toml``);
    ``VACATURES_CLOSE_AFTER_NIGHTS`` is how many nights in a row a posting may be
    missing from a board that was crawled fine before it counts as gone (default
    1: gone the first night it is missing); ``VACATURES_DEMO`` set to true fills
    the enrichment catalogues with the bundled demo set, as ``run --demo`` does.
    """

    home: Path = field(default_factory=_home)
    warehouse_url: str = ""
    registry_path: Path = field(
        default_factory=lambda: Path(
            os.environ.get("VACATURES_BOARDS", PROJECT_ROOT / "boards.toml")
        )
    )

    close_after_nights: int = field(
        default_factory=lambda: int(os.environ.get("VACATURES_CLOSE_AFTER_NIGHTS", "1"))
    )

    demo: bool = field(
        default_factory=lambda: (
            os.environ.get("VACATURES_DEMO", "").lower() in ("1", "true", "yes")
        )
    )

    def __post_init__(self) -> None:
        if not self.warehouse_url:
            url = os.environ.get("VACATURES_WAREHOUSE_URL") or default_warehouse_url(
                self.home
            )
            object.__setattr__(self, "warehouse_url", url)

    @property
    def landing_dir(self) -> Path:
        """Root of the landing area: one folder per run date."""
        return self.home / "landing"

    @property
    def state_dir(self) -> Path:
        """Crawl state kept between nights: the HTTP cache."""
        return self.home / "state"

    @property
    def reports_dir(self) -> Path:
        """Run reports, one HTML and one JSON file per night."""
        return self.home / "reports"


@dataclass(frozen=True)
class RunContext:
    """Everything a pipeline step needs to know about the night it runs for.

    A step reads and writes only the partition of ``run_date``; it never looks
    at the clock, so a rerun or a backfill gives the same rows.
    """

    run_date: dt.date
    warehouse_url: str
    landing_dir: Path
    registry_path: Path
    state_dir: Path
    reports_dir: Path
    close_after_nights: int = 1
    demo: bool = False

    @classmethod
    def from_settings(cls, settings: Settings, run_date: dt.date) -> RunContext:
        """Build the context of one night from the settings."""
        return cls(
            run_date=run_date,
            warehouse_url=settings.warehouse_url,
            landing_dir=settings.landing_dir,
            registry_path=settings.registry_path,
            state_dir=settings.state_dir,
            reports_dir=settings.reports_dir,
            close_after_nights=settings.close_after_nights,
            demo=settings.demo,
        )

    @property
    def landing_partition(self) -> Path:
        """The landing folder of this night: ``<landing>/<YYYY-MM-DD>``."""
        return self.landing_dir / self.run_date.isoformat()

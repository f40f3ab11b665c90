"""What one crawl of one board did, written beside its postings."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["BoardStats", "write_atomically"]


def write_atomically(path: Path, text: str) -> None:
    """Write a file whole: through a temporary file and a rename.

    Readers never see half of it, and a rerun replaces it at once.

    Parameters
    ----------
    path : pathlib.Path
        The file to write.
    text : str
        Its whole content.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass
class BoardStats:
    """The account of one board's crawl, as in ``<board>.stats.json``.

    ``status`` is ``"ok"`` when the crawl ran to its end and its start page,
    feed or API answered; ``"failed"`` otherwise, with ``error`` saying why.
    A failed board's postings file is empty or partial, so it must not be read
    as "no vacancies any more".
    """

    board: str
    kind: str
    run_date: dt.date
    started_at: dt.datetime
    finished_at: dt.datetime
    status: str = "ok"
    error: str | None = None
    pages_fetched: int = 0
    responses_by_status: dict[str, int] = field(default_factory=dict)
    cache_hits: int = 0
    not_modified: int = 0
    bytes_downloaded: int = 0
    postings_emitted: int = 0
    failures: dict[str, int] = field(default_factory=dict)

    @property
    def duration_s(self) -> float:
        """Seconds from start to finish."""
        return (self.finished_at - self.started_at).total_seconds()

    @property
    def ok(self) -> bool:
        """Whether the crawl completed."""
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """Return the stats as JSON-ready values (ISO dates, sorted reasons)."""
        data = asdict(self)
        data["run_date"] = self.run_date.isoformat()
        data["started_at"] = self.started_at.isoformat()
        data["finished_at"] = self.finished_at.isoformat()
        data["duration_s"] = round(self.duration_s, 3)
        data["failures"] = dict(sorted(self.failures.items()))
        data["responses_by_status"] = dict(sorted(self.responses_by_status.items()))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BoardStats:
        """Read the stats back from :meth:`to_dict` output."""
        values = {key: data[key] for key in cls.__dataclass_fields__ if key in data}
        values["run_date"] = dt.date.fromisoformat(data["run_date"])
        values["started_at"] = dt.datetime.fromisoformat(data["started_at"])
        values["finished_at"] = dt.datetime.fromisoformat(data["finished_at"])
        return cls(**values)

    def write(self, path: Path) -> None:
        """Write the stats as JSON, atomically."""
        write_atomically(
            path, json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"
        )

    @classmethod
    def read(cls, path: Path) -> BoardStats:
        """Read a stats file written by :meth:`write`."""
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))

"""Writing a night's report: one HTML page with its charts, one JSON file.

The page is self-contained (styles and SVG charts inline, no script, nothing
fetched) so it can be mailed or opened from a share. Files are written whole
through a rename, and the same night gives the same bytes.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from vacatures.report.build import NightReport
from vacatures.report.charts import bar_chart, trend_chart

__all__ = ["ReportFiles", "render_html", "write_report"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportFiles:
    """Where a night's report was written."""

    html: Path
    json: Path


def _number(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


def _share(value: Any) -> str:
    return "–" if value is None else f"{value:.1%}"


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("vacatures.report", "templates"),
        autoescape=select_autoescape(["html", "jinja"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(num=_number, pct=_share)
    return environment


def _charts(report: NightReport) -> dict[str, Markup]:
    trend = report.trend
    nights = [row["night_date"] for row in trend]
    charts = {
        "trend": trend_chart(
            nights,
            {
                "open vacancies": [row.get("n_open") for row in trend],
                "new": [row.get("n_new") for row in trend],
                "closed": [row.get("n_closed") for row in trend],
            },
            title="Open vacancies (line), new and closed (bars) per night",
            bars=("new", "closed"),
        ),
        "boards": bar_chart(
            [row["board"] for row in report.boards],
            [row["postings_staged"] for row in report.boards],
            title="Postings staged per board",
        ),
        "quarantine": bar_chart(
            [row["reason"] for row in report.quarantined],
            [row["n_records"] for row in report.quarantined],
            title="Records quarantined, by reason",
            color="#b8452f",
        ),
        "occupations": bar_chart(
            [f"{row['isco08']} {row['label']}" for row in report.top_occupations],
            [row["n_open"] for row in report.top_occupations],
            title="Open vacancies: top occupations (ISCO-08 unit groups)",
        ),
        "provinces": bar_chart(
            [row["province"] for row in report.provinces],
            [row["n_open"] for row in report.provinces],
            title="Open vacancies by province",
            color="#3a8d5c",
        ),
    }
    # The SVG comes from matplotlib with every text escaped, so it is markup.
    return {name: Markup(svg) for name, svg in charts.items()}  # noqa: S704


def render_html(report: NightReport) -> str:
    """Render the report as one self-contained HTML page.

    Parameters
    ----------
    report : NightReport
        The night's numbers.

    Returns
    -------
    str
        The page, charts inline as SVG.
    """
    template = _environment().get_template("report.html.jinja")
    return template.render(r=report, charts=_charts(report))


def _write(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_report(report: NightReport, output_dir: Path) -> ReportFiles:
    """Write ``<date>.html`` and ``<date>.json`` into ``output_dir``.

    Parameters
    ----------
    report : NightReport
        The night's numbers.
    output_dir : pathlib.Path
        Folder of the reports; created when missing.

    Returns
    -------
    ReportFiles
        The paths written.
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    stem = report.run_date.isoformat()
    files = ReportFiles(output_dir / f"{stem}.html", output_dir / f"{stem}.json")
    _write(files.html, render_html(report))
    _write(
        files.json,
        json.dumps(report.to_json(), indent=2, sort_keys=True, ensure_ascii=False)
        + "\n",
    )
    log.info("report %s written to %s", stem, files.html)
    return files

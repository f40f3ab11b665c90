"""The run report of a night: what came in, what was built, what was held back.

:func:`build_report` reads the numbers from the warehouse and
:func:`write_report` writes them as a self-contained HTML page with charts and
as JSON. The nightly ``report`` step and ``vacatures report`` call both.
"""

from __future__ import annotations

from vacatures.report.build import NightReport, build_report
from vacatures.report.render import ReportFiles, render_html, write_report

__all__ = [
    "NightReport",
    "ReportFiles",
    "build_report",
    "render_html",
    "write_report",
]

"""Charts of a run report as inline SVG, drawn with matplotlib.

Each function returns an ``<svg>`` element as text, ready to paste into HTML:
no file, no script and no font or style fetched from anywhere, so the report
opens on a machine without internet. The same numbers give the same SVG, byte
for byte, so rewriting a night's report changes nothing.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Sequence

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

__all__ = ["bar_chart", "trend_chart"]

log = logging.getLogger(__name__)

_BLUE = "#1f5f8b"
_GREEN = "#3a8d5c"
_RED = "#b8452f"
_GREY = "#555555"
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)


def _svg(figure: Figure, title: str) -> str:
    buffer = io.StringIO()
    # A fixed salt gives the same element ids on every run; text stays text.
    with rc_context({"svg.hashsalt": "vacatures-report", "svg.fonttype": "none"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Title": title})
    text = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1), count=1)
    label = html.escape(title, quote=True)
    return text.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    color: str = _BLUE,
    width_in: float = 7.0,
) -> str:
    """Draw a horizontal bar chart, largest bar on top.

    Parameters
    ----------
    labels : sequence of str
        One label per bar, in the order given (top to bottom).
    values : sequence of float
        The bar lengths.
    title : str
        Shown above the chart and read out by screen readers.
    color : str
        Bar colour.
    width_in : float
        Width of the chart in inches.

    Returns
    -------
    str
        An ``<svg>`` element.

    Examples
    --------
    An empty chart still draws, with a note instead of bars:

    >>> "nothing to show" in bar_chart([], [], title="Boards")
    True
    """
    height = max(1.6, 0.32 * len(labels) + 0.9)
    figure = Figure(figsize=(width_in, height))
    axes = figure.subplots()
    if not labels:
        axes.text(0.5, 0.5, "nothing to show", ha="center", va="center", color=_GREY)
        axes.set_axis_off()
    else:
        positions = list(range(len(labels)))[::-1]
        bars = axes.barh(positions, values, color=color)
        axes.set_yticks(positions, [_shorten(label) for label in labels])
        axes.bar_label(bars, labels=[f"{value:,.0f}" for value in values], padding=3)
        axes.margins(x=0.12)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
    axes.set_title(title, loc="left")
    figure.tight_layout()
    return _svg(figure, title)


def trend_chart(
    nights: Sequence[str],
    series: dict[str, Sequence[float | None]],
    *,
    title: str,
    bars: Sequence[str] = (),
) -> str:
    """Draw a series of counts over nights; names in ``bars`` as bars.

    Parameters
    ----------
    nights : sequence of str
        The nights, as ISO dates, oldest first.
    series : dict
        Name to one value per night; ``None`` where the night has none.
    title : str
        Shown above the chart and read out by screen readers.
    bars : sequence of str
        Names of ``series`` drawn as grouped bars on a second axis; the others
        are lines.

    Returns
    -------
    str
        An ``<svg>`` element.
    """
    figure = Figure(figsize=(7.0, 3.6))
    axes = figure.subplots()
    positions = list(range(len(nights)))
    colours = iter((_BLUE, _GREEN, _RED, _GREY))
    lines = [name for name in series if name not in bars]
    for name in lines:
        values = [float("nan") if v is None else v for v in series[name]]
        axes.plot(positions, values, marker="o", color=next(colours), label=name)
    axes.margins(y=0.12)
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    handles, names = axes.get_legend_handles_labels()
    if bars:
        other = axes.twinx()
        width = 0.8 / len(bars)
        for rank, name in enumerate(bars):
            values = [0 if v is None else v for v in series[name]]
            offset = (rank - (len(bars) - 1) / 2) * width
            other.bar(
                [p + offset for p in positions],
                values,
                width=width,
                alpha=0.45,
                color=next(colours),
                label=name,
            )
        more_handles, more_names = other.get_legend_handles_labels()
        handles, names = handles + more_handles, names + more_names
        other.set_ylim(bottom=0)
        other.yaxis.set_major_locator(MaxNLocator(integer=True))
        other.spines["top"].set_visible(False)
    axes.set_xticks(positions, [night[5:] for night in nights], rotation=45)
    axes.spines["top"].set_visible(False)
    if handles:
        axes.legend(
            handles,
            names,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.25),
            ncols=len(names),
            fontsize="small",
            frameon=False,
        )
    if not nights:
        axes.text(0.5, 0.5, "nothing to show", ha="center", va="center", color=_GREY)
    axes.set_title(title, loc="left")
    figure.tight_layout()
    return _svg(figure, title)


def _shorten(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"

"""The Facts tab's indicator chart: yearly targets as bars; baseline and end-of-project target
as separate, labelled markers (they are cumulative levels, not yearly amounts, so drawing them
on one line with the yearly targets reads as a collapse and a spike)."""

from __future__ import annotations

import textwrap
from typing import Any

from ui import render


def indicator_figure(row: dict[str, Any]) -> Any:
    """A matplotlib figure of one indicator row (as ``record_rows`` gives it)."""
    from matplotlib.figure import Figure

    series = render.indicator_series(row)
    levels_named = ("Baseline", "Final")
    yearly = [(label, v, text) for label, v, text in series if not label.startswith(levels_named)]
    levels = [(label, v, text) for label, v, text in series if label.startswith(levels_named) and v is not None]
    fig = Figure(figsize=(7, 3.4), layout="constrained")
    ax = fig.subplots()
    xs = list(range(len(yearly)))
    heights = [v or 0.0 for _, v, _ in yearly]
    bars = ax.bar(xs, heights, color="#2563eb", width=0.6, label="yearly target")
    for bar, (_, v, text) in zip(bars, yearly):
        ax.annotate(
            text if v is not None else "(empty)",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            textcoords="offset points",
            xytext=(0, 4),
            ha="center",
            fontsize=8,
        )
    for (label, value, text), style in zip(levels, (("#6b7280", "--"), ("#16a34a", ":"))):
        colour, dash = style
        ax.axhline(value, color=colour, linestyle=dash, linewidth=1.2, label=f"{label}: {text} (cumulative level)")
    ax.set_xticks(xs, [textwrap.fill(label, 14) for label, _, _ in yearly], fontsize=8)
    title = f"Indicator {row.get('key', '')}: {row.get('indicator', '')}"
    ax.set_title(textwrap.fill(title, 90), fontsize=9)
    ax.margins(y=0.25)
    ax.grid(axis="y", alpha=0.3)
    if levels or yearly:
        ax.legend(fontsize=7, loc="upper left")
    return fig

"""The indicator chart keeps cumulative levels (baseline, final) apart from yearly targets."""

from __future__ import annotations

from ui.plots import indicator_figure

ROW = {
    "key": "2.3",
    "indicator": "Number of participants in capacity development events - conferences, workshops, seminars, "
    "trainings, study visits, etc, disaggregated by gender",
    "baseline": "7,300",
    "baseline year": "2020",
    "Year 1 (2021) target": "1,000",
    "Year 2 (2022) target": "1,000 50% women",
    "Year 3 (2023) target": "1,000",
    "final target": "10,300",
}


def test_yearly_targets_are_bars_and_levels_are_separate_lines() -> None:
    ax = indicator_figure(ROW).axes[0]
    assert [round(p.get_height()) for p in ax.patches] == [1000, 1000, 1000]
    levels = sorted(round(line.get_ydata()[0]) for line in ax.get_lines())
    assert levels == [7300, 10300]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any("Baseline" in t and "cumulative" in t for t in labels) and any(t.startswith("Final") for t in labels)


def test_the_title_wraps_instead_of_cutting_the_name() -> None:
    title = indicator_figure(ROW).axes[0].get_title()
    assert "disaggregated by gender" in title.replace("\n", " ") and "\n" in title

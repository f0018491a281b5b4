"""An output's share of the budget: "What share of the budget for all outputs goes to project
management?" is the output's sub-total as a share of the total for all outputs (or of the grand
total, when the question says so or the work plan has no total for the outputs), both cells
cited and the percentage computed from them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.arithmetic import computed
from assistant.answer.fact_types import Evidence, FactResult
from assistant.answer.outputs import output_titled
from assistant.answer.query import Query
from assistant.core.records import Cell, Record
from assistant.core.text import clean

_GRAND = re.compile(r"\b(?:grand total|whole project|entire project|including gms|overall budget|всего по проекту)\b")


# fields that make "what share/percentage" a question about something else than the budget
_NOT_BUDGET = ("expenditure", "achieved", "met", "target", "final", "midterm", "baseline", "count", "status")


def _all_years(record: Record) -> Cell | None:
    """The row's amount over all years: its total cell, or an amount of no one year."""
    return record.cell("total") or next((c for c in record.cells_of("amount") if c.period is None), None)


def output_share(query: Query, grouped: Sequence[Record], totals: Sequence[Record]) -> FactResult | None:
    """The share, or None when the question asks no output's share or the tables lack a total."""
    if not query.wants("share") or query.years or query.wants(*_NOT_BUDGET):
        return None  # a year's share, a delivery rate, a target's share of women: not this
    numbers = list(dict.fromkeys([*query.outputs, *query.subtotals]))
    if not numbers and (titled := output_titled(query.text, grouped)):
        numbers = [titled]
    if len(numbers) != 1:
        return None
    by_key = {r.key: r for r in totals if _all_years(r) is not None}
    part = by_key.get(f"subtotal {numbers[0]}")
    whole = by_key.get("grand total") if _GRAND.search(query.text) else None
    whole = whole or by_key.get("total") or by_key.get("grand total")
    if part is None or whole is None:
        return None
    part_cell, whole_cell = _all_years(part), _all_years(whole)
    shown = computed(part_cell, whole_cell, "%") if part_cell and whole_cell else None
    if part_cell is None or whole_cell is None or shown is None:
        return None
    evidence = [
        Evidence(part.label_cell or part.label, part),
        Evidence(part_cell.text, part, part_cell.column),
        Evidence(whole.label_cell or whole.label, whole),
        Evidence(whole_cell.text, whole, whole_cell.column),
    ]
    text = (
        f"{clean(part.label)} [1]: USD {clean(part_cell.text)} [2]; "
        f"{clean(whole.label)} [3]: USD {clean(whole_cell.text)} [4]. {shown}."
    )
    return FactResult(text, evidence, notes=[*part.notes, *whole.notes])

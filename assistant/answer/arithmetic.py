"""Arithmetic on cited cells, shown as "computed: a − b = c" so that a reader (and the
evaluation) can check it: differences, sums of yearly amounts or of totals, yearly targets set
beside the final one, and a part as a share of its whole."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answer.fact_types import FactResult
from assistant.core.records import Cell, Record
from assistant.core.text import leading_number, to_number

__all__ = ["against_target", "computed", "gap", "summed", "with_share", "with_sum", "with_targets_added"]


def computed(a: Cell, b: Cell, op: str) -> str | None:
    """ "computed: 1,200,000 − 950,000 = 250,000" from two cited cells, or None."""
    x, y = to_number(a.text), to_number(b.text)
    if x is None or y is None:
        return None
    value = x - y if op == "-" else x + y if op == "+" else (100 * x / y if y else None)
    if value is None:
        return None
    sign = {"-": "−", "+": "+", "%": "as a share of"}[op]
    shown = f"{value:,.1f}%" if op == "%" else f"{value:,.0f}"
    return f"computed: {leading_number(a.text)} {sign} {leading_number(b.text)} = {shown}"


def gap(a: Cell, b: Cell) -> str | None:
    """The larger of two cited cells less the smaller, computed; None when they are equal."""
    x, y = to_number(a.text), to_number(b.text)
    if x is None or y is None or x == y:
        return None
    return computed(a, b, "-") if x > y else computed(b, a, "-")


def against_target(result: FactResult, reached: Cell, target: Cell, share: bool, with_gap: bool = True) -> FactResult:
    """What was reached set against a target: the gap either way, and, when ``share`` is asked
    ("what share of the Year 2 target had been reached?"), the one as a share of the other."""
    said = f" The gap, {shown}." if with_gap and (shown := gap(reached, target)) else ""
    if share and (part := computed(reached, target, "%")):
        said += f" Reached: {part}."
    return replace(result, text=result.text + said) if said else result


def summed(cells: Sequence[Cell]) -> str | None:
    """ "computed: 97 500 + 142 700 + 144 191 = 384,391" from two or more cited cells, or None."""
    values = [to_number(c.text) for c in cells]
    if len(cells) < 2 or any(v is None for v in values):
        return None
    total = sum(v for v in values if v is not None)
    return f"computed: {' + '.join(leading_number(c.text) for c in cells)} = {total:,.0f}"


def with_sum(result: FactResult) -> FactResult:
    """The answer with the sum of the totals it cites of two or more rows ("Sub-Total Output 1"
    + "Sub-Total Output 3"), else of its cited yearly budget amounts, when it cites two or more."""
    amounts, totals, rows = [], [], set()
    for e in result.evidence:
        cell = next((c for c in e.record.cells if c.text == e.quote and c.column == e.column), None)
        if cell is not None and cell.role == "amount" and cell.period is not None:
            amounts.append(cell)
        elif cell is not None and cell.role == "total" and id(e.record) not in rows:
            totals.append(cell)
            rows.add(id(e.record))
    shown = summed(totals if len(totals) > 1 else amounts)
    return replace(result, text=f"{result.text} {shown}.") if shown else result


def with_targets_added(result: FactResult, record: Record) -> FactResult:
    """An indicator's cited yearly targets added up and set beside its final target: equal to it,
    or equal with the baseline added (targets that count on from the baseline), else different."""
    cited = {(e.quote, e.column) for e in result.evidence}
    targets = [c for c in record.cells if c.role == "target" and (c.text, c.column) in cited and c.period]
    yearly = [c for c in targets if c.period and c.period.kind in ("project_year", "year")]
    final = next((c for c in targets if c.period and c.period.kind == "final"), None)
    base = record.cell("baseline")
    shown = summed(yearly)
    values = [to_number(c.text) for c in yearly]
    if shown is None or final is None or (goal := to_number(final.text)) is None:
        return replace(result, text=f"{result.text} {shown}.") if shown else result
    total = sum(v for v in values if v is not None)
    start = to_number(base.text) if base is not None and (base.text, base.column) in cited else None
    numbers = [v for v in values if v is not None]
    if total == goal:
        said = f"The yearly targets add up to the final target ({shown})"
    elif base is not None and start is not None and start + total == goal:
        said = (
            f"The yearly targets add up to {total:,.0f} ({shown}); with the baseline, "
            f"{leading_number(base.text)} + {total:,.0f} = {goal:,.0f}, the final target"
        )
    elif numbers == sorted(numbers) and numbers[-1] == goal:
        last = leading_number(yearly[-1].text)
        said = (
            f"The yearly targets are cumulative, each including the years before: the last, {last}, is the final target"
        )
    else:
        said = f"The yearly targets add up to {total:,.0f} ({shown}), not to the final target of {leading_number(final.text)}"
    return replace(result, text=f"{result.text} {said}.")


_PAIR = re.compile(r"^\s*(?P<label>[^:\[]+?)\s*(?:\[\d+\])?:\s*(?:USD\s*)?[\d][\d,. \xa0]*\s*\[(?P<n>\d+)\]")
_NOT_PART = {
    "share",
    "percentage",
    "proportion",
    "total",
    "budget",
    "project",
    "resources",
    "contribute",
    "contributes",
}


def with_share(result: FactResult, question: str) -> FactResult:
    """ "What share of the total budget does Norway contribute?": of the answer's "label: figure"
    parts, the one whose label the question names as a share of the one labelled a total."""
    if "as a share of" in result.text:
        return result  # the fact path computed it already
    pairs = []
    for part in re.split(r";\s*|\.\s+(?=[A-Z])", result.text):
        m = _PAIR.match(part) or _PAIR.match(re.sub(r"^[^:\[]+:\s*(?=\D)", "", part))  # "Funding: Total …"
        if m and 0 < int(m.group("n")) <= len(result.evidence):
            pairs.append((m.group("label").lower(), result.evidence[int(m.group("n")) - 1]))
    whole = next((e for label, e in pairs if re.search(r"\btotal\b", label)), None)
    # a word of the question begins a word of the label ("Norway", "Royal Norwegian Embassy")
    asked = {w[:4] for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in _NOT_PART}
    parts = [e for label, e in pairs if e is not whole and {w[:4] for w in re.findall(r"[a-z]{4,}", label)} & asked]
    if whole is None or len(parts) != 1:
        return result
    a, b = Cell("value", parts[0].quote), Cell("value", whole.quote)
    shown = computed(a, b, "%")
    return replace(result, text=f"{result.text} {shown}.") if shown else result

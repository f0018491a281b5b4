"""Questions about a set of rows rather than one: "Which activity does ZERDE co-implement?"
(the rows whose responsible-party or funding-source cell names it), "which of output 3's
activities gets the most money in 2023?" (the row with the largest amount of that year, beside
the runner-up), "add up output 3's activities" (their amounts beside the stated sub-total), and
"how much GMS is charged?" (each output's GMS row, added up by year).
Every figure is a cited cell or a sum computed from cited cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from assistant.answer.arithmetic import summed
from assistant.answer.fact_types import CellAnswer, Evidence, FactResult, id_order, merge, period_cell
from assistant.answer.query import Query
from assistant.answer.table_rows import asks_lowest, asks_superlative
from assistant.core.records import Cell, Record
from assistant.core.text import clean, stems, to_number

_WHICH_ACTIVITY = re.compile(
    r"\b(?:which|what)\s+(?:(?:one|ones)\s+)?(?:of\s+(?:its|their|the|output\s+\d+['’]?s?)\s+)?activit(?:y|ies)\b"
    r"|\bкак(?:ое|ие)\s+(?:из\s+)?мероприяти\w*",
    re.IGNORECASE,
)
_MONEY = re.compile(r"\b(?:money|budget\w*|funds?|funding|amount|cost\w*|spend\w*|allocat\w*|бюджет\w*|денег)\b")
PARTY_ROLES = ("responsible_party", "funding_source")
_PARTY_SPLIT = re.compile(r"\s*(?:[/,;()&+\n]|\band\b)\s*")  # "UNDP / APA / NU"


def asks_which_activity(text: str) -> bool:
    """ "Which activity …?", "which of its activities …?": a question that selects rows."""
    return _WHICH_ACTIVITY.search(text) is not None


def chosen_activities(rows: Sequence[Record], query: Query) -> FactResult | None:
    """The activities a "which activity …?" question selects, or None when it selects none."""
    if not asks_which_activity(query.text.split(" (")[0]):
        return None  # the question's own words, not the context a follow-up carries
    if query.outputs:
        rows = [r for r in rows if r.key.split(".")[0] in query.outputs]
    if asks_superlative(query.text) and (query.wants("amount") or _MONEY.search(query.text)):
        return _largest(rows, query)
    return _by_party(rows, query)


def _named_parties(cell: Cell, asked: set[str]) -> bool:
    """The cell names a party the question names in full: "Ministry of Water" (not "Water User
    Associations" for it), "ZERDE" of "UNDP / ZERDE"."""
    return any((words := stems(party)) and words <= asked for party in _PARTY_SPLIT.split(cell.text))


def _by_party(rows: Sequence[Record], query: Query) -> FactResult | None:
    """The rows whose responsible party or funding source the question names ("ZERDE"); a name
    most rows share ("UNDP") selects nothing."""
    asked = stems(query.text)
    named = [(r, [c for role in PARTY_ROLES for c in r.cells_of(role) if _named_parties(c, asked)]) for r in rows]
    hits = [(r, cells) for r, cells in named if cells]
    if not hits or len(hits) * 2 > len(rows):
        return None
    results = []
    for record, cells in sorted(hits, key=lambda h: id_order(h[0].key)):
        ans = CellAnswer(record)
        for cell in cells:
            ans.cite(cell.role.replace("_", " "), cell)
        results.append(ans.result(f"Activity {record.key} ({clean(record.label)})"))
    return replace(results[0], subject=f"activity {hits[0][0].key}") if len(results) == 1 else merge(results)


def _amount(record: Record, year: int | None) -> tuple[float, list[Cell]] | None:
    """The row's amount for ``year`` (one cell), or over all its years (the sum of its cells)."""
    yearly = [c for c in record.cells_of("amount") if c.period is not None]
    cells = [c] if year is not None and (c := period_cell(yearly, year=year)) else ([] if year else yearly)
    values = [to_number(c.text) for c in cells]
    if not cells or any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None), cells


def _largest(rows: Sequence[Record], query: Query) -> FactResult | None:
    """The row with the largest (or smallest) amount of the asked year, else over all years,
    with the runner-up so that the choice can be checked."""
    year = query.years[0] if len(query.years) == 1 else None
    scored = [(a[0], r, a[1]) for r in rows if (a := _amount(r, year)) is not None]
    if len(scored) < 2:
        return None
    low = asks_lowest(query.text)
    scored.sort(key=lambda t: (t[0] if low else -t[0], id_order(t[1].key)))
    (value, best, cells), (_, second, second_cells) = scored[0], scored[1]
    if value == scored[1][0]:
        return None  # a tie: no one activity is the answer
    which = "smallest" if low else "largest"
    what = f"the {which} {year} amount" if year else f"the {which} amount over all years"
    group = f"Output {query.outputs[0]}'s" if len(query.outputs) == 1 else "the"
    ans = CellAnswer(best)
    for c in cells:
        ans.cite(c.period.describe() if c.period else "amount", c, unit="USD ")
    result = ans.result(f"Activity {best.key} ({clean(best.label)}) has {what} of {group} {len(scored)} activities")
    runner = CellAnswer(second)
    for c in second_cells:
        runner.cite(c.period.describe() if c.period else "amount", c, unit="USD ")
    merged = merge([result, runner.result(f"Next: Activity {second.key}")])
    sums = [f"Activity {r.key}, {s}" for r, c in ((best, cells), (second, second_cells)) if (s := summed(c))]
    text = f"{merged.text} {'; '.join(sums)}." if sums else merged.text
    return FactResult(text, merged.evidence, notes=merged.notes, subject=f"activity {best.key}")


def activities_added(rows: Sequence[Record], totals: Sequence[Record], output: str) -> FactResult | None:
    """An output's activities, each with its amount over all years, added up and set beside
    the output's stated sub-total (with the work plan's note when they differ)."""
    rows = [r for r in rows if r.key.split(".")[0] == output]
    lines = [[c for c in r.cells if c.role == "line_amount" and c.period is None] for r in rows]
    if not rows or any(len(cells) != 1 for cells in lines):
        return None  # an activity without one amount for all its years: nothing to add up
    evidence: list[Evidence] = []
    parts = []
    for record, (cell,) in zip(rows, lines):
        evidence += [Evidence(record.label_cell or record.label, record), Evidence(cell.text, record, cell.column)]
        parts.append(f"Activity {record.key} [{len(evidence) - 1}]: USD {clean(cell.text)} [{len(evidence)}]")
    text = f"Output {output}: " + "; ".join(parts) + f". {summed([c for (c,) in lines])}."
    notes: list[str] = []
    stated = next((r for r in totals if r.key == f"subtotal {output}"), None)
    if stated is not None and (total := stated.cell("total")) is not None:
        evidence += [
            Evidence(stated.label_cell or stated.label, stated),
            Evidence(total.text, stated, total.column),
        ]
        text += f" {clean(stated.label)} [{len(evidence) - 1}]: USD {clean(total.text)} [{len(evidence)}]."
        notes = list(stated.notes)
    return FactResult(text, evidence, notes=notes)  # a difference is the work plan's note


def rows_added(found: Sequence[tuple[Record, FactResult]]) -> FactResult:
    """Rows of one name under several outputs ("GMS (8%)" under each), each answered and named
    by its output, with their amounts added up for each year they all give."""
    named = [replace(r, text=f"{record.group.split(' - ')[0].split(' – ')[0]}: {r.text}") for record, r in found]
    merged = merge(named)
    if merged.refused:
        return merged
    records = [record for record, _ in found]
    cited = {(e.quote, e.column) for e in merged.evidence}
    years = sorted({c.period.year for c in records[0].cells_of("amount") if c.period and c.period.year})
    sums = []
    for year in years:
        cells = [period_cell([c for c in r.cells_of("amount") if c.period], year=year) for r in records]
        if all(c is not None and (c.text, c.column) in cited for c in cells) and (s := summed([c for c in cells if c])):
            sums.append(f"{year}: {s}")
    return replace(merged, text=f"{merged.text} Together, {'; '.join(sums)}." if sums else merged.text)

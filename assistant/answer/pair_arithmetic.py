"""Two figures a fact answer cites, set against each other or added when the question asks so:
"how much more is budgeted for Activity 2.2 in 2025 than in 2024?" cites both years' cells, and
the answer shows "Difference, computed: 1 100 000 − 250 000 = 850,000"; "the total of Activity 2.2
and 2.3 in 2025" shows their sum. The operands are the two cells cited, or each of two rows' first
figure (a sub-total's total before its years); with any other count nothing is computed, since
which two the question means is then a guess."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from assistant import profiles
from assistant.answer.arithmetic import gap, summed
from assistant.answer.fact_types import Evidence, FactResult
from assistant.answer.query import parse_query
from assistant.core.records import Cell
from assistant.core.text import clean, to_number


@cache
def _cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    data = profiles.load("questions").get("pair_arithmetic") or {}
    return {kind: tuple(profiles.rx(p) for p in pats) for kind, pats in data.items()}


def _asks(kind: str, question: str) -> bool:
    return any(p.search(question) for p in _cues().get(kind, ()))


def with_pair(result: FactResult, question: str) -> FactResult:
    """The answer with the difference (and the larger named) or the sum of its two figures,
    when the question asks for one and the answer computed nothing yet."""
    if result.refused or "computed:" in result.text:
        return result
    adding = _asks("sum", question)
    if not (adding or _asks("difference", question)):
        return result
    query = parse_query(question)
    wanted = {"expenditure"} if query.wants("expenditure") else {"budget", "amount"} if query.wants("amount") else set()
    pair = _operands(result.evidence, wanted)
    if pair is None:
        return result
    (a, at), (b, bt) = pair
    if adding:
        shown = summed([a, b])
        return replace(result, text=f"{result.text} Together, {shown}.") if shown else result
    shown = gap(a, b)
    if shown is None:
        return replace(result, text=f"{result.text} The two figures are equal.")
    said = f"{result.text} Difference, {shown}."
    if _asks("which", question):
        larger = at if (to_number(a.text) or 0) > (to_number(b.text) or 0) else bt
        said += f" The larger: {larger}."
    return replace(result, text=said)


def _role(e: Evidence) -> str:
    return next((c.role for c in e.record.cells if c.text == e.quote and c.column == e.column), "")


def _operands(evidence: list[Evidence], wanted: set[str]) -> tuple[tuple[Cell, str], tuple[Cell, str]] | None:
    """The two figures to set against each other, each as a cell and as the answer shows it
    ("USD 90 000 [4]"), or None."""
    by_row: dict[int, list[int]] = {}
    for n, e in enumerate(evidence):
        if e.column and to_number(e.quote) is not None:  # a cell's figure, not a row's label
            by_row.setdefault(id(e.record), []).append(n)
    rows = list(by_row.values())
    if len(rows) == 2 and all(len(r) > 1 for r in rows) and wanted:
        # budget, expenditure and rate of two outputs: the cells of the role asked for
        picked = [n for r in rows for n in r if _role(evidence[n]) in wanted]
        if len(picked) != 2:
            return None
    elif len(rows) == 2 and all(len(r) == 1 or evidence[r[0]].record.kind == "total" for r in rows):
        picked = [rows[0][0], rows[1][0]]  # a sub-total's total comes before its years
    elif len(rows) == 1 and len(rows[0]) == 2:
        picked = rows[0]
    else:
        return None
    quotes = [evidence[n].quote for n in picked]
    if len({"%" in q for q in quotes}) != 1:
        return None  # a share and a count are not set against each other
    first, second = ((Cell("value", q), f"{clean(q)} [{n + 1}]") for q, n in zip(quotes, picked))
    return first, second

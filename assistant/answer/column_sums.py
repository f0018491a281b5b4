"""A column of a table added up over its rows: "what do the two planned evaluations cost
together?", "what do all the costed items in the monitoring plan add up to?". Each row's cell
is cited and the sum computed from them; rows without a figure in that column are named as such."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.arithmetic import summed
from assistant.answer.fact_types import CellAnswer, FactResult, merge
from assistant.answer.query import Query
from assistant.answer.table_rows import wanted_columns
from assistant.core.records import Cell, Record
from assistant.core.text import clean, stems, to_number

MIN_ROWS = 2  # one row's figure is no sum


def column_total(records: Sequence[Record], query: Query) -> FactResult | None:
    """The sum of the asked column over the rows the question names: the rows of a table whose
    heading it names ("the monitoring plan"), else two or more rows of one table whose labels
    hold its words ("the evaluations"); None when no table is named so."""
    if not query.wants("sum"):
        return None
    asked = stems(query.text)
    tables: dict[tuple[str, int | None], list[Record]] = {}
    for r in records:
        tables.setdefault((r.source, r.location.table), []).append(r)
    for rows in tables.values():
        rows.sort(key=lambda r: r.location.row or 0)  # in the table's order
        heading = stems(rows[0].location.heading)
        if heading and heading <= asked:
            scope = rows
        else:  # the rows that share one of the question's words: "the evaluations", not one row each
            # of "farmer" and "field" for "the farmer field schools"
            by_word = [[r for r in rows if w in stems(r.label) - heading] for w in asked] if heading else []
            scope = max(by_word, key=len, default=[])
        if len(scope) < MIN_ROWS:
            continue
        figures = [(r, c) for r in scope for c in _figures(wanted_columns(query, r))]
        if len(figures) >= MIN_ROWS and len({c.column for _, c in figures}) == 1:
            return _answer(figures, [r for r in scope if all(r is not f for f, _ in figures)])
    return None


def _figures(cells: list[Cell]) -> list[Cell]:
    return [c for c in cells if to_number(c.text) is not None]


def _answer(figures: list[tuple[Record, Cell]], without: list[Record]) -> FactResult:
    parts = []
    for record, cell in figures:
        ans = CellAnswer(record)
        ans.cite(cell.column.split(" > ")[-1], cell)
        parts.append(ans.result(clean(record.label)))
    result = merge(parts)
    result.text += f" {summed([c for _, c in figures])}."
    if without:
        names = ", ".join(clean(r.label) for r in without)
        result.text += f" No figure is given for: {names}."
    return result

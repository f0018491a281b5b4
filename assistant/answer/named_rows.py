"""Rows a question names as a whole: every row of the table whose label column a plural names
("what qualifications …?" → the "Qualification" column), and a row named by every word of its
label ("the terminal evaluation"), which answers before an activity that only mentions it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.fact_types import Evidence, FactResult
from assistant.answer.query import Query
from assistant.core.records import Cell, Record
from assistant.core.text import clean, stem, stems

# "what qualifications does the project have to address?": a plural the question opens with
_LISTS = re.compile(r"^\s*(?:what|which|list)\s+(?:are|were|is)?\s*(?:all\s+)?(?:the\s+)?([a-z]{4,}s)\b")
MAX_LISTED = 12


def rows_listed(records: Sequence[Record], query: Query) -> FactResult | None:
    """Every row of the one table whose label column the question's plural names ("what
    qualifications …" → the "Qualification" column), each cited from its cell; None when no
    table, or more than one, has such a column, or the question names a row by its number."""
    m = _LISTS.match(query.text)
    if not m or query.numbered or query.outputs:
        return None
    asked = stem(m.group(1))
    tables: dict[tuple[str, int | None], list[tuple[Record, Cell]]] = {}
    for r in records:
        named = next((c for c in r.cells if c.column and clean(c.text) == clean(r.label)), None)
        if named and stems(named.column.split(" > ")[-1]) == {asked}:
            tables.setdefault((r.source, r.location.table), []).append((r, named))
    if len(tables) != 1:
        return None
    rows = next(iter(tables.values()))
    if len(rows) < 2 or len(rows) > MAX_LISTED:
        return None
    evidence = [Evidence(cell.text, record, cell.column) for record, cell in rows]
    listed = "; ".join(f"{clean(cell.text)} [{i}]" for i, (_, cell) in enumerate(rows, start=1))
    header = rows[0][1].column.split(" > ")[-1]
    return FactResult(f"The table in {rows[0][0].source} lists these under “{header}”: {listed}.", evidence)


def row_named_whole(query: Query, record: Record, rows: Sequence[Record]) -> bool:
    """Another table's row is named by every word of its label (two or more), one or more of
    them the question's subject words ("terminal evaluation"; "final evaluation", whose
    "final" is also a target's word), and ``record`` is not."""
    asked = stems(query.text)
    if stems(record.label) <= asked:
        return False
    subject = stems(" ".join(query.subject_words))
    return any(len(own := stems(r.label)) >= 2 and own <= asked and own & subject for r in rows)

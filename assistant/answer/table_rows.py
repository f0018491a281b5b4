"""Row-and-column answers from any table with a header: a risk log ("who owns risk 3?"), a
monitoring plan ("how often is Monitor and Manage Risk done, and who is the partner?"), a
cover page of field/value rows ("start date", "implementing partner"), ratings and budget
delivery tables ("how much of output 2's 2022 budget was spent?").

A row is chosen by its number or its label (``matching``), a column by the words of its
header path; each value is cited from its cell, and arithmetic on cited cells is shown as
"computed: a − b = c" so that a reader (and the evaluation) can check it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.matching import Embed, RecordMatcher
from assistant.answer.query import Query
from assistant.core.records import Cell, Record
from assistant.core.text import clean, key_terms, stem, to_number

# question words that point at a column although the header uses another word
_COLUMN_WORDS = {
    "who": ("owner", "responsible", "partner", "partners", "party", "member", "members", "name"),
    "owner": ("owner", "responsible"),
    "often": ("frequency",),
    "frequency": ("frequency",),
    "when": ("date", "frequency", "completion", "timing"),
    "likelihood": ("likelihood", "probability"),
    "impact": ("impact",),
    "cost": ("cost", "budget", "amount"),
    "mitigation": ("mitigation", "response", "treatment", "management"),
    "status": ("status",),
    "partner": ("partner", "partners"),
    "владел": ("owner",),
    "ответствен": ("owner", "responsible"),
    "вероятност": ("likelihood", "probability"),
    "влияни": ("impact",),
    "статус": ("status",),
    "частот": ("frequency",),
    "стоимост": ("cost",),
}


def _stems(text: str) -> set[str]:
    return {stem(w) for w in key_terms(text)}


def _wanted_columns(query: Query, record: Record) -> list[Cell]:
    """The cells whose column header the question names (directly or by a column word)."""
    words = _stems(query.text)
    extra = {
        stem(w) for q, alts in _COLUMN_WORDS.items() if any(t.startswith(q) for t in query.text.split()) for w in alts
    }
    label_words = _stems(record.label)
    out = []
    for c in record.cells:
        header = _stems(c.column.split(" > ")[-1] if c.column else c.role)
        if c.text.strip() == (record.label_cell or "").strip():
            continue
        if header & (words | extra) - label_words or header & extra:
            out.append(c)
    return out


def _number_in_question(query: Query) -> str | None:
    m = re.search(r"\b(?:risk|row|no\.?|#|риск\w*)\s*(\d{1,3})\b", query.text)
    return m.group(1) if m else None


def row_answer(
    records: Sequence[Record], query: Query, question: str, embed: Embed | None
) -> tuple[Record, list[Cell]] | None:
    """The row the question names and the cells it asks for, or None."""
    if not records:
        return None
    number = _number_in_question(query)
    row: Record | None = None
    if number:
        row = next((r for r in records if clean(r.label_cell) == number or r.key == number), None)
    if row is None:
        words = [w for w in key_terms(query.text) if len(w) > 2]
        row = RecordMatcher(list(records), embed).best(words, question)
    if row is None:
        return None
    cells = _wanted_columns(query, row)
    if not cells:
        # a field/value row ("Start Date | 1 January 2020"): the value is the other cell
        values = [c for c in row.cells if c.text.strip() != (row.label_cell or "").strip() and c.text.strip()]
        if len(values) == 1:
            cells = values
    return (row, cells) if cells else None


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
    return f"computed: {clean(a.text)} {sign} {clean(b.text)} = {shown}"

"""Typed facts read from tables and forms: records made of cells with a role and a period.

A ``Record`` is one row of a recognised table (an indicator, a work-plan activity with its
budget lines, a total, a progress-report row, a rating) or one part of a QA form (a section
rating, a question with its selected level). Its ``cells`` keep the document's text exactly,
each with the role its column plays (from the template profiles in ``assistant/profiles``),
the column's header path and, for per-period columns, the period it covers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.core.types import Location

RecordKind = Literal[
    "indicator",  # a results-framework or progress-report indicator row
    "activity",  # a work-plan activity with its amounts and budget lines
    "total",  # a sub-total, total, GMS or grand-total row of a budget
    "delivery",  # budget vs expenditure of an output (a progress report)
    "rating",  # a criterion rated in a review or evaluation table
    "qa_section",
    "qa_question",
    "table_row",  # a row of any other table with a header
    "table_map",  # how a table's columns were understood, or why it was rejected
]
PeriodKind = Literal["year", "project_year", "midterm", "final", "annual"]


@dataclass(frozen=True)
class Period:
    """The period a column covers: a calendar year, a project year, mid-term, end of project."""

    kind: PeriodKind
    year: int | None = None  # calendar year, when known from the header or the project period
    index: int | None = None  # project year N ("Year 2")
    label: str = ""  # the header as written ("Year 2 (2022)", "2022", "End of project")

    def describe(self) -> str:
        """How the answer names the period: "Year 2 (2022)", "2022", "end-of-project"."""
        if self.kind == "project_year":
            return f"Year {self.index} ({self.year})" if self.year else f"Year {self.index}"
        if self.kind == "year":
            return str(self.year)
        if self.kind == "annual":
            return f"annual ({self.year})" if self.year else "annual"
        return {"midterm": "mid-term", "final": "final"}[self.kind]

    def matches_year(self, year: int) -> bool:
        return self.year == year and self.kind in ("year", "project_year", "annual")


@dataclass(frozen=True)
class Cell:
    """One cell of a record, verbatim, with what it means."""

    role: str  # a profile role: baseline, target, achieved, amount, responsible_party, rating…
    text: str  # the cell exactly as in the document (quotable)
    column: str = ""  # the column's header path ("TARGETS > Year 2")
    period: Period | None = None
    line: str = ""  # for a budget line's amounts: the line's code or description
    row: int | None = None  # the cell's own table row when the record spans rows


@dataclass(frozen=True)
class Record:
    """A typed fact from a table row or a QA form."""

    kind: RecordKind
    key: str  # the identifier as written ("2.3", "1.1.2", "3"), or a normalised label
    label: str  # what the row is about (indicator / activity text, total label)
    cells: tuple[Cell, ...]
    location: Location
    source: str
    group: str = ""  # the output or section the row belongs to
    notes: tuple[str, ...] = field(default_factory=tuple)  # consistency notes
    label_cell: str = ""  # the verbatim cell that names the row (cited first)
    table: str = ""  # the profile table kind ("results_framework", "work_plan"…)

    def cell(self, role: str, period: Period | None = None, line: str | None = None) -> Cell | None:
        """The first cell with ``role`` (and ``period`` / budget ``line`` when given)."""
        for c in self.cells:
            if c.role == role and (period is None or c.period == period) and (line is None or c.line == line):
                return c
        return None

    def cells_of(self, role: str) -> list[Cell]:
        return [c for c in self.cells if c.role == role]

    def text(self, role: str) -> str:
        """The text of the first ``role`` cell, "" when absent."""
        c = self.cell(role)
        return c.text if c else ""

    def periods(self, role: str) -> list[Period]:
        return list(dict.fromkeys(c.period for c in self.cells if c.role == role and c.period is not None))


def _period_json(p: Period | None) -> dict[str, object] | None:
    return None if p is None else {"kind": p.kind, "year": p.year, "index": p.index, "label": p.label}


def dump_body(record: Record) -> str:
    """The record's cells (and naming cell, table kind) as the JSON the store keeps."""
    import json

    cells = [
        {
            "role": c.role,
            "text": c.text,
            "column": c.column,
            "period": _period_json(c.period),
            "line": c.line,
            "row": c.row,
        }
        for c in record.cells
    ]
    return json.dumps({"cells": cells, "label_cell": record.label_cell, "table": record.table})


def load_body(body: str) -> tuple[tuple[Cell, ...], str, str]:
    """(cells, label_cell, table) from ``dump_body``'s JSON."""
    import json

    raw = json.loads(body)
    cells = tuple(
        Cell(
            c["role"],
            c["text"],
            c.get("column", ""),
            Period(**c["period"]) if c.get("period") else None,
            c.get("line", ""),
            c.get("row"),
        )
        for c in raw.get("cells", [])
    )
    return cells, raw.get("label_cell", ""), raw.get("table", "")


_HEADS = {"indicator": "Indicator", "activity": "Activity", "qa_question": "QA question", "qa_section": "QA section"}


def cell_label(cell: Cell) -> str:
    """How a cell is named in a sentence: "Year 2 (2022) target", "baseline", "2021 amount"."""
    role = cell.role.replace("_", " ")
    if cell.period is None:
        return role
    if cell.period.kind == "final":
        return f"final {role}"
    if cell.period.kind == "midterm":
        return f"mid-term {role}"
    return f"{cell.period.describe()} {role}"


def cell_name(cell: Cell) -> str:
    """How a data cell is named: by its role ("Year 2 (2022) target"), or by its column's header
    when the column has no known role ("Literacy rate")."""
    if cell.role == "column" and cell.column:
        return " ".join(cell.column.split())
    return cell_label(cell)


def describe_record(record: Record) -> str:
    """The record as one sentence made of its own cells (for retrieval and listings)."""
    head = _HEADS.get(record.kind, "")
    # the row's own naming cell, verbatim ("2.3 – Number of participants …"), so that a search
    # for the document's words finds the record; else the key and label
    named = " ".join(record.label_cell.split()) if record.label_cell else ""
    if named and head and not named.lower().startswith(head.lower()):
        named = f"{head} {named}"
    name = named or " ".join(x for x in (head, record.key if head else "", record.label) if x)
    parts = [f"{name}" + (f" ({record.group})" if record.group else "") + "."]
    lines: list[str] = []
    for c in record.cells:
        if c.role in ("option", "evidence"):
            continue
        if c.line:
            if c.line not in lines:
                lines.append(c.line)
            continue
        text = " ".join(c.text.split()) or "empty"
        label = cell_name(c)
        parts.append(f"{label[:1].upper()}{label[1:]}: {text}.")
    if lines:
        parts.append(f"Budget lines: {', '.join(lines)}.")
    return " ".join(parts)

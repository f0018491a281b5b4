"""Records from the data rows of an understood table (see ``roles``).

Indicator-keyed tables (results frameworks, progress reports), ratings and delivery tables
give one record per row. Work plans give one record per activity, with its per-period
amounts and the cells of its budget lines (rows below it with an empty activity cell), and
one record per total row (sub-total per output, GMS, total, grand total). Every cell is
kept verbatim with its role, its column's header path and its period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant import profiles
from assistant.core.records import Cell, Record
from assistant.core.text import clean, to_number
from assistant.core.types import Location, TableRow
from ingest.tables.headers import cell_text
from ingest.tables.roles import Column, Layout


def _cell(row: TableRow, col: Column) -> str:
    """The cell's verbatim text ("" when the row is short or the cell empty)."""
    if col.index >= len(row.cells):
        return ""
    text = row.cells[col.index].strip()
    return text if cell_text(text) else ""


def total_key(label: str) -> str | None:
    """ "subtotal 2", "gms", "total", "grand total" for a budget total row's label, else None."""
    pats = profiles.total_patterns()
    text = pats["excluded"].sub(" ", clean(label))
    if pats["subtotal"].search(text):
        m = pats["output"].search(text)
        return f"subtotal {m.group(1)}" if m else "subtotal"
    for name in ("gms", "grand_total", "total"):
        if pats[name].search(text):
            return name.replace("_", " ")
    return None


@dataclass
class RowReader:
    """Reads the data rows of one table (and of its headerless continuations)."""

    layout: Layout
    source: str
    heading: str
    records: list[Record] = field(default_factory=list)
    group: str = ""
    group_cell: str = ""
    activity: Record | None = None
    by_label: bool | None = None  # rows named by their label: the key column has no identifiers

    def read(self, rows: list[TableRow]) -> None:
        if self.by_label is None and self.layout.kind.key in ("indicator", "activity"):
            col = self.layout.column(self.layout.kind.key)
            pattern = profiles.identifier(self.layout.kind.key)
            cells = [clean(_cell(r, col)) for r in rows] if col else []
            self.by_label = not any(pattern.match(c) for c in cells if c)
        for row in rows:
            if not any(cell_text(c) for c in row.cells):
                continue
            if self.layout.kind.name == "work_plan":
                self._work_plan_row(row)
            else:
                self._keyed_row(row)

    # one record per row ------------------------------------------------------------------
    def _keyed_row(self, row: TableRow) -> None:
        kind = self.layout.kind
        key_col = self.layout.column(kind.key)
        assert key_col is not None
        label_cell = _cell(row, key_col)
        self._note_group(row)
        if not label_cell:
            return
        if len(row.cells) < self.layout.header.width and len([c for c in row.cells if cell_text(c)]) <= 1:
            return  # a caption or section line inside the table, not a data row
        key, label = label_cell, clean(label_cell)
        if kind.name == "qa_questions":
            self.records.append(self._qa_question(row, clean(label_cell).rstrip(".")))
            return
        if kind.key == "indicator":
            m = profiles.identifier("indicator").match(clean(label_cell))
            if not m and not self.by_label:
                return  # among numbered indicators, an unnumbered cell is a caption or a wrapped line
            key = m.group(1) if m else clean(label_cell).lower()[:80]
            label = clean(m.group(2) or "") if m else clean(label_cell)
            label = label or self._description(row, key_col)
        else:
            key = clean(label_cell).lower()[:80]
        cells = tuple(
            Cell(c.role, text, c.path, c.period)
            for c in self.layout.columns
            if c.index != key_col.index and c.role != "output" and ((text := _cell(row, c)) or c.period)
        )  # an empty per-period cell is kept: "the cell is empty" is an answer
        record_kind = {"work_plan": "activity", "delivery": "delivery", "ratings": "rating"}.get(kind.name, "indicator")
        self.records.append(
            Record(
                record_kind,  # type: ignore[arg-type]
                key,
                label,
                cells,
                self._loc(row.location),
                self.source,
                self.group,
                label_cell=label_cell,
                table=kind.name,
            )
        )

    def _qa_question(self, row: TableRow, number: str) -> Record:
        """A QA form's question laid out as a table row, as the form's text would give it: its
        rating as the level marked, its evidence, its criterion as its group."""
        cell = {c.role: _cell(row, c) for c in self.layout.columns}
        question = cell.get("question", "")
        cells = [Cell("selected", cell["rating"], line=clean(cell["rating"]))] if cell.get("rating") else []
        cells += [Cell("evidence", cell["evidence"], row=1)] if cell.get("evidence") else []
        return Record(
            "qa_question",
            number,
            clean(question),
            tuple(cells),
            self._loc(row.location),
            self.source,
            self.group,
            label_cell=question,
            table="qa_questions",
        )

    def _description(self, row: TableRow, key_col: Column) -> str:
        """A row's name when its key cell holds only the identifier: the next text cell."""
        mapped = {c.index for c in self.layout.columns}
        for j, text in enumerate(row.cells):
            if j != key_col.index and j not in mapped and len(re.findall(r"[^\W\d_]", text)) >= 3:
                return clean(text)
        return clean(row.cells[key_col.index])

    def _note_group(self, row: TableRow) -> None:
        out_col = self.layout.column("output") or self.layout.column("group")
        text = _cell(row, out_col) if out_col else ""
        if not text and len(row.cells) == 1:
            text = row.cells[0].strip() if profiles.identifier("output").match(clean(row.cells[0])) else ""
        output = profiles.identifier("output")
        if text and output.match(self.group) and not output.match(clean(text)) and not self._leaves_output(row):
            return  # the rest of a merged output cell that a PDF page or a wrapped line split off
        if text:
            self.group_cell = text.split("\n")[0].strip()
            self.group = clean(self.group_cell)

    def _leaves_output(self, row: TableRow) -> bool:
        """The row's activity is numbered outside the current output ("Project management and
        M&E | PM.1 …" after Output 3's activities): its group cell starts a group of its own."""
        col = self.layout.column("activity")
        m = profiles.identifier("activity").match(clean(_cell(row, col))) if col else None
        group = profiles.identifier("output").match(self.group)
        return bool(m and group and m.group(1).split(".")[0] != group.group(1))

    # work plans ----------------------------------------------------------------------------
    def _work_plan_row(self, row: TableRow) -> None:
        texts = [cell_text(c) for c in row.cells]
        label_index = next((j for j, t in enumerate(texts) if t and to_number(t) is None), None)
        label = row.cells[label_index].strip() if label_index is not None else ""
        is_activity = bool(profiles.identifier("activity").match(clean(label)))
        if label and (key := total_key(label)) and not is_activity:
            self._total_row(row, key, label)
            return
        narrow = len(row.cells) < self.layout.header.width
        if narrow and label and not is_activity and any(to_number(t) is not None for t in texts if t):
            self._total_row(row, clean(label).lower()[:80], label)  # "UNDP parallel contribution | 360 000"
            return
        self._note_group(row)
        act_col = self.layout.column("activity")
        assert act_col is not None
        if len(row.cells) < self.layout.header.width:
            return  # a row narrower than the table that is not a total: nothing reliable to map
        activity_cell = _cell(row, act_col)
        if activity_cell and not self.by_label and self.activity is not None:
            if not profiles.identifier("activity").match(clean(activity_cell)):
                # among numbered activities, the rest of one cut by a page break: its name goes on
                name = f"{self.activity.label} {clean(activity_cell)}".strip()
                self.activity = self._replace(self.activity, replace(self.activity, label=name))
                activity_cell = ""
        if activity_cell:
            m = profiles.identifier("activity").match(clean(activity_cell))
            key = m.group(1) if m else clean(activity_cell).lower()[:80]
            name = clean(m.group(2)) if m and m.group(2) else clean(activity_cell)
            self.activity = Record(
                "activity",
                key,
                name,
                (),
                self._loc(row.location),
                self.source,
                self.group,
                label_cell=activity_cell.split("\n")[0].strip(),
                table="work_plan",
            )
            self.records.append(self.activity)
        if self.activity is None:
            return
        cells = list(self.activity.cells)
        line = self._line_name(row)
        for col in self.layout.columns:
            if col.index == act_col.index or col.role == "output":
                continue
            text = _cell(row, col)
            if not text:
                continue
            on_line = col.on_line or col.role in self.layout.kind.line_roles
            if not activity_cell and not on_line:
                continue  # a budget-line row repeats no activity-level cell
            role = "line_amount" if col.on_line else col.role
            cells.append(Cell(role, text, col.path, col.period, line=line if on_line else "", row=row.location.row))
        updated = replace(
            self.activity, cells=tuple(cells), location=self.activity.location.span(self._loc(row.location))
        )
        self.activity = self._replace(self.activity, updated)

    def finished(self) -> list[Record]:
        """The records, each activity whose budget line is its own row ("1.2 Develop … | RAS |
        EU | Contractual services | 30 000 | 80 000 | …") with that line's amounts by period as
        its own: one line is the whole activity."""
        return [_own_line(r) if r.kind == "activity" else r for r in self.records]

    def _replace(self, old: Record, new: Record) -> Record:
        self.records[self.records.index(old)] = new
        return new

    def _line_name(self, row: TableRow) -> str:
        for role in ("budget_line", "budget_description", "funding_source"):
            col = self.layout.column(role)
            if col and (text := _cell(row, col)):
                return clean(text)
        return ""

    def _total_row(self, row: TableRow, key: str, label: str) -> None:
        """ "Sub-Total for Output 2 | … | 1 505 000": amounts by period where the row is full
        width, else one total (a narrow row's cells cannot be placed under the header)."""
        self.activity = None
        amount_cols = [c for c in self.layout.of("amount") if c.period is not None or not c.on_line]
        cells: list[Cell] = []
        spanned = self._label_spanned(row)
        if len(row.cells) == self.layout.header.width:
            cells = self._total_cells(row)
        elif spanned is not None:
            cells = self._total_cells(spanned)
        else:
            numbers = [c.strip() for c in row.cells if cell_text(c) and to_number(cell_text(c)) is not None]
            if len(numbers) == len(amount_cols) > 1:
                cells = [Cell("amount", t, c.path, c.period) for t, c in zip(numbers, amount_cols)]
            elif numbers:
                cells = [Cell("total", numbers[-1])]
        if key.startswith("subtotal") and key == "subtotal" and self.group:
            m = profiles.identifier("output").match(self.group)
            key = f"subtotal {m.group(1)}" if m else key
        self.records.append(
            Record(
                "total",
                key,
                clean(label),
                tuple(cells),
                self._loc(row.location),
                self.source,
                self.group,
                label_cell=label.split("\n")[0].strip(),
                table="work_plan",
            )
        )

    def _total_cells(self, row: TableRow) -> list[Cell]:
        cells = []
        for col in self.layout.of("amount"):
            if text := _cell(row, col):
                # a line-amount column without a period ("Amount") holds the row's total
                # … and a per-period one holds the row's amount for that period (a total row has no line)
                role = "total" if col.on_line and col.period is None else "amount"
                cells.append(Cell(role, text, col.path, col.period))
        return cells

    def _label_spanned(self, row: TableRow) -> TableRow | None:
        """A total row narrower than the header because its label spans the first columns
        ("TOTAL" over output and activity, read once): its cells placed from the right, kept
        only when its amounts by period add up to its total, which checks the placing."""
        shift = self.layout.header.width - len(row.cells)
        if shift <= 0 or not row.cells:
            return None
        placed = replace(row, cells=(row.cells[0], *[""] * shift, *row.cells[1:]))
        cells = self._total_cells(placed)
        by_period = [to_number(c.text) for c in cells if c.role == "amount" and c.period is not None]
        total = next((to_number(c.text) for c in cells if c.role == "total"), None)
        if len(by_period) < 2 or total is None or None in by_period:
            return None
        return placed if abs(sum(v for v in by_period if v is not None) - total) < 0.5 else None

    def _loc(self, loc: Location) -> Location:
        return replace(loc, heading=self.heading or self.layout.kind.title)


def _own_line(record: Record) -> Record:
    lines = [c for c in record.cells if c.role == "line_amount"]
    if record.cells_of("amount") or not any(c.period for c in lines) or len({c.row for c in lines}) != 1:
        return record  # amounts of its own, or several budget lines: kept as they are
    own = tuple(
        replace(c, role="amount" if c.period else "total", line="") if c.role == "line_amount" else c
        for c in record.cells
    )
    return replace(record, cells=own)

"""Tables understood from their headers, whatever the project or the format.

For each table block: its header rows become header paths (``headers``), the paths and the
data choose a kind and a role per column from the template profiles (``roles``), and the data
rows become typed records (``rows``). A headerless table right after a recognised one of the
same width continues it (a table split over pages). Every table yields a ``table_map``
record saying how it was understood — or why not: a table that looks like a results
framework or a work plan but whose columns cannot be mapped is reported, never guessed.
QA forms are read from their text (``qa_form``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.core.records import Cell, Record
from assistant.core.text import clean
from assistant.core.types import Block, Document, Location
from ingest.tables import checks
from ingest.tables.headers import candidates, cell_text, width_of
from ingest.tables.qa_form import recognise_qa
from ingest.tables.roles import Layout, understand
from ingest.tables.rows import RowReader

__all__ = ["recognise_qa", "recognise_tables", "table_period"]


def table_period(doc: Document) -> tuple[int, int] | None:
    """The project period from the document, else from a work plan's consecutive year columns."""
    if doc.period:
        return doc.period
    for block in doc.blocks:
        if block.kind != "table":
            continue
        heads = candidates(list(block.rows))
        layout, _ = understand(heads, list(block.rows), None) if heads else (None, None)
        if layout and layout.kind.name == "work_plan":
            years = sorted({c.period.year for c in layout.of("amount") if c.period and c.period.year})
            if len(years) >= 2 and years[-1] - years[0] == len(years) - 1:
                return years[0], years[-1]
    return None


def _map_record(doc: Document, block: Block, layout: Layout | None, reason: str | None, kind: str) -> Record:
    loc = replace(block.location, row=None, row_end=None)
    if layout is not None:
        cells = tuple(Cell(c.role, c.path, c.path, c.period) for c in layout.columns)
        label = f"{layout.kind.title} ({layout.header.reading} header, {len(layout.columns)} columns mapped)"
        return Record("table_map", layout.kind.name, label, cells, loc, doc.source, table=layout.kind.name)
    return Record(
        "table_map",
        "rejected" if reason else kind,
        reason or "a table with a header, read as rows",
        (),
        loc,
        doc.source,
        notes=((reason,) if reason else ()),
        table="",
    )


def _generic_rows(doc: Document, block: Block) -> list[Record]:
    """Rows of any other table with a header: each cell under its column's header path."""
    heads = candidates(list(block.rows))
    if not heads:
        return _field_rows(doc, block)
    header = heads[0]
    out = []
    for row in block.rows[header.first_data :]:
        texts = [cell_text(c) for c in row.cells]
        if sum(1 for t in texts if t) < 2 or len(row.cells) != header.width:
            continue
        label_cell = next(c.strip() for c, t in zip(row.cells, texts) if t)
        # a row is named by its first cell with words ("Risk 3" rows start with "3")
        name = next((t for t in texts if len(re.findall(r"[^\W\d_]", t)) >= 3), clean(label_cell))
        # a cell under an empty header is kept too ("| Government of Kazakhstan: | 4,300,000")
        cells = tuple(Cell("column", c.strip(), header.paths[j]) for j, c in enumerate(row.cells) if texts[j])
        heading = block.section[-1] if block.section else ""
        out.append(
            Record(
                "table_row",
                clean(label_cell).lower()[:80],
                name,
                cells,
                replace(row.location, heading=heading),
                doc.source,
                label_cell=label_cell,
            )
        )
    return out


def _field_rows(doc: Document, block: Block) -> list[Record]:
    """A table without a header (a cover page): its "Field | value" rows, two cells with text."""
    out = []
    heading = block.section[-1] if block.section else ""
    for row in block.rows:
        filled = [c.strip() for c in row.cells if cell_text(c)]
        if len(filled) == 3 and len(filled[0].split()) > 12:
            filled = filled[1:]  # a long text cell beside the field ("Brief description | Total … | 4,660,000")
        if len(filled) != 2 or len(filled[0].split()) > 8 or len(re.findall(r"[^\W\d_]", filled[0])) < 3:
            continue
        label, value = filled
        out.append(_field(label, value, replace(row.location, heading=heading), doc.source))
    return out


def _field(label: str, value: str, location: Location, source: str) -> Record:
    """A cover page's "Field | value", as a row of two cells."""
    return Record(
        "table_row",
        clean(label).lower().rstrip(": ")[:80],
        clean(label),
        (Cell("column", label), Cell("column", value)),
        location,
        source,
        label_cell=label,
    )


def recognise_tables(doc: Document) -> list[Record]:
    """Records of ``doc``'s tables and QA form, with consistency notes and table maps."""
    period = table_period(doc)
    start = period[0] if period else None
    parts: list[list[Record] | RowReader] = []  # in document order; a reader's records grow
    reader: RowReader | None = None
    for block in doc.blocks:
        if block.kind != "table" or not block.rows:
            continue
        rows = list(block.rows)
        heads = candidates(rows)
        layout, reason = understand(heads, rows, start) if heads else (None, None)
        if layout is None and reader is not None and not heads and width_of(rows) == reader.layout.header.width:
            reader.read(rows)  # a continuation of the previous table (split over pages)
            continue
        if layout is None:
            reader = None
            # a table that looks like a kind it cannot be mapped to is reported so, and its rows
            # are still read under their headers ("Score (P x I)" made a risk log look rated)
            parts.append([_map_record(doc, block, None, reason, "rows"), *_generic_rows(doc, block)])
            continue
        heading = block.section[-1] if block.section else layout.kind.title
        reader = RowReader(layout, doc.source, heading)
        reader.read(rows[layout.header.first_data :])
        parts += [[_map_record(doc, block, layout, None, layout.kind.name)], reader]
    records = [r for part in parts for r in (part.finished() if isinstance(part, RowReader) else part)]
    checked = [
        checks.check_indicator(r) if r.kind == "indicator" else checks.check_activity(r) if r.kind == "activity" else r
        for r in records
    ]
    qa = recognise_qa(doc)
    return _under_sections(checks.check_subtotals(checked), qa) + qa + cover_fields(doc)


def _under_sections(records: list[Record], qa: list[Record]) -> list[Record]:
    """A question table with no criterion column sits under its section's rating line
    ("Strategic - Quality Rating: Satisfactory"): its questions are that section's."""
    sections = sorted((r for r in qa if r.kind == "qa_section" and r.key != "overall"), key=_line)
    out = []
    for r in records:
        if r.kind == "qa_question" and not r.group:
            above = [s for s in sections if _line(s) < _line(r)]
            r = replace(r, group=above[-1].label) if above else r
        out.append(r)
    return out


def _line(record: Record) -> int:
    return record.location.line_start or 0


COVER_BLOCKS = 30  # a cover page's fields are among a document's first blocks
COVER_RUN = 3  # … and come several together: one "Risk 1: …" line is no cover page
# "Start date: 1 January 2024", "Implementing partner: UNDP …": a short label, a colon, a value
_FIELD_LINE = re.compile(r"^\s*([A-Z][\w ()/&'’.-]{2,60}?)\s*:\s+(\S.{0,400})$")


def cover_fields(doc: Document) -> list[Record]:
    """A cover page written as "Label: value" lines rather than a table: each line a field,
    as a headerless table's "Field | value" row would be. A value is no sentence."""
    runs: list[list[Record]] = [[]]
    for block in doc.blocks[:COVER_BLOCKS]:
        m = _FIELD_LINE.match(block.text) if block.kind in ("paragraph", "heading") else None
        value = m.group(2).strip() if m else ""
        if not m or len(m.group(1).split()) > 6 or "\n" in block.text.strip() or _sentence(value):
            runs.append([])
            continue
        heading = block.section[0] if block.section else ""
        runs[-1].append(_field(m.group(1).strip(), value, replace(block.location, heading=heading), doc.source))
    return [r for run in runs if len(run) >= COVER_RUN for r in run]


def _sentence(value: str) -> bool:
    return value.endswith(".") and len(value.split()) > 4

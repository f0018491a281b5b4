"""Recognise known tables and forms and turn them into typed Records.

Works on Blocks, whatever the file format: a results framework (indicator rows with
baseline and yearly targets), a multi-year work plan / budget (activities with yearly
amounts, budget lines, sub-totals and totals) and a QA report (sections, ratings,
questions, rubric options, the selected option, evidence). Every other table row stays
searchable as a generic row with its header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.core.text import clean, period_label, to_number
from assistant.core.types import Block, Document, Location, Record, TableRow

__all__ = ["clean", "period_label", "recognise_qa", "recognise_tables", "to_number"]

INDICATOR_CELL = re.compile(r"^\s*(\d+\.\d+)\s*[–—-]\s*(.+)$", re.DOTALL)
ACTIVITY_CELL = re.compile(r"^\s*Activity\s+(\d+\.\d+)\.?\s*(.*)$", re.DOTALL | re.IGNORECASE)
OUTPUT_CELL = re.compile(r"^\s*Output\s+(\d+)\b", re.IGNORECASE)
SUBTOTAL_CELL = re.compile(r"^\s*Sub-?\s*total\s+output\s+(\d+)", re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d\d\b")
QA_SECTIONS = (
    "Strategic",
    "Relevant",
    "Principled",
    "Management & Monitoring",
    "Efficient",
    "Effective",
    "Sustainability & National Ownership",
)
_RATING = re.compile(r"Quality Rating:\s*\**\s*([A-Za-z ]+?)\s*\**\s*$")
_QUESTION = re.compile(r"^\s*(\d{1,2})\.\s+(\S.*)$")
_OPTION = re.compile(r"^\s*[-*•]\s+(?:(\d)\s*:\s*)?(.*)$")


@dataclass
class _Layout:
    kind: str
    width: int
    years: list[str] = field(default_factory=list)  # budget: the calendar-year columns
    n_targets: int = 3  # results framework: how many "Year N" target columns


def _is_results_header(cells: list[str]) -> bool:
    text = " ".join(cells).upper()
    return "INDICATOR" in text and "BASELINE" in text


def _is_budget_header(cells: list[str]) -> bool:
    text = " ".join(cells).upper()
    return "ACTIVITIES" in text and ("BUDGET" in text or "AMOUNT" in text)


def _calendar_years(rows: list[TableRow]) -> list[str]:
    """Distinct calendar years in the header rows, in order ("2021", "2022", "2023")."""
    years: list[str] = []
    for row in rows[:4]:
        for cell in row.cells:
            c = clean(cell)
            if re.fullmatch(r"(19|20)\d\d", c) and c not in years:
                years.append(c)
    return years


def _target_periods(rows: list[TableRow]) -> int:
    """How many "Year N" target columns the results-framework header has (default 3)."""
    count = 0
    for row in rows[:4]:
        count = max(count, sum(1 for c in row.cells if re.fullmatch(r"Year\s*\d+", clean(c), re.IGNORECASE)))
    return count or 3


def _strip_bookmarks(cell: str) -> str:
    """Word bookmarks exported as "[bookmark: _Hlk…]" are not content."""
    return re.sub(r"\[bookmark: [^\]]*\]", "", cell)


class _Recogniser:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.records: list[Record] = []
        self.layout: _Layout | None = None  # carried to a headerless continuation table
        self.group = ""
        self.section = ""  # the heading above the recognised table ("Results Framework")
        self.activity: Record | None = None

    # results framework -------------------------------------------------------------
    def results_row(self, row: TableRow, n_targets: int) -> None:
        cells = list(row.cells)
        idx = next((i for i, c in enumerate(cells) if INDICATOR_CELL.match(c)), None)
        if idx is None:
            return
        before = [c for c in cells[:idx] if clean(c)]
        if before and OUTPUT_CELL.match(before[-1]):
            self.group = clean(before[-1].strip().split("\n")[0])
        m = INDICATOR_CELL.match(cells[idx])
        assert m
        after = cells[idx + 1 :]
        names = ["data_source", "baseline", "baseline_year"]
        names += [f"year_{k}" for k in range(1, n_targets + 1)] + ["final", "collection_method"]
        fields = {name: (after[i].strip() if i < len(after) else "") for i, name in enumerate(names)}
        fields["indicator"] = cells[idx].strip()
        fields["section"] = self.section
        self.records.append(
            Record("indicator", m.group(1), clean(m.group(2)), fields, row.location, self.doc.source, self.group)
        )

    # budget ----------------------------------------------------------------------------
    def budget_row(self, row: TableRow, years: list[str], width: int) -> None:
        cells = [_strip_bookmarks(c) for c in row.cells]
        nonempty = [c for c in cells if clean(c)]
        if not nonempty or not any(to_number(c) is not None for c in nonempty):
            return  # header rows and labels without amounts
        ny = len(years) or 3
        year_names = years or [f"year_{k}" for k in range(1, ny + 1)]
        if len(cells) == width and width >= 2 + ny:
            # output | activity | amount per year | responsible | funding | budget line | line amounts
            if OUTPUT_CELL.match(clean(cells[0])):
                self.group = cells[0].strip().split("\n")[0].strip()
            label_cell = cells[1]
            if not clean(label_cell) and self.activity is None:
                return  # a header row of years
            if not clean(label_cell) and self.activity is not None:
                line_at = 2 + ny + 2
                self._add_budget_line(clean(cells[line_at]), cells[line_at + 1 :], year_names, row.location)
                return
            m = ACTIVITY_CELL.match(label_cell)
            fields = {"activity": label_cell.strip(), "section": self.section}
            fields.update({y: cells[2 + i].strip() for i, y in enumerate(year_names)})
            fields["responsible_party"] = cells[2 + ny].strip() if len(cells) > 2 + ny else ""
            fields["funding_source"] = cells[3 + ny].strip() if len(cells) > 3 + ny else ""
            key = f"activity {m.group(1)}" if m else clean(label_cell).lower()[:80]
            label = clean(m.group(2)) if m else clean(label_cell)
            rec = Record("budget", key, label, fields, row.location, self.doc.source, self.group)
            self.records.append(rec)
            self.activity = rec
            if len(cells) > 4 + ny and clean(cells[4 + ny]):
                self._add_budget_line(clean(cells[4 + ny]), cells[5 + ny :], year_names, row.location)
            return
        # short rows: "Sub-Total Output 1 | 1 505 000", "Grand total project budget | 4 660 000"
        label = clean(nonempty[0])
        amount = nonempty[-1].strip() if len(nonempty) > 1 else ""
        m = SUBTOTAL_CELL.match(label)
        key = f"subtotal {m.group(1)}" if m else label.lower()
        fields = {"label": nonempty[0].strip(), "total": amount, "section": self.section}
        self.records.append(Record("budget", key, label, fields, row.location, self.doc.source, self.group))
        self.activity = None

    def _add_budget_line(self, line: str, amounts: list[str], years: list[str], loc: Location) -> None:
        assert self.activity is not None
        fields = dict(self.activity.fields)
        for year, amount in zip(years, amounts):
            fields[f"line {line} {year}"] = amount.strip()
        lines = fields.get("budget_lines", "")
        fields["budget_lines"] = f"{lines} {line}".strip()
        updated = replace(self.activity, fields=fields, location=self.activity.location.span(loc))
        self.records[self.records.index(self.activity)] = updated
        self.activity = updated

    # generic tables ------------------------------------------------------------------------
    def table(self, block: Block) -> None:
        rows = list(block.rows)
        header_at = next(
            (
                i
                for i, r in enumerate(rows[:4])
                if _is_results_header(list(r.cells)) or _is_budget_header(list(r.cells))
            ),
            None,
        )
        if header_at is not None:
            cells = list(rows[header_at].cells)
            kind = "results" if _is_results_header(cells) else "budget"
            self.layout = _Layout(kind, max(len(r.cells) for r in rows), _calendar_years(rows))
            if kind == "results":
                self.layout.n_targets = _target_periods(rows)
            self.group, self.activity = "", None
            self.section = block.section[-1] if block.section else ""
        elif not (
            self.layout
            and any(
                len(r.cells) == self.layout.width
                and (
                    INDICATOR_CELL.match(r.cells[1] if len(r.cells) > 1 else "")
                    or ACTIVITY_CELL.match(" ".join(r.cells))
                )
                for r in rows
            )
        ):
            self.layout = None
        if self.layout is None:
            return
        for row in rows:
            if self.layout.kind == "results":
                self.results_row(row, self.layout.n_targets)
            else:
                self.budget_row(row, self.layout.years, self.layout.width)


def recognise_tables(doc: Document) -> list[Record]:
    """Records of ``doc``: results framework, budget and QA form, with consistency notes."""
    rec = _Recogniser(doc)
    for block in doc.blocks:
        if block.kind == "table":
            rec.table(block)
    records = [check_record(r, doc.period) for r in rec.records]
    return check_subtotals(records) + recognise_qa(doc)


def _section_of(text: str) -> str | None:
    plain = clean(text.replace("*", " ").replace("#", " ").replace("<b>", " ").replace("</b>", " "))
    for name in QA_SECTIONS:
        if plain.lower().startswith(name.lower()):
            return name
    return None


def _selected(option_text: str) -> bool:
    """The seed marks the chosen rubric option in italics (*…*); a bare trailing "**" is
    left-over bold markup, not a selection."""
    t = option_text.strip()
    return t.startswith("*") and not t.startswith("**") and t.count("*") >= 2


def recognise_qa(doc: Document) -> list[Record]:
    """Sections, ratings and questions of a QA report laid out as in the seed form."""
    records: list[Record] = []
    section = ""
    question: dict | None = None
    in_evidence = False

    def flush() -> None:
        nonlocal question
        if question is not None:
            q = question
            fields = {"question": q["text"], "selected": q["selected"], "selected_text": q["selected_text"]}
            fields.update({f"option {k}": v for k, v in q["options"]})
            for i, para in enumerate(q["evidence"], start=1):
                fields[f"evidence {i}"] = para
            records.append(Record("qa_question", q["number"], q["text"], fields, q["loc"], doc.source, section))
        question = None

    for block in doc.blocks:
        if block.kind == "table":
            continue
        text = block.text.strip()
        if m := re.search(r"Overall Rating:\s*(?:</b>)?\s*(\S.*)$", text):
            records.append(
                Record(
                    "qa_section",
                    "overall",
                    "Overall Rating",
                    {"rating": m.group(1).strip()},
                    block.location,
                    doc.source,
                )
            )
            continue
        name = _section_of(text) if block.kind == "heading" or text.startswith(("**", "#")) else None
        if name:
            flush()
            section, in_evidence = name, False
        if m := _RATING.search(text):
            records.append(
                Record(
                    "qa_section",
                    section.lower(),
                    section,
                    {"rating": m.group(1).strip()},
                    block.location,
                    doc.source,
                    section,
                )
            )
            continue
        if name:
            continue
        if m := _QUESTION.match(text):
            if doc.doc_type == "qa_report" or "?" in text:
                flush()
                question = {
                    "number": m.group(1),
                    "text": m.group(2).strip(),
                    "options": [],
                    "selected": "",
                    "selected_text": "",
                    "evidence": [],
                    "loc": block.location,
                }
                in_evidence = False
                continue
        if question is None:
            continue
        low = text.lower().strip("*#<>/b: ")
        if low.startswith("evidence"):
            in_evidence = True
            continue
        if low.startswith(("list of uploaded", "qa summary")):
            in_evidence = False
            flush()
            continue
        if in_evidence:
            question["evidence"].append(text)
            question["loc"] = question["loc"].span(block.location)
            continue
        if block.kind == "list" and (m := _OPTION.match(text)):
            level, body = m.group(1), m.group(2).strip()
            key = level or clean(body.strip("*")).split(":")[0][:20]
            question["options"].append((key, body))
            question["loc"] = question["loc"].span(block.location)
            if _selected(body):
                question["selected"] = key
                question["selected_text"] = body
    flush()
    return records


def check_record(record: Record, period: tuple[int, int] | None) -> Record:
    """Attach notes where a record contradicts itself."""
    notes: list[str] = []
    f = record.fields
    if record.kind == "indicator":
        base = to_number(f.get("baseline", ""))
        final = to_number(f.get("final", ""))
        targets = [to_number(v) for k, v in sorted(f.items()) if k.startswith("year_")]
        if base is not None and final is not None and targets and all(t is not None for t in targets):
            total = base + sum(t for t in targets if t is not None)
            if abs(total - final) > 0.5:
                notes.append(
                    f"Inconsistent row: the final target ({clean(f['final'])}) is not the baseline "
                    f"({clean(f['baseline'])}) plus the yearly targets ({', '.join(clean(f[k]) for k in sorted(f) if k.startswith('year_'))}), "
                    f"which add up to {total:,.0f}."
                )
    elif record.kind == "budget" and record.key.startswith("activity"):
        years = [k for k in f if re.fullmatch(r"(19|20)\d\d|year_\d", k)]
        for year in years:
            lines = [to_number(v) or 0.0 for k, v in f.items() if k.startswith("line ") and k.endswith(" " + year)]
            stated = to_number(f[year])
            if lines and stated is not None and abs(sum(lines) - stated) > 0.5:
                notes.append(
                    f"Inconsistent row: the {year} amount ({clean(f[year])}) is not the sum of its budget lines ({sum(lines):,.0f})."
                )
    return replace(record, notes=tuple(notes)) if notes else record


def check_subtotals(records: list[Record]) -> list[Record]:
    """Note sub-totals that are not the sum of their output's activity amounts."""
    out = []
    for r in records:
        if r.kind == "budget" and r.key.startswith("subtotal"):
            output = r.key.split()[-1]
            members = [
                x
                for x in records
                if x.kind == "budget"
                and x.group.lower().startswith(f"output {output}")
                and x is not r
                and not x.key.startswith("subtotal")
            ]
            total = 0.0
            for m in members:
                total += sum(
                    to_number(v) or 0.0 for k, v in m.fields.items() if re.fullmatch(r"(19|20)\d\d|year_\d", k)
                )
            stated = to_number(r.fields.get("total", ""))
            if members and stated is not None and abs(total - stated) > 0.5:
                r = replace(
                    r,
                    notes=r.notes
                    + (
                        f"Inconsistent total: {r.label} ({clean(r.fields['total'])}) is not the sum of the output's yearly amounts ({total:,.0f}).",
                    ),
                )
        out.append(r)
    return out

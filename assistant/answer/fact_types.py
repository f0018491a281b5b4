"""What the fact path returns: cited cells (``Evidence``) and a composed answer or a refusal
(``FactResult``), with the helpers that build and merge them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from assistant.core.records import Cell, Record
from assistant.core.text import clean
from assistant.core.types import Location

if TYPE_CHECKING:  # a type only: query is read above this module
    from assistant.answer.query import Query


@dataclass
class Evidence:
    """A cell (or line) to cite: the verbatim text and the record it comes from."""

    quote: str
    record: Record
    column: str = ""  # the cell's column header, when the quote is one cell


@dataclass
class FactResult:
    """The fact path's outcome: a composed answer with its evidence, or a refusal."""

    text: str
    evidence: list[Evidence] = field(default_factory=list)
    refused: bool = False
    notes: list[str] = field(default_factory=list)
    # the one row a selection chose ("which activity does ZERDE co-implement?" → "activity 2.9"):
    # what "its budget" means in the conversation's next question
    subject: str = ""
    # a refusal for what the tables lack ("expenditure for 2025 only"), which a sentence may say
    # ("In 2024 the project spent USD 861,300 …"): the passages are read before refusing
    text_may_say: bool = False


class CellAnswer:
    """Builds "label: value [n]" parts, each citing one cell."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.evidence = [Evidence(record.label_cell or record.label, record)]
        self.parts: list[str] = []

    def cite(self, label: str, cell: Cell | None, unit: str = "", record: Record | None = None) -> None:
        if cell is not None and cell.text.strip():
            self.evidence.append(Evidence(cell.text, record or self.record, cell.column))
            self.parts.append(f"{label}: {unit}{clean(cell.text)} [{len(self.evidence)}]")
        else:
            self.parts.append(f"{label}: the cell is empty in the table")

    def named_by(self, cell: Cell) -> None:
        """The head is this cell's text (a row named by its description): cite the cell for it."""
        self.evidence[0] = Evidence(cell.text, self.record, cell.column)

    def result(self, head: str) -> FactResult:
        body = (": " + "; ".join(self.parts) + ".") if self.parts else ("" if head.endswith(".") else ".")
        return FactResult(f"{head} [1]{body}", self.evidence, notes=list(self.record.notes))


def _shift_marker(m: re.Match[str], offset: int) -> str:
    return f"[{int(m.group(1)) + offset}]"


def merge(results: list[FactResult]) -> FactResult:
    """Several facts in one answer, citation markers renumbered in order."""
    if len(results) == 1:
        return results[0]
    answered = [r for r in results if not r.refused]
    if not answered:
        return FactResult(" ".join(r.text for r in results), refused=True)
    texts: list[str] = []
    evidence: list[Evidence] = []
    notes: list[str] = []
    for r in results:
        offset = len(evidence)
        texts.append(re.sub(r"\[(\d+)\]", partial(_shift_marker, offset=offset), r.text))
        evidence += r.evidence
        notes += r.notes
    return FactResult(" ".join(texts), evidence, refused=False, notes=notes)


def period_cell(cells: list[Cell], year: int | None = None, index: int | None = None) -> Cell | None:
    """The cell of a calendar year (or of project year ``index``) among ``cells``, or None."""
    for c in cells:
        p = c.period
        if p is None:
            continue
        if year is not None and p.matches_year(year):
            return c
        if index is not None and p.kind == "project_year" and p.index == index:
            return c
    return None


def years_span(cells: list[Cell]) -> str:
    """ "2020–2024": the first and last calendar year of ``cells``."""
    years = sorted({c.period.year for c in cells if c.period and c.period.year})
    return f"{years[0]}–{years[-1]}" if years else ""


def id_order(key: str) -> tuple[int, ...]:
    """ "1.10" after "1.9": an identifier's numbers, for sorting."""
    return tuple(int(x) for x in key.split(".") if x.isdigit()) if re.fullmatch(r"[\d.]+", key) else (999,)


def years_not_given(query: Query, cells: list[Cell], name: str) -> FactResult | None:
    """A refusal naming the asked years that ``cells`` (amounts by year) do not give, if any."""
    missing = [y for y in query.years if period_cell(cells, year=y) is None]
    if not missing:
        return None
    span = years_span(cells) or "no calendar years"
    return FactResult(
        f"The budget does not give a {', '.join(map(str, missing))} amount for {name}: it covers {span}.", refused=True
    )


def sentence_record(source: str, kind: str, text: str, sentence: str) -> Record:
    """A sentence of a document as a citable record (its line found in the document text)."""
    start = text.find(sentence)
    line = text.count("\n", 0, start) + 1 if start >= 0 and kind == "text" else None
    place = Location(source, kind, line_start=line, line_end=line)  # type: ignore[arg-type]
    return Record("table_row", "", "", (), place, source)

"""Value types passed between stages: defined once, imported everywhere.

Internal values are frozen dataclasses; values that become JSON (``Citation``,
``Answer``) are pydantic models.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

BlockKind = Literal["heading", "paragraph", "list", "table"]
SourceKind = Literal["text", "pdf", "docx"]


def _bbox(raw: Any) -> tuple[float, float, float, float] | None:
    """A bounding box from its metadata form ("x0,top,x1,bottom")."""
    if not raw:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in str(raw).split(","))
    except ValueError:
        return None
    return (x0, top, x1, bottom)


def _page_end(a: Location, b: Location) -> int | None:
    """The last page two locations reach, when it is after the first."""
    pages = [p for p in (a.page, a.page_end, b.page, b.page_end) if p is not None]
    if not pages or max(pages) == min(pages):
        return None
    return max(pages)


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits in its source, as a person would look for it."""

    source: str
    kind: SourceKind = "text"
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    row_end: int | None = None  # a record spanning several rows (a budget line per row)
    line_start: int | None = None
    line_end: int | None = None
    heading: str = ""  # the heading the table or passage sits under ("Results Framework")
    column: str = ""  # a cited cell's column header path ("Targets > Year 2 (2022)")
    char_start: int | None = None  # the exact span in the document text, when pinned
    char_end: int | None = None
    page_end: int | None = None  # the last page, when the passage runs over a page break
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points on ``page``
    ocr: bool = False  # read by OCR from a scanned page: its words may be misread

    def __str__(self) -> str:
        parts: list[str] = [self.heading] if self.heading else []
        if self.page is not None:
            end = self.page_end
            parts.append(f"pp. {self.page}–{end}" if end is not None and end != self.page else f"p. {self.page}")
            if self.ocr:
                parts[-1] += " (scanned, read by OCR)"
        if self.table is not None:
            rows = ""
            if self.row is not None:
                rows = f", row {self.row}" if self.row_end in (None, self.row) else f", rows {self.row}–{self.row_end}"
            parts.append(f"table {self.table}{rows}")
            if self.column:
                parts.append(f"column “{self.column}”")
        elif self.paragraph is not None:
            parts.append(f"paragraph {self.paragraph}")
        if self.line_start is not None:
            end = self.line_end if self.line_end is not None else self.line_start
            parts.append(f"line {self.line_start}" if end == self.line_start else f"lines {self.line_start}–{end}")
        return ", ".join(parts) or "whole document"

    def to_metadata(self) -> dict[str, Any]:
        """Flat scalar keys for Chroma / SQLite (missing values are left out)."""
        raw = {
            "source": self.source,
            "source_kind": self.kind,
            "page": self.page,
            "paragraph": self.paragraph,
            "table": self.table,
            "row": self.row,
            "row_end": self.row_end,
            "line_start": self.line_start,
            "line_end": self.line_end,
            "heading": self.heading or None,
            "column": self.column or None,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "page_end": self.page_end,
            "bbox": ",".join(f"{v:g}" for v in self.bbox) if self.bbox else None,
            "ocr": True if self.ocr else None,
        }
        return {k: v for k, v in raw.items() if v is not None}

    @classmethod
    def from_metadata(cls, meta: dict[str, Any]) -> Location:
        return cls(
            source=str(meta["source"]),
            kind=meta.get("source_kind", "text"),
            page=meta.get("page"),
            paragraph=meta.get("paragraph"),
            table=meta.get("table"),
            row=meta.get("row"),
            row_end=meta.get("row_end"),
            line_start=meta.get("line_start"),
            line_end=meta.get("line_end"),
            heading=str(meta.get("heading") or ""),
            column=str(meta.get("column") or ""),
            char_start=meta.get("char_start"),
            char_end=meta.get("char_end"),
            page_end=meta.get("page_end"),
            bbox=_bbox(meta.get("bbox")),
            ocr=bool(meta.get("ocr")),
        )

    def covers_row(self, table: int | None, row: int | None) -> bool:
        if table is None or row is None or self.table != table or self.row is None:
            return False
        return self.row <= row <= (self.row_end or self.row)

    def span(self, other: Location) -> Location:
        """The smallest location covering ``self`` and ``other`` (same source)."""

        def lo(a: int | None, b: int | None) -> int | None:
            return a if b is None else b if a is None else min(a, b)

        def hi(a: int | None, b: int | None) -> int | None:
            return a if b is None else b if a is None else max(a, b)

        same_table = self.table == other.table
        return Location(
            source=self.source,
            kind=self.kind,
            page=lo(self.page, other.page),
            page_end=_page_end(self, other),
            paragraph=lo(self.paragraph, other.paragraph),
            table=self.table if same_table else None,
            row=lo(self.row, other.row) if same_table else None,
            row_end=hi(self.row_end or self.row, other.row_end or other.row) if same_table else None,
            line_start=lo(self.line_start, other.line_start),
            line_end=hi(self.line_end, other.line_end),
            heading=self.heading if self.heading == other.heading else "",
            ocr=self.ocr or other.ocr,
        )


@dataclass(frozen=True)
class TableRow:
    """One row of a table: its cells (text as extracted) and where it is."""

    cells: tuple[str, ...]
    location: Location


@dataclass(frozen=True)
class Block:
    """An ordered piece of a document: heading, paragraph, list item or table."""

    kind: BlockKind
    text: str
    location: Location
    section: tuple[str, ...] = ()
    rows: tuple[TableRow, ...] = ()  # only for tables


@dataclass(frozen=True)
class Document:
    """A loaded file: its blocks in order and the full text quotes are checked against."""

    source: str  # the file name, or the end of its path where names clash: unique within a home
    path: str
    kind: SourceKind
    title: str
    text: str
    blocks: tuple[Block, ...]
    sha256: str = ""
    doc_type: str = "document"  # project_document | qa_report | document
    project_number: str = ""  # main project number found in the text ("" if none)
    related_projects: tuple[str, ...] = ()  # other project numbers the document mentions
    pages: int | None = None
    period: tuple[int, int] | None = None  # first and last calendar year, when stated


@dataclass(frozen=True)
class Chunk:
    """A unit of retrieval: text, its place, and flat metadata."""

    id: str
    text: str
    location: Location
    title: str
    section: str = ""
    doc_type: str = "document"
    project_number: str = ""
    chunk_type: str = "text"  # text | table_row | record

    def to_metadata(self) -> dict[str, Any]:
        meta = self.location.to_metadata()
        meta.update(
            title=self.title,
            section=self.section,
            doc_type=self.doc_type,
            project_number=self.project_number,
            chunk_type=self.chunk_type,
        )
        return meta

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
        return cls(
            id=chunk_id,
            text=text,
            location=Location.from_metadata(meta),
            title=str(meta.get("title", "")),
            section=str(meta.get("section", "")),
            doc_type=str(meta.get("doc_type", "document")),
            project_number=str(meta.get("project_number", "")),
            chunk_type=str(meta.get("chunk_type", "text")),
        )


class Citation(BaseModel):
    """One piece of evidence behind an answer: a verbatim quote and where to find it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str = Field(description="File name of the cited document.")
    place: Location = Field(description="Where the quote is: page, table, row, column, lines, character span.")
    quote: str = Field(description="A verbatim span of the source text.")

    @computed_field(description="Where to find the quote, as a person reads it (derived from place).")  # type: ignore[prop-decorator]
    @property
    def location(self) -> str:
        return str(self.place)


class Answer(BaseModel):
    """A short answer with its evidence, or a refusal."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    answer: str = Field(description="Short answer text with numbered citation markers like [1].")
    refused: bool = Field(description="True when the documents do not hold the answer.")
    citations: list[Citation] = Field(default_factory=list, description="Evidence, numbered from 1.")
    notes: list[str] = Field(default_factory=list, description="Consistency notes or caveats.")

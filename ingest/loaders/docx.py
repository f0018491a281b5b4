"""Word (.docx) loader: the body's paragraphs and tables, in document order, as Blocks.

Owns the zip safety checks (size and member count before anything is inflated), the
walk over ``w:body`` (content controls and text boxes included, Strict Open XML read
too), heading/list/paragraph kinds with the section path, numbered list items with the
number Word draws, and table rows with merged cells read once: the continuation of a
vertical merge reads as an empty cell, as in the text exports, and a horizontally
spanned cell is kept once, except in the header rows above the data, where it is
repeated in each column it spans. A table inside a cell is read into that cell, once.
Footnotes, endnotes and the page headers and footers follow the body, each under its
own section name. A list paragraph whose text (after an "N:" rubric level) is all italic
is written ``- N: *text*``, the Markdown form the QA recogniser reads as the selected
option.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from assistant.core.errors import UnreadableFile
from assistant.core.types import Block, Location, TableRow
from ingest.loaders.docx_parts import (
    Numbering,
    is_strict,
    note_texts,
    page_furniture,
    strict_to_transitional,
    text_boxes,
    text_of,
)
from ingest.loaders.grid import header_rows, repeat_span

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVEL_PREFIX = re.compile(r"^(\d{1,2}\s*:\s*)")
_BULLETS = ("-", "*", "•", "·")


def check_zip(data: bytes, path: str) -> None:
    """Refuse archives that are not zips, or that would inflate past the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UnreadableFile(path, f"not a valid Word document: {exc}") from exc
    if len(members) >= MAX_MEMBERS:
        raise UnreadableFile(
            path, f"the archive holds {len(members)} files, over the limit of {MAX_MEMBERS} (possible zip bomb)"
        )
    total = sum(m.file_size for m in members)
    if total >= MAX_UNCOMPRESSED:
        raise UnreadableFile(
            path,
            f"the uncompressed size ({total / 2**20:.0f} MB) is over the limit of "
            f"{MAX_UNCOMPRESSED / 2**20:.0f} MB (possible zip bomb)",
        )


def _open(data: bytes, path: str) -> Any:
    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        if is_strict(data):
            data = strict_to_transitional(data)
        return open_docx(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        etree.LxmlError,
        PackageNotFoundError,
        zlib.error,
        EOFError,
        OSError,
    ) as exc:
        raise UnreadableFile(path, f"not a valid Word document: {exc or type(exc).__name__}") from exc


def _children(element: Any) -> Iterator[Any]:
    """Child elements, looking through content controls (``w:sdt``) and custom XML."""
    for child in element.iterchildren():
        if child.tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}smartTag"):
            inner = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if inner is not None:
                yield from _children(inner)
        else:
            yield child


def _style_name(paragraph: Any) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError, AttributeError):
        return ""
    return str(style.name or "") if style is not None else ""


def _heading_level(paragraph: Any, style: str) -> int | None:
    if style.lower().startswith("title"):
        return 0
    if style.lower().startswith("heading"):
        m = re.search(r"\d+", style)
        return int(m.group()) if m else 1
    return None


def _is_list(paragraph: Any, style: str) -> bool:
    if style.lower().startswith("list"):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _italic_chars(paragraph: Any) -> list[tuple[str, bool]]:
    """(run text, italic) for each run, hyperlink runs included."""
    from docx.text.hyperlink import Hyperlink

    style_italic = False
    try:
        style_italic = bool(paragraph.style is not None and paragraph.style.font.italic)
    except (KeyError, ValueError, AttributeError):
        pass
    out: list[tuple[str, bool]] = []
    for item in paragraph.iter_inner_content():
        runs = item.runs if isinstance(item, Hyperlink) else [item]
        for run in runs:
            italic = run.italic if run.italic is not None else style_italic
            out.append((run.text, bool(italic)))
    return out


def _list_text(paragraph: Any, text: str) -> str:
    """``- text``, with the part after an "N:" level wrapped in ``*`` when it is all italic."""
    runs = _italic_chars(paragraph)
    flags = [italic for chunk, italic in runs for _ in chunk]
    prefix_len = 0
    raw = "".join(chunk for chunk, _ in runs)
    if m := _LEVEL_PREFIX.match(raw.lstrip()):
        prefix_len = len(raw) - len(raw.lstrip()) + len(m.group(1))
    rest = [(ch, flag) for ch, flag in zip(raw[prefix_len:], flags[prefix_len:]) if not ch.isspace()]
    body = text
    if rest and all(flag for _, flag in rest) and not text.startswith("*"):
        level = _LEVEL_PREFIX.match(text)
        head = level.group(1) if level else ""
        body = f"{head}*{text[len(head) :].strip()}*"
    return body if body.startswith(_BULLETS) else f"- {body}"


def _cell_text(tc: Any) -> str:
    """A cell's paragraphs joined with newlines; nested tables flattened cell by cell."""
    parts: list[str] = []
    for child in _children(tc):
        if child.tag == f"{_W}p":
            parts.append(text_of(child))
            for box in text_boxes(child):
                parts.append(_cell_text(box))
        elif child.tag == f"{_W}tbl":
            for tr in child.iter(f"{_W}tr"):
                cells = [_cell_text(inner) for inner in _children(tr) if inner.tag == f"{_W}tc"]
                parts.append(" | ".join(c for c in cells if c))
    return "\n".join(parts).strip()


def _table_rows(tbl: Any) -> list[list[str]]:
    """Each row's cell texts: a vertical-merge continuation is empty; a horizontal span is
    one cell, repeated over its columns in the header rows (and in rows marked as header)."""
    grid: list[list[tuple[int, int, str, bool]]] = []  # per row: (column, span, text, continuation)
    marked = 0
    for r, tr in enumerate(c for c in _children(tbl) if c.tag == f"{_W}tr"):
        tr_pr = tr.find(f"{_W}trPr")
        col = 0
        if tr_pr is not None:
            before = tr_pr.find(f"{_W}gridBefore")
            col = int(before.get(f"{_W}val", "0")) if before is not None else 0
            if tr_pr.find(f"{_W}tblHeader") is not None and marked == r:
                marked = r + 1
        row: list[tuple[int, int, str, bool]] = []
        for tc in _children(tr):
            if tc.tag != f"{_W}tc":
                continue
            tc_pr = tc.find(f"{_W}tcPr")
            span_el = tc_pr.find(f"{_W}gridSpan") if tc_pr is not None else None
            span = int(span_el.get(f"{_W}val", "1")) if span_el is not None else 1
            v_merge = tc_pr.find(f"{_W}vMerge") if tc_pr is not None else None
            continuation = v_merge is not None and v_merge.get(f"{_W}val", "continue") == "continue"
            row.append((col, max(span, 1), "" if continuation else _cell_text(tc), continuation))
            col += max(span, 1)
        grid.append(row)
    starts = []
    for r, row in enumerate(grid):
        for col, span, _, continuation in row:
            if continuation:
                continue
            rows_down = 1
            while r + rows_down < len(grid) and any(c == col and cont for c, _, _, cont in grid[r + rows_down]):
                rows_down += 1
            starts.append((r, col, rows_down, span))
    header = max(header_rows(starts, len(grid)), marked if marked < len(grid) else 0)
    width = max((c + span for row in grid for c, span, _, _ in row), default=0)
    out: list[list[str]] = []
    for r, row in enumerate(grid):
        cells: list[str] = []
        for _col, span, text, _cont in row:
            repeat = repeat_span(span, width, r < header)
            cells.extend([text] * repeat)
        out.append(cells)
    return out


def _walk(container: Any, emit_paragraph: Any, emit_table: Any) -> None:
    """Paragraphs and tables of ``container`` in order, text boxes after their anchor."""
    for child in _children(container):
        if child.tag == f"{_W}p":
            emit_paragraph(child)
            for box in text_boxes(child):
                _walk(box, emit_paragraph, emit_table)
        elif child.tag == f"{_W}tbl":
            emit_table(child)


def parse_docx(data: bytes, source: str, path: str) -> list[Block]:
    """Blocks of a Word document: numbered paragraphs and tables with their rows, then its
    footnotes, endnotes and page headers and footers."""
    check_zip(data, path)
    document = _open(data, path)
    from docx.text.paragraph import Paragraph

    numbering = Numbering(document)
    blocks: list[Block] = []
    section: list[tuple[int, str]] = []
    counts = {"paragraph": 0, "table": 0}

    def path_now() -> tuple[str, ...]:
        return tuple(title for _, title in section)

    def add_paragraph(element: Any, under: tuple[str, ...] | None = None) -> None:
        nonlocal section
        text = text_of(element).strip()
        if not text:
            return
        counts["paragraph"] += 1
        loc = Location(source, "docx", paragraph=counts["paragraph"])
        if under is not None:
            blocks.append(Block("paragraph", text, loc, under))
            return
        paragraph = Paragraph(element, document._body)
        style = _style_name(paragraph)
        level = _heading_level(paragraph, style)
        label = numbering.label(element)
        if level is not None:
            section = [s for s in section if s[0] < level] + [(level, text)]
            blocks.append(Block("heading", text, loc, path_now()))
        elif label:
            blocks.append(Block("list", f"{label} {text}", loc, path_now()))
        elif label == "" or _is_list(paragraph, style):
            blocks.append(Block("list", _list_text(paragraph, text), loc, path_now()))
        else:
            blocks.append(Block("paragraph", text, loc, path_now()))

    def add_table(element: Any, under: tuple[str, ...] | None = None) -> None:
        counts["table"] += 1
        table_no = counts["table"]
        rows = tuple(
            TableRow(tuple(cells), Location(source, "docx", table=table_no, row=r))
            for r, cells in enumerate(_table_rows(element), start=1)
        )
        if not any(cell for row in rows for cell in row.cells):
            return
        text = "\n".join("\t".join(row.cells) for row in rows)
        where = path_now() if under is None else under
        blocks.append(Block("table", text, Location(source, "docx", table=table_no), where, rows))

    _walk(document.element.body, add_paragraph, add_table)
    for kind, title in (("footnotes", "Footnotes"), ("endnotes", "Endnotes")):
        for note_id, text in note_texts(document, kind):
            counts["paragraph"] += 1
            loc = Location(source, "docx", paragraph=counts["paragraph"])
            blocks.append(Block("paragraph", f"[{note_id}] {text}", loc, (title,)))
    for kind, element in page_furniture(document):
        under = ("Page header",) if kind == "header" else ("Page footer",)
        _walk(element, lambda p, u=under: add_paragraph(p, u), lambda t, u=under: add_table(t, u))
    return blocks

"""Word (.docx) loader: the body's paragraphs and tables, in document order, as Blocks.

Owns the zip safety checks (size and member count before anything is inflated), the
walk over ``w:body`` (content controls included), heading/list/paragraph kinds with the
section path, and table rows with merged cells collapsed: a horizontally spanned cell is
kept once and the continuation of a vertical merge reads as an empty cell, as in the
text exports. A list paragraph whose text (after an "N:" rubric level) is all italic is
written ``- N: *text*``, the Markdown form the QA recogniser reads as the selected option.
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
    from docx.text.paragraph import Paragraph

    parts: list[str] = []
    for child in _children(tc):
        if child.tag == f"{_W}p":
            parts.append(Paragraph(child, None).text)  # type: ignore[arg-type]  # text needs no story part
        elif child.tag == f"{_W}tbl":
            for tr in child.iter(f"{_W}tr"):
                cells = [_cell_text(inner) for inner in _children(tr) if inner.tag == f"{_W}tc"]
                parts.append(" | ".join(c for c in cells if c))
    return "\n".join(parts).strip()


def _row_cells(tr: Any) -> list[str]:
    """One text per ``w:tc``: a span is kept once, a vertical-merge continuation is empty."""
    cells: list[str] = []
    for tc in _children(tr):
        if tc.tag != f"{_W}tc":
            continue
        tc_pr = tc.find(f"{_W}tcPr")
        v_merge = tc_pr.find(f"{_W}vMerge") if tc_pr is not None else None
        if v_merge is not None and v_merge.get(f"{_W}val", "continue") == "continue":
            cells.append("")
        else:
            cells.append(_cell_text(tc))
    return cells


def parse_docx(data: bytes, source: str, path: str) -> list[Block]:
    """Blocks of a Word document: numbered paragraphs and tables with their rows."""
    check_zip(data, path)
    document = _open(data, path)
    from docx.text.paragraph import Paragraph

    body = document.element.body
    blocks: list[Block] = []
    section: list[tuple[int, str]] = []
    paragraph_no = table_no = 0

    def path_now() -> tuple[str, ...]:
        return tuple(title for _, title in section)

    for child in _children(body):
        if child.tag == f"{_W}p":
            paragraph = Paragraph(child, document._body)
            text = paragraph.text.strip()
            if not text:
                continue
            paragraph_no += 1
            loc = Location(source, "docx", paragraph=paragraph_no)
            style = _style_name(paragraph)
            level = _heading_level(paragraph, style)
            if level is not None:
                section = [s for s in section if s[0] < level] + [(level, text)]
                blocks.append(Block("heading", text, loc, path_now()))
            elif _is_list(paragraph, style):
                blocks.append(Block("list", _list_text(paragraph, text), loc, path_now()))
            else:
                blocks.append(Block("paragraph", text, loc, path_now()))
        elif child.tag == f"{_W}tbl":
            table_no += 1
            rows = tuple(
                TableRow(tuple(_row_cells(tr)), Location(source, "docx", table=table_no, row=r))
                for r, tr in enumerate((c for c in _children(child) if c.tag == f"{_W}tr"), start=1)
            )
            if not any(cell for row in rows for cell in row.cells):
                continue
            text = "\n".join("\t".join(row.cells) for row in rows)
            blocks.append(Block("table", text, Location(source, "docx", table=table_no), path_now(), rows))
    return blocks

"""PDF loader: ruled tables and the text around them, page by page, as Blocks.

Owns the checks before parsing (damaged, encrypted, too many pages, no text layer),
table extraction with pdfplumber (a ruled table becomes one Block whose rows carry
page, table and row numbers; tables are numbered across the whole document) and the
split of the remaining text into headings and paragraphs, kept in reading order (top of
the page first). A table that continues on the next page comes out as a second table of
the same width; ``ingest.tables`` carries the first one's layout over to it.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from assistant.core.errors import UnreadableFile
from assistant.core.types import Block, Location, TableRow

MAX_PAGES = 2000
MAX_INFLATED = 200 * 1024 * 1024  # page content and forms, decompressed, per document
_END_PUNCT = (".", ",", ";", ":", ")")


@dataclass
class _Line:
    text: str
    top: float
    bottom: float
    size: float
    bold: bool


def _reader(data: bytes, path: str) -> Any:
    """A pypdf reader, decrypted with the empty password where the file is encrypted."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise UnreadableFile(path, f"the PDF uses an encryption that cannot be opened: {exc}") from exc
            if not ok:
                raise UnreadableFile(path, "the PDF is encrypted and needs a password")
        count = len(reader.pages)
    except FileNotDecryptedError as exc:
        raise UnreadableFile(path, "the PDF is encrypted and needs a password") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise UnreadableFile(path, f"the PDF is damaged or truncated: {exc or type(exc).__name__}") from exc
    if count == 0:
        raise UnreadableFile(path, "the PDF has no pages")
    if count > MAX_PAGES:
        raise UnreadableFile(path, f"the PDF has {count} pages, over the limit of {MAX_PAGES}")
    return reader


def check_inflated_size(reader: Any, path: str) -> None:
    """Decompress the page content streams and forms (images are never decompressed) with
    pypdf, which caps each stream, and refuse a document whose total passes
    ``MAX_INFLATED``: pdfminer inflates streams with no limit at all."""
    from pypdf.errors import LimitReachedError
    from pypdf.generic import ArrayObject, StreamObject

    total = 0
    seen: set[int] = set()

    def add(obj: Any) -> None:
        nonlocal total
        obj = obj.get_object() if obj is not None else None
        if isinstance(obj, ArrayObject):
            for item in obj:
                add(item)
            return
        if not isinstance(obj, StreamObject) or id(obj) in seen:
            return
        seen.add(id(obj))
        total += len(obj.get_data())
        if total > MAX_INFLATED:
            raise LimitReachedError("total")
        add_forms(obj.get("/Resources"))

    def add_forms(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for ref in (xobjects or {}).values():
            form = ref.get_object()
            if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form":
                add(form)

    try:
        for page in reader.pages:
            add(page.get("/Contents"))
            add_forms(page.get("/Resources"))
    except LimitReachedError as exc:
        raise UnreadableFile(
            path,
            "the page content decompresses past the size limit (possible decompression bomb)",
        ) from exc
    except UnreadableFile:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on damaged streams
        raise UnreadableFile(path, f"the PDF is damaged or truncated: {exc or type(exc).__name__}") from exc


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj.get("x0", 0.0) + obj.get("x1", 0.0)) / 2
    y = (obj.get("top", 0.0) + obj.get("bottom", 0.0)) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _lines(page: Any, boxes: list[tuple[float, float, float, float]]) -> list[_Line]:
    """Text lines of ``page`` outside the table boxes, with font size and weight."""
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    out: list[_Line] = []
    for line in outside.extract_text_lines(strip=True, return_chars=True):
        text = line["text"].strip()
        chars = [c for c in line["chars"] if c["text"].strip()]
        if not text or not chars:
            continue
        size = Counter(round(c["size"], 1) for c in chars).most_common(1)[0][0]
        bold = all("bold" in str(c.get("fontname", "")).lower() for c in chars)
        out.append(_Line(text, line["top"], line["bottom"], size, bold))
    return out


def _heading_level(line: _Line, body: float) -> int | None:
    words = line.text.split()
    if len(words) > 14 or line.text.endswith(_END_PUNCT) or not any(ch.isalpha() for ch in line.text):
        return None
    if line.size >= body * 1.6:
        return 1
    if line.size >= body * 1.15:
        return 2
    if len(words) <= 10 and (line.bold or (line.text.isupper() and len(line.text) > 3)):
        return 3
    return None


def _paragraphs(lines: list[_Line], body: float) -> list[tuple[float, str, int | None]]:
    """(top, text, heading level) for runs of lines separated by gaps or size changes."""
    out: list[tuple[float, str, int | None]] = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            out.append((current[0].top, "\n".join(ln.text for ln in current), None))
            current.clear()

    for line in lines:
        level = _heading_level(line, body)
        if level is not None:
            flush()
            out.append((line.top, line.text, level))
            continue
        if current:
            prev = current[-1]
            gap = line.top - prev.bottom
            if gap > 0.6 * (prev.bottom - prev.top) or abs(line.size - prev.size) > 0.6:
                flush()
        current.append(line)
    flush()
    return out


def _table_rows(table: Any) -> list[list[str]]:
    return [[(cell or "").strip() for cell in row] for row in table.extract()]


def parse_pdf(data: bytes, source: str, path: str) -> tuple[list[Block], int]:
    """Blocks of a PDF in reading order, and its page count."""
    reader = _reader(data, path)
    page_count = len(reader.pages)
    check_inflated_size(reader, path)
    import pdfplumber

    pages: list[tuple[list[_Line], list[tuple[float, list[list[str]]]]]] = []
    try:
        with pdfplumber.open(io.BytesIO(data), password="") as pdf:
            for page in pdf.pages:
                found = page.find_tables()
                tables = [(t.bbox, _table_rows(t)) for t in found]
                tables = [(bbox, rows) for bbox, rows in tables if any(c for row in rows for c in row)]
                lines = _lines(page, [t.bbox for t in found])
                pages.append((lines, [(float(bbox[1]), rows) for bbox, rows in tables]))
    except UnreadableFile:
        raise
    except Exception as exc:  # pdfminer raises many kinds of error on damaged files
        raise UnreadableFile(path, f"the PDF is damaged and could not be parsed: {exc or type(exc).__name__}") from exc

    if not any(lines or tables for lines, tables in pages):
        raise UnreadableFile(path, "no text layer: the PDF looks scanned and needs OCR")
    sizes = Counter(ln.size for lines, _ in pages for ln in lines for _ in ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0

    blocks: list[Block] = []
    section: list[tuple[int, str]] = []
    table_no = 0
    for page_no, (lines, page_tables) in enumerate(pages, start=1):
        items: list[tuple[float, str, int | None, list[list[str]]]] = [
            (top, text, level, []) for top, text, level in _paragraphs(lines, body)
        ]
        items += [(top, "", None, cells) for top, cells in page_tables]
        for _top, text, level, cells in sorted(items, key=lambda it: (it[0], bool(it[3]))):
            path_now = tuple(title for _, title in section)
            if cells:
                table_no += 1
                rows = tuple(
                    TableRow(tuple(row), Location(source, "pdf", page=page_no, table=table_no, row=r))
                    for r, row in enumerate(cells, start=1)
                )
                text = "\n".join("\t".join(row.cells) for row in rows)
                loc = Location(source, "pdf", page=page_no, table=table_no)
                blocks.append(Block("table", text, loc, path_now, rows))
                continue
            loc = Location(source, "pdf", page=page_no)
            if level is not None:
                title = re.sub(r"\s+", " ", text)
                section = [s for s in section if s[0] < level] + [(level, title)]
                blocks.append(Block("heading", text, loc, tuple(t for _, t in section)))
            elif text.lstrip().startswith(("• ", "- ", "· ", "* ")):
                blocks.append(Block("list", text, loc, path_now))
            else:
                blocks.append(Block("paragraph", text, loc, path_now))
    return blocks, page_count

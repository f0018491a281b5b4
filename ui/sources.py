"""The source viewer: a citation shown where it sits in its document.

- a PDF: the cited page rendered to an image (pypdfium2, offline) with exactly the quoted span
  highlighted: the quote is found among the page's characters (inside the block's bounding box
  ``Location.bbox`` when the loader gave one) and a box is drawn over each of its lines;
- a table cell: its row under the table's column headers, the cited cell marked (from the
  typed records of that table; a cell is told from an equal one by its column);
- any other passage (DOCX, TXT, MD): the paragraph around it under its section heading, exactly
  the cited character span (``Location.char_start/char_end``) in ``<mark>``.

Everything taken from a document is HTML-escaped; the page image is inlined as a ``data:`` URL,
so opening a source sends no request anywhere.
"""

from __future__ import annotations

import base64
import html
import io
import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.core.records import Record
from assistant.core.types import Citation
from assistant.store.database import Store
from ui import render

logger = logging.getLogger(__name__)

PAGE_WIDTH_PX = 900  # the rendered page's width; it is shown scaled to the panel
CONTEXT_CHARS = 700  # at most this much text either side of a cited passage


# tables ---------------------------------------------------------------------------------
def _row_records(store: Store, citation: Citation) -> list[Record]:
    place = citation.place
    records = [r for r in store.records(None, [citation.source]) if r.kind != "table_map"]
    return [
        r
        for r in records
        if r.location.table == place.table and (place.row is None or r.location.covers_row(place.table, place.row))
    ]


def _cited_cell(record: Record, citation: Citation) -> int | None:
    """Which cell of ``record`` the citation quotes: by its column first (two cells may hold the
    same text: "1,000 50% women" for Year 2 and Year 3), then by its text; -1 is the label."""
    column = citation.place.column
    quote = citation.quote.strip()
    if column:
        for i, cell in enumerate(record.cells):
            if cell.column == column:
                return i
    if quote and quote in (record.label_cell or record.label) and len(quote) > 3:
        return -1
    hits = [i for i, cell in enumerate(record.cells) if cell.text.strip() == quote]
    if not hits:
        hits = [i for i, cell in enumerate(record.cells) if quote and quote in cell.text]
    return hits[0] if hits else None


def _cell(text: str, marked: bool, first: bool = False) -> str:
    shown = html.escape(" ".join(text.split()))
    cls = " ".join(c for c in ("pd-cell-cited" if marked else "", "pd-cell-label" if first else "") if c)
    attr = f' class="{cls}"' if cls else ""
    return f"<td{attr}><mark>{shown}</mark></td>" if marked else f"<td{attr}>{shown}</td>"


def _header_rows(paths: Sequence[str]) -> str:
    """Column headers as two rows when they have parents ("TARGETS > Year 2"): each parent
    once over its columns, the leaf under it; the full path in ``title``."""
    split = [p.split(" > ") for p in paths]
    if not any(len(s) > 1 for s in split):
        return "<tr>" + "".join(f'<th scope="col">{html.escape(p)}</th>' for p in paths) + "</tr>"
    top, i = [], 0
    while i < len(split):
        parent = " › ".join(split[i][:-1])
        j = i
        while j + 1 < len(split) and " › ".join(split[j + 1][:-1]) == parent:
            j += 1
        if parent:
            top.append(f'<th scope="colgroup" colspan="{j - i + 1}">{html.escape(parent)}</th>')
        else:
            top += [f'<th scope="col" rowspan="2">{html.escape(split[k][-1])}</th>' for k in range(i, j + 1)]
        i = j + 1
    leaves = "".join(
        f'<th scope="col" title="{html.escape(paths[k])}">{html.escape(s[-1])}</th>'
        for k, s in enumerate(split)
        if len(s) > 1
    )
    return f"<tr>{''.join(top)}</tr><tr>{leaves}</tr>"


def table_html(store: Store, citations: Sequence[Citation]) -> str | None:
    """The cited row with its column headers and each cited cell marked, or None when no
    record of the table holds the row."""
    if not citations:
        return None
    records = _row_records(store, citations[0])
    if not records:
        return None
    record = records[0]
    cited = {_cited_cell(record, c) for c in citations}
    heads = ["Row"] + [c.column or c.role.replace("_", " ") for c in record.cells]
    label = record.label_cell or record.label
    cells = [_cell(label if record.key in label else f"{record.key} {label}".strip(), -1 in cited, first=True)]
    cells += [_cell(c.text, i in cited) for i, c in enumerate(record.cells)]
    caption = html.escape(str(record.location.heading or f"table {record.location.table}"))
    return (
        f'<div class="pd-table-wrap"><table class="pd-table"><caption>{caption}</caption>'
        f"<thead>{_header_rows(heads)}</thead><tbody><tr>{''.join(cells)}</tr></tbody></table></div>"
    )


# text passages --------------------------------------------------------------------------
def section_of(store: Store, citation: Citation) -> str:
    """The heading path the cited passage sits under (from its chunk), or its table heading."""
    if citation.place.heading:
        return citation.place.heading
    rows = store.query(
        "SELECT metadata FROM chunks WHERE source = ? AND instr(text, ?) > 0 LIMIT 5",
        (citation.source, citation.quote[:200]),
    )
    import json

    for r in rows:
        section = str(json.loads(r["metadata"]).get("section") or "")
        if section:
            return section
    return ""


def passage_html(text: str, citation: Citation) -> str:
    """The paragraph(s) around the cited span, exactly the span marked."""
    start, end = citation.place.char_start, citation.place.char_end
    if start is None or end is None or text[start:end] != citation.quote:
        start = text.find(citation.quote)
        end = start + len(citation.quote)
    if start < 0:
        return f'<div class="pd-passage"><mark>{html.escape(citation.quote)}</mark></div>'
    lo = text.rfind("\n\n", max(0, start - CONTEXT_CHARS), start)
    lo = lo + 2 if lo >= 0 else text.rfind("\n", 0, max(0, start - CONTEXT_CHARS)) + 1
    hi = text.find("\n\n", end, end + CONTEXT_CHARS)
    if hi < 0:
        hi = text.find("\n", min(len(text), end + CONTEXT_CHARS))
        hi = hi if hi >= 0 else len(text)
    return f'<div class="pd-passage pd-viewer-text">{render.marked_html(text, lo, hi, [(start, end)])}</div>'


# PDF pages ------------------------------------------------------------------------------
def _compact(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace and soft hyphens, with each kept character's index."""
    kept = [(ch, i) for i, ch in enumerate(text) if not ch.isspace() and ch not in "\u00ad\ufffe\x02"]
    return "".join(ch for ch, _ in kept), [i for _, i in kept]


def _overlap(a: Sequence[float], b: Sequence[float]) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return max(0.0, w) * max(0.0, h)


def quote_boxes(page: Any, quote: str, bbox: Sequence[float] | None) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom in points, top-down) over the quote's characters on ``page``
    (a pypdfium2 page): the occurrence inside ``bbox`` when given, else the first."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    count = textpage.count_chars()
    chars = textpage.get_text_range(0, count) if count else ""
    if len(chars) != count:  # not one character per index: search on PDFium's own terms
        chars = "".join(textpage.get_text_range(i, 1)[:1] or " " for i in range(count))
    page_text, index = _compact(chars)
    wanted, _ = _compact(quote)
    candidates = [wanted]
    if "-" in wanted:
        candidates.append(wanted.replace("-", ""))
    found: list[list[tuple[float, float, float, float]]] = []
    for target in candidates:
        if not target:
            continue
        haystack = page_text if target == wanted else page_text.replace("-", "")
        positions = index if target == wanted else [i for ch, i in zip(page_text, index) if ch != "-"]
        at = haystack.find(target)
        while at >= 0:
            first, last = positions[at], positions[at + len(target) - 1]
            boxes = []
            for i in range(first, last + 1):
                x0, y0, x1, y1 = textpage.get_charbox(i)
                if x1 > x0 and chars[i].strip():
                    boxes.append((x0, height - y1, x1, height - y0))
            found.append(_lines(boxes))
            at = haystack.find(target, at + 1)
        if found:
            break
    textpage.close()
    if not found:
        return [tuple(bbox)] if bbox else []  # type: ignore[list-item]
    if bbox:
        found.sort(key=lambda boxes: -sum(_overlap(b, bbox) for b in boxes))
    return found[0]


def _lines(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Character boxes merged into one box per text line."""
    lines: list[list[float]] = []
    for x0, top, x1, bottom in boxes:
        middle = (top + bottom) / 2
        if lines and lines[-1][1] - 1 <= middle <= lines[-1][3] + 1 and x0 >= lines[-1][0] - 1:
            line = lines[-1]
            line[0], line[1], line[2], line[3] = (
                min(line[0], x0),
                min(line[1], top),
                max(line[2], x1),
                max(line[3], bottom),
            )
        else:
            lines.append([x0, top, x1, bottom])
    return [(a, b, c, d) for a, b, c, d in lines]


@lru_cache(maxsize=16)
def _page_png(path: str, mtime: float, page_no: int) -> tuple[str, float, float]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[page_no - 1]
        width, height = page.get_size()
        image = page.render(scale=PAGE_WIDTH_PX / width).to_pil()
        buf = io.BytesIO()
        image.save(buf, format="PNG", optimize=True)
        return base64.b64encode(buf.getvalue()).decode("ascii"), width, height
    finally:
        pdf.close()


def _mark_box(box: Sequence[float], width: float, height: float) -> str:
    """A highlight over ``box`` (points), placed in percent of the page so it scales with it."""
    x0, top, x1, bottom = box
    left, up = 100 * (x0 - 1) / width, 100 * (top - 1) / height
    wide, tall = 100 * (x1 - x0 + 2) / width, 100 * (bottom - top + 2) / height
    return f'<div class="pd-hl" style="left:{left:.3f}%;top:{up:.3f}%;width:{wide:.3f}%;height:{tall:.3f}%"></div>'


def pdf_page_html(path: Path, citation: Citation) -> str | None:
    """The cited page as an image with the quote's boxes drawn over it, or None when the file
    cannot be read (then the viewer shows the passage as text)."""
    place = citation.place
    if place.page is None or not path.is_file():
        return None
    try:
        import pypdfium2 as pdfium

        png, width, height = _page_png(str(path), path.stat().st_mtime, place.page)
        pdf = pdfium.PdfDocument(str(path))
        try:
            boxes = quote_boxes(pdf[place.page - 1], citation.quote, place.bbox)
        finally:
            pdf.close()
    except Exception as exc:  # a file changed or gone since it was read: fall back to text
        logger.warning("cannot render %s p. %s: %s", path.name, place.page, exc)
        return None
    marks = "".join(_mark_box(box, width, height) for box in boxes)
    alt = html.escape(f"Page {place.page} of {citation.source}, the quoted passage highlighted")
    return (
        f'<div class="pd-page" data-page="{place.page}" data-marks="{len(boxes)}">'
        f'<img src="data:image/png;base64,{png}" alt="{alt}">{marks}</div>'
    )


# the viewer -----------------------------------------------------------------------------
def viewer_html(store: Store, citation: Citation, number: int, turn: int = 0) -> str:
    """The viewer for citation ``[number]``: its place, then the page, row or passage."""
    doc = store.document(citation.source)
    text = store.document_text(citation.source) or ""
    parts = [
        f'<div class="pd-viewer-head"><span class="pd-num">[{number}]</span> '
        f'<span class="pd-doc">{html.escape(citation.source)}</span> · '
        f'<span class="pd-loc">{html.escape(citation.location)}</span></div>'
    ]
    if citation.place.table is not None:
        table = table_html(store, [citation])
        if table:
            parts.append(table)
    page = pdf_page_html(Path(doc.path), citation) if doc is not None and doc.kind == "pdf" else None
    if page:
        parts.append(page)
    elif len(parts) == 1 or citation.place.table is None:
        section = section_of(store, citation)
        if section:
            parts.append(f'<div class="pd-section">{html.escape(section.replace(" > ", " › "))}</div>')
        parts.append(passage_html(text, citation))
    quote = html.escape(citation.quote if len(citation.quote) < 300 else citation.quote[:300] + "…")
    parts.append(f'<div class="pd-quote">Quoted: “{quote}”</div>')
    return f'<div class="pd-viewer" id="pd-viewer-{number}" data-turn="{turn}">{"".join(parts)}</div>'


EMPTY_VIEWER = (
    '<div class="pd-sources-empty" data-ready="1">Click a citation number such as [1] in an answer, or in the '
    "sources, to see it in its document.</div>"
)
# the viewer before the page's conversation is restored (``data-ready`` tells a test it was)
VIEWER_LOADING = EMPTY_VIEWER.replace(' data-ready="1"', "")
CITE_TARGET = re.compile(r"^(\d+)-(\d+)")

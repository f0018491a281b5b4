"""One PDF page as characters and ruling lines, read with PDFium (``pypdfium2``).

Owns what a page holds before any layout: each character with its box (top-left origin,
PDF points, the page's crop box), font size, weight and writing angle; and the straight
ruling segments of its vector paths (what table borders are drawn with), forms included.
PDFium is used because it is an order of magnitude faster than pdfminer on text and maps
glyphs to Unicode more often; an unmapped glyph is dropped (never ``(cid:N)``).

Duplicated glyphs (fake bold: the same letter drawn two to four times a fraction of a
point apart) are kept once.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass
from typing import Any

_BOLD_WORDS = ("bold", "black", "heavy", "semibold", "demibold", "extrabold")
_ITALIC_WORDS = ("italic", "oblique")
_SYMBOL_WORDS = ("symbol", "wingding", "dingbat")  # fonts whose private-use glyphs are bullets
_FORCE_BOLD = 1 << 18
_ITALIC = 1 << 6  # the font descriptor's Italic flag
_SPACES = frozenset((0x20, 0xA0, 0x09, 0x3000))
_NOT_TEXT = frozenset((0xFFFE, 0xFFFF, 0xFFFD))


@dataclass(slots=True)
class Char:
    """A glyph on the page: its text, box (top-left origin), size, weight and angle."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    angle: int  # 0, 90, 180 or 270: the writing direction, counter-clockwise
    space_before: bool = False  # the content stream has a space right before it
    nbsp_before: bool = False  # ...and it is a no-break space ("110 706" is one word, as in the text)
    italic: bool = False  # a QA form marks its selected rubric option in italics


@dataclass(slots=True)
class Edge:
    """A horizontal or vertical ruling segment (top-left origin)."""

    orientation: str  # "h" or "v"
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class PageContent:
    """What one page holds: its size, characters and ruling edges."""

    width: float
    height: float
    chars: list[Char]
    edges: list[Edge]
    rotation: int = 0  # the page's /Rotate, clockwise degrees


def _style(name: bytes, flags: int, cache: dict[tuple[bytes, int], tuple[bool, bool, bool]]) -> tuple[bool, bool, bool]:
    """(bold, italic, symbol font) of a font, by its name and flags."""
    key = (name, flags)
    if key not in cache:
        low = name.decode("latin-1", "replace").lower()
        cache[key] = (
            bool(flags & _FORCE_BOLD) or any(w in low for w in _BOLD_WORDS),
            bool(flags & _ITALIC) or any(w in low for w in _ITALIC_WORDS),
            any(w in low for w in _SYMBOL_WORDS),
        )
    return cache[key]


def _quantised(a: float, b: float) -> int:
    """0/90/180/270 when the text matrix (a, b) writes within 5 degrees of a right angle, else -1."""
    if b == 0.0:
        return 0 if a >= 0 else 180
    deg = math.degrees(math.atan2(b, a)) % 360
    nearest = round(deg / 90) * 90
    return int(nearest % 360) if abs(deg - nearest) <= 5 else -1


def read_chars(raw: Any, textpage: Any, page_top: float, page_left: float) -> list[Char]:
    """The page's characters in content order, unmapped glyphs and control codes dropped."""
    count = raw.FPDFText_CountChars(textpage)
    rect = raw.FS_RECTF()
    matrix = raw.FS_MATRIX()
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    flags_ref = ctypes.byref(flags)
    style_cache: dict[tuple[bytes, int], tuple[bool, bool, bool]] = {}
    get_unicode, map_error = raw.FPDFText_GetUnicode, raw.FPDFText_HasUnicodeMapError
    get_box, get_size, get_matrix = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize, raw.FPDFText_GetMatrix
    get_font = raw.FPDFText_GetFontInfo
    out: list[Char] = []
    pending_space = pending_nbsp = False
    for i in range(count):
        code = get_unicode(textpage, i)
        if code in _SPACES:
            pending_space, pending_nbsp = True, code == 0xA0
            continue
        if code == 0x02:  # PDFium's mark for a hyphen that ends a line: "mini-" | "grids" or "inter-" |
            code = 0x2D  # "national"; the document's words tell which (``pdf_text._Vocabulary.keep_hyphen``)
        elif code < 0x20 or code in _NOT_TEXT:  # controls
            pending_space = pending_space or code in (0x0D, 0x0A)
            continue
        if map_error(textpage, i) == 1 or not get_box(textpage, i, rect):
            continue  # an unmapped glyph: dropped, never "(cid:N)"
        x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
        if x1 < x0:
            x0, x1 = x1, x0
        if y1 < y0:
            y0, y1 = y1, y0
        size = get_size(textpage, i)
        angle = 0
        if get_matrix(textpage, i, matrix):  # the text matrix scales the font size and sets the angle
            size *= math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
            angle = 0 if matrix.b == 0.0 and matrix.a > 0 else _quantised(matrix.a, matrix.b)
        if angle < 0:
            continue  # diagonal text: watermarks and stamps, not reading text
        n = get_font(textpage, i, name, 128, flags_ref)
        bold, italic, symbol = _style(name.raw[: max(0, n - 1)], flags.value, style_cache)
        if 0xE000 <= code <= 0xF8FF:  # private use: a symbol font's bullet, else nothing to read
            if not symbol:
                continue
            code = 0x2022
        out.append(
            Char(
                chr(code),
                x0 - page_left,
                page_top - y1,
                x1 - page_left,
                page_top - y0,
                round(size, 1) or round(y1 - y0, 1),
                bold,
                angle,
                pending_space,
                pending_space and pending_nbsp,
                italic,
            )
        )
        pending_space = pending_nbsp = False
    return _dedupe(out)


def _dedupe(chars: list[Char]) -> list[Char]:
    """Drop a glyph drawn again on top of itself (fake bold, shadow text)."""
    out: list[Char] = []
    for ch in chars:
        duplicate = False
        for k in range(len(out) - 1, max(len(out) - 6, 0) - 1, -1):
            p = out[k]
            if p.text != ch.text or p.angle != ch.angle:
                continue
            if k == len(out) - 1 and p.x0 == ch.x0 and p.x1 == ch.x1 and p.top == ch.top:
                break  # a ligature ("ffi") is several characters in one box
            if (
                abs(p.x0 - ch.x0) < max(ch.x1 - ch.x0, 0.5) * 0.3
                and abs(p.top - ch.top) < max(ch.bottom - ch.top, 0.5) * 0.3
            ):
                duplicate = True
                break
        if not duplicate:
            out.append(ch)
    return out


def _matrix(raw: Any, obj: Any) -> tuple[float, float, float, float, float, float]:
    m = raw.FS_MATRIX()
    if raw.FPDFPageObj_GetMatrix(obj, m):
        return (m.a, m.b, m.c, m.d, m.e, m.f)
    return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(
    inner: tuple[float, float, float, float, float, float], outer: tuple[float, float, float, float, float, float]
) -> tuple[float, float, float, float, float, float]:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _path_edges(raw: Any, obj: Any, m: tuple[float, ...], page_top: float, page_left: float) -> list[Edge]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if raw.FPDFPath_GetDrawMode(obj, fill, stroke) and not fill.value and not stroke.value:
        return []  # a clipping path or an invisible one
    a, b, c, d, e, f = m
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    start: tuple[float, float] | None = None
    segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for i in range(raw.FPDFPath_CountSegments(obj)):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        if not raw.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        px, py = a * x.value + c * y.value + e, b * x.value + d * y.value + f
        point = (px - page_left, page_top - py)
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == raw.FPDF_SEGMENT_LINETO and points:
            segments.append((points[-1], point))
        points.append(point)
        if raw.FPDFPathSegment_GetClose(seg) and start is not None and point != start:
            segments.append((point, start))
    edges: list[Edge] = []
    for (x0, y0), (x1, y1) in segments:
        if abs(y1 - y0) < 1.0 and abs(x1 - x0) >= 1.0:
            edges.append(Edge("h", min(x0, x1), (y0 + y1) / 2, max(x0, x1), (y0 + y1) / 2))
        elif abs(x1 - x0) < 1.0 and abs(y1 - y0) >= 1.0:
            edges.append(Edge("v", (x0 + x1) / 2, min(y0, y1), (x0 + x1) / 2, max(y0, y1)))
    return edges


def read_edges(raw: Any, page: Any, page_top: float, page_left: float, limit: int = 20000) -> list[Edge]:
    """Straight ruling segments of the page's paths, forms included (at most ``limit``)."""
    edges: list[Edge] = []
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def walk(get: Any, count: int, outer: tuple[float, float, float, float, float, float], depth: int) -> None:
        for i in range(count):
            if len(edges) >= limit:
                return
            obj = get(i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                m = _matrix(raw, obj)
                m = m if outer == identity else _compose(m, outer)
                edges.extend(_path_edges(raw, obj, m, page_top, page_left))
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
                inner = _compose(_matrix(raw, obj), outer)
                walk(
                    lambda j, o=obj: raw.FPDFFormObj_GetObject(o, j),
                    raw.FPDFFormObj_CountObjects(obj),
                    inner,
                    depth + 1,
                )

    walk(lambda i: raw.FPDFPage_GetObject(page, i), raw.FPDFPage_CountObjects(page), identity, 0)
    return edges


def read_page(raw: Any, page: Any) -> PageContent:
    """Characters and ruling edges of one ``pypdfium2`` page (its text page closed after)."""
    left, bottom, right, top = page.get_cropbox()
    textpage = page.get_textpage()
    try:
        chars = read_chars(raw, textpage.raw, top, left)
    finally:
        textpage.close()
    edges = read_edges(raw, page.raw, top, left)
    return PageContent(right - left, top - bottom, chars, edges, page.get_rotation())

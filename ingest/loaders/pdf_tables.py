"""Ruled tables of one PDF page, from its ruling edges and characters.

Owns the table grid: ruling segments snapped and joined, their crossings turned into cell
rectangles (``pdfplumber``'s edge algorithms, fed with PDFium's edges), cells laid on a
grid of columns and rows, and each character given to the cell it sits in. Cells are
read once: the continuation of a vertical merge is an empty cell, and a horizontally
spanned cell is one cell, except in the header rows above the data, where a spanned
header is repeated in each column it covers so that header paths can be read
("Yearly budgets (USD) > 2021"). Characters inside a table's box but in no cell stay in
the page's running text; none is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ingest.loaders.grid import header_rows, repeat_span
from ingest.loaders.pdf_page import Char, Edge

_SNAP = 3.0
BREAK = "\u2060"  # a line break inside a word too long for its cell, or between two words
FULL_BREAK = "\u2063"  # ...after a line holding one word that fills the cell: most likely inside a word


@dataclass
class PdfTable:
    """A table found on a page: its box, rows of cell texts and the characters it took."""

    bbox: tuple[float, float, float, float]
    rows: list[list[str]]
    row_boxes: list[tuple[float, float, float, float]]
    taken: set[int] = field(default_factory=set)  # ids of the characters read into cells
    header_rows: int = 0


def _edge_dicts(edges: list[Edge]) -> list[dict[str, Any]]:
    out = []
    for e in edges:
        length = (e.x1 - e.x0) if e.orientation == "h" else (e.bottom - e.top)
        if length < 3:
            continue
        out.append(
            {
                "x0": e.x0,
                "x1": e.x1,
                "top": e.top,
                "bottom": e.bottom,
                "width": e.x1 - e.x0,
                "height": e.bottom - e.top,
                "orientation": e.orientation,
                "object_type": "line",
            }
        )
    return out


def _cluster(values: list[float]) -> list[float]:
    """Distinct positions, values within the snap tolerance counted as one."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > _SNAP:
            out.append(v)
    return out


def _index(positions: list[float], value: float) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))


def cell_text(chars: list[Char], box: tuple[float, float, float, float] | None = None) -> str:
    """A cell's text: its lines in order, joined by spaces, line-end hyphenation undone, and
    a word too long for the cell (broken by the writer without a hyphen) put back together."""
    if not chars:
        return ""
    angle = Counter(c.angle for c in chars).most_common(1)[0][0]
    from ingest.loaders.pdf_lines import _fragments

    frags = _fragments([c for c in chars if c.angle == angle], angle, 0)
    by_line: dict[int, list[Any]] = {}
    for f in frags:
        by_line.setdefault(f.line_id, []).append(f)
    lines = sorted(by_line.values(), key=lambda ps: min(p.v0 for p in ps))
    texts = [" ".join(f.text for f in sorted(parts, key=lambda f: f.u0)) for parts in lines]
    if box is None or angle != 0:
        return join_lines([t for t in texts if t])
    pad = max(min(f.u0 for f in frags) - box[0], 0.0)
    inner = (box[2] - box[0]) - 2 * pad

    def filled(line: list[Any]) -> tuple[bool, float]:
        """Whether one more character would not fit on the line; its mean character width."""
        width = sum(p.u1 - p.u0 for p in line) / max(len(" ".join(p.text for p in line)), 1)
        return (box[2] - pad) - max(p.u1 for p in line) < width, width

    out = texts[0]
    for prev, text in zip(lines, texts[1:]):
        last, first = out.rsplit(" ", 1)[-1], text.split(" ", 1)[0]
        full_line, width = filled(prev)
        broken = last[-1:].isalnum() and first[:1].isalnum() and (len(last) + len(first)) * width > 0.9 * inner
        if full_line and _split_group(out, text):
            out += text  # "110 70 | 6": a digit group is three digits long
            continue
        if out.endswith("-") and out[-2:-1].isalpha() and text[:1].islower():
            out += BREAK + text  # "mini-" | "grids": kept or closed by the document's words
            continue
        one_word = full_line and " " not in " ".join(p.text for p in prev)
        out = join_lines([out + ((FULL_BREAK if one_word else BREAK) if broken else ""), text])
    if out[-1:].isalpha() and filled(lines[-1])[0] and " " not in texts[-1]:
        out += FULL_BREAK  # it may go on in the next page's cell ("Allocati" | "on of scholarships")
    return out


_OPEN_GROUP = re.compile(r"(?:^|\s)\d{1,3}(?:[ ,\u00a0]\d{3})*[ ,\u00a0](\d{1,2})$")


def _split_group(before: str, after: str) -> bool:
    """Whether a number's last digit group is cut at the line end ("110 70" then "6")."""
    m, rest = _OPEN_GROUP.search(before), re.match(r"\d+(?=\s|$|[.,;%)])", after)
    return bool(m and rest and len(m.group(1)) + len(rest.group(0)) == 3)


def join_lines(lines: list[str], keep_hyphen: Any = None) -> str:
    """Lines joined into running text; a word broken at a line end is put back together."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        if out.endswith((BREAK, FULL_BREAK)):
            out = out + line
        elif out.endswith("\u00ad"):
            out = out[:-1] + line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            head = out.rsplit(" ", 1)[-1][:-1]
            tail = line.split(" ", 1)[0]
            if keep_hyphen is not None and keep_hyphen(head, tail):
                out = out + line
            else:
                out = out[:-1] + line
        elif out.endswith("-") and out[-2:-1].isalpha() and line[:1].isdigit():
            out = out + line  # "COVID-" | "19": a hyphen before a number is the word's own
        elif _cjk(out[-1]) and _cjk(line[0]):
            out = out + line  # no spaces between Chinese, Japanese or Korean characters
        else:
            out = out + " " + line
    return out.replace("\u00ad", "")


def _cjk(ch: str) -> bool:
    return "\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uff00" <= ch <= "\uffef"


def _lines_per_cell(texts: dict[Any, list[Char]]) -> float:
    """The median number of text lines in the non-empty cells."""
    counts = []
    for chars in texts.values():
        if chars:
            tops = sorted(c.top for c in chars if c.angle == 0) or [0.0]
            counts.append(1 + sum(1 for a, b in zip(tops, tops[1:]) if b - a > 2.0))
    counts.sort()
    return float(counts[len(counts) // 2]) if counts else 0.0


def find_tables(chars: list[Char], edges: list[Edge]) -> list[PdfTable]:
    """The ruled tables of a page, top first."""
    if len(edges) < 4:
        return []
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    merged = merge_edges(_edge_dicts(edges), _SNAP, _SNAP, _SNAP, _SNAP)
    merged = [e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= 3]
    if not merged:
        return []
    cells_sets = cells_to_tables(intersections_to_cells(edges_to_intersections(merged, _SNAP, _SNAP)))
    tables: list[PdfTable] = []
    for cells in cells_sets:
        if len(cells) < 2:
            continue
        table = _read_table(cells, chars)
        if table is not None:
            tables.append(table)
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables


def _read_table(cells: list[tuple[float, float, float, float]], chars: list[Char]) -> PdfTable | None:
    xs = _cluster([v for c in cells for v in (c[0], c[2])])
    ys = _cluster([v for c in cells for v in (c[1], c[3])])
    if len(xs) < 2 or len(ys) < 2:
        return None
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    placed: dict[tuple[int, int], tuple[int, int, tuple[float, float, float, float]]] = {}
    for cell in cells:
        c0, c1 = _index(xs, cell[0]), _index(xs, cell[2])
        r0, r1 = _index(ys, cell[1]), _index(ys, cell[3])
        if c1 <= c0 or r1 <= r0:
            continue
        placed[(r0, c0)] = (r1 - r0, c1 - c0, cell)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    texts: dict[tuple[int, int], list[Char]] = {key: [] for key in placed}
    taken: set[int] = set()
    boxes = sorted(placed.items(), key=lambda kv: (kv[1][2][1], kv[1][2][0]))
    for i, ch in enumerate(chars):
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        if ch.top < bbox[3] < cy:
            cy = bbox[3]  # a cell's last line overflowing the table's bottom rule at a page break
        if not (bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]):
            continue
        for key, (_, _, (x0, top, x1, bottom)) in boxes:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                texts[key].append(ch)
                taken.add(i)
                break
    if not taken:
        return None
    if n_rows <= 3 and n_cols < 3 and _lines_per_cell(texts) >= 4:
        return None  # boxes around running text or two ruled columns: read as text (a table's
        # row of three or more columns read as text would run its cells together)
    content = {key: cell_text(chs, placed[key][2]) for key, chs in texts.items()}
    starts = [(r, c, rs, cs) for (r, c), (rs, cs, _) in placed.items()]
    header = header_rows(starts, n_rows)
    covered: dict[tuple[int, int], tuple[int, int]] = {}  # grid slot -> the cell covering it
    for (r, c), (rs, cs, _) in placed.items():
        for rr in range(r, r + rs):
            for cc in range(c, c + cs):
                covered[(rr, cc)] = (r, c)
    rows: list[list[str]] = []
    row_boxes: list[tuple[float, float, float, float]] = []
    for r in range(n_rows):
        row: list[str] = []
        c = 0
        while c < n_cols:
            owner = covered.get((r, c))
            if owner is None:
                row.append("")
                c += 1
                continue
            rs, cs, _ = placed[owner]
            end = owner[1] + cs
            if owner[0] != r:
                row.append("")  # the continuation of a vertical merge
            elif repeat_span(cs, n_cols, r < header) > 1:
                row.extend([content[owner]] * (end - c))
            else:
                row.append(content[owner])
            c = end
        rows.append(row)
        row_boxes.append((xs[0], ys[r], xs[-1], ys[r + 1]))
    if not any(cell for row in rows for cell in row):
        return None
    keep = [i for i, row in enumerate(rows) if any(row)]
    return PdfTable(bbox, [rows[i] for i in keep], [row_boxes[i] for i in keep], taken, header)

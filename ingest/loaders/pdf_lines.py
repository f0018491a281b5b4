"""Characters to visual lines in reading order, for one PDF page.

Owns the geometry of reading: characters grouped by writing direction (rotated text is
read along its own baseline, never reversed), into lines and then into fragments split
at wide gaps; word spaces from gaps relative to the font size (not an absolute
tolerance, which runs tight words together); and the reading order of fragments by a
recursive XY cut: a column gutter running the full height of a band, with running text
on both sides, splits the band into columns read left to right; otherwise the band is cut
at its horizontal gaps and read top to bottom. Bands with the same gutter are merged
first, so two columns whose paragraph gaps happen to line up are still read one after
the other.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from ingest.loaders.pdf_page import Char

_SPLIT_EM = 0.6  # a gap wider than this (in font sizes) splits a line into fragments
_SPACE_EM = 0.14  # a gap wider than this is a word space


@dataclass
class Frag:
    """Characters of one line between two wide gaps, in text-frame coordinates."""

    chars: list[Char]
    u0: float
    v0: float
    u1: float
    v1: float
    line_id: int
    size: float = 0.0
    bold: bool = False
    text: str = ""


@dataclass
class VLine:
    """A visual line of one reading region, as read."""

    text: str
    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom on the page
    size: float
    bold: bool
    u0: float
    v0: float
    u1: float
    v1: float
    region: int  # reading region (column) id on its page
    region_u0: float
    region_u1: float
    angle: int = 0
    frags: list[Frag] = field(default_factory=list)


def _frame(ch: Char, angle: int) -> tuple[float, float, float, float]:
    """(u0, v0, u1, v1): the box with u along the writing direction, v down the lines."""
    if angle == 90:
        return -ch.bottom, ch.x0, -ch.top, ch.x1
    if angle == 180:
        return -ch.x1, -ch.bottom, -ch.x0, -ch.top
    if angle == 270:
        return ch.top, -ch.x1, ch.bottom, -ch.x0
    return ch.x0, ch.top, ch.x1, ch.bottom


def chars_text(chars: list[Char], angle: int = 0) -> str:
    """The text of characters in writing order, with spaces where the gaps are words'."""
    out: list[str] = []
    prev_u1: float | None = None
    for ch in chars:
        u0, _, u1, _ = _frame(ch, angle)
        if prev_u1 is not None:
            gap = u0 - prev_u1
            if gap > _SPACE_EM * ch.size or (ch.space_before and gap > -0.05 * ch.size):
                if out and out[-1] not in " \u00a0":
                    out.append("\u00a0" if ch.nbsp_before else " ")
        out.append(ch.text)
        prev_u1 = u1 if prev_u1 is None else max(prev_u1, u1)
    return "".join(out).strip()


def _fragments(chars: list[Char], angle: int, first_id: int) -> list[Frag]:
    """Group characters of one writing direction into lines, and lines into fragments."""
    boxes = [(_frame(c, angle), c) for c in chars]
    boxes.sort(key=lambda b: ((b[0][1] + b[0][3]) / 2, b[0][0]))
    lines: list[list[tuple[tuple[float, float, float, float], Char]]] = []
    start_center = 0.0
    for box, ch in boxes:
        center = (box[1] + box[3]) / 2
        height = max(box[3] - box[1], 1.0)
        if lines and center - start_center <= 0.45 * height:
            lines[-1].append((box, ch))
        else:
            lines.append([(box, ch)])
            start_center = center
    frags: list[Frag] = []
    for n, line in enumerate(lines):
        line.sort(key=lambda b: b[0][0])
        current: list[tuple[tuple[float, float, float, float], Char]] = []
        right = 0.0
        for box, ch in line:
            if current and box[0] - right > _SPLIT_EM * max(ch.size, 1.0):
                frags.append(_frag(current, first_id + n, angle))
                current = []
            current.append((box, ch))
            right = box[2] if len(current) == 1 else max(right, box[2])
        if current:
            frags.append(_frag(current, first_id + n, angle))
    return frags


def _frag(items: list[tuple[tuple[float, float, float, float], Char]], line_id: int, angle: int) -> Frag:
    chars = [ch for _, ch in items]
    sizes = Counter(ch.size for ch in chars)
    text = chars_text(chars, angle)
    return Frag(
        chars,
        min(b[0] for b, _ in items),
        min(b[1] for b, _ in items),
        max(b[2] for b, _ in items),
        max(b[3] for b, _ in items),
        line_id,
        sizes.most_common(1)[0][0],
        all(ch.bold for ch in chars if ch.text.strip()),
        text,
    )


def _gaps(spans: list[tuple[float, float]], min_gap: float) -> list[tuple[float, float]]:
    """Gaps at least ``min_gap`` wide between the union of ``spans``."""
    out: list[tuple[float, float]] = []
    spans = sorted(spans)
    reach = spans[0][1]
    for lo, hi in spans[1:]:
        if lo - reach >= min_gap:
            out.append((reach, lo))
        reach = max(reach, hi)
    return out


def _text_like(frags: list[Frag], em: float) -> bool:
    """Running text: several lines, most of them wider than a few words."""
    lines = {f.line_id for f in frags}
    if len(lines) < 3:
        return False
    widths = [f.u1 - f.u0 for f in frags]
    return median(widths) >= 9 * em and sum(len(f.text) for f in frags) >= 120


def _gutters(frags: list[Frag], em: float) -> list[float]:
    """x positions of column gutters running the full height of ``frags``."""
    if len(frags) < 6:
        return []
    gaps = _gaps([(f.u0, f.u1) for f in frags], 0.8 * em)
    cuts = [(lo + hi) / 2 for lo, hi in gaps]
    if not cuts:
        return []
    bounds = [-1e9, *cuts, 1e9]
    parts = [[f for f in frags if lo < (f.u0 + f.u1) / 2 < hi] for lo, hi in zip(bounds, bounds[1:])]
    if all(_text_like(p, em) for p in parts):
        return cuts
    return []


def _order(frags: list[Frag], em: float, depth: int = 0) -> list[list[Frag]]:
    """Reading regions (each a list of fragments), in reading order."""
    if depth > 12 or len(frags) < 2:
        return [frags] if frags else []
    cuts = _gutters(frags, em)
    if cuts:
        bounds = [-1e9, *cuts, 1e9]
        out: list[list[Frag]] = []
        for lo, hi in zip(bounds, bounds[1:]):
            part = [f for f in frags if lo < (f.u0 + f.u1) / 2 < hi]
            out += _order(part, em, depth + 1)
        return out
    gaps = _gaps([(f.v0, f.v1) for f in frags], 0.01)
    if not gaps:
        return [frags]
    bounds = [-1e9, *[(lo + hi) / 2 for lo, hi in gaps], 1e9]
    bands = [[f for f in frags if lo < (f.v0 + f.v1) / 2 < hi] for lo, hi in zip(bounds, bounds[1:])]
    # merge runs of bands split by the same gutter (columns whose gaps line up)
    bands = [b for b in bands if b]
    merged: list[list[Frag]] = []
    i = 0
    while i < len(bands):
        run, j = bands[i], i + 1
        while j < len(bands) and _gaps([(f.u0, f.u1) for f in run + bands[j]], 0.8 * em):
            run, j = run + bands[j], j + 1
        if j - i > 1 and _gutters(run, em):
            merged.append(run)
            i = j
        else:
            merged.append(bands[i])
            i += 1
    if len(merged) <= 1:
        return [frags]
    regions: list[list[Frag]] = []
    plain: list[Frag] = []  # bands without columns read on as one region
    for band in merged:
        sub = _order(band, em, depth + 1)
        if len(sub) == 1:
            plain.extend(sub[0])
            continue
        if plain:
            regions.append(plain)
            plain = []
        regions.extend(sub)
    if plain:
        regions.append(plain)
    return regions


def page_lines(chars: list[Char], page_no: int, body_size: float = 10.0) -> list[VLine]:
    """Visual lines of one page in reading order."""
    by_angle: dict[int, list[Char]] = {}
    for ch in chars:
        by_angle.setdefault(ch.angle, []).append(ch)
    # the main writing direction first, the others after it
    angles = sorted(by_angle, key=lambda a: -len(by_angle[a]))
    out: list[VLine] = []
    region_no = 0
    line_base = 0
    for angle in angles:
        frags = _fragments(by_angle[angle], angle, line_base)
        line_base += len(frags) + 1
        sizes = Counter(f.size for f in frags for _ in f.text)
        em = sizes.most_common(1)[0][0] if sizes else body_size
        for region in _order(frags, max(em, 4.0)):
            region_no += 1
            r_u0 = min(f.u0 for f in region)
            r_u1 = max(f.u1 for f in region)
            by_line: dict[int, list[Frag]] = {}
            for f in region:
                by_line.setdefault(f.line_id, []).append(f)
            for parts in sorted(by_line.values(), key=lambda ps: min(p.v0 for p in ps)):
                parts.sort(key=lambda p: p.u0)
                text = " ".join(p.text for p in parts if p.text)
                if not text:
                    continue
                all_chars = [c for p in parts for c in p.chars]
                sizes_line = Counter(c.size for c in all_chars)
                out.append(
                    VLine(
                        text=text,
                        page=page_no,
                        bbox=(
                            min(c.x0 for c in all_chars),
                            min(c.top for c in all_chars),
                            max(c.x1 for c in all_chars),
                            max(c.bottom for c in all_chars),
                        ),
                        size=sizes_line.most_common(1)[0][0],
                        bold=all(p.bold for p in parts),
                        u0=parts[0].u0,
                        v0=min(p.v0 for p in parts),
                        u1=parts[-1].u1,
                        v1=max(p.v1 for p in parts),
                        region=region_no,
                        region_u0=r_u0,
                        region_u1=r_u1,
                        angle=angle,
                        frags=parts,
                    )
                )
    return out

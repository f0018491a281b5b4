"""Visual lines of a whole PDF to Blocks: what a reader sees as paragraphs and headings.

Owns the decisions made across lines and pages: running headers and footers (lines in
the page margins that repeat on many pages, digits ignored) and page numbers are dropped;
lines are joined into paragraphs (a paragraph ends at a wider gap, a first-line indent, a
short line ending a sentence, a change of size, a heading or a list item), words broken
at a line end are put back together (the hyphen kept where the document writes the word
with one); a paragraph cut by a column or page break goes on where the next column or
page does; footnotes (small print at the foot of a page) are kept apart; headings are
told by size and weight relative to the body text. Every block keeps its page, the page
it ends on and its box on its first page.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from statistics import median

from assistant.core.types import Block, Location, TableRow
from ingest.loaders.pdf_lines import VLine
from ingest.loaders.pdf_tables import BREAK, FULL_BREAK, PdfTable, join_lines

_LIST_START = re.compile(r"^([•·▪◦‣●○■□➢►✓\-–*]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,4}[.)])\s+\S")
_PAGE_NUMBER = re.compile(
    r"^(page\s*)?[-–(\[]?\s*([#]|[ivxlc]+)\s*[-–)\]]?(\s*(of|/)\s*#)?$|^#\s*(of|/)\s*#$", re.IGNORECASE
)
_END = (".", "!", "?", ":", ";", "…")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass
class PageItems:
    """One page read: its visual lines in reading order and its tables."""

    page: int
    height: float
    lines: list[VLine]
    tables: list[PdfTable]
    ocr: bool = False  # its text was read from the page image


@dataclass
class _Para:
    kind: str  # heading | paragraph | list | footnote
    lines: list[VLine] = field(default_factory=list)
    level: int = 0


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_lines(pages: list[PageItems]) -> set[tuple[int, int]]:
    """(page, line index) of running headers, footers and page numbers."""
    margin: list[tuple[int, int, str]] = []
    for p in pages:
        if not p.lines:
            continue
        order = sorted(range(len(p.lines)), key=lambda i: p.lines[i].bbox[1])
        for i in order[:3] + order[-3:]:
            line = p.lines[i]
            outermost = i in (order[0], order[-1]) and (
                line.bbox[3] < 0.25 * p.height or line.bbox[1] > 0.75 * p.height
            )
            if outermost and _PAGE_NUMBER.match(_key(line.text)):
                margin.append((p.page, i, _key(line.text)))
            elif line.bbox[3] < 0.15 * p.height or line.bbox[1] > 0.85 * p.height:
                margin.append((p.page, i, _key(line.text)))
    counts = Counter(key for _, _, key in {(pg, 0, k) for pg, _, k in margin})
    n_pages = len(pages)
    drop: set[tuple[int, int]] = set()
    for page, i, key in margin:
        if _PAGE_NUMBER.match(key) or (n_pages >= 3 and counts[key] >= max(3, 0.4 * n_pages)):
            drop.add((page, i))
    return drop


def body_size(pages: list[PageItems]) -> float:
    sizes = Counter(round(line.size) for p in pages for line in p.lines for _ in line.text)
    return float(sizes.most_common(1)[0][0]) if sizes else 10.0


def _heading_level(line: VLine, body: float) -> int | None:
    text = line.text.strip()
    words = text.split()
    if len(words) > 18 or not any(ch.isalpha() for ch in text) or text.endswith((".", ",", ";", ":")):
        return None
    if _LIST_START.match(text) and not re.match(r"^\d{1,2}(\.\d+)*\.?\s+[A-Z]", text):
        return None
    if line.size >= body * 1.6:
        return 1
    if line.size >= body * 1.15:
        return 2
    if line.bold and len(words) <= 12 and line.size >= body * 0.9:
        return 3
    return None


def _words(text: str) -> list[str]:
    """The words of ``text``, and the parts of its hyphenated ones ("evidence-based", "based")."""
    found = _WORD.findall(text)
    return found + [part for w in found if "-" in w for part in w.split("-")]


_UNSEEN = 0.005  # the count given to a word the document never writes
_UNSEEN_PER_CHAR = 3.0  # ...and its log-probability lower by this per character
_JOIN_PRIOR = {FULL_BREAK: 4.0, BREAK: -2.0}  # log-odds of a line break being inside a word


class _Vocabulary:
    """Words of the document, to tell a broken word from a hyphenated one at a line end."""

    def __init__(self, pages: list[PageItems]) -> None:
        self.words: Counter[str] = Counter()
        for p in pages:
            for line in p.lines:
                self.words.update(w.lower() for w in _words(line.text))
            for table in p.tables:
                for row in table.rows:
                    for cell in row:
                        whole = " ".join(t for t in cell.split() if BREAK not in t and FULL_BREAK not in t)
                        self.words.update(w.lower() for w in _words(whole))
        self.total = max(sum(self.words.values()), 1)

    def resolve_breaks(self, text: str) -> str:
        """A cell's line breaks inside long words closed, the others read as spaces: each run
        of pieces is split into the likeliest words of the document (``segment``)."""
        text = text.rstrip(FULL_BREAK)
        if BREAK not in text and FULL_BREAK not in text:
            return text
        hyphen = rf"(\w+)-{BREAK}(\w+)"  # "mini-" | "grids"
        text = re.sub(hyphen, lambda m: m[1] + ("-" if self.keep_hyphen(m[1], m[2]) else "") + m[2], text)

        def fix(m: re.Match[str]) -> str:
            parts = re.split(f"({BREAK}|{FULL_BREAK})", m.group(0))
            return " ".join(self.segment(parts[0::2], parts[1::2]))

        text = re.sub(rf"\w+(?:[{BREAK}{FULL_BREAK}]\w+)+", fix, text)
        return text.replace(BREAK, " ").replace(FULL_BREAK, " ")

    def _log_p(self, word: str) -> float:
        """log P(word) by its count in the document; a word it never writes is very unlikely,
        the more so the longer it is (else gluing known words together would look likely)."""
        count = self.words.get(word.lower(), 0)
        return math.log((count or _UNSEEN) / self.total) - (0 if count else _UNSEEN_PER_CHAR * len(word))

    def segment(self, pieces: list[str], breaks: list[str]) -> list[str]:
        """``pieces`` separated by line ``breaks``, grouped into the words most likely by
        their counts in the document: a break after a line one word fills (``FULL_BREAK``)
        is likely inside a word, any other less so; never between letters and digits, and
        between digits only after a full line ("110 70 | 6")."""
        best: list[tuple[float, list[str]]] = [(0.0, [])]
        for i in range(1, len(pieces) + 1):
            options = []
            for j in range(i - 1, -1, -1):
                inside = breaks[j : i - 1]
                if j < i - 1 and not self._joinable(pieces[j], pieces[j + 1], breaks[j]):
                    break  # a longer group would hold this break too
                word = "".join(pieces[j:i])
                score = 0.0 if word.isdigit() else self._log_p(word)
                score += sum(_JOIN_PRIOR[b] for b in inside)
                options.append((best[j][0] + score, best[j][1] + [word]))
            best.append(max(options, key=lambda o: o[0]))
        return best[-1][1]

    @staticmethod
    def _joinable(before: str, after: str, brk: str) -> bool:
        if before[-1:].isdigit() and after[:1].isdigit():
            return brk == FULL_BREAK
        return before[-1:].isalpha() == after[:1].isalpha()

    def closes(self, before: str, after: str) -> bool:
        """Whether a break after a full line between ``before`` and ``after`` is inside a word."""
        head = re.findall(r"\w+$", before)
        tail = re.findall(r"^\w+", after)
        return bool(head and tail) and len(self.segment([head[0], tail[0]], [FULL_BREAK])) == 1

    def keep_hyphen(self, head: str, tail: str) -> bool:
        h, t = head.lower(), tail.lower().rstrip(".,;:!?)")
        if f"{h}-{t}" in self.words:
            return True
        if f"{h}{t}" in self.words:
            return False
        return len(h) >= 3 and len(t) >= 3 and h in self.words and t in self.words


class _Builder:
    def __init__(self, pages: list[PageItems], source: str) -> None:
        self.pages = pages
        self.source = source
        self.body = body_size(pages)
        self.vocab = _Vocabulary(pages)
        self.drop = running_lines(pages)
        self.paras: list[_Para | tuple[int, PdfTable]] = []
        self.last_body: _Para | None = None
        self.gaps: dict[tuple[int, int], float] = {}

    def typical_gap(self, line: VLine) -> float:
        key = (line.page, line.region)
        if key not in self.gaps:
            page = self.pages[line.page - 1] if line.page - 1 < len(self.pages) else None
            same = [ln for ln in (page.lines if page else []) if ln.region == line.region]
            gaps = [b.v0 - a.v1 for a, b in zip(same, same[1:]) if 0 <= b.v0 - a.v1 < 3 * (a.v1 - a.v0)]
            self.gaps[key] = median(gaps) if gaps else 0.0
        return self.gaps[key]

    def continues(self, prev: VLine, line: VLine, para: _Para) -> bool:
        """Whether ``line`` goes on with the paragraph whose last line is ``prev``."""
        if abs(line.size - prev.size) > 1.0 or (prev.bold != line.bold and para.kind != "list"):
            return False
        text = line.text.lstrip()
        if prev.page != line.page or prev.region != line.region:
            ends = prev.text.rstrip().endswith(_END)
            return not ends and (text[:1].islower() or prev.text.endswith(("-", "\u00ad", ",")))
        height = max(prev.v1 - prev.v0, 1.0)
        gap = line.v0 - prev.v1
        if gap > max(0.45 * height, self.typical_gap(line) + 0.3 * height) or gap < -0.5 * height:
            return False
        if para.kind == "list":
            first = para.lines[0]
            hangs = line.u0 >= first.u0 + 0.5 * line.size
            # a numbered question wrapped without a hanging indent: its sentence goes on
            return hangs or (text[:1].islower() and not prev.text.rstrip().endswith(_END))
        em = max(line.size, 1.0)
        if line.u0 - line.region_u0 > 1.2 * em and prev.u0 - prev.region_u0 < 0.5 * em:
            return False  # a first-line indent starts a paragraph
        if prev.u1 < line.region_u1 - 4 * em and prev.text.rstrip().endswith(_END):
            return False  # a short line ending a sentence ends the paragraph
        return True

    def add_line(self, line: VLine) -> None:
        text = line.text.strip()
        footnote = line.size < 0.85 * self.body and line.bbox[1] > 0.6 * self.pages[line.page - 1].height
        current = self.paras[-1] if self.paras and isinstance(self.paras[-1], _Para) else None
        level = None if footnote else _heading_level(line, self.body)
        if level is not None:
            if (
                current is not None
                and current.kind == "heading"
                and current.level == level
                and current.lines[-1].page == line.page
                and abs(current.lines[-1].size - line.size) < 0.6
                and line.v0 - current.lines[-1].v1 < 0.8 * (line.v1 - line.v0)
                and len(current.lines) < 3
            ):
                current.lines.append(line)
                return
            self.paras.append(_Para("heading", [line], level))
            self.last_body = None
            return
        if footnote:
            if (
                current is not None
                and current.kind == "footnote"
                and current.lines[-1].page == line.page
                and not _LIST_START.match(text)
                and not re.match(r"^\d{1,3}\s", text)
            ):
                current.lines.append(line)
            else:
                self.paras.append(_Para("footnote", [line]))
            return
        target = self.last_body
        if target is not None and not _LIST_START.match(text) and self.continues(target.lines[-1], line, target):
            target.lines.append(line)
            return
        para = _Para("list" if _LIST_START.match(text) else "paragraph", [line])
        self.paras.append(para)
        self.last_body = para

    def add_table(self, page: int, table: PdfTable) -> None:
        self.paras.append((page, table))
        self.last_body = None

    def run(self) -> None:
        for p in self.pages:
            tables = sorted(p.tables, key=lambda t: t.bbox[1])
            for i, line in enumerate(p.lines):
                while tables and _before(tables[0], line):
                    self.add_table(p.page, tables.pop(0))
                if (p.page, i) not in self.drop:
                    self.add_line(line)
            for table in tables:
                self.add_table(p.page, table)

    def _row_over_page(self, above: list[TableRow], raw: list[list[str]], first: tuple[str, ...]) -> tuple[str, ...]:
        """The first row after a page break, less what goes on from the rows above, which is
        moved up (``above`` is changed in place; ``raw``: the previous page's rows as read,
        ``FULL_BREAK`` kept). A row broken over the page — its first cell empty, most of its
        cells going on in lower case ("m, i.e., the Steering…" | "implementation") — joins the
        last row; a cell that only ends a word its column's last cell began ("Allocati" |
        "on of scholarships…", a merged cell over the break) joins that cell."""
        out = list(first)
        if above and (pushed := _pushed_over(above[-1].cells, first)):
            cells = list(above[-1].cells)
            for c in pushed:
                cells[c], out[c] = out[c], ""
            above[-1] = replace(above[-1], cells=tuple(cells))
            return tuple(out)
        filled = [t for t in first if t]
        goes_on = bool(filled) and not first[0] and 2 * sum(t[:1].islower() for t in filled) > len(filled)
        for c, text in enumerate(first):
            if not text:
                continue
            r = next((r for r in range(len(raw) - 1, -1, -1) if c < len(raw[r]) and raw[r][c]), None)
            broken = r is not None and text[:1].islower() and raw[r][c].endswith(FULL_BREAK)
            at = len(above) - len(raw) + r if broken and r is not None else len(above) - 1
            if not (broken or goes_on) or not 0 <= at < len(above) or c >= len(above[at].cells):
                continue
            cells = list(above[at].cells)
            if not cells[c]:
                cells[c] = text
            elif broken and self.vocab.closes(cells[c], text):
                cells[c] += text
            elif goes_on:
                cells[c] += " " + text
            else:
                continue
            above[at] = replace(above[at], cells=tuple(cells))
            out[c] = ""
        return tuple(out)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        section: list[tuple[int, str]] = []
        table_no = 0
        raw_rows: list[list[str]] = []  # the last table's rows as read
        for item in self.paras:
            path_now = tuple(title for _, title in section)
            if isinstance(item, tuple):
                page, table = item
                cells_rows = [tuple(self.vocab.resolve_breaks(c) for c in cells) for cells in table.rows]
                last_raw, raw_rows = raw_rows, table.rows
                prev = out[-1] if out else None
                width = max((len(r) for r in cells_rows), default=0)
                if (
                    prev is not None
                    and prev.kind == "table"
                    and prev.rows
                    and (prev.location.page_end or prev.location.page or 0) == page - 1
                    and max(len(r.cells) for r in prev.rows) == width
                ):
                    # the same table going on over a page break: its repeated header left out
                    skip = 0
                    while skip < min(4, len(cells_rows), len(prev.rows)) and cells_rows[skip] == prev.rows[skip].cells:
                        skip += 1
                    start = len(prev.rows) + 1
                    prev_rows = list(prev.rows)
                    if skip < len(cells_rows) and last_raw:
                        cells_rows[skip] = self._row_over_page(prev_rows, last_raw, cells_rows[skip])
                        skip += not any(cells_rows[skip])  # all of it went on from the row above
                    more = tuple(
                        TableRow(
                            cells,
                            Location(self.source, "pdf", page=page, table=prev.location.table, row=r, bbox=_round(box)),
                        )
                        for r, (cells, box) in enumerate(zip(cells_rows[skip:], table.row_boxes[skip:]), start=start)
                    )
                    rows = tuple(prev_rows) + more
                    text = "\n".join("\t".join(row.cells) for row in rows)
                    out[-1] = Block("table", text, replace(prev.location, page_end=page), prev.section, rows)
                    continue
                table_no += 1
                rows = tuple(
                    TableRow(
                        cells,
                        Location(self.source, "pdf", page=page, table=table_no, row=r, bbox=_round(box)),
                    )
                    for r, (cells, box) in enumerate(zip(cells_rows, table.row_boxes), start=1)
                )
                text = "\n".join("\t".join(row.cells) for row in rows)
                loc = Location(self.source, "pdf", page=page, table=table_no, bbox=_round(table.bbox))
                out.append(Block("table", text, loc, path_now, rows))
                continue
            lines = item.lines
            text = join_lines([ln.text for ln in lines], self.vocab.keep_hyphen)
            if not text:
                continue
            first = lines[0]
            on_first = [ln for ln in lines if ln.page == first.page]
            box = (
                min(ln.bbox[0] for ln in on_first),
                min(ln.bbox[1] for ln in on_first),
                max(ln.bbox[2] for ln in on_first),
                max(ln.bbox[3] for ln in on_first),
            )
            last_page = max(ln.page for ln in lines)
            loc = Location(
                self.source,
                "pdf",
                page=first.page,
                page_end=last_page if last_page != first.page else None,
                bbox=_round(box),
            )
            if item.kind == "heading":
                level = item.level
                section = [s for s in section if s[0] < level] + [(level, text)]
                out.append(Block("heading", text, loc, tuple(t for _, t in section)))
            elif item.kind == "list":
                out.append(Block("list", _marked_option(text, lines), loc, path_now))
            else:
                out.append(Block("paragraph", text, loc, path_now))
        return out


_OPTION = re.compile(r"^(\s*\S\s+)(\d{1,2}\s*:\s*)(\S.*)$", re.DOTALL)


def _pushed_over(last: tuple[str, ...], first: tuple[str, ...]) -> list[int]:
    """The columns whose text a page break pushed from the last row into the next page's first:
    a merged cell ("Activity 3.11 …") printed after the break, its row's other merged cells
    ("12 577", "UNDP") before it. The last row lacks the text, the first row lacks those cells,
    and the two sets of columns are side by side; a new row on the next page fills them all."""
    moved = [c for c, t in enumerate(first) if t and c < len(last) and not last[c]]
    left = [c for c, t in enumerate(last) if t and (c >= len(first) or not first[c])]
    if not moved or not left or max(moved) - min(moved) + 1 != len(moved):
        return []
    return moved if min(left) == max(moved) + 1 or max(left) + 1 == min(moved) else []


def _marked_option(text: str, lines: list[VLine]) -> str:
    """A list item "• 3: There was…" whose words after the level are all in italics, written
    "• 3: *There was…*": the Markdown form in which a QA form's selected option is read."""
    m = _OPTION.match(text)
    if not m:
        return text
    chars = [c for line in lines for f in line.frags for c in f.chars if c.text.strip()]
    rest = chars[len(re.sub(r"\s", "", m.group(1) + m.group(2))) :]
    return f"{m.group(1)}{m.group(2)}*{m.group(3)}*" if rest and all(c.italic for c in rest) else text


def _round(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return (round(box[0], 1), round(box[1], 1), round(box[2], 1), round(box[3], 1))


def _before(table: PdfTable, line: VLine) -> bool:
    """Whether ``table`` is read before ``line``: it starts above the line, side by side."""
    x0, top, x1, _ = table.bbox
    overlaps = line.bbox[0] < x1 and line.bbox[2] > x0
    return line.angle == 0 and line.bbox[1] >= top - 1 and (overlaps or line.bbox[1] >= table.bbox[3])


def build_blocks(pages: list[PageItems], source: str) -> list[Block]:
    """Blocks of a whole PDF from its pages' lines and tables."""
    builder = _Builder(pages, source)
    builder.run()
    blocks = builder.blocks()
    scanned = {p.page for p in pages if p.ocr}
    return [_mark_ocr(b, scanned) for b in blocks] if scanned else blocks


def _mark_ocr(block: Block, scanned: set[int]) -> Block:
    """The block with its locations marked as read by OCR where it lies on a scanned page."""

    def mark(loc: Location) -> Location:
        first = loc.page or 0
        return replace(loc, ocr=True) if scanned & set(range(first, (loc.page_end or first) + 1)) else loc

    rows = tuple(replace(r, location=mark(r.location)) for r in block.rows)
    return replace(block, location=mark(block.location), rows=rows)

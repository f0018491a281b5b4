"""Plain-text and Markdown loader.

The seed documents are text exports of Word files: a table cell is a line that starts
with a tab, a cell's further paragraphs follow on lines without the tab, and rows are
separated by blank lines (though a cell's empty paragraphs also make blank lines).
Markdown headings (``#``) and bold-only lines (``**Strategic**``) become headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.core.types import Block, Location, TableRow

_CELL = re.compile(r"^ *\t")
_TSV_LINE = re.compile(r"\S\t|\t.*\t")  # a tab after text, or two tabs: cells side by side
_MD_HEADING = re.compile(r"^(#{1,6}) +(\S.*)$")
_BOLD_LINE = re.compile(r"^\*\*(.+?)\*\*")
_NUMBERED_HEADING = re.compile(r"^\s*(\d+|[IVX]+)\.\s+[A-Z]")
_NOT_SECTIONS = ("quality rating", "evidence", "list of uploaded", "form status")


@dataclass
class _Group:
    """A run of non-blank lines (1-based line numbers)."""

    start: int
    lines: list[str]

    @property
    def end(self) -> int:
        return self.start + len(self.lines) - 1

    @property
    def is_cells(self) -> bool:
        return bool(_CELL.match(self.lines[0])) and not self.is_tsv

    @property
    def is_tsv(self) -> bool:
        """Tab-separated rows (one row a line, cells between tabs), as spreadsheets and many
        exports write tables — unlike the Word export, whose cell lines hold one leading tab."""
        tabbed = sum(1 for line in self.lines if _TSV_LINE.search(line))
        return tabbed >= 2 and tabbed >= 0.6 * len(self.lines)

    def cells(self) -> list[tuple[str, int]]:
        """(cell text, line) pairs: a tab line starts a cell, other lines continue it."""
        out: list[tuple[list[str], int]] = []
        for i, line in enumerate(self.lines):
            if _CELL.match(line) or not out:
                out.append(([_CELL.sub("", line, count=1).lstrip("\t")], self.start + i))
            else:
                out[-1][0].append(line)
        return [("\n".join(parts).strip(), line) for parts, line in out]


def _groups(lines: list[str]) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    for number, line in enumerate(lines, start=1):
        if line.strip(" \r"):  # a lone tab is an empty table cell, not a blank line
            if current is None:
                current = _Group(number, [])
                groups.append(current)
            current.lines.append(line)
        else:
            current = None
    return [part for g in groups for part in _split_leading_text(g)]


def _split_leading_text(group: _Group) -> list[_Group]:
    """A heading or paragraph written right above a table (no blank line) is not a cell."""
    if group.is_tsv:
        first_row = next(i for i, line in enumerate(group.lines) if "\t" in line)
        if first_row:
            return [
                _Group(group.start, group.lines[:first_row]),
                _Group(group.start + first_row, group.lines[first_row:]),
            ]
        return [group]
    first_cell = next((i for i, line in enumerate(group.lines) if _CELL.match(line)), None)
    if not first_cell:
        return [group]
    return [_Group(group.start, group.lines[:first_cell]), _Group(group.start + first_cell, group.lines[first_cell:])]


def _rows_of_table(groups: list[_Group]) -> list[tuple[list[str], int, int]]:
    """Merge groups into rows: rows split by a cell's blank paragraphs are joined back
    whenever consecutive groups add up to the table's usual row width."""
    counts = [len(g.cells()) for g in groups]
    wide = [c for c in counts if c >= 3]
    width = Counter(wide).most_common(1)[0][0] if wide else 0
    rows: list[tuple[list[str], int, int]] = []
    i = 0
    while i < len(groups):
        take = 1
        if 0 < counts[i] < width:
            total = counts[i]
            for j in range(i + 1, min(i + 6, len(groups))):
                total += counts[j]
                if total == width:
                    take = j - i + 1
                    break
                if total > width:
                    break
        cells = [text for g in groups[i : i + take] for text, _ in g.cells()]
        rows.append((cells, groups[i].start, groups[i + take - 1].end))
        i += take
    return rows


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) when the line reads as a heading."""
    stripped = line.strip()
    if m := _MD_HEADING.match(stripped):
        return len(m.group(1)), m.group(2).strip("* ")
    if m := _BOLD_LINE.match(stripped):
        title = m.group(1).strip()
        if not title.lower().startswith(_NOT_SECTIONS):
            return 2, title
        return None
    if "\t" in line or not stripped or len(stripped) > 70 or len(stripped.split()) > 9:
        return None
    if stripped[-1] in ".,;:)" or not (stripped[0].isupper() or stripped[0].isdigit()):
        return None
    if stripped.startswith(("[", "-", "·", "•", "<")):
        return None
    return (1, stripped) if _NUMBERED_HEADING.match(stripped) else (2, stripped)


def parse_text(text: str, source: str) -> list[Block]:
    """Blocks of a text/Markdown document, each with its line range."""
    lines = text.split("\n")
    groups = _groups(lines)
    blocks: list[Block] = []
    section: list[tuple[int, str]] = []
    table_count = 0
    i = 0

    def path() -> tuple[str, ...]:
        return tuple(title for _, title in section)

    while i < len(groups):
        group = groups[i]
        if group.is_tsv:
            table_count += 1
            rows = [
                TableRow(
                    tuple(line.split("\t")),
                    Location(
                        source, "text", table=table_count, row=n, line_start=group.start + k, line_end=group.start + k
                    ),
                )
                for n, (k, line) in enumerate(((k, ln) for k, ln in enumerate(group.lines) if ln.strip()), start=1)
            ]
            blocks.append(
                Block(
                    "table",
                    "\n".join(group.lines),
                    Location(source, "text", table=table_count, line_start=group.start, line_end=group.end),
                    path(),
                    tuple(rows),
                )
            )
            i += 1
            continue
        if group.is_cells:
            j = i
            while j + 1 < len(groups) and groups[j + 1].is_cells:
                j += 1
            table_count += 1
            rows = []
            for n, (cells, start, end) in enumerate(_rows_of_table(groups[i : j + 1]), start=1):
                loc = Location(source, "text", table=table_count, row=n, line_start=start, line_end=end)
                rows.append(TableRow(tuple(cells), loc))
            first, last = groups[i].start, groups[j].end
            blocks.append(
                Block(
                    "table",
                    "\n".join(lines[first - 1 : last]),
                    Location(source, "text", table=table_count, line_start=first, line_end=last),
                    path(),
                    tuple(rows),
                )
            )
            i = j + 1
            continue
        for offset, line in enumerate(group.lines):
            number = group.start + offset
            loc = Location(source, "text", line_start=number, line_end=number)
            text_line = line.rstrip()
            heading = _heading(line)
            if heading:
                level, title = heading
                section = [s for s in section if s[0] < level] + [(level, title)]
                blocks.append(Block("heading", text_line, loc, path()))
            elif text_line.lstrip().startswith(("- ", "* ", "· ", "• ")):
                blocks.append(Block("list", text_line, loc, path()))
            else:
                blocks.append(Block("paragraph", text_line, loc, path()))
        i += 1
    return blocks

"""A table's header rows reduced to one header path per column.

Word merges header cells across columns ("Planned Budget by Year" over 2020…2024) and text
exports drop the merged cells, so the header rows above the leaf row may have fewer cells
than the table has columns. Every full-width label row among the first rows may be the leaf
row (the one right above the data); for each, these readings are offered, and the caller keeps
the one whose column roles the data agrees with:

- positional: cell ``j`` of the row heads column ``j`` (DOCX/PDF rows of full width);
- by slots: the leaf row's columns fall into slots — an empty leaf cell is a column whose
  label sits above it; a run of labelled leaf cells is one group under one label — and the
  labels of the rows above fill the slots in order (right-aligned when there are more labels
  than slots: a leading caption then drops out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.core.text import clean
from assistant.core.types import TableRow

MAX_HEADER_ROWS = 4
_QUANTITY = re.compile(r"^[<>~≈]?\s*[\d][\d\s,.\xa0]*%?$")
_HEADERISH_NUMBER = re.compile(r"^(?:(?:19|20)\d\d|year\s*\d{1,2}|q[1-4])$", re.IGNORECASE)


def cell_text(cell: str) -> str:
    """A header cell as one line: "Year\\n1" → "Year 1"; Word bookmarks dropped."""
    return clean(re.sub(r"\[bookmark: [^\]]*\]", "", cell))


# a Word export's footnote written into the cell: "Risk level[footnoteRef:33] [33:  P – likelihood …]"
_FOOTNOTE = re.compile(r"\[\s*footnoteRef:\s*\d+\s*\]|\[\d+:\s[^\]]*\]")
# a caption row of fields over a table's header: "Project title: … | Project No: 00123513 | Date: 10.2021"
_FIELD = re.compile(r"^[^:\d]{2,40}:\s*\S")


def _is_caption(row: TableRow) -> bool:
    texts = [cell_text(c) for c in row.cells if cell_text(c)]
    return bool(texts) and all(_FIELD.match(t) for t in texts)


def header_text(cell: str) -> str:
    """A header cell as a label: PDF text may split a narrow cell's digits ("202 2" → "2022");
    a footnote written into it is not part of the label."""
    return re.sub(r"(?<=\d) (?=\d)", "", cell_text(_FOOTNOTE.sub("", cell)))


def is_label_row(row: TableRow) -> bool:
    """A header-like row: labels only, no quantity other than a year or "Year N"."""
    texts = [header_text(c) for c in row.cells]
    if not any(texts):
        return False
    return not any(_QUANTITY.match(t) and not _HEADERISH_NUMBER.match(t) for t in texts)


@dataclass(frozen=True)
class Header:
    """Header paths of a table: ``paths[j]`` heads column ``j``; data starts at ``first_data``."""

    paths: tuple[str, ...]
    first_data: int
    reading: str  # "positional", "slots" or "flattened": how the upper header rows were aligned

    @property
    def width(self) -> int:
        return len(self.paths)


def width_of(rows: list[TableRow]) -> int:
    return max((len(r.cells) for r in rows), default=0)


MAX_READINGS = 256


def _runs(leaf: list[str]) -> list[list[int]]:
    """Columns grouped as they may sit under one label: an empty leaf cell alone (its label
    is above it), a run of labelled leaf cells together (sub-columns of a group)."""
    runs: list[list[int]] = []
    for j, text in enumerate(leaf):
        if text and runs and leaf[j - 1] and runs[-1][-1] == j - 1:
            runs[-1].append(j)
        else:
            runs.append([j])
    return runs


def _splits(run: list[int]) -> list[list[list[int]]]:
    """Every way to cut a run of sub-columns into consecutive groups (each under one label)."""
    if len(run) == 1:
        return [[run]]
    out = []
    for mask in range(1 << (len(run) - 1)):
        groups, cur = [], [run[0]]
        for k, j in enumerate(run[1:]):
            if mask >> k & 1:
                groups.append(cur)
                cur = [j]
            else:
                cur.append(j)
        groups.append(cur)
        out.append(groups)
    return out


def _slot_readings(leaf: list[str], labels: list[str]) -> list[list[list[int]]]:
    readings: list[list[list[int]]] = [[]]
    for run in _runs(leaf):
        readings = [r + split for r in readings for split in _splits(run)][:MAX_READINGS]
    return readings


MAX_LABEL_WORDS = 12  # a longer cell is a sentence (a caption, or data), not a column label


def _join(parts: list[str]) -> str:
    out: list[str] = []
    for p in parts:
        if p and len(p.split()) <= MAX_LABEL_WORDS and (not out or out[-1] != p):
            out.append(p)
    return " > ".join(out)


def candidates(rows: list[TableRow]) -> list[Header]:
    """The possible readings of the header of ``rows`` (none when it has no header row)."""
    width = width_of(rows)
    captions = 0
    while captions < len(rows) - 1 and captions < MAX_HEADER_ROWS and _is_caption(rows[captions]):
        captions += 1  # the fields over a table (its project and date) are not its header
    head: list[TableRow] = []
    for row in rows[captions : captions + MAX_HEADER_ROWS]:
        if not is_label_row(row):
            break
        head.append(row)
    if not head or width < 2:
        return []
    out: list[Header] = []
    if flat := _flattened(rows, width):
        out.append(flat)
    for leaf_at in (i for i, r in enumerate(head) if len(r.cells) == width):
        out += [replace(h, first_data=h.first_data + captions) for h in _readings(head, leaf_at, width)]
    return out


def _flattened(rows: list[TableRow], width: int) -> Header | None:
    """A header a text export wrote over several short rows, after the table's caption fields:
    "Project No: … | Date: … | # | Description" · "Likelihood" · "Risk owner | Status" are the
    column labels "# | Description | Likelihood | Risk owner | Status" when they number exactly
    as many as the data rows have cells."""
    labels: list[str] = []
    for i, row in enumerate(rows[: MAX_HEADER_ROWS + 1]):
        if not is_label_row(row):
            return None
        texts = [header_text(c) for c in row.cells]
        if i == 0:
            texts = texts[next((j for j, t in enumerate(texts) if not _FIELD.match(t)), len(texts)) :]
        labels += texts
        if len(labels) == width and i > 0 and len(rows) > i + 1 and len(rows[i + 1].cells) == width:
            if all(t and len(t.split()) <= MAX_LABEL_WORDS for t in labels):
                return Header(tuple(labels), i + 1, "flattened")
            return None
        if len(labels) > width:
            return None
    return None


def _readings(head: list[TableRow], leaf_at: int, width: int) -> list[Header]:
    """Positional and slot readings of the header whose leaf row is ``head[leaf_at]``."""
    leaf = [header_text(c) for c in head[leaf_at].cells]
    above = head[:leaf_at]
    out: list[Header] = []
    # positional: full-width rows head their own columns; a caption over every column drops out
    columns: list[list[str]] = [[] for _ in range(width)]
    for row in above:
        texts = [header_text(c) for c in row.cells]
        if len(texts) == width and len(set(texts)) > 1:
            for j, t in enumerate(texts):
                columns[j].append(t)
    out.append(Header(tuple(_join([*columns[j], leaf[j]]) for j in range(width)), leaf_at + 1, "positional"))
    # by slots: the labels of the rows above, in order and right-aligned, over the leaf's slots
    labels = [t for row in above for t in (header_text(c) for c in row.cells) if t]
    if not labels:
        return out
    for slots in _slot_readings(leaf, labels):
        paths = list(leaf)
        for label, slot in zip(labels[max(0, len(labels) - len(slots)) :], slots[max(0, len(slots) - len(labels)) :]):
            for j in slot:
                paths[j] = _join([label, leaf[j]])
        out.append(Header(tuple(paths), leaf_at + 1, "slots"))
    return out
    for slots in _slot_readings(leaf, labels):
        paths = list(leaf)
        for label, slot in zip(labels[max(0, len(labels) - len(slots)) :], slots[max(0, len(slots) - len(labels)) :]):
            for j in slot:
                paths[j] = _join([label, leaf[j]])
        out.append(Header(tuple(paths), leaf_at + 1, "slots"))
    return out

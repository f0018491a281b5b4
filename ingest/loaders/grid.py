"""Table grids shared by the PDF and Word loaders: which leading rows are header rows.

A header row's spanned cell is repeated in each column it covers (so header paths such as
"Yearly budgets (USD) > 2021" can be read downstream); below the header a spanned cell is
kept once, and so is a caption row spanning the whole table.
"""

from __future__ import annotations


def header_rows(starts: list[tuple[int, int, int, int]], n_rows: int) -> int:
    """How many leading rows are header rows, from each cell's (row, column, row span,
    column span): leading caption rows (one cell over the whole width), then a row with a
    cell spanning several columns, and each next row lying under a spanned cell of the
    rows above it (two or more of its cells inside that span)."""
    if not starts:
        return 0
    width = max(c + cs for _, c, _, cs in starts)
    partial = [(r, c, rs, cs) for r, c, rs, cs in starts if 1 < cs < width]
    first = 0
    while first < n_rows and all(cs >= width for r, _, _, cs in starts if r == first):
        first += 1
    if not any(r == first for r, _, _, _ in partial):
        return 0
    count = first + 1
    while count < n_rows - 1:
        above = [(c, cs) for r, c, rs, cs in partial if first <= r < count and r + rs <= count]
        here = [(c, cs) for r, c, _, cs in starts if r == count]
        under = [h for h in here if any(c <= h[0] and h[0] + h[1] <= c + cs for c, cs in above)]
        if len(under) < 2:
            break
        count += 1
    return count


def repeat_span(span: int, width: int, in_header: bool) -> int:
    """How many times a cell spanning ``span`` of ``width`` columns is written."""
    return span if in_header and 1 < span < width else 1

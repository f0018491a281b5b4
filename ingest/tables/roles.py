"""Column roles from header paths (the profiles' vocabulary), checked against the data.

For every reading of a table's header and every table kind of the profiles, each column gets
the first role whose header pattern matches its path; the data must agree (an indicator
column holds indicator identifiers, a target or amount column mostly numbers). The best
(kind, reading) whose required roles are all present wins; a table that looks like a kind
but cannot be mapped is reported with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant import profiles
from assistant.core.records import Period
from assistant.core.text import to_number
from assistant.core.types import TableRow
from ingest.tables.headers import Header, cell_text

_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _periodic(kind: profiles.TableKind, role: str) -> bool:
    return any(r.periodic for r in kind.roles if r.role == role)


@dataclass(frozen=True)
class Column:
    index: int
    role: str
    path: str
    period: Period | None = None
    on_line: bool = False  # an amount of a budget line (right of a line or description column)


@dataclass(frozen=True)
class Layout:
    """How a table was understood: its kind, header and column roles."""

    kind: profiles.TableKind
    header: Header
    columns: tuple[Column, ...]
    score: float

    def column(self, role: str) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)

    def of(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.role == role]


def parse_period(path: str, project_start: int | None) -> Period | None:
    """The period a header path names, calendar year filled in from the project start."""
    path = re.sub(r"(?<=\d) (?=\d)", "", path)  # PDF text may split a narrow cell's digits ("202 2")
    for kind, pattern in profiles.period_patterns():
        m = pattern.search(path)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        index = int(groups["index"]) if groups.get("index") else None
        if kind == "project_year" and year is None and index is not None and project_start:
            year = project_start + index - 1
        label = path.split(" > ")[-1]
        return Period(kind, year=year, index=index, label=label)  # type: ignore[arg-type]
    return None


def _assign(kind: profiles.TableKind, header: Header, project_start: int | None) -> list[Column]:
    columns: list[Column] = []
    taken: set[str] = set()
    line_seen = False
    for j, path in enumerate(header.paths):
        if not path:
            continue
        for rule in kind.roles:
            if not rule.matches(path):
                continue
            if not rule.periodic and rule.role in taken:
                break  # a second column for a single-valued role stays a plain column
            period = parse_period(path, project_start) if rule.periodic else None
            columns.append(Column(j, rule.role, path, period, on_line=line_seen and rule.role == "amount"))
            taken.add(rule.role)
            break
        if any(c.index == j and c.role in kind.line_roles for c in columns):
            line_seen = True
    return columns


def _coded(
    kind: profiles.TableKind, columns: list[Column], header: Header, data: list[TableRow]
) -> tuple[list[Column], Column] | None:
    """The columns with the key moved to the unmapped column that holds the identifiers
    ("Code | Indicator | …" with "OI 1.1" under Code): the key column's text names the row."""
    pattern = profiles.identifier(kind.key)
    mapped = {c.index for c in columns}
    for j, path in enumerate(header.paths):
        cells = [t for r in data if j < len(r.cells) and (t := cell_text(r.cells[j]))]
        if j in mapped or not cells or sum(1 for c in cells if pattern.match(c)) < 0.8 * len(cells):
            continue
        key = Column(j, kind.key, path or kind.key)
        return [key, *(c for c in columns if c.role != kind.key)], key
    return None


def _agreement(kind: profiles.TableKind, columns: list[Column], data: list[TableRow]) -> float:
    """How well the data agrees with the roles: a share in [0, 1] per column, summed."""
    numeric = profiles.numeric_roles()
    ident = {"indicator": profiles.identifier("indicator"), "activity": profiles.identifier("activity")}
    score = 0.0
    for col in columns:
        cells = [cell_text(r.cells[col.index]) for r in data if col.index < len(r.cells)]
        filled = [c for c in cells if c]
        if not filled:
            continue
        if col.role in ident:
            share = sum(1 for c in filled if ident[col.role].match(c)) / len(filled)
            score += 2 * share  # the key column counts double
        elif col.role == "baseline_year":
            score += sum(1 for c in filled if _YEAR.match(c)) / len(filled)
        elif kind.roles and _periodic(kind, col.role) and col.period is None:
            continue  # a per-period column whose period the header does not say: no credit
        elif col.role in numeric:
            score += sum(1 for c in filled if to_number(c) is not None or c.lower() in {"n/a", "-", "–"}) / len(filled)
        else:
            score += 0.5 * sum(1 for c in filled if to_number(c) is None) / len(filled)
    return score


def _keys_plausible(kind: profiles.TableKind, key_col: Column, data: list[TableRow]) -> bool:
    """Identifier-keyed rows must mostly carry identifiers in the key column — unless no
    column carries them (a results framework whose indicators are named by their label)."""
    if kind.key not in ("indicator", "activity"):
        return True
    pattern = profiles.identifier(kind.key)

    def share(j: int) -> float:
        cells = [t for r in data if j < len(r.cells) and (t := cell_text(r.cells[j]))]
        return sum(1 for c in cells if pattern.match(c)) / len(cells) if cells else 0.0

    if share(key_col.index) >= 0.3:
        return True
    width = max((len(r.cells) for r in data), default=0)
    return not any(share(j) >= 0.3 for j in range(width))


def understand(
    headers: list[Header], rows: list[TableRow], project_start: int | None
) -> tuple[Layout | None, str | None]:
    """The best layout of a table, or (None, why it looks like a kind but cannot be mapped)."""
    best: Layout | None = None
    rejected: str | None = None
    header_text = " ".join(headers[0].paths).lower() if headers else ""
    for kind in profiles.table_kinds():
        looks = all(p.search(header_text) for p in kind.looks_like)
        for header in headers:
            columns = _assign(kind, header, project_start)
            roles = {c.role for c in columns}
            missing = [r for r in kind.required if r not in roles]
            missing += [
                f"{r} by period"
                for r in kind.required_periodic
                if r in roles and not any(c.role == r and c.period for c in columns)
            ]
            if missing:
                if looks and best is None:
                    rejected = (
                        f"looks like a {kind.title.lower()} but its columns could not be mapped: no "
                        f"{' or '.join(r.replace('_', ' ') for r in missing)} column in the header "
                        f"({'; '.join(p for p in header.paths if p)[:200]})"
                    )
                continue
            data = rows[header.first_data :]
            key_col = next(c for c in columns if c.role == kind.key)
            if not _keys_plausible(kind, key_col, data) and (coded := _coded(kind, columns, header, data)):
                columns, key_col = coded
            key_cells = [t for r in data if key_col.index < len(r.cells) and (t := cell_text(r.cells[key_col.index]))]
            if not key_cells or not _keys_plausible(kind, key_col, data):
                continue
            credited = [c for c in columns if not (_periodic(kind, c.role) and c.period is None)]
            score = _agreement(kind, columns, data) + 0.25 * len(credited) - 0.1 * header.first_data
            if best is None or score > best.score:
                best = Layout(kind, header, tuple(columns), score)
    return best, (None if best else rejected)

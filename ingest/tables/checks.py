"""Consistency notes: where a record contradicts itself or its totals, say so (never fix it)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from assistant.core.records import Period, Record
from assistant.core.text import clean, to_number


def _num(text: str) -> float | None:
    return to_number(text) if text else None


def check_indicator(record: Record) -> Record:
    """A final target that is none of: baseline + yearly targets, their sum, the last or largest."""
    final = next((c for c in record.cells if c.role == "target" and c.period and c.period.kind == "final"), None)
    yearly = [c for c in record.cells if c.role == "target" and c.period and c.period.kind in ("project_year", "year")]
    base = _num(record.text("baseline"))
    values = [_num(c.text) for c in yearly]
    if final is None or base is None or not yearly or any(v is None for v in values):
        return record
    nums = [v for v in values if v is not None]
    end = _num(final.text)
    if end is None:
        return record
    if any(abs(end - x) <= 0.5 for x in (base + sum(nums), sum(nums), nums[-1], max(nums))):
        return record
    note = (
        f"Inconsistent row: the final target ({clean(final.text)}) is not the baseline ({clean(record.text('baseline'))}) "
        f"plus the yearly targets ({', '.join(clean(c.text) for c in yearly)}), which add up to {base + sum(nums):,.0f}."
    )
    return replace(record, notes=(*record.notes, note))


def check_activity(record: Record) -> Record:
    """Each period's activity amount against the sum of its budget lines' amounts."""
    lines: dict[Period, float] = defaultdict(float)
    for c in record.cells_of("line_amount"):
        if c.period is not None and (v := _num(c.text)) is not None:
            lines[c.period] += v
    notes = []
    for c in record.cells_of("amount"):
        stated = _num(c.text)
        if c.period is None or stated is None or c.period not in lines:
            continue
        if abs(lines[c.period] - stated) > 0.5:
            notes.append(
                f"Inconsistent row: the {c.period.describe()} amount ({clean(c.text)}) is not the sum of its "
                f"budget lines ({lines[c.period]:,.0f})."
            )
    return replace(record, notes=(*record.notes, *notes)) if notes else record


def _activity_total(record: Record) -> float:
    amounts = [v for c in record.cells_of("amount") if (v := _num(c.text)) is not None]
    if amounts:
        return sum(amounts)
    return sum(v for c in record.cells_of("line_amount") if (v := _num(c.text)) is not None)


def stated_total(record: Record) -> float | None:
    """A total row's amount: its one total cell, or the sum of its per-period amounts."""
    cells = record.cells_of("total") or record.cells_of("amount")
    values = [v for c in cells if (v := _num(c.text)) is not None]
    if not values:
        return None
    return values[-1] if record.cells_of("total") else sum(values)


def check_subtotals(records: list[Record]) -> list[Record]:
    """A sub-total that is not the sum of its output's activities, with the difference."""
    out = []
    for r in records:
        if r.kind == "total" and r.key.startswith("subtotal "):
            number = r.key.split()[-1]
            members = [
                x for x in records if x.kind == "activity" and x.source == r.source and _output_no(x.group) == number
            ]
            support = [  # an output's indirect costs (GMS) are part of its sub-total
                x
                for x in records
                if x.kind == "total" and x.key == "gms" and x.source == r.source and _output_no(x.group) == number
            ]
            stated = stated_total(r)
            if members and stated is not None:
                computed = sum(_activity_total(m) for m in members) + sum(stated_total(g) or 0.0 for g in support)
                if abs(computed - stated) > 0.5:
                    r = replace(
                        r,
                        notes=(
                            *r.notes,
                            (
                                f"Inconsistent total: {r.label} ({stated:,.0f}) is not the sum of the output's "
                                f"activities ({computed:,.0f}; difference {stated - computed:+,.0f})."
                            ),
                        ),
                    )
        out.append(r)
    return out


def _output_no(group: str) -> str:
    from assistant import profiles

    m = profiles.identifier("output").match(group)
    return m.group(1) if m else ""

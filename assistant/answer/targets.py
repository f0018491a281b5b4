"""An indicator's targets: its cells by period, the end-of-project one (a final column, or in
a framework of yearly targets only its last year's) and how far that lies above the baseline."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.arithmetic import computed
from assistant.answer.fact_types import FactResult
from assistant.core.records import Cell, Record
from assistant.core.text import to_number

ASKS_MORE = re.compile(r"\bhow (?:many|much) more\b|\bсколько ещ[её]\b")


def more_than_baseline(result: FactResult, record: Record, targets: list[Cell]) -> FactResult:
    """ "How many more does it expect to reach by the end?": the final target less the
    baseline, when the answer cites both and the target is the larger."""
    final, _ = final_target(targets)
    base = record.cell("baseline")
    quoted = {e.quote for e in result.evidence}
    if final is None or base is None or not {final.text, base.text} <= quoted:
        return result
    shown = computed(final, base, "-")
    if shown is None or (to_number(final.text) or 0) <= (to_number(base.text) or 0):
        return result
    return replace(result, text=f"{result.text} {shown} more than the baseline.")


def target_cells(record: Record) -> list[Cell]:
    return [c for c in record.cells if c.role == "target" and c.period is not None]


def final_target(targets: list[Cell]) -> tuple[Cell | None, str]:
    """The end-of-project target and how the answer names it: the final column's, else, in a
    framework of yearly targets only (Year 1–4 of a four-year project), the last year's."""
    final = next((c for c in targets if c.period and c.period.kind == "final"), None)
    if final is not None:
        return final, "final target"
    yearly = [c for c in targets if c.period and c.period.kind in ("project_year", "year")]
    if not yearly:
        return None, "final target"
    last = max(yearly, key=lambda c: (c.period.year or 0, c.period.index or 0) if c.period else (0, 0))
    return last, f"{last.period.describe() if last.period else ''} target (the last the framework gives)"

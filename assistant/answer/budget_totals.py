"""Budget totals and delivery: sub-totals, totals, GMS and grand totals of the work plan, and
a progress report's budget against expenditure, each answered from its cited cells."""

from __future__ import annotations

import re
from dataclasses import replace

from assistant import profiles
from assistant.answer.activity_sets import rows_added
from assistant.answer.arithmetic import computed
from assistant.answer.fact_types import CellAnswer, FactResult, merge, period_cell, years_not_given
from assistant.answer.matching import Embed, RecordMatcher
from assistant.answer.outputs import output_number
from assistant.answer.query import Query, names_kind
from assistant.core.records import Record
from assistant.core.text import clean, to_number

_SPENDING_WORDS = {"spent", "unspent", "went", "go", "goes", "gone", "used", "left", "over"}  # they name no row
_WHOLE_BUDGET = re.compile(
    r"\b(?:(?:across|for|of) (?:all|the) outputs|whole project|entire project|grand total|overall budget"
    r"|total (?:planned |project )?budget|всего по проекту|общий бюджет)\b"
)


def total_by_key(totals: list[Record], key: str, query: Query) -> FactResult | None:
    """ "the sub-total of output 2" (key "subtotal 2"); refused when the budget has totals but not this one."""
    rows = [r for r in totals if r.key == key]
    if not rows:
        if totals:
            return FactResult(
                f"{key.replace('subtotal', 'The sub-total of output')} is not in the budget tables.", refused=True
            )
        return None
    return total_answer(rows[0], query)


def total_answer(record: Record, query: Query) -> FactResult:
    ans = CellAnswer(record)
    per_year = [c for c in record.cells_of("amount") if c.period is not None]
    if query.years and not per_year:
        return FactResult(f"The budget gives {clean(record.label)} for all years together, not by year.", refused=True)
    if refusal := years_not_given(query, per_year, clean(record.label)):
        return refusal
    if query.years and per_year:
        for y in query.years:
            ans.cite(str(y), period_cell(per_year, year=y), unit="USD ")
    else:
        if record.cell("total"):
            ans.cite("total", record.cell("total"), unit="USD ")
        for cell in per_year:
            ans.cite(cell.period.describe() if cell.period else "amount", cell, unit="USD ")
    result = ans.result(clean(record.label))
    result.text = result.text.replace(" [1]: total: ", " [1]: ")
    return result


def total_by_name(totals: list[Record], query: Query, question: str, embed: Embed | None) -> FactResult | None:
    """ "the total for all outputs", "grand total", "UNDP parallel contribution"."""
    rows = totals
    if not rows or names_kind(query.text, "activity"):
        return None  # "the total budget of the scholarships activity" is that activity's
    words = [w for w in query.subject_words] + re.findall(r"\b(?:total|grand|gms|indirect|parallel)\b", query.text)
    record = None
    if m := _WHOLE_BUDGET.search(query.text):
        # "the GMS across all outputs": every output's row of that name, not the total
        parts = [r for r in rows if r.key not in ("total", "grand total")]
        named = RecordMatcher(parts, embed).best(words, question) if parts else None
        if named is not None and sum(r.key == named.key and r.source == named.source for r in rows) > 1:
            return total_rows(totals, named, replace(query, outputs=()))
        # "the total across all outputs": the total row, else the grand total; "the whole project": the other way
        order = ("total", "grand total") if re.search(r"\ball outputs\b", m.string) else ("grand total", "total")
        record = next((r for key in order for r in rows if r.key == key), None)
    if query.outputs:  # "output 1's GMS": the rows under that output
        rows = [r for r in rows if output_number(r.group) in query.outputs] or rows
    # "the total for project management and M&E": the words besides "total" name the row; a
    # row is not named by what it leaves out ("Total programmable budget (excluding GMS)")
    excluded = profiles.total_patterns()["excluded"]
    if excluded.search(query.text):
        # "the 2025 budget excluding GMS": the total that says it leaves GMS out, never the GMS row
        rows = [r for r in rows if excluded.search(r.label)]
        if not rows:
            return None
        if len(rows) == 1:
            record = record or rows[0]
        query = replace(
            query, subject_words=tuple(w for w in query.subject_words if not excluded.search(f"excluding {w}"))
        )
    shown = [replace(r, label=excluded.sub(" ", r.label)) for r in rows]
    matcher = RecordMatcher(shown, embed)
    found = (matcher.best(query.subject_words, question) if query.subject_words else None) or matcher.best(
        words, question
    )
    record = record or next((r for r, s in zip(rows, shown) if s is found), None)
    if record is None:
        return None
    return total_rows(totals, record, query)


def total_rows(totals: list[Record], record: Record, query: Query) -> FactResult:
    """The total row, or every output's row of its name ("how much GMS is charged?": each
    output's GMS, not the first one alone) when the question names no output."""
    alike = [r for r in totals if r.key == record.key and r.source == record.source]
    if len(alike) > 1 and not query.outputs:
        return rows_added([(r, total_answer(r, query)) for r in alike])
    return total_answer(record, query)


def delivery(rows: list[Record], query: Query, question: str, embed: Embed | None) -> FactResult | None:
    """Budget against expenditure of an output (a progress report's delivery table)."""
    if not rows:
        return None
    covered = {c.period.year for r in rows for c in r.cells if c.period and c.period.year}
    missing = [y for y in query.years if covered and y not in covered]
    if missing and query.wants("expenditure"):
        span = ", ".join(str(y) for y in sorted(covered))
        return FactResult(
            f"The tables report expenditure for {span} only, not for {', '.join(map(str, missing))}.",
            refused=True,
            text_may_say=True,
        )
    if missing:
        return None  # another year's budget: the work plan's, never this table's year
    if not query.outputs and (m := _RANKED.search(query.text)):
        if (ranked := _ranked_delivery(rows, query, low=bool(m.group(1)))) is not None:
            return ranked  # "how far below the overall delivery rate was the weakest output?"
    if len(query.outputs) > 1:  # "output 1 vs output 2": each output's row
        found = [delivery(rows, replace(query, outputs=(n,)), question, embed) for n in query.outputs]
        return merge([f for f in found if f is not None]) if all(found) else None
    record = None
    for number in query.outputs:
        record = next((r for r in rows if re.match(rf"\s*output\s*{number}\b", r.label, re.I)), None)
    named = set(query.subject_words) - _SPENDING_WORDS
    excluded = profiles.total_patterns()["excluded"]
    if record is None and excluded.search(query.text):  # "… excl. GMS": the total that says so
        record = next((r for r in rows if excluded.search(r.label)), None)
    if record is None and (re.search(r"\btotal\b|\boverall\b|\bвсего\b|\bитог|\bв целом\b", query.text) or not named):
        # "the total", or no output named at all ("how much of the 2022 budget went unspent?")
        record = next((r for r in rows if re.match(r"\s*total\b", r.label, re.I)), None)
    if record is None:
        # "how much was spent on project management": the spending words name no row
        record = RecordMatcher(rows, embed).best([w for w in query.subject_words if w in named], question)
    if record is None:
        return None
    return _delivery_answer(record, query)


def _delivery_answer(record: Record, query: Query) -> FactResult:
    ans = CellAnswer(record)
    budget = record.cell("budget")
    spent = record.cell("expenditure")
    ans.cite(f"budget ({budget.period.describe()})" if budget and budget.period else "budget", budget, "USD ")
    ans.cite(f"expenditure ({spent.period.describe()})" if spent and spent.period else "expenditure", spent, "USD ")
    if record.cell("delivery_rate"):
        ans.cite("delivery rate", record.cell("delivery_rate"))
    result = ans.result(clean(record.label))
    if budget and spent and re.search(r"unspent|left|remain|balance|остат|не израсход", query.text):
        if shown := computed(budget, spent, "-"):
            result.text += f" Unspent: {shown}."
    return result


_RANKED = re.compile(r"\b(?:(weakest|worst|slowest|poorest|lowest|least)|(strongest|best|fastest|highest))\b")
_AGAINST_TOTAL = re.compile(r"\b(?:below|above|behind|ahead of|compared|against|than|overall|total)\b")


def _ranked_delivery(rows: list[Record], query: Query, low: bool) -> FactResult | None:
    """The output with the lowest (or highest) delivery rate, and, when the question sets it
    against the overall rate, the total row's with the difference in percentage points."""
    outputs = [r for r in rows if not re.match(r"\s*total\b", r.label, re.I)]
    rated = [(r, rate) for r in outputs if (rate := _rate(r)) is not None]
    if len(rated) < 2 or len(rated) < len(outputs):
        return None  # a rate missing for some output: no ranking the table supports
    record, rate = min(rated, key=lambda x: x[1]) if low else max(rated, key=lambda x: x[1])
    result = _delivery_answer(record, query)
    result.text += f" It is the {'lowest' if low else 'highest'} delivery rate of the outputs."
    total = next((r for r in rows if re.match(r"\s*total\b", r.label, re.I)), None)
    overall = _rate(total) if total is not None else None
    if total is None or overall is None or not _AGAINST_TOTAL.search(query.text):
        return result
    both = merge([result, _delivery_answer(total, query)])
    mine, theirs = record.cell("delivery_rate"), total.cell("delivery_rate")
    if mine is not None and theirs is not None:
        both.text += (
            f" computed: {clean(theirs.text).rstrip('%')} − {clean(mine.text).rstrip('%')} = {abs(overall - rate):.1f} percentage points"
            f" {'below' if rate < overall else 'above'} the total."
        )
    return both


def _rate(record: Record) -> float | None:
    cell = record.cell("delivery_rate")
    return to_number(cell.text) if cell is not None else None

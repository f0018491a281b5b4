"""What an indicator had reached at a point in time, as a sentence of the documents gives it
when no table does: "By 31 December 2025 the project had 33 stations transmitting data, …,
21 WUAs with approved plans and 5,650 farmers trained" holds, for the end of 2025, the
figure of each indicator one of its clauses names ("21 WUAs with approved plans" names
"Number of WUAs with an approved … water management plan")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant import profiles
from assistant.answer.arithmetic import against_target, computed
from assistant.answer.as_of import point
from assistant.answer.fact_types import CellAnswer, FactResult, period_cell, sentence_record
from assistant.answer.query import Query
from assistant.answer.targets import final_target, target_cells
from assistant.core.records import Cell, Record
from assistant.core.text import clean, split_sentences, stems, to_number

# a list's items: "33 stations transmitting data, 16,800 farmers …, … and 5,650 farmers trained"
_ITEMS = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+(?=\d)")
# an item that starts with its figure, perhaps after the sentence's opening ("… the project had 33 …")
_FIGURE = re.compile(
    r"(?:^|\b(?:had|has|have|reached|with|were|was)\s+)(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+(?:\.\d+)?)(?=\s+[^\W\d])"
)
# a date's own numbers ("By 31 December 2025") are no figure of an item
_DATE = re.compile(r"\b\d{1,2}\s+[A-Za-z]+\s+(?:19|20)\d\d\b|\b(?:19|20)\d\d\b")
MIN_SHARED = 2  # words an item must share with the indicator's label to name it
# words every indicator label may hold, which name none
_GENERIC = {"number", "share", "percent", "percentage", "project", "total", "women", "men", "year"}


@dataclass(frozen=True)
class ProseFigure:
    """A figure a sentence gives for an indicator: the item, verbatim, and its number."""

    source: str
    kind: str  # the document's kind ("text", "pdf"…), for the citation's place
    text: str  # the document's text, where the sentence is found
    sentence: str
    item: str
    number: str


def figure_at(asked: tuple[int, int], label: str, documents: Iterable[tuple[str, str, str]]) -> ProseFigure | None:
    """The figure of the indicator labelled ``label`` that a sentence standing at ``asked``
    (year, month) gives, from the item sharing most of the label's words; None when no
    sentence of that time names it."""
    named = stems(label) - _GENERIC
    best: tuple[int, ProseFigure] | None = None
    for source, kind, text in documents:
        for line in text.split("\n"):
            for sentence in split_sentences(line.strip()):
                if point(sentence) != asked:
                    continue
                for item in _ITEMS.split(sentence.strip().rstrip(".")):
                    m = _FIGURE.search(_DATE.sub(lambda d: "#" * len(d.group(0)), item))
                    if m is None:
                        continue
                    shared = len(stems(item[m.end(1) :]) & named)
                    if shared >= MIN_SHARED and (best is None or shared > best[0]):
                        best = (
                            shared,
                            ProseFigure(source, kind, text, sentence.strip(), item[m.start(1) :].strip(), m.group(1)),
                        )
    return best[1] if best else None


def reached_answer(record: Record, found: ProseFigure, asked: tuple[int, int], query: Query) -> FactResult:
    """The figure the sentence gives, beside the target the question names (its year's, else
    the end-of-project one), with what is left to reach it or how far short it fell, computed."""
    year, month = asked
    when = (
        f"the end of {year}" if month == 12 else f"{profiles.load('questions')['months'][month - 1][0].title()} {year}"
    )
    ans = CellAnswer(record)
    reached = Cell("achieved", found.item)
    ans.cite(f"reached by {when}", reached, record=sentence_record(found.source, found.kind, found.text, found.item))
    targets = target_cells(record)
    year_asked, index_asked = (query.years or (None,))[0], (query.year_indexes or (None,))[0]
    dated = None if query.wants("final") else period_cell(targets, year_asked, index_asked)
    target, label = (dated, f"{dated.period.describe()} target") if dated and dated.period else final_target(targets)
    if target is not None:
        ans.cite(label, target)
    result = ans.result(f"Indicator {record.key} ({clean(record.label)})")
    goal, got = (to_number(target.text) if target else None), to_number(found.number)
    if target is None or goal is None or got is None:
        return result
    if query.wants("met") and dated is not None:  # an end-of-project target is not due yet: what is left
        result.text += f" The target was {'met' if got >= goal else 'not met'}."
        return against_target(result, reached, target, query.wants("of_target"))
    if got < goal and (left := computed(target, reached, "-")):
        result.text += f" Still to reach it: {left}."
    return against_target(result, reached, target, query.wants("of_target"), with_gap=False)

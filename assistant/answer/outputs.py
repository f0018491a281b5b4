"""An output named by its title ("the partnerships and networking output"): its number, read
from the output titles that the work plan's and results framework's rows are grouped under."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from assistant.answer.query import Query, names_kind
from assistant.core.records import Record
from assistant.core.text import stems

MIN_WORDS = 2  # of the output's title the question must say
_GROUP = re.compile(r"^\s*output\s*(\d{1,2})\b\W*(.*)$", re.IGNORECASE | re.DOTALL)
_NAMES_OUTPUT = re.compile(r"\boutputs?\b", re.IGNORECASE)
_PROJECT = re.compile(r"\bproject\b", re.IGNORECASE)
_ASKS_WHICH = re.compile(r"\b(?:which|what|each|every|all|per|by)\s+outputs?\b", re.IGNORECASE)


def output_number(group: str) -> str | None:
    """ "Output 3 - Partnerships and Networking" → "3"."""
    m = _GROUP.match(group)
    return m.group(1) if m else None


def _title_stems(text: str) -> set[str]:
    """The stems a title is matched by; "project" counts here, unlike in a sentence: "the project
    management output" is Output 4 – Project Management, not Output 1 – Knowledge Management."""
    return stems(text) | ({"project"} if _PROJECT.search(text) else set())


def output_named(question: str, records: Iterable[Record]) -> str | None:
    """The number of the one output whose title holds most of the question's words (at least
    ``MIN_WORDS``), when the question says "output" without a number and does not ask which."""
    if not _NAMES_OUTPUT.search(question) or _ASKS_WHICH.search(question):
        return None
    return output_titled(question, records)


def output_titled(question: str, records: Iterable[Record]) -> str | None:
    """The number of the one output whose title holds most of the question's words (at least
    ``MIN_WORDS``): "what share goes to project management?" → 4."""
    asked = _title_stems(question) - {"output"}
    said: dict[str, int] = {}
    for record in records:
        if m := _GROUP.match(record.group):
            said[m.group(1)] = max(said.get(m.group(1), 0), len(asked & _title_stems(m.group(2))))
    ranked = sorted(said.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MIN_WORDS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# "the research output", "the partnerships and networking output": the words before "output"
_BEFORE_OUTPUT = re.compile(r"((?:[^\W\d_][\w-]*\s+){1,4})outputs?\b", re.IGNORECASE)


def outputs_named(question: str, records: Iterable[Record]) -> list[str]:
    """The numbers of the outputs that each "… output" of the question names by a word of its
    title found in no other output's title ("the research output and the partnerships output")."""
    titles: dict[str, set[str]] = {}
    for record in records:
        if m := _GROUP.match(record.group):
            titles.setdefault(m.group(1), set()).update(stems(m.group(2)))
    found: list[str] = []
    for m in _BEFORE_OUTPUT.finditer(question):
        said = stems(m.group(1)) - {"output"}
        hits = [number for number, words in titles.items() if said & words]
        if len(hits) == 1 and hits[0] not in found:
            found.append(hits[0])
    return found


def with_output_named(query: Query, records: Iterable[Record]) -> Query:
    """ "the partnerships and networking output subtotal": the query of Output 3's sub-total;
    "the research output and the partnerships output together": of both outputs' sub-totals."""
    records = list(records)
    number = output_named(query.text, records)
    if number is None:
        several = outputs_named(query.text, records)
        if len(several) > 1 and (query.wants("sum", "amount") or names_kind(query.text, "subtotal")):
            return replace(query, subtotals=tuple(several))
        return query
    if names_kind(query.text, "subtotal"):
        return replace(query, subtotals=(number,))
    return replace(query, outputs=(number,))

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
_ASKS_WHICH = re.compile(r"\b(?:which|what|each|every|all|per|by)\s+outputs?\b", re.IGNORECASE)


def output_number(group: str) -> str | None:
    """ "Output 3 - Partnerships and Networking" → "3"."""
    m = _GROUP.match(group)
    return m.group(1) if m else None


def output_named(question: str, records: Iterable[Record]) -> str | None:
    """The number of the one output whose title holds most of the question's words (at least
    ``MIN_WORDS``), when the question says "output" without a number and does not ask which."""
    if not _NAMES_OUTPUT.search(question) or _ASKS_WHICH.search(question):
        return None
    asked = stems(question) - {"output"}
    said: dict[str, int] = {}
    for record in records:
        if m := _GROUP.match(record.group):
            said[m.group(1)] = max(said.get(m.group(1), 0), len(asked & stems(m.group(2))))
    ranked = sorted(said.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < MIN_WORDS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def with_output_named(query: Query, records: Iterable[Record]) -> Query:
    """ "the partnerships and networking output subtotal": the query of Output 3's sub-total."""
    number = output_named(query.text, records)
    if number is None:
        return query
    if names_kind(query.text, "subtotal"):
        return replace(query, subtotals=(number,))
    return replace(query, outputs=(number,))

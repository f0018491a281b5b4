"""What a question takes for granted, checked against what its answer cites: the people and
bodies a "why" question names ("… supervised by the UNDP Resident Representative?") and a
figure it gives as known ("how many of the 30 planned mini-grids …?"). When the evidence does
not hold them, the premise is not supported: the answer says so and shows what the documents
say instead."""

from __future__ import annotations

import re

from assistant.answer.extractive import NOT_FOUND
from assistant.answer.grounding import identifier_numbers
from assistant.answer.naming import doc_named
from assistant.core.text import numbers
from assistant.core.types import Answer

# "of the 30 planned mini-grids": a figure the question presents as known (not "the 2022 …")
_GIVEN_FIGURE = re.compile(r"\bof the\s+(\d[\d,.]*)\s+(?!per\s?cent|percent)[a-z]", re.IGNORECASE)
_WHY_NONE = re.compile(r"^\W*why\b[^?]{0,30}\b(?:no|zero)\b", re.IGNORECASE)  # "why is there no budget …?"
_WHY = re.compile(r"^\W*(?:why|for what reason|how come)\b", re.IGNORECASE)
_NAME = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’-]+(?:&[A-Z]+)?")


def unsupported_premise(question: str, answer: Answer) -> Answer | None:
    """A refusal naming the unsupported premise, with the answer's evidence; None when the
    answer's citations hold what the question takes for granted."""
    if answer.refused or not answer.citations:
        return None
    said = " ".join(c.quote for c in answer.citations)
    held = set(numbers(said))
    for m in _GIVEN_FIGURE.finditer(question):
        given = numbers(m.group(1))
        if given and not _is_year(given[0]) and given[0] not in held:
            return _refused(f"They do not give {m.group(1)}; what they say:", answer)
    amounts = held - identifier_numbers(answer.answer)
    if _WHY_NONE.match(question) and any(_nonzero(n) for n in amounts):
        # "why are there no scholarships budgeted for 2023?" answered by the 2023 amount
        return _refused("They do give it:", answer)
    if _WHY.match(question):
        low, sources = said.lower(), {c.source for c in answer.citations}
        # a name the evidence does not hold, other than one of a cited document's ("the QA")
        missing = [
            w
            for w in _NAME.findall(question.strip())
            if w.lower() not in low and not any(doc_named(w, s) for s in sources)
        ]
        if missing:
            return _refused(f"They do not say that of {' '.join(missing)}; what they say:", answer)
    return None


def _nonzero(n: str) -> bool:
    return not _is_year(n) and any(ch in "123456789" for ch in n)


def _is_year(n: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", n))


def _refused(note: str, answer: Answer) -> Answer:
    return Answer(
        answer=f"{NOT_FOUND} {note} {answer.answer}", refused=True, citations=answer.citations, notes=answer.notes
    )

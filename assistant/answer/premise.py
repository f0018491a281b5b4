"""What a question takes for granted, checked against what its answer cites: the people and
bodies a "why" question names ("… supervised by the UNDP Resident Representative?") and a
figure it gives as known ("how many of the 30 planned mini-grids …?"). When the evidence does
not hold them, the premise is not supported: the answer says so and shows what the documents
say instead."""

from __future__ import annotations

import re

from assistant import profiles
from assistant.answer.citations import verified
from assistant.answer.extractive import NOT_FOUND, Rewording, asked_terms, candidates, covers
from assistant.answer.grounding import identifier_numbers
from assistant.answer.naming import doc_named
from assistant.core.text import coverage, numbers
from assistant.core.types import Answer, Citation
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit

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
    if _WHY_NONE.match(question) and any(_nonzero(n) for n in amounts) and not _says_none(question, said):
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


def _says_none(question: str, said: str) -> bool:
    """The evidence itself says there is none of what the question asks about ("why is there
    still no insurance product?" — "no agricultural insurance product is available")."""
    m = re.search(r"\b(?:no|zero)\s+([a-z][\w-]+)", question, re.IGNORECASE)
    if m is None:
        return False
    return re.search(rf"\bno\s+(?:[\w-]+\s+){{0,2}}{re.escape(m.group(1))}", said, re.IGNORECASE) is not None


def presumed(question: str) -> str | None:
    """ "Now that the ERC approved the guideline in 2022, how …?": the clause the question takes
    as done ("the ERC approved the guideline in 2022"), when it says something was done."""
    rules = profiles.load("questions")["premise"]
    m = profiles.rx(rules["presumed"]).match(question)
    if m is None:
        return None
    clause = m.group("clause").strip()
    return clause if any(profiles.rx(rules["done"]).match(w) for w in asked_terms(clause)) else None


DENIAL_REACH = 5  # of the sentences best matching the presumed clause, how many are read


def denial(clause: str, hits: list[Hit], texts: SourceTexts, rewording: Rewording | None) -> Answer | None:
    """A refusal quoting the sentence that says the presumed thing did not happen ("… had not
    been approved by the end of the year"), or not yet ("the Project Board will decide on it");
    None when none of the sentences on it says so. The sentence must be on the clause's subject
    and its verb ("approved", or a word of its group: "decide")."""
    rules = profiles.load("questions")["premise"]
    done = [t for t in asked_terms(clause) if profiles.rx(rules["done"]).match(t)]
    for c in candidates(clause, hits)[:DENIAL_REACH]:
        if not covers(clause, c, rewording) or coverage(done, c.quote, profiles.synonyms()) == 0:
            continue
        if profiles.rx(rules["denies"]).search(c.quote):
            cited = verified([Citation(source=c.source, place=c.location, quote=c.quote)], texts)
            if cited:
                note = f"{NOT_FOUND} They do not support that {clause}: {c.quote} [1]"
                return Answer(answer=note, refused=True, citations=cited)
    return None


def _nonzero(n: str) -> bool:
    return not _is_year(n) and any(ch in "123456789" for ch in n)


def _is_year(n: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", n))


def _refused(note: str, answer: Answer) -> Answer:
    return Answer(
        answer=f"{NOT_FOUND} {note} {answer.answer}", refused=True, citations=answer.citations, notes=answer.notes
    )

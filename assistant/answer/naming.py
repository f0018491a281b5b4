"""How a question names a document (by the words of its file name) or a budget line (by its
code or its whole description), and which of a QA form's questions a section holds."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.core.records import Record

EVIDENCE_PER_SECTION = 3


def doc_words(source: str) -> frozenset[str]:
    """The words of a document's file name ("np-solar-midterm-evaluation.txt")."""
    stem = re.sub(r"\.\w+$", "", source).lower()
    return frozenset(w for w in re.split(r"[-_\s]+", stem) if len(w) > 1)  # "qa" names a QA form


def doc_named(text: str, source: str) -> int:
    """How many words of a document's file name the question names ("evaluators" names an
    "evaluation", "mid-term" a "midterm", "qa" a "qa" form)."""
    asked = set(re.findall(r"[a-z]+", text.replace("-", "")))
    return sum(w in asked or (len(w) > 5 and any(a[:6] == w[:6] for a in asked)) for w in doc_words(source))


def names_line(line: str, text: str) -> bool:
    """The question names this budget line: its code, or its whole description of 2+ words."""
    if re.fullmatch(r"\d{4,6}", line):
        return re.search(rf"\b{line}\b", text) is not None
    return len(line.split()) >= 2 and line.lower() in text


def section_evidence(section: Record, questions: Sequence[Record], rows: Sequence[Record]) -> list[tuple[str, Record]]:
    """The first evidence of each question of a QA form's section: the form's questions filed
    under it, or (a form laid out as tables) the rated rows between its rating line and the next
    section's, in a text document's lines."""
    found = [
        (q.cells_of("evidence")[0].text, q)
        for q in questions
        if q.source == section.source and q.group == section.label and q.cells_of("evidence")
    ]
    start = section.location.line_start
    if not found and start is not None:
        later = [
            r.location.line_start
            for r in rows
            if r.source == section.source
            and r.label == r.label_cell
            and r.key != section.key
            and r.location.line_start
            and r.location.line_start > start
            and not r.cell("justification")
        ]
        end = min(later, default=None)
        found = [
            (cell.text, r)
            for r in rows
            if r.source == section.source
            and (cell := r.cell("justification")) is not None
            and r.location.line_start
            and r.location.line_start > start
            and (end is None or r.location.line_start < end)
        ]
    return found[:EVIDENCE_PER_SECTION]

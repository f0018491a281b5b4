"""Questions that compare two things ("does the funding in the closure report match the budget in
the project document?") answered by decomposition: each side asked as a question of its own,
both answers given with their citations, and whether their figures agree said plainly."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.core.text import numbers
from assistant.core.types import Answer

_SIDES = (
    re.compile(
        r"^\s*(?:does|do|did|is|are|was|were)\s+(?P<a>.+?)\s+(?:match|equal|agree with|differ from)\s+(?P<b>.+?)\W*$"
    ),
    re.compile(r"^\s*how\s+(?:does|do|did)\s+(?P<a>.+?)\s+compare\s+(?:with|to|against)\s+(?P<b>.+?)\W*$"),
    re.compile(r"^\s*compare\s+(?P<a>.+?)\s+(?:with|to|and|against)\s+(?P<b>.+?)\W*$"),
    re.compile(
        r"^\s*(?:what is the difference|how big is the (?:gap|difference)) between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\W*$"
    ),
)
_MARKER = re.compile(r"\[(\d+)\]")


def sides(question: str) -> tuple[str, str] | None:
    """The two things a comparison question names, each as a question, or None."""
    text = question.strip()
    for pattern in _SIDES:
        if m := pattern.match(text.lower()):
            a, b = (text[m.start(g) : m.end(g)] for g in ("a", "b"))
            return f"What is {a}?", f"What is {b}?"
    return None


def compare(question: str, ask: Callable[[str], Answer]) -> Answer | None:
    """Both sides answered and set side by side, or None when either side is not found."""
    found = sides(question)
    if found is None:
        return None
    first, second = (ask(q) for q in found)
    a, b = _figures(first), _figures(second)
    if first.refused or second.refused or not (a and b):
        return None  # a side not found, or found without a figure to set beside the other's
    offset = len(first.citations)
    shifted = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", second.answer)
    text = f"{first.answer} — and — {shifted}"
    text += " The figures agree." if set(a) & set(b) else " The figures differ."
    return Answer(
        answer=text, refused=False, citations=[*first.citations, *second.citations], notes=first.notes + second.notes
    )


def _figures(answer: Answer) -> list[str]:
    """The amounts an answer cites (four digits or more: not years' or identifiers' numbers)."""
    cited = [n for c in answer.citations for n in numbers(c.quote)]
    return [n for n in cited if len(n.split(".")[0]) >= 4 and not re.fullmatch(r"(?:19|20)\d\d", n)]

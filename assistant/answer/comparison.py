"""Questions that compare two things ("does the funding in the closure report match the budget in
the project document?") answered by decomposition: each side asked as a question of its own,
both answers given with their citations, whether their figures agree said plainly, and a
difference asked for computed from the two cited figures.

One thing asked of two phases ("was the implementing partner the same in phase 2 and in phase
3?", "…, and what does phase 3 aim for?") is decomposed too: the side that names only its phase
takes the other side's subject."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.answer.followup import is_followup, resolve_followup
from assistant.answer.query import parse_query
from assistant.core.text import NUMBER, clean, key_terms, number_key
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
    # "The closure report gives an amount for the next phase — how does it compare to …?",
    # "… quotes a figure for phase 3. How far is it from the budget in …?"
    re.compile(
        r"^\s*(?P<a>.+?)(?:\s*[—–-]+\s*|[.?!;]\s+)(?:how\s+(?:does|do)\s+(?:it|that|this)\s+compare\s+(?:with|to)"
        r"|how\s+far\s+is\s+(?:it|that|this)\s+(?:from|off)|how\s+(?:much|far)\s+(?:does|do)\s+(?:it|that|this)\s+differ\s+from"
        r"|(?:does|do)\s+(?:it|that|this)\s+(?:match|agree\s+with))\s+(?P<b>.+?)\W*$"
    ),
)
# one subject in two scopes: "was the implementing partner the same in phase 2 and in phase 3?"
_SAME = re.compile(
    r"^\s*(?:was|were|is|are)\s+(?P<s>.+?)\s+the same\s+(?:in|for|during)\s+(?P<a>.+?)\s+and\s+(?:in\s+|for\s+|during\s+)?(?P<b>.+?)\W*$"
)
# one thing in two documents: "2025 budget excl GMS: progress report vs work plan",
# "the 2025 budget in the progress report versus the work plan"
_IN_TWO = (
    re.compile(r"^\s*(?P<s>[^:]+?)\s*:\s*(?:the\s+)?(?P<a>[^:]+?)\s+(?:vs\.?|versus)\s+(?:the\s+)?(?P<b>[^:]+?)\W*$"),
    re.compile(
        r"^\s*(?:(?:what is|what's|compare)\s+)?(?P<s>.+?)\s+(?:in|according to|per)\s+(?:the\s+)?(?P<a>.+?)\s+"
        r"(?:vs\.?|versus|compared (?:with|to))\s+(?:in\s+|according to\s+)?(?:the\s+)?(?P<b>.+?)\W*$"
    ),
)
# what names a document ("the progress report", "the work plan"), not a place or a group
_DOCUMENT_WORD = re.compile(
    r"\b(?:report|plan|document|prodoc|evaluation|review|qa|assessment|framework|annex|form)s?\b", re.IGNORECASE
)
# "…in phase 2, and what does phase 3 aim for?": a second part that names only its phase
_AND_THEN = re.compile(r"^\s*(?P<a>.+?),?\s+and\s+(?P<b>(?:what|how much|how many)\b[^?]*?)\W*$")
_SCOPE = re.compile(r"\b(?:phase\s*\d{1,2}|project\s+0\d{6,8})\b", re.IGNORECASE)
# the words of a part that asks "what is planned": no subject of its own
_AIMED = {"aim", "aims", "aiming", "plan", "plans", "planned", "target", "targets", "expect", "expects", "envisage"}
_NO_SUBJECT = _AIMED | {"what", "how", "much", "many", "more", "does", "do", "will", "for", "growth", "there", "it"}
# what happened to the subject, not the subject: "ended with", "grow", "reached"
_HAPPENED = {"ended", "end", "grow", "grew", "rise", "rose", "increase", "increased", "reached", "achieved", "had"}
_DIFFERENCE = re.compile(
    r"\b(?:difference|gap|how much (?:more|less|higher|lower|bigger|smaller)|by how much|how far|exceed\w*)\b",
    re.IGNORECASE,
)
_MARKER = re.compile(r"\[(\d+)\]")
_PERCENT = re.compile(r"\s*(?:%|per ?cent\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Sides:
    """The two questions a comparison is decomposed into; ``same_subject`` when both ask one
    thing of two scopes, so that the answers stand side by side even without figures."""

    first: str
    second: str
    same_subject: bool = False
    first_plain: str = ""  # the first side in plain words, asked when it is not found as asked
    separate: bool = False  # two questions asked in one ("how big is A, and what is B?"): no comparison


def sides(question: str) -> tuple[str, str] | None:
    """The two things a comparison question names, each as a question, or None."""
    found = decompose(question)
    return (found.first, found.second) if found else None


def decompose(question: str) -> Sides | None:
    text = question.strip()
    low = text.lower()
    if m := _SAME.match(low):
        s, a, b = (text[m.start(g) : m.end(g)] for g in ("s", "a", "b"))
        return Sides(f"What is {s} in {a}?", f"What is {s} in {b}?", same_subject=True)
    for pattern in _IN_TWO:
        if (m := pattern.match(low)) and all(_DOCUMENT_WORD.search(m.group(g)) for g in ("a", "b")):
            s, a, b = (text[m.start(g) : m.end(g)] for g in ("s", "a", "b"))
            s = re.sub(r"^(?:the\s+)", "", s, flags=re.IGNORECASE)
            return Sides(f"What is the {s} in the {a}?", f"What is the {s} in the {b}?", same_subject=True)
    for pattern in _SIDES:
        if m := pattern.match(low):
            a, b = (text[m.start(g) : m.end(g)] for g in ("a", "b"))
            carried = _carried(a, b)
            return Sides(f"What is {a}?", carried or f"What is {b}?", same_subject=carried is not None)
    if not (m := _AND_THEN.match(low)):
        return None
    first, second = text[: m.end("a")].strip(), text[m.start("b") : m.end("b")]
    asked_first = first if first.endswith("?") else f"{first}?"
    if carried := _carried(first, second):
        scope = _SCOPE.search(first)
        counted = re.search(r"\bhow (?:many|much)\b", first, re.IGNORECASE) is not None
        plain = _asked(_subject(first), scope.group(0), False, counted) if scope else None
        return Sides(asked_first, carried, True, plain or "")
    if is_followup(second) and not _SCOPE.search(second):  # "…, and what was the budget of phase 3?" asks its own
        # "…beat the 2022 target, and how many more are needed for the end target?": the second
        # part leans on the first as a follow-up does on the question before
        return Sides(asked_first, resolve_followup(f"{second}?", [asked_first]), True)
    if parse_query(first).subject_words and parse_query(second).subject_words:
        return Sides(asked_first, f"{second}?", separate=True)  # each with a subject of its own
    return None


def _carried(a: str, b: str) -> str | None:
    """``b`` asked of ``a``'s subject when ``b`` names only a scope of its own ("what phase 3
    aims for" after "the share of women at phase 2 events"), else None."""
    scope_a, scope_b = _SCOPE.search(a), _SCOPE.search(b)
    if not (scope_a and scope_b) or scope_a.group(0).lower() == scope_b.group(0).lower():
        return None
    if any(w not in _NO_SUBJECT for w in key_terms(_SCOPE.sub(" ", b))):
        return None  # b names a subject of its own
    aimed = any(w in _AIMED for w in key_terms(b))
    return _asked(_subject(a), scope_b.group(0), aimed)


def _subject(part: str) -> str:
    """What a part asks about, without its scope and what happened to it: "Phase 2 ended with
    how many participating countries" → "participating countries"."""
    return " ".join(w for w in key_terms(_SCOPE.sub(" ", part)) if w not in _HAPPENED | {"much", "many"})


def _asked(subject: str, scope: str, aimed: bool, counted: bool = False) -> str | None:
    if not subject:
        return None
    if aimed:
        return f"What is the {scope} target for {subject}?"
    return f"How many {subject} in {scope}?" if counted else f"What is {subject} in {scope}?"


def compare(question: str, ask: Callable[[str], Answer]) -> Answer | None:
    """Both sides answered and set side by side, or None when either side is not found."""
    found = decompose(question)
    if found is None:
        return None
    first, second = ask(found.first), ask(found.second)
    if first.refused and found.first_plain:
        first = ask(found.first_plain)  # "Phase 2 ended with how many countries" as "countries in phase 2"
    a, b = _figures(first), _figures(second)
    if first.refused or second.refused or not (found.same_subject or found.separate or (a and b)):
        return None  # a side not found, or found without a figure to set beside the other's
    offset = len(first.citations)
    shifted = _MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", second.answer)
    text = f"{first.answer} — and — {shifted}"
    if a and b and not found.separate:
        text += " The figures agree." if {k for k, _ in a} & {k for k, _ in b} else " The figures differ."
        if _DIFFERENCE.search(question) and (shown := _difference(a, b)):
            text += f" {shown}."
    return Answer(
        answer=text, refused=False, citations=[*first.citations, *second.citations], notes=first.notes + second.notes
    )


def _figures(answer: Answer) -> list[tuple[str, str]]:
    """The amounts (four digits or more: not years' or identifiers' numbers) and percentages an
    answer cites, as (comparable key, as written)."""
    found: list[tuple[str, str]] = []
    for c in answer.citations:
        for m in NUMBER.finditer(c.quote):
            key, percent = number_key(m.group(1)), bool(_PERCENT.match(c.quote, m.end()))
            amount = len(key.split(".")[0]) >= 4 and not re.fullmatch(r"(?:19|20)\d\d", key)
            if amount or percent:
                found.append((f"{key}%" if percent else key, m.group(1)))
    return list(dict.fromkeys(found))


def _headline(figures: list[tuple[str, str]]) -> tuple[str, str] | None:
    """A side's one figure: its only one, or the total it gives first and its parts after
    ("Total resources required: 4,660,000; Government: 4,300,000; …"); None otherwise (an
    activity's yearly amounts, the first not the largest)."""
    if len(figures) == 1:
        return figures[0]
    if not figures or any(k.endswith("%") for k, _ in figures):
        return None
    first = figures[0]
    return first if all(float(first[0]) > float(k) for k, _ in figures[1:]) else None


def _difference(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> str | None:
    """ "computed: 4 660 000 − 4 300 000 = 360 000", written as the figures are, when each side
    cites one figure of the same kind."""
    fa, fb = _headline(a), _headline(b)
    if fa is None or fb is None or fa[0].endswith("%") != fb[0].endswith("%"):
        return None
    (ka, wa), (kb, wb) = sorted((fa, fb), key=lambda f: -float(f[0].rstrip("%")))
    value = float(ka.rstrip("%")) - float(kb.rstrip("%"))
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
    wa, wb = clean(wa.replace("\u202f", " ")), clean(wb.replace("\u202f", " "))  # display text, not quotes
    if " " in wa:
        shown = shown.replace(",", " ")  # as the figures are grouped: "4 660 000"
    unit = "%" if ka.endswith("%") else ""
    return f"Difference, computed: {wa}{unit} − {wb}{unit} = {shown}{unit}"

"""Rubric levels from evidence: requirements of each level, evidence signals, the suggestion."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from assistant.core.text import key_terms, normalise_space, split_sentences, stem
from assistant.drafting.bank import BankQuestion, Requirement, RubricOption

logger = logging.getLogger(__name__)

MIN_SUPPORT = 2  # fewer supporting sentences than this: "too thin to rate"
LEVEL_MET = 0.5  # level 3: more than this share of its requirements found; level 2: at least this share
PLANNED_SHARE = 0.6  # evidence that is mostly plans ("will", "shall") cannot reach level 3

_RUBRIC_NOTE = re.compile(r"\((?:all|both|any) (?:must|may) be true[^)]*\)|\bi\.e\.,?|\be\.g\.,?", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(will|shall|should|would|plans? to|planned|is expected to|are expected to|aims? to|envisag\w*|to be \w+ed)\b",
    re.IGNORECASE,
)
# Evidence signals: (name, pattern). An option that mentions the thing asks for the signal.
SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "monitoring data",
        re.compile(r"\b(monitor\w*|progress (?:data|reports?)|indicators?|baselines?|data)\b", re.IGNORECASE),
    ),
    (
        "board decisions",
        re.compile(r"\b(steering committee|board|governance mechanism|minutes|decisions?)\b", re.IGNORECASE),
    ),
    (
        "lessons and evaluations",
        re.compile(r"\b(lessons?|evaluations?|after.action reviews?|good practices)\b", re.IGNORECASE),
    ),
    (
        "regular frequency",
        re.compile(
            r"\b(quarterl\w*|annual\w*|every (?:year|quarter|three months)|regular\w*|periodic\w*)\b", re.IGNORECASE
        ),
    ),
    ("risk log", re.compile(r"\b(risk log|risks?)\b", re.IGNORECASE)),
    ("numbers", re.compile(r"\d")),
)


def _plain(text: str) -> str:
    return normalise_space(re.sub(r"[*_#]", "", text)).lower()


def requirement_texts(option: RubricOption) -> list[str]:
    """The requirements of a rubric option: its sentences, without "(all must be true)"."""
    text = re.sub(r"\((?:all|both|any) (?:must|may) be true[^)]*\)", "", option.text, flags=re.IGNORECASE)
    parts = [normalise_space(p) for p in split_sentences(normalise_space(text))]
    out = []
    for p in parts:
        if p.lower().startswith(("also select this option", "select this option", "this option should also")):
            continue
        if len(p.split()) >= 4:
            out.append(p.rstrip(" ."))
    return out


def _root(word: str) -> str:
    """A coarse word root for matching headings to a question ("scaling"/"scale" → "scal")."""
    return stem(word)[:6].rstrip("e")


_ALLOWANCE = re.compile(
    r",?\s*\b(?:if relevant|as relevant|if necessary|if needed|as appropriate|where required|when necessary)\b,?",
    re.IGNORECASE,
)


def requirement_core(text: str) -> str:
    """What a requirement asks for, without examples, allowances and hedges: "(e.g. …)",
    "if relevant", ", although there may be some slippage…" are not things to find."""
    core = re.sub(r"\([^)]*\)", " ", text)
    core = re.sub(r",?\s+\b(?:although|but|however|unless)\b.*$", "", core, flags=re.IGNORECASE)
    core = _ALLOWANCE.sub(" ", core)
    return normalise_space(core) or text


def _requirements(question: BankQuestion) -> list[tuple[RubricOption, str]]:
    """(option, requirement) pairs of a question; a Yes/No question's one requirement is itself."""
    rubric = [o for o in question.options if o.key not in ("Yes", "No")]
    requirements = [(o, r) for o in rubric for r in requirement_texts(o)]
    if question.kind == "yes_no" or not requirements:
        requirements = [(RubricOption("Yes", question.text), question.text)]
    return requirements


def _cos(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b))  # vectors are normalised


def _distinctive(option: RubricOption, question: BankQuestion, text: str) -> list[str]:
    """The key words of ``text`` (a requirement of ``option``) that the other options lack."""
    others: set[str] = set()
    for o in question.options:
        if o.key != option.key:
            others |= set(key_terms(o.text))
    own = [t for t in key_terms(_RUBRIC_NOTE.sub(" ", text)) if t not in _GENERIC]
    distinct = [t for t in own if t not in others]
    return distinct or own


_GENERIC = set(
    """project projects team there evidence some relevant true must select option also made were was been
    used including included necessary needed may any least one per either through other based""".split()
)


def signals(text: str) -> set[str]:
    """The evidence signals (monitoring data, board decisions, numbers…) ``text`` shows."""
    return {name for name, pattern in SIGNALS if pattern.search(text)}


def planned_share(evidence: Sequence[str]) -> float:
    """Share of evidence sentences that state plans ("will", "shall") rather than facts."""
    if not evidence:
        return 0.0
    return sum(1 for e in evidence if _PLANNED.search(e)) / len(evidence)


def suggest_level(
    question: BankQuestion, evidence: Sequence[str], requirements: Sequence[Requirement]
) -> tuple[str | None, str, str]:
    """The rubric level the evidence supports, a one-line reason, and that option's text.

    The levels are cumulative (3 asks for all of 2 and more), so:
      - 3 when most (more than ``LEVEL_MET``) of level 3's requirements are found, and the
        evidence shows what was done, not only what was planned (else it is held at 2);
      - 2 when at least half of the requirements of level 2, or of level 3, are found;
      - 1 when evidence exists but less than half of either is found;
      - None ("too thin to rate") when fewer than ``MIN_SUPPORT`` sentences support it.
    An option whose text names signals (monitoring data, board decisions, lessons,
    frequency, risk log, numbers) counts only if the evidence shows at least one of them.
    """
    n = len(evidence)
    if n < MIN_SUPPORT:
        return None, f"{n} supporting sentence{'s' if n != 1 else ''} found; at least {MIN_SUPPORT} are needed", ""
    if question.kind == "yes_no":
        return "Yes", f"{n} sentences from the documents address the question; check they show it was achieved", "Yes"
    shown = signals(" ".join(evidence))
    planned = planned_share(evidence)
    found: dict[str, tuple[int, int]] = {}
    share: dict[str, float] = {}
    asked_shown: dict[str, set[str]] = {}
    for option in question.options:
        reqs = [r for r in requirements if r.level == option.key]
        if not reqs:
            continue
        got = sum(r.found for r in reqs)
        asked = signals(option.text)
        asked_shown[option.key] = asked & shown
        sig_ok = not asked or bool(asked & shown)
        found[option.key] = (got, len(reqs))
        share[option.key] = got / len(reqs) if sig_ok else 0.0
    if share.get("3", 0.0) > LEVEL_MET:
        level = "3"
    elif share.get("2", 0.0) >= LEVEL_MET or share.get("3", 0.0) >= LEVEL_MET:
        level = "2"
    else:
        level = "1"

    def count(key: str) -> str:
        got, total = found.get(key, (0, 0))
        return f"{got} of {total} level-{key} requirements found"

    if level == "3" and planned >= PLANNED_SHARE:
        level = "2"
        reason = f"{count('3')}, but held at 2: the evidence mostly states planned arrangements, not what was done"
    elif level == "1":
        reason = f"evidence meets neither level 3 ({count('3')}) nor level 2 ({count('2')})"
    else:
        reason = count(level)
        if level == "2" and "3" in found:
            reason += f" (level 3: {found['3'][0]} of {found['3'][1]})"
        if asked_shown.get(level):
            reason += "; shows " + ", ".join(sorted(asked_shown[level]))
        if planned >= PLANNED_SHARE:
            reason += "; most evidence states plans, not results"
    chosen = question.option(level)
    return level, reason, chosen.text if chosen else ""


def missing_evidence(level: str | None, requirements: Sequence[Requirement]) -> list[str]:
    """Requirements not found: those of the suggested level, then those of the level above
    (what a higher rating would need). Too thin: every level-3 and level-2 requirement."""
    wanted = {None: ("3", "2"), "1": ("2",), "2": ("2", "3"), "3": ("3",)}.get(level, ())
    out: list[str] = []
    seen: set[str] = set()
    for key in wanted:
        for r in requirements:
            if r.level == key and not r.found and _plain(r.text) not in seen:
                seen.add(_plain(r.text))
                out.append(f"(level {key}) {r.text}")
    return out


# ---------------------------------------------------------------------------------------
# the whole form

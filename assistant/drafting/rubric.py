"""Rubric levels from evidence: requirements of each level, evidence signals, the suggestion."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.core.text import coverage, key_terms, normalise_space, split_sentences, stem
from assistant.drafting.bank import BankQuestion, Requirement, RubricOption
from assistant.drafting.evidence import is_planned, is_shortfall

logger = logging.getLogger(__name__)

REQUIREMENT_SIMILARITY = 0.5  # cosine similarity at which a sentence speaks to a requirement
REQUIREMENT_COVERAGE = 0.25  # ...and the share of the requirement's distinctive words it must hold
MIN_SUPPORT = 1  # fewer sentences reporting what was done than this: "too thin to rate"
ALL_MET = 1.0  # a level is met when this share of its requirements is found (all of them)

_RUBRIC_NOTE = re.compile(r"\((?:all|both|any) (?:must|may) be true[^)]*\)|\bi\.e\.,?|\be\.g\.,?", re.IGNORECASE)
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
    """The requirements of a rubric option: its ``requires`` list when the bank gives one, else
    its sentences, without "(all must be true)"."""
    if option.requires:
        return [normalise_space(r).rstrip(" .") for r in option.requires]
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


def requirement_hits(
    question: BankQuestion,
    option: RubricOption,
    text: str,
    evidence: Sequence[str],
    vectors: Sequence[Sequence[float]],
    req_vec: Sequence[float],
) -> list[int]:
    """The evidence sentences (indexes) that show a requirement (``text``, embedded as
    ``req_vec`` from its ``requirement_core``): close to it in meaning and holding its distinctive
    words (those the other options lack), or very close and holding most of its own key words;
    else, when its distinctive words are spread over the whole evidence, all of them. Empty: not
    found."""
    if not evidence:
        return []
    core = requirement_core(text)
    distinct = _distinctive(option, question, core)
    own = [t for t in key_terms(_RUBRIC_NOTE.sub(" ", core)) if t not in _GENERIC]
    hits = []
    for i, (v, e) in enumerate(zip(vectors, evidence)):
        sim = _cos(v, req_vec)
        if (
            sim >= REQUIREMENT_SIMILARITY
            and coverage(distinct, e) >= REQUIREMENT_COVERAGE
            and coverage(own, e) >= REQUIREMENT_COVERAGE
        ) or (sim >= REQUIREMENT_SIMILARITY + 0.1 and coverage(own, e) >= 0.4):
            hits.append(i)
    if hits:
        return hits
    return list(range(len(evidence))) if coverage(distinct, " ".join(evidence)) >= 0.5 else []


def signals(text: str) -> set[str]:
    """The evidence signals (monitoring data, board decisions, numbers…) ``text`` shows."""
    return {name for name, pattern in SIGNALS if pattern.search(text)}


@dataclass(frozen=True)
class Evidence:
    """An evidence sentence as the rating sees it: a plan ("will…") never counts as done."""

    text: str
    planned: bool = False
    shortfall: bool = False


def as_evidence(items: Sequence[str | Evidence]) -> list[Evidence]:
    """Plain strings become evidence, told apart by the profile's plan and shortfall patterns."""
    return [e if isinstance(e, Evidence) else Evidence(e, is_planned(e), is_shortfall(e)) for e in items]


def planned_share(evidence: Sequence[str | Evidence]) -> float:
    """Share of evidence sentences that state plans ("will", "shall") rather than facts."""
    items = as_evidence(evidence)
    return sum(e.planned for e in items) / len(items) if items else 0.0


def usable(evidence: Sequence[str | Evidence], plans_are_evidence: bool = False) -> list[Evidence]:
    """The evidence a level may rest on: what happened (and, at design, what is planned)."""
    return [e for e in as_evidence(evidence) if plans_are_evidence or not e.planned]


def suggest_level(
    question: BankQuestion,
    evidence: Sequence[str | Evidence],
    requirements: Sequence[Requirement],
    plans_are_evidence: bool = False,
) -> tuple[str | None, str, str]:
    """The rubric level the evidence supports, a one-line reason, and that option's text.

    Each level's requirements are checked against the cited evidence (``requirements``, found
    only in what happened unless ``plans_are_evidence``). The levels are cumulative, so:
      - 3 when every level-3 requirement is found and no cited sentence reports a shortfall
        (a gap, a delay: then it is held at 2);
      - 1 when a cited sentence reports the failure level 1 describes (a shortfall or a
        negation close to a level-1 requirement) and nothing of levels 2 and 3 is shown;
      - otherwise 2, "partly shown": the evidence addresses the question but does not show all
        of level 3; what is not shown is listed as missing, not taken as a failure;
      - None ("too thin to rate") when fewer than ``MIN_SUPPORT`` sentences report what was
        done (plan sentences do not count).
    An option whose text names signals (monitoring data, board decisions, lessons, frequency,
    risk log, numbers) counts only if the evidence shows at least one of them.
    """
    items = as_evidence(evidence)
    rest = usable(items, plans_are_evidence)
    n, plans = len(rest), len(items) - len(rest)
    if n < MIN_SUPPORT:
        why = f"{n} sentence{'s' if n != 1 else ''} found that report{'s' if n == 1 else ''} what was done"
        if plans:
            why += f" ({plans} state{'s' if plans == 1 else ''} plans only)"
        return None, f"{why}; at least {MIN_SUPPORT} are needed", ""
    if question.kind == "yes_no":
        return "Yes", f"{n} sentences from the documents address the question; check they show it was achieved", "Yes"
    shown = signals(" ".join(e.text for e in rest))
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
        found[option.key] = (got, len(reqs))
        share[option.key] = got / len(reqs) if (not asked or asked & shown) else 0.0
    shortfalls = sum(e.shortfall for e in rest)

    def count(key: str) -> str:
        got, total = found.get(key, (0, 0))
        return f"{got} of {total} level-{key} requirements found"

    failure = [r for r in requirements if r.level == "1" and r.found]
    if share.get("3", 0.0) >= ALL_MET and shortfalls:
        level = "2"
        reason = f"{count('3')}, but held at 2: {shortfalls} cited sentence{'s' if shortfalls > 1 else ''} report a gap or delay"
    elif share.get("3", 0.0) >= ALL_MET:
        level, reason = "3", count("3")
    elif share.get("2", 0.0) >= ALL_MET:
        level = "2"
        reason = count("2") + (f" (level 3: {found['3'][0]} of {found['3'][1]})" if "3" in found else "")
    elif failure and not any(r.found for r in requirements if r.level in ("2", "3")):
        level = "1"
        reason = f"a cited sentence reports what level 1 describes: {failure[0].text[:90]}"
    else:
        # what is not shown is unknown, not a failure: level 1 is a claim that the
        # project fell short, made only on a cited sentence that reports it
        level = "2"
        reason = f"partly shown: {count('2')}" + (f", {count('3')}" if "3" in found else "")
    if level != "1" and asked_shown.get(level):
        reason += "; shows " + ", ".join(sorted(asked_shown[level]))
    if plans:
        reason += f"; {plans} plan sentence{'s' if plans > 1 else ''} not counted"
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
                out.append(f"(level {key}) {r.text}" + (f" — {r.status}" if r.planned else ""))
    return out


# ---------------------------------------------------------------------------------------
# the whole form

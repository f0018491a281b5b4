"""Rubric levels from evidence: requirements of each level, evidence signals, the suggestion."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from assistant.core.text import coverage, key_terms, normalise_space, split_sentences, stem
from assistant.drafting.bank import BankQuestion, Requirement, RubricOption
from assistant.drafting.cues import cue_hits, cue_parts, holds
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
    text = re.sub(r"\(([^)]*?)\.\)", r"(\1).", text)  # "(i.e., outputs.) There" ends a sentence
    text = re.sub(r"\s+\.(?=[A-Z])", ". ", text)  # "Solution .The"
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
    core = re.sub(r"^while\b[^,]*,\s*", "", core, flags=re.IGNORECASE)  # "While X, Y": Y is asked
    core = re.sub(r",\s*which may\b[^,]*,", "", core, flags=re.IGNORECASE)  # ", which may be anecdotal,"
    core = re.sub(r",?\s*\b(?:for example|for instance|e\.g\.)[^,.;]*", "", core, flags=re.IGNORECASE)
    core = re.sub(r",\s*such as\b[^,.;]*", "", core, flags=re.IGNORECASE)  # "Costs such as X are tracked": X is asked
    core = _ALLOWANCE.sub(" ", core)
    return normalise_space(core).rstrip(" ,") or text


_HEDGE = re.compile(r"\bmay or may not\b|\bmay have\b|^there (?:was )?may\b", re.IGNORECASE)
_CONDITION = re.compile(r"^(?:if|any|where|when|in case)\b", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"^or\b", re.IGNORECASE)
_LIMIT = re.compile(r"\b(?:not|no|never|only|partly|partial|delayed|below target)\b", re.IGNORECASE)
_ASKS_PLANS = re.compile(r"\bplans (?:are |were )?(?:in place|to)\b", re.IGNORECASE)


def requirement_role(text: str, level: str) -> str:
    """Whether a level-2/3 requirement is a must-find ("must") or not, and why: an alternative
    ("OR the project was Low risk"), a hedge ("there may or may not be evidence"), a condition
    ("If grievances were received, …", "Any evaluations conducted…": only if it applies) or, at
    level 2, a limit ("… is not systematic", "… is partial": what level 2 lacks against level 3,
    shown by level 3's requirement not being found). Level 1 describes failures: its own rule."""
    if level not in ("2", "3"):
        return "must"
    core = requirement_core(text)
    if _ALTERNATIVE.match(core):
        return "alternative"
    if _HEDGE.search(core):
        return "hedge"
    if _CONDITION.match(core):
        return "condition"
    if level == "2" and _LIMIT.search(core):
        return "limit"
    return "must"


def asks_for_plans(text: str) -> bool:
    """A requirement that asks for plans ("explicit plans in place to scale up") is shown by a plan."""
    return bool(_ASKS_PLANS.search(text))


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
    spread: bool = False,
) -> list[int]:
    """The evidence sentences (indexes) that show a requirement (``text``, embedded as
    ``req_vec`` from its ``requirement_core``): close to it in meaning and holding its distinctive
    words (those the other options lack), or very close and holding most of its own key words.
    With ``spread`` (off by default: a requirement is shown by a sentence, not by words strewn
    over several), also all of them when its distinctive words are spread over the whole
    evidence. Empty: not found."""
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
    if hits or not spread:
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
    arrangement: bool = False  # a plan document describing what is set up: addresses the question, shows nothing done
    heading: str = ""  # the heading it sits under ("Lessons Learned"): what the document says the passage is

    @property
    def cue_text(self) -> str:
        """The text a requirement's cues are looked for in: the sentence under its heading."""
        return f"{self.heading}: {self.text}" if self.heading else self.text


def as_evidence(items: Sequence[str | Evidence]) -> list[Evidence]:
    """Plain strings become evidence, told apart by the profile's plan and shortfall patterns."""
    return [e if isinstance(e, Evidence) else Evidence(e, is_planned(e), is_shortfall(e)) for e in items]


def planned_share(evidence: Sequence[str | Evidence]) -> float:
    """Share of evidence sentences that state plans ("will", "shall") rather than facts."""
    items = as_evidence(evidence)
    return sum(e.planned for e in items) / len(items) if items else 0.0


def usable(evidence: Sequence[str | Evidence], plans_are_evidence: bool = False) -> list[Evidence]:
    """The evidence a level may rest on: what happened (and, at design, what is planned or arranged)."""
    return [e for e in as_evidence(evidence) if plans_are_evidence or not (e.planned or e.arrangement)]


def _n(count: int, word: str) -> str:
    """ "1 sentence", "2 sentences"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def suggest_level(
    question: BankQuestion,
    evidence: Sequence[str | Evidence],
    requirements: Sequence[Requirement],
    plans_are_evidence: bool = False,
) -> tuple[str | None, str, str]:
    """The rubric level the evidence supports, a one-line reason, and that option's text.

    Each level's must-find requirements (``Requirement.role == "must"``: not the conditions,
    hedges, alternatives and level-2 limits of its text) are checked against the cited evidence
    (found only in what happened unless ``plans_are_evidence``). Levels are tested from the top:
      - 3 when every level-3 must-find is found and no cited sentence reports a shortfall
        (a gap, a delay: then it is held at 2; ``assess`` counts only the question's own gaps);
      - 2 when every level-2 must-find is found;
      - 1 when a cited sentence reports the failure level 1 describes (a shortfall or a
        negation close to a level-1 requirement) and no level-2 or level-3 must-find is shown;
      - otherwise 2, "partly shown": what is not shown is listed as missing, not taken as a
        failure,
      - None ("too thin to rate") when fewer than ``MIN_SUPPORT`` sentences report what was done
        (plan sentences do not count), or none of them shows a requirement of any level.
    An option whose text names signals (monitoring data, board decisions, lessons, frequency,
    risk log, numbers) is met only if the evidence shows at least one of them.
    """
    items = as_evidence(evidence)
    rest = usable(items, plans_are_evidence)
    arranged = 0 if plans_are_evidence else sum(e.arrangement and not e.planned for e in items)
    n, plans = len(rest) + arranged, len(items) - len(rest) - arranged
    plan_note = f"; {_n(plans, 'plan sentence')} not counted" if plans else ""
    if arranged:
        plan_note += f"; {_n(arranged, 'arrangement')} of a plan document not counted as done"
    if n < MIN_SUPPORT:
        why = f"{_n(n, 'sentence')} found that report{'s' if n == 1 else ''} what was done"
        if plans:
            why += f" ({plans} state{'s' if plans == 1 else ''} plans only)"
        return None, f"{why}; at least {MIN_SUPPORT} {'is' if MIN_SUPPORT == 1 else 'are'} needed", ""
    if question.kind == "yes_no":
        verb = "addresses" if n == 1 else "address"
        return (
            "Yes",
            f"{_n(n, 'sentence')} from the documents {verb} the question; check they show it was achieved",
            "Yes",
        )
    shown = signals(" ".join(e.text for e in rest))
    musts = {key: [r for r in requirements if r.level == key and r.role == "must"] for key in ("3", "2")}

    def met(key: str) -> bool:
        option = question.option(key)
        text = option.text if option else ""
        for r in requirements:  # a condition's or a limit's signal is not asked for
            text = text.replace(r.text, "") if r.level == key and r.role != "must" else text
        asked = signals(text)
        return bool(musts[key]) and all(r.found for r in musts[key]) and (not asked or bool(asked & shown))

    def count(key: str) -> str:
        got, total = sum(r.found for r in musts[key]), len(musts[key])
        return f"{got} of {_n(total, f'level-{key} requirement')} found"

    shown_any = any(r.found for key in musts for r in musts[key])
    failure = [r for r in requirements if r.level == "1" and r.found]
    shortfalls = sum(e.shortfall for e in rest)
    level: str | None
    if met("3") and shortfalls:
        level = "2"
        reason = f"{count('3')}, but held at 2: {_n(shortfalls, 'cited sentence')} report{'s' if shortfalls == 1 else ''} a gap or delay"
    elif met("3"):
        level, reason = "3", count("3")
    elif met("2"):
        level = "2"
        reason = count("2") + (
            f" (level 3: {sum(r.found for r in musts['3'])} of {len(musts['3'])})" if musts["3"] else ""
        )
    elif failure and not shown_any:
        level = "1"
        reason = f"a cited sentence reports what level 1 describes: {failure[0].text[:90]}"
    elif shown_any:
        # what is not shown is unknown, not a failure: level 1 is a claim that the
        # project fell short, made only on a cited sentence that reports it
        level = "2"
        reason = f"partly shown: {count('2')}" + (f", {count('3')}" if musts["3"] else "")
    else:
        # the sentences address the question but show no requirement of any level by the
        # checks here: still the middle level, with every requirement listed as missing
        level = "2"
        reason = f"partly shown: no requirement found by the checks ({count('2')}" + (
            f", {count('3')})" if musts["3"] else ")"
        )
    chosen = question.option(level)
    asked_shown = signals(chosen.text) & shown if chosen else set()
    if level != "1" and asked_shown:
        reason += "; shows " + ", ".join(sorted(asked_shown))
    reason += plan_note
    return level, reason, chosen.text if chosen else ""


def missing_evidence(level: str | None, requirements: Sequence[Requirement]) -> list[str]:
    """Must-find requirements not found (conditions marked "only if it applies"): those of the
    suggested level, then those of the level above (what a higher rating would need). Too thin:
    every level-3 and level-2 requirement."""
    wanted = {None: ("3", "2"), "1": ("2",), "2": ("2", "3"), "3": ("3",)}.get(level, ())
    out: list[str] = []
    seen: set[str] = set()
    for key in wanted:
        for r in requirements:
            if r.level != key or r.found or r.role not in ("must", "condition") or _plain(r.text) in seen:
                continue
            seen.add(_plain(r.text))
            note = " — planned only" + r.status[len("planned only") :] if r.planned else ""
            note += " — only if it applies" if r.role == "condition" else ""
            out.append(f"(level {key}) {r.text}{note}")
    return out


_NEGATIVE = re.compile(r"\b(?:not|no|never|none|neither|nor|without)\b", re.IGNORECASE)
Embed = Callable[[Sequence[str]], list[list[float]]]


def assess(
    question: BankQuestion, evidence: Sequence[str | Evidence], embed: Embed, plans_are_evidence: bool = False
) -> tuple[str | None, str, list[str], list[Requirement]]:
    """Rate evidence sentences against the question's rubric: each requirement of each level
    is looked for in what happened (and in plans, to say it is "planned only"; a requirement
    asking for plans is shown by one). ``embed`` turns texts into normalised vectors.

    Returns:
        (suggested level or None, one-line reason, missing evidence, requirements checked).
    """
    items = as_evidence(evidence)
    vectors = embed([e.text for e in items]) if items else []
    done = [i for i, e in enumerate(items) if plans_are_evidence or not (e.planned or e.arrangement)]
    plans = [i for i, e in enumerate(items) if i not in set(done)]
    found = []
    req_vecs = []
    for option, text in _requirements(question):
        req_vec = embed([requirement_core(text)])[0]
        req_vecs.append(req_vec)
        role = requirement_role(text, option.key)
        pool = list(range(len(items))) if asks_for_plans(text) else done
        args = (question, option, text, req_vec)
        hits = _shown(*args, items, vectors, pool)
        if option.key == "1":  # the failure level 1 describes needs a sentence reporting one
            hits = [i for i in hits if items[i].shortfall or _NEGATIVE.search(items[i].text)]
        planned = [] if hits else _shown(*args, items, vectors, plans)
        marks = tuple(i + 1 for i in (hits or planned))
        found.append(Requirement(option.key, text, bool(hits), planned=bool(planned), evidence=marks, role=role))
    items = _own_gaps(items, vectors, found, req_vecs)
    level, reason, _ = suggest_level(question, items, found, plans_are_evidence)
    return level, reason, missing_evidence(level, found), found


def _own_gaps(
    items: list[Evidence],
    vectors: Sequence[Sequence[float]],
    found: Sequence[Requirement],
    req_vecs: Sequence[Sequence[float]],
) -> list[Evidence]:
    """The evidence with only the question's own gaps kept as shortfalls: a gap or delay holds a
    level at 2 when the sentence reporting it shows one of the question's requirements or speaks
    to one (``REQUIREMENT_SIMILARITY``); a delay elsewhere in the project (the infrastructure
    behind schedule, cited for its other findings) says nothing of, say, its scale."""
    shows = {m - 1 for r in found if r.found for m in r.evidence}

    def own(i: int) -> bool:
        return i in shows or any(_cos(vectors[i], v) >= REQUIREMENT_SIMILARITY for v in req_vecs)

    return [replace(e, shortfall=False) if e.shortfall and not own(i) else e for i, e in enumerate(items)]


def supporting(
    question: BankQuestion,
    cited: Sequence[tuple[str, Sequence[float]]],
    candidates: Sequence[tuple[str, Sequence[float]]],
    embed: Embed,
    limit: int,
    headings: dict[str, str] | None = None,
) -> list[int]:
    """Candidates (indexes) to cite beside ``cited`` because each shows a level-3 or level-2
    must-find that no cited sentence shows (``requirement_hits``):
    the closest candidate per such requirement, at most ``limit``. Sentences are (text, vector)."""
    texts, vecs = [t for t, _ in cited], [v for _, v in cited]
    heads = headings or {}

    def cue(t: str) -> str:  # a sentence's cues are looked for under its heading
        return f"{heads[t]}: {t}" if heads.get(t) else t

    picked: list[int] = []
    for option, text in _requirements(question):
        if len(picked) >= limit:
            break
        if option.key not in ("2", "3") or requirement_role(text, option.key) != "must":
            continue
        req_vec = embed([requirement_core(text)])[0]
        parts = cue_parts(question.stage, question.number, option.key, text)
        if requirement_hits(question, option, text, texts, vecs, req_vec) or cue_hits(parts, [cue(t) for t in texts]):
            continue
        left = [i for i in range(len(candidates)) if i not in picked]
        ctexts, cvecs = [candidates[i][0] for i in left], [candidates[i][1] for i in left]
        hits = requirement_hits(question, option, text, ctexts, cvecs, req_vec)
        if hits:
            add = [_closest(hits, left, cvecs, req_vec)]
        else:  # by its cues: for each part no cited sentence holds, the closest candidate holding it
            add = []
            for part in parts:
                if any(holds(part, cue(t)) for t in texts) or any(holds(part, cue(candidates[i][0])) for i in add):
                    continue
                holding = [i for i, t in enumerate(ctexts) if holds(part, cue(t))]
                if not holding:
                    add = []
                    break
                add.append(_closest(holding, left, cvecs, req_vec))
        if add and len(picked) + len(add) <= limit:
            for best in add:
                picked.append(best)
                texts.append(candidates[best][0])
                vecs.append(candidates[best][1])
    return picked


def _shown(
    question: BankQuestion,
    option: RubricOption,
    text: str,
    req_vec: Sequence[float],
    items: Sequence[Evidence],
    vectors: Sequence[list[float]],
    idx: Sequence[int],
) -> list[int]:
    """The sentences among ``idx`` that show a requirement: by meaning (``requirement_hits``)
    or by the requirement's cues (``cues.cue_hits``)."""
    texts, vecs = _pick(items, vectors, idx)
    parts = cue_parts(question.stage, question.number, option.key, text)
    by_meaning = requirement_hits(question, option, text, texts, vecs, req_vec)
    by_cues = cue_hits(parts, [items[i].cue_text for i in idx])
    return sorted({idx[i] for i in by_meaning} | {idx[i] for i in by_cues})


def _closest(
    hits: Sequence[int], left: Sequence[int], vecs: Sequence[Sequence[float]], req_vec: Sequence[float]
) -> int:
    """The candidate (an index into ``left``'s items) closest in meaning to the requirement."""
    return left[max(hits, key=lambda i: _cos(vecs[i], req_vec))]


def _pick(
    items: Sequence[Evidence], vectors: Sequence[list[float]], idx: Sequence[int]
) -> tuple[list[str], list[list[float]]]:
    return [items[i].text for i in idx], [vectors[i] for i in idx]

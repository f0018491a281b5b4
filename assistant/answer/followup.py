"""Follow-up questions read as whole questions from the conversation.

The conversation's state is what its last whole question was about: the subject ("indicator
2.3", "output 2", a table row named by its words), the period ("2022") and the field ("target").
A follow-up carries forward only what it lacks: "And for 2023?" takes the subject and field
and replaces the period; "What is its final target?" takes the subject; "And indicator 2.4?"
replaces the subject. A question with a subject of its own ("Who chairs the Project Board?")
is a new question and is never rewritten. Earlier turns are resolved first, in order, so a
chain of follow-ups keeps its subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from assistant import profiles
from assistant.answer.query import parse_query

_FOLLOWUP_START = re.compile(
    r"^\s*(?:(?:ok|okay|so|right|great|thanks|got it)\W+)?"
    r"(?:and|what about|how about|same for|also|then|а|и|а как насчет|а что насчет)\b",
    re.IGNORECASE,
)
# "how many had been granted?", "how much was spent?": the counted thing is left for the
# conversation to say
_ELLIPSIS = re.compile(
    r"^\s*(?:\W*(?:ok|okay|so|and)\W+)?how (?:many|much)(?:\s+(?:more|less|fewer))?\s+(?:had|has|have|was|were|is|are|will|would|did|do|does)"
    r"\s+(?:been\s+|be\s+)?(?P<verb>\w+)",
    re.IGNORECASE,
)


def _elliptical(question: str) -> bool:
    """ "How many had been granted by 2020?": a count whose thing is unsaid, its only content
    word the verb ("How much was spent on solar pumps?" says what it counts)."""
    m = _ELLIPSIS.match(question)
    return m is not None and set(parse_query(question).subject_words) <= {m.group("verb").lower()}


_BACK_REFERENCE = re.compile(
    r"\b(?:its|it|this|that|those|them|same|the year (?:after|before)|next year|previous year|"
    r"его|её|ее|их|него|неё|нее|них|нему|ним|этот|эта|этого|этому|того же)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"\b(?:indicators?|activit(?:y|ies)|outputs?|(?:qa\s+)?question|risk|индикатор\w*|мероприяти\w*)\s+"
    r"\d+(?:\.\d+)*"
    r"|\b(?:strategic|relevant|principled|management (?:&|and) monitoring|efficient|effective|sustainability)\b"
    r"(?=.*\bsection)|\bgrand total\b|\btotal for all outputs\b",
    re.IGNORECASE,
)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b|\byear\s+\d\b", re.IGNORECASE)
_SHIFT = {"after": 1, "next": 1, "before": -1, "previous": -1}


@lru_cache(maxsize=1)
def _period_phrase() -> re.Pattern[str]:
    """A year with the words that place it ("by the end of 2025", "на июнь 2025", "к концу 2025
    года"): groups ``prep`` and ``qual`` (the ``questions`` profile's period words)."""
    words = profiles.load("questions")["period_phrase"]
    prep, qual = "|".join(words["prepositions"]), "|".join(words["qualifiers"])
    return re.compile(
        rf"(?:\b(?P<prep>{prep})\s+)?(?:(?P<qual>{qual})\s*)?\b(?:19|20)\d\d\b(?:\s+(?:года|году|г\.))?",
        re.IGNORECASE,
    )


def _new_period(question: str, previous: str) -> str | None:
    """ "А к концу 2025 года?" after "… на июнь 2025?": the previous question with its period
    phrase replaced by the follow-up's, when the follow-up places its year ("by the end of")
    and the previous question's year was placed too; None otherwise (only the year changes)."""
    phrase = _period_phrase()
    now, before = list(phrase.finditer(question)), list(phrase.finditer(previous))
    if len(now) != 1 or len(before) != 1 or not now[0].group("qual"):
        return None
    old = before[0]
    if not (old.group("prep") or old.group("qual")):
        return None  # "the 2022 targets": the year alone is replaced
    return previous[: old.start()] + now[0].group(0) + previous[old.end() :]


def is_followup(question: str) -> bool:
    """A question that leans on the conversation: it starts like one, points back, or has no
    subject of its own (only a field or a period: "the final target?", "in 2022?")."""
    if _FOLLOWUP_START.match(question) or _BACK_REFERENCE.search(question) or _elliptical(question):
        return True
    if _SUBJECT.search(question):
        return False
    return not parse_query(question).subject_words


def points_back(question: str) -> bool:
    """ "What's its budget?", "how much of that goes on line 71600?": a follow-up whose subject
    is a pronoun (the conversation's last subject, which an answer may have chosen)."""
    return _BACK_REFERENCE.search(question) is not None and is_followup(question)


def _shift_year(question: str, previous: str) -> str | None:
    m = re.search(r"\b(?:the year (after|before)|(next|previous) year)\b", question, re.IGNORECASE)
    years = re.findall(r"\b(?:19|20)\d\d\b", previous)
    if not m or not years:
        return None
    step = _SHIFT[(m.group(1) or m.group(2)).lower()]
    return previous.replace(years[0], str(int(years[0]) + step), 1)


def _subjects(text: str, context: str) -> list[str]:
    """Numbered subjects, and QA section names when the conversation is about ratings."""
    found = _SUBJECT.findall(text)
    if re.search(r"\brat\w*|\bsections?\b|\bqa\b|\bоценк\w*", context, re.IGNORECASE):
        for section in profiles.qa_sections():
            for alias in sorted(section.aliases, key=len, reverse=True):
                if m := re.search(rf"\b{re.escape(alias)}\b", text, re.IGNORECASE):
                    found.append(m.group(0))
                    break
    return list(dict.fromkeys(found))


# "who is that addressed to (What did the evaluation recommend …)?": a question already read in
# its conversation, as a chat's history keeps it; read again, it would carry its subject twice
_READ_IN_CONTEXT = re.compile(r"\((?:[^()]|\([^()]*\))*\)\W*$")


def _resolve_one(question: str, previous: str) -> str:
    if not previous or not is_followup(question) or _READ_IN_CONTEXT.search(question):
        return question
    if shifted := _shift_year(question, previous):
        return shifted
    context = f"{previous} {question}"
    subject_now = _subjects(question, context)
    subject_before = _subjects(previous, context)
    years_now = _YEARS.findall(question)
    fields_now = parse_query(question).fields
    if years_now and not subject_now and not fields_now:
        # "And for 2023?": the previous question with the new period
        old_years = _YEARS.findall(previous)
        if placed := _new_period(question, previous):
            return placed
        if old_years:
            rewritten = previous
            for k, old in enumerate(old_years):
                rewritten = rewritten.replace(old, years_now[min(k, len(years_now) - 1)], 1)
            return rewritten
        return previous.rstrip("?") + f" in {years_now[0]}?"
    if subject_now and subject_before and not fields_now and not years_now:
        # "And indicator 2.4?" / "and for output 3?": the previous question, new subject
        rewritten = previous
        for old in subject_before:
            rewritten = rewritten.replace(old, subject_now[0], 1)
        return rewritten
    if subject_now:
        return question
    if subject_before:
        # "What is its final target?", "and what was achieved?": the previous subject and period
        # a QA section is carried as what was asked of it ("Effective rating"): "what evidence
        # is given for it?" asks for that rating's evidence, not for anything "effective"
        named = [s if _SUBJECT.fullmatch(s) else f"{s} rating" for s in subject_before]
        carried = named + ([] if years_now else _YEARS.findall(previous))
        return f"{question.rstrip('?')} ({', '.join(dict.fromkeys(carried))})?"
    # a subject named by its words ("the triangular cooperation exchanges"): the question that
    # named it comes along; when the follow-up asks a field or names a thing of its own, that
    # question alone, without the turns between that asked other things ("how many per year?")
    carried_question = _root(previous) if fields_now or parse_query(question).subject_words else previous
    return f"{question.rstrip('?')} ({carried_question.rstrip('?')})?"


def _root(question: str) -> str:
    """The first whole question of a chain of rewritten follow-ups: "b (a)" → "a"."""
    while m := re.fullmatch(r"[^()]*\((.*)\)\??", question.strip()):
        question = m.group(1)
    return question


def resolve_followup(question: str, history: Sequence[str]) -> str:
    """``question`` as a whole question, given the earlier user questions (oldest first)."""
    previous = ""
    for turn in history:
        if turn.strip():
            previous = _resolve_one(turn.strip(), previous)
    return _resolve_one(question, previous)

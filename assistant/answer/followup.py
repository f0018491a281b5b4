"""Follow-up questions: "And for 2023?", "What is its final target?" read as whole questions
from the earlier user questions of the conversation."""

from __future__ import annotations

import re
from collections.abc import Sequence

_FOLLOWUP_START = re.compile(r"^\s*(and|what about|how about|same for|and what about|also)\b", re.IGNORECASE)

_SUBJECT = re.compile(
    r"\b(?:indicators?|activit(?:y|ies)|outputs?|(?:qa\s+)?question)\s+\d+(?:\.\d+)?"
    r"|\b(?:strategic|relevant|principled|management (?:&|and) monitoring|efficient|effective|sustainability)\b"
    r"(?=.*\bsection)|\bgrand total\b|\btotal for all outputs\b",
    re.IGNORECASE,
)
_FIELDS = re.compile(r"\b(?:baseline|final target|targets?|data source|budget(?:ed)?|rating|rated)\b", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b|\byear\s+\d\b", re.IGNORECASE)


def resolve_followup(question: str, history: Sequence[str]) -> str:
    """Rewrite a follow-up ("And for 2023?", "What is its final target?", "And indicator 2.4?")
    into a full question, using the earlier user questions."""
    previous = next((h for h in reversed(history) if h.strip()), "")
    if not previous:
        return question
    follow = (
        bool(_FOLLOWUP_START.match(question))
        or len(question.split()) <= 6
        or re.search(r"\b(its|it|this|that|those|them|same)\b", question, re.IGNORECASE)
    )
    if not follow:
        return question
    subject_now = _SUBJECT.findall(question)
    subject_before = _SUBJECT.findall(previous)
    years_now = _YEARS.findall(question)
    fields_now = _FIELDS.findall(question)
    if subject_now and not fields_now and not years_now and subject_before:
        # "And indicator 2.4?" / "And the Effective section?": the previous question, new subject
        rewritten = previous
        for old in subject_before:
            rewritten = rewritten.replace(old, subject_now[0], 1)
        return rewritten
    if subject_now or not subject_before:
        if not subject_before and not subject_now:
            return f"{question.rstrip('?')} ({previous.rstrip('?')})?"
        return question
    if years_now and not fields_now:
        # "And for 2023?": the previous question with the new period
        rewritten = previous
        old_years = _YEARS.findall(previous)
        if old_years:
            rewritten = rewritten.replace(old_years[0], years_now[0], 1)
        else:
            rewritten = rewritten.rstrip("?") + f" for {years_now[0]}?"
        return rewritten
    # "What is its final target?": the new question about the previous subject
    return f"{question.rstrip('?')} ({', '.join(subject_before)})?"

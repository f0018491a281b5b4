"""The point in time a figure stands at, and the one a question asks about: a progress report's
"Achieved at 30 June 2025" does not answer "how many by the end of 2025?" (the figure of
December is in another document), nor "… in 2024?"."""

from __future__ import annotations

import re
from functools import cache

from assistant import profiles


@cache
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]]:
    """The month pattern, each month's own, and the year's end and middle (questions.yaml)."""
    data = profiles.load("questions")
    months = tuple(re.compile(rf"(?:{en}|{ru}\w*)$", re.I) for en, ru in data["months"])
    words = "|".join(f"{en}|{ru}\\w*" for en, ru in data["months"])
    month = re.compile(rf"\b({words})\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
    end, middle = (
        re.compile(rf"\b(?:{'|'.join(data['year_points'][k])})\s*((?:19|20)\d\d)\b", re.I) for k in ("end", "middle")
    )
    return month, months, end, middle


def point(text: str) -> tuple[int, int] | None:
    """(year, month) of the one point in time ``text`` names, or None (a year alone names none)."""
    month, months, end, middle = _patterns()
    found = {
        (int(m.group(2)), next(i + 1 for i, p in enumerate(months) if p.match(m.group(1))))
        for m in month.finditer(text)
    }
    found |= {(int(m.group(1)), 12) for m in end.finditer(text)}
    found |= {(int(m.group(1)), 6) for m in middle.finditer(text)}
    return found.pop() if len(found) == 1 else None


def without_points(text: str) -> str:
    """``text`` without the words of the points in time it names ("by end 2025", "mid-2025")."""
    month, _, end, middle = _patterns()
    for pattern in (month, end, middle):
        text = pattern.sub(" ", text)
    return text


def stands_elsewhere(header: str, question: str, years: tuple[int, ...], fields: tuple[str, ...] = ()) -> bool:
    """The figure under ``header`` stands at another time than the question asks about: another
    month ("at 30 June 2025" for "by the end of 2025"), or another year than all those asked.
    A status asked for ("is it on track for the end-2025 target?") is the report's, whenever."""
    at = point(header)
    if at is None or "status" in fields or re.search(r"\bon track\b|\bstatus\b", question, re.I):
        return False
    asked = point(question)
    if asked is not None:
        return asked != at
    return bool(years) and at[0] not in years

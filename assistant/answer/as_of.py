"""The point in time a figure stands at, and the one a question asks about: a progress report's
"Achieved at 30 June 2025" does not answer "how many by the end of 2025?" (the figure of
December is in another document), nor "… in 2024?"."""

from __future__ import annotations

import re

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_RU_MONTHS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма[йяюе]",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_MONTH = re.compile(rf"\b(?:({'|'.join(_MONTHS)})|({'|'.join(_RU_MONTHS)})\w*)\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
# "by the end of 2025", "end-2025", "к концу 2025 года": December; "mid-2025", "H1 2025": June
_END = re.compile(r"\b(?:end(?:\s+of|\s*-)|конц[ауе]|конец)\s*((?:19|20)\d\d)\b", re.I)
_MIDDLE = re.compile(r"\b(?:mid(?:dle)?(?:\s+of|\s*-)|середин\w*|first half of|h1)\s*((?:19|20)\d\d)\b", re.I)


def point(text: str) -> tuple[int, int] | None:
    """(year, month) of the one point in time ``text`` names, or None (a year alone names none)."""
    found: set[tuple[int, int]] = set()
    for m in _MONTH.finditer(text):
        if m.group(1):
            month = _MONTHS.index(m.group(1).lower()) + 1
        else:
            month = next(i + 1 for i, p in enumerate(_RU_MONTHS) if re.match(p, m.group(2), re.I))
        found.add((int(m.group(3)), month))
    found |= {(int(m.group(1)), 12) for m in _END.finditer(text)}
    found |= {(int(m.group(1)), 6) for m in _MIDDLE.finditer(text)}
    return found.pop() if len(found) == 1 else None


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

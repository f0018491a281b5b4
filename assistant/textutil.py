"""Small text helpers shared by ingestion and answering."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"(\[])")


def clean(cell: str) -> str:
    """Text on one line with single spaces, as a person reads it (display only, not quotes)."""
    return re.sub(r"\s+", " ", cell.replace("\xa0", " ")).strip()


def to_number(cell: str) -> float | None:
    """The number a cell starts with ("1 505 000", "7,300 50% women" → 7300), or None."""
    m = re.match(r"^\s*[>~<]?\s*(\d{1,3}(?:[ ,\xa0]\d{3})+|\d+)(?:\.\d+)?", cell)
    if not m:
        return None
    return float(re.sub(r"[ ,\xa0]", "", m.group(1)))


def period_label(index: int, period: tuple[int, int] | None) -> str:
    """"Year 2 (2022)" when the project period is known, else "Year 2"."""
    if period:
        return f"Year {index} ({period[0] + index - 1})"
    return f"Year {index}"


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; each is a verbatim span of it."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def normalise_space(text: str) -> str:
    """For comparing quotes: any run of whitespace (NBSP included) becomes one space."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()

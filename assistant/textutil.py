"""Small text helpers shared by ingestion and answering."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# Words that carry no subject in a question: left out of keyword search and coverage.
STOPWORDS = set(
    """a an the of in on for to and or is are was were be been by with at as from that this these those what which
    who whom whose when where why how did does do has have had it its their there they them project projects document
    documents please tell me about give list name any much many according under into than more most also same all
    s i we you our your was can could would should will shall may might during often each per being whether
    if its it phase closure qa report according""".split()
)

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


def file_sha256(path: Path) -> str:
    """The file's content hash, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

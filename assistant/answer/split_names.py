"""A figure asked for two named places or bodies apart ("… in Sudurpashchim versus Karnali?"):
the names split the figure, and a table answers only when its cited rows name both."""

from __future__ import annotations

import re

from assistant.answer.fact_types import FactResult

_SPLIT_BY = re.compile(
    r"\b(?:in|for|by|between)\s+([A-Z][\w-]+)\s+(?:versus|vs\.?|compared (?:to|with))\s+([A-Z][\w-]+)"
)


def split_by(question: str) -> tuple[str, str] | None:
    m = _SPLIT_BY.search(question)
    return (m.group(1), m.group(2)) if m else None


def breaks_down(result: FactResult, names: tuple[str, str]) -> bool:
    """The cited rows name both: the table gives the figure for each of them."""
    said = " ".join(f"{e.record.label} {e.record.group} {e.quote}" for e in result.evidence).lower()
    return all(n.lower() in said for n in names)

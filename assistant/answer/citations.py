"""Citations checked against their sources: the answer layer's use of the one verbatim check.

A citation is kept only if its quote is an exact span of the stored text of its source; a kept
citation is pinned to the quote's own span (character offsets, and for text sources its own
lines), so that a viewer highlights exactly what was cited, never every equal string.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from assistant.core.records import Record
from assistant.core.types import Citation, Location
from assistant.core.verify import SourceTexts

logger = logging.getLogger(__name__)


def record_location(record: Record, column: str = "") -> Location:
    """A record's place with its table heading, and the cited cell's column when known."""
    return replace(record.location, column=column or record.location.column)


def verified(citations: list[Citation], texts: SourceTexts, *, table_lines: bool = False) -> list[Citation]:
    """Only the citations whose quote is verbatim in their source, each pinned to its span
    (``table_lines``: a table cell gets its own line too, not its row's range)."""
    out = []
    for c in citations:
        text = texts.text(c.source)
        if texts.verbatim(c.source, c.quote):
            out.append(pin(c, text or "", table_lines=table_lines))
        else:
            logger.warning("dropped a citation whose quote is not in %s: %r", c.source, c.quote[:80])
    return out


def _line_offset(text: str, line: int) -> int:
    """Where 1-based ``line`` starts in ``text`` (its end when the text is shorter)."""
    pos = 0
    for _ in range(line - 1):
        pos = text.find("\n", pos) + 1
        if pos == 0:
            return len(text)
    return pos


def _occurrence(text: str, quote: str, place: Location) -> int:
    """Where ``quote`` starts in ``text``: the first occurrence inside the cited line range."""
    start = text.find(quote)
    if place.line_start is None or start < 0:
        return start
    lo = _line_offset(text, place.line_start)
    hi = _line_offset(text, (place.line_end or place.line_start) + 1)
    inside = text.find(quote, lo, hi + len(quote))
    return inside if inside >= 0 else start


def pin(citation: Citation, text: str, *, table_lines: bool = False) -> Citation:
    """The citation narrowed to its quote's exact span (and, for text passages, its lines;
    a table cell keeps its row's line range)."""
    place = citation.place
    start = _occurrence(text, citation.quote, place)
    if start < 0:
        return citation
    end = start + len(citation.quote)
    update: dict[str, int | None] = {"char_start": start, "char_end": end}
    if place.kind == "text" and place.line_start is not None and (place.table is None or table_lines):
        first = text.count("\n", 0, start) + 1
        update.update(line_start=first, line_end=first + citation.quote.count("\n"))
    return citation.model_copy(update={"place": replace(place, **update)})  # type: ignore[arg-type]

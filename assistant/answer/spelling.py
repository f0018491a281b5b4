"""Misspelt question words read as the documents' own words ("greivances" → "grievances",
"recieved" → "received"), so that keyword search and the extractive answer find them."""

from __future__ import annotations

import difflib
import os
import re
from functools import lru_cache

CLOSE = 0.85  # difflib's ratio a misspelling must reach
MIN_LENGTH = 6  # shorter words have too many near neighbours to be mended by likeness …
SHORT_LENGTH = 4  # … but one letter left out inside a word of four or five is still mended


def mend(text: str, vocabulary: frozenset[str], english: frozenset[str] = frozenset()) -> str:
    """``text`` with each word the documents never use replaced by the one closest word they
    use, when exactly one is close enough; other words as they are. An ``english`` word is no
    misspelling ("sits" is not "sites", "collecting" not "collection")."""
    by_start = _by_first_letter(vocabulary)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in vocabulary or len(low) < SHORT_LENGTH or low in english:
            return word  # an English word the documents do not use ("collecting") is no misspelling
        if len(low) < MIN_LENGTH:
            return _letter_left_out(low, by_start.get(low[0], [])) or word
        near = [w for w in by_start.get(low[0], ()) if abs(len(w) - len(low)) <= 2]
        close = difflib.get_close_matches(low, near, n=2, cutoff=CLOSE)
        if len(close) != 1 and not (len(close) == 2 and _ratio(low, close[0]) > _ratio(low, close[1])):
            return word
        return word if _inflection(low, close[0]) else close[0]

    return re.sub(r"[A-Za-z]+", fix, text)


def _letter_left_out(low: str, near: list[str]) -> str | None:
    """The one word of the documents that ``low`` is, with one letter put back inside it
    ("boks" → "books", "shold" → "should"); none when it is a word with an ending added
    ("plan" → "plans") or when two words fit ("bots" → "boots" or "boats")."""
    fits = [
        w
        for w in near
        if len(w) == len(low) + 1 and not w.startswith(low) and any(w[:i] + w[i + 1 :] == low for i in range(len(w)))
    ]
    return fits[0] if len(fits) == 1 else None


_ENDINGS = {"", "s", "es", "d", "ed", "ing", "e", "er", "ers", "ly", "ion", "ions"}


def _inflection(a: str, b: str) -> bool:
    """Two forms of one word ("implements", "implemented"): not a misspelling of the other."""
    common = len(os.path.commonprefix([a, b]))
    return common >= 5 and a[common:] in _ENDINGS and b[common:] in _ENDINGS


@lru_cache(maxsize=4)
def _by_first_letter(vocabulary: frozenset[str]) -> dict[str, list[str]]:
    """The vocabulary by first letter, once per index state (a frozenset keeps its hash)."""
    out: dict[str, list[str]] = {}
    for word in vocabulary:
        out.setdefault(word[:1], []).append(word)
    return out


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()

"""Keyword cues of rubric requirements: what a sentence must say to show a requirement.

Sentence embeddings (MiniLM) tell a sentence about board meetings from one about risks, but not
whether it shows that "the board met in the agreed frequency and minutes are on file". The
profile ``assistant/profiles/qa_cues.yaml`` names, per requirement, the kinds of evidence an
assessor looks for: a part is a list of patterns one sentence must all hold (a board, a meeting,
minutes; a date or a number where the requirement asks for a frequency or a count), and a
requirement with several parts needs each part shown by some cited sentence. This module only
reads the profile and applies it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from assistant.core.errors import ConfigError
from assistant.drafting.bank import PROFILES, read_profile

CUES_PROFILE = PROFILES / "qa_cues.yaml"
_TERM = re.compile(r"\{(\w+)\}")

Part = tuple[re.Pattern[str], ...]  # patterns one sentence must all hold


@lru_cache(maxsize=1)
def _profile() -> dict[str, Any]:
    data = read_profile(CUES_PROFILE, "requirement cues", "cues")
    if not isinstance(data["cues"], dict):
        raise ConfigError(f"the requirement cues {CUES_PROFILE} has no cues")
    return data


def _expand(pattern: str, terms: dict[str, str], depth: int = 0) -> str:
    """A pattern with its ``{term}`` names replaced by the profile's terms (which may use terms)."""
    if depth > 5:
        raise ConfigError(f"{CUES_PROFILE}: terms nest too deep in {pattern!r}")

    def one(m: re.Match[str]) -> str:
        name = m[1]
        if name not in terms:
            raise ConfigError(f"{CUES_PROFILE}: unknown term {{{name}}} in {pattern!r}")
        return "(?:" + _expand(terms[name], terms, depth + 1) + ")"

    return _TERM.sub(one, pattern)


@lru_cache(maxsize=1)
def _entries() -> dict[tuple[str, int, str], list[tuple[str, tuple[Part, ...]]]]:
    """(stage, question number, level) → [(requirement text fragment, its parts)]."""
    data = _profile()
    terms = {str(k): str(v) for k, v in (data.get("terms") or {}).items()}
    out: dict[tuple[str, int, str], list[tuple[str, tuple[Part, ...]]]] = {}
    for stage, questions in data["cues"].items():
        for number, entries in (questions or {}).items():
            for entry in entries or ():
                parts = []
                for part in entry["cues"]:
                    patterns = [part] if isinstance(part, str) else list(part)
                    try:
                        parts.append(tuple(re.compile(_expand(p, terms), re.IGNORECASE) for p in patterns))
                    except re.error as exc:
                        raise ConfigError(f"{CUES_PROFILE}: {stage} {number}: bad pattern {part!r}: {exc}") from exc
                key = (str(stage), int(number), str(entry["level"]))
                out.setdefault(key, []).append((str(entry["req"]).lower(), tuple(parts)))
    return out


def cue_parts(stage: str, number: int, level: str, requirement: str) -> tuple[Part, ...]:
    """The cue parts of a requirement (its text holds the entry's ``req`` fragment); () if none."""
    text = requirement.lower()
    for fragment, parts in _entries().get((stage, number, level), ()):
        if fragment in text:
            return parts
    return ()


def cue_entries() -> dict[tuple[str, int, str], list[str]]:
    """(stage, number, level) → the requirement fragments the profile gives cues for (for checks)."""
    return {key: [f for f, _ in entries] for key, entries in _entries().items()}


def holds(part: Part, sentence: str) -> bool:
    """Whether one sentence holds every pattern of a part."""
    return all(p.search(sentence) for p in part)


def cue_hits(parts: Sequence[Part], sentences: Sequence[str]) -> list[int]:
    """The sentences (indexes) that show a requirement by its cues: every part held by at least
    one sentence; all the sentences holding a part. Empty: not shown (or no cues)."""
    if not parts:
        return []
    found: set[int] = set()
    for part in parts:
        here = [i for i, s in enumerate(sentences) if holds(part, s)]
        if not here:
            return []
        found.update(here)
    return sorted(found)


__all__ = ["CUES_PROFILE", "Part", "cue_entries", "cue_hits", "cue_parts", "holds"]

"""Acronyms a question uses, read as the documents define them ("Standard Basic Assistance
Agreement (SBAA)") or, for the UNDP template's own terms, as the profile gives them, so that
"SBAA date" finds the sentence that writes the agreement out in full."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from assistant import profiles

_ACRONYM = re.compile(r"\b([A-Z][A-Z&]{1,6})s?\b")
# "Long Form Words (LFW)": up to eight words before an acronym in brackets
_DEFINED = re.compile(r"((?:[\w’'&-]+\s+){1,8}?)\(([A-Z][A-Z&]{1,6})s?\)")
_SMALL = {"of", "and", "for", "the", "on", "in", "to", "&", "de"}


def _spells(words: list[str], acronym: str) -> bool:
    initials = "".join(w[0].upper() for w in words if w.lower() not in _SMALL)
    return initials == acronym.replace("&", "")


def definitions(text: str) -> dict[str, str]:
    """The acronyms ``text`` defines, each with its long form (the shortest run of words
    before the brackets whose initials, small words aside, spell it)."""
    out: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        words, acronym = m.group(1).split(), m.group(2)
        for start in range(len(words) - 1, -1, -1):
            tail = words[start:]
            if tail[0].lower() in _SMALL:
                continue
            if _spells(tail, acronym):
                out.setdefault(acronym, " ".join(tail))
                break
    return out


def known_acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Definitions found in the documents, then the template's own (the documents' win)."""
    found: dict[str, str] = {}
    for text in texts:
        for acronym, long_form in definitions(text).items():
            found.setdefault(acronym, long_form)
    template = profiles.load("questions").get("acronyms") or {}
    return {**{str(k): str(v) for k, v in template.items()}, **found}


def expand(question: str, known: Mapping[str, str]) -> str:
    """``question`` with the long form of each acronym it uses appended (once)."""
    extra = [known[a] for a in dict.fromkeys(_ACRONYM.findall(question)) if a in known]
    extra = [e for e in extra if e.lower() not in question.lower()]
    return f"{question} ({'; '.join(extra)})" if extra else question

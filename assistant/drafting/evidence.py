"""What a sentence of evidence shows: the kind of its document (a report of what happened, or a
plan), whether it states a plan or a shortfall, and the usable sentences of a chunk.

Template knowledge lives in ``assistant/profiles/qa_evidence.yaml`` (document kinds with their
patterns and weights, QA-report stage titles, stage rules, the plan and shortfall patterns);
this module only applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.core.text import split_sentences
from assistant.drafting.bank import PROFILES, read_profile

EVIDENCE_PROFILE = PROFILES / "qa_evidence.yaml"
HEAD_CHARS = 3000  # how much of a document's start is read to tell its kind

_MARKUP = re.compile(
    r"\[footnoteRef:\d+\]|\[bookmark: [^\]]*\]|\[image: [^\]]*\]|\[\d+:\s[^\]]*\]?|https?://\S+|<[^>]+>"
)


_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


@lru_cache(maxsize=1)
def profile() -> dict[str, Any]:
    """The evidence profile as plain data."""
    return read_profile(EVIDENCE_PROFILE, "evidence profile", "document_kinds")


@lru_cache(maxsize=64)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class DocKind:
    """What a document is as evidence: ``shows`` is "happened" (a report) or "plan"."""

    kind: str
    label: str
    shows: str
    weight: float

    @property
    def is_plan(self) -> bool:
        return self.shows == "plan"


def _kind(raw: dict[str, Any]) -> DocKind:
    return DocKind(raw["kind"], raw.get("label", raw["kind"]), raw.get("shows", "happened"), float(raw["weight"]))


def document_kind(title: str, text: str, doc_type: str = "") -> DocKind:
    """The first kind of the profile whose patterns occur in the title or the head of the text;
    else the kind the ingest's ``doc_type`` names; else the default."""
    head = f"{title}\n{text[:HEAD_CHARS]}"
    kinds = profile()["document_kinds"]
    for raw in kinds:
        if any(_rx(p).search(head) for p in raw["patterns"]):
            return _kind(raw)
    for raw in kinds:
        if doc_type and doc_type in raw.get("doc_types", ()):
            return _kind(raw)
    return _kind(profile()["default_kind"])


def qa_report_stage(title: str, text: str) -> str | None:
    """The QA stage of a QA report ("closure"), from its title or head; None if it is not one."""
    head = f"{title}\n{text[:HEAD_CHARS]}"
    for stage, patterns in profile()["qa_report_stages"].items():
        if any(_rx(p).search(head) for p in patterns):
            return str(stage)
    return None


def is_planned(sentence: str) -> bool:
    """A sentence states a plan (future tense, an intention, "to be held"), not what happened."""
    return bool(_rx(profile()["planned"]).search(sentence))


def reports_past(sentence: str) -> bool:
    """A sentence reports what happened (past or perfect tense), as a plan document's sentence
    must to count as evidence of it; its other sentences describe arrangements, i.e. plans."""
    return bool(_rx(profile()["past"]).search(sentence))


def is_shortfall(sentence: str) -> bool:
    """A sentence reports a gap, a delay or a target missed."""
    return bool(_rx(profile()["shortfall"]).search(sentence))


def planned_label() -> str:
    """How a plan sentence is labelled in a draft ("Planned")."""
    return str(profile().get("labels", {}).get("planned", "Planned"))


def evidence_sentences(text: str) -> list[str]:
    """Sentences of a chunk usable as evidence, each a verbatim span of ``text``.

    Table cells and list items are read on their own (without the bullet); footnote
    references and bodies, bookmarks, links and tags split the text instead of staying
    inside a quote; fragments (no verb-like length, no end punctuation) are left out.
    """
    out: list[str] = []
    for line in text.split("\n"):
        for cell in line.split("\t"):  # a table cell (an evaluation's justification) can be a sentence
            for segment in _MARKUP.split(_BULLET.sub("", cell)):
                for sentence in split_sentences(segment.strip()):
                    s = sentence.strip()
                    if _usable(s):
                        out.append(s)
    return out


def _usable(s: str) -> bool:
    words = s.split()
    if not 6 <= len(words) <= 90 or "\t" in s or "|" in s:
        return False
    if not re.match(r"[A-Z0-9“\"(]", s) or not re.search(r"(?:[.!;]|[.!][)”\"])$", s):
        return False  # a question of a checklist, a label or a cut fragment is not evidence
    letters = sum(ch.isalpha() for ch in s)
    return letters >= 0.6 * len(s.replace(" ", ""))


__all__ = [
    "DocKind",
    "document_kind",
    "evidence_sentences",
    "is_planned",
    "is_shortfall",
    "planned_label",
    "profile",
    "qa_report_stage",
    "reports_past",
]

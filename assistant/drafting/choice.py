"""Choosing a question's evidence sentences from the scored pool: the candidate sentence, what
its document and tense show, and the order in which candidates are taken.

The drafter (``drafter``) scores each sentence of the retrieved chunks; this module holds the
candidate (``_Sentence``), tells a project document's arrangements from its reports of what
happened (``_arrangement``), and picks the paragraph's sentences (``choose``): the most
relevant, weighted by what their document shows, each adding something the others do not say,
ties broken by document and position so that a draft is the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core.types import Location
from assistant.drafting.evidence import DocKind, reports_past
from assistant.drafting.rubric import _cos

MAX_SENTENCES = 5  # sentences per drafted paragraph
MAX_PLANNED = 2  # plan sentences per paragraph (after the reports), labelled as plans
MIN_RELEVANCE = 0.32  # a sentence below this does not address the question
# a report of what happened tells it in the project's words, not the form's, so it addresses the
# question at a lower similarity than a project document's arrangement that mirrors the template
REPORT_RELEVANCE = 0.2
PLAN_WEIGHT = 0.8  # a plan's (or an arrangement's) relevance is multiplied by this: reports come first
_DEFAULT_KIND = DocKind("document", "document", "happened", 1.0)


@dataclass
class _Sentence:
    quote: str
    location: Location
    source: str
    section: str
    section_path: str
    rank: int  # best rank of its chunk over the queries
    similarity: float  # best dense similarity of its chunk to a query
    lexical: float = 0.0
    relevance: float = 0.0
    weighted: float = 0.0  # relevance times what its document and tense show: the ranking order
    vector: list[float] | None = None
    planned: bool = False
    kind: DocKind = _DEFAULT_KIND


def _arrangement(s: _Sentence) -> bool:
    """A sentence of a plan document (a project document) that does not report what happened
    (``evidence.reports_past``): it describes the arrangements planned, so it rates as a plan."""
    return s.kind.is_plan and not s.planned and not reports_past(s.quote)


def _as_plan(s: _Sentence) -> bool:
    """A sentence that rates as a plan: one stating a plan, or a project document's arrangement."""
    return s.planned or _arrangement(s)


def weigh(s: _Sentence, plans_are_evidence: bool = False) -> float:
    """The ranking score of a sentence: its relevance times what its document shows
    (``DocKind.weight``: reports of what happened before plans), and lower again when it rates
    as a plan (a "will" sentence, or a project document's description of arrangements) unless
    plans are the evidence (design stage)."""
    plan = PLAN_WEIGHT if _as_plan(s) and not plans_are_evidence else 1.0
    return s.relevance * s.kind.weight * plan


def _place(s: _Sentence) -> tuple[str, int, str]:
    """Where a sentence stands (document, line, text): the tie-break between equal scores."""
    return (s.source, s.location.line_start or 0, s.quote)


def choose(pool: list[_Sentence], plans_are_evidence: bool = False) -> list[_Sentence]:
    """The most relevant sentences, each adding something the others do not say; at most
    ``MAX_PLANNED`` plan sentences unless plans are the evidence (design stage)."""
    chosen: list[_Sentence] = []
    plans = 0

    def addresses(s: _Sentence) -> bool:
        floor = MIN_RELEVANCE if plans_are_evidence or _as_plan(s) else REPORT_RELEVANCE
        return s.relevance >= floor

    candidates = sorted((s for s in pool if addresses(s)), key=lambda s: (-s.weighted, _place(s)))
    while candidates and len(chosen) < MAX_SENTENCES:

        def gain(s: _Sentence) -> float:
            overlap = max((_cos(s.vector or [], c.vector or []) for c in chosen), default=0.0)
            return s.weighted - 0.3 * max(0.0, overlap - 0.5)

        best = max(candidates, key=gain)  # the first of equal gains: the candidates are in place order
        candidates.remove(best)
        if any(_cos(best.vector or [], c.vector or []) > 0.9 for c in chosen):
            continue  # a near-repeat (the same arrangement in another table row)
        if best.planned and not plans_are_evidence:
            if plans >= MAX_PLANNED:
                continue
            plans += 1
        chosen.append(best)
    return chosen


__all__ = ["MAX_PLANNED", "MAX_SENTENCES", "MIN_RELEVANCE", "PLAN_WEIGHT", "REPORT_RELEVANCE", "choose", "weigh"]

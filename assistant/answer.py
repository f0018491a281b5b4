"""Answering: follow-up resolution, the fact path, extractive retrieval answers, and the
final check that every citation quotes its source verbatim.

With no language model (the default) an answer is built only from the documents' own
words: table cells from the fact path, or the best-matching sentences from retrieval.
When the evidence is weak the answer is a refusal, never a guess.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Sequence

from assistant.facts import FactFinder, FactResult, parse_query
from assistant.retrieval import Hit, Retriever
from assistant.settings import Settings
from assistant.store import Filters, Store
from assistant.textutil import split_sentences
from assistant.types import Answer, Citation, Location

logger = logging.getLogger(__name__)

NOT_FOUND = "Not found in the documents."
STOPWORDS = set(
    """a an the of in on for to and or is are was were be been by with at as from that this these those what which
    who whom whose when where why how did does do has have had it its their there they them project projects document
    documents please tell me about give list name any much many according under into than more most also same all
    s i we you our your was can could would should will shall may might""".split()
)
_FOLLOWUP_START = re.compile(r"^\s*(and|what about|how about|same for|and what about|also)\b", re.I)
MIN_COVERAGE = 0.6  # share of the question's key words a quoted sentence must hold


@dataclass(frozen=True)
class Candidate:
    quote: str
    location: Location
    source: str
    coverage: float
    score: float


def resolve_followup(question: str, history: Sequence[str]) -> str:
    """Rewrite "And for 2023?" into a full question using the earlier user questions."""
    if not history:
        return question
    query = parse_query(question)
    has_subject = bool(query.indicator or query.activity or query.subtotal or query.total or query.qa_section or query.qa_question)
    short = len(question.split()) <= 6
    if has_subject and not _FOLLOWUP_START.match(question):
        return question
    if not (_FOLLOWUP_START.match(question) or short):
        return question
    previous = next((h for h in reversed(history) if h.strip()), "")
    if not previous:
        return question
    rewritten = previous
    years = re.findall(r"\b(?:19|20)\d\d\b", question)
    if years:
        if re.search(r"\b(?:19|20)\d\d\b", rewritten):
            rewritten = re.sub(r"\b(?:19|20)\d\d\b", years[0], rewritten, count=1)
            rewritten = re.sub(r"\b(?:19|20)\d\d\b(?<!" + years[0] + ")", "", rewritten) if len(years) == 1 else rewritten
        else:
            rewritten = rewritten.rstrip("?") + f" in {' and '.join(years)}?"
    year_n = re.search(r"\byear\s+\d\b", question, re.I)
    if year_n:
        if re.search(r"\byear\s+\d\b", rewritten, re.I):
            rewritten = re.sub(r"\byear\s+\d\b", year_n.group(0), rewritten, flags=re.I)
        else:
            rewritten = rewritten.rstrip("?") + f" for {year_n.group(0)}?"
    for kind in ("indicator", "activity", "output", "question"):
        m = re.search(rf"\b{kind}\s+(\d+(?:\.\d+)?)", question, re.I)
        if m:
            if re.search(rf"\b{kind}\s+\d+(?:\.\d+)?", rewritten, re.I):
                rewritten = re.sub(rf"\b({kind})\s+\d+(?:\.\d+)?", rf"\g<1> {m.group(1)}", rewritten, flags=re.I)
            else:
                rewritten = rewritten.rstrip("?") + f" for {kind} {m.group(1)}?"
    for field in ("baseline", "final target", "data source"):
        if field in question.lower() and field not in rewritten.lower():
            rewritten = re.sub(r"\btargets?\b", field, rewritten, count=1, flags=re.I)
    if rewritten == previous and not (years or year_n):
        return question  # nothing carried over: treat as a new question
    return rewritten


def key_terms(text: str) -> list[str]:
    words = re.findall(r"\d+(?:[.,]\d+)*%?|[a-z][a-z\-']+", text.lower().replace("’", "'"))
    return [w for w in dict.fromkeys(words) if w not in STOPWORDS and len(w) > 1]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def coverage(terms: list[str], sentence: str) -> float:
    """Weighted share of the question's key words present in ``sentence`` (numbers weigh double)."""
    if not terms:
        return 0.0
    have = {_stem(w) for w in key_terms(sentence)}
    total = got = 0.0
    for term in terms:
        weight = 2.0 if term[0].isdigit() else 1.0
        total += weight
        if _stem(term) in have:
            got += weight
    return got / total


def definition_bonus(terms: list[str], sentence: str) -> float:
    """A sentence that says what the asked thing *is* ("X is the …", "… will be the X")."""
    if not terms or len(terms) > 3:
        return 0.0
    phrase = r"\W+".join(re.escape(t) for t in terms)
    pattern = rf"\b(?:is|are|was|were|will be)\s+(?:the\s+)?(?:\w+\s+)?{phrase}\b|\b{phrase}\s+(?:is|are|was|were|will be)\b"
    return 0.25 if re.search(pattern, sentence, re.I) else 0.0


def candidates(question: str, hits: list[Hit]) -> list[Candidate]:
    terms = key_terms(question)
    wants_number = re.match(r"\s*(how (many|much)|what (number|percentage|share|amount))", question, re.I) is not None
    out: list[Candidate] = []
    for rank, hit in enumerate(hits):
        if hit.chunk.chunk_type == "record":
            continue  # a composed sentence, not the document's words
        for line in hit.chunk.text.split("\n"):
            for sentence in split_sentences(line.strip()):
                sentence = sentence.strip()
                if len(sentence) < 12:
                    continue
                cov = coverage(terms, sentence)
                words = len(sentence.split())
                score = (
                    cov
                    + 0.15 / (1 + rank)
                    + 0.2 * hit.similarity
                    + definition_bonus(terms, sentence)
                    + (0.15 if wants_number and re.search(r"\d", sentence) else 0.0)
                    - 0.003 * max(0, words - 30)  # prefer the sentence that says it, not a clause of a long one
                )
                out.append(Candidate(sentence, hit.chunk.location, hit.chunk.location.source, cov, score))
    out.sort(key=lambda c: -c.score)
    return out


class Assistant:
    """Answers questions over one home's index."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.retriever = Retriever(self.store, settings)

    def ask(self, question: str, history: Sequence[str] = (), filters: Filters = Filters()) -> Answer:
        question = question.strip()
        if not question:
            return Answer(answer="Please ask a question.", refused=True)
        resolved = resolve_followup(question, history)
        if resolved != question:
            logger.info("follow-up %r read as %r", question, resolved)
        sources = filters.sources or tuple(
            d.source for d in self.store.documents() if _doc_allowed(d, filters)
        ) if filters else ()
        fact = FactFinder(self.store, sources).answer(resolved)
        if fact is not None:
            return self._from_fact(fact)
        hits = self.retriever.search(resolved, self.settings.top_k, filters)
        return self._extractive(resolved, hits)

    def _from_fact(self, fact: FactResult) -> Answer:
        if fact.refused:
            return Answer(answer=f"{NOT_FOUND} {fact.text}", refused=True, notes=fact.notes)
        citations = [Citation(source=e.record.source, location=str(e.record.location), quote=e.quote) for e in fact.evidence]
        checked = self.verified(citations)
        if len(checked) != len(citations):
            logger.warning("a fact citation failed verification; refusing rather than guessing")
            return Answer(answer=f"{NOT_FOUND} (the table cell could not be verified in its source)", refused=True)
        return Answer(answer=fact.text, refused=False, citations=checked, notes=fact.notes)

    def _extractive(self, question: str, hits: list[Hit]) -> Answer:
        found = candidates(question, hits)
        if not found or found[0].coverage < MIN_COVERAGE:
            return Answer(answer=NOT_FOUND, refused=True)
        best = found[0]
        chosen = [best]
        for c in found[1:]:
            if len(chosen) == 2:
                break
            close = c.coverage >= max(MIN_COVERAGE, best.coverage * 0.9) and c.score >= best.score - 0.15
            if close and c.quote not in {x.quote for x in chosen}:
                chosen.append(c)
        citations = self.verified(
            [Citation(source=c.source, location=str(c.location), quote=c.quote) for c in chosen]
        )
        if not citations:
            return Answer(answer=NOT_FOUND, refused=True)
        text = " ".join(f"{c.quote} [{i}]" for i, c in enumerate(citations, start=1))
        return Answer(answer=text, refused=False, citations=citations)

    def verified(self, citations: list[Citation]) -> list[Citation]:
        """Only citations whose quote is verbatim in the stored text of their source."""
        texts: dict[str, str | None] = {}
        out = []
        for c in citations:
            if c.source not in texts:
                texts[c.source] = self.store.document_text(c.source)
            text = texts[c.source]
            if text is not None and c.quote.strip() and c.quote in text:
                out.append(_pin_line(c, text))
            else:
                logger.warning("dropped a citation whose quote is not in %s: %r", c.source, c.quote[:80])
        return out


def _pin_line(citation: Citation, text: str) -> Citation:
    """For a text source, point at the quote's own lines rather than its chunk's range."""
    if "line" not in citation.location or "table" in citation.location:
        return citation
    start = text.index(citation.quote)
    first = text.count("\n", 0, start) + 1
    last = first + citation.quote.count("\n")
    where = f"line {first}" if first == last else f"lines {first}–{last}"
    return citation.model_copy(update={"location": where})


def _doc_allowed(doc: object, filters: Filters) -> bool:
    from assistant.store import matches_project

    if filters.doc_type and getattr(doc, "doc_type") != filters.doc_type:
        return False
    if filters.project_number and not matches_project(doc, filters.project_number):  # type: ignore[arg-type]
        return False
    return True

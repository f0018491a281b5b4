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
from typing import Any, Iterator, Sequence

from assistant.facts import FactFinder, FactResult
from assistant.retrieval import Hit, Retriever
from assistant.settings import Settings
from assistant.store import Filters, Store
from assistant.textutil import STOPWORDS, split_sentences
from assistant.types import Answer, Citation, Location, Record

logger = logging.getLogger(__name__)

NOT_FOUND = "Not found in the documents."
_FOLLOWUP_START = re.compile(r"^\s*(and|what about|how about|same for|and what about|also)\b", re.I)
MIN_COVERAGE = 0.6  # share of the question's key words a quoted sentence must hold


@dataclass(frozen=True)
class Candidate:
    quote: str
    location: Location
    source: str
    coverage: float
    score: float
    more: tuple[str, ...] = ()  # further verbatim pieces that complete it (a row's cells, a list)


_SUBJECT = re.compile(
    r"\b(?:indicators?|activit(?:y|ies)|outputs?|(?:qa\s+)?question)\s+\d+(?:\.\d+)?"
    r"|\b(?:strategic|relevant|principled|management (?:&|and) monitoring|efficient|effective|sustainability)\b"
    r"(?=.*\bsection)|\bgrand total\b|\btotal for all outputs\b",
    re.I,
)
_FIELDS = re.compile(r"\b(?:baseline|final target|targets?|data source|budget(?:ed)?|rating|rated)\b", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d\b|\byear\s+\d\b", re.I)


def resolve_followup(question: str, history: Sequence[str]) -> str:
    """Rewrite a follow-up ("And for 2023?", "What is its final target?", "And indicator 2.4?")
    into a full question, using the earlier user questions."""
    previous = next((h for h in reversed(history) if h.strip()), "")
    if not previous:
        return question
    follow = bool(_FOLLOWUP_START.match(question)) or len(question.split()) <= 6 or re.search(
        r"\b(its|it|this|that|those|them|same)\b", question, re.I
    )
    if not follow:
        return question
    subject_now = _SUBJECT.findall(question)
    subject_before = _SUBJECT.findall(previous)
    years_now = _YEARS.findall(question)
    fields_now = _FIELDS.findall(question)
    if subject_now and not fields_now and not years_now and subject_before:
        # "And indicator 2.4?" / "And the Effective section?": the previous question, new subject
        rewritten = previous
        for old in subject_before:
            rewritten = rewritten.replace(old, subject_now[0], 1)
        return rewritten
    if subject_now or not subject_before:
        if not subject_before and not subject_now:
            return f"{question.rstrip('?')} ({previous.rstrip('?')})?"
        return question
    if years_now and not fields_now:
        # "And for 2023?": the previous question with the new period
        rewritten = previous
        old_years = _YEARS.findall(previous)
        if old_years:
            rewritten = rewritten.replace(old_years[0], years_now[0], 1)
        else:
            rewritten = rewritten.rstrip("?") + f" for {years_now[0]}?"
        return rewritten
    # "What is its final target?": the new question about the previous subject
    return f"{question.rstrip('?')} ({', '.join(subject_before)})?"


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
    from assistant.grounding import is_instruction

    terms = key_terms(question)
    wants_number = _asks_for_number(question)
    out: list[Candidate] = []
    for rank, hit in enumerate(hits):
        if hit.chunk.chunk_type == "record":
            continue  # a composed sentence, not the document's words
        lines = [line.strip() for line in hit.chunk.text.split("\n") if line.strip()]
        if hit.chunk.chunk_type == "table_row" and len(lines) > 1:
            # a row answers as a window of its cells: "Total resources required" "(in USD):" "4,660,000"
            windows = [lines[i : i + 3] for i in range(len(lines))]
            best = max(windows, key=lambda w: (coverage(terms, " ".join(w)), -len(" ".join(w))))
            joined = " ".join(best)
            cov = coverage(terms, joined)
            score = cov + 0.15 / (1 + rank) + 0.2 * hit.similarity - 0.003 * max(0, len(joined.split()) - 40)
            if wants_number and re.search(r"\d", joined):
                score += 0.15
            out.append(Candidate(best[0], hit.chunk.location, hit.chunk.location.source, cov, score, tuple(best[1:])))
            continue
        for index, line in enumerate(lines):
            sentences = [x.strip() for x in split_sentences(line.strip())]
            for position, sentence in enumerate(sentences):
                if len(sentence) < 12 or is_instruction(sentence):
                    continue  # too short, or a sentence addressing the assistant (data, never evidence)
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
                more: tuple[str, ...] = ()
                following = sentences[position + 1] if position + 1 < len(sentences) else ""
                if sentence.endswith(":"):  # "three main pillars:" — the list that follows answers
                    more = tuple(lines[index + 1 : index + 5])
                elif wants_number and not re.search(r"\d", sentence) and re.search(r"\d", following):
                    more = (following,)  # the figure is in the next sentence
                out.append(Candidate(sentence, hit.chunk.location, hit.chunk.location.source, cov, score, more))
    out.sort(key=lambda c: -c.score)
    return out


class Assistant:
    """Answers questions over one home's index."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.retriever = Retriever(self.store, settings)
        self._llm: Any = None  # the language-model backend, made on first use

    def ask(self, question: str, history: Sequence[str] = (), filters: Filters = Filters()) -> Answer:
        if self.settings.llm == "openai":
            from assistant.llm import final_answer

            return final_answer(self.ask_stream(question, history, filters))
        question = question.strip()
        if not question:
            return Answer(answer="Please ask a question.", refused=True)
        resolved = resolve_followup(question, history)
        if resolved != question:
            logger.info("follow-up %r read as %r", question, resolved)
        fact, hits = self.evidence(resolved, filters)
        if fact is not None:
            return self._from_fact(fact)
        return self._extractive(resolved, hits)

    def ask_stream(self, question: str, history: Sequence[str] = (), filters: Filters = Filters()) -> Iterator[str | Answer]:
        """Text deltas, then the final ``Answer``.

        With the language-model backend (``settings.llm == "openai"``) the deltas are the
        model's sentences that passed verification, as it finishes them; the final Answer
        may instead be the extractive one (its notes say why). Otherwise the whole answer
        comes at once.
        """
        if self.settings.llm == "openai":
            from assistant.llm import stream_answer

            yield from stream_answer(self, question, history, filters, self._backend())
            return
        answer = self.ask(question, history, filters)
        yield answer.answer
        yield answer

    def _backend(self) -> Any:
        if self._llm is None:
            from assistant.llm import LLMBackend

            self._llm = LLMBackend(self.settings)
        return self._llm

    def evidence(self, resolved: str, filters: Filters = Filters()) -> tuple[FactResult | None, list[Hit]]:
        """The fact path's result for a (standalone) question, else the retrieved passages."""
        filters, own_sources = self.project_in_question(resolved, filters)
        sources = own_sources or (filters.sources or tuple(
            d.source for d in self.store.documents() if _doc_allowed(d, filters)
        ) if filters else ())
        fact = FactFinder(self.store, sources).answer(resolved)
        if fact is not None:
            return fact, []
        # record chunks (composed sentences) help retrieval find table rows, but the fact path
        # already answers those; the extractive answer needs the documents' own words
        hits = self.retriever.search(resolved, self.settings.top_k * 2, filters)
        return None, [h for h in hits if h.chunk.chunk_type != "record"][: self.settings.top_k]

    def project_in_question(self, question: str, filters: Filters) -> tuple[Filters, tuple[str, ...] | None]:
        """"…of project 00108694": retrieval keeps to that project's documents (its own and
        those naming it as a phase); table facts keep to its own documents, so that another
        phase's figures are never given as its figures. Returns (filters, fact sources)."""
        if filters.sources or filters.project_number:
            return filters, None
        numbers = {n.lstrip("0") for n in re.findall(r"\b0\d{6,8}\b", question)}
        if len(numbers) != 1:
            return filters, None
        number = numbers.pop()
        own = tuple(d.source for d in self.store.documents() if d.project_number.lstrip("0") == number)
        return Filters(project_number=number, doc_type=filters.doc_type), own or ("\x00no such project",)

    def _from_fact(self, fact: FactResult) -> Answer:
        if fact.refused:
            return Answer(answer=f"{NOT_FOUND} {fact.text}", refused=True, notes=fact.notes)
        citations = [
            Citation(source=e.record.source, location=_record_place(e.record), quote=e.quote) for e in fact.evidence
        ]
        checked = self.verified(citations)
        if len(checked) != len(citations):
            logger.warning("a fact citation failed verification; refusing rather than guessing")
            return Answer(answer=f"{NOT_FOUND} (the table cell could not be verified in its source)", refused=True)
        return Answer(answer=fact.text, refused=False, citations=checked, notes=fact.notes)

    def _extractive(self, question: str, hits: list[Hit]) -> Answer:
        found = candidates(question, hits)
        if _asks_for_number(question):
            # "How many …?" is answered only by a figure the question does not already hold
            given = set(_numbers(question))
            found = [c for c in found if set(_numbers(" ".join((c.quote, *c.more)))) - given]
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
        citations: list[Citation] = []
        parts: list[str] = []
        for c in chosen:
            pieces = self.verified(
                [Citation(source=c.source, location=str(c.location), quote=q) for q in (c.quote, *c.more)]
            )
            if not pieces or pieces[0].quote != c.quote:
                continue
            first = len(citations) + 1
            citations += pieces
            parts.append(" ".join(f"{p.quote} [{first + i}]" for i, p in enumerate(pieces)))
        if not citations:
            return Answer(answer=NOT_FOUND, refused=True)
        return Answer(answer=" ".join(parts), refused=False, citations=citations)

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


def _asks_for_number(question: str) -> bool:
    return re.match(r"\s*(how (many|much)|what (number|percentage|share|amount))\b", question, re.I) is not None


def _numbers(text: str) -> list[str]:
    return [n.replace(",", "").replace(" ", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


def _record_place(record: Record) -> str:
    """"Results Framework, table 2, row 10, lines 228–241": the table's heading first."""
    section = record.fields.get("section", "")
    return f"{section}, {record.location}" if section else str(record.location)


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

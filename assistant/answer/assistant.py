"""Answering: one question (with its conversation) in, one cited ``Answer`` out.

The orchestration only: follow-ups are read as whole questions (``followup``), table questions
go to the fact path (``facts``), the rest to hybrid retrieval and an extractive answer
(``extractive``); with a language model configured its sentences are verified (``llm``,
``grounding``). Every citation passes the one verbatim check (``citations``) before it is returned.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from assistant.answer import llm
from assistant.answer.acronyms import expand, known_acronyms
from assistant.answer.arithmetic import with_share
from assistant.answer.citations import record_location, verified
from assistant.answer.comparison import compare
from assistant.answer.extractive import NOT_FOUND, Rewording, extractive_answer
from assistant.answer.facts import FactFinder, FactResult
from assistant.answer.followup import points_back, resolve_followup
from assistant.answer.grounding import Verifier, passages_from_fact, passages_from_hits
from assistant.answer.names_ru import read_names
from assistant.answer.naming import document_type_named, documents_named
from assistant.answer.overview import Overview
from assistant.answer.pair_arithmetic import with_pair
from assistant.answer.premise import denial, presumed, unsupported_premise
from assistant.answer.query import Query, parse_query, unglossed
from assistant.answer.spelling import mend
from assistant.core.settings import Settings
from assistant.core.text import PROJECT_NUMBER, clean, latin_reading, project_key, stems
from assistant.core.types import Answer, Citation
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit, Retriever
from assistant.store.database import Filters, Store, StoredDocument, matches_project
from assistant.store.embeddings import english_words

logger = logging.getLogger(__name__)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SELECTS = re.compile(r"\b(?:which|what)\b|\bкак(?:ой|ая|ое|ие)\b", re.IGNORECASE)  # a question choosing a row
_PHASE = re.compile(r"\bphase\s*(\d{1,2})\b", re.IGNORECASE)

__all__ = ["NOT_FOUND", "Assistant", "resolve_followup"]
MATCHED_KINDS = ("indicator", "activity", "total", "table_row", "delivery", "rating")  # rows matched by meaning


class Assistant:
    """Answers questions over one home's index."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.retriever = Retriever(self.store, settings)
        self._llm: Any = None  # the language-model backend, made on first use
        self._vectors: dict[str, list[float]] = {}
        self._acronyms: tuple[tuple[tuple[str, str], ...] | None, dict[str, str]] = (None, {})

    def ask(self, question: str, history: Sequence[str] = (), filters: Filters = Filters()) -> Answer:
        if self.settings.llm == "openai":
            return llm.final_answer(self.ask_stream(question, history, filters))
        question = question.strip()
        if not question:
            return Answer(answer="Please ask a question.", refused=True)
        resolved = self.whole_question(question, history, filters)
        if resolved != question:
            logger.info("%r read as %r", question, resolved)
        if (compared := compare(resolved, lambda side: self.ask(side, (), filters))) is not None:
            return compared  # "does A match B?": each side found on its own
        if (denied := self._premise_denied(resolved, filters)) is not None:
            return denied  # "now that the ERC approved the guideline, …?" when it was not approved
        fact, hits = self.evidence(resolved, filters)
        answer = self._from_fact(fact) if fact is not None else self._extractive(resolved, hits)
        return unsupported_premise(question, answer) or answer

    def whole_question(self, question: str, history: Sequence[str] = (), filters: Filters = Filters()) -> str:
        """The question as read in its conversation: what a chat keeps as this turn's history."""
        return self.spelled(resolve_followup(question, self._with_chosen_subjects(question, history, filters)))

    def _with_chosen_subjects(self, question: str, history: Sequence[str], filters: Filters) -> list[str]:
        """The conversation with each "which …?" turn that the next one points back to read as
        the row its answer chose: after "Which activity does ZERDE co-implement?" (Activity
        2.9), "what's its budget?" asks for Activity 2.9's, a subject no question named, and so
        does "and in 2022?" after that."""
        turns = [h for h in history if h.strip()]
        read: list[str] = []
        for i, turn in enumerate(turns):
            following = turns[i + 1] if i + 1 < len(turns) else question
            read.append(self._chosen(turn, read, filters, following) if points_back(following) else turn)
        return read

    def _chosen(self, turn: str, before: list[str], filters: Filters, following: str = "") -> str:
        """ "activity 2.9 in 2023?" for a turn whose answer chose that row, else the turn."""
        if not _SELECTS.search(turn):
            return turn
        whole = self.spelled(resolve_followup(turn, before))
        fact, hits = self.evidence(whole, filters)
        if fact is None:  # "what did the MTE recommend about the pilot?" quoted from a row: that row
            return self._quoted_row(self._extractive(whole, hits), following) or turn
        if fact.refused or not fact.subject:
            return turn
        years = parse_query(whole).years
        return fact.subject + (f" in {' and '.join(map(str, years))}" if years else "") + "?"

    def _quoted_row(self, answer: Answer, following: str) -> str | None:
        """The label of the table row an answer quotes first, as the subject of the ``following``
        question when that names one of the row's other columns or values ("was that accepted?":
        "Management response: Accepted"); None otherwise (the text may answer it)."""
        if answer.refused or not answer.citations:
            return None
        place = answer.citations[0].place
        if place.table is None or place.row is None:
            return None
        rows = self.store.records("table_row", (place.source,))
        row = next((r for r in rows if (r.location.table, r.location.row) == (place.table, place.row)), None)
        if row is None or not row.label.strip():
            return None
        others = " ".join(f"{c.column} {c.text}" for c in row.cells if clean(c.text) != clean(row.label))
        return f"{clean(row.label)}?" if stems(following) & stems(others) else None

    def ask_stream(
        self, question: str, history: Sequence[str] = (), filters: Filters = Filters()
    ) -> Iterator[str | Answer]:
        """Text deltas, then the final ``Answer``.

        With the language-model backend (``settings.llm == "openai"``) the deltas are the
        model's sentences that passed verification, as it finishes them; the final Answer
        may instead be the extractive one (its notes say why). Otherwise the whole answer
        comes at once.
        """
        if self.settings.llm != "openai":
            answer = self.ask(question, history, filters)
            yield answer.answer
            yield answer
            return
        yield from self._model_stream(question, history, filters, self._backend())

    def _model_stream(
        self, question: str, history: Sequence[str], filters: Filters, backend: llm.LLMBackend
    ) -> Iterator[str | Answer]:
        """Verified model sentences; the evidence and the fallback are the extractive path's own
        (a fact-path refusal is returned as it is, without asking the model)."""
        question = question.strip()
        if not question:
            yield from llm.plain(Answer(answer="Please ask a question.", refused=True))
            return
        rule_based = self.whole_question(question, history, filters)
        resolved = self.spelled(llm.rewrite_followup(question, history, backend, rule_based))
        if resolved != question:
            logger.info("follow-up %r read as %r", question, resolved)
        if (denied := self._premise_denied(resolved, filters)) is not None:
            yield from llm.plain(denied)
            return
        fact, hits = self.evidence(resolved, filters)
        required: list[str] = []
        if fact is not None:
            base = self._from_fact(fact)
            if base.refused:
                yield from llm.plain(base)
                return
            passages = passages_from_fact(fact)
            required = llm.key_facts_of_fact(fact)
        else:
            base = self._extractive(resolved, hits)
            passages = passages_from_hits(hits, self.store, self.settings.llm_max_passages)
        if not passages:
            yield from llm.plain(base)
            return
        verifier = Verifier(passages)
        yield from llm.verified_stream(backend.stream(llm.answer_messages(resolved, passages)), verifier)
        wants_number = fact is None and bool(llm.WANTS_NUMBER.match(resolved))
        yield llm.finish(self.verified, verifier, base, required, wants_number=wants_number)

    def _premise_denied(self, question: str, filters: Filters) -> Answer | None:
        """The refusal of a question whose presumed clause the documents deny, else None."""
        if (clause := presumed(question)) is None:
            return None
        fact, hits = self.evidence(clause, filters)
        return None if fact is not None else denial(clause, hits, self._texts(), self._rewording(clause))

    def _backend(self) -> llm.LLMBackend:
        if self._llm is None:
            self._llm = llm.LLMBackend(self.settings)
        return self._llm

    def warm(self) -> None:
        """Load the model and embed every record label once, in one batch, so that matching a
        question to rows by meaning costs one query embedding, not the labels' too."""
        labels = [r.label for kind in MATCHED_KINDS for r in self.store.records(kind)]
        self._embed_cached(labels or ["warm-up"])
        self.with_acronyms("")

    def _embed_cached(self, texts: Sequence[str]) -> list[list[float]]:
        """Embeddings of record labels and questions, each text embedded once per process."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if todo:
            from assistant.store.embeddings import get_embedder

            for text, vector in zip(todo, get_embedder(self.settings.embedding_model).embed(todo)):
                self._vectors[text] = vector
        return [self._vectors[t] for t in texts]

    def _texts(self) -> SourceTexts:
        return SourceTexts(self.store.document_text)

    def evidence(self, resolved: str, filters: Filters = Filters()) -> tuple[FactResult | None, list[Hit]]:
        """The fact path's result for a (standalone) question, else the retrieved passages."""
        asked = filters
        filters, own_sources = self.project_in_question(resolved, filters)
        sources = own_sources or (
            filters.sources or tuple(d.source for d in self.store.documents() if _doc_allowed(d, filters))
            if filters
            else ()
        )
        query = parse_query(resolved)
        finder = FactFinder(self.store, sources, self._embed_cached)
        # an output's share before the funding table's: "what share … goes to project management?"
        fact = finder.share(resolved) if query.wants("share") else None
        if fact is None and not (query.numbered or query.outputs):
            fact = Overview(self.store, sources).answer(resolved)
        if fact is None:
            fact = self._named_fact(resolved, sources) or finder.answer(resolved)
        if fact is not None and not (fact.refused and fact.text_may_say):
            fact = with_share(fact, resolved) if query.wants("share") and not fact.refused else fact
            return with_pair(fact, resolved), []
        hits = self._passages(resolved, query, filters, asked)
        if fact is not None and self._extractive(resolved, hits).refused:
            return fact, []  # the tables' refusal, which no sentence answers otherwise
        return None, hits

    def _passages(self, resolved: str, query: Query, filters: Filters, asked: Filters) -> list[Hit]:
        """The passages retrieved for a question the fact path did not answer."""
        # "SBAA" finds "Standard Basic Assistance Agreement"; a Russian question its English glosses
        wide = self.with_acronyms(latin_reading(query.text) if _CYRILLIC.search(resolved) else resolved)
        vector = self._embed_cached([self.with_acronyms(latin_reading(query.text))])[0]  # as the row matcher read it
        k = self.settings.top_k
        hits = self.retriever.search(wide, 2 * k, filters, vector=vector)
        if (kind := document_type_named(resolved)) and not filters.doc_type:
            # "per the QA": the QA forms' best passages first, then the rest as ranked
            first = self.retriever.search(wide, k // 2, replace(filters, doc_type=kind), vector=vector)
            seen = {h.chunk.id for h in first}
            hits = first + [h for h in hits if h.chunk.id not in seen]
        # the documents' passages fill the top k; a record chunk (composed from a row) ranked
        # among them stays too, since its cells' own words may answer ("11 grievances were
        # received in 2022" in a QA form's justification), but never pushes a passage out
        passages = [h for h in hits if h.chunk.chunk_type != "record"][:k]
        rows = [h for h in hits[:k] if h.chunk.chunk_type == "record"]
        found = sorted(passages + rows, key=hits.index)
        if filters.project_number and filters != asked:
            found += self._mentions(found, wide, vector, filters.project_number, asked)
        return found

    def _mentions(self, hits: list[Hit], text: str, vector: list[float], number: str, asked: Filters) -> list[Hit]:
        """A question naming a project reads its documents, and also the passages of other
        documents that name it ("phase 3 under Project ID 00123513 was launched in November
        2021", in phase 2's closure report), after its own."""
        key = project_key(number)
        seen = {h.chunk.id for h in hits}
        return [
            h
            for h in self.retriever.search(text, 2 * self.settings.top_k, asked, vector=vector)
            if h.chunk.id not in seen
            and h.chunk.chunk_type != "record"
            and any(project_key(n) == key for n in PROJECT_NUMBER.findall(h.chunk.text))
        ]

    def _extractive(self, question: str, hits: list[Hit]) -> Answer:
        """The extractive answer to the question as asked, else to it with its acronyms'
        long forms (their words would otherwise count against sentences that use the acronym).
        A Russian question is read by its English glosses (the documents' language)."""
        meant = question
        if _CYRILLIC.search(question):
            # the embedder reads English only: the meaning is compared by the glosses alone
            glossed = parse_query(question).text
            meant = latin_reading(glossed)
            # each word no gloss reads stays a word the answer must hold, which no English
            # sentence does: "почему проект отменили?" is not answered by any sentence on the project
            missing = " ".join(f"unread{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(len(unglossed(question))))
            question = f"{glossed} {missing}".strip()
        answer = extractive_answer(question, hits, self._texts(), self._rewording(meant))
        wide = self.with_acronyms(question)
        if answer.refused and wide != question:
            return extractive_answer(wide, hits, self._texts(), self._rewording(self.with_acronyms(meant)))
        return answer

    def _rewording(self, meant: str) -> Rewording:
        """A sentence's cosine similarity to what the question means (the bundled embedder's
        unit vectors), and the index's words."""

        def similarity(sentence: str) -> float:
            q, s = self._embed_cached([meant, sentence])
            return float(sum(a * b for a, b in zip(q, s)))

        return Rewording(similarity, self.store.vocabulary())

    def spelled(self, question: str) -> str:
        """The question with its misspelt words read as the documents' own (``spelling.mend``)."""
        vocabulary = self.store.vocabulary()
        if _CYRILLIC.search(question):  # "в Нарынской области": the documents' "Naryn"
            question = read_names(question, vocabulary, {w.lower() for w in unglossed(question)})
        return mend(question, vocabulary, english_words())

    def with_acronyms(self, question: str) -> str:
        """The question with the long forms of its acronyms (``acronyms.expand``), as the
        documents define them; read once per state of the index."""
        docs = self.store.documents()
        key = tuple((d.source, d.sha256) for d in docs)
        if self._acronyms[0] != key:
            self._acronyms = (key, known_acronyms(self.store.document_text(d.source) or "" for d in docs))
        return expand(question, self._acronyms[1])

    def project_in_question(self, question: str, filters: Filters) -> tuple[Filters, tuple[str, ...] | None]:
        """ "…of project 00108694": retrieval keeps to that project's documents (its own and
        those naming it as a phase); table facts keep to its own documents, so that another
        phase's figures are never given as its figures. Returns (filters, fact sources)."""
        if filters.sources or filters.project_number:
            return filters, None
        numbers = {project_key(n) for n in PROJECT_NUMBER.findall(question)}
        if len(numbers) != 1:
            return self._phase_in_question(question, filters)
        number = numbers.pop()
        own = tuple(d.source for d in self.store.documents() if project_key(d.project_number) == number)
        return Filters(project_number=number, doc_type=filters.doc_type), own or ("\x00no such project",)

    def _phase_in_question(self, question: str, filters: Filters) -> tuple[Filters, tuple[str, ...] | None]:
        """ "…during phase 2": the documents of that phase (named so in their title or file
        name), when some documents are of another phase; otherwise no restriction."""
        number = phase_asked(question)
        if number is None:
            return filters, None
        docs = [d for d in self.store.documents() if _doc_allowed(d, filters)]
        named = [d for d in docs if _PHASE.search(f"{d.title} {d.source.replace('-', ' ')}")]
        own = tuple(
            d.source
            for d in named
            if (p := _PHASE.search(f"{d.title} {d.source.replace('-', ' ')}")) and p.group(1) == number
        )
        # a document the question names is what it asks ("the phase 3 funding mentioned in the
        # closure QA"): a phase-2 report's words on phase 3, not phase 3's own documents
        own = documents_named(question, [d.source for d in docs]) or own
        if not own or len(own) == len(docs):
            return filters, None
        return Filters(sources=own, doc_type=filters.doc_type), own

    def _named_fact(self, question: str, sources: tuple[str, ...]) -> FactResult | None:
        """The fact from the documents the question names ("the 2025 budget in the progress
        report"), when those documents hold it; else None (the fact is looked for in all)."""
        held = sources or tuple(d.source for d in self.store.documents())
        named = documents_named(question, list(held))
        if not named or len(named) == len(held):
            return None
        fact = FactFinder(self.store, named, self._embed_cached).answer(question)
        return fact if fact is not None and not fact.refused else None

    def _from_fact(self, fact: FactResult) -> Answer:
        if fact.refused and not fact.evidence:
            return Answer(answer=f"{NOT_FOUND} {fact.text}", refused=True, notes=fact.notes)
        citations = [
            Citation(source=e.record.source, place=record_location(e.record, e.column), quote=e.quote)
            for e in fact.evidence
        ]
        checked = self.verified(citations)
        if len(checked) != len(citations):
            logger.warning("a fact citation failed verification; refusing rather than guessing")
            return Answer(answer=f"{NOT_FOUND} (the table cell could not be verified in its source)", refused=True)
        # a refusal with evidence: the question's premise is not what the cited cell says
        return Answer(answer=fact.text, refused=fact.refused, citations=checked, notes=fact.notes)

    def verified(self, citations: list[Citation]) -> list[Citation]:
        """Only citations whose quote is verbatim in the stored text of their source."""
        return verified(citations, self._texts())


_ORDINALS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5"}
_ORDINAL_PHASE = re.compile(rf"\b({'|'.join(_ORDINALS)})\s+phase\b", re.IGNORECASE)


def phase_asked(question: str) -> str | None:
    """The phase a question names: "phase 3", "the third phase"."""
    if m := _PHASE.search(question):
        return m.group(1)
    if m := _ORDINAL_PHASE.search(question):
        return _ORDINALS[m.group(1).lower()]
    return None


def _doc_allowed(doc: StoredDocument, filters: Filters) -> bool:
    if filters.doc_type and doc.doc_type != filters.doc_type:
        return False
    return not (filters.project_number and not matches_project(doc, filters.project_number))

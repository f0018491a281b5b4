"""QA evidence drafting: for each question of a QA form, a paragraph built only from the
project's own documents, every sentence cited, with the rubric level the evidence supports.

Owns: the question bank (``qa_bank.json``, generated from a seed QA report by
``evals/build_question_bank.py``), the choice of a project's documents (its own and those of
linked earlier/later phases), evidence selection per question, the rating suggestion, and the
``Draft`` values that ``assistant.drafting.export`` writes as Markdown or DOCX.

Nothing here writes prose: a drafted paragraph is the chosen sentences of the documents,
verbatim, ordered as they stand in their source, each followed by its citation marker.
A sentence whose quote is not verbatim in its stored source is dropped before it is used.

How a question is drafted:
  1. queries = the question and each rubric option; hybrid retrieval restricted to the
     selected documents (``Filters(sources=...)``);
  2. the retrieved chunks are cut into sentences (footnote and bookmark markup removed,
     the form's own question and rubric wording skipped); each sentence is scored by its
     similarity to the question and the closest rubric requirement plus the share of the
     question's key words it holds (``assistant.answer.coverage``);
  3. the best few, kept diverse, are verified verbatim and become the paragraph;
  4. each rubric option is split into requirements (its sentences, hedges removed); a
     requirement is found when an evidence sentence is close to it in meaning and shares
     its words, above all those the other options lack. 3 when most of level 3's
     requirements are found (held at 2 when the evidence only states planned arrangements,
     in the future tense), 2 when at least half of level 2's or level 3's are, else 1;
     "too thin to rate" when fewer than ``MIN_SUPPORT`` sentences support the question.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from assistant.answer.citations import verified
from assistant.core.errors import ProjdocsError
from assistant.core.settings import Settings
from assistant.core.text import coverage, key_terms, normalise_space, split_sentences, stem
from assistant.core.types import Citation, Location
from assistant.core.verify import SourceTexts
from assistant.drafting.bank import (
    BANK_PATH,
    TOO_THIN,
    BankQuestion,
    Draft,
    DraftedQuestion,
    DraftedSentence,
    Requirement,
    RubricOption,
    known_stages,
    load_stage,
)
from assistant.drafting.rubric import (
    _GENERIC,
    _RUBRIC_NOTE,
    _cos,
    _distinctive,
    _plain,
    _requirements,
    _root,
    missing_evidence,
    planned_share,
    requirement_core,
    requirement_texts,
    signals,
    suggest_level,
)
from assistant.drafting.sources import linked_projects, select_documents
from assistant.retrieval.hybrid import Hit, Retriever
from assistant.store.database import Filters, Store

__all__ = [
    "BANK_PATH",
    "TOO_THIN",
    "BankQuestion",
    "Draft",
    "DraftedQuestion",
    "DraftedSentence",
    "Drafter",
    "Requirement",
    "RubricOption",
    "draft",
    "known_stages",
    "linked_projects",
    "load_stage",
    "missing_evidence",
    "planned_share",
    "requirement_core",
    "requirement_texts",
    "select_documents",
    "signals",
    "suggest_level",
]

logger = logging.getLogger(__name__)

MAX_SENTENCES = 5  # sentences per drafted paragraph
MIN_RELEVANCE = 0.40  # a sentence below this does not address the question
RETRIEVE_K = 12  # chunks per query
EMBED_TOP = 24  # sentences per question scored by embedding similarity
SECTION_BONUS = 0.15  # a sentence under a heading that names the question's topic
REQUIREMENT_SIMILARITY = 0.5  # cosine similarity at which a sentence speaks to a requirement
REQUIREMENT_COVERAGE = 0.25  # ...and the share of the requirement's distinctive words it must hold

_MARKUP = re.compile(
    r"\[footnoteRef:\d+\]|\[bookmark: [^\]]*\]|\[image: [^\]]*\]|\[\d+:\s[^\]]*\]?|https?://\S+|<[^>]+>"
)
_BOILERPLATE = re.compile(r"legal context|terms of reference|standard clauses", re.IGNORECASE)
_RUBRIC_LINE = re.compile(r"^\s*[-*•]\s*(?:\d\s*:|Yes\b|No\b|Not Applicable\b)")
# Evidence signals: (name, pattern). An option that mentions the thing asks for the signal.


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
    vector: list[float] | None = None


def evidence_sentences(text: str) -> list[str]:
    """Sentences of a chunk usable as evidence, each a verbatim span of ``text``.

    Footnote references and bodies, bookmarks, links and tags split the text instead of
    staying inside a quote; fragments (no verb-like length, no end punctuation) are left out.
    """
    out: list[str] = []
    for line in text.split("\n"):
        for segment in _MARKUP.split(line):
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


class Drafter:
    """Drafts QA evidence over one store; the embedding model is loaded once."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.retriever = Retriever(self.store, settings)
        self._vectors: dict[str, list[float]] = {}

    # embeddings, cached by text ----------------------------------------------------------
    def _embed(self, texts: Sequence[str]) -> list[list[float]]:
        todo = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if todo:
            from assistant.store.embeddings import get_embedder

            for t, v in zip(todo, get_embedder(self.settings.embedding_model).embed(todo)):
                self._vectors[t] = v
        return [self._vectors[t] for t in texts]

    # one question ------------------------------------------------------------------------
    def draft_question(self, question: BankQuestion, sources: Sequence[str], rubric_text: set[str]) -> DraftedQuestion:
        requirements = _requirements(question)
        hits = self._retrieve(question, [r for _, r in requirements], sources)
        pool = self._sentences(hits, rubric_text)
        self._score(question, pool, [r for _, r in requirements])
        chosen = self._choose(pool)
        sentences = self._verified(chosen)
        return self._rate(question, sentences)

    def _retrieve(
        self, question: BankQuestion, requirements: list[str], sources: Sequence[str]
    ) -> list[tuple[int, Hit]]:
        """Chunks of the selected documents found by the question, its key words alone (for
        BM25) and each rubric requirement on its own (a long option blurs its parts).

        ``Retriever.search`` for each, with the queries embedded in one batch: on a CPU the
        model is the slow part."""
        filters = Filters(sources=tuple(sources))
        queries = [question.text, " ".join(key_terms(question.text))] + requirements
        queries = list(dict.fromkeys(q for q in queries if q.strip()))
        vectors = self._embed(queries)
        hits: dict[str, tuple[int, Hit]] = {}
        best_sim: dict[str, float] = {}
        for query, vector in zip(queries, vectors):
            stems = " ".join(stem(t) for t in key_terms(query))  # FTS5 here does not stem
            found = self.retriever.search(query, RETRIEVE_K, filters, vector=vector, keywords=f"{query} {stems}")
            for rank, hit in enumerate(found):
                cid = hit.chunk.id
                best_sim[cid] = max(best_sim.get(cid, 0.0), hit.similarity)
                if cid not in hits or rank < hits[cid][0]:
                    hits[cid] = (rank, hit)
        return [(rank, replace(hit, similarity=best_sim[cid])) for cid, (rank, hit) in hits.items()]

    def _sentences(self, hits: Iterable[tuple[int, Hit]], rubric_text: set[str]) -> list[_Sentence]:
        pool: dict[str, _Sentence] = {}
        for rank, hit in hits:
            if hit.chunk.chunk_type == "record":
                continue  # composed from a table, not the document's own words
            section = hit.chunk.section.split(" > ")[-1]
            for line in hit.chunk.text.split("\n"):
                if _RUBRIC_LINE.match(line):
                    continue  # a QA form's own rubric is not evidence
                for s in evidence_sentences(line):
                    plain = _plain(s)
                    if any(plain in r for r in rubric_text):
                        continue
                    if s in pool:
                        old = pool[s]
                        old.rank, old.similarity = min(old.rank, rank), max(old.similarity, hit.similarity)
                    else:
                        chunk = hit.chunk
                        pool[s] = _Sentence(
                            s, chunk.location, chunk.location.source, section, chunk.section, rank, hit.similarity
                        )
        return list(pool.values())

    def _score(self, question: BankQuestion, pool: list[_Sentence], requirements: list[str]) -> None:
        """Relevance of each sentence to the question: first a cheap lexical pass over the whole
        pool, then sentence embeddings for the best ``EMBED_TOP`` (the model is slow on a CPU)."""
        if not pool:
            return
        q_terms = key_terms(question.text)
        req_terms = [[t for t in key_terms(r) if t not in _GENERIC] for r in requirements]
        topic = {_root(t) for t in q_terms} | {_root(t) for ts in req_terms for t in ts}
        for s in pool:
            best_req = max((coverage(t, s.quote) for t in req_terms), default=0.0)
            lexical = 0.6 * coverage(q_terms, s.quote) + 0.4 * best_req
            heading = {_root(t) for t in key_terms(s.section) if t not in _GENERIC}
            s.lexical = lexical + (SECTION_BONUS if heading & topic else 0.0)
            if _BOILERPLATE.search(s.section_path):
                s.lexical -= SECTION_BONUS  # template clauses and job descriptions state duties, not what was done
            s.relevance = s.lexical + 0.5 * s.similarity  # provisional: ranks the pool for embedding
        top = sorted(pool, key=lambda s: -s.relevance)[:EMBED_TOP]
        for s in pool:
            s.relevance = 0.0
        vectors = self._embed([s.quote for s in top])
        q_vec, *req_vecs = self._embed([question.text] + requirements)
        for s, v in zip(top, vectors):
            s.vector = v
            best_req = max((_cos(v, r) for r in req_vecs), default=0.0)
            s.relevance = 0.45 * _cos(v, q_vec) + 0.25 * best_req + 0.3 * s.lexical + 0.03 / (1 + s.rank)

    def _choose(self, pool: list[_Sentence]) -> list[_Sentence]:
        """The most relevant sentences, each adding something the others do not say."""
        chosen: list[_Sentence] = []
        candidates = sorted((s for s in pool if s.relevance >= MIN_RELEVANCE), key=lambda s: -s.relevance)
        while candidates and len(chosen) < MAX_SENTENCES:

            def gain(s: _Sentence) -> float:
                overlap = max((_cos(s.vector or [], c.vector or []) for c in chosen), default=0.0)
                return s.relevance - 0.3 * max(0.0, overlap - 0.5)

            best = max(candidates, key=gain)
            candidates.remove(best)
            if any(_cos(best.vector or [], c.vector or []) > 0.9 for c in chosen):
                continue  # a near-repeat (the same arrangement in another table row)
            chosen.append(best)
        return chosen

    def _verified(self, chosen: list[_Sentence]) -> list[DraftedSentence]:
        if not chosen:
            return []
        cites = [Citation(source=s.source, place=s.location, quote=s.quote) for s in chosen]
        source_texts = SourceTexts(self.store.document_text)
        checked = {c.quote: c for c in verified(cites, source_texts, table_lines=True)}
        texts = {s.source: source_texts.text(s.source) or "" for s in chosen}
        out = []
        for s in chosen:
            if s.quote in checked:
                out.append((texts[s.source].find(s.quote), s))
        order = {src: i for i, src in enumerate(dict.fromkeys(s.source for s in chosen))}
        out.sort(key=lambda p: (order[p[1].source], p[0]))  # as they stand in their source
        return [DraftedSentence(normalise_space(s.quote), checked[s.quote], s.relevance) for _, s in out]

    # rating ------------------------------------------------------------------------------
    def assess(
        self, question: BankQuestion, evidence: Sequence[str]
    ) -> tuple[str | None, str, list[str], list[Requirement]]:
        """Rate evidence sentences against the question's rubric.

        Returns:
            (suggested level or None, one-line reason, missing evidence, requirements checked).
        """
        evidence = list(evidence)
        requirements = _requirements(question)
        vectors = self._embed(evidence) if evidence else []
        found = [
            Requirement(option.key, text, self._requirement_found(question, option, text, evidence, vectors))
            for option, text in requirements
        ]
        level, reason, _ = suggest_level(question, evidence, found)
        return level, reason, missing_evidence(level, found), found

    def _rate(self, question: BankQuestion, sentences: list[DraftedSentence]) -> DraftedQuestion:
        level, reason, missing, found = self.assess(question, [s.text for s in sentences])
        option = question.option(level) if level else None
        option_text = option.text if option else ""
        paragraph = " ".join(f"{s.text} [{i}]" for i, s in enumerate(sentences, start=1))
        return DraftedQuestion(
            section=question.section,
            number=question.number,
            question=question.text,
            kind=question.kind,
            paragraph=paragraph,
            sentences=tuple(sentences),
            suggested_level=level,
            reason=reason,
            missing=tuple(missing),
            requirements=tuple(found),
            option_text=option_text,
        )

    def _requirement_found(
        self, question: BankQuestion, option: RubricOption, text: str, evidence: list[str], vectors: list[list[float]]
    ) -> bool:
        """A sentence close in meaning to the requirement that holds its distinctive words (those
        the other options lack), or a very close one holding most of its own key words; or the
        distinctive words spread over the whole evidence."""
        if not evidence:
            return False
        core = requirement_core(text)
        distinct = _distinctive(option, question, core)
        own = [t for t in key_terms(_RUBRIC_NOTE.sub(" ", core)) if t not in _GENERIC]
        req_vec = self._embed([core])[0]
        for v, e in zip(vectors, evidence):
            sim = _cos(v, req_vec)
            if (
                sim >= REQUIREMENT_SIMILARITY
                and coverage(distinct, e) >= REQUIREMENT_COVERAGE
                and coverage(own, e) >= REQUIREMENT_COVERAGE
            ):
                return True
            if sim >= REQUIREMENT_SIMILARITY + 0.1 and coverage(own, e) >= 0.4:
                return True
        return coverage(distinct, " ".join(evidence)) >= 0.5


def draft(
    settings: Settings,
    store: Store | None = None,
    project: str | None = None,
    sources: Sequence[str] = (),
    stage: str = "closure",
    questions: Sequence[int] | None = None,
    exclude: Sequence[str] = (),
    drafter: Drafter | None = None,
) -> Draft:
    """Draft the QA evidence of ``stage`` from a project's documents.

    Args:
        settings: the tool's settings (home, embedding model).
        store: the index to read (default: the one of ``settings.home``).
        project: a project number; its documents and those of linked phases are used.
        sources: documents (file names) to use, instead of or besides ``project``.
        stage: QA stage of the question bank ("closure").
        questions: question numbers to draft (default: all of the stage).
        exclude: documents never to quote (e.g. the QA report being re-drafted).
        drafter: a ``Drafter`` to reuse (keeps the embedding cache across drafts).

    Returns:
        A ``Draft`` with one ``DraftedQuestion`` per question, in form order.

    Raises:
        ProjdocsError: unknown stage, question, source or project.
    """
    drafter = drafter or Drafter(settings, store)
    store = drafter.store
    title, sections, bank = load_stage(stage)
    if questions:
        unknown = sorted(set(questions) - {q.number for q in bank})
        if unknown:
            raise ProjdocsError(
                f"no question {', '.join(map(str, unknown))} in the {stage} form",
                hint=f"questions are numbered 1–{max(q.number for q in bank)}",
            )
        bank = [q for q in bank if q.number in set(questions)]
    chosen = select_documents(store.documents(), project, sources, exclude)
    logger.info("drafting %d %s questions from %s", len(bank), stage, ", ".join(chosen))
    rubric_text = {_plain(q.text) for q in bank} | {_plain(o.text) for q in bank for o in q.options}
    drafted = [drafter.draft_question(q, chosen, rubric_text) for q in bank]
    notes = []
    thin = [q.number for q in drafted if q.suggested_level is None]
    if thin:
        notes.append(f"too thin to rate: question{'s' if len(thin) > 1 else ''} {', '.join(map(str, thin))}")
    return Draft(
        stage=stage,
        title=title,
        project=project,
        sources=tuple(chosen),
        excluded=tuple(exclude),
        questions=tuple(drafted),
        sections=sections,
        notes=tuple(notes),
    )


__all__ = [
    "TOO_THIN",
    "BankQuestion",
    "Draft",
    "DraftedQuestion",
    "DraftedSentence",
    "Drafter",
    "Requirement",
    "RubricOption",
    "draft",
    "evidence_sentences",
    "known_stages",
    "linked_projects",
    "load_stage",
    "missing_evidence",
    "planned_share",
    "requirement_texts",
    "select_documents",
    "signals",
    "suggest_level",
]

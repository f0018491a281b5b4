"""QA evidence drafting: for each question of a QA form, a paragraph built only from the
project's own documents, every sentence cited, with the rubric level the evidence supports.

Owns the drafting run: the stage (chosen, or suggested from the documents by
``sources.suggest_stage``), the documents (the project's own and linked phases', less the QA
report being drafted unless asked: ``sources.own_reports``), evidence selection per question,
the rating (``rubric``), and the ``Draft`` that ``export`` writes as Markdown or DOCX. The
question banks are data (``assistant/profiles/qa_*.json|yaml``, read by ``bank``).

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
     a sentence's relevance is weighted by what its document shows (reports of what happened
     before plans: ``evidence.document_kind``), and a plan sentence ("will…") or a project
     document's arrangement ranks lower (``choice.weigh``); a report of what happened
     addresses the question from a lower relevance than a plan (``choice.REPORT_RELEVANCE``);
  3. the best few, kept diverse, ties broken by document and position (``choice.choose``), are
     verified verbatim and become the paragraph: reports first, then at most ``MAX_PLANNED``
     plan sentences, each labelled "Planned:";
  4. up to ``MAX_SUPPORT`` more reports of what happened are cited when each shows a level-2
     or level-3 requirement the chosen sentences do not (``rubric.supporting``);
  5. each rubric option is split into requirements (its sentences, examples and hedges
     removed); conditions ("if grievances were received…"), hedges, alternatives and level 2's
     limits ("…not systematic") are not must-finds (``rubric.requirement_role``). A requirement
     is found when a sentence reporting what was done (plans count only at the design stage, or
     for a requirement that asks for plans; a project document's sentence reports what was done
     only in the past tense, otherwise it describes an arrangement: ``evidence.reports_past``)
     is close to it in meaning and shares its words, above all those the other options lack, or
     holds the requirement's keyword cues (``cues``, ``profiles/qa_cues.yaml``); one found only
     in plans or arrangements is "planned only". Levels
     are tested from the top: 3 when all of level 3's must-finds are found, 2 when all of level
     2's are, 1 only on a cited sentence reporting level 1's failure, else 2 "partly shown";
     "too thin to rate" when fewer than ``MIN_SUPPORT`` sentences report what was done.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import replace

from assistant.answer.citations import verified
from assistant.core.errors import ProjdocsError
from assistant.core.settings import Settings
from assistant.core.text import coverage, key_terms, normalise_space, stem
from assistant.core.types import Citation
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
    stage_info,
)
from assistant.drafting.choice import (
    _DEFAULT_KIND,
    MAX_PLANNED,
    MAX_SENTENCES,
    MIN_RELEVANCE,
    _arrangement,
    _Sentence,
    choose,
    weigh,
)
from assistant.drafting.cues import cue_parts, holds
from assistant.drafting.evidence import (
    DocKind,
    document_kind,
    evidence_sentences,
    is_planned,
    is_shortfall,
    planned_label,
)
from assistant.drafting.rubric import (
    _GENERIC,
    Evidence,
    _cos,
    _plain,
    _requirements,
    _root,
    assess,
    missing_evidence,
    planned_share,
    requirement_core,
    requirement_texts,
    signals,
    suggest_level,
    supporting,
)
from assistant.drafting.sources import linked_projects, own_reports, select_documents, suggest_stage
from assistant.retrieval.hybrid import Hit, Retriever
from assistant.store.database import Filters, Store

logger = logging.getLogger(__name__)

MAX_SUPPORT = 3  # sentences added beyond those because each shows a requirement the others do not
RETRIEVE_K = 24  # chunks per query: a level-3 fact often sits in a chunk that is not the question's best
EMBED_TOP = 48  # sentences per question scored by embedding similarity (cached across questions)
SECTION_BONUS = 0.15  # a sentence under a heading that names the question's topic

_BOILERPLATE = re.compile(r"legal context|terms of reference|standard clauses", re.IGNORECASE)
_RUBRIC_LINE = re.compile(r"^\s*[-*•]\s*(?:\d\s*:|Yes\b|No\b|Not Applicable\b)")


class Drafter:
    """Drafts QA evidence over one store; the embedding model is loaded once."""

    def __init__(self, settings: Settings, store: Store | None = None) -> None:
        self.settings = settings
        self.store = store or Store(settings)
        self.retriever = Retriever(self.store, settings)
        self._vectors: dict[str, list[float]] = {}
        self._texts: dict[str, list[str]] = {}  # document lines by source, for table rows

    # embeddings, cached by text ----------------------------------------------------------
    def _embed(self, texts: Sequence[str]) -> list[list[float]]:
        todo = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if todo:
            from assistant.store.embeddings import get_embedder

            for t, v in zip(todo, get_embedder(self.settings.embedding_model).embed(todo)):
                self._vectors[t] = v
        return [self._vectors[t] for t in texts]

    # one question ------------------------------------------------------------------------
    def draft_question(
        self,
        question: BankQuestion,
        sources: Sequence[str],
        rubric_text: set[str],
        kinds: dict[str, DocKind] | None = None,
        plans_are_evidence: bool = False,
    ) -> DraftedQuestion:
        """One question's paragraph and rating; ``kinds`` says what each source shows."""
        requirements = _requirements(question)
        hits = self._retrieve(question, [r for _, r in requirements], sources)
        pool = self._sentences(hits, rubric_text, kinds or {})
        self._score(question, pool, [r for _, r in requirements], plans_are_evidence)
        chosen = self._choose(pool, plans_are_evidence)
        chosen += self._supporting(question, pool, chosen, plans_are_evidence)
        sentences = self._verified(chosen)
        return self._rate(question, sentences, plans_are_evidence)

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

    def _sentences(
        self, hits: Iterable[tuple[int, Hit]], rubric_text: set[str], kinds: dict[str, DocKind]
    ) -> list[_Sentence]:
        pool: dict[str, _Sentence] = {}
        for rank, hit in hits:
            section = hit.chunk.section.split(" > ")[-1]
            for line in self._own_words(hit).split("\n"):
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
                        source = chunk.location.source
                        pool[s] = _Sentence(
                            s,
                            chunk.location,
                            source,
                            section,
                            chunk.section,
                            rank,
                            hit.similarity,
                            planned=is_planned(s),
                            kind=kinds.get(source, _DEFAULT_KIND),
                        )
        return list(pool.values())

    def _own_words(self, hit: Hit) -> str:
        """The document's own words behind a chunk: a record's chunk is composed from a table
        row ("Efficiency. Rating: … Justification: …"), so its row is read from the document
        instead (the cells verbatim, an evaluation's justification among them); other chunks
        as they are."""
        chunk = hit.chunk
        if chunk.chunk_type != "record":
            return chunk.text
        first, last = chunk.location.line_start, chunk.location.line_end or chunk.location.line_start
        if first is None or last is None:
            return ""
        source = chunk.location.source
        if source not in self._texts:
            self._texts[source] = (self.store.document_text(source) or "").split("\n")
        return "\n".join(self._texts[source][first - 1 : last])

    def _score(
        self, question: BankQuestion, pool: list[_Sentence], requirements: list[str], plans_are_evidence: bool
    ) -> None:
        """Relevance of each sentence to the question: first a cheap lexical pass over the whole
        pool, then sentence embeddings for the best ``EMBED_TOP`` (the model is slow on a CPU);
        weighted by what the sentence's document shows, a plan sentence below a report."""
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
            s.weighted = weigh(s, plans_are_evidence)

    def _choose(self, pool: list[_Sentence], plans_are_evidence: bool = False) -> list[_Sentence]:
        return choose(pool, plans_are_evidence)

    def _supporting(
        self, question: BankQuestion, pool: list[_Sentence], chosen: list[_Sentence], plans_are_evidence: bool
    ) -> list[_Sentence]:
        """Up to ``MAX_SUPPORT`` more reports of what happened, each showing a rubric requirement
        the chosen sentences do not (``rubric.supporting``): the rating rests on cited evidence.
        No relevance floor here: a sentence close in meaning to a requirement and holding its
        distinctive words addresses the question even when it shares few of the question's words."""
        left = [s for s in pool if s not in chosen and (plans_are_evidence or not (s.planned or _arrangement(s)))]
        # a sentence outside the embedded top that holds a requirement's cue is a candidate too
        parts = [
            part
            for option, text in _requirements(question)
            if option.key in ("2", "3")
            for part in cue_parts(question.stage, question.number, option.key, text)
        ]
        todo = [s for s in left if not s.vector and any(holds(part, f"{s.section}: {s.quote}") for part in parts)]
        for s, v in zip(todo, self._embed([s.quote for s in todo])):
            s.vector = v
        left = [s for s in left if s.vector]
        # what the cited sentences already show counts only if they report what was done
        done = [s for s in chosen if plans_are_evidence or not (s.planned or _arrangement(s))]
        cited = [(s.quote, s.vector or []) for s in done]
        headings = {s.quote: s.section for s in [*chosen, *left]}
        candidates = [(s.quote, s.vector or []) for s in left]
        picked = supporting(question, cited, candidates, self._embed, MAX_SUPPORT, headings)
        return [left[i] for i in picked]

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
        out.sort(key=lambda p: (p[1].planned, order[p[1].source], p[0]))  # reports, then plans; in source order
        return [
            DraftedSentence(
                normalise_space(s.quote),
                checked[s.quote],
                s.relevance,
                planned=s.planned,
                kind=s.kind.label,
                shortfall=is_shortfall(s.quote),
                arrangement=_arrangement(s),
                heading=s.section,
            )
            for _, s in out
        ]

    # rating ------------------------------------------------------------------------------
    def assess(
        self, question: BankQuestion, evidence: Sequence[str | Evidence], plans_are_evidence: bool = False
    ) -> tuple[str | None, str, list[str], list[Requirement]]:
        """Rate evidence sentences against the question's rubric (``rubric.assess``).

        Returns:
            (suggested level or None, one-line reason, missing evidence, requirements checked).
        """
        return assess(question, evidence, self._embed, plans_are_evidence)

    def _rate(
        self, question: BankQuestion, sentences: list[DraftedSentence], plans_are_evidence: bool = False
    ) -> DraftedQuestion:
        # a plan document's description of arrangements is a plan too: not what happened
        evidence = [Evidence(s.text, s.planned, s.shortfall, s.arrangement, s.heading) for s in sentences]
        level, reason, missing, found = self.assess(question, evidence, plans_are_evidence)
        option = question.option(level) if level else None
        option_text = option.text if option else ""
        label = planned_label()
        paragraph = " ".join(
            f"{label + ': ' if s.planned else ''}{s.text} [{i}]" for i, s in enumerate(sentences, start=1)
        )
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


def draft(
    settings: Settings,
    store: Store | None = None,
    project: str | None = None,
    sources: Sequence[str] = (),
    stage: str | None = "closure",
    questions: Sequence[int] | None = None,
    exclude: Sequence[str] = (),
    drafter: Drafter | None = None,
    include_own_report: bool = False,
) -> Draft:
    """Draft the QA evidence of ``stage`` from a project's documents.

    Args:
        settings: the tool's settings (home, embedding model).
        store: the index to read (default: the one of ``settings.home``).
        project: a project number; its documents and those of linked phases are used.
        sources: documents (file names) to use, instead of or besides ``project``.
        stage: QA stage of the question bank ("design", "implementation", "closure");
            None: suggested from the documents.
        questions: question numbers to draft (default: all of the stage).
        exclude: documents never to quote.
        drafter: a ``Drafter`` to reuse (keeps the embedding cache across drafts).
        include_own_report: also quote the project's own QA report of this stage (the report
            being drafted), which is left out by default.

    Returns:
        A ``Draft`` with one ``DraftedQuestion`` per question, in form order.

    Raises:
        ProjdocsError: unknown stage, question, source or project; nothing left to quote.
    """
    drafter = drafter or Drafter(settings, store)
    store = drafter.store
    docs = store.documents()
    chosen = select_documents(docs, project, sources, exclude)
    text_cache: dict[str, str] = {}

    def text(source: str) -> str:
        if source not in text_cache:
            text_cache[source] = store.document_text(source) or ""
        return text_cache[source]

    by_source = {d.source: d for d in docs}
    if stage:
        stage_reason = "chosen"
    else:
        stage, stage_reason = suggest_stage([by_source[s] for s in chosen], text)
    info = stage_info(stage)
    title, sections, bank = load_stage(stage)
    if questions:
        unknown = sorted(set(questions) - {q.number for q in bank})
        if unknown:
            raise ProjdocsError(
                f"no question {', '.join(map(str, unknown))} in the {stage} form",
                hint=f"questions are numbered 1–{max(q.number for q in bank)}",
            )
        bank = [q for q in bank if q.number in set(questions)]
    own = own_reports([by_source[s] for s in chosen], project, stage, text)
    if own and not include_own_report:
        chosen = [s for s in chosen if s not in own]
        if not chosen:
            raise ProjdocsError(
                f"only the {stage} QA report being drafted is left to quote ({', '.join(own)})",
                hint="add documents, or include the report (--include-own-report)",
            )
    kinds = {s: document_kind(by_source[s].title, text(s), by_source[s].doc_type) for s in chosen}
    logger.info("drafting %d %s questions from %s", len(bank), stage, ", ".join(chosen))
    rubric_text = {_plain(q.text) for q in bank} | {_plain(o.text) for q in bank for o in q.options}
    drafted = [drafter.draft_question(q, chosen, rubric_text, kinds, info.plans_are_evidence) for q in bank]
    notes = []
    if own:
        notes.append(
            ("quoted" if include_own_report else "not quoted")
            + f": the {stage} QA report being drafted ({', '.join(own)})"
        )
    thin = [q.number for q in drafted if q.suggested_level is None]
    if thin:
        notes.append(f"too thin to rate: question{'s' if len(thin) > 1 else ''} {', '.join(map(str, thin))}")
    planned = sum(s.planned for q in drafted for s in q.sentences)
    if planned and not info.plans_are_evidence:
        notes.append(f"{planned} quoted sentences state plans: labelled as such and not counted in the ratings")
    if info.origin != "seed":
        notes.append(f"the {stage} questions were written from the UNDP PQA standard ({info.file}), not a seed form")
    return Draft(
        stage=stage,
        title=title,
        project=project,
        sources=tuple(chosen),
        excluded=tuple(dict.fromkeys([*exclude, *([] if include_own_report else own)])),
        questions=tuple(drafted),
        sections=sections,
        notes=tuple(notes),
        stage_reason=stage_reason,
        own_report=tuple(own),
        own_report_included=include_own_report and bool(own),
        date=time.strftime("%Y-%m-%d"),
    )


__all__ = [
    "BANK_PATH",
    "MAX_PLANNED",
    "MAX_SENTENCES",
    "MIN_RELEVANCE",
    "TOO_THIN",
    "BankQuestion",
    "Draft",
    "DraftedQuestion",
    "DraftedSentence",
    "Drafter",
    "Evidence",
    "Requirement",
    "RubricOption",
    "draft",
    "evidence_sentences",
    "known_stages",
    "linked_projects",
    "load_stage",
    "missing_evidence",
    "planned_share",
    "own_reports",
    "requirement_core",
    "requirement_texts",
    "select_documents",
    "signals",
    "stage_info",
    "suggest_level",
    "suggest_stage",
]

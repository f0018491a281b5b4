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

import json
import logging
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Protocol, Sequence

from assistant.answer.citations import verified
from assistant.core.errors import ConfigError, ProjdocsError
from assistant.retrieval.hybrid import Hit, Retriever
from assistant.core.settings import Settings
from assistant.store.database import Filters, Store
from assistant.core.text import coverage, key_terms, normalise_space, split_sentences, stem
from assistant.core.verify import SourceTexts
from assistant.core.types import Citation, Location
from assistant.core.text import project_key

logger = logging.getLogger(__name__)

BANK_PATH = Path(__file__).resolve().parent.parent / "profiles" / "qa_bank.json"
MIN_SUPPORT = 2  # fewer supporting sentences than this: "too thin to rate"
MAX_SENTENCES = 5  # sentences per drafted paragraph
MIN_RELEVANCE = 0.40  # a sentence below this does not address the question
RETRIEVE_K = 12  # chunks per query
EMBED_TOP = 24  # sentences per question scored by embedding similarity
SECTION_BONUS = 0.15  # a sentence under a heading that names the question's topic
REQUIREMENT_SIMILARITY = 0.5  # cosine similarity at which a sentence speaks to a requirement
REQUIREMENT_COVERAGE = 0.25  # ...and the share of the requirement's distinctive words it must hold
LEVEL_MET = 0.5  # level 3: more than this share of its requirements found; level 2: at least this share
PLANNED_SHARE = 0.6  # evidence that is mostly plans ("will", "shall") cannot reach level 3
TOO_THIN = "too thin to rate"

_MARKUP = re.compile(
    r"\[footnoteRef:\d+\]|\[bookmark: [^\]]*\]|\[image: [^\]]*\]|\[\d+:\s[^\]]*\]?|https?://\S+|<[^>]+>"
)
_BOILERPLATE = re.compile(r"legal context|terms of reference|standard clauses", re.I)
_RUBRIC_LINE = re.compile(r"^\s*[-*•]\s*(?:\d\s*:|Yes\b|No\b|Not Applicable\b)")
_RUBRIC_NOTE = re.compile(r"\((?:all|both|any) (?:must|may) be true[^)]*\)|\bi\.e\.,?|\be\.g\.,?", re.I)
_PLANNED = re.compile(
    r"\b(will|shall|should|would|plans? to|planned|is expected to|are expected to|aims? to|envisag\w*|to be \w+ed)\b",
    re.I,
)
# Evidence signals: (name, pattern). An option that mentions the thing asks for the signal.
SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("monitoring data", re.compile(r"\b(monitor\w*|progress (?:data|reports?)|indicators?|baselines?|data)\b", re.I)),
    ("board decisions", re.compile(r"\b(steering committee|board|governance mechanism|minutes|decisions?)\b", re.I)),
    ("lessons and evaluations", re.compile(r"\b(lessons?|evaluations?|after.action reviews?|good practices)\b", re.I)),
    (
        "regular frequency",
        re.compile(r"\b(quarterl\w*|annual\w*|every (?:year|quarter|three months)|regular\w*|periodic\w*)\b", re.I),
    ),
    ("risk log", re.compile(r"\b(risk log|risks?)\b", re.I)),
    ("numbers", re.compile(r"\d")),
)


# ---------------------------------------------------------------------------------------
# values


@dataclass(frozen=True)
class RubricOption:
    """One answer option of a QA question: its key ("3", "2", "1", "Yes", "No") and text."""

    key: str
    text: str


@dataclass(frozen=True)
class BankQuestion:
    """A question of the QA form, as in ``qa_bank.json``."""

    stage: str
    section: str
    number: int
    text: str
    kind: str  # "rubric" (3/2/1) or "yes_no"
    options: tuple[RubricOption, ...]
    not_applicable: bool = False

    def option(self, key: str) -> RubricOption | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class DraftedSentence:
    """A sentence of a drafted paragraph: the verbatim quote and where it comes from."""

    text: str  # as shown in the paragraph (whitespace tidied; the quote itself is verbatim)
    citation: Citation
    relevance: float


@dataclass(frozen=True)
class Requirement:
    """A rubric requirement (a sentence of an option) and whether the evidence holds it."""

    level: str
    text: str
    found: bool


@dataclass(frozen=True)
class DraftedQuestion:
    """The drafted evidence for one QA question."""

    section: str
    number: int
    question: str
    kind: str
    paragraph: str  # the sentences joined, each followed by its marker [n]
    sentences: tuple[DraftedSentence, ...]
    suggested_level: str | None  # "3" | "2" | "1" | "Yes" | None when too thin to rate
    reason: str  # one line
    missing: tuple[str, ...]  # rubric requirements the evidence does not show
    requirements: tuple[Requirement, ...] = ()
    option_text: str = ""  # the rubric text of the suggested level

    @property
    def citations(self) -> list[Citation]:
        return [s.citation for s in self.sentences]

    @property
    def rating_label(self) -> str:
        """"2 — reason" or "too thin to rate — reason"."""
        return f"{self.suggested_level or TOO_THIN} — {self.reason}"


@dataclass(frozen=True)
class Draft:
    """A drafted QA form: the questions in order and the documents they were drawn from."""

    stage: str
    title: str
    project: str | None
    sources: tuple[str, ...]
    excluded: tuple[str, ...]
    questions: tuple[DraftedQuestion, ...]
    sections: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    def by_section(self) -> list[tuple[str, list[DraftedQuestion]]]:
        order = list(self.sections) + [q.section for q in self.questions if q.section not in self.sections]
        out = []
        for name in dict.fromkeys(order):
            qs = [q for q in self.questions if q.section == name]
            if qs:
                out.append((name, qs))
        return out


# ---------------------------------------------------------------------------------------
# question bank


@lru_cache(maxsize=4)
def _bank(path: str) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the QA question bank {path}: {exc}") from exc


def known_stages(path: Path = BANK_PATH) -> list[str]:
    """The QA stages the bank holds questions for."""
    return [s for s, v in _bank(str(path)).get("stages", {}).items() if v and v.get("questions")]


def load_stage(stage: str = "closure", path: Path = BANK_PATH) -> tuple[str, tuple[str, ...], list[BankQuestion]]:
    """Title, section order and questions of a QA stage."""
    stages = _bank(str(path)).get("stages", {})
    data = stages.get(stage)
    if not data or not data.get("questions"):
        raise ConfigError(
            f"the QA question bank has no {stage!r} questions",
            hint=f"known stages: {', '.join(known_stages(path)) or 'none'}; "
            "add one with python -m evals.build_question_bank --stage STAGE --seed REPORT",
        )
    questions = [
        BankQuestion(
            stage=q.get("stage", stage),
            section=q["section"],
            number=int(q["number"]),
            text=q["text"],
            kind=q.get("kind", "rubric"),
            options=tuple(RubricOption(o["key"], o["text"]) for o in q["options"]),
            not_applicable=bool(q.get("not_applicable")),
        )
        for q in data["questions"]
    ]
    return data.get("title", f"{stage.capitalize()} Stage QA"), tuple(data.get("sections", ())), questions


# ---------------------------------------------------------------------------------------
# document selection


class _DocLike(Protocol):
    """What selection needs of a document (``StoredDocument`` has it)."""

    @property
    def source(self) -> str: ...

    @property
    def project_number(self) -> str: ...

    @property
    def related_projects(self) -> tuple[str, ...]: ...


def linked_projects(docs: Iterable[_DocLike], number: str) -> set[str]:
    """``number`` and the project numbers linked to it as an earlier or later phase.

    A link is read both ways: a document of project A that names project B (the closure
    report of phase 2 naming phase 3) links A to B and B to A. Numbers are compared
    without leading zeros (Atlas writes 000123513 and 00123513 for the same project).
    """
    n = project_key(number)
    linked = {n}
    for d in docs:
        own = project_key(d.project_number)
        related = {project_key(p) for p in d.related_projects if project_key(p)}
        if own == n:
            linked |= related
        elif n in related and own:
            linked.add(own)
    return linked


def select_documents(
    docs: Sequence[_DocLike], project: str | None = None, sources: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[str]:
    """The sources a draft may quote: the project's documents (own and linked phases) and/or
    the named sources, minus ``exclude``. With neither a project nor sources: every document.

    Raises:
        ProjdocsError: a named source or exclusion is not in the index, or nothing is left.
    """
    known = [d.source for d in docs]
    for name in list(sources) + list(exclude):
        if name not in known:
            raise ProjdocsError(f"{name} is not in the index", hint="see: projdocs documents")
    chosen: list[str] = []
    if project:
        linked = linked_projects(docs, project)
        n = project_key(project)
        chosen = [
            d.source
            for d in docs
            if project_key(d.project_number) in linked or n in {project_key(p) for p in d.related_projects}
        ]
        if not chosen:
            raise ProjdocsError(
                f"no ingested document belongs to project {project}", hint="see: projdocs documents"
            )
    chosen += [s for s in sources if s not in chosen]
    if not project and not sources:
        chosen = list(known)
    left = [s for s in chosen if s not in set(exclude)]
    if not left:
        raise ProjdocsError("no documents left to draft from after --exclude")
    return left


# ---------------------------------------------------------------------------------------
# evidence


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


def _plain(text: str) -> str:
    return normalise_space(re.sub(r"[*_#]", "", text)).lower()


def requirement_texts(option: RubricOption) -> list[str]:
    """The requirements of a rubric option: its sentences, without "(all must be true)"."""
    text = re.sub(r"\((?:all|both|any) (?:must|may) be true[^)]*\)", "", option.text, flags=re.I)
    parts = [normalise_space(p) for p in split_sentences(normalise_space(text))]
    out = []
    for p in parts:
        if p.lower().startswith(("also select this option", "select this option", "this option should also")):
            continue
        if len(p.split()) >= 4:
            out.append(p.rstrip(" ."))
    return out


def _root(word: str) -> str:
    """A coarse word root for matching headings to a question ("scaling"/"scale" → "scal")."""
    return stem(word)[:6].rstrip("e")


_ALLOWANCE = re.compile(
    r",?\s*\b(?:if relevant|as relevant|if necessary|if needed|as appropriate|where required|when necessary)\b,?", re.I
)


def requirement_core(text: str) -> str:
    """What a requirement asks for, without examples, allowances and hedges: "(e.g. …)",
    "if relevant", ", although there may be some slippage…" are not things to find."""
    core = re.sub(r"\([^)]*\)", " ", text)
    core = re.sub(r",?\s+\b(?:although|but|however|unless)\b.*$", "", core, flags=re.I)
    core = _ALLOWANCE.sub(" ", core)
    return normalise_space(core) or text


def _requirements(question: BankQuestion) -> list[tuple[RubricOption, str]]:
    """(option, requirement) pairs of a question; a Yes/No question's one requirement is itself."""
    rubric = [o for o in question.options if o.key not in ("Yes", "No")]
    requirements = [(o, r) for o in rubric for r in requirement_texts(o)]
    if question.kind == "yes_no" or not requirements:
        requirements = [(RubricOption("Yes", question.text), question.text)]
    return requirements


def _cos(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b))  # vectors are normalised


def _distinctive(option: RubricOption, question: BankQuestion, text: str) -> list[str]:
    """The key words of ``text`` (a requirement of ``option``) that the other options lack."""
    others: set[str] = set()
    for o in question.options:
        if o.key != option.key:
            others |= set(key_terms(o.text))
    own = [t for t in key_terms(_RUBRIC_NOTE.sub(" ", text)) if t not in _GENERIC]
    distinct = [t for t in own if t not in others]
    return distinct or own


_GENERIC = set(
    """project projects team there evidence some relevant true must select option also made were was been used
    including included necessary needed may any least one per either through other based""".split()
)


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


def signals(text: str) -> set[str]:
    """The evidence signals (monitoring data, board decisions, numbers…) ``text`` shows."""
    return {name for name, pattern in SIGNALS if pattern.search(text)}


def planned_share(evidence: Sequence[str]) -> float:
    """Share of evidence sentences that state plans ("will", "shall") rather than facts."""
    if not evidence:
        return 0.0
    return sum(1 for e in evidence if _PLANNED.search(e)) / len(evidence)


def suggest_level(
    question: BankQuestion, evidence: Sequence[str], requirements: Sequence[Requirement]
) -> tuple[str | None, str, str]:
    """The rubric level the evidence supports, a one-line reason, and that option's text.

    The levels are cumulative (3 asks for all of 2 and more), so:
      - 3 when most (more than ``LEVEL_MET``) of level 3's requirements are found, and the
        evidence shows what was done, not only what was planned (else it is held at 2);
      - 2 when at least half of the requirements of level 2, or of level 3, are found;
      - 1 when evidence exists but less than half of either is found;
      - None ("too thin to rate") when fewer than ``MIN_SUPPORT`` sentences support it.
    An option whose text names signals (monitoring data, board decisions, lessons,
    frequency, risk log, numbers) counts only if the evidence shows at least one of them.
    """
    n = len(evidence)
    if n < MIN_SUPPORT:
        return None, f"{n} supporting sentence{'s' if n != 1 else ''} found; at least {MIN_SUPPORT} are needed", ""
    if question.kind == "yes_no":
        return "Yes", f"{n} sentences from the documents address the question; check they show it was achieved", "Yes"
    shown = signals(" ".join(evidence))
    planned = planned_share(evidence)
    found: dict[str, tuple[int, int]] = {}
    share: dict[str, float] = {}
    asked_shown: dict[str, set[str]] = {}
    for option in question.options:
        reqs = [r for r in requirements if r.level == option.key]
        if not reqs:
            continue
        got = sum(r.found for r in reqs)
        asked = signals(option.text)
        asked_shown[option.key] = asked & shown
        sig_ok = not asked or bool(asked & shown)
        found[option.key] = (got, len(reqs))
        share[option.key] = got / len(reqs) if sig_ok else 0.0
    if share.get("3", 0.0) > LEVEL_MET:
        level = "3"
    elif share.get("2", 0.0) >= LEVEL_MET or share.get("3", 0.0) >= LEVEL_MET:
        level = "2"
    else:
        level = "1"

    def count(key: str) -> str:
        got, total = found.get(key, (0, 0))
        return f"{got} of {total} level-{key} requirements found"

    if level == "3" and planned >= PLANNED_SHARE:
        level = "2"
        reason = f"{count('3')}, but held at 2: the evidence mostly states planned arrangements, not what was done"
    elif level == "1":
        reason = f"evidence meets neither level 3 ({count('3')}) nor level 2 ({count('2')})"
    else:
        reason = count(level)
        if level == "2" and "3" in found:
            reason += f" (level 3: {found['3'][0]} of {found['3'][1]})"
        if asked_shown.get(level):
            reason += "; shows " + ", ".join(sorted(asked_shown[level]))
        if planned >= PLANNED_SHARE:
            reason += "; most evidence states plans, not results"
    option = question.option(level)
    return level, reason, option.text if option else ""


def missing_evidence(level: str | None, requirements: Sequence[Requirement]) -> list[str]:
    """Requirements not found: those of the suggested level, then those of the level above
    (what a higher rating would need). Too thin: every level-3 and level-2 requirement."""
    wanted = {None: ("3", "2"), "1": ("2",), "2": ("2", "3"), "3": ("3",)}.get(level, ())
    out: list[str] = []
    seen: set[str] = set()
    for key in wanted:
        for r in requirements:
            if r.level == key and not r.found and _plain(r.text) not in seen:
                seen.add(_plain(r.text))
                out.append(f"(level {key}) {r.text}")
    return out


# ---------------------------------------------------------------------------------------
# the whole form


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
    "BankQuestion",
    "Draft",
    "DraftedQuestion",
    "DraftedSentence",
    "Drafter",
    "Requirement",
    "RubricOption",
    "TOO_THIN",
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

"""Grounding checks for language-model text: evidence passages in, verified sentences out.

A model is shown only numbered passages (``[P1]``, ``[P2]``…) built here from retrieved chunks,
fact-path cells or a draft's citations. Each passage carries the *quotes* a citation may use:
spans checked verbatim against ``Store.document_text`` when the passage is built, never text
the model wrote. The model's reply is then checked sentence by sentence (``Verifier``):

- the sentence cites at least one passage id, and only ids that were given;
- its words are supported by the cited passages (no claim the passages do not make), and any
  text it puts in quotation marks is in a cited passage;
- every number in it is in the quote(s) chosen for it; identifiers ("output 2") and calendar
  years that our own code composed into a passage's label count too;
- a document sentence that reads as an instruction to the assistant ("Ignore previous
  instructions and say…") is never a quote, so nothing can be supported by it.

A sentence that fails is removed and the reason noted; the caller decides what to do when
nothing, or not enough, survives (``assistant.answer.llm`` falls back to the extractive answer).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.answer.citations import record_location
from assistant.core.text import coverage, key_terms, normalise_space, number_key, split_sentences
from assistant.core.text import numbers as _all_numbers
from assistant.core.types import Citation, Location
from assistant.core.verify import SourceTexts

if TYPE_CHECKING:
    from assistant.answer.fact_types import FactResult
    from assistant.retrieval.hybrid import Hit
    from assistant.store.database import Store

logger = logging.getLogger(__name__)

MIN_SUPPORT = 0.5  # share of a sentence's content words that its cited passages must hold
MIN_QUOTE_CHARS = 3
MAX_NOTES = 3  # removed sentences listed one by one in an answer's notes

_IDENTIFIER = re.compile(
    r"\b(?:outputs?|activit(?:y|ies)|indicators?|questions?|phases?|sections?|tables?|pages?|"
    r"paragraphs?|rows?|lines?|years?|levels?|steps?|annex(?:es)?|parts?|chapters?)\s+"
    r"((?:\d+(?:\.\d+)*)(?:\s*(?:,|and|or|&|-|–)\s*\d+(?:\.\d+)*)*)",
    re.IGNORECASE,
)
_CITATION_GROUP = re.compile(
    r"\s*(?:\[\s*([A-Za-z]?\d+(?:\s*[,;]\s*[A-Za-z]?\d+)*)\s*\]|\(\s*(P\d+(?:\s*[,;]\s*P\d+)*)\s*\))"
)
_ONLY_CITATIONS = re.compile(rf"(?:{_CITATION_GROUP.pattern})+\s*[.!?]?")
_CITED_ID = re.compile(r"[A-Za-z]?(\d+)")
_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=\]))\s+(?=[A-Z\"“(*•-]|\d+[.)]\s)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_QUOTED = re.compile(r"[\"“]([^\"”]{12,})[\"”]")
_INSTRUCTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.]{0,60}?\b(?:instructions?|prompts?|rules|directions|"
    r"everything|the above|context)\b"
    r"|\bsystem prompt\b|\byou are (?:now )?(?:an? |the )?(?:ai|assistant|language model|chatbot|llm)\b"
    r"|\b(?:assistants?|language models?|ai|chatbots?|llms?)\s+(?:must|should|shall|will)\s+(?:say|answer|reply|respond|state)\b"
    r"|^\W*(?:please\s+)?(?:say|answer|respond|reply|tell\s+(?:the\s+)?(?:user|reader)s?)\s+"
    r"(?:that|with|only|exactly|instead|[\"'“])",
    re.IGNORECASE,
)
NOT_FOUND_REPLY = "NOT FOUND"


@dataclass(frozen=True)
class Quote:
    """A verbatim span of a source document that a citation may quote."""

    text: str
    source: str
    location: Location


@dataclass(frozen=True)
class Passage:
    """One numbered piece of evidence shown to the model.

    ``text`` is what the model reads; ``quotes`` are the verbatim spans a citation may use;
    ``label`` is structure our own code composed (a record's key, "Year 2 (2022)"): numbers
    there count as support even though no single cell holds them.
    """

    id: str
    source: str
    location: Location
    text: str
    quotes: tuple[Quote, ...]
    label: str = ""

    def header(self) -> str:
        return f"[{self.id}] {self.source}, {self.location}"


def numbers(text: str) -> list[str]:
    """Every number in ``text`` (citation markers left out), normalised by ``number_key``."""
    return _all_numbers(_CITATION_GROUP.sub(" ", text))


def identifier_numbers(text: str) -> set[str]:
    """Numbers used as names ("Output 2", "indicator 2.3", "Year 3"), not as quantities."""
    out: set[str] = set()
    for m in _IDENTIFIER.finditer(_CITATION_GROUP.sub(" ", text)):
        out.update(number_key(n) for n in re.findall(r"\d+(?:\.\d+)*", m.group(1)))
    return out


def is_instruction(sentence: str) -> bool:
    """True for a document sentence that speaks to the assistant rather than stating a fact."""
    return _INSTRUCTION.search(sentence) is not None


def sanitise(text: str) -> str:
    """Document text made safe to place between passage markers: no fake ids or fences."""
    text = re.sub(r"\[\s*P\s*(\d+)\s*\]", r"(P\1)", text, flags=re.IGNORECASE)
    return re.sub(r"(?i)(BEGIN|END)(\s+)PASSAGES", r"\1-\2passages", text)


def split_reply(text: str) -> list[str]:
    """Sentences of a model reply, each keeping the citation markers that follow it."""
    out: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        for piece in _BOUNDARY.split(line):
            piece = _BULLET.sub("", piece).strip()
            if not piece or re.fullmatch(r"\d+[.)]", piece):
                continue  # an inline list number split off its item
            if out and _ONLY_CITATIONS.fullmatch(piece):
                out[-1] = f"{out[-1]} {piece}"  # "… 1,000. [P1]" split after the full stop
            else:
                out.append(piece)
    return out


def complete_prefix(buffer: str) -> int:
    """Length of the part of a streamed reply that holds only complete sentences."""
    end = buffer.rfind("\n") + 1
    for m in _BOUNDARY.finditer(buffer):
        end = max(end, m.start())
    return end


def cited_ids(sentence: str) -> list[str]:
    ids: list[str] = []
    for group in _CITATION_GROUP.finditer(sentence):
        for m in _CITED_ID.finditer(group.group(1) or group.group(2)):
            ids.append(f"P{int(m.group(1))}")
    return list(dict.fromkeys(ids))


def strip_citations(sentence: str) -> str:
    text = _CITATION_GROUP.sub("", sentence)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def with_markers(sentence: str, markers: Sequence[int]) -> str:
    tags = "".join(f"[{n}]" for n in markers)
    m = re.search(r"[.!?]+$", sentence)
    if m:
        return f"{sentence[: m.start()]} {tags}{m.group(0)}"
    return f"{sentence} {tags}"


# --- passages ------------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    out = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        parts = [s.strip() for s in split_sentences(line)]
        out.extend(parts)
        if len(parts) > 1:
            out.append(line)  # the whole line too: a cell or a list item quoted entire
    return list(dict.fromkeys(s for s in out if len(s) >= MIN_QUOTE_CHARS))


def _quotes(texts: SourceTexts, candidates: Iterable[str], source: str, location: Location) -> tuple[Quote, ...]:
    out = []
    for q in candidates:
        if is_instruction(q):
            logger.warning("passage sentence reads as an instruction; it is data, never evidence: %r", q[:80])
            continue
        if texts.verbatim(source, q):
            out.append(Quote(q, source, location))
    return tuple(dict.fromkeys(out))


def passages_from_hits(hits: Sequence[Hit], store: Store, limit: int) -> list[Passage]:
    """Passages from retrieved chunks, best first; a record chunk quotes its record's cells."""
    texts = SourceTexts(store.document_text)
    out: list[Passage] = []
    for hit in hits:
        if len(out) == limit:
            break
        chunk = hit.chunk
        location = chunk.location
        label = " ".join(x for x in (chunk.title, chunk.section) if x)
        if chunk.chunk_type == "record":
            records = [r for r in store.records(None, (chunk.location.source,)) if r.location == chunk.location]
            cells = [c.text.strip() for r in records for c in r.cells if c.text.strip()]
            quotes = _quotes(texts, cells, chunk.location.source, location)
            label = f"{label} {chunk.text}"  # composed by ingest from the row's own cells and period
        else:
            quotes = _quotes(texts, _sentences(chunk.text), chunk.location.source, location)
        if not quotes:
            continue
        out.append(Passage(f"P{len(out) + 1}", chunk.location.source, location, chunk.text, quotes, label))
    return out


def passages_from_fact(fact: FactResult) -> list[Passage]:
    """The fact path's answer as one passage: composed labels around the table's own cells."""
    if not fact.evidence:
        return []
    text = strip_citations(fact.text)
    quotes = tuple(
        dict.fromkeys(
            Quote(e.quote, e.record.source, record_location(e.record, e.column))
            for e in fact.evidence
            if e.quote.strip()
        )
    )
    first = fact.evidence[0].record
    return [Passage("P1", first.source, record_location(first), text, quotes, label=text)]


def passages_from_citations(citations: Sequence[Citation], store: Store) -> list[Passage]:
    """One passage per distinct citation (a draft's evidence), its quote checked verbatim."""
    texts = SourceTexts(store.document_text)
    out: list[Passage] = []
    for c in dict.fromkeys(citations):
        if is_instruction(c.quote) or not texts.verbatim(c.source, c.quote):
            continue
        out.append(Passage(f"P{len(out) + 1}", c.source, c.place, c.quote, (Quote(c.quote, c.source, c.place),)))
    return out


def render_passages(passages: Sequence[Passage]) -> str:
    blocks = [f"{p.header()}\n{sanitise(p.text)}" for p in passages]
    return "BEGIN PASSAGES\n" + "\n\n".join(blocks) + "\nEND PASSAGES"


# --- verification -------------------------------------------------------------------------------


@dataclass
class Checked:
    """The verdict on one sentence: the citations it earned, or why it was removed."""

    sentence: str
    quotes: list[Quote] = field(default_factory=list)
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.reason


def _content_terms(text: str) -> list[str]:
    return [t for t in key_terms(text) if not t[0].isdigit()]


class Verifier:
    """Checks a reply's sentences against the passages it was given and assembles the answer."""

    def __init__(self, passages: Sequence[Passage]) -> None:
        self.passages = {p.id: p for p in passages}
        self.kept: list[str] = []
        self.citations: list[Citation] = []
        self.removed: list[tuple[str, str]] = []
        self.declined = False

    def check(self, sentence: str) -> Checked:
        body = strip_citations(sentence)
        ids = cited_ids(sentence)
        if not ids:
            return Checked(body, reason="it cites no passage")
        unknown = [i for i in ids if i not in self.passages]
        if unknown:
            return Checked(body, reason=f"it cites {', '.join(unknown)}, which the model was not given")
        cited = [self.passages[i] for i in ids]
        context = " ".join(f"{p.label} {p.text}" for p in cited)
        flat_context = normalise_space(context).lower()
        for quoted in _QUOTED.findall(body):
            if normalise_space(quoted).lower() not in flat_context:
                return Checked(body, reason=f"the quotation “{quoted}” is not in the cited passages")
        terms = _content_terms(body)
        if terms and coverage(terms, context) < MIN_SUPPORT:
            return Checked(body, reason="its words are not in the cited passages")
        wanted = numbers(body)
        if not terms and not wanted:
            return Checked(body, reason="it says nothing the passages could support")
        chosen = self._best_quotes(body, cited, terms)
        covered = {n for q in chosen for n in numbers(q.text)}
        label_numbers = {n for p in cited for n in numbers(p.label)}
        passage_ids = {n for p in cited for n in identifier_numbers(p.text) | set(numbers(p.label))}
        ids_in_sentence = identifier_numbers(body)
        for number in dict.fromkeys(wanted):
            if number in covered:
                continue
            if number in ids_in_sentence and (number in passage_ids or number in numbers(context)):
                continue  # "Output 2" named in the passage: a name, not a quantity
            extra = next((q for p in cited for q in p.quotes if number in numbers(q.text)), None)
            if extra is not None:
                chosen.append(extra)
                covered.update(numbers(extra.text))
                continue
            if number in label_numbers:
                continue  # "Year 2 (2022)": composed by our code from the document's own period
            return Checked(body, reason=f"the number {number} is not in the cited passage")
        return Checked(body, quotes=list(dict.fromkeys(chosen)))

    @staticmethod
    def _best_quotes(body: str, cited: Sequence[Passage], terms: list[str]) -> list[Quote]:
        wanted = set(numbers(body))
        chosen: list[Quote] = []
        for p in cited:

            def score(q: Quote) -> tuple[float, int]:
                shared = len(wanted & set(numbers(q.text)))
                return (coverage(terms, q.text) + shared, -len(q.text))

            chosen.append(max(p.quotes, key=score))
        return chosen

    def add(self, sentence: str) -> str | None:
        """Check a sentence; if it holds, number its citations and return it as rendered."""
        if normalise_space(strip_citations(sentence)).strip(". ").upper() == NOT_FOUND_REPLY:
            self.declined = True
            return None
        verdict = self.check(sentence)
        if not verdict.ok:
            logger.info("removed a model sentence (%s): %r", verdict.reason, verdict.sentence[:120])
            self.removed.append((verdict.sentence, verdict.reason))
            return None
        markers = []
        for q in verdict.quotes:
            citation = Citation(source=q.source, place=q.location, quote=q.text)
            if citation not in self.citations:
                self.citations.append(citation)
            markers.append(self.citations.index(citation) + 1)
        rendered = with_markers(verdict.sentence, list(dict.fromkeys(markers)))
        self.kept.append(rendered)
        return rendered

    @property
    def text(self) -> str:
        return " ".join(self.kept)

    def notes(self) -> list[str]:
        out = [
            f"Removed from the model's answer because {reason}: “{_short(s)}”" for s, reason in self.removed[:MAX_NOTES]
        ]
        if len(self.removed) > MAX_NOTES:
            out.append(f"… and {len(self.removed) - MAX_NOTES} more sentences of the model's answer removed.")
        if self.declined and not self.kept:
            out.append("The language model found no answer in the passages.")
        return out


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def verify_text(reply: str, passages: Sequence[Passage]) -> Verifier:
    """Check a whole reply at once (the non-streaming path)."""
    verifier = Verifier(passages)
    for sentence in split_reply(reply):
        verifier.add(sentence)
    return verifier


def missing_facts(text: str, required: Iterable[str]) -> list[str]:
    """The required facts (numbers, or short phrases) that ``text`` no longer states."""
    have_numbers = set(numbers(text))
    flat = normalise_space(strip_citations(text)).lower()
    missing = []
    for fact in required:
        fact_numbers = numbers(fact)
        if fact_numbers:
            if not set(fact_numbers) <= have_numbers:
                missing.append(fact)
        elif normalise_space(fact).lower() not in flat:
            missing.append(fact)
    return missing

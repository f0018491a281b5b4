"""Overview questions a newcomer asks — what the project is about, who implements and funds it,
how long it runs, who sits on its board, its outputs — answered from the documents' cover-page
fields, their sections (by heading) and sentences that name the thing, every part cited. The
topics and where documents answer them are the ``overview`` profile."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant import profiles
from assistant.answer.fact_types import Evidence, FactResult, merge, sentence_record
from assistant.answer.query import parse_query
from assistant.core.records import Record
from assistant.core.text import clean, split_sentences
from assistant.store.database import Store

COVER_TABLES = 3  # cover-page fields are in a document's first tables

_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
_COMMON = {"UNDP", "USD", "SDG", "SDGS", "CPD", "GMS", "TRAC", "PAC", "QA", "NIM", "SBAA", "UNSDCF", "UNDAF"}


_SHORT_NAMES: dict[str, str] = {}  # a document's short name by its sha256: read once


def _main_acronym(text: str) -> str:
    """The acronym the document uses most, its project's short name ("ACSH", "SURYA")."""
    counts: dict[str, int] = {}
    for m in _ACRONYM.finditer(text):
        if m.group(0) not in _COMMON:
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    asks: tuple[re.Pattern[str], ...]
    fields: tuple[str, ...]
    sections: tuple[str, ...]
    sentence: re.Pattern[str] | None
    sentences: int
    fields_anywhere: bool = False
    rows_headed: tuple[str, ...] = ()  # a cover table's rows under this first-column header ("Funding source")


@lru_cache(maxsize=1)
def topics() -> tuple[Topic, ...]:
    raw = profiles.load("overview")["topics"]
    return tuple(
        Topic(
            name,
            t["title"],
            tuple(profiles.rx(p) for p in t["asks"]),
            tuple(t.get("fields", ())),
            tuple(t.get("sections", ())),
            profiles.rx(t["sentence"]) if t.get("sentence") else None,
            int(t.get("sentences", 1)),
            bool(t.get("fields_anywhere", False)),
            tuple(t.get("rows_headed", ())),
        )
        for name, t in raw.items()
    )


def asked_topics(question: str) -> list[Topic]:
    own = question.split(" (")[0]  # a follow-up's own words, not the context carried into it
    texts = {own.lower(), parse_query(own).text}  # as asked, and with its typos mended
    if any(profiles.rx(p).search(text) for p in profiles.load("overview").get("not_overview", ()) for text in texts):
        return []
    return [t for t in topics() if any(p.search(text) for p in t.asks for text in texts)]


class Overview:
    """Finds overview facts in one store's documents (optionally some sources only)."""

    def __init__(self, store: Store, sources: Sequence[str] = ()) -> None:
        self.store = store
        self.sources = tuple(sources)

    def answer(self, question: str) -> FactResult | None:
        found = [r for t in asked_topics(self._short_name_read(question)) if (r := self.topic(t)) is not None]
        if not found:
            return None

        return merge(found)

    def _short_name_read(self, question: str) -> str:
        """ "What is SURYA, in a few words?" read as "What is the project, …": a project
        document's short name (its title's acronym, or the one its text uses most) is the project."""
        for doc in self.store.documents():
            if doc.doc_type != "project_document" or (self.sources and doc.source not in self.sources):
                continue
            if doc.sha256 not in _SHORT_NAMES:  # the title's "(SURYA)", else the acronym used most
                titled = re.search(r"\(([A-Z][A-Za-z]{2,})\)\s*$", doc.title)
                text = self.store.document_text(doc.source) or ""
                _SHORT_NAMES[doc.sha256] = titled.group(1) if titled else _main_acronym(text)
            if name := _SHORT_NAMES[doc.sha256]:
                question = re.sub(
                    rf"\b(?:the )?{re.escape(name)}\b(?!\s+(?:\w+\s+)?(?:participating|member|countr))",
                    "the project",
                    question,
                )
        return question

    def topic(self, topic: Topic) -> FactResult | None:
        if topic.name == "outputs":
            return self._outputs()
        evidence: list[Evidence] = []
        parts: list[str] = []
        for record, values in self._fields(topic):
            evidence.append(Evidence(record.label_cell, record))
            said = []
            for value in values:
                evidence.append(Evidence(value, record))
                said.append(f"{clean(value)} [{len(evidence)}]")
            parts.append(f"{clean(record.label_cell).rstrip(':')} [{len(evidence) - len(values)}]: {', '.join(said)}")
        if not parts and topic.name == "dates":
            return self._plan_years()  # no start or end date written: the years the work plan budgets
        if not parts:
            for record, sentence in self._sentences(topic):
                evidence.append(Evidence(sentence, record))
                parts.append(f"{sentence} [{len(evidence)}]")
        if not parts:
            return None
        return FactResult(f"{topic.title}: " + "; ".join(parts) + ("" if parts[-1].endswith(".") else "."), evidence)

    # cover-page fields -------------------------------------------------------------------
    def _fields(self, topic: Topic) -> list[tuple[Record, list[str]]]:
        """The fields the topic names, each with its value: one, or for a field found anywhere
        (a board table's "Senior Supplier | Delegation of the EU | Head of Cooperation") each
        cell beside its name."""
        out: list[tuple[Record, list[str]]] = []
        seen: set[tuple[str, str]] = set()
        kinds = {d.source: d.doc_type for d in self.store.documents()}

        def order(r: Record) -> tuple[bool, str, int, int, int, int]:  # the project document first, then as written
            loc = r.location
            place = (loc.page or 0, loc.table or 0, loc.row or 0, loc.line_start or 0)
            return (kinds.get(r.source) != "project_document", r.source, *place)

        for record in sorted(self.store.records("table_row", self.sources), key=order):
            if (record.location.table or 0) > COVER_TABLES and not topic.fields_anywhere:
                continue  # a field of an annex (a ToR's "Duration") is not the project's
            name = clean(record.label_cell).lower().rstrip(": ")
            values = [c.text for c in record.cells if c.text.strip() and c.text.strip() != record.label_cell.strip()]
            values = values[-1:] if values and len(values) == 2 and len(values[0].split()) > 12 else values
            if _headed(record, topic.rows_headed):  # "European Union … | 5,400,000 | 75.1% | Signed"
                if amounts := [v.strip() for v in values if re.search(r"\d", v)][:1]:
                    out.append((record, amounts))
                continue
            # one field of a name per value: two Senior Suppliers are two members, the same donor
            # on two documents' cover pages is one
            if not values or (len(values) > 1 and not topic.fields_anywhere):
                continue
            said = (name, clean(" ".join(values)).lower())
            if said in seen:
                continue
            # a field found anywhere may name its role after a qualifier: "Co-chair (national counterpart)"
            if any(
                name.startswith(f) or (topic.fields_anywhere and re.search(rf"\b{re.escape(f)}\b", name))
                for f in topic.fields
            ):
                out.append((record, [v.strip() for v in values]))
                seen.add(said)
        return out

    # sections and sentences ---------------------------------------------------------------
    def _sentences(self, topic: Topic) -> list[tuple[Record, str]]:
        out: list[tuple[Record, str]] = []
        docs = sorted(self.store.documents(), key=lambda d: d.doc_type != "project_document")
        for doc in docs:
            if self.sources and doc.source not in self.sources:
                continue
            text = self.store.document_text(doc.source) or ""
            for sentence in self._from_text(topic, text):
                out.append((sentence_record(doc.source, doc.kind, text, sentence), sentence))
            if out:
                break
        return out[: topic.sentences]

    @staticmethod
    def _from_text(topic: Topic, text: str) -> list[str]:
        if topic.sentence is not None:
            for line in text.split("\n"):
                for sentence in split_sentences(line.strip()):
                    if topic.sentence.search(sentence):
                        return [sentence.strip()]
        lines = text.split("\n")
        for i, line in enumerate(lines):
            heading = clean(line).strip("#*: ").lower()
            heading = re.sub(r"^\d+(?:\.\d+)*\.?\s*", "", heading)
            if heading not in topic.sections:
                continue
            # the paragraph's lines; a PDF's cover may run a table's column beside them ("…
            # created the<TAB>Total resources required: 4,660,000"): each line up to that column
            body = [ln.strip().split("\t")[0] for ln in lines[i + 1 : i + 6] if len(ln.split()) > 12]
            # the first paragraph: its first line, and the next while a line stops mid-sentence
            paragraph = body[:1]
            for line in body[1:]:
                if paragraph[-1].rstrip()[-1:] in ".!?":
                    break
                paragraph.append(line)
            sentences = [x for ln in paragraph for x in _whole_lists(s.strip() for s in split_sentences(ln))]
            if sentences:
                # the sentences that say what the project does: they name it (its acronym)
                name = _main_acronym(text)
                telling = [s for s in sentences if name and re.search(rf"\b{name}\b", s) and s[-1] in ".!?"]
                return (telling or sentences)[: topic.sentences]
        return []

    def _plan_years(self) -> FactResult | None:
        """ "The work plan budgets 2021–2023": its first and last year columns, cited by a cell of
        each (the citation shows the column), when the documents write no dates."""
        cells = [
            (c.period.year, c, r)
            for r in self.store.records("activity", self.sources)
            for c in r.cells
            if c.period is not None and c.period.kind == "year" and c.period.year and c.text.strip()
        ]
        if not cells:
            return None
        first, last = min(cells, key=lambda x: x[0]), max(cells, key=lambda x: x[0])
        evidence = [Evidence(first[1].text, first[2], first[1].column), Evidence(last[1].text, last[2], last[1].column)]
        return FactResult(
            f"Duration: the work plan budgets the years {first[0]}–{last[0]} "
            f"(its columns {first[1].column} [1] to {last[1].column} [2]).",
            evidence,
        )

    def _outputs(self) -> FactResult | None:
        groups: dict[str, Record] = {}
        for r in self.store.records("indicator", self.sources):
            if r.group and r.group not in groups and r.table == "results_framework":
                groups[r.group] = r
        if not groups:
            return None
        evidence = []
        parts = []
        for group, record in groups.items():
            evidence.append(Evidence(group, record))
            parts.append(f"{group} [{len(evidence)}]")
        return FactResult("Outputs: " + "; ".join(parts) + ".", evidence)


def _headed(record: Record, headers: tuple[str, ...]) -> bool:
    """The row is named in a column headed by one of ``headers``: a funding table's donor."""
    first = record.cells[0] if record.cells else None
    return bool(
        headers
        and first
        and first.text.strip() == record.label_cell.strip()
        and first.column.lower().startswith(headers)
    )


def _whole_lists(pieces: Iterable[str]) -> list[str]:
    """Sentences with their enumerations whole: "… three pillars: (i) a; (ii) b; and (iii) c."
    is one sentence, not three pieces cut at the semicolons."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].endswith(";"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out

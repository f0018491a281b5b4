"""A QA report read as a form: sections with their quality ratings, the overall rating, and
each question with its rubric options, the selected option and the evidence paragraphs.
Section names and markers come from the ``qa_form`` profile."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant import profiles
from assistant.core.records import Cell, Record
from assistant.core.text import clean
from assistant.core.types import Document, Location


def section_of(text: str) -> str | None:
    """The QA section a heading names ("Management & Monitoring"), if any."""
    plain = clean(text.replace("*", " ").replace("#", " ").replace("<b>", " ").replace("</b>", " ")).lower()
    for section in profiles.qa_sections():
        if plain.startswith(section.name.lower()):
            return section.name
    return None


def _selected(option_text: str) -> bool:
    """The form marks the chosen rubric option in italics (*…*); a bare trailing "**" is
    left-over bold markup, not a selection."""
    t = option_text.strip()
    return t.startswith("*") and not t.startswith("**") and t.count("*") >= 2


@dataclass
class _Question:
    number: str
    text: str
    location: Location
    options: list[tuple[str, str]] = field(default_factory=list)
    selected: tuple[str, str] | None = None
    evidence: list[str] = field(default_factory=list)

    def record(self, source: str, section: str) -> Record:
        cells = [Cell("option", body, line=key) for key, body in self.options]
        if self.selected:
            cells.append(Cell("selected", self.selected[1], line=self.selected[0]))
        cells += [Cell("evidence", para, row=i) for i, para in enumerate(self.evidence, start=1)]
        return Record(
            "qa_question",
            self.number,
            self.text,
            tuple(cells),
            self.location,
            source,
            section,
            label_cell=self.text,
            table="qa_form",
        )


def _overall(rating: str, location: Location, source: str) -> Record:
    return Record(
        "qa_section",
        "overall",
        "Overall Rating",
        (Cell("rating", rating),),
        location,
        source,
        label_cell=rating,
        table="qa_form",
    )


def recognise_qa(doc: Document) -> list[Record]:
    """Sections, ratings and questions of a QA report laid out as the UNDP QA form."""
    marks = {name: profiles.qa_marker(name) for name in ("section_rating", "overall_rating", "question", "option")}
    starts, ends = profiles.qa_marker("evidence_start"), profiles.qa_marker("evidence_end")
    records: list[Record] = []
    section = ""
    question: _Question | None = None
    in_evidence = False

    def flush() -> None:
        nonlocal question
        if question is not None:
            records.append(question.record(doc.source, section))
        question = None

    for block in doc.blocks:
        if block.kind == "table":
            for row in block.rows:  # "Overall Rating: | Satisfactory" laid out as a table row
                joined = "\t".join(c.strip() for c in row.cells)
                if m := marks["overall_rating"].search(joined):
                    records.append(_overall(m.group(1).strip(), row.location, doc.source))
            continue
        text = block.text.strip()
        if m := marks["overall_rating"].search(text):
            records.append(_overall(m.group(1).strip(), block.location, doc.source))
            continue
        # a section starts at its heading, or at a line naming it with its rating ("Sustainability
        # & National Ownership - Quality Rating: Highly Satisfactory", a plain paragraph in text)
        named = block.kind == "heading" or text.startswith(("**", "#")) or marks["section_rating"].search(text)
        name = section_of(text) if named else None
        if name:
            flush()
            section, in_evidence = name, False
        if m := marks["section_rating"].search(text):
            rating = m.group(1).strip()
            records.append(
                Record(
                    "qa_section",
                    section.lower(),
                    section,
                    (Cell("rating", rating),),
                    block.location,
                    doc.source,
                    section,
                    label_cell=rating,
                    table="qa_form",
                )
            )
            continue
        if name:
            continue
        if (m := marks["question"].match(text)) and (doc.doc_type == "qa_report" or "?" in text):
            flush()
            question = _Question(m.group(1), m.group(2).strip(), block.location)
            in_evidence = False
            continue
        if question is None:
            continue
        low = text.lower().strip("*#<>/b: ")
        if low.startswith(tuple(starts)):
            in_evidence = True
            continue
        if low.startswith(tuple(ends)):
            in_evidence = False
            flush()
            continue
        if in_evidence:
            question.evidence.append(text)
            question.location = question.location.span(block.location)
            continue
        if block.kind == "list" and (m := marks["option"].match(text)):
            level, body = m.group(1), m.group(2).strip()
            key = level or clean(body.strip("*")).split(":")[0][:20]
            marked = _selected(body)
            if level:  # quote the level with its text ("2: The project …"): the answer names the level
                body = text[m.start(1) :].strip()
            question.options.append((key, body))
            question.location = question.location.span(block.location)
            if marked:
                question.selected = (key, body)
    flush()
    return records

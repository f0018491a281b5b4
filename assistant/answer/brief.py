"""A one-page cited project brief: each overview topic (what it is about, implementing partner,
funding, duration, board, outputs) and the headline indicators, every line quoting its
source. Nothing is written that the documents do not say; a topic they do not answer is
listed as not found."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from assistant.answer.citations import record_location, verified
from assistant.answer.overview import Overview, topics
from assistant.core.text import PROJECT_NUMBER, project_key
from assistant.core.types import Citation
from assistant.core.verify import SourceTexts
from assistant.store.database import Store


@dataclass
class BriefSection:
    title: str
    text: str  # with [n] markers into the brief's citations; "" when the documents do not say
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Brief:
    project: str
    sections: list[BriefSection]

    def markdown(self) -> str:
        lines = [f"# Project brief{f' — {self.project}' if self.project else ''}", ""]
        notes: list[str] = []
        for s in self.sections:
            lines += [f"## {s.title}", ""]
            if not s.text:
                lines += ["Not found in the documents.", ""]
                continue
            offset = len(notes)
            lines += [re.sub(r"\[(\d+)\]", partial(_footnote, offset=offset), s.text), ""]
            notes += [f'[^{offset + i}]: {c.source}, {c.location}: "{c.quote}"' for i, c in enumerate(s.citations, 1)]
        return "\n".join(lines + notes) + "\n"


def _footnote(m: re.Match[str], offset: int) -> str:
    return f"[^{int(m.group(1)) + offset}]"


def make_brief(store: Store, project: str = "") -> Brief:
    """The brief of ``project`` (its own documents), or of every document when none is given."""
    sources = tuple(
        d.source for d in store.documents() if not project or project_key(d.project_number) == project_key(project)
    )
    if project and not sources:
        sources = ("\x00no such project",)
    overview = Overview(store, sources)
    texts = SourceTexts(store.document_text)
    sections = []
    for topic in topics():
        fact = overview.topic(topic)
        if fact is None:
            sections.append(BriefSection(topic.title, ""))
            continue
        cites = [
            Citation(source=e.record.source, place=record_location(e.record, e.column), quote=e.quote)
            for e in fact.evidence
        ]
        checked = verified(cites, texts)
        if len(checked) != len(cites):
            sections.append(BriefSection(topic.title, ""))
            continue
        text = fact.text.split(": ", 1)[1] if ": " in fact.text else fact.text
        sections.append(BriefSection(topic.title, text, checked))
    number = project or next(
        (
            m.group(0)
            for d in store.documents()
            if d.source in sources
            for m in [PROJECT_NUMBER.search(d.project_number)]
            if m
        ),
        "",
    )
    return Brief(number, sections)

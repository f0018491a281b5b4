"""A saved conversation as a file: Markdown with footnotes, or DOCX with real Word footnotes.

Each answer's [n] markers become footnotes numbered through the whole conversation; a footnote
names the document, the place (page, table and row, column, lines) and quotes the cited words.
Document text goes in as text: Markdown link, image and HTML syntax is escaped, so a reader
that renders the export makes nothing live.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from xml.sax.saxutils import escape

from assistant.core.types import Answer
from assistant.store.conversations import Conversation

_MARKER = re.compile(r"\[(\d+)\]")
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


def _md_text(text: str) -> str:
    """Text as inert Markdown: brackets, images, HTML and emphasis escaped."""
    return re.sub(r"([\\`*_\[\]()!<>#|~])", r"\\\1", text)


def _note(answer: Answer, n: int) -> str:
    c = answer.citations[n - 1]
    return f"{c.source}, {c.location}: “{c.quote}”"


def _pieces(answer: Answer) -> list[tuple[str, int | None]]:
    """The answer's text cut at its [n] markers: (text, None) and ("", n) pieces."""
    out: list[tuple[str, int | None]] = []
    at = 0
    for m in _MARKER.finditer(answer.answer):
        n = int(m.group(1))
        if not 1 <= n <= len(answer.citations):
            continue
        out.append((answer.answer[at : m.start()], None))
        out.append(("", n))
        at = m.end()
    out.append((answer.answer[at:], None))
    return out


def _reply(answer: Answer | None, text: str) -> str:
    if answer is None:
        return re.sub(r"\*\*", "", text)
    return answer.answer if not answer.refused else answer.answer or "Not found in the documents."


def markdown(conversation: Conversation) -> str:
    """The conversation as Markdown, citations as footnotes ``[^k]``."""
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(conversation.updated_at or time.time()))
    lines = [f"# {_md_text(conversation.title)}", "", f"_Exported from ProjectDocs Assistant, {stamp}._", ""]
    notes: list[str] = []
    for turn in conversation.turns:
        lines += [f"**Question:** {_md_text(turn.question)}", ""]
        answer = turn.answer
        if answer is None or answer.refused or not answer.citations:
            lines += [f"**Answer:** {_md_text(_reply(answer, turn.text))}", ""]
            continue
        body = []
        for text, n in _pieces(answer):
            if n is None:
                body.append(_md_text(text))
            else:
                notes.append(_note(answer, n))
                body.append(f"[^{len(notes)}]")
        lines += ["**Answer:** " + "".join(body), ""]
        lines += [f"> Note: {_md_text(x)}" for x in answer.notes] + ([""] if answer.notes else [])
    lines += [f"[^{k}]: {_md_text(note)}" for k, note in enumerate(notes, start=1)]
    return "\n".join(lines).rstrip() + "\n"


def _clean(text: str) -> str:
    return _XML_BAD.sub("", text)


def docx(conversation: Conversation, path: Path) -> Path:
    """The conversation as a Word document with one footnote per citation marker."""
    import docx as python_docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = python_docx.Document()
    document.add_heading(_clean(conversation.title), 1)
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(conversation.updated_at or time.time()))
    document.add_paragraph(f"Exported from ProjectDocs Assistant, {stamp}.").runs[0].italic = True
    notes: list[str] = []

    def reference(paragraph: object, number: int) -> None:
        run = paragraph.add_run()  # type: ignore[attr-defined]
        props = OxmlElement("w:rPr")
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        props.append(align)
        run._r.append(props)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run._r.append(ref)

    for turn in conversation.turns:
        q = document.add_paragraph()
        q.add_run("Question: ").bold = True
        q.add_run(_clean(turn.question))
        a = document.add_paragraph()
        a.add_run("Answer: ").bold = True
        answer = turn.answer
        if answer is None or answer.refused or not answer.citations:
            a.add_run(_clean(_reply(answer, turn.text)))
            continue
        for text, n in _pieces(answer):
            if n is None:
                if text:
                    a.add_run(_clean(text))
            else:
                notes.append(_note(answer, n))
                reference(a, len(notes))
        for note in answer.notes:
            document.add_paragraph(_clean(f"Note: {note}")).runs[0].font.size = Pt(9)

    body = "".join(
        f'<w:footnote w:id="{k}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(_clean(note))}</w:t></w:r></w:p>'
        "</w:footnote>"
        for k, note in enumerate(notes, start=1)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        f"</w:footnote>{body}</w:footnotes>"
    )
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, FOOTNOTES_REL)
    document.save(str(path))
    return path


def file_name(conversation: Conversation, suffix: str) -> str:
    stem = re.sub(r"[^\w -]+", "", conversation.title).strip()[:60].strip() or "conversation"
    return re.sub(r"\s+", "-", stem) + suffix

"""Write a drafted QA form (``assistant.drafting.Draft``) as Markdown or as a Word document
laid out like the QA form: a title, a table of the suggested levels with their reasons, a
heading per section, and per question the question, "Suggested rating: 2 — reason", the
evidence paragraph (plan sentences labelled as plans) with its citations, the sources (file,
location, verbatim quote) and the missing evidence. The Word document's core properties carry
the title, project, stage and date; its citations are real footnotes.

python-docx is imported inside ``to_docx`` so that importing this module stays light.
"""

from __future__ import annotations

from pathlib import Path

from assistant.drafting.drafter import TOO_THIN, Draft, DraftedQuestion, DraftedSentence
from assistant.drafting.evidence import planned_label

NO_EVIDENCE = "No sentence of the selected documents addresses this question."
DISCLAIMER = (
    "Draft built only from the documents' own sentences, each quoted verbatim and cited. "
    "Suggested ratings are indicative: the assessor decides."
)


def rating_line(q: DraftedQuestion) -> str:
    """ "Suggested rating: 2 — reason" (or "too thin to rate — reason")."""
    return f"Suggested rating: {q.suggested_level or TOO_THIN} — {q.reason}"


def source_line(n: int, source: str, location: str, quote: str) -> str:
    """ "[1] file.txt, line 12: “quote”" — the quote exactly as in the source."""
    return f"[{n}] {source}, {location}: “{quote}”"


def _header_lines(d: Draft) -> list[str]:
    lines = []
    if d.project:
        lines.append(f"Project: {d.project}")
    lines.append(f"Stage: {d.stage}" + (f" ({d.stage_reason})" if d.stage_reason else ""))
    if d.date:
        lines.append(f"Date: {d.date}")
    lines.append("Documents used: " + ", ".join(d.sources))
    if d.excluded:
        lines.append("Excluded: " + ", ".join(d.excluded))
    if d.own_report:
        state = "quoted, as asked" if d.own_report_included else "not quoted (the report being drafted)"
        lines.append(f"{d.stage.capitalize()} QA report of this project: {', '.join(d.own_report)}, {state}")
    return lines


def rating_rows(d: Draft) -> list[tuple[str, str, str, str]]:
    """(question number, section, suggested level, reason) for the table of levels."""
    return [(str(q.number), q.section, q.suggested_level or TOO_THIN, q.reason) for q in d.questions]


def _sentence_text(s: DraftedSentence) -> str:
    return f"{planned_label()}: {s.text}" if s.planned else s.text


def to_markdown(d: Draft) -> str:
    """The draft as Markdown."""
    out = [f"# {d.title} — draft", ""]
    out += [f"{line}  " for line in _header_lines(d)]
    out += ["", f"_{DISCLAIMER}_", ""]
    out += ["## Suggested levels", "", "| Q | Section | Level | Reason |", "|---|---|---|---|"]
    out += [f"| {n} | {sec} | {lvl} | {why} |" for n, sec, lvl, why in rating_rows(d)] + [""]
    for section, questions in d.by_section():
        out += [f"## {section}", ""]
        for q in questions:
            out += [f"### {q.number}. {q.question}", "", f"**{rating_line(q)}**", ""]
            out += [q.paragraph or f"_{NO_EVIDENCE}_", ""]
            if q.sentences:
                out += ["**Sources**", ""]
                for i, s in enumerate(q.sentences, start=1):
                    c = s.citation
                    out.append(f"- {source_line(i, c.source, c.location, c.quote)}")
                out.append("")
            out += ["**Missing evidence**", ""]
            out += [f"- {m}" for m in q.missing] or ["- none: every requirement of the suggested level was found"]
            out.append("")
    if d.notes:
        out += ["## Notes", ""] + [f"- {n}" for n in d.notes] + [""]
    return "\n".join(out).rstrip() + "\n"


def docx_title(d: Draft) -> str:
    """The Word document's title: "Closure Stage Quality Assurance Report — draft, 00108694"."""
    return f"{d.title} — draft" + (f", {d.project}" if d.project else "")


def to_docx(d: Draft, path: str | Path) -> Path:
    """Write the draft as a .docx laid out like the QA form; returns the path.

    Core properties: title, subject (project), category and keywords (stage, project), and
    the draft's date; a table of the suggested levels with their reasons; each quoted sentence
    followed by a footnote giving its source, location and verbatim quote."""
    import datetime as dt

    from docx import Document as WordDocument
    from docx.shared import Pt

    from assistant.drafting.footnotes import Footnotes

    doc = WordDocument()
    props = doc.core_properties
    props.title = docx_title(d)
    props.subject = f"Project {d.project}" if d.project else "QA draft"
    props.category = f"{d.stage} stage QA"
    props.keywords = ", ".join(x for x in (d.project, d.stage, "QA draft") if x)
    props.author = "projdocs draft"
    props.comments = DISCLAIMER
    when = dt.datetime.strptime(d.date, "%Y-%m-%d") if d.date else dt.datetime.now()
    props.created = props.modified = when
    notes = Footnotes(doc)
    doc.add_heading(docx_title(d), level=0)
    for line in _header_lines(d):
        doc.add_paragraph(line)
    note = doc.add_paragraph()
    note.add_run(DISCLAIMER).italic = True
    doc.add_heading("Suggested levels", level=1)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ("Q", "Section", "Suggested level", "Reason")):
        cell.text = head
    for row in rating_rows(d):
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    for section, questions in d.by_section():
        doc.add_heading(section, level=1)
        for q in questions:
            doc.add_heading(f"{q.number}. {q.question}", level=2)
            rating = doc.add_paragraph()
            rating.add_run("Suggested rating: ").bold = True
            rating.add_run(f"{q.suggested_level or TOO_THIN} — {q.reason}")
            if q.sentences:
                para = doc.add_paragraph()
                for i, s in enumerate(q.sentences, start=1):
                    para.add_run(("" if i == 1 else " ") + _sentence_text(s))
                    c = s.citation
                    notes.add(para, f"{c.source}, {c.location}: “{c.quote}”")
            else:
                doc.add_paragraph().add_run(NO_EVIDENCE).italic = True
            if q.sentences:
                doc.add_paragraph().add_run("Sources").bold = True
                for i, s in enumerate(q.sentences, start=1):
                    c = s.citation
                    item = doc.add_paragraph(source_line(i, c.source, c.location, c.quote))
                    for run in item.runs:
                        run.font.size = Pt(9)
            doc.add_paragraph().add_run("Missing evidence").bold = True
            for m in q.missing or ["none: every requirement of the suggested level was found"]:
                doc.add_paragraph(m, style="List Bullet")
    if d.notes:
        doc.add_heading("Notes", level=1)
        for n in d.notes:
            doc.add_paragraph(n, style="List Bullet")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(target))
    return target


__all__ = ["NO_EVIDENCE", "docx_title", "rating_line", "rating_rows", "source_line", "to_docx", "to_markdown"]

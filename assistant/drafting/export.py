"""Write a drafted QA form (``assistant.drafting.Draft``) as Markdown or as a Word document
laid out like the QA form: a title, a heading per section, and per question the question,
"Suggested rating: 2 — reason", the evidence paragraph with numbered citation markers, the
sources (file, location, verbatim quote) and the missing evidence.

python-docx is imported inside ``to_docx`` so that importing this module stays light.
"""

from __future__ import annotations

from pathlib import Path

from assistant.drafting.drafter import TOO_THIN, Draft, DraftedQuestion

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
    lines.append("Documents used: " + ", ".join(d.sources))
    if d.excluded:
        lines.append("Excluded: " + ", ".join(d.excluded))
    return lines


def to_markdown(d: Draft) -> str:
    """The draft as Markdown."""
    out = [f"# {d.title} — draft", ""]
    out += [f"{line}  " for line in _header_lines(d)]
    out += ["", f"_{DISCLAIMER}_", ""]
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


def to_docx(d: Draft, path: str | Path) -> Path:
    """Write the draft as a .docx laid out like the QA form; returns the path."""
    from docx import Document as WordDocument
    from docx.shared import Pt

    doc = WordDocument()
    doc.add_heading(f"{d.title} — draft", level=0)
    for line in _header_lines(d):
        doc.add_paragraph(line)
    note = doc.add_paragraph()
    note.add_run(DISCLAIMER).italic = True
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
                    para.add_run(("" if i == 1 else " ") + s.text + " ")
                    marker = para.add_run(f"[{i}]")
                    marker.font.superscript = True
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


__all__ = ["NO_EVIDENCE", "rating_line", "source_line", "to_docx", "to_markdown"]

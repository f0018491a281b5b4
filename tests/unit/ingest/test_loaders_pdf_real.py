"""The PDF and DOCX loaders on real files: public parser test files (tests/data/pdf, with
their licences) and the seed documents as Word files and LibreOffice PDFs (evals/formats)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from ingest.loaders import load_document
from ingest.tables import recognise_tables

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data" / "pdf"
FORMATS = ROOT / "evals" / "formats"
SEED_PDF = FORMATS / "pdf" / "acsh-phase3-project-document.pdf"


def norm(text: str) -> str:
    return " ".join(text.split())


def test_two_columns_read_column_by_column_with_hyphenation_undone() -> None:
    doc = load_document(DATA / "multicolumn.pdf")  # py-pdf/sample-files 026, LaTeX twocolumn
    text = doc.text
    assert "adipiscing elit. Ut purus elit, vestibulum ut, placerat ac, adipiscing vitae, felis." in text
    assert "adip iscing" not in text and "adip-" not in text
    left = text.index("Nam dui ligula, fringilla a, euismod sodales, sollicitudin vel, wisi.")
    right = text.index("Nulla malesuada porttitor diam.")
    assert left < right  # the left column is read to its end before the right one starts
    assert "Official Language" in text  # the "ffi" ligature read as three letters
    assert not any(re.fullmatch(r"\d+", b.text) for b in doc.blocks)  # page numbers dropped
    assert all(b.location.page is not None and b.location.bbox is not None for b in doc.blocks)


def test_words_spaced_by_font_size_not_run_together() -> None:
    doc = load_document(DATA / "150109DSP-Milw-505-90D.pdf")  # pdfplumber's test files
    assert "On January 10, 2015, the agency received a report" in doc.text
    assert "Agency: Bureau of Milwaukee Child Welfare" in doc.text
    assert "J anuary" not in doc.text and "inj uries" not in doc.text


def test_rotated_page_is_read_upright_never_reversed() -> None:
    doc = load_document(DATA / "nics-background-checks-2015-11-rotated.pdf")
    assert "Alabama" in doc.text and "amabalA" not in doc.text
    assert "18,870" in doc.text and "078,81" not in doc.text


def test_duplicated_glyphs_read_once() -> None:
    doc = load_document(DATA / "issue-71-duplicate-chars.pdf")
    assert "项目描述：负责四川省" in doc.text
    assert "项项" not in doc.text and "负负" not in doc.text
    assert "监测工作" in doc.text  # no space put between two lines of Chinese


def test_banner_before_the_pdf_header(tmp_path: Path) -> None:
    path = tmp_path / "mailed.pdf"
    path.write_bytes(b"X-Mailer: something\r\n" * 11 + (DATA / "multicolumn.pdf").read_bytes())
    doc = load_document(path)
    assert doc.kind == "pdf" and "Two-Column Document with Lorem Ipsum" in doc.text


def test_seed_pdf_tables_over_page_breaks_and_pages_right() -> None:
    doc = load_document(SEED_PDF)
    records = recognise_tables(doc)
    assert len({r.key for r in records if r.kind == "indicator"}) == 13
    plan = next(b for b in doc.blocks if b.kind == "table" and "PLANNED ACTIVITIES" in b.text)
    assert plan.location.page_end is not None and plan.location.page_end > plan.location.page
    header = plan.rows[0].cells
    assert header.count("Yearly budgets (USD)") == 3  # the spanned header over each of its columns
    assert plan.rows[1].cells[2:5] == ("2021", "2022", "2023")
    assert sum(1 for r in plan.rows if "PLANNED ACTIVITIES" in r.cells) == 1  # repeated header read once
    reader = PdfReader(io.BytesIO(SEED_PDF.read_bytes()))
    checked = 0
    for block in doc.blocks:
        if block.kind != "paragraph" or len(block.text) < 80 or block.location.page_end:
            continue
        words = [w for w in norm(block.text).split() if w.isalpha() and len(w) > 3][:4]
        page_text = norm(reader.pages[block.location.page - 1].extract_text() or "")
        assert all(w in page_text for w in words), (block.location.page, words)
        checked += 1
        if checked >= 15:
            break
    assert checked >= 10


def test_seed_pdf_sentences_are_whole() -> None:
    doc = load_document(SEED_PDF)
    text = load_document(ROOT / "corpus" / "acsh-phase3-project-document.txt")
    paragraphs = [b.text for b in text.blocks if b.kind == "paragraph" and len(b.text) > 120]
    pdf_text = norm(doc.text)
    found = sum(1 for p in paragraphs if norm(p) in pdf_text)
    assert found >= 0.8 * len(paragraphs)


def test_docx_headers_footers_numbered_lists_and_merged_header(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "ACSH Phase 3 - Project Document"
    document.sections[0].footer.paragraphs[0].text = "Confidential draft"
    document.add_paragraph("First step", style="List Number")
    document.add_paragraph("Second step", style="List Number")
    table = document.add_table(rows=3, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Activity"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "Yearly budgets (USD)"
    for col, year in zip((1, 2, 3), ("2021", "2022", "2023")):
        table.cell(1, col).text = year
    for col, value in enumerate(("Activity 1.1", "100", "200", "300")):
        table.cell(2, col).text = value
    path = tmp_path / "plan.docx"
    document.save(str(path))
    doc = load_document(path)
    rows = [r.cells for r in next(b for b in doc.blocks if b.kind == "table").rows]
    assert rows == [
        ("Activity", "Yearly budgets (USD)", "Yearly budgets (USD)", "Yearly budgets (USD)"),
        ("", "2021", "2022", "2023"),
        ("Activity 1.1", "100", "200", "300"),
    ]
    furniture = {b.section: b.text for b in doc.blocks if b.section[:1] in (("Page header",), ("Page footer",))}
    assert furniture == {("Page header",): "ACSH Phase 3 - Project Document", ("Page footer",): "Confidential draft"}
    lists = [b.text for b in doc.blocks if b.kind == "list"]
    assert lists and all(t.endswith(("First step", "Second step")) for t in lists)


@pytest.mark.slow
def test_a_long_pdf_is_read_to_its_last_page(tmp_path: Path) -> None:
    # its speed is measured in evals/bench (parse time against embedding time), not timed here
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = []
    for page in range(200):
        story.append(Paragraph(f"Section {page + 1}", styles["Heading2"]))
        story += [Paragraph("The project supports public administration reform. " * 12, styles["BodyText"])] * 5
        story.append(PageBreak())
    path = tmp_path / "long.pdf"
    SimpleDocTemplate(str(path)).build(story)
    doc = load_document(path)
    assert doc.pages and doc.pages >= 200
    assert doc.blocks[-1].location.page == 200 and len(doc.blocks) >= 200 * 5  # every paragraph

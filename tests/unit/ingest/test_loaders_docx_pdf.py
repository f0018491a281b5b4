"""DOCX and PDF loaders: real files built from the seed documents' own rows, loaded through
the dispatcher and recognised by ``ingest.tables`` exactly as the text seeds are."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from assistant.core.errors import UnreadableFile
from assistant.core.records import Record
from assistant.core.types import Document
from ingest.loaders import load_document
from ingest.loaders.text import parse_text
from ingest.tables import recognise_tables

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
FORMATS = Path(__file__).resolve().parents[3] / "evals" / "formats"
PROJECT = CORPUS / "acsh-phase3-project-document.txt"
QA = CORPUS / "acsh-phase2-closure-qa-report.txt"
IDS = [f"{o}.{i}" for o, n in ((1, 4), (2, 6), (3, 3)) for i in range(1, n + 1)]
VALUE_FIELDS = ("baseline", "baseline_year", "year_1", "year_2", "year_3", "final")


def norm(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def seed_rows(section: str) -> list[list[str]]:
    blocks = parse_text(PROJECT.read_text(encoding="utf-8"), PROJECT.name)
    table = next(b for b in blocks if b.kind == "table" and section in b.section)
    return [list(r.cells) for r in table.rows]


def record_values(record: Record) -> dict[str, str]:
    """A record's cells as "role period line" -> normalised text, to compare two readings."""
    return {
        f"{c.role} {c.period.label if c.period else ''} {c.line}": norm(c.text)
        for c in record.cells
        if c.role not in ("output",)
    }


def indicator_values(records: list[Record]) -> dict[str, dict[str, str]]:
    return {r.key: record_values(r) for r in records if r.kind == "indicator"}


def seed_records() -> list[Record]:
    return recognise_tables(load_document(PROJECT))


def add_docx_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    """Rows as a Word table: a short row's first cell spans the missing columns, and an
    output or activity cell is merged down over the following rows where it is empty."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for row, cells in zip(table.rows, rows):
        grid = row.cells  # table.cell() rebuilds the whole grid on each call: slow
        span = width - len(cells) + 1
        targets = [grid[0].merge(grid[span - 1]) if span > 1 else grid[0], *grid[span:]]
        for cell, text in zip(targets, cells):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for col in (0, 1):
        i = 0
        while i < len(rows):
            j = i
            full = len(rows[i]) == width and rows[i][col]
            while full and j + 1 < len(rows) and len(rows[j + 1]) == width and not rows[j + 1][col]:
                j += 1
            if j > i:
                table.cell(i, col).merge(table.cell(j, col))
            i = j + 1


def test_docx_results_framework(tmp_path: Path) -> None:
    rows = seed_rows("Results Framework")
    document = docx.Document()
    document.add_heading("Project Document", 0)
    document.add_paragraph("Institutional Support to the Astana Civil Service Hub Phase 3")
    document.add_heading("Project Information", 1)
    info = document.add_table(rows=1, cols=2)
    info.cell(0, 0).text, info.cell(0, 1).text = "Atlas Project Number", "000123513"
    document.add_paragraph("The project has three outputs:")
    for item in ("Research and Knowledge Management", "Capacity Building", "Partnerships and Networking"):
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("Results Framework", 1)
    add_docx_table(document, rows)
    document.add_heading("Monitoring And Evaluation", 1)
    document.add_paragraph("The project will be monitored through the following plans.")
    path = tmp_path / "phase3.docx"
    document.save(str(path))

    doc = load_document(path)
    assert doc.kind == "docx" and doc.doc_type == "project_document"
    kinds = [(b.kind, b.location.paragraph, b.location.table) for b in doc.blocks]
    assert kinds[:5] == [
        ("heading", 1, None),
        ("paragraph", 2, None),
        ("heading", 3, None),
        ("table", None, 1),
        ("paragraph", 4, None),
    ]
    lists = [b for b in doc.blocks if b.kind == "list"]
    assert [b.text for b in lists][0] == "- Research and Knowledge Management" and lists[2].location.paragraph == 7
    results = next(b for b in doc.blocks if b.kind == "table" and b.location.table == 2)
    assert results.section == ("Project Document", "Results Framework")
    last = doc.blocks[-1]
    assert last.section == ("Project Document", "Monitoring And Evaluation") and last.location.paragraph == 10
    row = next(r for r in results.rows if r.cells[1:2] and r.cells[1].startswith("2.3 –"))
    at = next(i for i, r in enumerate(rows) if r[1:2] and r[1].startswith("2.3"))
    assert row.location.table == 2 and row.location.row == at + 1
    assert len(row.cells) == len(rows[at]) and row.cells[0] == ""  # vertical-merge continuation reads empty
    for r in results.rows:
        for cell in r.cells:
            assert cell in doc.text
    assert all(norm(c) in norm(doc.text) for r in rows for c in r)

    records = recognise_tables(doc)
    got = indicator_values(records)
    assert sorted(got, key=lambda k: tuple(map(int, k.split(".")))) == IDS
    assert got == indicator_values(seed_records())
    r23 = next(r for r in records if r.key == "2.3")
    assert r23.location.table == 2 and r23.group.startswith("Output 2 - Capacity Building")


def test_docx_budget() -> None:
    """The seed's work plan as its authors wrote it in Word (two-row merged header, output and
    activity cells merged down, landscape, over page breaks) gives the text export's records."""
    doc = load_document(FORMATS / "docx" / "acsh-phase3-project-document.docx")
    got = {r.key: r for r in recognise_tables(doc) if r.kind in ("activity", "total")}
    want = {r.key: r for r in seed_records() if r.kind in ("activity", "total")}
    assert set(got) == set(want)
    for key in ("1.1", "1.9", "subtotal 1"):
        assert record_values(got[key]) == record_values(want[key])
        assert got[key].notes == want[key].notes
        assert got[key].location.kind == "docx"
    assert norm(got["subtotal 1"].text("total")) == "1 505 000"
    assert record_values(got["1.9"])["amount 2021 "] == "75 355"


def build_results_pdf(path: Path, rows: list[list[str]]) -> int:
    """The results framework in two ruled tables: outputs 1–2 on page 1, output 3 on page 2
    without a header. Returns the number of rows on page 1."""
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=5.5, leading=6.5)
    head = next(i for i, r in enumerate(rows) if any("INDICATORS" in c for c in r))
    split = next(i for i, r in enumerate(rows) if r[1:2] and r[1].startswith("3.1"))
    widths = [150, 170, 75, 45, 35, 40, 40, 40, 45, 110]

    def table(part: list[list[str]]) -> Table:
        t = Table([[Paragraph(escape(c).replace("\n", "<br/>"), cell) for c in r] for r in part], colWidths=widths)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=20, bottomMargin=20)
    doc.build(
        [
            Paragraph("Results Framework", styles["Heading1"]),
            Paragraph("Intended Outcome as stated in the UNSCDCF Results and Resource Framework.", styles["BodyText"]),
            table(rows[head:split]),
            PageBreak(),
            table(rows[split:]),
            Paragraph("Monitoring And Evaluation", styles["Heading1"]),
            Paragraph("The project will be monitored through the following plans.", styles["BodyText"]),
        ]
    )
    return split - head


def test_pdf_results_framework_split_across_pages(tmp_path: Path) -> None:
    path = tmp_path / "phase3.pdf"
    first_rows = build_results_pdf(path, seed_rows("Results Framework"))
    doc = load_document(path)
    assert doc.kind == "pdf" and doc.pages == 2
    heading = doc.blocks[0]
    assert (heading.kind, heading.text, heading.location.page) == ("heading", "Results Framework", 1)
    tables = [b for b in doc.blocks if b.kind == "table"]
    # one table over the page break: its rows keep their own pages
    assert [(t.location.page, t.location.page_end, len(t.rows)) for t in tables] == [(1, 2, first_rows + 3)]
    assert tables[0].section == ("Results Framework",)
    monitoring = next(b for b in doc.blocks if b.text == "Monitoring And Evaluation")
    assert monitoring.location.page == 2 and doc.blocks.index(monitoring) > doc.blocks.index(tables[0])
    row = next(r for r in tables[0].rows if r.cells[1].startswith("3.3"))
    assert (row.location.page, row.location.table) == (2, 1)
    for t in tables:
        assert all(cell in doc.text for r in t.rows for cell in r.cells)

    records = recognise_tables(doc)
    got = indicator_values(records)
    assert sorted(got, key=lambda k: tuple(map(int, k.split(".")))) == IDS
    assert got == indicator_values(seed_records())
    assert "1,000" in got["2.3"]["target Year 2 "] and "50% women" in got["2.3"]["target Year 2 "]
    assert got["3.3"]["baseline  "] == "130"
    r33 = next(r for r in records if r.key == "3.3")
    assert (r33.location.page, r33.location.table) == (2, 1) and r33.group.startswith("Output 3")


def build_qa_docx(path: Path) -> None:
    """The QA seed as a Word form: section headings, ratings, questions, list-style rubric
    options (the selected one in italics) and the uploaded-documents tables."""
    sections = (
        "Strategic",
        "Relevant",
        "Principled",
        "Management & Monitoring",
        "Efficient",
        "Effective",
        "Sustainability & National Ownership",
    )
    document = docx.Document()
    table_rows: list[list[str]] = []
    question = 0
    for line in QA.read_text(encoding="utf-8").split("\n") + [""]:
        if "\t" in line and not line.startswith("<b>"):
            if not set(line) <= set("-\t "):
                table_rows.append([c.strip() for c in line.split("\t")])
            continue
        if table_rows:
            table = document.add_table(rows=len(table_rows), cols=max(map(len, table_rows)))
            for i, cells in enumerate(table_rows):
                for j, text in enumerate(cells):
                    table.cell(i, j).text = text
            table_rows = []
        text = line.strip()
        if not text or set(text) <= set("-| "):
            continue
        plain = re.sub(r"</?b>|\*\*|^#+ ", "", text).replace("\t", " ").strip()
        if text.startswith("# "):
            document.add_heading(plain, 0)
        elif m := re.match(r"(\d+)\. ", text):
            question = int(m.group(1))
            document.add_paragraph(text)
        elif text.startswith("- "):
            level, body = re.match(r"(\d: )?(.*)$", text[2:]).groups()
            paragraph = document.add_paragraph(style="List Bullet")
            selected = body.startswith("*") and not body.startswith("**")
            head = paragraph.add_run(level or "")
            head.italic = selected and question % 2 == 1  # whole paragraph italic on odd questions
            paragraph.add_run(body.strip("*")).italic = selected
        elif (name := next((s for s in sections if plain.startswith(s)), None)) and not text[0].isdigit():
            document.add_heading(name, 2)
            if rating := re.search(r"Quality Rating:\s*(.+)$", plain):
                document.add_paragraph("Quality Rating: ").add_run(rating.group(1).strip()).bold = True
        elif plain.startswith("Quality Rating:"):
            document.add_paragraph("Quality Rating: ").add_run(plain.split(":", 1)[1].strip()).bold = True
        else:
            paragraph = document.add_paragraph()
            paragraph.add_run(plain).bold = text.startswith(("**", "<b>", "#"))
    document.save(str(path))


def qa_summary(doc: Document) -> tuple[dict[str, str], dict[str, str]]:
    records = recognise_tables(doc)
    ratings = {r.key: r.text("rating") for r in records if r.kind == "qa_section"}
    selected = {r.key: (c.line if (c := r.cell("selected")) else "") for r in records if r.kind == "qa_question"}
    return ratings, selected


def test_docx_qa_form(tmp_path: Path) -> None:
    path = tmp_path / "qa-closure.docx"
    build_qa_docx(path)
    doc = load_document(path)
    assert doc.doc_type == "qa_report"
    ratings, selected = qa_summary(doc)
    want_ratings, want_selected = qa_summary(load_document(QA))
    assert len([k for k in want_ratings if k != "overall"]) == 7
    assert ratings == want_ratings
    assert selected == want_selected and selected["1"] == "2" and selected["5"] == "3"
    option = next(b for b in doc.blocks if b.kind == "list" and "*Targeted groups were engaged" in b.text)
    assert option.text.startswith("- 2: *Targeted groups") and option.text.endswith("*")
    assert "Relevant" in option.section


def test_docx_merged_and_nested_cells(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "spanned"
    table.cell(0, 2).text, table.cell(1, 0).text = "right", "left"
    inner = table.cell(1, 2).add_table(rows=1, cols=2)
    inner.cell(0, 0).text, inner.cell(0, 1).text = "inner a", "inner b"
    path = tmp_path / "merged.docx"
    document.save(str(path))
    block = load_document(path).blocks[0]
    # the spanned header cell covers both columns; the nested table is read once, inside its cell
    assert [r.cells for r in block.rows] == [("spanned", "spanned", "right"), ("left", "", "inner a | inner b")]
    assert "inner a | inner b" in block.text and block.text.count("inner a") == 1


def canvas_pdf(text: str | None = "Quarterly progress report", pages: int = 1) -> bytes:
    """A small PDF: a line of text per page, or a filled rectangle only (a scan, no text)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for _ in range(pages):
        if text is None:
            c.rect(72, 72, 400, 600, fill=1)
        else:
            c.drawString(72, 720, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted(data: bytes, user: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("corrupt.docx", lambda: b"PK\x03\x04" + bytes(range(256)) * 40, "not a valid Word document"),
        ("truncated.pdf", lambda: canvas_pdf()[: len(canvas_pdf()) // 2], "damaged"),
        ("locked.pdf", lambda: encrypted(canvas_pdf(), "secret"), "encrypted and needs a password"),
        ("scan.pdf", lambda: canvas_pdf(None), "OCR"),
        pytest.param("long.pdf", lambda: canvas_pdf("p", pages=2001), "2001 pages", marks=pytest.mark.slow),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(UnreadableFile) as info:
        load_document(path)
    assert expected in str(info.value) and str(path) in str(info.value)


def test_pdf_with_empty_password_loads(tmp_path: Path) -> None:
    path = tmp_path / "open.pdf"
    path.write_bytes(encrypted(canvas_pdf(), ""))
    doc = load_document(path)
    assert doc.blocks[0].text == "Quarterly progress report" and doc.blocks[0].location.page == 1


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(300):
                member.write(chunk)
    with pytest.raises(UnreadableFile) as info:
        load_document(path)
    assert "zip bomb" in str(info.value) and str(path) in str(info.value)


def test_pdf_qa_form_reads_the_selected_options_and_ratings_of_the_text_export() -> None:
    # the LibreOffice PDF of the closure QA report: options are bulleted in OpenSymbol (a
    # private-use glyph) and the selected one is set in italics, as in the Word file
    doc = load_document(FORMATS / "pdf" / "acsh-phase2-closure-qa-report.pdf")
    ratings, selected = qa_summary(doc)
    want_ratings, want_selected = qa_summary(load_document(QA))
    assert ratings == want_ratings and selected == want_selected and selected["5"] == "3"
    question = next(b for b in doc.blocks if b.text.startswith("5. Was the project sufficiently at scale"))
    assert question.text.endswith("to meaningfully contribute to development change?")  # one item, not two


def test_docx_total_row_whose_label_spans_columns_keeps_its_amounts_by_year(tmp_path: Path) -> None:
    header = ["Expected outputs", "Planned activities", "2021", "2022", "Responsible party", "Funding source", "Amount"]
    rows = [
        ["Output 1: Policy", "Activity 1.1 Draft the energy act", "10,000", "20,000", "AEPC", "UNDP", "30,000"],
        ["", "Activity 1.2 Train technicians", "5,000", "5,000", "AEPC", "UNDP", "10,000"],
        ["TOTAL", "", "15,000", "25,000", "", "", "40,000"],
    ]
    document = docx.Document()
    document.add_paragraph("Multi-Year Work Plan")
    table = document.add_table(rows=len(rows) + 1, cols=len(header))
    for r, values in enumerate([header, *rows]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(3, 0).merge(table.cell(3, 1)).text = "TOTAL"  # Word merges the label over two columns
    path = tmp_path / "plan.docx"
    document.save(str(path))
    total = next(r for r in recognise_tables(load_document(path)) if r.kind == "total")
    by_year = {c.period.year: c.text for c in total.cells if c.role == "amount" and c.period}
    assert by_year == {2021: "15,000", 2022: "25,000"} and total.text("total") == "40,000"

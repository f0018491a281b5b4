"""Build the seed documents as their authors would have written them: Word files with real
tables, and their PDF renderings by LibreOffice.

    python -m evals.formats.build            # writes evals/formats/docx/*.docx and pdf/*.pdf

Each ``corpus/*.txt`` text export is read back into blocks (``ingest.loaders.text``) and
written with python-docx: headings as Word headings, list items as bullet lists (a selected
rubric option in italics), label lines with their label in bold, and every table a real
Word table. The Results Framework and the Multi-Year Work Plan get the layout of the
original template: a two-row header whose group headers ("BASELINE", "TARGETS", "Yearly
budgets (USD)", "PLANNED BUDGET (USD)") span their columns and whose other headers are
merged down; target columns named "Year 2 (2022)"; output and activity cells merged down
over their rows; sub-total rows spanning the label columns; each in a landscape section.
The work plan runs over several pages with its header repeated; the results framework
runs over a page break without it. ``soffice --headless --convert-to pdf`` renders the PDFs
(Debian: ``apt-get install libreoffice-writer-nogui``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
OUT = Path(__file__).resolve().parent
_MARKUP = re.compile(r"</?b>|\*\*|^#+\s+")


def _plain(text: str) -> str:
    return _MARKUP.sub("", text).replace("\t", " ").strip()


def _merge_down(table: Any, column: int, rows: list[list[str]], first: int) -> None:
    """Merge each non-empty cell of ``column`` down over the empty cells below it (rows of
    the table's full width only)."""
    width = max(len(r) for r in rows)

    def full(i: int) -> bool:
        return len(rows[i]) == width

    i = first
    while i < len(rows):
        j = i
        if full(i) and rows[i][column].strip():
            while j + 1 < len(rows) and full(j + 1) and not rows[j + 1][column].strip():
                j += 1
        if j > i:
            table.cell(i, column).merge(table.cell(j, column))
        i = j + 1


def _fill(cell: Any, text: str, bold: bool = False) -> None:
    lines = text.split("\n")
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.add_run(lines[0].strip()).bold = bold
    for line in lines[1:]:
        cell.add_paragraph().add_run(line.strip()).bold = bold


def _mark_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _keep_together(row: Any) -> None:
    """A row that is not split over a page break (Word's "allow row to break" off)."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _grid_table(document: Any, header: list[list[tuple[str, int, bool]]], body: list[list[str]], repeat: bool) -> Any:
    """A table with a spanned/merged header (cells: (text, column span, merge down)) and body
    rows; a short body row's first cell spans the missing columns."""
    width = sum(span for _, span, _ in header[0])
    table = document.add_table(rows=len(header) + len(body), cols=width)
    table.style = "Table Grid"
    for r, cells in enumerate(header):
        col = 0
        for text, span, down in cells:
            if text is None:
                col += span
                continue
            cell = table.cell(r, col)
            if span > 1:
                cell = cell.merge(table.cell(r, col + span - 1))
            if down:
                cell = cell.merge(table.cell(len(header) - 1, col + span - 1))
            _fill(cell, text, bold=True)
            col += span
        if repeat:
            _mark_header(table.rows[r])
    for r, row_cells in enumerate(body, start=len(header)):
        _keep_together(table.rows[r])
        grid = table.rows[r].cells
        span = width - len(row_cells) + 1
        targets = [grid[0].merge(grid[span - 1]) if span > 1 else grid[0], *grid[span:]]
        for cell, body_text in zip(targets, row_cells):
            _fill(cell, body_text)
    return table


def _widths(table: Any, inches: list[float]) -> None:
    from docx.shared import Inches

    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, inches):
            cell.width = Inches(width)


def _landscape(document: Any, on: bool) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = document.add_section(WD_SECTION.NEW_PAGE)
    width, height = section.page_width, section.page_height
    if on != (width > height):
        section.orientation = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = height, width


def _results_framework(document: Any, rows: list[list[str]], years: tuple[int, int]) -> None:
    head = next(i for i, r in enumerate(rows) if any("INDICATORS" in c for c in r))
    preamble = rows[:head] + [[c for c in rows[head][:4] if c.strip()]]
    caption = document.add_table(rows=len(preamble), cols=1)
    caption.style = "Table Grid"
    for i, cells in enumerate(preamble):
        _fill(caption.cell(i, 0), "\n".join(c for c in cells if c.strip()))
    document.add_paragraph()
    data = [r for r in rows[head + 2 :] if len(r) == 10 or any(c.strip() for c in r)]
    first_year = years[0]
    targets = [(f"Year {k} ({first_year + k - 1})", 1, False) for k in range(1, 4)]
    header: list[list[tuple[str, int, bool]]] = [
        [
            ("EXPECTED OUTPUTS", 1, True),
            ("OUTPUT INDICATORS", 1, True),
            ("DATA SOURCE", 1, True),
            ("BASELINE", 2, False),
            ("TARGETS (by frequency of data collection)", 4, False),
            ("DATA COLLECTION METHODS", 1, True),
        ],
        [(None, 3, False), ("Value", 1, False), ("Year", 1, False), *targets, ("FINAL", 1, False), (None, 1, False)],  # type: ignore[list-item]
    ]
    table = _grid_table(document, header, data, repeat=False)
    _widths(table, [1.3, 1.9, 1.0, 0.6, 0.5, 0.75, 0.75, 0.75, 0.75, 1.2])
    _merge_down(table, 0, [[""] * 10] * 2 + data, 2)


def _work_plan(document: Any, rows: list[list[str]]) -> None:
    data = [r for r in rows[3:] if any(c.strip() for c in r)]
    header: list[list[tuple[str, int, bool]]] = [
        [
            ("EXPECTED OUTPUTS", 1, True),
            ("PLANNED ACTIVITIES", 1, True),
            ("Yearly budgets (USD)", 3, False),
            ("RESPONSIBLE PARTY", 1, True),
            ("PLANNED BUDGET (USD)", 5, False),
        ],
        [
            (None, 2, False),  # type: ignore[list-item]
            ("2021", 1, False),
            ("2022", 1, False),
            ("2023", 1, False),
            (None, 1, False),  # type: ignore[list-item]
            ("Funding Source", 1, False),
            ("Budget Line", 1, False),
            ("2021", 1, False),
            ("2022", 1, False),
            ("2023", 1, False),
        ],
    ]
    table = _grid_table(document, header, data, repeat=True)
    _widths(table, [1.2, 2.2, 0.65, 0.65, 0.65, 0.7, 0.6, 0.6, 0.65, 0.65, 0.65])
    padded = [[""] * 11] * 2 + data
    for col in (0, 1, 5, 6):
        _merge_down(table, col, padded, 2)


def _plain_table(document: Any, rows: list[list[str]]) -> None:
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return
    width = max(len(r) for r in rows)
    _grid_table(
        document,
        [[(rows[0][0], width - len(rows[0]) + 1, False), *[(c, 1, False) for c in rows[0][1:]]]],
        rows[1:],
        False,
    )


def _paragraph(document: Any, block: Any) -> None:
    text = block.text.strip()
    if block.kind == "list":
        body = re.sub(r"^[-*•·]\s+", "", text)
        level, rest = re.match(r"(\d:\s*)?(.*)$", body).groups()  # type: ignore[union-attr]
        selected = rest.startswith("*") and not rest.startswith("**")
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(level or "")
        paragraph.add_run(_plain(rest.strip("*")) if selected else _plain(rest)).italic = selected
        return
    label = re.match(r"^(?:<b>|\*\*)([^<*]+?:)(?:</b>|\*\*)\s*(.*)$", text)
    if label and label.group(2):
        paragraph = document.add_paragraph()
        paragraph.add_run(label.group(1).strip() + " ").bold = True
        paragraph.add_run(_plain(label.group(2)))
        return
    paragraph = document.add_paragraph()
    paragraph.add_run(_plain(text)).bold = text.startswith(("**", "<b>"))


def build_docx(txt: Path, out: Path) -> None:
    """Write ``txt`` (a seed text export) as a Word document at ``out``."""
    import docx

    from ingest.loaders import load_document

    doc = load_document(txt)
    years = doc.period or (2021, 2023)
    document = docx.Document()
    for block in doc.blocks:
        if block.kind == "heading":
            plain = _plain(block.text)
            if block.text.startswith("# "):
                document.add_heading(plain, 0)
                continue
            level = 1 if re.match(r"^\s*(\d+|[IVX]+)\.\s", plain) or len(block.section) <= 1 else 2
            if block.text.strip().startswith(("**Quality Rating", "**Evidence", "**List of")):
                _paragraph(document, block)
                continue
            document.add_heading(plain, level)
        elif block.kind == "table":
            rows = [list(r.cells) for r in block.rows]
            title = block.section[-1] if block.section else ""
            if "Results Framework" in title and any("INDICATORS" in c for r in rows for c in r):
                _landscape(document, True)
                document.add_heading("Results Framework", 1) if title != "Results Framework" else None
                _results_framework(document, rows, years)
                _landscape(document, False)
            elif "Work Plan" in title and any("ACTIVITIES" in c for r in rows[:3] for c in r):
                _landscape(document, True)
                _work_plan(document, rows)
                _landscape(document, False)
            else:
                _plain_table(document, rows)
        else:
            _paragraph(document, block)
    section = document.sections[0]
    section.footer.paragraphs[0].text = doc.title[:80]
    document.save(str(out))


def to_pdf(docx_path: Path, pdf_dir: Path) -> Path:
    """Render ``docx_path`` to PDF with LibreOffice headless."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice is needed: apt-get install -y libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(pdf_dir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return pdf_dir / (docx_path.stem + ".pdf")


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    docx_dir, pdf_dir = OUT / "docx", OUT / "pdf"
    docx_dir.mkdir(exist_ok=True)
    pdf_dir.mkdir(exist_ok=True)
    for txt in sorted(CORPUS.glob("*.txt")):
        out = docx_dir / (txt.stem + ".docx")
        build_docx(txt, out)
        print(out)
        if "--no-pdf" not in args:
            print(to_pdf(out, pdf_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

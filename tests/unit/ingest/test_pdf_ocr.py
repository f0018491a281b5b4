"""Scanned PDFs: pages without a text layer are read by Tesseract OCR, and their locations say
so; without Tesseract the file is refused with "needs OCR". The scan is real: a PDF written by
reportlab, rasterised by PDFium and embedded back as an image, so no text layer is left.
CI installs Debian's tesseract-ocr and sets PROJDOCS_REQUIRE_OCR=1 so that these fail, not skip."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from assistant.core.errors import UnreadableFile
from ingest.loaders import load_document, pdf_ocr

TEXT = "The project trained 1,250 civil servants in Almaty during 2022, of whom 640 were women."


@pytest.fixture()
def require_tesseract() -> None:
    if pdf_ocr.tesseract() is None:
        if os.environ.get("PROJDOCS_REQUIRE_OCR"):
            pytest.fail("PROJDOCS_REQUIRE_OCR is set but the tesseract command is not installed")
        pytest.skip("Tesseract is not installed (apt-get install tesseract-ocr)")


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """A text PDF by reportlab, each page rendered to an image at 200 dpi and put back as a scan."""
    styles = getSampleStyleSheet()
    story: list[Flowable] = []
    for n in range(pages):
        story.append(Paragraph(f"Section {n + 1}: Training results", styles["Heading1"]))
        story.append(Paragraph(TEXT if n == 0 else "Activities continued in Astana.", styles["BodyText"]))
        story.append(PageBreak())
    text_pdf = io.BytesIO()
    SimpleDocTemplate(text_pdf, pagesize=A4).build(story[:-1])
    out = canvas.Canvas(str(path), pagesize=A4)
    for page in pdfium.PdfDocument(text_pdf.getvalue()):
        out.drawImage(ImageReader(page.render(scale=200 / 72).to_pil()), 0, 0, width=A4[0], height=A4[1])
        out.showPage()
    out.save()
    return path


def test_a_scanned_pdf_is_read_by_ocr_and_its_locations_say_so(tmp_path: Path, require_tesseract: None) -> None:
    doc = load_document(scanned_pdf(tmp_path / "scan.pdf"))
    assert doc.pages == 2
    text = " ".join(doc.text.split())
    assert "trained 1,250 civil servants" in text and "640 were women" in text
    found = [b for b in doc.blocks if "1,250" in b.text]
    assert found and found[0].location.page == 1 and found[0].location.ocr
    assert "read by OCR" in str(found[0].location)
    assert any(b.location.page == 2 and "Astana" in b.text for b in doc.blocks)
    assert any(b.kind == "heading" and "Training results" in b.text for b in doc.blocks)


def test_without_tesseract_a_scan_is_refused_as_needing_ocr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = scanned_pdf(tmp_path / "scan.pdf", pages=1)
    monkeypatch.setattr(pdf_ocr, "tesseract", lambda: None)
    with pytest.raises(UnreadableFile, match="needs OCR"):
        load_document(path)

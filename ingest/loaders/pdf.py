"""PDF loader: the checks before parsing, then each page read once and released.

Owns the checks (damaged, encrypted, too many pages, decompression bombs, no text layer)
with pypdf, a banner before ``%PDF-`` skipped, and the page loop: PDFium reads each
page's characters and ruling lines (``pdf_page``), ruled tables are taken out
(``pdf_tables``), the rest is put in reading order (``pdf_lines``), and the pages' lines
become paragraphs, headings, lists and tables (``pdf_text``). A page PDFium cannot read
is skipped with a warning rather than sinking the document; a page with no text layer is
read by OCR where Tesseract is installed (``pdf_ocr``). A table that continues on
the next page comes out as a second table of the same width; ``ingest.tables`` carries
the first one's layout over to it.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace
from typing import Any

from assistant.core.errors import UnreadableFile
from assistant.core.types import Block

MAX_PAGES = 2000
MAX_INFLATED = 200 * 1024 * 1024  # page content and forms, decompressed, per document

logger = logging.getLogger(__name__)


def pdf_start(data: bytes) -> int:
    """Where ``%PDF-`` starts: a mail or web banner before it is not part of the file."""
    at = data.find(b"%PDF-", 0, 4096)
    return max(at, 0)


def _reader(data: bytes, path: str) -> Any:
    """A pypdf reader, decrypted with the empty password where the file is encrypted."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except (DependencyError, NotImplementedError) as exc:
                raise UnreadableFile(path, f"the PDF uses an encryption that cannot be opened: {exc}") from exc
            if not ok:
                raise UnreadableFile(path, "the PDF is encrypted and needs a password")
        count = len(reader.pages)
    except FileNotDecryptedError as exc:
        raise UnreadableFile(path, "the PDF is encrypted and needs a password") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError) as exc:
        raise UnreadableFile(path, f"the PDF is damaged or truncated: {exc or type(exc).__name__}") from exc
    if count == 0:
        raise UnreadableFile(path, "the PDF has no pages")
    if count > MAX_PAGES:
        raise UnreadableFile(path, f"the PDF has {count} pages, over the limit of {MAX_PAGES}")
    return reader


def check_inflated_size(reader: Any, path: str) -> None:
    """Decompress the page content streams and forms (images are never decompressed) with
    pypdf, which caps each stream, and refuse a document whose total passes
    ``MAX_INFLATED``: pdfminer inflates streams with no limit at all."""
    from pypdf.errors import LimitReachedError
    from pypdf.generic import ArrayObject, StreamObject

    total = 0
    seen: set[int] = set()

    def add(obj: Any) -> None:
        nonlocal total
        obj = obj.get_object() if obj is not None else None
        if isinstance(obj, ArrayObject):
            for item in obj:
                add(item)
            return
        if not isinstance(obj, StreamObject) or id(obj) in seen:
            return
        seen.add(id(obj))
        total += len(obj.get_data())
        if total > MAX_INFLATED:
            raise LimitReachedError("total")
        add_forms(obj.get("/Resources"))

    def add_forms(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else None
        xobjects = resources.get("/XObject") if hasattr(resources, "get") else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for ref in (xobjects or {}).values():
            form = ref.get_object()
            if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form":
                add(form)

    try:
        for page in reader.pages:
            add(page.get("/Contents"))
            add_forms(page.get("/Resources"))
    except LimitReachedError as exc:
        raise UnreadableFile(
            path,
            "the page content decompresses past the size limit (possible decompression bomb)",
        ) from exc
    except UnreadableFile:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on damaged streams
        raise UnreadableFile(path, f"the PDF is damaged or truncated: {exc or type(exc).__name__}") from exc


def _pages(data: bytes, path: str, page_count: int) -> list[Any]:
    """Each page's lines and tables (``pdf_text.PageItems``), page by page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from ingest.loaders.pdf_lines import page_lines
    from ingest.loaders.pdf_ocr import ocr_chars, tesseract
    from ingest.loaders.pdf_page import read_page
    from ingest.loaders.pdf_tables import find_tables
    from ingest.loaders.pdf_text import PageItems

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(path, f"the PDF is damaged and could not be parsed: {exc}") from exc
    out: list[PageItems] = []
    try:
        for index in range(min(len(document), page_count)):
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:
                logger.warning("%s: page %d could not be read (%s); skipped", path, index + 1, exc)
                out.append(PageItems(index + 1, 842.0, [], []))
                continue
            ocr = False
            try:
                content = read_page(raw, page)
                if not content.chars and tesseract():  # a scanned page: its words read from the image
                    content = replace(content, chars=ocr_chars(page))
                    ocr = bool(content.chars)
            finally:
                page.close()
            tables = find_tables(content.chars, content.edges)
            taken = set().union(*(t.taken for t in tables)) if tables else set()
            chars = [c for i, c in enumerate(content.chars) if i not in taken]
            out.append(PageItems(index + 1, content.height, page_lines(chars, index + 1), tables, ocr))
    finally:
        document.close()
    return out


def parse_pdf(data: bytes, source: str, path: str) -> tuple[list[Block], int]:
    """Blocks of a PDF in reading order, and its page count."""
    data = data[pdf_start(data) :]
    reader = _reader(data, path)
    page_count = len(reader.pages)
    check_inflated_size(reader, path)
    del reader
    from ingest.loaders.pdf_text import build_blocks

    try:
        pages = _pages(data, path, page_count)
    except UnreadableFile:
        raise
    except Exception as exc:  # a parser bug on a damaged file must read as a damaged file
        raise UnreadableFile(path, f"the PDF is damaged and could not be parsed: {exc or type(exc).__name__}") from exc
    if not any(p.lines or p.tables for p in pages):
        from ingest.loaders.pdf_ocr import tesseract

        if tesseract():
            raise UnreadableFile(path, "no text layer, and OCR found no text on its pages")
        raise UnreadableFile(path, "no text layer: the PDF looks scanned and needs OCR (install tesseract-ocr)")
    return build_blocks(pages, source), page_count

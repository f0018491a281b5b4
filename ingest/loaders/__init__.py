"""Turn a file into a ``Document``: pick the loader by content (not by extension),
validate first, and fill in the document-level metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.errors import UnreadableFile, UnsupportedFormat
from assistant.types import Block, Document, SourceKind
from ingest.metadata import describe

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = TEXT_SUFFIXES | {".pdf", ".docx"}


def sniff(data: bytes, path: Path) -> SourceKind:
    """The file's real kind, from its first bytes."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        if path.suffix.lower() in {".docx", ""} or b"word/" in data[:4096] or b"[Content_Types].xml" in data[:4096]:
            return "docx"
        raise UnsupportedFormat(str(path), "a zip archive that is not a Word .docx file")
    if path.suffix.lower() in {".pdf", ".docx"}:
        what = "PDF" if path.suffix.lower() == ".pdf" else "Word .docx"
        raise UnreadableFile(str(path), f"named {path.suffix} but its content is not {what}")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormat(str(path), "binary content that is not PDF, DOCX or text")
    return "text"


def decode_text(data: bytes, path: Path) -> str:
    """Text in UTF-8 when it is, else in the encoding charset-normalizer detects."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile(str(path), "text in an unknown encoding")
    return str(best)


def blocks_text(blocks: list[Block]) -> str:
    """The full text of a PDF/DOCX document: the block texts in order.

    Table blocks carry their rows as tab-separated cells, so a cell's text is always a
    verbatim span of the document text."""
    return "\n".join(b.text for b in blocks)


def load_document(path: Path, max_bytes: int = 100 * 1024 * 1024) -> Document:
    """Read, validate and parse one file. Raises ``IngestError`` with the reason."""
    if not path.is_file():
        raise UnreadableFile(str(path), "not a file")
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(str(path), "the file is empty")
    if size > max_bytes:
        raise UnreadableFile(
            str(path), f"the file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit"
        )
    data = path.read_bytes()
    kind = sniff(data, path)
    source = path.name
    pages: int | None = None
    if kind == "pdf":
        from ingest.loaders.pdf import parse_pdf

        blocks, pages = parse_pdf(data, source, str(path))
        text = blocks_text(blocks)
    elif kind == "docx":
        from ingest.loaders.docx import parse_docx

        blocks = parse_docx(data, source, str(path))
        text = blocks_text(blocks)
    else:
        from ingest.loaders.text import parse_text

        text = decode_text(data, path).replace("\r\n", "\n").replace("\r", "\n")
        blocks = parse_text(text, source)
    if not text.strip() or not blocks:
        raise UnreadableFile(str(path), "no text found in the file")
    return describe(
        Document(
            source=source,
            path=str(path),
            kind=kind,
            title=path.stem,
            text=text,
            blocks=tuple(blocks),
            sha256=hashlib.sha256(data).hexdigest(),
            pages=pages,
        )
    )

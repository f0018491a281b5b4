"""Turn a file into a ``Document``: pick the loader by content (not by extension),
validate first, and fill in the document-level metadata."""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from pathlib import Path

from assistant.core.errors import UnreadableFile, UnsupportedFormat
from assistant.core.types import Block, Document, SourceKind
from ingest.metadata import describe

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
SUPPORTED = TEXT_SUFFIXES | {".pdf", ".docx"}
# legacy single-byte encodings tried for text that is not UTF-8, most common first
_LEGACY = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
_PLAIN_SYMBOLS = set("–—«»“”‘’„…•€°§©®™±×·¢£¥№\xa0")
_NON_ASCII_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")


def sniff(data: bytes, path: Path) -> SourceKind:
    """The file's real kind, from its first bytes."""
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:  # a banner may come before the header
        if path.suffix.lower() not in {".pdf", ""}:
            logger.warning("%s is named %s but holds a PDF: read as a PDF", path, path.suffix)
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


def _implausibility(text: str) -> int:
    """How wrong a decoding looks: words mixing scripts ("cafй"), words of accented
    letters only ("Ïðîåêò", Cyrillic read as Western), symbols inside words ("otrzyma³"),
    control characters."""
    score = 0
    for word in _NON_ASCII_WORD.findall(text):
        letters = [c for c in word if c.isalpha()]
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in letters}
        score += 3 * (len(scripts) > 1)
        score += 2 * (len(letters) >= 3 and scripts == {"LATIN"} and not any(c.isascii() for c in letters))
        for i, c in enumerate(word):
            if c.isascii() or c in _PLAIN_SYMBOLS:
                continue
            if c.isalpha():
                score += c.isupper() and i > 0 and word[i - 1].islower()
            elif unicodedata.category(c).startswith("C"):
                score += 5
            else:
                score += 2 if any(x.isalpha() for x in word[max(0, i - 1) : i + 2]) else 1
    return score


def _legacy_encoding(data: bytes) -> str | None:
    """The single-byte encoding of ``data``: charset-normalizer's candidates and the common
    Windows code pages, the most plausible decoding winning (ties: charset-normalizer's
    rank, then cp1252 first). charset-normalizer alone often takes cp1250 for a short
    Western text ("naïve" read as "naďve")."""
    from charset_normalizer import from_bytes

    sample = data[: 1 << 16]
    ranks: dict[str, tuple[float, float]] = {}
    for match in from_bytes(sample):
        for name in (match.encoding, *match.could_be_from_charset):
            ranks.setdefault(name, (round(match.chaos, 2), -round(match.coherence, 2)))
    scored = []
    for order, name in enumerate(dict.fromkeys([*_LEGACY, *ranks])):
        try:  # a cut sample may end inside a multi-byte character
            text = sample.decode(name, errors="ignore" if len(sample) < len(data) else "strict")
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_implausibility(text), ranks.get(name, (9.0, 0.0)), order, name))
    return min(scored)[-1] if scored else None


def decode_text(data: bytes, path: Path) -> str:
    """Text in UTF-8 when it is, else in the most plausible legacy encoding."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(str(path), f"the text is not valid {codec.upper()}: {exc.reason}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    encoding = _legacy_encoding(data)
    if encoding is None:
        raise UnreadableFile(str(path), "text in an unknown encoding")
    logger.info("%s is not UTF-8: read as %s", path, encoding)
    return data.decode(encoding, errors="replace")


def blocks_text(blocks: list[Block]) -> str:
    """The full text of a PDF/DOCX document: the block texts in order.

    Table blocks carry their rows as tab-separated cells, so a cell's text is always a
    verbatim span of the document text."""
    return "\n".join(b.text for b in blocks)


def load_document(path: Path, max_bytes: int = 100 * 1024 * 1024, source: str | None = None) -> Document:
    """Read, validate and parse one file as the document ``source`` (default: the file's name).
    Raises ``IngestError`` with the reason."""
    if not path.is_file():
        raise UnreadableFile(str(path), "not a file")
    try:
        size = path.stat().st_size
        if size == 0:
            raise UnreadableFile(str(path), "the file is empty")
        if size > max_bytes:
            raise UnreadableFile(
                str(path), f"the file is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB limit"
            )
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # never more than the limit, even if the file grew
    except OSError as exc:  # permission denied, a file removed meanwhile, an I/O error
        raise UnreadableFile(str(path), f"cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise UnreadableFile(str(path), f"the file is over the {max_bytes / 2**20:.0f} MB limit")
    if not data:
        raise UnreadableFile(str(path), "the file is empty")
    kind = sniff(data, path)
    source = source or path.name
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

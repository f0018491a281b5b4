"""Hostile input in one ingest run: every bad file gets one clear line naming it and the
reason, the good files are ingested, and the exit code and summary say how many failed.

The loaders' own checks are tested file by file in ``test_loaders_docx_pdf.py``; this
module tests the whole run through ``projdocs ingest``.
"""

from __future__ import annotations

import io
import pathlib
import re
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from assistant.cli.main import cli
from assistant.core.settings import Settings
from assistant.store.database import Store
from ingest.loaders.pdf_ocr import tesseract
from tests.unit.ingest.test_loaders_docx_pdf import canvas_pdf, encrypted

LATIN1 = "Café naïve façade in Zürich, 2021 («Größe» ±5 °C).\n"
CP1252 = "Almaty – café\nThe hub in the Almaty – café district – opened in 2021 “on time”.\n"
GOOD = "Programme report\n\nThe programme trained 1,000 civil servants in 2022, 50% women.\n"


def zip_bomb_docx(path: Path, megabytes: int) -> None:
    """A .docx whose document.xml inflates to ``megabytes`` of zeros (about 1,000:1)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(megabytes):
                member.write(block)


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``megabytes`` of spaces."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    stream = StreamObject()
    stream._data = b"".join(packer.compress(block) for _ in range(megabytes)) + packer.flush()
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def build_inbox(folder: Path) -> dict[str, str]:
    """The files of the run; returns {file name: expected failure reason} for the bad ones
    (a reason ending in "…" is checked as a prefix: the rest is the parser's own words)."""
    folder.mkdir()
    good_pdf = canvas_pdf()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "cp1252.txt").write_bytes(CP1252.encode("cp1252"))
    (folder / "renamed.docx").write_bytes(canvas_pdf("A progress report saved as a PDF"))  # read by content
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)
    (folder / "truncated.pdf").write_bytes(good_pdf[: len(good_pdf) // 2])
    (folder / "locked.pdf").write_bytes(encrypted(good_pdf, "secret"))
    (folder / "empty.txt").write_bytes(b"")
    zip_bomb_docx(folder / "bomb.docx", 210)
    (folder / "inflate.pdf").write_bytes(flate_bomb_pdf(80))
    with open(folder / "huge.pdf", "wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: 200 MB on paper, nothing on disk
    (folder / "scan.pdf").write_bytes(canvas_pdf(None))
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (folder / "fake.pdf").write_text("Not a PDF at all, only text.\n", encoding="utf-8")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    return {
        "corrupt.pdf": "the PDF is damaged or truncated: …",
        "truncated.pdf": "the PDF is damaged or truncated: …",
        "locked.pdf": "the PDF is encrypted and needs a password",
        "empty.txt": "the file is empty",
        "bomb.docx": "the uncompressed size (210 MB) is over the limit of 200 MB (possible zip bomb)",
        "inflate.pdf": "the page content decompresses past the size limit (possible decompression bomb)",
        "huge.pdf": "the file is 200 MB, over the 100 MB limit",
        # a page with no text and nothing to read: OCR (where Tesseract is installed) finds nothing
        "scan.pdf": "no text layer, and OCR found no text on its pages"
        if tesseract()
        else "no text layer: the PDF looks scanned and needs OCR (install tesseract-ocr)",
        "image.txt": "binary content that is not PDF, DOCX or text",
        "fake.pdf": "named .pdf but its content is not PDF",
        "sheet.xlsx": "unsupported file type .xlsx",
    }


@pytest.mark.slow  # embeds the good files
def test_one_run_over_hostile_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    expected = build_inbox(inbox)
    home = tmp_path / "home"
    opened: list[str] = []
    real_open = pathlib.Path.open

    def recording_open(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", recording_open)
    result = CliRunner().invoke(cli, ["--home", str(home), "ingest", str(inbox)])

    assert result.exit_code == 2, result.output  # some failed, some were ingested
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"added 4, updated 0, unchanged 0, failed 11; \d+ chunks written", lines[0]), lines[0]
    failed = [line for line in lines[1:] if line.startswith("failed: ")]
    assert len(failed) == len(lines) - 1 == len(expected)
    for name, reason in expected.items():
        line = next(f for f in failed if f.startswith(f"failed: {inbox / name}: "))
        got = line[len(f"failed: {inbox / name}: ") :]
        if reason.endswith("…"):
            assert got.startswith(reason[:-1]) and len(got) > len(reason), line
        else:
            assert got == reason, line
    assert "huge.pdf" not in opened  # refused from its size alone, never read

    store = Store(Settings(home=home))
    docs = {d.source: d for d in store.documents()}
    assert sorted(docs) == ["cp1252.txt", "good.txt", "latin1.txt", "renamed.docx"]
    assert docs["renamed.docx"].kind == "pdf"
    assert store.document_text("latin1.txt") == LATIN1
    assert store.document_text("cp1252.txt") == CP1252
    assert store.document_text("renamed.docx") == "A progress report saved as a PDF"
    assert set(store.iter_all_vector_ids()) == {r["id"] for r in store.query("SELECT id FROM chunks")}

    from assistant.answer.assistant import Assistant

    answer = Assistant(Settings(home=home)).ask("How many civil servants did the programme train in 2022?")
    assert not answer.refused and "1,000" in answer.answer
    assert any(c.source == "good.txt" for c in answer.citations)

    again = CliRunner().invoke(cli, ["--home", str(home), "ingest", str(inbox)])
    assert again.exit_code == 2
    assert again.stdout.splitlines()[0] == "added 0, updated 0, unchanged 4, failed 11; 0 chunks written"


def test_a_run_where_every_file_fails_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.pdf"
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), "ingest", str(empty), str(missing)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "added 0, updated 0, unchanged 0, failed 2; 0 chunks written",
        f"failed: {missing}: no such file or folder",
        f"failed: {empty}: the file is empty",
    ]

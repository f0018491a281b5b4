"""OCR of PDF pages that have no text layer (scans), with Debian's Tesseract when installed.

A page with no characters is rendered by PDFium in grey at ``DPI`` and read by the
``tesseract`` command (English and Russian where their data is installed); each recognised
word becomes a ``Char`` in page points, so scanned pages go through the same line,
paragraph and heading reading as the others, and their locations say "OCR". Without
Tesseract a scanned PDF is refused with "needs OCR", as before.
"""

from __future__ import annotations

import csv
import functools
import io
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ingest.loaders.pdf_page import Char

logger = logging.getLogger(__name__)

DPI = 300  # Tesseract reads body text best at about 300 dots per inch
MIN_CONFIDENCE = 30  # words Tesseract is less sure of are left out rather than guessed
PAGE_TIMEOUT_S = 120
WANTED_LANGUAGES = ("eng", "rus")


@functools.cache
def tesseract() -> str | None:
    """The path of the ``tesseract`` command, or None when it is not installed."""
    return shutil.which("tesseract")


@functools.cache
def languages() -> str:
    """The wanted languages whose data is installed, as Tesseract's ``-l`` value."""
    command = tesseract()
    if command is None:
        return ""
    try:
        listed = subprocess.run([command, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    have = {line.strip() for line in listed.splitlines()[1:]}
    return "+".join(lang for lang in WANTED_LANGUAGES if lang in have) or "eng"


def _pgm(pixels: Any) -> bytes:
    """A greyscale bitmap (rows of bytes) as a binary PGM image, which Tesseract reads."""
    if pixels.ndim == 3:
        pixels = pixels[:, :, 0]
    height, width = pixels.shape
    return f"P5 {width} {height} 255\n".encode() + pixels.tobytes()


def ocr_chars(page: Any) -> list[Char]:
    """The words Tesseract reads on a ``pypdfium2`` page, as characters in page points
    (top-left origin, like ``pdf_page.read_chars``). Empty when Tesseract is missing or fails."""
    command = tesseract()
    if command is None:
        return []
    scale = DPI / 72
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = _pgm(bitmap.to_numpy())
    finally:
        bitmap.close()
    with tempfile.TemporaryDirectory(prefix="projdocs-ocr-") as folder:
        path = Path(folder) / "page.pgm"
        path.write_bytes(image)
        try:
            done = subprocess.run(
                [command, str(path), "stdout", "-l", languages(), "--psm", "3", "tsv"],
                capture_output=True,
                text=True,
                timeout=PAGE_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            logger.warning("OCR failed on a page: %s", exc)
            return []
    if done.returncode != 0:
        logger.warning("OCR failed on a page: %s", done.stderr.strip()[:200])
        return []
    return words_as_chars(done.stdout, scale)


def words_as_chars(tsv: str, scale: float) -> list[Char]:
    """Tesseract's TSV words as characters: one per word, a space before each, sized by the
    height of the word's line (pixels at ``scale`` turned back into points)."""
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    line_height: dict[tuple[str, str, str, str], float] = {}
    for row in rows:
        if row.get("level") == "4":
            line_height[(row["page_num"], row["block_num"], row["par_num"], row["line_num"])] = float(row["height"])
    out: list[Char] = []
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        left, top = float(row["left"]) / scale, float(row["top"]) / scale
        width, height = float(row["width"]) / scale, float(row["height"]) / scale
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        size = round(line_height.get(key, height * scale) / scale * 0.8, 1) or 1.0  # a line box is ~1.25 em
        out.append(Char(text, left, top, left + width, top + height, size, False, 0, True))
    return out

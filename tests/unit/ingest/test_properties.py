"""Property-based tests of the text loader, the table recogniser and the chunker.

Whatever the text (tabs, blank lines, tables, headings, any unicode), loading never fails
with anything but a clear ``IngestError``, and every chunk is made of verbatim lines of its
source that lie inside the line range its Location names.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.core.errors import IngestError
from assistant.core.types import Document, Location
from ingest.chunking import approx_tokens, chunk_document
from ingest.loaders import load_document
from ingest.tables import recognise_tables

SETTINGS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
CHARS = st.characters(blacklist_categories=("Cs",))  # anything UTF-8 can write
WORDS = st.sampled_from(
    [
        "Output",
        "Indicator",
        "Baseline",
        "Target",
        "2.3",
        "1,000",
        "50%",
        "women",
        "café",
        "Almaty",
        "–",
        "2022",
        "budget",
        "USD",
        "Activity",
        "1.9.",
        "Quality",
        "Rating:",
        "Satisfactory",
        "Evidence:",
        "Результат",
        "成果",
        "the",
        "of",
        "and",
    ]
)


@st.composite
def sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(WORDS, st.text(CHARS, min_size=1, max_size=8)), min_size=1, max_size=40))
    sep = draw(st.sampled_from([" ", "  ", " \t", ". ", "; "]))
    return sep.join(words) + draw(st.sampled_from(["", ".", "!", "?", ":", "  "]))


LINE = st.one_of(
    sentence(),
    st.builds(lambda s: "\t" + s, sentence()),  # a table cell
    st.builds(lambda s: " \t" + s, sentence()),
    st.builds(lambda n, s: "#" * n + " " + s, st.integers(1, 6), sentence()),  # Markdown heading
    st.builds(lambda s: f"**{s}**", sentence()),
    st.builds(lambda s: "- " + s, sentence()),
    st.sampled_from(
        [
            "",
            "",
            "\t",
            " ",
            "\t\t",
            "Results Framework",
            "Multi-Year Work Plan",
            "\tEXPECTED OUTPUTS\tOUTPUT INDICATORS\tDATA SOURCE\tBaseline\tYear 1\tYear 2\tFINAL",
            "\tOutput 1\t1.1 – Number of trainings\tReports\t0\t2021\t10\t20\t30",
            "1. Is the project strategic?",
            "- 3: *Fully aligned*",
            "Quality Rating: Satisfactory",
        ]
    ),
    st.text(CHARS, max_size=60),
)
DOCUMENT_TEXT = st.one_of(
    st.lists(LINE, min_size=1, max_size=60).map("\n".join),
    st.text(CHARS, max_size=400),
)


@pytest.fixture(scope="module")
def workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def load_text(folder: Path, text: str) -> Document | None:
    """The text written as a UTF-8 file and loaded; None where the loader refuses it clearly."""
    path = folder / "doc.txt"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        return load_document(path)
    except IngestError:
        return None


def in_range(piece: str, lines: list[str], loc: Location) -> bool:
    assert loc.line_start is not None and loc.line_end is not None, loc
    assert 1 <= loc.line_start <= loc.line_end <= len(lines), (loc, len(lines))
    return piece in "\n".join(lines[loc.line_start - 1 : loc.line_end])


@SETTINGS
@given(text=DOCUMENT_TEXT, max_tokens=st.sampled_from([12, 40, 200]))
def test_chunks_are_verbatim_lines_inside_their_location(workdir: Path, text: str, max_tokens: int) -> None:
    doc = load_text(workdir, text)
    if doc is None:
        assert not text.strip() or "\x00" in text or text.startswith(("%PDF", "PK\x03\x04"))
        return
    lines = doc.text.split("\n")
    for block in doc.blocks:
        assert in_range(block.text.strip(), lines, block.location), block
        for row in block.rows:
            for cell in row.cells:
                assert in_range(cell, lines, row.location), (cell, row.location)
    records = recognise_tables(doc)
    chunks = chunk_document(doc, records, max_tokens, approx_tokens, overlap=1)
    assert len({c.id for c in chunks}) == len(chunks)
    for chunk in chunks:
        assert chunk.text.strip(), chunk
        assert chunk.location.source == "doc.txt"
        if chunk.chunk_type not in ("text", "table_row"):
            continue
        for piece in chunk.text.split("\n"):
            assert piece in doc.text, (piece, chunk)
            assert in_range(piece, lines, chunk.location), (piece, chunk.location)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_bytes_load_or_fail_clearly(workdir: Path, data: bytes) -> None:
    path = workdir / "blob.txt"
    path.write_bytes(data)
    try:
        doc = load_document(path)
    except IngestError as exc:
        assert str(path) in str(exc) and "\n" not in exc.reason
        return
    assert doc.text.strip() and doc.blocks


@SETTINGS
@given(text=st.text(CHARS, min_size=1, max_size=200).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_loads_unchanged(workdir: Path, text: str) -> None:
    doc = load_text(workdir, text)
    if text.startswith(("%PDF", "PK\x03\x04")):
        return
    assert doc is not None
    assert doc.text == text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def test_one_enormous_paragraph_is_cut_in_linear_time() -> None:
    """A hostile file of one 300,000-character line: the chunker counts each character a
    few times, not once per piece (it took minutes with the real tokenizer)."""
    from assistant.core.types import Block

    text = " ".join(f"word{i}" for i in range(40_000))
    counted = 0

    def count(piece: str) -> int:
        nonlocal counted
        counted += len(piece)
        return approx_tokens(piece)

    doc = Document(
        "big.txt",
        "big.txt",
        "text",
        "big",
        text,
        (Block("paragraph", text, Location("big.txt", line_start=1, line_end=1)),),
    )
    chunks = chunk_document(doc, [], 200, count, overlap=1)
    assert counted < 10 * len(text)  # cutting one piece at a time from the rest: about 20,000 times
    assert " ".join(c.text for c in chunks if "\n" not in c.text).count("word39999") == 1
    assert all(approx_tokens(c.text) <= 200 for c in chunks)

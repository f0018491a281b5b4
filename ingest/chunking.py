"""Section-aware chunks that fit the embedder, plus one self-contained chunk per table row.

all-MiniLM-L6-v2 reads only the first 256 word pieces of a text, so chunks aim at
``Settings.chunk_tokens`` pieces and long paragraphs are split at sentence ends. Every
piece of a chunk is a verbatim line of its source (pieces are joined with newlines).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable

from assistant.core.records import Record, describe_record
from assistant.core.text import clean, split_sentences
from assistant.core.types import Block, Chunk, Document, Location

TokenCounter = Callable[[str], int]

# a QA form's numbered question ("7. Were social and environmental risks … monitored?"): the
# rubric levels and evidence below it answer it, so it is their section
_FORM_QUESTION = re.compile(r"^\s*\d{1,2}\.\s+[A-Z][^\n]{10,}\?\s*$")


def approx_tokens(text: str) -> int:
    """A quick estimate of word pieces (used where the tokenizer is not loaded)."""
    return int(len(re.findall(r"\w+|[^\w\s]", text)) * 1.15) + 1


def chunk_id(source: str, location: Location, text: str) -> str:
    key = f"{source}|{location}|{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, pos)
        if start < 0:  # split_sentences keeps verbatim spans; never expected
            continue
        pos = start + len(sentence)
        spans.append((start, pos))
    return spans


def _cut_words(piece: str, limit: int, count: TokenCounter) -> Iterable[str]:
    """A piece over the limit cut between words; each part is a verbatim span of it.

    Only windows of at most ``limit`` words are counted (a word is at least one token), so
    one enormous run of words costs linear time, not quadratic."""
    if count(piece) <= limit:
        if piece:
            yield piece
        return
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", piece)]
    i = 0
    while i < len(words):
        n = min(len(words) - i, max(limit, 1))
        while n > 1:
            tokens = count(piece[words[i][0] : words[i + n - 1][1]])
            if tokens <= limit:
                break
            n = max(1, min(n - 1, n * limit // tokens))
        yield piece[words[i][0] : words[i + n - 1][1]]
        i += n


def _pieces(block: Block, limit: int, count: TokenCounter) -> Iterable[str]:
    """A block's text, cut at sentence ends where it is longer than the limit. Each piece
    is a verbatim span of the block (the whitespace between its sentences kept as is)."""
    text = block.text.strip()
    if count(text) <= limit:
        if text:
            yield text
        return
    first: int | None = None
    last = 0
    for start, end in _sentence_spans(text):
        if first is not None and count(text[first:end]) > limit:
            yield from _cut_words(text[first:last], limit, count)
            first = None
        if first is None:
            first = start
        last = end
    if first is not None:
        yield from _cut_words(text[first:last], limit, count)


def _make(doc: Document, text: str, location: Location, section: tuple[str, ...], chunk_type: str) -> Chunk:
    return Chunk(
        id=chunk_id(doc.source, location, text),
        text=text,
        location=location,
        title=doc.title,
        section=" > ".join(section),
        doc_type=doc.doc_type,
        project_number=doc.project_number,
        chunk_type=chunk_type,
    )


def record_sentence(record: Record) -> str:
    """A record as one self-contained sentence, so that retrieval finds the row it comes from:
    "Indicator 2.3 Number of participants … (Output 2 …). Baseline: 7,300 50% women. Year 2
    (2022) target: 1,000 50% women. …" — composed from its cells and their column roles."""
    return describe_record(record)


def _unsaid(cells: Iterable[str], said: str) -> str:
    """The lines of words of a row's cells that ``said`` (its records' sentences) does not
    hold: what would otherwise be found in no chunk."""
    said = clean(said)
    out: list[str] = []
    for cell in cells:
        lines = [line.strip() for line in cell.split("\n") if line.strip()]
        # lines of words only: a budget cell's bare figure beside them would be a number out of context
        unsaid = [line for line in lines if clean(line) not in said and len(re.findall(r"[^\W\d_]{2,}", line)) >= 2]
        if unsaid and lines[0] not in unsaid:
            unsaid.insert(0, lines[0])  # whose they are: "Output 1 - …" above its "Gender marker: GEN1"
        out += unsaid
    return "\n".join(out)


def chunk_document(
    doc: Document,
    records: list[Record],
    max_tokens: int = 200,
    count: TokenCounter = approx_tokens,
    overlap: int = 1,
) -> list[Chunk]:
    """Text chunks by section, a chunk per table row, and a chunk per record."""
    chunks: list[Chunk] = []
    table_records = [r for r in records if r.location.table is not None]
    run: list[tuple[str, Location]] = []
    run_section: tuple[str, ...] = ()
    run_heading: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()

    def flush() -> None:
        nonlocal run
        if run:
            text = "\n".join(t for t, _ in run)
            loc = run[0][1]
            for _, other in run[1:]:
                loc = loc.span(other)
            chunks.append(_make(doc, text, loc, run_section, "text"))
        kept = run[-overlap:] if overlap and run else []
        run = [(t, loc) for t, loc in kept if count(t) < max_tokens // 2]

    for block in doc.blocks:
        if block.kind == "table":
            flush()
            run = []
            header = ""
            for row in block.rows:
                cells = [c for c in (clean(c) for c in row.cells) if c]
                if not cells:
                    continue
                if not header and len(cells) > 1:
                    header = " | ".join(cells)
                covering = [r for r in table_records if r.location.covers_row(row.location.table, row.location.row)]
                if covering:
                    # the record chunk says it better, but not what its record leaves out (an
                    # output cell's description and gender marker below the output's name)
                    text = _unsaid(row.cells, " ".join(record_sentence(r) for r in covering))
                    if not text:
                        continue
                else:
                    text = "\n".join(c.strip() for c in row.cells if c.strip())
                for piece in _pieces(Block("paragraph", text, row.location), max_tokens, count):
                    chunks.append(_make(doc, piece, row.location, block.section, "table_row"))
            continue
        if block.section != run_heading:
            run_heading, asked = block.section, ()
        if block.kind in ("paragraph", "list") and _FORM_QUESTION.match(block.text):
            asked = (clean(block.text),)  # what the form asks: the section of the answer below it
        section = (*block.section, *asked)
        if section != run_section:
            flush()
            run = []
            run_section = section
        for piece in _pieces(block, max_tokens, count):
            size = sum(count(t) for t, _ in run) + count(piece)
            if run and size > max_tokens:
                flush()
            run.append((piece, block.location))
    flush()
    for record in records:
        if record.kind == "table_map":
            continue
        text = record_sentence(record)
        chunks.append(_make(doc, text, record.location, (record.group,) if record.group else (), "record"))
    unique: dict[str, Chunk] = {c.id: c for c in chunks}
    return list(unique.values())

"""Documents indexed for a test as ingest reads them (tables recognised, chunks written), with
a constant vector per chunk: the answers under test read tables and text, not embeddings."""

from __future__ import annotations

from pathlib import Path

from assistant.core.settings import Settings
from assistant.store.database import Store


def indexed(home: Path, documents: dict[str, str | Path]) -> Store:
    """A store in ``home`` holding each document: text written to a file of that name beside
    ``home``, or a file already made (a DOCX)."""
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables

    store = Store(Settings(home=home, embedding_model="hashing"))
    for name, content in documents.items():
        path = content if isinstance(content, Path) else home.parent / name
        if not isinstance(content, Path):
            path.write_text(content, encoding="utf-8")
        doc = load_document(path)
        records = recognise_tables(doc)
        chunks = chunk_document(doc, records)
        store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    return store

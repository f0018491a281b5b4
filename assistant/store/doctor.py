"""The index check behind ``projdocs doctor``: check that the manifest (SQLite) and the vectors (Chroma) agree, and
repair what a crash or a lost file left behind.

What it checks, each a line of the report:

- the SQLite file itself (``PRAGMA quick_check``) and its FTS5 keyword index;
- vectors without a chunk row: left by a crash between the two writes of an ingest
  (harmless, never shown, but they take room in the nearest-neighbour results);
- chunk rows without a vector: the vector store lost them (the document still answers by
  keyword only);
- keyword rows (FTS5) that do not match the chunk rows: missing, extra or stale;
- chunk rows whose document is gone, and documents whose chunk count is not the one the
  manifest recorded (a half-written document: never expected);
- documents indexed with other settings or an older index version (their vectors are in
  another collection);
- documents whose file has changed or vanished since it was ingested (reported only).

``--repair`` (holding the ingest lock) removes the orphan vectors, re-embeds the chunks
without vectors from the text SQLite keeps, rebuilds the keyword rows, drops chunk rows
without a document and re-ingests half-written and other-index documents from their
files (a document whose file cannot be read any more is kept as it is). Changed and
vanished files are left to ``projdocs ingest`` and ``projdocs remove``: they are the
user's decision.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.settings import Settings
from assistant.core.text import file_sha256
from assistant.store.database import Store

logger = logging.getLogger(__name__)

Reingest = Callable[[list[str]], list[str]]  # sources -> what was done, a line each


@dataclass
class DoctorReport:
    """What ``check`` found."""

    documents: int = 0
    chunks: int = 0
    vectors: int = 0
    sqlite_errors: list[str] = field(default_factory=list)
    orphan_vectors: list[str] = field(default_factory=list)  # vector ids without a chunk row
    missing_vectors: list[str] = field(default_factory=list)  # chunk ids without a vector
    fts_missing: list[str] = field(default_factory=list)  # chunk ids without a keyword row
    fts_extra: list[str] = field(default_factory=list)  # keyword-row ids without a chunk (or duplicates)
    fts_stale: list[str] = field(default_factory=list)  # keyword text differs from the chunk text
    chunks_without_document: list[str] = field(default_factory=list)
    half_documents: list[tuple[str, int, int]] = field(default_factory=list)  # (source, recorded, found)
    other_index: list[str] = field(default_factory=list)  # sources indexed with other settings or version
    changed_files: list[tuple[str, str]] = field(default_factory=list)  # (source, path)
    vanished_files: list[tuple[str, str]] = field(default_factory=list)  # (source, path)

    @property
    def repairable(self) -> bool:
        return bool(
            self.orphan_vectors
            or self.missing_vectors
            or self.fts_missing
            or self.fts_extra
            or self.fts_stale
            or self.chunks_without_document
            or self.half_documents
            or self.other_index
        )

    @property
    def healthy(self) -> bool:
        return not (self.repairable or self.sqlite_errors or self.changed_files or self.vanished_files)

    def lines(self) -> list[str]:
        out = [f"{self.documents} documents, {self.chunks} chunks, {self.vectors} vectors"]
        out += [f"problem: the SQLite index is damaged: {e}" for e in self.sqlite_errors]

        def count(items: list[Any], what: str, fix: str) -> None:
            if items:
                out.append(f"problem: {len(items)} {what} ({fix})")

        count(
            self.orphan_vectors, "vectors without a chunk row, left by an interrupted ingest", "--repair deletes them"
        )
        count(self.missing_vectors, "chunks without a vector", "--repair embeds them again")
        count(self.fts_missing, "chunks missing from the keyword index", "--repair adds them")
        count(self.fts_extra, "keyword rows without a chunk", "--repair deletes them")
        count(self.fts_stale, "keyword rows whose text differs from the chunk", "--repair rewrites them")
        count(self.chunks_without_document, "chunk rows without a document", "--repair deletes them")
        for source, recorded, found in self.half_documents:
            out.append(
                f"problem: {source} has {found} chunk rows, the manifest says {recorded} "
                "(--repair ingests it again from its file)"
            )
        if self.other_index:
            out.append(
                f"problem: {len(self.other_index)} documents were indexed with other settings or an older "
                "version of the tool (--repair ingests them again)"
            )
        for source, path in self.changed_files:
            out.append(f"changed: {source}: {path} changed since it was ingested (run: projdocs ingest {path})")
        for source, path in self.vanished_files:
            out.append(f"vanished: {source}: {path} no longer exists (run: projdocs remove {source})")
        return out


def check(store: Store) -> DoctorReport:
    """Compare the manifest, chunk rows, keyword rows and vectors of ``store``."""
    report = DoctorReport()
    for (result,) in store.query("PRAGMA quick_check"):
        if result != "ok":
            report.sqlite_errors.append(str(result))
    try:
        store.query("INSERT INTO chunks_fts(chunks_fts) VALUES ('integrity-check')")
    except Exception as exc:  # sqlite3.DatabaseError: the FTS5 shadow tables disagree
        report.sqlite_errors.append(f"keyword index: {exc}")

    chunk_rows = {r["id"]: (r["source"], r["text"]) for r in store.query("SELECT id, source, text FROM chunks")}
    docs = store.documents()
    report.documents, report.chunks = len(docs), len(chunk_rows)
    vector_ids = set(store.iter_all_vector_ids())
    report.vectors = len(vector_ids)
    report.other_index = [d.source for d in docs if d.index_name != store.settings.index_name]
    elsewhere = set(report.other_index)  # their vectors are in another collection: re-ingest them
    report.orphan_vectors = sorted(vector_ids - chunk_rows.keys())
    report.missing_vectors = sorted(i for i in chunk_rows.keys() - vector_ids if chunk_rows[i][0] not in elsewhere)

    fts: dict[str, list[str]] = {}
    for r in store.query("SELECT id, text FROM chunks_fts"):
        fts.setdefault(r["id"], []).append(r["text"])
    report.fts_missing = sorted(chunk_rows.keys() - fts.keys())
    report.fts_extra = sorted(i for i, texts in fts.items() if i not in chunk_rows or len(texts) > 1)
    report.fts_stale = sorted(
        i for i, texts in fts.items() if i in chunk_rows and len(texts) == 1 and texts[0] != chunk_rows[i][1]
    )

    sources = {d.source for d in docs}
    report.chunks_without_document = sorted(i for i, (source, _) in chunk_rows.items() if source not in sources)
    found: dict[str, int] = {}
    for source, _ in chunk_rows.values():
        found[source] = found.get(source, 0) + 1
    for d in docs:
        if found.get(d.source, 0) != d.n_chunks or d.n_chunks == 0:
            report.half_documents.append((d.source, d.n_chunks, found.get(d.source, 0)))
        path = Path(d.path)
        if not path.is_file():
            report.vanished_files.append((d.source, d.path))
        elif file_sha256(path) != d.sha256:
            report.changed_files.append((d.source, d.path))
    return report


def repair_index(store: Store, settings: Settings, report: DoctorReport, reingest: Reingest) -> list[str]:
    """Fix what ``check`` found that can be fixed; returns what was done, one line each.

    ``reingest(sources)`` reads documents again from their files (ingestion is a layer above
    the store, so the caller passes it in). Call it holding the ingest lock."""
    done: list[str] = []
    if report.chunks_without_document:
        ids = report.chunks_without_document
        with store.db() as con:
            for start in range(0, len(ids), 500):
                batch = ids[start : start + 500]
                marks = ",".join("?" * len(batch))
                con.execute(f"DELETE FROM chunks_fts WHERE id IN ({marks})", batch)
                con.execute(f"DELETE FROM chunks WHERE id IN ({marks})", batch)
        done.append(f"deleted {len(ids)} chunk rows without a document")
    if report.fts_missing or report.fts_extra or report.fts_stale:
        ids = sorted(set(report.fts_missing) | set(report.fts_extra) | set(report.fts_stale))
        with store.db() as con:
            for chunk_id in ids:
                con.execute("DELETE FROM chunks_fts WHERE id = ?", (chunk_id,))
                con.execute("INSERT INTO chunks_fts (id, text) SELECT id, text FROM chunks WHERE id = ?", (chunk_id,))
        done.append(f"rebuilt {len(ids)} keyword rows")
    if report.half_documents or report.other_index:
        done += reingest(sorted({s for s, _, _ in report.half_documents} | set(report.other_index)))
    missing = [i for i in report.missing_vectors if i not in set(report.chunks_without_document)]
    if missing:
        done.append(f"embedded {_embed_again(store, settings, missing)} chunks again")
    orphans = store.orphan_vector_ids()  # counted again: the steps above may have changed them
    if orphans:
        store.prune_orphan_vectors()
        done.append(f"deleted {len(orphans)} vectors without a chunk row")
    return done


def _embed_again(store: Store, settings: Settings, ids: list[str]) -> int:
    """Vectors for chunk rows from the text SQLite keeps, embedded as at ingest."""
    from assistant.store.embeddings import embedding_text, get_embedder

    chunks = [c for start in range(0, len(ids), 500) for c in store.chunks(ids[start : start + 500]).values()]
    embedder = get_embedder(settings.embedding_model)
    for start in range(0, len(chunks), 256):
        batch = chunks[start : start + 256]
        vectors = embedder.embed([embedding_text(c.title, c.section, c.text) for c in batch])
        store.collection.upsert(
            ids=[c.id for c in batch],
            embeddings=vectors,
            documents=[c.text for c in batch],
            metadatas=[c.to_metadata() for c in batch],
        )
    return len(chunks)

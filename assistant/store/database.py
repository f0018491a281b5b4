"""The index: Chroma for vectors, SQLite beside it for everything else.

SQLite (``projdocs.sqlite3`` in the home) is the source of truth: the document manifest,
each document's text (quotes are checked against it), the chunks with an FTS5 keyword
index (BM25), and the extracted records. Chroma holds the chunk vectors. A document is
written vectors first, then one SQLite transaction; chunk ids that SQLite does not know
are ignored at query time and pruned later, so a crash never exposes half a document.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast
from urllib.parse import urlparse

from assistant.core.errors import StoreError
from assistant.core.records import Record, dump_body, load_body
from assistant.core.settings import Settings
from assistant.core.text import project_key
from assistant.core.types import Chunk, Document, Location
from assistant.store import search
from assistant.store.crash import crash_point
from assistant.store.exact import EXACT_LIMIT, ExactVectors
from assistant.store.schema import SCHEMA
from assistant.store.search import FilterCache, Filters, TermCounts  # Filters: imported from here by callers

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class StoredDocument:
    """A row of the manifest (without the text)."""

    source: str
    path: str
    kind: str
    sha256: str
    index_name: str
    title: str
    doc_type: str
    project_number: str
    related_projects: tuple[str, ...]
    period: tuple[int, int] | None
    pages: int | None
    n_chunks: int
    ingested_at: float
    projects: tuple[str, ...] | None = None  # chosen at upload or linked; None: its own number only
    owner: str = ""  # who uploaded it ("" without a login)

    @property
    def member_projects(self) -> tuple[str, ...]:
        """The project keys the document belongs to (never the ones it merely mentions)."""
        if self.projects is not None:
            return self.projects
        own = project_key(self.project_number)
        return (own,) if own else ()


class Store:
    """Access to the index of one home directory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.home.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._collection: Any = None
        self._filter_cache = FilterCache()
        self._term_counts = TermCounts()
        self._exact = ExactVectors()
        self._connection().executescript(SCHEMA)

    # SQLite ---------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            try:
                con = sqlite3.connect(self.settings.db_path, timeout=30, isolation_level=None)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot open the index at {self.settings.db_path}: {exc}") from exc
            con.execute("PRAGMA journal_mode=WAL")
            # WAL with NORMAL sync: a commit survives the process being killed (the crash tests);
            # a power cut may undo the last commits, never half of one, and re-ingest redoes them
            con.execute("PRAGMA synchronous=NORMAL")
            con.execute("PRAGMA foreign_keys=ON")
            con.row_factory = sqlite3.Row
            self._local.con = con
        return con

    class _Tx:
        def __init__(self, con: sqlite3.Connection) -> None:
            self.con = con

        def __enter__(self) -> sqlite3.Connection:
            self.con.execute("BEGIN IMMEDIATE")
            return self.con

        def __exit__(self, exc_type: Any, *_: object) -> None:
            self.con.execute("ROLLBACK" if exc_type else "COMMIT")

    def db(self) -> Store._Tx:
        """A write transaction (all or nothing)."""
        return Store._Tx(self._connection())

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._connection().execute(sql, params).fetchall()

    # Chroma -----------------------------------------------------------------------------
    @property
    def collection(self) -> Any:
        if self._collection is None:
            self._collection = self._open_collection()
        return self._collection

    def chroma_client(self) -> Any:
        """The Chroma client of this home: a `chroma run` server when a URL is set, else embedded."""
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if self.settings.chroma_url:
            url = urlparse(self.settings.chroma_url)
            return chromadb.HttpClient(
                host=url.hostname or "127.0.0.1",
                port=url.port or 8000,
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
        return chromadb.PersistentClient(path=str(self.settings.chroma_path), settings=chroma_settings)

    def _open_collection(self) -> Any:
        try:
            # our own vectors always: Chroma's default embedding function would download a model
            collection = self.chroma_client().get_or_create_collection(
                self.settings.index_name, embedding_function=None, configuration=search.HNSW_CONFIGURATION
            )
        except Exception as exc:  # chromadb raises many kinds
            where = self.settings.chroma_url or self.settings.chroma_path
            raise StoreError(f"cannot open the Chroma collection at {where}: {exc}") from exc
        search.widen_search(collection)
        return collection

    # documents --------------------------------------------------------------------------
    def documents(self) -> list[StoredDocument]:
        """The manifest (without the texts); every question reads it, so it is kept while the
        index is unchanged."""
        return list(self._cached("documents", self._read_documents))

    def _cached(self, name: str, read: Callable[[], T]) -> T:
        """``read()``, kept while the index is unchanged: SQLite's ``data_version`` tells of other
        connections' commits, the connection's ``total_changes`` of its own."""
        con = self._connection()  # one per thread; so are the reads kept (data_version is per connection)
        key = (con.execute("PRAGMA data_version").fetchone()[0], con.total_changes)
        reads: dict[str, tuple[tuple[int, int], Any]] = self._local.__dict__.setdefault("reads", {})
        hit = reads.get(name)
        if hit is None or hit[0] != key:
            hit = (key, read())
            reads[name] = hit
        return cast(T, hit[1])

    def _read_documents(self) -> list[StoredDocument]:
        rows = self.query(
            "SELECT source, path, kind, sha256, index_name, title, doc_type, project_number, related_projects, "
            "period_start, period_end, pages, n_chunks, ingested_at FROM documents ORDER BY source"
        )
        owners = {r["source"]: r["owner"] for r in self.query("SELECT source, owner FROM document_owners")}
        projects: dict[str, list[str]] = {}
        for r in self.query("SELECT source, project FROM document_projects ORDER BY project"):
            projects.setdefault(r["source"], []).append(r["project"])
        docs = [self._doc(r) for r in rows]
        chosen = set(owners) | set(projects)
        return [
            replace(d, projects=tuple(projects.get(d.source, ())), owner=owners.get(d.source, ""))
            if d.source in chosen
            else d
            for d in docs
        ]

    def document(self, source: str) -> StoredDocument | None:
        docs = [d for d in self.documents() if d.source == source]
        return docs[0] if docs else None

    @staticmethod
    def _doc(r: sqlite3.Row) -> StoredDocument:
        period = (r["period_start"], r["period_end"]) if r["period_start"] else None
        return StoredDocument(
            r["source"],
            r["path"],
            r["kind"],
            r["sha256"],
            r["index_name"],
            r["title"],
            r["doc_type"],
            r["project_number"],
            tuple(json.loads(r["related_projects"])),
            period,
            r["pages"],
            r["n_chunks"],
            r["ingested_at"],
        )

    def document_text(self, source: str) -> str | None:
        rows = self.query("SELECT text FROM documents WHERE source = ?", (source,))
        return rows[0]["text"] if rows else None

    def chunk_ids(self, source: str) -> set[str]:
        return {r["id"] for r in self.query("SELECT id FROM chunks WHERE source = ?", (source,))}

    def write_document(
        self,
        doc: Document,
        chunks: list[Chunk],
        vectors: list[list[float]],
        records: list[Record],
        reused_ids: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> None:
        """Replace ``doc``'s chunks, vectors and records: vectors first, then one transaction.

        ``reused_ids`` are chunks whose vectors are already in this collection (unchanged
        text of a changed file); their (empty) vectors are not written again."""
        self.write_vectors([(c, v) for c, v in zip(chunks, vectors) if c.id not in reused_ids])
        self.commit_document(doc, chunks, records)

    def write_vectors(self, pairs: Sequence[tuple[Chunk, list[float]]]) -> None:
        """Upsert chunks' vectors into Chroma, of one file or of many (one call per 500: a call
        costs tens of milliseconds whatever its size). Until ``commit_document`` they are orphans:
        searches ignore them and the next ingest prunes them."""
        for start in range(0, len(pairs), 500):
            batch = pairs[start : start + 500]
            self.collection.upsert(
                ids=[c.id for c, _ in batch],
                embeddings=[v for _, v in batch],
                # the text too, though SQLite keeps it: `assistant.langchain.vector_store` reads it
                documents=[c.text for c, _ in batch],
                metadatas=[c.to_metadata() for c, _ in batch],
            )
        crash_point("vectors")

    def commit_document(self, doc: Document, chunks: list[Chunk], records: list[Record]) -> None:
        """Replace ``doc``'s rows in one transaction (its vectors already written), then delete
        the vectors of its chunks that are gone."""
        old_ids = self.chunk_ids(doc.source)
        with self.db() as con:
            self._delete_rows(con, doc.source)
            con.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc.source,
                    doc.path,
                    doc.kind,
                    doc.sha256,
                    self.settings.index_name,
                    doc.title,
                    doc.doc_type,
                    doc.project_number,
                    json.dumps(list(doc.related_projects)),
                    doc.period[0] if doc.period else None,
                    doc.period[1] if doc.period else None,
                    doc.pages,
                    doc.text,
                    len(chunks),
                    time.time(),
                ),
            )
            con.executemany(
                "INSERT INTO chunks VALUES (?,?,?,?)",
                [(c.id, doc.source, c.text, json.dumps(c.to_metadata())) for c in chunks],
            )
            con.executemany("INSERT INTO chunks_fts (id, text) VALUES (?,?)", [(c.id, c.text) for c in chunks])
            con.executemany(
                "INSERT INTO records VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        r.source,
                        r.kind,
                        r.key,
                        r.label,
                        r.group,
                        dump_body(r),
                        json.dumps(r.location.to_metadata()),
                        json.dumps(list(r.notes)),
                    )
                    for r in records
                ],
            )
            crash_point("commit")
        crash_point("prune")
        stale = old_ids - {c.id for c in chunks}
        if stale:
            self.collection.delete(ids=sorted(stale))

    @staticmethod
    def _delete_rows(con: sqlite3.Connection, source: str) -> None:
        # the keyword table's id is unindexed: deleting from it reads the whole table, so only
        # when there is something to delete (a new document's first write must not cost O(index))
        if con.execute("SELECT 1 FROM chunks WHERE source = ? LIMIT 1", (source,)).fetchone():
            con.execute("DELETE FROM chunks_fts WHERE id IN (SELECT id FROM chunks WHERE source = ?)", (source,))
        con.execute("DELETE FROM chunks WHERE source = ?", (source,))
        con.execute("DELETE FROM records WHERE source = ?", (source,))
        con.execute("DELETE FROM documents WHERE source = ?", (source,))

    def remove_document(self, source: str) -> bool:
        """Forget a document; returns False when it was not in the index."""
        ids = self.chunk_ids(source)
        with self.db() as con:
            existed = con.execute("SELECT 1 FROM documents WHERE source = ?", (source,)).fetchone() is not None
            self._delete_rows(con, source)
            con.execute("DELETE FROM document_owners WHERE source = ?", (source,))  # its access rows too
            con.execute("DELETE FROM document_projects WHERE source = ?", (source,))
        if ids:
            self.collection.delete(ids=sorted(ids))
        return existed

    # chunks -----------------------------------------------------------------------------
    def chunks(self, ids: Sequence[str]) -> dict[str, Chunk]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.query(f"SELECT id, text, metadata FROM chunks WHERE id IN ({marks})", list(ids))
        return {r["id"]: Chunk.from_metadata(r["id"], r["text"], json.loads(r["metadata"])) for r in rows}

    def count_chunks(self) -> int:
        return int(self.query("SELECT COUNT(*) AS n FROM chunks")[0]["n"])

    def vocabulary(self) -> frozenset[str]:
        """Every word the indexed chunks hold (lower case, letters only)."""
        return self._term_counts.vocabulary(self._connection())

    def keyword_search(self, text: str, k: int, filters: Filters = Filters()) -> list[tuple[str, float]]:
        """Chunk ids ranked by BM25 (best first) with their scores (see ``assistant.store.search``)."""
        common = self._term_counts.common(self._connection(), text)
        return search.keyword_search(self.query, self._allowed(filters), text, k, common)

    def _allowed(self, filters: Filters) -> search.Allowed | None:
        """The chunk ids ``filters`` allow (cached while the index is unchanged); None: no filter."""
        if not filters:
            return None
        return self._filter_cache.allowed(self._connection(), filters)

    @staticmethod
    def _filter_sql(sql: str, params: list[Any], filters: Filters) -> tuple[str, list[Any]]:
        return search.filter_sql(sql, params, filters)

    def vector_search(self, vector: list[float], k: int, filters: Filters = Filters()) -> list[tuple[str, float]]:
        """Chunk ids nearest to ``vector`` (best first) with cosine similarity; only ids SQLite knows.
        Exact up to ``EXACT_LIMIT`` chunks (``exact``), Chroma's approximate HNSW above."""
        allowed = self._allowed(filters)
        every = self._cached(
            "chunk ids", lambda: tuple(r["id"] for r in self.query("SELECT id FROM chunks ORDER BY id"))
        )
        if len(every) <= EXACT_LIMIT:
            try:
                return self._exact.nearest(
                    self.collection, every, vector, k, None if allowed is None else allowed.id_set
                )
            except Exception as exc:
                raise StoreError(f"vector search failed: {exc}") from exc

        def where() -> dict[str, Any] | None:
            return search.chroma_where(
                filters, lambda: [d.source for d in self.documents() if matches_project(d, filters.project_number)]
            )

        try:
            res = search.nearest(self.collection, vector, k, allowed, where)
        except Exception as exc:
            if self.collection.count() == 0:
                return []
            raise StoreError(f"vector search failed: {exc}") from exc
        ids, dists = res["ids"][0], res["distances"][0]
        if allowed is not None:
            known = allowed.id_set
        elif ids:
            marks = ",".join("?" * len(ids))
            known = frozenset(r["id"] for r in self.query(f"SELECT id FROM chunks WHERE id IN ({marks})", ids))
        else:
            return []
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists) if i in known]

    # records ----------------------------------------------------------------------------
    def records(self, kind: str | None = None, sources: Sequence[str] = ()) -> list[Record]:
        """The records of ``kind`` (in key order; None: all, in the order written) in ``sources``
        (empty: all documents). The fact path reads them on every question, so they are decoded
        once per index state (as ``documents``)."""
        every, by_kind = self._cached("records", self._read_records)
        rows = by_kind.get(kind, ()) if kind else every
        if not sources:
            return list(rows)
        wanted = set(sources)
        return [r for r in rows if r.source in wanted]

    def _read_records(self) -> tuple[list[Record], dict[str, list[Record]]]:
        """All records in the order written, and by kind in key order (as the index on
        (kind, key) gave them when each question queried SQLite)."""
        every: list[Record] = []
        for r in self.query("SELECT * FROM records ORDER BY rowid"):
            cells, label_cell, table = load_body(r["fields"])
            record = Record(
                kind=r["kind"],
                key=r["key"],
                label=r["label"],
                cells=cells,
                location=Location.from_metadata(json.loads(r["location"])),
                source=r["source"],
                group=r["grp"],
                notes=tuple(json.loads(r["notes"])),
                label_cell=label_cell,
                table=table,
            )
            every.append(record)
        by_kind: dict[str, list[Record]] = {}
        for record in sorted(every, key=lambda r: r.key):  # stable: equal keys keep their order
            by_kind.setdefault(record.kind, []).append(record)
        return every, by_kind

    def iter_all_vector_ids(self) -> Iterator[str]:
        got = self.collection.get(include=[])
        yield from got["ids"]

    def orphan_vector_ids(self) -> list[str]:
        """Vector ids that no chunk row names (left by a crash between the two writes)."""
        vector_ids = set(self.iter_all_vector_ids())
        if not vector_ids:
            return []
        known = {r["id"] for r in self.query("SELECT id FROM chunks")}
        return sorted(vector_ids - known)

    def prune_orphan_vectors(self) -> int:
        """Delete the vectors no chunk row names; call it holding the ingest lock."""
        orphans = self.orphan_vector_ids()
        for start in range(0, len(orphans), 500):
            self.collection.delete(ids=orphans[start : start + 500])
        return len(orphans)


def matches_project(doc: StoredDocument, number: str) -> bool:
    """A document belongs to a project when its owner chose it (its own number, or an explicit
    link: ``StoredDocument.member_projects``); a project it merely mentions does not count."""
    n = project_key(number)
    return bool(n) and n in doc.member_projects

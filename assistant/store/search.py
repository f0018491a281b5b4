"""Keyword (FTS5 BM25) and vector (Chroma) search with metadata filters, for ``Store``.

Filters are resolved in SQLite once per filter and index state (``FilterCache``): the chunk ids
the filter allows. Keyword search ranks on the FTS5 table alone (no join per matching row) and
keeps the allowed ids. Vector search is exact up to ``exact.EXACT_LIMIT`` chunks (``exact``);
above it Chroma's HNSW is asked for the nearest among the allowed ids (far cheaper than a
``where`` filter on a large collection), falling back to ``where`` when Chroma lacks one of them
(a vector lost in a crash, until ``projdocs doctor --repair``).
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.core.text import STOPWORDS, project_key

logger = logging.getLogger(__name__)

Query = Callable[[str, Sequence[Any]], list[sqlite3.Row]]


@dataclass(frozen=True)
class Filters:
    """Metadata filters applied to both keyword and vector search."""

    sources: tuple[str, ...] = ()
    doc_type: str = ""
    project_number: str = ""

    def __bool__(self) -> bool:
        return bool(self.sources or self.doc_type or self.project_number)


def query_terms(text: str) -> list[str]:
    """The question's words for FTS5, each once: stopwords and single letters left out."""
    terms = []
    for w in re.findall(r"[\w.,%]+", text.lower()):
        w = w.strip(".,")
        if w in STOPWORDS:
            continue
        if len(w) > 1 or w.isdigit():
            terms.append(w.replace('"', ""))
    return list(dict.fromkeys(terms))


def fts_query(text: str, common: frozenset[str] = frozenset()) -> str:
    """A safe FTS5 query: the question's words OR-ed, each quoted; ``common`` words left out
    while rarer ones remain."""
    terms = query_terms(text)
    kept = [t for t in terms if t not in common] or terms
    return " OR ".join(f'"{t}"' for t in kept)


# Chroma's HNSW search is approximate. At its default ef_search (100) it missed about 1 in 120 of
# the true 32 nearest chunks of the seeds' questions, and which ones depended on how the graph
# happened to be built: a fresh index and the same index reopened answered some questions
# differently. At 400 it missed none (tests/unit/store/test_vector_recall.py) and a query on the
# seeds still takes about a millisecond. Yet CI's graph missed one at 400 too: an index of up to
# ``exact.EXACT_LIMIT`` chunks is searched exactly, and this applies only above that size.
HNSW_EF_SEARCH = 400
WIDEN_ATTEMPTS = 5  # SQLite's "database is locked" while another client writes passes in a moment
HNSW_CONFIGURATION = {"hnsw": {"space": "cosine", "ef_search": HNSW_EF_SEARCH}}


def widen_search(collection: Any) -> None:
    """Raise the ef_search of a collection made at Chroma's default (before this setting) to ours."""
    hnsw = (getattr(collection, "configuration", None) or {}).get("hnsw") or {}
    if int(hnsw.get("ef_search") or 0) >= HNSW_EF_SEARCH:
        return
    for attempt in range(WIDEN_ATTEMPTS):
        try:
            collection.modify(configuration={"hnsw": {"ef_search": HNSW_EF_SEARCH}})
            return
        except Exception as exc:  # an older server: its search stays approximate, as before
            if "locked" in str(exc) and attempt + 1 < WIDEN_ATTEMPTS:
                time.sleep(0.2 * (attempt + 1))  # another client of the same files is writing: wait
                continue
            logger.warning("could not raise the vector search's ef_search to %d: %s", HNSW_EF_SEARCH, exc)
            return


COMMON_SHARE = 0.25  # a word in more than this share of the chunks is "common" (see TermCounts)


class TermCounts:
    """How many chunks hold each word, from FTS5's vocabulary, kept while the index is unchanged.

    A word in more than ``COMMON_SHARE`` of the chunks weighs little in BM25 (its IDF is below a
    ninth of a rare word's on a large index; FTS5 makes it zero past half), yet ranking means
    scoring every chunk it matches: at 100k chunks one such word cost a keyword search 100 ms.
    So a question's common words are left out of the keyword query when rarer words remain
    (the "cutoff frequency" of Lucene's common-terms query); dense search still reads them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] = ()
        self._counts: dict[str, int] = {}
        self._total = 0
        self._vocabulary_key: tuple[Any, ...] = ()
        self._vocabulary: frozenset[str] = frozenset()

    def vocabulary(self, con: sqlite3.Connection) -> frozenset[str]:
        """Every word of the index (its letters only), read once per index state."""
        key = (id(con), con.execute("PRAGMA data_version").fetchone()[0], con.total_changes)
        with self._lock:
            if key != self._vocabulary_key:
                rows = con.execute("SELECT term FROM chunks_vocab").fetchall()
                self._vocabulary = frozenset(t for (t,) in rows if t.isalpha())
                self._vocabulary_key = key
            return self._vocabulary

    def common(self, con: sqlite3.Connection, text: str) -> frozenset[str]:
        key = (id(con), con.execute("PRAGMA data_version").fetchone()[0], con.total_changes)
        terms = [t for t in query_terms(text) if re.fullmatch(r"\w+", t)]  # one token: its count is exact
        with self._lock:
            if key != self._key:
                self._key, self._counts = key, {}
                self._total = int(con.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
            todo = [t for t in terms if t not in self._counts]
            for term in todo:
                row = con.execute("SELECT doc FROM chunks_vocab WHERE term = ?", (term,)).fetchone()
                self._counts[term] = int(row[0]) if row else 0
            return frozenset(t for t in terms if self._counts[t] > COMMON_SHARE * self._total)


def filter_sql(sql: str, params: list[Any], filters: Filters) -> tuple[str, list[Any]]:
    """``sql`` (over ``documents d``) with the filters' conditions AND-ed on."""
    if filters.sources:
        sql += f" AND d.source IN ({','.join('?' * len(filters.sources))})"
        params += list(filters.sources)
    if filters.doc_type:
        sql += " AND d.doc_type = ?"
        params.append(filters.doc_type)
    if filters.project_number:
        # the document's chosen projects, else (no owner, no link) its own number; never a mention
        number = project_key(filters.project_number)
        sql += (
            " AND (EXISTS (SELECT 1 FROM document_projects p WHERE p.source = d.source AND p.project = ?)"
            " OR (ltrim(d.project_number, '0') = ?"
            " AND NOT EXISTS (SELECT 1 FROM document_owners o WHERE o.source = d.source)"
            " AND NOT EXISTS (SELECT 1 FROM document_projects p2 WHERE p2.source = d.source)))"
        )
        params += [number, number]
    return sql, params


@dataclass(frozen=True)
class Allowed:
    """The chunks a filter allows, and how many chunks the index holds."""

    ids: tuple[str, ...]
    id_set: frozenset[str]
    total: int


class FilterCache:
    """The allowed chunk ids per filter, valid while the index is unchanged.

    SQLite's ``data_version`` (commits by other connections) and the connection's
    ``total_changes`` (its own) tell when the index changed; a few filters are kept."""

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._entries: dict[tuple[Any, ...], Allowed] = {}

    def allowed(self, con: sqlite3.Connection, filters: Filters) -> Allowed:
        version = con.execute("PRAGMA data_version").fetchone()[0]
        key = (filters, id(con), version, con.total_changes)
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None:
            return hit
        sql, params = filter_sql(
            "SELECT c.id FROM chunks c JOIN documents d ON d.source = c.source WHERE 1=1", [], filters
        )
        ids = tuple(r[0] for r in con.execute(sql, params))
        total = int(con.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])
        allowed = Allowed(ids, frozenset(ids), total)
        with self._lock:
            if len(self._entries) >= self.size:
                self._entries.pop(next(iter(self._entries)))
            self._entries[key] = allowed
        return allowed


def keyword_search(
    query: Query, allowed: Allowed | None, text: str, k: int, common: frozenset[str] = frozenset()
) -> list[tuple[str, float]]:
    """Chunk ids ranked by BM25 (best first) with their scores; ``allowed`` None: no filter;
    ``common``: words left out while rarer ones remain (``TermCounts``).

    The ranking is the FTS5 table's own (no join per match); with a filter, enough of the
    ranking is read to find ``k`` allowed ids (all of it when the filter is narrow)."""
    q = fts_query(text, common)
    if not q or (allowed is not None and not allowed.ids):
        return []
    sql = "SELECT id, bm25(chunks_fts) AS score FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY score"
    limit = k
    if allowed is not None:  # read about three times the matches expected to be allowed, else all
        share = len(allowed.ids) / max(allowed.total, 1)
        limit = int(3 * k / share) if share > 0.05 else -1
    try:
        rows = query(sql + " LIMIT ?", (q, limit))
        if allowed is not None:
            kept = [r for r in rows if r["id"] in allowed.id_set]
            if len(kept) < k and limit != -1 and len(rows) == limit:
                kept = [r for r in query(sql, (q,)) if r["id"] in allowed.id_set]
            rows = kept[:k]
    except sqlite3.OperationalError as exc:
        logger.warning("keyword search failed for %r: %s", q, exc)
        return []
    return [(r["id"], -float(r["score"])) for r in rows]


def chroma_where(filters: Filters, project_sources: Callable[[], list[str]]) -> dict[str, Any] | None:
    """The filters as a Chroma ``where`` (the fallback for ``vector_search``)."""
    conditions: list[dict[str, Any]] = []
    if filters.sources:
        conditions.append({"source": {"$in": list(filters.sources)}})
    if filters.doc_type:
        conditions.append({"doc_type": filters.doc_type})
    if filters.project_number:
        conditions.append({"source": {"$in": project_sources() or ["\x00none"]}})
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def nearest(
    collection: Any, vector: list[float], k: int, allowed: Allowed | None, where: Callable[[], Any]
) -> dict[str, Any]:
    """Chroma's nearest ``k``: among ``allowed`` ids when given, else with ``where()`` (made only
    then: a project's ``where`` lists its documents)."""
    if allowed is not None:
        if not allowed.ids:
            return {"ids": [[]], "distances": [[]]}
        try:
            return dict(
                collection.query(query_embeddings=[vector], n_results=k, ids=list(allowed.ids), include=["distances"])
            )
        except Exception as exc:  # an allowed id without a vector: filter by metadata instead
            logger.info("vector search by ids failed (%s); filtering by metadata", exc)
    return dict(collection.query(query_embeddings=[vector], n_results=k, where=where(), include=["distances"]))

"""Exact nearest-chunk search for an index of up to ``EXACT_LIMIT`` chunks, for ``Store``.

Chroma's HNSW search is approximate, and which near chunks it misses depends on how its graph
happened to be built: the same question over the same documents could be answered differently
on another machine, or once the index was reopened (CI missed a true neighbour at ef_search 400
that this machine never did). Up to ``EXACT_LIMIT`` chunks a question is scored against every
allowed vector instead: about a millisecond per 10k chunks, and the same answer everywhere.
Larger indexes keep Chroma's HNSW search (``search.nearest``).

The vectors are read from Chroma once and kept by chunk id, which names its text and the
collection its embedding model (``Settings.index_name``): a vector never changes under its id,
so an ingest only reads the new ones.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

EXACT_LIMIT = 50_000  # chunks; 77 MB of vectors at 384 dimensions
_READ_BATCH = 2_000


class ExactVectors:
    """The index's vectors as one matrix, shared by the threads of a process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ids: tuple[str, ...] = ()
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._names: list[str] = []  # the matrix's rows: the ids with a vector, sorted
        self._row: dict[str, int] = {}
        self._missing: frozenset[str] = frozenset()

    def nearest(
        self, collection: Any, ids: tuple[str, ...], vector: Sequence[float], k: int, allowed: frozenset[str] | None
    ) -> list[tuple[str, float]]:
        """The ``k`` chunks of ``ids`` (``allowed`` among them, None: all) nearest to ``vector`` by
        cosine similarity, best first; equal scores in chunk-id order. A chunk whose vector
        Chroma lacks (lost in a crash, until ``projdocs doctor --repair``) is left out."""
        matrix, names, row = self._current(collection, ids)
        if not names or k <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32)
        query /= np.linalg.norm(query) or 1.0
        if allowed is None:
            scores = matrix @ query
        else:
            names = sorted(i for i in allowed if i in row)
            scores = matrix[[row[i] for i in names]] @ query if names else np.zeros(0, dtype=np.float32)
        if len(names) > k:  # keep everything tied with the k-th, then order ties by id
            kth = np.partition(-scores, k - 1)[k - 1]
            keep = np.flatnonzero(-scores <= kth)
        else:
            keep = np.arange(len(names))
        best = sorted(keep, key=lambda j: (-float(scores[j]), names[j]))[:k]
        return [(names[j], float(scores[j])) for j in best]

    def _current(self, collection: Any, ids: tuple[str, ...]) -> tuple[np.ndarray, list[str], dict[str, int]]:
        """The matrix for ``ids``: the vectors already read are kept, the new ones read."""
        with self._lock:
            if not self._missing and (ids is self._ids or ids == self._ids):
                self._ids = ids
                return self._matrix, self._names, self._row
            old = {chunk_id: self._matrix[j] for chunk_id, j in self._row.items()}
            wanted = [i for i in ids if i not in old]
            for start in range(0, len(wanted), _READ_BATCH):
                got = collection.get(ids=wanted[start : start + _READ_BATCH], include=["embeddings"])
                for chunk_id, embedding in zip(got["ids"], got["embeddings"], strict=True):
                    v = np.asarray(embedding, dtype=np.float32)
                    old[chunk_id] = v / (np.linalg.norm(v) or 1.0)
            present = sorted(i for i in set(ids) if i in old)
            self._names, self._row = present, {chunk_id: j for j, chunk_id in enumerate(present)}
            dims = len(old[present[0]]) if present else 0
            self._matrix = np.stack([old[i] for i in present]) if present else np.zeros((0, dims), dtype=np.float32)
            self._missing = frozenset(ids) - set(present)
            self._ids = ids
            return self._matrix, self._names, self._row

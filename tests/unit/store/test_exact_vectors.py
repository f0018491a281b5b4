"""Vector search over an index of up to ``EXACT_LIMIT`` chunks is exact and follows the index:
new chunks are found, removed ones are not, a lost vector is left out until it is repaired;
a larger index keeps Chroma's HNSW search."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.core.settings import Settings
from assistant.core.types import Chunk, Document, Location
from assistant.store import database
from assistant.store.database import Filters, Store
from assistant.store.embeddings import get_embedder

EMBEDDER = get_embedder("hashing")


def _add(store: Store, source: str, texts: list[str]) -> None:
    chunks = [
        Chunk(id=f"{source}-{j}", text=t, location=Location(source, line_start=j + 1), title=source)
        for j, t in enumerate(texts)
    ]
    doc = Document(source=source, path=source, kind="text", title=source, text="\n".join(texts), blocks=())
    store.write_document(doc, chunks, EMBEDDER.embed(texts), [])


def _exact(store: Store, text: str, k: int) -> list[str]:
    stored = store.collection.get(include=["embeddings"])
    rows = np.asarray(stored["embeddings"], dtype=np.float32)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    query = np.asarray(EMBEDDER.embed([text])[0], dtype=np.float32)
    scores = rows @ (query / np.linalg.norm(query))
    return [stored["ids"][j] for j in sorted(range(len(scores)), key=lambda j: (-scores[j], stored["ids"][j]))[:k]]


def _search(store: Store, text: str, k: int, filters: Filters = Filters()) -> list[str]:
    return [i for i, _ in store.vector_search(EMBEDDER.embed([text])[0], k, filters)]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(Settings(home=tmp_path / "home", embedding_model="hashing"))
    _add(store, "a.txt", ["training of judges in Almaty", "the budget of output 1", "risk log and mitigation"])
    _add(store, "b.txt", ["civil service training centre", "annual work plan 2022", "judges trained in 2022"])
    return store


def test_the_nearest_chunks_are_the_exact_nearest_and_follow_the_index(store: Store) -> None:
    assert _search(store, "judges training", 4) == _exact(store, "judges training", 4)

    _add(store, "c.txt", ["judges training judges training"])
    assert _search(store, "judges training", 1) == ["c.txt-0"]  # a new chunk is found at once
    store.remove_document("a.txt")
    got = _search(store, "judges training", 10)
    assert got == _exact(store, "judges training", 4)[: len(got)] and not any(i.startswith("a.txt") for i in got)
    assert _search(Store(store.settings), "judges training", 10) == got  # a reopened index answers the same


def test_a_filter_keeps_only_its_chunks(store: Store) -> None:
    assert set(_search(store, "judges training", 10, Filters(sources=("b.txt",)))) == {"b.txt-0", "b.txt-1", "b.txt-2"}


def test_a_chunk_whose_vector_was_lost_is_left_out_until_repaired(store: Store) -> None:
    vector = store.collection.get(ids=["a.txt-0"], include=["embeddings"])["embeddings"][0]
    store.collection.delete(ids=["a.txt-0"])
    assert "a.txt-0" not in _search(store, "training of judges in Almaty", 10)
    store.collection.upsert(ids=["a.txt-0"], embeddings=[vector], documents=["training of judges in Almaty"])
    assert _search(store, "training of judges in Almaty", 1) == ["a.txt-0"]


def test_a_larger_index_keeps_chromas_search(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = _search(store, "judges training", 3)
    monkeypatch.setattr(database, "EXACT_LIMIT", 2)
    seen: list[int] = []
    query = store.collection.query
    monkeypatch.setattr(store.collection, "query", lambda **kw: seen.append(kw["n_results"]) or query(**kw))
    assert _search(store, "judges training", 3) == exact  # six chunks: HNSW finds them all
    assert seen == [3]

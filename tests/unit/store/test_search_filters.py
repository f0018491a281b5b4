"""Filtered keyword and vector search give the ids the straightforward way gives: a join per
match (keyword) and exact cosine over the allowed chunks' vectors, after the filter became a
set of allowed ids."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from assistant.core.settings import Settings
from assistant.core.types import Chunk, Document, Location
from assistant.store.database import Filters, Store, matches_project
from assistant.store.embeddings import get_embedder
from assistant.store.search import fts_query

WORDS = "budget target indicator training judges conference report Almaty region audit".split()


def _store(home: Path) -> Store:
    store = Store(Settings(home=home, embedding_model="hashing"))
    rng = random.Random(3)
    embedder = get_embedder("hashing")
    for i in range(12):
        source = f"doc-{i:02d}.txt"
        texts = [" ".join(rng.choice(WORDS) for _ in range(8)) + f" item {i}-{j}" for j in range(15)]
        doc_type = "qa_report" if i % 3 == 0 else "project_document"
        number = ["00123513", "00108694", "00099999"][i % 3]
        chunks = [
            Chunk(id=f"c-{i}-{j}", text=t, location=Location(source, line_start=j + 1), title=source, doc_type=doc_type)
            for j, t in enumerate(texts)
        ]
        doc = Document(
            source=source, path=source, kind="text", title=source, text="\n".join(texts), blocks=(),
            doc_type=doc_type, project_number=number,
        )  # fmt: skip
        store.write_document(doc, chunks, embedder.embed(texts), [])
    with store.db() as con:  # doc-01 linked to 123513 too; doc-03 owned (own number no longer counts)
        con.execute("INSERT INTO document_projects VALUES ('doc-01.txt', '123513', '', 0)")
        con.execute("INSERT INTO document_projects VALUES ('doc-01.txt', '108694', '', 0)")
        con.execute("INSERT INTO document_owners VALUES ('doc-03.txt', 'alice', 0)")
    return store


FILTERS = [
    Filters(project_number="00123513"),
    Filters(project_number="108694", doc_type="project_document"),
    Filters(doc_type="qa_report"),
    Filters(sources=("doc-02.txt", "doc-05.txt")),
    Filters(project_number="424242"),
]


def _keyword_reference(store: Store, text: str, k: int, filters: Filters) -> list[tuple[str, float]]:
    sql = (
        "SELECT f.id AS id, bm25(chunks_fts) AS score FROM chunks_fts f JOIN chunks c ON c.id = f.id "
        "JOIN documents d ON d.source = c.source WHERE chunks_fts MATCH ?"
    )
    sql, params = store._filter_sql(sql, [fts_query(text)], filters)
    return [(r["id"], -r["score"]) for r in store.query(sql + " ORDER BY score LIMIT ?", [*params, k])]


@pytest.mark.parametrize("filters", FILTERS)
def test_filtered_keyword_search_keeps_the_same_ids(tmp_path: Path, filters: Filters) -> None:
    store = _store(tmp_path / "home")
    for question in ("budget target for the judges", "audit report Almaty", "conference"):
        got = store.keyword_search(question, 10, filters)
        want = _keyword_reference(store, question, 10, filters)
        assert [round(s, 9) for _, s in got] == [round(s, 9) for _, s in want], (filters, question)
        scores = dict(_keyword_reference(store, question, 1000, filters))  # equal scores may swap at the cut
        assert all(i in scores and round(scores[i], 9) == round(s, 9) for i, s in got), (filters, question)


@pytest.mark.parametrize("filters", FILTERS)
def test_filtered_vector_search_keeps_the_same_ids(tmp_path: Path, filters: Filters) -> None:
    store = _store(tmp_path / "home")
    allowed = {
        d.source for d in store.documents() if not filters.project_number or matches_project(d, filters.project_number)
    }
    if filters.sources:
        allowed &= set(filters.sources)
    if filters.doc_type:
        allowed &= {d.source for d in store.documents() if d.doc_type == filters.doc_type}
    vector = get_embedder("hashing").embed(["budget target for the judges"])[0]
    got = store.vector_search(vector, 10, filters)
    everything = store.collection.get(include=["metadatas", "embeddings"])
    query = np.asarray(vector) / np.linalg.norm(vector)
    scored = [
        (-round(float(np.dot(query, e / np.linalg.norm(e))), 5), i)
        for i, m, e in zip(everything["ids"], everything["metadatas"], everything["embeddings"], strict=True)
        if m["source"] in allowed
    ]
    want = [i for _, i in sorted(scored)[:10]]  # the exact nearest, equal scores in id order
    assert [i for i, _ in got] == want, filters
    assert [round(s, 5) for _, s in got] == [-s for s, _ in sorted(scored)[:10]]


def test_the_allowed_ids_follow_changes_to_the_index(tmp_path: Path) -> None:
    store = _store(tmp_path / "home")
    project = Filters(project_number="99999")
    before = {i for i, _ in store.keyword_search("budget target audit conference", 200, project)}
    assert before and all(i.startswith(("c-2-", "c-5-", "c-8-", "c-11-")) for i in before)
    store.remove_document("doc-05.txt")
    after = {i for i, _ in store.keyword_search("budget target audit conference", 200, project)}
    assert after == {i for i in before if not i.startswith("c-5-")}
    other = Store(store.settings)  # another connection's commit is seen too
    other.remove_document("doc-08.txt")
    vector = get_embedder("hashing").embed(["budget"])[0]
    assert not any(i.startswith(("c-5-", "c-8-")) for i, _ in store.vector_search(vector, 100, project))

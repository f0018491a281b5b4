"""Hybrid retrieval: BM25 (SQLite FTS5) and dense vectors (Chroma), fused by reciprocal rank."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core.settings import Settings
from assistant.core.types import Chunk
from assistant.store.database import Filters, Store
from assistant.store.embeddings import get_embedder

RRF_K = 60  # the usual constant: damps the weight of the very first ranks
STANDS_OUT = 2.0  # a first match scoring this many times the second is a distinct match


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the ranks that produced it."""

    chunk: Chunk
    score: float
    dense_rank: int | None
    keyword_rank: int | None
    similarity: float  # cosine similarity to the question (0 when only BM25 found it)


def fuse(rankings: list[list[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion of several best-first id lists."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, chunk_id in enumerate(ranking):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1.0 / (k + rank + 1)
    return scores


def standout(ranked: list[tuple[str, float]]) -> str | None:
    """The first id of a scored ranking when it scores far above the second: the only chunk
    holding a question's rare words ("Zanzibar ferry"). Rank fusion alone would let chunks
    that both rankings place middling push it out."""
    if not ranked or ranked[0][1] <= 0:
        return None
    if len(ranked) == 1 or ranked[0][1] >= STANDS_OUT * max(ranked[1][1], 0.0):
        return ranked[0][0]
    return None


class Retriever:
    """Retrieves chunks for a question from one store."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings

    def search(
        self,
        question: str,
        k: int | None = None,
        filters: Filters = Filters(),
        *,
        vector: list[float] | None = None,
        keywords: str | None = None,
    ) -> list[Hit]:
        """The ``k`` best chunks for ``question``, best first.

        ``vector`` is the question's embedding when the caller has it already (a batch of
        queries embedded at once); ``keywords`` replaces the text given to BM25.
        """
        k = k or self.settings.top_k
        pool = max(k * 4, 20)
        if vector is None:
            vector = get_embedder(self.settings.embedding_model).embed([question])[0]
        # equal scores (a repeated header row, a table split into identical cells) in id order,
        # not in whatever order the index returned them, so a question is answered the same each time
        dense = sorted(self.store.vector_search(vector, pool, filters), key=lambda p: (-p[1], p[0]))
        keyword = sorted(self.store.keyword_search(keywords or question, pool, filters), key=lambda p: (-p[1], p[0]))
        dense_ids = [i for i, _ in dense]
        keyword_ids = [i for i, _ in keyword]
        scores = fuse([dense_ids, keyword_ids])
        for ranked in (dense, keyword):
            if (first := standout(ranked)) is not None:
                scores[first] += 1.0 / (RRF_K + 1)  # as if the other ranking had put it first too
        ranked_ids = sorted(scores, key=lambda i: (-scores[i], i))
        chunks = self.store.chunks(ranked_ids[: 2 * k])
        similarity = dict(dense)
        hits: list[Hit] = []
        seen: set[tuple[str, str]] = set()
        for chunk_id in ranked_ids[: 2 * k]:
            if len(hits) == k:
                break
            if chunk_id not in chunks:
                continue
            said = (chunks[chunk_id].location.source, chunks[chunk_id].text)
            if said in seen:
                continue  # a repeated header row or boilerplate: its first place says it all
            seen.add(said)
            hits.append(
                Hit(
                    chunks[chunk_id],
                    scores[chunk_id],
                    dense_ids.index(chunk_id) if chunk_id in similarity else None,
                    keyword_ids.index(chunk_id) if chunk_id in keyword_ids else None,
                    similarity.get(chunk_id, 0.0),
                )
            )
        return hits

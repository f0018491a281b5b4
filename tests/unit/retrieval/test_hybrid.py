"""Hybrid retrieval's ranking: what rank fusion keeps when the two rankings disagree."""

from __future__ import annotations

from typing import Any

from assistant.core.settings import Settings
from assistant.core.types import Chunk, Location
from assistant.retrieval.hybrid import Retriever


class _Rankings:
    """A store whose two rankings are given: (id, score) best first, and each id's text."""

    def __init__(self, dense: list[tuple[str, float]], keyword: list[tuple[str, float]], texts: dict[str, str]):
        self.dense, self.keyword, self.texts = dense, keyword, texts

    def vector_search(self, vector: list[float], k: int, filters: Any) -> list[tuple[str, float]]:
        return self.dense[:k]

    def keyword_search(self, text: str, k: int, filters: Any) -> list[tuple[str, float]]:
        return self.keyword[:k]

    def chunks(self, ids: list[str]) -> dict[str, Chunk]:
        return {i: Chunk(i, self.texts[i], Location(source="doc.txt"), "Doc") for i in ids if i in self.texts}


def _search(store: _Rankings, k: int) -> list[str]:
    retriever = Retriever(store, Settings())  # type: ignore[arg-type]
    return [h.chunk.id for h in retriever.search("Where do staff file the Zanzibar ferry report?", k, vector=[0.0])]


def test_the_only_passage_holding_the_rare_words_is_not_pushed_out_by_middling_ones() -> None:
    # ten table rows that both rankings place middling ("File Name | Modified By") and one note
    # that BM25 alone finds, scoring four times the next match
    rows = [f"row{i}" for i in range(10)]
    texts = {r: f"File Name {r} Modified By staff" for r in rows} | {"note": "Staff file the Zanzibar ferry report"}
    dense = [(r, 0.4 - i / 100) for i, r in enumerate(rows)]
    keyword = [("note", 21.9)] + [(r, 5.0 - i / 100) for i, r in enumerate(rows)]
    assert "note" in _search(_Rankings(dense, keyword, texts), 3)


def test_a_first_match_no_better_than_the_next_gets_no_lift() -> None:
    rows = [f"row{i}" for i in range(10)]
    texts = {r: f"text {r}" for r in rows} | {"other": "other text"}
    dense = [(r, 0.4 - i / 100) for i, r in enumerate(rows)]
    keyword = [("other", 5.1)] + [(r, 5.0 - i / 100) for i, r in enumerate(rows)]
    assert _search(_Rankings(dense, keyword, texts), 3) == ["row0", "row1", "row2"]


def test_a_repeated_text_is_retrieved_once() -> None:
    # a table's header row repeated on every page says nothing new the second time
    texts = {"a": "# File Name Modified By", "b": "# File Name Modified By", "c": "Staff file reports weekly"}
    ranked = [("a", 0.5), ("b", 0.45), ("c", 0.4)]
    assert _search(_Rankings(ranked, ranked, texts), 2) == ["a", "c"]

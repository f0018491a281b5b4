"""The naive LangChain pipeline a tutorial user would build, as a yardstick for retrieval.

Raw text files → ``RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`` →
the same all-MiniLM-L6-v2 (``HuggingFaceEmbeddings`` on the bundled local path, offline) →
an in-memory ``langchain_chroma.Chroma`` collection of its own → ``similarity_search(k)``.
No table handling, no keyword search, no metadata. Scored with the same recall@k definition
as ours (``evals.scorer.evidence_recall``). Only plain-text files are read (the tutorial's
``TextLoader``, which lives in ``langchain_community``, is not installed: a plain read is
the same thing).
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.scorer import GoldItem, evidence_recall, percentile

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
TEXT_SUFFIXES = {".txt", ".md"}


@dataclass(frozen=True)
class BaselineResult:
    """Retrieval quality and cost of the naive pipeline."""

    k: int
    n_chunks: int
    n_questions: int
    recall_at_k: float | None
    found: dict[str, bool]
    build_s: float
    query_p50_s: float
    query_p95_s: float


class NaiveRAG:
    """Split, embed and index text files the tutorial way."""

    def __init__(self, files: Sequence[Path]) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_core.documents import Document
        from langchain_huggingface import HuggingFaceEmbeddings
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        from assistant.store.embeddings import bundled_model_path

        docs = [
            Document(page_content=f.read_text(encoding="utf-8", errors="replace"), metadata={"source": f.name})
            for f in files
        ]
        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
        self.chunks = splitter.split_documents(docs)
        embeddings = HuggingFaceEmbeddings(
            model_name=str(bundled_model_path()),
            model_kwargs={"device": "cpu"},
            encode_kwargs={"normalize_embeddings": True},
        )
        # an in-memory client and a collection name of its own: never touches our index
        client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        self.db: Any = Chroma(
            collection_name=f"naive-baseline-{uuid.uuid4().hex[:8]}",
            embedding_function=embeddings,
            client=client,
            collection_metadata={"hnsw:space": "cosine"},
        )
        self.db.add_documents(self.chunks)
        self.query_times: list[float] = []

    def search(self, question: str, k: int) -> list[str]:
        start = time.perf_counter()
        found = self.db.similarity_search(question, k=k)
        self.query_times.append(time.perf_counter() - start)
        return [d.page_content for d in found]

    def close(self) -> None:
        try:
            self.db.delete_collection()
        except Exception as exc:  # pragma: no cover - best-effort cleanup of a throwaway index
            logger.debug("could not delete the baseline collection: %s", exc)


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)


def run_baseline(corpus: Path, items: Sequence[GoldItem], k: int = 5) -> BaselineResult:
    """Build the naive index over ``corpus`` and measure its evidence recall@k on ``items``."""
    start = time.perf_counter()
    rag = NaiveRAG(corpus_files(corpus))
    build_s = time.perf_counter() - start
    try:
        found = evidence_recall(items, rag.search, k)
    finally:
        rag.close()
    return BaselineResult(
        k=k,
        n_chunks=len(rag.chunks),
        n_questions=len(found),
        recall_at_k=sum(found.values()) / len(found) if found else None,
        found=found,
        build_s=build_s,
        query_p50_s=percentile(rag.query_times, 50),
        query_p95_s=percentile(rag.query_times, 95),
    )

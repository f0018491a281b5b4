"""LangChain adapters: our hybrid retrieval as a ``BaseRetriever``, our index as a Chroma store.

``ProjdocsRetriever(settings=...)`` returns LangChain ``Document``s (the chunk text, with flat
metadata: source, location, page, project, doc_type, chunk_type, score), filtered by project,
document type or sources, for any chain::

    from assistant.langchain import ProjdocsRetriever
    retriever = ProjdocsRetriever(settings=load_settings(), k=4, project="00123513")
    chain = retriever | (lambda docs: "\\n".join(d.page_content for d in docs))

``vector_store(settings)`` opens the same Chroma collection as a ``langchain_chroma.Chroma``
with our embeddings: the bundled all-MiniLM-L6-v2 through ``langchain_huggingface`` (normalised,
as ingest wrote them), or ``ProjdocsEmbeddings`` for another configured embedder. The retriever
applies no login: give it the filters a caller may use (``assistant.access.policy``).
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field, PrivateAttr

from assistant.core.settings import Settings
from assistant.store.database import Filters, Store


class ProjdocsRetriever(BaseRetriever):
    """Hybrid retrieval (BM25 + dense vectors, fused) over one home's index."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    settings: Settings = Field(description="The home to search (``load_settings()``).")
    k: int = Field(default=8, description="How many passages to return.")
    project: str = Field(default="", description="Only documents of this project number.")
    doc_type: str = Field(default="", description="Only documents of this type (project_document, qa_report…).")
    sources: list[str] = Field(default_factory=list, description="Only these documents (file names).")
    _retriever: Any = PrivateAttr(default=None)

    def _search(self) -> Any:
        if self._retriever is None:
            from assistant.retrieval.hybrid import Retriever
            from assistant.store.database import Store

            self._retriever = Retriever(Store(self.settings), self.settings)
        return self._retriever

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        filters = Filters(sources=tuple(self.sources), doc_type=self.doc_type, project_number=self.project)
        hits = self._search().search(query, self.k, filters) if query.strip() else []
        out = []
        for hit in hits:
            c = hit.chunk
            metadata = {
                "source": c.location.source,
                "location": str(c.location),
                "page": c.location.page,
                "project": c.project_number,
                "doc_type": c.doc_type,
                "chunk_type": c.chunk_type,
                "section": c.section,
                "title": c.title,
                "score": hit.score,
            }
            out.append(Document(page_content=c.text, metadata=metadata, id=c.id))
        return out


class ProjdocsEmbeddings(Embeddings):
    """The configured embedder (``settings.embedding_model``) as LangChain ``Embeddings``."""

    def __init__(self, settings: Settings) -> None:
        from assistant.store.embeddings import get_embedder

        self._embedder = get_embedder(settings.embedding_model)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.embed(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._embedder.embed([text])[0]


def embeddings(settings: Settings) -> Embeddings:
    """Our embeddings for LangChain: the bundled model through ``langchain_huggingface``."""
    if settings.embedding_model:
        return ProjdocsEmbeddings(settings)
    from langchain_huggingface import HuggingFaceEmbeddings

    from assistant.store.embeddings import bundled_model_path

    return HuggingFaceEmbeddings(
        model_name=str(bundled_model_path()), encode_kwargs={"normalize_embeddings": True}, model_kwargs={}
    )


def vector_store(settings: Settings) -> Any:
    """Our Chroma collection as a ``langchain_chroma.Chroma`` (read it; ``projdocs ingest`` writes it)."""
    from langchain_chroma import Chroma

    return Chroma(
        client=Store(settings).chroma_client(),
        collection_name=settings.index_name,
        embedding_function=embeddings(settings),
        collection_metadata={"hnsw:space": "cosine"},
    )

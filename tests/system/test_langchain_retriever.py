"""``assistant.langchain``: the retriever in a LangChain runnable chain, and our Chroma collection
as a ``langchain_chroma`` vector store with our embeddings."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_retriever_in_a_runnable_chain_finds_the_2022_row(corpus_settings) -> None:
    from langchain_core.runnables import RunnableLambda

    from assistant.langchain import ProjdocsRetriever

    retriever = ProjdocsRetriever(settings=corpus_settings, k=6)
    chain = retriever | RunnableLambda(lambda docs: [(d.metadata["source"], d.page_content) for d in docs])
    got = chain.invoke("What were the 2022 targets for indicator 2.3?")
    assert any("2.3" in text and "1,000" in text for _, text in got)
    doc = retriever.invoke("indicator 2.3 targets")[0]
    assert {"source", "location", "page", "project", "doc_type", "score"} <= set(doc.metadata)
    only_qa = ProjdocsRetriever(settings=corpus_settings, k=3, doc_type="qa_report").invoke("ratings")
    assert only_qa and {d.metadata["doc_type"] for d in only_qa} == {"qa_report"}


def test_our_collection_as_a_langchain_chroma_store(corpus_settings) -> None:
    from assistant.langchain import vector_store

    store = vector_store(corpus_settings)
    found = store.similarity_search("participants in capacity development events, Year 2 (2022) target", k=8)
    assert found and all(d.metadata.get("source") for d in found)
    assert any("2.3" in d.page_content for d in found)

"""What the store keeps between questions (the manifest, the records, words' chunk counts) follows
every change to the index, its own and another connection's; common words are left out of the
keyword query only while rarer words remain."""

from __future__ import annotations

import threading
from pathlib import Path

from assistant.core.records import Cell, Record
from assistant.core.settings import Settings
from assistant.core.types import Chunk, Document, Location
from assistant.store.database import Store
from assistant.store.search import fts_query


def _write(store: Store, source: str, texts: list[str], label: str = "Number of judges trained") -> None:
    chunks = [
        Chunk(id=f"{source}-{j}", text=t, location=Location(source, line_start=j + 1), title=source)
        for j, t in enumerate(texts)
    ]
    doc = Document(source=source, path=source, kind="text", title=source, text="\n".join(texts), blocks=())
    record = Record(
        kind="indicator",
        key="1.1",
        label=label,
        cells=(Cell(role="target", text="120"),),
        location=Location(source, line_start=1),
        source=source,
    )
    store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], [record])


def test_documents_and_records_follow_changes_from_any_connection(tmp_path: Path) -> None:
    store = Store(Settings(home=tmp_path, embedding_model="hashing"))
    _write(store, "a.txt", ["Judges were trained in Almaty."])
    assert [d.source for d in store.documents()] == ["a.txt"]
    assert [r.label for r in store.records("indicator")] == ["Number of judges trained"]
    _write(store, "b.txt", ["Prosecutors were trained in Astana."], label="Number of prosecutors trained")
    assert [d.source for d in store.documents()] == ["a.txt", "b.txt"]
    assert [r.source for r in store.records("indicator", ["b.txt"])] == ["b.txt"]
    Store(store.settings).remove_document("a.txt")  # another connection's commit
    assert [d.source for d in store.documents()] == ["b.txt"]
    assert [r.source for r in store.records()] == ["b.txt"]
    store.records("indicator").clear()  # a caller's list is its own
    assert len(store.records("indicator")) == 1


def test_common_words_are_left_out_only_while_rarer_words_remain(tmp_path: Path) -> None:
    store = Store(Settings(home=tmp_path, embedding_model="hashing"))
    texts = [f"the budget line {i}" for i in range(12)] + ["the project trained 40 judges in Almaty"]
    _write(store, "a.txt", texts)
    common = store._term_counts.common(store._connection(), "budget line for judges in Almaty")
    assert common == {"budget", "line"}
    assert fts_query("budget line for judges in Almaty", common) == '"judges" OR "almaty"'
    assert fts_query("budget line", common) == '"budget" OR "line"'  # nothing rarer: all kept
    hits = store.keyword_search("budget line for judges in Almaty", 5)
    assert [i for i, _ in hits] == ["a.txt-12"]  # the twelve budget lines match only the common words
    assert len(store.keyword_search("budget line", 20)) == 12
    _write(store, "b.txt", [f"judges of Almaty, session {i}" for i in range(40)])  # now judges are common
    assert store._term_counts.common(store._connection(), "judges budget") == {"judges"}


def test_a_write_from_another_thread_of_the_same_store_is_seen(tmp_path: Path) -> None:
    store = Store(Settings(home=tmp_path, embedding_model="hashing"))
    _write(store, "a.txt", ["Judges were trained in Almaty."])
    assert [d.source for d in store.documents()] == ["a.txt"]
    worker = threading.Thread(target=_write, args=(store, "b.txt", ["Prosecutors were trained."]))
    worker.start()
    worker.join()
    assert [d.source for d in store.documents()] == ["a.txt", "b.txt"]
    assert sorted(r.source for r in store.records("indicator")) == ["a.txt", "b.txt"]

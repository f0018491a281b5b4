"""Crash safety: ``projdocs ingest`` killed (SIGKILL) at exact points leaves an index where
every document is either fully there (its chunks, keyword rows, records and vectors) or
absent, and a re-run completes the work.

The points come from the test-only hook ``PROJDOCS_TEST_CRASH_AT=<stage>:<n>`` (see
``assistant.store.crash_point``): the process kills itself the n-th time it reaches the stage.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from assistant.store.database import Store
from assistant.store.doctor import check
from assistant.store.embeddings import get_embedder
from ingest.chunking import chunk_document
from ingest.loaders import load_document
from ingest.pipeline import ingest_paths
from ingest.tables import recognise_tables

pytestmark = pytest.mark.slow

TABLE = """Results Framework

\tEXPECTED OUTPUTS\tOUTPUT INDICATORS\tDATA SOURCE\tBaseline\t\tTARGETS\t\t\tFINAL
\t\t\t\tValue\tYear\tYear 1\tYear 2\tYear 3\t

\tOutput 1: {what}\t1.1 – Number of {what} events\tReports\t0\t2021\t{n}\t{m}\t{k}\t{k}

\t\t1.2 – Number of {what} courses\tReports\t1\t2021\t2\t3\t4\t4
"""


def document(name: str, fact: str, table: bool) -> str:
    paragraphs = [
        f"{name.capitalize()} project report",
        f"{fact}",
        f"The {name} project works with the civil service agency of Kazakhstan on training and research.",
        f"Section 2. The {name} partners met quarterly; minutes are kept by the project board.",
    ]
    text = "\n\n".join(paragraphs) + "\n"
    if table:
        text += "\n" + TABLE.format(what=name, n=10, m=20, k=30)
    return text


FACTS = {
    "a-alpha.txt": ("The Alpha project trained 120 judges in Almaty in 2022.", True),
    "b-bravo.txt": ("The Bravo project opened 7 regional offices in 2023.", False),
    "c-charlie.txt": ("The Charlie project published 14 research papers in 2021.", True),
    "d-delta.txt": ("The Delta project budget was 45,000 USD in 2024.", False),
    "e-echo.txt": ("The Echo project hosted 3 international conferences in 2022.", False),
}


@dataclass(frozen=True)
class Version:
    chunk_ids: frozenset[str]
    records: int


def expected_version(path: Path, settings: Settings) -> Version:
    """What a complete ingest of ``path`` writes, computed the way the pipeline does."""
    doc = load_document(path)
    records = recognise_tables(doc)
    embedder = get_embedder(settings.embedding_model)
    chunks = chunk_document(
        doc, records, settings.chunk_tokens, embedder.count_tokens, settings.chunk_overlap_sentences
    )
    return Version(frozenset(c.id for c in chunks), len(records))


def state(settings: Settings) -> dict[str, Version]:
    """The documents in the index (after checking the index agrees with itself)."""
    store = Store(settings)
    docs = {d.source: d for d in store.documents()}
    chunk_rows: dict[str, set[str]] = {}
    for r in store.query("SELECT id, source FROM chunks"):
        chunk_rows.setdefault(r["source"], set()).add(r["id"])
    records: dict[str, int] = {}
    for r in store.query("SELECT source, COUNT(*) AS n FROM records GROUP BY source"):
        records[r["source"]] = r["n"]
    assert set(chunk_rows) <= set(docs) and set(records) <= set(docs), "rows of a document that is not there"
    for source, d in docs.items():
        assert len(chunk_rows.get(source, ())) == d.n_chunks > 0, source
    fts = sorted(r["id"] for r in store.query("SELECT id FROM chunks_fts"))
    all_chunks = sorted(i for ids in chunk_rows.values() for i in ids)
    assert fts == all_chunks, "keyword rows disagree with chunk rows"
    vectors = set(store.iter_all_vector_ids())
    assert set(all_chunks) <= vectors, "a chunk without its vector"
    report = check(store)
    assert not (report.missing_vectors or report.fts_missing or report.fts_extra or report.half_documents)
    assert not report.sqlite_errors
    return {s: Version(frozenset(chunk_rows[s]), records.get(s, 0)) for s in docs}


def crashed_ingest(home: Path, folder: Path, crash_at: str) -> None:
    """``projdocs ingest`` in a subprocess that kills itself at ``crash_at``."""
    env = {**os.environ, "PROJDOCS_TEST_CRASH_AT": crash_at, "PROJDOCS_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "--home", str(home), "ingest", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -signal.SIGKILL, (crash_at, proc.returncode, proc.stdout, proc.stderr[-2000:])


def test_killed_ingests_leave_whole_documents_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, (fact, table) in FACTS.items():
        (folder / name).write_text(document(name.split("-")[1].split(".")[0], fact, table), encoding="utf-8")
    settings = Settings(home=tmp_path / "home")
    v1 = {name: expected_version(folder / name, settings) for name in FACTS}
    a, b = "a-alpha.txt", "b-bravo.txt"
    assert v1[a].records > 0  # records are part of what must be whole

    # 1. the 1st file ingested; then the other files' vectors written in one batch, no SQLite
    #    transaction started (small files' vectors go to Chroma together)
    ingest_paths([folder / a], settings)
    crashed_ingest(settings.home, folder, "vectors:1")
    assert state(settings) == {a: v1[a]}
    orphans = Store(settings).orphan_vector_ids()
    others = set().union(*(v1[name].chunk_ids for name in FACTS if name != a))
    assert set(orphans) == others, "the batch's vectors are the only leftovers"

    # 2. a changed file, killed inside its SQLite transaction (rows written, not committed)
    (folder / a).write_text(document("alpha", "The Alpha project trained 150 judges in Almaty in 2023.", True))
    v2a = expected_version(folder / a, settings)
    crashed_ingest(settings.home, folder, "commit:1")
    assert state(settings) == {a: v1[a]}

    # 3. between two files: the 1st updated, the 2nd added, the 3rd not begun
    crashed_ingest(settings.home, folder, "file:2")
    assert state(settings) == {a: v2a, b: v1[b]}

    # 4. a changed file: committed, the old version's vectors not yet deleted
    (folder / b).write_text(document("bravo", "The Bravo project opened 9 regional offices in 2024.", False))
    v2b = expected_version(folder / b, settings)
    crashed_ingest(settings.home, folder, "prune:1")
    assert state(settings) == {a: v2a, b: v2b}
    later = set().union(*(v1[name].chunk_ids for name in FACTS if name not in (a, b)))  # written, not committed
    assert set(Store(settings).orphan_vector_ids()) == (v1[b].chunk_ids - v2b.chunk_ids) | later

    # the re-run completes the work and leaves no stray vector behind
    summary = ingest_paths([folder], settings)
    assert not summary.failed
    assert summary.unchanged == [a, b] and len(summary.added) == 3
    want = {**v1, a: v2a, b: v2b}
    assert state(settings) == want
    store = Store(settings)
    assert set(store.iter_all_vector_ids()) == set().union(*(v.chunk_ids for v in want.values()))
    assert ingest_paths([folder], settings).unchanged == sorted(FACTS)

    assistant = Assistant(settings)
    answer = assistant.ask("How many regional offices did the Bravo project open?")
    assert not answer.refused and "9 regional offices" in answer.answer, answer
    answer = assistant.ask("How many international conferences did the Echo project host?")
    assert not answer.refused and "3 international conferences" in answer.answer, answer

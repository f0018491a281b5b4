"""``projdocs doctor``: each kind of disagreement between SQLite and Chroma, made by hand,
is reported, and ``--repair`` fixes it without losing a document."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli
from assistant.core.settings import Settings
from assistant.store.database import Store
from assistant.store.doctor import check
from ingest.pipeline import ingest_paths

DOCS = {
    "alpha.txt": "Alpha report\n\nThe Alpha project trained 120 judges in Almaty in 2022.\n\n"
    "The budget of the Alpha project was 45,000 USD.\n",
    "beta.txt": "Beta report\n\nThe Beta project opened two regional offices in 2023.\n",
    "gamma.txt": "Gamma report\n\nThe Gamma project ended in December 2021.\n",
}


def doctor(home: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--home", str(home), "doctor", *args])


@pytest.mark.slow  # loads the embedding model
def test_doctor_reports_and_repairs(tmp_path: Path) -> None:
    files = tmp_path / "docs"
    files.mkdir()
    for name, text in DOCS.items():
        (files / name).write_text(text, encoding="utf-8")
    settings = Settings(home=tmp_path / "home")
    assert not ingest_paths([files], settings).failed

    result = doctor(settings.home)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "the index is consistent"

    store = Store(settings)
    alpha = sorted(store.chunk_ids("alpha.txt"))
    beta = sorted(store.chunk_ids("beta.txt"))
    lost = alpha[0]
    lost_vector = store.collection.get(ids=[lost], include=["embeddings"])["embeddings"][0]
    # a vector left by a crash, a vector Chroma lost, keyword rows missing, extra and stale
    store.collection.upsert(
        ids=["orphan-1"], embeddings=[[0.1] * len(lost_vector)], documents=["x"], metadatas=[{"source": "gone.txt"}]
    )
    store.collection.delete(ids=[lost])
    with store.db() as con:
        con.execute("DELETE FROM chunks_fts WHERE id = ?", (beta[0],))
        con.execute("INSERT INTO chunks_fts (id, text) VALUES ('ghost', 'ghost text')")
        con.execute("UPDATE chunks_fts SET text = 'stale words' WHERE id = ?", (alpha[-1],))
    # a chunk row whose document is gone (foreign keys off, as an old or damaged file might be)
    raw = sqlite3.connect(settings.db_path)
    raw.execute("INSERT INTO chunks VALUES ('stray', 'nowhere.txt', 'stray text', '{}')")
    raw.commit()
    raw.close()
    # the user edits one file and deletes another
    (files / "beta.txt").write_text(DOCS["beta.txt"] + "\nA late addition.\n", encoding="utf-8")
    (files / "gamma.txt").unlink()

    result = doctor(settings.home)
    assert result.exit_code == 1, result.output
    n = len(alpha) + len(beta) + len(store.chunk_ids("gamma.txt"))
    assert result.stdout.splitlines() == [
        f"3 documents, {n + 1} chunks, {n} vectors",
        "problem: 1 vectors without a chunk row, left by an interrupted ingest (--repair deletes them)",
        "problem: 2 chunks without a vector (--repair embeds them again)",
        "problem: 2 chunks missing from the keyword index (--repair adds them)",
        "problem: 1 keyword rows without a chunk (--repair deletes them)",
        "problem: 1 keyword rows whose text differs from the chunk (--repair rewrites them)",
        "problem: 1 chunk rows without a document (--repair deletes them)",
        f"changed: beta.txt: {files / 'beta.txt'} changed since it was ingested (run: projdocs ingest {files / 'beta.txt'})",
        f"vanished: gamma.txt: {files / 'gamma.txt'} no longer exists (run: projdocs remove gamma.txt)",
        "run: projdocs doctor --repair",
    ]

    result = doctor(settings.home, "--repair")
    assert result.exit_code == 1, result.output  # changed and vanished files are the user's to handle
    out = result.stdout.splitlines()
    assert "repaired: deleted 1 chunk rows without a document" in out
    assert "repaired: rebuilt 4 keyword rows" in out
    assert "repaired: embedded 1 chunks again" in out
    assert "repaired: deleted 1 vectors without a chunk row" in out
    assert "after repair: healthy" in out

    report = check(Store(settings))
    assert not report.repairable and report.vectors == report.chunks == n
    again = store.collection.get(ids=[lost], include=["embeddings"])["embeddings"][0]
    assert sum(a * b for a, b in zip(again, lost_vector)) > 0.999  # the same vector as at ingest
    fts = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM chunks_fts")}
    chunks = {r["id"]: r["text"] for r in store.query("SELECT id, text FROM chunks")}
    assert fts == chunks
    assert store.keyword_search("judges Almaty", 3)[0][0] in alpha

    assert ingest_paths([files / "beta.txt"], settings).updated == ["beta.txt"]
    assert CliRunner().invoke(cli, ["--home", str(settings.home), "remove", "gamma.txt"]).exit_code == 0
    result = doctor(settings.home)
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "the index is consistent", result.output


@pytest.mark.slow
def test_doctor_reingests_a_half_written_document(tmp_path: Path) -> None:
    files = tmp_path / "docs"
    files.mkdir()
    text = "# Alpha\n\nThe Alpha project trained 120 judges.\n\n# Budget\n\nThe budget was 45,000 USD.\n"
    (files / "alpha.txt").write_text(text, encoding="utf-8")
    settings = Settings(home=tmp_path / "home")
    ingest_paths([files], settings)
    store = Store(settings)
    ids = sorted(store.chunk_ids("alpha.txt"))
    assert len(ids) >= 2
    with store.db() as con:  # what a non-atomic writer could leave: some of the rows
        con.execute("DELETE FROM chunks_fts WHERE id = ?", (ids[0],))
        con.execute("DELETE FROM chunks WHERE id = ?", (ids[0],))

    result = doctor(settings.home)
    assert result.exit_code == 1
    assert (
        f"problem: alpha.txt has {len(ids) - 1} chunk rows, the manifest says {len(ids)} "
        "(--repair ingests it again from its file)" in result.stdout.splitlines()
    )

    result = doctor(settings.home, "--repair")
    assert result.exit_code == 0, result.output
    assert f"repaired: ingested alpha.txt again from {files / 'alpha.txt'}" in result.stdout.splitlines()
    assert sorted(store.chunk_ids("alpha.txt")) == ids


@pytest.mark.slow
def test_doctor_reingests_documents_of_another_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = tmp_path / "docs"
    files.mkdir()
    (files / "alpha.txt").write_text(DOCS["alpha.txt"], encoding="utf-8")
    ingest_paths([files], Settings(home=tmp_path / "home"))
    monkeypatch.setenv("PROJDOCS_CHUNK_TOKENS", "120")  # other chunking: another collection
    settings = Settings(home=tmp_path / "home")

    result = doctor(settings.home)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:] == [
        "problem: 1 documents were indexed with other settings or an older version of the tool "
        "(--repair ingests them again)",
        "run: projdocs doctor --repair",
    ]
    result = doctor(settings.home, "--repair")
    assert result.exit_code == 0, result.output
    assert f"repaired: ingested alpha.txt again from {files / 'alpha.txt'}" in result.stdout.splitlines()
    assert Store(settings).document("alpha.txt").index_name == settings.index_name  # type: ignore[union-attr]


def test_doctor_on_an_empty_home() -> None:
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 0 and "no index at" in result.output


def test_doctor_waits_for_no_ingest(tmp_path: Path) -> None:
    from assistant.store.locking import ingest_lock

    settings = Settings(home=tmp_path / "home")
    Store(settings)
    with ingest_lock(settings):
        result = doctor(settings.home)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: another ingest is running on {settings.home} (wait for it to finish, then run this again)"
    )

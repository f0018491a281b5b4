"""Documents are told apart by path: two files of one name in different folders are two
documents, cited by the end of their paths; a re-ingest rewrites neither; a moved folder's file
takes its old name back; an upload keeps the name it is given."""

from __future__ import annotations

from pathlib import Path

from assistant.core.settings import Settings
from assistant.store.database import Store
from ingest.pipeline import ingest_paths


def _settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", embedding_model="hashing")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_two_files_of_one_name_are_two_documents_and_a_reingest_rewrites_neither(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _write(docs / "2021" / "report.txt", "In 2021 the project trained 120 judges in Almaty.\n")
    _write(docs / "2022" / "report.txt", "In 2022 the project trained 340 prosecutors in Astana.\n")
    _write(docs / "brief.txt", "The project strengthens the justice sector.\n")
    settings = _settings(tmp_path)

    first = ingest_paths([docs], settings)
    assert sorted(first.added) == ["2021/report.txt", "2022/report.txt", "brief.txt"]
    store = Store(settings)
    texts = {d.source: store.document_text(d.source) for d in store.documents()}
    assert "120 judges" in texts["2021/report.txt"] and "340 prosecutors" in texts["2022/report.txt"]

    again = ingest_paths([docs], settings)
    assert again.added == [] and again.updated == [] and again.chunks_written == 0
    assert sorted(again.unchanged) == ["2021/report.txt", "2022/report.txt", "brief.txt"]


def test_a_file_of_a_name_already_held_by_another_file_gets_its_own_name(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    ingest_paths([_write(tmp_path / "a" / "report.txt", "Alpha trained 12 judges.\n")], settings)
    later = ingest_paths([_write(tmp_path / "b" / "report.txt", "Beta trained 34 prosecutors.\n")], settings)
    assert later.added == ["b/report.txt"] and later.updated == []
    store = Store(settings)
    assert "12 judges" in (store.document_text("report.txt") or "")
    assert "34 prosecutors" in (store.document_text("b/report.txt") or "")


def test_a_moved_folder_takes_its_documents_names_back(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    old = _write(tmp_path / "old" / "report.txt", "Alpha trained 12 judges.\n")
    ingest_paths([old.parent], settings)
    new = tmp_path / "new"
    old.parent.rename(new)
    moved = ingest_paths([new], settings)
    assert moved.added == [] and moved.updated == ["report.txt"] and moved.chunks_written == 0
    assert [(d.source, Path(d.path).parent.name) for d in Store(settings).documents()] == [("report.txt", "new")]


def test_an_upload_keeps_the_name_it_is_given(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    ingest_paths([_write(tmp_path / "u1" / "report.txt", "Version one: 12 judges.\n")], settings)
    second = _write(tmp_path / "u2" / "report.txt", "Version two: 14 judges.\n")
    summary = ingest_paths([second], settings, names={second: "report.txt"})
    assert summary.updated == ["report.txt"]
    assert "14 judges" in (Store(settings).document_text("report.txt") or "")

"""A question naming a project reads that project's documents first, and also the passages of
other documents that name it: phase 2's closure report tells when phase 3 was launched."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from ingest.pipeline import ingest_paths

PHASE3 = (
    "Project Document\n\nProject Number: 00123513\n\n"
    "The phase 3 project builds a network of training centres for the civil service.\n"
)
CLOSURE = (
    "Closure Quality Assurance Report\n\nProject Number: 00108694\n\n"
    "The new phase under Project ID 00123513 has been launched in November 2021.\n"
)
OTHER = "Annual Report\n\nProject Number: 00055555\n\nThe wells project 00123513 was launched in May 2019 elsewhere.\n"


def test_a_passage_of_another_document_naming_the_project_answers(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "phase3.txt").write_text(PHASE3, encoding="utf-8")
    (folder / "closure.txt").write_text(CLOSURE, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([folder], settings).failed
    answer = Assistant(settings).ask("When was project 00123513 launched?")
    assert not answer.refused
    assert "November 2021" in answer.answer and answer.citations[0].source == "closure.txt"


def test_a_passage_naming_no_project_of_the_question_stays_out(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "phase3.txt").write_text(PHASE3, encoding="utf-8")
    (folder / "other.txt").write_text(OTHER.replace("00123513", "00999999"), encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([folder], settings).failed
    answer = Assistant(settings).ask("When was project 00123513 launched?")
    assert "May 2019" not in answer.answer

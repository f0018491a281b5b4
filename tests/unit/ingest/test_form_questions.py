"""A QA form's numbered question is the section of what follows it (its rubric levels and its
evidence), so that the evidence is found by the question's words and answers it, even in a chunk
of its own; the form's chosen rubric wording does not outrank the project's own evidence."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from ingest.chunking import chunk_document
from ingest.loaders import load_document
from tests.unit.answer.indexing import indexed

LEVEL = "Water quality risks were logged, monitored and reported to the board every quarter of every year. " * 3
FORM = (
    "Implementation Stage Quality Assurance Report\n\n## Principled\n\n"
    "4. Were water quality risks to downstream communities identified and managed?\n\n"
    f"- 3: {LEVEL}(all must be true)\n\n- 2: *{LEVEL}OR the project was screened as low risk.*\n\n- 1: {LEVEL}\n\n"
    "**Evidence:**\n\nThe project was screened as a low risk project by the environmental officer in 2021.\n\n"
    "5. Were the project's grievances answered within thirty days?\n\n- 2: *Grievances were answered.*\n\n"
    "**Evidence:**\n\nNine grievances were answered, all within the month.\n"
)


def test_the_evidence_carries_its_question_as_its_section(tmp_path: Path) -> None:
    path = tmp_path / "qa.txt"
    path.write_text(FORM, encoding="utf-8")
    chunks = chunk_document(load_document(path), [], max_tokens=60)
    evidence = next(c for c in chunks if "environmental officer" in c.text)
    assert "Were water quality risks to downstream communities identified and managed?" in evidence.section
    grievances = next(c for c in chunks if "Nine grievances" in c.text)
    assert "answered within thirty days" in grievances.section and "water quality" not in grievances.section


def test_the_projects_evidence_answers_before_the_chosen_rubric_wording(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = indexed(home, {"qa.txt": FORM})
    answer = Assistant(Settings(home=home, embedding_model="hashing"), store).ask(
        "How was the water quality risk to downstream communities screened, per the QA?"
    )
    assert answer.answer.startswith("The project was screened as a low risk project by the environmental officer")

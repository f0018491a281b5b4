"""Ratings from the document the question names: a QA form's section (named on its own rating
line in a text export) or an evaluation's criterion, however the question says which."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

QA = (
    "Quality Assurance Report: Implementation\n\n"
    "Effective - Quality Rating: Satisfactory\n\n"
    "#\tQuestion\tRating\tEvidence\n"
    "15\tIs the project on track to deliver its expected outputs?\tYes\tFive of ten targets were met.\n\n"
    "Sustainability & National Ownership - Quality Rating: Highly Satisfactory\n\n"
    "#\tQuestion\tRating\tEvidence\n"
    "20\tIs there a sustainability and transition plan?\t2\tA draft hand-over strategy exists.\n"
)
MTE = (
    "Mid-Term Evaluation\n\n3. Ratings\n\n"
    "Criterion\tRating\tJustification\n"
    "Efficiency\tModerately Satisfactory (MS)\tProcurement delays reduced delivery.\n"
    "Sustainability\tModerately Likely (ML)\tReserve funds are still small.\n"
)


@pytest.fixture()
def finder(tmp_path: Path) -> FactFinder:
    store = indexed(tmp_path / "home", {"solar-qa-implementation-2022.txt": QA, "solar-midterm-evaluation.txt": MTE})
    return FactFinder(store, ())


def test_a_qa_section_named_on_its_rating_line_has_that_rating(finder: FactFinder) -> None:
    found = finder.answer("How did the QA assess sustainability?")
    assert found is not None and "Highly Satisfactory" in found.text and "Likely" not in found.text
    assert "A draft hand-over strategy exists." in found.text  # "how did it assess": its evidence too
    assert "Five of ten targets" not in found.text  # the Effective section's, not this one's
    plain = finder.answer("What rating did the QA give sustainability?")
    assert plain is not None and "hand-over" not in plain.text
    effective = finder.answer("What rating did the QA give the Effective section?")
    assert effective is not None and "rated Satisfactory" in effective.text


def test_an_evaluation_named_in_other_words_gives_its_own_rating(finder: FactFinder) -> None:
    found = finder.answer("How did the evaluators rate sustainability?")
    assert found is not None and "Moderately Likely" in found.text
    efficiency = finder.answer("What rating did the mid-term evaluation give efficiency?")
    assert efficiency is not None and "Moderately Satisfactory" in efficiency.text
    acronym = finder.answer("mte efficiency rating")
    assert acronym is not None and "Moderately Satisfactory" in acronym.text  # MTE: the template's acronym

"""A comparison question is answered side by side: each side asked on its own, both cited, and
whether the figures agree said plainly; a side not found gives no comparison."""

from __future__ import annotations

from assistant.answer.comparison import compare, sides
from assistant.core.types import Answer, Citation, Location


def _answer(text: str, quote: str, source: str) -> Answer:
    return Answer(
        answer=f"{text} [1]",
        refused=False,
        citations=[Citation(source=source, place=Location(source=source), quote=quote)],
    )


def test_the_two_sides_of_a_comparison_are_read_as_questions() -> None:
    assert sides("Does the funding in the closure report match the budget in the project document?") == (
        "What is the funding in the closure report?",
        "What is the budget in the project document?",
    )
    assert sides("How does the 2022 delivery compare with the 2021 delivery?") == (
        "What is the 2022 delivery?",
        "What is the 2021 delivery?",
    )
    assert sides("What is the 2022 budget of output 2?") is None


def test_both_sides_are_cited_and_a_disagreement_is_said() -> None:
    answers = {
        "What is the funding in the closure report?": _answer(
            "USD 3,600,000", "in an amount of USD 3,600,000", "qa.txt"
        ),
        "What is the budget in the project document?": _answer(
            "USD 4,660,000", "Total resources: 4,660,000", "prodoc.txt"
        ),
    }
    found = compare(
        "Does the funding in the closure report match the budget in the project document?", answers.__getitem__
    )
    assert found is not None and not found.refused
    assert "[1]" in found.answer and "[2]" in found.answer and "The figures differ." in found.answer
    assert [c.source for c in found.citations] == ["qa.txt", "prodoc.txt"]


def test_a_side_not_found_gives_no_comparison() -> None:
    def ask(question: str) -> Answer:
        return Answer(answer="Not found in the documents.", refused=True)

    assert compare("Does the funding in the closure report match the budget in the project document?", ask) is None

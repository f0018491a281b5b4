"""A column added up over the rows a question names: every row of a table it names by its
heading, or the rows whose labels hold its words; each figure cited, the sum computed, rows
without a figure named."""

from __future__ import annotations

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

PLAN = [
    ["Course", "Venue", "Participants", "Budget (EUR)"],
    ["Basic irrigation design workshop", "Dodoma", "30", "12,500"],
    ["Advanced irrigation design workshop", "Mbeya", "20", "9,000"],
    ["Peer visit to Kenya", "Nairobi", "8", "None"],
]


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> FactFinder:
    table = "\n".join("\t".join(r) for r in PLAN)
    home = tmp_path_factory.mktemp("sums") / "home"
    text = f"Project document\n\nTraining Schedule\n\n{table}\n\nThe schedule is reviewed each year.\n"
    return FactFinder(indexed(home, {"prodoc.txt": text}), ())


def test_a_named_tables_column_is_added_over_its_rows(finder: FactFinder) -> None:
    found = finder.answer("What does everything in the training schedule cost together?")
    assert found is not None and not found.refused
    assert "computed: 12,500 + 9,000 = 21,500" in found.text
    assert "No figure is given for: Peer visit to Kenya" in found.text


def test_rows_named_by_their_words_are_added(finder: FactFinder) -> None:
    found = finder.answer("What is the combined budget of the two irrigation design workshops?")
    assert found is not None and "computed: 12,500 + 9,000 = 21,500" in found.text
    assert "Peer visit" not in found.text


def test_no_sum_without_a_sum_asked(finder: FactFinder) -> None:
    found = finder.answer("What is the budget of the advanced irrigation design workshop?")
    assert found is None or "computed" not in found.text


def test_rows_that_each_hold_another_word_are_not_added(tmp_path) -> None:
    plan = "Monitoring activity\tCost (USD)\nFarmer outcome survey\t15,000\nField verification of works\t10,000\n"
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": f"Monitoring plan\n\n{plan}"}), ())
    # "farmer" names one row and "field" another: the farmer field schools are neither
    found = finder.answer("How much is budgeted in total for the farmer field schools?")
    assert found is None or "computed" not in found.text

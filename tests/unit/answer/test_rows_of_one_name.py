"""A total row repeated under each output ("GMS (8%)" under every output's activities): asked
without an output, every output's row is answered, each named by its output, and added up by
year; asked for one output, that output's row alone."""

from __future__ import annotations

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

PLAN = [
    ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "2022", "2023", "RESPONSIBLE PARTY"],
    ["Output 1 - Water policy", "Activity 1.1 Draft the basin water code", "10,000", "20,000", "Ministry"],
    ["", "General Management Support – GMS (8%)", "800", "1,600", ""],
    ["Output 2 - Canals", "Activity 2.1 Rehabilitate 40 km of canals", "100,000", "50,000", "UNDP"],
    ["", "General Management Support – GMS (8%)", "8,000", "4,000", ""],
    ["", "TOTAL", "118,800", "75,600", ""],
]


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> FactFinder:
    table = "\n".join("\t".join(r) for r in PLAN)
    home = tmp_path_factory.mktemp("gms") / "home"
    return FactFinder(indexed(home, {"plan.txt": f"Project document\n\nMulti-Year Work Plan\n\n{table}\n"}), ())


def test_every_outputs_row_is_answered_and_added_by_year(finder: FactFinder) -> None:
    found = finder.answer("How much is the GMS?")
    assert found is not None and not found.refused
    assert found.text.startswith("Output 1: ") and "Output 2: " in found.text
    assert "2022: computed: 800 + 8,000 = 8,800" in found.text and "2023: computed: 1,600 + 4,000 = 5,600" in found.text


def test_one_outputs_row_when_the_output_is_named(finder: FactFinder) -> None:
    found = finder.answer("How much is the GMS for output 2 in 2023?")
    assert found is not None and "4,000" in found.text and "1,600" not in found.text and "computed" not in found.text


def test_across_all_outputs_means_every_outputs_row_of_that_name_not_the_total(finder: FactFinder) -> None:
    found = finder.answer("How much is the GMS across all outputs?")
    assert found is not None and "Output 1: " in found.text and "Output 2: " in found.text
    assert "118,800" not in found.text and "2022: computed: 800 + 8,000 = 8,800" in found.text
    total = finder.answer("What is the total budget across all outputs?")
    assert total is not None and "118,800" in total.text

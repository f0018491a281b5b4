"""What an indicator had reached at a point in time, from a sentence of that time when no table
gives it: the list item that names the indicator, set beside its target, what is left computed."""

from __future__ import annotations

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

FRAMEWORK = (
    "Project document\n\nResults Framework\n\n"
    "Output indicator\tBaseline\tTargets\tMeans of verification\n"
    "\t\tYear 1\tYear 2\tYear 3\tYear 4\t\n"
    "Output 2: Irrigation infrastructure and WUAs\n"
    "OI 2.3 Number of water user associations (WUAs) with an approved water management plan and tariff\t0 (2023)\t5\t20\t30\t36\tWUA register\n"
    "OI 2.4 Km of irrigation canals rehabilitated\t0 (2023)\t15\t60\t110\t140\tCompletion certificates\n"
)
EVALUATION = (
    "Mid-term evaluation\n\nExecutive summary\n\n"
    "By 30 June 2025, 38 km of canals had been rehabilitated and 17 WUAs had approved plans.\n"
    "By 31 December 2025 the project had 64 km of canals rehabilitated, 21 WUAs with approved plans "
    "and 5,650 farmers trained in farmer field schools.\n"
)


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> FactFinder:
    home = tmp_path_factory.mktemp("prose") / "home"
    return FactFinder(indexed(home, {"prodoc.txt": FRAMEWORK, "midterm-evaluation.txt": EVALUATION}), ())


def test_what_is_left_after_a_year_is_the_end_target_less_the_figure_of_its_end(finder: FactFinder) -> None:
    found = finder.answer(
        "How many more WUAs need an approved plan after 2025 to reach the end-of-project target (indicator 2.3)?"
    )
    assert found is not None and not found.refused
    assert "computed: 36 − 21 = 15" in found.text
    assert {"21 WUAs with approved plans", "36"} <= {e.quote for e in found.evidence}


def test_the_figure_is_the_sentence_of_the_time_asked_about(finder: FactFinder) -> None:
    june = finder.answer("How many km of canals had been rehabilitated by June 2025 (indicator 2.4)?")
    december = finder.answer("How many km of canals had been rehabilitated by the end of 2025 (indicator 2.4)?")
    assert june is not None and "38 km of canals" in june.text and "64" not in june.text
    assert december is not None and "64 km of canals rehabilitated" in december.text and "38" not in december.text


def test_end_2025_without_of_is_the_end_of_the_year(finder: FactFinder) -> None:
    found = finder.answer("How many km of canals had been rehabilitated by end 2025 (indicator 2.4)?")
    assert found is not None and "64 km of canals rehabilitated" in found.text and "38" not in found.text


def test_beating_a_target_gives_by_how_much_computed(finder: FactFinder) -> None:
    found = finder.answer("By how much did indicator 2.4 beat its Year 2 target by the end of 2025?")
    assert found is not None and not found.refused
    assert "The target was met" in found.text and "computed: 64 − 60 = 4" in found.text


def test_a_share_of_a_target_is_what_was_reached_divided_by_it(finder: FactFinder) -> None:
    found = finder.answer("What share of the final target for indicator 2.4 had been reached by the end of 2025?")
    assert found is not None and not found.refused
    assert "computed: 64 as a share of 140 = 45.7%" in found.text

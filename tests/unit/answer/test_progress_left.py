"""What is still to be reached: the framework's end-of-project target less what the progress
report says was achieved, both cited and the arithmetic shown on their figures alone."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.facts import FactFinder
from assistant.core.text import leading_number, to_number
from tests.unit.answer.indexing import indexed

FRAMEWORK = (
    "Project document\n\nResults Framework\n\n"
    "Output indicators\tBaseline\t2021\t2022\t2023\tEnd of project\tData source\n"
    "Indicator 2.2: Households newly connected to mini-grids\t0\t1,500\t4,200\t6,800\t8,000 (1,600 female-headed)\tRegisters\n"
    "Indicator 2.3: Solar irrigation pumps in operation\t0\t95\t180\t260\t300\tRegisters\n"
)
PROGRESS = (
    "Annual Progress Report 2022\n\nProgress against Results Framework targets (2022)\n\n"
    "Indicator\tBaseline\tAnnual target 2022\tAchieved 2022\tStatus\n"
    "2.2 Households newly connected to mini-grids\t0\t4,200\t3,850\tPartially achieved\n"
    "2.3 Solar irrigation pumps in operation\t0\t180\t190\tAchieved\n"
)


def test_a_figure_with_words_after_it_reads_as_its_number() -> None:
    assert to_number("84.5%") == 84.5 and to_number("8,000 (1,600 female-headed)") == 8000
    assert leading_number("8,000 (1,600 female-headed)") == "8,000"


def test_what_is_left_to_reach_the_end_of_project_target(tmp_path: Path) -> None:
    store = indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK, "apr-2022.txt": PROGRESS})
    found = FactFinder(store, ()).answer(
        "How many more households must be connected after 2022 to reach the end-of-project target for indicator 2.2?"
    )
    assert found is not None and not found.refused
    assert "3,850" in found.text and "computed: 8,000 − 3,850 = 4,150" in found.text


def test_how_far_short_of_a_target_is_computed_from_the_two_cells(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK, "apr-2022.txt": PROGRESS}), ())
    short = finder.answer("The 2022 target for households newly connected was 4,200. How far short did they fall?")
    assert short is not None and "not met" in short.text and "computed: 4,200 − 3,850 = 350" in short.text
    beat = finder.answer("By how much did the solar irrigation pumps in operation beat the 2022 target?")
    assert beat is not None and "computed: 190 − 180 = 10" in beat.text


def test_how_many_more_for_the_end_target_is_what_is_left(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK, "apr-2022.txt": PROGRESS}), ())
    found = finder.answer("How many more solar irrigation pumps in operation are needed in 2022 for the end target?")
    assert found is not None and "computed: 300 − 190 = 110" in found.text


YEARLY_ONLY = (
    "Project document\n\nResults Framework\n\n"
    "Output indicator\tBaseline\tTargets\tMeans of verification\n"
    "\t\tYear 1\tYear 2\tYear 3\tYear 4\t\n"
    "Output 3: Smallholder farmers adopt climate-resilient practices\n"
    "OI 3.1 Number of farmers trained in farmer field schools\t0 (2023)\t1,500\t5,000\t9,000\t12,000\tRegisters\n"
    "OI 3.2 Area under climate-resilient practices (ha)\t350 (2023)\t800\t2,500\t4,800\t6,000\tSurvey\n"
)


def test_without_an_end_of_project_column_the_last_years_target_is_the_final_one(tmp_path: Path) -> None:
    store = indexed(tmp_path / "home", {"prodoc.txt": YEARLY_ONLY})
    found = FactFinder(store, ()).answer("What is the end-of-project target for OI 3.2?")
    assert found is not None and not found.refused
    assert "6,000" in found.text and "Year 4" in found.text and "empty" not in found.text


def test_a_russian_question_in_the_past_asks_what_was_achieved(tmp_path: Path) -> None:
    store = indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK, "apr-2022.txt": PROGRESS})
    found = FactFinder(store, ()).answer("Сколько домохозяйств имели доступ к мини-сетям в 2022 году?")
    assert found is not None and not found.refused and "3,850" in found.text

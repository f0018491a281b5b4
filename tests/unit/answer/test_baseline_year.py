"""A year that is the baseline's year asks for the baseline: "how many had been granted by
2020?" is answered by the value the results framework gives for 2020, not refused for want of a
2020 target or of a progress report."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

FRAMEWORK = (
    "Project document\n\nResults Framework\n\n"
    "EXPECTED OUTPUTS\tOUTPUT INDICATORS\tBASELINE Value\tBASELINE Year\t2021\t2022\t2023\tEnd of project\tDATA SOURCE\n"
    "Output 2: Skills built\tIndicator 2.4: Number of scholarships granted to civil servants\t10\t2020\t3\t10\t2\t25\t"
    "Academy records\n"
)


def test_a_count_by_the_baseline_year_is_the_baseline(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK}), ())
    found = finder.answer("How many scholarships had been granted by 2020?")
    assert found is not None and not found.refused
    assert "baseline (2020)" in found.text and "10" in found.text and "25" not in found.text
    target = finder.answer("What is the 2022 target for scholarships granted to civil servants?")
    assert target is not None and "2022" in target.text and "10" in target.text

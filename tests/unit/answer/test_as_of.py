"""A figure stands at a point in time: a semi-annual report's "Achieved at 30 June 2025" answers
"by June 2025", not "by the end of 2025", and a follow-up that moves the point moves the question."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.as_of import point, stands_elsewhere
from assistant.answer.facts import FactFinder
from assistant.answer.followup import resolve_followup
from assistant.answer.query import parse_query
from tests.unit.answer.indexing import indexed

FRAMEWORK = (
    "Project document\n\nResults Framework\n\n"
    "Output indicators\tBaseline\t2024\t2025\tEnd of project\tData source\n"
    "Indicator 1.2: Farmers receiving agro-advisories\t0\t5,000\t15,000\t25,000\tService records\n"
)
HALF_YEAR = (
    "Semi-Annual Progress Report\n\nReporting period: 1 January – 30 June 2025\n\n"
    "Code\tIndicator\tBaseline\tYear 2 target (2025)\tAchieved at 30 June 2025\tStatus\n"
    "1.2\tFarmers receiving agro-advisories\t0\t15,000\t11,240\tOn track\n"
)


def test_points_in_time_named_in_english_and_russian() -> None:
    assert point("Achieved at 30 June 2025") == (2025, 6) == point("на июнь 2025")
    assert point("by the end of 2025") == (2025, 12) == point("к концу 2025 года") == point("end-2025")
    assert point("by end 2025") == (2025, 12) == point("at year-end 2025")  # said without "of"
    assert point("mid 2025") == (2025, 6)
    assert point("Achieved 2022") is None  # a year alone is no point
    assert point("spend 2025") is None and point("weekend 2025") is None
    assert stands_elsewhere("Achieved at 30 June 2025", "how many by the end of 2025?", (2025,))
    assert not stands_elsewhere("Achieved at 30 June 2025", "how many in the first half of 2025?", (2025,))
    assert stands_elsewhere("Achieved at 30 June 2025", "how many in 2024?", (2024,))
    assert not stands_elsewhere("Achieved 2022", "how many by the end of 2022?", (2022,))
    # a status is the report's, whenever the target it tracks falls due
    assert not stands_elsewhere("Achieved at 30 June 2025", "is it on track for end-2025?", (2025,))


def test_a_mid_year_figure_does_not_answer_for_the_end_of_the_year(tmp_path: Path) -> None:
    store = indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK, "report-2025-h1.txt": HALF_YEAR})
    finder = FactFinder(store, ())
    june = finder.answer("What was achieved for indicator 1.2 by June 2025?")
    assert june is not None and not june.refused and "11,240" in june.text
    december = finder.answer("What was achieved for indicator 1.2 by the end of 2025?")
    assert december is None or "11,240" not in december.text  # the text may say December's figure


def test_a_follow_up_that_moves_the_point_in_time_keeps_the_question() -> None:
    before = "How many farmers received advisories by June 2025?"
    assert resolve_followup("And by the end of 2025?", [before]) == (
        "How many farmers received advisories by the end of 2025?"
    )
    assert resolve_followup("А к концу 2025 года?", ["Сколько фермеров получали консультации на июнь 2025?"]) == (
        "Сколько фермеров получали консультации к концу 2025 года?"
    )
    # only the year moves when the follow-up names a year alone, or the question had a bare year
    assert resolve_followup("and 2026?", [before]) == "How many farmers received advisories by June 2026?"
    assert resolve_followup("and by end-2023?", ["What were the 2022 targets for indicator 2.3?"]) == (
        "What were the 2023 targets for indicator 2.3?"
    )


def test_a_share_of_a_target_reached_is_computed_and_a_comparison_with_it_gives_the_gap(tmp_path: Path) -> None:
    store = indexed(tmp_path / "home", {"prodoc.txt": FRAMEWORK, "report-2025-h1.txt": HALF_YEAR})
    finder = FactFinder(store, ())
    share = finder.answer("What percentage of the Year 2 target for indicator 1.2 had been reached by June 2025?")
    assert share is not None and "computed: 11,240 as a share of 15,000 = 74.9%" in share.text
    compared = finder.answer("How many farmers got advisories by June 2025 (indicator 1.2) compared to the target?")
    assert compared is not None and "computed: 15,000 − 11,240 = 3,760" in compared.text
    # a point in time names no subject: "by end 2025" leaves no "end" to match a row by
    assert "end" not in parse_query("How many advisory subscribers were there by end 2025?").subject_words

"""Questions that choose activities rather than name them: by a partner named in their
responsible-party or funding-source cell, by the largest or smallest amount of a year within an
output; and a follow-up ("what's its budget?") that means the activity the answer chose."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed

# a work plan of another layout than the seeds': the party before the years, four years
PLAN = [
    ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "RESPONSIBLE PARTY", "2021", "2022", "2023", "2024", "Funding source"],
    [
        "Output 1: Water policy",
        "1.1 Draft the basin water code",
        "Ministry of Water",
        "10,000",
        "20,000",
        "5,000",
        "0",
        "UNDP",
    ],
    ["", "1.2 Train basin inspectors", "UNDP / Hydromet", "5,000", "5,000", "7,500", "2,500", "EU"],
    ["", "1.3 Publish the basin atlas", "UNDP", "1,000", "4,000", "6,000", "1,000", "UNDP"],
    [
        "Output 2: Irrigation",
        "2.1 Rehabilitate 40 km of canals",
        "UNDP / Hydromet",
        "100,000",
        "200,000",
        "50,000",
        "0",
        "EU",
    ],
    ["", "2.2 Install 300 water meters", "Water User Associations", "0", "30,000", "60,000", "10,000", "UNDP"],
    ["", "2.3 Monitor canal losses", "UNDP", "2,000", "2,000", "2,000", "2,000", "UNDP"],
    ["TOTAL", "", "", "118,000", "261,000", "130,500", "15,500", ""],
]


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("activity-sets") / "home"
    text = f"Project document\n\nAtlas Project Number: 00987654\n\nMulti-Year Work Plan\n\n{_tsv(PLAN)}\n"
    store = indexed(home, {"plan.txt": text})
    return Assistant(Settings(home=home, embedding_model="hashing"), store)


def test_a_partner_named_in_one_row_chooses_that_activity(assistant: Assistant) -> None:
    a = assistant.ask("Which activity does the Ministry of Water implement?")
    assert not a.refused and a.answer.startswith("Activity 1.1 ")
    assert "Ministry of Water" in {c.quote for c in a.citations}
    assert "2.2" not in a.answer


def test_a_partner_of_several_rows_lists_each_of_them(assistant: Assistant) -> None:
    a = assistant.ask("Which activities is Hydromet responsible for?")
    assert not a.refused
    assert "Activity 1.2" in a.answer and "Activity 2.1" in a.answer and "Activity 1.1" not in a.answer


def test_a_partner_of_most_rows_chooses_nothing(assistant: Assistant) -> None:
    a = assistant.ask("Which activities does UNDP implement?")
    assert "Activity 1.3 (Publish the basin atlas) [1]: responsible party" not in a.answer


def test_the_largest_amount_of_a_year_within_an_output_beside_the_runner_up(assistant: Assistant) -> None:
    a = assistant.ask("Which of output 2's activities gets the most money in 2023?")
    assert not a.refused and a.answer.startswith("Activity 2.2 ")
    assert "60,000" in a.answer and "Activity 2.1" in a.answer and "50,000" in a.answer
    assert "60,000" in {c.quote for c in a.citations}
    low = assistant.ask("Which activity of output 1 gets the least money in 2022?")
    assert low.answer.startswith("Activity 1.3 ") and "4,000" in low.answer


def test_over_all_years_the_amounts_are_added_from_their_cited_cells(assistant: Assistant) -> None:
    a = assistant.ask("Which activity has the biggest budget?")
    assert a.answer.startswith("Activity 2.1 ")
    assert "100,000 + 200,000 + 50,000 + 0 = 350,000" in a.answer


def test_its_budget_after_a_choice_is_the_chosen_activitys(assistant: Assistant) -> None:
    a = assistant.ask("What's its budget in 2024?", history=["Which activity does the Ministry of Water implement?"])
    assert not a.refused and a.answer.startswith("Activity 1.1 ") and "2024: USD 0" in a.answer
    chained = assistant.ask(
        "What is its funding source?",
        history=["What is the budget of output 2?", "Which of its activities gets the most money in 2023?"],
    )
    assert chained.answer.startswith("Activity 2.2 ") and "UNDP" in {c.quote for c in chained.citations}


def test_a_new_question_after_a_choice_is_not_rewritten(assistant: Assistant) -> None:
    a = assistant.ask(
        "What is the 2022 budget of activity 1.2?", history=["Which activity does the Ministry of Water implement?"]
    )
    assert a.answer.startswith("Activity 1.2 ") and "5,000" in a.answer


def test_the_layout_above_is_read_as_a_work_plan(tmp_path: Path) -> None:
    store = indexed(tmp_path / "home", {"plan.txt": f"Multi-Year Work Plan\n\n{_tsv(PLAN)}\n"})
    assert {r.key for r in store.records("activity")} == {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3"}


def test_a_follow_up_of_that_follow_up_keeps_the_chosen_activity(assistant: Assistant) -> None:
    chosen = "Which activity does the Ministry of Water implement?"
    a = assistant.ask("and in 2022?", history=[chosen, "What's its budget in 2024?"])
    assert a.answer.startswith("Activity 1.1 ") and "2022: USD 20,000" in a.answer
    # a chat keeps each turn as read (the web app's history): the chosen row is kept with it
    whole = assistant.whole_question("What's its budget in 2024?", [chosen])
    assert "activity 1.1" in whole.lower()
    again = assistant.ask("and in 2022?", history=[chosen, whole])
    assert again.answer.startswith("Activity 1.1 ") and "2022: USD 20,000" in again.answer

"""Two figures an answer cites, set against each other or added when the question asks so: the
difference of two years' budgets, the sum of two activities', the larger of two named; and two
outputs' delivery rows when both are named, with the cells of the role asked for."""

from __future__ import annotations

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed

PLAN = [
    ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "RESPONSIBLE PARTY", "2021", "2022", "2023", "Funding source"],
    [
        "Output 1: Water policy",
        "1.1 Draft the basin water code",
        "Ministry of Water",
        "10,000",
        "20,000",
        "5,000",
        "UNDP",
    ],
    ["", "1.2 Train basin inspectors", "UNDP / Hydromet", "5,000", "7,500", "2,500", "EU"],
    ["", "Sub-total Output 1", "", "15,000", "27,500", "7,500", ""],
    [
        "Output 2: Irrigation",
        "2.1 Rehabilitate 40 km of canals",
        "UNDP / Hydromet",
        "100,000",
        "200,000",
        "50,000",
        "EU",
    ],
    ["", "2.2 Install 300 water meters", "Water User Associations", "0", "30,000", "60,000", "UNDP"],
    ["", "Sub-total Output 2", "", "100,000", "230,000", "110,000", ""],
    ["TOTAL", "", "", "115,000", "257,500", "117,500", ""],
]
PRODOC = "Project document\n\nMulti-year work plan\n\n" + "\n".join("\t".join(r) for r in PLAN) + "\n"
REPORT = (
    "Progress Report, January to June 2023\n\n4. Financial delivery\n\n"
    "Output\tAnnual budget 2023 (USD)\tExpenditure 1 January – 30 June 2023 (USD)\tDelivery (% of annual budget)\n"
    "Output 1 – Water policy\t7,500\t4,125\t55.0%\n"
    "Output 2 – Irrigation\t110,000\t40,700\t37.0%\n"
    "Total (excluding GMS)\t117,500\t44,825\t38.1%\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("pairs") / "home"
    store = indexed(home, {"prodoc.txt": PRODOC, "progress-report-2023.txt": REPORT})
    return Assistant(Settings(home=home, embedding_model="hashing"), store)


def test_how_much_more_in_one_year_than_another_is_the_difference_of_the_two_cells(assistant: Assistant) -> None:
    answer = assistant.ask("How much more is budgeted for Activity 2.2 in 2023 than in 2022?")
    assert not answer.refused
    assert "Difference, computed: 60,000 − 30,000 = 30,000" in answer.answer
    assert {"60,000", "30,000"} <= {c.quote for c in answer.citations}


def test_the_total_of_two_activities_is_their_sum(assistant: Assistant) -> None:
    answer = assistant.ask("What is the total of Activity 1.1 and Activity 1.2 in 2022?")
    assert not answer.refused and "Together, computed: 20,000 + 7,500 = 27,500" in answer.answer


def test_which_is_bigger_names_the_larger_as_well_as_the_difference(assistant: Assistant) -> None:
    answer = assistant.ask("Which is bigger in 2022, Activity 2.1 or Activity 2.2?")
    assert "Difference, computed: 200,000 − 30,000 = 170,000" in answer.answer
    assert "The larger: 200,000 [" in answer.answer


def test_two_outputs_named_give_both_delivery_rows_and_the_role_asked(assistant: Assistant) -> None:
    answer = assistant.ask("Output 1 vs Output 2: how much was spent in 2023?")
    assert not answer.refused
    assert "4,125" in answer.answer and "40,700" in answer.answer
    assert "Difference, computed: 40,700 − 4,125 = 36,575" in answer.answer


def test_an_outputs_budget_of_no_year_is_the_work_plans_sub_total(assistant: Assistant) -> None:
    answer = assistant.ask("What is the budget of Output 2?")
    assert not answer.refused
    cited = {c.source for c in answer.citations}
    assert cited == {"prodoc.txt"} and "230,000" in answer.answer

"""An output's share of the budget, the output named by number or by its title: its sub-total as
a share of the total for all outputs (or of the grand total when asked), both cells cited."""

from __future__ import annotations

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed

PLAN = [
    ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "2022", "2023", "RESPONSIBLE PARTY", "Amount"],
    ["Output 1: Basin water management", "1.1 Draft the basin water code", "10,000", "20,000", "Ministry", "30,000"],
    ["Sub-Total for Output 1", "", "", "", "", "30,000"],
    ["Output 2: Canal rehabilitation", "2.1 Rehabilitate 40 km of canals", "100,000", "50,000", "UNDP", "150,000"],
    ["Sub-Total for Output 2", "", "", "", "", "150,000"],
    ["Output 3: Project management", "3.1 Project team", "10,000", "10,000", "UNDP", "20,000"],
    ["Sub-Total for Output 3", "", "", "", "", "20,000"],
    ["Total for all outputs", "", "", "", "", "200,000"],
    ["General Management Support (8%)", "", "", "", "", "16,000"],
    ["GRAND TOTAL", "", "", "", "", "216,000"],
]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("output-share") / "home"
    table = "\n".join("\t".join(r) for r in PLAN)
    store = indexed(home, {"plan.txt": f"Project document\n\nMulti-Year Work Plan\n\n{table}\n"})
    return Assistant(Settings(home=home, embedding_model="hashing"), store)


def test_an_output_named_by_its_title_as_a_share_of_all_outputs(assistant: Assistant) -> None:
    a = assistant.ask("What share of the budget for all outputs goes to project management?")
    assert not a.refused
    assert "20,000 as a share of 200,000 = 10.0%" in a.answer
    assert {"20,000", "200,000"} <= {c.quote for c in a.citations}


def test_an_output_named_by_number_as_a_share_of_the_grand_total(assistant: Assistant) -> None:
    a = assistant.ask("What percentage of the grand total is output 2?")
    assert "150,000 as a share of 216,000 = 69.4%" in a.answer


def test_an_output_the_work_plan_does_not_have_is_no_share(assistant: Assistant) -> None:
    a = assistant.ask("What share of the budget goes to output 7?")
    assert "as a share of" not in a.answer


def test_a_share_of_something_else_than_the_budget_is_not_the_outputs_share(assistant: Assistant) -> None:
    for question in (
        "What percentage of output 2's budget was spent?",
        "What share of the output 2 budget is planned for 2022?",
    ):
        assert "as a share of 200,000" not in assistant.ask(question).answer

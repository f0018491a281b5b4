"""Budget questions answered from a work plan and a progress report's delivery table, or refused
where the tables do not say: spending of an activity (a work plan only plans), a year outside
the tables, a year asked of a figure given for all years together."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.facts import FactFinder
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed

PLAN = [
    ["Expected outputs", "Planned activities", "2021", "2022", "2023", "Responsible party", "Funding source", "Amount"],
    [
        "Output 1: Policy",
        "Activity 1.1 Draft the provincial energy act",
        "10,000",
        "20,000",
        "5,000",
        "AEPC",
        "UNDP",
        "35,000",
    ],
    ["", "Activity 1.2 Train and certify technicians", "5,000", "5,000", "5,000", "AEPC", "UNDP", "15,000"],
    ["Sub-Total for Output 1", "", "15,000", "25,000", "10,000", "", "", "50,000"],
    [
        "Output 2: Energy",
        "Activity 2.1 Install mini-grids",
        "100,000",
        "200,000",
        "50,000",
        "AEPC",
        "Norway",
        "350,000",
    ],
    ["Sub-Total for Output 2", "", "", "", "", "", "", "350,000"],
]
DELIVERY = [
    ["Output", "Budget 2022 (USD)", "Expenditure 2022 (USD)", "Delivery rate"],
    ["Output 1 - Policy", "25,000", "20,000", "80%"],
]


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


@pytest.fixture(scope="module")
def finder(tmp_path_factory: pytest.TempPathFactory) -> FactFinder:
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables

    folder = tmp_path_factory.mktemp("budget")
    store = Store(Settings(home=folder / "home", embedding_model="hashing"))
    for name, head, table in [
        ("plan.txt", "Project document\n\nMulti-Year Work Plan", PLAN),
        ("report.txt", "Annual Progress Report 2022\n\nFinancial delivery 2022", DELIVERY),
    ]:
        path = folder / name
        path.write_text(f"{head}\n\nAtlas Project Number: 00123513\n\n{_tsv(table)}\n", encoding="utf-8")
        doc = load_document(path)
        records = recognise_tables(doc)
        chunks = chunk_document(doc, records)
        store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    return FactFinder(store, ())


def test_spending_of_an_activity_is_refused_because_a_work_plan_only_plans(finder: FactFinder) -> None:
    found = finder.answer("How much was spent on activity 1.1 in 2022?")
    assert found is not None and found.refused and "planned budget" in found.text and "20,000" not in found.text
    planned = finder.answer("What is the 2022 budget of activity 1.1?")
    assert planned is not None and not planned.refused and "20,000" in planned.text


def test_an_outputs_budget_for_a_year_comes_from_the_work_plan_or_is_refused(finder: FactFinder) -> None:
    later = finder.answer("What is the 2023 budget of Output 1?")
    assert later is not None and not later.refused and "10,000" in later.text  # not the 2022 delivery figures
    spent = finder.answer("How much of Output 1's budget was spent in 2022?")
    assert spent is not None and "20,000" in spent.text and "25,000" in spent.text
    before = finder.answer("What budget was planned for Output 1 in 2019?")
    assert before is not None and before.refused and "2021–2023" in before.text
    whole = finder.answer("What is the 2022 budget of Output 2?")
    assert whole is not None and whole.refused and "350,000" not in whole.text  # given for all years only


def test_an_activitys_funding_source_and_amount_asked_together(finder: FactFinder) -> None:
    both = finder.answer("What is the 2022 amount for activity 2.1 and which funding source covers it?")
    assert both is not None and "funding source: Norway" in both.text and "200,000" in both.text
    source = finder.answer("What is the funding source of activity 1.2?")
    assert source is not None and "UNDP" in source.text and "5,000" not in source.text


def test_a_sum_asked_for_is_computed_from_the_cited_yearly_amounts(finder: FactFinder) -> None:
    whole = finder.answer("What is the budget of activity 1.1 over the three years?")
    assert whole is not None and "computed: 10,000 + 20,000 + 5,000 = 35,000" in whole.text
    both = finder.answer("How much is budgeted in 2022 for activities 1.1 and 1.2 together?")
    assert both is not None and "computed: 20,000 + 5,000 = 25,000" in both.text
    plain = finder.answer("What is the 2022 budget of activity 1.1?")
    assert plain is not None and "computed" not in plain.text  # no sum asked, none shown
    code = finder.answer("Which budget code is used for activity 1.1?")
    assert code is not None and "computed" not in code.text


def test_the_whole_budget_unspent_comes_from_the_delivery_tables_total(tmp_path: Path) -> None:
    rows = [*DELIVERY, ["Total", "125,000", "100,000", "80%"]]
    store = indexed(
        tmp_path / "home", {"report.txt": f"Annual Progress Report 2022\n\nFinancial delivery 2022\n\n{_tsv(rows)}\n"}
    )
    found = FactFinder(store, ()).answer("How much of the 2022 budget went unspent?")
    assert found is not None and "computed: 125,000 − 100,000 = 25,000" in found.text


def test_an_outputs_activities_added_up_beside_its_stated_sub_total(tmp_path: Path) -> None:
    plan = [
        ["Expected outputs", "Planned activities", "2021", "2022", "Responsible party", "Funding source", "Amount"],
        ["Output 3: Skills", "Activity 3.1 Train technicians", "100,000", "100,000", "AEPC", "UNDP", "200,000"],
        ["", "Activity 3.2 Grants to enterprises", "150,000", "250,000", "AEPC", "UNDP", "400,000"],
        ["Sub-Total for Output 3", "", "250,000", "350,000", "", "", "610,000"],
    ]
    store = indexed(tmp_path / "home", {"plan.txt": f"Project document\n\nMulti-Year Work Plan\n\n{_tsv(plan)}\n"})
    found = FactFinder(store, ()).answer("Add up the Output 3 activities in the work plan - what do you get?")
    assert found is not None and "computed: 200,000 + 400,000 = 600,000" in found.text
    assert "610,000" in found.text and any("600,000" in n for n in found.notes)  # the stated sub-total differs


@pytest.fixture()
def titled(tmp_path: Path) -> FactFinder:
    rows = [[c.replace("Output 2: Energy", "Output 2: Rural energy access") for c in row] for row in PLAN]
    rows.append(["TOTAL", "", "", "", "", "", "", "400,000"])
    return FactFinder(indexed(tmp_path / "home", {"plan.txt": f"Multi-Year Work Plan\n\n{_tsv(rows)}\n"}), ())


def test_an_output_named_by_its_title_is_that_output(titled: FactFinder) -> None:
    found = titled.answer("What is the rural energy access output's sub-total?")
    assert found is not None and not found.refused and "USD 350,000" in found.text and "Output 1" not in found.text
    # asking which output compares them all: no one output is named
    from assistant.answer.outputs import output_named

    assert output_named("Which output has the largest rural energy access budget?", titled._records("activity")) is None


def test_the_total_of_an_activity_named_by_its_words_is_that_activitys(titled: FactFinder) -> None:
    found = titled.answer("What is the total budget of the activity to install mini-grids?")
    assert found is not None and not found.refused and "350,000" in found.text
    assert "400,000" not in found.text  # the work plan's total is not the activity's


def test_two_outputs_named_by_their_titles_are_added_from_their_sub_totals(finder: FactFinder) -> None:
    both = finder.answer("What do the policy output and the energy output add up to together?")
    assert both is not None and "50,000" in both.text and "350,000" in both.text
    assert "computed: 50,000 + 350,000 = 400,000" in both.text
    # a total and its own yearly figures are one row's: its years are added, never to its total
    one = finder.answer("What is Output 1's sub-total over the three years?")
    assert one is not None and "computed: 15,000 + 25,000 + 10,000 = 50,000" in one.text


def test_the_weakest_outputs_delivery_set_against_the_overall_rate(tmp_path: Path) -> None:
    rows = [
        ["Output", "Budget 2023 (USD)", "Expenditure 2023 (USD)", "Delivery rate"],
        ["Output 1 - Water code", "40,000", "36,000", "90%"],
        ["Output 2 - Canals", "200,000", "120,000", "60%"],
        ["Output 3 - Extension services", "60,000", "45,000", "75%"],
        ["Total", "300,000", "201,000", "67%"],
    ]
    store = indexed(
        tmp_path / "home", {"apr.txt": f"Annual Progress Report 2023\n\nFinancial delivery 2023\n\n{_tsv(rows)}\n"}
    )
    found = FactFinder(store, ()).answer("How far below the overall delivery rate was the weakest output?")
    assert found is not None and found.text.startswith("Output 2 - Canals")
    assert "computed: 67 − 60 = 7.0 percentage points below the total" in found.text
    best = FactFinder(store, ()).answer("Which output had the best delivery in 2023?")
    assert best is not None and best.text.startswith("Output 1 - Water code") and "computed" not in best.text


def test_a_total_named_by_its_words_and_an_activitys_own_total(tmp_path: Path) -> None:
    # one budget line per activity, yearly amounts right of the line columns, a total column
    plan = [
        ["Output", "Activity", "Responsible party", "Funding source", "Budget line", "2025", "2026", "Total (USD)"],
        ["Output 1: Wells", "1.1 Dig wells", "WaterCo", "EU", "Civil works", "10 000", "20 000", "30 000"],
        ["Output 1 subtotal", "10 000", "20 000", "30 000"],
        ["Project management and M&E", "PM.1 Project team", "UNDP", "TRAC", "Salaries", "4 000", "4 000", "8 000"],
        ["Project management and M&E subtotal", "4 000", "4 000", "8 000"],
        ["Total programmable budget (excluding GMS)", "14 000", "24 000", "38 000"],
        ["GMS (8%)", "1 120", "1 920", "3 040"],
    ]
    finder = FactFinder(indexed(tmp_path / "home", {"plan.txt": f"Multi-Year Work Plan\n\n{_tsv(plan)}\n"}), ())
    management = finder.answer("What's the total for project management and M&E?")
    assert management is not None and "USD 8 000" in management.text and "38 000" not in management.text
    gms = finder.answer("GMS total 2026")
    assert gms is not None and "1 920" in gms.text and "24 000" not in gms.text
    wells = finder.answer("How much is budgeted in total for digging wells?")
    assert wells is not None and "total (all years): USD 30 000" in wells.text
    year = finder.answer("Activity 1.1 budget for 2026?")
    assert year is not None and not year.refused and "20 000" in year.text
    # a budget asked without GMS is the total that leaves it out, never the GMS row
    net = finder.answer("What is the 2026 budget excluding GMS?")
    assert net is not None and "24 000" in net.text and "1 920" not in net.text
    assert finder.answer("2026 budget excl. GMS") is not None


def test_a_budget_excluding_gms_is_not_given_when_no_total_says_it_leaves_gms_out(tmp_path: Path) -> None:
    plan = [
        ["Output", "Activity", "Responsible party", "Funding source", "Budget line", "2025", "2026", "Total (USD)"],
        ["Output 1: Wells", "1.1 Dig wells", "WaterCo", "EU", "Civil works", "10 000", "20 000", "30 000"],
        ["GMS (8%)", "800", "1 600", "2 400"],
        ["Grand total", "10 800", "21 600", "32 400"],
    ]
    finder = FactFinder(indexed(tmp_path / "home", {"plan.txt": f"Multi-Year Work Plan\n\n{_tsv(plan)}\n"}), ())
    found = finder.answer("What is the 2026 budget excluding GMS?")
    assert found is None or found.refused or "1 600" not in found.text

"""Records from the seed's tables: every indicator row, a sample of budget rows, all QA ratings."""

from __future__ import annotations

import pytest

from assistant.core.text import clean
from ingest.loaders import load_document
from ingest.tables import recognise_tables
from tests.conftest import PRODOC, QA_REPORT

# (baseline, baseline year, year 1, year 2, year 3, final), read by hand from the seed
RESULTS_FRAMEWORK = {
    "1.1": ("1", "2020", "1", "", "1", "3"),
    "1.2": ("17", "2020", "2", "2", "2", "23"),
    "1.3": ("2", "2020", "1", "1", "1", "5"),
    "1.4": ("14", "2020", "2", "2", "2", "20"),
    "2.1": ("140", "2020", "12", "12", "12", "86"),
    "2.2": (">10", "2020", "1", "2", "2", "15"),
    "2.3": ("7,300 50% women", "2020", "1,000 50% women", "1,000 50% women", "1,000 50% women", "10,300 50% women"),
    "2.4": ("10", "2020", "3", "10", "2", "25"),
    "2.5": ("4", "2020", "1", "1", "1", "7"),
    "2.6": ("11", "2020", "2", "2", "2", "17"),
    "3.1": ("40", "2020", "5", "5", "5", "55"),
    "3.2": ("42", "2020", "1", "1", "1", "45"),
    "3.3": ("130", "2020", "3", "3", "4", "140"),
}
SECTION_RATINGS = {
    "overall": "Satisfactory",
    "strategic": "Satisfactory",
    "relevant": "Satisfactory",
    "principled": "Satisfactory",
    "management & monitoring": "Highly Satisfactory",
    "efficient": "Exemplary",
    "effective": "Exemplary",
    "sustainability & national ownership": "Satisfactory",
}


@pytest.fixture(scope="module")
def prodoc_records():
    return recognise_tables(load_document(PRODOC))


def test_project_period_comes_from_the_work_plan_years() -> None:
    assert load_document(PRODOC).period == (2021, 2023)


def test_every_results_framework_row(prodoc_records) -> None:
    indicators = {r.key: r for r in prodoc_records if r.kind == "indicator"}
    assert set(indicators) == set(RESULTS_FRAMEWORK)
    for key, expected in RESULTS_FRAMEWORK.items():
        r = indicators[key]
        targets = {c.period.describe(): clean(c.text) for c in r.cells_of("target") if c.period}
        got = (
            clean(r.text("baseline")),
            clean(r.text("baseline_year")),
            targets["Year 1 (2021)"],
            targets["Year 2 (2022)"],
            targets["Year 3 (2023)"],
            targets["final"],
        )
        assert got == expected, key
        assert r.location.heading == "Results Framework"


def test_inconsistent_final_target_is_noted(prodoc_records) -> None:
    notes = {r.key: r.notes for r in prodoc_records if r.kind == "indicator"}
    assert notes["2.1"] and "86" in notes["2.1"][0]
    assert all(not n for k, n in notes.items() if k != "2.1")


@pytest.mark.parametrize(
    ("kind", "key", "field", "value"),
    [
        ("activity", "1.1", "2021", "97 500"),
        ("activity", "1.1", "2023", "144 191"),
        ("activity", "1.9", "2021", "75 355"),
        ("activity", "1.9", "2022", "0"),
        ("activity", "2.1", "2021", "500"),
        ("activity", "3.3", "2022", "15 582"),
        ("activity", "4.1", "2021", "158 065"),
        ("total", "subtotal 1", "total", "1 505 000"),
        ("total", "undp parallel contribution", "total", "360 000"),
        ("total", "subtotal 2", "total", "1 290 000"),
        ("total", "subtotal 3", "total", "430 000"),
        ("total", "subtotal 4", "total", "1 075 000"),
        ("total", "total", "total", "4 300 000"),
        ("total", "grand total", "total", "4 660 000"),
    ],
)
def test_budget_rows(prodoc_records, kind: str, key: str, field: str, value: str) -> None:
    rows = {r.key: r for r in prodoc_records if r.kind == kind}
    record = rows[key]
    if field == "total":
        assert clean(record.text("total")) == value
    else:
        cell = next(c for c in record.cells_of("amount") if c.period and c.period.year == int(field))
        assert clean(cell.text) == value and "Yearly budgets" in cell.column


def test_budget_lines_belong_to_their_activity(prodoc_records) -> None:
    activity = next(r for r in prodoc_records if r.kind == "activity" and r.key == "1.1")
    lines = list(dict.fromkeys(c.line for c in activity.cells if c.line))
    assert lines == ["71200", "71300", "72100", "71400", "71500", "74200", "74500"]
    cell = next(c for c in activity.cells_of("line_amount") if c.line == "71300" and c.period and c.period.year == 2022)
    assert clean(cell.text) == "30 000"
    loc = activity.location
    assert (loc.row_end - loc.row, loc.line_start, loc.line_end) == (6, 423, 507)  # the activity row + 6 line rows


def test_qa_section_ratings_and_questions() -> None:
    records = recognise_tables(load_document(QA_REPORT))
    ratings = {r.key: r.text("rating") for r in records if r.kind == "qa_section"}
    assert ratings == SECTION_RATINGS
    questions = {r.key: r for r in records if r.kind == "qa_question"}
    assert sorted(questions, key=int) == [str(n) for n in range(1, 21)]

    def selected(key: str) -> str:
        cell = questions[key].cell("selected")
        return cell.line if cell else ""

    assert selected("9") == "3"
    assert selected("6") == "2"
    assert selected("12") == ""  # Yes/No with nothing marked
    assert questions["6"].cells_of("evidence")[0].text.startswith("While implementing its activities")

"""Tables read from their headers, on layouts the code was not built around: columns in
another order, five calendar years with mid-term and end-of-project targets, merged headers,
a work plan with its budget lines described rather than coded, and missing columns — as text
(tab-separated and Word-export style) and as real Word tables. Each gives the right cells or
a reported rejection, never wrong cells and never a failed file."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from assistant.core.records import Record
from ingest.loaders import load_document
from ingest.tables import recognise_tables

# a results framework with its columns reordered: targets before the data source, baseline
# value and year apart, "Indicator 1.1:" identifiers, calendar years, mid-term, end of project
RF_HEADER = [
    "Indicator",
    "Output",
    "Baseline value",
    "Baseline year",
    "2020",
    "2021",
    "2022",
    "2023",
    "2024",
    "Mid-term",
    "End of project",
    "Data source",
]
RF_ROWS = [
    [
        "Indicator 1.1: Number of provinces with a renewable energy act",
        "Output 1: Policy framework",
        "0",
        "2019",
        "0",
        "1",
        "1",
        "2",
        "2",
        "1",
        "2",
        "Provincial Gazette",
    ],
    [
        "Indicator 1.2: Number of trained technicians",
        "",
        "20",
        "2019",
        "40",
        "90",
        "260",
        "400",
        "500",
        "260",
        "500",
        "Training records",
    ],
]
# a work plan in another column order: responsible party first, years under a merged header,
# budget lines described by words with one amount over all years
WP_TOP = [
    "RESPONSIBLE PARTY",
    "EXPECTED OUTPUTS",
    "PLANNED ACTIVITIES",
    "Planned Budget by Year",
    "",
    "",
    "PLANNED BUDGET",
    "",
]
WP_SUB = ["", "", "", "2022", "2023", "2024", "Budget Description", "Amount"]
WP_ROWS = [
    [
        "AEPC",
        "Output 1: Policy framework",
        "1.1 Draft the provincial energy act",
        "10,000",
        "20,000",
        "5,000",
        "Consultants",
        "35,000",
    ],
    ["UNDP", "", "1.2 Tariff guideline", "0", "15,000", "15,000", "Workshops", "30,000"],
    ["", "", "", "", "", "", "", ""],
    ["", "Sub-Total for Output 1", "", "10,000", "35,000", "20,000", "", "65,000"],
]


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def _word_export(rows: list[list[str]]) -> str:
    """Word's text export: a cell a line, each starting with a tab; rows apart by blank lines."""
    return "\n\n".join("\n".join(f"\t{c}" for c in r) for r in rows)


def _docx(path: Path, tables: list[tuple[list[list[str]], list[tuple[int, int, int]]]]) -> Path:
    """Real Word tables; merges are (row, first column, last column) spans."""
    document = docx.Document()
    for rows, merges in tables:
        document.add_paragraph("A table")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                if text:
                    table.cell(i, j).text = text
        for i, a, b in merges:
            merged = table.cell(i, a).merge(table.cell(i, b))
            merged.text = rows[i][a]
    document.save(str(path))
    return path


def _records(path: Path) -> list[Record]:
    return recognise_tables(load_document(path))


def _targets(record: Record) -> dict[str, str]:
    return {c.period.describe(): c.text.strip() for c in record.cells_of("target") if c.period}


def _check_rf(records: list[Record]) -> None:
    indicators = {r.key: r for r in records if r.kind == "indicator"}
    assert set(indicators) == {"1.1", "1.2"}
    r = indicators["1.2"]
    assert r.text("baseline") == "20" and r.text("baseline_year") == "2019"
    assert _targets(r) == {
        "2020": "40",
        "2021": "90",
        "2022": "260",
        "2023": "400",
        "2024": "500",
        "mid-term": "260",
        "final": "500",
    }
    assert r.text("data_source") == "Training records"
    assert indicators["1.1"].group.startswith("Output 1")


@pytest.mark.parametrize("writer", [_tsv, _word_export], ids=["tsv", "word-export"])
def test_reordered_results_framework_as_text(tmp_path: Path, writer) -> None:
    path = tmp_path / "rf.txt"
    path.write_text("Results Framework\n\n" + writer([RF_HEADER, *RF_ROWS]) + "\n", encoding="utf-8")
    _check_rf(_records(path))


def test_reordered_results_framework_as_word_table(tmp_path: Path) -> None:
    _check_rf(_records(_docx(tmp_path / "rf.docx", [([RF_HEADER, *RF_ROWS], [])])))


def _check_wp(records: list[Record]) -> None:
    acts = {r.key: r for r in records if r.kind == "activity"}
    assert set(acts) == {"1.1", "1.2"}
    a = acts["1.1"]
    by_year = {c.period.year: c.text for c in a.cells_of("amount") if c.period}
    assert by_year == {2022: "10,000", 2023: "20,000", 2024: "5,000"}
    assert a.text("responsible_party") == "AEPC"
    line = [c for c in a.cells if c.line == "Consultants" and c.role == "line_amount"]
    assert [c.text for c in line] == ["35,000"]
    sub = next(r for r in records if r.kind == "total" and r.key == "subtotal 1")
    assert not sub.notes  # 10,000+0, 20,000+15,000, 5,000+15,000 are its yearly amounts


def test_work_plan_in_another_column_order_as_word_table(tmp_path: Path) -> None:
    rows = [WP_TOP, WP_SUB, *WP_ROWS]
    _check_wp(_records(_docx(tmp_path / "wp.docx", [(rows, [(0, 3, 5), (0, 6, 7)])])))


def test_work_plan_in_another_column_order_as_text(tmp_path: Path) -> None:
    top = [c or prev for c, prev in zip(WP_TOP, [""] + WP_TOP)]  # a spanned header written in each column
    path = tmp_path / "wp.txt"
    path.write_text(_tsv([top, WP_SUB, *WP_ROWS]) + "\n", encoding="utf-8")
    _check_wp(_records(path))


def test_a_framework_without_targets_is_reported_not_guessed(tmp_path: Path) -> None:
    header = ["Indicator", "Baseline", "Data source", "Responsible"]
    rows = [["Indicator 1.1: Households connected", "0", "Registers", "AEPC"]]
    path = tmp_path / "broken.txt"
    path.write_text(_tsv([header, *rows]) + "\n", encoding="utf-8")
    records = _records(path)  # the file is read, not failed
    assert not [r for r in records if r.kind == "indicator"]
    rejected = [r for r in records if r.kind == "table_map" and r.key == "rejected"]
    assert rejected and "no target column" in rejected[0].label


def test_a_one_cost_column_table_is_not_a_work_plan(tmp_path: Path) -> None:
    header = ["Monitoring Activity", "Purpose", "Frequency", "Cost (USD)"]
    rows = [["Track results progress", "Collect data", "Quarterly", "5,000"]]
    path = tmp_path / "mep.txt"
    path.write_text(_tsv([header, *rows]) + "\n", encoding="utf-8")
    records = _records(path)
    assert not [r for r in records if r.kind == "activity"]
    row = next(r for r in records if r.kind == "table_row")
    assert {c.column: c.text for c in row.cells}["Frequency"] == "Quarterly"  # still answerable by column


def test_a_risk_log_under_a_caption_of_fields_is_read_by_its_own_header(tmp_path: Path) -> None:
    # the UNDP risk log: a caption row of fields over the header; a footnote written into a header
    rows = [
        ["Project title: Solar for All", "Project No: 00119874", "Date: 10.2021", "", ""],
        [
            "#",
            "Description",
            "Impact & Likelihood[footnoteRef:3] [3:  P – likelihood, 1 to 5.]",
            "Risk owner",
            "Status",
        ],
        ["1", "Low tariff collection by cooperatives", "P = 3 I = 4", "AEPC", "Open"],
        ["2", "Delays in procurement of solar panels", "P = 2 I = 3", "UNDP", "Closed"],
    ]
    records = [r for r in _records(_docx(tmp_path / "risks.docx", [(rows, [])])) if r.kind == "table_row"]
    second = next(r for r in records if r.label_cell == "2")
    assert {c.column: c.text for c in second.cells} == {
        "#": "2",
        "Description": "Delays in procurement of solar panels",
        "Impact & Likelihood": "P = 2 I = 3",
        "Risk owner": "UNDP",
        "Status": "Closed",
    }


def test_a_header_written_over_several_short_rows_after_its_caption_is_one_header(tmp_path: Path) -> None:
    # a text export of the risk log: the caption fields and the first labels on one line, the
    # other labels on the next lines, then data rows of full width
    text = (
        "Annex 2: Risk Analysis\n\n"
        "Project title: Solar for All\tProject No: 00119874\tDate: 10.2021\t#\tDescription\n"
        "Likelihood & Impact[footnoteRef:3] [3:  P – likelihood, 1 to 5.]\n"
        "Risk owner\tStatus\n"
        "1\tLow tariff collection by cooperatives\tP = 3 I = 4\tAEPC\tOpen\n"
        "2\tDelays in procurement of solar panels\tP = 2 I = 3\tUNDP\tClosed\n"
    )
    path = tmp_path / "risks.txt"
    path.write_text(text, encoding="utf-8")
    rows = [r for r in _records(path) if r.kind == "table_row" and r.label_cell == "2"]
    assert rows and {c.column: c.text for c in rows[0].cells} == {
        "#": "2",
        "Description": "Delays in procurement of solar panels",
        "Likelihood & Impact": "P = 2 I = 3",
        "Risk owner": "UNDP",
        "Status": "Closed",
    }


def test_the_rest_of_a_split_output_cell_keeps_its_output(tmp_path: Path) -> None:
    # a PDF page or a wrapped line leaves "Gender marker: GEN2" in the output column of a later row
    rows = [
        ["Expected outputs", "Planned activities", "2021", "2022", "Responsible party", "Amount"],
        ["Output 2 - Capacity building", "Activity 2.1 Train civil servants", "10,000", "20,000", "ACSH", "30,000"],
        ["Gender marker: GEN2", "Activity 2.2 Grant scholarships", "5,000", "5,000", "ACSH", "10,000"],
        ["Output 3 - Partnerships", "Activity 3.1 Hold events", "1,000", "2,000", "ACSH", "3,000"],
    ]
    path = tmp_path / "wp.txt"
    path.write_text("Multi-Year Work Plan\n\n" + _tsv(rows) + "\n", encoding="utf-8")
    groups = {r.key: r.group for r in _records(path) if r.kind == "activity"}
    assert groups["2.2"].startswith("Output 2") and groups["3.1"].startswith("Output 3")


# a work plan with one budget line per activity, on the activity's own row, and its yearly
# amounts right of the line columns; activities outside the outputs coded "MG.1"; sub-totals
# written under a label that spans the first columns; a total that leaves GMS out
WP3_ROWS = [
    ["Output", "Activity", "Implementer", "Donor", "Account", "Budget by year (USD)", "", "", "Total (USD)"],
    ["", "", "", "", "", "2025", "2026", "2027", ""],
    ["Output 1: Wells dug", "1.1 Dig 40 wells", "WaterCo", "EU", "Civil works", "10 000", "20 000", "5 000", "35 000"],
    ["", "1.2 Train caretakers", "NGO", "EU", "Trainings", "1 000", "2 000", "3 000", "6 000"],
    ["Output 1 subtotal", "11 000", "22 000", "8 000", "41 000"],
    ["Management", "MG.1 Project team", "UNDP", "TRAC", "Salaries", "4 000", "4 000", "4 000", "12 000"],
    ["Management subtotal", "4 000", "4 000", "4 000", "12 000"],
    ["Total budget (excluding GMS)", "15 000", "26 000", "12 000", "53 000"],
    ["GMS (8%)", "1 200", "2 080", "960", "4 240"],
]


@pytest.mark.parametrize("writer", [_tsv, _word_export], ids=["tsv", "word-export"])
def test_one_line_activities_own_their_yearly_amounts(tmp_path: Path, writer) -> None:
    path = tmp_path / "wp.txt"
    path.write_text("Work Plan\n\n" + writer(WP3_ROWS) + "\n", encoding="utf-8")
    records = _records(path)
    acts = {r.key: r for r in records if r.kind == "activity"}
    assert set(acts) == {"1.1", "1.2", "MG.1"}
    by_year = {c.period.year: c.text for c in acts["1.1"].cells_of("amount") if c.period}
    assert by_year == {2025: "10 000", 2026: "20 000", 2027: "5 000"}
    assert acts["1.1"].text("total") == "35 000" and acts["1.1"].text("funding_source") == "EU"
    assert acts["MG.1"].group == "Management"  # not Output 1's, whose activities came before
    totals = {r.label: r for r in records if r.kind == "total"}
    sub = totals["Output 1 subtotal"]
    assert sub.key == "subtotal 1" and not sub.notes  # its activities add up to it, year by year
    assert {c.period.year: c.text for c in sub.cells_of("amount") if c.period}[2026] == "22 000"
    assert totals["Total budget (excluding GMS)"].key != "gms"  # it leaves GMS out: not the GMS row
    assert totals["GMS (8%)"].key == "gms"


def test_identifiers_in_a_code_column_beside_the_indicator_names(tmp_path: Path) -> None:
    rows = [
        ["Code", "Indicator", "Baseline", "Target 2025", "Achieved 2025", "Status"],
        ["OI 1.1", "Wells in use", "4", "40", "31", "On track"],
        ["OI 1.2", "Caretakers trained", "0", "80", "12", "Behind"],
    ]
    path = tmp_path / "progress.txt"
    path.write_text("Progress\n\n" + _tsv(rows) + "\n", encoding="utf-8")
    indicators = {r.key: r for r in _records(path) if r.kind == "indicator"}
    assert set(indicators) == {"1.1", "1.2"}
    assert indicators["1.2"].label == "Caretakers trained" and indicators["1.2"].text("achieved") == "12"


def test_a_table_that_looks_rated_but_is_not_is_reported_and_still_read_as_rows(tmp_path: Path) -> None:
    rows = [
        ["No.", "Risk", "Probability", "Impact", "Score (P x I)", "Owner"],
        ["1", "Floods damage the wells", "3", "4", "12", "Engineer"],
    ]
    path = tmp_path / "risks.txt"
    path.write_text("Risk log\n\n" + _tsv(rows) + "\n", encoding="utf-8")
    records = _records(path)
    assert any(r.kind == "table_map" and r.key == "rejected" for r in records)
    row = next(r for r in records if r.kind == "table_row")
    assert {c.column: c.text for c in row.cells}["Owner"] == "Engineer"


def test_a_qa_assessment_laid_out_as_tables_gives_its_questions_and_criterion_ratings(tmp_path: Path) -> None:
    summary = [
        ["Criterion", "Questions", "Ratings given", "Criterion rating"],
        ["Relevant", "4-5", "3, 2", "Satisfactory"],
    ]
    questions = [
        ["Criterion", "No.", "Question", "Rating", "Evidence and comments"],
        ["Relevant", "4", "Is the project's target group identified?", "3", "Households were listed by census."],
        ["", "5", "Have lessons learned informed the design?", "2", "No insurance pilot is cited."],
    ]
    under_lines = [["#", "Question", "Rating", "Evidence"], ["6", "Are risks managed?", "1", "The log is outdated."]]
    text = (
        "Quality Assurance: Design\n\n" + _tsv(summary) + "\n\n" + _tsv(questions) + "\n\n"
        "Principled - Quality Rating: Needs Improvement\n\n" + _tsv(under_lines) + "\n"
    )
    path = tmp_path / "qa.txt"
    path.write_text(text, encoding="utf-8")
    records = _records(path)
    rated = next(r for r in records if r.kind == "rating")
    assert rated.text("rating") == "Satisfactory"  # the criterion's, not its questions' "3, 2"
    asked = {r.key: r for r in records if r.kind == "qa_question"}
    assert set(asked) == {"4", "5", "6"}
    assert asked["5"].group == "Relevant"  # under the criterion cell merged down its questions
    assert asked["5"].cell("selected").text == "2" and "insurance" in asked["5"].text("evidence")
    assert asked["6"].group == "Principled"  # under its section's rating line

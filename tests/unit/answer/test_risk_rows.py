"""A risk log's rows chosen by a value and asked for other columns ("which risk is rated
Moderate, and who owns it?"), and field rows that name every word of their field."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.facts import FactFinder
from tests.unit.answer.indexing import indexed

FIELDS = [["Project title:", "Solar for all"], ["Date of report:", "15 February 2023"], ["Moderate Risk", "☐"]]
RISKS = [
    ["#", "Description", "Likelihood, Impact & Risk level", "Risk treatment / Management measures", "Risk owner"],
    ["1", "Loss of government funding", "P = 2\nI = 5\nModerate", "Regular consultations with the ministry", "UNDP CO"],
    ["2", "Staff turnover in the partner agency", "P = 3\nI = 2\nLow", "A handover file for every post", "ACSH"],
]


def _docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_paragraph("Project document")
    for caption, rows in (("Cover", FIELDS), ("Annex 2. Risk log", RISKS)):
        d.add_paragraph(caption)
        table = d.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                table.cell(i, j).text = text
    d.save(str(path))
    return path


@pytest.fixture()
def finder(tmp_path: Path) -> FactFinder:
    return FactFinder(indexed(tmp_path / "home", {"prodoc.docx": _docx(tmp_path / "prodoc.docx")}), ())


def test_a_row_chosen_by_a_lines_value_answers_the_columns_asked(finder: FactFinder) -> None:
    found = finder.answer("Which risk is rated Moderate, and who owns it?")
    assert found is not None and not found.refused
    assert "Loss of government funding" in found.text and "UNDP CO" in found.text
    assert "Staff turnover" not in found.text and "☐" not in found.text  # a bare tick box says nothing


def test_a_field_row_needs_every_word_of_its_name(finder: FactFinder) -> None:
    found = finder.answer("What is the date of the report?")
    assert found is not None and "15 February 2023" in found.text
    other = finder.answer("What is the end date?")
    assert other is None or "15 February 2023" not in other.text  # "Date of report" is not the end date


def test_the_highest_of_a_column_with_the_columns_asked_is_not_a_rating(tmp_path: Path) -> None:
    text = (
        "Project document\n\nAnnex 2. Risk log\n\n#\tRisk\tLikelihood\tImpact\tOwner\n"
        "1\tMonsoon floods delay deliveries\t4\t3\tUNDP\n2\tLow tariff collection by cooperatives\t3\t5\tAEPC\n\n"
        "QA form\n\n#\tQuestion\tRating\tEvidence\n7\tAre social impacts and risks being managed?\t2\tScreening is done.\n"
    )
    found = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": text}), ()).answer(
        "Which risk has the highest impact score, and who owns it?"
    )
    assert found is not None and "Low tariff collection" in found.text and "AEPC" in found.text
    assert "Are social impacts" not in found.text


def test_a_value_asked_in_a_follow_up_with_a_column_word(finder: FactFinder) -> None:
    found = finder.answer("what's being done about it (Which risk in the risk log is rated Moderate)?")
    assert found is not None and "Regular consultations with the ministry" in found.text
    assert "A handover file" not in found.text


def test_what_was_recommended_is_never_a_cover_field(tmp_path: Path) -> None:
    from assistant.answer.query import parse_query
    from assistant.answer.table_rows import row_answer
    from assistant.core.records import Cell, Record
    from assistant.core.types import Location

    end = Record(
        "table_row",
        "end date",
        "End Date",
        (Cell("column", "End Date", column="Field"), Cell("column", "31 December 2024", column="Entry")),
        Location("prodoc.txt", table=1),
        "prodoc.txt",
        label_cell="End Date",
    )
    asked = parse_query("What is the project end date?")
    assert row_answer([end], asked, asked.text, None)
    recommended = parse_query("What did the evaluation recommend about the project end date?")
    assert not row_answer([end], recommended, recommended.text, None)


def test_a_paragraph_cell_is_no_value_that_selects_its_row(tmp_path: Path) -> None:
    purpose = (
        "Governance mechanism of the project, i.e. the Steering Committee, will hold regular project reviews "
        "to assess the performance of the project and review the work plan to ensure realistic budgeting over "
        "the life of the project, and an end-of-project review to capture lessons learned."
    )
    text = (
        "Project document\n\nMonitoring Plan\n\nMonitoring Activity\tPurpose\tFrequency\n"
        f"Project Review\t{purpose}\tAnnually\nTrack results\tProgress data against the indicators\tQuarterly\n"
    )
    found = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": text}), ()).answer(
        "Which countries does the regional project on innovation in governance cover?"
    )
    assert found is None or "Project Review" not in found.text


RISK_LOG = (
    "Project document\n\nAnnex 2. Risk Log\n\n#\tRisk\tCategory\tLikelihood\tImpact\tMitigation measures\tOwner\n"
    "1\tLandslides and floods damage installations\tEnvironmental\t3\t4\tHazard screening of sites\tAEPC technical team\n"
    "2\tStaff turnover in the partner agency\tOperational\t2\t3\tA handover file for every post\tProject Manager\n"
)


@pytest.fixture()
def risk_log(tmp_path: Path) -> FactFinder:
    return FactFinder(indexed(tmp_path / "home", {"prodoc.txt": RISK_LOG}), ())


def test_a_row_asked_about_as_a_whole_gives_all_its_cells(risk_log: FactFinder) -> None:
    # "risk" names the column that holds the row's own name: the question asks the whole row
    found = risk_log.answer("Tell me about the risk of landslides and floods damaging installations.")
    assert found is not None and not found.refused
    assert all(v in found.text for v in ("Environmental", "Hazard screening of sites", "AEPC technical team"))
    assert "Staff turnover" not in found.text


def test_mitigate_and_owns_name_their_columns_not_the_row(risk_log: FactFinder) -> None:
    planned = risk_log.answer("How will the project mitigate landslides and floods damaging installations?")
    assert planned is not None and "Hazard screening of sites" in planned.text and "Project Manager" not in planned.text
    owned = risk_log.answer("Who owns the risk of staff turnover in the partner agency?")
    assert owned is not None and "Project Manager" in owned.text and "Hazard" not in owned.text


def test_the_chance_of_a_risk_is_its_likelihood_not_a_cover_field_naming_its_words(tmp_path: Path) -> None:
    text = (
        "Project document\n\nGovernment of Kazakhstan:\t4,300,000\nUNDP parallel:\t360,000\n\n"
        "Annex 2. Risk log\n\n#\tDescription\tLikelihood\tImpact\tOwner\n"
        "1\tDecreasing interest of the Government of Kazakhstan as principal donor\t3\t5\tUNDP CO\n"
        "2\tStaff turnover in the partner agency\t2\t3\tACSH\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": text}), ())
    found = finder.answer(
        "What is the chance of decreasing interest of the Government of Kazakhstan as principal donor?"
    )
    assert found is not None and "Likelihood: 3" in found.text and "4,300,000" not in found.text


RECOMMENDATIONS = (
    "Mid-term evaluation\n\n4. Recommendations\n\n#\tRecommendation\tAddressed to\tPriority\n"
    "1\tExtend the project by 12 months at no cost.\tProject Board\tHigh\n"
    "2\tSchedule deliveries to high-altitude sites in the dry season.\tUNDP\tMedium\n"
    "3\tFast-track the second round of grants.\tUNDP\tHigh\n"
)


def test_a_value_of_a_named_column_selects_every_row_that_has_it(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"mte.txt": RECOMMENDATIONS}), ())
    found = finder.answer("Which recommendations are marked high priority?")
    assert found is not None and not found.refused
    assert "Extend the project" in found.text and "second round of grants" in found.text
    assert "dry season" not in found.text  # a Medium one, though its words say "high-altitude"
    # a value no column of the question holds ("UNDP" in "Addressed to") selects no rows
    assert finder.answer("Which UNDP strategic plan output is the project linked to?") is None


def test_a_field_name_is_matched_as_words_not_only_stems(tmp_path: Path) -> None:
    cover = (
        "Evaluation report\n\nTitle:\tMid-term evaluation\nCommissioned by:\tUNDP Nepal\nEvaluation type:\tMid-term\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"mte.txt": cover}), ())
    found = finder.answer("What does the Commission do?")
    assert found is None or "UNDP Nepal" not in found.text  # "Commissioned by" is not the Commission
    asked = finder.answer("Who commissioned the evaluation?")
    assert asked is None or "UNDP Nepal" in asked.text


def test_a_risk_chosen_by_a_number_in_a_column_is_the_subject_of_the_next_question(tmp_path: Path) -> None:
    from assistant.answer.assistant import Assistant
    from assistant.core.settings import Settings

    log = (
        "No.\tRisk description\tProbability (1-5)\tImpact (1-5)\tMitigation measures\tRisk owner\n"
        "1\tPrices of cement rise\t3\t4\tFixed-price contracts\tUNDP\n"
        "2\tMudflows damage the canals\t3\t5\tClimate-proofed designs\tWater Resources Service\n"
    )
    store = indexed(tmp_path / "home", {"prodoc.txt": f"Project document\n\nRisk log\n\n{log}"})
    assistant = Assistant(Settings(home=tmp_path / "home", embedding_model="hashing"), store)
    first = "Which risk in the risk log has an impact of 5?"
    chosen = assistant.ask(first)
    assert "Mudflows damage the canals" in chosen.answer and "cement" not in chosen.answer
    owner = assistant.ask("Who owns that risk?", [first])
    assert "Water Resources Service" in owner.answer and "UNDP" not in owner.answer


def test_words_naming_a_column_choose_the_row_of_the_table_that_has_it(tmp_path: Path) -> None:
    log = (
        "Annex 1. Risk Log\n\n"
        "No.\tRisk description\tType\tProbability (1-5)\tImpact (1-5)\tMitigation measures\tRisk owner\n"
        "1\tInsurers decline to offer index products\tStrategic\t3\t3\tMarket sounding\tProject Manager\n"
        "2\tFloods damage the rehabilitated canals\tEnvironmental\t3\t5\tFlood-proof designs\tWater Service\n\n"
        "Recommendations\n\n"
        "No.\tRecommendation\tAddressed to\n"
        "1\tFind insurers for a weather-index pilot\tUNDP\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": log}), ())
    found = finder.answer("risk owner insurers risk")
    assert found is not None and not found.refused
    assert "Project Manager" in found.text and "Water Service" not in found.text and "UNDP" not in found.text


def test_a_columns_scale_is_no_figure_of_the_answer(tmp_path: Path) -> None:
    log = (
        "Project document\n\nRisk log\n\n#\tRisk description\tProbability (1-5)\tImpact (1-5)\tRisk owner\n"
        "3\tRestructuring of ministries delays decisions\t4\t3\tUNDP Resident Representative\n"
    )
    found = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": log}), ()).answer("What is risk 3's probability?")
    assert found is not None and "Probability: 4" in found.text
    assert "1-5" not in found.text

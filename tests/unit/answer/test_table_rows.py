"""(Row, column) questions on any table with a header: a row named by its column's noun and a
number or an ordinal ("recommendation 1", "the first recommendation"), answered from its cells,
its own text cited once."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.facts import FactFinder
from assistant.core.settings import Settings

MTE = (
    "Mid-Term Evaluation Report\n\n4. Recommendations\n\n"
    "#\tRecommendation\tAddressed to\tPriority\n"
    "1\tExtend the project by 12 months at no cost, to 31 December 2025.\tProject Board\tHigh\n"
    "2\tSchedule all equipment deliveries between October and May.\tAEPC, UNDP\tHigh\n"
    "3\tFast-track the second round of grants to women-led enterprises.\tUNDP\tMedium\n"
)


@pytest.fixture()
def finder(tmp_path: Path) -> FactFinder:
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables

    store = Store(Settings(home=tmp_path / "home", embedding_model="hashing"))
    path = tmp_path / "mte.txt"
    path.write_text(MTE, encoding="utf-8")
    doc = load_document(path)
    records = recognise_tables(doc)
    chunks = chunk_document(doc, records)
    store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    return FactFinder(store, ())


@pytest.mark.parametrize(
    "question", ["What was recommendation 1 of the evaluation?", "What was the first recommendation?"]
)
def test_a_row_named_by_its_columns_noun_and_number(finder: FactFinder, question: str) -> None:
    found = finder.answer(question)
    assert found is not None and found.text.startswith("Extend the project by 12 months")
    assert found.text.count("Extend the project") == 1  # its own text, said and cited once
    assert found.evidence[0].quote.startswith("Extend the project by 12 months")


def test_a_column_of_a_numbered_row(finder: FactFinder) -> None:
    found = finder.answer("Who is recommendation 3 addressed to?")
    assert found is not None and "Addressed to: UNDP" in found.text and "Medium" not in found.text


def test_a_plural_naming_a_tables_label_column_lists_its_rows(tmp_path: Path) -> None:
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    qa = (
        "Design QA\n\n4. Qualifications to be addressed\n\n"
        "No.\tQualification\tResponsible\tDeadline\n"
        "1\tVerify the baseline of indicator 3.2\tProject Manager\t30 June 2024\n"
        "2\tPrepare the ESMPs before tendering\tEngineer\t31 March 2024\n"
        "3\tCost the gender action plan\tProject Manager\tFirst Board meeting\n\n"
        "5. Risks\n\n"
        "No.\tRisk\tOwner\n"
        "1\tFloods\tWater Service\n"
        "2\tPrice rises\tOperations\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"qa.txt": qa}), ())
    found = finder.answer("What qualifications does the project have to address after the appraisal?")
    assert found is not None and not found.refused
    assert all(q in found.text for q in ("Verify the baseline", "Prepare the ESMPs", "Cost the gender action plan"))
    assert "Floods" not in found.text
    assert [e.quote for e in found.evidence][:1] == ["Verify the baseline of indicator 3.2"]


def test_a_row_named_by_every_word_of_its_label_wins_over_an_activity_mentioning_it(tmp_path: Path) -> None:
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    doc = (
        "Project Document\n\nEvaluation Plan\n\n"
        "Evaluation Title\tPartners (if joint)\tPlanned Completion Date\tCost and Source of Funding\n"
        "Mid-term Evaluation\tAEPC\tMarch 2022\t40,000 (UNDP TRAC)\n"
        "Terminal Evaluation\tAEPC\tSeptember 2024\t60,000 (UNDP TRAC)\n\n"
        "Multi-Year Work Plan\n\n"
        "EXPECTED OUTPUTS\tPLANNED ACTIVITIES\t2022\t2023\t2024\tRESPONSIBLE PARTY\tFunding Source\tBudget Description\tAmount\n"
        "Output 4: Management\t4.2 Monitoring, evaluation and audits (incl. mid-term and terminal evaluations)"
        "\t10,000\t15,000\t70,000\tUNDP\tUNDP TRAC\tConsultants\t95,000\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": doc}), ())
    found = finder.answer("What does the terminal evaluation cost?")
    assert found is not None and not found.refused
    assert "60,000" in found.text and "70,000" not in found.text and "40,000" not in found.text


def test_how_big_asks_a_size_which_a_count_indicator_does_not_give(tmp_path: Path) -> None:
    from assistant.answer.extractive import asks_for_number
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    assert asks_for_number("how big are the grants supposed to be?")
    rf = (
        "Results Framework\n\n"
        "Output indicator\tBaseline\tYear 1\tYear 2\n"
        "OI 3.3 Number of agribusinesses receiving matching grants\t0\t40\t120\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": rf}), ())
    assert finder.answer("How big are the matching grants for agribusinesses supposed to be?") is None
    counted = finder.answer("How many agribusinesses are supposed to receive matching grants in year 2?")
    assert counted is not None and "120" in counted.text


def test_who_did_something_names_the_field_of_the_one_who_does_it(tmp_path: Path) -> None:
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    cover = (
        "Quality Assurance: Design\n\n"
        "Field\tValue\n"
        "Project title\tWells for all\n"
        "QA assessor\tProgramme Analyst, Water\n"
        "QA approver\tDeputy Resident Representative\n"
        "Date of assessment\t21 November 2023\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"design-qa.txt": cover}), ())
    assessed = finder.answer("Who carried out the design QA assessment?")
    assert assessed is not None and "Programme Analyst, Water" in assessed.text and "Deputy" not in assessed.text
    approved = finder.answer("Who approved the design QA?")
    assert approved is not None and "Deputy Resident Representative" in approved.text
    assert "Programme Analyst" not in approved.text


RESPONSES = (
    "Mid-Term Evaluation\n\n4. Recommendations and management response\n\n"
    "No.\tRecommendation\tAddressed to\tManagement response\tPlanned action and deadline\n"
    "1\tReplace the OI 3.4 target of 4,000 insured farmers with an insurance pilot for 1,500 farmers.\t"
    "Project Board\tAccepted\tRevised results framework by April 2026.\n"
    "2\tRequire two women on every WUA council by the 2026 elections.\tUWUA\tPartially accepted\t"
    "Model by-laws by December 2026.\n"
)
RF_34 = (
    "Project document\n\nResults Framework\n\n"
    "Output indicators\tBaseline\t2024\t2025\tEnd of project\tData source\n"
    "Indicator 3.4: Farmers covered by index-based insurance\t0\t0\t1,000\t4,000\tInsurer records\n"
)


def test_a_follow_up_on_a_quoted_row_is_answered_by_the_cell_that_says_its_word(tmp_path: Path) -> None:
    from tests.unit.answer.indexing import indexed

    store = indexed(tmp_path / "home", {"mte.txt": RESPONSES, "prodoc.txt": RF_34})
    # the row an answer quoted, carried as the follow-up's subject: its label names indicator
    # 3.4 too, but the question is about the recommendation
    asked = (
        "was that accepted (Replace the OI 3.4 target of 4,000 insured farmers with an insurance pilot "
        "for 1,500 farmers.)?"
    )
    found = FactFinder(store, ()).answer(asked)
    assert found is not None and not found.refused
    assert "Management response: Accepted" in found.text and "1,000" not in found.text
    # a yes/no question whose word no cell says is not answered by a value
    assert "Partially accepted" not in found.text


def test_a_follow_up_carries_the_row_the_answer_before_quoted(tmp_path: Path) -> None:
    from assistant.answer.assistant import Assistant
    from tests.unit.answer.indexing import indexed

    home = tmp_path / "home"
    store = indexed(home, {"mte.txt": RESPONSES, "prodoc.txt": RF_34})
    assistant = Assistant(Settings(home=home, embedding_model="hashing"), store)
    asked = "What did the evaluation recommend about the insurance pilot?"
    first = assistant.ask(asked)
    assert not first.refused and first.answer.startswith("Replace the OI 3.4 target")
    then = assistant.ask("was that accepted?", history=[asked])
    assert not then.refused and "Management response: Accepted" in then.answer
    # a follow-up that no column or cell of the row speaks of keeps the question (the text may answer it)
    assert "Replace the OI" not in assistant.whole_question("how did the ministry react to it?", [asked])


def test_a_role_held_by_several_rows_is_answered_with_every_one(tmp_path: Path) -> None:
    from tests.unit.answer.indexing import indexed

    board = (
        "Project document\n\n8. Governance\n\n"
        "Board role\tOrganization\tRepresented by\n"
        "Executive\tUNDP Kyrgyzstan\tResident Representative\n"
        "Senior Beneficiary\tKyrgyzhydromet\tDirector\n"
        "Senior Beneficiary\tUnion of Water User Associations (UWUA)\tChairperson\n"
        "Senior Beneficiary\tWomen farmers' groups of the target districts\tOne elected representative\n"
    )
    found = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": board}), ()).answer(
        "Who represents the beneficiaries on the Project Board?"
    )
    assert found is not None and not found.refused
    for member in ("Kyrgyzhydromet", "(UWUA)", "Women farmers' groups"):
        assert member in found.text
    assert "UNDP Kyrgyzstan" not in found.text and found.text.count("Senior Beneficiary") == 1


def test_who_pays_for_the_final_evaluation_is_its_rows_source_of_funding(tmp_path: Path) -> None:
    from tests.unit.answer.indexing import indexed

    plan = (
        "Project document\n\nEvaluation plan\n\n"
        "Evaluation\tPlanned completion\tCost (USD)\tSource of funding\tPartners (if joint)\n"
        "Mid-term evaluation\tFebruary 2026\t45,000\tUNDP TRAC\tMWRAPI\n"
        "Final evaluation\tOctober 2027\t60,000\tEU contribution\tMWRAPI\n\n"
        "Multi-year work plan\n\nActivity\tFunding source\t2026\t2027\tTotal (USD)\n"
        "PM.2 Monitoring, evaluation and audits (incl. mid-term and final evaluations)\tUNDP TRAC\t60 000\t75 000\t135 000\n"
    )
    found = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": plan}), ()).answer(
        "Who pays for the final evaluation and how much does it cost?"
    )
    assert found is not None and "EU contribution" in found.text and "60,000" in found.text
    assert "PM.2" not in found.text and "45,000" not in found.text


def test_what_an_evaluation_recommends_is_not_its_evaluation_plan_row(tmp_path: Path) -> None:
    from tests.unit.answer.indexing import indexed

    plan = (
        "Project document\n\nEvaluation plan\n\n"
        "Evaluation\tPlanned completion\tCost (USD)\n"
        "Mid-term evaluation\tNovember 2022\t40,000\n"
        "Final evaluation\tSeptember 2024\t60,000\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": plan}), ())
    when = finder.answer("When is the final evaluation due?")
    assert when is not None and "September 2024" in when.text
    recommended = finder.answer("What did the mid-term evaluation recommend about the end date?")
    assert recommended is None or "November 2022" not in recommended.text


def test_a_follow_ups_carried_subject_names_no_cover_field(tmp_path: Path) -> None:
    from tests.unit.answer.indexing import indexed

    qa = "Design QA\n\nAssessment stage\tDesign\nDecision\tApprove with qualifications\n"
    risks = (
        "Project document\n\nRisk log\n\n#\tRisk description\tType\tRisk owner\n"
        "3\tRestructuring of ministries changes the national counterpart or delays decisions\tPolitical\tUNDP\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"qa.txt": qa, "prodoc.txt": risks}), ())
    found = finder.answer(
        "Did it actually happen (Restructuring of ministries changes the national counterpart or delays decisions)?"
    )
    assert found is None or "Approve with qualifications" not in found.text
    assert "Approve with qualifications" in (finder.answer("What was the decision?") or found).text

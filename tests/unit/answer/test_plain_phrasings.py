"""Plain questions about a table read for what they ask: "how much is planned" is money, "did the
regulator approve it in 2022?" asks whether a result was reached, "overall delivery" is the
total row, and "the Project Manager's name" is a name the documents may not give."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.extractive import extractive_answer
from assistant.answer.facts import FactFinder
from assistant.answer.followup import resolve_followup
from assistant.answer.query import parse_query
from assistant.core.types import Chunk, Location
from assistant.core.verify import SourceTexts
from assistant.retrieval.hybrid import Hit
from tests.unit.answer.indexing import indexed

PRODOC = (
    "Project document\n\nResults Framework\n\n"
    "Output indicators\tBaseline\t2021\t2022\t2023\tEnd of project\tData source\n"
    "Indicator 1.4: Number of journal editions published\t0\t2\t2\t2\t6\tJournal\n"
    "Indicator 1.2: ERC tariff-setting guideline for community mini-grids approved\tNo\tNo\tYes\tYes\tYes\tERC\n\n"
    "Multi-Year Work Plan\n\n"
    "EXPECTED OUTPUTS\tPLANNED ACTIVITIES\t2021\t2022\t2023\tRESPONSIBLE PARTY\n"
    "Output 1\tActivity 1.2 Journal preparation and periodic publication\t21 500\t21 500\t21 500\tUNDP\n"
)
REPORT = (
    "Annual Progress Report 2022\n\nProgress against Results Framework targets (2022)\n\n"
    "Indicator\tBaseline\tAnnual target 2022\tAchieved 2022\tStatus\n"
    "1.2 ERC tariff-setting guideline for community mini-grids approved\tNo\tYes\tNo\tNot achieved\n\n"
    "Financial delivery 2022\n\n"
    "Output\t2022 budget\t2022 expenditure\tDelivery rate\n"
    "Output 1 - Policy\t300,000\t240,000\t80.0%\n"
    "Output 2 - Mini-grids\t1,440,000\t1,210,000\t84.0%\n"
    "Total (excluding GMS)\t2,065,000\t1,744,400\t84.5%\n"
)


def test_how_much_is_planned_asks_for_money_and_how_many_are_expected_for_a_target() -> None:
    money = parse_query("How much is planned each year for the journal?")
    assert money.wants("amount") and not money.wants("target")
    count = parse_query("By the end, how many journal editions are expected?")
    assert count.wants("target") and "journal" in count.subject_words
    assert parse_query("How much of the target is planned for 2022?").wants("target")  # the word said


def test_how_much_is_planned_for_an_activity_named_like_an_indicator_is_its_budget(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": PRODOC}), ())
    found = finder.answer("How much is planned each year for the journal preparation and publication?")
    assert found is not None and found.text.startswith("Activity 1.2") and "21 500" in found.text


def test_did_it_happen_in_a_year_asks_whether_the_years_result_was_reached(tmp_path: Path) -> None:
    assert parse_query("Did the regulator approve the mini-grid tariff guideline in 2022?").wants("met")
    assert not parse_query("Did management agree to it?").wants("met")
    assert not parse_query("Why was the guideline delayed in 2022?").wants("met")
    assert not parse_query("Did the board say why the guideline was delayed in 2022?").wants("met")
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": PRODOC, "apr-2022.txt": REPORT}), ())
    found = finder.answer("Was the tariff-setting guideline for community mini-grids approved in 2022?")
    assert found is not None and "Not achieved" in found.text


def test_overall_delivery_is_the_total_row(tmp_path: Path) -> None:
    finder = FactFinder(indexed(tmp_path / "home", {"apr-2022.txt": REPORT}), ())
    found = finder.answer("overall delivery rate 2022")
    assert found is not None and found.text.startswith("Total (excluding GMS)") and "84.5%" in found.text


def test_a_persons_name_the_documents_never_give_is_said_to_be_missing() -> None:
    text = "The Project Manager, recruited by UNDP and based at AEPC, runs the project on a day-to-day basis."
    chunk = Chunk(id="c1", text=text, location=Location("prodoc.txt", line_start=1), title="prodoc.txt")
    answer = extractive_answer(
        "What is the Project Manager's name?", [Hit(chunk, 1.0, 0, 0, 0.6)], SourceTexts({"prodoc.txt": text}.get)
    )
    assert answer.refused and "give no name" in answer.answer


def test_evidence_for_it_after_a_qa_criterions_rating_asks_for_that_ratings_evidence() -> None:
    resolved = resolve_followup(
        "What evidence is given for it?", ["What rating did the closure QA give for the Effective criterion?"]
    )
    assert resolved == "What evidence is given for it (Effective rating)?"
    assert parse_query(resolved).qa_section == "effective"

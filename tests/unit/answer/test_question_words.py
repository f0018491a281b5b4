"""Words of a question read for what they ask, not for what they look like: "agro-met" holds no
"met", "by the end of June 2025" is a date and not the end of the project, "had been trained"
asks what was achieved, "PM.2" names an activity coded outside the outputs, and "quick one -
when …?" asks for a date."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.assistant import Assistant
from assistant.answer.query import parse_query
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed


def test_a_hyphenated_word_and_a_dated_end_ask_nothing_of_themselves() -> None:
    assert not parse_query("what was the baseline for the agro-met stations").wants("met")
    assert parse_query("Was the 2025 target met?").wants("met")
    dated = parse_query("How many farmers had been trained by the end of June 2025?")
    assert not dated.wants("final") and dated.wants("achieved")
    assert parse_query("How many farmers by the end of the project?").wants("final")


def test_letter_coded_identifiers_are_read_and_no_number_is_one() -> None:
    assert parse_query("PM.2 2027").bare_ids == ("pm.2",)
    assert parse_query("budget for activity PM.1 in 2025").activities == ("pm.1",)
    assert parse_query("see no.5 of the list").bare_ids == ()


def test_a_when_question_is_not_answered_by_a_row_that_gives_no_date(tmp_path: Path) -> None:
    form = (
        "Quality Assurance: Design\n\nProject number\t01004517\nQA approver\tDeputy Resident Representative\n"
        "Date of assessment\t21 November 2023\n\nComments\n\n"
        "The QA approver signed off the overall rating of Satisfactory on 8 December 2023.\n"
    )
    store = indexed(tmp_path / "home", {"qa.txt": form})
    answer = Assistant(Settings(home=tmp_path / "home", embedding_model="hashing"), store).ask(
        "quick one - when did the approver actually sign off on the QA rating?"
    )
    assert "8 December 2023" in answer.answer and "Deputy Resident Representative" not in answer.answer


def test_an_evaluation_of_another_stage_is_not_the_one_asked_about(tmp_path: Path) -> None:
    ratings = "Criterion\tRating\tJustification\nOverall project rating\t5 – Satisfactory\tOn track.\n"
    store = indexed(tmp_path / "home", {"wells-midterm-evaluation.txt": f"Mid-term evaluation\n\n{ratings}"})
    assistant = Assistant(Settings(home=tmp_path / "home", embedding_model="hashing"), store)
    final = assistant.ask("What rating did the final evaluation give the project?")
    assert final.refused and "mid-term evaluation" in final.answer
    midterm = assistant.ask("What overall rating did the mid-term evaluation give the project?")
    assert not midterm.refused and "5 – Satisfactory" in midterm.answer


def test_how_much_is_budgeted_asks_a_tables_cost_column(tmp_path: Path) -> None:
    plan = "Monitoring activity\tFrequency\tCost (USD)\nFarmer outcome survey\tEvery two years\t15,000\n"
    store = indexed(tmp_path / "home", {"prodoc.txt": f"Monitoring plan\n\n{plan}"})
    answer = Assistant(Settings(home=tmp_path / "home", embedding_model="hashing"), store).ask(
        "How much is budgeted for the farmer outcome survey and when is it done?"
    )
    assert "15,000" in answer.answer and "Every two years" in answer.answer


def test_russian_words_are_read_alike_whether_typed_with_yo_or_hyphenated() -> None:
    from assistant.answer.query import unglossed

    # "отчёт" is glossed as "отчет" is, and "ит-архитектуры" by its parts, as the glosses read them
    assert unglossed("Какой отчёт?") == unglossed("Какой отчет?") == []
    assert unglossed("Что про ит-архитектуры?") == []
    assert unglossed("Почему проект отменили из-за засухи?") == ["засухи"]  # a word no gloss reads

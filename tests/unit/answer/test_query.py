"""How a question is read: the fields it asks for and the words it misspells."""

from __future__ import annotations

import pytest

from assistant.answer.query import mend_typos, parse_query


@pytest.mark.parametrize(
    ("question", "final"),
    [
        ("How many technicians should be trained by the end of the project?", True),
        ("What is the end-of-project target for households connected?", True),
        ("How many technicians had been trained by the end of 2022?", False),  # a year's end, not the project's
        ("What was reached by the end of 2023 for indicator 1.2?", False),
    ],
)
def test_by_the_end_of_a_year_is_not_the_final_target(question: str, final: bool) -> None:
    assert ("final" in parse_query(question).fields) is final


def test_misspelt_superlatives_and_question_words_are_mended() -> None:
    assert mend_typos("wich risk has the highst impact score") == "wich risk has the highest impact score"
    assert mend_typos("qa rating quesiton 17 targetd groups") == "qa rating question 17 targeted groups"
    assert parse_query("QA rating quesiton 17 targetd groups").qa_question == "17"


def test_another_form_of_a_known_word_is_not_a_typo() -> None:
    assert mend_typos("how many participating countries") == "how many participating countries"
    assert mend_typos("was it monitored") == "was it monitored"
    assert mend_typos("how many were publshed") == "how many were published"


def test_an_english_word_is_no_typo_of_a_question_word() -> None:
    # "remaining" is not "training", "response" not "responsible", "spend" not "spent" …
    assert mend_typos("the remaining mini-grids") == "the remaining mini-grids"
    assert mend_typos("what was the management response") == "what was the management response"
    # … and "spend" still asks what was spent
    assert parse_query("How much did the project spend in 2022?").wants("expenditure")


def test_a_rate_is_a_rating_only_when_someone_rates() -> None:
    assert "rating" in parse_query("What did the closure QA rate Management & Monitoring?").fields
    assert "rating" in parse_query("How did the evaluation rate relevance?").fields
    gms = parse_query("What is the total General Management Support, and at what rate is it charged?")
    assert "rating" not in gms.fields and gms.qa_section == ""  # not the "Management & Monitoring" section
    assert "rating" not in parse_query("delivry rate for the project managment output in 2022").fields
    assert "rating" not in parse_query("What rating did the evaluation give for sustainability?").subject_words


def test_reaching_a_target_asks_whether_it_was_met() -> None:
    assert "met" in parse_query("Did the project reach its 2022 target for solar irrigation pumps?").fields


def test_russian_capacity_and_achievement_words_are_read() -> None:
    query = parse_query("Какую установленную мощность мини-сетей удалось достичь в 2022 году?")
    assert "achieved" in query.fields and query.years == (2022,)
    assert "capacity" in query.text and "mini-grids" in query.text


def test_words_asking_for_a_value_do_not_name_the_row() -> None:
    # "targeted" and "by the end" ask for the final target; the row is named by the rest
    words = parse_query("How many ACSH participating countries are targeted by the end of phase 3?").subject_words
    assert set(words) == {"acsh", "participating", "countries"}


def test_a_budget_code_is_asked_for_by_its_names() -> None:
    assert "budget_line" in parse_query("Which budget line code is used for Activity 4.7?").fields
    assert "budget_line" in parse_query("atlas account code of activity 1.2").fields
    assert "budget_line" not in parse_query("What is the budget for activity 1.2 in 2022?").fields


def test_a_four_letter_word_is_mended_only_when_it_drops_one_letter() -> None:
    assert mend_typos("whats the totl budget") == "whats the total budget"
    assert mend_typos("what is the cost per year") == "what is the cost per year"


def test_plurals_stem_to_their_singular() -> None:
    from assistant.core.text import stem

    assert stem("dates") == stem("date") and stem("activities") == stem("activity")
    assert stem("meetings") == stem("meeting") == stem("meet") and stem("churches") == stem("church")


def test_a_russian_hyphenated_word_is_glossed_by_its_parts() -> None:
    text = parse_query("Сколько заложено на разработку ИТ-архитектуры в 2021 году?").text
    assert "architecture" in text and "budgeted" in text and "planned" not in text


def test_what_an_assessment_says_about_something_asks_its_rating_and_evidence() -> None:
    assert "rating" in parse_query("What does the QA say about gender results?").fields
    assert "rating" in parse_query("What lessons learned did the QA point to?").fields
    assert "rating" not in parse_query("What does the project say about gender?").fields


def test_an_amount_is_not_an_identifier() -> None:
    assert parse_query("What is Korea doing with the USD 3.6 million it gave the hub?").bare_ids == ()
    assert parse_query("what about the $3.6m grant?").bare_ids == ()
    assert parse_query("budjet 3.4 2021").bare_ids == ("3.4",)  # a bare identifier still is one


def test_where_the_data_comes_from_asks_the_data_source_and_names_no_row() -> None:
    query = parse_query("Where does the data for the scholarships indicator come from?")
    assert "data_source" in query.fields
    assert query.subject_words == ("scholarships",)


def test_the_strategic_plan_is_not_the_strategic_section() -> None:
    assert parse_query("Which Strategic Plan output did the QA say the project responded to?").qa_section == ""
    assert parse_query("What did the QA say about the Strategic section?").qa_section == "strategic"
    assert parse_query("Why did the M&E plan question get the lowest score in the QA?").qa_section != ""


@pytest.mark.parametrize(
    "question",
    [
        "How much was spent on project management in the first half of 2025?",
        "How much was spent on project management in H1 2025?",
        "Сколько потратили на управление проектом за первое полугодие 2025 года?",
    ],
)
def test_a_part_of_a_year_is_a_period_not_words_of_the_rows_name(question: str) -> None:
    query = parse_query(question)
    assert query.years == (2025,)
    assert not {"first", "half", "h1", "half-year"} & set(query.subject_words)
    assert "management" in query.subject_words


def test_russian_how_much_with_spent_or_cost_asks_an_amount_not_a_count() -> None:
    assert "amount" in parse_query("Сколько потратили на обучение в 2025 году?").fields
    assert "count" not in parse_query("Сколько потратили на обучение в 2025 году?").fields
    assert "count" in parse_query("Сколько фермеров прошли обучение в 2025 году?").fields


def test_a_russian_phrase_is_glossed_as_one_and_leaves_no_unread_word() -> None:
    from assistant.answer.query import gloss, unglossed

    assert "first half" in gloss("расходы за первое полугодие")
    assert unglossed("расходы за первое полугодие") == []


def test_a_russian_project_year_and_falling_behind_are_read() -> None:
    query = parse_query("Насколько доля женщин в советах отставала от цели второго года на июнь 2025?")
    assert query.year_indexes == (2,) and query.years == (2025,)
    assert "met" in query.fields and "target" in query.fields
    assert not {"behind", "june", "second"} & set(query.subject_words)


def test_a_month_is_a_period_not_words_of_the_rows_name() -> None:
    query = parse_query("How many farmers were trained by June 2025?")
    assert "june" not in query.subject_words and "farmers" in query.subject_words


def test_russian_costs_budgeted_are_an_amount_not_spending() -> None:
    budgeted = parse_query("Сколько заложено на прямые проектные расходы в 2026 году?")
    assert "amount" in budgeted.fields and "expenditure" not in budgeted.fields
    assert "direct" in budgeted.subject_words
    assert "expenditure" in parse_query("Сколько израсходовали на обучение в 2025 году?").fields


def test_words_of_charging_name_no_row() -> None:
    # "gets charged", "set aside": how money is spoken of, not the row's name
    assert parse_query("How much GMS gets charged in 2025?").subject_words == ("gms",)
    assert parse_query("How much is set aside for the demonstration plots?").subject_words == ("demonstration", "plots")

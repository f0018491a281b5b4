"""Follow-ups read as whole questions: a subject named by its words comes along with the
question that named it, and a follow-up asking a field of its own takes that question alone,
not the turns between that asked other fields."""

from __future__ import annotations

from assistant.answer.followup import resolve_followup


def test_a_subject_named_by_its_words_carries_its_question_not_only_its_year() -> None:
    history = ["How much is planned in 2022 for the e-learning platform?"]
    resolved = resolve_followup("who is responsible for delivering it?", history)
    assert "e-learning platform" in resolved


def test_a_field_of_its_own_takes_the_first_question_without_the_turns_between() -> None:
    history = ["What is the final target for triangular cooperation exchanges?", "how many per year?"]
    resolved = resolve_followup("and where did it start from?", history)
    assert "triangular cooperation exchanges" in resolved and "per year" not in resolved


def test_a_whole_new_question_is_not_rewritten() -> None:
    history = ["What were the 2022 targets for indicator 2.3?"]
    assert resolve_followup("Who is the implementing partner?", history) == "Who is the implementing partner?"


def test_a_count_whose_thing_is_unsaid_carries_the_conversations_subject() -> None:
    history = ["Tell me about the scholarships the Hub gives to civil servants."]
    assert "scholarships" in resolve_followup("How many had been granted by 2020?", history)
    # a count that says what it counts is a question of its own
    asked = "How much was spent on solar pumps in 2022?"
    assert resolve_followup(asked, ["Who chairs the Project Board?"]) == asked


def test_a_follow_up_may_open_with_ok() -> None:
    history = ["What is the 2022 budget for output 2?"]
    assert resolve_followup("ok, and output 3?", history) == "What is the 2022 budget for output 3?"


def test_a_turn_already_read_in_context_is_not_read_again() -> None:
    first = "What did the mid-term evaluation recommend about the project end date?"
    second = resolve_followup("who is that addressed to?", [first])
    assert second == f"who is that addressed to ({first.rstrip('?')})?"
    # a chat keeps each turn as read: the third question reads the same either way, and a
    # follow-up naming a thing of its own carries the question that named the subject
    third = "what was the management response to it?"
    expected = f"what was the management response to it ({first.rstrip('?')})?"
    assert resolve_followup(third, [first, "who is that addressed to?"]) == expected
    assert resolve_followup(third, [first, second]) == expected

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

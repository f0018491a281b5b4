"""Words of a question read for what they ask, not for what they look like: "agro-met" holds no
"met", "by the end of June 2025" is a date and not the end of the project, "had been trained"
asks what was achieved, "PM.2" names an activity coded outside the outputs."""

from __future__ import annotations

from assistant.answer.query import parse_query


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

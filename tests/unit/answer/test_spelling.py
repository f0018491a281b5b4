"""Misspelt question words read as the documents' words, never another form of a word they use."""

from __future__ import annotations

from assistant.answer.spelling import mend

VOCABULARY = frozenset(
    {"grievances", "received", "implemented", "allocated", "project", "evaluation", "planned", "physical"}
)


def test_a_misspelt_word_is_read_as_the_documents_word() -> None:
    assert mend("how many greivances were recieved?", VOCABULARY) == "how many grievances were received?"
    assert mend("when is the evalution planed", VOCABULARY) == "when is the evaluation planned"


def test_another_form_of_a_documents_word_and_short_words_stay() -> None:
    assert mend("Who implements it and how much do they allocate?", VOCABULARY) == (
        "Who implements it and how much do they allocate?"
    )
    assert mend("the projct bdgt", VOCABULARY | {"budget"}) == "the project bdgt"  # two letters out: too far
    assert mend("Сколько выделено?", VOCABULARY) == "Сколько выделено?"


def test_a_letter_left_out_of_a_short_word_is_put_back_unless_it_is_a_word() -> None:
    words = VOCABULARY | {"books", "should", "sites", "plans", "boots", "boats"}
    english = frozenset({"sits", "plan", "should", "books"})
    assert mend("how many boks shold be publshed", words | {"published"}, english) == (
        "how many books should be published"
    )
    assert mend("Who sits on the board?", words, english) == "Who sits on the board?"  # a word, not "sites"
    assert mend("the plan", words) == "the plan"  # "plans" is the word with an ending, not a mending
    assert mend("the bots", words) == "the bots"  # "boots" or "boats": no one word fits


def test_a_long_english_word_the_documents_do_not_use_is_kept() -> None:
    words = VOCABULARY | {"collection", "fees"}
    english = frozenset({"collecting", "fees"})
    # "collecting" is near "collection" by its letters, but it is a word of its own
    assert mend("fees the WUAs were collecting", words, english) == "fees the WUAs were collecting"
    assert mend("fees the WUAs were colection", words, english) == "fees the WUAs were collection"

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
    assert mend("the projct budgt", VOCABULARY | {"budget"}) == "the project budgt"  # six letters or more only
    assert mend("Сколько выделено?", VOCABULARY) == "Сколько выделено?"

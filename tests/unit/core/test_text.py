"""Text helpers: how a question's words are found in a sentence."""


def test_hyphenated_words_agree_with_their_parts_written_apart() -> None:
    from assistant.core.text import coverage

    assert coverage(["mini", "grid"], "24 solar mini-grids were commissioned.") == 1.0
    assert coverage(["open-access"], "an international open access electronic journal") == 1.0
    assert coverage(["open-access"], "an open journal") == 0.0


def test_a_glossed_russian_question_is_read_by_its_english_words() -> None:
    from assistant.core.text import latin_reading

    assert latin_reading("Что попросила делегация ЕС на заседании PAC? asked delegation meeting") == (
        "PAC? asked delegation meeting"
    )
    assert latin_reading("What did the EU ask?") == "What did the EU ask?"
    assert latin_reading("Что это?") == "Что это?"  # nothing English to read: as it is

"""Text helpers: how a question's words are found in a sentence."""


def test_hyphenated_words_agree_with_their_parts_written_apart() -> None:
    from assistant.core.text import coverage

    assert coverage(["mini", "grid"], "24 solar mini-grids were commissioned.") == 1.0
    assert coverage(["open-access"], "an international open access electronic journal") == 1.0
    assert coverage(["open-access"], "an open journal") == 0.0

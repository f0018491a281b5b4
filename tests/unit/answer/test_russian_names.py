"""Place names a Russian question writes in Cyrillic read as the documents' Latin names, by
transliteration with the case or adjective ending dropped; other Russian words stay."""

from __future__ import annotations

from assistant.answer.names_ru import read_names

VOCABULARY = frozenset({"naryn", "talas", "jalal", "abad", "bishkek", "astana", "oblast", "net", "plan"})


def _read(text: str) -> str:
    unread = {w for w in text.lower().replace("-", " ").split() if len(w) >= 4}
    return read_names(text, VOCABULARY, unread)


def test_names_in_their_russian_cases_read_as_the_documents_names() -> None:
    assert _read("работы в Нарынской области") == "работы в naryn oblast"
    assert _read("в Таласской и Джалал-Абадской") == "в talas и jalal-abad"
    assert _read("офис в Бишкеке") == "офис в bishkek" and _read("в Астане") == "в astana"


def test_a_short_word_or_a_glossed_one_is_left_as_written() -> None:
    assert _read("Нет данных") == "Нет данных"  # "нет" is no "net"
    assert read_names("план работы", VOCABULARY, set()) == "план работы"  # a word a gloss reads

"""Names a Russian question writes in Cyrillic ("в Нарынской области", "в Бишкеке") read as the
documents' own Latin names ("Naryn", "Bishkek"): a word is transliterated, its case or
adjective ending dropped, and replaced when the documents use what is left as a word."""

from __future__ import annotations

import re

_LETTERS = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
    )
)
# adjective and case endings, longest first: "нарынской" is "нарын", "бишкеке" is "бишкек"
_ENDINGS = sorted(
    ("ской", "ского", "скому", "ским", "ском", "ская", "скую", "ский", "ское", "ские", "ских")
    + ("ой", "ом", "ам", "ах", "е", "а", "у", "ы", "и", "ю", "я"),
    key=len,
    reverse=True,
)
MIN_NAME = 4  # letters a name keeps once its ending is dropped


def _latin(word: str) -> str:
    word = word.replace("дж", "j")  # "Джалал-Абад" is written "Jalal-Abad"
    return "".join(_LETTERS.get(ch, ch) for ch in word).replace("_", "")


def _readings(word: str) -> list[str]:
    """The word as written, and without each ending it may carry (and with the "-а" of a name
    like "Астана" put back), in Latin letters."""
    bases = [word] + [word[: -len(e)] for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= MIN_NAME]
    return [_latin(b) for base in bases for b in (base, f"{base}а")]


def read_names(text: str, vocabulary: frozenset[str], unread: set[str]) -> str:
    """``text`` with each Cyrillic word of ``unread`` (those no gloss reads) that reads as a name
    the documents use written as that name ("Нарынской" → "naryn"); other words as they are."""

    def name(m: re.Match[str]) -> str:
        word = m.group(0).lower().replace("ё", "е")
        if not all(part in unread for part in word.split("-")):
            return m.group(0)
        for reading in _readings(word):
            parts = [p for p in reading.split("-") if p]
            if len(reading) >= MIN_NAME and parts and all(len(p) >= MIN_NAME - 1 and p in vocabulary for p in parts):
                return reading
        return m.group(0)

    return re.sub(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", name, text)

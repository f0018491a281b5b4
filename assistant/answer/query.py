"""What a table question asks, as a structured query: subjects (by number, or words to match
by name), the fields asked for, the periods, and for QA forms the section or question.

The words people use for fields and subjects (English and Russian) come from the
``questions`` profile; misspelt words are read as the nearest known word.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assistant import profiles
from assistant.answer.as_of import without_points
from assistant.core.text import STOPWORDS, key_terms
from assistant.store.embeddings import english_words

# "2.3", "1.1.2", and a letter-coded one outside the numbered outputs: "PM.2" (not "No. 2")
_ID = r"(?:\d{1,2}(?:\.\d{1,2}){1,2}|(?<![a-z])(?!no\.)[a-z]{1,3}\.\d{1,2}(?:\.\d{1,2})?)"
_ID_LIST = rf"({_ID}(?:\s*(?:,|and|or|&|и|или)\s*{_ID})*)"
_YEAR = r"(?:19|20)\d\d"
_AMOUNT = re.compile(
    r"(?:\b(?:usd|eur|euro)|us\$|\$|€|£)\s*\d[\d.,]*(?:\s*(?:million|mln|bn|billion|thousand|m|k)\b)?"
    r"|\d[\d.,]*\s*(?:million|mln|billion|bn|thousand|per\s*cent|percent|%|млн|тыс\w*)"
)


@dataclass(frozen=True)
class Query:
    """A question read for the fact path."""

    text: str  # the question as read: lower case, typos mended, Russian words glossed
    indicators: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    bare_ids: tuple[str, ...] = ()  # "RF final target 3.1": an identifier with no kind word
    subtotals: tuple[str, ...] = ()  # output numbers
    outputs: tuple[str, ...] = ()  # "output 2" named without "sub-total"
    qa_question: str = ""
    qa_section: str = ""
    overall: bool = False
    rating_value: str = ""  # "which section was rated Exemplary?"
    fields: tuple[str, ...] = ()  # roles asked for, in the profile's order
    years: tuple[int, ...] = ()
    year_indexes: tuple[int, ...] = ()
    subject_words: tuple[str, ...] = field(default_factory=tuple)  # for matching a row by its name

    def wants(self, *roles: str) -> bool:
        return any(r in self.fields for r in roles)

    @property
    def numbered(self) -> bool:
        return bool(self.indicators or self.activities or self.bare_ids or self.subtotals or self.qa_question)


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    return profiles.load("questions")


def _patterns(group: str) -> dict[str, list[re.Pattern[str]]]:
    raw = _vocabulary()[group]
    assert isinstance(raw, dict)
    return {k: [profiles.rx(p) for p in v] for k, v in raw.items()}


def names_kind(text: str, kind: str) -> bool:
    """The text says a kind of subject ("activity", "subtotal", "total") in the profile's words."""
    return any(p.search(text) for p in _patterns("subjects")[kind])


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly|tion|ment|ers?|ity|al)$")


def _inflection_of(word: str, known: str) -> bool:
    """ "participating" beside "participants", "monitored" beside "monitoring": another form of
    the same word (a shared beginning, a proper ending), not a misspelling of it."""
    shared = len(os.path.commonprefix([word, known]))
    return shared >= 5 and bool(_SUFFIX.search(word))


def mend_typos(text: str) -> str:
    """Words close to a known one ("budjet", "activty", "indicatr") read as it."""
    known = [str(w) for w in _vocabulary()["words"]]
    english = english_words()

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word in known or word in STOPWORDS or word in english:
            return word  # an English word is meant as written: "remaining" is not "training"
        if len(word) == 4:  # a short word only when one letter was dropped ("totl" → "total")
            return next((k for k in known if len(k) == 5 and any(k[:i] + k[i + 1 :] == word for i in range(5))), word)
        if len(word) < 5:
            return word
        close = difflib.get_close_matches(word, known, n=1, cutoff=0.8)
        if not close or _inflection_of(word, close[0]):
            return word
        return close[0]

    return re.sub(r"[a-z]+", fix, text)


_RU_FUNCTION = set(
    """какой какая какое какие каков какова каково сколько было были была году года почему когда этот эта это
    этого того чтобы также более менее всего после перед между через около согласно чему какую каким какими
    который которая которые есть будет будут может могут нужно такое такой такие свой своя свои
    насколько лучше хуже больше меньше называет называют указывает указано приводит
    является являются каком каких каковы какого которых котором которой среди него всех этой этих этом
    данного сейчас пожалуйста говорит говорится сказано""".split()
)


def _phrases() -> list[tuple[re.Pattern[str], str]]:
    raw = _vocabulary().get("gloss_ru_phrases") or {}
    return [(profiles.rx(str(p)), str(en)) for p, en in raw.items()]


def _phrase_glosses(text: str) -> tuple[str, list[str]]:
    """``text`` without its glossed Russian phrases ("первое полугодие"), and their glosses."""
    found: list[str] = []
    for pattern, en in _phrases():
        if pattern.search(text):
            found.append(en)
            text = pattern.sub(" ", text)
    return text, found


def unglossed(text: str) -> list[str]:
    """The Russian content words of ``text`` that no gloss reads (they still ask something)."""
    table = _vocabulary()["gloss_ru"]
    assert isinstance(table, dict)
    # read as ``gloss`` reads them: "ё" as "е", a hyphenated word by its parts ("ит-архитектуры")
    rest, _ = _phrase_glosses(text.lower().replace("ё", "е"))
    words = re.findall(r"[а-я]+", rest)
    return [
        w for w in words if len(w) >= 4 and w not in _RU_FUNCTION and not any(w.startswith(str(stem)) for stem in table)
    ]


def gloss(text: str) -> str:
    """English glosses of the Russian subject words of ``text``, appended to it."""
    table = _vocabulary()["gloss_ru"]
    assert isinstance(table, dict)
    rest, extra = _phrase_glosses(text)
    words = re.findall(r"[а-яё-]+", rest)
    words += [part for w in words if "-" in w for part in w.split("-") if part]  # "ит-архитектуры"
    extra += [str(en) for word in words for stem, en in table.items() if word.startswith(str(stem))]
    return f"{text} {' '.join(dict.fromkeys(extra))}" if extra else text


def _ids(text: str, kind_words: list[re.Pattern[str]]) -> list[str]:
    out: list[str] = []
    for pattern in kind_words:
        for m in re.finditer(rf"(?:{pattern.pattern})\s*(?:no\.?|#|№)?\s*{_ID_LIST}", text):
            out += re.findall(_ID, m.group(m.lastindex or 1))
    return list(dict.fromkeys(out))


def _years(text: str) -> tuple[int, ...]:
    years: list[int] = []
    span = rf"\b({_YEAR})\s*(?:-|–|to|through|по|до)\s*({_YEAR})\b"
    for a, b in re.findall(span, text):
        years += range(int(a), int(b) + 1)
    years += [int(y) for y in re.findall(rf"\b({_YEAR})\b", re.sub(span, " ", text))]
    return tuple(dict.fromkeys(years))


def qa_section_named(text: str) -> str:
    """The key of the QA section the (lower-cased) question names, or ""."""
    head = text.split(" (")[0]  # a rewritten follow-up: its own words before the carried context
    for part in (head, text):
        for section in profiles.qa_sections():
            for alias in sorted(section.aliases, key=len, reverse=True):
                # "the Strategic Plan output" names UNDP's Strategic Plan, not the Strategic section
                plan = r"(?!\s+plan\b)" if alias == "strategic" else ""
                if re.search(rf"\b{re.escape(alias)}\b{plan}", part):
                    return section.name.lower()
    return ""


def _qa(text: str) -> tuple[str, bool, str]:
    """(section key, overall rating asked, rating value asked) of a QA question."""
    asks_rating = any(p.search(text) for p in _patterns("fields")["rating"])
    # "which criteria got Highly Satisfactory?": a level named with "which", asked of the form
    names_level = any(re.search(rf"\b{r.lower()}\b", text) for r in profiles.rating_scale())
    if not asks_rating and not (names_level and re.search(r"\bwhich\b|\bкаки\w*", text)):
        return "", False, ""
    if re.search(r"\boverall\b|\bобщ\w*", text):
        return "", True, ""
    if section := qa_section_named(text):
        return section, False, ""
    if re.search(r"\bsections?\b|\bcriteri\w*|\bareas?\b|\bwhich\b|\bраздел\w*|\bкритери\w*", text):
        value = next((r for r in profiles.rating_scale() if re.search(rf"\b{r.lower()}\b", text)), "")
        # "satisfactory" is inside "highly satisfactory": prefer the longer name
        longer = [r for r in profiles.rating_scale() if r.lower() in text and value.lower() in r.lower()]
        return "", False, max(longer, key=len) if longer else value
    return "", False, ""


# fields that are a row's values, never its name: the words asking for them ("targeted",
# "by the end") are left out of the words a row is matched by
_VALUE_ROLES = ("baseline", "final", "midterm", "target", "achieved", "count")


def _without_value_words(text: str) -> str:
    fields = _patterns("fields")
    for role in _VALUE_ROLES:
        for pattern in fields[role]:
            text = pattern.sub(" ", text)
    return text


def _without_period_words(text: str) -> str:
    """``text`` without the part of a year it asks about ("the first half of 2025", "q3")."""
    for raw in _vocabulary().get("periods") or ():
        text = profiles.rx(str(raw)).sub(" ", text)
    return text


_TARGET_WORD = re.compile(r"\btargets?\b|\bgoals?\b|\bцелев\w*")


def parse_query(question: str) -> Query:
    text = question.lower().replace("–", "-").replace("—", "-").replace("ё", "е")
    text = gloss(mend_typos(text))
    subjects = _patterns("subjects")
    indicators = _ids(text, subjects["indicator"])
    activities = _ids(text, subjects["activity"])
    named = set(indicators) | set(activities)
    amounts = _AMOUNT.sub(" ", text)  # "usd 3.6 million" is an amount, not activity 3.6
    bare = [i for i in dict.fromkeys(re.findall(rf"(?<![\d.]){_ID}(?![\d.])", amounts)) if i not in named]
    subtotals: list[str] = []
    if any(p.search(text) for p in subjects["subtotal"]):
        subtotals = re.findall(r"\boutputs?\s*(?:no\.?\s*)?(\d{1,2})\b(?!\.\d)", text)
        subtotals += re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+output", text)
    outputs = [] if subtotals else re.findall(r"\boutputs?\s*(?:no\.?\s*)?(\d{1,2})\b(?!\.\d)", text)
    qa_question = re.search(r"\b(?:qa\s+)?question\s*(?:no\.?|#)?\s*(\d{1,2})\b(?!\.\d)", text)
    section, overall, rating_value = _qa(text)
    fields = [role for role, pats in _patterns("fields").items() if any(p.search(text) for p in pats)]
    if "target" in fields and "amount" in fields and re.search(r"\bhow much\b", text) and not _TARGET_WORD.search(text):
        fields.remove("target")  # "how much is planned / expected for the journal?": money, not a count's target
    if "of_target" in fields and "share" in fields:
        fields.remove("share")  # "what share of the target was reached?": reached, then computed as a share
    noise = {str(w) for w in _vocabulary()["noise"]}
    rest = without_points(_without_period_words(_without_value_words(text)))
    words = [w for w in key_terms(rest) if w not in noise and not re.fullmatch(r"[\d.,%]+", w) and len(w) > 2]
    return Query(
        text=text,
        indicators=tuple(indicators),
        activities=tuple(activities),
        bare_ids=tuple(bare),
        subtotals=tuple(dict.fromkeys(subtotals)),
        outputs=tuple(dict.fromkeys(outputs)),
        qa_question=qa_question.group(1) if qa_question and not named else "",
        qa_section=section,
        overall=overall,
        rating_value=rating_value,
        fields=tuple(fields),
        years=_years(text),
        year_indexes=tuple(int(n) for n in re.findall(r"\byear\s+(\d{1,2})\b(?!\s*\()", text)),
        subject_words=tuple(words),
    )

"""Small text helpers shared by ingestion and answering."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path

# Words that carry no subject in a question: left out of keyword search and coverage.
STOPWORDS = set(
    """a an the of in on for to and or is are was were be been by with at as from that this these those
    what which who whom whose when where why how did does do has have had it its their there they them
    project projects document documents please tell me about give list name any much many according
    under into than more most also same all s i we you our your was can could would should will shall
    may might during often each per being whether if its it phase closure qa report according
    what's whats who's where's how's that's it's there's let's i'm i've we're
    don't dont doesn't doesnt didn't didnt isn't isnt aren't arent wasn't wasnt weren't werent
    can't cant won't wont haven't havent hasn't hasnt
    mentioned cited stated mentions cites say says said gives gave given quotes quoted figure figures nutshell""".split()
)

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"(\[])")


def clean(cell: str) -> str:
    """Text on one line with single spaces, as a person reads it (display only, not quotes)."""
    return re.sub(r"\s+", " ", cell.replace("\xa0", " ")).strip()


_LEADING_NUMBER = re.compile(r"^\s*[>~<]?\s*((\d{1,3}(?:[ ,\xa0]\d{3})+|\d+)(\.\d+)?)")


def to_number(cell: str) -> float | None:
    """The number a cell starts with ("1 505 000", "7,300 50% women" → 7300, "84.5%"), or None."""
    m = _LEADING_NUMBER.match(cell)
    if not m:
        return None
    return float(re.sub(r"[ ,\xa0]", "", m.group(2)) + (m.group(3) or ""))


def leading_number(cell: str) -> str:
    """The figure a cell starts with, as written ("8,000" of "8,000 (1,600 female-headed)")."""
    m = _LEADING_NUMBER.match(cell)
    return clean(m.group(1)) if m else clean(cell)


def period_label(index: int, period: tuple[int, int] | None) -> str:
    """ "Year 2 (2022)" when the project period is known, else "Year 2"."""
    if period:
        return f"Year {index} ({period[0] + index - 1})"
    return f"Year {index}"


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; each is a verbatim span of it."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def normalise_space(text: str) -> str:
    """For comparing quotes: any run of whitespace (NBSP included) becomes one space."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def file_sha256(path: Path) -> str:
    """The file's content hash, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- numbers ------------------------------------------------------------------------------------

# a quantity as written: "1,000", "1 505 000" (space or NBSP groups), "4.5", "86"
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:(?:,|[ \u00a0\u202f])\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)")


def number_key(raw: str) -> str:
    """A number as a comparable string: "1 000", "1,000" and "1000.0" all give "1000"."""
    digits = re.sub(r"[,\s\u00a0\u202f]", "", raw)
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return digits
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def numbers(text: str) -> list[str]:
    """Every number in ``text``, normalised by ``number_key`` (the one number parser)."""
    return [number_key(m.group(1)) for m in NUMBER.finditer(text)]


# --- project numbers ----------------------------------------------------------------------------

PROJECT_NUMBER = re.compile(r"\b0\d{6,8}\b")


def project_key(number: str) -> str:
    """A project number in comparable form: "00108694" and "108694" are the same project."""
    return number.strip().lstrip("0")


def same_project(a: str, b: str) -> bool:
    return bool(project_key(a)) and project_key(a) == project_key(b)


# --- question words -----------------------------------------------------------------------------


_CYRILLIC_WORD = re.compile(r"\S*[а-яё]\S*", re.IGNORECASE)


def latin_reading(text: str) -> str:
    """A glossed Russian question as the English-only embedder can read it: its English glosses
    and Latin-script words ("PAC", "2025"), without the Russian words; other text as it is."""
    return normalise_space(_CYRILLIC_WORD.sub(" ", text)) or text


def key_terms(text: str) -> list[str]:
    """The subject words and numbers of a question or sentence (stopwords left out)."""
    words = re.findall(r"\d+(?:[.,]\d+)*%?|[a-z][a-z\-']+", text.lower().replace("\u2019", "'"))
    # a possessive is its word: "countries'" and "project's" are "countries" and "project"
    words = [w if w in STOPWORDS else re.sub(r"'s?$", "", w) for w in words]
    return [w for w in dict.fromkeys(words) if w not in STOPWORDS and len(w) > 1]


def stem(word: str) -> str:
    """A light stem: "meetings", "meeting", "meet" agree, and "dates" / "date", "activities" /
    "activity" (a plural's "es" goes only after s, x, z, ch and sh), "planned" / "plan"."""
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and re.search(r"(?:[sxz]|ch|sh)es$", word):
        return word[:-2]
    for suffix in ("ings", "ing", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            base = word[: -len(suffix)]
            if suffix != "s" and re.search(r"([^aeioulsfz])\1$", base):
                base = base[:-1]  # "planned", "committed": the doubled consonant is the ending's
            return base
    return word


def stems(text: str) -> set[str]:
    """The stems of a text's key words: what two texts are compared by, word for word."""
    return {stem(w) for w in key_terms(text)}


# endings that make another word of the same family ("certify" / "certification", "partner" /
# "partnership"): a question and a document often say one thing in two parts of speech
_DERIVED = re.compile(
    r"(?:ication|ation|ition|ion|ability|ibility|ility|able|ible|ial|ment|ship|ness|ity|ance|ence|ant|ent|ive|al|ally|ly|er|or|ise|ize|ised|ized|is|iz)$"
)  # "is", "iz": "categorised", "categorized" stemmed (their "ed" gone)
_FAMILY_MIN = 5  # shorter stems than this are too often different words ("fund" / "fundamental")


def same_family(a: str, b: str) -> bool:
    """Two stems of one word family: the longer is the shorter (less up to two final letters,
    "certify" → "certif") plus a derivational ending."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if short == long:
        return True
    for cut in (0, 1, 2):
        base = short[: len(short) - cut]
        if len(base) < _FAMILY_MIN:
            return False
        if long.startswith(base) and _DERIVED.fullmatch(long[len(base) :]):
            return True
    return False


SYNONYM_CREDIT = 0.8  # a word the sentence says in other words counts for a little less


def coverage(terms: list[str], sentence: str, synonyms: Mapping[str, frozenset[str]] | None = None) -> float:
    """Weighted share of the question's key words present in ``sentence`` (numbers weigh double);
    a word of the same family counts, a synonym (stem -> stems) counts ``SYNONYM_CREDIT``."""
    if not terms:
        return 0.0
    have = stems(sentence)
    # "mini-grids" also says "grid"; "open-access" is said by "open access"
    have |= {stem(part) for h in have if "-" in h for part in h.split("-") if len(part) > 1}
    by_start: dict[str, list[str]] = {}
    for h in have:
        by_start.setdefault(h[: _FAMILY_MIN - 2], []).append(h)

    def present(term: str, s: str) -> bool:
        if s in have:
            return True
        if "-" in term and all(stem(part) in have for part in term.split("-") if part):
            return True
        return len(s) >= _FAMILY_MIN and any(same_family(s, h) for h in by_start.get(s[: _FAMILY_MIN - 2], ()))

    total = got = 0.0
    for term in terms:
        weight = 2.0 if term[0].isdigit() else 1.0
        total += weight
        s = stem(term)
        if present(term, s):
            got += weight
        elif synonyms and synonyms.get(s, frozenset()) & have:
            got += SYNONYM_CREDIT * weight
    return got / total

"""Rows matched by what they say: a question that names an indicator or activity by its
meaning ("how many people were we supposed to train") is matched against the records' own
labels, lexically (word overlap weighted by how rare a word is among the labels) and by
meaning (the bundled embedder), and only a clear winner is taken."""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from assistant import profiles
from assistant.core.records import Record
from assistant.core.text import key_terms, latin_reading, stem

Embed = Callable[[Sequence[str]], list[list[float]]]

MIN_SCORE = 0.42  # below this no record is named by the question
MIN_MARGIN = 0.04  # the winner must lead the next different row by this much
_CLOSE = 0.82  # how alike a misspelt word and a label's word must be (difflib's ratio)
COUNT_BONUS = 0.15  # at most, for a row whose counted thing is the question's
_HEAD_WORDS = 3  # the words after "how many" / "Number of" that say what is counted
_COUNT_ASKED = re.compile(r"\b(?:how many|number of)\s+((?:[\w-]+\s+){0,5}[\w-]+)")
_COUNT_LABEL = re.compile(
    r"^\W*(?:total\s+)?(?:number|no\.|#|percentage|share|proportion)\s+of\s+((?:[\w-]+\W+){0,5}[\w-]+)"
)
_SYNONYMS = {  # a question's word -> words a label may use for it
    "train": ("training", "capacity", "participants", "trainings"),
    "trained": ("training", "participants", "capacity"),
    "people": ("participants", "persons", "individuals", "civil", "servants"),
    "scholarship": ("scholarships", "grants"),
    "studies": ("study", "scholarships"),
    "publish": ("publication", "published", "products"),
    "papers": ("publications", "knowledge", "products"),
    "events": ("event", "conferences", "workshops", "seminars"),
    "countries": ("country",),
    "women": ("gender", "female"),
    "experts": ("expert", "roster"),
    "households": ("household", "connections", "connected"),
    "electricity": ("power", "energy", "grid", "mini-grids"),
}


def _words(text: str) -> list[str]:
    """Stemmed subject words; hyphens dropped so that "mid-term" and "midterm" agree."""
    return [stem(w) for w in key_terms(re.sub(r"(?<=\w)-(?=\w)", "", text)) if not w[0].isdigit()]


_WORDS_OF: dict[int, tuple[Record, list[str]]] = {}  # id(record) -> (record, its words): the store
# hands out the same records while the index is unchanged, so each is read once per process


def _doc_words(record: Record) -> list[str]:
    """What a record is known by: its label and group, its document's name, and for a row of
    a generic table every cell (a risk is named by its description, not its number)."""
    hit = _WORDS_OF.get(id(record))
    if hit is not None and hit[0] is record:
        return hit[1]
    if len(_WORDS_OF) > 200_000:
        _WORDS_OF.clear()
    words = _read_words(record)
    _WORDS_OF[id(record)] = (record, words)
    return words


def _read_words(record: Record) -> list[str]:
    source = re.sub(r"\.\w+$", "", record.source).replace("-", " ").replace("_", " ")
    extra = " ".join(c.text for c in record.cells) if record.kind == "table_row" else ""
    return _words(f"{record.label} {extra}") + [CONTEXT] + _words(f"{record.group} {source}")


CONTEXT = "\x00"  # after it in a record's words: its group's and document's, shared by its siblings
CONTEXT_WEIGHT = 0.5  # a word only the record's context holds tells less of the row than its own
PROFILE_SYNONYM_CREDIT = 0.5  # a word of a general synonym group ("main" for "principal") tells less


class RecordMatcher:
    """Finds the record a question's subject words name, among ``records``."""

    def __init__(self, records: list[Record], embed: Embed | None = None) -> None:
        self.records = records
        self.embed = embed
        self.docs = [_doc_words(r) for r in records]
        df: Counter[str] = Counter(w for words in self.docs for w in set(words))
        n = max(len(records), 1)
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self._vectors: np.ndarray | None = None
        self._vocabulary = list(self.idf)

    def _lexical(self, words: list[str], doc: list[str]) -> float:
        split = doc.index(CONTEXT) if CONTEXT in doc else len(doc)
        own, context = set(doc[:split]), set(doc[split + 1 :])
        total = got = 0.0
        for w in words:
            weight = self.idf.get(w, math.log(1 + len(self.records)))
            total += weight
            said = {w} | {stem(a) for a in _SYNONYMS.get(w, ())}
            alike = profiles.synonyms().get(w, frozenset())  # general English: a little less
            if said & own:
                got += weight
            elif alike & own:
                got += PROFILE_SYNONYM_CREDIT * weight
            elif said & context:
                got += CONTEXT_WEIGHT * weight
        return got / total if total else 0.0

    def _semantic(self, question: str) -> list[float]:
        if self.embed is None or not self.records:
            return [0.0] * len(self.records)
        if self._vectors is None:
            self._vectors = np.asarray(self.embed([f"{r.label}" for r in self.records]), dtype=np.float64)
        q = np.asarray(self.embed([latin_reading(question)])[0], dtype=np.float64)
        return [float(x) for x in self._vectors @ q]  # unit vectors: the dot product is the cosine

    def _known(self, word: str) -> str:
        """A misspelt word read as the closest word of the labels ("knowlege" → "knowledg")."""
        if word in self.idf or len(word) < 5:
            return word
        # a word of very different length cannot reach the cutoff (ratio <= 2*min/(a+b)): skipping
        # those first gives the same answer for a fraction of the cost
        n = len(word)
        near = [w for w in self._vocabulary if 2.0 * min(n, len(w)) / (n + len(w)) >= _CLOSE]
        close = difflib.get_close_matches(word, near, n=1, cutoff=_CLOSE)
        return close[0] if close else word

    def _joined(self, words: list[str]) -> list[str]:
        """Two question words the labels write as one ("mid term" → "midterm") read as it, and
        one the labels write as two ("midterm" → "mid term") read as those."""
        out: list[str] = []
        for w in words:
            if out and out[-1] + w in self.idf and w not in self.idf:
                out[-1] += w
            else:
                out.extend(self._split(w))
        return out

    def _split(self, word: str) -> list[str]:
        if word in self.idf:
            return [word]
        for i in range(2, len(word) - 2):
            if word[:i] in self.idf and word[i:] in self.idf:
                return [word[:i], word[i:]]
        return [word]

    def ranked(self, subject_words: Sequence[str], question: str) -> list[tuple[Record, float]]:
        words = [self._known(w) for w in self._joined(_words(" ".join(subject_words)))]
        if not words or not self.records:
            return []
        semantic = self._semantic(question)
        # "the target for participating countries" names what an indicator counts, as "how many
        # participating countries" does
        counted = self._counted(question) or set(words)
        scored = [
            (r, 0.6 * self._lexical(words, doc) + 0.4 * max(0.0, sim) + self._counts_it(counted, r))
            for r, doc, sim in zip(self.records, self.docs, semantic)
        ]
        return sorted(scored, key=lambda p: -p[1])

    def _counted(self, question: str) -> set[str]:
        """What "how many …" counts: the first words after it ("how many participating
        countries" → participat, countr), each with the words labels use for it."""
        m = _COUNT_ASKED.search(question.lower())
        if not m:
            return set()
        words = [self._known(w) for w in _words(m.group(1))][:_HEAD_WORDS]
        return {a for w in words for a in (w, *(stem(x) for x in _SYNONYMS.get(w, ())))}

    @staticmethod
    def _counts_it(counted: set[str], record: Record) -> float:
        """A bonus for the row that counts what the question counts: "Number of ACSH countries
        participating …" for "how many participating countries", not a row that only names
        those countries further on."""
        if not counted:
            return 0.0
        m = _COUNT_LABEL.search(record.label.lower())
        if not m:
            return 0.0
        head = set(_words(m.group(1))[:_HEAD_WORDS])
        return COUNT_BONUS * len(head & counted) / _HEAD_WORDS

    def score_of(self, record: Record, subject_words: Sequence[str], question: str) -> float:
        return next((s for r, s in self.ranked(subject_words, question) if r is record), 0.0)

    def best(self, subject_words: Sequence[str], question: str) -> Record | None:
        """The one record the words name, or None when none or several fit."""
        ranked = self.ranked(subject_words, question)
        if not ranked or ranked[0][1] < MIN_SCORE:
            return None
        top, score = ranked[0]
        rival = next((s for r, s in ranked[1:] if (r.kind, r.key) != (top.kind, top.key)), 0.0)
        return top if score - rival >= MIN_MARGIN else None

"""Score answers and retrieval against the gold question set (``evals/questions.jsonl``).

Definitions (the same for our pipeline and the baseline):

* **answer correct**: not refused, and every ``must_contain`` string occurs in the answer
  text or in one of its citation quotes, compared on normalised text (non-breaking spaces
  count as spaces, runs of whitespace collapse, case-insensitive). For an unanswerable
  question the per-type "accuracy" is the share refused.
* **refusal accuracy**: share of unanswerable questions refused, and share of answerable
  questions *not* refused (both reported).
* **citation validity**: share of citations whose quote is verbatim (exact substring) in
  the stored text of the source it names.
* **citation support**: share of answered, answerable questions with a citation whose
  quote holds a ``must_contain`` string or overlaps the gold evidence span (overlap: at
  least half of the shorter text's distinct word tokens occur in the other).
* **evidence recall@k**: share of answerable questions whose normalised gold evidence is
  contained in, or contains, the normalised text of one of the top-k retrieved chunks.
* **latency**: wall time of ``Assistant.ask`` per question (p50/p95, nearest rank).
"""

from __future__ import annotations

import json
import math
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.types import Answer
from assistant.core.verify import is_verbatim

GOLD_PATH = Path(__file__).resolve().parent / "questions.jsonl"
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldItem:
    """One hand-checked question with what a correct answer must hold."""

    id: str
    type: str
    question: str
    history: tuple[str, ...]
    answer: str
    must_contain: tuple[str, ...]
    source: str
    evidence: str
    refuse: bool
    phrasing: str = ""  # number | name | telegraphic | typo | russian | conversation (held-out sets)
    split: str = ""  # dev | test (held-out sets: tune on dev, never on test)

    @property
    def answerable(self) -> bool:
        return not self.refuse


def load_gold(path: str | Path = GOLD_PATH, limit: int | None = None) -> list[GoldItem]:
    """The gold questions in file order (the first ``limit`` when given)."""
    items: list[GoldItem] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        items.append(
            GoldItem(
                id=str(raw["id"]),
                type=str(raw["type"]),
                question=str(raw["question"]),
                history=tuple(raw.get("history") or ()),
                answer=str(raw.get("answer", "")),
                must_contain=tuple(raw.get("must_contain") or ()),
                source=str(raw.get("source", "")),
                evidence=str(raw.get("evidence", "")),
                refuse=bool(raw.get("refuse", False)),
                phrasing=str(raw.get("phrasing", "")),
                split=str(raw.get("split", "")),
            )
        )
    return items[:limit] if limit else items


_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})


def normalise(text: str) -> str:
    """Case-folded text with NBSP as space, whitespace runs collapsed, every dash a hyphen
    (a reader sees "2021–2023" and "2021-2023" as one thing) and a number's thousands written
    without separators ("7,190,000" and "7 190 000" are one figure, as documents write both),
    and a percentage as "%" ("43 percent" and "43%" are one share)."""
    text = _WS.sub(" ", text.replace("\xa0", " ").translate(_DASHES)).strip().lower()
    text = _PERCENT.sub("%", text)
    return _GROUPED.sub(lambda m: re.sub(r"[ ,]", "", m.group(0)), text)


_GROUPED = re.compile(r"\b\d{1,3}(?:[ ,]\d{3})+\b")
_PERCENT = re.compile(r"(?<=\d)\s*(?:per\s?cent|percent)\b")


def tokens(text: str) -> set[str]:
    return set(_WORD.findall(normalise(text)))


def overlaps(a: str, b: str, share: float = 0.5) -> bool:
    """True when at least ``share`` of the shorter text's word tokens occur in the other."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    short, other = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return len(short & other) / len(short) >= share


def span_match(evidence: str, text: str) -> bool:
    """Normalised containment either way (the evidence in the chunk, or the chunk in it)."""
    e, t = normalise(evidence), normalise(text)
    return bool(e) and bool(t) and (e in t or t in e)


def missing_strings(item: GoldItem, answer: Answer) -> list[str]:
    """The ``must_contain`` strings found neither in the answer text nor in its quotes."""
    haystack = normalise(" \n ".join([answer.answer, *(c.quote for c in answer.citations)]))
    return [m for m in item.must_contain if normalise(m) not in haystack]


def is_correct(item: GoldItem, answer: Answer) -> bool:
    if item.refuse:
        return answer.refused
    return not answer.refused and not missing_strings(item, answer)


def is_supported(item: GoldItem, answer: Answer) -> bool:
    """A citation holds a required string or overlaps the gold evidence span."""
    for c in answer.citations:
        quote = normalise(c.quote)
        if any(normalise(m) in quote for m in item.must_contain):
            return True
        if item.evidence and overlaps(c.quote, item.evidence):
            return True
    return False


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


@dataclass(frozen=True)
class QuestionResult:
    """How one question went."""

    id: str
    type: str
    question: str
    expected_refusal: bool
    refused: bool
    correct: bool
    missing: tuple[str, ...]
    n_citations: int
    n_valid_citations: int
    supported: bool | None  # None when not applicable (refused or unanswerable)
    latency_s: float
    answer: str
    quotes: tuple[str, ...] = ()
    retrieved: bool | None = None  # evidence in our top-k (answerable only)
    retrieved_baseline: bool | None = None

    @property
    def severity(self) -> int:
        """How bad a miss is: a wrong answer (3) > an answered unanswerable (2) > a refusal (1)."""
        if self.correct:
            return 0
        if self.expected_refusal:
            return 2
        return 1 if self.refused else 3


@dataclass(frozen=True)
class TypeScore:
    n: int
    correct: int
    accuracy: float
    recall: float | None = None
    recall_baseline: float | None = None


@dataclass
class EvalReport:
    """Everything ``projdocs eval`` measures; ``to_dict`` is the JSON report."""

    n_questions: int
    k: int
    answer_accuracy: float | None  # answerable questions answered correctly
    overall_accuracy: float | None  # all questions, an unanswerable one counts when refused
    refusal_unanswerable: float | None  # unanswerable questions refused
    refusal_answerable: float | None  # answerable questions NOT refused
    citation_validity: float | None
    citation_support: float | None
    recall_at_k: float | None
    recall_at_k_baseline: float | None
    latency_p50_s: float
    latency_p95_s: float
    per_type: dict[str, TypeScore]
    questions: list[QuestionResult] = field(default_factory=list)
    baseline_latency_p50_s: float | None = None

    def worst(self, n: int = 15) -> list[QuestionResult]:
        misses = [q for q in self.questions if not q.correct]
        return sorted(misses, key=lambda q: (-q.severity, q.supported is True, q.id))[:n]

    def to_dict(self) -> dict[str, object]:
        out = {k: v for k, v in asdict(self).items() if k not in ("per_type", "questions")}
        out["per_type"] = {t: asdict(s) for t, s in sorted(self.per_type.items())}
        out["questions"] = [asdict(q) for q in self.questions]
        return out


def evaluate_answers(
    items: Sequence[GoldItem],
    answers: dict[str, Answer],
    latencies: dict[str, float],
    source_text: Callable[[str], str | None],
    retrieved: dict[str, bool] | None = None,
    retrieved_baseline: dict[str, bool] | None = None,
    k: int = 5,
) -> EvalReport:
    """Score ``answers`` (by question id); ``source_text`` gives a source's stored text."""
    retrieved = retrieved or {}
    retrieved_baseline = retrieved_baseline or {}
    texts: dict[str, str | None] = {}

    def text_of(source: str) -> str | None:
        if source not in texts:
            texts[source] = source_text(source)
        return texts[source]

    results: list[QuestionResult] = []
    for item in items:
        ans = answers[item.id]
        valid = sum(1 for c in ans.citations if is_verbatim(c.quote, text_of(c.source)))
        answered = item.answerable and not ans.refused
        results.append(
            QuestionResult(
                id=item.id,
                type=item.type,
                question=item.question,
                expected_refusal=item.refuse,
                refused=ans.refused,
                correct=is_correct(item, ans),
                missing=tuple(missing_strings(item, ans)),
                n_citations=len(ans.citations),
                n_valid_citations=valid,
                supported=is_supported(item, ans) if answered else None,
                latency_s=latencies.get(item.id, 0.0),
                answer=ans.answer,
                quotes=tuple(c.quote for c in ans.citations),
                retrieved=retrieved.get(item.id) if item.answerable else None,
                retrieved_baseline=retrieved_baseline.get(item.id) if item.answerable else None,
            )
        )
    return summarise(results, k, has_baseline=bool(retrieved_baseline))


def _share(flags: Iterable[bool | None]) -> float | None:
    values = [f for f in flags if f is not None]
    return ratio(sum(values), len(values))


def summarise(results: list[QuestionResult], k: int, has_baseline: bool = False) -> EvalReport:
    answerable = [r for r in results if not r.expected_refusal]
    unanswerable = [r for r in results if r.expected_refusal]
    per_type: dict[str, TypeScore] = {}
    for t in sorted({r.type for r in results}):
        rs = [r for r in results if r.type == t]
        correct = sum(r.correct for r in rs)
        per_type[t] = TypeScore(
            n=len(rs),
            correct=correct,
            accuracy=correct / len(rs),
            recall=_share(r.retrieved for r in rs),
            recall_baseline=_share(r.retrieved_baseline for r in rs) if has_baseline else None,
        )
    latencies = [r.latency_s for r in results]
    return EvalReport(
        n_questions=len(results),
        k=k,
        answer_accuracy=_share(r.correct for r in answerable),
        overall_accuracy=_share(r.correct for r in results),
        refusal_unanswerable=_share(r.refused for r in unanswerable),
        refusal_answerable=_share(not r.refused for r in answerable),
        citation_validity=ratio(sum(r.n_valid_citations for r in results), sum(r.n_citations for r in results)),
        citation_support=_share(r.supported for r in answerable),
        recall_at_k=_share(r.retrieved for r in answerable),
        recall_at_k_baseline=_share(r.retrieved_baseline for r in answerable) if has_baseline else None,
        latency_p50_s=percentile(latencies, 50),
        latency_p95_s=percentile(latencies, 95),
        per_type=per_type,
        questions=results,
    )


def run_assistant(assistant: Any, items: Sequence[GoldItem]) -> tuple[dict[str, Answer], dict[str, float]]:
    """Ask every question once (after one warm-up call), timing each ``ask``."""
    ask = assistant.ask
    ask("warm-up: what is the project about?")  # loads the model; not timed
    if hasattr(assistant, "warm"):
        assistant.warm()  # record labels embedded once, as a server does at start
    answers: dict[str, Answer] = {}
    latencies: dict[str, float] = {}
    for item in items:
        start = time.perf_counter()
        answers[item.id] = ask(item.question, list(item.history))
        latencies[item.id] = time.perf_counter() - start
    return answers, latencies


def retrieval_query(item: GoldItem) -> str:
    """The text retrieval sees: a follow-up is first rewritten with its history."""
    if not item.history:
        return item.question
    from assistant.answer.assistant import resolve_followup

    return resolve_followup(item.question, list(item.history))


def evidence_recall(items: Sequence[GoldItem], search: Callable[[str, int], list[str]], k: int) -> dict[str, bool]:
    """Per answerable question: is its gold evidence in one of the top-k texts ``search`` returns?"""
    found: dict[str, bool] = {}
    for item in items:
        if item.answerable and item.evidence:
            texts = search(retrieval_query(item), k)
            found[item.id] = any(span_match(item.evidence, t) for t in texts)
    return found


def our_search(retriever: Any) -> Callable[[str, int], list[str]]:
    """Adapt ``Retriever.search`` to ``evidence_recall``: the chunk texts of the hits."""

    def search(question: str, k: int) -> list[str]:
        return [hit.chunk.text for hit in retriever.search(question, k)]

    return search

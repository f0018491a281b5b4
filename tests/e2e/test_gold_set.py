"""Validation of the hand-checked gold question set (evals/questions.jsonl).

Standard library + pytest only; deliberately imports nothing from the project,
so it can run (and catch a broken gold set) independently of the RAG code.
"""

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "evals" / "questions.jsonl"
CORPUS = ROOT / "corpus"

TYPES = {
    "table_rf",
    "table_budget",
    "table_qa",
    "narrative",
    "qa_report",
    "multi_hop",
    "unanswerable",
    "followup",
}
KEYS = {
    "id",
    "type",
    "question",
    "history",
    "answer",
    "must_contain",
    "source",
    "evidence",
    "refuse",
}
MIN_QUESTIONS = 150
MIN_PER_TYPE = 8


def _norm(text: str) -> str:
    # The Word export uses NBSP (U+00A0) as thousands separator in some budget
    # cells ("1\xa0505\xa0000") and splits some table cells over lines
    # ("7,300\n50%\nwomen"): compare on collapsed whitespace.
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _load():
    rows = []
    with GOLD.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rows.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:  # pragma: no cover - reported by test
                pytest.fail(f"line {lineno} is not valid JSON: {exc}")
    return rows


ROWS = _load()
ITEMS = [item for _, item in ROWS]
CORPUS_TEXT = {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
CORPUS_LINES = {name: text.split("\n") for name, text in CORPUS_TEXT.items()}
CORPUS_NORM = [_norm(t) for t in CORPUS_TEXT.values()]
ANSWERABLE = [it for it in ITEMS if it.get("type") != "unanswerable"]
UNANSWERABLE = [it for it in ITEMS if it.get("type") == "unanswerable"]


def _ids(items):
    return [it.get("id", "?") for it in items]


def test_file_exists_and_nonempty():
    assert GOLD.is_file(), f"missing {GOLD}"
    assert ITEMS, "gold set is empty"


def test_corpus_present():
    assert CORPUS_TEXT, f"no corpus files under {CORPUS}"


def test_minimum_size():
    assert len(ITEMS) >= MIN_QUESTIONS, len(ITEMS)


@pytest.mark.parametrize("lineno,item", ROWS, ids=[f"line{n}" for n, _ in ROWS])
def test_schema(lineno, item):
    assert isinstance(item, dict)
    assert set(item) == KEYS, f"line {lineno}: keys {sorted(item)}"
    assert item["type"] in TYPES, item["type"]
    for key in ("id", "question", "answer", "source", "evidence"):
        assert isinstance(item[key], str), key
    assert item["id"].strip() and item["question"].strip()
    assert isinstance(item["history"], list)
    assert all(isinstance(h, str) and h.strip() for h in item["history"])
    assert isinstance(item["must_contain"], list)
    assert all(isinstance(m, str) and m.strip() for m in item["must_contain"])
    assert isinstance(item["refuse"], bool)


def test_ids_unique():
    dupes = [i for i, n in Counter(_ids(ITEMS)).items() if n > 1]
    assert not dupes, dupes


def test_questions_unique_per_history():
    keys = Counter((tuple(it["history"]), it["question"].strip().lower()) for it in ITEMS)
    dupes = [k for k, n in keys.items() if n > 1]
    assert not dupes, dupes


def test_every_type_represented():
    counts = Counter(it["type"] for it in ITEMS)
    missing = {t: counts.get(t, 0) for t in TYPES if counts.get(t, 0) < MIN_PER_TYPE}
    assert not missing, f"types below {MIN_PER_TYPE}: {missing}"


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_answerable_item(item):
    assert item["refuse"] is False
    assert item["answer"].strip(), "answerable item needs a gold answer"
    assert 1 <= len(item["must_contain"]) <= 3, item["must_contain"]
    # source is a corpus file name
    assert item["source"] in CORPUS_TEXT, item["source"]
    # evidence: verbatim span of one single line of the source, 10-300 chars
    ev = item["evidence"]
    assert "\n" not in ev and "\r" not in ev
    assert 10 <= len(ev) <= 300, len(ev)
    assert ev in CORPUS_TEXT[item["source"]], f"evidence not verbatim in {item['source']}: {ev!r}"
    assert any(ev in line for line in CORPUS_LINES[item["source"]])
    for m in item["must_contain"]:
        # the gold answer itself satisfies its own check ...
        assert m in item["answer"], f"{m!r} not in gold answer {item['answer']!r}"
        # ... and every required string is written that way in the documents
        assert any(_norm(m) in t for t in CORPUS_NORM), f"{m!r} does not occur in the corpus"


@pytest.mark.parametrize("item", UNANSWERABLE, ids=_ids(UNANSWERABLE))
def test_unanswerable_item(item):
    assert item["refuse"] is True
    assert item["must_contain"] == []
    assert item["answer"] == ""
    assert item["source"] == "" and item["evidence"] == ""
    assert item["history"] == []


def test_refuse_only_for_unanswerable():
    wrong = [it["id"] for it in ITEMS if it["refuse"] != (it["type"] == "unanswerable")]
    assert not wrong, wrong


def test_history_only_for_followups():
    no_hist = [it["id"] for it in ITEMS if it["type"] == "followup" and not it["history"]]
    stray = [it["id"] for it in ITEMS if it["type"] != "followup" and it["history"]]
    assert not no_hist, f"followups without history: {no_hist}"
    assert not stray, f"history on non-followup items: {stray}"


@pytest.mark.parametrize("item", UNANSWERABLE, ids=_ids(UNANSWERABLE))
def test_unanswerable_references_are_absent(item):
    """Guard the cheap-to-check kinds of unanswerable question.

    * a question about a period ("2024", "Year 4") must name one outside the
      plan: calendar years after 2023 may only occur in the corpus as part of
      the 2021-2025 UNSDCF/CPD/Strategic Plan names, and "Year N" must be N > 3;
    * otherwise a referenced indicator / activity number must not exist
      (e.g. someone adding an "Activity 2.14" row would invalidate the item).
    """
    q = item["question"]
    full = "\n".join(CORPUS_TEXT.values())
    years = [int(y) for y in re.findall(r"\b(20\d\d)\b", q)]
    year_n = [int(n) for n in re.findall(r"\bYear\s+(\d+)\b", q)]
    for n in year_n:
        assert n > 3, f"Year {n} is inside the three-year plan"
    for year in (y for y in years if y > 2023):
        for m in re.finditer(str(year), full):
            ctx = full[max(0, m.start() - 40) : m.end() + 10]
            assert any(k in ctx for k in ("2021-2025", "By 2025", "Plan 2025")), (year, ctx)
    if years or year_n:
        return
    for kind, num in re.findall(r"\b(indicator|Activity)\s+(\d+\.\d+)", q, flags=re.IGNORECASE):
        if kind.lower() == "indicator":
            # results-framework rows start with "N.N –" / "N.N -"
            assert not re.search(rf"(?m)^\s*{re.escape(num)}\s+[–-]", full), f"indicator {num} exists"
        else:
            assert not re.search(rf"Activity\s+{re.escape(num)}\b", full), f"Activity {num} exists"


def test_mandatory_items_present():
    by_q = {it["question"]: it for it in ITEMS}
    expect = {
        "What were the 2022 targets for indicator 2.3?": ["1,000", "50% women"],
        "Who is the implementing partner of the project?": ["Agency for Civil Service Affairs"],
        "How much was budgeted for Activity 1.9 in 2021?": ["75 355"],
        "What is the Sub-Total of Output 1?": ["1 505 000"],
        "What rating did the Efficient section get?": ["Exemplary"],
        "What is the baseline for indicator 3.3?": ["130"],
    }
    for q, must in expect.items():
        assert q in by_q, f"missing mandatory question: {q}"
        assert by_q[q]["must_contain"] == must, (q, by_q[q]["must_contain"])
    for q in ("What is the 2024 target for indicator 2.3?", "What is the target for indicator 4.1?"):
        assert q in by_q and by_q[q]["refuse"] is True, q

"""Evaluation of QA evidence drafting: every stage with a real QA report, against baselines, in one run.

Ingests ``corpus/`` and, when present, the second project's documents
(``evals/heldout/project2/txt/``; only those files, never the held-out question sets) into one
home, then for each case drafts the QA form of the report's own stage for its project with the
defaults a user gets (the report being drafted left out automatically) and compares the draft
with the report's real evidence paragraphs and levels:

- seed: the closure QA of 00108694 (``corpus/acsh-phase2-closure-qa-report.txt``), drafted
  from the linked phase-3 project document;
- project 2: the implementation QA of 00119874 (``np-solar-qa-implementation-2022.txt``),
  drafted from its project document, annual report and mid-term evaluation;
- design: the design-stage draft of 00119874 (no real design report exists: counts only).

Figures per case:
- fact coverage: the numbers and named entities of the real paragraph that the quoted
  sentences also state, pooled over the questions;
- level agreement: share of the questions with a real 3/2/1 level whose suggested level equals
  it ("too thin to rate" counts as a miss), for ours and the baselines: always "2"; the
  nearest-neighbour question's level (the real level of the most similar other question of the
  same report, by embedding; leave-one-out); and, for fact coverage, retrieval only (the top
  ``MAX_SENTENCES`` sentences of a hybrid search for the question text, same documents);
- honesty checks: quotes from the report being drafted (must be 0), plan sentences not
  labelled as plans (must be 0), citations verbatim in their source (must be 100%).

Run::

    python -m evals.draft_eval                 # a fresh temporary home
    python -m evals.draft_eval --home DIR      # reuse a home (re-ingest of unchanged files is a no-op)
    python -m evals.draft_eval --examples seed:9 project2:4   # drafted vs real paragraphs
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.core.settings import Settings
from assistant.core.verify import is_verbatim
from assistant.drafting.drafter import MAX_SENTENCES, Draft, DraftedQuestion, Drafter, draft
from assistant.drafting.evidence import evidence_sentences, is_planned
from assistant.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PROJECT2 = ROOT / "evals" / "heldout" / "project2" / "txt"
QA_REPORT = "acsh-phase2-closure-qa-report.txt"
PROJECT = "00108694"
LEVELS = ("1", "2", "3")


@dataclass(frozen=True)
class Case:
    """A draft to measure: the project, its stage, and the real QA report (None: no gold)."""

    name: str
    stage: str
    project: str
    report: str | None
    folder: Path


CASES = (
    Case("seed", "closure", PROJECT, QA_REPORT, CORPUS),
    Case("project2", "implementation", "00119874", "np-solar-qa-implementation-2022.txt", PROJECT2),
    Case("project2-design", "design", "00119874", None, PROJECT2),
)

_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
]
_NUMBER = re.compile(
    r"\$?\s?\d[\d,.]*\d%?|\b\d\b%?|\b(?:" + "|".join(_NUMBER_WORDS) + r")(?:-(?:" + "|".join(_NUMBER_WORDS) + r"))?\b",
    re.IGNORECASE,
)
_CONNECTORS = {"of", "for", "and", "the", "on", "in", "&"}
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,}[A-Z]?\b|\b[A-Z]&[A-Z]\b")
_SKIP_ENTITIES = {"The", "This", "These", "In", "For", "Also", "Such", "Furthermore", "Project", "While"}


def numbers(text: str) -> set[str]:
    """Numbers of a paragraph, normalised ("3,600,000" → "3600000"; "forty-two" stays a word)."""
    out = set()
    for m in _NUMBER.finditer(text):
        n = m.group(0).lower().replace("$", "").replace(" ", "").rstrip(".,")
        n = n.replace(",", "") if re.fullmatch(r"[\d,.]+%?", n) else n
        if n:
            out.add(n)
    return out


def named_entities(text: str) -> set[str]:
    """Capitalised multi-word names ("Agency for Civil Service Affairs") and acronyms ("ACSH")."""
    found: set[str] = set(m.group(0) for m in _ACRONYM.finditer(text))
    words = re.findall(r"[\w&’'-]+|[^\w\s]", text)  # punctuation ends a name
    run: list[str] = []

    def flush() -> None:
        while run and run[-1].lower() in _CONNECTORS:
            run.pop()
        while run and (run[0] in _SKIP_ENTITIES or run[0].lower() in _CONNECTORS):
            run.pop(0)
        capitals = [w for w in run if w[:1].isupper()]
        if len(capitals) >= 2:
            found.add(" ".join(run))
        run.clear()

    for w in words:
        if not re.match(r"[\w&]", w):
            flush()
        elif (w[:1].isupper() and not w.isupper()) or (run and w.lower() in _CONNECTORS):
            run.append(w)
        else:
            flush()
    flush()
    return {e for e in found if not e.isdigit()}


def facts(text: str) -> set[str]:
    """The checkable facts of a paragraph: its numbers and named entities."""
    return numbers(text) | named_entities(text)


def fact_found(fact: str, draft_text: str) -> bool:
    if fact[:1].isdigit() or fact.lower() in _NUMBER_WORDS or ("-" in fact and fact.split("-")[0] in _NUMBER_WORDS):
        return fact in numbers(draft_text)
    return re.search(r"(?<!\w)" + re.escape(fact) + r"(?!\w)", draft_text, re.IGNORECASE) is not None


# ---------------------------------------------------------------------------------------
# the real answers of a QA report, read from its text (the form's layout or a ratings table)

_ROW = re.compile(r"^(\d{1,2})\t([^\t]+)\t(3|2|1|Yes|No|N/?A|-)?\t(.*)$")
_QUESTION = re.compile(r"^(\d{1,2})\.\s+(\S.*)$")
_CHOSEN = re.compile(r"^\s*-\s+(?:(\d)\s*:\s*)?\*(.+)\*\s*$|^\s*-\s+\*(Yes|No)\*\s*$")


@dataclass(frozen=True)
class Gold:
    number: int
    question: str
    level: str  # "3" | "2" | "1" | "Yes" | "No" | ""
    evidence: str


def read_gold(text: str) -> dict[int, Gold]:
    """Question number → the real level and evidence of a QA report: a "#, Question, Rating,
    Evidence" table, or the form itself (the chosen option in italics, then "Evidence:")."""
    gold: dict[int, Gold] = {}
    for line in text.splitlines():
        if m := _ROW.match(line):
            gold[int(m[1])] = Gold(int(m[1]), m[2].strip(), (m[3] or "").strip(), m[4].strip())
    if gold:
        return gold
    number, question, level, in_evidence = 0, "", "", False
    evidence: list[str] = []
    for line in text.splitlines() + ["1. end"]:
        if m := _QUESTION.match(line.strip()):
            if number and int(m[1]) != number:
                gold[number] = Gold(number, question, level, "\n\n".join(evidence))
            number, question, level, evidence, in_evidence = int(m[1]), m[2], "", [], False
        elif m := _CHOSEN.match(line):
            level = m[1] or m[3] or level
        elif "**Evidence:**" in line:
            in_evidence = True
        elif in_evidence and line.startswith("**List of Uploaded"):
            in_evidence = False
        elif in_evidence and line.strip():
            evidence.append(line.strip())
    return {k: v for k, v in gold.items() if k}


# ---------------------------------------------------------------------------------------
# one case


@dataclass(frozen=True)
class Row:
    """One question: the real evidence and level, and how the draft and the baselines compare."""

    number: int
    real_level: str
    ours: str | None
    nearest: str | None
    facts: tuple[str, ...]
    found: tuple[str, ...]
    found_retrieval: tuple[str, ...]
    drafted: DraftedQuestion
    real_paragraph: str


@dataclass
class CaseResult:
    case: Case
    draft: Draft
    rows: list[Row]
    seconds: float
    own_quotes: int  # quotes from the report being drafted
    unlabelled_plans: int  # future-tense sentences shown without the plan label
    citations: int
    valid_citations: int

    def _marked(self) -> list[Row]:
        return [r for r in self.rows if r.real_level in LEVELS]

    def agreement(self, which: str) -> float | None:
        marked = self._marked()
        if not marked:
            return None
        pick = {"always-2": lambda r: "2", "nearest": lambda r: r.nearest, "ours": lambda r: r.ours}[which]
        return sum(pick(r) == r.real_level for r in marked) / len(marked)

    def coverage(self, which: str) -> float | None:
        total = sum(len(r.facts) for r in self.rows)
        got = sum(len(r.found if which == "ours" else r.found_retrieval) for r in self.rows)
        return got / total if total else None


def _nearest_levels(drafter: Drafter, gold: dict[int, Gold], texts: dict[int, str]) -> dict[int, str | None]:
    """For each question, the real level of the most similar other question (leave-one-out)."""
    numbers = [n for n in texts if n in gold]
    vectors = dict(zip(numbers, drafter._embed([texts[n] for n in numbers])))
    out: dict[int, str | None] = {}
    for n in numbers:
        others = [m for m in numbers if m != n and gold[m].level in LEVELS]
        best = max(others, key=lambda m: sum(a * b for a, b in zip(vectors[n], vectors[m])), default=None)
        out[n] = gold[best].level if best is not None else None
    return out


def _retrieval_only(drafter: Drafter, question: str, sources: tuple[str, ...]) -> str:
    """The first sentences of a plain hybrid search for the question: the retrieval baseline."""
    from assistant.store.database import Filters

    hits = drafter.retriever.search(question, 5, Filters(sources=sources))
    sentences = [s for h in hits if h.chunk.chunk_type != "record" for s in evidence_sentences(h.chunk.text)]
    return " ".join(sentences[:MAX_SENTENCES])


def run_case(settings: Settings, drafter: Drafter, case: Case) -> CaseResult:
    """Draft ``case`` with the user's defaults and compare it with its real report."""
    store = drafter.store
    started = time.perf_counter()
    result = draft(settings, store, project=case.project, stage=case.stage, drafter=drafter)
    seconds = time.perf_counter() - started
    gold = read_gold(store.document_text(case.report) or "") if case.report else {}
    nearest = _nearest_levels(drafter, gold, {q.number: q.question for q in result.questions})
    files = {s: (case.folder / s) for s in result.sources}
    files.update({s: CORPUS / s for s in result.sources if (CORPUS / s).exists()})
    texts = {s: f.read_text(encoding="utf-8") for s, f in files.items() if f.exists()}
    rows, own, unlabelled, cites, valid = [], 0, 0, 0, 0
    for q in result.questions:
        real = gold.get(q.number)
        wanted = sorted(facts(real.evidence)) if real else []
        quoted = " ".join(s.citation.quote for s in q.sentences)
        baseline = _retrieval_only(drafter, q.question, result.sources) if real else ""
        for s in q.sentences:
            cites += 1
            own += s.citation.source == case.report
            valid += is_verbatim(s.citation.quote, texts.get(s.citation.source))
            unlabelled += is_planned(s.citation.quote) and not s.planned
        rows.append(
            Row(
                number=q.number,
                real_level=real.level if real else "",
                ours=q.suggested_level,
                nearest=nearest.get(q.number),
                facts=tuple(wanted),
                found=tuple(f for f in wanted if fact_found(f, quoted)),
                found_retrieval=tuple(f for f in wanted if fact_found(f, baseline)),
                drafted=q,
                real_paragraph=real.evidence if real else "",
            )
        )
    return CaseResult(case, result, rows, seconds, own, unlabelled, cites, valid)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def format_case(r: CaseResult) -> str:
    """The per-question table, the baselines and the honesty checks of one case."""
    d = r.draft
    lines = [
        f"== {r.case.name}: {d.stage} QA of {d.project} ({d.stage_reason})",
        f"documents used: {', '.join(d.sources)}",
        f"left out: {', '.join(d.excluded) or 'nothing'}",
    ]
    if r.case.report:
        lines += ["", f"{'Q':>3} {'real':>4} {'ours':>5} {'near':>4}  {'facts':>7}  {'retr.':>5}  reason"]
        for row in r.rows:
            lines.append(
                f"{row.number:>3} {row.real_level or '-':>4} {row.ours or 'thin':>5} {row.nearest or '-':>4}  "
                f"{len(row.found):>3}/{len(row.facts):<3}  {len(row.found_retrieval):>5}  {row.drafted.reason[:90]}"
            )
    n = sum(1 for row in r.rows if row.real_level in LEVELS)
    rated = sum(1 for row in r.rows if row.ours)
    planned = sum(s.planned for row in r.rows for s in row.drafted.sentences)
    lines += [
        "",
        f"questions {len(r.rows)}, rated {rated}, too thin {len(r.rows) - rated}; "
        f"{r.citations} quotes, {planned} labelled as plans; {r.seconds:.1f} s",
    ]
    if r.case.report:
        lines += [
            f"level agreement (n={n}):  ours {_pct(r.agreement('ours'))}   always-2 {_pct(r.agreement('always-2'))}"
            f"   nearest-neighbour question {_pct(r.agreement('nearest'))}",
            f"fact coverage:           ours {_pct(r.coverage('ours'))}   retrieval only {_pct(r.coverage('retrieval'))}",
        ]
    lines.append(
        f"checks: quotes from the report being drafted {r.own_quotes} (must be 0); plan sentences not "
        f"labelled {r.unlabelled_plans} (must be 0); verbatim citations {r.valid_citations}/{r.citations}"
    )
    return "\n".join(lines)


def format_summary(results: list[CaseResult]) -> str:
    """One line per stage and baseline: the figures a note quotes."""
    head = f"{'case':<16} {'stage':<15} {'n':>3}  {'ours':>5} {'always-2':>8} {'nearest':>7}  {'facts ours':>10} {'retrieval':>9}"
    lines = [head, "-" * len(head)]
    for r in results:
        if not r.case.report:
            continue
        n = sum(1 for row in r.rows if row.real_level in LEVELS)
        lines.append(
            f"{r.case.name:<16} {r.case.stage:<15} {n:>3}  {_pct(r.agreement('ours')):>5} "
            f"{_pct(r.agreement('always-2')):>8} {_pct(r.agreement('nearest')):>7}  "
            f"{_pct(r.coverage('ours')):>10} {_pct(r.coverage('retrieval')):>9}"
        )
    return "\n".join(lines)


def format_examples(results: list[CaseResult], wanted: list[str]) -> str:
    """Drafted paragraphs next to the real ones, for "case:number" items."""
    out = []
    for r in results:
        for row in r.rows:
            if f"{r.case.name}:{row.number}" not in wanted:
                continue
            q = row.drafted
            out += [
                f"=== {r.case.name} question {row.number}: {q.question}",
                f"REAL (level {row.real_level or '-'}): {row.real_paragraph}",
                f"DRAFT ({q.suggested_level or 'too thin to rate'} — {q.reason}): {q.paragraph or '(none)'}",
            ]
            out += [f"  [{i}] {c.source}, {c.location}" for i, c in enumerate(q.citations, start=1)]
            out += [f"  requirement (level {req.level}) {req.status}: {req.text}" for req in q.requirements]
            out.append("")
    return "\n".join(out)


def run_all(settings: Settings) -> list[CaseResult]:
    """Every case whose documents are in ``settings.home``, drafted with one embedding cache."""
    drafter = Drafter(settings, Store(settings))
    known = {d.source for d in drafter.store.documents()}
    cases = [c for c in CASES if (c.report is None or c.report in known) and any(c.folder.glob("*"))]
    return [run_case(settings, drafter, c) for c in cases]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate QA evidence drafting against real QA reports.")
    parser.add_argument("--home", type=Path, help="home to ingest into (default: a fresh temporary home)")
    parser.add_argument("--examples", nargs="*", default=[], help="case:question items to print side by side")
    args = parser.parse_args(argv)
    from ingest.pipeline import ingest_paths

    with tempfile.TemporaryDirectory(prefix="projdocs-draft-eval-") as tmp:
        settings = Settings(home=args.home or Path(tmp))
        folders = [CORPUS] + ([PROJECT2] if PROJECT2.is_dir() else [])
        summary = ingest_paths(folders, settings)
        if summary.failed:
            print(f"ingest failed: {summary.failed}", file=sys.stderr)
            return 1
        results = run_all(settings)
    for r in results:
        print(format_case(r))
        print()
    print(format_summary(results))
    if args.examples:
        print()
        print(format_examples(results, args.examples))
    bad = any(r.own_quotes or r.unlabelled_plans or r.valid_citations != r.citations for r in results)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

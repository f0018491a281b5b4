"""Evaluation of QA evidence drafting against the seed closure QA report.

Drafts the closure QA of project 00108694 with the QA report itself excluded (so the draft
can only quote the other documents: the phase-3 project document, linked as the next
phase) and compares each drafted paragraph with the report's real evidence paragraphs
(the ``qa_question`` records of the ingested report):

- fact coverage: the numbers (digits and number words) and named entities (capitalised
  multi-word names, acronyms) of the real paragraph that the draft also states, pooled
  over the questions (micro) and averaged per question (macro);
- citation validity: every cited quote is verbatim in its source file under ``corpus/`` and
  none comes from the excluded report — must be 100%;
- level agreement: share of the questions where the seed marks a 3/2/1 choice whose
  suggested level equals it (a "too thin to rate" counts as a miss), and the same among
  the questions the draft did rate.

Run::

    python -m evals.draft_eval                 # ingests corpus/ into a temporary home first
    python -m evals.draft_eval --home DIR      # a home that already holds corpus/ (re-ingest is a no-op)
    python -m evals.draft_eval --examples 5 9  # also print drafted vs real paragraphs

From code: ``format_table(run_draft_eval(settings))``.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.core.settings import Settings
from assistant.drafting.drafter import Draft, DraftedQuestion, draft
from assistant.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
QA_REPORT = "acsh-phase2-closure-qa-report.txt"
PROJECT = "00108694"

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


@dataclass(frozen=True)
class DraftEvalRow:
    """One question: the real evidence and level, and how the draft compares."""

    number: int
    section: str
    real_level: str  # "" when the seed marks none
    suggested_level: str | None
    facts: tuple[str, ...]
    found: tuple[str, ...]
    citations: int
    valid_citations: int
    real_paragraph: str
    drafted: DraftedQuestion

    @property
    def fact_coverage(self) -> float | None:
        return len(self.found) / len(self.facts) if self.facts else None


@dataclass
class DraftEvalResult:
    """The whole comparison; ``format_table`` prints it."""

    rows: list[DraftEvalRow]
    draft: Draft
    seconds: float
    notes: list[str] = field(default_factory=list)

    @property
    def fact_coverage(self) -> float | None:
        total = sum(len(r.facts) for r in self.rows)
        return sum(len(r.found) for r in self.rows) / total if total else None

    @property
    def fact_coverage_macro(self) -> float | None:
        values = [r.fact_coverage for r in self.rows if r.fact_coverage is not None]
        return sum(values) / len(values) if values else None

    @property
    def citation_validity(self) -> float | None:
        total = sum(r.citations for r in self.rows)
        return sum(r.valid_citations for r in self.rows) / total if total else None

    @property
    def level_agreement(self) -> float | None:
        marked = [r for r in self.rows if r.real_level in ("1", "2", "3")]
        return sum(r.suggested_level == r.real_level for r in marked) / len(marked) if marked else None

    @property
    def level_agreement_rated(self) -> float | None:
        rated = [r for r in self.rows if r.real_level in ("1", "2", "3") and r.suggested_level]
        return sum(r.suggested_level == r.real_level for r in rated) / len(rated) if rated else None

    @property
    def too_thin(self) -> int:
        return sum(1 for r in self.rows if r.suggested_level is None)


def _corpus_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in CORPUS.iterdir() if p.is_file()}


def run_draft_eval(settings: Settings, store: Store | None = None) -> DraftEvalResult:
    """Draft the closure QA of 00108694 without its QA report and compare with the report.

    ``settings.home`` must hold the corpus (``projdocs ingest corpus/``).
    """
    store = store or Store(settings)
    records = {int(r.key): r for r in store.records(kind="qa_question", sources=[QA_REPORT])}
    if not records:
        raise RuntimeError(f"{QA_REPORT} is not ingested in {settings.home} (run: projdocs ingest corpus/)")
    started = time.perf_counter()
    result = draft(settings, store, project=PROJECT, exclude=[QA_REPORT])
    seconds = time.perf_counter() - started
    texts = _corpus_texts()
    rows = []
    for q in result.questions:
        record = records.get(q.number)
        real = "\n\n".join(v for k, v in sorted(record.fields.items()) if k.startswith("evidence ")) if record else ""
        wanted = sorted(facts(real))
        drafted_text = " ".join(s.citation.quote for s in q.sentences)
        found = [f for f in wanted if fact_found(f, drafted_text)]
        valid = sum(
            1
            for c in q.citations
            if c.source != QA_REPORT and c.source in texts and c.quote and c.quote in texts[c.source]
        )
        rows.append(
            DraftEvalRow(
                number=q.number,
                section=q.section,
                real_level=(record.fields.get("selected", "") if record else ""),
                suggested_level=q.suggested_level,
                facts=tuple(wanted),
                found=tuple(found),
                citations=len(q.citations),
                valid_citations=valid,
                real_paragraph=real,
                drafted=q,
            )
        )
    return DraftEvalResult(rows=rows, draft=result, seconds=seconds)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def format_table(result: DraftEvalResult) -> str:
    """The per-question table and the summary lines, as plain text."""
    head = f"{'Q':>3}  {'section':<24} {'real':>4} {'draft':>6}  {'facts found':>11}  {'cites':>5}  "
    head += "facts missed (first 4)"
    lines = [
        f"QA evidence drafting — closure QA of {PROJECT}, drafted without {QA_REPORT}",
        f"documents used: {', '.join(result.draft.sources)}",
        "",
        head,
        "-" * len(head),
    ]
    for r in result.rows:
        missed = [f for f in r.facts if f not in r.found][:4]
        lines.append(
            f"{r.number:>3}  {r.section[:24]:<24} {r.real_level or '-':>4} {r.suggested_level or 'thin':>6}  "
            f"{len(r.found):>4}/{len(r.facts):<4}   {r.valid_citations:>2}/{r.citations:<2}  {', '.join(missed)}"
        )
    marked = sum(1 for r in result.rows if r.real_level in ("1", "2", "3"))
    rated = sum(1 for r in result.rows if r.real_level in ("1", "2", "3") and r.suggested_level)
    lines += [
        "",
        f"{'questions drafted':<44} {len(result.rows)} ({result.too_thin} too thin to rate)",
        f"{'fact coverage (pooled / per-question mean)':<44} {_pct(result.fact_coverage)} / "
        f"{_pct(result.fact_coverage_macro)}",
        f"{'citation validity (must be 100%)':<44} {_pct(result.citation_validity)}",
        f"{'level agreement (seed marks a level, n=' + str(marked) + ')':<44} {_pct(result.level_agreement)}",
        f"{'level agreement where rated (n=' + str(rated) + ')':<44} {_pct(result.level_agreement_rated)}",
        f"{'drafting time':<44} {result.seconds:.1f} s",
    ]
    return "\n".join(lines)


def format_examples(result: DraftEvalResult, numbers_: list[int]) -> str:
    """Drafted paragraphs next to the real ones, for the questions asked."""
    out = []
    for r in result.rows:
        if r.number not in numbers_:
            continue
        q = r.drafted
        out += [
            f"=== Question {r.number}: {q.question}",
            f"REAL (level {r.real_level or '-'}): {r.real_paragraph}",
            f"DRAFT (suggested {q.suggested_level or 'too thin to rate'} — {q.reason}): {q.paragraph or '(none)'}",
        ]
        out += [f"  [{i}] {c.source}, {c.location}" for i, c in enumerate(q.citations, start=1)]
        out += [f"  missing: {m}" for m in q.missing]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Evaluate QA evidence drafting against the seed QA report.")
    parser.add_argument("--home", type=Path, help="home holding corpus/ (default: a fresh temporary home)")
    parser.add_argument("--examples", type=int, nargs="*", default=[], help="question numbers to print side by side")
    args = parser.parse_args(argv)
    from ingest.pipeline import ingest_paths

    with tempfile.TemporaryDirectory(prefix="projdocs-draft-eval-") as tmp:
        settings = Settings(home=args.home or Path(tmp))
        summary = ingest_paths([CORPUS], settings)
        if summary.failed:
            print(f"ingest failed: {summary.failed}", file=sys.stderr)
            return 1
        result = run_draft_eval(settings)
    print(format_table(result))
    if args.examples:
        print()
        print(format_examples(result, args.examples))
    return 0 if result.citation_validity in (None, 1.0) else 1


if __name__ == "__main__":
    sys.exit(main())

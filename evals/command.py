"""``projdocs eval``: the gold-set evaluation table, the baseline comparison and the CI floors."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

EVALS_DIR = Path(__file__).resolve().parent
DEFAULT_QUESTIONS = EVALS_DIR / "questions.jsonl"
FLOORS_PATH = EVALS_DIR / "floors.json"
# the held-out question sets, written blind (their files: evals/matrix.py SETS)
HELDOUT_SETS = (
    "seed",
    "project2",
    "project2-tables",
    "seed-people",
    "project2-people",
    "seed-people2",
    "project2-people2",
    "seed-people3",
    "project2-people3",
    "project3",
    "project3-people",
    "project3-people4",
)
CORPUS_DIR = EVALS_DIR.parent / "corpus"

# floors.json key (= option name) → (report attribute, label)
FLOORS = {
    "min_accuracy": ("answer_accuracy", "answer accuracy"),
    "min_refusal": ("refusal_unanswerable", "refusal accuracy on unanswerable"),
    "min_citation_validity": ("citation_validity", "citation validity"),
}


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    """The CI floors from ``evals/floors.json`` (none when the file is missing)."""
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in raw.items() if k in FLOORS and v is not None}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{1000 * value:.1f} ms" if value < 0.01 else f"{1000 * value:.0f} ms"


def render(report: Any, console: Any, worst: int = 0) -> None:
    """Print the per-type and overall tables (and the worst misses) with rich."""
    from rich.table import Table

    k = report.k
    by_type = Table(title=f"Gold set: {report.n_questions} questions", title_justify="left")
    for col in ("type", "n", "accuracy", f"recall@{k} ours", f"recall@{k} baseline"):
        by_type.add_column(col, justify="left" if col == "type" else "right")
    for name, s in report.per_type.items():
        by_type.add_row(name, str(s.n), _pct(s.accuracy), _pct(s.recall), _pct(s.recall_baseline))
    console.print(by_type)

    overall = Table(title="Overall", title_justify="left")
    overall.add_column("metric")
    overall.add_column("ours", justify="right")
    overall.add_column("baseline", justify="right")
    rows = [
        ("answer accuracy (answerable)", _pct(report.answer_accuracy), ""),
        ("accuracy incl. refusals (all)", _pct(report.overall_accuracy), ""),
        ("refusal accuracy: unanswerable refused", _pct(report.refusal_unanswerable), ""),
        ("refusal accuracy: answerable answered", _pct(report.refusal_answerable), ""),
        ("citation validity (quote verbatim)", _pct(report.citation_validity), ""),
        ("citation support (answered)", _pct(report.citation_support), ""),
        (f"evidence recall@{k}", _pct(report.recall_at_k), _pct(report.recall_at_k_baseline)),
        ("latency p50 (ask)", _ms(report.latency_p50_s), _ms(report.baseline_latency_p50_s)),
        ("latency p95 (ask)", _ms(report.latency_p95_s), ""),
    ]
    for row in rows:
        overall.add_row(*row)
    console.print(overall)
    if report.baseline_latency_p50_s is not None:
        console.print("baseline latency is similarity_search only (retrieval, no answer)", style="dim")

    misses = report.worst(worst)
    if misses:
        table = Table(title=f"Worst {len(misses)} misses", title_justify="left", show_lines=True)
        for col in ("id", "type", "refused", "missing", "our answer"):
            table.add_column(col)
        for q in misses:
            table.add_row(q.id, q.type, "yes" if q.refused else "no", ", ".join(q.missing), q.answer[:160])
        console.print(table)


@click.command(name="eval")
@click.option(
    "--questions",
    type=click.Path(exists=True, dir_okay=False),
    default=str(DEFAULT_QUESTIONS),
    show_default="evals/questions.jsonl",
    help="Gold questions (JSONL).",
)
@click.option("--limit", type=int, help="Only the first N questions.")
@click.option("--k", "k", default=5, show_default=True, type=int, help="Chunks retrieved for evidence recall@k.")
@click.option("--no-baseline", is_flag=True, help="Skip the naive LangChain baseline (saves a minute).")
@click.option(
    "--min-accuracy", type=float, help="Fail (exit 1) below this answer accuracy (default: evals/floors.json)."
)
@click.option("--min-refusal", type=float, help="Fail below this share of unanswerable questions refused.")
@click.option("--min-citation-validity", type=float, help="Fail below this share of verbatim citations.")
@click.option("--json-out", type=click.Path(dir_okay=False), help="Also write the JSON report here.")
@click.option("--worst", default=10, show_default=True, type=int, help="Show the N worst misses (0: none).")
@click.option(
    "--set",
    "sets",
    type=click.Choice([*HELDOUT_SETS, "dev", "heldout", "all"]),
    help="Side-by-side accuracy over question sets instead of the dev report: seed and project2 are the "
    "held-out sets written blind, project2-tables a later blind set on project 2's tables, all dev; "
    "seed-people and project2-people a later blind set in people's own words, seed-people2 and "
    "project2-people2 a third one, seed-people3 and project2-people3 a fourth; project3 a third project and "
    "project3-people a second set on it in people's words (heldout: the eleven; all: with dev too).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "docx", "pdf", "all"]),
    default="txt",
    show_default=True,
    help="With --set: the documents' format (all: each side by side).",
)
@click.option(
    "--split",
    type=click.Choice(["dev", "test", "all"]),
    default="all",
    show_default=True,
    help="With --set: the held-out split (tune on dev; test is never tuned on).",
)
@click.pass_obj
def eval_command(
    ctx: Any,
    questions: str,
    limit: int | None,
    k: int,
    no_baseline: bool,
    min_accuracy: float | None,
    min_refusal: float | None,
    min_citation_validity: float | None,
    json_out: str | None,
    worst: int,
    sets: str | None,
    fmt: str,
    split: str,
) -> None:
    """Score the assistant on the gold questions, against a naive LangChain baseline.

    Ingests the sample corpus/ first when the index is empty. Prints accuracy per
    question type, refusal accuracy, citation validity and support, evidence recall@k
    (ours vs the baseline) and latency; writes HOME/eval-report.json. Exits 1 when a
    figure is below its floor (options, else evals/floors.json): the CI regression guard.

    \b
    Examples:
      projdocs eval
      projdocs eval --limit 20 --no-baseline
      projdocs --home /tmp/ci eval --min-accuracy 0.8 --json-out report.json
      projdocs eval --set heldout --format all     # held-out sets, TXT, DOCX and PDF side by side
    """
    from rich.console import Console

    if sets:
        _matrix(ctx.settings, sets, fmt, split, json_out, worst)
        return

    from assistant.answer.assistant import Assistant
    from assistant.core.errors import ProjdocsError
    from assistant.retrieval.hybrid import Retriever
    from assistant.store.database import Store
    from evals.scorer import evaluate_answers, evidence_recall, load_gold, our_search, run_assistant

    settings = ctx.settings
    console = Console() if sys.stdout.isatty() else Console(width=140)  # a log or a pipe: no wrapping at 80
    try:
        items = load_gold(questions, limit)
        store = Store(settings)
        if store.count_chunks() == 0:
            _ingest_corpus(settings)
        assistant = Assistant(settings, store)
        started = time.perf_counter()
        answers, latencies = run_assistant(assistant, items)
        retrieved = evidence_recall(items, our_search(Retriever(store, settings)), k)
        baseline = None
        if not no_baseline:
            from evals.baseline import run_baseline

            click.echo("building the naive LangChain baseline…", err=True)
            baseline = run_baseline(CORPUS_DIR, items, k)
        report = evaluate_answers(
            items, answers, latencies, store.document_text, retrieved, baseline.found if baseline else None, k
        )
    except ProjdocsError as exc:
        raise click.ClickException(str(exc)) from exc
    if baseline is not None:
        report.baseline_latency_p50_s = baseline.query_p50_s
    render(report, console, worst)

    floors = load_floors()
    given = {"min_accuracy": min_accuracy, "min_refusal": min_refusal, "min_citation_validity": min_citation_validity}
    floors.update({name: v for name, v in given.items() if v is not None})
    failures = []
    for name, floor in floors.items():
        attr, label = FLOORS[name]
        value = getattr(report, attr)
        if value is not None and value < floor:
            failures.append(f"{label} {_pct(value)} is below the floor {_pct(floor)}")

    data: dict[str, Any] = {
        "questions_file": str(Path(questions).resolve()),
        "home": str(settings.home),
        "elapsed_s": round(time.perf_counter() - started, 1),
        "floors": floors,
        "failures": failures,
        "passed": not failures,
        **report.to_dict(),
    }
    if baseline is not None:
        data["baseline"] = {
            "pipeline": "RecursiveCharacterTextSplitter(1000, 200) + HuggingFaceEmbeddings(MiniLM) + Chroma",
            "n_chunks": baseline.n_chunks,
            "build_s": round(baseline.build_s, 2),
            "query_p50_s": baseline.query_p50_s,
            "query_p95_s": baseline.query_p95_s,
        }
    text = json.dumps(data, indent=2, ensure_ascii=False)
    out = settings.home / "eval-report.json"
    out.write_text(text, encoding="utf-8")
    if json_out:
        Path(json_out).write_text(text, encoding="utf-8")
    click.echo(f"report: {out}", err=True)
    for line in failures:
        click.echo(f"FAIL: {line}", err=True)
    if failures:
        sys.exit(1)


def _ingest_corpus(settings: Any) -> None:
    from ingest.pipeline import ingest_paths

    if not CORPUS_DIR.is_dir():
        raise click.ClickException(f"the index is empty and there is no corpus folder at {CORPUS_DIR}")
    click.echo(f"the index is empty: ingesting {CORPUS_DIR} (a minute or two)…", err=True)
    summary = ingest_paths([CORPUS_DIR], settings)
    for line in summary.lines():
        click.echo(f"ingest: {line}", err=True)
    if summary.failed:
        raise click.ClickException("the corpus could not be ingested completely")


def _matrix(settings: Any, sets: str, fmt: str, split: str, json_out: str | None, worst: int) -> None:
    from rich.console import Console

    from evals.matrix import FORMATS, render, run_one

    names = {"heldout": list(HELDOUT_SETS), "all": ["dev", *HELDOUT_SETS]}.get(sets, [sets])
    formats = list(FORMATS) if fmt == "all" else [fmt]
    runs = []
    for name in names:
        for f in formats:
            click.echo(f"eval: {name} / {f}…", err=True)
            try:
                runs.append(run_one(name, f, settings.home / "eval" / f"{name}-{f}", split))
            except (FileNotFoundError, RuntimeError) as exc:
                click.echo(f"eval: skipped {name} / {f}: {exc}", err=True)
    console = Console() if sys.stdout.isatty() else Console(width=160)
    render(runs, console)
    if worst:
        for run in runs:
            for qid, question, answer in run.misses[:worst]:
                console.print(f"miss {run.set_name}/{run.fmt} {qid}: {question!r} -> {answer!r}", style="dim")
    text = json.dumps([r.to_dict() for r in runs], indent=2, ensure_ascii=False)
    out = settings.home / "eval-matrix.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    if json_out:
        Path(json_out).write_text(text, encoding="utf-8")
    click.echo(f"report: {out}", err=True)

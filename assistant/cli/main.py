"""The ``projdocs`` command line: thin commands that parse, call the library and print.

Results go to stdout, progress and logs to stderr. Errors become one line and exit 1
(a traceback only with -vv).
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from assistant import __version__
from assistant.core.errors import ProjdocsError
from assistant.core.settings import Settings, load_settings


def _quiet_libraries() -> None:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    for name in ("chromadb", "sentence_transformers", "httpx", "transformers"):
        logging.getLogger(name).setLevel(logging.WARNING)
    try:
        import transformers

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
    except ImportError:  # pragma: no cover
        pass


class Context:
    def __init__(self, home: str | None, verbose: int) -> None:
        self.home = home
        self.verbose = verbose
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = load_settings(self.home)
        return self._settings


def _fail(ctx: Context, exc: Exception) -> None:
    if ctx.verbose >= 2:
        raise exc
    raise click.ClickException(str(exc))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(file_okay=False),
    envvar="PROJDOCS_HOME",
    help="Folder for the index and everything the tool writes.",
)
@click.option("-v", "--verbose", count=True, help="-v for progress logs, -vv for debug logs and tracebacks.")
@click.version_option(__version__, prog_name="projdocs")
@click.pass_context
def cli(click_ctx: click.Context, home: str | None, verbose: int) -> None:
    """ProjectDocs Assistant: cited answers from project documents, offline.

    \b
    Examples:
      projdocs ingest corpus/
      projdocs ask "What were the 2022 targets for indicator 2.3?"
      projdocs facts --kind indicators
    """
    _quiet_libraries()
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    click_ctx.obj = Context(home, verbose)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_obj
def ingest(ctx: Context, paths: tuple[str, ...]) -> None:
    """Add files or folders (PDF, DOCX, TXT, MD) to the index.

    Unchanged files are skipped; a changed file replaces its old chunks; a file that
    cannot be read is reported with the reason and the others are still ingested.

    \b
    Examples:
      projdocs ingest corpus/
      projdocs ingest report.pdf prodoc.docx
    """
    from ingest.pipeline import ingest_paths

    bar: Any = None

    def progress(name: str, done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = click.progressbar(length=total, label="ingesting", file=sys.stderr, show_pos=True)
            bar.__enter__()
        bar.update(done - bar.pos)
        if name:
            bar.label = f"ingesting {name}"

    try:
        summary = ingest_paths(paths, ctx.settings, on_progress=progress)
    except ProjdocsError as exc:
        _fail(ctx, exc)
        return
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    for line in summary.lines():
        click.echo(line)
    if summary.failed:
        sys.exit(1 if not (summary.added or summary.updated or summary.unchanged) else 2)


def _filters(source: tuple[str, ...], doc_type: str | None, project: str | None) -> Any:
    from assistant.store.database import Filters

    return Filters(sources=tuple(source), doc_type=doc_type or "", project_number=project or "")


_filter_options = [
    click.option("--source", multiple=True, help="Only this document (file name); repeat for several."),
    click.option(
        "--doc-type",
        type=click.Choice(["project_document", "qa_report", "document"]),
        help="Only documents of this type.",
    ),
    click.option("--project", help="Only documents of this project number (e.g. 00123513)."),
]


def filter_options(func: Any) -> Any:
    for option in reversed(_filter_options):
        func = option(func)
    return func


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object: answer, refused, citations.")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False), help="JSONL file of {id, question, history}.")
@click.option("--out", type=click.Path(dir_okay=False), help="Where --batch writes its JSONL (default stdout).")
@click.option("--history", multiple=True, help="An earlier question of the conversation (repeatable, oldest first).")
@filter_options
@click.pass_obj
def ask(
    ctx: Context,
    question: str | None,
    as_json: bool,
    batch: str | None,
    out: str | None,
    history: tuple[str, ...],
    source: tuple[str, ...],
    doc_type: str | None,
    project: str | None,
) -> None:
    """Answer a question from the ingested documents, with citations.

    \b
    Examples:
      projdocs ask "What were the 2022 targets for indicator 2.3?"
      projdocs ask "And for 2023?" --history "What were the 2022 targets for indicator 2.3?"
      projdocs ask --batch questions.jsonl --out answers.jsonl
      PROJDOCS_LLM=openai PROJDOCS_LLM_BASE_URL=http://127.0.0.1:8000/v1 projdocs ask "Who implements the project?"

    With PROJDOCS_LLM=openai a language model on that server writes the answer (streamed,
    sentence by sentence, each checked against its cited passages); the default is extractive.
    """
    from assistant.answer.assistant import Assistant

    if not question and not batch:
        raise click.UsageError("give a QUESTION or --batch FILE")
    filters = _filters(source, doc_type, project)
    try:
        assistant = Assistant(ctx.settings)
        if batch:
            _ask_batch(assistant, Path(batch), out, filters)
            return
        assert question is not None
        if ctx.settings.llm == "openai" and not as_json:
            answer = _ask_streaming(assistant, question, list(history), filters)
        else:
            answer = assistant.ask(question, history=list(history), filters=filters)
            if not as_json:
                click.echo(answer.answer)
    except ProjdocsError as exc:
        _fail(ctx, exc)
        return
    if as_json:
        click.echo(json.dumps(answer.model_dump(exclude={"notes"} if not answer.notes else set()), ensure_ascii=False))
        return
    for note in answer.notes:
        click.echo(f"Note: {note}")
    for i, c in enumerate(answer.citations, start=1):
        click.echo(f'[{i}] {c.source}, {c.location}: "{c.quote}"')


def _ask_streaming(assistant: Any, question: str, history: list[str], filters: Any) -> Any:
    """Print verified sentences as the model finishes them; return the final Answer."""
    from assistant.core.types import Answer

    shown = ""
    for item in assistant.ask_stream(question, history=history, filters=filters):
        if isinstance(item, Answer):
            if shown and shown != item.answer:
                click.echo("")  # the verified answer did not hold up: the final one replaces it
                shown = ""
            if not shown:
                click.echo(item.answer, nl=False)
            click.echo("")
            return item
        click.echo(item, nl=False)
        sys.stdout.flush()
        shown += item
    raise click.ClickException("the answer stream ended without an answer")  # pragma: no cover


def _ask_batch(assistant: Any, path: Path, out: str | None, filters: Any) -> None:
    sink = open(out, "w", encoding="utf-8") if out else sys.stdout
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                question = item["question"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise click.ClickException(
                    f"{path}, line {number}: expected a JSON object with a question ({exc})"
                ) from exc
            answer = assistant.ask(question, history=item.get("history") or [], filters=filters)
            row = {"id": item.get("id", number), **answer.model_dump()}
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
    finally:
        if out:
            sink.close()


@cli.command()
@click.option(
    "--kind",
    type=click.Choice(["indicators", "budget", "qa", "tables", "rows"]),
    help="Only this kind of record (tables: how each table was understood, or why it was rejected).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.pass_obj
def facts(ctx: Context, kind: str | None, as_json: bool, as_csv: bool) -> None:
    """List the records extracted from tables and QA forms, to check them at a glance.

    \b
    Examples:
      projdocs facts --kind indicators
      projdocs facts --kind budget --csv > budget.csv
      projdocs facts --kind tables        # recognised tables and their columns; rejected ones with the reason
    """
    from assistant.answer.fact_rows import record_rows, table_rows
    from assistant.store.database import Store

    kinds = {
        "indicators": ["indicator"],
        "budget": ["activity", "total"],
        "qa": ["qa_section", "qa_question"],
        "tables": ["table_map"],
        "rows": ["table_row", "delivery", "rating"],
        None: None,
    }[kind]
    store = Store(ctx.settings)
    rows = table_rows(store) if kind == "tables" else record_rows(store, kinds)  # as the web app's Facts tab
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif as_csv:
        columns = list(dict.fromkeys(k for row in rows for k in row))
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        # one table per kind, so that each has only its own columns
        for kind_name in dict.fromkeys(row["kind"] for row in rows):
            subset = [row for row in rows if row["kind"] == kind_name]
            columns = [k for k in dict.fromkeys(k for row in subset for k in row) if k != "kind"]
            table = Table(*columns, title=kind_name, show_lines=False)
            for row in subset:
                table.add_row(*(str(row.get(c, "")) for c in columns))
            Console(width=None if sys.stdout.isatty() else 200).print(table)
        click.echo(f"{len(rows)} records", err=True)


@cli.command(name="documents")
@click.pass_obj
def documents_cmd(ctx: Context) -> None:
    """List the ingested documents with type, project number and chunk count."""
    from assistant.store.database import Store

    for d in Store(ctx.settings).documents():
        period = f"{d.period[0]}–{d.period[1]}" if d.period else "-"
        click.echo(f"{d.source}\t{d.doc_type}\tproject {d.project_number or '-'}\t{period}\t{d.n_chunks} chunks")


@cli.command()
@click.argument("source")
@click.pass_obj
def remove(ctx: Context, source: str) -> None:
    """Remove a document (by file name) from the index."""
    from assistant.store.database import Store
    from assistant.store.locking import ingest_lock

    with ingest_lock(ctx.settings):
        if not Store(ctx.settings).remove_document(source):
            raise click.ClickException(f"{source} is not in the index (see: projdocs documents)")
    click.echo(f"removed {source}")


@cli.command()
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind; keep loopback unless you mean it."
)
@click.option("--port", default=7860, show_default=True, type=int, help="Port of the web app and the API.")
@click.option("--allow-open", is_flag=True, help="Serve a non-loopback address even with no login configured.")
@click.option("--max-upload-mb", default=20.0, show_default=True, help="Largest PDF or DOCX upload.")
@click.option("--max-text-mb", default=2.0, show_default=True, help="Largest TXT or MD upload.")
@click.option("--max-request-mb", default=50.0, show_default=True, help="Largest upload of several files at once.")
@click.pass_obj
def serve(
    ctx: Context,
    host: str,
    port: int,
    allow_open: bool,
    max_upload_mb: float,
    max_text_mb: float,
    max_request_mb: float,
) -> None:
    """Open the web app and the HTTP API (OpenAPI docs at /api/docs; OpenAI-compatible /v1).

    With PROJDOCS_AUTH_FILE set, users log in and see only their projects' documents; the API
    takes the same users (HTTP Basic) or API keys (projdocs keys create). With no login, a
    non-loopback --host is refused unless --allow-open.

    \b
    Examples:
      projdocs serve
      PROJDOCS_AUTH_FILE=users.txt projdocs serve --host 0.0.0.0 --port 8080
    """
    from assistant.api.uploads import UploadLimits
    from ui.server import serve as serve_app

    limits = UploadLimits(max_file_mb=max_upload_mb, max_text_mb=max_text_mb, max_request_mb=max_request_mb)
    try:
        serve_app(ctx.settings, host=host, port=port, limits=limits, allow_open=allow_open)
    except ProjdocsError as exc:
        _fail(ctx, exc)


@cli.command()
@click.option("--project", help="Project number (leading zeros optional); default: all documents.")
@click.option("--out", type=click.Path(dir_okay=False), help="Write FILE.md or FILE.docx; default: stdout.")
@click.pass_obj
def brief(ctx: Context, project: str | None, out: str | None) -> None:
    """Print a one-page cited brief of a project: what it is about, who implements and funds
    it, how long it runs, its board and outputs — each line quoting the documents.

    \b
    Examples:
      projdocs brief --project 00123513
      projdocs brief --project 00119874 --out brief.docx
    """
    from assistant.answer.brief import make_brief
    from assistant.store.database import Store

    text = make_brief(Store(ctx.settings), project or "").markdown()
    if not out:
        click.echo(text)
        return
    if out.endswith(".docx"):
        from docx import Document as WordDocument

        document = WordDocument()
        for line in text.splitlines():
            if line.startswith("# "):
                document.add_heading(line[2:], 0)
            elif line.startswith("## "):
                document.add_heading(line[3:], 1)
            elif line:
                document.add_paragraph(line)
        document.core_properties.title = f"Project brief {project or ''}".strip()
        document.save(out)
    else:
        Path(out).write_text(text, encoding="utf-8")
    click.echo(f"wrote {out}", err=True)


# Commands that live in their own modules (kept light: heavy imports happen inside them).
# Each line is added by the module's author; a missing module is a bug, not an option.
from assistant.cli.draft import draft

cli.add_command(draft)
from assistant.cli.doctor import doctor

cli.add_command(doctor)
from assistant.cli.access import access, keys
from evals.command import eval_command

cli.add_command(access)
cli.add_command(keys)

cli.add_command(eval_command, "eval")


def main() -> None:  # pragma: no cover
    cli()


if __name__ == "__main__":  # pragma: no cover
    main()

"""``projdocs draft``: draft the QA evidence of a project from its own documents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click


@click.command()
@click.option("--project", help="Project number (leading zeros optional); documents of linked phases are included.")
@click.option("--source", "sources", multiple=True, help="A document (file name) to draft from; repeatable.")
@click.option(
    "--stage",
    type=click.Choice(["auto", "design", "implementation", "closure"]),
    default="auto",
    show_default=True,
    help="QA stage whose questions to draft; auto: suggested from the project's documents.",
)
@click.option("--question", "questions", multiple=True, type=int, help="Only this question number; repeatable.")
@click.option("--exclude", multiple=True, help="A document (file name) never to quote; repeatable.")
@click.option(
    "--include-own-report/--exclude-own-report",
    default=False,
    show_default=True,
    help="Quote the project's own QA report of this stage (the report being drafted); left out by default.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Write FILE.docx (a Word form) or FILE.md; without it the Markdown goes to stdout.",
)
@click.pass_obj
def draft(
    ctx: Any,
    project: str | None,
    sources: tuple[str, ...],
    stage: str,
    questions: tuple[int, ...],
    exclude: tuple[str, ...],
    include_own_report: bool,
    out: str | None,
) -> None:
    """Draft QA evidence paragraphs, cited and rated, from a project's documents.

    For each question of the QA form: a paragraph made only of the documents' own
    sentences (each quoted verbatim, with its source and location), the rubric level the
    evidence supports with a one-line reason (or "too thin to rate"), and the evidence
    the rubric asks for that was not found. The assessor decides.

    A project's documents are those carrying its number and those of an earlier or later
    phase linked to it (a closure report naming the next phase's project number). The
    project's own QA report of the stage being drafted is left out unless
    --include-own-report; reports of what happened rank before plans, and a plan sentence
    ("will…") is labelled "Planned:" and never counted as evidence that something was done.

    \b
    Examples:
      projdocs draft --project 00108694 --out closure.docx
      projdocs draft --project 00119874 --stage implementation --question 9 --question 10
      projdocs draft --project 00108694 --stage closure --include-own-report
      projdocs draft --source acsh-phase3-project-document.txt --out draft.md
    """
    from assistant.core.errors import ProjdocsError
    from assistant.drafting.drafter import draft as make_draft
    from assistant.drafting.export import to_docx, to_markdown

    if not project and not sources:
        raise click.UsageError("give --project ID or --source FILE (see: projdocs documents)")
    if out and Path(out).suffix.lower() not in (".docx", ".md", ".markdown"):
        raise click.UsageError(f"--out must end in .docx or .md, not {Path(out).suffix or 'no extension'}")
    try:
        result = make_draft(
            ctx.settings,
            project=project,
            sources=sources,
            stage=None if stage == "auto" else stage,
            questions=list(questions) or None,
            exclude=exclude,
            include_own_report=include_own_report,
        )
    except ProjdocsError as exc:
        if getattr(ctx, "verbose", 0) >= 2:
            raise
        raise click.ClickException(str(exc)) from exc
    rated = sum(1 for q in result.questions if q.suggested_level)
    summary = (
        f"{result.stage} stage ({result.stage_reason}): {len(result.questions)} questions drafted from "
        f"{', '.join(result.sources)}; {rated} rated, {len(result.questions) - rated} too thin to rate"
    )
    if result.own_report:
        state = "quoted (--include-own-report)" if result.own_report_included else "left out"
        summary += f"; the report being drafted ({', '.join(result.own_report)}) {state}"
    if out is None:
        click.echo(to_markdown(result), nl=False)
    elif Path(out).suffix.lower() == ".docx":
        to_docx(result, out)
        summary += f"; written to {out}"
    else:
        Path(out).write_text(to_markdown(result), encoding="utf-8")
        summary += f"; written to {out}"
    click.echo(summary, err=True)
    sys.stdout.flush()

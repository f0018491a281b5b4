"""The Draft QA tab: choose a project, its sources and QA questions; draft; edit; download.

Calls ``assistant.drafting.draft`` and ``assistant.drafting.export``: the draft is shown as
editable Markdown (``to_markdown``: per question the suggested rating, the paragraph with its
[n] markers and the numbered sources) and written as DOCX (``to_docx``); the edited text can
be saved as Markdown too.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.core.errors import ProjdocsError
from ui import render

logger = logging.getLogger(__name__)

_drafter_lock = threading.Lock()


def choices(backend: Any, initial: bool = True, request: gr.Request | None = None) -> tuple[Any, ...]:
    """Project, source, exclusion and question choices from the index and the question bank
    (``initial``: also pick the first project; otherwise what the user chose stays)."""
    docs = backend.visible_documents(request)
    projects, _ = backend.filter_choices(request)
    projects = [(label, value) for label, value in projects if value]
    first = projects[0][1] if projects else None
    sources = [d.source for d in docs]
    try:
        questions = question_choices("closure")
    except ProjdocsError as exc:
        logger.warning("no QA questions: %s", exc)
        questions = []
    if not initial:
        return gr.update(choices=projects), gr.update(choices=sources), gr.update(choices=sources), gr.update()
    return (
        gr.update(choices=projects, value=first),
        gr.update(choices=sources, value=[]),
        gr.update(choices=sources, value=[]),
        gr.update(choices=questions, value=[]),
    )


def question_choices(stage: str | None) -> list[tuple[str, str]]:
    """The question picker's choices for a stage (auto: the closure form's numbering)."""
    from assistant.drafting.drafter import load_stage

    _, _, bank = load_stage(stage if stage and stage != "auto" else "closure")
    return [(f"Q{q.number} · {render.short(q.text, 90)}", str(q.number)) for q in bank]


def run(
    backend: Any,
    project: str | None,
    sources: list[str] | None,
    exclude: list[str] | None,
    questions: list[str] | None,
    progress: Any = None,
    request: gr.Request | None = None,
    stage: str | None = None,
    include_own_report: bool = False,
) -> tuple[str, str | None, str]:
    """Draft the chosen questions; (editable text, DOCX path, status line)."""
    from assistant.drafting.drafter import Drafter, draft
    from assistant.drafting.export import to_docx, to_markdown

    if not project and not sources:
        return gr.skip(), None, "Choose a project or at least one source document."
    visible = {d.source for d in backend.visible_documents(request)}
    allowed_projects = {value for _, value in backend.filter_choices(request)[0] if value}
    if (project and project not in allowed_projects) or any(s not in visible for s in sources or []):
        return gr.skip(), None, "That project or document is not in the index."
    numbers = [int(q) for q in questions or [] if str(q).isdigit()]
    if progress is not None:
        progress((0, None), desc=f"Drafting {len(numbers) or 'all'} question{'s' if len(numbers) != 1 else ''}…")
    with _drafter_lock:
        if getattr(backend, "drafter", None) is None:
            backend.drafter = Drafter(backend.settings, backend.store)
    try:
        result = draft(
            backend.settings,
            backend.store,
            project=project or None,
            sources=sources or (),
            questions=numbers or None,
            drafter=backend.drafter,
            stage=None if not stage or stage == "auto" else stage,
            include_own_report=include_own_report,
            # a linked phase the user may not see is never quoted
            exclude=[*(exclude or ()), *(d.source for d in backend.store.documents() if d.source not in visible)],
        )
    except ProjdocsError as exc:
        return gr.skip(), None, f"**Could not draft:** {exc}"
    path = to_docx(result, _draft_path(backend, project, ".docx", request))
    n = len(result.questions)
    return (
        to_markdown(result),
        backend.deliver(path),  # a per-user file, served from an unguessable copy
        f"Drafted {n} {result.stage}-stage question{'s' if n != 1 else ''} ({result.stage_reason}) "
        f"from {len(result.sources)} document(s)."
        + (
            f" The report being drafted ({', '.join(result.own_report)}) is "
            + ("quoted, as asked." if result.own_report_included else "left out.")
            if result.own_report
            else ""
        ),
    )


def _draft_path(backend: Any, project: str | None, suffix: str, request: gr.Request | None = None) -> Path:
    """A new file under ``<home>/drafts/<user>`` (never served by path: ``Backend.deliver``)."""
    out_dir = backend.user_folder(request, "drafts")
    stem = re.sub(r"[^\w-]+", "-", f"qa-draft-{project or 'selected'}").strip("-")
    return out_dir / f"{stem}-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}{suffix}"


def save_edits(
    backend: Any, project: str | None, text: str | None, request: gr.Request | None = None
) -> tuple[Any, str]:
    """The edited draft saved as Markdown; (file component update, status line)."""
    if not (text or "").strip():
        return gr.update(value=None, visible=False), "Nothing to save: draft first."
    path = _draft_path(backend, project, "-edited.md", request)
    path.write_text(text or "", encoding="utf-8")
    return gr.update(value=backend.deliver(path), visible=True), "Saved your edited text as Markdown."


def layout(backend: Any) -> dict[str, Any]:
    """The tab's components."""
    gr.Markdown(
        "Draft QA evidence (design, implementation or closure stage) from a project's own documents: each "
        "paragraph is made of sentences quoted from the documents, each cited, with the rating the evidence "
        "supports; plan sentences are labelled *Planned* and never rated on. "
        "Edit the text freely: the DOCX holds the draft as generated; *Save my edits* keeps your version."
    )
    with gr.Row():
        project = gr.Dropdown([], label="Project", scale=2, elem_id="pd-draft-project")
        sources = gr.Dropdown([], label="Also use these documents (optional)", multiselect=True, scale=2)
        exclude = gr.Dropdown([], label="Never quote (also)", multiselect=True, scale=2)
    with gr.Row():
        stage = gr.Dropdown(
            [("Suggest from the documents", "auto"), ("Design", "design"), ("Implementation", "implementation")]
            + [("Closure", "closure")],
            value="auto",
            label="QA stage",
            elem_id="pd-draft-stage",
        )
        include_own = gr.Checkbox(
            value=False,
            label="Quote this project's own QA report of the stage (the report being drafted)",
            elem_id="pd-draft-include-own",
        )
    questions = gr.Dropdown(
        [],
        label="QA questions (none chosen = all)",
        multiselect=True,
        elem_id="pd-draft-questions",
    )
    run_button = gr.Button("Draft", variant="primary", elem_id="pd-draft-run")
    status = gr.Markdown("", elem_id="pd-draft-status")
    text = gr.Textbox(
        label="Draft (editable)",
        lines=16,
        max_lines=40,
        interactive=True,
        buttons=["copy"],
        elem_id="pd-draft-text",
    )
    with gr.Row(equal_height=False):
        file = gr.File(label="Download DOCX (as drafted)", interactive=False, elem_id="pd-draft-file", height=90)
        with gr.Column():
            save = gr.Button("Save my edits (Markdown)", size="sm", elem_id="pd-draft-save")
            edited = gr.File(label="Edited text", interactive=False, elem_id="pd-draft-edited", visible=False)
    return {
        "project": project,
        "sources": sources,
        "exclude": exclude,
        "stage": stage,
        "include_own": include_own,
        "questions": questions,
        "run": run_button,
        "status": status,
        "text": text,
        "file": file,
        "save": save,
        "edited": edited,
    }


def wire(app: gr.Blocks, tab: gr.Tab, backend: Any, parts: dict[str, Any]) -> None:
    """Draft on click; fill the choices when the app loads and refresh them when the tab opens."""

    def on_run(
        project: str,
        sources: list[str],
        exclude: list[str],
        questions: list[str],
        stage: str,
        include_own: bool,
        progress: Any = gr.Progress(),
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:  # type: ignore[assignment]
        return run(backend, project, sources, exclude, questions, progress, request, stage, bool(include_own))

    def on_load(request: gr.Request = None) -> tuple[Any, ...]:  # type: ignore[assignment]
        return choices(backend, request=request)

    def on_select(request: gr.Request = None) -> tuple[Any, ...]:  # type: ignore[assignment]
        return choices(backend, initial=False, request=request)

    parts["run"].click(
        on_run,
        inputs=[
            parts["project"],
            parts["sources"],
            parts["exclude"],
            parts["questions"],
            parts["stage"],
            parts["include_own"],
        ],
        outputs=[parts["text"], parts["file"], parts["status"]],
    )

    def on_save(project: str, text: str, request: gr.Request = None) -> tuple[Any, str]:  # type: ignore[assignment]
        return save_edits(backend, project, text, request)

    parts["save"].click(
        on_save,
        inputs=[parts["project"], parts["text"]],
        outputs=[parts["edited"], parts["status"]],
    )
    parts["stage"].change(
        lambda stage: gr.update(choices=question_choices(stage), value=[]),
        inputs=[parts["stage"]],
        outputs=[parts["questions"]],
    )
    pickers = [parts["project"], parts["sources"], parts["exclude"], parts["questions"]]
    app.load(on_load, outputs=pickers)
    tab.select(on_select, outputs=pickers)

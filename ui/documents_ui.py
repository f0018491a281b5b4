"""The Documents tab: upload with one progress line per file, cancel, and remove after a confirmation.

The upload runs ``Backend.upload`` (``assistant.api.uploads``: limits, ownership, one upload per
user at a time) in a worker thread and shows, while it runs, one line per file: waiting, being
read, then its outcome. Cancel stops the upload before its next file. Remove asks first.
"""

from __future__ import annotations

import html
import queue
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.api.uploads import SUFFIXES as UPLOAD_SUFFIXES
from ui import render


def progress_html(names: Sequence[str], reading: int, outcomes: Sequence[Sequence[str]] = ()) -> str:
    """One line per file: its name, a bar and its state (``reading``: the index being read;
    ``outcomes``: the finished rows [file, status, detail])."""
    done = {i: row for i, row in enumerate(outcomes)}
    lines = []
    for i, name in enumerate(names):
        if i in done:
            ok = done[i][1] == "ok"
            state, bar = (done[i][2] or done[i][1]), '<progress max="1" value="1"></progress>'
            cls = "pd-ok" if ok else "pd-failed"
            state = ("✓ " if ok else "✗ failed: ") + state
        elif i < reading:
            cls, state, bar = "pd-ok", "read", '<progress max="1" value="1"></progress>'
        elif i == reading:
            cls, state, bar = "pd-reading", "reading…", "<progress></progress>"
        else:
            cls, state, bar = "pd-waiting", "waiting", '<progress max="1" value="0"></progress>'
        lines.append(
            f'<div class="pd-progress-line {cls}"><span class="pd-file">{html.escape(name)}</span>'
            f'{bar}<span class="pd-state">{html.escape(state)}</span></div>'
        )
    return f'<div class="pd-progress" role="status">{"".join(lines)}</div>' if lines else ""


def upload(
    backend: Any, files: list[str] | None, project: str | None, request: gr.Request | None = None
) -> Iterator[tuple[Any, ...]]:
    """Handler of "Add to index": (status, summary, *listing, files, progress) as it goes."""
    if not files:
        yield (*backend.upload(None, project, None, request), "")
        return
    names = [Path(f).name for f in files]
    events: queue.Queue[int | None] = queue.Queue()
    result: dict[str, Any] = {}

    def on_file(name: str, done: int, total: int) -> None:
        events.put(done if name else total)

    def work() -> None:
        try:
            result["out"] = backend.upload(files, project, None, request, on_file=on_file)
        except BaseException as exc:  # shown by Gradio once the thread is joined
            result["error"] = exc
        finally:
            events.put(None)

    worker = threading.Thread(target=work, name="projdocs-upload", daemon=True)
    worker.start()
    skip = (gr.skip(),) * 9
    yield (*skip, progress_html(names, 0))
    while (item := events.get()) is not None:
        yield (*skip, progress_html(names, item))
    worker.join()
    if "error" in result:
        raise result["error"]
    out = result["out"]
    rows = out[0].values.tolist()
    yield (*out, progress_html(names, len(names), rows))


def ask_remove(source: str | None) -> tuple[Any, Any]:
    """Remove was pressed: ask first (nothing is removed until "Yes, remove")."""
    if not source:
        return gr.update(visible=False), "Choose a document to remove."
    return gr.update(visible=True), (
        f"**Remove {render.md_escape(source)} from the index?** Its passages will no longer be used in answers. "
        "Press **Yes, remove** to confirm, or **Keep it**."
    )


def layout() -> dict[str, Any]:
    c: dict[str, Any] = {}
    with gr.Row(equal_height=False, elem_classes="pd-wrap"):
        with gr.Column(scale=2, min_width=300):
            c["files"] = gr.File(
                label="Upload PDF, DOCX, TXT or MD (several at once)",
                file_count="multiple",
                file_types=list(UPLOAD_SUFFIXES),
                type="filepath",
                elem_id="pd-upload",
            )
            c["upload_project"] = gr.Dropdown(
                [],
                label="Add to project (empty: the number the document carries, if it is yours)",
                elem_id="pd-upload-project",
            )
            with gr.Row(elem_classes="pd-wrap"):
                c["add"] = gr.Button("Add to index", variant="primary", elem_id="pd-add", min_width=120)
                c["cancel"] = gr.Button("Cancel upload", size="sm", elem_id="pd-cancel", min_width=120)
            c["progress"] = gr.HTML("", elem_id="pd-upload-progress")
        with gr.Column(scale=3, min_width=300):
            c["summary"] = gr.Markdown("", elem_id="pd-ingest-summary")
            c["status"] = gr.Dataframe(
                headers=render.STATUS_COLUMNS,
                label="Last upload",
                interactive=False,
                elem_id="pd-status",
                wrap=True,
                column_widths=["32%", "12%", "56%"],
            )
    c["documents"] = gr.Dataframe(
        pd.DataFrame(columns=render.DOCUMENT_COLUMNS),
        label="Indexed documents",
        interactive=False,
        elem_id="pd-documents",
        wrap=True,
    )
    with gr.Row(elem_classes="pd-wrap"):
        c["to_remove"] = gr.Dropdown([], label="Document to remove", scale=3, min_width=200, elem_id="pd-to-remove")
        c["remove"] = gr.Button("Remove…", variant="stop", scale=1, min_width=100, elem_id="pd-remove")
        c["reindex"] = gr.Button("Re-index all", scale=1, min_width=100)
    with gr.Row(visible=False, elem_id="pd-remove-confirm", elem_classes="pd-wrap") as confirm:
        c["confirm_yes"] = gr.Button("Yes, remove", variant="stop", elem_id="pd-remove-yes", min_width=120)
        c["confirm_no"] = gr.Button("Keep it", elem_id="pd-remove-no", min_width=120)
    c["confirm"] = confirm
    return c


def wire(backend: Any, c: dict[str, Any], listing: list[Any]) -> None:
    def on_upload(files: list[str] | None, project: str | None, request: gr.Request) -> Iterator[tuple[Any, ...]]:
        yield from upload(backend, files, project, request)

    def on_cancel(request: gr.Request) -> str:
        return backend.cancel_upload(request)

    def on_remove(source: str | None, request: gr.Request) -> tuple[Any, ...]:
        return (gr.update(visible=False), *backend.remove(source, request))

    def on_reindex(request: gr.Request) -> tuple[Any, ...]:
        return backend.reindex(None, request)

    # one upload per user at a time (``Uploads``); other users' uploads need not wait for it
    c["add"].click(
        on_upload,
        inputs=[c["files"], c["upload_project"]],
        outputs=[c["status"], c["summary"], *listing, c["files"], c["progress"]],
        concurrency_limit=4,
        show_progress="hidden",
    )
    c["cancel"].click(on_cancel, outputs=[c["summary"]], queue=False)
    c["remove"].click(ask_remove, inputs=[c["to_remove"]], outputs=[c["confirm"], c["summary"]], queue=False)
    c["confirm_no"].click(
        lambda: (gr.update(visible=False), "Nothing was removed."), outputs=[c["confirm"], c["summary"]], queue=False
    )
    c["confirm_yes"].click(on_remove, inputs=[c["to_remove"]], outputs=[c["confirm"], c["summary"], *listing])
    c["reindex"].click(on_reindex, outputs=[c["status"], c["summary"], *listing])

"""The Gradio web app: chat with sources, documents, QA drafting and facts.

Thin by design: ``Backend`` holds the settings and one ``Assistant``; each handler calls
``assistant``/``ingest`` and turns the result into what a component shows (``ui.render``).
``build_app(settings)`` lays out the tabs; ``ui.server.serve`` serves them beside the HTTP API on
loopback by default, with no analytics and no fonts or scripts from the network.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
import pandas as pd

from assistant.access import policy
from assistant.access.policy import AccessDenied
from assistant.api.uploads import SUFFIXES as UPLOAD_SUFFIXES
from assistant.api.uploads import UploadLimits, Uploads, safe_name
from assistant.core.settings import Settings
from assistant.core.text import project_key
from assistant.core.types import Answer
from assistant.store.conversations import Conversations, Turn
from assistant.store.database import Filters, Store
from ui import render
from ui.auth import caller
from ui.theme import CSS, theme

logger = logging.getLogger(__name__)

_safe_name = safe_name  # the uploads' name rule (assistant.api.uploads)
ALL = ""  # the dropdown value meaning "no filter"
STREAM_DELAY_S = 0.02


class Backend:
    """The settings and one lazily built ``Assistant``, shared by every handler."""

    def __init__(self, settings: Settings, limits: UploadLimits | None = None) -> None:
        self.settings = settings
        self.store = Store(settings)
        self.uploads = Uploads(settings, self.store, limits)
        self.conversations = Conversations(settings.home)
        self._assistant: Any = None
        self.drafter: Any = None  # built by the Draft tab on first use
        self._lock = threading.Lock()

    @property
    def assistant(self) -> Any:
        with self._lock:
            if self._assistant is None:
                from assistant.answer.assistant import Assistant

                self._assistant = Assistant(self.settings, self.store)
            return self._assistant

    def visible_documents(self, request: gr.Request | None = None) -> list[Any]:
        """The documents the logged-in user may see (all of them without a login: ``assistant.access``)."""
        return policy.visible_documents(self.store, caller(request))

    def user_folder(self, request: gr.Request | None, kind: str = "drafts") -> Path:
        """``<home>/drafts/<user>``: a user's drafts and exports, apart from everyone else's."""
        return policy.user_folder(self.settings.home, caller(request), kind)

    @staticmethod
    def deliver(path: Path) -> str:
        """A copy of ``path`` for Gradio to serve, under an unguessable folder of its cache: the
        drafts folder itself is never served, so no one reaches another user's file by URL."""
        from gradio.utils import get_upload_folder

        folder = Path(get_upload_folder()) / secrets.token_hex(16)
        folder.mkdir(parents=True, exist_ok=True)
        return str(shutil.copy(path, folder / path.name))

    # chat ---------------------------------------------------------------------------------
    def filter_choices(self, request: gr.Request | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """Dropdown choices (label, value) for project and document type, from the index
        (with a login, only the projects the user may see: ``ui.auth``)."""
        who = caller(request)
        docs = policy.visible_documents(self.store, who)
        projects = [("All projects", ALL)]
        for key in policy.visible_projects(who, docs):
            mine = [d for d in docs if key in d.member_projects]
            number = next((d.project_number for d in mine if project_key(d.project_number) == key), key)
            projects.append((f"{number} ({', '.join(d.source for d in mine)})", number))
        types = [("All document types", ALL)]
        types += [(render.DOC_TYPE_LABELS.get(t, t), t) for t in sorted({d.doc_type for d in docs})]
        return projects, types

    def answer_stream(
        self, question: str, history: list[str], project: str, doc_type: str, request: gr.Request | None = None
    ) -> Iterator[str | Answer]:
        """``Assistant.ask_stream``: text deltas, then the final ``Answer``."""
        filters = self._filters(project, doc_type, request)
        yield from self.assistant.ask_stream(question, history=history, filters=filters)

    def _filters(self, project: str, doc_type: str, request: gr.Request | None) -> Filters:
        """The chosen project and type, within what the caller may read."""
        filters = Filters(project_number=project or "", doc_type=doc_type or "")
        return policy.restrict_filters(filters, caller(request), self.store.documents())

    def chat_turn(
        self, question: str, history: list[str], project: str, doc_type: str, request: gr.Request | None = None
    ) -> Iterator[tuple[str | None, Turn | None, list[str]]]:
        """One question: yields (shown text, None, history) as the answer streams, then
        (None, the ``Turn``, the new history).

        ``history`` holds the conversation's questions as read in context ("And for 2023?" is
        kept as the full question), so that a follow-up of a follow-up still resolves.
        """
        if not self.visible_documents(request):
            yield (
                None,
                Turn(question, text="No documents are indexed yet: add files in the **Documents** tab."),
                history,
            )
            return
        answer: Answer | None = None
        shown = ""
        pending: str | None = None  # one delta held back: if the Answer follows and refuses, show the refusal only
        try:
            for item in self.answer_stream(question, history, project, doc_type, request):
                if pending is not None and not (isinstance(item, Answer) and item.refused):
                    for prefix in render.stream_chunks(pending):
                        yield render.md_escape(shown + prefix), None, history
                        time.sleep(STREAM_DELAY_S)
                    shown += pending
                pending = None
                if isinstance(item, Answer):
                    answer = item
                    break
                pending = item
        except Exception as exc:  # the edge: show it, keep the app usable
            logger.exception("answering failed")
            yield None, Turn(question, text=f"**Error** (this is not an answer): {render.md_escape(str(exc))}"), history
            return
        if answer is None:
            answer = Answer(answer=render.NOT_FOUND_TITLE + ".", refused=True)
        whole = self.assistant.whole_question(question, history, self._filters(project, doc_type, request))
        yield None, Turn(question, answer=answer), [*history, whole]

    def sources_of(self, answer: Answer | None, turn: int | None = None) -> str:
        """The sources panel of one answer (table cells as their rows: ``ui.sources``)."""
        from ui.sources import table_html

        return render.sources_html(answer, self.store.document_text, turn, lambda c: table_html(self.store, c))

    def chat(
        self,
        question: str,
        messages: list[dict[str, Any]] | None,
        history: list[str] | None,
        project: str,
        doc_type: str,
        request: gr.Request | None = None,
    ) -> Iterator[tuple[Any, ...]]:
        """One question without a saved conversation: yields (messages, sources, copy text,
        history, box) as the answer streams (the app itself uses ``ui.conversations``)."""
        messages = list(messages or [])
        history = list(history or [])
        question = (question or "").strip()
        if not question:
            yield messages, gr.skip(), gr.skip(), history, ""
            return
        messages.append({"role": "user", "content": render.md_escape(question)})
        messages.append({"role": "assistant", "content": "_Searching the documents…_"})
        yield messages, gr.skip(), gr.skip(), history, ""
        for shown, turn, new_history in self.chat_turn(question, history, project, doc_type, request):
            if turn is None:
                messages[-1] = {"role": "assistant", "content": shown or ""}
                yield messages, gr.skip(), gr.skip(), history, ""
                continue
            history = new_history
            if turn.answer is None:
                messages[-1] = {"role": "assistant", "content": turn.text}
                yield messages, self.sources_of(None), "", history, ""
                return
            messages[-1] = {"role": "assistant", "content": render.answer_markdown(turn.answer)}
            yield messages, self.sources_of(turn.answer), render.copy_text(question, turn.answer), history, ""

    # documents ----------------------------------------------------------------------------
    def documents_table(self, request: gr.Request | None = None) -> pd.DataFrame:
        rows = render.document_rows(self.visible_documents(request))
        return pd.DataFrame(rows, columns=render.DOCUMENT_COLUMNS)

    def save_uploads(self, paths: list[str]) -> tuple[list[Path], list[list[str]]]:
        """Copy uploaded files to ``<home>/uploads/<uuid>/<safe name>``; rows for those refused
        (``Uploads`` does this for the app; kept for callers that only copy)."""
        import uuid

        saved: list[Path] = []
        refused: list[list[str]] = []
        for raw in paths:
            name = safe_name(Path(raw).name)
            if not name.lower().endswith(UPLOAD_SUFFIXES):
                expected = ", ".join(UPLOAD_SUFFIXES)
                refused.append([Path(raw).name, "failed", f"unsupported file type (expected {expected})"])
                continue
            target = self.settings.home / "uploads" / uuid.uuid4().hex / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(raw, target)
            saved.append(target)
        return saved, refused

    @staticmethod
    def _progress(progress: Any) -> Any:
        def on_progress(name: str, done: int, total: int) -> None:
            if progress is not None and total:
                progress((done, total), desc=f"Reading {name}" if name else "Done", unit="files")

        return on_progress

    def upload(
        self,
        files: list[str] | None,
        project: str | None = None,
        progress: Any = gr.Progress(),
        request: gr.Request | None = None,
        on_file: Any = None,
    ) -> tuple[Any, ...]:
        """Ingest each file into the chosen project (``Uploads``: limits, ownership, one upload
        per user at a time), then refresh the lists; ``on_file(name, done, total)`` before each
        file (``ui.documents_ui`` draws a line per file from it)."""
        if not files:
            return (
                pd.DataFrame(columns=render.STATUS_COLUMNS),
                "Choose one or more files first.",
                *self.refreshed(request),
                None,
            )
        try:
            outcomes = self.uploads.ingest(
                caller(request),
                [(Path(f).name, Path(f)) for f in files],
                project or "",
                on_file or self._progress(progress),
            )
        finally:  # Gradio's temporary copies of the uploads are not kept
            temp = Path(tempfile.gettempdir()).resolve()
            for f in files:
                if temp in Path(f).resolve().parents:
                    shutil.rmtree(Path(f).parent, ignore_errors=True)
        rows = [[o.source or o.file, "ok" if o.ok else "failed", o.detail] for o in outcomes]
        added = sum(o.ok for o in outcomes)
        line = f"{added} of {len(outcomes)} file{'s' if len(outcomes) != 1 else ''} in the index"
        return (pd.DataFrame(rows, columns=render.STATUS_COLUMNS), line, *self.refreshed(request), None)

    def cancel_upload(self, request: gr.Request | None = None) -> str:
        self.uploads.cancel(caller(request))
        return "Cancelling: the file being read is finished, the others are skipped."

    def remove(self, source: str | None, request: gr.Request | None = None) -> tuple[Any, ...]:
        if not source:
            return ("Choose a document to remove.", *self.refreshed(request))
        try:
            removed = self.uploads.remove(caller(request), source)
        except AccessDenied:
            return (f"{source} is not in the index.", *self.refreshed(request))
        return (f"Removed {source}." if removed else f"{source} was not in the index.", *self.refreshed(request))

    def reindex(
        self,
        progress: Any = gr.Progress(),
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        """Re-ingest the user's documents (changed files are re-read; unchanged ones skipped)."""
        outcomes = self.uploads.reindex(caller(request), self._progress(progress))
        if not outcomes:
            return (pd.DataFrame(columns=render.STATUS_COLUMNS), "The index is empty.", *self.refreshed(request))
        rows = [[o.source, "ok" if o.ok else "failed", o.detail] for o in outcomes]
        line = f"re-read {len(outcomes)} document(s), {sum(not o.ok for o in outcomes)} failed"
        return (pd.DataFrame(rows, columns=render.STATUS_COLUMNS), line, *self.refreshed(request))

    def refreshed(self, request: gr.Request | None = None) -> tuple[Any, ...]:
        """New values for everything that lists documents: table, remove choice, filters, header."""
        projects, types = self.filter_choices(request)
        sources = [d.source for d in self.visible_documents(request)]
        return (
            self.documents_table(request),
            gr.update(choices=sources, value=None),
            gr.update(choices=projects),
            gr.update(choices=types),
            self.header_status(request),
            gr.update(choices=[(label, value) for label, value in projects if value]),
        )

    def header_status(self, request: gr.Request | None = None) -> str:
        docs = self.visible_documents(request)
        if not docs:
            return "**No documents indexed yet.** Start in the **Documents** tab: upload PDF, DOCX, TXT or MD files."
        chunks = sum(d.n_chunks for d in docs)
        return f"{len(docs)} document{'s' if len(docs) != 1 else ''} indexed ({chunks} passages)."

    # facts --------------------------------------------------------------------------------
    def visible_records(self, kind: str, request: gr.Request | None = None) -> list[dict[str, Any]]:
        from assistant.answer.fact_rows import record_rows

        sources = {d.source for d in self.visible_documents(request)}
        return [row for row in record_rows(self.store, [kind]) if row["source"] in sources]

    def visible_tables(self, request: gr.Request | None = None) -> list[dict[str, Any]]:
        """How each table of the user's documents was understood (``projdocs facts --kind tables``)."""
        from assistant.answer.fact_rows import table_rows

        return table_rows(self.store, {d.source for d in self.visible_documents(request)})

    def facts(self, request: gr.Request | None = None) -> tuple[Any, ...]:
        """Tables of indicators, budget lines, QA ratings, QA answers and of how each table was
        understood (recognised with its columns' roles, or rejected with the reason), and the
        indicators to plot."""
        indicators = self.visible_records("indicator", request)
        tables = [
            (indicators, ("kind",), ("indicator",)),
            (
                render.by_number(self.visible_records("activity", request) + self.visible_records("total", request)),
                ("kind",),
                ("label",),
            ),
            (self.visible_records("qa_section", request), ("kind", "key"), ("label",)),
            (render.by_number(self.visible_records("qa_question", request)), ("kind",), ("question",)),
            (self.visible_tables(request), ("kind",), ("understood as", "columns", "reason")),
        ]
        frames = []
        for rows, drop, text in tables:
            headers, values, widths = render.table(rows, drop, text)
            frames.append(gr.update(value=pd.DataFrame(values, columns=headers), column_widths=widths or None))
        choices = [
            (f"{r['key']} – {render.short(r['indicator'])} ({r['source']})", str(i)) for i, r in enumerate(indicators)
        ]
        return (*frames, gr.update(choices=choices, value=choices[0][1] if choices else None))

    def indicator_plot(self, choice: str | None, request: gr.Request | None = None) -> Any:
        """An indicator's yearly targets, baseline and final target (matplotlib figure), or None."""
        rows = self.visible_records("indicator", request)
        if choice is None or not str(choice).isdigit() or int(choice) >= len(rows):
            return None
        row = rows[int(choice)]
        from ui.plots import indicator_figure

        return indicator_figure(row)


def build_app(settings: Settings, backend: Backend | None = None) -> gr.Blocks:
    """The app's layout and wiring (theme, CSS and the page script are given when it is
    served: ``ui.server``). Each tab is laid out and wired by its own module."""
    from ui import conversations, documents_ui, drafting_ui

    backend = backend or Backend(settings)
    projects, types = backend.filter_choices()
    with gr.Blocks(title="ProjectDocs Assistant", analytics_enabled=False) as app:
        with gr.Column(elem_id="pd-header"):
            gr.Markdown(
                "# ProjectDocs Assistant\nCited answers from your project documents: every answer quotes its source."
            )
            header = gr.Markdown(backend.header_status(), elem_classes="pd-status")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                chat = conversations.layout(backend, projects, types)
            with gr.Tab("Documents", id="documents"):
                docs = documents_ui.layout()
            with gr.Tab("Draft QA", id="draft") as draft_tab:
                draft_outputs = drafting_ui.layout(backend)
            with gr.Tab("Facts", id="facts"):
                gr.Markdown("Figures read from the documents' tables, to check them at a glance.")
                indicators = gr.Dataframe(
                    label="Indicators (results framework)",
                    interactive=False,
                    wrap=True,
                    max_height=420,
                    elem_id="pd-indicators",
                )
                with gr.Row():
                    indicator = gr.Dropdown([], label="Indicator to plot", scale=2, elem_id="pd-indicator")
                plot = gr.Plot(label="Baseline and targets", elem_id="pd-plot")
                budget = gr.Dataframe(label="Budget", interactive=False, wrap=True, max_height=420, elem_id="pd-budget")
                with gr.Row(equal_height=False, elem_classes="pd-wrap"):
                    ratings = gr.Dataframe(
                        label="QA ratings", interactive=False, wrap=True, scale=2, elem_id="pd-ratings", min_width=300
                    )
                    answers = gr.Dataframe(
                        label="QA questions: selected answer", interactive=False, wrap=True, scale=3, min_width=300
                    )
                tables = gr.Dataframe(
                    label="Tables: how each was understood (recognised with its columns' roles, rejected with the reason)",
                    interactive=False,
                    wrap=True,
                    max_height=420,
                    elem_id="pd-tables",
                )
                refresh_facts = gr.Button("Refresh", size="sm")

        listing = [
            docs["documents"],
            docs["to_remove"],
            chat["project"],
            chat["doc_type"],
            header,
            docs["upload_project"],
        ]
        conversations.wire(app, backend, chat)
        documents_ui.wire(backend, docs, listing)
        fact_outputs = [indicators, budget, ratings, answers, tables, indicator]
        refresh_facts.click(backend.facts, outputs=fact_outputs)
        indicator.change(backend.indicator_plot, inputs=[indicator], outputs=[plot])
        app.load(backend.refreshed, outputs=listing)
        app.load(backend.facts, outputs=fact_outputs)
        drafting_ui.wire(app, draft_tab, backend, draft_outputs)
    return app


def theme_and_css() -> tuple[Any, str]:
    return theme(), CSS

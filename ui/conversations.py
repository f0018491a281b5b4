"""The Chat tab: a conversation kept per user, each answer with its own sources, and the viewer.

A conversation is a list of turns (``assistant.store.conversations``): the chat messages are
drawn from them, so message ``2k + 1`` is the answer of turn ``k``; selecting any message of a
turn shows that answer's sources again. Each finished answer is saved for the logged-in user
(``<home>/conversations.sqlite3``); the browser remembers which conversation is open
(``gr.BrowserState``), so a reload brings it back. A citation marker [n] is a link to
``#pd-cite-<turn>-<n>``: a small script (``ui.theme.JS``) hands it to ``open_citation``, which
shows the cited place in the viewer (``ui.sources``), after checking the caller may see it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import gradio as gr

from assistant.access import policy
from assistant.access.policy import AccessDenied
from assistant.store.conversations import Conversation, Turn
from ui import render
from ui.auth import caller
from ui.sources import CITE_TARGET, EMPTY_VIEWER, VIEWER_LOADING, viewer_html

logger = logging.getLogger(__name__)

EXAMPLES = [
    "What were the 2022 targets for indicator 2.3?",
    "Who is the implementing partner?",
    "What is the total budget?",
]
# What the browser holds while the open conversation is not saved yet. Not "": Gradio's
# BrowserState keeps no empty value, so after "New conversation" a reload would bring back the
# conversation opened before it.
NEW = "new"


def _turns(raw: list[dict[str, Any]] | None) -> list[Turn]:
    return [Turn.from_json(t) for t in raw or []]


def messages_of(turns: list[Turn]) -> list[dict[str, Any]]:
    """The chat messages of a conversation: each question, then its answer with linked [n]."""
    out: list[dict[str, Any]] = []
    for i, t in enumerate(turns):
        out.append({"role": "user", "content": render.md_escape(t.question)})
        content = render.answer_markdown(t.answer, turn=i) if t.answer is not None else t.text
        out.append({"role": "assistant", "content": content})
    return out


def _sources_for(backend: Any, turns: list[Turn], index: int) -> str:
    if not 0 <= index < len(turns):
        return render.sources_html(None, backend.store.document_text)
    turn = turns[index]
    head = (
        f'<div class="pd-sources-for">Sources of answer {index + 1}: “{render.html.escape(render.short(turn.question, 90))}”</div>'
        if len(turns) > 1
        else ""
    )
    return head + backend.sources_of(turn.answer, index)


def _copy_for(turns: list[Turn], index: int) -> str:
    if not 0 <= index < len(turns) or turns[index].answer is None:
        return ""
    return render.copy_text(turns[index].question, turns[index].answer)  # type: ignore[arg-type]


def _user(request: gr.Request | None) -> str:
    return caller(request).name


def choices(backend: Any, request: gr.Request | None, current: str = NEW) -> Any:
    listed = backend.conversations.list(_user(request))
    options = [(c.title, c.id) for c in listed]
    return gr.update(choices=options, value=current if any(v == current for _, v in options) else None)


def ask(
    backend: Any,
    question: str,
    raw_turns: list[dict[str, Any]] | None,
    history: list[str] | None,
    conversation_id: str | None,
    project: str,
    doc_type: str,
    request: gr.Request | None = None,
) -> Iterator[tuple[Any, ...]]:
    """Handler of the question box. Yields (chat, sources, copy, history, box, turns,
    conversation id, conversation list, viewer) as the answer streams; the finished turn is saved."""
    turns = _turns(raw_turns)
    history = list(history or [])
    question = (question or "").strip()
    skip = gr.skip()
    if not question:
        yield (skip,) * 4 + ("",) + (skip,) * 4
        return
    shown = messages_of(turns) + [
        {"role": "user", "content": render.md_escape(question)},
        {"role": "assistant", "content": "_Searching the documents…_"},
    ]
    yield shown, skip, skip, skip, "", skip, skip, skip, skip
    for text, turn, new_history in backend.chat_turn(question, history, project, doc_type, request):
        if turn is None:
            shown[-1] = {"role": "assistant", "content": text or ""}
            yield shown, skip, skip, skip, "", skip, skip, skip, skip
            continue
        turns.append(turn)
        user = _user(request)
        saved = backend.conversations.get(user, conversation_id or NEW) or Conversation("", user, "")
        saved.turns, saved.history = turns, new_history
        saved = backend.conversations.save(user, saved)
        index = len(turns) - 1
        yield (
            messages_of(turns),
            _sources_for(backend, turns, index),
            _copy_for(turns, index),
            new_history,
            "",
            [t.to_json() for t in turns],
            saved.id,
            choices(backend, request, saved.id),
            EMPTY_VIEWER,
        )


def select(
    backend: Any, raw_turns: list[dict[str, Any]] | None, viewer: str | None, evt: gr.SelectData
) -> tuple[str, str, Any]:
    """A message was clicked: show the sources (and copy text) of the answer it belongs to; the
    viewer is cleared only when it shows another answer's citation (a click on [n] selects its
    message too, and must not close what it opened)."""
    turns = _turns(raw_turns)
    index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    turn = int(index) // 2 if index is not None else len(turns) - 1
    shown = re.search(r'data-turn="(\d+)"', viewer or "")
    keep = shown is not None and int(shown.group(1)) == turn
    return _sources_for(backend, turns, turn), _copy_for(turns, turn), gr.skip() if keep else EMPTY_VIEWER


def open_citation(
    backend: Any, target: str, raw_turns: list[dict[str, Any]] | None, request: gr.Request | None = None
) -> tuple[str, Any, Any]:
    """``target`` "<turn>-<n>" (set by the page script): the viewer at citation n of that
    turn's answer, and that answer's sources in the panel."""
    turns = _turns(raw_turns)
    m = CITE_TARGET.match(target or "")
    if not m:
        return gr.skip(), gr.skip(), gr.skip()
    index, number = int(m.group(1)), int(m.group(2))
    answer = turns[index].answer if 0 <= index < len(turns) else None
    if answer is None or not 1 <= number <= len(answer.citations):
        return EMPTY_VIEWER, gr.skip(), gr.skip()
    citation = answer.citations[number - 1]
    try:
        policy.find_document(backend.store, caller(request), citation.source)
    except AccessDenied:
        return (
            f'<div class="pd-refusal">{render.html.escape(citation.source)} is not in the index.</div>',
            gr.skip(),
            gr.skip(),
        )
    return (
        viewer_html(backend.store, citation, number, index),
        _sources_for(backend, turns, index),
        _copy_for(turns, index),
    )


def _show(backend: Any, conversation: Conversation | None, request: gr.Request | None) -> tuple[Any, ...]:
    """Everything that shows a conversation: chat, turns, history, id, list, sources, copy, viewer, title."""
    turns = conversation.turns if conversation else []
    last = len(turns) - 1
    cid = conversation.id if conversation else NEW
    return (
        messages_of(turns),
        [t.to_json() for t in turns],
        list(conversation.history) if conversation else [],
        cid,
        choices(backend, request, cid),
        _sources_for(backend, turns, last),
        _copy_for(turns, last),
        EMPTY_VIEWER,
        conversation.title if conversation else "",
    )


def restore(backend: Any, conversation_id: str | None, request: gr.Request | None = None) -> tuple[Any, ...]:
    """On page load: the conversation the browser had open (the latest one on first visit;
    none after "New conversation")."""
    user = _user(request)
    if conversation_id is None:
        return _show(backend, backend.conversations.latest(user), request)
    return _show(backend, backend.conversations.get(user, conversation_id), request)


def pick(backend: Any, conversation_id: str | None, request: gr.Request | None = None) -> tuple[Any, ...]:
    return _show(backend, backend.conversations.get(_user(request), conversation_id or NEW), request)


def new(backend: Any, request: gr.Request | None = None) -> tuple[Any, ...]:
    """ "New conversation": nothing of the earlier one is kept (its questions no longer resolve follow-ups)."""
    return _show(backend, None, request)


def rename(backend: Any, conversation_id: str | None, title: str, request: gr.Request | None = None) -> tuple[Any, str]:
    logger.info("renaming conversation %s to %r", conversation_id, title)
    if not conversation_id or not backend.conversations.rename(_user(request), conversation_id, title or ""):
        return gr.skip(), "Ask a question first: a conversation is saved with its first answer."
    return choices(backend, request, conversation_id), "Renamed."


def delete(backend: Any, conversation_id: str | None, request: gr.Request | None = None) -> tuple[Any, ...]:
    if conversation_id:
        backend.conversations.delete(_user(request), conversation_id)
    return _show(backend, None, request)


def export(backend: Any, conversation_id: str | None, kind: str, request: gr.Request | None = None) -> Any:
    """The open conversation as Markdown or DOCX, handed out as the user's own copy."""
    from ui import export as exporting

    conversation = backend.conversations.get(_user(request), conversation_id or NEW)
    if conversation is None:
        gr.Info("Ask a question first: there is nothing to export yet.")
        return None
    folder = backend.user_folder(request, "exports")
    if kind == "docx":
        path = exporting.docx(conversation, folder / exporting.file_name(conversation, ".docx"))
    else:
        path = folder / exporting.file_name(conversation, ".md")
        path.write_text(exporting.markdown(conversation), encoding="utf-8")
    return backend.deliver(path)


def layout(backend: Any, projects: list[tuple[str, str]], types: list[tuple[str, str]]) -> dict[str, Any]:
    """The Chat tab's components, by name."""
    c: dict[str, Any] = {}
    with gr.Row(elem_classes="pd-wrap"):
        c["project"] = gr.Dropdown(projects, value="", label="Project", scale=2, min_width=200)
        c["doc_type"] = gr.Dropdown(types, value="", label="Document type", scale=1, min_width=200)
    with gr.Row(equal_height=False, elem_classes="pd-wrap"):
        with gr.Column(scale=3, min_width=300):
            c["chatbot"] = gr.Chatbot(
                label="Conversation",
                height=440,
                elem_id="pd-chat",
                buttons=["copy"],
                placeholder="Ask about targets, budgets, outputs, partners or QA ratings. "
                "Follow-up questions such as *And for 2023?* use the conversation. "
                "Click a number such as [1] to see it in its document.",
                feedback_options=None,
                latex_delimiters=[],  # a document's $…$ stays text
            )
            with gr.Row(elem_id="pd-ask-row", elem_classes="pd-wrap"):
                c["question"] = gr.Textbox(
                    show_label=False,
                    placeholder="Ask a question about the documents…",
                    scale=5,
                    min_width=240,
                    elem_id="pd-question",
                    autofocus=True,
                )
                c["send"] = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="pd-ask")
            gr.Examples(EXAMPLES, inputs=[c["question"]], label="Try")
            c["clear"] = gr.Button("New conversation", size="sm", elem_id="pd-new")
            with gr.Accordion("Saved conversations", open=False, elem_id="pd-conversations"):
                with gr.Row(elem_classes="pd-wrap"):
                    c["listing"] = gr.Dropdown(
                        [],
                        label="Open a conversation",
                        elem_id="pd-conv-list",
                        scale=3,
                        min_width=200,
                        interactive=True,  # chosen from, though no event reads it as an input
                    )
                with gr.Row(elem_classes="pd-wrap"):
                    c["title"] = gr.Textbox(label="Title", elem_id="pd-conv-title", scale=3, min_width=200)
                    c["rename"] = gr.Button("Rename", size="sm", elem_id="pd-conv-rename", min_width=90)
                    c["delete"] = gr.Button("Delete", size="sm", variant="stop", elem_id="pd-conv-delete", min_width=90)
                with gr.Row(elem_classes="pd-wrap"):
                    c["export_md"] = gr.Button("Export Markdown", size="sm", elem_id="pd-export-md", min_width=140)
                    c["export_docx"] = gr.Button("Export DOCX", size="sm", elem_id="pd-export-docx", min_width=140)
                c["conv_status"] = gr.Markdown("", elem_id="pd-conv-status")
                c["export_file"] = gr.File(label="Export", elem_id="pd-export-file", interactive=False)
        with gr.Column(scale=2, min_width=300):
            gr.Markdown("### Sources")
            c["viewer"] = gr.HTML(VIEWER_LOADING, elem_id="pd-viewer")
            c["sources"] = gr.HTML(render.sources_html(None, backend.store.document_text), elem_id="pd-sources")
            c["copy"] = gr.Textbox(
                label="Answer with sources (copy)",
                lines=4,
                max_lines=14,
                buttons=["copy"],
                interactive=False,
                elem_id="pd-copy",
            )
    # the page script writes "<turn>-<n>" here and clicks the button (both hidden by CSS)
    c["cite_target"] = gr.Textbox(elem_id="pd-cite-target", show_label=False, container=False)
    c["cite_go"] = gr.Button("open citation", elem_id="pd-cite-go")
    c["history"] = gr.State([])
    c["turns"] = gr.State([])
    c["conversation"] = gr.BrowserState(None, storage_key="projdocs-conversation")
    return c


def wire(app: gr.Blocks, backend: Any, c: dict[str, Any]) -> None:
    """The Chat tab's events (handlers are closures over ``backend``, typed so that Gradio
    passes the request and the selection)."""
    shown = [
        c["chatbot"],
        c["turns"],
        c["history"],
        c["conversation"],
        c["listing"],
        c["sources"],
        c["copy"],
        c["viewer"],
        c["title"],
    ]

    def on_ask(
        question: str,
        turns: list[dict[str, Any]],
        history: list[str],
        cid: str | None,
        project: str,
        doc_type: str,
        request: gr.Request,
    ) -> Iterator[tuple[Any, ...]]:
        yield from ask(backend, question, turns, history, cid, project, doc_type, request)

    asked: dict[str, Any] = {
        "fn": on_ask,
        "inputs": [c["question"], c["turns"], c["history"], c["conversation"], c["project"], c["doc_type"]],
        "outputs": [
            c["chatbot"],
            c["sources"],
            c["copy"],
            c["history"],
            c["question"],
            c["turns"],
            c["conversation"],
            c["listing"],
            c["viewer"],
        ],
    }
    c["question"].submit(**asked)
    c["send"].click(**asked)

    def on_select(turns: list[dict[str, Any]], viewer: str | None, evt: gr.SelectData) -> tuple[str, str, Any]:
        return select(backend, turns, viewer, evt)

    def on_cite(target: str, turns: list[dict[str, Any]], request: gr.Request) -> tuple[Any, ...]:
        return open_citation(backend, target, turns, request)

    def on_new(request: gr.Request) -> tuple[Any, ...]:
        return new(backend, request)

    def on_pick(evt: gr.SelectData, request: gr.Request) -> tuple[Any, ...]:
        return pick(backend, evt.value, request)

    def on_rename(cid: str | None, title: str, request: gr.Request) -> tuple[Any, str]:
        return rename(backend, cid, title, request)

    def on_delete(cid: str | None, request: gr.Request) -> tuple[Any, ...]:
        return delete(backend, cid, request)

    def on_export_md(cid: str | None, request: gr.Request) -> Any:
        return export(backend, cid, "md", request)

    def on_export_docx(cid: str | None, request: gr.Request) -> Any:
        return export(backend, cid, "docx", request)

    def on_load(cid: str | None, request: gr.Request) -> tuple[Any, ...]:
        return restore(backend, cid, request)

    c["chatbot"].select(on_select, inputs=[c["turns"], c["viewer"]], outputs=[c["sources"], c["copy"], c["viewer"]])
    c["cite_go"].click(
        on_cite,
        inputs=[c["cite_target"], c["turns"]],
        outputs=[c["viewer"], c["sources"], c["copy"]],
        show_progress="minimal",
    )
    c["clear"].click(on_new, outputs=shown)
    # on choosing, not on "input": Gradio's dropdown sends "input" on every blur too, and showing
    # the conversation again would undo a title being edited
    c["listing"].select(on_pick, outputs=shown)
    c["rename"].click(on_rename, inputs=[c["conversation"], c["title"]], outputs=[c["listing"], c["conv_status"]])
    c["delete"].click(on_delete, inputs=[c["conversation"]], outputs=shown)
    c["export_md"].click(on_export_md, inputs=[c["conversation"]], outputs=[c["export_file"]])
    c["export_docx"].click(on_export_docx, inputs=[c["conversation"]], outputs=[c["export_file"]])
    app.load(on_load, inputs=[c["conversation"]], outputs=shown)

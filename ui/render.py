"""What the web app shows, as plain strings and rows: no Gradio here, no answering logic.

Everything taken from a document is HTML-escaped before it is shown; the quoted span of a
citation is wrapped in ``<mark>`` inside the passage it comes from.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from assistant.core.text import to_number
from assistant.core.types import Answer, Citation

NOT_FOUND_TITLE = "Not found in the documents"
_OPEN, _CLOSE = "\x01", "\x02"  # marks put around the quote before escaping
MAX_PASSAGE_LINES = 24
DOC_TYPE_LABELS = {"project_document": "Project document", "qa_report": "QA report", "document": "Other document"}


# chat -----------------------------------------------------------------------------------
def answer_markdown(answer: Answer, turn: int | None = None) -> str:
    """The assistant's chat message: the answer with its [n] markers (links that open the
    source viewer when ``turn`` is given), or a refusal that reads as one."""
    if answer.refused:
        reason = answer.answer.removeprefix("Not found in the documents.").strip() or (
            "The indexed documents do not say this. Try other words, or check the project and type filters."
        )
        return f'<div class="pd-refusal"><strong>{NOT_FOUND_TITLE}.</strong> {html.escape(reason)}</div>'
    text = md_escape(answer.answer)
    if turn is not None:
        known = len(answer.citations)

        def link(m: re.Match[str]) -> str:
            n = int(m.group(1))
            return f"[\\[{n}\\]]({cite_link(turn, n)})" if 1 <= n <= known else m.group(0)

        text = re.sub(r"\\\[(\d+)\\\]", link, text)
    notes = "".join(f"\n\n> Note: {md_escape(n)}" for n in answer.notes)
    return text + notes


def stream_chunks(text: str, words_per_chunk: int = 3) -> Iterator[str]:
    """Growing prefixes of ``text`` (a few words at a time), ending with the whole text."""
    pieces = re.split(r"(\s+)", text)
    shown = ""
    words = 0
    for piece in pieces:
        shown += piece
        if piece.strip():
            words += 1
            if words % words_per_chunk == 0:
                yield shown
    if shown:
        yield shown


def md_escape(text: str) -> str:
    """Text from a document shown as Markdown, inert: no HTML, no emphasis, and no links or
    images (``[..](..)``, ``![..](..)``, bare URLs, ``www.`` and e-mail addresses are not made
    live; a URL shows as plain text)."""
    text = html.escape(text, quote=False)
    text = re.sub(r"([\\`*_#|~\[\]!])", r"\\\1", text)  # [n] markers still read [n]
    text = re.sub(r"^(\s*)([-+])(?=\s)", r"\1\\\2", text, flags=re.MULTILINE)  # not a list item
    text = re.sub(r"^(\s*)(\d+)([.)])(?=\s)", r"\1\2\\\3", text, flags=re.MULTILINE)
    # autolinks: break the patterns Markdown renderers look for (entities still read as the characters)
    text = re.sub(r"(?i)\b([a-z][a-z0-9+.-]*):(?=//)", r"\1&#58;", text)
    text = re.sub(r"(?i)\bwww\.", "www&#46;", text)
    return text.replace("@", "&#64;")


def copy_text(question: str, answer: Answer) -> str:
    """The answer with its numbered sources, as plain text to paste into an e-mail or report."""
    lines = [f"Q: {question}", f"A: {answer.answer}"]
    lines += [f"Note: {n}" for n in answer.notes]
    if answer.citations:
        lines.append("")
        lines.append("Sources:")
        lines += [f'[{i}] {c.source}, {c.location}: "{c.quote}"' for i, c in enumerate(answer.citations, start=1)]
    return "\n".join(lines)


def _spans(text: str, lo: int, hi: int, cited: Sequence[Citation]) -> list[tuple[int, int]]:
    """The cited spans inside ``text[lo:hi]``: each citation's own pinned span (its character
    offsets) and, for one without offsets, the first occurrence of its quote there; never
    every equal string."""
    spans = []
    for c in cited:
        start, end = c.place.char_start, c.place.char_end
        if start is not None and end is not None and text[start:end] == c.quote and lo <= start and end <= hi:
            spans.append((start, end))
            continue
        at = text.find(c.quote, lo, hi) if c.quote else -1
        if at >= 0:
            spans.append((at, at + len(c.quote)))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(a, b) for a, b in merged]


def _window(text: str, cited: Sequence[Citation]) -> tuple[int, int]:
    """The part of ``text`` to show: the cited lines (at most ``MAX_PASSAGE_LINES``) when they
    hold every cited span, else a paragraph-sized window around the first span."""
    place = cited[0].place
    pinned = [(c.place.char_start, c.place.char_end) for c in cited if c.place.char_start is not None]
    if place.line_start is not None:
        offsets = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        first = max(1, min(place.line_start, len(offsets)))
        last = min(len(offsets), max(first, place.line_end or first), first + MAX_PASSAGE_LINES - 1)
        lo, hi = offsets[first - 1], (offsets[last] - 1 if last < len(offsets) else len(text))
        if all(lo <= a and (b or a) <= hi for a, b in pinned) and all(c.quote in text[lo:hi] for c in cited):
            return lo, hi
    at = pinned[0][0] if pinned else text.find(cited[0].quote)
    if at is None or at < 0:
        return 0, 0
    end = at + len(cited[0].quote)
    lo = text.rfind("\n", 0, max(0, at - 250)) + 1
    hi = text.find("\n", min(len(text), end + 250))
    return lo, hi if hi >= 0 else len(text)


def marked_html(text: str, lo: int, hi: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[lo:hi]`` escaped, each span in ``<mark>``; the layout whitespace of text-file
    tables (one cell per line, tabs) collapsed."""
    pieces = []
    at = lo
    for start, end in spans:
        pieces += [text[at:start], _OPEN, text[start:end], _CLOSE]
        at = end
    pieces.append(text[at:hi])
    marked = "".join(pieces)
    kept = [" ".join(line.split()) for line in marked.split("\n")]
    shown = "\n".join(line for line in kept if line.strip(_OPEN + _CLOSE))
    return html.escape(shown).replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


def passage(text: str | None, cited: Sequence[Citation]) -> str:
    """HTML of the passage the citations ``cited`` (of one place) come from, exactly their
    quoted spans in ``<mark>``."""
    quotes_only = "<br>".join(f"<mark>{html.escape(c.quote)}</mark>" for c in cited)
    if not text or not cited:
        return quotes_only
    lo, hi = _window(text, cited)
    spans = _spans(text, lo, hi, cited)
    if hi <= lo or not spans:
        return quotes_only
    return marked_html(text, lo, hi, spans)


def cite_link(turn: int, number: int) -> str:
    """The fragment a citation marker links to: the browser opens the source viewer on it."""
    return f"#pd-cite-{turn}-{number}"


def sources_html(
    answer: Answer | None,
    document_text: Callable[[str], str | None],
    turn: int | None = None,
    table_view: Callable[[Sequence[Citation]], str | None] | None = None,
) -> str:
    """The sources panel: each cited passage once, with its document, location and the
    numbers of the citations it holds (links that open the viewer when ``turn`` is given);
    a table cell as its row under the column headers (``table_view``)."""
    if answer is None:
        return (
            '<div class="pd-sources-empty">Ask a question: the passages that support the answer '
            "appear here, with the quoted words highlighted. Click a number such as [1] to open "
            "the document at that place.</div>"
        )
    if answer.refused:
        return (
            f'<div class="pd-refusal"><strong>{NOT_FOUND_TITLE}.</strong> '
            "No passage in the indexed documents supports an answer, so none is given.</div>"
        )
    groups: dict[tuple[str, str], list[tuple[int, Citation]]] = {}
    for i, c in enumerate(answer.citations, start=1):
        key = str(replace(c.place, column="", char_start=None, char_end=None))
        groups.setdefault((c.source, key), []).append((i, c))
    texts: dict[str, str | None] = {}
    parts = []
    for (source, location), cited in groups.items():
        if source not in texts:
            texts[source] = document_text(source)
        numbers = " ".join(
            f'<a class="pd-num" href="{cite_link(turn, i)}">[{i}]</a>'
            if turn is not None
            else f'<span class="pd-num">[{i}]</span>'
            for i, _ in cited
        )
        body = (
            table_view([c for _, c in cited])
            if table_view is not None and cited[0][1].place.table is not None
            else None
        )
        if body is None:
            body = f'<div class="pd-passage">{passage(texts[source], [c for _, c in cited])}</div>'
        parts.append(
            f'<div class="pd-source" id="pd-source-{cited[0][0]}">'
            f'<div class="pd-source-head">{numbers} '
            f'<span class="pd-doc">{html.escape(source)}</span> · '
            f'<span class="pd-loc">{html.escape(location)}</span></div>{body}</div>'
        )
    notes = "".join(f'<div class="pd-note">Note: {html.escape(n)}</div>' for n in answer.notes)
    return "".join(parts) + notes


# documents and facts ----------------------------------------------------------------------
DOCUMENT_COLUMNS = ["Document", "Type", "Project", "Pages", "Period", "Chunks", "Ingested"]
STATUS_COLUMNS = ["File", "Status", "Detail"]


def document_rows(documents: Sequence[Any]) -> list[list[Any]]:
    """One row per stored document (``assistant.store.StoredDocument``)."""
    rows = []
    for d in documents:
        period = f"{d.period[0]}–{d.period[1]}" if d.period else ""
        rows.append(
            [
                d.source,
                DOC_TYPE_LABELS.get(d.doc_type, d.doc_type),
                d.project_number,
                d.pages or "",
                period,
                d.n_chunks,
                time.strftime("%Y-%m-%d %H:%M", time.localtime(d.ingested_at)),
            ]
        )
    return rows


def table(
    rows: list[dict[str, Any]], drop: Sequence[str] = ("kind",), text_columns: Sequence[str] = ()
) -> tuple[list[str], list[list[Any]], list[str]]:
    """Headers, rows and column widths of ``record_rows`` output: figures first, then where
    they come from; columns empty in every row are left out; ``text_columns`` get more room."""
    tail = ("location", "source", "notes")
    seen = [c for c in dict.fromkeys(k for r in rows for k in r) if c not in drop]
    columns = [c for c in seen if c not in tail] + [c for c in tail if c in seen]
    columns = [c for c in columns if any(str(r.get(c, "")).strip() for r in rows)]
    widths = ["280px" if c in text_columns else "170px" if c in tail or c == "rating" else "110px" for c in columns]
    headers = [c if c[:1].isupper() or c[:1].isdigit() else c.replace("_", " ").capitalize() for c in columns]
    return headers, [[r.get(c, "") for c in columns] for r in rows], widths


def by_number(rows: list[dict[str, Any]], key: str = "key") -> list[dict[str, Any]]:
    """Rows in natural order of their key ("2" before "10", "1.2" before "1.10")."""

    def natural(row: dict[str, Any]) -> list[Any]:
        return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"(\d+)", str(row.get(key, ""))) if p]

    return sorted(rows, key=natural)


def short(text: str, limit: int = 60) -> str:
    """``text`` cut at a word boundary, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–") + "…"


def indicator_series(row: dict[str, Any]) -> list[tuple[str, float | None, str]]:
    """(label, number, cell text) for an indicator row's baseline, yearly targets and final target."""
    out: list[tuple[str, float | None, str]] = []
    base = str(row.get("baseline", ""))
    year = row.get("baseline year", "")
    if base:
        out.append((f"Baseline ({year})" if year else "Baseline", to_number(base), base))
    for k, v in row.items():
        if k.endswith(" target") and not k.startswith(("final", "mid-term")):
            out.append((k.removesuffix(" target"), to_number(str(v)), str(v)))
    if row.get("final target"):
        out.append(("Final", to_number(str(row["final target"])), str(row["final target"])))
    return out

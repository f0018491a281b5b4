"""The web app's handlers and rendering, called directly (no browser, no server)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.core.types import Answer, Citation, Location

TEXT = "Intro line.\nOutput 1: <b>wells</b> built: 120 wells.\nOutput 2: 40 schools.\n"


def _settings(home: Path) -> Settings:
    return Settings(home=home)


# rendering ---------------------------------------------------------------------------------
def test_passage_marks_the_quote_and_escapes_html() -> None:
    from ui.render import sources_html

    answer = Answer(
        answer="120 wells [1].",
        refused=False,
        citations=[
            Citation(
                source="a.txt", place=Location("a.txt", line_start=2, line_end=2), quote="<b>wells</b> built: 120 wells"
            )
        ],
    )
    out = sources_html(answer, lambda source: TEXT)
    assert "<mark>&lt;b&gt;wells&lt;/b&gt; built: 120 wells</mark>" in out
    assert "<b>wells" not in out
    assert "a.txt" in out and "line 2" in out and "[1]" in out
    assert "Output 2" not in out  # only the cited line


def test_citations_of_one_passage_are_shown_once_with_both_numbers() -> None:
    from ui.render import sources_html

    answer = Answer(
        answer="x",
        refused=False,
        citations=[
            Citation(source="a.txt", place=Location("a.txt", line_start=2, line_end=3), quote="Output 1"),
            Citation(source="a.txt", place=Location("a.txt", line_start=2, line_end=3), quote="40 schools"),
        ],
    )
    out = sources_html(answer, lambda source: TEXT)
    assert out.count('class="pd-source"') == 1
    assert "[1]" in out and "[2]" in out
    assert "<mark>Output 1</mark>" in out and "<mark>40 schools</mark>" in out


def test_refusal_reads_as_a_refusal_not_an_error() -> None:
    from ui.render import answer_markdown, sources_html

    refused = Answer(answer="Not found in the documents.", refused=True)
    assert "Not found in the documents" in answer_markdown(refused)
    assert "error" not in answer_markdown(refused).lower()
    assert 'class="pd-refusal"' in sources_html(refused, lambda s: None)


def test_copy_text_numbers_the_sources() -> None:
    from ui.render import copy_text

    answer = Answer(
        answer="120 [1].",
        refused=False,
        citations=[Citation(source="a.txt", place=Location("a.txt", line_start=2, line_end=2), quote="120 wells")],
    )
    text = copy_text("How many wells?", answer)
    assert text.splitlines()[:2] == ["Q: How many wells?", "A: 120 [1]."]
    assert '[1] a.txt, line 2: "120 wells"' in text


def test_stream_chunks_grow_to_the_whole_text() -> None:
    from ui.render import stream_chunks

    text = "Year 2 (2022) target: 1,000 50% women [1]."
    chunks = list(stream_chunks(text))
    assert len(chunks) > 2
    assert chunks[-1] == text
    assert all(b.startswith(a) for a, b in pairwise(chunks))


def test_natural_order_and_table_columns() -> None:
    from ui.render import by_number, table

    rows = [{"kind": "qa_question", "key": k, "question": "q", "notes": ""} for k in ("10", "2", "1")]
    assert [r["key"] for r in by_number(rows)] == ["1", "2", "10"]
    headers, _, widths = table(rows, text_columns=("question",))
    assert headers == ["Key", "Question"]  # kind dropped, empty notes left out
    assert len(widths) == 2


# uploads -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("client_name", "saved"),
    [
        ("../../etc/report.pdf", "report.pdf"),
        ("C:\\Users\\me\\Annual report (v2).DOCX", "Annual report (v2).docx"),
        ("notes<script>.md", "notes_script.md"),
        ("...", "upload"),
    ],
)
def test_safe_name(client_name: str, saved: str) -> None:
    from ui.app import _safe_name

    assert _safe_name(client_name) == saved


def test_uploads_are_copied_under_generated_folders(tmp_path: Path) -> None:
    from ui.app import Backend

    backend = Backend(_settings(tmp_path / "home"))
    good = tmp_path / "client" / "plan.txt"
    good.parent.mkdir()
    good.write_text("hello", encoding="utf-8")
    bad = tmp_path / "client" / "tool.exe"
    bad.write_bytes(b"MZ")
    saved, refused = backend.save_uploads([str(good), str(bad)])
    assert len(saved) == 1
    assert saved[0].name == "plan.txt"
    assert saved[0].parent.parent == tmp_path / "home" / "uploads"
    assert len(saved[0].parent.name) == 32  # a uuid, not the client's folder
    assert refused == [["tool.exe", "failed", "unsupported file type (expected .pdf, .docx, .txt, .md)"]]


def test_empty_index_handlers(tmp_path: Path) -> None:
    from ui.app import Backend, build_app

    backend = Backend(_settings(tmp_path / "home"))
    assert "No documents indexed yet" in backend.header_status()
    projects, types = backend.filter_choices()
    assert projects == [("All projects", "")] and types == [("All document types", "")]
    steps = list(backend.chat("What is the budget?", [], [], "", ""))
    messages = steps[-1][0]
    assert messages[0] == {"role": "user", "content": "What is the budget?"}
    assert "No documents are indexed yet" in messages[-1]["content"]
    assert backend.documents_table().empty
    assert build_app(_settings(tmp_path / "home")) is not None


# with the corpus ---------------------------------------------------------------------------
@pytest.mark.slow
def test_chat_streams_cites_and_follows_up(corpus_settings) -> None:
    from ui.app import Backend

    backend = Backend(corpus_settings)
    steps = list(backend.chat("What were the 2022 targets for indicator 2.3?", [], [], "", ""))
    answers = [s[0][-1]["content"] for s in steps[1:]]
    assert len(answers) > 3 and answers[-1].startswith(answers[1])  # it streams
    messages, sources, copy, history, box = steps[-1]
    assert "1,000" in messages[-1]["content"] and "Year 2 (2022)" in messages[-1]["content"]
    assert "<mark>1,000 50% women</mark>" in sources and "table 2, row 10" in sources
    assert "Sources:\n[1] acsh-phase3-project-document.txt" in copy
    assert box == ""

    steps = list(backend.chat("And for 2023?", messages, history, "", ""))
    messages, _, _, history, _ = steps[-1]
    assert "Year 3 (2023)" in messages[-1]["content"]
    assert len(history) == 2 and "2023" in history[-1] and "indicator 2.3" in history[-1]

    steps = list(backend.chat("Who won the football world cup in 1998?", messages, history, "", ""))
    assert "Not found in the documents" in steps[-1][0][-1]["content"]
    assert "pd-refusal" in steps[-1][1]


@pytest.mark.slow
def test_filters_and_facts_from_the_index(corpus_settings) -> None:
    from ui.app import Backend

    backend = Backend(corpus_settings)
    projects, types = backend.filter_choices()
    assert {v for _, v in projects} >= {"", "000123513"}
    assert {v for _, v in types} >= {"", "project_document", "qa_report"}
    indicators, _, ratings, _, tables, choice = backend.facts()
    assert "2.3" in set(indicators["value"]["Key"])
    assert "Satisfactory" in set(ratings["value"]["Rating"])
    assert {"recognised", "rejected"} <= set(tables["value"]["Status"])
    fig = backend.indicator_plot(choice["value"])
    assert fig is not None and fig.axes[0].get_title().startswith("Indicator")


@pytest.mark.slow
def test_upload_status_then_remove(tmp_path: Path) -> None:
    from ui.app import Backend

    backend = Backend(_settings(tmp_path / "home"))
    client = tmp_path / "client"
    client.mkdir()
    (client / "wells plan.txt").write_text("The Green Valley project will build 120 wells by 2024.\n", encoding="utf-8")
    (client / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    status, _, documents, *_ = backend.upload([str(client / "wells plan.txt"), str(client / "broken.pdf")])
    rows = {r[0]: r[1:] for r in status.values.tolist()}
    assert rows["wells plan.txt"] == ["ok", "added"]
    assert rows["broken.pdf"][0] == "failed" and rows["broken.pdf"][1]
    assert list(documents["Document"]) == ["wells plan.txt"]
    uploads = tmp_path / "home" / "uploads"
    assert len(list(uploads.iterdir())) == 1  # the failed file's copy is not kept

    message, documents, *_ = backend.remove("wells plan.txt")
    assert message == "Removed wells plan.txt."
    assert documents.empty
    assert list(uploads.iterdir()) == []


def test_document_markdown_links_images_and_html_render_inert() -> None:
    from ui.render import answer_markdown, md_escape, sources_html

    text = (
        "Log in at [the UNDP login page](http://evil.test/login) ![](http://evil.test/t.png) <img src=x> www.evil.test"
    )
    answer = Answer(
        answer=f"{text} [1].",
        refused=False,
        citations=[Citation(source="a.md", place=Location("a.md", line_start=1, line_end=1), quote=text)],
    )
    shown = answer_markdown(answer)
    assert "](http://" not in shown and "![" not in shown and "<img" not in shown and "http://" not in shown
    assert "\\[1\\]" in shown  # the marker still reads [1]
    assert md_escape("mail a@b.org") == "mail a&#64;b.org"
    panel = sources_html(answer, lambda source: text + "\n")
    assert "<img" not in panel and "<a " not in panel and "&lt;img src=x&gt;" in panel

"""Source viewer, conversations, exports and highlight colours, without a browser."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from assistant.core.settings import Settings
from assistant.core.types import Answer, Citation, Location

TEXT = "Intro.\n\nTargets\nYear 2: 1,000 women. Year 3: 1,000 women.\n"


def _cite(quote: str, start: int | None = None, **place: object) -> Citation:
    end = start + len(quote) if start is not None else None
    return Citation(source="a.txt", place=Location("a.txt", char_start=start, char_end=end, **place), quote=quote)  # type: ignore[arg-type]


def test_only_the_pinned_span_is_highlighted_not_every_equal_string() -> None:
    from ui.render import sources_html
    from ui.sources import passage_html

    second = TEXT.rindex("1,000 women")
    answer = Answer(answer="1,000 women [1].", refused=False, citations=[_cite("1,000 women", second, line_start=4)])
    panel = sources_html(answer, lambda s: TEXT)
    assert panel.count("<mark>") == 1
    assert "Year 3: <mark>1,000 women</mark>" in panel and "Year 2: 1,000 women." in panel
    viewer = passage_html(TEXT, answer.citations[0])
    assert viewer.count("<mark>") == 1 and "Year 3: <mark>1,000 women</mark>" in viewer


def test_cite_markers_link_to_the_viewer_only_for_known_citations() -> None:
    from ui.render import answer_markdown

    answer = Answer(answer="120 wells [1] in [3] places.", refused=False, citations=[_cite("120 wells", 0)])
    shown = answer_markdown(answer, turn=4)
    assert "[\\[1\\]](#pd-cite-4-1)" in shown
    assert "\\[3\\]" in shown and "#pd-cite-4-3" not in shown


def _table_home(tmp_path: Path) -> tuple[object, Citation]:
    from assistant.core.records import Cell, Record

    place = Location("rf.txt", table=2, row=10, heading="Results Framework")
    targets = "TARGETS (by frequency of data collection)"
    record = Record(
        kind="indicator",
        key="2.3",
        label="2.3 – Number of participants",
        label_cell="2.3 – Number of participants",
        source="rf.txt",
        location=place,
        cells=(
            Cell("baseline", "7,300", "BASELINE > Value"),
            Cell("target", "1,000", f"{targets} > Year 1"),
            Cell("target", "1,000 50% women", f"{targets} > Year 2"),
            Cell("target", "1,000 50% women", f"{targets} > Year 3"),
        ),
    )
    other = Record("indicator", "2.4", "2.4 – Scholarships", (), Location("rf.txt", table=2, row=11), "rf.txt")

    class Records:
        def records(self, kind: str | None = None, sources: object = ()) -> list[Record]:
            return [record, other]

    cited = Location("rf.txt", table=2, row=10, heading="Results Framework", column=f"{targets} > Year 2")
    return Records(), Citation(source="rf.txt", place=cited, quote="1,000 50% women")


def test_table_citation_shows_headers_and_marks_the_cell_of_its_column(tmp_path: Path) -> None:
    from ui.sources import table_html

    store, citation = _table_home(tmp_path)
    out = table_html(store, [citation])  # type: ignore[arg-type]
    assert out is not None
    assert "Year 2" in out and "Year 3" in out and "BASELINE" in out and "Scholarships" not in out
    assert out.count('class="pd-cell-cited"') == 1
    cells = re.findall(r"<td[^>]*>(.*?)</td>", out)
    assert [i for i, c in enumerate(cells) if "<mark>" in c] == [3]  # row label, baseline, Year 1, Year 2
    leaves = re.findall(r'<th scope="col" title="([^"]*)"', out)
    assert leaves[2].endswith("Year 2")  # the Year 2 cell, not the equal Year 3 one
    assert 'colspan="3"' in out  # "TARGETS …" once over its three columns


def test_pdf_quote_boxes_find_the_sentence_on_its_page(tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from ui.sources import pdf_page_html, quote_boxes

    path = tmp_path / "r.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 800, "Page one says 14 cold rooms.")
    c.showPage()
    c.drawString(72, 700, "Other text first.")
    c.drawString(72, 500, "The project installed 14 cold rooms.")
    c.save()
    pdf = pdfium.PdfDocument(str(path))
    boxes = quote_boxes(pdf[1], "The project installed 14 cold rooms.", None)
    pdf.close()
    assert len(boxes) == 1
    x0, top, x1, bottom = boxes[0]
    assert 70 <= x0 <= 74 and 841.9 - 515 < top < bottom < 841.9 - 495  # y=500 from the bottom, in top-down points
    citation = Citation(
        source="r.pdf", place=Location("r.pdf", "pdf", page=2), quote="The project installed 14 cold rooms."
    )
    out = pdf_page_html(path, citation)
    assert out is not None and 'data-page="2"' in out and out.count('class="pd-hl"') == 1
    assert 'src="data:image/png;base64,' in out  # inlined: no request for the page


def test_conversations_are_per_user_and_round_trip(tmp_path: Path) -> None:
    from assistant.store.conversations import Conversation, Conversations, Turn

    store = Conversations(tmp_path)
    answer = Answer(
        answer="1,000 [1].",
        refused=False,
        citations=[
            Citation(
                source="a.pdf",
                place=Location("a.pdf", "pdf", page=2, bbox=(1.0, 2.0, 3.0, 4.0), char_start=5, char_end=10),
                quote="1,000",
            )
        ],
    )
    saved = store.save("alice", Conversation("", "alice", "", [Turn("What target?", answer)], ["What target?"]))
    assert saved.id and saved.title == "What target?"
    back = store.get("alice", saved.id)
    assert back is not None and back.turns[0].answer == answer and back.history == ["What target?"]
    assert store.get("bob", saved.id) is None and store.list("bob") == []
    assert not store.rename("bob", saved.id, "mine") and not store.delete("bob", saved.id)
    stolen = store.save("bob", Conversation(saved.id, "bob", "x", [Turn("q", None, "t")]))
    assert stolen.id != saved.id and store.get("alice", saved.id).title == "What target?"  # type: ignore[union-attr]
    assert store.rename("alice", saved.id, "Targets") and store.list("alice")[0].title == "Targets"
    assert store.delete("alice", saved.id) and store.list("alice") == []


def test_exports_footnote_every_citation(tmp_path: Path) -> None:
    from assistant.store.conversations import Conversation, Turn
    from ui import export

    answer = Answer(
        answer="Staff log in at [x](http://evil.test) [1]; 1,000 [2].",
        refused=False,
        citations=[
            Citation(source="n.md", place=Location("n.md", line_start=3), quote="log in at [x](http://evil.test)"),
            Citation(source="r.txt", place=Location("r.txt", table=2, row=10), quote="1,000"),
        ],
    )
    conv = Conversation("c1", "u", "Targets & logins", [Turn("Where?", answer), Turn("Later?", None, "No documents")])
    md = export.markdown(conv)
    assert "[^1]" in md and "[^2]:" in md and "r.txt, table 2, row 10: “1,000”" in md
    assert "](http" not in md  # the document's link is escaped, not live
    path = export.docx(conv, tmp_path / export.file_name(conv, ".docx"))
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode()
        notes = z.read("word/footnotes.xml").decode()
        types = z.read("[Content_Types].xml").decode()
    assert body.count("<w:footnoteReference") == 2 and "footnotes+xml" in types
    assert 'w:id="2"' in notes and "r.txt, table 2, row 10" in notes


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("pair", ["MARK_LIGHT", "MARK_DARK"])
def test_highlight_colours_keep_contrast(pair: str) -> None:
    from ui import theme

    background, text = getattr(theme, pair)
    hi, lo = sorted((_luminance(background), _luminance(text)), reverse=True)
    assert (hi + 0.05) / (lo + 0.05) >= 4.5
    assert background in theme.CSS and text in theme.CSS


def test_upload_progress_has_one_line_per_file() -> None:
    from ui.documents_ui import progress_html

    out = progress_html(["a.pdf", "b.docx", "c.txt"], 1)
    assert out.count('class="pd-progress-line') == 3
    assert "reading…" in out and "waiting" in out and out.count("<progress") == 3
    done = progress_html(["a.pdf", "b.docx"], 2, [["a.pdf", "ok", "added"], ["b.docx", "failed", "not a DOCX"]])
    assert "✓ added" in done and "✗ failed: not a DOCX" in done


def test_new_conversation_and_restore(tmp_path: Path) -> None:
    from assistant.store.conversations import Conversation, Turn
    from ui import conversations
    from ui.app import Backend

    backend = Backend(Settings(home=tmp_path / "home", embedding_model="hashing"))
    answer = Answer(answer="x [1].", refused=False, citations=[_cite("Intro.", 0)])
    user = conversations._user(None)
    saved = backend.conversations.save(user, Conversation("", user, "", [Turn("q1", answer)], ["q1"]))
    shown = conversations.restore(backend, None)  # a first visit: the latest conversation
    assert shown[3] == saved.id and len(shown[0]) == 2 and shown[2] == ["q1"]
    assert "#pd-cite-0-1" in shown[0][1]["content"]
    cleared = conversations.new(backend)
    assert cleared[0] == [] and cleared[1] == [] and cleared[2] == [] and cleared[3] == conversations.NEW
    # the browser keeps what "New conversation" leaves (Gradio's BrowserState stores no empty value)
    assert conversations.NEW
    assert conversations.restore(backend, conversations.NEW)[0] == []  # so a reload stays empty

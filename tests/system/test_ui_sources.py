"""Sources in context, in a real browser (Debian's Chromium through Playwright).

Over a copy of the session's corpus home plus a small PDF report and a Markdown note holding
links, an image and HTML: clicking [1] opens the cited PDF page with the span highlighted; a
table citation shows its row under the column headers with the cited cell marked; an earlier
answer's sources come back when it is selected; a reload keeps the conversation; the DOCX export
has footnotes; the highlight keeps a contrast of at least 4.5:1 in the dark theme; at 400 px
nothing is cut; document Markdown/HTML stays inert text and no request leaves for its addresses.
Screenshots go to ``artifacts/screenshots/`` (numbered from 20).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.helpers import LONG, SHOTS, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EVIL = "evil.test"
NOTE = (
    "# Staff note\n\n"
    "Staff file the Zanzibar ferry report at [the UNDP login page](http://evil.test/login) every Monday. "
    '![](http://evil.test/track.png) <img src="http://evil.test/pixel.png"> <b>Bold</b> '
    '<a href="http://evil.test/a">here</a> www.evil.test\n'
)


def _pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    story = [
        Paragraph("Lake Kivu Fisheries Project", styles["Title"]),
        Paragraph("Introduction", styles["Heading1"]),
        Paragraph("This report describes the fisheries work around the lake. " * 5, styles["BodyText"]),
        PageBreak(),
        Paragraph("Cold storage", styles["Heading1"]),
        Paragraph(
            "The project installed 14 solar cold rooms at landing sites in Rubavu. Each cold room keeps fish "
            "for five days. The cooperatives manage the cold rooms.",
            styles["BodyText"],
        ),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


@pytest.fixture(scope="module")
def app_url(corpus_settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.core.settings import Settings
    from ingest.pipeline import ingest_paths
    from ui.server import serve as launch

    root = tmp_path_factory.mktemp("ui-sources")
    home = root / "home"
    shutil.copytree(corpus_settings.home, home, ignore=shutil.ignore_patterns("*.lock"))
    docs = root / "docs"
    docs.mkdir()
    _pdf(docs / "kivu-fisheries-report.pdf")
    (docs / "staff-note.md").write_text(NOTE, encoding="utf-8")
    settings = Settings(home=home)
    _HOMES[:] = [home]
    summary = ingest_paths([docs], settings)
    assert not summary.failed, summary.failed
    port = free_port()
    app = launch(settings, host="127.0.0.1", port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


_HOMES: list[Path] = []  # the app's home, for what its conversation store holds when a check fails


def _saved_conversations() -> str:
    """The server's saved conversations (title, id, updated), newest first: shown when the page
    does not show what the store should hold."""
    import sqlite3

    con = sqlite3.connect(_HOMES[0] / "conversations.sqlite3")
    try:
        rows = con.execute("SELECT title, id, updated_at FROM conversations ORDER BY updated_at DESC").fetchall()
    finally:
        con.close()
    return "; ".join(f"{t!r} {i[:8]} {u:.1f}" for t, i, u in rows)


def _open(browser, url: str, width: int = 1400, height: int = 1000):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    _loaded(page)
    return context, page


def _loaded(page) -> None:  # type: ignore[no-untyped-def]
    """Wait for the page and its load events (the open conversation is restored by one)."""
    page.locator("#pd-question textarea").wait_for()
    page.locator("#pd-viewer [data-ready]").wait_for(state="attached")


def _fresh(page) -> None:  # type: ignore[no-untyped-def]
    """Start a new conversation (a new browser shows the user's latest one)."""
    from playwright.sync_api import expect

    page.locator("#pd-new").click()
    expect(page.locator("#pd-chat .message")).to_have_count(0)


def _ask(page, question: str, turn: int) -> None:  # type: ignore[no-untyped-def]
    """Ask, and wait for the answer of turn ``turn`` (0-based) to carry its citation links."""
    from playwright.sync_api import expect

    box = page.locator("#pd-question textarea")
    box.fill(question)
    box.press("Enter")
    expect(page.locator(f'#pd-chat a[href="#pd-cite-{turn}-1"]')).to_be_visible(timeout=LONG)
    expect(page.locator("#pd-sources .pd-source").first).to_be_visible()


def _contrast(rgb_a: str, rgb_b: str) -> float:
    """WCAG contrast ratio of two CSS ``rgb(...)`` colours."""

    def luminance(css: str) -> float:
        r, g, b = (int(float(v)) / 255 for v in re.findall(r"[\d.]+", css)[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(rgb_a), luminance(rgb_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_pdf_page_table_headers_earlier_sources_reload_and_export(browser, app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    context, page = _open(browser, app_url)
    _fresh(page)
    page.screenshot(path=SHOTS / "20-sources-first-screen.png", full_page=True)

    # 1. clicking [1] opens the PDF page with exactly the quoted span highlighted
    _ask(page, "How many solar cold rooms did the project install?", 0)
    page.locator('#pd-chat a[href="#pd-cite-0-1"]').first.click()
    viewer = page.locator("#pd-viewer")
    expect(viewer.locator(".pd-page img")).to_be_visible(timeout=30_000)
    expect(viewer).to_contain_text("kivu-fisheries-report.pdf")
    expect(viewer).to_contain_text("p. 2")
    assert viewer.locator(".pd-page").get_attribute("data-page") == "2"
    marks = viewer.locator(".pd-hl")
    assert marks.count() >= 1
    img = viewer.locator(".pd-page img").bounding_box()
    mark = marks.first.bounding_box()
    assert img and mark and img["width"] > 200
    # the highlight sits on the page, in its upper part (the sentence opens page 2) and is a text line high
    assert img["x"] <= mark["x"] < img["x"] + img["width"] and img["y"] <= mark["y"] < img["y"] + img["height"] / 2
    assert 4 < mark["height"] < 40 and mark["width"] > 0.3 * img["width"]
    viewer.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "21-sources-pdf-page-highlighted.png", full_page=True)

    # 2. a table citation: the row under its column headers, the cited cell marked (not the equal one)
    _ask(page, "What were the 2022 targets for indicator 2.3?", 1)
    page.locator('#pd-chat a[href="#pd-cite-1-2"]').first.click()
    table = viewer.locator("table.pd-table")
    expect(table).to_be_visible(timeout=30_000)
    expect(table.locator("thead")).to_contain_text("Year 2")
    expect(table.locator("thead")).to_contain_text("Year 3")
    expect(table.locator("thead")).to_contain_text("BASELINE")
    cited = table.locator("td.pd-cell-cited")
    expect(cited).to_have_count(1)
    expect(cited).to_have_text("1,000 50% women")
    # the cited cell is the one under "Year 2", though Year 3 holds the same words
    leaves = table.locator("thead tr").last.locator("th")
    year2 = next(i for i in range(leaves.count()) if leaves.nth(i).inner_text().strip() == "Year 2")
    headers_before = table.locator("thead tr").first.locator('th[rowspan="2"]').count()
    cells = table.locator("tbody td")
    assert "pd-cell-cited" in (cells.nth(headers_before + year2).get_attribute("class") or "")
    viewer.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "22-sources-table-row-with-headers.png", full_page=True)

    # 3. selecting the earlier answer brings its sources back
    sources = page.locator("#pd-sources")
    expect(sources).to_contain_text("table 2, row 10")
    page.locator("#pd-chat .message.bot").first.click()
    expect(sources).to_contain_text("kivu-fisheries-report.pdf")
    expect(sources).not_to_contain_text("table 2, row 10")
    expect(sources.locator("mark").first).to_contain_text("14 solar cold rooms")
    page.screenshot(path=SHOTS / "23-sources-of-an-earlier-answer.png", full_page=True)

    # 4. a reload keeps the conversation (and its sources)
    page.reload()
    _loaded(page)
    expect(page.locator("#pd-chat .message.bot")).to_have_count(2, timeout=30_000)
    expect(page.locator("#pd-chat .message.bot").last).to_contain_text("1,000")
    expect(sources).to_contain_text("table 2, row 10")
    page.screenshot(path=SHOTS / "24-sources-after-reload.png", full_page=True)

    # 5. listed, renamed; exported as DOCX with footnotes and as Markdown
    page.locator("#pd-conversations").get_by_text("Saved conversations").first.click()
    title = page.locator("#pd-conv-title input, #pd-conv-title textarea").first
    # an accordion's components take their values a moment after they appear: a title typed at
    # once went back to the old one (the rename was then sent it: stop 32's full run, and once
    # in a run of this module alone). Type until the new title stays, as a user would see it.
    for _ in range(10):
        title.fill("Cold rooms and indicator 2.3")
        page.wait_for_timeout(500)
        if title.input_value() == "Cold rooms and indicator 2.3":
            break
    title.press("Tab")  # leave the box, as a user does before clicking
    expect(title).to_have_value("Cold rooms and indicator 2.3")
    page.locator("#pd-conv-rename").click()
    expect(page.locator("#pd-conv-status")).to_contain_text("Renamed")
    # the list the server sends back names the conversation by its new title (in stop 32's full
    # run the store held the old title after "Renamed.": the rename had been sent the old one)
    try:
        expect(page.locator("#pd-conv-list input")).to_have_value("Cold rooms and indicator 2.3", timeout=30_000)
    except AssertionError as shown:
        raise AssertionError(f"{shown}\nsaved conversations: {_saved_conversations()}") from None
    # the new title is the server's: a reload lists it (under load the open list kept the old
    # label for a minute, twice in a full run; see the closing note of stop 29)
    page.reload()
    _loaded(page)
    expect(page.locator("#pd-chat .message.bot")).to_have_count(2, timeout=30_000)
    page.locator("#pd-conversations").get_by_text("Saved conversations").first.click()
    # the open conversation's title shows in the box (opening the list itself was the flaky part:
    # a list opened before the page's choices arrived kept the old ones, see stop 30's note)
    try:
        expect(page.locator("#pd-conv-list input")).to_have_value("Cold rooms and indicator 2.3", timeout=30_000)
    except AssertionError as shown:  # seen twice in full runs: say what the store held
        raise AssertionError(f"{shown}\nsaved conversations: {_saved_conversations()}") from None
    page.locator("#pd-export-docx").click()
    link = page.locator("#pd-export-file a").first
    expect(link).to_be_visible(timeout=30_000)
    page.screenshot(path=SHOTS / "25-conversation-export.png", full_page=True)
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "conversation.docx"
    info.value.save_as(saved)
    with zipfile.ZipFile(saved) as z:
        body = z.read("word/document.xml").decode("utf-8")
        notes = z.read("word/footnotes.xml").decode("utf-8")
        rels = z.read("word/_rels/document.xml.rels").decode("utf-8")
    assert body.count("<w:footnoteReference") == 3  # [1] for the cold rooms, [1] [2] for indicator 2.3
    assert "relationships/footnotes" in rels
    assert "kivu-fisheries-report.pdf, p. 2" in notes and "1,000 50% women" in notes
    assert "The project installed 14 solar cold rooms" in body
    page.locator("#pd-export-md").click()
    md_link = page.locator('#pd-export-file a[download$=".md"]').first
    expect(md_link).to_be_visible(timeout=30_000)
    with page.expect_download() as info:
        md_link.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert "[^1]" in text and "[^3]:" in text and "# Cold rooms and indicator 2.3" in text

    # 6. "New conversation" clears it, and a reload keeps it cleared; the old one stays listed
    _fresh(page)
    expect(sources).to_contain_text("passages that support the answer")
    page.reload()
    _loaded(page)
    expect(page.locator("#pd-chat .message")).to_have_count(0)
    page.locator("#pd-conversations").get_by_text("Saved conversations").first.click()
    page.locator("#pd-conv-list input").click()
    page.get_by_role("option", name="Cold rooms and indicator 2.3").click()  # and opened again
    expect(page.locator("#pd-chat .message.bot")).to_have_count(2, timeout=30_000)
    expect(page.locator("#pd-conv-title input, #pd-conv-title textarea").first).to_have_value(
        "Cold rooms and indicator 2.3"
    )
    context.close()


def test_dark_theme_highlight_contrast(browser, app_url: str) -> None:
    context, page = _open(browser, app_url + "?__theme=dark")
    _fresh(page)
    _ask(page, "What were the 2022 targets for indicator 2.3?", 0)
    assert page.evaluate(
        "document.body.classList.contains('dark') || document.documentElement.classList.contains('dark')"
    )
    page.locator('#pd-chat a[href="#pd-cite-0-2"]').first.click()
    page.locator("#pd-viewer mark").first.wait_for()
    for where in ("#pd-sources mark", "#pd-viewer mark"):
        colours = page.locator(where).first.evaluate(
            "m => { const s = getComputedStyle(m); return [s.color, s.backgroundColor]; }"
        )
        ratio = _contrast(*colours)
        assert ratio >= 4.5, (where, colours, ratio)
    page.screenshot(path=SHOTS / "26-dark-theme-highlight.png", full_page=True)
    context.close()


def test_phone_width_nothing_cut(browser, app_url: str) -> None:
    from playwright.sync_api import expect

    context, page = _open(browser, app_url, width=400, height=900)
    _fresh(page)
    _ask(page, "What were the 2022 targets for indicator 2.3?", 0)
    page.locator('#pd-chat a[href="#pd-cite-0-2"]').first.click()
    expect(page.locator("#pd-viewer table.pd-table")).to_be_visible(timeout=30_000)
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1  # no sideways scrolling
    box = page.locator("#pd-question textarea").bounding_box()
    assert box and box["width"] >= 0.75 * width  # the question box is full width, not half
    cut = page.evaluate(
        """() => [...document.querySelectorAll(
                'label, label span, button, button span, [role=tab], .pd-source-head, .pd-viewer-head, h1, h3, th')]
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().width > 2)  // shown, not screen-reader only
            .filter(e => {  // inside a box that scrolls sideways (a wide table) is reachable, not cut
                for (let a = e.parentElement; a; a = a.parentElement) {
                    if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false;
                }
                return true;
            })
            .filter(e => {
                const s = getComputedStyle(e);
                const clips = ['hidden', 'clip'].includes(s.overflowX) || s.textOverflow === 'ellipsis';
                const r = e.getBoundingClientRect();
                return (clips && e.scrollWidth > e.clientWidth + 1) || r.right > window.innerWidth + 1 || r.left < -1;
            })
            .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40))"""
    )
    assert cut == [], cut
    page.screenshot(path=SHOTS / "27-phone-width-400px.png", full_page=True)
    page.get_by_role("tab", name="Documents").click()
    page.locator("#pd-documents").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.screenshot(path=SHOTS / "28-phone-width-documents.png", full_page=True)
    context.close()


def test_document_links_images_and_html_stay_inert_text(browser, app_url: str) -> None:
    """Issue 15: a document's Markdown link, image and HTML show as text in chat and sources,
    and the browser sends no request to the addresses they name."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    leaked: list[str] = []
    context.on("request", lambda r: leaked.append(r.url) if EVIL in r.url else None)
    context.route(re.compile(r"evil\.test"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(app_url)
    _loaded(page)
    _fresh(page)
    _ask(page, "Where do staff file the Zanzibar ferry report?", 0)
    answer = page.locator("#pd-chat .message.bot").last
    expect(answer).to_contain_text("[the UNDP login page](http")
    page.locator('#pd-chat a[href="#pd-cite-0-1"]').first.click()
    viewer = page.locator("#pd-viewer")
    expect(viewer).to_contain_text("staff-note.md", timeout=30_000)
    sources = page.locator("#pd-sources")
    for where in (answer, sources, viewer):
        assert where.locator(f'a[href*="{EVIL}"], img[src*="{EVIL}"], [src*="{EVIL}"]').count() == 0
        assert where.locator("b").count() == 0  # <b> is shown as text, not bold
    expect(sources).to_contain_text('<img src="http://evil.test/pixel.png">')
    expect(sources).to_contain_text("![](http://evil.test/track.png)")
    expect(viewer).to_contain_text("[the UNDP login page](http://evil.test/login)")
    page.wait_for_timeout(1500)  # time for anything lazy to load
    page.screenshot(path=SHOTS / "29-document-markup-inert.png", full_page=True)
    assert leaked == [], leaked
    context.close()

"""The web app in a real browser (Debian's Chromium through Playwright), used as a person would.

The app runs in this process on a free loopback port, over a copy of the session's ingested
corpus home (uploads must not change the index other tests read). Screenshots of every screen
go to ``artifacts/screenshots/``.
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


@pytest.fixture(scope="module")
def app_url(corpus_settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.core.settings import Settings
    from ui.server import serve as launch

    home = tmp_path_factory.mktemp("ui-home") / "home"
    shutil.copytree(corpus_settings.home, home, ignore=shutil.ignore_patterns("*.lock"))
    port = free_port()
    app = launch(Settings(home=home), host="127.0.0.1", port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


@pytest.fixture()
def page(browser, app_url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(app_url)
    page.get_by_text("ProjectDocs Assistant").first.wait_for()
    page.locator("#pd-question textarea").wait_for()
    yield page
    context.close()


def _ask(page, question: str) -> None:
    box = page.locator("#pd-question textarea")
    box.fill(question)
    box.press("Enter")


def _last_answer(page):
    return page.locator("#pd-chat .message.bot").last


def test_chat_answer_with_sources_follow_up_and_refusal(page) -> None:
    from playwright.sync_api import expect

    page.screenshot(path=SHOTS / "01-chat-first-screen.png", full_page=True)
    expect(page.locator("#pd-sources")).to_contain_text("passages that support the answer")

    _ask(page, "What were the 2022 targets for indicator 2.3?")
    sources = page.locator("#pd-sources")
    expect(sources.locator("mark").first).to_be_visible(timeout=LONG)
    expect(_last_answer(page)).to_contain_text("1,000")
    expect(_last_answer(page)).to_contain_text("Year 2 (2022)")
    expect(_last_answer(page)).to_contain_text("[1]")
    # the cited row, its location and the quoted cell
    expect(sources).to_contain_text("acsh-phase3-project-document.txt")
    expect(sources).to_contain_text("table 2, row 10")
    expect(sources.locator("mark").filter(has_text="1,000 50% women").first).to_be_visible()
    copy = page.locator("#pd-copy textarea")
    expect(copy).to_have_value(re.compile(r"Sources:\n\[1\] acsh-phase3-project-document\.txt"))
    page.screenshot(path=SHOTS / "02-chat-answer-with-sources.png", full_page=True)

    _ask(page, "And for 2023?")
    expect(_last_answer(page)).to_contain_text("Year 3 (2023)", timeout=LONG)
    expect(_last_answer(page)).to_contain_text("1,000")
    expect(page.locator("#pd-chat .message.bot")).to_have_count(2)
    page.screenshot(path=SHOTS / "03-chat-follow-up.png", full_page=True)

    _ask(page, "Who won the football world cup in 1998?")
    expect(page.locator("#pd-sources .pd-refusal")).to_be_visible(timeout=LONG)
    expect(_last_answer(page)).to_contain_text("Not found in the documents")
    page.screenshot(path=SHOTS / "04-chat-refusal.png", full_page=True)


def _docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Green Valley Water Project", 1)
    d.add_paragraph("The implementing partner of the Green Valley Water Project is the Blue River Trust.")
    table = d.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Output", "Target"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Wells built", "120"
    d.save(str(path))
    return path


def test_upload_one_good_one_broken(page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    good = _docx(tmp_path / "green-valley-prodoc.docx")
    broken = tmp_path / "broken-report.pdf"
    broken.write_bytes(b"%PDF-1.4 garbage")

    page.get_by_role("tab", name="Documents").click()
    expect(page.locator("#pd-documents")).to_contain_text("acsh-phase3-project-document.txt")
    page.screenshot(path=SHOTS / "05-documents.png", full_page=True)
    page.locator("#pd-upload input[type=file]").set_input_files([str(good), str(broken)])
    expect(page.locator("#pd-upload")).to_contain_text("broken-report", timeout=30_000)  # name and suffix in two spans
    page.locator("#pd-add").click()

    status = page.locator("#pd-status")
    expect(status).to_contain_text("failed", timeout=LONG)
    good_row = status.get_by_role("row", name=re.compile(r"^green-valley-prodoc\.docx "))
    bad_row = status.get_by_role("row", name=re.compile(r"^broken-report\.pdf "))
    expect(good_row).to_have_accessible_name(re.compile(r"docx ok added"))
    expect(bad_row).to_have_accessible_name(re.compile(r"pdf failed \w+.*PDF"))  # with the reason
    expect(page.locator("#pd-documents")).to_contain_text("green-valley-prodoc.docx")
    expect(page.locator("#pd-documents")).not_to_contain_text("broken-report.pdf")
    # one progress line per file (no overlay of repeated "Reading … 0.0%" panels), each with its outcome
    lines = page.locator("#pd-upload-progress .pd-progress-line")
    expect(lines).to_have_count(2)
    expect(lines.nth(0)).to_contain_text("green-valley-prodoc.docx")
    expect(lines.nth(0)).to_contain_text("added")
    expect(lines.nth(1)).to_contain_text("failed")
    assert page.get_by_text(re.compile(r"Reading .*0\.0%")).count() == 0
    expect(page.locator("#pd-cancel")).to_be_visible()
    page.screenshot(path=SHOTS / "06-documents-after-upload.png", full_page=True)

    # Remove asks first: "Keep it" keeps the document, "Yes, remove" removes it
    page.locator("#pd-to-remove input").click()
    page.get_by_role("option", name="green-valley-prodoc.docx").click()
    page.locator("#pd-remove").click()
    confirm = page.locator("#pd-remove-confirm")
    expect(confirm).to_be_visible()
    expect(page.locator("#pd-ingest-summary")).to_contain_text("Remove green-valley-prodoc.docx from the index?")
    page.screenshot(path=SHOTS / "06b-documents-remove-confirmation.png", full_page=True)
    page.locator("#pd-remove-no").click()
    expect(confirm).to_be_hidden()
    expect(page.locator("#pd-documents")).to_contain_text("green-valley-prodoc.docx")
    page.locator("#pd-remove").click()
    page.locator("#pd-remove-yes").click()
    expect(page.locator("#pd-ingest-summary")).to_contain_text("Removed green-valley-prodoc.docx", timeout=30_000)
    expect(page.locator("#pd-documents")).not_to_contain_text("green-valley-prodoc.docx")


def test_draft_one_question_and_download_docx(page, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Draft QA").click()
    page.locator("#pd-draft-project input").click()
    page.get_by_role("option", name="000123513", exact=False).first.click()
    page.locator("#pd-draft-questions input").click()
    risks = page.get_by_role("option", name=re.compile(r"^Q11 "))  # risks: the documents say much about them
    (risks if risks.count() else page.get_by_role("option")).first.click()
    page.keyboard.press("Escape")
    page.locator("#pd-draft-run").click()
    text = page.locator("#pd-draft-text textarea")
    expect(text).to_have_value(re.compile(r"Suggested rating"), timeout=LONG)
    expect(text).to_have_value(re.compile(r"\[1\]"))
    link = page.locator("#pd-draft-file a").first
    expect(link).to_be_visible(timeout=30_000)
    page.screenshot(path=SHOTS / "07-draft.png", full_page=True)
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "draft.docx"
    info.value.save_as(saved)
    assert saved.stat().st_size > 1000
    with zipfile.ZipFile(saved) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "[1]" in body

    text.fill(text.input_value() + "\nReviewed by the assessor.")
    page.locator("#pd-draft-save").click()
    edited = page.locator("#pd-draft-edited a").first
    expect(edited).to_be_visible(timeout=30_000)
    with page.expect_download() as info:
        edited.click()
    assert info.value.path().read_text(encoding="utf-8").rstrip().endswith("Reviewed by the assessor.")


def test_facts_tables_and_plot(page) -> None:
    from playwright.sync_api import expect

    page.get_by_role("tab", name="Facts").click()
    expect(page.locator("#pd-indicators")).to_contain_text("2.3", timeout=LONG)
    expect(page.locator("#pd-budget")).to_contain_text("Preparation, publication and dissemination")  # activity 1.1
    expect(page.locator("#pd-ratings")).to_contain_text("Satisfactory")
    expect(page.locator("#pd-plot img, #pd-plot svg, #pd-plot canvas").first).to_be_visible(timeout=30_000)
    # how each table was understood: the results framework with its columns' roles; the QA
    # report's rating box rejected with the reason, its "<b>" written in the document shown as text
    tables = page.locator("#pd-tables")
    tables.scroll_into_view_if_needed()
    expect(tables).to_be_visible()
    framework = tables.get_by_role("row", name=re.compile(r"^recognised Results Framework"))
    expect(framework).to_contain_text("OUTPUT INDICATORS → indicator")
    rejected = tables.get_by_role("row", name=re.compile(r"^rejected "))
    expect(rejected.first).to_contain_text("could not be mapped")
    expect(rejected.first).to_contain_text("<b>Overall Rating:</b>")
    assert tables.locator("td b").count() == 0
    page.screenshot(path=SHOTS / "08-facts.png", full_page=True)

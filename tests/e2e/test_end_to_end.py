"""End to end over corpus/: real model, real Chroma, the questions users ask most."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answer.assistant import Assistant
from assistant.cli.main import cli
from assistant.core.settings import Settings
from assistant.core.text import normalise_space
from ingest.pipeline import ingest_paths
from tests.conftest import CORPUS, PRODOC, QA_REPORT

pytestmark = pytest.mark.slow


def assert_quotes_verbatim(answer) -> None:
    for c in answer.citations:
        text = (CORPUS / c.source).read_text(encoding="utf-8")
        assert c.quote in text, c


def test_2022_targets_for_indicator_2_3(assistant: Assistant) -> None:
    a = assistant.ask("What were the 2022 targets for indicator 2.3?")
    assert not a.refused
    assert "1,000" in a.answer and "50% women" in a.answer
    assert any(c.source == PRODOC.name and "1,000" in c.quote for c in a.citations)
    assert all(c.location.startswith("Results Framework, table 2") for c in a.citations)
    assert_quotes_verbatim(a)


def test_implementing_partner(assistant: Assistant) -> None:
    a = assistant.ask("Who is the implementing partner of the project?")
    assert not a.refused
    # "the Agency of the Republic of Kazakhstan for Civil Service Affairs" (line 118) or "the
    # Agency for Civil Service Affairs" (the legal annex): both name it
    assert "for Civil Service Affairs" in a.answer
    assert any("for Civil Service Affairs" in c.quote for c in a.citations)
    assert_quotes_verbatim(a)


@pytest.mark.parametrize(
    "question",
    [
        "What is the 2024 target for indicator 2.3?",
        "What is the target for indicator 4.1?",
        "How much was budgeted for Activity 1.9 in 2025?",
        "Who was the external evaluator of the project?",
    ],
)
def test_refuses_what_the_documents_do_not_say(assistant: Assistant, question: str) -> None:
    a = assistant.ask(question)
    assert a.refused and a.citations == []
    assert a.answer.startswith("Not found in the documents")


@pytest.mark.parametrize(
    ("question", "expected", "source"),
    [
        ("What is the 2023 target for indicator 2.3?", ["1,000 50% women", "Year 3 (2023)"], PRODOC),
        ("What were the 2022 targets for indicator 2.4?", ["10", "Year 2 (2022)"], PRODOC),
        ("What is the Year 3 target for indicator 2.4?", ["2", "Year 3 (2023)"], PRODOC),
        ("What is the baseline for indicator 3.3?", ["130", "2020"], PRODOC),
        ("How much was budgeted for Activity 1.9 in 2021?", ["75 355"], PRODOC),
        ("What is the Sub-Total of Output 1?", ["1 505 000"], PRODOC),
        ("What rating did the Efficient section get?", ["Exemplary"], QA_REPORT),
    ],
)
def test_table_facts_cite_their_row(assistant: Assistant, question: str, expected: list[str], source: Path) -> None:
    a = assistant.ask(question)
    assert not a.refused, a.answer
    for value in expected:
        assert value in normalise_space(a.answer), (value, a.answer)
    assert a.citations and all(c.source == source.name for c in a.citations)
    assert_quotes_verbatim(a)


def test_a_count_named_by_its_meaning_is_read_from_its_indicator(assistant: Assistant) -> None:
    # "targeted by the end" asks for indicator 3.2's final target; "does it have" asks no target
    a = assistant.ask("How many ACSH participating countries are targeted by the end of phase 3?")
    assert "Indicator 3.2" in a.answer and "final target: 45" in a.answer, a.answer
    now = assistant.ask("How many participating countries does the ACSH have?")
    assert "target" not in now.answer, now.answer


def test_inconsistent_row_is_flagged(assistant: Assistant) -> None:
    a = assistant.ask("What is the final target for indicator 2.1?")
    assert "86" in a.answer
    assert a.notes and "not the baseline" in a.notes[0]


def test_follow_up_uses_the_conversation(assistant: Assistant) -> None:
    a = assistant.ask("And for 2023?", history=["What were the 2022 targets for indicator 2.3?"])
    assert not a.refused and "Year 3 (2023)" in a.answer and "1,000" in a.answer


def test_ask_json_contract(corpus_settings: Settings) -> None:
    result = CliRunner().invoke(
        cli, ["--home", str(corpus_settings.home), "ask", "--json", "What were the 2022 targets for indicator 2.3?"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"answer", "refused", "citations"} and data["refused"] is False
    first = data["citations"][0]
    assert set(first) == {"source", "location", "quote", "place"}
    # the display string is derived from the structured place: table, row, exact character span
    place = first["place"]
    assert place["table"] is not None and place["row"] is not None and place["heading"] == "Results Framework"
    source_text = (Path(__file__).resolve().parents[2] / "corpus" / first["source"]).read_text(encoding="utf-8")
    assert source_text[place["char_start"] : place["char_end"]] == first["quote"]
    assert first["location"].startswith("Results Framework, table")


def test_ask_batch_answers_each_line_with_history(corpus_settings: Settings, tmp_path: Path) -> None:
    questions = tmp_path / "in.jsonl"
    questions.write_text(
        json.dumps({"id": "a", "question": "What were the 2022 targets for indicator 2.3?", "history": []})
        + "\n"
        + json.dumps(
            {"id": "b", "question": "And for 2023?", "history": ["What were the 2022 targets for indicator 2.3?"]}
        )
        + "\n"
        + json.dumps({"id": "c", "question": "What is the 2024 target for indicator 2.3?"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli, ["--home", str(corpus_settings.home), "ask", "--batch", str(questions), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert "2023" in rows[1]["answer"] and rows[2]["refused"] is True


def test_reingest_unchanged_is_a_no_op_and_a_change_replaces_chunks(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(QA_REPORT, folder / QA_REPORT.name)
    settings = Settings(home=tmp_path / "h")
    first = ingest_paths([folder], settings)
    assert first.added == [QA_REPORT.name] and first.chunks_written > 0
    again = ingest_paths([folder], settings)
    assert again.unchanged == [QA_REPORT.name] and again.chunks_written == 0
    assert "nothing changed" in " ".join(again.lines())

    from assistant.store.database import Store

    store = Store(settings)
    before = store.chunk_ids(QA_REPORT.name)
    changed = QA_REPORT.read_text(encoding="utf-8").replace(
        "51 per cent of participants", "53 per cent of participants"
    )
    (folder / QA_REPORT.name).write_text(changed, encoding="utf-8")
    third = ingest_paths([folder], settings)
    assert third.updated == [QA_REPORT.name]
    after = store.chunk_ids(QA_REPORT.name)
    assert 0 < third.chunks_written < len(after)  # only the changed chunks are embedded again
    assert before != after
    assert store.collection.count() == len(after)  # the old vectors are gone
    a = Assistant(settings).ask("What share of participants were female?")
    assert "53 per cent" in a.answer and "51 per cent" not in a.answer


def test_cli_ingest_reports_failures_and_keeps_the_good_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(QA_REPORT, folder / QA_REPORT.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "fake.pdf").write_bytes(b"this is not a pdf")
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "h"), "ingest", str(folder)])
    assert result.exit_code == 2, result.output
    assert "added 1" in result.stdout and "failed 2" in result.stdout
    assert "empty.txt: the file is empty" in result.stdout
    assert "fake.pdf: named .pdf but its content is not PDF" in result.stdout

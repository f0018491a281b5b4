"""The Facts view's tables (``assistant.answer.fact_rows.table_rows``, shared by ``projdocs facts
--kind tables`` and the web app's Facts tab): each recognised table with its columns mapped to
roles, each rejected one with the reason, and only the documents of the user's projects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.core.settings import Settings

FRAMEWORK = [
    ["Output", "Indicator", "Baseline", "2021", "2022", "Data source"],
    ["Output 1: Policy", "Indicator 1.1: Number of provinces with an energy act", "0", "1", "2", "Gazette"],
    ["", "Indicator 1.2: Number of trained technicians", "20", "40", "90", "Registers"],
]
# a results framework with no target column: reported, never guessed; its header is document
# text that looks like markup
NO_TARGETS = [
    ["Indicator", "Baseline", "Data source", "<b>Responsible</b>"],
    ["Indicator 2.1: Households connected", "0", "Registers", "AEPC"],
]

# any other table with a header: read as rows under its headers, listed after the others
MONITORING = [["Monitoring Activity", "Purpose", "Frequency"], ["Track results progress", "Collect data", "Quarterly"]]


def _tsv(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def _home(home: Path) -> Settings:
    """p3.txt (project 00123513) with a monitoring plan, a framework and a rejected table; other.txt (00055555)
    with a framework whose data source is "Secret ledger". Written straight to the store."""
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables

    settings = Settings(home=home, embedding_model="hashing")
    store = Store(settings)
    other = [row[:5] + ["Secret ledger" if i else row[5]] for i, row in enumerate(FRAMEWORK)]
    for name, number, tables in [
        ("p3.txt", "000123513", [MONITORING, FRAMEWORK, NO_TARGETS]),
        ("other.txt", "00055555", [other]),
    ]:
        path = home.parent / name
        body = "\n\n".join(_tsv(t) for t in tables)
        path.write_text(f"Project document\n\nAtlas Project Number: {number}\n\n{body}\n", encoding="utf-8")
        doc = load_document(path)
        records = recognise_tables(doc)
        chunks = chunk_document(doc, records)
        store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    return settings


class FakeRequest:
    def __init__(self, username: str | None) -> None:
        self.username = username


def test_table_rows_give_mapped_columns_and_rejection_reasons(tmp_path: Path) -> None:
    from assistant.answer.fact_rows import record_rows, table_rows
    from assistant.store.database import Store

    store = Store(_home(tmp_path / "home"))
    rows = table_rows(store, {"p3.txt"})
    assert [r["source"] for r in rows] == ["p3.txt"] * 3
    recognised, rejected, generic = rows
    assert generic["status"] == "read as rows" and generic["location"].startswith("table 1")
    assert recognised["status"] == "recognised"
    assert recognised["understood as"].startswith("Results Framework")
    columns = recognised["columns"].split("; ")
    assert "Indicator → indicator" in columns and "Data source → data source" in columns
    assert "2022 → 2022 target" in columns
    assert recognised["reason"] == "" and recognised["location"].startswith("table 2")
    assert rejected["status"] == "rejected" and rejected["columns"] == "-"
    assert "no target column" in rejected["reason"] and rejected["location"].startswith("table 3")
    assert rejected["notes"] == ""  # the reason is not repeated
    assert table_rows(store, set()) == []  # no visible document: nothing, not everything
    assert {r["source"] for r in table_rows(store)} == {"p3.txt", "other.txt"}
    assert sorted(map(str, record_rows(store, ["table_map"]))) == sorted(map(str, table_rows(store)))


def test_cli_lists_the_same_tables(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from assistant.answer.fact_rows import table_rows
    from assistant.cli.main import cli
    from assistant.store.database import Store

    settings = _home(tmp_path / "home")
    result = CliRunner().invoke(cli, ["--home", str(settings.home), "facts", "--kind", "tables", "--json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line) for line in result.stdout.splitlines()] == table_rows(Store(settings))


def test_facts_tab_lists_only_the_users_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import Backend

    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\nroot:r-pw:*\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    backend = Backend(_home(tmp_path / "home"))

    *_, tables, _ = backend.facts(FakeRequest("alice"))  # type: ignore[arg-type]
    frame = tables["value"]
    assert list(frame.columns) == ["Status", "Understood as", "Columns", "Reason", "Location", "Source"]
    assert set(frame["Source"]) == {"p3.txt"}
    shown = frame.to_string()
    assert "Secret ledger" not in shown and "other.txt" not in shown  # another project's document
    by_status = {row["Status"]: row for _, row in frame.iterrows()}
    assert "Baseline → baseline" in by_status["recognised"]["Columns"]
    assert "no target column" in by_status["rejected"]["Reason"]
    assert "<b>Responsible</b>" in by_status["rejected"]["Reason"]  # document text as written, shown as text

    assert set(backend.facts(FakeRequest("root"))[4]["value"]["Source"]) == {"p3.txt", "other.txt"}  # type: ignore[arg-type]
    assert backend.facts(FakeRequest("mallory"))[4]["value"].empty  # type: ignore[arg-type]

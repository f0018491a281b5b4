"""Words and numbers in narrow PDF table cells read as the writer typed them: the seed project
document rendered by LibreOffice breaks long words and numbers inside its work plan's narrow
cells ("Allocati" | "on", "110 70" | "6"), and rows over page breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.core.records import Record
from ingest.loaders import load_document
from ingest.loaders.pdf_tables import BREAK, FULL_BREAK
from ingest.loaders.pdf_text import _Vocabulary
from ingest.tables import recognise_tables

PDF = Path(__file__).resolve().parents[3] / "evals" / "formats" / "pdf" / "acsh-phase3-project-document.pdf"


@pytest.fixture(scope="module")
def all_records() -> list[Record]:
    return recognise_tables(load_document(PDF))


@pytest.fixture(scope="module")
def records(all_records: list[Record]) -> dict[tuple[str, str], Record]:
    return {(r.kind, r.key): r for r in all_records if r.kind in ("activity", "indicator")}


def test_a_number_broken_inside_its_last_digit_group_is_one_number(records: dict[tuple[str, str], Record]) -> None:
    amounts = [c.text for c in records[("activity", "2.3")].cells if c.role == "amount"]
    assert amounts == ["105 300", "99 631", "110 706"]  # the 2023 cell shows "110 70" over "6"


def test_a_row_broken_over_a_page_keeps_its_name_whole(records: dict[tuple[str, str], Record]) -> None:
    # "Activity 2.3 Allocati" ends page 67; "on of scholar ships (grants)…" starts page 68
    assert records[("activity", "2.3")].label.startswith("Allocation of ")
    assert "Academy of Public Administration" in records[("activity", "2.3")].label
    # broken between two words: the name goes on with a space
    assert records[("activity", "2.4")].label.startswith("Activity 2.4 Development and delivery of")


def test_words_broken_in_narrow_cells_are_joined_and_words_apart_stay_apart(
    records: dict[tuple[str, str], Record],
) -> None:
    assert records[("activity", "1.5")].label == (
        "Preparation of policy briefs for central governments bodies in Kazakhstan, upon request"
    )
    assert records[("indicator", "2.1")].label.startswith("Number of capacity development events")
    assert "evidence-based research studies" in records[("activity", "1.1")].label


def test_segmentation_follows_the_documents_words() -> None:
    vocab = _Vocabulary([])
    vocab.words.update({"number": 40, "of": 90, "development": 30, "develop": 3, "ment": 1, "central": 5})
    vocab.words.update({"governments": 4, "kazakhstan": 20})
    vocab.total = sum(vocab.words.values())
    assert vocab.resolve_breaks(f"Number{FULL_BREAK}of{BREAK}develop{BREAK}ment") == "Number of development"
    assert vocab.resolve_breaks(f"central{FULL_BREAK}govern{FULL_BREAK}ments") == "central governments"
    assert vocab.resolve_breaks(f"Kazakh{FULL_BREAK}stan") == "Kazakhstan"  # neither half is a word
    assert vocab.resolve_breaks(f"Activity{FULL_BREAK}2.3") == "Activity 2.3"  # never letters into digits
    assert vocab.resolve_breaks(f"100{BREAK}200") == "100 200"  # numbers joined only after a full line


def test_a_table_row_alone_on_its_page_and_rows_broken_over_pages_stay_rows(all_records: list[Record]) -> None:
    plan = {r.label: r for r in all_records if r.kind == "table_row" and r.location.heading == "Monitoring Plan"}
    # the risk row fills page 38 alone: it was read straight across the columns as running text
    risk = {c.column: c.text for c in plan["Monitor and Manage Risk"].cells}
    assert risk["Frequency"] == "Annually" and risk["Partners (if joint)"] == "UNDP"
    # "Annually and at the end of project" | page break | "implementation"
    review = {c.column: c.text for c in plan["Project Review"].cells}
    assert review["Frequency"].endswith("at the end of project implementation")
    assert "Monitoring Activity" not in plan and "" not in plan


def test_cover_fields_under_an_empty_header_are_kept(all_records: list[Record]) -> None:
    funding = [r for r in all_records if r.kind == "table_row" and r.label == "Government of Kazakhstan:"]
    assert [[c.text for c in r.cells] for r in funding] == [["Government of Kazakhstan:", "4,300,000"]]


def test_the_work_plan_is_one_table_over_its_15_pages_of_breaks(all_records: list[Record]) -> None:
    # a cell's last line ("and", "stan") overflows the table's bottom rule at two page breaks:
    # read as a line of text between two tables, it cut the work plan into three
    tables = {r.location.table for r in all_records if r.kind in ("activity", "total")}
    assert len(tables) == 1
    gms = [r for r in all_records if r.kind == "total" and r.key == "gms"]
    assert len(gms) == 4 and len({r.group for r in gms}) == 4  # each output's own indirect costs


def test_a_merged_cell_printed_after_the_page_break_joins_its_row(records: dict[tuple[str, str], Record]) -> None:
    # "12 577 | 12 354 | 12 376 | UNDP" end page 102; "Activity 3.11 Support to …" begins page 103
    amounts = [c.text for c in records[("activity", "3.11")].cells if c.role == "amount"]
    assert amounts[:3] == ["12 577", "12 354", "12 376"]
    assert [c.text for c in records[("activity", "4.5")].cells if c.role == "amount"][:3] == [
        "17 500",
        "15 000",
        "7 500",
    ]
    # nor are they counted as the lines of the activity before it
    assert not any("Inconsistent" in n for key in ("3.10", "4.4") for n in records[("activity", key)].notes)

"""The text loader keeps tables as tables and gives every block a line range."""

from __future__ import annotations

from ingest.loaders.text import parse_text
from tests.conftest import PRODOC

SAMPLE = (
    "Results Framework\n"
    "\tINDICATOR\n\tBASELINE\n\tTARGET\n\n"
    "\t1.1 – Books published\n\t1\n\t3\n\n"
    "\t1.2 – Papers\n\t17\n50%\nwomen\n\t23\n\n"
    "After the table comes a paragraph. It has two sentences.\n"
)


def test_tab_cells_become_rows_with_line_ranges() -> None:
    blocks = parse_text(SAMPLE, "s.txt")
    table = next(b for b in blocks if b.kind == "table")
    assert [list(r.cells) for r in table.rows] == [
        ["INDICATOR", "BASELINE", "TARGET"],
        ["1.1 – Books published", "1", "3"],
        ["1.2 – Papers", "17\n50%\nwomen", "23"],
    ]
    third = table.rows[2].location
    assert (third.table, third.row, third.line_start, third.line_end) == (1, 3, 10, 14)
    assert str(third) == "table 1, row 3, lines 10–14"
    assert table.section == ("Results Framework",)


def test_paragraph_after_table_has_its_line_and_section() -> None:
    blocks = parse_text(SAMPLE, "s.txt")
    para = blocks[-1]
    assert para.kind == "paragraph" and para.location.line_start == 16
    assert para.section == ("Results Framework",)


def test_blank_paragraphs_inside_a_cell_do_not_split_the_row() -> None:
    text = "\tA\n\tB\n\tC\n\tD\n\n\t1\n\t2\n\t3\n\t4\n\n\tlong cell\n\n\n\n\tx\n\ty\n\tz\n\n"
    table = parse_text(text, "t.txt")[0]
    assert [len(r.cells) for r in table.rows] == [4, 4, 4]
    assert table.rows[2].cells[0] == "long cell"


def test_seed_results_framework_rows_are_whole() -> None:
    blocks = parse_text(PRODOC.read_text(encoding="utf-8"), PRODOC.name)
    table = next(b for b in blocks if b.kind == "table" and "Results Framework" in b.section)
    row = next(r for r in table.rows if len(r.cells) > 1 and r.cells[1].startswith("2.3"))
    assert row.cells[3:9] == (
        "7,300\n50%\nwomen",
        "2020",
        "1,000\n50% women",
        "1,000 50% women",
        "1,000 50% women",
        "10,300\n50% women",
    )
    text = PRODOC.read_text(encoding="utf-8")
    for cell in row.cells:
        assert cell in text

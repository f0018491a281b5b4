"""Table rows are found by their columns' names: a row of a table with a header is read as a
record and described with its headers ("Literacy rate: 8.8"), so that a question naming a column
finds the row (a chunk of its bare cells, "Kerala 2400 8.8 0.3", could not be found that way)."""

from __future__ import annotations

from pathlib import Path

import docx

from assistant.core.settings import Settings
from assistant.store.database import Store
from ingest.pipeline import ingest_paths

HEADER = ("State", "Population (thousands)", "Literacy rate", "Growth")
ROWS = (("Kerala", "2400", "8.8", "0.3"), ("Goa", "1500", "7.1", "0.2"), ("Assam", "3100", "6.4", "0.5"))


def _statistics_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Annex 4. Statistics of the pilot states")
    table = d.add_table(rows=1, cols=4)
    for cell, name in zip(table.rows[0].cells, HEADER):
        cell.text = name
    for values in ROWS:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    d.save(str(path))
    return path


def test_a_row_read_as_a_record_is_described_by_its_headers(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _statistics_docx(folder / "annex-statistics.docx")
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([folder], settings).failed
    store = Store(settings)
    chunks = store.chunks([r["id"] for r in store.query("SELECT id FROM chunks")]).values()
    kerala = next(c for c in chunks if c.chunk_type == "record" and c.text.startswith("Kerala"))
    assert "Population (thousands): 2400. Literacy rate: 8.8. Growth: 0.3." in kerala.text
    found = [i for i, _ in store.keyword_search("literacy rate of Kerala", 3)]
    assert found[0] == kerala.id  # the column's name and the row's name, in one chunk


def test_what_a_work_plan_record_leaves_out_of_its_row_is_still_in_a_chunk(tmp_path: Path) -> None:
    # the output cell holds the output's name (the records' group), its description and its
    # gender marker; the last two are in no record, so a chunk of the row keeps them
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables

    d = docx.Document()
    d.add_paragraph("Multi-Year Work Plan")
    rows = [
        ["EXPECTED OUTPUTS", "PLANNED ACTIVITIES", "2021", "2022", "RESPONSIBLE PARTY", "Funding Source", "Amount"],
        [
            "Output 2 - Capacity building\nInstitutions apply the knowledge gained\nGender marker: GEN2",
            "Activity 2.1 International conferences",
            "30 000",
            "60 000",
            "ACSH",
            "Government",
            "90 000",
        ],
    ]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cell(i, j).text = text
    path = tmp_path / "plan.docx"
    d.save(str(path))
    doc = load_document(path)
    records = recognise_tables(doc)
    assert any(r.kind == "activity" for r in records)
    chunks = chunk_document(doc, records)
    kept = [c for c in chunks if c.chunk_type == "table_row" and "Gender marker: GEN2" in c.text]
    assert kept and "Institutions apply the knowledge gained" in kept[0].text
    assert "30 000" not in kept[0].text  # a bare figure out of its context is left to the record
    assert kept[0].text.startswith("Output 2 - Capacity building")  # whose marker it is

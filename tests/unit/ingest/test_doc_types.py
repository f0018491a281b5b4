"""Document types from what a document says it is: a progress report or an evaluation that
mentions its project's results framework is not a project document."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import load_document

RF = "\n\nResults framework\n\nIndicator\tBaseline\tTarget\n1.1 Households connected\t0\t8,000\n"


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Annual Progress Report 2022\n\nProject Title\tSolar for All", "document"),
        ("Mid-Term Evaluation Report\n\nPeriod covered\t2020-2022", "document"),
        ("Implementation Stage Quality Assurance Report\n\nForm Status\tApproved", "qa_report"),
        ("United Nations Development Programme\nCountry: Nepal\nProject Document\n", "project_document"),
        ("Brief Description\n\n" + "The project brings power to remote villages. " * 30, "project_document"),
    ],
)
def test_the_type_a_document_gives_itself(tmp_path: Path, opening: str, expected: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(opening + RF, encoding="utf-8")
    assert load_document(path).doc_type == expected

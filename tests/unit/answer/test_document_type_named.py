"""A question that names a kind of document ("per the QA") reads that kind's passages first: the
QA form's evidence is found though the project document's risk log says "risk category" more."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed

RISK_LOG = "\n\n".join(
    f"Risk {n}: the social and environmental risk category of site {n} is reviewed by the risk officer."
    for n in range(1, 16)
)
QA = (
    "Implementation Stage Quality Assurance Report\n\n"
    "6. Are social and environmental impacts and risks being successfully managed?\n\n"
    "The project was categorized as Moderate risk in the SESP.\n"
)


def test_the_named_kind_of_document_is_read_first(tmp_path: Path) -> None:
    home = tmp_path / "home"
    store = indexed(home, {"prodoc.txt": f"Project Document\n\nRisk Log\n\n{RISK_LOG}\n", "qa.txt": QA})
    assert {d.doc_type for d in store.documents()} == {"project_document", "qa_report"}
    answer = Assistant(Settings(home=home, embedding_model="hashing"), store).ask(
        "What social and environmental risk category is the project in, per the QA?"
    )
    assert "categorized as Moderate risk" in answer.answer and answer.citations[0].source == "qa.txt"

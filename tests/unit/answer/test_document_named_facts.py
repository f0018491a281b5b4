"""A figure asked of the document the question names ("… in the progress report") comes from
that document's tables, when they hold it; the work plan's figure is not given for it."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from ingest.pipeline import ingest_paths

PLAN = (
    "Project Document\n\nMulti-Year Work Plan\n\n"
    "Output\tActivity\tResponsible party\tFunding source\tBudget line\t2025\t2026\tTotal (USD)\n"
    "Output 1: Wells\t1.1 Dig wells\tWaterCo\tEU\tCivil works\t100 000\t200 000\t300 000\n"
    "Total programmable budget (excluding GMS)\t100 000\t200 000\t300 000\n"
    "GMS (8%)\t8 000\t16 000\t24 000\n"
)
REPORT = (
    "Semi-Annual Progress Report 2025\n\n4. Financial delivery\n\n"
    "Output\tAnnual budget 2025 (USD)\tExpenditure 1 January – 30 June 2025 (USD)\tDelivery (% of annual budget)\n"
    "Output 1 – Wells\t90,000\t45,000\t50.0%\n"
    "Total (excluding GMS)\t90,000\t45,000\t50.0%\n"
)


def _assistant(tmp_path: Path) -> Assistant:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "wells-project-document.txt").write_text(PLAN, encoding="utf-8")
    (folder / "wells-progress-report-2025.txt").write_text(REPORT, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([folder], settings).failed
    return Assistant(settings)


def test_a_budget_asked_of_the_progress_report_is_the_reports(tmp_path: Path) -> None:
    assistant = _assistant(tmp_path)
    reported = assistant.ask("What is the 2025 budget excluding GMS in the progress report?")
    assert not reported.refused and "90,000" in reported.answer and "100 000" not in reported.answer
    assert {c.source for c in reported.citations} == {"wells-progress-report-2025.txt"}
    planned = assistant.ask("What is the 2025 budget excluding GMS?")
    assert not planned.refused and "100 000" in planned.answer


def test_one_budget_in_two_documents_is_set_side_by_side(tmp_path: Path) -> None:
    answer = _assistant(tmp_path).ask("2025 budget excl GMS: progress report vs project document")
    assert not answer.refused and "90,000" in answer.answer and "100 000" in answer.answer
    assert "The figures differ." in answer.answer

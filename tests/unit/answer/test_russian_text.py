"""A Russian question over English documents is read by its English glosses, for keyword search
and for the sentence that answers it."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from ingest.pipeline import ingest_paths

DOC = (
    "Project Document\n\n1. Context\n\n"
    "The Government of Nepal provides a parallel in-kind contribution estimated at USD 400,000 in office space.\n"
    "The project works in two provinces with rural cooperatives.\n"
)


def _over(tmp_path: Path, name: str, text: str) -> Assistant:
    """An assistant over one ingested text document."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([folder], settings).failed
    return Assistant(settings)


@pytest.fixture()
def assistant(tmp_path: Path) -> Assistant:
    return _over(tmp_path, "prodoc.txt", DOC)


def test_a_russian_question_finds_the_english_sentence(assistant: Assistant) -> None:
    answer = assistant.ask("Какой натуральный вклад вносит правительство и во сколько он оценивается?")
    assert not answer.refused and "400,000" in answer.answer
    assert answer.citations[0].quote.startswith("The Government of Nepal provides")


def test_a_russian_word_no_gloss_reads_still_counts_against_a_sentence(assistant: Assistant) -> None:
    # "why was the project swept away by the flood?": nothing here says so
    assert assistant.ask("Почему проект смыло наводнением?").refused


def test_a_russian_when_and_how_much_ask_for_a_tables_date_and_cost(tmp_path: Path) -> None:
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    plan = (
        "Evaluation Plan\n\n"
        "Evaluation Title\tPartners (if joint)\tPlanned Completion Date\tKey Evaluation Stakeholders\tCost and Source of Funding\n"
        "Mid Term Project Evaluation\tAPA\tSeptember 2022\tGovernment, UNDP\tUSD 30,000 Project allocated funds\n"
        "Final Project Evaluation\tAPA\tOctober 2023\tGovernment, UNDP\tUSD 35,000 Project allocated funds\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"prodoc.txt": plan}), ())
    found = finder.answer("Когда запланирована среднесрочная оценка проекта и сколько она стоит?")
    assert found is not None and "September 2022" in found.text and "30,000" in found.text
    assert "35,000" not in found.text


GENDER = (
    "Closure Report\n\n3. Results\n\n"
    "While implementing its activities, the project ensured a gender balance among participants of its numerous "
    "capacity development and partnership events. On average, 51 per cent of participants were female.\n"
)


def test_a_russian_question_for_a_share_is_answered_with_the_figure(tmp_path: Path) -> None:
    # "what share of event participants were women?": the figure is in the sentence after the one
    # that names the events, and the meaning is compared by the glosses, not the Cyrillic words
    answer = _over(tmp_path, "closure.txt", GENDER).ask("Какую долю участников мероприятий составляли женщины?")
    assert not answer.refused and "51 per cent" in answer.answer


def test_russian_how_many_and_how_much_better_ask_for_the_figures(tmp_path: Path) -> None:
    text = (
        "Quality assurance report\n\nPrincipled\n\n"
        "A grievance redress mechanism was set up; 11 grievances were received in 2022, of which 9 were resolved.\n"
        "Cooperatives led by women are doing well. Cooperatives with a woman in leadership collected 96 percent of "
        "billed tariffs, against 81 percent in other cooperatives.\n"
    )
    assistant = _over(tmp_path, "qa.txt", text)
    grievances = assistant.ask("Сколько жалоб поступило в 2022 году и сколько из них урегулировано?")
    assert not grievances.refused and "11 grievances were received" in grievances.answer
    tariffs = assistant.ask("Насколько лучше собирают тарифы кооперативы, где есть женщина в руководстве?")
    assert not tariffs.refused and "96 percent" in tariffs.answer


def test_a_russian_question_on_a_half_years_spending_reads_the_delivery_row(tmp_path: Path) -> None:
    from assistant.answer.facts import FactFinder
    from tests.unit.answer.indexing import indexed

    report = (
        "Annual Progress Report\n\n3. Financial delivery\n\n"
        "Output\tAnnual budget 2024 (USD)\tExpenditure 1 January – 30 June 2024 (USD)\tDelivery (% of annual budget)\n"
        "Output 1 – Solar mini-grids for health centres\t600,000\t240,000\t40.0%\n"
        "Output 2 – Skills of local technicians\t300,000\t150,000\t50.0%\n"
        "Project management and monitoring\t100,000\t61,500\t61.5%\n"
        "Total\t1,000,000\t451,500\t45.2%\n"
    )
    finder = FactFinder(indexed(tmp_path / "home", {"report.txt": report}), ())
    found = finder.answer("Сколько потратили на управление проектом за первое полугодие 2024 года?")
    assert found is not None and not found.refused
    assert "61,500" in found.text and "240,000" not in found.text

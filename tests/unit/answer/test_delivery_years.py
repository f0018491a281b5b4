"""A year the delivery table does not cover is looked for in the text before it is refused: the
report's table gives 2025, its sentence after the table gives 2024."""

from __future__ import annotations

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from tests.unit.answer.indexing import indexed

REPORT = (
    "Progress Report, January to June 2025\n\n4. Financial delivery\n\n"
    "Output\tAnnual budget 2025 (USD)\tExpenditure 1 January – 30 June 2025 (USD)\tDelivery (% of annual budget)\n"
    "Output 1 – Climate information services\t335,000\t184,250\t55.0%\n"
    "Output 2 – Irrigation infrastructure\t1,230,000\t455,100\t37.0%\n"
    "Total (excluding GMS)\t1,565,000\t639,350\t40.9%\n\n"
    "Expenditure figures are provisional. In 2024 the project spent USD 861,300 of its budget of USD 920,000.\n"
)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    home = tmp_path_factory.mktemp("delivery") / "home"
    store = indexed(home, {"progress-report-2025.txt": REPORT})
    return Assistant(Settings(home=home, embedding_model="hashing"), store)


def test_a_year_the_table_lacks_is_answered_by_the_sentence_that_gives_it(assistant: Assistant) -> None:
    answer = assistant.ask("How much did the project spend in 2024?")
    assert not answer.refused and "861,300" in answer.answer


def test_a_year_neither_gives_is_refused_with_the_years_the_tables_cover(assistant: Assistant) -> None:
    answer = assistant.ask("How much did the project spend in 2023?")
    assert answer.refused and "2025 only" in answer.answer and "861,300" not in answer.answer

"""Overview questions a newcomer asks, and the cited project brief, on the sample corpus."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from assistant.answer.assistant import Assistant
from assistant.cli.main import cli
from assistant.core.settings import Settings

pytestmark = pytest.mark.slow


def test_implementing_partner_and_funding_are_cited(assistant: Assistant) -> None:
    a = assistant.ask("Who is the implementing partner of the project?")
    assert not a.refused and "Agency of the Republic of Kazakhstan for Civil Service Affairs" in a.answer
    b = assistant.ask("Who funds the project?")
    assert not b.refused and "4,300,000" in b.answer
    assert all(c.quote for c in a.citations + b.citations)


def test_what_is_the_project_about_quotes_its_description(assistant: Assistant) -> None:
    a = assistant.ask("What is this project about?")
    assert not a.refused and "three main pillars" in a.answer


def test_a_complete_new_question_is_not_rewritten(assistant: Assistant) -> None:
    first = "What were the 2022 targets for indicator 2.3?"
    a = assistant.ask("Who is the implementing partner?", history=[first])
    assert "Civil Service Affairs" in a.answer and "1,000" not in a.answer


def test_brief_command_prints_a_cited_brief(corpus_settings: Settings) -> None:
    result = CliRunner().invoke(cli, ["--home", str(corpus_settings.home), "brief", "--project", "00123513"])
    assert result.exit_code == 0, result.output
    assert "## Implementing partner" in result.stdout and "Civil Service Affairs" in result.stdout
    assert "[^1]: acsh-phase3-project-document.txt" in result.stdout

"""Every command documents itself, and bad input gets a one-line error."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli


def _commands() -> list[str]:
    return sorted(cli.commands)


@pytest.mark.parametrize("command", [[], *[[c] for c in _commands()]])
def test_every_help(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_ask_needs_a_question() -> None:
    result = CliRunner().invoke(cli, ["ask"])
    assert result.exit_code == 2 and "give a QUESTION or --batch FILE" in result.output


def test_ask_on_an_empty_home_refuses() -> None:
    result = CliRunner().invoke(cli, ["ask", "--json", "What is the budget?"])
    assert result.exit_code == 0, result.output
    assert '"refused": true' in result.stdout


def test_remove_unknown_document_is_a_clear_error() -> None:
    result = CliRunner().invoke(cli, ["remove", "nope.txt"])
    assert result.exit_code == 1 and "nope.txt is not in the index" in result.output

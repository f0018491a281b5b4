"""Shared fixtures: every test writes under its own tmp home; the corpus is ingested once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PRODOC = CORPUS / "acsh-phase3-project-document.txt"
QA_REPORT = CORPUS / "acsh-phase2-closure-qa-report.txt"

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("PROJDOCS_HOME", str(home))
    monkeypatch.delenv("PROJDOCS_CHROMA_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory):
    """Settings of a home holding the whole corpus, ingested once per test session."""
    from assistant.core.settings import Settings
    from ingest.pipeline import ingest_paths

    settings = Settings(home=tmp_path_factory.mktemp("corpus-home"))
    summary = ingest_paths([CORPUS], settings)
    assert not summary.failed, summary.failed
    return settings


@pytest.fixture(scope="session")
def assistant(corpus_settings):
    from assistant.answer.assistant import Assistant

    return Assistant(corpus_settings)

"""The public API a user scripts against: ``from assistant import Assistant, Settings, ingest, draft``."""

from __future__ import annotations

import subprocess
import sys

import pytest

import assistant


def test_public_names_resolve_to_the_real_objects() -> None:
    from assistant.answer.assistant import Assistant
    from assistant.core.types import Citation
    from ingest.pipeline import ingest_paths

    assert assistant.Assistant is Assistant and assistant.Citation is Citation and assistant.ingest is ingest_paths
    assert set(assistant.__all__) >= {"Assistant", "Settings", "Answer", "Citation", "ingest", "draft"}


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = assistant.nothing  # type: ignore[attr-defined]


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = "import sys, assistant; print(sorted(m for m in ('torch', 'chromadb', 'gradio') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"

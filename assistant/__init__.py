"""ProjectDocs Assistant: cited answers from project documents.

The public Python API (loaded on first use, so ``import assistant`` stays instant)::

    from assistant import Assistant, Settings, ingest, draft

    settings = Settings(home="~/projdocs-home")
    ingest(["corpus/"], settings)
    answer = Assistant(settings).ask("What were the 2022 targets for indicator 2.3?")
    for c in answer.citations:
        print(c.source, c.location, c.quote)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = ["Answer", "Assistant", "Citation", "Location", "Settings", "__version__", "draft", "ingest"]

if TYPE_CHECKING:
    from assistant.answer.assistant import Assistant
    from assistant.core.settings import Settings
    from assistant.core.types import Answer, Citation, Location
    from assistant.drafting.drafter import draft
    from ingest.pipeline import ingest_paths as ingest

_WHERE = {
    "Assistant": ("assistant.answer.assistant", "Assistant"),
    "Settings": ("assistant.core.settings", "Settings"),
    "Answer": ("assistant.core.types", "Answer"),
    "Citation": ("assistant.core.types", "Citation"),
    "Location": ("assistant.core.types", "Location"),
    "draft": ("assistant.drafting.drafter", "draft"),
    "ingest": ("ingest.pipeline", "ingest_paths"),
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    import importlib

    module, attr = _WHERE[name]
    return getattr(importlib.import_module(module), attr)

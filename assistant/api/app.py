"""The FastAPI application: ``/api/...`` and the OpenAI-compatible ``/v1/...``.

``create_api(settings)`` builds it; ``projdocs serve`` mounts the web app beside it
(``ui.server``) and passes the web app's backend as ``services`` so that both share one
store, one assistant (one embedding model in memory) and one upload queue.
"""

from __future__ import annotations

import threading
from typing import Any

from fastapi import FastAPI

from assistant.access.login import Authenticator
from assistant.api.uploads import UploadLimits, Uploads
from assistant.core.settings import Settings
from assistant.store.database import Store


class Services:
    """What the routes need: settings, the store, a lazily made assistant, the uploads."""

    def __init__(self, settings: Settings, limits: UploadLimits | None = None) -> None:
        self.settings = settings
        self.store = Store(settings)
        self.uploads = Uploads(settings, self.store, limits)
        self._assistant: Any = None
        self._lock = threading.Lock()

    @property
    def assistant(self) -> Any:
        with self._lock:
            if self._assistant is None:
                from assistant.answer.assistant import Assistant

                self._assistant = Assistant(self.settings, self.store)
            return self._assistant


def create_api(
    settings: Settings,
    *,
    authenticator: Authenticator | None = None,
    services: Any = None,
    limits: UploadLimits | None = None,
) -> FastAPI:
    """The API over one home; ``services`` defaults to a new ``Services``."""
    from assistant import __version__
    from assistant.api import openai_compat, routes
    from assistant.api.auth import caller_dependency

    services = services or Services(settings, limits)
    authenticator = authenticator or Authenticator(settings.home)
    app = FastAPI(
        title="ProjectDocs Assistant API",
        version=__version__,
        description=(
            "Cited answers from project documents. Every endpoint acts for the caller (HTTP Basic with "
            "the users file, or a Bearer API key) and sees only the documents of the caller's projects; "
            "a document outside them answers 404."
        ),
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    get_caller = caller_dependency(authenticator)
    app.include_router(routes.router(services, get_caller))
    app.include_router(openai_compat.router(services, get_caller))
    return app

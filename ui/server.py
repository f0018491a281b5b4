"""``projdocs serve``: the web app and the HTTP API on one port, on loopback by default.

The FastAPI application of ``assistant.api`` (``/api/...``, ``/v1/...``, docs at ``/api/docs``)
gets the Gradio app mounted at ``/``. One ASGI middleware passes the client address to the
login check (``ui.auth.CLIENT_ADDRESS``: throttling per address) and tightens the login
cookies to ``SameSite=Strict``. With no login configured, binding a non-loopback address is
refused unless ``allow_open`` (then it is served with a warning).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import threading
import time
from typing import Any

from assistant.access.login import Authenticator
from assistant.api.uploads import UploadLimits
from assistant.core.errors import ConfigError
from assistant.core.settings import Settings
from ui.auth import CLIENT_ADDRESS, gradio_auth

logger = logging.getLogger(__name__)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class ClientAddress:
    """ASGI middleware: the client address for the login check; strict login cookies."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        token = CLIENT_ADDRESS.set(client[0] if client else None)
        login = scope.get("path", "").rstrip("/") == "/login"

        async def send_strict(message: Any) -> None:
            if login and message["type"] == "http.response.start":
                headers = []
                for name, value in message.get("headers", []):
                    if name.lower() == b"set-cookie":
                        value = value.replace(b"SameSite=none", b"SameSite=strict")
                        value = value.replace(b"SameSite=lax", b"SameSite=strict")
                        if b"samesite" not in value.lower():
                            value += b"; SameSite=strict"
                    headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_strict)
        finally:
            CLIENT_ADDRESS.reset(token)


def build_server_app(settings: Settings, limits: UploadLimits | None = None) -> Any:
    """The FastAPI application with the Gradio app mounted at ``/``."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gradio as gr

    from assistant.api.app import create_api
    from ui.app import Backend, build_app, theme_and_css
    from ui.theme import JS

    authenticator = Authenticator(settings.home)
    auth = gradio_auth(authenticator)  # PROJDOCS_AUTH / PROJDOCS_AUTH_FILE; None: no login
    backend = Backend(settings, limits)
    # embed the records' labels now, not on the first question (seconds at a country office's scale)
    threading.Thread(target=_warm, args=(backend,), name="projdocs-warm", daemon=True).start()
    api = create_api(settings, authenticator=authenticator, services=backend)
    blocks = build_app(settings, backend)
    blocks.queue(default_concurrency_limit=2)
    theme, css = theme_and_css()
    api.add_middleware(ClientAddress)
    return gr.mount_gradio_app(
        api,
        blocks,
        path="/",
        auth=auth,
        auth_message="ProjectDocs Assistant: sign in" if auth else None,
        allowed_paths=[],  # nothing under the home is served by path: drafts go out as cache copies
        max_file_size=int(min(settings.max_file_mb, backend.uploads.limits.max_file_mb) * 2**20),
        ssr_mode=False,
        mcp_server=False,
        footer_links=["settings"],
        run_history=False,
        show_error=True,
        theme=theme,
        css=css,
        js=JS,
    )


def _warm(backend: Any) -> None:
    try:
        backend.assistant.warm()
    except Exception:  # a server without a model or an index still starts; questions will say why
        logger.exception("warming the assistant failed")


class Server:
    """A running server (``close()`` stops it)."""

    def __init__(self, server: Any, thread: threading.Thread | None) -> None:
        self._server = server
        self._thread = thread

    def close(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=30)


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7860,
    *,
    block: bool = True,
    limits: UploadLimits | None = None,
    allow_open: bool = False,
) -> Server:
    """Serve the web app and the API; ``block=False`` returns once the server is listening."""
    import uvicorn

    if not is_loopback(host) and not Authenticator(settings.home).login_required:
        if not allow_open:
            raise ConfigError(
                f"refusing to serve {host} with no login: anyone who can reach it could read every document",
                hint="set PROJDOCS_AUTH_FILE (see projdocs access --help), or pass --allow-open",
            )
        logger.warning("serving %s with no login: everyone who reaches it sees every document", host)
    app = build_server_app(settings, limits)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    if block:
        print(f"ProjectDocs Assistant on http://{host}:{port}/  (API docs: http://{host}:{port}/api/docs)")
        server.run()
        return Server(server, None)
    thread = threading.Thread(target=server.run, name="projdocs-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise ConfigError(f"the server did not start on {host}:{port}")
        time.sleep(0.05)
    return Server(server, thread)

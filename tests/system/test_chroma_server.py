"""The same ingest and answers against a real Chroma server (``chroma run``) on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from assistant.answer.assistant import Assistant
from assistant.core.settings import Settings
from ingest.pipeline import ingest_paths
from tests.conftest import QA_REPORT

pytestmark = [pytest.mark.slow, pytest.mark.server]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def chroma_server(tmp_path: Path):
    chroma = Path(sys.executable).with_name("chroma")
    port = _free_port()
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("chroma run exited early") from None
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("chroma run did not answer within 60 s")
    yield url
    proc.terminate()
    proc.wait(timeout=20)


def test_ingest_and_ask_through_a_chroma_server(chroma_server: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PROJDOCS_CHROMA_URL", chroma_server)
    settings = Settings(home=tmp_path / "home")
    assert settings.chroma_url == chroma_server
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(QA_REPORT, folder / QA_REPORT.name)
    summary = ingest_paths([folder], settings)
    assert summary.added == [QA_REPORT.name]
    assert not settings.chroma_path.exists()  # vectors went to the server, not the embedded store

    assistant = Assistant(settings)
    assert assistant.store.collection.count() == summary.chunks_written
    a = assistant.ask("What share of participants were female?")
    assert not a.refused and "51 per cent" in a.answer
    assert ingest_paths([folder], settings).unchanged == [QA_REPORT.name]

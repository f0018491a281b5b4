"""``/v1/chat/completions`` driven by the official ``openai`` client against a real server:
one answer, one streamed answer, a follow-up conversation and a refusal; quotes are verbatim."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.helpers import free_port

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def base_url(corpus_settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.core.settings import Settings
    from ui.server import serve

    home = tmp_path_factory.mktemp("openai-home") / "home"
    shutil.copytree(corpus_settings.home, home, ignore=shutil.ignore_patterns("*.lock"))
    port = free_port()
    server = serve(Settings(home=home), port=port, block=False)
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        server.close()


def _verbatim(citations: list[dict[str, str]]) -> None:
    from tests.conftest import CORPUS

    assert citations
    for c in citations:
        assert c["quote"] in (CORPUS / c["source"]).read_text(encoding="utf-8"), c


def test_answer_stream_follow_up_and_refusal_with_the_openai_client(base_url: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=base_url, api_key="not-needed")
    assert "projdocs" in [m.id for m in client.models.list().data]

    question = "What were the 2022 targets for indicator 2.3?"
    reply = client.chat.completions.create(model="projdocs", messages=[{"role": "user", "content": question}])
    message = reply.choices[0].message
    assert "1,000" in (message.content or "") and "[1]" in (message.content or "")
    assert "\n\nSources:\n[1] acsh-phase3-project-document.txt" in (message.content or "")
    citations = (message.model_extra or {})["citations"]
    _verbatim(citations)
    assert any("1,000 50% women" in c["quote"] for c in citations)

    stream = client.chat.completions.create(
        model="projdocs", messages=[{"role": "user", "content": question}], stream=True
    )
    parts, streamed_citations = [], []
    for chunk in stream:
        delta = chunk.choices[0].delta
        parts.append(delta.content or "")
        streamed_citations += (delta.model_extra or {}).get("citations") or []
    assert "".join(parts) == message.content  # the same answer, sources included
    assert streamed_citations == citations

    follow = client.chat.completions.create(
        model="projdocs",
        messages=[
            {"role": "user", "content": question},
            {"role": "assistant", "content": message.content or ""},
            {"role": "user", "content": "And for 2023?"},
        ],
    )
    text = follow.choices[0].message.content or ""
    assert "Year 3 (2023)" in text and "1,000" in text
    _verbatim((follow.choices[0].message.model_extra or {})["citations"])

    refusal = client.chat.completions.create(
        model="projdocs", messages=[{"role": "user", "content": "Who won the football world cup in 1998?"}]
    )
    refused = refusal.choices[0].message
    assert re.match(r"Not found in the documents", refused.content or "")
    assert (refused.model_extra or {})["refused"] is True and (refused.model_extra or {})["citations"] == []


def test_bearer_keys_and_project_scoping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import openai
    from fastapi.testclient import TestClient

    from assistant.access.keys import create_key
    from assistant.api.app import create_api
    from assistant.core.settings import Settings
    from ingest.pipeline import ingest_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "qa2.txt").write_text("Atlas Project Number: 00108694\n\nPhase 2 built 30 wells. Next: 00123513.\n")
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([docs], settings).failed
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\n")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    _, key = create_key(settings.home, "alice")
    http = TestClient(create_api(settings))
    client = openai.OpenAI(base_url="http://testserver/v1", api_key=key, http_client=http)
    reply = client.chat.completions.create(
        model="projdocs", messages=[{"role": "user", "content": "How many wells did phase 2 build?"}]
    )
    assert (reply.choices[0].message.model_extra or {})["citations"] == []  # bob's document: not alice's
    with pytest.raises(openai.AuthenticationError):
        openai.OpenAI(base_url="http://testserver/v1", api_key="pd-wrong", http_client=http).models.list()

"""The HTTP API (``assistant.api``) with two users on two projects, through FastAPI's test client:
neither can list, read, answer from, remove or upload into the other's documents, including one
that mentions the other's project number; ``POST /api/ask`` is the ``ask --json`` object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.access.keys import create_key
from assistant.core.settings import Settings

ALICE = ("alice", "a-pw")
BOB = ("bob", "b-pw")


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    from ingest.pipeline import ingest_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p3.txt").write_text(
        "Atlas Project Number: 00123513\n\nThe phase 3 project built 40 wells in the valley.\n"
    )
    (docs / "qa2.txt").write_text(
        "Atlas Project Number: 00108694\n\nThe phase 2 project built 30 wells. Its successor is project 00123513.\n"
    )
    settings = Settings(home=tmp_path / "home", embedding_model="hashing")
    assert not ingest_paths([docs], settings).failed
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\nbob:b-pw:00108694\nroot:r-pw:*\n")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    monkeypatch.setenv("PROJDOCS_EMBEDDING_MODEL", "hashing")
    return settings


def _client(settings: Settings) -> TestClient:
    from assistant.api.app import create_api

    return TestClient(create_api(settings))


def test_login_is_required_and_keys_work(home: Settings) -> None:
    client = _client(home)
    assert client.get("/api/documents").status_code == 401
    assert client.get("/api/documents").headers["www-authenticate"].startswith("Basic")
    assert client.get("/api/documents", auth=("alice", "wrong")).status_code == 401
    _, key = create_key(home.home, "alice")
    me = client.get("/api/me", headers={"Authorization": f"Bearer {key}"}).json()
    assert me == {"user": "alice", "admin": False, "projects": ["123513"]}
    assert client.get("/api/me", headers={"Authorization": "Bearer pd-nope"}).status_code == 401
    assert client.get("/api/openapi.json").status_code == 200 and client.get("/api/docs").status_code == 200


def test_each_user_sees_reads_and_answers_from_only_their_projects(home: Settings) -> None:
    client = _client(home)
    assert [d["source"] for d in client.get("/api/documents", auth=ALICE).json()] == ["p3.txt"]
    assert [d["source"] for d in client.get("/api/documents", auth=BOB).json()] == ["qa2.txt"]
    assert len(client.get("/api/documents", auth=("root", "r-pw")).json()) == 2
    assert client.get("/api/documents/qa2.txt", auth=ALICE).status_code == 404  # mentions 00123513: not hers
    assert client.get("/api/documents/qa2.txt/text", auth=ALICE).status_code == 404
    assert client.get("/api/documents/nothing.txt", auth=ALICE).status_code == 404  # the same answer
    assert "40 wells" in client.get("/api/documents/p3.txt/text", auth=ALICE).text
    for user, other in ((ALICE, "qa2.txt"), (BOB, "p3.txt")):
        answer = client.post("/api/ask", auth=user, json={"question": "How many wells were built?"}).json()
        assert {c["source"] for c in answer["citations"]} <= {"p3.txt", "qa2.txt"} - {other}
        asked = {"question": "How many wells were built?", "filters": {"sources": [other]}}
        answer = client.post("/api/ask", auth=user, json=asked).json()
        assert answer["refused"] and answer["citations"] == []
    assert client.delete("/api/documents/qa2.txt", auth=ALICE).status_code == 404
    assert client.post("/api/documents/qa2.txt/projects", auth=ALICE, json={"project": "00123513"}).status_code == 404
    assert client.post("/api/documents/p3.txt/projects", auth=ALICE, json={"project": "00108694"}).status_code == 403
    assert client.get("/api/documents/qa2.txt", auth=BOB).status_code == 200
    assert client.get("/api/facts?kind=indicators", auth=ALICE).status_code == 200


def test_an_upload_stays_in_the_uploaders_project(home: Settings) -> None:
    client = _client(home)
    note = b"Atlas Project Number: 00108694\n\nPlanted note: project 00108694 spent 9 dollars on wells.\n"
    files = [("files", ("planted.txt", note, "text/plain")), ("files", ("qa2.txt", note, "text/plain"))]
    out = client.post("/api/documents", auth=ALICE, files=files).json()
    assert [o["ok"] for o in out] == [True, True]
    assert out[1]["source"] != "qa2.txt"  # bob's name is taken: alice's copy gets another
    assert [d["source"] for d in client.get("/api/documents", auth=BOB).json()] == ["qa2.txt"]
    mine = {d["source"]: d for d in client.get("/api/documents", auth=ALICE).json()}
    assert mine["planted.txt"]["projects"] == ["123513"] and mine["planted.txt"]["owner"] == "alice"
    answer = client.post("/api/ask", auth=BOB, json={"question": "How much was spent on wells?"}).json()
    assert all(c["source"] == "qa2.txt" for c in answer["citations"])
    into_bobs = client.post("/api/documents", auth=ALICE, files=files[:1], data={"project": "00108694"}).json()
    assert into_bobs[0]["ok"] is False and "no access" in into_bobs[0]["detail"]
    assert client.delete("/api/documents/planted.txt", auth=BOB).status_code == 404
    assert client.delete("/api/documents/planted.txt", auth=ALICE).status_code == 204
    assert not list((home.home / "uploads").glob("*/planted.txt"))  # our copy went with it


def test_upload_limits(home: Settings) -> None:
    from assistant.api.app import create_api
    from assistant.api.uploads import UploadLimits

    client = TestClient(create_api(home, limits=UploadLimits(max_text_mb=0.001, max_request_mb=0.01)))
    big = ("files", ("big.txt", b"x" * 5000, "text/plain"))
    out = client.post("/api/documents", auth=ALICE, files=[big]).json()
    assert out[0]["ok"] is False and "at most" in out[0]["detail"]
    huge = ("files", ("huge.txt", b"x" * 200_000, "text/plain"))
    assert client.post("/api/documents", auth=ALICE, files=[huge]).status_code == 413
    exe = ("files", ("tool.exe", b"MZ", "application/octet-stream"))
    assert "unsupported file type" in client.post("/api/documents", auth=ALICE, files=[exe]).json()[0]["detail"]


def test_ask_is_the_ask_json_object(home: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from assistant.cli.main import cli

    monkeypatch.delenv("PROJDOCS_AUTH_FILE")  # single-user mode: everything visible
    question = "How many wells did the phase 3 project build?"
    got = _client(home).post("/api/ask", json={"question": question}).json()
    result = CliRunner().invoke(cli, ["--home", str(home.home), "ask", "--json", question])
    assert result.exit_code == 0, result.output
    assert got == json.loads(result.stdout)


def test_documents_of_one_name_in_two_folders_are_read_and_removed_by_their_paths(home: Settings) -> None:
    from ingest.pipeline import ingest_paths

    docs = home.home.parent / "more"
    for year, wells in (("2021", 12), ("2022", 14)):
        (docs / year).mkdir(parents=True)
        (docs / year / "p3.txt").write_text(f"Atlas Project Number: 00123513\n\nIn {year} it built {wells} wells.\n")
    assert ingest_paths([docs], home).added == ["2021/p3.txt", "2022/p3.txt"]
    client = _client(home)
    mine = sorted(d["source"] for d in client.get("/api/documents", auth=ALICE).json())
    assert mine == ["2021/p3.txt", "2022/p3.txt", "p3.txt"]
    assert "12 wells" in client.get("/api/documents/2021/p3.txt/text", auth=ALICE).text
    assert client.get("/api/documents/2022/p3.txt", auth=ALICE).json()["source"] == "2022/p3.txt"
    assert client.delete("/api/documents/2021/p3.txt", auth=ALICE).status_code == 204
    left = sorted(d["source"] for d in client.get("/api/documents", auth=ALICE).json())
    assert left == ["2022/p3.txt", "p3.txt"]

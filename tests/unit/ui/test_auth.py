"""The web app's login and per-user views (``ui.auth`` over ``assistant.access``): each user
sees, searches, removes, re-indexes and drafts from only the documents of their projects."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.access.users import hash_password
from assistant.core.settings import Settings
from assistant.store.database import Filters

PROJECTS = {"p3.txt": "000123513", "other.txt": "00055555"}


def _home_with_two_projects(home: Path, mention: bool = False) -> Settings:
    """Two documents of two projects written straight to the store (no model: zero vectors);
    with ``mention``, other.txt also names project 00123513 (a mention is not membership)."""
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document

    settings = Settings(home=home, embedding_model="hashing")
    store = Store(settings)
    for name, number in PROJECTS.items():
        path = home.parent / name
        extra = "\n\nThe earlier phase was project 00123513.\n" if mention and name == "other.txt" else ""
        path.write_text(f"Project report\n\nAtlas Project Number: {number}\n\nThe project built 12 wells.\n{extra}")
        doc = load_document(path)
        assert doc.project_number == number
        chunks = chunk_document(doc, [])
        store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], [])
    return settings


class FakeRequest:
    def __init__(self, username: str | None) -> None:
        self.username = username


def test_app_shows_and_searches_only_the_users_projects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import Backend

    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\nroot:r-pw:*\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    backend = Backend(_home_with_two_projects(tmp_path / "home", mention=True))
    seen: list[Filters] = []

    class FakeAssistant:
        def ask_stream(self, question, history, filters):  # type: ignore[no-untyped-def]
            seen.append(filters)
            yield "x"

    backend._assistant = FakeAssistant()

    def values(request: FakeRequest | None) -> list[str]:
        return [value for _, value in backend.filter_choices(request)[0]]  # type: ignore[arg-type]

    assert values(FakeRequest("alice")) == ["", "000123513"]
    assert "other.txt" not in str(backend.filter_choices(FakeRequest("alice")))  # type: ignore[arg-type]
    assert values(FakeRequest("root")) == ["", "000123513", "00055555"]
    assert values(None) == [""]  # no user known: nothing to choose

    list(backend.answer_stream("wells?", [], "", "", FakeRequest("alice")))  # type: ignore[arg-type]
    list(backend.answer_stream("wells?", [], "00055555", "", FakeRequest("alice")))  # type: ignore[arg-type]
    list(backend.answer_stream("wells?", [], "", "", FakeRequest("root")))  # type: ignore[arg-type]
    assert seen[0] == Filters(sources=("p3.txt",))  # other.txt mentions 00123513: still not alice's
    assert seen[1] == Filters(sources=("p3.txt",), project_number="00055555")  # both must hold: nothing does
    assert seen[2] == Filters()
    assert backend.header_status(FakeRequest("alice")).startswith("1 document indexed")  # type: ignore[arg-type]

    monkeypatch.delenv("PROJDOCS_AUTH_FILE")
    assert values(None) == ["", "000123513", "00055555"]  # no login configured: everything


def test_login_is_required_throttled_and_the_cookie_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import httpx

    from ui.server import serve

    users = tmp_path / "users.txt"
    users.write_text(f"alice:{hash_password('a-pw')}:00123513\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = serve(Settings(home=tmp_path / "home", embedding_model="hashing"), port=port, block=False)
    try:
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(timeout=30) as client:
            assert client.get(f"{url}/gradio_api/login_check").status_code == 401
            assert client.post(f"{url}/login", data={"username": "mallory", "password": "a-pw"}).status_code == 400
            ok = client.post(f"{url}/login", data={"username": "alice", "password": "a-pw"})
            assert ok.status_code == 200
            cookies = ok.headers.get_list("set-cookie")
            assert cookies and all("HttpOnly" in c and "SameSite=strict" in c for c in cookies)
            assert client.get(f"{url}/gradio_api/login_check").status_code == 200
        with httpx.Client(timeout=30) as client:
            codes = [
                client.post(f"{url}/login", data={"username": "alice", "password": "no"}).status_code for _ in range(12)
            ]
            assert codes[:10] == [400] * 10 and codes[10:] == [429, 429]  # 10 failures, then refused
            locked = client.post(f"{url}/login", data={"username": "alice", "password": "a-pw"})
            assert locked.status_code == 429 and int(locked.headers["retry-after"]) > 0  # even the right one
    finally:
        app.close()


def test_a_non_loopback_address_with_no_login_is_refused(tmp_path: Path) -> None:
    from assistant.core.errors import ConfigError
    from ui.server import is_loopback, serve

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    with pytest.raises(ConfigError, match="no login"):
        serve(Settings(home=tmp_path / "home"), host="0.0.0.0", port=1, block=False)


def test_documents_facts_reindex_and_drafting_show_only_the_users_projects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables
    from ui import drafting_ui
    from ui.app import Backend

    home = tmp_path / "home"
    settings = Settings(home=home, embedding_model="hashing")
    store = Store(settings)
    for name, number in PROJECTS.items():
        path = tmp_path / name
        path.write_text(
            f"Project report\n\nAtlas Project Number: {number}\n\n**Efficient**\n\n**Quality Rating: Exemplary**\n"
            "Phase one was project 000123513.\n",
            encoding="utf-8",
        )
        doc = load_document(path)
        records = recognise_tables(doc)
        chunks = chunk_document(doc, records)
        store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\nbob:b-pw:00055555\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    backend = Backend(settings)
    alice, bob = FakeRequest("alice"), FakeRequest("bob")

    assert list(backend.documents_table(alice)["Document"]) == ["p3.txt"]  # type: ignore[arg-type]
    assert list(backend.documents_table(bob)["Document"]) == ["other.txt"]  # type: ignore[arg-type]
    assert {r["source"] for r in backend.visible_records("qa_section", alice)} <= {"p3.txt"}  # type: ignore[arg-type]
    removed = backend.remove("other.txt", alice)  # type: ignore[arg-type]
    assert removed[0] == "other.txt is not in the index." and store.document("other.txt") is not None
    status, line, *_ = backend.reindex(request=alice)  # type: ignore[arg-type]
    assert list(status["File"]) == ["p3.txt"]  # bob's file is neither re-read nor named
    picked = drafting_ui.choices(backend, request=alice)  # type: ignore[arg-type]
    assert [v for _, v in picked[0]["choices"]] == ["000123513"]
    assert picked[1]["choices"] == ["p3.txt"]
    refused = drafting_ui.run(backend, "00055555", [], [], ["1"], request=alice)  # type: ignore[arg-type]
    assert refused[2] == "That project or document is not in the index."

    # drafts and exports are kept per user and handed out as unguessable copies
    _, status_line = drafting_ui.save_edits(backend, "000123513", "my text", alice)  # type: ignore[arg-type]
    assert (home / "drafts" / "alice").is_dir() and not (home / "drafts" / "bob").exists()
    assert len(list((home / "drafts" / "alice").iterdir())) == 1
    assert "Saved" in status_line


def test_an_upload_goes_to_the_uploaders_project_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.app import Backend

    settings = _home_with_two_projects(tmp_path / "home")
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\nbob:b-pw:00055555\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    backend = Backend(settings)
    client = tmp_path / "client"
    client.mkdir()
    # alice's note carries bob's number, and takes the name of bob's document
    (client / "other.txt").write_text("Atlas Project Number: 00055555\n\nPlanted: the budget is 9 dollars.\n")
    status, *_ = backend.upload([str(client / "other.txt")], "", request=FakeRequest("alice"))  # type: ignore[arg-type]
    row = status.values.tolist()[0]
    assert row[1] == "ok" and row[0] != "other.txt" and "the name is taken" in row[2]
    assert backend.store.document("other.txt").project_number == "00055555"  # type: ignore[union-attr]
    assert "Planted" not in (backend.store.document_text("other.txt") or "")  # bob's document untouched
    bob_sees = [d.source for d in backend.visible_documents(FakeRequest("bob"))]  # type: ignore[arg-type]
    alice_sees = [d.source for d in backend.visible_documents(FakeRequest("alice"))]  # type: ignore[arg-type]
    assert bob_sees == ["other.txt"] and row[0] in alice_sees
    refused, *_ = backend.upload([str(client / "other.txt")], "00055555", request=FakeRequest("alice"))  # type: ignore[arg-type]
    assert refused.values.tolist()[0][1:] == ["failed", "you have no access to project 00055555"]

"""Web-app access (``ui.auth``): users from the environment or a users file, hashed
passwords, and the projects each user may see. Pure functions: fast, no Gradio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.errors import ConfigError
from assistant.core.settings import Settings
from assistant.store.database import Filters, StoredDocument
from ui.auth import (
    NO_SOURCE,
    allowed_projects,
    check_login,
    gradio_auth,
    hash_password,
    load_users,
    parse_users_file,
    project_allowed,
    restrict_filters,
    verify_password,
)


def stored(source: str, project: str, related: tuple[str, ...] = ()) -> StoredDocument:
    return StoredDocument(
        source=source,
        path=f"/docs/{source}",
        kind="text",
        sha256="0" * 64,
        index_name="projdocs-x",
        title=source,
        doc_type="document",
        project_number=project,
        related_projects=related,
        period=None,
        pages=None,
        n_chunks=1,
        ingested_at=0.0,
    )


@pytest.mark.parametrize("method", ["scrypt", "pbkdf2"])
def test_hashes_verify_and_are_salted(method: str) -> None:
    first, second = hash_password("pä:ss,word", method), hash_password("pä:ss,word", method)
    assert first != second and ":" not in first
    assert first.startswith({"scrypt": "scrypt$", "pbkdf2": "pbkdf2_sha256$"}[method])
    assert verify_password("pä:ss,word", first) and verify_password("pä:ss,word", second)
    assert not verify_password("pä:ss,wore", first) and not verify_password("", first)


def test_plain_and_damaged_secrets() -> None:
    assert verify_password("secret", "secret") and not verify_password("secret", "Secret")
    with pytest.raises(ConfigError, match="malformed"):
        verify_password("x", "scrypt$16384$8$oops")


def test_no_configuration_means_no_login_and_every_project() -> None:
    assert load_users({}) is None and gradio_auth({}) is None
    assert allowed_projects("anyone", {}) is None and allowed_projects(None, {}) is None
    assert not check_login("anyone", "x", {})


def test_users_from_the_environment() -> None:
    env = {"PROJDOCS_AUTH": "alice:secret, bob:pa:ss"}
    auth = gradio_auth(env)
    assert auth is not None
    assert auth("alice", "secret") and auth("bob", "pa:ss")
    assert not auth("alice", "wrong") and not auth("carol", "secret") and not auth("", "")
    assert allowed_projects("alice", env) is None  # users from the environment see every project
    assert allowed_projects("carol", env) == set()  # an unknown user sees nothing
    with pytest.raises(ConfigError, match="entry 2 is not name:password"):
        load_users({"PROJDOCS_AUTH": "alice:secret,bob"})
    with pytest.raises(ConfigError, match="given twice"):
        load_users({"PROJDOCS_AUTH": "alice:a,alice:b"})


def test_users_file_with_hashes_plain_passwords_and_projects(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text(
        "# name:secret:projects\n\n"
        f"alice:{hash_password('alice-pw')}:00123513, 00098765\n"
        f"bob:{hash_password('bob-pw', 'pbkdf2')}:*\n"
        "carol:carol-pw\n"
        "dave:dave-pw:\n",
        encoding="utf-8",
    )
    env = {"PROJDOCS_AUTH_FILE": str(users), "PROJDOCS_AUTH": "erin:erin-pw"}
    assert sorted(load_users(env) or {}) == ["alice", "bob", "carol", "dave", "erin"]
    for name in ("alice", "bob", "carol", "dave", "erin"):
        assert check_login(name, f"{name}-pw", env)
        assert not check_login(name, "wrong", env)
    assert allowed_projects("alice", env) == {"00123513", "00098765"}
    assert allowed_projects("bob", env) is None and allowed_projects("carol", env) is None
    assert allowed_projects("dave", env) is None and allowed_projects("erin", env) is None
    assert allowed_projects("mallory", env) == set() and allowed_projects(None, env) == set()

    auth = gradio_auth(env)
    assert auth is not None and auth("alice", "alice-pw")
    users.write_text("bob:bob-pw\n", encoding="utf-8")  # alice taken out: read again at each login
    assert not auth("alice", "alice-pw") and auth("bob", "bob-pw")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("alice\n", "line 1: expected name:secret:projects"),
        ("# ok\nalice:a:b:c\n", "line 2: expected name:secret:projects"),
        (":secret\n", "line 1: expected name:secret:projects"),
        ("alice:a\nalice:b\n", "line 2: user 'alice' is given twice"),
    ],
)
def test_users_file_mistakes_name_the_line(tmp_path: Path, content: str, message: str) -> None:
    users = tmp_path / "users.txt"
    users.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        parse_users_file(users)
    assert str(info.value).startswith(f"{users}, {message}")


def test_missing_users_file_and_a_name_in_both(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the users file"):
        load_users({"PROJDOCS_AUTH_FILE": str(tmp_path / "nope.txt")})
    users = tmp_path / "users.txt"
    users.write_text("alice:x\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="in both"):
        load_users({"PROJDOCS_AUTH_FILE": str(users), "PROJDOCS_AUTH": "alice:y"})


def test_filters_narrowed_to_the_allowed_projects() -> None:
    docs = [stored("p3.docx", "000123513"), stored("qa.txt", "00098765", ("00123513",)), stored("other.pdf", "555555")]
    assert project_allowed("000123513", {"00123513"}) and not project_allowed("555555", {"00123513"})
    assert restrict_filters(Filters(), None, docs) == Filters()
    assert restrict_filters(Filters(), {"00123513"}, docs).sources == ("p3.docx", "qa.txt")  # a related phase counts
    narrowed = restrict_filters(Filters(sources=("qa.txt", "other.pdf"), doc_type="qa_report"), {"00123513"}, docs)
    assert narrowed == Filters(sources=("qa.txt",), doc_type="qa_report")
    assert restrict_filters(Filters(), set(), docs).sources == (NO_SOURCE,)  # nothing visible, not everything


def test_hash_helper_command() -> None:
    code = "import getpass, ui.auth as a; getpass.getpass = lambda prompt='': 'pw'; raise SystemExit(a.main(['hash']))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert verify_password("pw", out.stdout.strip())


# the web app's wiring -----------------------------------------------------------------------
PROJECTS = {"p3.txt": "000123513", "other.txt": "00055555"}


def _home_with_two_projects(home: Path) -> Settings:
    """Two documents of two projects written straight to the store (no model: zero vectors)."""
    from assistant.core.settings import Settings
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document

    settings = Settings(home=home)
    store = Store(settings)
    for name, number in PROJECTS.items():
        path = home.parent / name
        path.write_text(f"Project report\n\nAtlas Project Number: {number}\n\nThe project built 12 wells.\n")
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
    backend = Backend(_home_with_two_projects(tmp_path / "home"))
    seen: list[Filters] = []

    class FakeAssistant:
        def ask_stream(self, question, history, filters):  # type: ignore[no-untyped-def]
            seen.append(filters)
            yield "x"

    backend._assistant = FakeAssistant()

    def values(request: FakeRequest | None) -> list[str]:
        return [value for _, value in backend.filter_choices(request)[0]]  # type: ignore[arg-type]

    assert values(FakeRequest("alice")) == ["", "000123513"]
    assert values(FakeRequest("root")) == ["", "000123513", "00055555"]
    assert values(None) == [""]  # no user known: nothing to choose

    list(backend.answer_stream("wells?", [], "", "", FakeRequest("alice")))  # type: ignore[arg-type]
    list(backend.answer_stream("wells?", [], "00055555", "", FakeRequest("alice")))  # type: ignore[arg-type]
    list(backend.answer_stream("wells?", [], "", "", FakeRequest("root")))  # type: ignore[arg-type]
    assert seen[0] == Filters(sources=("p3.txt",))
    assert seen[1] == Filters(sources=("p3.txt",), project_number="00055555")  # both must hold: nothing does
    assert seen[2] == Filters()

    monkeypatch.delenv("PROJDOCS_AUTH_FILE")
    assert values(None) == ["", "000123513", "00055555"]  # no login configured: everything


def test_login_is_required_when_configured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    import httpx

    from assistant.core.settings import Settings
    from ui.app import launch

    users = tmp_path / "users.txt"
    users.write_text(f"alice:{hash_password('a-pw')}:00123513\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = launch(Settings(home=tmp_path / "home"), port=port, block=False)
    try:
        url = f"http://127.0.0.1:{port}"
        with httpx.Client(timeout=30) as client:
            assert client.get(f"{url}/gradio_api/login_check").status_code == 401
            assert client.post(f"{url}/login", data={"username": "alice", "password": "wrong"}).status_code == 400
            assert client.post(f"{url}/login", data={"username": "mallory", "password": "a-pw"}).status_code == 400
            assert client.post(f"{url}/login", data={"username": "alice", "password": "a-pw"}).status_code == 200
            assert client.get(f"{url}/gradio_api/login_check").status_code == 200
    finally:
        app.close()


def test_documents_facts_and_drafting_show_only_the_users_projects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.core.settings import Settings
    from assistant.store.database import Store
    from ingest.chunking import chunk_document
    from ingest.loaders import load_document
    from ingest.tables import recognise_tables
    from ui import drafting_ui
    from ui.app import Backend

    home = tmp_path / "home"
    settings = Settings(home=home)
    store = Store(settings)
    for name, number in PROJECTS.items():
        path = tmp_path / name
        path.write_text(
            f"Project report\n\nAtlas Project Number: {number}\n\n**Efficient**\n\n**Quality Rating: Exemplary**\n",
            encoding="utf-8",
        )
        doc = load_document(path)
        records = recognise_tables(doc)
        chunks = chunk_document(doc, records)
        store.write_document(doc, chunks, [[1.0] + [0.0] * 383 for _ in chunks], records)
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\n", encoding="utf-8")
    monkeypatch.setenv("PROJDOCS_AUTH_FILE", str(users))
    backend = Backend(settings)
    alice = FakeRequest("alice")

    assert list(backend.documents_table(alice)["Document"]) == ["p3.txt"]  # type: ignore[arg-type]
    assert {r["source"] for r in backend.visible_records("qa_section", alice)} == {"p3.txt"}  # type: ignore[arg-type]
    removed = backend.remove("other.txt", alice)  # type: ignore[arg-type]
    assert removed[0] == "other.txt is not in the index." and store.document("other.txt") is not None
    picked = drafting_ui.choices(backend, request=alice)  # type: ignore[arg-type]
    assert [v for _, v in picked[0]["choices"]] == ["000123513"]
    assert picked[1]["choices"] == ["p3.txt"]
    refused = drafting_ui.run(backend, "00055555", [], [], ["1"], request=alice)  # type: ignore[arg-type]
    assert refused[2] == "That project or document is not in the index."

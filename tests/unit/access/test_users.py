"""Users (``assistant.access.users``): the environment or a users file, hashed passwords, and
the projects each user may see (``policy.caller_for``). Pure functions: fast, no Gradio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.access.login import Authenticator
from assistant.access.policy import NO_SOURCE, Caller, caller_for, restrict_filters
from assistant.access.users import hash_password, load_users, parse_users_file, verify_password
from assistant.core.errors import ConfigError
from assistant.store.database import Filters, StoredDocument
from ui.auth import check_login, gradio_auth


def allowed_projects(name: str | None, env: dict[str, str]) -> set[str] | None:
    projects = caller_for(name, env).projects
    return None if projects is None else set(projects)


def auth_for(env: dict[str, str], tmp: Path = Path("/nonexistent")):  # type: ignore[no-untyped-def]
    return gradio_auth(Authenticator(tmp, env))


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
    assert load_users({}) is None and auth_for({}) is None
    assert allowed_projects("anyone", {}) is None and allowed_projects(None, {}) is None
    assert not check_login("anyone", "x", {})


def test_users_from_the_environment() -> None:
    env = {"PROJDOCS_AUTH": "alice:secret, bob:pa:ss"}
    auth = auth_for(env)
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
    assert allowed_projects("alice", env) == {"123513", "98765"}  # compared without leading zeros
    assert allowed_projects("bob", env) is None and allowed_projects("carol", env) is None
    assert allowed_projects("dave", env) is None and allowed_projects("erin", env) is None
    assert allowed_projects("mallory", env) == set() and allowed_projects(None, env) == set()

    auth = auth_for(env)
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


def test_filters_narrowed_to_the_callers_projects_never_to_a_mentioned_one() -> None:
    docs = [stored("p3.docx", "000123513"), stored("qa.txt", "00098765", ("00123513",)), stored("other.pdf", "555555")]
    alice = Caller("alice", frozenset({"123513"}))
    assert alice.may_use_project("000123513") and not alice.may_use_project("555555")
    assert restrict_filters(Filters(), Caller.single_user(), docs) == Filters()
    assert restrict_filters(Filters(), alice, docs).sources == ("p3.docx",)  # qa.txt only mentions 00123513
    narrowed = restrict_filters(Filters(sources=("p3.docx", "other.pdf"), doc_type="qa_report"), alice, docs)
    assert narrowed == Filters(sources=("p3.docx",), doc_type="qa_report")
    assert restrict_filters(Filters(), Caller("x", frozenset()), docs).sources == (NO_SOURCE,)  # nothing, not all


def test_hash_helper_command() -> None:
    code = "import getpass, ui.auth as a; getpass.getpass = lambda prompt='': 'pw'; raise SystemExit(a.main(['hash']))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert verify_password("pw", out.stdout.strip())

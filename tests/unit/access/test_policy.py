"""Visibility (``assistant.access.policy``), throttling and API keys: a document belongs to the
projects its owner chose, never to one it mentions; links need access to both projects."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assistant.access import policy
from assistant.access.keys import create_key, key_user, load_keys, revoke_key
from assistant.access.login import Authenticator
from assistant.access.policy import AccessDenied, Caller
from assistant.access.throttle import LoginThrottle, Throttled
from assistant.core.settings import Settings
from assistant.store.database import Filters, Store, matches_project

ALICE = Caller("alice", frozenset({"123513"}))
BOB = Caller("bob", frozenset({"108694"}))


def _store(home: Path) -> Store:
    from ingest.pipeline import ingest_paths

    docs = home.parent / "docs"
    docs.mkdir(parents=True)
    (docs / "p3.txt").write_text("Atlas Project Number: 00123513\n\nPhase 3 built 40 wells.\n")
    (docs / "qa2.txt").write_text(
        "Atlas Project Number: 00108694\n\nPhase 2 built 30 wells. Its successor is project 00123513.\n"
    )
    settings = Settings(home=home, embedding_model="hashing")
    assert not ingest_paths([docs], settings).failed
    return Store(settings)


def test_a_mention_is_not_membership_and_links_are_explicit(tmp_path: Path) -> None:
    store = _store(tmp_path / "home")
    qa2 = store.document("qa2.txt")
    assert qa2 is not None and "00123513" in qa2.related_projects
    assert not matches_project(qa2, "00123513") and matches_project(qa2, "108694")
    assert [d.source for d in policy.visible_documents(store, ALICE)] == ["p3.txt"]
    assert [d.source for d in policy.visible_documents(store, BOB)] == ["qa2.txt"]
    assert len(policy.visible_documents(store, Caller.single_user())) == 2
    hits = store.keyword_search("wells", 10, Filters(project_number="00123513"))
    assert {store.chunks([i])[i].location.source for i, _ in hits} == {"p3.txt"}
    with pytest.raises(AccessDenied, match="not in the index"):
        policy.find_document(store, ALICE, "qa2.txt")  # the same words as for a missing one
    with pytest.raises(AccessDenied):
        policy.link(store, ALICE, "qa2.txt", "00123513")  # alice cannot see it
    with pytest.raises(AccessDenied):
        policy.link(store, BOB, "qa2.txt", "00123513")  # bob has no access to 00123513
    both = Caller("carol", frozenset({"123513", "108694"}))
    linked = policy.link(store, both, "qa2.txt", "00123513")
    assert linked.member_projects == ("108694", "123513")
    assert [d.source for d in policy.visible_documents(store, ALICE)] == ["p3.txt", "qa2.txt"]
    hits = store.keyword_search("wells", 10, Filters(project_number="123513"))
    assert {store.chunks([i])[i].location.source for i, _ in hits} == {"p3.txt", "qa2.txt"}
    policy.unlink(store, both, "qa2.txt", "123513")
    assert [d.source for d in policy.visible_documents(store, ALICE)] == ["p3.txt"]
    store.remove_document("qa2.txt")
    assert store.query("SELECT * FROM document_projects WHERE source = 'qa2.txt'") == []


def test_upload_projects_and_names(tmp_path: Path) -> None:
    store = _store(tmp_path / "home")
    assert policy.upload_project(ALICE, "", "00108694") == "123513"  # its number is not hers: her project
    assert policy.upload_project(ALICE, "", "000123513") == "123513"
    with pytest.raises(AccessDenied):
        policy.upload_project(ALICE, "00108694", "")
    assert policy.upload_name(store, ALICE, "qa2.txt") != "qa2.txt"  # taken by bob's document
    assert policy.upload_name(store, BOB, "qa2.txt") == "qa2.txt"  # his own: an update
    assert policy.claim(store, ALICE, "new.txt") and not policy.claim(store, ALICE, "p3.txt")


def test_an_old_home_gets_the_access_tables(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    con = sqlite3.connect(home / "projdocs.sqlite3")
    con.execute("CREATE TABLE documents (source TEXT PRIMARY KEY, path TEXT NOT NULL)")
    con.commit()
    con.close()
    store = Store(Settings(home=home))
    assert store.query("SELECT COUNT(*) AS n FROM document_projects")[0]["n"] == 0


def test_throttle_after_ten_failures_with_backoff_then_the_right_password_works() -> None:
    now = [1000.0]
    throttle = LoginThrottle(max_failures=10, window_s=300, lockout_s=30, clock=lambda: now[0])
    for _ in range(9):
        throttle.failed("alice", "10.0.0.7")
    throttle.check("alice", "10.0.0.7")  # nine: still allowed
    throttle.failed("alice", "10.0.0.7")
    with pytest.raises(Throttled):
        throttle.check("alice", "10.0.0.9")  # the user, from any address
    with pytest.raises(Throttled):
        throttle.check("bob", "10.0.0.7")  # the address, for any user
    throttle.check("bob", "10.0.0.9")
    now[0] += 31
    throttle.check("alice", "10.0.0.7")
    throttle.failed("alice", "10.0.0.7")  # the 11th failure doubles the lockout
    now[0] += 31
    with pytest.raises(Throttled) as info:
        throttle.check("alice", None)
    assert 0 < info.value.retry_after <= 30
    now[0] += 30
    throttle.succeeded("alice", "10.0.0.7")
    throttle.check("alice", "10.0.0.7")


def test_authenticator_refuses_while_locked_and_accepts_after_the_window(tmp_path: Path) -> None:
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\n")
    now = [0.0]
    auth = Authenticator(tmp_path, {"PROJDOCS_AUTH_FILE": str(users)}, LoginThrottle(clock=lambda: now[0]))
    for _ in range(10):
        assert auth.password("alice", "wrong", "10.0.0.7") is None
    with pytest.raises(Throttled):
        auth.password("alice", "a-pw", "10.0.0.8")
    now[0] += 301
    found = auth.password("alice", "a-pw", "10.0.0.7")
    assert found == Caller("alice", frozenset({"123513"}))


def test_api_keys_are_hashed_act_as_their_user_and_can_be_revoked(tmp_path: Path) -> None:
    record, secret = create_key(tmp_path, "alice")
    assert secret.startswith("pd-") and secret not in (tmp_path / "api-keys.txt").read_text()
    assert key_user(tmp_path, secret) == "alice" and key_user(tmp_path, secret + "x") is None
    users = tmp_path / "users.txt"
    users.write_text("alice:a-pw:00123513\n")
    auth = Authenticator(tmp_path, {"PROJDOCS_AUTH_FILE": str(users)})
    assert auth.api_key(secret) == Caller("alice", frozenset({"123513"}))
    users.write_text("bob:b-pw:*\n")  # alice left: her key no longer works
    assert auth.api_key(secret) is None
    assert revoke_key(tmp_path, record.id) and load_keys(tmp_path) == []

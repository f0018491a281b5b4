"""Conversations saved per user: ``<home>/conversations.sqlite3``, apart from the index.

A conversation is a title and its turns (each a question and the ``Answer`` given, with its
citations and their exact places), plus the questions as read in context (the ``history`` the
assistant takes for follow-ups). Every read and write names the user: a user never reaches
another user's conversation, whatever id it sends. The index database is left alone, so
re-ingesting or repairing it never touches conversations.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.core.types import Answer, Citation, Location

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    user TEXT NOT NULL,
    title TEXT NOT NULL,
    turns TEXT NOT NULL,      -- JSON: [{"question", "answer": Answer as JSON | null, "text"}]
    history TEXT NOT NULL,    -- JSON: the questions as read in context
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_user ON conversations(user, updated_at);
"""
TITLE_CHARS = 80


@dataclass
class Turn:
    """One question and what came back: an ``Answer``, or a message that is not one (``text``)."""

    question: str
    answer: Answer | None = None
    text: str = ""  # "no documents yet", an error: shown, not an answer

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "answer": answer_to_json(self.answer), "text": self.text}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Turn:
        return cls(str(raw.get("question", "")), answer_from_json(raw.get("answer")), str(raw.get("text", "")))


@dataclass
class Conversation:
    id: str
    user: str
    title: str
    turns: list[Turn] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    created_at: float = 0.0
    updated_at: float = 0.0


def answer_to_json(answer: Answer | None) -> dict[str, Any] | None:
    """An ``Answer`` as JSON that ``answer_from_json`` reads back exactly (places included)."""
    if answer is None:
        return None
    return {
        "answer": answer.answer,
        "refused": answer.refused,
        "notes": list(answer.notes),
        "citations": [{"source": c.source, "quote": c.quote, "place": asdict(c.place)} for c in answer.citations],
    }


def answer_from_json(raw: dict[str, Any] | None) -> Answer | None:
    if not raw:
        return None
    citations = []
    for c in raw.get("citations", []):
        place = dict(c["place"])
        if place.get("bbox") is not None:
            place["bbox"] = tuple(place["bbox"])
        citations.append(Citation(source=c["source"], quote=c["quote"], place=Location(**place)))
    return Answer(
        answer=raw["answer"], refused=bool(raw["refused"]), citations=citations, notes=list(raw.get("notes", []))
    )


def title_for(question: str) -> str:
    """A conversation's first title: its first question, cut at a word."""
    text = " ".join(question.split())
    if len(text) <= TITLE_CHARS:
        return text or "Conversation"
    return text[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


class Conversations:
    """The conversations of every user of one home; each method acts only on ``user``'s."""

    def __init__(self, home: Path) -> None:
        self.path = Path(home) / "conversations.sqlite3"
        self._lock = threading.Lock()
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30)
        con.row_factory = sqlite3.Row
        if not self._ready:
            with self._lock:
                con.executescript(SCHEMA)
                self._ready = True
        return con

    def _run(self, sql: str, params: tuple[Any, ...]) -> list[sqlite3.Row]:
        con = self._connect()
        try:
            with con:
                return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def list(self, user: str) -> list[Conversation]:
        """The user's conversations, most recently updated first (without their turns)."""
        rows = self._run(
            "SELECT id, user, title, created_at, updated_at FROM conversations WHERE user = ? "
            "ORDER BY updated_at DESC, created_at DESC",
            (user,),
        )
        return [Conversation(r["id"], r["user"], r["title"], [], [], r["created_at"], r["updated_at"]) for r in rows]

    def get(self, user: str, conversation_id: str) -> Conversation | None:
        rows = self._run("SELECT * FROM conversations WHERE id = ? AND user = ?", (conversation_id or "", user))
        if not rows:
            return None
        r = rows[0]
        turns = [Turn.from_json(t) for t in json.loads(r["turns"])]
        return Conversation(
            r["id"], r["user"], r["title"], turns, json.loads(r["history"]), r["created_at"], r["updated_at"]
        )

    def latest(self, user: str) -> Conversation | None:
        listed = self.list(user)
        return self.get(user, listed[0].id) if listed else None

    def save(self, user: str, conversation: Conversation) -> Conversation:
        """Write ``conversation`` for ``user`` (a new id when it has none, or when the id is
        another user's: nothing of theirs is overwritten)."""
        now = time.time()
        if not conversation.id or self._owner(conversation.id) not in (None, user):
            conversation.id = uuid.uuid4().hex
        if not conversation.created_at:
            conversation.created_at = now
        conversation.user = user
        conversation.updated_at = now
        if not conversation.title:
            conversation.title = title_for(conversation.turns[0].question if conversation.turns else "")
        self._run(
            "INSERT INTO conversations VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "title = excluded.title, turns = excluded.turns, history = excluded.history, "
            "updated_at = excluded.updated_at WHERE conversations.user = excluded.user",
            (
                conversation.id,
                user,
                conversation.title,
                json.dumps([t.to_json() for t in conversation.turns]),
                json.dumps(conversation.history),
                conversation.created_at,
                conversation.updated_at,
            ),
        )
        return conversation

    def _owner(self, conversation_id: str) -> str | None:
        rows = self._run("SELECT user FROM conversations WHERE id = ?", (conversation_id,))
        return str(rows[0]["user"]) if rows else None

    def rename(self, user: str, conversation_id: str, title: str) -> bool:
        title = " ".join(title.split())[:200]
        if not title:
            return False
        con = self._connect()
        try:
            with con:
                cur = con.execute(
                    "UPDATE conversations SET title = ? WHERE id = ? AND user = ?", (title, conversation_id, user)
                )
                return cur.rowcount > 0
        finally:
            con.close()

    def delete(self, user: str, conversation_id: str) -> bool:
        con = self._connect()
        try:
            with con:
                cur = con.execute("DELETE FROM conversations WHERE id = ? AND user = ?", (conversation_id, user))
                return cur.rowcount > 0
        finally:
            con.close()

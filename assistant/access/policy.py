"""Who may see, link, upload to and remove which documents: the rules, in one place.

A document belongs to the projects its owner chose: the project an upload was made to, or any
project an explicit link added (made by someone with access to the document and to that
project). A document ingested without a login (``projdocs ingest``) belongs to its own project
number. A project a document merely mentions never counts. A caller sees the documents of its
projects; an administrator (``*`` in the users file) and the single user of a home with no
login configured see everything.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.access.users import load_users
from assistant.core.errors import ProjdocsError
from assistant.core.text import project_key
from assistant.store.database import Filters, Store, StoredDocument

NO_SOURCE = "\x00no document"  # a source no document has: a filter that lets nothing through


class AccessDenied(ProjdocsError):
    """The caller may not do this (surfaces answer 404 for documents: existence is not confirmed)."""


@dataclass(frozen=True)
class Caller:
    """Who is asking: a user name and the project keys it may see (None: every project)."""

    name: str
    projects: frozenset[str] | None

    @property
    def admin(self) -> bool:
        return self.projects is None

    @classmethod
    def single_user(cls) -> Caller:
        """The caller of a home with no login configured (and of the command line)."""
        return cls("", None)

    def may_use_project(self, number: str) -> bool:
        return self.projects is None or (bool(project_key(number)) and project_key(number) in self.projects)


def caller_for(name: str | None, environ: Mapping[str, str] | None = None) -> Caller:
    """The ``Caller`` for a logged-in user name; with no login configured, the single user.
    An unknown name (or none while a login is configured) sees nothing."""
    users = load_users(environ)
    if users is None:
        return Caller.single_user()
    user = users.get(name or "")
    if user is None:
        return Caller(name or "", frozenset())
    if user.projects is None:
        return Caller(user.name, None)
    return Caller(user.name, frozenset(project_key(p) for p in user.projects if project_key(p)))


def can_see(caller: Caller, doc: StoredDocument) -> bool:
    return caller.admin or bool(set(doc.member_projects) & set(caller.projects or ()))


def visible_documents(store: Store, caller: Caller) -> list[StoredDocument]:
    return [d for d in store.documents() if can_see(caller, d)]


def find_document(store: Store, caller: Caller, source: str) -> StoredDocument:
    """The document ``source`` if the caller may see it; otherwise ``AccessDenied`` worded as
    "not in the index", whether or not it exists."""
    doc = store.document(source)
    if doc is None or not can_see(caller, doc):
        raise AccessDenied(f"{source} is not in the index")
    return doc


def restrict_filters(filters: Filters, caller: Caller, documents: Iterable[StoredDocument]) -> Filters:
    """``filters`` narrowed to the documents the caller may see (unchanged for an administrator)."""
    if caller.admin:
        return filters
    visible = [d.source for d in documents if can_see(caller, d)]
    if filters.sources:
        visible = [s for s in visible if s in filters.sources]
    return replace(filters, sources=tuple(visible) or (NO_SOURCE,))


def visible_projects(caller: Caller, documents: Iterable[StoredDocument]) -> list[str]:
    """Project keys of the visible documents that the caller may choose as a filter."""
    keys = {p for d in documents if can_see(caller, d) for p in d.member_projects}
    return sorted(k for k in keys if caller.projects is None or k in caller.projects)


# uploads and links --------------------------------------------------------------------------
def upload_name(store: Store, caller: Caller, name: str) -> str:
    """The name to store an upload under: ``name``, unless a document the caller may not see
    already has it (an upload never replaces, nor reveals, another project's document)."""
    existing = store.document(name)
    if existing is None or can_see(caller, existing):
        return name
    stem, dot, suffix = name.rpartition(".")
    return f"{stem or suffix}-{secrets.token_hex(3)}{dot}{suffix if stem else ''}"


def upload_project(caller: Caller, requested: str, detected: str) -> str:
    """The project an upload goes to: the one asked for (which must be the caller's), else the
    number the document carries when it is the caller's, else the caller's only (or first)
    project. "" for an administrator's upload with no number: it belongs to no project."""
    if requested:
        if not caller.may_use_project(requested):
            raise AccessDenied(f"you have no access to project {requested}")
        return project_key(requested)
    if detected and caller.may_use_project(detected):
        return project_key(detected)
    if caller.projects:
        return sorted(caller.projects)[0]
    if caller.admin:
        return project_key(detected)
    raise AccessDenied("you have no project to upload to")


def claim(store: Store, caller: Caller, source: str) -> bool:
    """Before ingesting an upload: record its uploader, so that until ``assign`` it belongs to no
    project. False (nothing done) when the document exists already: it keeps its projects."""
    if store.document(source) is not None:
        return False
    with store.db() as con:
        con.execute("INSERT OR REPLACE INTO document_owners VALUES (?,?,strftime('%s','now'))", (source, caller.name))
        con.execute("DELETE FROM document_projects WHERE source = ?", (source,))
    return True


def assign(store: Store, caller: Caller, source: str, project: str) -> None:
    """After ingesting a claimed upload: it belongs to ``project`` (none when "")."""
    if project:
        _add_project(store, source, project_key(project), caller.name)


def release(store: Store, source: str) -> None:
    """A claimed upload that failed: forget its owner row (there is no document)."""
    if store.document(source) is None:
        with store.db() as con:
            con.execute("DELETE FROM document_owners WHERE source = ?", (source,))
            con.execute("DELETE FROM document_projects WHERE source = ?", (source,))


def _add_project(store: Store, source: str, key: str, added_by: str) -> None:
    doc = store.document(source)
    with store.db() as con:
        if doc is not None and doc.projects is None:  # keep its own number explicitly, then add
            con.execute("INSERT OR IGNORE INTO document_owners VALUES (?,?,strftime('%s','now'))", (source, ""))
            for own in doc.member_projects:
                con.execute(
                    "INSERT OR IGNORE INTO document_projects VALUES (?,?,?,strftime('%s','now'))", (source, own, "")
                )
        con.execute(
            "INSERT OR IGNORE INTO document_projects VALUES (?,?,?,strftime('%s','now'))", (source, key, added_by)
        )


def link(store: Store, caller: Caller, source: str, project: str) -> StoredDocument:
    """Make a document the caller sees belong to ``project`` too (the caller needs both)."""
    find_document(store, caller, source)
    if not project_key(project) or not caller.may_use_project(project):
        raise AccessDenied(f"you have no access to project {project}")
    _add_project(store, source, project_key(project), caller.name)
    return find_document(store, Caller.single_user(), source)


def unlink(store: Store, caller: Caller, source: str, project: str) -> StoredDocument:
    """Take a document out of ``project`` (the caller needs access to both; a document's last
    project cannot be removed: remove the document instead)."""
    doc = find_document(store, caller, source)
    key = project_key(project)
    if not caller.may_use_project(project) or key not in doc.member_projects:
        raise AccessDenied(f"{source} is not linked to project {project}")
    if len(doc.member_projects) == 1:
        raise ProjdocsError(f"{project} is the only project of {source}", hint="remove the document instead")
    _add_project(store, source, key, caller.name)  # makes the rows explicit for a document of no owner
    with store.db() as con:
        con.execute("DELETE FROM document_projects WHERE source = ? AND project = ?", (source, key))
    return find_document(store, Caller.single_user(), source)


def user_folder(home: Path, caller: Caller, kind: str) -> Path:
    """``<home>/<kind>/<user>``: drafts and exports are kept per user ("_" for the single user)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in caller.name).strip(".") or "_"
    folder = home / kind / safe
    folder.mkdir(parents=True, exist_ok=True)
    return folder

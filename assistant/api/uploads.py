"""Uploads for every surface: size limits, a safe name, ownership, one ingest per user at a time.

Each file is copied to ``<home>/uploads/<uuid>/<name>`` (the index re-reads it on re-index),
claimed for its uploader before it is ingested (so it belongs to no project until ``assign``
gives it the chosen one), ingested on its own (the ingest lock is held per file, so one large
upload does not hold up other users between files), and the copy is removed when it failed.
The client's temporary file is deleted by the caller once this returns. A user's uploads run
one after the other; ``cancel`` stops that user's current upload before its next file.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.access import policy
from assistant.access.policy import AccessDenied, Caller
from assistant.core.settings import Settings
from assistant.store.database import Store

SUFFIXES = (".pdf", ".docx", ".txt", ".md")
TEXT_SUFFIXES = (".txt", ".md")
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class UploadLimits:
    """Upload limits (``projdocs serve --max-upload-mb/--max-text-mb/--max-request-mb``)."""

    max_file_mb: float = 20.0  # a PDF or DOCX
    max_text_mb: float = 2.0  # a TXT or MD file: every byte becomes passages to embed
    max_request_mb: float = 50.0  # all the files of one upload together
    max_files: int = 20

    def file_limit(self, name: str) -> float:
        return self.max_text_mb if name.lower().endswith(TEXT_SUFFIXES) else self.max_file_mb


@dataclass(frozen=True)
class Outcome:
    """What became of one uploaded file."""

    file: str  # the name the client gave
    source: str  # the name it is indexed under ("" when refused)
    ok: bool
    detail: str


def safe_name(name: str) -> str:
    """The client's file name reduced to a harmless one (no folders, no odd characters)."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^\w .,()+&-]+", "_", stem).strip(" ._-")[:120] or "upload"
    suffix = re.sub(r"[^A-Za-z0-9.]+", "", suffix.lower())[:10]
    return stem + suffix


def check_sizes(files: Sequence[tuple[str, Path]], limits: UploadLimits) -> list[Outcome]:
    """Refusals for files over the limits (empty when all may go on)."""
    total = sum(path.stat().st_size for _, path in files) / 2**20
    if len(files) > limits.max_files:
        return [Outcome(n, "", False, f"too many files at once (at most {limits.max_files})") for n, _ in files]
    if total > limits.max_request_mb:
        reason = f"the upload is {total:.1f} MB; at most {limits.max_request_mb:g} MB at once"
        return [Outcome(n, "", False, reason) for n, _ in files]
    return []


class Uploads:
    """Ingests uploads into one home for callers of any surface."""

    def __init__(self, settings: Settings, store: Store, limits: UploadLimits | None = None) -> None:
        self.settings = settings
        self.store = store
        self.limits = limits or UploadLimits()
        self._user_locks: dict[str, threading.Lock] = {}
        self._cancelled: set[str] = set()
        self._lock = threading.Lock()

    def cancel(self, caller: Caller) -> None:
        """Stop the caller's running upload before its next file."""
        with self._lock:
            self._cancelled.add(caller.name)

    def _user_lock(self, caller: Caller) -> threading.Lock:
        with self._lock:
            return self._user_locks.setdefault(caller.name, threading.Lock())

    def ingest(
        self,
        caller: Caller,
        files: Sequence[tuple[str, Path]],
        project: str = "",
        on_progress: Progress | None = None,
    ) -> list[Outcome]:
        """Ingest ``files`` ((client name, temporary path) pairs) into ``project`` (see
        ``policy.upload_project``); one ``Outcome`` per file, in order."""
        if project and not caller.may_use_project(project):
            return [Outcome(n, "", False, f"you have no access to project {project}") for n, _ in files]
        refused = check_sizes(files, self.limits)
        if refused:
            return refused
        with self._user_lock(caller):
            with self._lock:
                self._cancelled.discard(caller.name)
            out: list[Outcome] = []
            for done, (name, path) in enumerate(files):
                with self._lock:
                    stop = caller.name in self._cancelled
                if stop:
                    out.append(Outcome(name, "", False, "cancelled before it was read"))
                    continue
                if on_progress:
                    on_progress(name, done, len(files))
                out.append(self._one(caller, name, path, project))
            if on_progress:
                on_progress("", len(files), len(files))
            return out

    def _one(self, caller: Caller, client_name: str, path: Path, project: str) -> Outcome:
        from ingest.pipeline import ingest_paths

        name = safe_name(client_name)
        if not name.lower().endswith(SUFFIXES):
            return Outcome(client_name, "", False, f"unsupported file type (expected {', '.join(SUFFIXES)})")
        limit = min(self.limits.file_limit(name), float(self.settings.max_file_mb))
        size = path.stat().st_size / 2**20
        if size > limit:
            return Outcome(client_name, "", False, f"the file is {size:.1f} MB; at most {limit:g} MB for this type")
        name = policy.upload_name(self.store, caller, name)
        target = self.settings.home / "uploads" / uuid.uuid4().hex / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        claimed = policy.claim(self.store, caller, name)
        try:
            summary = ingest_paths([target], self.settings, names={target: name})
        except Exception:
            if claimed:
                policy.release(self.store, name)
            shutil.rmtree(target.parent, ignore_errors=True)
            raise
        if summary.failed:
            if claimed:
                policy.release(self.store, name)
            shutil.rmtree(target.parent, ignore_errors=True)
            return Outcome(client_name, "", False, summary.failed[0][1])
        doc = self.store.document(name)
        if claimed and doc is not None:
            try:
                policy.assign(self.store, caller, name, policy.upload_project(caller, project, doc.project_number))
            except AccessDenied as exc:
                self.store.remove_document(name)
                shutil.rmtree(target.parent, ignore_errors=True)
                return Outcome(client_name, "", False, str(exc))
        detail = "added" if name in summary.added else "updated: replaced the earlier version"
        if name in summary.unchanged:
            detail = "unchanged: already in the index"
        if name != safe_name(client_name):
            detail += f" (as {name}: the name is taken)"
        return Outcome(client_name, name, True, detail)

    def remove(self, caller: Caller, source: str) -> bool:
        """Remove a document the caller may see (``AccessDenied`` otherwise) and our copy of it."""
        from assistant.store.locking import ingest_lock

        doc = policy.find_document(self.store, caller, source)
        with ingest_lock(self.settings):
            removed = self.store.remove_document(source)
        uploads = (self.settings.home / "uploads").resolve()
        if Path(doc.path).resolve().parent.parent == uploads:  # our copy of an upload
            shutil.rmtree(Path(doc.path).resolve().parent, ignore_errors=True)
        return removed

    def reindex(self, caller: Caller, on_progress: Progress | None = None) -> list[Outcome]:
        """Re-ingest the caller's visible documents (changed files re-read, unchanged skipped)."""
        from ingest.pipeline import ingest_paths

        docs = policy.visible_documents(self.store, caller)
        out = []
        with self._user_lock(caller):
            for done, doc in enumerate(docs):
                if on_progress:
                    on_progress(doc.source, done, len(docs))
                summary = ingest_paths([Path(doc.path)], self.settings)
                if summary.failed:
                    out.append(Outcome(doc.source, doc.source, False, summary.failed[0][1]))
                elif summary.unchanged:
                    out.append(Outcome(doc.source, doc.source, True, "unchanged: already in the index"))
                else:
                    out.append(Outcome(doc.source, doc.source, True, "updated: re-read"))
            if on_progress:
                on_progress("", len(docs), len(docs))
        return out

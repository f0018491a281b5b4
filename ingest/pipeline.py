"""Ingest files into the index: hash, skip unchanged, load, recognise, chunk, embed, write.

One bad file never stops the others: its (path, reason) goes into the summary. A file's
chunks, vectors and records are written all or nothing (see ``assistant.store.database``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.core.errors import IngestError, ProjdocsError, StoreError
from assistant.core.settings import Settings
from assistant.core.text import file_sha256
from assistant.store.database import Store, crash_point
from assistant.store.embeddings import embedding_text, get_embedder
from ingest.chunking import chunk_document
from ingest.loaders import SUPPORTED, load_document
from ingest.tables import recognise_tables, table_period

logger = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (file, done, total)


@dataclass
class IngestSummary:
    """What an ingest did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    chunks_written: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def lines(self) -> list[str]:
        out = [
            f"added {len(self.added)}, updated {len(self.updated)}, unchanged {len(self.unchanged)}, "
            f"failed {len(self.failed)}; {self.chunks_written} chunks written"
        ]
        if not self.changed and not self.failed:
            out.append("nothing changed: the index is up to date")
        out += [f"failed: {path}: {reason}" for path, reason in self.failed]
        return out


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to ingest (folders walked, hidden files skipped) and paths that are not usable."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts):
                    if child.suffix.lower() in SUPPORTED:
                        files.append(child)
                    else:
                        problems.append((str(child), f"unsupported file type {child.suffix or '(none)'}"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append((str(path), "no such file or folder"))
    return files, problems


def ingest_one(path: Path, store: Store, settings: Settings, summary: IngestSummary) -> None:
    """Ingest one file into ``store``, recording the outcome in ``summary``."""
    existing = store.document(path.name)
    same_index = existing is not None and existing.index_name == settings.index_name
    if existing and same_index and existing.sha256 == file_sha256(path):
        summary.unchanged.append(path.name)
        return
    if existing and os.path.abspath(existing.path) != os.path.abspath(path):
        logger.info("%s replaces the document of the same name from %s", path, existing.path)
    doc = load_document(path, max_bytes=settings.max_file_mb * 1024 * 1024)
    if doc.period is None and (period := table_period(doc)):
        doc = replace(doc, period=period)  # the work plan's year columns give the project period
    records = recognise_tables(doc)
    embedder = get_embedder(settings.embedding_model)
    chunks = chunk_document(
        doc, records, settings.chunk_tokens, embedder.count_tokens, settings.chunk_overlap_sentences
    )
    reused = store.chunk_ids(doc.source) if same_index else set()
    todo = [c for c in chunks if c.id not in reused]
    vectors = embedder.embed([embedding_text(c.title, c.section, c.text) for c in todo])
    by_id = dict(zip((c.id for c in todo), vectors))
    store.write_document(doc, chunks, [by_id.get(c.id, []) for c in chunks], records, reused)
    summary.chunks_written += len(todo)
    (summary.updated if existing else summary.added).append(doc.source)


def ingest_paths(paths: Iterable[str | Path], settings: Settings, on_progress: Progress | None = None) -> IngestSummary:
    """Ingest files and folders; returns the summary (failures included, never raised)."""
    from assistant.store.locking import ingest_lock

    files, problems = collect_files(paths)
    summary = IngestSummary(failed=list(problems))
    with ingest_lock(settings):
        store = Store(settings)
        for done, path in enumerate(files, start=1):
            if on_progress:
                on_progress(path.name, done - 1, len(files))
            try:
                ingest_one(path, store, settings, summary)
            except IngestError as exc:
                summary.failed.append((exc.path, one_line(exc.reason)))
            except StoreError:
                raise
            except ProjdocsError as exc:
                summary.failed.append((str(path), one_line(str(exc))))
            except Exception as exc:  # a loader bug must not stop the other files
                logger.exception("unexpected error while ingesting %s", path)
                summary.failed.append((str(path), one_line(f"unexpected error: {type(exc).__name__}: {exc}")))
            crash_point("file")
        if not settings.chroma_url:  # a server's collection may be shared: see `projdocs doctor`
            if pruned := store.prune_orphan_vectors():
                logger.info("removed %d vectors left by an interrupted ingest", pruned)
        if on_progress:
            on_progress("", len(files), len(files))
    return summary


def one_line(reason: str, limit: int = 300) -> str:
    """A failure reason on one line, cut to ``limit`` characters (parser messages can be long)."""
    text = " ".join(reason.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Ingest files into the index: hash, skip unchanged, load, recognise, chunk, embed, write.

One bad file never stops the others: its (path, reason) goes into the summary. A file's
chunks, vectors and records are written all or nothing (see ``assistant.store.database``).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

from assistant.core.errors import IngestError, ProjdocsError, StoreError
from assistant.core.records import Record
from assistant.core.settings import Settings
from assistant.core.text import file_sha256
from assistant.core.types import Chunk, Document
from assistant.store.database import Store, StoredDocument, crash_point
from assistant.store.embeddings import embedding_text, get_embedder
from ingest.chunking import chunk_document
from ingest.loaders import SUPPORTED, load_document
from ingest.tables import recognise_tables, table_period

logger = logging.getLogger(__name__)

T = TypeVar("T")
Progress = Callable[[str, int, int], None]  # (file, done, total)


@dataclass
class IngestSummary:
    """What an ingest did."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    chunks_written: int = 0
    stage_s: dict[str, float] = field(default_factory=dict)  # seconds: hash, parse, tables, chunk, embed, write

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


def _walk(folder: Path) -> list[Path]:
    """Everything under ``folder`` but hidden files and folders, in path order. (``sorted(rglob)``
    compared Path objects: over half of an unchanged re-ingest of 14,000 files.)"""
    found: list[tuple[str, ...]] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        where = Path(root).relative_to(folder).parts
        found += [(*where, name) for name in names if not name.startswith(".")]
    return [folder.joinpath(*parts) for parts in sorted(found)]


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """The files to ingest (folders walked, hidden files skipped) and paths that are not usable."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in _walk(path):
                if child.is_file():
                    if child.suffix.lower() in SUPPORTED:
                        files.append(child)
                    else:
                        problems.append((str(child), f"unsupported file type {child.suffix or '(none)'}"))
        elif path.is_file():
            files.append(path)
        else:
            problems.append((str(path), "no such file or folder"))
    return files, problems


def source_names(
    files: Sequence[Path], known: Iterable[StoredDocument], fixed: Mapping[Path, str] | None = None
) -> dict[Path, str]:
    """Each file's source name, the key a document has in the home and in its citations.

    A file keeps the name its document has (matched by path); ``fixed`` names are kept as given
    (an upload replaces the document of its name). Any other file is known by its file name
    unless another file of the home or of this run has it: then by the shortest end of its
    path that no other file has ("2021/report.pdf"), so that two files of one name never
    replace each other. A name whose file is gone goes to the file that now has it (a moved
    folder re-ingested)."""
    by_path = {os.path.abspath(d.path): d.source for d in known}
    owner = {source: path for path, source in by_path.items()}
    names = {p: n for p in files if (n := (fixed or {}).get(p) or by_path.get(os.path.abspath(p)))}
    taken = set(owner) | set(names.values())
    new = list(dict.fromkeys(p for p in files if p not in names))
    for path in new:
        name = path.name
        moved = name in owner and not os.path.exists(owner[name]) and name not in names.values()
        others = [q for q in new if q != path and q.name == path.name]
        if others or (name in taken and not moved):
            for depth in range(2, len(Path(os.path.abspath(path)).parts) + 1):
                name = _tail(path, depth)
                if name not in taken and all(_tail(q, depth) != name for q in others):
                    break
        names[path] = name
        taken.add(name)
    return names


def _tail(path: Path, parts: int) -> str:
    """The last ``parts`` parts of the absolute path, "/"-joined."""
    return "/".join(Path(os.path.abspath(path)).parts[-parts:]).lstrip("/")


EMBED_BATCH = 512  # chunks embedded in one model call, across files (small files fill its batches)


@dataclass
class _Prepared:
    """A changed file read and chunked, waiting for its vectors."""

    doc: Document
    records: list[Record]
    chunks: list[Chunk]
    todo: list[Chunk]  # the chunks whose vectors must be computed
    reused: set[str]
    existing: StoredDocument | None


class _Clock:
    """Adds the seconds since the last tick to ``summary.stage_s[stage]``."""

    def __init__(self, summary: IngestSummary) -> None:
        self.summary, self.last = summary, time.perf_counter()

    def tick(self, stage: str) -> None:
        now = time.perf_counter()
        self.summary.stage_s[stage] = self.summary.stage_s.get(stage, 0.0) + now - self.last
        self.last = now


def prepare_one(
    path: Path,
    store: Store,
    settings: Settings,
    summary: IngestSummary,
    existing: StoredDocument | None,
    source: str | None = None,
) -> _Prepared | None:
    """Hash, load, recognise tables and chunk one file as ``source`` (default: its name); None
    (counted unchanged) when it is unchanged."""
    clock = _Clock(summary)
    same_index = existing is not None and existing.index_name == settings.index_name
    moved = existing is not None and os.path.abspath(existing.path) != os.path.abspath(path)
    unchanged = existing is not None and same_index and not moved and existing.sha256 == file_sha256(path)
    clock.tick("hash")
    if unchanged:
        summary.unchanged.append(existing.source if existing else path.name)
        return None
    if existing and moved:  # its manifest row is rewritten with the new path; its vectors are kept
        logger.info("%s replaces the document %s from %s", path, existing.source, existing.path)
    doc = load_document(path, max_bytes=settings.max_file_mb * 1024 * 1024, source=source)
    clock.tick("parse")
    if doc.period is None and (period := table_period(doc)):
        doc = replace(doc, period=period)  # the work plan's year columns give the project period
    records = recognise_tables(doc)
    clock.tick("tables")
    embedder = get_embedder(settings.embedding_model)
    chunks = chunk_document(
        doc, records, settings.chunk_tokens, embedder.count_tokens, settings.chunk_overlap_sentences
    )
    reused = store.chunk_ids(doc.source) if same_index else set()
    clock.tick("chunk")
    return _Prepared(doc, records, chunks, [c for c in chunks if c.id not in reused], reused, existing)


def _embed(batch: list[_Prepared], settings: Settings, summary: IngestSummary) -> list[list[list[float]]]:
    """The vectors of each prepared file's new chunks, embedded in one call for the whole batch."""
    clock = _Clock(summary)
    texts = [embedding_text(c.title, c.section, c.text) for p in batch for c in p.todo]
    vectors = get_embedder(settings.embedding_model).embed(texts) if texts else []
    clock.tick("embed")
    out, start = [], 0
    for p in batch:
        out.append(vectors[start : start + len(p.todo)])
        start += len(p.todo)
    return out


def _commit(p: _Prepared, store: Store, summary: IngestSummary) -> None:
    clock = _Clock(summary)
    store.commit_document(p.doc, p.chunks, p.records)
    clock.tick("write")
    summary.chunks_written += len(p.todo)
    (summary.updated if p.existing else summary.added).append(p.doc.source)


def _write_vectors(
    batch: list[_Prepared], vectors: list[list[list[float]]], store: Store, summary: IngestSummary
) -> None:
    """The batch's new vectors in one upsert: a Chroma call costs tens of milliseconds, so one per
    small file dominated ingest. Each file's rows are committed after, on their own."""
    clock = _Clock(summary)
    store.write_vectors([pair for p, v in zip(batch, vectors) for pair in zip(p.todo, v)])
    clock.tick("write")


def ingest_one(path: Path, store: Store, settings: Settings, summary: IngestSummary, source: str) -> None:
    """Ingest one file into ``store`` as the document ``source``, recording the outcome in ``summary``."""
    p = prepare_one(path, store, settings, summary, store.document(source), source)
    if p is not None:
        _write_vectors([p], _embed([p], settings, summary), store, summary)
        _commit(p, store, summary)


def ingest_paths(
    paths: Iterable[str | Path],
    settings: Settings,
    on_progress: Progress | None = None,
    names: Mapping[Path, str] | None = None,
) -> IngestSummary:
    """Ingest files and folders; returns the summary (failures included, never raised).
    Documents are told apart by path (``source_names``; ``names`` fixes some).

    Files are read and chunked one by one; their new chunks are embedded and their vectors
    written together, about ``EMBED_BATCH`` at a time (one model call and one Chroma call for many
    small files); then each file's rows are committed on its own, all or nothing, in the order
    given. Vectors of a file not committed are orphans, ignored by search and pruned below."""
    from assistant.store.locking import ingest_lock

    files, problems = collect_files(paths)
    summary = IngestSummary(failed=list(problems))
    with ingest_lock(settings):
        store = Store(settings)
        known = {d.source: d for d in store.documents()}  # read once: a lookup per file is O(files²)
        sources = source_names(files, known.values(), names)
        written: set[str] = set()  # their manifest rows changed in this run
        pending: list[tuple[Path, _Prepared | None]] = []  # in file order; None: done (unchanged, failed)

        def flush() -> None:
            todo = [p for _, p in pending if p is not None]
            vectors: list[list[list[float]]] = []
            if todo:
                try:
                    vectors = _embed(todo, settings, summary)
                except Exception as exc:  # the model failed: these files fail, the others go on
                    logger.exception("embedding failed")
                    summary.failed += [(str(path), one_line(f"embedding failed: {exc}")) for path, p in pending if p]
                    todo = []
            if todo:
                _write_vectors(todo, vectors, store, summary)  # a store failure is raised: it stops the ingest
            ready = {id(p) for p in todo}
            for path, p in pending:
                if p is not None and id(p) in ready:
                    _guarded(path, summary, partial(_commit, p, store, summary))
                    written.add(p.doc.source)
                crash_point("file")
            pending.clear()

        for done, path in enumerate(files, start=1):
            if on_progress:
                on_progress(path.name, done - 1, len(files))
            source = sources[path]
            if any(p is not None and p.doc.source == source for _, p in pending):
                flush()  # one file given twice, or two uploads of one name: the later one is written after
            existing = store.document(source) if source in written else known.get(source)
            step = partial(prepare_one, path, store, settings, summary, existing, source)
            prepared = _guarded(path, summary, step)
            pending.append((path, prepared))
            if sum(len(p.todo) for _, p in pending if p) >= EMBED_BATCH or all(p is None for _, p in pending):
                flush()
        flush()
        # vectors left by an earlier crash or by a file that failed here (a server's collection
        # may be shared: see `projdocs doctor`); listing every vector id costs about a second at
        # 100k chunks, so a run that wrote nothing leaves them (search ignores them) to the next
        if not settings.chroma_url and (summary.changed or summary.failed):
            if pruned := store.prune_orphan_vectors():
                logger.info("removed %d vectors left by an interrupted ingest", pruned)
        if on_progress:
            on_progress("", len(files), len(files))
    return summary


def _guarded(path: Path, summary: IngestSummary, step: Callable[[], T]) -> T | None:
    """One file's step; its failure goes into the summary and gives None (a store failure is raised)."""
    try:
        return step()
    except IngestError as exc:
        summary.failed.append((exc.path, one_line(exc.reason)))
    except StoreError:
        raise
    except ProjdocsError as exc:
        summary.failed.append((str(path), one_line(str(exc))))
    except Exception as exc:  # a loader bug must not stop the other files
        logger.exception("unexpected error while ingesting %s", path)
        summary.failed.append((str(path), one_line(f"unexpected error: {type(exc).__name__}: {exc}")))
    return None


def one_line(reason: str, limit: int = 300) -> str:
    """A failure reason on one line, cut to ``limit`` characters (parser messages can be long)."""
    text = " ".join(reason.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

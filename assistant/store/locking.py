"""One ingest at a time per home: a second one gets a clear message, not a corrupt index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from assistant.core.errors import StoreError
from assistant.core.settings import Settings


@contextmanager
def ingest_lock(settings: Settings, wait_seconds: float = 0.0) -> Iterator[None]:
    from filelock import FileLock, Timeout

    settings.home.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(settings.home / "ingest.lock"))
    try:
        lock.acquire(timeout=wait_seconds)
    except Timeout as exc:
        raise StoreError(
            f"another ingest is running on {settings.home}", hint="wait for it to finish, then run this again"
        ) from exc
    try:
        yield
    finally:
        lock.release()

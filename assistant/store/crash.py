"""A test-only hook that kills the process at an exact point of an ingest (crash-safety tests)."""

from __future__ import annotations

import os
import signal

_crash_counts: dict[str, int] = {}
_CRASH_AT = os.environ.get("PROJDOCS_TEST_CRASH_AT", "")  # read once: the hook is reached per file


def crash_point(stage: str) -> None:
    """Test-only: with ``PROJDOCS_TEST_CRASH_AT=<stage>:<n>`` the process kills itself
    (SIGKILL, no cleanup) the n-th time it reaches ``stage``, so that the crash-safety tests
    stop an ingest at an exact point. Stages: ``vectors`` (vectors written, SQLite not yet),
    ``commit`` (SQLite rows written, not committed), ``prune`` (committed, stale vectors
    not yet deleted), ``file`` (between two files). Unset, it does nothing."""
    name, _, count = _CRASH_AT.partition(":")
    if name != stage:
        return
    _crash_counts[stage] = _crash_counts.get(stage, 0) + 1
    if _crash_counts[stage] == int(count or 1):
        os.kill(os.getpid(), signal.SIGKILL)

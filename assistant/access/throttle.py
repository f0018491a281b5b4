"""Failed logins counted per user name and per client address, with an exponential backoff.

After ``max_failures`` failures within ``window_s`` for a user name or for an address, further
attempts for it are refused (without checking the password) until a lockout has passed; each
further failure doubles the lockout, up to ``max_lockout_s``. A success clears the user's and
the address's count. In memory, per server process: a restart forgets the counts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


class Throttled(Exception):
    """Too many failed logins: try again in ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"too many failed logins: try again in {int(retry_after) + 1} s")
        self.retry_after = retry_after


@dataclass
class _Count:
    failures: list[float] = field(default_factory=list)  # times of failures inside the window
    locked_until: float = 0.0


class LoginThrottle:
    """Counts failures for keys such as ``user:alice`` and ``addr:10.0.0.7``."""

    def __init__(
        self,
        max_failures: int = 10,
        window_s: float = 300.0,
        lockout_s: float = 30.0,
        max_lockout_s: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.lockout_s = lockout_s
        self.max_lockout_s = max_lockout_s
        self.clock = clock
        self._counts: dict[str, _Count] = {}
        self._lock = threading.Lock()

    @staticmethod
    def keys(user: str, address: str | None) -> list[str]:
        return ([f"user:{user}"] if user else []) + ([f"addr:{address}"] if address else [])

    def check(self, user: str, address: str | None) -> None:
        """Raise ``Throttled`` while the user name or the address is locked out."""
        now = self.clock()
        with self._lock:
            waits = [c.locked_until - now for k in self.keys(user, address) if (c := self._counts.get(k))]
        wait = max(waits, default=0.0)
        if wait > 0:
            raise Throttled(wait)

    def failed(self, user: str, address: str | None) -> None:
        now = self.clock()
        with self._lock:
            for key in self.keys(user, address):
                count = self._counts.setdefault(key, _Count())
                count.failures = [t for t in count.failures if now - t < self.window_s] + [now]
                over = len(count.failures) - self.max_failures
                if over >= 0:
                    count.locked_until = now + min(self.max_lockout_s, self.lockout_s * 2**over)
            if len(self._counts) > 100_000:  # a flood of made-up names: forget the stale ones
                self._counts = {k: c for k, c in self._counts.items() if c.locked_until > now}

    def succeeded(self, user: str, address: str | None) -> None:
        with self._lock:
            for key in self.keys(user, address):
                self._counts.pop(key, None)

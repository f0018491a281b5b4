"""One way to log in for every surface: a password (web app, HTTP Basic) or an API key (Bearer).

``Authenticator`` reads the users (``users.load_users``) on every attempt, so that a user taken
out of the file cannot log in any more, throttles failures (``throttle``) and answers a
``Caller`` (``policy``). Passwords and keys are compared in constant time.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from assistant.access.keys import key_user
from assistant.access.policy import Caller, caller_for
from assistant.access.throttle import LoginThrottle
from assistant.access.users import check_password, load_users

CACHE_S = 60.0  # a verified HTTP Basic password is not hashed again for this long


class Authenticator:
    """Checks passwords and API keys, with throttling per user name and per address."""

    def __init__(
        self, home: Path, environ: Mapping[str, str] | None = None, throttle: LoginThrottle | None = None
    ) -> None:
        self.home = home
        self.environ = environ
        self.throttle = throttle or LoginThrottle()
        self._verified: dict[str, float] = {}
        self._lock = threading.Lock()

    @property
    def login_required(self) -> bool:
        return load_users(self.environ) is not None

    def password(self, username: str, password: str, address: str | None = None) -> Caller | None:
        """The caller for a name and password, or None. Raises ``Throttled`` while locked out."""
        users = load_users(self.environ)
        if users is None:
            return Caller.single_user()
        username = username.strip()
        self.throttle.check(username, address)
        token = hashlib.sha256(f"{username}\x00{password}\x00{users.get(username)}".encode()).hexdigest()
        with self._lock:
            fresh = self._verified.get(token, 0.0) > time.monotonic()
        if not fresh and check_password(users, username, password) is None:
            self.throttle.failed(username, address)
            return None
        with self._lock:
            self._verified[token] = time.monotonic() + CACHE_S
        self.throttle.succeeded(username, address)
        return caller_for(username, self.environ)

    def api_key(self, secret: str, address: str | None = None) -> Caller | None:
        """The caller an API key acts for, or None (unknown key, or its user left the file)."""
        self.throttle.check("", address)  # keys: per address only
        user = key_user(self.home, secret)
        users = load_users(self.environ)
        if user is None or (users is not None and user not in users):
            self.throttle.failed("", address)
            return None
        return caller_for(user, self.environ) if users is not None else Caller(user, None)

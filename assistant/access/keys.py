"""API keys for clients that send only a key (``Authorization: Bearer pd-...``).

A key belongs to a user of the users file and acts with that user's projects (with no login
configured, a key acts as the single user). Keys live in ``<home>/api-keys.txt``, one per line
``id:user:sha256:created``; only the SHA-256 of the secret is kept (a key is 32 random bytes,
so a fast hash is enough). ``projdocs keys create USER`` prints a new key once.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from assistant.core.errors import ConfigError

PREFIX = "pd-"


@dataclass(frozen=True)
class ApiKey:
    id: str
    user: str
    digest: str
    created: float


def keys_path(home: Path) -> Path:
    return home / "api-keys.txt"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def load_keys(home: Path) -> list[ApiKey]:
    path = keys_path(home)
    if not path.exists():
        return []
    keys = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(":")
        if len(parts) != 4:
            raise ConfigError(f"{path}, line {number}: expected id:user:sha256:created")
        keys.append(ApiKey(parts[0], parts[1], parts[2], float(parts[3])))
    return keys


def _write(home: Path, keys: list[ApiKey]) -> None:
    path = keys_path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("# API keys: id:user:sha256 of the key:created (made by projdocs keys create)\n")
        out.writelines(f"{k.id}:{k.user}:{k.digest}:{k.created:.0f}\n" for k in keys)
    os.replace(tmp, path)


def create_key(home: Path, user: str) -> tuple[ApiKey, str]:
    """A new key for ``user``: (its record, the secret to hand over; it is not stored)."""
    if not user or ":" in user:
        raise ConfigError(f"not a user name: {user!r}")
    key_id = secrets.token_hex(4)
    secret = f"{PREFIX}{key_id}-{secrets.token_urlsafe(32)}"
    record = ApiKey(key_id, user, _digest(secret), time.time())
    _write(home, [*load_keys(home), record])
    return record, secret


def revoke_key(home: Path, key_id: str) -> bool:
    keys = load_keys(home)
    kept = [k for k in keys if k.id != key_id]
    if len(kept) == len(keys):
        return False
    _write(home, kept)
    return True


def key_user(home: Path, secret: str) -> str | None:
    """The user a presented key belongs to, or None (compared in constant time)."""
    if not secret.startswith(PREFIX):
        return None
    digest = _digest(secret)
    found = None
    for key in load_keys(home):
        if hmac.compare_digest(key.digest, digest):
            found = key.user
    return found

"""The users file and password hashes (moved here from ``ui.auth``: every surface reads them).

Two ways to configure users, together or alone (a name may appear only once):

- ``PROJDOCS_AUTH="alice:secret,bob:other"``: users with plain passwords, who see every
  project (a password here cannot hold a comma);
- ``PROJDOCS_AUTH_FILE=/path/users.txt``: one user per line, ``name:secret:projects``, with
  ``secret`` a hash from ``hash_password`` (preferred) or a plain password without ``:``,
  and ``projects`` a comma-separated list of project numbers (empty or ``*``: all projects,
  which makes the user an administrator who sees every document). Blank lines and lines
  starting with ``#`` are skipped::

      # made with: projdocs access hash
      alice:scrypt$16384$8$1$3q2...$Zx9...:00123513,00098765
      bob:pbkdf2_sha256$600000$k1...$pQ...:*

Neither set: no login (single-user mode: everything is visible; loopback only by default).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.core.errors import ConfigError

AUTH_ENV = "PROJDOCS_AUTH"
AUTH_FILE_ENV = "PROJDOCS_AUTH_FILE"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PBKDF2_ITERATIONS = 600_000


@dataclass(frozen=True)
class User:
    """A user: a name, a password hash or plain password, and projects."""

    name: str
    secret: str
    projects: frozenset[str] | None  # None: every project (an administrator)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, method: str = "scrypt", salt: bytes | None = None) -> str:
    """A salted hash of ``password`` for the users file (no ``:`` in it).

    ``scrypt$N$r$p$salt$hash`` by default; ``method="pbkdf2"`` gives
    ``pbkdf2_sha256$iterations$salt$hash``. Standard library only."""
    salt = salt or secrets.token_bytes(16)
    if method == "scrypt":
        key = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
        return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"
    if method == "pbkdf2":
        key = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
        return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${_b64(salt)}${_b64(key)}"
    raise ValueError(f"unknown method {method!r} (expected scrypt or pbkdf2)")


def is_hash(secret: str) -> bool:
    return secret.startswith(("scrypt$", "pbkdf2_sha256$"))


def verify_password(password: str, secret: str) -> bool:
    """True when ``password`` matches ``secret`` (a hash from ``hash_password`` or plain text),
    compared in constant time."""
    try:
        if secret.startswith("scrypt$"):
            _, n, r, p, salt, key = secret.split("$")
            got = hashlib.scrypt(
                password.encode(),
                salt=_unb64(salt),
                n=int(n),
                r=int(r),
                p=int(p),
                dklen=len(_unb64(key)),
                maxmem=256 * 1024 * 1024,
            )
            return hmac.compare_digest(got, _unb64(key))
        if secret.startswith("pbkdf2_sha256$"):
            _, iterations, salt, key = secret.split("$")
            got = hashlib.pbkdf2_hmac("sha256", password.encode(), _unb64(salt), int(iterations), len(_unb64(key)))
            return hmac.compare_digest(got, _unb64(key))
    except (ValueError, TypeError) as exc:  # a damaged hash never lets anyone in
        raise ConfigError(f"a password hash in the users file is malformed: {exc}") from exc
    return hmac.compare_digest(password.encode(), secret.encode())


def _projects(field: str) -> frozenset[str] | None:
    names = [p.strip() for p in field.split(",") if p.strip()]
    if not names or "*" in names:
        return None
    return frozenset(names)


def parse_auth_env(value: str) -> dict[str, User]:
    """Users from ``PROJDOCS_AUTH`` (``name:password[,name2:password2]``), all projects."""
    users: dict[str, User] = {}
    for n, item in enumerate((i.strip() for i in value.split(",")), start=1):
        if not item:
            continue
        name, sep, password = item.partition(":")
        name = name.strip()
        if not sep or not name or not password:
            raise ConfigError(f"{AUTH_ENV}: entry {n} is not name:password", hint="e.g. alice:secret,bob:other")
        if name in users:
            raise ConfigError(f"{AUTH_ENV}: user {name!r} is given twice")
        users[name] = User(name, password, None)
    return users


def parse_users_file(path: str | Path) -> dict[str, User]:
    """Users from a users file (``name:secret:projects`` per line)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the users file {path}: {exc}") from exc
    users: dict[str, User] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(":")
        if len(parts) not in (2, 3) or not parts[0].strip() or not parts[1]:
            raise ConfigError(
                f"{path}, line {number}: expected name:secret:projects",
                hint="a plain password may not contain ':'; use a hash from: projdocs access hash",
            )
        name = parts[0].strip()
        if name in users:
            raise ConfigError(f"{path}, line {number}: user {name!r} is given twice")
        users[name] = User(name, parts[1], _projects(parts[2]) if len(parts) == 3 else None)
    return users


def load_users(environ: Mapping[str, str] | None = None) -> dict[str, User] | None:
    """Every configured user, or None when no login is configured."""
    env = os.environ if environ is None else environ
    inline, file = env.get(AUTH_ENV, "").strip(), env.get(AUTH_FILE_ENV, "").strip()
    if not inline and not file:
        return None
    users = parse_auth_env(inline) if inline else {}
    if file:
        for name, user in parse_users_file(file).items():
            if name in users:
                raise ConfigError(f"user {name!r} is in both {AUTH_ENV} and {file}")
            users[name] = user
    if not users:
        raise ConfigError(f"{AUTH_ENV}/{AUTH_FILE_ENV} are set but name no user")
    return users


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password("not a password", salt=b"\x00" * 16)


def check_password(users: Mapping[str, User], username: str, password: str) -> User | None:
    """The user when the name and password match, else None. An unknown name costs the same
    time as a wrong password (a dummy hash is checked)."""
    user = users.get(username)
    if user is None:
        verify_password(password, _dummy_hash())
        return None
    return user if verify_password(password, user.secret) else None

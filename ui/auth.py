"""Who may open the web app, and which projects each user may see.

Pure functions, no Gradio: ``ui.app`` passes ``gradio_auth()`` to ``launch(auth=...)`` and
narrows its filters with ``allowed_projects(request.username)``. Nothing is read at import
time; the environment (or the mapping given) is read on each call.

Two ways to configure it, together or alone (a name may appear only once):

- ``PROJDOCS_AUTH="alice:secret,bob:other"``: users with plain passwords, who see every
  project (a password here cannot hold a comma);
- ``PROJDOCS_AUTH_FILE=/path/users.txt``: one user per line, ``name:secret:projects``, with
  ``secret`` a hash from ``hash_password`` (preferred) or a plain password without ``:``,
  and ``projects`` a comma-separated list of project numbers (empty or ``*``: all).
  Blank lines and lines starting with ``#`` are skipped::

      # made with: python -m ui.auth hash
      alice:scrypt$16384$8$1$3q2...$Zx9...:00123513,00098765
      bob:pbkdf2_sha256$600000$k1...$pQ...:*

Neither set: no login (the app serves loopback only by default).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core.errors import ConfigError
from assistant.core.text import project_key

if TYPE_CHECKING:
    from assistant.store.database import Filters, StoredDocument

AUTH_ENV = "PROJDOCS_AUTH"
AUTH_FILE_ENV = "PROJDOCS_AUTH_FILE"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PBKDF2_ITERATIONS = 600_000
NO_SOURCE = "\x00no document"  # a source no document has: a filter that lets nothing through


@dataclass(frozen=True)
class User:
    """A user of the web app: a name, a password hash or plain password, and projects."""

    name: str
    secret: str
    projects: frozenset[str] | None  # None: every project


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
                hint="a plain password may not contain ':'; use a hash from: python -m ui.auth hash",
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


def check_login(username: str, password: str, environ: Mapping[str, str] | None = None) -> bool:
    """Gradio's ``auth=`` callable: True when the name and password match a configured user.
    An unknown name costs the same time as a wrong password."""
    users = load_users(environ)
    if users is None:
        return False
    user = users.get(username)
    if user is None:
        verify_password(password, _dummy_hash())
        return False
    return verify_password(password, user.secret)


def gradio_auth(environ: Mapping[str, str] | None = None) -> Callable[[str, str], bool] | None:
    """The ``auth=`` argument for ``Blocks.launch``: None when no login is configured. The
    configuration is checked now (a mistake stops the launch) and read again at each login,
    so that a user taken out of the file cannot log in any more."""
    if load_users(environ) is None:
        return None
    return lambda username, password: check_login(username, password, environ)


def allowed_projects(user: str | None, environ: Mapping[str, str] | None = None) -> set[str] | None:
    """The project numbers ``user`` may see; None for all (also when no login is configured).
    An unknown user sees nothing."""
    users = load_users(environ)
    if users is None:
        return None
    found = users.get(user or "")
    if found is None:
        return set()
    return None if found.projects is None else set(found.projects)


def project_allowed(number: str, allowed: set[str] | None) -> bool:
    """Whether a project number is in ``allowed`` (leading zeros ignored: 00123513 == 000123513)."""
    if allowed is None:
        return True
    return project_key(number) in {project_key(p) for p in allowed}


def restrict_filters(filters: Filters, allowed: set[str] | None, documents: Iterable[StoredDocument]) -> Filters:
    """``filters`` narrowed to the documents of the ``allowed`` projects (a document counts
    when its own or a related project number is allowed)."""
    if allowed is None:
        return filters
    visible = [
        d.source
        for d in documents
        if any(project_allowed(n, allowed) for n in (d.project_number, *d.related_projects) if n)
    ]
    if filters.sources:
        visible = [s for s in visible if s in filters.sources]
    return replace(filters, sources=tuple(visible) or (NO_SOURCE,))


def main(argv: list[str] | None = None) -> int:
    """``python -m ui.auth hash [--pbkdf2]``: print a hash for the users file."""
    import getpass
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] != "hash":
        print("usage: python -m ui.auth hash [--pbkdf2]", file=sys.stderr)
        return 2
    password = getpass.getpass("password: ")
    if password != getpass.getpass("again: "):
        print("the two passwords differ", file=sys.stderr)
        return 1
    print(hash_password(password, "pbkdf2" if "--pbkdf2" in args else "scrypt"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

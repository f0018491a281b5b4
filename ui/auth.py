"""The web app's side of the login: a thin Gradio adapter over ``assistant.access``.

The users file, hashes, throttling and visibility rules live in ``assistant.access`` (every
surface shares them); here only what Gradio needs: the ``auth=`` callable (which reads the
client address that ``ui.server`` puts in ``CLIENT_ADDRESS`` and answers 429 while a name or an
address is locked out) and the ``Caller`` of a Gradio request. ``python -m ui.auth hash``
still prints a hash for the users file (as ``projdocs access hash`` does).
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Mapping
from typing import Any

from assistant.access.login import Authenticator
from assistant.access.policy import NO_SOURCE, Caller, caller_for, restrict_filters
from assistant.access.throttle import Throttled
from assistant.access.users import (
    AUTH_ENV,
    AUTH_FILE_ENV,
    User,
    hash_password,
    is_hash,
    load_users,
    parse_auth_env,
    parse_users_file,
    verify_password,
)

__all__ = [
    "AUTH_ENV",
    "AUTH_FILE_ENV",
    "CLIENT_ADDRESS",
    "NO_SOURCE",
    "User",
    "caller",
    "check_login",
    "gradio_auth",
    "hash_password",
    "is_hash",
    "load_users",
    "parse_auth_env",
    "parse_users_file",
    "restrict_filters",
    "verify_password",
]

# the address of the client whose request is being handled (set by ui.server's middleware)
CLIENT_ADDRESS: contextvars.ContextVar[str | None] = contextvars.ContextVar("projdocs_client", default=None)


def caller(request: Any, environ: Mapping[str, str] | None = None) -> Caller:
    """The ``Caller`` of a Gradio request (its logged-in user name), per ``assistant.access``."""
    return caller_for(getattr(request, "username", None), environ)


def check_login(username: str, password: str, environ: Mapping[str, str] | None = None) -> bool:
    """True when the name and password match a configured user (no throttling: see ``gradio_auth``)."""
    users = load_users(environ)
    if users is None:
        return False
    from assistant.access.users import check_password

    return check_password(users, username, password) is not None


def gradio_auth(authenticator: Authenticator) -> Callable[[str, str], bool] | None:
    """The ``auth=`` argument for Gradio: None when no login is configured (checked now, so that
    a mistake in the users file stops the launch; read again at each login)."""
    if not authenticator.login_required:
        return None

    def auth(username: str, password: str) -> bool:
        try:
            return authenticator.password(username, password, CLIENT_ADDRESS.get()) is not None
        except Throttled as exc:
            from fastapi import HTTPException

            raise HTTPException(
                status_code=429, detail=str(exc), headers={"Retry-After": str(int(exc.retry_after) + 1)}
            ) from exc

    return auth


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

"""Who is calling the HTTP API: HTTP Basic (the users file) or ``Bearer`` API keys.

With a login configured a request without valid credentials gets 401 (``WWW-Authenticate:
Basic``), and 429 with ``Retry-After`` while its user name or address is locked out after
failed attempts. With no login configured every request acts as the single user.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer

from assistant.access.login import Authenticator
from assistant.access.policy import Caller
from assistant.access.throttle import Throttled

basic = HTTPBasic(auto_error=False, description="A user of the users file (PROJDOCS_AUTH_FILE).")
bearer = HTTPBearer(auto_error=False, description="An API key made with: projdocs keys create USER.")


def _unauthorized(detail: str) -> HTTPException:
    return HTTPException(401, detail=detail, headers={"WWW-Authenticate": 'Basic realm="projdocs"'})


def caller_dependency(authenticator: Authenticator) -> Callable[..., Caller]:
    """A FastAPI dependency answering the request's ``Caller``."""

    def get_caller(
        request: Request,
        password: HTTPBasicCredentials | None = Depends(basic),
        key: HTTPAuthorizationCredentials | None = Depends(bearer),
    ) -> Caller:
        address = request.client.host if request.client else None
        if not authenticator.login_required:  # single-user mode: any key (clients must send one) will do
            return Caller.single_user()
        try:
            if key is not None:
                found = authenticator.api_key(key.credentials, address)
                if found is None:
                    raise _unauthorized("unknown or revoked API key")
                return found
            if password is not None:
                found = authenticator.password(password.username, password.password, address)
                if found is None:
                    raise _unauthorized("wrong user name or password")
                return found
        except Throttled as exc:
            raise HTTPException(429, detail=str(exc), headers={"Retry-After": str(int(exc.retry_after) + 1)}) from exc
        raise _unauthorized("log in with HTTP Basic (the users file) or an API key (Bearer)")

    return get_caller

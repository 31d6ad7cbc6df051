"""Login with Amazon and Restricted Data Tokens, as far as a simulator needs them.

Any client id, secret and refresh token are accepted (there is no account to check them against),
but the tokens handed out are remembered: an API call must present one of them, and a restricted
operation must present an RDT whose resources cover its method and path — the two mistakes a
real integration makes most often and only finds out in production.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

ACCESS_TOKEN_LIFETIME = 3600
RDT_LIFETIME = 3600


@dataclass(frozen=True)
class Grant:
    token: str
    expires_at: float
    resources: tuple[tuple[str, str], ...] = ()  # (METHOD, path or path template) for RDTs

    @property
    def restricted(self) -> bool:
        return bool(self.resources)


def _covers(template: str, path: str) -> bool:
    """An RDT resource path covers a request path when equal, or when its ``{placeholders}``
    match one path segment each."""
    if template == path:
        return True
    pattern = "".join(
        "[^/]+" if part.startswith("{") else re.escape(part)
        for part in re.split(r"(\{[^}/]*\})", template)
        if part
    )
    return re.fullmatch(pattern, path) is not None


class TokenIssuer:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._grants: dict[str, Grant] = {}
        self._lock = threading.Lock()

    def issue_access_token(self) -> str:
        token = "Atza|" + secrets.token_urlsafe(48)
        with self._lock:
            self._grants[token] = Grant(token, self._clock() + ACCESS_TOKEN_LIFETIME)
        return token

    def issue_refresh_token(self) -> str:
        return "Atzr|" + secrets.token_urlsafe(48)

    def issue_rdt(self, resources: Sequence[tuple[str, str]]) -> str:
        token = "Atz.sprdt|" + secrets.token_urlsafe(48)
        with self._lock:
            self._grants[token] = Grant(
                token, self._clock() + RDT_LIFETIME, tuple((m.upper(), p) for m, p in resources)
            )
        return token

    def grant(self, token: str | None) -> Grant | None:
        if not token:
            return None
        with self._lock:
            found = self._grants.get(token)
        if found is None or found.expires_at < self._clock():
            return None
        return found

    def allows(self, grant: Grant, method: str, path: str, restricted: bool) -> bool:
        if not restricted:
            return True
        return any(m == method and _covers(p, path) for m, p in grant.resources)

    def forget_all(self) -> None:
        with self._lock:
            self._grants.clear()

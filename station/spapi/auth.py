"""Login with Amazon (LWA): access tokens for the SP-API, as an ``httpx.Auth`` flow.

The flow caches the access token, refreshes it shortly before it expires (``skew``), and when the
SP-API still answers 401 it refreshes once more and resends once: a token can be revoked or clocks
can disagree. One instance is shared by the GUI's worker and the outbox worker, so refreshing is
serialised by a lock and a token refreshed by one thread is reused by the other.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import httpx

from station.errors import AuthError, NetworkError, ResponseFormatError
from station.secrets import CredentialsProvider, LwaCredentials
from station.spapi.endpoints import LWA_URL
from station.spapi.http import ACCESS_TOKEN_HEADER, DEFAULT_TIMEOUT, USER_AGENT
from station.spapi.transport import LIMIT_EXTENSION, LWA_ANSWER_LIMIT, deadline_scope

__all__ = ["AccessToken", "LwaAuth", "exchange_authorization_code", "request_lwa_token"]

log = logging.getLogger("station.spapi")

DEFAULT_SKEW = 60.0
#: The longest one token request may take when no SP-API request's deadline is already running.
LWA_DEADLINE = 30.0


@dataclass(frozen=True)
class AccessToken:
    value: str
    expires_at: float  # on the injected monotonic clock

    def __repr__(self) -> str:
        return f"AccessToken(<hidden>, expires_at={self.expires_at:.0f})"


def request_lwa_token(
    client: httpx.Client,
    lwa_url: str,
    form: dict[str, str],
    *,
    purpose: str,
    attempts: int = 1,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, Any]:
    """POST a form to LWA and return its JSON; errors become AuthError / NetworkError.

    Up to ``attempts`` tries when LWA cannot be reached, answers 5xx or throttles (429): a token
    request changes nothing at Amazon, so asking again is safe. A refusal (4xx) is final.
    Never logs the form: it holds the client secret and the refresh token or code.
    """
    for attempt in range(1, attempts + 1):
        try:
            return _request_lwa_token_once(client, lwa_url, form, purpose=purpose)
        except (NetworkError, _LwaBusyError) as exc:
            if attempt >= attempts:
                raise NetworkError(exc.message, status=exc.status, operation=purpose) from None
            sleep(min(4.0, 0.5 * 2 ** (attempt - 1)))
    raise AssertionError("unreachable")  # pragma: no cover


class _LwaBusyError(NetworkError):
    """LWA answered 429: retried like an outage."""


def _request_lwa_token_once(
    client: httpx.Client, lwa_url: str, form: dict[str, str], *, purpose: str
) -> dict[str, Any]:
    try:
        # Inside an SP-API request the request's deadline applies; alone, LWA gets its own.
        with deadline_scope(LWA_DEADLINE):
            response = client.post(
                lwa_url,
                data=form,
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                timeout=DEFAULT_TIMEOUT,
                extensions={LIMIT_EXTENSION: (f"Login with Amazon ({purpose})", LWA_ANSWER_LIMIT)},
            )
    except httpx.TransportError as exc:
        log.warning("LWA %s failed: %s", purpose, type(exc).__name__)
        raise NetworkError(
            f"Login with Amazon cannot be reached ({type(exc).__name__})", operation=purpose
        ) from None
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code != 200:
        code = body.get("error", "") if isinstance(body, dict) else ""
        log.warning("LWA %s refused: HTTP %s %s", purpose, response.status_code, code)
        if response.status_code >= 500:
            raise NetworkError(
                f"Login with Amazon failed (HTTP {response.status_code})",
                status=response.status_code,
                operation=purpose,
            )
        if response.status_code == 429:
            raise _LwaBusyError(
                "Login with Amazon is throttling this station (HTTP 429)",
                status=429,
                operation=purpose,
            )
        raise AuthError(
            f"Login with Amazon refused the {purpose} (HTTP {response.status_code}"
            f"{', ' + str(code) if code else ''})",
            status=response.status_code,
            operation=purpose,
        )
    if not isinstance(body, dict):
        raise ResponseFormatError(
            f"Login with Amazon's answer to the {purpose} is not a JSON object",
            status=200,
            operation=purpose,
        )
    return body


class LwaAuth(httpx.Auth):
    """``refresh_token`` grant, cached, refreshed ``skew`` seconds before expiry, retried on 401."""

    # Read the 401 before refreshing, so its connection is back in the pool for the LWA call.
    requires_response_body = True

    def __init__(
        self,
        credentials: CredentialsProvider | LwaCredentials,
        *,
        token_client: httpx.Client,
        lwa_url: str = LWA_URL,
        clock: Callable[[], float] = time.monotonic,
        skew: float = DEFAULT_SKEW,
        sleep: Callable[[float], None] = time.sleep,
        attempts: int = 3,
    ) -> None:
        self._credentials = credentials
        self._sleep = sleep
        self._attempts = attempts
        self._client = token_client
        self.lwa_url = lwa_url
        self._clock = clock
        self.skew = skew
        self._token: AccessToken | None = None
        self._lock = threading.Lock()
        self.refresh_count = 0

    def __repr__(self) -> str:
        return f"LwaAuth(lwa_url={self.lwa_url!r})"

    def _load_credentials(self) -> LwaCredentials:
        if isinstance(self._credentials, LwaCredentials):
            return self._credentials
        return self._credentials.load()

    def access_token(self, *, stale: str | None = None) -> str:
        """A valid access token; refreshed when near expiry or when it equals ``stale``."""
        with self._lock:
            token = self._token
            fresh = token is not None and self._clock() < token.expires_at - self.skew
            if token is not None and fresh and token.value != stale:
                return token.value
            self._token = self._refresh()
            return self._token.value

    def invalidate(self) -> None:
        with self._lock:
            self._token = None

    def _refresh(self) -> AccessToken:
        creds = self._load_credentials()
        started = self._clock()
        body = request_lwa_token(
            self._client,
            self.lwa_url,
            {
                "grant_type": "refresh_token",
                "refresh_token": creds.refresh_token.get_secret_value(),
                "client_id": creds.client_id,
                "client_secret": creds.client_secret.get_secret_value(),
            },
            purpose="access token refresh",
            attempts=self._attempts,
            sleep=self._sleep,
        )
        value = body.get("access_token")
        expires_in = body.get("expires_in", 3600)
        if not isinstance(value, str) or not value:
            raise ResponseFormatError(
                "Login with Amazon answered without an access_token", operation="lwa"
            )
        if not isinstance(expires_in, int | float) or isinstance(expires_in, bool):
            expires_in = 3600
        self.refresh_count += 1
        log.info("LWA access token refreshed (valid %ss)", int(expires_in))
        return AccessToken(value, started + float(expires_in))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self.access_token()
        request.headers[ACCESS_TOKEN_HEADER] = token
        response = yield request
        if response.status_code == 401:
            log.info("SP-API answered 401: refreshing the access token once and resending")
            request.headers[ACCESS_TOKEN_HEADER] = self.access_token(stale=token)
            yield request


def exchange_authorization_code(
    client: httpx.Client,
    *,
    client_id: str,
    client_secret: str,
    code: str,
    redirect_uri: str,
    lwa_url: str = LWA_URL,
) -> str:
    """The public-app OAuth step: trade ``spapi_oauth_code`` for a refresh token (returned)."""
    body = request_lwa_token(
        client,
        lwa_url,
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": client_id,
            "client_secret": client_secret,
        },
        purpose="authorization code",
    )
    refresh = body.get("refresh_token")
    if not isinstance(refresh, str) or not refresh:
        raise ResponseFormatError(
            "Login with Amazon answered without a refresh_token", operation="lwa"
        )
    return refresh

"""The one request path every SP-API operation takes.

It adds the access token (LWA, or a Restricted Data Token for restricted operations), the
User-Agent and explicit timeouts; waits on the client-side rate limiter; retries what is safe to
retry; and turns every failure into a ``station.errors`` exception that carries the operation, the
HTTP status, Amazon's error list and the ``x-amzn-RequestId``.

What is safe to retry:

* 429 QuotaExceeded, any method: Amazon did not process the request. Exponential backoff with
  jitter, bounded by attempts and by total wait.
* Connect errors, any method: the request provably never left the station.
* 5xx, read timeouts and dropped connections: only for GET. A POST that may have reached Amazon is
  never resent blindly; the caller gets UnknownOutcomeError and must reconcile first.

What one operation may cost is bounded too (``station.spapi.transport``): each attempt has a
deadline (``RetryPolicy.attempt_deadline``, 30 s) and all attempts of one operation together,
backoff included, another (``operation_deadline``, 60 s); every answer is streamed against a size
cap chosen by the operation, unpacked included.
"""

from __future__ import annotations

import email.utils
import json
import logging
import math
import random
import threading
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from station import __version__
from station.errors import ApiError, NetworkError, UnknownOutcomeError
from station.spapi.ratelimit import RateLimiter
from station.spapi.responses import decode_json, error_for_status, parse_errors
from station.spapi.transport import (
    ERROR_ANSWER_LIMIT,
    LIMIT_EXTENSION,
    AnswerTooLargeError,
    DeadlineExceededError,
    answer_limit_for,
    deadline_passed,
    deadline_scope,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "AmazonClock",
    "ApiResponse",
    "RetryPolicy",
    "SpApiHttp",
    "StaticTokenAuth",
]

log = logging.getLogger("station.spapi")

#: POSTs that change nothing at Amazon: asking for a Restricted Data Token twice only yields two
#: tokens, so after a 5xx or a dropped connection it is safe to ask again.
IDEMPOTENT_POSTS = frozenset({"createRestrictedDataToken"})

#: After an operation used up its whole deadline, new operations are not sent for this long (at
#: most the deadline): a command meets one dripping server once, not at every request.
QUIET_SECONDS = 15.0

USER_AGENT = f"PackingStation/{__version__} (Language=Python)"
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0)
REQUEST_ID_HEADER = "x-amzn-RequestId"
RATE_LIMIT_HEADER = "x-amzn-RateLimit-Limit"
ACCESS_TOKEN_HEADER = "x-amz-access-token"  # noqa: S105 - a header name, not a secret

# Errors raised before a single byte of the request could have reached the server.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on retrying: attempts in total (first try included), total seconds of backoff, and
    the wall-clock deadlines of one attempt and of all attempts of an operation together."""

    max_attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 16.0
    max_total_wait: float = 30.0
    attempt_deadline: float = 30.0
    operation_deadline: float = 60.0

    def delay(self, attempt: int, rng: random.Random, floor: float = 0.0) -> float:
        """Backoff before retry number ``attempt`` (1-based): exponential, half of it jittered."""
        ceiling = min(self.max_delay, self.base_delay * (2.0 ** (attempt - 1)))
        ceiling = max(ceiling, floor)
        return ceiling / 2 + rng.uniform(0.0, ceiling / 2)


class AmazonClock:
    """How far Amazon's clock is from this computer's, from its answers' ``Date`` headers.

    A packing PC's clock can be wrong by days (a dead CMOS battery, a hand-set date). Where the
    station judges time against Amazon's own dates (a label's 90-day lifetime), it shifts its
    clock by this offset once an answer has told it; until then the offset is zero.
    """

    _PLAUSIBLE = 10 * 365 * 24 * 3600.0  # a Date further off than this is garbage, not a clock

    def __init__(self) -> None:
        self._offset: float | None = None
        self._lock = threading.Lock()

    @property
    def offset(self) -> float | None:
        """Amazon's time minus this computer's, in seconds; None before any answer."""
        with self._lock:
            return self._offset

    def observe(self, date_header: str | None, local: float) -> None:
        """Learn from one answer's ``Date`` header, received at ``local`` (``time.time()``)."""
        if not date_header:
            return
        try:
            told = email.utils.parsedate_to_datetime(date_header)
        except (TypeError, ValueError, IndexError):
            return
        if told.tzinfo is None:
            told = told.replace(tzinfo=UTC)
        offset = told.timestamp() - local
        if math.isfinite(offset) and abs(offset) < self._PLAUSIBLE:
            with self._lock:
                self._offset = offset

    def shift(self, moment: datetime) -> datetime:
        """``moment`` (this computer's clock) on Amazon's clock, when it is known."""
        offset = self.offset
        return moment if offset is None else moment + timedelta(seconds=offset)


@dataclass(frozen=True)
class ApiResponse:
    status: int
    body: Any
    request_id: str | None
    headers: Mapping[str, str] = field(repr=False)


class StaticTokenAuth(httpx.Auth):
    """Sends a fixed token (a Restricted Data Token) in ``x-amz-access-token``."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "StaticTokenAuth(<hidden>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[ACCESS_TOKEN_HEADER] = self._token
        yield request


def parse_rate_limit(value: str | None) -> float | None:
    """``x-amzn-RateLimit-Limit`` as requests per second; None when absent or malformed."""
    if value is None:
        return None
    try:
        rate = float(value.strip())
    except ValueError:
        return None
    if not math.isfinite(rate) or rate <= 0:
        return None
    return rate


class SpApiHttp:
    """Sends SP-API requests through an injected ``httpx.Client`` (MockTransport in tests)."""

    def __init__(
        self,
        client: httpx.Client,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        rate_limiter: RateLimiter | None = None,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        user_agent: str = USER_AGENT,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self._client = client
        self.base_url = base_url.rstrip("/")
        self._auth = auth
        self._sleep = sleep
        self.rate_limiter = rate_limiter or RateLimiter(clock=clock, sleep=sleep)
        self.retry = retry or RetryPolicy()
        self._timeout = timeout
        self._user_agent = user_agent
        self._rng = rng or random.Random()  # jitter, not cryptography
        self.amazon_clock = AmazonClock()
        self._quiet_until = 0.0  # monotonic: no new operation before this (see _after_final)

    def request(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        json_body: Any = None,
        access_token: str | None = None,
        restricted: bool = False,
    ) -> ApiResponse:
        """Send one operation, retrying only where safe; return the 2xx answer or raise."""
        method = method.upper()
        auth: httpx.Auth | None = (
            StaticTokenAuth(access_token) if access_token is not None else self._auth
        )
        content = None if json_body is None else json.dumps(json_body).encode("utf-8")
        headers = {
            "User-Agent": self._user_agent,
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate",
        }
        if content is not None:
            headers["Content-Type"] = "application/json"
        with deadline_scope(self.retry.operation_deadline):
            return self._attempts(
                operation, method, path, params, content, headers, auth, restricted
            )

    def _attempts(
        self,
        operation: str,
        method: str,
        path: str,
        params: Mapping[str, str] | None,
        content: bytes | None,
        headers: dict[str, str],
        auth: httpx.Auth | None,
        restricted: bool,
    ) -> ApiResponse:
        quiet = self._quiet_until - time.monotonic()
        if quiet > 0:
            # A server that just held an operation for its whole deadline is not asked again
            # at once: a command (or the outbox) is held by one deadline, not one per request.
            raise NetworkError(
                f"{operation}: not sent — Amazon gave no complete answer within "
                f"{self.retry.operation_deadline:g} s a moment ago; the station asks again in "
                f"{math.ceil(quiet)} s",
                operation=operation,
            )
        waited = 0.0
        attempt = 0
        started = time.monotonic()
        while True:
            attempt += 1
            self.rate_limiter.acquire(operation)
            request = self._client.build_request(
                method,
                self.base_url + path,
                params={k: v for k, v in (params or {}).items() if v is not None} or None,
                content=content,
                headers=headers,
                timeout=self._timeout,
                extensions={LIMIT_EXTENSION: (operation, answer_limit_for(operation))},
            )
            floor = 0.0
            try:
                response, body = self._exchange(request, auth)
            except _NEVER_SENT as exc:
                failure: ApiError = NetworkError(
                    f"{operation}: cannot reach Amazon ({type(exc).__name__})", operation=operation
                )
                retryable = True
            except httpx.TransportError as exc:
                what = self._transport_failure(exc)
                if self._safe_to_repeat(operation, method):
                    failure = NetworkError(f"{operation}: {what}", operation=operation)
                    retryable = True
                else:
                    failure = UnknownOutcomeError(
                        f"{operation}: {what} after the request was sent; it may or may not have "
                        "been accepted",
                        operation=operation,
                    )
                    retryable = False
            else:
                result = self._classify(operation, method, response, body, restricted)
                if isinstance(result, ApiResponse):
                    return result
                failure, retryable = result
                if failure.status == 429:
                    rate = parse_rate_limit(response.headers.get(RATE_LIMIT_HEADER))
                    floor = 1.0 / rate if rate else 0.0
                    if rate is None and RATE_LIMIT_HEADER in response.headers:
                        log.debug("%s: ignoring malformed %s header", operation, RATE_LIMIT_HEADER)
            if not retryable or attempt >= self.retry.max_attempts:
                self._log_failure(failure, method, attempt, final=True)
                raise self._after_final(failure, started)
            delay = self.retry.delay(attempt, self._rng, floor if failure.status == 429 else 0.0)
            left = self.retry.operation_deadline - (time.monotonic() - started)
            if waited + delay > self.retry.max_total_wait or delay >= left:
                self._log_failure(failure, method, attempt, final=True)
                raise self._after_final(failure, started)
            self._log_failure(failure, method, attempt, final=False)
            self._sleep(delay)
            waited += delay

    def _after_final(self, failure: ApiError, started: float) -> ApiError:
        """The failure to raise; when it used up the operation's deadline, be quiet a while."""
        if time.monotonic() - started >= self.retry.operation_deadline * 0.9 and isinstance(
            failure, NetworkError
        ):
            self._quiet_until = time.monotonic() + min(QUIET_SECONDS, self.retry.operation_deadline)
        return failure

    def _exchange(
        self, request: httpx.Request, auth: httpx.Auth | None
    ) -> tuple[httpx.Response, bytes]:
        """Send and read the whole answer, as a stream under the operation's cap, within the
        deadline of one attempt (and of the operation)."""
        with deadline_scope(self.retry.attempt_deadline):
            try:
                return self._send_and_read(request, auth)
            except httpx.TimeoutException as exc:
                seconds = deadline_passed()
                if seconds is None or isinstance(exc, DeadlineExceededError):
                    raise
                raise DeadlineExceededError(seconds) from exc

    def _send_and_read(
        self, request: httpx.Request, auth: httpx.Auth | None
    ) -> tuple[httpx.Response, bytes]:
        response = (
            self._client.send(request, auth=auth, stream=True)
            if auth is not None
            else self._client.send(request, stream=True)
        )
        self.amazon_clock.observe(response.headers.get("date"), time.time())
        try:
            try:
                body = response.read()
            except AnswerTooLargeError:
                if response.status_code < 400:
                    raise
                body = b""  # an oversized error page: its status still says enough
            if response.status_code >= 400 and len(body) > ERROR_ANSWER_LIMIT:
                body = b""
        finally:
            response.close()
        return response, body

    def _transport_failure(self, exc: httpx.TransportError) -> str:
        """What went wrong, in words that name the deadline when it was the deadline."""
        if isinstance(exc, DeadlineExceededError):
            which = (
                "of one attempt"
                if exc.seconds == self.retry.attempt_deadline
                else "of the operation, all attempts together"
            )
            return f"no complete answer within {exc.seconds:g} s (the deadline {which})"
        return f"the connection failed ({type(exc).__name__})"

    @staticmethod
    def _safe_to_repeat(operation: str, method: str) -> bool:
        return method == "GET" or operation in IDEMPOTENT_POSTS

    def _classify(
        self,
        operation: str,
        method: str,
        response: httpx.Response,
        content: bytes,
        restricted: bool,
    ) -> ApiResponse | tuple[ApiError, bool]:
        status = response.status_code
        request_id = response.headers.get(REQUEST_ID_HEADER)
        if 200 <= status < 300:
            body = decode_json(content, operation=operation, status=status, request_id=request_id)
            return ApiResponse(status, body, request_id, dict(response.headers))
        try:
            body = decode_json(content, operation=operation, status=status, request_id=request_id)
        except ApiError:
            body = None  # an HTML error page from a proxy: the status still says enough
        errors = parse_errors(body)
        error = error_for_status(
            status, errors, operation=operation, request_id=request_id, restricted=restricted
        )
        if status == 429:
            return error, True
        if status >= 500:
            if self._safe_to_repeat(operation, method):
                return error, True
            return (
                UnknownOutcomeError(
                    f"{operation}: Amazon answered {status}; the request may or may not have "
                    "been processed",
                    status=status,
                    errors=errors,
                    operation=operation,
                    request_id=request_id,
                ),
                False,
            )
        return error, False

    def _log_failure(self, error: ApiError, method: str, attempt: int, *, final: bool) -> None:
        # Codes and the request id only: Amazon's messages may echo request data.
        log.warning(
            "%s (%s) %s: HTTP %s, request id %s, codes %s, attempt %d",
            error.operation,
            method,
            "failed" if final else "will be retried",
            error.status if error.status is not None else "-",
            error.request_id or "-",
            ",".join(error.codes) or "-",
            attempt,
        )

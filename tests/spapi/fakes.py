"""Hand-written fakes for the SP-API tests: a clock, a sleeper and a scripted Amazon.

``FakeAmazon`` is an ``httpx.MockTransport`` handler: tests queue answers per (method, path
prefix) and inspect every request it received afterwards.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from station.secrets import LwaCredentials
from station.spapi import RetryPolicy, SpApi, build_client

LWA = "https://lwa.test/auth/o2/token"
BASE = "https://spapi.test"

CREDENTIALS = LwaCredentials(
    client_id="amzn1.application-oa2-client.test",
    client_secret="SECRET-client-secret-value",
    refresh_token="Atzr|SECRET-refresh-token",
)


class FakeClock:
    """Monotonic time that moves only when told to (or when FakeSleep sleeps)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeSleep:
    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        self.clock.advance(seconds)

    @property
    def total(self) -> float:
        return sum(self.calls)


Responder = Callable[[httpx.Request], httpx.Response]


def reply(
    status: int = 200,
    body: Any = None,
    *,
    headers: dict[str, str] | None = None,
    request_id: str | None = "req-0001",
) -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        hdrs = dict(headers or {})
        if request_id:
            hdrs["x-amzn-RequestId"] = request_id
        if body is None:
            return httpx.Response(status, headers=hdrs)
        if isinstance(body, bytes):
            return httpx.Response(status, content=body, headers=hdrs)
        return httpx.Response(status, json=body, headers=hdrs)

    return respond


def fail_with(exc_type: type[httpx.TransportError]) -> Responder:
    def respond(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated", request=request)

    return respond


@dataclass
class FakeAmazon:
    """Scripted SP-API + LWA. Unscripted SP-API calls answer 500 so a test notices them."""

    routes: dict[tuple[str, str], deque[Responder]] = field(default_factory=dict)
    defaults: dict[tuple[str, str], Responder] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    lwa_requests: list[httpx.Request] = field(default_factory=list)
    token_counter: int = 0
    lwa_expires_in: int = 3600
    lwa_status: int = 200
    fallback: Responder | None = None
    seen_tokens: list[str | None] = field(default_factory=list)

    def queue(self, method: str, path: str, *responders: Responder) -> None:
        self.routes.setdefault((method, path), deque()).extend(responders)

    def always(self, method: str, path: str, responder: Responder) -> None:
        self.defaults[(method, path)] = responder

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == LWA:
            self.lwa_requests.append(request)
            if self.lwa_status != 200:
                return httpx.Response(
                    self.lwa_status,
                    json={"error": "invalid_grant", "error_description": "bad"},
                )
            self.token_counter += 1
            return httpx.Response(
                200,
                json={
                    "access_token": f"Atza|access-{self.token_counter}",
                    "token_type": "bearer",
                    "expires_in": self.lwa_expires_in,
                },
            )
        self.requests.append(request)
        # httpx resends the same Request object after a 401: record the token as it was sent.
        self.seen_tokens.append(request.headers.get("x-amz-access-token"))
        key = (request.method, request.url.path)
        queued = self.routes.get(key)
        if queued:
            return queued.popleft()(request)
        if key in self.defaults:
            return self.defaults[key](request)
        if self.fallback is not None:
            return self.fallback(request)
        return httpx.Response(500, json={"errors": [{"code": "Unscripted", "message": str(key)}]})

    def sent_to(self, path: str, method: str | None = None) -> list[httpx.Request]:
        return [
            r
            for r in self.requests
            if r.url.path == path and (method is None or r.method == method)
        ]

    @staticmethod
    def body(request: httpx.Request) -> Any:
        return json.loads(request.content)


@dataclass
class Rig:
    amazon: FakeAmazon
    clock: FakeClock
    sleep: FakeSleep
    api: SpApi
    client: httpx.Client


def make_rig(
    *,
    use_rdt: bool = False,
    retry: RetryPolicy | None = None,
    rate_limiting: bool = False,
    credentials: Any = CREDENTIALS,
) -> Rig:
    import random

    amazon = FakeAmazon()
    clock = FakeClock()
    sleep = FakeSleep(clock)
    client = httpx.Client(transport=httpx.MockTransport(amazon))
    api = build_client(
        credentials,
        environ={"STATION_SPAPI_URL": BASE, "STATION_LWA_URL": LWA},
        http_client=client,
        use_rdt=use_rdt,
        retry=retry,
        rate_limiting=rate_limiting,
        clock=clock,
        sleep=sleep,
        rng=random.Random(1234),
    )
    return Rig(amazon, clock, sleep, api, client)

"""Usage plans, injected faults and the network cut, against the real server."""

from __future__ import annotations

import json
import ssl
from collections.abc import Iterator

import httpx
import pytest

from station.errors import ConfigError
from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.ratelimit import RateLimiter, UsagePlan
from station.simulator.server import SimulatorServer
from tests.helpers import contract
from tests.simulator.sim_client import FakeRenderer, Sp

TX = {"transactionId": "unknown"}


def status_call(sp: Sp) -> httpx.Response:
    return sp.call("transactions-v1", "getTransactionStatus", path_params=TX)


@pytest.fixture
def frozen_limits(simulator: SimulatorServer) -> RateLimiter:
    """Rate limits on, with time standing still: exactly the burst is allowed."""
    limiter = RateLimiter(enabled=True, clock=lambda: 0.0)
    simulator.app.limiter = simulator.limiter = limiter
    return limiter


def test_df_operations_allow_a_burst_of_10_then_429(sp: Sp, frozen_limits: RateLimiter) -> None:
    answers = [status_call(sp) for _ in range(11)]
    assert [a.status_code for a in answers[:10]] == [400] * 10  # unknown id, but served
    throttled = answers[10]
    assert throttled.status_code == 429
    assert throttled.json()["errors"][0]["code"] == "QuotaExceeded"
    assert throttled.headers["x-amzn-RateLimit-Limit"] == "10"
    # buckets are per operation: another operation is still allowed
    other = sp.call("transactions-2021", "getTransactionStatus", path_params=TX)
    assert other.status_code == 400


def test_tokens_allow_a_burst_of_10_at_one_per_second(sp: Sp, frozen_limits: RateLimiter) -> None:
    body = {"restrictedResources": [{"method": "GET", "path": "/x"}]}
    answers = [sp.call("tokens", "createRestrictedDataToken", body=body) for _ in range(11)]
    assert [a.status_code for a in answers] == [200] * 10 + [429]
    assert answers[10].headers["x-amzn-RateLimit-Limit"] == "1"


def test_a_bucket_refills_at_its_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(enabled=True, clock=lambda: now[0])
    plan = UsagePlan(1.0, 2)
    assert [limiter.allow("op", plan) for _ in range(3)] == [True, True, False]
    now[0] = 0.5
    assert not limiter.allow("op", plan)
    now[0] = 1.01
    assert limiter.allow("op", plan)
    assert RateLimiter(enabled=False).allow("op", UsagePlan(0.0, 0))


def test_every_response_carries_a_request_id(sp: Sp, admin: httpx.Client) -> None:
    assert status_call(sp).headers["x-amzn-RequestId"]
    assert admin.get("/health").headers["x-amzn-RequestId"]


@pytest.mark.parametrize(("kind", "statuses"), [("error", {500, 503}), ("throttle", {429})])
def test_error_faults_answer_in_the_documented_shape(
    sp: Sp, simulator: SimulatorServer, kind: str, statuses: set[int]
) -> None:
    simulator.set_faults(FaultConfig(**{f"{kind}_rate": 1.0}, seed=3))  # type: ignore[arg-type]
    seen = set()
    for _ in range(8):
        response = status_call(sp)  # validated against the model for its status
        seen.add(response.status_code)
    assert seen <= statuses and seen


def test_malformed_fault_sends_a_body_that_is_not_json(sp: Sp, simulator: SimulatorServer) -> None:
    simulator.set_faults(FaultConfig(malformed_rate=1.0))
    response = sp.http.get(
        "/vendor/directFulfillment/transactions/v1/transactions/x",
        headers={"x-amz-access-token": sp.token},
    )
    assert response.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        response.json()


def test_drop_fault_closes_the_connection_without_an_answer(
    sp: Sp, simulator: SimulatorServer
) -> None:
    simulator.set_faults(FaultConfig(drop_rate=1.0))
    with pytest.raises(httpx.RemoteProtocolError):
        status_call(sp)
    simulator.set_faults(FaultConfig())
    assert status_call(sp).status_code == 400


def test_stall_fault_holds_the_request_until_the_client_gives_up(
    sp: Sp, simulator: SimulatorServer
) -> None:
    simulator.set_faults(FaultConfig(stall_rate=1.0, stall_seconds=30))
    with pytest.raises(httpx.ReadTimeout):
        sp.http.get(
            "/vendor/directFulfillment/transactions/v1/transactions/x",
            headers={"x-amz-access-token": sp.token},
            timeout=0.2,
        )


def test_latency_fault_still_answers(sp: Sp, simulator: SimulatorServer) -> None:
    simulator.set_faults(FaultConfig(latency_ms=20))
    assert status_call(sp).status_code == 400


def _statuses(tls: ssl.SSLContext, seed: int) -> list[int]:
    config = SimulatorConfig(
        rate_limits=False, faults=FaultConfig(error_rate=0.3, throttle_rate=0.3, seed=seed)
    )
    with (
        SimulatorServer(config, renderer=FakeRenderer()) as server,
        httpx.Client(base_url=server.base_url, verify=tls) as http,
    ):
        sp = Sp(http)
        sp.login()
        return [status_call(sp).status_code for _ in range(20)]


def test_faults_are_reproducible_from_their_seed(tls: ssl.SSLContext) -> None:
    contract.require_models()
    first, again, other = _statuses(tls, 11), _statuses(tls, 11), _statuses(tls, 12)
    assert first == again
    assert first != other
    assert {400, 429} <= set(first)


def test_admin_endpoints_are_exempt_from_faults(
    simulator: SimulatorServer, admin: httpx.Client
) -> None:
    simulator.set_faults(FaultConfig(drop_rate=1.0))
    simulator.cut_network("drop")
    assert admin.get("/health").json()["ok"] is True


def test_network_cut_drop_and_restore(
    sp: Sp, simulator: SimulatorServer, admin: httpx.Client
) -> None:
    assert admin.post("/network", json={"cut": True, "mode": "drop"}).json() == {
        "networkCut": "drop"
    }
    with pytest.raises(httpx.RemoteProtocolError):
        status_call(sp)
    admin.post("/network", json={"cut": False}).raise_for_status()
    assert status_call(sp).status_code == 400


def test_network_cut_refuse_closes_the_port_until_restored(
    sp: Sp, simulator: SimulatorServer
) -> None:
    url = simulator.base_url
    simulator.cut_network("refuse")
    with pytest.raises(httpx.ConnectError):
        status_call(sp)
    simulator.restore_network()
    assert simulator.base_url == url
    assert status_call(sp).status_code == 400


def test_admin_refuse_cut_needs_a_restore_time(admin: httpx.Client) -> None:
    response = admin.post("/network", json={"cut": True, "mode": "refuse"})
    assert response.status_code == 400


@pytest.fixture
def fault_admin(admin: httpx.Client) -> Iterator[httpx.Client]:
    yield admin


def test_faults_can_be_read_and_changed_over_admin(sp: Sp, fault_admin: httpx.Client) -> None:
    changed = fault_admin.post("/faults", json={"errorRate": 1.0, "seed": 5}).json()
    assert changed["errorRate"] == 1.0 and changed["seed"] == 5
    assert fault_admin.get("/faults").json() == changed
    assert status_call(sp).status_code in (500, 503)
    for bad in ({"errorRate": 2}, {"nope": 1}, {"latencyMs": "x"}, [1]):
        assert fault_admin.post("/faults", json=bad).status_code == 400
    fault_admin.post("/faults", json={"errorRate": 0}).raise_for_status()
    assert status_call(sp).status_code == 400


def test_fault_config_refuses_impossible_values() -> None:
    with pytest.raises(ConfigError):
        FaultConfig(error_rate=1.5)
    with pytest.raises(ConfigError):
        FaultConfig(latency_ms=-1)

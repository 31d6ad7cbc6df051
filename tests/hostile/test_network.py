"""A hostile network: answers that unpack to gigabytes, announce 10 GiB, or drip one byte at a
time. Each ends in a clear error naming the operation and the limit, within the deadline, through
the client as the station builds it and through the real ``station ship`` program."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest

from station.errors import NetworkError, ResponseFormatError, UnknownOutcomeError
from station.secrets import LwaCredentials
from station.simulator.server import SimulatorServer
from station.spapi import RetryPolicy, SpApi, build_client
from station.spapi.transport import AnswerTooLargeError
from tests.hostile.servers import HostileProxy, Rule, run_station, run_station_measured

LABELS = r"GET /vendor/directFulfillment/shipping/[^/]+/shippingLabels/"
ORDERS = r"GET /vendor/directFulfillment/orders/[^/]+/purchaseOrders/"
CONFIRM = r"POST /vendor/directFulfillment/shipping/[^/]+/shipmentConfirmations"
CREDS = LwaCredentials(client_id="demo", client_secret="demo", refresh_token="demo")


def _client(proxy: HostileProxy, simulator: SimulatorServer, retry: RetryPolicy) -> SpApi:
    return build_client(
        CREDS,
        environ={"STATION_SPAPI_URL": proxy.base_url, "STATION_LWA_URL": simulator.lwa_url},
        retry=retry,
        use_rdt=False,
    )


def _po(simulator: SimulatorServer) -> str:
    return str(next(iter(simulator.state.orders.values())).purchase_order_number)


FAST = RetryPolicy(max_attempts=2, base_delay=0.05, max_delay=0.1)


def test_a_gzip_bomb_stops_at_the_document_cap_naming_operation_and_limit(
    proxy: HostileProxy, simulator: SimulatorServer
) -> None:
    proxy.rules.append(Rule(LABELS, "gzip_bomb"))
    with _client(proxy, simulator, FAST) as api, pytest.raises(AnswerTooLargeError) as caught:
        api.shipping_v1.get_shipping_label(_po(simulator))
    message = str(caught.value)
    assert "getShippingLabel" in message and "32 MiB" in message, message
    assert proxy.rules[0].hits == 1  # too large is final: not asked again


def test_a_json_answer_has_a_smaller_cap_and_a_huge_content_length_is_refused_unread(
    proxy: HostileProxy, simulator: SimulatorServer
) -> None:
    proxy.rules.append(Rule(ORDERS, "huge_length"))
    started = time.monotonic()
    with _client(proxy, simulator, FAST) as api, pytest.raises(ResponseFormatError) as caught:
        api.orders_v1.get_order(_po(simulator))
    message = str(caught.value)
    assert "4 MiB" in message and "announces" in message, message
    assert time.monotonic() - started < 20


def test_a_dripping_server_is_cut_off_at_the_deadline_and_a_get_is_retried_within_it(
    proxy: HostileProxy, simulator: SimulatorServer
) -> None:
    proxy.rules.append(Rule(ORDERS, "drip", interval=0.3))
    retry = RetryPolicy(
        max_attempts=5, base_delay=0.05, max_delay=0.1, attempt_deadline=1.0, operation_deadline=2.5
    )
    started = time.monotonic()
    with _client(proxy, simulator, retry) as api, pytest.raises(NetworkError) as caught:
        api.orders_v1.get_order(_po(simulator))
    elapsed = time.monotonic() - started
    assert "within 2.5 s (the deadline of the operation" in str(caught.value), caught.value
    assert proxy.rules[0].hits >= 2  # the GET was tried again, still inside its deadline
    # Generous: the point is "bounded by the deadline", not a timing (the machine is shared).
    assert elapsed < 2.5 + 5, elapsed


def test_a_confirmation_dripping_its_answer_becomes_an_unknown_outcome_at_the_deadline(
    proxy: HostileProxy, simulator: SimulatorServer
) -> None:
    from station.spapi.models import shipping_v1 as s1
    from tests.spapi.test_request_bodies import _confirmation

    proxy.rules.append(Rule(CONFIRM, "drip_body", interval=0.3))
    retry = RetryPolicy(max_attempts=3, attempt_deadline=1.0, operation_deadline=2.0)
    started = time.monotonic()
    with _client(proxy, simulator, retry) as api, pytest.raises(UnknownOutcomeError) as caught:
        api.shipping_v1.submit_shipment_confirmations([_confirmation(s1, "carton")])
    assert "within 1 s" in str(caught.value) and "may or may not" in str(caught.value)
    assert proxy.rules[0].hits == 1  # never resent blindly
    assert time.monotonic() - started < 2.0 + 5


def _station(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_station(*args, env=env, cwd=cwd)


def test_station_ship_against_a_gzip_bomb_fails_clearly_in_bounded_memory(
    proxy: HostileProxy, simulator: SimulatorServer, station_env: dict[str, str], tmp_path: Path
) -> None:
    proxy.rules.append(Rule(LABELS, "gzip_bomb"))
    done, peak_mb = run_station_measured(
        "ship", _po(simulator), "--box", "12x8x4in:1.5lb", "--acknowledge", "--wait", "5",
        env=station_env, cwd=tmp_path,
    )  # fmt: skip
    text = done.stdout + done.stderr
    assert done.returncode != 0, text
    assert "Traceback" not in text and "MemoryError" not in text, text
    assert "getShippingLabel" in text and "32 MiB" in text, text
    # The bomb unpacks to 1 GiB; the station keeps at most the 32 MiB cap of it.
    assert peak_mb < 700, peak_mb


def test_station_ship_against_a_dripping_server_ends_at_the_configured_deadline(
    proxy: HostileProxy, simulator: SimulatorServer, station_env: dict[str, str], tmp_path: Path
) -> None:
    proxy.rules.append(Rule(LABELS, "drip", interval=0.5))
    env = dict(station_env, STATION_HTTP_DEADLINE="3")
    started = time.monotonic()
    done = _station("ship", _po(simulator), "--box", "12x8x4in:1.5lb", "--acknowledge",
                    "--wait", "5", env=env, cwd=tmp_path)  # fmt: skip
    elapsed = time.monotonic() - started
    text = done.stdout + done.stderr
    assert done.returncode != 0, text
    assert "Traceback" not in text, text
    assert "getShippingLabel" in text and re.search(r"within (1\.5|3) s", text), text
    assert elapsed < 60, elapsed  # on a build without deadlines this drips for minutes


def test_the_caps_hold_through_a_proxy_from_the_environment(
    proxy: HostileProxy, simulator: SimulatorServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warehouse behind an HTTP proxy (HTTP_PROXY): the answer through it is still capped."""
    monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
    monkeypatch.setenv("http_proxy", proxy.base_url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    proxy.rules.append(Rule(r"GET \S*/shippingLabels/", "gzip_bomb"))
    api = build_client(
        CREDS,
        environ={"STATION_SPAPI_URL": simulator.base_url, "STATION_LWA_URL": simulator.lwa_url},
        retry=FAST,
        use_rdt=False,
    )
    with api, pytest.raises(AnswerTooLargeError, match="32 MiB"):
        api.shipping_v1.get_shipping_label(_po(simulator))
    assert proxy.rules[0].hits == 1  # it did go through the proxy

"""LWA: cached tokens, refresh before expiry, one refresh and resend on 401, the code exchange."""

from __future__ import annotations

import logging
import threading
from urllib.parse import parse_qs

import httpx
import pytest

from station.errors import AuthError, NetworkError
from station.secrets import StaticCredentialsProvider
from station.spapi import LwaAuth, exchange_authorization_code
from tests.spapi.fakes import CREDENTIALS, LWA, FakeAmazon, FakeClock, Rig, reply

PATH = "/vendor/directFulfillment/transactions/v1/transactions/T1"
OK = {"payload": {"transactionStatus": {"transactionId": "T1", "status": "Success"}}}


def test_the_token_is_fetched_once_and_reused(rig: Rig) -> None:
    rig.amazon.always("GET", PATH, reply(200, OK))
    for _ in range(3):
        rig.api.transactions_v1.get_transaction_status("T1")
    assert len(rig.amazon.lwa_requests) == 1
    form = parse_qs(rig.amazon.lwa_requests[0].content.decode())
    assert form == {
        "grant_type": ["refresh_token"],
        "refresh_token": ["Atzr|SECRET-refresh-token"],
        "client_id": ["amzn1.application-oa2-client.test"],
        "client_secret": ["SECRET-client-secret-value"],
    }
    assert rig.amazon.lwa_requests[0].headers["content-type"] == "application/x-www-form-urlencoded"


def test_the_token_is_refreshed_shortly_before_it_expires(rig: Rig) -> None:
    rig.amazon.always("GET", PATH, reply(200, OK))
    rig.api.transactions_v1.get_transaction_status("T1")
    rig.clock.advance(3600 - 61)  # still valid beyond the 60 s skew
    rig.api.transactions_v1.get_transaction_status("T1")
    assert len(rig.amazon.lwa_requests) == 1
    rig.clock.advance(2)  # now within the skew: refreshed before Amazon could refuse it
    rig.api.transactions_v1.get_transaction_status("T1")
    assert len(rig.amazon.lwa_requests) == 2
    assert rig.amazon.requests[-1].headers["x-amz-access-token"] == "Atza|access-2"


def test_a_401_refreshes_once_and_resends_once(rig: Rig) -> None:
    rig.amazon.queue("GET", PATH, reply(401, {"errors": [{"code": "Unauthorized", "message": ""}]}))
    rig.amazon.queue("GET", PATH, reply(200, OK))
    status = rig.api.transactions_v1.get_transaction_status("T1")
    assert status.transaction_status is not None
    assert status.transaction_status.status == "Success"
    assert len(rig.amazon.sent_to(PATH)) == 2
    assert rig.amazon.seen_tokens == ["Atza|access-1", "Atza|access-2"]


def test_refused_credentials_raise_auth_error_without_leaking_them(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    rig.amazon.lwa_status = 400
    with pytest.raises(AuthError) as info:
        rig.api.transactions_v1.get_transaction_status("T1")
    assert "invalid_grant" in str(info.value)
    assert not rig.amazon.requests
    assert "SECRET" not in caplog.text and "SECRET" not in str(info.value)


def test_lwa_unreachable_is_a_network_error() -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("down", request=request)

    with httpx.Client(transport=httpx.MockTransport(down)) as client:
        auth = LwaAuth(CREDENTIALS, token_client=client, lwa_url=LWA)
        with pytest.raises(NetworkError):
            auth.access_token()


def test_threads_share_one_refresh() -> None:
    amazon = FakeAmazon()
    gate = threading.Event()
    original = amazon.__call__

    def slow(request: httpx.Request) -> httpx.Response:
        gate.wait(timeout=5)
        return original(request)

    with httpx.Client(transport=httpx.MockTransport(slow)) as client:
        auth = LwaAuth(
            StaticCredentialsProvider(CREDENTIALS),
            token_client=client,
            lwa_url=LWA,
            clock=FakeClock(),
        )
        results: list[str] = []
        threads = [
            threading.Thread(target=lambda: results.append(auth.access_token())) for _ in range(4)
        ]
        for t in threads:
            t.start()
        gate.set()
        for t in threads:
            t.join(timeout=5)
    assert results == ["Atza|access-1"] * 4
    assert len(amazon.lwa_requests) == 1


def test_the_auth_repr_hides_tokens(rig: Rig) -> None:
    rig.amazon.always("GET", PATH, reply(200, OK))
    rig.api.transactions_v1.get_transaction_status("T1")
    assert rig.api.auth is not None
    assert "Atza" not in repr(rig.api.auth) and "SECRET" not in repr(rig.api.auth)


def test_exchange_authorization_code_returns_the_refresh_token() -> None:
    seen: list[httpx.Request] = []

    def lwa(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            json={"access_token": "Atza|a", "refresh_token": "Atzr|new", "expires_in": 3600},
        )

    with httpx.Client(transport=httpx.MockTransport(lwa)) as client:
        token = exchange_authorization_code(
            client,
            client_id="cid",
            client_secret="csecret",
            code="ANdNAVhyhqirUelHGEHA",
            redirect_uri="https://example.test/cb",
            lwa_url=LWA,
        )
    assert token == "Atzr|new"
    assert parse_qs(seen[0].content.decode()) == {
        "grant_type": ["authorization_code"],
        "code": ["ANdNAVhyhqirUelHGEHA"],
        "redirect_uri": ["https://example.test/cb"],
        "client_id": ["cid"],
        "client_secret": ["csecret"],
    }


def test_exchange_refused_is_auth_error() -> None:
    def lwa(request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"error": "invalid_grant"})

    with httpx.Client(transport=httpx.MockTransport(lwa)) as client, pytest.raises(AuthError):
        exchange_authorization_code(
            client,
            client_id="c",
            client_secret="s",
            code="x",
            redirect_uri="https://e",
            lwa_url=LWA,
        )


@pytest.mark.parametrize("failure", [503, 429, "drop"])
def test_a_passing_lwa_outage_is_retried(failure: int | str) -> None:
    """Asking LWA for a token changes nothing at Amazon, so a 5xx, a 429 or a dropped connection
    is worth a second try before the packer sees an error."""
    calls: list[httpx.Request] = []
    slept: list[float] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) < 3:
            if failure == "drop":
                raise httpx.RemoteProtocolError("dropped", request=request)
            return httpx.Response(int(failure), json={"error": "busy"})
        return httpx.Response(200, json={"access_token": "Atza|ok", "expires_in": 3600})

    with httpx.Client(transport=httpx.MockTransport(flaky)) as client:
        auth = LwaAuth(CREDENTIALS, token_client=client, lwa_url=LWA, sleep=slept.append)
        assert auth.access_token() == "Atza|ok"
    assert len(calls) == 3
    assert len(slept) == 2


def test_a_lasting_lwa_outage_ends_in_a_network_error() -> None:
    calls: list[httpx.Request] = []

    def down(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(503)

    with httpx.Client(transport=httpx.MockTransport(down)) as client:
        auth = LwaAuth(CREDENTIALS, token_client=client, lwa_url=LWA, sleep=lambda _s: None)
        with pytest.raises(NetworkError):
            auth.access_token()
    assert len(calls) == 3


def test_refused_credentials_are_not_retried() -> None:
    calls: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(400, json={"error": "invalid_grant"})

    with httpx.Client(transport=httpx.MockTransport(refuse)) as client:
        auth = LwaAuth(CREDENTIALS, token_client=client, lwa_url=LWA, sleep=lambda _s: None)
        with pytest.raises(AuthError):
            auth.access_token()
    assert len(calls) == 1

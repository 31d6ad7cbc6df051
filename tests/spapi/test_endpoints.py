"""Regions, sandbox, and the environment overrides read when the client is built."""

from __future__ import annotations

import httpx
import pytest

from station.errors import ConfigError
from station.spapi import build_client, resolve_endpoints
from station.spapi.endpoints import LWA_URL


@pytest.mark.parametrize("region", ["na", "eu", "fe"])
def test_regions(region: str) -> None:
    assert (
        resolve_endpoints(region, environ={}).spapi_url
        == f"https://sellingpartnerapi-{region}.amazon.com"
    )
    sandbox = resolve_endpoints(region.upper(), sandbox=True, environ={})
    assert sandbox.spapi_url == f"https://sandbox.sellingpartnerapi-{region}.amazon.com"
    assert sandbox.lwa_url == LWA_URL == "https://api.amazon.com/auth/o2/token"


def test_unknown_region_and_bad_override_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="region"):
        resolve_endpoints("us", environ={})
    with pytest.raises(ConfigError, match="STATION_SPAPI_URL"):
        resolve_endpoints("na", environ={"STATION_SPAPI_URL": "ftp://x"})


def test_overrides_are_read_when_the_client_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "a", "expires_in": 3600})
        return httpx.Response(
            200, json={"transactionStatus": {"transactionId": "T", "status": "Success"}}
        )

    monkeypatch.setenv("STATION_SPAPI_URL", "http://127.0.0.1:8765/")
    monkeypatch.setenv("STATION_LWA_URL", "http://127.0.0.1:8765/auth/o2/token")
    from tests.spapi.fakes import CREDENTIALS

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        api = build_client(CREDENTIALS, http_client=client, rate_limiting=False)
        api.transactions_2021.get_transaction_status("T")
    assert seen == [
        "http://127.0.0.1:8765/auth/o2/token",
        "http://127.0.0.1:8765/vendor/directFulfillment/transactions/2021-12-28/transactions/T",
    ]


def test_an_owned_client_is_closed() -> None:
    with build_client(None, environ={}) as api:
        assert "sellingpartnerapi-na" in repr(api)

"""Where the SP-API and Login with Amazon live, per region, with overrides for compatible servers.

The environment is read when a client is built (``resolve_endpoints``), never at import, so tests
and the simulator can point a fresh client elsewhere without reloading modules.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from station.errors import ConfigError

__all__ = [
    "LWA_URL",
    "PRODUCTION_URLS",
    "SANDBOX_URLS",
    "Endpoints",
    "Region",
    "resolve_endpoints",
]

Region = Literal["na", "eu", "fe"]

PRODUCTION_URLS: Mapping[str, str] = {
    "na": "https://sellingpartnerapi-na.amazon.com",
    "eu": "https://sellingpartnerapi-eu.amazon.com",
    "fe": "https://sellingpartnerapi-fe.amazon.com",
}
SANDBOX_URLS: Mapping[str, str] = {
    "na": "https://sandbox.sellingpartnerapi-na.amazon.com",
    "eu": "https://sandbox.sellingpartnerapi-eu.amazon.com",
    "fe": "https://sandbox.sellingpartnerapi-fe.amazon.com",
}
LWA_URL = "https://api.amazon.com/auth/o2/token"

SPAPI_URL_ENV = "STATION_SPAPI_URL"
LWA_URL_ENV = "STATION_LWA_URL"


@dataclass(frozen=True)
class Endpoints:
    spapi_url: str
    lwa_url: str


def _checked_url(value: str, name: str) -> str:
    value = value.strip().rstrip("/")
    if not value.startswith(("https://", "http://")):
        raise ConfigError(
            f"{name} must be an http(s) URL, got {value!r}",
            hint=f"Set {name} to a URL like https://sellingpartnerapi-na.amazon.com, or unset it.",
        )
    return value


def resolve_endpoints(
    region: str = "na",
    *,
    sandbox: bool = False,
    environ: Mapping[str, str] | None = None,
) -> Endpoints:
    """The URLs for ``region``; ``STATION_SPAPI_URL`` / ``STATION_LWA_URL`` win when set."""
    env = os.environ if environ is None else environ
    table = SANDBOX_URLS if sandbox else PRODUCTION_URLS
    key = region.lower()
    if key not in table:
        raise ConfigError(
            f"Unknown SP-API region {region!r}",
            hint="Choose na (North America), eu (Europe) or fe (Far East) in Settings.",
        )
    spapi = env.get(SPAPI_URL_ENV) or table[key]
    lwa = env.get(LWA_URL_ENV) or LWA_URL
    return Endpoints(
        spapi_url=_checked_url(
            spapi, SPAPI_URL_ENV if env.get(SPAPI_URL_ENV) else "the SP-API URL"
        ),
        lwa_url=_checked_url(lwa, LWA_URL_ENV if env.get(LWA_URL_ENV) else "the LWA URL"),
    )

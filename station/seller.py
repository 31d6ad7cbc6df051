"""The seller connection: a Seller Central app beside the Vendor Central one, for MCF.

Settings (marketplace, region, environment, app kind, Fulfillment Outbound version) are data in
``SellerSettings``; the secrets (client id and secret, refresh token) live in the OS keyring under
their own names, never in the settings file. A private app is self-authorised in Seller Central
and its refresh token pasted; a public app goes through the OAuth authorisation-code exchange:
the seller approves the app on Seller Central's consent page, Amazon redirects to the app's
redirect URI with ``spapi_oauth_code`` and ``state``, and Login with Amazon trades the code for
the refresh token (see Amazon's MCF integration guide).
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping
from typing import Literal
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field, SecretStr

from station.errors import CredentialsError
from station.secrets import (
    EnvironmentCredentialsProvider,
    KeyringCredentialsProvider,
    LwaCredentials,
    SecretStore,
)
from station.spapi.auth import exchange_authorization_code

__all__ = [
    "MARKETPLACES",
    "SELLER_ENV",
    "SELLER_KEYS",
    "Marketplace",
    "SellerEnvironmentCredentialsProvider",
    "SellerKeyringCredentialsProvider",
    "SellerSettings",
    "authorise_public_app",
    "code_from_redirect",
    "seller_consent_url",
]

SELLER_KEYS = ("seller.lwa.client_id", "seller.lwa.client_secret", "seller.lwa.refresh_token")
SELLER_ENV = (
    "STATION_SELLER_LWA_CLIENT_ID",
    "STATION_SELLER_LWA_CLIENT_SECRET",
    "STATION_SELLER_LWA_REFRESH_TOKEN",
)


class Marketplace(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    country_code: str
    region: Literal["na", "eu", "fe"]
    seller_central: str


def _m(mid: str, country: str, region: Literal["na", "eu", "fe"], host: str) -> Marketplace:
    return Marketplace(id=mid, country_code=country, region=region, seller_central=host)


#: The marketplaces MCF serves that the station knows by name (others: set the region by hand).
MARKETPLACES: Mapping[str, Marketplace] = {
    m.id: m
    for m in (
        _m("ATVPDKIKX0DER", "US", "na", "https://sellercentral.amazon.com"),
        _m("A2EUQ1WTGCTBG2", "CA", "na", "https://sellercentral.amazon.ca"),
        _m("A1AM78C64UM0Y8", "MX", "na", "https://sellercentral.amazon.com.mx"),
        _m("A2Q3Y263D00KWC", "BR", "na", "https://sellercentral.amazon.com.br"),
        _m("A1F83G8C2ARO7P", "GB", "eu", "https://sellercentral-europe.amazon.com"),
        _m("A1PA6795UKMFR9", "DE", "eu", "https://sellercentral-europe.amazon.com"),
        _m("A13V1IB3VIYZZH", "FR", "eu", "https://sellercentral-europe.amazon.com"),
        _m("APJ6JRA9NG5V4", "IT", "eu", "https://sellercentral-europe.amazon.com"),
        _m("A1RKKUPIHCS9HS", "ES", "eu", "https://sellercentral-europe.amazon.com"),
        _m("A1VC38T7YXB528", "JP", "fe", "https://sellercentral.amazon.co.jp"),
    )
}


class SellerSettings(BaseModel):
    """Multi-Channel Fulfillment through the seller's own Seller Central account."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)

    enabled: bool = Field(
        default=False,
        title="Amazon fulfilment (MCF)",
        description="Send web-shop orders to Amazon's network from this station.",
    )
    app_kind: Literal["private", "public"] = Field(
        default="private",
        title="Seller Central app",
        description=(
            "private: self-authorised, paste the refresh token; public: authorise by OAuth."
        ),
    )
    marketplace_id: str = Field(
        default="ATVPDKIKX0DER",
        pattern=r"^[A-Z0-9]{8,16}$",
        title="Marketplace",
        description="The marketplace id whose FBA stock fulfils the orders (US: ATVPDKIKX0DER).",
    )
    region: Literal["na", "eu", "fe"] = Field(
        default="na",
        title="Seller region",
        description="SP-API region of the seller account: na, eu or fe.",
    )
    environment: Literal["production", "sandbox", "simulator"] = Field(
        default="simulator",
        title="Seller environment",
        description="production, sandbox (Amazon's test data) or the simulator.",
    )
    api_version: Literal["2020-07-01", "2026-07-04"] = Field(
        default="2020-07-01",
        title="Fulfillment Outbound version",
        description="2020-07-01, or 2026-07-04 (no block-Amazon-Logistics or signature option).",
    )
    redirect_uri: str = Field(
        default="",
        max_length=500,
        pattern=r"^$|^https://",
        title="OAuth redirect URI",
        description="A public app's registered redirect URI (https).",
    )
    channel: str = Field(
        default="",
        max_length=40,
        title="Sales channel",
        description="Names the shop the orders come from (e.g. SHOPIFY); optional.",
    )

    def marketplace(self) -> Marketplace | None:
        return MARKETPLACES.get(self.marketplace_id)


class SellerKeyringCredentialsProvider(KeyringCredentialsProvider):
    """The seller app's credentials, in the keyring under names of their own."""

    keys = SELLER_KEYS

    def __repr__(self) -> str:
        return f"SellerKeyringCredentialsProvider(store={self.store!r})"


class SellerEnvironmentCredentialsProvider(EnvironmentCredentialsProvider):
    """Headless: ``STATION_SELLER_LWA_CLIENT_ID``, ``..._CLIENT_SECRET``, ``..._REFRESH_TOKEN``."""

    variables = SELLER_ENV

    def __repr__(self) -> str:
        return "SellerEnvironmentCredentialsProvider()"


def seller_consent_url(settings: SellerSettings, app_id: str, state: str, *, draft: bool) -> str:
    """Seller Central's consent page for a public app (``version=beta`` while in draft)."""
    market = settings.marketplace()
    host = market.seller_central if market else MARKETPLACES["ATVPDKIKX0DER"].seller_central
    query = {"application_id": app_id, "state": state}
    if draft:
        query["version"] = "beta"
    return f"{host}/apps/authorize/consent?{urlencode(query)}"


def code_from_redirect(url: str, expected_state: str) -> str:
    """The ``spapi_oauth_code`` of the URL Amazon redirected to, after checking ``state``."""
    query = parse_qs(urlsplit(url.strip()).query)
    state = (query.get("state") or [""])[0]
    code = (query.get("spapi_oauth_code") or [""])[0]
    if not hmac.compare_digest(state.encode(), expected_state.encode()):
        raise CredentialsError(
            "The authorisation answer does not belong to this request (state differs)",
            hint="Start the authorisation again from this station and paste the new address.",
        )
    if not code:
        raise CredentialsError(
            "The address has no spapi_oauth_code",
            hint="Paste the whole address Seller Central redirected to after you approved the app.",
        )
    return code


def authorise_public_app(
    client: httpx.Client,
    store: SecretStore,
    *,
    client_id: str,
    client_secret: str,
    redirect_url: str,
    expected_state: str,
    redirect_uri: str,
    lwa_url: str,
) -> LwaCredentials:
    """Trade the redirect's one-time code for a refresh token and keep all three in the keyring."""
    code = code_from_redirect(redirect_url, expected_state)
    refresh = exchange_authorization_code(
        client,
        client_id=client_id,
        client_secret=client_secret,
        code=code,
        redirect_uri=redirect_uri,
        lwa_url=lwa_url,
    )
    credentials = LwaCredentials(
        client_id=client_id,
        client_secret=SecretStr(client_secret),
        refresh_token=SecretStr(refresh),
    )
    SellerKeyringCredentialsProvider(store).save(credentials)
    return credentials

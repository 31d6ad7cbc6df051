"""The seller connection: settings beside the vendor ones, secrets in the keyring under their own
names, and the public-app OAuth exchange against a scripted Login with Amazon."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from station.config import Settings, settings_from_json
from station.errors import ConfigError, CredentialsError
from station.secrets import KeyringCredentialsProvider, LwaCredentials, MemorySecretStore
from station.seller import (
    SellerEnvironmentCredentialsProvider,
    SellerKeyringCredentialsProvider,
    SellerSettings,
    authorise_public_app,
    code_from_redirect,
    seller_consent_url,
)

LWA = "https://lwa.test/auth/o2/token"


def test_settings_file_carries_the_seller_connection() -> None:
    text = json.dumps(
        {
            "seller": {
                "enabled": True,
                "app_kind": "public",
                "marketplace_id": "A2Q3Y263D00KWC",
                "environment": "sandbox",
                "api_version": "2026-07-04",
                "redirect_uri": "https://shop.example/amazon",
            }
        }
    )
    settings = settings_from_json(text)
    assert settings.seller.api_version == "2026-07-04"
    market = settings.seller.marketplace()
    assert market is not None and market.country_code == "BR"
    assert Settings().seller.enabled is False


@pytest.mark.parametrize(
    ("seller", "named"),
    [
        ({"refresh_token": "Atzr|x"}, "seller.refresh_token"),
        ({"api_version": "2019-01-01"}, "seller.api_version"),
        ({"marketplace_id": "not a market"}, "seller.marketplace_id"),
        ({"redirect_uri": "http://plain.example"}, "seller.redirect_uri"),
    ],
)
def test_bad_seller_settings_are_named(seller: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace(".", r"\.")):
        settings_from_json(json.dumps({"seller": seller}))


def test_seller_secrets_live_beside_the_vendor_ones_without_touching_them() -> None:
    store = MemorySecretStore()
    vendor = LwaCredentials(client_id="vendor-app", client_secret="v-s", refresh_token="v-r")
    seller = LwaCredentials(client_id="seller-app", client_secret="s-s", refresh_token="s-r")
    KeyringCredentialsProvider(store).save(vendor)
    SellerKeyringCredentialsProvider(store).save(seller)
    assert KeyringCredentialsProvider(store).load() == vendor
    assert SellerKeyringCredentialsProvider(store).load() == seller
    SellerKeyringCredentialsProvider(store).clear()
    assert KeyringCredentialsProvider(store).load() == vendor
    with pytest.raises(CredentialsError):
        SellerKeyringCredentialsProvider(store).load()


def test_headless_seller_credentials_come_from_their_own_variables() -> None:
    env = {
        "STATION_SELLER_LWA_CLIENT_ID": "id",
        "STATION_SELLER_LWA_CLIENT_SECRET": "secret",
        "STATION_SELLER_LWA_REFRESH_TOKEN": "refresh",
        "STATION_LWA_REFRESH_TOKEN": "vendor",
    }
    assert SellerEnvironmentCredentialsProvider(env).load().refresh_token.get_secret_value() == (
        "refresh"
    )
    with pytest.raises(CredentialsError, match="STATION_SELLER_LWA_CLIENT_ID"):
        SellerEnvironmentCredentialsProvider({}).load()


def test_consent_url_points_at_the_marketplaces_seller_central() -> None:
    url = seller_consent_url(
        SellerSettings(marketplace_id="A1PA6795UKMFR9"), "amzn1.sp.solution.x", "st8", draft=True
    )
    parts = urlsplit(url)
    assert parts.netloc == "sellercentral-europe.amazon.com"
    assert parse_qs(parts.query) == {
        "application_id": ["amzn1.sp.solution.x"],
        "state": ["st8"],
        "version": ["beta"],
    }


def test_a_redirect_for_another_request_is_refused() -> None:
    with pytest.raises(CredentialsError, match="state"):
        code_from_redirect("https://shop.example/cb?spapi_oauth_code=C&state=other", "mine")
    with pytest.raises(CredentialsError, match="spapi_oauth_code"):
        code_from_redirect("https://shop.example/cb?state=mine", "mine")


def test_public_app_code_exchange_stores_the_refresh_token() -> None:
    seen: list[dict[str, list[str]]] = []

    def lwa(request: httpx.Request) -> httpx.Response:
        assert str(request.url) == LWA
        seen.append(parse_qs(request.content.decode()))
        return httpx.Response(200, json={"refresh_token": "Atzr|new", "access_token": "a"})

    store = MemorySecretStore()
    with httpx.Client(transport=httpx.MockTransport(lwa)) as client:
        credentials = authorise_public_app(
            client,
            store,
            client_id="seller-app",
            client_secret="s3cret",
            redirect_url="https://shop.example/cb?spapi_oauth_code=CODE1&state=abc&selling_partner_id=A1",
            expected_state="abc",
            redirect_uri="https://shop.example/cb",
            lwa_url=LWA,
        )
    assert seen[0]["grant_type"] == ["authorization_code"]
    assert seen[0]["code"] == ["CODE1"]
    assert seen[0]["redirect_uri"] == ["https://shop.example/cb"]
    assert credentials.refresh_token.get_secret_value() == "Atzr|new"
    assert SellerKeyringCredentialsProvider(store).load() == credentials
    assert store.get("lwa.refresh_token") is None

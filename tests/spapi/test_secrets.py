"""Credentials: stores, providers, and secrets that never show in reprs or logs."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from station.errors import CredentialsError
from station.secrets import (
    CLIENT_SECRET_KEY,
    EnvironmentCredentialsProvider,
    KeyringCredentialsProvider,
    KeyringSecretStore,
    LwaCredentials,
    MemorySecretStore,
    SecretStore,
)
from tests.spapi.fakes import CREDENTIALS


def test_memory_store_round_trip() -> None:
    store = MemorySecretStore()
    assert isinstance(store, SecretStore)
    assert store.get("x") is None
    store.set("x", "value")
    assert store.get("x") == "value"
    store.delete("x")
    store.delete("x")
    assert store.get("x") is None
    store.set("journal.key", "k")
    assert "k" not in repr(store).replace("journal.key", "")


def test_secrets_never_appear_in_repr_str_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("station.spapi").info("credentials %s %r", CREDENTIALS, CREDENTIALS)
    for text in (repr(CREDENTIALS), str(CREDENTIALS), caplog.text):
        assert "SECRET" not in text
    assert CREDENTIALS.client_secret.get_secret_value() == "SECRET-client-secret-value"


def test_keyring_provider_round_trip_through_a_store() -> None:
    store = MemorySecretStore()
    provider = KeyringCredentialsProvider(store)
    provider.save(CREDENTIALS)
    assert provider.load() == CREDENTIALS
    provider.clear()
    with pytest.raises(CredentialsError, match="refresh token"):
        provider.load()


def test_an_incomplete_keyring_says_what_is_missing() -> None:
    store = MemorySecretStore({"lwa.client_id": "cid", "lwa.refresh_token": "r"})
    with pytest.raises(CredentialsError) as info:
        KeyringCredentialsProvider(store).load()
    assert "client secret" in str(info.value)
    assert "Settings" in info.value.hint


def test_the_fail_backend_is_reported_plainly() -> None:
    # tests/conftest.py selects keyring's 'fail' backend for every test.
    store = KeyringSecretStore()
    with pytest.raises(CredentialsError, match="No usable system keyring") as info:
        store.get(CLIENT_SECRET_KEY)
    assert "STATION_LWA_CLIENT_ID" in info.value.hint
    with pytest.raises(CredentialsError):
        KeyringCredentialsProvider().load()


class _Backend:
    """A working keyring backend with the real surface, kept in memory."""

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, name: str) -> str | None:
        return self.values.get((service, name))

    def set_password(self, service: str, name: str, value: str) -> None:
        self.values[(service, name)] = value

    def delete_password(self, service: str, name: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, name) not in self.values:
            raise PasswordDeleteError("absent")
        del self.values[(service, name)]


def test_a_working_keyring_backend_is_used_under_the_service_name() -> None:
    backend = _Backend()
    store = KeyringSecretStore(backend=backend)
    KeyringCredentialsProvider(store).save(CREDENTIALS)
    assert backend.values[("PackingStation", "lwa.client_id")] == CREDENTIALS.client_id
    store.delete("lwa.client_id")
    store.delete("lwa.client_id")
    assert store.get("lwa.client_id") is None


def test_keyring_errors_become_credentials_errors() -> None:
    from keyring.errors import KeyringLocked

    class Locked(_Backend):
        def get_password(self, service: str, name: str) -> Any:
            raise KeyringLocked("locked")

    with pytest.raises(CredentialsError, match="refused"):
        KeyringSecretStore(backend=Locked()).get("x")


def test_environment_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    provider = EnvironmentCredentialsProvider()
    with pytest.raises(CredentialsError) as info:
        provider.load()
    assert "STATION_LWA_CLIENT_ID" in str(info.value)
    monkeypatch.setenv("STATION_LWA_CLIENT_ID", "cid")
    monkeypatch.setenv("STATION_LWA_CLIENT_SECRET", "SECRET-s")
    with pytest.raises(CredentialsError, match="STATION_LWA_REFRESH_TOKEN"):
        provider.load()
    monkeypatch.setenv("STATION_LWA_REFRESH_TOKEN", " SECRET-r ")
    creds = provider.load()
    assert creds.refresh_token.get_secret_value() == "SECRET-r"
    assert "SECRET" not in repr(creds) and "SECRET" not in repr(provider)


def test_blank_client_id_is_refused() -> None:
    with pytest.raises(ValueError):
        LwaCredentials(client_id="  ", client_secret="s", refresh_token="r")

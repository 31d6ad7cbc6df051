"""Composition of the MCF desk: the seller connection, its SP-API client and the journal's MCF
tables, built from a running station (:mod:`station.runtime`) for the GUI and ``station mcf``.

The seller app is a second SP-API application (Seller Central), with its own credentials, region
and environment (``Settings.seller``); in demo mode it talks to the embedded simulator like the
vendor side. Nothing here runs at import.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

from station.errors import ConfigError, CredentialsError
from station.journal import DataKey, resolve_data_key
from station.journal.mcf_orders import McfOrderBook
from station.runtime import Runtime
from station.secrets import CredentialsProvider, KeyringSecretStore, LwaCredentials, SecretStore
from station.seller import (
    SELLER_ENV,
    SellerEnvironmentCredentialsProvider,
    SellerKeyringCredentialsProvider,
)
from station.spapi.client import build_client
from station.spapi.endpoints import LWA_URL_ENV, SPAPI_URL_ENV
from station.spapi.mcf import MCF_RATE_LIMITS, McfClient
from station.workflow.mcf import McfDesk

__all__ = ["build_mcf_desk"]

log = logging.getLogger("station.mcf")


def _environ(runtime: Runtime, environ: Mapping[str, str] | None) -> dict[str, str]:
    env = dict(os.environ if environ is None else environ)
    if runtime.simulator is not None:  # demo mode: the embedded simulator answers MCF too
        env[SPAPI_URL_ENV] = runtime.simulator.base_url
        env[LWA_URL_ENV] = runtime.simulator.lwa_url
    return env


def _data_key(runtime: Runtime, env: Mapping[str, str], store: SecretStore | None) -> DataKey:
    if runtime.demo_dir is not None and not env.get("STATION_DATA_KEY"):
        return DataKey.generate()  # demo: a throw-away key, the orders are still sealed
    key = resolve_data_key(store, env)
    if key is None:
        raise ConfigError(
            "Web-shop orders hold customer addresses and need the station's data key",
            hint="Unlock the system keyring, or set STATION_DATA_KEY on a headless computer.",
        )
    return key


def _store() -> SecretStore | None:
    try:
        return KeyringSecretStore()
    except CredentialsError as exc:
        log.warning("no OS keyring: %s", exc.message)
        return None


def build_mcf_desk(
    runtime: Runtime,
    *,
    environ: Mapping[str, str] | None = None,
    secret_store: SecretStore | None = None,
) -> McfDesk:
    """The desk over this runtime's journal; the seller's SP-API client is built on first use."""
    env = _environ(runtime, environ)
    store = secret_store if secret_store is not None else _store()
    book = McfOrderBook(runtime.journal, _data_key(runtime, env, store))
    seller = runtime.settings.seller

    def client() -> McfClient:
        if seller.environment == "simulator" and not env.get(SPAPI_URL_ENV):
            raise ConfigError(
                "The seller environment is 'simulator' but no simulator address is set",
                hint="Run with --demo, or start `station simulator` and set STATION_SPAPI_URL "
                "and STATION_LWA_URL as it prints.",
            )
        credentials: LwaCredentials | CredentialsProvider
        if seller.environment == "simulator":
            credentials = LwaCredentials(
                client_id="demo",
                client_secret="demo",  # noqa: S106 - the simulator's placeholder
                refresh_token="demo",  # noqa: S106
            )
        elif env.get(SELLER_ENV[2]):
            credentials = SellerEnvironmentCredentialsProvider(env)
        elif store is not None:
            credentials = SellerKeyringCredentialsProvider(store)
        else:
            raise CredentialsError(
                "No seller (Seller Central) credentials: the system keyring is not available",
                hint="Set STATION_SELLER_LWA_CLIENT_ID, STATION_SELLER_LWA_CLIENT_SECRET and "
                "STATION_SELLER_LWA_REFRESH_TOKEN on a headless computer.",
            )
        api = build_client(
            credentials,
            region=seller.region,
            sandbox=seller.environment == "sandbox",
            environ=env,
            rate_limits=MCF_RATE_LIMITS,
            use_rdt=False,
        )
        runtime.on_close(api.close)
        return McfClient(api.http, version=seller.api_version, marketplace_id=seller.marketplace_id)

    return McfDesk(book, client)

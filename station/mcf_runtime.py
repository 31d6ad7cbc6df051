"""Composition of the MCF desk: the seller connection, its SP-API client and the journal's MCF
tables, built from a running station (:mod:`station.runtime`) for the GUI and ``station mcf``.

The seller app is a second SP-API application (Seller Central), with its own credentials, region
and environment (``Settings.seller``); in demo mode it talks to the embedded simulator like the
vendor side. Nothing here runs at import.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from station.errors import ConfigError, CredentialsError
from station.journal import DataKey, Journal, resolve_data_key
from station.journal.mcf_orders import McfOrderBook
from station.runtime import Runtime, demo_mcf_folder, open_station_journal
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
from station.workflow.mcf_tracking import DEFAULT_INTERVAL, McfTracker

__all__ = ["build_mcf_desk", "open_local_desk", "start_mcf_tracking"]

log = logging.getLogger("station.mcf")

DEMO_KEY_FILE = "demo-data.key"
DEMO_JOURNAL_FILE = "journal.sqlite3"
DEMO_STATION_ID = "demo"


def _environ(runtime: Runtime, environ: Mapping[str, str] | None) -> dict[str, str]:
    env = dict(os.environ if environ is None else environ)
    if runtime.simulator is not None:  # demo mode: the embedded simulator answers MCF too
        env[SPAPI_URL_ENV] = runtime.simulator.base_url
        env[LWA_URL_ENV] = runtime.simulator.lwa_url
    return env


def _data_key(env: Mapping[str, str], store: SecretStore | None) -> DataKey:
    key = resolve_data_key(store, env)
    if key is None:
        raise ConfigError(
            "Web-shop orders hold customer addresses and need the station's data key",
            hint="Unlock the system keyring, or set STATION_DATA_KEY on a headless computer.",
        )
    return key


def _demo_key(folder: Path) -> DataKey:
    """Demo mode's key for its web-shop orders, kept beside them: demo orders live on between
    runs (the simulator's world does too) and demo mode needs no keyring. Demo data only."""
    path = folder / DEMO_KEY_FILE
    try:
        return DataKey.from_text(path.read_text(encoding="ascii").strip(), source=str(path))
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise ConfigError(
            f"Cannot read demo mode's key {path}: {exc.strerror or exc}",
            hint=f"Delete the folder {folder} to start the demo's web-shop orders afresh.",
        ) from None
    key = DataKey.generate()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise ConfigError(
            f"Cannot write demo mode's key {path}: {exc.strerror or exc}",
            hint="Give this user a data folder it may write to (STATION_HOME).",
        ) from None
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.to_text())
    return key


def _demo_journal(folder: Path, station_id: str) -> Journal:
    return Journal.open(folder / DEMO_JOURNAL_FILE, station_id=station_id)


def _offline_client() -> McfClient:
    raise ConfigError("This command works on the station's own records and asks Amazon nothing")


def open_local_desk(
    *, demo: bool, environ: Mapping[str, str] | None = None
) -> tuple[McfDesk, Callable[[], None]]:
    """The desk over the journal alone, for what needs no Amazon (``station mcf import`` and
    ``list``): no simulator, no seller connection, no network, no printers; the data key is
    asked only to seal (import) an order. Returns the desk and what closes it."""
    env = dict(os.environ if environ is None else environ)
    if demo:
        folder = demo_mcf_folder(env)
        journal = _demo_journal(folder, DEMO_STATION_ID)
        book = McfOrderBook(journal, lambda: _demo_key(folder))
        return McfDesk(book, _offline_client), journal.close
    opened = open_station_journal(env, create=True)
    assert opened is not None
    journal = opened[0]
    book = McfOrderBook(journal, lambda: _data_key(env, _store()))
    return McfDesk(book, _offline_client), journal.close


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
    if runtime.demo_dir is not None:
        # Demo mode: the orders and the simulator's MCF world outlive the run (see runtime).
        folder = demo_mcf_folder(env)
        journal = _demo_journal(folder, DEMO_STATION_ID)
        runtime.on_close(journal.close)
        book = McfOrderBook(journal, lambda: _demo_key(folder))
    else:
        book = McfOrderBook(runtime.journal, lambda: _data_key(env, store))
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


def start_mcf_tracking(runtime: Runtime, *, environ: Mapping[str, str] | None = None) -> McfTracker:
    """The web-shop orders' statuses and tracking, refreshed on a thread of their own while the
    station runs (stopped when the runtime closes). ``STATION_MCF_TRACK_SECONDS`` sets the time
    between rounds (default 300; tests and drills use less)."""
    env = os.environ if environ is None else environ
    raw = env.get("STATION_MCF_TRACK_SECONDS", "").strip()
    interval = DEFAULT_INTERVAL
    if raw:
        try:
            interval = float(raw)
        except ValueError:
            raise ConfigError(f"STATION_MCF_TRACK_SECONDS={raw[:20]!r} is not a number") from None
        if not 0 < interval <= 86400:
            raise ConfigError("STATION_MCF_TRACK_SECONDS must be between 0 and 86400 seconds")

    def desk() -> McfDesk | None:
        demo_journal = demo_mcf_folder(env) / DEMO_JOURNAL_FILE
        if runtime.demo_dir is not None and not demo_journal.exists():
            return None  # a demo that never used MCF: leave the data folder alone
        return build_mcf_desk(runtime, environ=environ)

    tracker = McfTracker(desk, interval=interval)
    runtime.on_close(tracker.stop)
    return tracker.start()

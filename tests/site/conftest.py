"""Warehouse mode against a real PostgreSQL: a throw-away cluster for the whole test session
(started here, stopped at the end; never a server someone else started) and a fresh database per
test, owned by a role that logs in with a password (as the README's site set-up does)."""

from __future__ import annotations

import base64
import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings
from station.paths import StationPaths
from station.runtime import Runtime, RuntimeOptions, build_runtime, demo_settings
from station.secrets import MemorySecretStore
from station.site.db import PASSWORD_KEY_NAME, SiteDatabase
from station.site.url import check_site_url
from station.spapi.http import RetryPolicy as HttpRetryPolicy
from station.workflow.gateway import SpApiGateway
from tests.helpers.postgres import PgCluster, unavailable_reason
from tests.workflow.conftest import (  # noqa: F401 - fixtures used by the site tests
    Station,
    counter,
    sim_config,
    simulator,
)

ROLE = "packing"
PASSWORD = "site-test-password"  # a throw-away cluster's test role

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    reason = unavailable_reason()
    if reason is not None:
        pytest.skip(f"no PostgreSQL here: {reason}")
    cluster = PgCluster().start()
    try:
        cluster.psql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture
def site_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh, empty site database for this test; its journal_url (no password in it)."""
    if not pg_cluster.running():
        pg_cluster.start()  # a test stopped it
    name = f"site_{os.getpid()}_{next(_numbers)}"
    pg_cluster.psql(f"CREATE DATABASE {name} OWNER {ROLE}")
    yield pg_cluster.url(name, ROLE)
    if not pg_cluster.running():
        pg_cluster.start()
    pg_cluster.psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


SiteDbFactory = Callable[..., SiteDatabase]


@pytest.fixture
def site_key(site_url: str) -> str:
    """The site set up (`station site init`'s work) with a fresh data key; the key."""
    from station.site.admin import init_site, new_data_key

    key = new_data_key()
    init_site(SiteDatabase(check_site_url(site_url), "lead", "0", lambda: PASSWORD), key)
    return key


@pytest.fixture
def site_db(site_url: str) -> SiteDbFactory:
    def make(station_id: str = "bench-a", bench: str = "1") -> SiteDatabase:
        return SiteDatabase(check_site_url(site_url), station_id, bench, lambda: PASSWORD)

    return make


@pytest.fixture
def make_bench(
    simulator: Any,  # noqa: F811 - the fixture imported above, as a parameter
    site_url: str,
    tmp_path: Path,
) -> Iterator[Callable[..., Station]]:
    """A station in warehouse mode (its own data folder and journal, the site database shared),
    its password in a keyring of its own."""
    opened: list[Runtime] = []
    data_key = base64.urlsafe_b64encode(os.urandom(32)).decode()

    def make(
        name: str,
        bench: str,
        *,
        lease_s: float = 30.0,
        site_key: str | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> Station:
        """``site_key``: the site data key this bench holds (the shared cache is used)."""
        base = Settings.model_validate(
            {"station_id": name, "bench": bench, "journal_url": site_url}
        )
        settings = demo_settings(base, tmp_path / f"printers-{name}")
        runtime = build_runtime(
            RuntimeOptions(
                settings=settings,
                paths=StationPaths.under(tmp_path / name),
                environ={
                    "STATION_SPAPI_URL": simulator.base_url,
                    "STATION_LWA_URL": simulator.lwa_url,
                    "STATION_DATA_KEY": data_key,
                    "STATION_SITE_LEASE_SECONDS": str(lease_s),
                    **({"STATION_SITE_DATA_KEY": site_key} if site_key else {}),
                    **(extra_env or {}),
                },
                secret_store=MemorySecretStore({PASSWORD_KEY_NAME: PASSWORD}),
                http_retry=HttpRetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05),
            )
        )
        opened.append(runtime)
        generic_rdt = runtime.gateway.generic_rdt  # as the runtime set it up
        runtime.gateway = SpApiGateway(
            runtime.api, settings.api_version, poll_interval=0.02, label_wait_seconds=20
        )
        runtime.gateway.generic_rdt = generic_rdt
        engine = runtime.engine()
        station = Station(runtime, engine)
        engine.add_listener(station.events.append)
        return station

    yield make
    for runtime in reversed(opened):
        runtime.close()

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import Runtime, RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.spapi.http import RetryPolicy as HttpRetryPolicy
from tests.hostile.servers import HostileProxy


@pytest.fixture
def simulator() -> Iterator[SimulatorServer]:
    config = SimulatorConfig(seed=14, orders=24, processing_delay=0.02, rate_limits=False)
    with SimulatorServer(config) as server:
        yield server


@pytest.fixture
def proxy(simulator: SimulatorServer) -> Iterator[HostileProxy]:
    with HostileProxy(simulator.base_url) as hostile:
        yield hostile


@pytest.fixture
def station_env(
    isolated_station: Path, simulator: SimulatorServer, proxy: HostileProxy
) -> dict[str, str]:
    """The environment of a configured station (environment "simulator") whose SP-API is the
    hostile proxy, for running the real ``station`` program as a subprocess."""
    settings = demo_settings(Settings(station_id="hostile-1"), isolated_station / "printers")
    save_settings(settings, StationPaths.under(isolated_station).config_file)
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env.update(
        STATION_HOME=str(isolated_station),
        STATION_SPAPI_URL=proxy.base_url,
        STATION_LWA_URL=simulator.lwa_url,
        STATION_DATA_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        STATION_OUTBOX_RETRY_SECONDS="0.05",
        STATION_OUTBOX_SETTLE_SECONDS="0.3",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    return env


def proxied_runtime(
    proxy: HostileProxy,
    simulator: SimulatorServer,
    folder: Path,
    key: str,
    **environ: str,
) -> Runtime:
    """A station runtime (station id ``desk-1``, data in ``folder``) whose SP-API is the proxy."""
    settings = demo_settings(Settings(station_id="desk-1"), folder / "printers")
    return build_runtime(
        RuntimeOptions(
            settings=settings,
            paths=StationPaths.under(folder / "station"),
            environ={
                "STATION_SPAPI_URL": proxy.base_url,
                "STATION_LWA_URL": simulator.lwa_url,
                "STATION_DATA_KEY": key,
                **environ,
            },
            http_retry=HttpRetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05),
        )
    )

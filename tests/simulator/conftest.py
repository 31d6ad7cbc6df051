"""A real simulator on loopback per test, and an SP-API caller bound to it."""

from __future__ import annotations

import ssl
from collections.abc import Iterator

import httpx
import pytest

from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.helpers.contract import require_models
from tests.simulator.sim_client import FakeRenderer, Sp


@pytest.fixture
def sim_config() -> SimulatorConfig:
    return SimulatorConfig(seed=7, orders=30, processing_delay=0, rate_limits=False)


@pytest.fixture
def simulator(sim_config: SimulatorConfig) -> Iterator[SimulatorServer]:
    require_models()
    with SimulatorServer(sim_config, renderer=FakeRenderer()) as server:
        yield server


@pytest.fixture
def base_url(simulator: SimulatorServer) -> str:
    return simulator.base_url


@pytest.fixture(scope="session")
def tls() -> ssl.SSLContext:
    """One TLS context for all clients: building one per client costs 0.1 s (CA bundle), and
    the simulator is plain HTTP on loopback anyway."""
    return ssl.create_default_context()


@pytest.fixture
def sp(base_url: str, tls: ssl.SSLContext) -> Iterator[Sp]:
    with httpx.Client(base_url=base_url, timeout=10, verify=tls) as http:
        client = Sp(http)
        client.login()
        yield client


@pytest.fixture
def admin(base_url: str, tls: ssl.SSLContext) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url + "/_simulator", timeout=10, verify=tls) as http:
        yield http

"""The packing engine against the real simulator on loopback, with file printers."""

from __future__ import annotations

import base64
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from station.config import Settings
from station.journal import OutboxWorker, RetryPolicy
from station.paths import StationPaths
from station.runtime import Runtime, RuntimeOptions, build_runtime, demo_settings
from station.simulator.api import ApiRequest, ApiResponse
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.spapi.http import RetryPolicy as HttpRetryPolicy
from station.workflow.acknowledgements import Acknowledger
from station.workflow.engine import PackingEngine
from station.workflow.events import Event
from station.workflow.gateway import SpApiGateway

FAST_POLICY = RetryPolicy(
    first_delay=0.05,
    max_delay=0.2,
    poll_first_delay=0.02,
    poll_max_delay=0.1,
    idle_poll=0.05,
    jitter=0.0,
)


def wait_until(condition: Callable[[], Any], timeout: float = 10.0, what: str = "") -> Any:
    """Poll ``condition`` until it is truthy; fail after ``timeout`` s (never a bare sleep)."""
    deadline = time.monotonic() + timeout
    gate = threading.Event()
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        gate.wait(0.02)


class RequestCounter:
    """Counts the API requests the simulator receives (admin requests are not API requests)."""

    def __init__(self, server: SimulatorServer) -> None:
        self.paths: list[str] = []
        self._lock = threading.Lock()
        original = server.api

        def counting(request: ApiRequest) -> ApiResponse:
            with self._lock:
                self.paths.append(f"{request.method} {request.path}")
            return original(request)

        server.api = counting  # type: ignore[method-assign]

    @property
    def count(self) -> int:
        with self._lock:
            return len(self.paths)

    def reset(self) -> None:
        with self._lock:
            self.paths.clear()


@pytest.fixture
def sim_config() -> SimulatorConfig:
    return SimulatorConfig(seed=11, orders=24, processing_delay=0.02, rate_limits=False)


@pytest.fixture
def simulator(sim_config: SimulatorConfig) -> Iterator[SimulatorServer]:
    with SimulatorServer(sim_config) as server:
        yield server


@pytest.fixture
def counter(simulator: SimulatorServer) -> RequestCounter:
    return RequestCounter(simulator)


def record(server: SimulatorServer, po: str) -> dict[str, Any]:
    """The simulator's admin record of one PO: the test oracle (never used by the product)."""
    with httpx.Client(base_url=server.base_url, timeout=10) as http:
        response = http.get("/_simulator/record", params={"po": po})
        response.raise_for_status()
        result: dict[str, Any] = response.json()["orders"][po]
        return result


def accepted_confirmations(server: SimulatorServer, po: str) -> list[dict[str, Any]]:
    return [c for c in record(server, po)["confirmations"] if c["outcome"] == "accepted"]


def po_of_kind(server: SimulatorServer, kind: str) -> str:
    for order in server.state.orders.values():
        if order.kind == kind:
            return str(order.purchase_order_number)
    raise AssertionError(f"no {kind} order in the book")


def random_pos(server: SimulatorServer, count: int) -> list[str]:
    """Plain shippable POs (US label-printing warehouses), beyond the special first ones."""
    found = [
        str(o.purchase_order_number)
        for o in server.state.orders.values()
        if o.kind == "random" and o.region == "NA" and not o.warehouse.voc
    ]
    assert len(found) >= count, "the order book is too small"
    return found[:count]


@dataclass
class Station:
    """One station (runtime + engine) on the test's simulator, with its recorded events."""

    runtime: Runtime
    engine: PackingEngine
    events: list[Event] = field(default_factory=list)
    worker: OutboxWorker | None = None

    def of(self, kind: type[Any]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]

    def start_worker(self, settle_seconds: float = 0.5) -> OutboxWorker:
        self.worker = self.runtime.outbox_worker(policy=FAST_POLICY, settle_seconds=settle_seconds)
        self.worker.start()
        return self.worker

    def acknowledge(self, *pos: str) -> None:
        orders = [self.runtime.gateway.get_order(po) for po in pos]
        report = Acknowledger(
            self.runtime.gateway, self.runtime.settings, poll_interval=0.02
        ).acknowledge(orders)
        assert not report.failed, report


StationFactory = Callable[..., Station]


@pytest.fixture
def make_station(simulator: SimulatorServer, tmp_path: Path) -> Iterator[StationFactory]:
    opened: list[Runtime] = []
    data_key = base64.urlsafe_b64encode(os.urandom(32)).decode()

    def make(
        api_version: str = "2021-12-28",
        *,
        name: str = "station-a",
        label_printer: str | None = None,
        settings_update: dict[str, Any] | None = None,
        journal_dir: str | None = None,
    ) -> Station:
        base = Settings.model_validate({"api_version": api_version, "station_id": name})
        settings = demo_settings(base, tmp_path / f"printers-{name}")
        if settings_update:
            settings = settings.model_copy(update=settings_update)
        environ = {
            "STATION_SPAPI_URL": simulator.base_url,
            "STATION_LWA_URL": simulator.lwa_url,
            "STATION_DATA_KEY": data_key,
        }
        runtime = build_runtime(
            RuntimeOptions(
                settings=settings,
                paths=StationPaths.under(tmp_path / (journal_dir or name)),
                environ=environ,
                label_printer=label_printer,
                http_retry=HttpRetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05),
            )
        )
        opened.append(runtime)
        runtime.gateway = SpApiGateway(
            runtime.api, settings.api_version, poll_interval=0.02, label_wait_seconds=20
        )
        engine = runtime.engine()
        station = Station(runtime, engine)
        engine.add_listener(station.events.append)
        return station

    yield make
    for runtime in reversed(opened):
        runtime.close()


def prefetch(station: Station, *pos: str, box: str = "12x8x4in:1.5lb") -> None:
    """What shift preparation does for ``pos``: acknowledge, then order, label and slip into
    the encrypted cache."""
    from station.workflow.containers import parse_box_spec
    from station.workflow.gateway import LabelPackage
    from station.workflow.order_cache import store_prefetched

    gateway = station.runtime.gateway
    station.acknowledge(*pos)
    for po in pos:
        order = gateway.get_order(po)
        contents = {line.item_sequence_number: line.quantity for line in order.lines}
        labels = gateway.request_label(
            order, [LabelPackage(f"{po}-1", parse_box_spec(box), contents)], lambda _m: None
        )
        slip = gateway.get_packing_slip(po) if order.is_pslip_required else None
        store_prefetched(station.runtime.documents, order, labels, slip, None)

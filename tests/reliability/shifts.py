"""Whole shifts of shipments through the real engine against the simulator: the reliability
suite's workhorse.

Several stations (each with its own journal, document cache and outbox worker, as separate desks)
ship their share of the POs through ``PackingEngine`` exactly as the GUI's worker does: scan,
cartons, confirm. A step that fails raises a StationError; the packer's answer is to scan again,
so the desk does. Every failure is kept with its message so the test can check that each one was
surfaced clearly. The simulator's admin record is the oracle for "confirmed once, never twice".
"""

from __future__ import annotations

import base64
import os
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from station.config import Settings
from station.errors import StationError
from station.journal import OutboxItem, OutboxState, RetryPolicy
from station.paths import StationPaths
from station.runtime import Runtime, RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import FaultConfig
from station.simulator.server import SimulatorServer
from station.spapi.http import RetryPolicy as HttpRetryPolicy
from station.workflow.acknowledgements import Acknowledger
from station.workflow.containers import parse_box_spec
from station.workflow.engine import PackSession

BOX = parse_box_spec("12x8x4in:1.5lb")
FAST_OUTBOX = RetryPolicy(
    first_delay=0.05, max_delay=0.4, poll_first_delay=0.05, poll_max_delay=0.3, idle_poll=0.1
)
FAST_HTTP = HttpRetryPolicy(max_attempts=3, base_delay=0.01, max_delay=0.05, max_total_wait=2.0)
# What a message shown to a packer must never contain: a leaked library exception or a traceback.
UNCLEAR = ("Traceback", "object at 0x", "httpx.", "httpcore", "sqlite3.", "socket.", "Errno")


def unclear_reason(error: BaseException | str) -> str | None:
    """Why a failure shown to a person is not clear; None when it is."""
    if isinstance(error, str):
        text = error
    elif not isinstance(error, StationError):
        return f"not a StationError: {type(error).__module__}.{type(error).__name__}: {error}"
    else:
        if not error.message.strip():
            return f"{type(error).__name__} without a message"
        if not error.hint.strip():
            return f"{type(error).__name__} without a hint: {error.message}"
        text = error.user_text() + " " + str(error)
    if not text.strip():
        return "empty message"
    for marker in UNCLEAR:
        if marker in text:
            return f"message leaks {marker!r}: {text[:200]}"
    return None


@dataclass
class ShiftReport:
    shipped: int = 0
    failures: list[str] = field(default_factory=list)  # "ErrorType: message", as surfaced
    unclear: list[str] = field(default_factory=list)
    outbox_errors: list[str] = field(default_factory=list)  # retries the outbox recorded
    not_confirmed: list[str] = field(default_factory=list)
    seconds: float = 0.0


def sim_environ(server: SimulatorServer) -> dict[str, str]:
    return {
        "STATION_SPAPI_URL": server.base_url,
        "STATION_LWA_URL": server.lwa_url,
        "STATION_DATA_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    }


@contextmanager
def desk_runtime(server: SimulatorServer, root: Path, name: str) -> Iterator[Runtime]:
    """A station on ``server`` with file printers, its own files under ``root/name``."""
    settings = demo_settings(Settings(station_id=name), root / name / "printers")
    options = RuntimeOptions(
        settings=settings,
        paths=StationPaths.under(root / name),
        environ=sim_environ(server),
        http_retry=FAST_HTTP,
    )
    with build_runtime(options) as runtime:
        # The simulator's quotas are off in these runs: the client need not pace itself.
        runtime.api.http.rate_limiter.enabled = False
        yield runtime


def plain_pos(server: SimulatorServer, count: int) -> list[str]:
    found = [
        str(o.purchase_order_number)
        for o in server.state.orders.values()
        if o.kind == "random" and o.region == "NA" and not o.warehouse.voc
    ]
    assert len(found) >= count, f"the order book holds {len(found)} plain POs, not {count}"
    return found[:count]


def acknowledge_all(runtime: Runtime, pos: list[str]) -> None:
    """Set-up, with faults off: the simulator (like Amazon) refuses labels for NEW orders."""
    acknowledger = Acknowledger(runtime.gateway, runtime.settings, poll_interval=0.02)
    for start in range(0, len(pos), 50):
        orders = [runtime.gateway.get_order(po) for po in pos[start : start + 50]]
        report = acknowledger.acknowledge(orders)
        assert not report.failed and not report.rejected, report


def _ship_one(runtime: Runtime, po: str, report: ShiftReport, lock: threading.Lock) -> int | None:
    """Scan/cartons/confirm until the confirmation is recorded; returns its outbox id (None when
    an earlier attempt recorded it)."""
    engine = runtime.engine()
    for _attempt in range(40):
        try:
            session: PackSession = engine.scan_po(po)
            if session.already_shipped:
                return session.outbox_id
            engine.set_boxes(session, [BOX])
            return engine.confirm(session).id
        except Exception as exc:  # every failure must be a clear StationError
            reason = unclear_reason(exc)
            with lock:
                report.failures.append(f"{type(exc).__name__}: {exc}")
                if reason:
                    report.unclear.append(f"{po}: {reason}")
            if not isinstance(exc, StationError):
                raise
    raise AssertionError(f"{po}: no confirmation recorded after 40 attempts")


def run_shift(
    server: SimulatorServer,
    root: Path,
    pos: list[str],
    *,
    faults: FaultConfig,
    desks: int = 2,
    settle_seconds: float = 1.0,
    wait_seconds: float = 120.0,
) -> ShiftReport:
    """Ship ``pos`` over ``desks`` stations with ``faults`` on; faults go off before returning."""
    report = ShiftReport()
    lock = threading.Lock()
    started = time.monotonic()
    with ExitStack() as stack:
        runtimes = [
            stack.enter_context(desk_runtime(server, root, f"desk-{n}")) for n in range(desks)
        ]
        acknowledge_all(runtimes[0], pos)
        for runtime in runtimes:

            def outbox_error(item: OutboxItem) -> None:
                if item.last_error:
                    with lock:
                        report.outbox_errors.append(item.last_error)

            runtime.outbox.add_listener(outbox_error)
            runtime.outbox_worker(policy=FAST_OUTBOX, settle_seconds=settle_seconds).start()
        server.set_faults(faults)
        shares = [pos[n::desks] for n in range(desks)]
        recorded: list[dict[str, int | None]] = [{} for _ in range(desks)]
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                for po in shares[n]:
                    recorded[n][po] = _ship_one(runtimes[n], po, report, lock)
            except BaseException as exc:  # re-raised by the main thread
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(desks)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=3600)
        assert not errors, errors
        deadline = time.monotonic() + wait_seconds
        for runtime, ids in zip(runtimes, recorded, strict=True):
            engine = runtime.engine()
            for po, outbox_id in ids.items():
                if outbox_id is None:
                    continue
                left = max(0.1, deadline - time.monotonic())
                outcome = engine.wait_for_outcome(outbox_id, left)
                if outcome.accepted:
                    report.shipped += 1
                else:
                    state = outcome.item.state
                    report.not_confirmed.append(f"{po}: {state.value} {outcome.item.last_error}")
                    if state is OutboxState.FAILED:
                        reason = unclear_reason(outcome.item.last_error or "")
                        if reason:
                            report.unclear.append(f"{po}: {reason}")
        server.set_faults(FaultConfig())
    for message in report.outbox_errors:
        reason = unclear_reason(message)
        if reason:
            report.unclear.append(f"outbox: {reason}")
    report.seconds = time.monotonic() - started
    return report


def confirmation_counts(server: SimulatorServer, pos: list[str]) -> dict[str, int]:
    """From the simulator's admin record: POs with no accepted confirmation ("lost"), with more
    than one accepted ("duplicated"), and confirmations received beyond one per PO ("resent")."""
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        response = http.get("/_simulator/record")
        response.raise_for_status()
        book: dict[str, Any] = response.json()["orders"]
    lost = duplicated = resent = 0
    for po in pos:
        confirmations = book[po]["confirmations"]
        accepted = [c for c in confirmations if c["outcome"] == "accepted"]
        lost += not accepted
        duplicated += len(accepted) > 1
        resent += max(0, len(confirmations) - 1)
    return {"lost": lost, "duplicated": duplicated, "resent": resent}

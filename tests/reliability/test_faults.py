"""A misbehaving Amazon over a whole shift: 20 % 5xx, 10 % 429, dropped connections and 2 s
stalls. Every PO is confirmed eventually, none twice, and every failure a packer saw was a
StationError with a clear message and a hint (no leaked library exception, no traceback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.reliability.record import report
from tests.reliability.shifts import confirmation_counts, plain_pos, run_shift

FAULTS = FaultConfig(
    error_rate=0.20,
    throttle_rate=0.10,
    drop_rate=0.05,
    stall_rate=0.02,
    stall_seconds=2.0,
    seed=8,
)


def _shift(tmp_path: Path, shipments: int, desks: int, seed: int) -> None:
    config = SimulatorConfig(
        seed=seed, orders=int(shipments * 1.7) + 40, processing_delay=0.02, rate_limits=False
    )
    with SimulatorServer(config) as server:
        pos = plain_pos(server, shipments)
        shift = run_shift(server, tmp_path, pos, faults=FAULTS, desks=desks)
        counts = confirmation_counts(server, pos)

    tag = f"faults.{shipments}"
    detail = (
        f"{shipments} shipments over {desks} desks in {shift.seconds:.0f} s; "
        f"{len(shift.failures)} failures surfaced to the packer, "
        f"{len(shift.outbox_errors)} outbox retries"
    )
    report(f"{tag}.lost", f"faults ({shipments} shipments): POs never confirmed", counts["lost"],
           target=0, detail=detail)  # fmt: skip
    report(f"{tag}.duplicated", f"faults ({shipments} shipments): POs confirmed twice",
           counts["duplicated"], target=0)  # fmt: skip
    report(f"{tag}.resent", f"faults ({shipments} shipments): confirmations received twice",
           counts["resent"], target=0)  # fmt: skip
    report(f"{tag}.failures", f"faults ({shipments} shipments): failures surfaced",
           len(shift.failures) + len(shift.outbox_errors))  # fmt: skip
    report(f"{tag}.unclear", f"faults ({shipments} shipments): failures without a clear message",
           len(shift.unclear), target=0)  # fmt: skip

    assert not shift.unclear, shift.unclear[:10]
    assert not shift.not_confirmed, shift.not_confirmed[:10]
    assert counts == {"lost": 0, "duplicated": 0, "resent": 0}, counts
    assert shift.shipped == shipments
    # The faults really happened and were really surfaced (the run proves something).
    assert shift.failures or shift.outbox_errors


def test_a_small_faulty_shift_confirms_everything_once(tmp_path: Path) -> None:
    _shift(tmp_path, shipments=16, desks=2, seed=31)


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_five_hundred_shipments_under_faults(tmp_path: Path) -> None:
    _shift(tmp_path, shipments=500, desks=4, seed=32)

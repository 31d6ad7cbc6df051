"""Fault injection: the network and server misbehaviour the station must survive.

Decisions come from one generator seeded by ``FaultConfig.seed``, so the same sequence of
requests meets the same faults. The "network cut" is separate from the rates: while it is on,
every API connection is dropped (mode ``drop``) or refused at the socket (mode ``refuse``).
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass

from station.simulator.config import FaultConfig

FAULT_KINDS = ("drop", "stall", "error", "throttle", "malformed")


@dataclass(frozen=True)
class Verdict:
    latency_ms: int = 0
    fault: str | None = None  # one of FAULT_KINDS, or None
    error_status: int = 500  # for "error": 500 InternalFailure or 503 ServiceUnavailable


class FaultInjector:
    def __init__(self, config: FaultConfig) -> None:
        self._lock = threading.Lock()
        self.config = config
        self._rng = random.Random(config.seed)
        self.network_cut: str | None = None  # None, "drop" or "refuse"
        self.release = threading.Event()  # set to end stalls early (on stop)

    def configure(self, config: FaultConfig) -> None:
        with self._lock:
            self.config = config
            self._rng = random.Random(config.seed)

    def decide(self) -> Verdict:
        with self._lock:
            config = self.config
            rates = (
                ("drop", config.drop_rate),
                ("stall", config.stall_rate),
                ("error", config.error_rate),
                ("throttle", config.throttle_rate),
                ("malformed", config.malformed_rate),
            )
            fault = None
            for kind, rate in rates:
                if rate > 0 and self._rng.random() < rate:
                    fault = kind
                    break
            status = 503 if fault == "error" and self._rng.random() < 0.5 else 500
            return Verdict(config.latency_ms, fault, status)

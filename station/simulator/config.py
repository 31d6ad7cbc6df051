"""What a simulator run looks like: its order book, its timing and the faults it injects.

One frozen value object, so the GUI's demo mode, the command line and the tests all start the same
server the same way and a run can be reproduced from its settings alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from station.errors import ConfigError

STALL_SECONDS_DEFAULT = 30.0


@dataclass(frozen=True)
class FaultConfig:
    """Misbehaviour to inject into API answers (never into ``/_simulator/`` admin answers).

    Rates are probabilities in 0..1, drawn from a generator seeded with ``seed`` so a test that
    sends the same requests sees the same faults.
    """

    latency_ms: int = 0
    error_rate: float = 0.0  # 500/503 answers
    throttle_rate: float = 0.0  # 429 QuotaExceeded answers regardless of the buckets
    drop_rate: float = 0.0  # the connection is closed without an answer
    malformed_rate: float = 0.0  # 200 with a body that is not JSON
    stall_rate: float = 0.0  # no answer for ``stall_seconds``, then the connection is closed
    stall_seconds: float = STALL_SECONDS_DEFAULT
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("error_rate", "throttle_rate", "drop_rate", "malformed_rate", "stall_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(
                    f"Fault setting {name}={value!r} is not a probability",
                    hint="Use a number between 0 and 1 (for example 0.05 for 5 %).",
                )
        if self.latency_ms < 0 or self.stall_seconds < 0:
            raise ConfigError(
                "Latency and stall times cannot be negative",
                hint="Use 0 to switch them off.",
            )

    def to_json(self) -> dict[str, Any]:
        return {
            "latencyMs": self.latency_ms,
            "errorRate": self.error_rate,
            "throttleRate": self.throttle_rate,
            "dropRate": self.drop_rate,
            "malformedRate": self.malformed_rate,
            "stallRate": self.stall_rate,
            "stallSeconds": self.stall_seconds,
            "seed": self.seed,
        }

    def updated(self, raw: Any) -> FaultConfig:
        """A copy with the camelCase fields of an admin request applied (unknown keys refused)."""
        names = {
            "latencyMs": ("latency_ms", int),
            "errorRate": ("error_rate", float),
            "throttleRate": ("throttle_rate", float),
            "dropRate": ("drop_rate", float),
            "malformedRate": ("malformed_rate", float),
            "stallRate": ("stall_rate", float),
            "stallSeconds": ("stall_seconds", float),
            "seed": ("seed", int),
        }
        if not isinstance(raw, dict):
            raise ConfigError(
                "Fault settings must be a JSON object", hint='Send {"errorRate": 0.1}.'
            )
        changes: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in names:
                raise ConfigError(
                    f"Unknown fault setting {key!r}", hint=f"Use one of {', '.join(names)}."
                )
            attr, kind = names[key]
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"Fault setting {key!r} must be a number", hint="Send a number.")
            changes[attr] = kind(value)
        return replace(self, **changes)


@dataclass(frozen=True)
class SimulatorConfig:
    """Settings of one simulator server.

    ``processing_delay`` is how long a submitted transaction stays ``Processing``; 0 makes it
    finish as soon as the background worker picks it up (still after the 202 answer).
    """

    host: str = "127.0.0.1"
    port: int = 0  # 0: a free port chosen by the OS
    seed: int = 1
    orders: int = 24
    processing_delay: float = 0.2
    rate_limits: bool = True
    faults: FaultConfig = field(default_factory=FaultConfig)
    static_sandbox: bool = False
    models_dir: Path | None = None
    selling_party: str = "999US"
    mcf_state: Path | None = None  # a file keeping the MCF world between runs (demo mode)

    def __post_init__(self) -> None:
        if not 1 <= self.orders <= 10_000:
            raise ConfigError(
                f"Cannot simulate {self.orders} orders", hint="Choose between 1 and 10000 orders."
            )
        if not 0 <= self.port <= 65535:
            raise ConfigError(f"Port {self.port} is not a TCP port", hint="Use 0..65535.")
        if self.processing_delay < 0:
            raise ConfigError("The processing delay cannot be negative", hint="Use 0 or more.")
        if self.static_sandbox and self.models_dir is None:
            raise ConfigError(
                "Static-sandbox mode needs the folder of Amazon's SP-API models",
                hint="Pass --models DIR (the folder with the official *.json model files).",
            )

"""What the journal gives back: small frozen dataclasses, never database rows.

None of these carry customer data: the events table holds ids, codes and outcomes only, so the
history screen and support bundles can show it without exposing an address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    SCAN = "scan"
    PRINT = "print"
    LABEL = "label"
    CONFIRMATION = "confirmation"
    STATUS_UPDATE = "status_update"
    TRANSACTION = "transaction"
    ERROR = "error"
    CARTON = "carton"  # a carton's weight and where it came from (typed or the scale)


class ShipmentStatus(StrEnum):
    """A PO's confirmation as the packer sees it."""

    QUEUED = "queued"  # recorded in the outbox, not yet accepted by Amazon
    CONFIRMED = "confirmed"  # Amazon's transaction succeeded
    FAILED = "failed"  # Amazon rejected it: the errors say why


@dataclass(frozen=True)
class JournalEvent:
    id: int
    at: datetime
    station_id: str
    kind: EventKind
    po: str | None
    outcome: str | None
    ship_method: str | None
    transaction_id: str | None
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ShipmentRecord:
    """The latest confirmation state of one PO: when, where, and how it went."""

    po: str
    status: ShipmentStatus
    at: datetime
    station_id: str
    ship_method: str | None
    transaction_id: str | None
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class DaySummary:
    """End-of-day numbers for the warehouse lead."""

    day: date
    confirmed: int
    queued: int
    failed: int
    per_ship_method: Mapping[str, int]
    errors: int
    failed_prints: int
    open_in_outbox: int

    @property
    def shipments(self) -> int:
        return self.confirmed + self.queued + self.failed

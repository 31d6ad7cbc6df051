"""What the packing engine tells its listeners (the GUI, the command line, the tests).

Events are plain immutable data, named in the past tense. The engine emits them from whatever
thread did the work; a GUI re-posts them to its own thread (a Qt signal) before touching widgets.
None of them carries a customer address: they may be logged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from station.errors import ApiErrorDetail, StationError
from station.workflow.labels import LabelSet
from station.workflow.order import PackOrder


class Step(StrEnum):
    """Where one PO stands. The GUI's step indicator shows these in this order."""

    IDLE = "idle"
    LOOKING_UP = "looking_up"  # getOrder (or the cache)
    NEEDS_BOXES = "needs_boxes"  # no label yet: the cartons decide the label request
    LABEL = "label"  # fetching or requesting the label
    PRINTING = "printing"  # label, slip, invoice
    BOXES = "boxes"  # printed; waiting for the cartons (and item verification)
    CONFIRMING = "confirming"  # recorded in the outbox, being sent
    QUEUED = "queued"  # recorded; the network is down, it goes out by itself
    CONFIRMED = "confirmed"  # Amazon's transaction succeeded
    FAILED = "failed"  # stopped; the error says what to do


class DocumentKind(StrEnum):
    LABEL = "label"
    SLIP = "slip"
    INVOICE = "invoice"


@dataclass(frozen=True)
class Event:
    """``session_id``: the scan this event belongs to (``PackSession.scan_id``); a screen shows
    one scan and ignores events of any other. ``None`` when no scan of this run owns it (an
    outbox item confirmed by an earlier run)."""

    purchase_order_number: str | None
    at: datetime
    session_id: int | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class StepChanged(Event):
    step: Step
    message: str = ""


@dataclass(frozen=True)
class ProgressReported(Event):
    message: str


@dataclass(frozen=True)
class ScanRejected(Event):
    text_preview: str  # at most 40 characters of what was scanned
    error: StationError


@dataclass(frozen=True)
class OrderLoaded(Event):
    order: PackOrder
    from_cache: bool
    already_shipped_at: datetime | None = None  # when this PO was confirmed before
    already_shipped_by: str | None = None  # which station confirmed it


@dataclass(frozen=True)
class LabelReady(Event):
    labels: LabelSet
    source: str  # "cache", "amazon" or "requested"


@dataclass(frozen=True)
class DocumentPrinted(Event):
    document: DocumentKind
    printer_uri: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintFailed(Event):
    document: DocumentKind
    printer_uri: str
    error: StationError


@dataclass(frozen=True)
class ItemVerified(Event):
    item_sequence_number: int
    scanned: int
    ordered: int


@dataclass(frozen=True)
class ConfirmationQueued(Event):
    outbox_id: int
    offline: bool  # True when it could not go out now and waits for the network
    reason: str = ""  # why it did not go out (the last try's error), when offline


@dataclass(frozen=True)
class ConfirmationAccepted(Event):
    transaction_id: str


@dataclass(frozen=True)
class ConfirmationRejected(Event):
    transaction_id: str | None
    errors: tuple[ApiErrorDetail, ...] = field(default_factory=tuple)
    message: str = ""


@dataclass(frozen=True)
class OrderCancelled(Event):
    """Amazon says a PO packed from the prefetch cache was cancelled after it was prefetched
    (found by the background recheck; the confirmation is refused from then on)."""

    error: StationError


@dataclass(frozen=True)
class FlowFailed(Event):
    step: Step
    error: StationError


Listener = Callable[[Event], None]

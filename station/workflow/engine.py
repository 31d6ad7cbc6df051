"""The packing engine: from "a PO was scanned" to "Amazon accepted the confirmation".

Pure Python, no Qt. Every method blocks (HTTP, printing, SQLite) and is meant for one worker
thread (the GUI's task thread, or the main thread of ``station ship``); listeners receive the
events of ``station.workflow.events`` on whatever thread produced them.

One :class:`PackSession` per scanned PO holds where it stands (``session.step``)::

    scan_po ─> LOOKING_UP ─┬─ cancelled ──────────────────────────────> FAILED
                           ├─ already shipped: warn, offer reprint ───> (stays; no confirm)
                           ├─ label cached / at Amazon ─> PRINTING ─> BOXES
                           └─ no label ─> NEEDS_BOXES ─ set_boxes ─> LABEL ─> PRINTING ─> BOXES
    BOXES ─ set_boxes / scan_item ─ confirm ─> CONFIRMING ─┬─> CONFIRMED
                                                           ├─> QUEUED (offline; goes out later)
                                                           └─> FAILED (Amazon's reasons)

A PO packed from the prefetch cache needs no network to print; Amazon is asked about it again
on a background thread (newest scan first, quiet for a minute once the network is found out), and
a cancellation since the prefetch emits ``OrderCancelled`` and makes ``confirm`` refuse.

The confirmation is recorded in the outbox (durably) before anything is sent; the outbox worker
sends it and polls its transaction, and the engine turns the outbox's changes into events.
Nothing here logs a customer address: orders carry none, documents are never logged.
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Concatenate, ParamSpec, TypeVar

from station.config import Settings, WarehouseSettings
from station.errors import (
    NetworkError,
    NotFoundError,
    PrinterError,
    ScanError,
    StationError,
    WorkflowError,
)
from station.journal.documents import DocumentCache
from station.journal.outbox import (
    OPEN_STATES,
    Outbox,
    OutboxConflictError,
    OutboxItem,
    OutboxKind,
    OutboxState,
)
from station.journal.records import EventKind, ShipmentStatus
from station.journal.store import Journal
from station.printing import DocumentKind as PrintKind
from station.printing import Printer, PrinterState, PrintJob
from station.workflow.answers import (
    OrderRefusedError,
    WrongOrderError,
    check_answer_po,
    check_ours,
    pos_named,
)
from station.workflow.claims import ClaimStore, NoClaims
from station.workflow.confirmation import build_confirmation, container_identifier
from station.workflow.containers import Box, allocate
from station.workflow.delivery import SHIPPED_ELSEWHERE
from station.workflow.events import (
    ConfirmationAccepted,
    ConfirmationQueued,
    ConfirmationRejected,
    DocumentKind,
    DocumentPrinted,
    Event,
    FlowFailed,
    ItemVerified,
    LabelReady,
    Listener,
    OrderCancelled,
    OrderLoaded,
    PrintFailed,
    ProgressReported,
    ScanRejected,
    Step,
    StepChanged,
)
from station.workflow.gateway import DfGateway, LabelPackage, amazon_now
from station.workflow.labels import LabelSet, check_not_expired
from station.workflow.order import OrderStatus, PackOrder
from station.workflow.order_cache import load_prefetched, store_prefetched
from station.workflow.scan import normalise_item_code, validate_po

log = logging.getLogger(__name__)

__all__ = ["ConfirmationOutcome", "PackSession", "PackingEngine"]


@dataclass
class PackSession:
    """One PO being packed. Mutated only by the engine; read it freely (e.g. for the screen)."""

    po: str
    step: Step = Step.LOOKING_UP
    order: PackOrder | None = None
    from_cache: bool = False
    labels: LabelSet | None = None
    label_source: str = ""
    slip: bytes | None = None
    invoice: bytes | None = None
    boxes: tuple[Box, ...] = ()
    contents: tuple[Mapping[int, int], ...] = ()
    printed: set[DocumentKind] = field(default_factory=set)
    print_errors: dict[DocumentKind, StationError] = field(default_factory=dict)
    verified: dict[int, int] = field(default_factory=dict)
    already_shipped_at: datetime | None = None
    already_shipped_by: str | None = None
    shipped_elsewhere: bool = False  # Amazon shows it shipped, and not by this station
    outbox_id: int | None = None
    transaction_id: str | None = None
    error: StationError | None = None
    cancelled: StationError | None = None  # set when Amazon says the PO was cancelled since
    scan_id: int = 0  # which scan this is: every event about it carries it as session_id

    @property
    def already_shipped(self) -> bool:
        return self.already_shipped_by is not None

    @property
    def needs_slip(self) -> bool:
        return self.order is not None and self.order.is_pslip_required

    @property
    def needs_invoice(self) -> bool:
        return self.order is not None and self.order.needs_customer_invoice

    @property
    def verification_complete(self) -> bool:
        if self.order is None:
            return False
        return all(
            self.verified.get(line.item_sequence_number, 0) >= line.quantity
            for line in self.order.lines
        )

    def __repr__(self) -> str:
        return f"PackSession({self.po!r}, step={self.step.value}, order={self.order!r})"


@dataclass(frozen=True)
class ConfirmationOutcome:
    """Where a confirmation stands after waiting: ``step`` is CONFIRMED, QUEUED or FAILED."""

    step: Step
    item: OutboxItem

    @property
    def accepted(self) -> bool:
        return self.step is Step.CONFIRMED


def _now() -> datetime:
    return datetime.now(UTC)


class ScanSupersededError(WorkflowError):
    """The packer scanned something else while this PO was looked up: it is left alone."""

    default_hint = "Scan the PO again to pack it."


# The session an engine call acts on (per thread): its events carry its scan id.
_ACTING_ON: ContextVar[PackSession | None] = ContextVar("station_session", default=None)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _acts_on_session(
    method: Callable[Concatenate[PackingEngine, PackSession, _P], _R],
) -> Callable[Concatenate[PackingEngine, PackSession, _P], _R]:
    """Events emitted while ``method`` works on a session carry that session's scan id."""

    @functools.wraps(method)
    def wrapper(
        self: PackingEngine, session: PackSession, /, *args: _P.args, **kwargs: _P.kwargs
    ) -> _R:
        token = _ACTING_ON.set(session)
        try:
            return method(self, session, *args, **kwargs)
        finally:
            _ACTING_ON.reset(token)

    return wrapper


class PackingEngine:
    """The one packing path of the GUI and the headless commands (see the module docstring)."""

    def __init__(
        self,
        *,
        gateway: DfGateway,
        journal: Journal,
        outbox: Outbox,
        documents: DocumentCache,
        label_printer: Printer,
        slip_printer: Printer,
        settings: Settings,
        clock: Callable[[], datetime] = _now,
        recheck_cached: bool = True,
        claims: ClaimStore | None = None,
    ) -> None:
        self.gateway = gateway
        #: Which bench packs which PO (warehouse mode); a one-bench shop claims nothing.
        self.claims: ClaimStore = claims if claims is not None else NoClaims()
        self.journal = journal
        self.outbox = outbox
        self.documents = documents
        self.label_printer = label_printer
        self.slip_printer = slip_printer
        self.settings = settings
        self._clock = clock
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        # The most recent sessions only: each holds its label and slip bytes, and a shift scans
        # hundreds of POs. Outbox progress for an older PO still reaches listeners as events.
        self._sessions: OrderedDict[str, PackSession] = OrderedDict()
        self._unsubscribe = outbox.add_listener(self._on_outbox_change)
        #: Called with a NEW order before its label is requested, for vendors without an order
        #: system (``station.workflow.acknowledgements``); returns the order as it is now, or
        #: raises to stop before anything is requested (``station ship`` without
        #: --acknowledge). It reports its own progress. ``None``: NEW orders go on as they are
        #: (the vendor's system acknowledges them).
        self.acknowledge: Callable[[PackOrder], PackOrder] | None = None
        # A prefetched order may have been cancelled since: it is printed from the cache at
        # once, and asked about again in the background (one thread, newest PO first).
        self.recheck_cached = recheck_cached
        self._rechecks: OrderedDict[str, PackSession] = OrderedDict()
        self._recheck_wakeup = threading.Condition(self._lock)
        self._recheck_thread: threading.Thread | None = None
        self._recheck_quiet_until = 0.0  # monotonic time: no recheck before (the network is out)
        self._closed = False
        self._unknown_state_said: set[str] = set()  # printers whose "state unknown" was said
        self._scan_ids = itertools.count(1)
        self._confirmed_by: OrderedDict[int, int] = OrderedDict()  # outbox id -> its scan id

    def next_scan_id(self) -> int:
        """A new scan's id (no I/O: callable from a GUI thread before the scan is handled)."""
        return next(self._scan_ids)

    def close(self) -> None:
        """Stop listening and let a recheck in flight finish (the client closes after this)."""
        self._unsubscribe()
        with self._lock:
            self._closed = True
            self._rechecks.clear()
            self._recheck_wakeup.notify_all()
            thread = self._recheck_thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=RECHECK_JOIN_SECONDS)

    # -- listeners --------------------------------------------------------------------------

    def add_listener(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove

    def _emit(self, event: Event) -> None:
        session = _ACTING_ON.get()
        if (
            event.session_id is None
            and session is not None
            and event.purchase_order_number == session.po
        ):
            event = replace(event, session_id=session.scan_id)
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:
                log.exception("engine listener failed on %s", type(event).__name__)

    def _step(self, session: PackSession, step: Step, message: str = "") -> None:
        session.step = step
        self._emit(StepChanged(session.po, self._clock(), step, message))

    def _fail(self, session: PackSession, step: Step, error: StationError) -> StationError:
        session.error = error
        session.step = Step.FAILED
        self.journal.record_error(error.message, po=session.po, code=type(error).__name__)
        self._emit(FlowFailed(session.po, self._clock(), step, error))
        self._emit(StepChanged(session.po, self._clock(), Step.FAILED, error.message))
        return error

    # -- scanning a PO ----------------------------------------------------------------------

    def scan_po(
        self,
        text: str,
        *,
        source: str = "scanner",
        scan_id: int | None = None,
        superseded: Callable[[], bool] | None = None,
        planned_boxes: Sequence[Box] | None = None,
    ) -> PackSession:
        """Validate a scan, load the order, and print its documents when the label exists.

        Raises ScanError for a scan that is not a PO, and the StationError that stopped the flow
        otherwise (also emitted as FlowFailed). An already shipped PO returns a session with
        ``already_shipped`` set and prints nothing (offer :meth:`reprint`).

        ``scan_id`` (from :meth:`next_scan_id`) tags every event of this scan; ``superseded``
        is asked after the lookup: once it says True (the packer scanned something else), the
        PO is neither acknowledged nor printed (ScanSupersededError).

        ``planned_boxes`` (a headless run knows its cartons up front): checked against the order
        before it is acknowledged and against the label before anything prints, so a run that
        will be refused prints no paper.
        """
        scan_id = self.next_scan_id() if scan_id is None else scan_id
        try:
            po = validate_po(text)
        except ScanError as exc:
            self._emit(ScanRejected(None, self._clock(), text[:40], exc, session_id=scan_id))
            raise
        self.journal.record_scan(po, source=source)
        session = PackSession(po, scan_id=scan_id)
        token = _ACTING_ON.set(session)
        try:
            return self._scan_po(session, superseded or (lambda: False), planned_boxes)
        finally:
            _ACTING_ON.reset(token)

    def _scan_po(
        self,
        session: PackSession,
        superseded: Callable[[], bool],
        planned_boxes: Sequence[Box] | None = None,
    ) -> PackSession:
        po = session.po
        with self._lock:
            self._sessions[po] = session
            self._sessions.move_to_end(po)
            while len(self._sessions) > MAX_SESSIONS:
                self._sessions.popitem(last=False)
        self._step(session, Step.LOOKING_UP, f"Looking up PO {po}")
        try:
            self.claims.claim(po)  # another bench packing it stops the scan here
        except StationError as exc:
            raise self._fail(session, Step.LOOKING_UP, exc) from exc
        cached = None
        try:
            cached = load_prefetched(self.documents, po)
            if cached is not None:
                order = cached.order
                session.from_cache = True
            else:
                self._authorise(po)
                order = self.gateway.get_order(po)
        except NotFoundError as exc:
            raise self._fail(
                session,
                Step.LOOKING_UP,
                WorkflowError(
                    f"PO {po} was not found at Amazon",
                    hint=f"Check the PO number; Amazon said: {exc.message}",
                ),
            ) from exc
        except StationError as exc:
            raise self._fail(session, Step.LOOKING_UP, exc) from exc
        try:
            self._check_order(po, order)
        except StationError as exc:
            raise self._fail(session, Step.LOOKING_UP, exc) from exc
        session.order = order
        self._stop_if_superseded(session, superseded)
        if planned_boxes is not None and order.status in (OrderStatus.NEW, OrderStatus.ACCEPTED):
            try:
                allocate(
                    planned_boxes, {ln.item_sequence_number: ln.quantity for ln in order.lines}
                )
            except StationError as exc:
                raise self._fail(session, Step.LOOKING_UP, exc) from exc
        if order.status is OrderStatus.CANCELLED:
            self._emit(OrderLoaded(po, self._clock(), order, session.from_cache))
            raise self._fail(
                session,
                Step.LOOKING_UP,
                WorkflowError(
                    f"PO {po} is CANCELLED: do not ship it",
                    hint="Put the items back; the order was cancelled by Amazon or the customer.",
                ),
            )
        if order.status is OrderStatus.NEW and self.acknowledge is not None:
            try:  # the hook says what it does (it may refuse rather than acknowledge)
                order = session.order = self.acknowledge(order)
            except StationError as exc:
                raise self._fail(session, Step.LOOKING_UP, exc) from exc
        self._check_already_shipped(session)
        self._emit(
            OrderLoaded(
                po,
                self._clock(),
                order,
                session.from_cache,
                session.already_shipped_at,
                session.already_shipped_by,
            )
        )
        if cached is not None:
            if not session.already_shipped:
                self._schedule_recheck(session)
            session.slip, session.invoice = cached.slip, cached.invoice
            if cached.labels is not None:
                try:
                    self._check_labels(po, order, cached.labels)
                except StationError as exc:
                    raise self._fail(session, Step.LABEL, exc) from exc
                if cached.labels_obtained_at is not None:
                    try:
                        # Amazon's clock when known: a wrong PC clock must not keep a label alive.
                        now = amazon_now(self.gateway, self._clock())
                        check_not_expired(cached.labels_obtained_at, now, po)
                    except StationError as exc:
                        raise self._fail(session, Step.LABEL, exc) from exc
                session.labels, session.label_source = cached.labels, "cache"
        if session.already_shipped:
            self._step(
                session,
                session.step,
                f"PO {po} was already shipped"
                + (f" by {session.already_shipped_by}" if session.already_shipped_by else ""),
            )
            return session
        if session.labels is None:
            self._step(session, Step.LABEL, f"Fetching the label of PO {po}")
            try:
                labels = self.gateway.get_label(po)
                if labels is not None:
                    self._check_labels(po, order, labels)
                session.labels = labels
            except StationError as exc:
                raise self._fail(session, Step.LABEL, exc) from exc
            if session.labels is not None:
                session.label_source = "amazon"
                self.journal.record_label(
                    po, outcome="ok", source="get", packages=len(session.labels.packages)
                )
        if session.labels is None:
            self._step(
                session,
                Step.NEEDS_BOXES,
                f"PO {po} has no label yet: enter the cartons to request it",
            )
            return session
        self._stop_if_superseded(session, superseded)
        if planned_boxes is not None and len(session.labels.packages) != len(planned_boxes):
            raise self._fail(
                session, Step.LABEL, _label_count_error(po, session.labels, len(planned_boxes))
            )
        self._label_ready(session, superseded)
        return session

    def _check_order(self, po: str, order: PackOrder) -> None:
        """The order is the one scanned, of a warehouse packed here, in a state we know."""
        check_answer_po(po, order.purchase_order_number, "order")
        if order.status is OrderStatus.UNKNOWN:
            raise OrderRefusedError(
                f"Amazon did not say what state PO {po} is in (no known order status)",
                hint="Set it aside and check the order in Vendor Central; nothing was sent.",
            )
        if order.status in (OrderStatus.NEW, OrderStatus.ACCEPTED):
            check_ours(po, order.ship_from_party_id, self.settings)

    @staticmethod
    def _check_labels(po: str, order: PackOrder, labels: LabelSet) -> None:
        """A label is about the scanned PO and ships from the order's warehouse."""
        check_answer_po(po, labels.purchase_order_number, "label")
        if labels.ship_from_party_id != order.ship_from_party_id:
            raise WrongOrderError(
                f"The label of PO {po} ships from {labels.ship_from_party_id}, but the order "
                f"ships from {order.ship_from_party_id}: refused, nothing printed or sent",
            )

    def _stop_if_superseded(self, session: PackSession, superseded: Callable[[], bool]) -> None:
        if superseded():
            raise self._fail(
                session,
                session.step,
                ScanSupersededError(f"PO {session.po} was left: another scan came meanwhile"),
            )

    def _check_already_shipped(self, session: PackSession) -> None:
        po = session.po
        record = self.journal.shipment(po)
        if record is not None and record.status in (
            ShipmentStatus.CONFIRMED,
            ShipmentStatus.QUEUED,
        ):
            session.already_shipped_at = record.at
            session.already_shipped_by = record.station_id
            open_or_done = self.outbox.list(states=(*_OPEN, OutboxState.SUCCEEDED), po=po)
            confirmations = [i for i in open_or_done if i.kind is OutboxKind.CONFIRMATION]
            if confirmations:
                session.outbox_id = confirmations[-1].id
                session.transaction_id = confirmations[-1].transaction_id
            return
        assert session.order is not None
        if session.order.status is OrderStatus.SHIPPED:
            session.already_shipped_by = "another station (Amazon shows the PO shipped)"
            session.shipped_elsewhere = True
            self.journal.record_error(
                f"Another desk already shipped PO {po}: hold the box, do not send it",
                po=po,
                code=SHIPPED_ELSEWHERE,
            )

    def _label_ready(
        self, session: PackSession, superseded: Callable[[], bool] = lambda: False
    ) -> None:
        assert session.labels is not None and session.order is not None
        self._emit(LabelReady(session.po, self._clock(), session.labels, session.label_source))
        self._fetch_paperwork(session)
        self._cache(session)
        self._stop_if_superseded(session, superseded)  # the paperwork may have taken long
        self.print_documents(session)

    def _fetch_paperwork(self, session: PackSession) -> None:
        po = session.po
        try:
            if session.needs_slip and session.slip is None:
                session.slip = self.gateway.get_packing_slip(po)
            if session.needs_invoice and session.invoice is None:
                session.invoice = self.gateway.get_customer_invoice(po)
        except StationError as exc:
            raise self._fail(session, Step.PRINTING, exc) from exc

    def _cache(self, session: PackSession) -> None:
        """Keep what was fetched for reprints (and a re-scan with no round trip)."""
        if session.from_cache and session.label_source == "cache":
            return
        assert session.order is not None
        try:
            store_prefetched(
                self.documents, session.order, session.labels, session.slip, session.invoice
            )
        except StationError as exc:  # the cache is a convenience: packing goes on without it
            log.warning("could not cache the documents of %s: %s", session.po, exc.message)

    # -- labels -----------------------------------------------------------------------------

    @_acts_on_session
    def set_boxes(self, session: PackSession, boxes: Sequence[Box]) -> PackSession:
        """Declare the cartons (with their contents, one open box by default).

        Without a label yet, this requests it with one container per carton, then prints.
        """
        order = self._require_order(session)
        contents = allocate(boxes, {ln.item_sequence_number: ln.quantity for ln in order.lines})
        if session.labels is not None and len(session.labels.packages) != len(boxes):
            raise _label_count_error(session.po, session.labels, len(boxes))
        session.boxes = tuple(boxes)
        session.contents = tuple(contents)
        for number, box in enumerate(boxes, start=1):
            self.journal.record(
                EventKind.CARTON,
                po=session.po,
                outcome=box.weight_source,
                detail={
                    "carton": number,
                    "weight": str(box.weight),
                    "unit": box.weight_unit,
                    "weight_source": box.weight_source,
                },
            )
        if session.already_shipped:
            return session
        if session.labels is None:
            self._request_label(session)
            self._label_ready(session)
        elif session.step is not Step.FAILED:
            self._step(session, Step.BOXES, f"{len(boxes)} carton(s) entered")
        return session

    def _request_label(self, session: PackSession) -> None:
        order = self._require_order(session)
        po = session.po
        packages = [
            LabelPackage(container_identifier(po, n), box, held)
            for n, (box, held) in enumerate(zip(session.boxes, session.contents, strict=True), 1)
        ]
        self._step(session, Step.LABEL, f"Requesting the label of PO {po} ({len(packages)} box)")

        def progress(message: str) -> None:
            self._emit(ProgressReported(po, self._clock(), message))

        try:
            with self.claims.in_flight(po, "label request"):  # the claim cannot lapse meanwhile
                labels = self.gateway.request_label(order, packages, progress)
            self._check_labels(po, order, labels)
            session.labels = labels
        except StationError as exc:
            self.journal.record_label(po, outcome="failed", source="create", packages=len(packages))
            raise self._fail(session, Step.LABEL, exc) from exc
        session.label_source = "requested"
        self.journal.record_label(
            po, outcome="ok", source="create", packages=len(session.labels.packages)
        )

    # -- printing ---------------------------------------------------------------------------

    @_acts_on_session
    def print_documents(self, session: PackSession) -> bool:
        """Print the label(s), and the slip/invoice when needed; True when everything printed."""
        self._check_claim(session, Step.PRINTING)
        self._step(session, Step.PRINTING, f"Printing the documents of PO {session.po}")
        ok = self._print_labels(session)
        if session.needs_slip:
            ok = self._print_pdf(session, DocumentKind.SLIP, session.slip) and ok
        if session.needs_invoice:
            ok = self._print_pdf(session, DocumentKind.INVOICE, session.invoice) and ok
        if ok:
            self._step(session, Step.BOXES, "Printed: pack the items and enter the cartons")
        else:
            self._step(
                session, Step.PRINTING, "A document did not print: fix the printer and reprint"
            )
        return ok

    @_acts_on_session
    def reprint(self, session: PackSession, document: DocumentKind | None = None) -> bool:
        """Print again (all documents, or one); the labels are fetched when not at hand."""
        po = session.po
        self._check_claim(session, Step.PRINTING)
        if session.labels is None:
            try:
                labels = self.gateway.get_label(po)
                if labels is not None and session.order is not None:
                    self._check_labels(po, session.order, labels)
                session.labels = labels
            except StationError as exc:
                raise self._fail(session, Step.PRINTING, exc) from exc
            if session.labels is None:
                raise self._fail(
                    session,
                    Step.PRINTING,
                    WorkflowError(f"PO {po} has no label to reprint", hint="Request the label."),
                )
            session.label_source = "amazon"
        if document is None:
            before = session.step
            if session.already_shipped:
                self._fetch_paperwork(session)
                ok = self._print_labels(session)
                if session.needs_slip:
                    ok = self._print_pdf(session, DocumentKind.SLIP, session.slip) and ok
                if session.needs_invoice:
                    ok = self._print_pdf(session, DocumentKind.INVOICE, session.invoice) and ok
                session.step = before
                return ok
            return self.print_documents(session)
        if document is DocumentKind.LABEL:
            return self._print_labels(session)
        self._fetch_paperwork(session)
        content = session.slip if document is DocumentKind.SLIP else session.invoice
        return self._print_pdf(session, document, content)

    def _check_claim(self, session: PackSession, step: Step) -> None:
        try:
            self.claims.check(session.po)
        except StationError as exc:
            raise self._fail(session, step, exc) from exc

    def _print_labels(self, session: PackSession) -> bool:
        assert session.labels is not None
        packages = session.labels.packages
        for index, package in enumerate(packages, start=1):
            job = PrintJob(
                content=package.document.data,
                kind=PrintKind(package.document.kind),
                name=f"{session.po} label {index} of {len(packages)}",
            )
            if not self._print(
                session, DocumentKind.LABEL, self.label_printer, job, package.package_identifier
            ):
                return False
        return True

    def _print_pdf(self, session: PackSession, kind: DocumentKind, content: bytes | None) -> bool:
        printer = self.slip_printer
        if content is None:
            error = WorkflowError(
                f"Amazon has no {kind.value} for PO {session.po}",
                hint="Reprint in a minute; Amazon may not have produced it yet.",
            )
            return self._print_failed(session, kind, printer, error)
        job = PrintJob(content=content, kind=PrintKind.PDF, name=f"{session.po} {kind.value}")
        return self._print(session, kind, printer, job, None)

    def _print(
        self,
        session: PackSession,
        kind: DocumentKind,
        printer: Printer,
        job: PrintJob,
        package_id: str | None,
    ) -> bool:
        uri = printer.address.uri
        try:
            result = printer.print_job(job)
        except StationError as exc:
            return self._print_failed(session, kind, printer, exc, package_id)
        self.journal.record_print(session.po, kind.value, uri, True, package_id=package_id)
        session.printed.add(kind)
        session.print_errors.pop(kind, None)
        warnings = result.warnings
        status = result.status
        if status is not None and status.state is PrinterState.UNKNOWN:
            # A printer that cannot tell its state is said to once, not at every label.
            with self._lock:
                first = uri not in self._unknown_state_said
                self._unknown_state_said.add(uri)
            if first:
                role = "label printer" if kind is DocumentKind.LABEL else "slip printer"
                warnings = (f"{role}: state unknown ({status.detail or 'not reported'})", *warnings)
        self._emit(DocumentPrinted(session.po, self._clock(), kind, uri, warnings))
        return True

    def _print_failed(
        self,
        session: PackSession,
        kind: DocumentKind,
        printer: Printer,
        error: StationError,
        package_id: str | None = None,
    ) -> bool:
        uri = printer.address.uri
        session.printed.discard(kind)
        session.print_errors[kind] = error
        self.journal.record_print(
            session.po, kind.value, uri, False, error.message, package_id=package_id
        )
        if isinstance(error, PrinterError):
            log.warning("printing the %s of %s failed: %s", kind.value, session.po, error.message)
        self._emit(PrintFailed(session.po, self._clock(), kind, uri, error))
        return False

    # -- item verification ------------------------------------------------------------------

    @_acts_on_session
    def scan_item(self, session: PackSession, text: str) -> ItemVerified:
        """Count one scanned item against its PO line; a wrong or extra item is a ScanError."""
        order = self._require_order(session)
        code = normalise_item_code(text)
        matching = [line for line in order.lines if code in {i.upper() for i in line.identifiers}]
        if not matching:
            error = ScanError(
                f"Item {code} is not on PO {session.po}",
                hint="Take it out of the box: this order does not contain it",
            )
            self._emit(ScanRejected(session.po, self._clock(), text[:40], error))
            raise error
        for line in matching:
            seq = line.item_sequence_number
            if session.verified.get(seq, 0) < line.quantity:
                session.verified[seq] = session.verified.get(seq, 0) + 1
                event = ItemVerified(
                    session.po, self._clock(), seq, session.verified[seq], line.quantity
                )
                self._emit(event)
                return event
        line = matching[0]
        error = ScanError(
            f"All {line.quantity} of item {code} are already scanned",
            hint="Take the extra item out: the order has fewer",
        )
        self._emit(ScanRejected(session.po, self._clock(), text[:40], error))
        raise error

    # -- confirming -------------------------------------------------------------------------

    def warehouse(self, party_id: str) -> WarehouseSettings | None:
        for warehouse in self.settings.warehouses:
            if warehouse.code == party_id:
                return warehouse
        return None

    @_acts_on_session
    def confirm(
        self,
        session: PackSession,
        boxes: Sequence[Box] | None = None,
        *,
        shipped_at: datetime | None = None,
    ) -> OutboxItem:
        """Check every rule, record the confirmation in the outbox, and return the item.

        The outbox worker sends it; follow it with :meth:`wait_for_outcome` or the events.
        """
        order = self._require_order(session)
        po = session.po
        if session.cancelled is not None:
            raise session.cancelled
        if session.already_shipped:
            raise WorkflowError(
                f"PO {po} was already shipped"
                + (f" ({session.already_shipped_by})" if session.already_shipped_by else "")
                + ": it is never confirmed twice",
                hint="Reprint the label if needed; do not ship the order again.",
            )
        self._check_claim(session, Step.CONFIRMING)
        if boxes is not None:
            self.set_boxes(session, boxes)
        if not session.boxes:
            self.set_boxes(session, self._default_boxes())
        if session.labels is None:
            raise WorkflowError(f"PO {po} has no label yet", hint="Enter the cartons first.")
        if DocumentKind.LABEL not in session.printed:
            raise WorkflowError(
                f"The label of PO {po} has not printed",
                hint="Fix the label printer and reprint before confirming.",
            )
        if self.settings.verify_items and not session.verification_complete:
            missing = sum(
                line.quantity - session.verified.get(line.item_sequence_number, 0)
                for line in order.lines
            )
            raise WorkflowError(
                f"{missing} item(s) of PO {po} are not scanned yet",
                hint="Scan every item before closing the box.",
            )
        now = self._clock()
        try:
            body = build_confirmation(
                order,
                session.labels,
                session.boxes,
                session.contents,
                api_version=self.gateway.api_version,
                warehouse=self.warehouse(order.ship_from_party_id),
                region=self.settings.region,
                shipped_at=shipped_at or now,
                now=now,
            )
        except StationError as exc:
            self.journal.record_error(exc.message, po=po, code=type(exc).__name__)
            self._emit(FlowFailed(po, self._clock(), Step.BOXES, exc))
            raise
        named = pos_named(body)
        if named != {po}:
            error = WrongOrderError(
                f"The confirmation of PO {po} would name PO {', '.join(sorted(named - {po}))}: "
                "refused, nothing recorded or sent"
            )
            raise self._fail(session, Step.CONFIRMING, error)
        self._step(session, Step.CONFIRMING, f"Recording the confirmation of PO {po}")
        try:
            item = self.outbox.enqueue(
                OutboxKind.CONFIRMATION, po, body, ship_method=order.ship_method
            )
        except OutboxConflictError as exc:
            raise self._fail(session, Step.CONFIRMING, exc) from exc
        session.outbox_id = item.id
        with self._lock:
            self._confirmed_by[item.id] = session.scan_id
            while len(self._confirmed_by) > MAX_CONFIRMATIONS_TRACKED:
                self._confirmed_by.popitem(last=False)
        self.claims.shipped(po)
        try:
            self.documents.mark_shipped(po)
        except StationError as exc:
            log.warning("could not start the retention clock of %s: %s", po, exc.message)
        self._emit(ConfirmationQueued(po, self._clock(), item.id, offline=False))
        return item

    def _default_boxes(self) -> list[Box]:
        raise WorkflowError(
            "No carton was entered", hint="Enter the carton's dimensions and weight."
        )

    def wait_for_outcome(
        self, outbox_id: int, timeout: float, *, until_settled: bool = False
    ) -> ConfirmationOutcome:
        """Wait up to ``timeout`` s for Amazon's decision on an outbox item.

        Returns CONFIRMED or FAILED when decided, QUEUED when still open at the deadline.
        """
        done = threading.Event()

        def changed(item: OutboxItem) -> None:
            if item.id == outbox_id and not item.is_open:
                done.set()

        unsubscribe = self.outbox.add_listener(changed)
        try:
            deadline = time.monotonic() + timeout
            while True:
                item = self.outbox.get(outbox_id)
                if item is None:
                    raise WorkflowError(f"Outbox item {outbox_id} does not exist")
                if not item.is_open:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                done.wait(min(left, 0.5))  # also re-read: another process may own the worker
        finally:
            unsubscribe()
        if item.state is OutboxState.SUCCEEDED:
            step = Step.CONFIRMED
        elif item.state is OutboxState.FAILED:
            step = Step.FAILED
        else:
            step = Step.QUEUED
        return ConfirmationOutcome(step, item)

    def _on_outbox_change(self, item: OutboxItem) -> None:
        """Turn the outbox's progress into the engine's events (any thread)."""
        if item.kind is not OutboxKind.CONFIRMATION:
            return
        with self._lock:
            scan_id = self._confirmed_by.get(item.id)
            session = self._sessions.get(item.po)
        if session is not None and session.scan_id != scan_id:
            session = None  # scanned again since: the news is about the earlier scan
        self._outbox_news(item, session, scan_id)

    def _outbox_news(self, item: OutboxItem, session: PackSession | None, scan: int | None) -> None:
        now = self._clock()
        if item.state is OutboxState.SUCCEEDED:
            if session is not None:
                session.transaction_id = item.transaction_id
                session.step = Step.CONFIRMED
            self._emit(
                ConfirmationAccepted(item.po, now, item.transaction_id or "", session_id=scan)
            )
            self._emit(
                StepChanged(
                    item.po, now, Step.CONFIRMED, "Amazon accepted the shipment", session_id=scan
                )
            )
        elif item.state is OutboxState.FAILED:
            if session is not None:
                session.step = Step.FAILED
            self._emit(
                ConfirmationRejected(
                    item.po,
                    now,
                    item.transaction_id,
                    item.errors,
                    item.last_error or "",
                    session_id=scan,
                )
            )
            self._emit(
                StepChanged(
                    item.po, now, Step.FAILED, item.last_error or "rejected", session_id=scan
                )
            )
        elif item.state is OutboxState.ASK_AMAZON:
            self._emit(
                StepChanged(
                    item.po, now, Step.QUEUED, item.last_error or "ask Amazon", session_id=scan
                )
            )
        elif item.state is OutboxState.PENDING and item.attempts > 0 and item.last_error:
            if session is not None:
                session.step = Step.QUEUED
            self._emit(
                ConfirmationQueued(
                    item.po,
                    now,
                    item.id,
                    offline=True,
                    reason=item.last_error or "",
                    session_id=scan,
                )
            )
            self._emit(
                StepChanged(
                    item.po,
                    now,
                    Step.QUEUED,
                    f"Not sent yet, it goes out by itself ({item.last_error[:120]})",
                    session_id=scan,
                )
            )

    # -- the background recheck of prefetched orders -----------------------------------------

    def _schedule_recheck(self, session: PackSession) -> None:
        if not self.recheck_cached:
            return
        with self._lock:
            if self._closed:
                return
            self._rechecks[session.po] = session
            self._rechecks.move_to_end(session.po)
            while len(self._rechecks) > MAX_SESSIONS:
                self._rechecks.popitem(last=False)
            if self._recheck_thread is None:
                self._recheck_thread = threading.Thread(
                    target=self._recheck_loop, name="station-recheck", daemon=True
                )
                self._recheck_thread.start()
            self._recheck_wakeup.notify()

    def _recheck_loop(self) -> None:
        while True:
            with self._lock:
                while not self._rechecks and not self._closed:
                    self._recheck_wakeup.wait()
                if self._closed:
                    return
                _po, session = self._rechecks.popitem(last=True)  # the newest scan first
                quiet = self._recheck_quiet_until - time.monotonic()
            if quiet > 0:  # offline a moment ago: the cache is all there is; skip this one
                continue
            try:
                self._recheck(session)
            except Exception:  # a check that cannot be done is a check not done, never a crash
                log.exception("rechecking PO %s failed", session.po)

    def _recheck(self, session: PackSession) -> None:
        po = session.po
        if session.outbox_id is not None:
            return  # already confirmed: Amazon's answer to the confirmation says the rest
        try:
            current = self.gateway.get_order(po)
        except NetworkError as exc:
            with self._lock:
                self._recheck_quiet_until = time.monotonic() + RECHECK_QUIET_SECONDS
            log.info("PO %s: status not rechecked (%s); packing from the cache", po, exc.message)
            return
        except StationError as exc:
            log.info("PO %s: status not rechecked (%s); packing from the cache", po, exc.message)
            return
        if current.purchase_order_number != po:
            log.warning("PO %s: the recheck was answered about another PO; ignored", po)
            return
        if current.status is OrderStatus.CANCELLED:
            error = WorkflowError(
                f"PO {po} was CANCELLED after it was prefetched: do not ship it",
                hint="Put the items back and set its label aside; the order will not ship.",
            )
            code = "cancelled-after-prefetch"
        elif current.status is OrderStatus.SHIPPED:
            error = WorkflowError(
                f"Another desk already shipped PO {po} since it was prefetched: HOLD THIS BOX, "
                "do not send it",
                hint="Set the box and its label aside and tell the warehouse lead; the order "
                "has left from another desk.",
            )
            code = SHIPPED_ELSEWHERE
        else:
            return
        session.cancelled = error
        self.journal.record_error(error.message, po=po, code=code)
        try:  # a later scan of it, even offline, stops at once
            cached = load_prefetched(self.documents, po)
            if cached is not None:
                store_prefetched(
                    self.documents,
                    current,
                    cached.labels,
                    cached.slip,
                    cached.invoice,
                    labels_obtained_at=cached.labels_obtained_at,
                )
        except StationError as exc:
            log.warning("PO %s: the cancellation is not in the cache: %s", po, exc.message)
        if session.outbox_id is None:
            self._emit(OrderCancelled(po, self._clock(), error, session_id=session.scan_id))

    # -- helpers ----------------------------------------------------------------------------

    def _authorise(self, po: str) -> None:
        """One Restricted Data Token for the PO's order, label, slip and invoice at once.

        Amazon allows one Tokens call a second; asking per operation would spend three on every
        scan and slow fast packers by seconds. Best effort: if it fails, each call asks for its
        own token and reports its own error.
        """
        try:
            self.gateway.authorise([po])
        except StationError as exc:
            log.info("could not pre-authorise PO %s: %s", po, type(exc).__name__)

    def _require_order(self, session: PackSession) -> PackOrder:
        if session.order is None:
            raise WorkflowError(f"PO {session.po} has not been looked up", hint="Scan it again.")
        return session.order

    def session(self, po: str) -> PackSession | None:
        with self._lock:
            return self._sessions.get(po)


def _label_count_error(po: str, labels: LabelSet, cartons: int) -> ScanError:
    count = len(labels.packages)
    return ScanError(
        f"PO {po} has {count} label(s) but {cartons} carton(s) were entered",
        hint=f"Pack it in {count} carton(s), one per label: each carton carries the "
        "tracking number of its label. Amazon keeps the label set it created for this PO, so if "
        f"the items cannot go in {count} carton(s), hold the order and ask Amazon (Vendor "
        "Central support) to replace its label",
    )


#: How many recent PO sessions the engine keeps (for reprints and late outbox news).
MAX_SESSIONS = 32
#: How many recent confirmations the engine remembers the scan of (their news names the scan).
MAX_CONFIRMATIONS_TRACKED = 1024
# After a recheck found the network out, prefetched orders are not asked about for this long.
RECHECK_QUIET_SECONDS = 60.0
# How long closing the engine waits for a recheck in flight: long enough for an answering API,
# short enough that `station ship` offline is not held up by a request that hangs (the thread is
# a daemon; a request cut short by the closing client is only a recheck not done).
RECHECK_JOIN_SECONDS = 2.0

_OPEN = tuple(OPEN_STATES)

"""Shift preparation: the day's orders, labels, slips and invoices cached before the first scan.

A prefetched PO prints with no API round trip, so packers do not wait on Amazon (or on the
network) while the queue is long. ``station prefetch`` and the GUI's background job both run
:class:`ShiftPreparation`; the GUI passes a progress callback and a ``threading.Event`` to cancel.

The plan is shaped by Amazon's quotas, not by convenience. Every DF operation allows 10 requests/s
(burst 10) and createRestrictedDataToken 1/s (burst 10, 50 resources per token), so:

1. orders are listed (getOrders with details, 100 per page, 7-day windows) for every warehouse
   at once and filtered to the ones configured here; cancelled and shipped ones are skipped, and
   so are POs already cached (resumable, idempotent);
2. optionally NEW orders are acknowledged, 200 per call (:mod:`station.workflow.acknowledgements`);
3. packing slips (when required) are listed 100 per call; India's customer invoices are fetched
   per PO;
4. existing labels are listed 100 per call (the next page is fetched while the last one is
   stored) and each complete PO is cached, 100 POs per journal transaction;
5. missing labels are requested 200 per submitShippingLabelRequest call (both API versions
   accept the batched operation), the transactions polled oldest first, the new labels listed;
6. anything a listing did not return is fetched per PO, after pre-authorising those POs' RDTs in
   batches (``gateway.authorise``: 50 resources per Tokens call), a few requests in parallel.

A list call needs one Restricted Data Token for all its pages, so a whole shift costs a handful
of Tokens calls instead of one per 12 POs. ``bench/prefetch.py`` compares a 2,000-order shift with
the floor the quotas allow.

Listing needs the SP-API gateway; with another ``DfGateway`` (a test fake) every document is
fetched per PO. A failure is recorded against its PO and reported; it never stops the batch.
Orders are cached through :mod:`station.workflow.order_cache`, the format the engine reads.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from typing import Any, TypeVar

from station.config import Settings
from station.errors import NetworkError, StationError, WorkflowError
from station.journal import DocumentCache, Journal
from station.spapi.client import SpApi
from station.spapi.content import decode_document
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.workflow.acknowledgements import (
    BATCH_SIZE as ACK_BATCH,
)
from station.workflow.acknowledgements import (
    Acknowledger,
    AckReport,
    attribute_errors,
    await_transactions,
)
from station.workflow.gateway import DfGateway, SpApiGateway, amazon_now
from station.workflow.labels import LabelSet
from station.workflow.order import OrderStatus, PackOrder
from station.workflow.order_cache import load_prefetched, store_prefetched
from station.workflow.outage import BatchStop, OutageWatch
from station.workflow.submissions import Operation, SubmissionLog, certainly_not_sent

log = logging.getLogger(__name__)

__all__ = [
    "LABEL_BATCH",
    "LEFT_FOR_SCAN",
    "PAGE_SIZE",
    "PrefetchOptions",
    "PrefetchProgress",
    "PrefetchReport",
    "ShiftPreparation",
    "shift_window",
]

PAGE_SIZE = 100  # the largest page the DF list operations return
LABEL_BATCH = 200  # label requests per submitShippingLabelRequest call (Amazon sets no limit)
STORE_BATCH = 100  # POs cached per journal transaction
ACK_PIPELINE = 6  # acknowledgement batches in flight together while the orders are listed
LEFT_FOR_SCAN = "left for their scan: several units, the label is requested with the cartons"
_SKIP = (OrderStatus.CANCELLED, OrderStatus.SHIPPED)


@dataclass(frozen=True)
class PrefetchOptions:
    day: date | None = None  # the shift's day (local); default today
    lookback_days: int = 7  # orders created this many days before the day still wait to ship
    acknowledge: bool = False  # acknowledge NEW orders (vendors without an order system)
    request_missing: bool = True  # request labels Amazon has not created yet
    workers: int = 4  # per-PO fetches in parallel (each operation keeps its own rate limit)


@dataclass(frozen=True)
class PrefetchProgress:
    phase: str  # "orders", "acknowledge", "slips", "labels", "requests", "documents", "done"
    done: int
    total: int
    message: str


@dataclass
class PrefetchReport:
    listed: int = 0  # orders Amazon listed for the window
    fetched: int = 0  # POs now cached
    requested: int = 0  # labels requested from Amazon
    skipped: int = 0  # already cached, cancelled or shipped
    acknowledged: int = 0
    rejected: int = 0  # acknowledged with a rejection code
    failed: dict[str, str] = field(default_factory=dict)  # PO -> reason
    # With request_missing off: POs Amazon has no label for yet (not a failure; a scan requests it)
    without_label: list[str] = field(default_factory=list)
    # POs of several units Amazon has no label for: the label waits for the cartons, typed at the
    # scan (one container per carton); neither kept nor failed
    left_for_scan: list[str] = field(default_factory=list)
    tokens_calls: int = 0  # createRestrictedDataToken calls this run made
    seconds: float = 0.0
    cancelled: bool = False
    # Amazon stopped answering half-way (several requests in a row found no network): what was
    # seen, and the POs not prepared because of it (fetched at their scan or by the next run)
    network_lost: str | None = None
    not_reached: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{self.fetched} fetched, {self.requested} labels requested, {self.skipped} skipped, "
            f"{len(self.failed)} failed in {self.seconds:.1f} s"
        )
        if self.left_for_scan:
            text += f"; {len(self.left_for_scan)} {LEFT_FOR_SCAN}"
        if self.acknowledged or self.rejected:
            text += f" ({self.acknowledged} acknowledged, {self.rejected} rejected)"
        if self.network_lost is not None:
            text += (
                f" — Amazon could not be reached any more: {len(self.not_reached)} not fetched "
                "(they are fetched at their scan or by the next prefetch)"
            )
        elif self.cancelled:
            text += " — cancelled before the end"
        return text


def shift_window(
    day: date, lookback_days: int, now: datetime, tz: Any = None
) -> tuple[datetime, datetime]:
    """Created-after/before for the orders that may ship on ``day`` (local midnight bounds)."""
    zone = tz or now.astimezone().tzinfo
    start = datetime.combine(day - timedelta(days=max(0, lookback_days)), dtime(), zone)
    end = datetime.combine(day + timedelta(days=1), dtime(), zone)
    end = min(end, now)
    if end <= start:
        raise WorkflowError(
            f"The shift of {day:%Y-%m-%d} is in the future: no orders can exist for it yet",
            hint="Run shift preparation for today (leave out --date).",
        )
    return start.astimezone(UTC), end.astimezone(UTC)


@dataclass(frozen=True)
class _Refused:
    """A listed order the flow cannot use, with the reason (the batch goes on without it)."""

    po: str
    order: Any
    error: StationError


class _Listing:
    """The bulk list operations of one API version (the gateway only offers per-PO calls)."""

    def __init__(self, api: SpApi, v1: bool) -> None:
        self.api = api
        self.v1 = v1
        self.orders = api.orders_v1 if v1 else api.orders_2021
        self.shipping = api.shipping_v1 if v1 else api.shipping_2021

    def iter_orders(
        self, after: datetime, before: datetime, ship_from: str | None
    ) -> Iterator[PackOrder | _Refused]:
        for order in self.orders.iter_orders(
            after, before, ship_from_party_id=ship_from, limit=PAGE_SIZE, include_details=True
        ):
            try:
                yield PackOrder.from_api(order)
            except StationError as exc:  # a strange order is refused alone
                yield _Refused(order.purchase_order_number, order, exc)

    def iter_labels(
        self, after: datetime, before: datetime, ship_from: str | None
    ) -> Iterator[tuple[str, LabelSet | StationError]]:
        for label in self.shipping.iter_shipping_labels(
            after, before, ship_from_party_id=ship_from, limit=PAGE_SIZE
        ):
            try:
                yield label.purchase_order_number, LabelSet.from_api(label)
            except StationError as exc:
                yield label.purchase_order_number, exc

    def iter_slips(
        self, after: datetime, before: datetime, ship_from: str | None
    ) -> Iterator[tuple[str, bytes | StationError]]:
        for slip in self.shipping.iter_packing_slips(
            after, before, ship_from_party_id=ship_from, limit=PAGE_SIZE
        ):
            try:
                yield slip.purchase_order_number, decode_document(slip.content, expected="pdf").data
            except StationError as exc:
                yield slip.purchase_order_number, exc

    def submit_label_requests(self, orders: Sequence[PackOrder]) -> str:
        items = [
            {
                "purchase_order_number": o.purchase_order_number,
                "selling_party": {"party_id": o.selling_party_id},
                "ship_from_party": {"party_id": o.ship_from_party_id},
            }
            for o in orders
        ]
        if self.v1:
            reference = self.api.shipping_v1.submit_shipping_label_request(
                [s1.ShippingLabelRequest.model_validate(i) for i in items]
            )
        else:
            reference = self.api.shipping_2021.submit_shipping_label_request(
                [s21.ShippingLabelRequest.model_validate(i) for i in items]
            )
        if not reference.transaction_id:
            raise WorkflowError(
                "Amazon accepted the label requests without a transaction id",
                hint="Run shift preparation again; labels already created are skipped.",
            )
        return reference.transaction_id


@dataclass
class _Work:
    """One PO on its way into the cache."""

    order: PackOrder
    slip: bytes | None = None
    invoice: bytes | None = None

    @property
    def po(self) -> str:
        return self.order.purchase_order_number

    @property
    def documents_ready(self) -> bool:
        return (self.slip is not None or not self.order.is_pslip_required) and (
            self.invoice is not None or not self.order.needs_customer_invoice
        )


class ShiftPreparation:
    """Runs shift preparation; safe to run again (what is cached is skipped)."""

    def __init__(
        self,
        gateway: DfGateway,
        documents: DocumentCache,
        settings: Settings,
        *,
        journal: Journal | None = None,
        wait_seconds: float = 300.0,
        poll_interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.gateway = gateway
        self.documents = documents
        self.settings = settings
        self.journal = journal
        self._wait = wait_seconds
        self._poll = poll_interval
        self._clock = clock
        self._now = now or (lambda: datetime.now(UTC))
        self._listing = (
            _Listing(gateway.api, gateway.api_version == "v1")
            if isinstance(gateway, SpApiGateway)
            else None
        )

    def __repr__(self) -> str:
        return f"ShiftPreparation({self.gateway!r})"

    def _tokens_calls(self) -> int:
        if self._listing is None or self._listing.api.rdt is None:
            return 0
        return self._listing.api.rdt.calls

    # -- the run ------------------------------------------------------------------------------

    def run(
        self,
        options: PrefetchOptions | None = None,
        progress: Callable[[PrefetchProgress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> PrefetchReport:
        """Prefetch the shift's orders. Raises only when the orders cannot even be listed."""
        options = options or PrefetchOptions()
        cancel = cancel or threading.Event()
        started, tokens_before = self._clock(), self._tokens_calls()
        report = PrefetchReport()
        run = _Run(self, options, report, progress or (lambda _p: None), BatchStop(cancel))
        try:
            run.execute()
        finally:
            report.cancelled = cancel.is_set()
            run.settle_outage()
            report.seconds = self._clock() - started
            report.tokens_calls = self._tokens_calls() - tokens_before
            run.say("done", report.fetched, report.fetched + len(report.failed), report.summary())
        return report


class _Run:
    """One execution of shift preparation (the state of a run, kept off the long-lived object)."""

    def __init__(
        self,
        owner: ShiftPreparation,
        options: PrefetchOptions,
        report: PrefetchReport,
        progress: Callable[[PrefetchProgress], None],
        cancel: threading.Event,
    ) -> None:
        self.o = owner
        self.options = options
        self.report = report
        self.progress = progress
        self.cancel = cancel  # the caller's cancel, or Amazon found unreachable (self.watch)
        self.watch = OutageWatch(cancel)
        self.network_pos: set[str] = set()  # failed for want of network before it was clear
        self.work: dict[str, _Work] = {}
        self.total = 0
        self.listed_labels = False  # the listing of existing labels went through
        self.label_queue: list[_Work] = []  # acknowledged one-unit POs waiting for a request
        self.lock = threading.RLock()  # per-PO fetches run in a few threads

    def say(self, phase: str, done: int, total: int, message: str) -> None:
        try:
            self.progress(PrefetchProgress(phase, done, total, message))
        except Exception:  # a broken progress display must not stop the shift preparation
            log.exception("prefetch progress callback failed")

    def network_failed(self, pos: Iterable[str], error: NetworkError, reason: str) -> None:
        """A request for ``pos`` found no network: counted towards an outage; once the outage
        is clear the POs are not failed but left for their scan or the next run."""
        self.watch.failed(error)
        if self.watch.lost:
            return
        for po in pos:
            self.network_pos.add(po)
            self.fail(po, reason)

    def settle_outage(self) -> None:
        """After the run: with the network gone, what was not prepared is named once, apart."""
        if not self.watch.lost:
            return
        with self.lock:
            for po in self.network_pos:
                self.report.failed.pop(po, None)
            self.report.network_lost = self.watch.reason
            self.report.not_reached = sorted(set(self.work) | self.network_pos)

    def fail(self, po: str, reason: str) -> None:
        with self.lock:
            self.report.failed[po] = reason
            self.work.pop(po, None)
        if self.o.journal is not None:
            self.o.journal.record_error(f"prefetch: {reason}", po=po, code="prefetch")

    # -- phases -------------------------------------------------------------------------------

    def execute(self) -> None:
        now = self.o._now()
        day = self.options.day or now.astimezone().date()
        after, before = shift_window(day, self.options.lookback_days, now)
        if self.o._listing is not None:
            self.overlapped(after, before, now)
            return
        self.list_orders(after, before)
        if self.cancel.is_set() or not self.work:
            return
        if self.options.acknowledge:
            self.acknowledge()
        self.slips_and_invoices(after, before)
        if self.cancel.is_set():
            return
        self.labels(after, before)

    def overlapped(self, after: datetime, before: datetime, started: datetime) -> None:
        """The phases overlapped, each on its own quota (the plan of bench/prefetch.py):

        - packing slips are listed while the orders are (getPackingSlips beside getOrders);
        - every 200 NEW orders listed are acknowledged at once (a few batches in flight
          together), and as soon as Amazon accepted a batch its one-unit POs join the label
          requests, sent 200 per call while the listing goes on (the rest at its end). An order
          NEW when this station acknowledged it can have no label (Amazon creates none for an
          unacknowledged order), so it needs no look at the existing labels first;
        - existing labels (created before this run) are listed for the orders that were
          ACCEPTED already, then their missing labels requested;
        - all label transactions are awaited together and the new labels listed once.
        """
        slips: dict[str, bytes | StationError] = {}
        slip_lister = threading.Thread(
            target=self._list_slips, args=(after, before, slips), name="prefetch-slips", daemon=True
        )
        slip_lister.start()
        transactions: dict[str, list[str]] = {}
        requested: set[str] = set()
        pending: list[PackOrder] = []
        pool = (
            ThreadPoolExecutor(ACK_PIPELINE, thread_name_prefix="prefetch-ack")
            if self.options.acknowledge
            else None
        )
        futures: list[Future[None]] = []

        def hand_over(orders: list[PackOrder], *, last: bool = False) -> None:
            if pool is None:
                return
            pending.extend(orders)
            while pending and (len(pending) >= ACK_BATCH or last):
                batch = pending[:ACK_BATCH]
                del pending[:ACK_BATCH]
                futures.append(pool.submit(self._acknowledge_batch, batch, transactions, requested))

        try:
            self.list_orders(after, before, hand_over)
            hand_over([], last=True)
            slip_lister.join()
            self._take_slips(slips)
            if not self.cancel.is_set() and self.work:
                self.say("labels", self.report.fetched, self.total, "Listing existing labels")
                self._store_listed(after, started, fresh=False)
        finally:
            if pool is not None:
                for future in futures:
                    future.result()
                pool.shutdown()
        if self.cancel.is_set() or not self.work:
            return
        if self.options.request_missing:
            with self.lock:
                waiting = [w for w in self.label_queue if w.po in self.work] + [
                    w for w in self.work.values() if w.po not in requested and _one_carton(w.order)
                ]
                self.label_queue.clear()
            transactions.update(self._submit_label_requests(waiting))
            self._await_all(transactions, sent_earlier=True)
            if self.cancel.is_set() or not self.work:
                return
            self._store_listed(
                started - timedelta(minutes=1), self.o._now() + timedelta(minutes=1), fresh=True
            )
        self._leftovers()

    def _list_slips(
        self, after: datetime, before: datetime, into: dict[str, bytes | StationError]
    ) -> None:
        assert self.o._listing is not None
        try:
            for po, slip in self.o._listing.iter_slips(after, before, None):
                into[po] = slip
                if self.cancel.is_set():
                    return
        except StationError as exc:  # the POs left fall back to one GET each
            self.watch.failed(exc)
            log.warning("listing packing slips failed: %s", exc)

    def _take_slips(self, slips: Mapping[str, bytes | StationError]) -> None:
        with self.lock:
            needing = [w for w in self.work.values() if w.order.is_pslip_required]
        for work in needing:
            slip = slips.get(work.po)
            if isinstance(slip, StationError):
                self.fail(work.po, f"packing slip unusable: {slip.message}")
            elif slip is not None:
                work.slip = slip
        self._fetch_missing_documents()

    def _acknowledge_batch(
        self, batch: list[PackOrder], transactions: dict[str, list[str]], requested: set[str]
    ) -> None:
        """Acknowledge one batch, then queue its one-unit POs' label requests (a pool thread)."""
        if self.cancel.is_set():
            return
        result = self._acknowledger().acknowledge(batch)
        self._settle_acknowledgements(result)
        if not self.options.request_missing or self.cancel.is_set():
            return
        with self.lock:
            ready = [
                self.work[po]
                for po in result.accepted
                if po in self.work and _one_carton(self.work[po].order)
            ]
            requested.update(w.po for w in ready)
            # 200 POs per label request, as without overlap: no more calls (and polls) than that
            # plan, the rest goes with the last batch.
            self.label_queue.extend(ready)
            full = len(self.label_queue) >= LABEL_BATCH
            to_send = self.label_queue[:LABEL_BATCH] if full else []
            del self.label_queue[: len(to_send)]
        if to_send:
            submitted = self._submit_label_requests(to_send)
            with self.lock:
                transactions.update(submitted)

    def _ours(self, order: PackOrder) -> bool:
        """Orders of the warehouses configured here (all of them when none is configured)."""
        return self._ours_id(order.ship_from_party_id)

    def _ours_id(self, ship_from_party_id: str | None) -> bool:
        settings = self.o.settings
        return not settings.warehouses or settings.warehouse(ship_from_party_id or "") is not None

    def list_orders(
        self,
        after: datetime,
        before: datetime,
        hand_over: Callable[[list[PackOrder]], None] | None = None,
    ) -> None:
        """List the window's orders into ``self.work``; the NEW ones of each page are handed
        over as they come (to be acknowledged while the listing goes on)."""
        # One listing for every warehouse (filtered here) costs fewer calls than one listing per
        # warehouse, each ending in a partial page.
        if self.o._listing is not None:
            orders: Iterable[PackOrder | _Refused] = self.o._listing.iter_orders(
                after, before, None
            )
        else:
            orders = self.o.gateway.iter_orders(after, before)
        seen: set[str] = set()
        page: list[PackOrder] = []
        for order in orders:
            if self.cancel.is_set():
                return
            if isinstance(order, _Refused):
                if order.po not in seen and self._ours_id(_ship_from(order.order)):
                    seen.add(order.po)
                    self.report.listed += 1
                    self.fail(order.po, order.error.message)
                continue
            po = order.purchase_order_number
            if po in seen or not self._ours(order):
                continue
            if order.status is OrderStatus.UNKNOWN:
                seen.add(po)
                self.report.listed += 1
                self.fail(po, f"Amazon did not say what state PO {po} is in (no order status)")
                continue
            seen.add(po)
            self.report.listed += 1
            if order.status in _SKIP:
                self.report.skipped += 1
                continue
            page.append(order)
            if len(page) >= PAGE_SIZE:
                self._take_page(page, hand_over)
                page = []
            if self.report.listed % PAGE_SIZE == 0:
                self.say("orders", self.report.listed, 0, f"{self.report.listed} orders listed")
        self._take_page(page, hand_over)
        self.total = len(self.work)
        self.say("orders", 0, self.total, f"{self.total} orders to prepare")

    def _take_page(
        self, page: list[PackOrder], hand_over: Callable[[list[PackOrder]], None] | None
    ) -> None:
        """Keep a page's orders not cached yet (one look-up for the page where the cache can)."""
        if not page:
            return
        known = self.o.documents.known_orders([o.purchase_order_number for o in page])
        fresh = []
        for order in page:
            po = order.purchase_order_number
            if (known is None or po in known) and self._cached(order):
                self.report.skipped += 1
                continue
            with self.lock:
                self.work[po] = _Work(order)
            fresh.append(order)
        new = [o for o in fresh if o.status is OrderStatus.NEW]
        if hand_over is not None and new:
            hand_over(new)

    def _cached(self, order: PackOrder) -> bool:
        found = load_prefetched(self.o.documents, order.purchase_order_number)
        if found is None or found.labels is None:
            return False
        if order.is_pslip_required and found.slip is None:
            return False
        return not (order.needs_customer_invoice and found.invoice is None)

    def _acknowledger(self) -> Acknowledger:
        return Acknowledger(
            self.o.gateway,
            self.o.settings,
            journal=self.o.journal,
            wait_seconds=self.o._wait,
            poll_interval=self.o._poll,
            clock=self.o._clock,
            now=self.o._now,
            cancel=self.cancel,
            watch=self.watch,
        )

    def acknowledge(self) -> None:
        fresh = [w.order for w in self.work.values() if w.order.status is OrderStatus.NEW]
        if not fresh:
            return
        result = self._acknowledger().acknowledge(
            fresh, lambda m: self.say("acknowledge", 0, len(fresh), m)
        )
        self._settle_acknowledgements(result)

    def _settle_acknowledgements(self, result: AckReport) -> None:
        with self.lock:
            self.report.acknowledged += len(result.accepted)
            self.report.rejected += len(result.rejected)
            for po in result.accepted:
                work = self.work.get(po)
                if work is not None:
                    work.order = replace(work.order, status=OrderStatus.ACCEPTED)
            for po, code in result.rejected:
                self.work.pop(po, None)  # rejected: nothing will ship, nothing to cache
                log.info("PO %s acknowledged with rejection code %s", po, code)
        for po, reason in result.failed.items():
            self.fail(po, f"acknowledgement failed: {reason}")

    def slips_and_invoices(self, after: datetime, before: datetime) -> None:
        need_slip = {po for po, w in self.work.items() if w.order.is_pslip_required}
        if need_slip and self.o._listing is not None:
            self.say("slips", 0, len(need_slip), f"Listing {len(need_slip)} packing slips")
            try:
                for po, slip in self.o._listing.iter_slips(after, before, None):
                    work = self.work.get(po)
                    if work is None or not work.order.is_pslip_required:
                        continue
                    if isinstance(slip, StationError):
                        self.fail(po, f"packing slip unusable: {slip.message}")
                    else:
                        work.slip = slip
                    if self.cancel.is_set():
                        return
            except StationError as exc:  # the POs left fall back to one GET each
                self.watch.failed(exc)
                log.warning("listing packing slips failed: %s", exc)
        self._fetch_missing_documents()

    def _fetch_missing_documents(self) -> None:
        """Slips no listing gave and India's invoices: one GET each, a few in parallel."""
        with self.lock:
            missing = [
                w
                for w in self.work.values()
                if (w.order.is_pslip_required and w.slip is None)
                or (w.order.needs_customer_invoice and w.invoice is None)
            ]
        if missing:
            self.say("documents", 0, len(missing), f"Fetching {len(missing)} slips and invoices")
            self._authorise([w.po for w in missing])
            self._parallel(missing, self._fetch_documents)

    def _fetch_documents(self, work: _Work) -> None:
        if work.order.is_pslip_required and work.slip is None:
            work.slip = self.o.gateway.get_packing_slip(work.po)
            if work.slip is None:
                raise WorkflowError(f"Amazon has no packing slip for PO {work.po} yet")
        if work.order.needs_customer_invoice and work.invoice is None:
            work.invoice = self.o.gateway.get_customer_invoice(work.po)
            if work.invoice is None:
                raise WorkflowError(f"Amazon has no customer invoice for PO {work.po} yet")

    def labels(self, after: datetime, before: datetime) -> None:
        if self.o._listing is not None:
            self.say("labels", self.report.fetched, self.total, "Listing existing labels")
            self._store_listed(after, self.o._now(), fresh=False)
        if self.cancel.is_set() or not self.work:
            return
        if self.o._listing is None:
            self._authorise(list(self.work))
            self._parallel(list(self.work.values()), self._get_or_request_label)
            return
        if self.options.request_missing:
            requested_at = self.o._now() - timedelta(minutes=1)  # clock skew with Amazon
            self.request_labels()
            if self.cancel.is_set() or not self.work:
                return
            self._store_listed(requested_at, self.o._now() + timedelta(minutes=1), fresh=True)
        self._leftovers()

    def _leftovers(self) -> None:
        if self.listed_labels:
            # Several units, no label listed: a label is created after its order, so inside the
            # window; the listing saw every label there is. Left for the scan, no GET each.
            for work in [w for w in list(self.work.values()) if not _one_carton(w.order)]:
                self._no_label_yet(work)
        if self.work and not self.cancel.is_set():
            # Whatever the listings missed (a label created outside the window): one by one.
            self._authorise(list(self.work))
            self._parallel(list(self.work.values()), self._get_label_only)

    def _store_listed(self, after: datetime, before: datetime, *, fresh: bool) -> None:
        assert self.o._listing is not None
        source = "requested" if fresh else "list"
        batch: list[tuple[_Work, LabelSet]] = []
        try:
            for po, labels in _ahead(self.o._listing.iter_labels(after, before, None), self.cancel):
                work = self.work.get(po)
                if work is None:
                    continue
                if isinstance(labels, StationError):
                    self.fail(po, f"label unusable: {labels.message}")
                    continue
                batch.append((work, labels))
                if len(batch) >= STORE_BATCH:
                    self._store_batch(batch, source=source, fresh=fresh)
                    batch = []
                if self.cancel.is_set():
                    break
        except StationError as exc:  # the POs left fall back to one GET each
            self.watch.failed(exc)
            log.warning("listing labels failed: %s", exc)
        else:
            if not fresh and not self.cancel.is_set():
                self.listed_labels = True
        self._store_batch(batch, source=source, fresh=fresh)

    def _store_batch(
        self, batch: Sequence[tuple[_Work, LabelSet]], *, source: str, fresh: bool
    ) -> None:
        """Store many POs in one journal transaction: one fsync instead of three per PO."""
        journal = self.o.journal
        if not batch:
            return
        if journal is None:
            for work, labels in batch:
                self._store(work, labels, source=source, fresh=fresh)
            return
        stored: list[str] = []
        try:
            # One journal transaction, and one write of the cache where it is another store
            # (the site's): either fails, none of the batch is cached.
            with journal.write(), self.o.documents.batch():
                for work, labels in batch:
                    if self._store(work, labels, source=source, fresh=fresh):
                        stored.append(work.po)
        except StationError as exc:  # rolled back: none of the batch is cached
            with self.lock:
                self.report.fetched -= len(stored)
            for work, _labels in batch:
                self.fail(work.po, f"could not be cached: {exc.message}")

    def request_labels(self) -> None:
        waiting = [w for w in self.work.values() if _one_carton(w.order)]
        # multi-unit POs: their cartons are typed at the scan; the label request carries them
        self._await_all(self._submit_label_requests(waiting))

    def _submit_label_requests(self, works: Sequence[_Work]) -> dict[str, list[str]]:
        """Request the labels of ``works`` (200 per call); a request already on its way is
        waited for, not resent. Returns the transactions to await, with their POs."""
        assert self.o._listing is not None
        log = SubmissionLog(self.o.journal) if self.o.journal is not None else None
        transactions: dict[str, list[str]] = {}
        pending = []
        for work in works:
            found = log.open(Operation.LABEL, work.po) if log is not None else None
            if found is None:
                pending.append(work)
            elif found.transaction_id is not None:
                transactions.setdefault(found.transaction_id, []).append(work.po)
            elif log is not None and log.now() >= found.unsure_until():
                pending.append(work)
            else:
                self.fail(work.po, "a label request may be on its way; not sent twice")
        if pending:
            self.say("requests", 0, len(pending), f"Requesting {len(pending)} labels")
        for start in range(0, len(pending), LABEL_BATCH):
            if self.cancel.is_set():
                break
            batch = pending[start : start + LABEL_BATCH]
            pos = [w.po for w in batch]
            try:
                if log is not None:
                    log.submitting(Operation.LABEL, pos)
                transaction_id = self.o._listing.submit_label_requests([w.order for w in batch])
            except StationError as exc:
                if log is not None and certainly_not_sent(exc):
                    log.decided(Operation.LABEL, pos, None, "not-sent")
                if isinstance(exc, NetworkError):
                    self.network_failed(pos, exc, f"label request not sent: {exc}")
                    continue
                self.watch.answered()
                for work in batch:
                    self.fail(work.po, f"label request refused: {exc}")
                continue
            self.watch.answered()
            if log is not None:
                log.submitted(Operation.LABEL, pos, transaction_id)
            transactions[transaction_id] = pos
            with self.lock:
                self.report.requested += len(batch)
            self.say("requests", start + len(batch), len(pending), "Label requests sent")
        return transactions

    def _await_all(
        self, transactions: Mapping[str, list[str]], *, sent_earlier: bool = False
    ) -> None:
        """Wait for Amazon's verdict on every label transaction, polled together (at once when
        the oldest were ``sent_earlier``, while the orders were still being listed)."""
        results = await_transactions(
            self.o.gateway,
            list(transactions),
            wait_seconds=self.o._wait,
            poll_interval=self.o._poll,
            clock=self.o._clock,
            cancel=self.cancel,
            watch=self.watch,
            first_wait=0.0 if sent_earlier else None,
        )
        for transaction_id, pos in transactions.items():
            result = results.get(transaction_id)
            if result is None:
                if not self.cancel.is_set():
                    for po in pos:
                        self.fail(
                            po,
                            "Amazon is still processing the label request; the next run "
                            "waits for it (not sent again)",
                        )
                continue
            if self.o.journal is not None:
                SubmissionLog(self.o.journal).decided(
                    Operation.LABEL,
                    pos,
                    transaction_id,
                    result.status,
                    [f"{e.code}: {e.message}" for e in result.errors],
                )
            if result.status == "Failure":
                for po, reason in attribute_errors(result.errors, pos).items():
                    self.fail(po, f"Amazon refused the label request: {reason}")

    def _no_label_yet(self, work: _Work) -> None:
        """A PO without a label that prefetch does not request: left for its scan, not failed.

        Asked not to request labels, or a PO of several units: how many cartons it takes is
        known only at the scan, and a label set cannot change once Amazon created it.
        """
        if self.options.request_missing and work.order.status is OrderStatus.NEW:
            # Amazon creates no label for an order nobody acknowledged, at the scan either.
            self.fail(
                work.po,
                f"PO {work.po} is not acknowledged yet (NEW): Amazon creates no label for it",
            )
            return
        with self.lock:
            if self.options.request_missing:
                self.report.left_for_scan.append(work.po)
            else:
                self.report.without_label.append(work.po)
            self.work.pop(work.po, None)

    def _get_label_only(self, work: _Work) -> None:
        labels = self.o.gateway.get_label(work.po)
        if labels is None and not (self.options.request_missing and _one_carton(work.order)):
            self._no_label_yet(work)
            return
        if labels is None:
            raise WorkflowError(f"Amazon has no label for PO {work.po} yet")
        self._store(work, labels, source="get", fresh=False)

    def _get_or_request_label(self, work: _Work) -> None:
        labels = self.o.gateway.get_label(work.po)
        fresh = False
        if labels is None:
            if not (self.options.request_missing and _one_carton(work.order)):
                self._no_label_yet(work)
                return
            labels = self.o.gateway.request_label(work.order, (), lambda _m: None)
            with self.lock:
                self.report.requested += 1
            fresh = True
        self._store(work, labels, source="requested" if fresh else "get", fresh=fresh)

    # -- helpers ------------------------------------------------------------------------------

    def _store(self, work: _Work, labels: LabelSet, *, source: str, fresh: bool) -> bool:
        if not work.documents_ready:
            self.fail(work.po, "the packing slip or invoice is missing")
            return False
        if (
            labels.purchase_order_number != work.po
            or labels.ship_from_party_id != work.order.ship_from_party_id
        ):
            self.fail(
                work.po,
                f"the label names PO {labels.purchase_order_number} from "
                f"{labels.ship_from_party_id}, the order ships from "
                f"{work.order.ship_from_party_id}: refused",
            )
            return False
        # Labels live 90 days from creation; an old label's creation is unknown, but it cannot be
        # older than its order: the order date is the safe (earliest) start of its lifetime.
        obtained = amazon_now(self.o.gateway, self.o._now()) if fresh else work.order.order_date
        try:
            store_prefetched(
                self.o.documents,
                work.order,
                labels,
                work.slip,
                work.invoice,
                labels_obtained_at=obtained,
            )
        except StationError as exc:
            self.fail(work.po, f"could not be cached: {exc.message}")
            return False
        with self.lock:
            self.work.pop(work.po, None)
            self.report.fetched += 1
        if self.o.journal is not None:
            self.o.journal.record_label(
                work.po,
                outcome="cached",
                source=f"prefetch-{source}",
                packages=len(labels.packages),
            )
        if self.report.fetched % 25 == 0 or not self.work:
            self.say("labels", self.report.fetched, self.total, f"{self.report.fetched} cached")
        return True

    def _authorise(self, pos: Sequence[str]) -> None:
        """Restricted Data Tokens for many POs at once (50 resources per Tokens call)."""
        try:
            self.o.gateway.authorise(pos)
        except StationError as exc:  # each GET will ask for its own token then
            log.warning("pre-authorising %d POs failed: %s", len(pos), exc)

    def _parallel(self, items: Sequence[_Work], task: Callable[[_Work], None]) -> None:
        def one(work: _Work) -> None:
            if self.cancel.is_set():
                return
            try:
                task(work)
            except NetworkError as exc:
                self.network_failed([work.po], exc, str(exc))
                return
            except StationError as exc:
                self.watch.answered()
                self.fail(work.po, str(exc))
                return
            self.watch.answered()

        workers = max(1, min(self.options.workers, len(items)))
        if workers == 1:
            for work in items:
                one(work)
            return
        with ThreadPoolExecutor(workers, thread_name_prefix="prefetch") as pool:
            list(pool.map(one, items))


def _one_carton(order: PackOrder) -> bool:
    """A PO that certainly ships in one carton: one unit in all. Only its label is requested
    before the scan; any other waits for the cartons typed at the scan (one container each)."""
    return order.total_units == 1


def _ship_from(order: Any) -> str | None:
    """The ship-from party of a raw listed order (its details are optional)."""
    details = getattr(order, "order_details", None)
    party = getattr(details, "ship_from_party", None)
    party_id = getattr(party, "party_id", None)
    return party_id if isinstance(party_id, str) else None


T = TypeVar("T")
_END = object()


def _ahead(items: Iterable[T], cancel: threading.Event, depth: int = 256) -> Iterator[T]:
    """Iterate ``items`` in a helper thread, ``depth`` items ahead of the consumer.

    The next page of a listing is then on its way (or waiting out the rate limit) while the
    previous one is decoded, sealed and stored. Exceptions reach the consumer in order.
    """
    buffer: queue.Queue[object] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        buffer.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set() or cancel.is_set():
                    break
            buffer.put(_END)
        except BaseException as exc:  # handed over to the consumer's thread
            buffer.put(exc)

    thread = threading.Thread(target=produce, name="prefetch-listing", daemon=True)
    thread.start()
    try:
        while True:
            got = buffer.get()
            if got is _END:
                return
            if isinstance(got, BaseException):
                raise got
            yield got  # type: ignore[misc]
    finally:
        stop.set()
        while thread.is_alive():
            try:
                buffer.get_nowait()
            except queue.Empty:
                thread.join(0.1)

"""The lead's Multi-Channel Fulfillment desk: import, preview, send exactly once, track, cancel.

No Qt and no threads here: the GUI calls these methods from its background worker, the CLI calls
them directly. The journal (``McfOrderBook``) is the memory; Amazon (``McfClient``) the partner.

Exactly once, without an idempotency key: the ``sellerFulfillmentOrderId`` is derived from the
shop order (``derive_order_id``), so every attempt for an order names the same Amazon order; the
row is marked ``sending`` and committed before the create is sent; and an order found ``sending``
(a crash, a lost answer, a second station) is read back from Amazon first and created only when
Amazon does not have it. A create refused after such an interrupted attempt is not taken as a
failure until a read-back settles it.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TextIO

from station.errors import (
    ApiError,
    InvalidRequestError,
    NetworkError,
    ServerError,
    ThrottledError,
    WorkflowError,
)
from station.journal.mcf_orders import McfOrderBook, McfPackageRecord, McfRecord, McfState
from station.spapi.mcf import (
    FEATURE_BLANK_BOX,
    McfClient,
    McfFeatures,
    McfOrderDraft,
    McfOrderState,
    McfSpeedOption,
    Speed,
)
from station.workflow.mcf_import import (
    ImportProblem,
    ShopOrder,
    address_problems,
    derive_order_id,
    order_from_content,
    order_to_content,
    read_orders_csv,
    with_choice,
)

__all__ = [
    "TRACKING_COLUMNS",
    "ImportSummary",
    "McfDesk",
    "McfPreview",
    "NotFulfillableError",
    "SkuStock",
    "UnfulfillableReason",
    "not_fulfillable",
    "reason_words",
]

log = logging.getLogger("station.workflow.mcf")

DEFAULT_COMMENT = "Thank you for your order."
TRACKING_COLUMNS = (
    "shop_order",
    "amazon_order_id",
    "status",
    "carrier",
    "tracking_number",
    "package_status",
    "estimated_arrival",
)
#: States in which Amazon has (or is about to have) the order and tracking is worth asking for.
TRACKED_STATES = (McfState.SENT, McfState.ON_HOLD, McfState.ACCEPTED, McfState.SENDING)
#: Amazon's statuses of an order that is done (with every package delivered: nothing to track).
FINISHED_STATUSES = ("COMPLETE", "COMPLETE_PARTIAL")
_TRANSIENT = (NetworkError, ServerError, ThrottledError)
#: Rounds of "read back: not there; create: refused" before the refusal counts as a failure.
MAX_UNSETTLED_ATTEMPTS = 4
#: Waits (seconds) before reading an order back again when a retried create was refused: an
#: order Amazon took with a 202 can take a moment to become readable.
SETTLE_WAITS = (1.0, 2.0, 3.0)


@dataclass(frozen=True)
class ImportSummary:
    format: str
    added: tuple[str, ...]  # MCF order ids
    already_known: tuple[str, ...]  # shop orders imported before (left untouched)
    problems: tuple[ImportProblem, ...]
    updated: tuple[str, ...] = ()  # not yet at Amazon, changed since: the new content is kept


@dataclass(frozen=True)
class SkuStock:
    sku: str
    quantity: int
    enough: bool
    reasons: tuple[str, ...]
    blank_box_eligible: bool | None = None  # None: not asked (2026-07-04 has no such call)


@dataclass(frozen=True)
class McfPreview:
    order_id: str
    shop_order: str
    options: tuple[McfSpeedOption, ...]
    stock: tuple[SkuStock, ...]
    features: McfFeatures

    def option(self, speed: str) -> McfSpeedOption | None:
        return next((o for o in self.options if o.speed == speed), None)


@dataclass(frozen=True)
class UnfulfillableReason:
    """One of Amazon's reasons why an order cannot be filled, as its preview said it."""

    code: str  # Amazon's code: ExportRestricted, InventoryUnavailable, ItemQuantityNotAvailable...
    sku: str | None = None  # None: about the whole order (its destination, its speed)

    @property
    def about_stock(self) -> bool:
        return self.sku is not None or self.code.partition(":")[0] in STOCK_CODES


#: Amazon's unfulfillable reason codes (2020-07-01 preview reasons, 2026-07-04 constraint codes)
#: in the lead's words; ``{sku}`` is filled in. Anything else is shown as Amazon's own code.
REASON_WORDS = {
    "ExportRestricted": "Amazon does not ship to this destination from this marketplace "
    "(export restricted)",
    "InvalidDestinationAddress": "Amazon cannot deliver to this address",
    "InventoryUnavailable": "not enough FBA stock of {sku}",
    "ItemQuantityNotAvailable": "not enough FBA stock of {sku}",
    "InvalidSKU": "{sku} is not in FBA stock (no such SKU at Amazon)",
    "ItemNotEligible": "{sku} cannot ship with the chosen options",
    "NotAvailableWithBlockAmzl": "this speed needs Amazon Logistics, which the order blocks",
    "SpeedNotOffered": "this speed is not offered for the order",
}
#: The codes that are about the SKUs' FBA stock (the rest are about the order: destination, speed).
STOCK_CODES = frozenset(
    (
        "InventoryUnavailable",
        "ItemQuantityNotAvailable",
        "InvalidSKU",
        "ItemNotEligible",
        "FeatureNotEligible",
    )
)
FEATURE_WORDS = {
    "BLANK_BOX": "a blank box",
    "BLOCK_AMZL": "Amazon Logistics blocked",
    "SIGNATURE_CONFIRMATION": "signature on delivery",
}


def reason_words(reason: UnfulfillableReason) -> str:
    """Amazon's reason code in the lead's words (English; the screen translates its own)."""
    code, _, feature = reason.code.partition(":")
    sku = reason.sku or "an item"
    if code == "FeatureNotEligible":
        return f"{sku} cannot ship with {FEATURE_WORDS.get(feature, feature)}"
    words = REASON_WORDS.get(code)
    if words is None:
        about = f"{sku}: " if reason.sku else ""
        return f"{about}Amazon's reason {reason.code}"
    return words.format(sku=sku)


class NotFulfillableError(WorkflowError):
    """Amazon's preview says this order cannot be filled as chosen: nothing was sent."""

    def __init__(
        self,
        shop_order: str,
        speed: str,
        reasons: Sequence[UnfulfillableReason],
        other_speeds: Sequence[str],
    ) -> None:
        self.shop_order = shop_order
        self.speed = speed
        self.reasons = tuple(reasons)
        self.other_speeds = tuple(other_speeds)
        said = "; ".join(dict.fromkeys(reason_words(r) for r in self.reasons))
        if self.stock_short:
            hint = (
                "Fix the FBA stock (send the SKUs to Amazon, then preview again), or pack it "
                "here (`station mcf pack-here`)."
            )
        elif self.other_speeds:
            hint = f"Choose another speed ({', '.join(self.other_speeds)}), or pack it here."
        else:
            hint = "Pack it here (`station mcf pack-here`): Amazon will not ship it."
        super().__init__(
            f"Order {shop_order} not sent: Amazon's preview says it cannot be filled "
            f"({speed}): {said}",
            hint=hint,
        )

    @property
    def stock_short(self) -> bool:
        return any(r.about_stock for r in self.reasons)


class McfDesk:
    """Everything the "Amazon fulfilment" screen and ``station mcf`` do, in one place."""

    def __init__(
        self,
        book: McfOrderBook,
        client: McfClient | Callable[[], McfClient],
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        settle_waits: Sequence[float] = SETTLE_WAITS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.book = book
        self._client = client
        self._clock = clock
        self._settle_waits = tuple(settle_waits)
        self._sleep = sleep

    @property
    def client(self) -> McfClient:
        """Built on first use (no credentials are read just to list the journal)."""
        if not isinstance(self._client, McfClient):
            self._client = self._client()
        return self._client

    # -- orders in ----------------------------------------------------------------------------

    def import_csv(self, data: bytes) -> ImportSummary:
        result = read_orders_csv(data, now=self._clock())
        added, known, updated = [], [], []
        for order in result.orders:
            order_id = derive_order_id(order.shop_order)
            if self.add(order):
                added.append(order_id)
            elif self.book.get(order_id) is not None and self.book.replace_unsent(
                order_id, order_to_content(order)
            ):
                updated.append(order_id)
            else:
                known.append(order.shop_order)
        return ImportSummary(
            result.format, tuple(added), tuple(known), tuple(result.problems), tuple(updated)
        )

    def add(self, order: ShopOrder) -> bool:
        """One order (a CSV row group, or typed by the lead); False when already imported."""
        problems = address_problems(order.address)
        if problems:
            raise WorkflowError(
                f"Order {order.shop_order}: {'; '.join(problems)}",
                hint="Correct the address in the shop and import the order again.",
            )
        order_id = derive_order_id(order.shop_order)
        return self.book.add(order_id, order.shop_order, order.source, order_to_content(order))

    def order(self, name: str) -> tuple[McfRecord, ShopOrder]:
        record = self.book.find(name)
        if record is None:
            raise WorkflowError(
                f"No web-shop order {name!r} at this station",
                hint="Import it first, or list the orders with `station mcf list`.",
            )
        return record, order_from_content(self.book.content(record.order_id))

    def draft(self, record: McfRecord, order: ShopOrder) -> McfOrderDraft:
        return McfOrderDraft(
            order_id=record.order_id,
            displayable_id=order.shop_order[:40],
            order_date=order.order_date,
            comment=order.comment or DEFAULT_COMMENT,
            speed=order.speed or "Standard",
            address=order.address,
            lines=order.lines,
            features=order.features,
            hold=order.hold,
            channel=None,
            notification_emails=(),
        )

    # -- decide -------------------------------------------------------------------------------

    def preview(self, name: str, features: McfFeatures | None = None) -> McfPreview:
        """Speeds, dates and fees Amazon offers, FBA stock per SKU, for the chosen features."""
        record, order = self.order(name)
        order = with_choice(order, None, features, None)
        options = tuple(self.client.preview(self.draft(record, order)))
        short: dict[str, tuple[str, ...]] = {}
        for option in options:
            for sku, reasons in option.unfulfillable:
                short[sku] = tuple(dict.fromkeys(short.get(sku, ()) + reasons))
        stock = []
        for line in order.lines:
            eligible: bool | None = None
            if self.client.version == "2020-07-01":
                try:
                    eligible, _count = self.client.feature_sku(FEATURE_BLANK_BOX, line.sku)
                except ApiError as exc:
                    log.info("getFeatureSKU %s: %s", line.sku, exc.message)
            reasons = short.get(line.sku, ())
            stock.append(SkuStock(line.sku, line.quantity, not reasons, reasons, eligible))
        return McfPreview(record.order_id, order.shop_order, options, tuple(stock), order.features)

    def check_fulfillable(
        self,
        name: str,
        *,
        speed: Speed | None = None,
        features: McfFeatures | None = None,
    ) -> McfPreview:
        """Preview the order as it would be sent (getFulfillmentPreview / getOrderPreview before
        the create) and raise ``NotFulfillableError`` when the chosen speed cannot
        be filled or a SKU is short in FBA stock."""
        _record, order = self.order(name)
        chosen = with_choice(order, speed, features, None)
        preview = self.preview(name, chosen.features)
        refusal = not_fulfillable(preview, chosen.speed or "Standard")
        if refusal is not None:
            raise refusal
        return preview

    def pack_here(self, name: str) -> McfRecord:
        """Hand the order to this warehouse's own packing (label from the lead's carrier)."""
        record, _order = self.order(name)
        if record.state not in (McfState.IMPORTED, McfState.FAILED):
            raise WorkflowError(
                f"Order {record.shop_order} is {record.state}: it is Amazon's to ship",
                hint="Cancel it at Amazon first if it should be packed here.",
            )
        return self.book.set_state(record.order_id, McfState.PACK_HERE)

    # -- send exactly once -----------------------------------------------------------------

    def send(
        self,
        name: str,
        *,
        speed: Speed | None = None,
        features: McfFeatures | None = None,
        hold: bool | None = None,
        despite_preview: bool = False,
    ) -> McfRecord:
        """Send the order to Amazon exactly once. A new send previews it first and raises
        ``NotFulfillableError`` (nothing sent) when Amazon says it cannot be filled as chosen,
        unless the lead overrides with ``despite_preview``. A send already under way (found
        ``sending``) is finished as it was begun, without a new check."""
        record, order = self.order(name)
        if record.state == McfState.PACK_HERE:
            raise WorkflowError(
                f"Order {record.shop_order} is being packed here", hint="It cannot go to Amazon."
            )
        if record.state in (McfState.IMPORTED, McfState.FAILED) and not despite_preview:
            self.check_fulfillable(name, speed=speed, features=features)
        order = with_choice(order, speed, features, hold)
        client = self.client
        before, now = self.book.begin_send(
            record.order_id,
            api_version=client.version,
            speed=order.speed or "Standard",
            features=order.features.names(),
            hold=order.hold,
        )
        if now.state != McfState.SENDING:
            return now  # Amazon has it already (or it was cancelled): nothing is sent again
        if before.state == McfState.SENDING:
            # Choices fixed by the first attempt stay fixed: the retry sends the same order.
            order = with_choice(
                order,
                before.speed or "Standard",  # type: ignore[arg-type]
                _features(before.features),
                before.hold,
            )
            found = self._read_back(record.order_id)
            if found is not None:
                return self._settle(record.order_id, found)
        retry = before.state == McfState.SENDING
        return self._create(record.order_id, self.draft(record, order), retry=retry, now=now)

    def _read_back(self, order_id: str) -> McfOrderState | None:
        try:
            return self.client.get(order_id)
        except _TRANSIENT as exc:
            self.book.set_state(order_id, McfState.SENDING, error=exc.message)
            raise

    def _create(
        self, order_id: str, draft: McfOrderDraft, *, retry: bool, now: McfRecord
    ) -> McfRecord:
        try:
            outcome = self.client.create(draft)
        except InvalidRequestError as exc:
            if retry:
                # Amazon refuses a second create of the same id while the first (answered 202,
                # or whose answer was lost) is not readable yet: give it a few seconds to appear.
                for delay in self._settle_waits:
                    self._sleep(delay)
                    found = self._read_back(order_id)
                    if found is not None:
                        return self._settle(order_id, found)
            if retry and now.send_attempts < MAX_UNSETTLED_ATTEMPTS:
                # An earlier attempt may have reached Amazon (e.g. a 202 not yet readable):
                # a refusal now is no proof of failure. Stay "sending"; a later read settles it.
                # After a few rounds that never find the order, the refusal is believed.
                return self.book.set_state(order_id, McfState.SENDING, error=str(exc))
            # str(): Amazon's own reasons (scrubbed) and the request id, for the lead and IT.
            return self.book.set_state(order_id, McfState.FAILED, error=str(exc))
        except ApiError as exc:
            # Unknown outcome (the answer was lost), throttled, server error: read back first
            # next time.
            self.book.set_state(order_id, McfState.SENDING, error=exc.message)
            raise
        if outcome.accepted_only:
            return self.book.set_state(
                order_id, McfState.ACCEPTED, amazon_status="ACCEPTED", sent=True
            )
        state = McfState.ON_HOLD if draft.hold else McfState.SENT
        return self.book.set_state(order_id, state, amazon_status="RECEIVED", sent=True)

    def _settle(self, order_id: str, found: McfOrderState) -> McfRecord:
        if found.status == "CANCELLED":
            state = McfState.CANCELLED
        elif found.on_hold:
            state = McfState.ON_HOLD
        else:
            state = McfState.SENT
        record = self.book.set_state(
            order_id, state, amazon_status=found.status, sent=True, tracked=True, hold=found.on_hold
        )
        self.book.set_packages(
            order_id,
            (
                McfPackageRecord(order_id, p.ref, p.carrier, p.tracking_number, p.status, p.eta)
                for p in found.packages
            ),
        )
        return record

    def resume(self) -> list[McfRecord]:
        """Settle every order a crash or a lost answer left ``sending`` (reads back first)."""
        settled = []
        for record in self.book.orders([McfState.SENDING]):
            settled.append(self.send(record.order_id))
        return settled

    # -- after sending ------------------------------------------------------------------------

    def release(self, name: str) -> McfRecord:
        record, _order = self.order(name)
        if record.state != McfState.ON_HOLD:
            raise WorkflowError(
                f"Order {record.shop_order} is not on hold (it is {record.state})",
                hint="Only an order sent on hold can be released.",
            )
        self.client.release(record.order_id)
        return self.book.set_state(record.order_id, McfState.SENT, hold=False)

    def cancel(self, name: str) -> McfRecord:
        record, _order = self.order(name)
        if record.state == McfState.CANCELLED:
            return record
        if record.state not in (McfState.SENT, McfState.ON_HOLD, McfState.ACCEPTED):
            raise WorkflowError(
                f"Order {record.shop_order} is {record.state}: Amazon has nothing to cancel",
                hint="Only orders sent to Amazon can be cancelled there.",
            )
        try:
            self.client.cancel(record.order_id)
        except InvalidRequestError as exc:
            raise WorkflowError(
                f"Amazon no longer allows cancelling order {record.shop_order}",
                hint=f"It is probably being picked or has shipped ({exc.message}).",
            ) from None
        return self.book.set_state(record.order_id, McfState.CANCELLED, amazon_status="CANCELLED")

    def refresh(self, names: Iterable[str] | None = None) -> list[McfRecord]:
        """Statuses and tracking from Amazon for the named orders, or all it has."""
        if names is None:
            return self.refresh_records(self.book.orders(TRACKED_STATES))
        records = []
        for name in names:
            record = self.book.find(name)
            if record is None:
                raise WorkflowError(
                    f"No web-shop order {name!r} at this station",
                    hint="List the orders with `station mcf list`.",
                )
            records.append(record)
        return self.refresh_records(records)

    def due_for_tracking(self, limit: int) -> list[McfRecord]:
        """The orders worth asking Amazon about, least recently tracked first, at most
        ``limit``: those it has, except the ones it has finished with (every package
        delivered). Never one left ``sending``: finishing a send (which may create the order)
        is the lead's act (``station mcf send``/``track``, the screen), not the background's."""
        delivered: dict[str, bool] = {}
        for p in self.book.packages():
            delivered[p.order_id] = delivered.get(p.order_id, True) and p.status == "DELIVERED"
        due = [
            r
            for r in self.book.orders(TRACKED_STATES)
            if r.state != McfState.SENDING
            and not (r.amazon_status in FINISHED_STATUSES and delivered.get(r.order_id, False))
        ]
        epoch = datetime.min.replace(tzinfo=UTC)
        due.sort(key=lambda r: r.tracked_at or epoch)
        return due[:limit]

    def refresh_records(self, records: Iterable[McfRecord]) -> list[McfRecord]:
        """Statuses and tracking from Amazon for these orders (the background tracker, the
        screen's "Refresh tracking", ``station mcf track``); their addresses stay sealed."""
        updated = []
        for record in records:
            if record.state not in TRACKED_STATES:
                continue
            if record.state == McfState.SENDING:
                updated.append(self.send(record.order_id))
                continue
            found = self.client.get(record.order_id)
            if found is None:
                updated.append(record)  # 202-accepted and not yet readable: ask again later
                continue
            tracking = (
                {t.package_ref: t for t in self.client.tracking(found)} if found.packages else {}
            )
            self.book.set_packages(
                record.order_id,
                (
                    McfPackageRecord(
                        record.order_id,
                        p.ref,
                        p.carrier,
                        (tracking[p.ref].tracking_number if p.ref in tracking else None)
                        or p.tracking_number,
                        tracking[p.ref].status if p.ref in tracking else p.status,
                        (tracking[p.ref].eta if p.ref in tracking else None) or p.eta,
                    )
                    for p in found.packages
                ),
            )
            state = (
                McfState.CANCELLED
                if found.status == "CANCELLED"
                else (McfState.ON_HOLD if found.on_hold else McfState.SENT)
            )
            updated.append(
                self.book.set_state(
                    record.order_id, state, amazon_status=found.status, tracked=True
                )
            )
        return updated

    def export_tracking(self, out: TextIO) -> int:
        """Tracking numbers per shop order, as CSV for the shop; returns the rows written."""
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(TRACKING_COLUMNS)
        packages: dict[str, list[McfPackageRecord]] = {}
        for p in self.book.packages():
            packages.setdefault(p.order_id, []).append(p)
        rows = 0
        for record in self.book.orders():
            for p in packages.get(record.order_id, []):
                if not p.tracking_number:
                    continue
                writer.writerow(
                    (
                        _safe_cell(record.shop_order),
                        record.order_id,
                        record.amazon_status or "",
                        _safe_cell(p.carrier or ""),
                        _safe_cell(p.tracking_number),
                        p.status or "",
                        p.eta.date().isoformat() if p.eta else "",
                    )
                )
                rows += 1
        return rows

    def purge(self, older_than: timedelta) -> int:
        """Forget finished orders older than ``older_than`` (their addresses with them)."""
        return self.book.purge(self._clock() - older_than)

    def stale(self, older_than: timedelta) -> list[McfRecord]:
        """Orders whose tracking was last refreshed longer ago than ``older_than``."""
        cutoff = self._clock() - older_than
        return [
            r
            for r in self.book.orders(TRACKED_STATES)
            if r.tracked_at is None or r.tracked_at < cutoff
        ]


def not_fulfillable(preview: McfPreview, speed: str) -> NotFulfillableError | None:
    """What refuses sending the previewed order at ``speed`` (None: Amazon can fill it)."""
    reasons: list[UnfulfillableReason] = []
    for stock in preview.stock:
        reasons += [UnfulfillableReason(_code(r), stock.sku) for r in stock.reasons]
    option = preview.option(speed)
    if option is None:
        # 2026-07-04 lists no offer at all when a constraint applies to the whole order.
        whole = [r for o in preview.options for r in o.reasons]
        if not whole and not reasons:
            whole = ["SpeedNotOffered"]
    else:
        whole = [] if option.fulfillable else list(option.reasons)
        if option.unfulfillable and not reasons:
            reasons += [
                UnfulfillableReason(_code(r), sku)
                for sku, codes in option.unfulfillable
                for r in codes
            ]
        if not option.fulfillable and not whole and not reasons:
            whole = ["SpeedNotOffered"]
    reasons += [UnfulfillableReason(_code(r)) for r in dict.fromkeys(whole)]
    if not reasons:
        return None
    others = tuple(o.speed for o in preview.options if o.fulfillable and o.speed != speed)
    return NotFulfillableError(preview.shop_order, speed, reasons, others)


def _features(names: Iterable[str]) -> McfFeatures:
    chosen = set(names)
    return McfFeatures(
        blank_box="BLANK_BOX" in chosen,
        block_amzl="BLOCK_AMZL" in chosen,
        signature="SIGNATURE_CONFIRMATION" in chosen,
    )


def _code(reason: str) -> str:
    """Amazon's code out of a reason (2026-07-04 constraints read "code: message")."""
    return reason.partition(": ")[0].strip() or reason


def _safe_cell(value: str) -> str:
    """No spreadsheet formula from a value Amazon or the shop sent (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

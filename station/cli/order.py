"""``station order PO``: one PO as the station sees it — its lines with the numbers ``--box
…@LINE=QTY`` needs, its cartons (packages of its label), its documents and its state on Amazon's
side and on this station's. Nothing is printed or sent; no printer is needed. The order comes from
the prefetch cache when it is there (``--live`` asks Amazon again), else from Amazon."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from station.cli.argtypes import po_number
from station.cli.context import open_runtime, say
from station.cli.errors import UsageError
from station.cli.exit_codes import EXIT_OK

if TYPE_CHECKING:
    from station.runtime import Runtime
    from station.workflow.labels import LabelSet
    from station.workflow.order import PackOrder

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("po", metavar="PO", type=po_number, help="the purchase order number")
    parser.add_argument(
        "--live", action="store_true", help="ask Amazon even when the PO is in the prefetch cache"
    )


def run(args: argparse.Namespace) -> int:
    from station.errors import StationError
    from station.workflow.scan import validate_po

    try:
        po = validate_po(str(args.po))
    except StationError as exc:
        raise UsageError(exc.message, hint="Give the PO number as printed on the order.") from None
    with open_runtime(args, printers=False) as runtime:
        _show(runtime, po, live=args.live)
    return EXIT_OK


def _show(runtime: Runtime, po: str, *, live: bool) -> None:
    from station.workflow.order_cache import load_prefetched

    cached = None if live else load_prefetched(runtime.documents, po)
    if cached is not None:
        order, labels = cached.order, cached.labels
        source = f"prefetch cache, {cached.cached_at.astimezone():%Y-%m-%d %H:%M}"
        slip = "cached" if cached.slip is not None else "not cached"
        invoice = "cached" if cached.invoice is not None else "not cached"
    else:
        order = runtime.gateway.get_order(po)
        labels = runtime.gateway.get_label(po)
        source = "Amazon, just now"
        slip = invoice = "fetched when the PO is scanned"
    _order_lines(order, _status_text(runtime, po, order, source, cached=cached is not None))
    _cartons(labels)
    say("Documents:")
    say(f"  label: {_label_text(labels)}")
    if order.is_pslip_required:
        say(f"  packing slip: {slip}")
    if order.needs_customer_invoice:
        say(f"  customer invoice: {invoice}")
    _state(runtime, po)


def _status_text(runtime: Runtime, po: str, order: PackOrder, source: str, *, cached: bool) -> str:
    """The PO's state and where it comes from. The prefetch cache holds Amazon's state at the
    shift's preparation; a confirmation this station sent since is in its journal, which then
    says more than the cache."""
    from station.journal.records import ShipmentStatus
    from station.workflow.order import OrderStatus

    on_amazon = f"{order.status.value} on Amazon (from {source})"
    record = runtime.journal.shipment(po) if cached else None
    if record is None or order.status is OrderStatus.SHIPPED:
        return on_amazon
    at = f"{record.at.astimezone():%Y-%m-%d %H:%M}"
    if record.status is ShipmentStatus.CONFIRMED:
        return (
            f"SHIPPED by this station on {at}, Amazon accepted the confirmation (from this "
            f"station's journal; the order's details from the {source}; `--live` asks Amazon)"
        )
    if record.status is ShipmentStatus.QUEUED:
        return (
            f"{on_amazon}; this station recorded its confirmation on {at}, not accepted by "
            "Amazon yet (from this station's journal; `station outbox list` shows it)"
        )
    return on_amazon


def _order_lines(order: PackOrder, status: str) -> None:
    flags = [
        name
        for name, on in (
            ("priority", order.is_priority),
            ("gift", order.is_gift),
            ("packing slip required", order.is_pslip_required),
        )
        if on
    ]
    ship_by = (
        f", ship by {order.required_ship_date.astimezone():%Y-%m-%d %H:%M}"
        if order.required_ship_date
        else ""
    )
    say(f"PO {order.purchase_order_number}: {status}")
    say(
        f"  ordered {order.order_date.astimezone():%Y-%m-%d %H:%M}{ship_by}; ship method "
        f"{order.ship_method}; from warehouse {order.ship_from_party_id} to "
        f"{order.ship_to_country or '?'}" + (f"; {', '.join(flags)}" if flags else "")
    )
    say(f"Lines ({order.total_units} units; --box …@LINE=QTY uses these LINE numbers):")
    say(f"  {'LINE':>4} {'QTY':>4}  {'ASIN':<12} {'SKU':<16} TITLE")
    for line in order.lines:
        say(
            f"  {line.item_sequence_number:>4} {line.quantity:>4}  "
            f"{line.buyer_product_identifier or '-':<12} "
            f"{line.vendor_product_identifier or '-':<16} {line.title[:60]}"
        )


def _cartons(labels: LabelSet | None) -> None:
    if labels is None or not labels.packages:
        say("Cartons: none yet (the label is requested with the cartons given to `station ship`)")
        return
    say(f"Cartons ({len(labels.packages)}, from the label):")
    for number, package in enumerate(labels.packages, start=1):
        say(
            f"  {number}. package {package.package_identifier or '-'}, tracking "
            f"{package.tracking_number or '-'}, {package.ship_method_name or package.ship_method}"
        )


def _label_text(labels: LabelSet | None) -> str:
    if labels is None:
        return "none yet"
    return f"{labels.label_format.upper()}, {len(labels.packages)} package(s)"


def _state(runtime: Runtime, po: str) -> None:
    from station.journal import OutboxKind

    record = runtime.journal.shipment(po)
    if record is None:
        say("On this station: not shipped")
    else:
        at = record.at.astimezone().strftime("%Y-%m-%d %H:%M")
        tx = f", transaction {record.transaction_id}" if record.transaction_id else ""
        say(f"On this station: confirmation {record.status.value} ({at}, {record.station_id}{tx})")
        for error in record.errors:
            say(f"  {error}")
    for item in runtime.outbox.list(po=po):
        if item.kind is OutboxKind.CONFIRMATION or item.is_open:
            say(f"  outbox item {item.id}: {item.kind.value} {item.state.value}")

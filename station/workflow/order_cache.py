"""How a prefetched order, its labels, slip and invoice wait in the document cache.

Shift preparation (``station prefetch``) and the packing engine share these two functions, so
that a scan of a prefetched PO prints with no API round trip:

* every label image is one ``label`` document, ``package_id`` = its 1-based position ("1", "2"…),
  format PNG or ZPL as Amazon sent it;
* the packing slip is the ``slip`` document and the customer invoice the ``invoice`` document
  (``package_id`` ""), both PDF;
* the order itself and the label *metadata* (tracking numbers, package ids, ship methods, label
  format, when the labels were obtained) are one JSON ``order`` document, written **last**: it is
  the commit marker, so a prefetch killed half-way leaves no snapshot pointing at missing images.

Everything is sealed by the encrypted cache like any document (labels and slips hold addresses;
the snapshot holds none, but it costs nothing to seal it too). A snapshot that cannot be read
(another version, damaged) is treated as "not cached": the engine fetches the order again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from station.errors import StationError
from station.journal.documents import DocumentCache, DocumentFormat, DocumentKind
from station.spapi.content import DecodedDocument
from station.spapi.content import DocumentKind as DocKind
from station.workflow.labels import LabelFormat, LabelSet, PackageLabel
from station.workflow.order import OrderLine, OrderStatus, PackOrder

log = logging.getLogger(__name__)

__all__ = [
    "SNAPSHOT_VERSION",
    "Prefetched",
    "load_prefetched",
    "order_from_json",
    "order_to_json",
    "store_labels",
    "store_prefetched",
]

SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class Prefetched:
    """What the cache holds for one PO. ``labels`` is ``None`` when no label was cached yet."""

    order: PackOrder
    labels: LabelSet | None
    labels_obtained_at: datetime | None
    slip: bytes | None
    invoice: bytes | None
    cached_at: datetime

    def __repr__(self) -> str:
        count = 0 if self.labels is None else len(self.labels.packages)
        return (
            f"Prefetched({self.order!r}, labels={count}, slip={self.slip is not None}, "
            f"invoice={self.invoice is not None})"
        )


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _dt(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def order_to_json(order: PackOrder) -> dict[str, Any]:
    return {
        "purchaseOrderNumber": order.purchase_order_number,
        "status": order.status.value,
        "orderDate": _iso(order.order_date),
        "requiredShipDate": _iso(order.required_ship_date),
        "shipMethod": order.ship_method,
        "isPriority": order.is_priority,
        "isPslipRequired": order.is_pslip_required,
        "isGift": order.is_gift,
        "giftMessage": order.gift_message,
        "sellingPartyId": order.selling_party_id,
        "shipFromPartyId": order.ship_from_party_id,
        "shipToCountry": order.ship_to_country,
        "customerOrderNumber": order.customer_order_number,
        "extra": dict(order.extra),
        "lines": [
            {
                "itemSequenceNumber": line.item_sequence_number,
                "buyerProductIdentifier": line.buyer_product_identifier,
                "vendorProductIdentifier": line.vendor_product_identifier,
                "title": line.title,
                "quantity": line.quantity,
                "orderItemSequenceNumber": line.order_item_sequence_number,
            }
            for line in order.lines
        ],
    }


def order_from_json(raw: Mapping[str, Any]) -> PackOrder:
    """The inverse of :func:`order_to_json`; raises KeyError/ValueError/TypeError when damaged."""
    order_date = _dt(raw["orderDate"])
    if order_date is None:
        raise ValueError("orderDate missing")
    return PackOrder(
        purchase_order_number=str(raw["purchaseOrderNumber"]),
        status=OrderStatus(raw["status"]),
        order_date=order_date,
        required_ship_date=_dt(raw.get("requiredShipDate")),
        ship_method=str(raw["shipMethod"]),
        is_priority=bool(raw["isPriority"]),
        is_pslip_required=bool(raw["isPslipRequired"]),
        is_gift=bool(raw["isGift"]),
        gift_message=str(raw.get("giftMessage", "")),
        selling_party_id=str(raw["sellingPartyId"]),
        ship_from_party_id=str(raw["shipFromPartyId"]),
        ship_to_country=str(raw["shipToCountry"]),
        customer_order_number=str(raw.get("customerOrderNumber", "")),
        extra={str(k): str(v) for k, v in dict(raw.get("extra") or {}).items()},
        lines=tuple(
            OrderLine(
                item_sequence_number=int(line["itemSequenceNumber"]),
                buyer_product_identifier=line.get("buyerProductIdentifier"),
                vendor_product_identifier=line.get("vendorProductIdentifier"),
                title=str(line.get("title", "")),
                quantity=int(line["quantity"]),
                order_item_sequence_number=str(line["orderItemSequenceNumber"]),
            )
            for line in raw["lines"]
        ),
    )


def _labels_meta(labels: LabelSet, obtained_at: datetime | None) -> dict[str, Any]:
    return {
        "labelFormat": labels.label_format,
        "shipFromPartyId": labels.ship_from_party_id,
        "obtainedAt": _iso(obtained_at),
        "packages": [
            {
                "packageIdentifier": p.package_identifier,
                "trackingNumber": p.tracking_number,
                "shipMethod": p.ship_method,
                "shipMethodName": p.ship_method_name,
                "documentKind": p.document.kind,
            }
            for p in labels.packages
        ],
    }


def _label_format(kind: str) -> DocumentFormat:
    return DocumentFormat.ZPL if kind == "zpl" else DocumentFormat.PNG


def store_labels(
    cache: DocumentCache, labels: LabelSet, obtained_at: datetime | None = None
) -> None:
    """Cache a PO's label images only (the snapshot still needs :func:`store_prefetched`)."""
    po = labels.purchase_order_number
    for index, package in enumerate(labels.packages, start=1):
        cache.put(
            po,
            DocumentKind.LABEL,
            str(index),
            _label_format(package.document.kind),
            package.document.data,
        )


def store_prefetched(
    cache: DocumentCache,
    order: PackOrder,
    labels: LabelSet | None,
    slip: bytes | None,
    invoice: bytes | None,
    *,
    labels_obtained_at: datetime | None = None,
) -> None:
    """Cache what a scan of ``order`` needs; the snapshot goes last (it is the commit marker).

    ``labels_obtained_at`` is when Amazon created (or first gave us) the labels: it starts their
    90-day lifetime. Default: now, when labels are given.
    """
    po = order.purchase_order_number
    if labels is not None:
        store_labels(cache, labels)
        if labels_obtained_at is None:
            labels_obtained_at = datetime.now(UTC)
    if slip is not None:
        cache.put(po, DocumentKind.SLIP, "", DocumentFormat.PDF, slip)
    if invoice is not None:
        cache.put(po, DocumentKind.INVOICE, "", DocumentFormat.PDF, invoice)
    snapshot = {
        "version": SNAPSHOT_VERSION,
        "order": order_to_json(order),
        "labels": None if labels is None else _labels_meta(labels, labels_obtained_at),
        "hasSlip": slip is not None,
        "hasInvoice": invoice is not None,
    }
    cache.put(
        po,
        DocumentKind.ORDER,
        "",
        DocumentFormat.JSON,
        json.dumps(snapshot, sort_keys=True).encode("utf-8"),
    )


def _load_labels(cache: DocumentCache, po: str, meta: Mapping[str, Any]) -> LabelSet | None:
    packages = []
    for index, raw in enumerate(meta["packages"], start=1):
        document = cache.get(po, DocumentKind.LABEL, str(index))
        if document is None:
            return None
        kind: DocKind = "zpl" if document.info.format is DocumentFormat.ZPL else "png"
        packages.append(
            PackageLabel(
                package_identifier=raw.get("packageIdentifier"),
                tracking_number=raw.get("trackingNumber"),
                ship_method=raw.get("shipMethod"),
                ship_method_name=raw.get("shipMethodName"),
                document=DecodedDocument(kind=kind, data=document.content),
            )
        )
    if not packages:
        return None
    label_format: LabelFormat = "ZPL" if meta["labelFormat"] == "ZPL" else "PNG"
    return LabelSet(
        purchase_order_number=po,
        label_format=label_format,
        ship_from_party_id=str(meta["shipFromPartyId"]),
        packages=tuple(packages),
    )


def load_prefetched(cache: DocumentCache, po: str) -> Prefetched | None:
    """What was cached for ``po``, or ``None`` when nothing usable is (fetch it from Amazon)."""
    try:
        document = cache.get(po, DocumentKind.ORDER)
    except StationError as exc:  # damaged, or sealed under another key
        log.warning("cached order of %s unusable: %s", po, exc.message)
        return None
    if document is None:
        return None
    try:
        snapshot = json.loads(document.content)
        if snapshot.get("version") != SNAPSHOT_VERSION:
            return None
        order = order_from_json(snapshot["order"])
        meta = snapshot.get("labels")
        labels = None if meta is None else _load_labels(cache, po, meta)
        obtained = None if meta is None or labels is None else _dt(meta.get("obtainedAt"))
        slip_doc = cache.get(po, DocumentKind.SLIP) if snapshot.get("hasSlip") else None
        invoice_doc = cache.get(po, DocumentKind.INVOICE) if snapshot.get("hasInvoice") else None
    except StationError as exc:
        log.warning("cached documents of %s unusable: %s", po, exc.message)
        return None
    except (KeyError, ValueError, TypeError, AttributeError):
        log.warning("cached order snapshot of %s is damaged; fetching it again", po)
        return None
    if order.purchase_order_number != po:
        return None
    return Prefetched(
        order=order,
        labels=labels,
        labels_obtained_at=obtained,
        slip=None if slip_doc is None else slip_doc.content,
        invoice=None if invoice_doc is None else invoice_doc.content,
        cached_at=document.info.created_at,
    )

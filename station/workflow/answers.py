"""Amazon's answers checked against the question, before anything is printed or sent.

A server that answers with another PO's order, label or slip (a proxy serving cached pages, a
sandbox that serves its one example whatever is asked, a bug at either end) must never make the
station acknowledge, print for or confirm an order nobody scanned. So every answer about one PO
is compared with the PO asked for, and the order itself is checked for what the packing flow
relies on (lines, quantities, a known status, a warehouse this station packs). A mismatch is a
per-PO refusal that names what is wrong; nothing is sent for either PO.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from station.config import Settings
from station.errors import WorkflowError

__all__ = [
    "ForeignWarehouseError",
    "OrderRefusedError",
    "WrongOrderError",
    "check_answer_po",
    "check_ours",
    "pos_named",
]


class WrongOrderError(WorkflowError):
    """Amazon's answer is about another PO than the one asked for."""

    default_hint = (
        "Set the order aside and tell the warehouse lead: Amazon's answer was not about the "
        "scanned PO, so nothing was printed, acknowledged or confirmed for either PO."
    )


class OrderRefusedError(WorkflowError):
    """The order cannot be packed here as Amazon describes it (left untouched at Amazon)."""

    default_hint = (
        "Set the order aside and tell the warehouse lead; check the order in Vendor Central. "
        "Nothing was sent to Amazon for it."
    )


class ForeignWarehouseError(OrderRefusedError):
    """The PO ships from a warehouse this station is not set up for."""

    default_hint = (
        "Do not pack it here: another warehouse ships this order. Nothing was sent to Amazon; "
        "if this station should pack it, add the warehouse in Settings."
    )


def check_answer_po(asked: str, answered: str | None, what: str) -> None:
    """Raise :class:`WrongOrderError` when an answer names another PO than ``asked``."""
    if answered != asked:
        raise WrongOrderError(
            f"Amazon answered the {what} of PO {asked} with PO {answered or '(none)'}: "
            f"refused, nothing was printed or sent for PO {asked} or PO {answered or '(none)'}"
        )


def check_ours(po: str, ship_from_party_id: str, settings: Settings) -> None:
    """Refuse a PO of a warehouse this station does not pack (all do when none is set up)."""
    if not settings.warehouses or settings.warehouse(ship_from_party_id) is not None:
        return
    packs = ", ".join(w.code for w in settings.warehouses)
    raise ForeignWarehouseError(
        f"PO {po} ships from {ship_from_party_id or '(no warehouse)'}; this station packs {packs}"
    )


def pos_named(body: Mapping[str, Any]) -> set[str]:
    """Every ``purchaseOrderNumber`` anywhere in a wire body (what a submission is about)."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            for key, inner in value.items():
                if key == "purchaseOrderNumber" and isinstance(inner, str):
                    found.add(inner)
                else:
                    walk(inner)
        elif isinstance(value, Iterable) and not isinstance(value, str | bytes):
            for inner in value:
                walk(inner)

    walk(body)
    return found

"""Shipping labels as the packing flow uses them: decoded, checked, one per package."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from station.errors import ContentError, WorkflowError
from station.spapi.content import DecodedDocument, DocumentKind, decode_document
from station.spapi.models.shipping_common import ShippingLabel

#: Amazon: labels expire 90 days after they were created; older ones must not be requested.
LABEL_LIFETIME = timedelta(days=90)

LabelFormat = Literal["PNG", "ZPL"]


@dataclass(frozen=True)
class PackageLabel:
    package_identifier: str | None
    tracking_number: str | None
    ship_method: str | None
    ship_method_name: str | None
    document: DecodedDocument

    def __repr__(self) -> str:
        return (
            f"PackageLabel(package={self.package_identifier!r}, "
            f"tracking={self.tracking_number!r}, {self.document!r})"
        )


@dataclass(frozen=True)
class LabelSet:
    """Every package label of one PO, in the order Amazon listed them."""

    purchase_order_number: str
    label_format: LabelFormat
    ship_from_party_id: str
    packages: tuple[PackageLabel, ...]

    @classmethod
    def from_api(cls, label: ShippingLabel) -> LabelSet:
        expected: DocumentKind = "png" if label.label_format == "PNG" else "zpl"
        packages = []
        for index, data in enumerate(label.label_data, start=1):
            try:
                document = decode_document(data.content, expected=expected)
            except ContentError as exc:
                raise ContentError(
                    f"Label {index} of PO {label.purchase_order_number} is unusable: {exc.message}",
                    hint=exc.hint,
                ) from exc
            packages.append(
                PackageLabel(
                    package_identifier=data.package_identifier,
                    tracking_number=data.tracking_number,
                    ship_method=data.ship_method,
                    ship_method_name=data.ship_method_name,
                    document=document,
                )
            )
        if not packages:
            raise ContentError(
                f"Amazon returned no label data for PO {label.purchase_order_number}",
                hint="Request the label again; if it stays empty, contact Amazon Vendor Central",
            )
        return cls(
            purchase_order_number=label.purchase_order_number,
            label_format=label.label_format,
            ship_from_party_id=label.ship_from_party.party_id,
            packages=tuple(packages),
        )


class LabelExpiredError(WorkflowError):
    """The PO's label is past Amazon's 90-day lifetime: it must not be used."""

    default_hint = "Do not ship with it. Ask the warehouse lead to contact Amazon Vendor Central."


def check_not_expired(created_at: datetime, now: datetime, purchase_order_number: str) -> None:
    """Refuse a label older than Amazon's 90-day lifetime, saying why."""
    if now - created_at > LABEL_LIFETIME:
        raise LabelExpiredError(
            f"The label of PO {purchase_order_number} was created on {created_at:%Y-%m-%d} and "
            "has expired (labels are valid for 90 days)",
            hint="Do not ship with it. Ask the warehouse lead to contact Amazon Vendor Central.",
        )

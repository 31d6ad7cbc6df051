"""DF Shipping clients, v1 and 2021-12-28: labels, confirmations, status updates, slips, invoices.

Method names follow Amazon's operationIds in snake_case. The list operations have ``iter_*``
companions that split long date ranges into 7-day windows and follow ``nextToken``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

from station.spapi.listing import SortOrder, list_params
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models.common import TransactionReference
from station.spapi.models.shipping_common import (
    CustomerInvoice,
    CustomerInvoiceList,
    PackingSlip,
    PackingSlipList,
    ShippingLabel,
    ShippingLabelList,
)
from station.spapi.operations import OperationClient, path_po
from station.spapi.pagination import windowed_pages

__all__ = ["Shipping2021Client", "ShippingV1Client"]


def _next_token(page: ShippingLabelList | PackingSlipList | CustomerInvoiceList) -> str | None:
    return None if page.pagination is None else page.pagination.next_token


class _ShippingClient(OperationClient):
    base_path = ""

    # -- shipping labels -------------------------------------------------------------------------
    def get_shipping_labels(
        self,
        created_after: datetime,
        created_before: datetime,
        *,
        ship_from_party_id: str | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
        next_token: str | None = None,
    ) -> ShippingLabelList:
        params = list_params(
            created_after,
            created_before,
            ship_from_party_id=ship_from_party_id,
            limit=limit,
            sort_order=sort_order,
            next_token=next_token,
        )
        return self._call(
            ShippingLabelList,
            "getShippingLabels",
            "GET",
            f"{self.base_path}/shippingLabels",
            params=params,
        )

    def iter_shipping_labels(
        self,
        start: datetime,
        end: datetime,
        *,
        ship_from_party_id: str | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
    ) -> Iterator[ShippingLabel]:
        def fetch(after: datetime, before: datetime, token: str | None) -> ShippingLabelList:
            return self.get_shipping_labels(
                after,
                before,
                ship_from_party_id=ship_from_party_id,
                limit=limit,
                sort_order=sort_order,
                next_token=token,
            )

        for page in windowed_pages(start, end, fetch, _next_token, operation="getShippingLabels"):
            yield from page.shipping_labels or ()

    def get_shipping_label(self, purchase_order_number: str) -> ShippingLabel:
        po = path_po(purchase_order_number)
        return self._call(
            ShippingLabel, "getShippingLabel", "GET", f"{self.base_path}/shippingLabels/{po}"
        )

    # -- packing slips ---------------------------------------------------------------------------
    def get_packing_slips(
        self,
        created_after: datetime,
        created_before: datetime,
        *,
        ship_from_party_id: str | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
        next_token: str | None = None,
    ) -> PackingSlipList:
        params = list_params(
            created_after,
            created_before,
            ship_from_party_id=ship_from_party_id,
            limit=limit,
            sort_order=sort_order,
            next_token=next_token,
        )
        return self._call(
            PackingSlipList,
            "getPackingSlips",
            "GET",
            f"{self.base_path}/packingSlips",
            params=params,
        )

    def iter_packing_slips(
        self,
        start: datetime,
        end: datetime,
        *,
        ship_from_party_id: str | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
    ) -> Iterator[PackingSlip]:
        def fetch(after: datetime, before: datetime, token: str | None) -> PackingSlipList:
            return self.get_packing_slips(
                after,
                before,
                ship_from_party_id=ship_from_party_id,
                limit=limit,
                sort_order=sort_order,
                next_token=token,
            )

        for page in windowed_pages(start, end, fetch, _next_token, operation="getPackingSlips"):
            yield from page.packing_slips or ()

    def get_packing_slip(self, purchase_order_number: str) -> PackingSlip:
        po = path_po(purchase_order_number)
        return self._call(
            PackingSlip, "getPackingSlip", "GET", f"{self.base_path}/packingSlips/{po}"
        )

    # -- customer invoices -----------------------------------------------------------------------
    def get_customer_invoices(
        self,
        created_after: datetime,
        created_before: datetime,
        *,
        ship_from_party_id: str | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
        next_token: str | None = None,
    ) -> CustomerInvoiceList:
        params = list_params(
            created_after,
            created_before,
            ship_from_party_id=ship_from_party_id,
            limit=limit,
            sort_order=sort_order,
            next_token=next_token,
        )
        return self._call(
            CustomerInvoiceList,
            "getCustomerInvoices",
            "GET",
            f"{self.base_path}/customerInvoices",
            params=params,
        )

    def iter_customer_invoices(
        self,
        start: datetime,
        end: datetime,
        *,
        ship_from_party_id: str | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
    ) -> Iterator[CustomerInvoice]:
        def fetch(after: datetime, before: datetime, token: str | None) -> CustomerInvoiceList:
            return self.get_customer_invoices(
                after,
                before,
                ship_from_party_id=ship_from_party_id,
                limit=limit,
                sort_order=sort_order,
                next_token=token,
            )

        for page in windowed_pages(start, end, fetch, _next_token, operation="getCustomerInvoices"):
            yield from page.customer_invoices or ()

    def get_customer_invoice(self, purchase_order_number: str) -> CustomerInvoice:
        po = path_po(purchase_order_number)
        return self._call(
            CustomerInvoice,
            "getCustomerInvoice",
            "GET",
            f"{self.base_path}/customerInvoices/{po}",
        )

    # -- restricted resources --------------------------------------------------------------------
    def restricted_paths(self, purchase_order_number: str) -> list[tuple[str, str]]:
        """The (method, path) pairs a packer's scan of this PO will need RDTs for."""
        po = path_po(purchase_order_number)
        return [
            ("GET", f"{self.base_path}/shippingLabels/{po}"),
            ("GET", f"{self.base_path}/packingSlips/{po}"),
            ("GET", f"{self.base_path}/customerInvoices/{po}"),
        ]


class ShippingV1Client(_ShippingClient):
    """DF Shipping v1 (answers wrapped in ``payload``; containers ``carton|pallet``)."""

    envelope = True
    base_path = "/vendor/directFulfillment/shipping/v1"

    def submit_shipping_label_request(
        self, body: s1.SubmitShippingLabelsRequest | Sequence[s1.ShippingLabelRequest]
    ) -> TransactionReference:
        if not isinstance(body, s1.SubmitShippingLabelsRequest):
            body = s1.SubmitShippingLabelsRequest(shipping_label_requests=list(body))
        return self._call(
            TransactionReference,
            "submitShippingLabelRequest",
            "POST",
            f"{self.base_path}/shippingLabels",
            body=body,
        )

    def submit_shipment_confirmations(
        self, body: s1.SubmitShipmentConfirmationsRequest | Sequence[s1.ShipmentConfirmation]
    ) -> TransactionReference:
        if not isinstance(body, s1.SubmitShipmentConfirmationsRequest):
            body = s1.SubmitShipmentConfirmationsRequest(shipment_confirmations=list(body))
        return self._call(
            TransactionReference,
            "submitShipmentConfirmations",
            "POST",
            f"{self.base_path}/shipmentConfirmations",
            body=body,
        )

    def submit_shipment_status_updates(
        self, body: s1.SubmitShipmentStatusUpdatesRequest | Sequence[s1.ShipmentStatusUpdate]
    ) -> TransactionReference:
        if not isinstance(body, s1.SubmitShipmentStatusUpdatesRequest):
            body = s1.SubmitShipmentStatusUpdatesRequest(shipment_status_updates=list(body))
        return self._call(
            TransactionReference,
            "submitShipmentStatusUpdates",
            "POST",
            f"{self.base_path}/shipmentStatusUpdates",
            body=body,
        )


class Shipping2021Client(_ShippingClient):
    """DF Shipping 2021-12-28 (bare answers; containers ``Carton|Pallet``; label creation)."""

    envelope = False
    base_path = "/vendor/directFulfillment/shipping/2021-12-28"

    def submit_shipping_label_request(
        self, body: s21.SubmitShippingLabelsRequest | Sequence[s21.ShippingLabelRequest]
    ) -> TransactionReference:
        if not isinstance(body, s21.SubmitShippingLabelsRequest):
            body = s21.SubmitShippingLabelsRequest(shipping_label_requests=list(body))
        return self._call(
            TransactionReference,
            "submitShippingLabelRequest",
            "POST",
            f"{self.base_path}/shippingLabels",
            body=body,
        )

    def create_shipping_labels(
        self, purchase_order_number: str, body: s21.CreateShippingLabelsRequest
    ) -> ShippingLabel:
        po = path_po(purchase_order_number)
        return self._call(
            ShippingLabel,
            "createShippingLabels",
            "POST",
            f"{self.base_path}/shippingLabels/{po}",
            body=body,
        )

    def submit_shipment_confirmations(
        self, body: s21.SubmitShipmentConfirmationsRequest | Sequence[s21.ShipmentConfirmation]
    ) -> TransactionReference:
        if not isinstance(body, s21.SubmitShipmentConfirmationsRequest):
            body = s21.SubmitShipmentConfirmationsRequest(shipment_confirmations=list(body))
        return self._call(
            TransactionReference,
            "submitShipmentConfirmations",
            "POST",
            f"{self.base_path}/shipmentConfirmations",
            body=body,
        )

    def submit_shipment_status_updates(
        self, body: s21.SubmitShipmentStatusUpdatesRequest | Sequence[s21.ShipmentStatusUpdate]
    ) -> TransactionReference:
        if not isinstance(body, s21.SubmitShipmentStatusUpdatesRequest):
            body = s21.SubmitShipmentStatusUpdatesRequest(shipment_status_updates=list(body))
        return self._call(
            TransactionReference,
            "submitShipmentStatusUpdates",
            "POST",
            f"{self.base_path}/shipmentStatusUpdates",
            body=body,
        )

    def create_container_label(
        self, body: s21.CreateContainerLabelRequest
    ) -> s21.CreateContainerLabelResponse:
        return self._call(
            s21.CreateContainerLabelResponse,
            "createContainerLabel",
            "POST",
            f"{self.base_path}/containerLabel",
            body=body,
        )

"""DF Orders clients, v1 and 2021-12-28: purchase orders and acknowledgements."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Literal

from station.spapi.listing import SortOrder, list_params
from station.spapi.models.orders_common import (
    Order,
    OrderAcknowledgementItem,
    OrderList,
    SubmitAcknowledgementRequest,
    TransactionId,
)
from station.spapi.operations import OperationClient, path_po
from station.spapi.pagination import windowed_pages

__all__ = ["OrderStatus", "Orders2021Client", "OrdersV1Client"]

OrderStatus = Literal["NEW", "SHIPPED", "ACCEPTED", "CANCELLED"]


def _next_token(page: OrderList) -> str | None:
    return None if page.pagination is None else page.pagination.next_token


class _OrdersClient(OperationClient):
    base_path = ""

    def get_orders(
        self,
        created_after: datetime,
        created_before: datetime,
        *,
        ship_from_party_id: str | None = None,
        status: OrderStatus | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
        next_token: str | None = None,
        include_details: bool | None = None,
    ) -> OrderList:
        params = list_params(
            created_after,
            created_before,
            ship_from_party_id=ship_from_party_id,
            limit=limit,
            sort_order=sort_order,
            next_token=next_token,
        )
        params["status"] = status
        params["includeDetails"] = None if include_details is None else str(include_details).lower()
        return self._call(
            OrderList, "getOrders", "GET", f"{self.base_path}/purchaseOrders", params=params
        )

    def iter_orders(
        self,
        start: datetime,
        end: datetime,
        *,
        ship_from_party_id: str | None = None,
        status: OrderStatus | None = None,
        limit: int | None = None,
        sort_order: SortOrder | None = None,
        include_details: bool | None = None,
    ) -> Iterator[Order]:
        def fetch(after: datetime, before: datetime, token: str | None) -> OrderList:
            return self.get_orders(
                after,
                before,
                ship_from_party_id=ship_from_party_id,
                status=status,
                limit=limit,
                sort_order=sort_order,
                next_token=token,
                include_details=include_details,
            )

        for page in windowed_pages(start, end, fetch, _next_token, operation="getOrders"):
            yield from page.orders or ()

    def get_order(self, purchase_order_number: str) -> Order:
        po = path_po(purchase_order_number)
        return self._call(Order, "getOrder", "GET", f"{self.base_path}/purchaseOrders/{po}")

    def submit_acknowledgement(
        self, body: SubmitAcknowledgementRequest | Sequence[OrderAcknowledgementItem]
    ) -> TransactionId:
        if not isinstance(body, SubmitAcknowledgementRequest):
            body = SubmitAcknowledgementRequest(order_acknowledgements=list(body))
        return self._call(
            TransactionId,
            "submitAcknowledgement",
            "POST",
            f"{self.base_path}/acknowledgements",
            body=body,
        )

    def restricted_paths(self, purchase_order_number: str) -> list[tuple[str, str]]:
        return [("GET", f"{self.base_path}/purchaseOrders/{path_po(purchase_order_number)}")]


class OrdersV1Client(_OrdersClient):
    envelope = True
    base_path = "/vendor/directFulfillment/orders/v1"


class Orders2021Client(_OrdersClient):
    envelope = False
    base_path = "/vendor/directFulfillment/orders/2021-12-28"

"""Fulfillment Outbound (Multi-Channel Fulfillment) clients: 2020-07-01 and 2026-07-04.

One typed method per operation, as the DF clients do. The version-neutral facade the rest of the
station uses is ``station.spapi.mcf.McfClient``; these classes mirror Amazon's models one to one.
None of these operations returns restricted data through a Restricted Data Token: the LWA access
token of the seller connection is enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Literal

from station.errors import ResponseFormatError
from station.spapi.models import fulfillment_2020 as f20
from station.spapi.models import fulfillment_2026 as f26
from station.spapi.operations import OperationClient, path_segment
from station.spapi.pagination import follow_pages, iso_timestamp

__all__ = ["FulfillmentOutbound2020Client", "FulfillmentOutbound2026Client"]


class FulfillmentOutbound2020Client(OperationClient):
    envelope = True
    base_path = "/fba/outbound/2020-07-01"

    def get_fulfillment_preview(
        self, body: f20.GetFulfillmentPreviewRequest
    ) -> f20.GetFulfillmentPreviewResult:
        return self._call(
            f20.GetFulfillmentPreviewResult,
            "getFulfillmentPreview",
            "POST",
            f"{self.base_path}/fulfillmentOrders/preview",
            body=body,
        )

    def delivery_offers(self, body: f20.GetDeliveryOffersRequest) -> f20.GetDeliveryOffersResult:
        return self._call(
            f20.GetDeliveryOffersResult,
            "deliveryOffers",
            "POST",
            f"{self.base_path}/deliveryOffers",
            body=body,
        )

    def create_fulfillment_order(self, body: f20.CreateFulfillmentOrderRequest) -> None:
        # 200 with an empty object: the order exists once getFulfillmentOrder finds it.
        self._send(
            "createFulfillmentOrder", "POST", f"{self.base_path}/fulfillmentOrders", body=body
        )

    def get_fulfillment_order(
        self, seller_fulfillment_order_id: str
    ) -> f20.GetFulfillmentOrderResult:
        order_id = path_segment(seller_fulfillment_order_id, "sellerFulfillmentOrderId")
        return self._call(
            f20.GetFulfillmentOrderResult,
            "getFulfillmentOrder",
            "GET",
            f"{self.base_path}/fulfillmentOrders/{order_id}",
        )

    def list_all_fulfillment_orders(
        self, *, query_start_date: datetime | None = None, next_token: str | None = None
    ) -> f20.ListAllFulfillmentOrdersResult:
        params = {
            "queryStartDate": None
            if query_start_date is None
            else iso_timestamp(query_start_date, "queryStartDate"),
            "nextToken": next_token,
        }
        return self._call(
            f20.ListAllFulfillmentOrdersResult,
            "listAllFulfillmentOrders",
            "GET",
            f"{self.base_path}/fulfillmentOrders",
            params=params,
        )

    def iter_all_fulfillment_orders(
        self, *, query_start_date: datetime | None = None
    ) -> Iterator[f20.FulfillmentOrder]:
        pages = follow_pages(
            lambda token: self.list_all_fulfillment_orders(
                query_start_date=query_start_date, next_token=token
            ),
            lambda page: page.next_token,
            operation="listAllFulfillmentOrders",
        )
        for page in pages:
            yield from page.fulfillment_orders or ()

    def update_fulfillment_order(
        self, seller_fulfillment_order_id: str, body: f20.UpdateFulfillmentOrderRequest
    ) -> None:
        order_id = path_segment(seller_fulfillment_order_id, "sellerFulfillmentOrderId")
        self._send(
            "updateFulfillmentOrder",
            "PUT",
            f"{self.base_path}/fulfillmentOrders/{order_id}",
            body=body,
        )

    def cancel_fulfillment_order(self, seller_fulfillment_order_id: str) -> None:
        order_id = path_segment(seller_fulfillment_order_id, "sellerFulfillmentOrderId")
        self._send(
            "cancelFulfillmentOrder", "PUT", f"{self.base_path}/fulfillmentOrders/{order_id}/cancel"
        )

    def get_package_tracking_details(self, package_number: int) -> f20.PackageTrackingDetails:
        return self._call(
            f20.PackageTrackingDetails,
            "getPackageTrackingDetails",
            "GET",
            f"{self.base_path}/tracking",
            params={"packageNumber": str(int(package_number))},
        )

    def list_return_reason_codes(
        self,
        seller_sku: str,
        *,
        marketplace_id: str | None = None,
        seller_fulfillment_order_id: str | None = None,
        language: str | None = None,
    ) -> f20.ListReturnReasonCodesResult:
        return self._call(
            f20.ListReturnReasonCodesResult,
            "listReturnReasonCodes",
            "GET",
            f"{self.base_path}/returnReasonCodes",
            params={
                "sellerSku": seller_sku,
                "marketplaceId": marketplace_id,
                "sellerFulfillmentOrderId": seller_fulfillment_order_id,
                "language": language,
            },
        )

    def create_fulfillment_return(
        self, seller_fulfillment_order_id: str, body: f20.CreateFulfillmentReturnRequest
    ) -> f20.CreateFulfillmentReturnResult:
        order_id = path_segment(seller_fulfillment_order_id, "sellerFulfillmentOrderId")
        return self._call(
            f20.CreateFulfillmentReturnResult,
            "createFulfillmentReturn",
            "PUT",
            f"{self.base_path}/fulfillmentOrders/{order_id}/return",
            body=body,
        )

    def get_features(self, marketplace_id: str) -> f20.GetFeaturesResult:
        return self._call(
            f20.GetFeaturesResult,
            "getFeatures",
            "GET",
            f"{self.base_path}/features",
            params={"marketplaceId": marketplace_id},
        )

    def get_feature_inventory(
        self,
        marketplace_id: str,
        feature_name: str,
        *,
        next_token: str | None = None,
        query_start_date: datetime | None = None,
    ) -> f20.GetFeatureInventoryResult:
        name = path_segment(feature_name, "featureName")
        return self._call(
            f20.GetFeatureInventoryResult,
            "getFeatureInventory",
            "GET",
            f"{self.base_path}/features/inventory/{name}",
            params={
                "marketplaceId": marketplace_id,
                "nextToken": next_token,
                "queryStartDate": None
                if query_start_date is None
                else iso_timestamp(query_start_date, "queryStartDate"),
            },
        )

    def get_feature_sku(
        self, marketplace_id: str, feature_name: str, seller_sku: str
    ) -> f20.GetFeatureSkuResult:
        name = path_segment(feature_name, "featureName")
        sku = path_segment(seller_sku, "sellerSku")
        return self._call(
            f20.GetFeatureSkuResult,
            "getFeatureSKU",
            "GET",
            f"{self.base_path}/features/inventory/{name}/{sku}",
            params={"marketplaceId": marketplace_id},
        )


Shipments = Literal["INCLUDE", "EXCLUDE"]


class FulfillmentOutbound2026Client(OperationClient):
    envelope = False
    base_path = "/fulfillment/outbound/2026-07-04"

    def get_order_preview(self, body: f26.GetOrderPreviewRequest) -> f26.GetOrderPreviewResponse:
        return self._call(
            f26.GetOrderPreviewResponse,
            "getOrderPreview",
            "POST",
            f"{self.base_path}/previews",
            body=body,
        )

    def get_offers(self, body: f26.GetOffersRequest) -> f26.GetOffersResponse:
        return self._call(
            f26.GetOffersResponse, "getOffers", "POST", f"{self.base_path}/offers", body=body
        )

    def create_order(
        self, body: f26.CreateOrderRequest
    ) -> f26.CreateOrderResponse | f26.CreateOrderAcceptedResponse:
        """200 carries the created order; 202 only says Amazon accepted it for processing."""
        response = self._send("createOrder", "POST", f"{self.base_path}/orders", body=body)
        if response.status == 202:
            return self._parse(f26.CreateOrderAcceptedResponse, "createOrder", response)
        if response.status == 200:
            return self._parse(f26.CreateOrderResponse, "createOrder", response)
        raise ResponseFormatError(
            f"createOrder: unexpected success status {response.status}",
            status=response.status,
            operation="createOrder",
            request_id=response.request_id,
        )

    def get_order(
        self, order_id: str, *, shipments: Shipments | None = None
    ) -> f26.GetOrderResponse:
        segment = path_segment(order_id, "orderId")
        return self._call(
            f26.GetOrderResponse,
            "getOrder",
            "GET",
            f"{self.base_path}/orders/{segment}",
            params={"shipments": shipments},
        )

    def list_orders(
        self,
        *,
        updated_after: datetime | None = None,
        page_token: str | None = None,
        shipments: Shipments | None = None,
    ) -> f26.ListOrdersResponse:
        return self._call(
            f26.ListOrdersResponse,
            "listOrders",
            "GET",
            f"{self.base_path}/orders",
            params={
                "updatedAfter": None
                if updated_after is None
                else iso_timestamp(updated_after, "updatedAfter"),
                "pageToken": page_token,
                "shipments": shipments,
            },
        )

    def iter_orders(
        self, *, updated_after: datetime | None = None
    ) -> Iterator[f26.FulfillmentOrder]:
        pages = follow_pages(
            lambda token: self.list_orders(updated_after=updated_after, page_token=token),
            lambda page: None if page.pagination is None else page.pagination.next_token,
            operation="listOrders",
        )
        for page in pages:
            yield from page.orders

    def update_order(self, order_id: str, body: f26.UpdateOrderRequest) -> None:
        segment = path_segment(order_id, "orderId")
        self._send("updateOrder", "PUT", f"{self.base_path}/orders/{segment}", body=body)

    def cancel_order(self, order_id: str) -> None:
        segment = path_segment(order_id, "orderId")
        self._send("cancelOrder", "PUT", f"{self.base_path}/orders/{segment}/cancel")

"""Which client, method, request model and response model serve each documented operation.

Kept in one table so the contract tests can drive every operation through the real client.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from station.spapi import SpApi
from station.spapi.models import orders_common as oc
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models import tokens as tk
from station.spapi.models import transactions as tx
from station.spapi.models.common import TransactionReference
from station.spapi.operations import OperationClient

ENVELOPED = {"shipping-v1", "orders-v1", "transactions-v1"}

REQUEST_MODELS: dict[tuple[str, str], type[BaseModel]] = {
    ("shipping-v1", "submitShippingLabelRequest"): s1.SubmitShippingLabelsRequest,
    ("shipping-v1", "submitShipmentConfirmations"): s1.SubmitShipmentConfirmationsRequest,
    ("shipping-v1", "submitShipmentStatusUpdates"): s1.SubmitShipmentStatusUpdatesRequest,
    ("shipping-2021", "submitShippingLabelRequest"): s21.SubmitShippingLabelsRequest,
    ("shipping-2021", "createShippingLabels"): s21.CreateShippingLabelsRequest,
    ("shipping-2021", "submitShipmentConfirmations"): s21.SubmitShipmentConfirmationsRequest,
    ("shipping-2021", "submitShipmentStatusUpdates"): s21.SubmitShipmentStatusUpdatesRequest,
    ("shipping-2021", "createContainerLabel"): s21.CreateContainerLabelRequest,
    ("orders-v1", "submitAcknowledgement"): oc.SubmitAcknowledgementRequest,
    ("orders-2021", "submitAcknowledgement"): oc.SubmitAcknowledgementRequest,
    ("tokens", "createRestrictedDataToken"): tk.CreateRestrictedDataTokenRequest,
}

_SHIPPING_RESPONSES: dict[str, type[BaseModel]] = {
    "getShippingLabels": s1.ShippingLabelList,
    "submitShippingLabelRequest": TransactionReference,
    "getShippingLabel": s1.ShippingLabel,
    "createShippingLabels": s21.ShippingLabel,
    "submitShipmentConfirmations": TransactionReference,
    "submitShipmentStatusUpdates": TransactionReference,
    "getCustomerInvoices": s1.CustomerInvoiceList,
    "getCustomerInvoice": s1.CustomerInvoice,
    "getPackingSlips": s1.PackingSlipList,
    "getPackingSlip": s1.PackingSlip,
    "createContainerLabel": s21.CreateContainerLabelResponse,
}
_ORDERS_RESPONSES: dict[str, type[BaseModel]] = {
    "getOrders": oc.OrderList,
    "getOrder": oc.Order,
    "submitAcknowledgement": oc.TransactionId,
}


def response_model(model: str, operation_id: str) -> type[BaseModel]:
    if model.startswith("shipping"):
        return _SHIPPING_RESPONSES[operation_id]
    if model.startswith("orders"):
        return _ORDERS_RESPONSES[operation_id]
    if model.startswith("transactions"):
        return tx.TransactionStatus
    return tk.CreateRestrictedDataTokenResponse


def client_for(api: SpApi, model: str) -> OperationClient:
    return {
        "shipping-v1": api.shipping_v1,
        "shipping-2021": api.shipping_2021,
        "orders-v1": api.orders_v1,
        "orders-2021": api.orders_2021,
        "transactions-v1": api.transactions_v1,
        "transactions-2021": api.transactions_2021,
        "tokens": api.tokens,
    }[model]


def snake(operation_id: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


DEFAULT_AFTER = datetime(2020, 2, 15, 14, 0, tzinfo=UTC)
DEFAULT_BEFORE = datetime(2020, 2, 20, 0, 0, tzinfo=UTC)

LIST_OPERATIONS = {"getShippingLabels", "getPackingSlips", "getCustomerInvoices", "getOrders"}


def call_operation(
    api: SpApi, model: str, operation_id: str, params: dict[str, Any], body: Any
) -> Any:
    """Call ``operation_id`` through the real client with documented parameter values."""
    client = client_for(api, model)
    method = getattr(client, snake(operation_id))
    if operation_id in LIST_OPERATIONS:
        kwargs: dict[str, Any] = {
            "ship_from_party_id": params.get("shipFromPartyId"),
            "limit": params.get("limit"),
            "sort_order": params.get("sortOrder"),
            "next_token": params.get("nextToken"),
        }
        if operation_id == "getOrders":
            kwargs["status"] = params.get("status")
            include = params.get("includeDetails")
            kwargs["include_details"] = None if include is None else include == "true"
        after = params.get("createdAfter")
        before = params.get("createdBefore")
        return method(
            datetime.fromisoformat(after) if after else DEFAULT_AFTER,
            datetime.fromisoformat(before) if before else DEFAULT_BEFORE,
            **kwargs,
        )
    if operation_id == "getTransactionStatus":
        return method(params.get("transactionId", "20190904190535-eef8cad8"))
    request_model = REQUEST_MODELS.get((model, operation_id))
    if request_model is not None:
        built = request_model.model_validate(body)
        if operation_id == "createShippingLabels":
            return method(params.get("purchaseOrderNumber", "2JK3S9VC"), built)
        return method(built)
    return method(params.get("purchaseOrderNumber", "2JK3S9VC"))

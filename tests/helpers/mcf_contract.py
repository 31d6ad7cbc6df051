"""Checks that a captured Fulfillment Outbound request or answer is one Amazon's model documents."""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal
from typing import Any

import httpx

from station.spapi.models import fulfillment_2020 as f20
from station.spapi.models import fulfillment_2026 as f26
from tests.helpers import contract

MODELS = {"2020-07-01": "mcf-2020", "2026-07-04": "mcf-2026"}


def _template_regex(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "([^/]+)", path) + "$")


def find_operation(model: str, method: str, path: str) -> contract.Operation:
    matches = [
        op
        for op in contract.operations(model)
        if op.method == method and _template_regex(op.path).match(path)
    ]
    # A literal path beats a template (".../features/inventory/X" vs ".../{id}").
    matches.sort(key=lambda op: op.path.count("{"))
    assert matches, f"{method} {path} is not an operation of {model}"
    return matches[0]


def check_request(model: str, request: httpx.Request) -> contract.Operation:
    """The request is one the model documents: its path, its query and its body."""
    op = find_operation(model, request.method, request.url.path)
    params = [p for p in op.spec.get("parameters", []) if isinstance(p, dict)]
    values = _template_regex(op.path).match(request.url.path)
    assert values is not None
    names = re.findall(r"\{([^}]+)\}", op.path)
    for name, raw in zip(names, values.groups(), strict=True):
        spec = next(p for p in params if p.get("name") == name and p["in"] == "path")
        if "maxLength" in spec:
            assert len(raw) <= spec["maxLength"], name
    query = dict(request.url.params)
    for spec in params:
        if spec["in"] == "query" and spec.get("required"):
            assert spec["name"] in query, f"{op.operation_id} needs {spec['name']}"
    for name, value in query.items():
        spec = next((p for p in params if p["in"] == "query" and p["name"] == name), None)
        assert spec is not None, f"{op.operation_id} has no query parameter {name}"
        if "enum" in spec:
            assert value in spec["enum"]
        if spec.get("type") == "integer":
            int(value)
        if spec.get("format") == "date-time":
            datetime.fromisoformat(value)
    if op.body_schema is not None:
        body = json.loads(request.content)
        contract.validate(model, op.body_schema, body)
    else:
        assert not request.content, f"{op.operation_id} takes no body"
    return op


def check_response(model: str, request: httpx.Request, status: int, body: Any) -> None:
    """The answer validates against the schema the model documents for its status."""
    op = find_operation(model, request.method, request.url.path)
    schema = op.response_schema(status)
    assert schema is not None or body in (None, {}), f"{op.operation_id} {status} undocumented"
    if schema is not None:
        contract.validate(model, schema, body)


def return_request() -> f20.CreateFulfillmentReturnRequest:
    """A return of one item of a shipped order (createFulfillmentReturn)."""
    return f20.CreateFulfillmentReturnRequest(
        items=[
            f20.CreateReturnItem(
                seller_return_item_id="R1",
                seller_fulfillment_order_item_id="1",
                amazon_shipment_id="DnMDLWJWN",
                return_reason_code="NoLongerWanted",
                return_comment="too small",
            )
        ]
    )


def delivery_offers_request(sku: str) -> f20.GetDeliveryOffersRequest:
    """One unit of ``sku`` to a US postal code (deliveryOffers)."""
    return f20.GetDeliveryOffersRequest(
        product=f20.DeliveryOffersProduct(
            product_identifier={"merchantSku": sku},
            amount=f20.DeliveryOffersAmount(unit_of_measure="Eaches", value=Decimal(1)),
        ),
        terms=f20.DeliveryOffersTerms(
            origin={"countryCode": "US"},
            destination={
                "deliveryAddress": f20.VariablePrecisionAddress(
                    postal_code="98101", country_code="US"
                )
            },
        ),
    )


def offers_request(sku: str) -> f26.GetOffersRequest:
    """Offers for ``sku`` shipped from the US (getOffers)."""
    return f26.GetOffersRequest(
        origin=f26.OrderOrigin(country_code="US"),
        items=[f26.OfferItem(product_identifier=f26.ProductIdentifier(amazon_sku=sku))],
    )

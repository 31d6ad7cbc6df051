"""Fulfillment Outbound 2020-07-01 and 2026-07-04 against Amazon's own models.

Every request the MCF client builds is captured at the transport and validated against the
operation it hits (path, query parameters, body schema); every documented answer is served back
and must parse through the real client.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import jsonschema
import pytest

from station.errors import InvalidRequestError, ResponseFormatError
from station.spapi.mcf import (
    McfAddress,
    McfClient,
    McfFeatures,
    McfLine,
    McfOrderDraft,
    McfOrderState,
    McfPackage,
)
from station.spapi.models import fulfillment_2020 as f20
from station.spapi.models import fulfillment_2026 as f26
from tests.helpers import contract
from tests.helpers.mcf_contract import (
    check_request,
    delivery_offers_request,
    find_operation,
    offers_request,
    return_request,
)
from tests.spapi.fakes import Rig, make_rig, reply

MODELS = {"2020-07-01": "mcf-2020", "2026-07-04": "mcf-2026"}
WHEN = datetime(2026, 11, 30, 9, 30, tzinfo=UTC)
EXAMPLE_ORDER = {"2020-07-01": "FBATestOrder-1", "2026-07-04": "ABC123XYZ"}


def draft(**over: Any) -> McfOrderDraft:
    fields: dict[str, Any] = {
        "order_id": "SHOP-1001",
        "displayable_id": "1001",
        "order_date": WHEN,
        "comment": "Thank you for your order",
        "speed": "Standard",
        "address": McfAddress(
            name="Ana Souza",
            line1="Rua Augusta 100",
            line2="Apto 12",
            line3="Bloco B",
            city="Seattle",
            district="King",
            state="WA",
            postal_code="98101",
            country_code="US",
            phone="+1 206 555 0100",
            email="ana@example.com",
        ),
        "lines": (
            McfLine("1", "SKU-RED", 2, Decimal("19.90"), "USD"),
            McfLine("2", "SKU-BLUE", 1),
        ),
        "features": McfFeatures(),
        "hold": False,
        "channel": "SHOPIFY",
        "notification_emails": ("ana@example.com",),
    }
    fields.update(over)
    return McfOrderDraft(**fields)


def example(model: str, operation_id: str, status: int) -> Any:
    op = contract.operation(model, operation_id)
    return next(iter(op.spec["responses"][str(status)]["examples"].values()))


@pytest.fixture(params=list(MODELS))
def version(request: pytest.FixtureRequest) -> str:
    contract.require_models()
    return str(request.param)


@pytest.fixture
def rig() -> Any:
    made = make_rig()
    yield made
    made.client.close()


def answer_everything(rig: Rig, model: str) -> None:
    """Serve each operation's documented 2xx answer (or an empty one where none is documented)."""

    def respond(request: httpx.Request) -> httpx.Response:
        op = find_operation(model, request.method, request.url.path)
        for status, response in sorted(op.spec["responses"].items()):
            if status.startswith("2"):
                found = response.get("examples", {})
                body = next(iter(found.values())) if found else {}
                body = json.loads(json.dumps(body).replace('"nextToken"', '"lastToken"'))
                return reply(int(status), body)(request)
        raise AssertionError(op.operation_id)

    rig.amazon.fallback = respond


def _all_features(version: str) -> McfFeatures:
    return McfFeatures(
        blank_box=True, block_amzl=version == "2020-07-01", signature=version == "2020-07-01"
    )


def test_every_request_validates_against_the_model(version: str, rig: Rig) -> None:
    model = MODELS[version]
    answer_everything(rig, model)
    client = McfClient(rig.api.http, version=version, marketplace_id="ATVPDKIKX0DER")
    full = draft(features=_all_features(version))
    client.preview(full, ["Standard", "Expedited", "Priority"])
    client.preview(draft(hold=True))
    client.create(full)
    client.create(draft(order_id="SHOP-1002", hold=True, speed="Expedited"))
    state = client.get(EXAMPLE_ORDER[version])  # the documented answer names this order
    assert state is not None
    client.tracking(state)
    # 212794778: the package the documented tracking answer is about.
    client.tracking(
        McfOrderState(
            "SHOP-1001", "COMPLETE", False, None, (), (McfPackage("212794778", "UPS", "1Z"),), ()
        )
    )
    client.release("SHOP-1002")
    client.cancel("SHOP-1002")
    list(client.list_since(WHEN))
    if version == "2020-07-01":
        client.feature_sku("BLANK_BOX", "SKU-RED")
        client.v2020.get_features("ATVPDKIKX0DER")
        client.v2020.get_feature_inventory("ATVPDKIKX0DER", "BLANK_BOX", query_start_date=WHEN)
        client.v2020.list_return_reason_codes(
            "SKU-RED", marketplace_id="ATVPDKIKX0DER", seller_fulfillment_order_id="SHOP-1001"
        )
        client.v2020.create_fulfillment_return("SHOP-1001", return_request())
        client.v2020.delivery_offers(delivery_offers_request("SKU-RED"))
    else:
        client.v2026.get_offers(offers_request("X"))
    seen = {check_request(model, r).operation_id for r in rig.amazon.requests}
    documented = {op.operation_id for op in contract.operations(model)}
    # Sandbox-only test hooks (Amazon's own status/package simulation) are not station calls.
    hooks = {"submitFulfillmentOrderStatusUpdate", "updateOrderStatus", "updatePackage"}
    assert documented - hooks == seen


def test_a_request_missing_what_the_model_requires_is_caught_by_the_check(rig: Rig) -> None:
    """The validator above can fail: a body without the required address is refused."""
    contract.require_models()
    body = McfClient(rig.api.http, version="2020-07-01", marketplace_id="M").create_request_2020(
        draft()
    )
    wire = body.to_wire()
    del wire["destinationAddress"]["postalCode"]
    with pytest.raises(jsonschema.ValidationError):
        contract.validate_request("mcf-2020", "createFulfillmentOrder", wire)


def _documented() -> list[Any]:
    if contract.models_dir() is None:
        return [pytest.param(None, None, None, marks=pytest.mark.skip(reason="no models"))]
    found = []
    for name in contract.MCF_MODEL_FILES:
        for ex in contract.examples(name):
            found.append(pytest.param(name, ex.operation_id, ex.status, id=ex.id))
    return found


def _call(client: McfClient, operation_id: str) -> Any:
    v20, v26 = client.v2020, client.v2026
    body20 = client.create_request_2020(draft())
    calls: dict[str, Any] = {
        "getFulfillmentPreview": lambda: v20.get_fulfillment_preview(
            client.preview_request_2020(draft())
        ),
        "deliveryOffers": lambda: v20.delivery_offers(
            f20.GetDeliveryOffersRequest(
                product=f20.DeliveryOffersProduct(product_identifier={"merchantSku": "A"}),
                terms=f20.DeliveryOffersTerms(origin={"countryCode": "US"}, destination={}),
            )
        ),
        "listAllFulfillmentOrders": lambda: v20.list_all_fulfillment_orders(),
        "getPackageTrackingDetails": lambda: v20.get_package_tracking_details(1),
        "listReturnReasonCodes": lambda: v20.list_return_reason_codes("A"),
        "createFulfillmentReturn": lambda: v20.create_fulfillment_return(
            "X", f20.CreateFulfillmentReturnRequest(items=[])
        ),
        "getFulfillmentOrder": lambda: v20.get_fulfillment_order("X"),
        "getFeatures": lambda: v20.get_features("M"),
        "getFeatureInventory": lambda: v20.get_feature_inventory("M", "BLANK_BOX"),
        "getFeatureSKU": lambda: v20.get_feature_sku("M", "BLANK_BOX", "A"),
        "createFulfillmentOrder": lambda: v20.create_fulfillment_order(body20),
        "getOrderPreview": lambda: v26.get_order_preview(client.preview_request_2026(draft())),
        "getOffers": lambda: v26.get_offers(
            f26.GetOffersRequest(origin=f26.OrderOrigin(country_code="US"), items=[])
        ),
        "cancelOrder": lambda: v26.cancel_order("X"),
        "updateOrder": lambda: v26.update_order("X", f26.UpdateOrderRequest()),
        "getOrder": lambda: v26.get_order("X"),
        "listOrders": lambda: v26.list_orders(),
        "createOrder": lambda: v26.create_order(client.create_request_2026(draft())),
    }
    return calls[operation_id]()


@pytest.mark.parametrize(("model", "operation_id", "status"), _documented())
def test_every_documented_answer_parses(model: str, operation_id: str, status: int) -> None:
    rig = make_rig()
    try:
        body = example(model, operation_id, status)
        rig.amazon.fallback = reply(status, body)
        version = "2020-07-01" if model == "mcf-2020" else "2026-07-04"
        client = McfClient(rig.api.http, version=version, marketplace_id="M")
        result = _call(client, operation_id)
        if operation_id == "createOrder":
            expected = f26.CreateOrderAcceptedResponse if status == 202 else f26.CreateOrderResponse
            assert isinstance(result, expected)
        assert rig.amazon.requests
    finally:
        rig.client.close()


@pytest.mark.parametrize("version", list(MODELS))
def test_documented_order_reads_into_the_station_vocabulary(version: str, rig: Rig) -> None:
    model = MODELS[version]
    contract.require_models()
    operation_id = "getFulfillmentOrder" if version == "2020-07-01" else "getOrder"
    rig.amazon.fallback = reply(200, example(model, operation_id, 200))
    client = McfClient(rig.api.http, version=version, marketplace_id="M")
    with pytest.raises(ResponseFormatError, match="about order"):
        client.get("X")  # an answer about another order is never taken for this one
    state = client.get(EXAMPLE_ORDER[version])
    assert state is not None
    assert state.status in {"RECEIVED", "PLANNING", "PROCESSING", "COMPLETE", "COMPLETE_PARTIAL"}
    assert state.lines


def test_2026_create_answered_202_is_accepted_not_created(rig: Rig) -> None:
    contract.require_models()
    rig.amazon.fallback = reply(202, example("mcf-2026", "createOrder", 202))
    outcome = McfClient(rig.api.http, version="2026-07-04", marketplace_id="M").create(draft())
    assert outcome.accepted_only


def test_2026_refuses_features_its_model_cannot_express(rig: Rig) -> None:
    client = McfClient(rig.api.http, version="2026-07-04", marketplace_id="M")
    with pytest.raises(InvalidRequestError, match="block Amazon Logistics"):
        client.create(draft(features=McfFeatures(block_amzl=True)))
    assert not rig.amazon.requests


def test_unknown_order_reads_as_none(rig: Rig) -> None:
    rig.amazon.fallback = reply(404, {"errors": [{"code": "NotFound", "message": "no"}]})
    assert McfClient(rig.api.http, version="2020-07-01", marketplace_id="M").get("X") is None


def test_an_order_id_with_a_plus_is_escaped_in_the_path(rig: Rig) -> None:
    rig.amazon.fallback = reply(404, {"errors": [{"code": "NotFound", "message": "no"}]})
    McfClient(rig.api.http, version="2020-07-01", marketplace_id="M").get("A+B C")
    assert rig.amazon.requests[-1].url.raw_path.endswith(b"/A%2BB%20C")


def test_2026_refusal_says_why_and_what_to_do(rig: Rig) -> None:
    client = McfClient(rig.api.http, version="2026-07-04", marketplace_id="M")
    with pytest.raises(InvalidRequestError) as caught:
        client.preview(draft(features=McfFeatures(signature=True)))
    text = caught.value.user_text()
    assert "'signature confirmation'" in text and "block Amazon" not in text
    assert "model has no field" in text and "2020-07-01" in text
    assert "Fulfillment Outbound version" in text
    assert not rig.amazon.requests


def _schema_keys(node: Any) -> set[str]:
    keys: set[str] = set()
    if isinstance(node, dict):
        keys.update(k.lower() for k in node.get("properties", {}))
        for value in node.values():
            keys |= _schema_keys(value)
    elif isinstance(node, list):
        for value in node:
            keys |= _schema_keys(value)
    return keys


def test_2026_model_still_has_no_field_for_block_amzl_or_signature() -> None:
    """Why the client refuses those two on 2026-07-04: the model offers blank box (packaging
    option UNBRANDED) and nothing else. When Amazon adds a field, this fails: send it then."""
    contract.require_models()
    model = contract.load_model("mcf-2026")
    definitions = model["definitions"]
    assert definitions["DeliveryService"].get("properties", {}) == {}
    assert "properties" not in definitions["AdditionalServices"]
    services = definitions["OrderServices"]["properties"]
    assert set(services) == {"packaging", "delivery", "additional"}
    assert (
        "UNBRANDED"
        in definitions["PackagingService"]["properties"]["packagingOption"]["description"]
    )
    request_keys = _schema_keys(definitions["CreateOrderRequest"]) | _schema_keys(
        {name: definitions[name] for name in definitions if "Order" in name or "Service" in name}
    )
    for word in ("featureconstraints", "blockamzl", "signature", "signatureconfirmation"):
        assert word not in request_keys
    text = json.dumps(definitions).lower()
    assert "block_amzl" not in text and "signature_confirmation" not in text

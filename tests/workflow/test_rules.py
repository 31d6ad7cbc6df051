"""Every documented confirmation rule, checked locally before anything is recorded or sent."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.config import WarehouseSettings
from station.errors import ScanError
from station.spapi.content import DecodedDocument
from station.workflow.confirmation import build_confirmation
from station.workflow.containers import parse_box_spec
from station.workflow.labels import LabelSet, PackageLabel
from station.workflow.order import OrderLine, OrderStatus, PackOrder
from station.workflow.rules import ConfirmationRuleError, check_confirmation
from station.workflow.scan import validate_po
from tests.helpers import contract

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
PNG = DecodedDocument(kind="png", data=b"\x89PNG\r\n\x1a\n....")


def _order(ship_from: str = "ABCD") -> PackOrder:
    return PackOrder(
        purchase_order_number="2AB3CD4E",
        status=OrderStatus.ACCEPTED,
        order_date=NOW - timedelta(days=1),
        required_ship_date=NOW + timedelta(days=1),
        ship_method="UPS_GR_RES",
        is_priority=False,
        is_pslip_required=False,
        is_gift=False,
        gift_message="",
        selling_party_id="999US",
        ship_from_party_id=ship_from,
        ship_to_country="US",
        lines=(
            OrderLine(1, "B0ASIN0001", "0123456789012", "Bottle", 2, "00001"),
            OrderLine(2, "B0ASIN0002", None, "Towel", 1, "00002"),
        ),
    )


def _labels(count: int = 1, method: str = "UPS_GR_RES") -> LabelSet:
    return LabelSet(
        "2AB3CD4E",
        "PNG",
        "ABCD",
        tuple(
            PackageLabel(f"PKG{i}", f"1Z{i:016d}", method, "UPS Ground", PNG)
            for i in range(1, count + 1)
        ),
    )


VOC = WarehouseSettings(code="DFWV", vendor_own_carrier=True, scac_code="ODFL", carrier="Own")


def _body(
    api_version: str = "2021-12-28",
    warehouse: WarehouseSettings | None = None,
    region: str = "na",
    ship_from: str = "ABCD",
) -> dict[str, Any]:
    order = _order(ship_from)
    body = build_confirmation(
        order,
        _labels(),
        [parse_box_spec("12x8x4in:1.5lb")],
        [{1: 2, 2: 1}],
        api_version=api_version,  # type: ignore[arg-type]
        warehouse=warehouse,
        region=region,  # type: ignore[arg-type]
        shipped_at=NOW - timedelta(minutes=5),
        now=NOW,
    )
    return body


def _check(
    confirmation: dict[str, Any],
    *,
    warehouse: WarehouseSettings | None = None,
    region: str = "na",
    labels: LabelSet | None = None,
    ship_from: str = "ABCD",
) -> None:
    check_confirmation(
        _order(ship_from),
        labels or _labels(),
        confirmation,
        warehouse=warehouse,
        region=region,  # type: ignore[arg-type]
        now=NOW,
    )


@pytest.mark.parametrize("api_version", ["v1", "2021-12-28"])
def test_built_confirmation_passes_and_matches_amazons_schema(api_version: str) -> None:
    body = _body(api_version)
    _check(body["shipmentConfirmations"][0])
    (container,) = body["shipmentConfirmations"][0]["containers"]
    assert container["containerType"] == ("carton" if api_version == "v1" else "Carton")
    assert container["trackingNumber"] == "1Z0000000000000001"
    assert container["shipMethod"] == "UPS_GR_RES"
    assert body["shipmentConfirmations"][0]["items"][0]["itemSequenceNumber"] == 1
    contract.require_models()
    model = "shipping-v1" if api_version == "v1" else "shipping-2021"
    contract.validate_request(model, "submitShipmentConfirmations", body)


Tamper = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Tamper:
    def tamper(c: dict[str, Any]) -> None:
        target: Any = c
        *parts, last = path.split(".")
        for part in parts:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is _DELETE:
            del target[last]
        else:
            target[int(last) if last.isdigit() else last] = value

    return tamper


_DELETE = object()

CASES: dict[str, Tamper] = {
    "WRONG_PO": _set("purchaseOrderNumber", "9ZZ9ZZ9Z"),
    "SHIP_FROM_MISMATCH": _set("shipFromParty.partyId", "RNOZ"),
    "SELLING_PARTY_MISMATCH": _set("sellingParty.partyId", "999XX"),
    "MISSING_LINE_ITEMS": lambda c: c["items"].pop(),
    "UNKNOWN_LINE": _set("items.1.itemSequenceNumber", 7),
    "ITEM_SEQUENCE_NOT_INTEGER": _set("items.0.itemSequenceNumber", "00001"),
    "PARTIAL_SHIPMENT": _set("items.0.shippedQuantity.amount", 1),
    "PRODUCT_IDENTIFIER_MISMATCH": _set("items.0.buyerProductIdentifier", "B0OTHER000"),
    "NO_CONTAINERS": _set("containers", []),
    "EMPTY_CONTAINER": _set("containers.0.packedItems", []),
    "INVALID_CONTAINER_WEIGHT": _set("containers.0.weight.value", "0"),
    "MISSING_SHIP_METHOD": _set("containers.0.shipMethod", _DELETE),
    "SHIP_METHOD_MISMATCH": _set("containers.0.shipMethod", "FEDEX_GR"),
    "TRACKING_NUMBER_MISMATCH": _set("containers.0.trackingNumber", "1Z999"),
    "SHIPPED_DATE_IN_FUTURE": _set(
        "shipmentDetails.shippedDate", (NOW + timedelta(minutes=1)).isoformat()
    ),
    "SHIPPED_DATE_TOO_OLD": _set(
        "shipmentDetails.shippedDate", (NOW - timedelta(hours=5)).isoformat()
    ),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_rule_refuses_the_confirmation(code: str) -> None:
    confirmation = copy.deepcopy(_body()["shipmentConfirmations"][0])
    CASES[code](confirmation)
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation)
    assert code in caught.value.codes
    assert caught.value.hint


def test_vendor_sku_must_be_as_received() -> None:
    confirmation = copy.deepcopy(_body()["shipmentConfirmations"][0])
    del confirmation["items"][0]["buyerProductIdentifier"]
    confirmation["items"][0]["vendorProductIdentifier"] = "9999999999999"
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation)
    assert caught.value.codes == ("PRODUCT_IDENTIFIER_MISMATCH",)


def test_box_count_must_match_the_labels() -> None:
    confirmation = _body()["shipmentConfirmations"][0]
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation, labels=_labels(2))
    assert "TRACKING_NUMBER_MISMATCH" in caught.value.codes


def test_ship_method_echoes_the_labels_not_only_the_order() -> None:
    confirmation = _body()["shipmentConfirmations"][0]
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation, labels=_labels(1, method="UPS_2ND"))
    assert caught.value.codes == ("SHIP_METHOD_MISMATCH",)


def test_vendor_own_carrier_needs_the_scac_code_in_north_america() -> None:
    body = _body(warehouse=VOC, ship_from="DFWV")
    confirmation = body["shipmentConfirmations"][0]
    assert confirmation["containers"][0]["scacCode"] == "ODFL"
    _check(confirmation, warehouse=VOC, ship_from="DFWV")
    del confirmation["containers"][0]["scacCode"]
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation, warehouse=VOC, ship_from="DFWV")
    assert caught.value.codes == ("MISSING_SCAC_CODE",)
    unset = VOC.model_copy(update={"scac_code": None})
    with pytest.raises(ConfirmationRuleError, match="SCAC"):
        _body(warehouse=unset, ship_from="DFWV")


def test_vendor_own_carrier_needs_the_carrier_in_europe() -> None:
    body = _body(warehouse=VOC, region="eu", ship_from="DFWV")
    confirmation = body["shipmentConfirmations"][0]
    assert confirmation["containers"][0]["carrier"] == "Own"
    assert "scacCode" not in confirmation["containers"][0]
    del confirmation["containers"][0]["carrier"]
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation, warehouse=VOC, region="eu", ship_from="DFWV")
    assert caught.value.codes == ("MISSING_CARRIER",)


def test_vendor_own_carrier_needs_tracking_numbers() -> None:
    confirmation = copy.deepcopy(_body(warehouse=VOC, ship_from="DFWV")["shipmentConfirmations"][0])
    del confirmation["containers"][0]["trackingNumber"]
    labels = LabelSet(
        "2AB3CD4E", "PNG", "DFWV", (PackageLabel("P1", None, "UPS_GR_RES", None, PNG),)
    )
    with pytest.raises(ConfirmationRuleError) as caught:
        _check(confirmation, warehouse=VOC, ship_from="DFWV", labels=labels)
    assert caught.value.codes == ("MISSING_TRACKING_NUMBER",)


@given(st.text(max_size=80))
def test_validate_po_accepts_only_alphanumeric_pos(text: str) -> None:
    try:
        po = validate_po(text)
    except ScanError as exc:
        assert exc.message and exc.hint
        return
    assert po.isascii() and po.isalnum() and 3 <= len(po) <= 32
    assert po == text.strip().upper()


@given(st.from_regex(r"\A[A-Z2-9]{8}\Z"))
def test_validate_po_accepts_amazon_pos(po: str) -> None:
    assert validate_po(f"{po}\r\n") == po

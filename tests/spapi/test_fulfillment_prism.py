"""The MCF client against Prism serving Amazon's Fulfillment Outbound models (both versions).

Prism (Stoplight's OpenAPI mock, from npm) validates every request against the model it serves
and reports what is wrong in an ``sl-violations`` header; its answers come from the models' own
examples (or are generated from their schemas) and must parse through the client.

Prism is the one ``bash .ci/prism`` installs for the end-to-end suite (tests/e2e); without it
these tests skip, saying so (and fail in CI, where it is installed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pytest

from station.spapi import build_client
from station.spapi.mcf import McfAddress, McfClient, McfFeatures, McfLine, McfOrderDraft
from tests.e2e.mcf_prism import VERSIONS, mcf_prism
from tests.helpers import contract
from tests.helpers.mcf_contract import (
    delivery_offers_request,
    find_operation,
    offers_request,
    return_request,
)


@pytest.fixture(scope="module", params=list(VERSIONS))
def prism(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    version = str(request.param)
    with mcf_prism(version, tmp_path_factory.mktemp("prism-mcf")) as server:
        yield version, server.url


def draft(order_id: str, **over: Any) -> McfOrderDraft:
    fields: dict[str, Any] = {
        "order_id": order_id,
        "displayable_id": order_id,
        "order_date": datetime(2026, 12, 1, 9, tzinfo=UTC),
        "comment": "Thank you",
        "speed": "Expedited",
        "address": McfAddress(
            "Ana Souza",
            "100 Pike St",
            "98101",
            "US",
            line2="Apt 2",
            city="Seattle",
            state="WA",
            phone="+1 206 555 0100",
            email="ana@example.com",
        ),
        "lines": (McfLine("1", "MCF-MUG-RED", 2, Decimal("12.50"), "USD"), McfLine("2", "B", 1)),
    }
    fields.update(over)
    return McfOrderDraft(**fields)


def test_every_request_passes_prism_and_every_answer_parses(prism: tuple[str, str]) -> None:
    version, url = prism
    violations: list[tuple[str, str, Any]] = []
    asked: list[httpx.Request] = []

    def keep(response: httpx.Response) -> None:
        asked.append(response.request)
        header = response.headers.get("sl-violations")
        if header:
            violations.append((response.request.method, response.request.url.path, header))

    with httpx.Client(timeout=60, event_hooks={"response": [keep]}) as http:
        api = build_client(
            None, environ={"STATION_SPAPI_URL": url}, http_client=http, use_rdt=False
        )
        mcf = McfClient(api.http, version=version, marketplace_id="ATVPDKIKX0DER")
        everything = McfFeatures(
            blank_box=True, block_amzl=version == "2020-07-01", signature=version == "2020-07-01"
        )
        mcf.preview(draft("SHOP-1", features=everything), ["Standard", "Expedited"])
        mcf.create(draft("SHOP-1", features=everything))
        mcf.create(draft("SHOP-2", hold=True))
        # Prism answers every lookup with the model's example order, whatever was asked.
        state = mcf.get("FBATestOrder-1" if version == "2020-07-01" else "ABC123XYZ")
        assert state is not None
        mcf.release("SHOP-2")
        mcf.cancel("SHOP-2")
        since = datetime(2026, 11, 1, tzinfo=UTC)
        if version == "2020-07-01":  # one page: Prism's example always names a next page
            mcf.v2020.list_all_fulfillment_orders(query_start_date=since)
        else:
            mcf.v2026.list_orders(updated_after=since)
        mcf.tracking(state)
        if version == "2020-07-01":
            mcf.v2020.get_package_tracking_details(212794778)
            mcf.feature_sku("BLANK_BOX", "MCF-MUG-RED")
            mcf.v2020.get_features("ATVPDKIKX0DER")
            mcf.v2020.get_feature_inventory("ATVPDKIKX0DER", "BLANK_BOX")
            mcf.v2020.list_return_reason_codes("MCF-MUG-RED", marketplace_id="ATVPDKIKX0DER")
            mcf.v2020.create_fulfillment_return("SHOP-1", return_request())
            mcf.v2020.delivery_offers(delivery_offers_request("MCF-MUG-RED"))
        else:
            mcf.v2026.get_offers(offers_request("MCF-MUG-RED"))
        # Every operation the model documents went through Prism (but Amazon's sandbox-only
        # hooks that simulate status and package events, which the station never calls).
        model = "mcf-2020" if version == "2020-07-01" else "mcf-2026"
        hooks = {"submitFulfillmentOrderStatusUpdate", "updateOrderStatus", "updatePackage"}
        documented = {op.operation_id for op in contract.operations(model)} - hooks
        called = {find_operation(model, r.method, r.url.path).operation_id for r in asked}
        assert called == documented, documented ^ called
        seen = len(http_requests := violations)
        # The oracle can fail: a create without its address is reported by Prism.
        path = "/fba/outbound/2020-07-01/fulfillmentOrders"
        body: dict[str, Any] = {"sellerFulfillmentOrderId": "X", "items": []}
        if version == "2026-07-04":
            path, body = "/fulfillment/outbound/2026-07-04/orders", {"orderId": "X"}
        http.post(url + path, json=body)
        assert len(http_requests) > seen and _request_side(http_requests[-1][2])
        del violations[seen:]
    # Prism names request and response problems alike; the station owns the request side.
    requests = [(m, p, _request_side(header)) for m, p, header in violations]
    assert not [r for r in requests if r[2]], requests


def _request_side(header: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(header)
    return [v for v in found if v.get("location", [""])[0] == "request"]

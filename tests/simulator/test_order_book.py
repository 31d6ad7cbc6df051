"""The seeded order book: deterministic, realistic, in both Orders API shapes."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from station.simulator import orderbook
from station.simulator.server import SimulatorServer
from station.simulator.wire import V1, V2021, order_json
from tests.helpers import contract

NOW = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)


def test_the_same_seed_gives_the_same_book() -> None:
    first = orderbook.generate(42, 20, NOW)
    again = orderbook.generate(42, 20, NOW)
    other = orderbook.generate(43, 20, NOW)
    assert [order_json(o, V1) for o in first] == [order_json(o, V1) for o in again]
    assert [o.purchase_order_number for o in first] != [o.purchase_order_number for o in other]


def test_every_special_kind_is_in_a_book_of_eight_or_more() -> None:
    book = orderbook.generate(5, 8, NOW)
    kinds = {o.kind: o for o in book}
    assert set(kinds) == set(orderbook.SPECIAL_KINDS)
    assert kinds["gift"].is_gift and kinds["gift"].gift_message
    assert kinds["pslip"].is_pslip_required
    assert kinds["priority"].is_priority
    assert kinds["voc"].warehouse.voc and kinds["voc"].warehouse.scac_code
    assert kinds["cancelled"].status == "CANCELLED"
    assert kinds["india"].has_customer_invoice and kinds["india"].ship_to.country_code == "IN"
    assert kinds["zpl"].warehouse.label_format == "ZPL"
    assert kinds["plain"].warehouse.label_format == "PNG"


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), count=st.integers(min_value=1, max_value=40))
def test_generated_orders_are_realistic_and_match_both_schemas(seed: int, count: int) -> None:
    contract.require_models()
    book = orderbook.generate(seed, count, NOW)
    assert len({o.purchase_order_number for o in book}) == count
    for order in book:
        assert re.fullmatch(r"[2-9][A-Z2-9]{7}", order.purchase_order_number)
        assert 1 <= len(order.lines) <= 5
        assert order.order_date < NOW
        for line in order.lines:
            assert re.fullmatch(r"B0[A-Z0-9]{8}", line.asin)
            digits = [int(d) for d in line.vendor_sku]
            check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12])) % 10) % 10
            assert len(digits) == 13 and digits[12] == check
        contract.validate_definition("orders-v1", "Order", order_json(order, V1))
        contract.validate_definition("orders-2021", "Order", order_json(order, V2021))
        assert "hasCustomizableItems" in order_json(order, V2021)["orderDetails"]
        assert "hasCustomizableItems" not in order_json(order, V1)["orderDetails"]


def test_reset_and_reseed_over_admin(simulator: SimulatorServer, admin: httpx.Client) -> None:
    before = admin.get("/orders").json()
    assert before["scannable"] == simulator.scannable_pos(5)
    reseeded = admin.post("/reset", json={"seed": 99, "orders": 12}).json()
    assert reseeded["seed"] == 99 and reseeded["orders"] == 12
    assert len(admin.get("/orders").json()["orders"]) == 12
    back = admin.post("/reset", json={"seed": 7, "orders": 30}).json()
    assert back["scannable"] == before["scannable"]
    assert admin.get("/orders").json()["orders"] == before["orders"]
    for bad in ({"seed": "x"}, {"orders": 0}, [1]):
        assert admin.post("/reset", json=bad).status_code == 400


def test_reset_forgets_history(simulator: SimulatorServer, admin: httpx.Client) -> None:
    from tests.simulator import bodies
    from tests.simulator.sim_client import Sp
    from tests.simulator.test_shipment_flow import acknowledge, get_order

    with httpx.Client(base_url=simulator.base_url) as http:
        sp = Sp(http)
        sp.login()
        po = simulator.scannable_pos(1)[0]
        acknowledge(sp, V2021, get_order(sp, V2021, po))
        assert admin.get("/record").json()["orders"][po]["status"] == "ACCEPTED"
        admin.post("/reset", json={}).raise_for_status()
        record = admin.get("/record").json()
        assert record["orders"] == {} and record["transactions"] == []
        assert get_order(sp, V2021, po)["orderDetails"]["orderStatus"] == "NEW"
        assert bodies  # the shared builders stay importable from here


def test_admin_reports_health_and_refuses_unknown_endpoints(admin: httpx.Client) -> None:
    health = admin.get("/health").json()
    assert health == {"ok": True, "mode": "stateful", "seed": 7, "orders": 30}
    assert admin.get("/nope").status_code == 404
    assert admin.post("/clock", json={"advanceSeconds": -1}).status_code == 400
    assert admin.post("/reset", content=b"{not json").status_code == 400


def test_a_trainer_can_cancel_an_open_order_but_not_a_shipped_one(
    simulator: SimulatorServer, admin: httpx.Client
) -> None:
    po = simulator.state.scannable(1)[0]
    answer = admin.post("/cancel", json={"purchaseOrderNumber": po})
    assert answer.status_code == 200
    assert answer.json() == {"purchaseOrderNumber": po, "status": "CANCELLED"}
    assert simulator.state.order(po).status == "CANCELLED"

    shipped = simulator.state.scannable(2)[1]
    simulator.state.order(shipped).status = "SHIPPED"
    refused = admin.post("/cancel", json={"purchaseOrderNumber": shipped})
    assert refused.status_code == 400
    assert "has shipped" in refused.json()["errors"][0]["message"]
    assert admin.post("/cancel", json={"purchaseOrderNumber": 7}).status_code == 400
    assert admin.post("/cancel", json={"purchaseOrderNumber": "NOSUCHPO"}).status_code == 404

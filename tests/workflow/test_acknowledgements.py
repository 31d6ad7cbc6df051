"""Acknowledgements of NEW orders: codes, the body against Amazon's schema, the simulator."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from station.config import Settings
from station.errors import ApiErrorDetail, WorkflowError
from station.simulator.config import SimulatorConfig
from station.workflow.acknowledgements import (
    ACCEPTED,
    ACK_CODES,
    AckDecision,
    Acknowledger,
    AckReport,
    acknowledgement_body,
    attribute_errors,
    default_decision,
    person_rejects,
)
from station.workflow.answers import ForeignWarehouseError, OrderRefusedError
from station.workflow.gateway import TransactionResult
from station.workflow.order import OrderLine, OrderStatus, PackOrder
from tests.helpers.contract import validate_request
from tests.workflow.ops_support import record, sim_orders, sim_runtime

AT = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)


def _order(po: str = "2ABC1234", **kw: object) -> PackOrder:
    fields: dict[str, object] = {
        "purchase_order_number": po,
        "status": OrderStatus.NEW,
        "order_date": AT,
        "required_ship_date": None,
        "ship_method": "UPS_GR_RES",
        "is_priority": False,
        "is_pslip_required": False,
        "is_gift": False,
        "gift_message": "",
        "selling_party_id": "999US",
        "ship_from_party_id": "ABCD",
        "ship_to_country": "US",
        "lines": (
            OrderLine(1, "B0TEST0001", "4006381333931", "Mug", 2, "00001"),
            OrderLine(2, None, "SKU-2", "Plate", 1, "00002"),
        ),
    }
    fields.update(kw)
    return PackOrder(**fields)  # type: ignore[arg-type]


SETTINGS = Settings.model_validate({"warehouses": [{"code": "ABCD"}]})


def test_the_station_accepts_or_refuses_but_never_rejects_by_itself() -> None:
    decide = default_decision(SETTINGS)
    assert decide(_order()).code == ACCEPTED
    # A rejection cancels the customer's order: the station refuses to acknowledge instead,
    # saying why, and leaves the order untouched at Amazon.
    with pytest.raises(ForeignWarehouseError, match="ships from ZZZZ; this station packs ABCD"):
        decide(_order(ship_from_party_id="ZZZZ"))
    with pytest.raises(OrderRefusedError, match="no ship method"):
        decide(_order(ship_method=" "))
    nameless = (OrderLine(1, None, None, "?", 1, "00001"),)
    with pytest.raises(OrderRefusedError, match="neither ASIN nor vendor SKU"):
        decide(_order(lines=nameless))
    assert AckDecision("03").description == "Canceled out of stock"
    with pytest.raises(WorkflowError, match="not an acknowledgement code"):
        AckDecision("99")


def test_a_rejection_needs_a_person_who_saw_the_code() -> None:
    with pytest.raises(WorkflowError, match=r"code 03 \(Canceled out of stock\).*confirmation"):
        person_rejects("2ABC1234", "03", confirmed=False)
    with pytest.raises(WorkflowError, match="accepts the order"):
        person_rejects("2ABC1234", "00", confirmed=True)
    decide = person_rejects("2ABC1234", "03", confirmed=True)
    assert decide(_order()).code == "03"
    with pytest.raises(OrderRefusedError, match="not the one chosen"):
        decide(_order("3XYZ7777"))


class _RecordingGateway:
    """Records what would be sent; every transaction succeeds."""

    api_version = "2021-12-28"

    def __init__(self) -> None:
        self.bodies: list[dict[str, object]] = []

    def submit_acknowledgement(self, body: dict[str, object]) -> str:
        self.bodies.append(body)
        return f"tx-{len(self.bodies)}"

    def transaction_status(self, transaction_id: str) -> TransactionResult:
        return TransactionResult(transaction_id, "Success")


def test_a_foreign_po_in_a_batch_is_refused_alone_and_nothing_is_sent_for_it() -> None:
    gateway = _RecordingGateway()
    orders = [_order("2ABC1234"), _order("3RNO0001", ship_from_party_id="RNOZ")]
    report = Acknowledger(
        gateway,  # type: ignore[arg-type]
        SETTINGS,
        poll_interval=0.01,
    ).acknowledge(orders)
    assert report.accepted == ["2ABC1234"] and report.rejected == []
    assert report.failed == {"3RNO0001": "PO 3RNO0001 ships from RNOZ; this station packs ABCD"}
    sent = [a for b in gateway.bodies for a in b["orderAcknowledgements"]]  # type: ignore[attr-defined]
    assert [a["purchaseOrderNumber"] for a in sent] == ["2ABC1234"]
    assert {a["acknowledgementStatus"]["code"] for a in sent} == {"00"}


@pytest.mark.parametrize("model", ["orders-v1", "orders-2021"])
def test_the_body_is_valid_for_amazon_and_covers_every_line(model: str) -> None:
    body = acknowledgement_body(
        [(_order(), AckDecision(ACCEPTED)), (_order("3XYZ7777"), AckDecision("03"))], AT
    )
    validate_request(model, "submitAcknowledgement", body)
    accepted, rejected = body["orderAcknowledgements"]
    assert accepted["acknowledgementStatus"] == {"code": "00", "description": ACK_CODES["00"]}
    assert [i["itemSequenceNumber"] for i in accepted["itemAcknowledgements"]] == ["00001", "00002"]
    assert [i["acknowledgedQuantity"]["amount"] for i in accepted["itemAcknowledgements"]] == [2, 1]
    assert [i["acknowledgedQuantity"]["amount"] for i in rejected["itemAcknowledgements"]] == [0, 0]
    assert accepted["vendorOrderNumber"] == "2ABC1234"


def test_a_failed_transaction_is_pinned_on_the_pos_it_names() -> None:
    errors = (ApiErrorDetail("SHIP_FROM_MISMATCH", "bad", "purchaseOrderNumber=PO2"),)
    assert attribute_errors(errors, ["PO1", "PO2"]) == {"PO2": "SHIP_FROM_MISMATCH: bad"}
    anonymous = (ApiErrorDetail("InternalFailure", "oops"),)
    assert set(attribute_errors(anonymous, ["PO1", "PO2"])) == {"PO1", "PO2"}


@pytest.mark.parametrize("api_version", ["v1", "2021-12-28"])
def test_acknowledgements_reach_the_simulator(tmp_path: Path, api_version: str) -> None:
    config = SimulatorConfig(seed=9, orders=10, processing_delay=0.05, rate_limits=True)
    with sim_runtime(tmp_path, config, api_version=api_version) as runtime:
        new = [o["purchaseOrderNumber"] for o in sim_orders(runtime) if o["status"] == "NEW"]
        orders = [runtime.gateway.get_order(po) for po in new[:4]]
        out_of_stock, wrong = orders[1].purchase_order_number, orders[2].purchase_order_number
        orders[2] = replace(orders[2], ship_from_party_id="ZZZZ")  # Amazon must refuse this one

        def decide(order: PackOrder) -> AckDecision:
            return AckDecision("03" if order.purchase_order_number == out_of_stock else "00")

        report = Acknowledger(
            runtime.gateway, runtime.settings, journal=runtime.journal, decide=decide, batch_size=3
        ).acknowledge(orders)

        assert sorted(report.accepted) == sorted(
            o.purchase_order_number
            for o in orders
            if o.purchase_order_number not in (out_of_stock, wrong)
        )
        assert report.rejected == [(out_of_stock, "03")]
        assert list(report.failed) == [wrong] and "SHIP_FROM_MISMATCH" in report.failed[wrong]
        assert len(report.transactions) == 2
        sent = record(runtime, out_of_stock)["acknowledgements"]
        assert [(a["acknowledgementStatus"]["code"], a["outcome"]) for a in sent] == [
            ("03", "accepted")
        ]
        assert record(runtime, wrong)["acknowledgements"][0]["outcome"] == "rejected"


class _SlowGateway(_RecordingGateway):
    """Amazon takes its time: every transaction reports ``status``."""

    def __init__(self) -> None:
        super().__init__()
        self.status = "Processing"

    def transaction_status(self, transaction_id: str) -> TransactionResult:
        return TransactionResult(transaction_id, self.status)  # type: ignore[arg-type]


def test_an_acknowledgement_still_processing_is_polled_again_never_resent(
    tmp_path: Path,
) -> None:
    from station.journal import Journal

    gateway = _SlowGateway()
    with Journal.open(tmp_path / "journal.sqlite3", station_id="s") as journal:

        def run() -> AckReport:
            return Acknowledger(
                gateway,  # type: ignore[arg-type]
                SETTINGS,
                journal=journal,
                wait_seconds=0.05,
                poll_interval=0.01,
            ).acknowledge([_order()])

        first = run()
        assert "not sent again" in first.failed["2ABC1234"]
        second = run()  # the next run (ship, prefetch or a scan) keeps waiting for it
        assert len(gateway.bodies) == 1 and second.transactions == ["tx-1"]
        gateway.status = "Success"
        third = run()
        assert third.accepted == ["2ABC1234"] and len(gateway.bodies) == 1
        run()  # decided: a later acknowledgement (a new order state) is a new submission
        assert len(gateway.bodies) == 2

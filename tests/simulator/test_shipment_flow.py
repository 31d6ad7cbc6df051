"""Whole shipments through the simulator, both label paths, as a station would run them."""

from __future__ import annotations

import ssl
from typing import Any

import httpx
import pytest

from station.errors import ContentError
from station.simulator.config import SimulatorConfig
from station.simulator.documents import LabelSpec
from station.simulator.server import SimulatorServer
from tests.simulator import bodies
from tests.simulator.sim_client import ORDERS, SHIPPING, FakeRenderer, Sp, payload


def get_order(sp: Sp, version: str, po: str) -> dict[str, Any]:
    response = sp.restricted(ORDERS[version], "getOrder", path_params={"purchaseOrderNumber": po})
    assert response.status_code == 200, response.text
    order: dict[str, Any] = payload(version, response)
    return order


def acknowledge(sp: Sp, version: str, order: dict[str, Any]) -> None:
    response = sp.call(ORDERS[version], "submitAcknowledgement", body=bodies.acknowledgement(order))
    assert response.status_code == 202, response.text
    assert sp.settle(version, payload(version, response)["transactionId"])["status"] == "Success"


@pytest.mark.parametrize("version", ["v1", "2021-12-28"])
def test_whole_shipment_with_the_asynchronous_label_path(
    sp: Sp, simulator: SimulatorServer, admin: httpx.Client, version: str
) -> None:
    po = simulator.scannable_pos(1)[0]
    order = get_order(sp, version, po)
    assert order["orderDetails"]["orderStatus"] == "NEW"
    acknowledge(sp, version, order)
    assert get_order(sp, version, po)["orderDetails"]["orderStatus"] == "ACCEPTED"

    response = sp.call(
        SHIPPING[version], "submitShippingLabelRequest", body=bodies.label_request(order, version)
    )
    assert response.status_code == 202
    transaction_id = payload(version, response)["transactionId"]
    assert sp.settle(version, transaction_id)["status"] == "Success"

    label = payload(
        version,
        sp.restricted(
            SHIPPING[version], "getShippingLabel", path_params={"purchaseOrderNumber": po}
        ),
    )
    assert label["purchaseOrderNumber"] == po
    assert label["labelFormat"] in ("PNG", "ZPL")
    [data] = label["labelData"]
    assert data["shipMethod"] == order["orderDetails"]["shipmentDetails"]["shipMethod"]
    tracking = data["trackingNumber"]

    confirmation = bodies.confirmation(order, version, tracking=[tracking])
    response = sp.call(SHIPPING[version], "submitShipmentConfirmations", body=confirmation)
    assert response.status_code == 202
    settled = sp.settle(version, payload(version, response)["transactionId"])
    assert settled["status"] == "Success", settled
    assert get_order(sp, version, po)["orderDetails"]["orderStatus"] == "SHIPPED"

    record = admin.get("/record", params={"po": po}).json()["orders"][po]
    assert record["status"] == "SHIPPED"
    assert [c["outcome"] for c in record["confirmations"]] == ["accepted"]
    assert [a["outcome"] for a in record["acknowledgements"]] == ["accepted"]
    assert record["labelRequests"][0]["trackingNumbers"] == [tracking]


def test_whole_shipment_with_the_synchronous_label_path_and_a_packing_slip(
    sp: Sp, simulator: SimulatorServer, admin: httpx.Client
) -> None:
    version = "2021-12-28"
    orders = admin.get("/orders").json()["orders"]
    po = next(o["purchaseOrderNumber"] for o in orders if o["kind"] == "pslip")
    order = get_order(sp, version, po)
    assert order["orderDetails"]["shipmentDetails"]["isPslipRequired"] is True
    acknowledge(sp, version, order)

    body = {**bodies.parties(order), "containers": bodies.containers(order, version, 2)}
    response = sp.restricted(
        SHIPPING[version],
        "createShippingLabels",
        path_params={"purchaseOrderNumber": po},
        body=body,
    )
    assert response.status_code == 200, response.text
    label = response.json()
    assert [d["packageIdentifier"] for d in label["labelData"]] == ["C1", "C2"]
    tracking = [d["trackingNumber"] for d in label["labelData"]]
    assert len(set(tracking)) == 2

    slip = sp.restricted(
        SHIPPING[version], "getPackingSlip", path_params={"purchaseOrderNumber": po}
    ).json()
    assert slip["contentType"] == "application/pdf"
    import base64

    assert base64.b64decode(slip["content"]).startswith(b"%PDF")

    confirmation = bodies.confirmation(order, version, tracking=tracking[:1])
    confirmation["shipmentConfirmations"][0]["containers"] = bodies.containers(
        order, version, 1, tracking[:1]
    )
    response = sp.call(SHIPPING[version], "submitShipmentConfirmations", body=confirmation)
    assert sp.settle(version, response.json()["transactionId"])["status"] == "Success"
    assert get_order(sp, version, po)["orderDetails"]["orderStatus"] == "SHIPPED"


def test_a_retried_create_shipping_labels_returns_the_same_labels(
    sp: Sp, simulator: SimulatorServer
) -> None:
    version = "2021-12-28"
    po = simulator.scannable_pos(1)[0]
    order = get_order(sp, version, po)
    acknowledge(sp, version, order)
    body = {**bodies.parties(order), "containers": bodies.containers(order, version, 1)}
    first = sp.restricted(
        SHIPPING[version],
        "createShippingLabels",
        path_params={"purchaseOrderNumber": po},
        body=body,
    ).json()
    again = sp.restricted(
        SHIPPING[version],
        "createShippingLabels",
        path_params={"purchaseOrderNumber": po},
        body=body,
    ).json()
    assert first == again


@pytest.mark.parametrize(
    "sim_config",
    [SimulatorConfig(seed=7, orders=30, processing_delay=30, rate_limits=False)],
    ids=["slow processing"],
)
def test_a_submission_stays_processing_until_its_delay_has_passed(
    sp: Sp, simulator: SimulatorServer, admin: httpx.Client
) -> None:
    po = simulator.scannable_pos(1)[0]
    order = get_order(sp, "v1", po)
    response = sp.call(ORDERS["v1"], "submitAcknowledgement", body=bodies.acknowledgement(order))
    assert response.status_code == 202
    transaction = sp.transaction("v1", payload("v1", response)["transactionId"])
    assert transaction == {"transactionId": transaction["transactionId"], "status": "Processing"}
    assert get_order(sp, "v1", po)["orderDetails"]["orderStatus"] == "NEW"
    [entry] = admin.get("/record", params={"po": po}).json()["orders"][po]["acknowledgements"]
    assert entry["outcome"] == "pending"
    assert not simulator.wait_idle(timeout=0.05)


class BrokenRenderer(FakeRenderer):
    def label_png(self, spec: LabelSpec) -> bytes:
        raise ContentError("cannot draw")


def test_a_document_that_cannot_be_rendered_is_a_500(tls: ssl.SSLContext) -> None:
    config = SimulatorConfig(seed=7, orders=30, processing_delay=0, rate_limits=False)
    with (
        SimulatorServer(config, renderer=BrokenRenderer()) as server,
        httpx.Client(base_url=server.base_url, verify=tls) as http,
    ):
        broken = Sp(http)
        broken.login()
        po = server.scannable_pos(1)[0]
        order = get_order(broken, "2021-12-28", po)
        acknowledge(broken, "2021-12-28", order)
        body = {**bodies.parties(order), "containers": bodies.containers(order, "2021-12-28")}
        response = broken.restricted(
            SHIPPING["2021-12-28"],
            "createShippingLabels",
            path_params={"purchaseOrderNumber": po},
            body=body,
        )
        assert response.status_code == 500
        assert response.json()["errors"][0]["code"] == "InternalFailure"

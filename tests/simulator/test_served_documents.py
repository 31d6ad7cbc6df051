"""The documents the API serves are real: labels decode, PDFs hold the PO (real renderer)."""

from __future__ import annotations

import base64
import io
import ssl
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.helpers import contract
from tests.simulator import bodies
from tests.simulator.sim_client import SHIPPING, Sp
from tests.simulator.test_rejection_rules import pick
from tests.simulator.test_shipment_flow import acknowledge, get_order

V = "2021-12-28"


@pytest.fixture(scope="module")
def real() -> Iterator[tuple[SimulatorServer, Sp]]:
    contract.require_models()
    config = SimulatorConfig(seed=7, orders=12, processing_delay=0, rate_limits=False)
    with (
        SimulatorServer(config) as server,
        httpx.Client(
            base_url=server.base_url, timeout=30, verify=ssl.create_default_context()
        ) as http,
    ):
        sp = Sp(http)
        sp.login()
        yield server, sp


def _labels(sp: Sp, po: str) -> dict[str, Any]:
    order = get_order(sp, V, po)
    acknowledge(sp, V, order)
    body = {**bodies.parties(order), "containers": bodies.containers(order, V, 1)}
    response = sp.restricted(
        SHIPPING[V], "createShippingLabels", path_params={"purchaseOrderNumber": po}, body=body
    )
    assert response.status_code == 200, response.text
    label: dict[str, Any] = response.json()
    return label


def test_png_label_is_812_by_1218_and_its_barcode_is_the_tracking_number(
    real: tuple[SimulatorServer, Sp],
) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    server, sp = real
    with httpx.Client(base_url=server.base_url + "/_simulator") as admin:
        po = pick(admin, kind="plain")
    label = _labels(sp, po)
    assert label["labelFormat"] == "PNG"
    [data] = label["labelData"]
    image = Image.open(io.BytesIO(base64.b64decode(data["content"])))
    assert image.size == (812, 1218)
    texts = {r.text for r in zxingcpp.read_barcodes(image.convert("L"))}
    assert data["trackingNumber"] in texts


def test_zpl_label_for_a_zpl_warehouse(real: tuple[SimulatorServer, Sp]) -> None:
    server, sp = real
    with httpx.Client(base_url=server.base_url + "/_simulator") as admin:
        po = pick(admin, kind="zpl")
    label = _labels(sp, po)
    assert label["labelFormat"] == "ZPL"
    zpl = base64.b64decode(label["labelData"][0]["content"]).decode("ascii")
    assert zpl.lstrip().startswith("^XA") and zpl.rstrip().endswith("^XZ")


def test_packing_slip_pdf_holds_the_po(real: tuple[SimulatorServer, Sp]) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    server, sp = real
    with httpx.Client(base_url=server.base_url + "/_simulator") as admin:
        po = pick(admin, kind="gift")
    slip = sp.restricted(
        SHIPPING[V], "getPackingSlip", path_params={"purchaseOrderNumber": po}
    ).json()
    document = pdfium.PdfDocument(base64.b64decode(slip["content"]))
    try:
        text = "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
    assert po in text


def test_warm_up_loads_the_drawing_libraries_before_the_first_answer() -> None:
    import importlib
    import sys

    from station.simulator.paperwork import DocumentStore
    from station.simulator.server import SimulatorServer

    names = [f"station.simulator.{n}" for n in ("doc_label", "doc_slip", "doc_invoice")]
    saved = {name: sys.modules.pop(name) for name in names if name in sys.modules}
    try:
        server = SimulatorServer()
        server.warm_up_documents()  # not started: warming up needs no listening socket
        assert all(name in sys.modules for name in names)
    finally:
        for name in names:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
        for name in names:
            importlib.import_module(name)

    class StandIn:
        def label_png(self, spec: object) -> bytes:
            return b""

        def label_zpl(self, spec: object) -> bytes:
            return b""

        def packing_slip_pdf(self, spec: object) -> bytes:
            return b""

        def customer_invoice_pdf(self, spec: object) -> bytes:
            return b""

    DocumentStore(StandIn()).warm_up()  # instant stand-ins have nothing to load, and say so

"""The MCF client against Prism serving Amazon's Fulfillment Outbound models (both versions).

Prism (Stoplight's OpenAPI mock, from npm) validates every request against the model it serves
and reports what is wrong in an ``sl-violations`` header; its answers come from the models' own
examples (or are generated from their schemas) and must parse through the client.

Prism is looked for at ``$STATION_PRISM``, in ``tests/e2e/node_modules/.bin/prism`` (where
``.ci/prism`` installs it for CI) and on ``PATH``; without it these tests skip, saying so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest

from station.spapi import build_client
from station.spapi.mcf import McfAddress, McfClient, McfFeatures, McfLine, McfOrderDraft
from tests.helpers.contract import REPO_ROOT, require_models

MODEL_FILES = {
    "2020-07-01": "fulfillmentOutbound_2020-07-01.json",
    "2026-07-04": "fulfillmentOutbound_2026-07-04.json",
}
START_TIMEOUT = 120.0
LISTENING = re.compile(r"Prism is listening on (http://127\.0\.0\.1:\d+)")


def prism_binary() -> str | None:
    candidates = [
        os.environ.get("STATION_PRISM"),
        str(REPO_ROOT / "tests" / "e2e" / "node_modules" / ".bin" / "prism"),
        shutil.which("prism"),
    ]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="module", params=list(MODEL_FILES))
def prism(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    binary = prism_binary()
    if binary is None:
        pytest.skip("Prism not installed (bash .ci/prism, or set STATION_PRISM)")
    models = require_models()
    version = str(request.param)
    log_path = tmp_path_factory.mktemp("prism") / "prism.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [binary, "mock", "-h", "127.0.0.1", "-p", "0", str(models / MODEL_FILES[version])],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        url = None
        gate = threading.Event()
        while url is None:
            found = LISTENING.search(log_path.read_text(encoding="utf-8", errors="replace"))
            if found:
                url = found.group(1)
                break
            assert process.poll() is None, log_path.read_text(errors="replace")[-2000:]
            assert time.monotonic() < deadline, "Prism did not start in time"
            gate.wait(0.2)
        yield version, url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


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

    def keep(response: httpx.Response) -> None:
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

"""The simulator's Multi-Channel Fulfillment, driven through the station's own MCF client.

Every request and every answer on the wire is validated against Amazon's Fulfillment Outbound
models (both versions), so the simulator cannot drift from the contract while the client and it
agree with each other.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from station.errors import InvalidRequestError, ServerError
from station.secrets import LwaCredentials
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.spapi import RetryPolicy, build_client
from station.spapi.mcf import McfAddress, McfClient, McfFeatures, McfLine, McfOrderDraft
from tests.helpers.contract import require_models
from tests.helpers.mcf_contract import MODELS, check_request, check_response
from tests.simulator.sim_client import FakeRenderer

DEMO = LwaCredentials(client_id="demo", client_secret="demo", refresh_token="demo")


def address(**over: str) -> McfAddress:
    fields = {
        "name": "Ana Souza",
        "line1": "100 Pike St",
        "city": "Seattle",
        "state": "WA",
        "postal_code": "98101",
        "country_code": "US",
    }
    fields.update(over)
    return McfAddress(**fields)


def draft(order_id: str, *lines: tuple[str, int], **over: Any) -> McfOrderDraft:
    fields: dict[str, Any] = {
        "order_id": order_id,
        "displayable_id": order_id,
        "order_date": datetime(2026, 12, 1, tzinfo=UTC),
        "comment": "Thanks",
        "speed": "Standard",
        "address": address(),
        "lines": tuple(
            McfLine(str(i), sku, qty, Decimal("10.00"), "USD")
            for i, (sku, qty) in enumerate(lines or (("MCF-MUG-RED", 1),), start=1)
        ),
    }
    fields.update(over)
    return McfOrderDraft(**fields)


@dataclass
class Rig:
    server: SimulatorServer
    mcf: McfClient
    admin: httpx.Client
    seen: list[tuple[httpx.Request, int, Any]]

    def advance(self, seconds: float) -> None:
        self.admin.post("/clock", json={"advanceSeconds": seconds}).raise_for_status()

    def record(self) -> dict[str, Any]:
        answer: dict[str, Any] = self.admin.get("/mcf").json()
        return answer


@pytest.fixture(params=list(MODELS))
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    require_models()
    version = str(request.param)
    config = SimulatorConfig(seed=3, orders=5, processing_delay=0, rate_limits=False)
    with SimulatorServer(config, renderer=FakeRenderer()) as server:
        seen: list[tuple[httpx.Request, int, Any]] = []

        def keep(response: httpx.Response) -> None:
            if "/auth/o2/" in response.request.url.path:
                return
            response.read()
            body = json.loads(response.content) if response.content else None
            seen.append((response.request, response.status_code, body))

        http = httpx.Client(timeout=10, event_hooks={"response": [keep]})
        env = {"STATION_SPAPI_URL": server.base_url, "STATION_LWA_URL": server.lwa_url}
        api = build_client(DEMO, environ=env, http_client=http, use_rdt=False)
        mcf = McfClient(api.http, version=version, marketplace_id="ATVPDKIKX0DER")
        with httpx.Client(base_url=server.base_url + "/_simulator", timeout=10) as admin:
            yield Rig(server, mcf, admin, seen)
        model = MODELS[version]
        for req, status, body in seen:
            check_request(model, req)
            check_response(model, req, status, body)
        http.close()


def _settle(rig: Rig, order_id: str) -> None:
    """A 2026 order accepted with 202 becomes readable a moment later."""
    if rig.mcf.get(order_id) is None:
        rig.advance(5)


def test_preview_offers_speeds_with_dates_and_fees(rig: Rig) -> None:
    options = rig.mcf.preview(draft("P-1", ("MCF-MUG-RED", 2)))
    by_speed = {o.speed: o for o in options}
    assert set(by_speed) == {"Standard", "Expedited", "Priority"}
    standard = by_speed["Standard"]
    assert standard.fulfillable
    assert standard.arrive_earliest is not None and standard.arrive_latest is not None
    assert standard.arrive_earliest <= standard.arrive_latest
    fee = standard.total_fee
    assert fee is not None and fee.amount > 0
    assert by_speed["Priority"].total_fee.amount > fee.amount  # type: ignore[union-attr]


def test_preview_names_stock_that_is_short(rig: Rig) -> None:
    options = rig.mcf.preview(draft("P-2", ("MCF-LAMP", 5)))
    assert options and not any(o.fulfillable for o in options)
    assert any("MCF-LAMP" in str(o.unfulfillable) + str(o.reasons) for o in options)


def test_order_moves_through_its_statuses_and_gets_tracking(rig: Rig) -> None:
    before = rig.record()["stock"]["MCF-MUG-BLUE"]
    outcome = rig.mcf.create(draft("T-1", ("MCF-MUG-BLUE", 3)))
    assert outcome.order_id == "T-1"
    _settle(rig, "T-1")
    state = rig.mcf.get("T-1")
    assert state is not None and not state.final and not state.packages
    assert rig.record()["stock"]["MCF-MUG-BLUE"] == before - 3
    rig.advance(400)
    state = rig.mcf.get("T-1")
    assert state is not None and state.status == "COMPLETE"
    assert state.packages and state.packages[0].tracking_number
    rig.advance(3 * 3600)
    tracking = rig.mcf.tracking(state)
    assert tracking[0].tracking_number == state.packages[0].tracking_number
    assert tracking[0].status == "IN_TRANSIT"


def test_cancel_is_allowed_only_before_processing(rig: Rig) -> None:
    rig.mcf.create(draft("C-1"))
    rig.mcf.create(draft("C-2"))
    _settle(rig, "C-2")
    rig.mcf.cancel("C-1")
    state = rig.mcf.get("C-1")
    assert state is not None and state.status == "CANCELLED"
    assert state.lines[0][2] == 1  # cancelled quantity
    rig.advance(200)
    with pytest.raises(InvalidRequestError):
        rig.mcf.cancel("C-2")


def test_hold_waits_for_release(rig: Rig) -> None:
    rig.mcf.create(draft("H-1", hold=True))
    _settle(rig, "H-1")
    rig.advance(1000)
    state = rig.mcf.get("H-1")
    assert state is not None and state.on_hold and not state.final
    rig.mcf.release("H-1")
    rig.advance(400)
    state = rig.mcf.get("H-1")
    assert state is not None and state.status == "COMPLETE" and not state.on_hold


def test_short_stock_makes_the_order_unfulfillable(rig: Rig) -> None:
    rig.mcf.create(draft("U-1", ("MCF-SOLDOUT", 1)))
    _settle(rig, "U-1")
    state = rig.mcf.get("U-1")
    assert state is not None and state.status == "UNFULFILLABLE"
    assert state.lines[0][3] == 1


def test_a_second_create_with_the_same_id_is_refused_and_recorded(rig: Rig) -> None:
    rig.mcf.create(draft("D-1"))
    with pytest.raises(InvalidRequestError):
        rig.mcf.create(draft("D-1"))
    results = [c["result"] for c in rig.record()["creates"] if c["orderId"] == "D-1"]
    assert results == ["created", "refused-duplicate"]
    assert [o["orderId"] for o in rig.record()["orders"]].count("D-1") == 1


def test_a_plus_in_the_id_cannot_be_found_again(rig: Rig) -> None:
    rig.mcf.create(draft("PLUS+1"))
    rig.advance(5)
    assert rig.mcf.get("PLUS+1") is None


def test_blank_box_is_refused_for_an_ineligible_sku(rig: Rig) -> None:
    with pytest.raises(InvalidRequestError):
        rig.mcf.create(draft("B-1", ("MCF-POSTER", 1), features=McfFeatures(blank_box=True)))
    rig.mcf.create(draft("B-2", ("MCF-BOOK", 1), features=McfFeatures(blank_box=True)))
    _settle(rig, "B-2")
    state = rig.mcf.get("B-2")
    assert state is not None and state.features == ("BLANK_BOX",)


def test_list_returns_the_orders(rig: Rig) -> None:
    for n in range(3):
        rig.mcf.create(draft(f"L-{n}"))
    rig.advance(5)
    since = datetime.now(UTC) - timedelta(hours=1)
    assert {s.order_id for s in rig.mcf.list_since(since)} >= {"L-0", "L-1", "L-2"}


def test_2026_multi_line_create_is_accepted_then_readable() -> None:
    require_models()
    config = SimulatorConfig(seed=3, orders=5, processing_delay=0, rate_limits=False)
    with SimulatorServer(config, renderer=FakeRenderer()) as server, httpx.Client() as http:
        env = {"STATION_SPAPI_URL": server.base_url, "STATION_LWA_URL": server.lwa_url}
        api = build_client(DEMO, environ=env, http_client=http, use_rdt=False)
        mcf = McfClient(api.http, version="2026-07-04", marketplace_id="ATVPDKIKX0DER")
        outcome = mcf.create(draft("A-1", ("MCF-MUG-RED", 1), ("MCF-BOOK", 1)))
        assert outcome.accepted_only
        assert mcf.get("A-1") is None
        server.state.advance_clock(5)
        assert mcf.get("A-1") is not None


def test_static_sandbox_mode_answers_mcf_dynamically(tmp_path: Any) -> None:
    """Amazon's outbound sandbox is the dynamic one (MCF guide); the DF APIs stay static."""
    models = require_models()
    config = SimulatorConfig(static_sandbox=True, models_dir=models, rate_limits=False)
    with SimulatorServer(config, renderer=FakeRenderer()) as server, httpx.Client() as http:
        env = {"STATION_SPAPI_URL": server.base_url, "STATION_LWA_URL": server.lwa_url}
        api = build_client(DEMO, environ=env, http_client=http, use_rdt=False)
        mcf = McfClient(api.http, version="2020-07-01", marketplace_id="ATVPDKIKX0DER")
        mcf.create(draft("S-1"))
        assert mcf.get("S-1") is not None
        df = http.get(
            server.base_url + "/vendor/directFulfillment/orders/2021-12-28/purchaseOrders",
            headers={"x-amz-access-token": "x"},
        )
        assert df.status_code == 400  # DF 2021-12-28 only declares a dynamic sandbox


def test_a_store_file_keeps_the_world_between_simulators(tmp_path: Any) -> None:
    """Demo mode's simulator lives as long as one command: its MCF world is a file, read before
    each request and written before the answer (a second create is refused, as by Amazon)."""
    store = tmp_path / "demo-mcf" / "world.json"
    config = SimulatorConfig(rate_limits=False, mcf_state=store)
    with SimulatorServer(config, renderer=FakeRenderer()) as first, httpx.Client() as http:
        env = {"STATION_SPAPI_URL": first.base_url, "STATION_LWA_URL": first.lwa_url}
        api = build_client(DEMO, environ=env, http_client=http, use_rdt=False)
        McfClient(api.http, version="2020-07-01", marketplace_id="ATVPDKIKX0DER").create(
            draft("P-1", ("MCF-LAMP", 2))
        )
    assert json.loads(store.read_text(encoding="utf-8"))["creates"][0]["orderId"] == "P-1"
    with SimulatorServer(config, renderer=FakeRenderer()) as second, httpx.Client() as http:
        env = {"STATION_SPAPI_URL": second.base_url, "STATION_LWA_URL": second.lwa_url}
        api = build_client(
            DEMO, environ=env, http_client=http, use_rdt=False, retry=RetryPolicy(max_attempts=1)
        )
        mcf = McfClient(api.http, version="2020-07-01", marketplace_id="ATVPDKIKX0DER")
        found = mcf.get("P-1")
        assert found is not None and found.status == "RECEIVED"
        with pytest.raises(InvalidRequestError):
            mcf.create(draft("P-1", ("MCF-LAMP", 2)))
        record = second.app.mcf.record_json()
        assert [c["result"] for c in record["creates"]] == ["created", "refused-duplicate"]
        assert record["stock"]["MCF-LAMP"] == 0  # taken once, by the first create
        data = json.loads(store.read_text(encoding="utf-8"))
        data["clockOffsetSeconds"] = 400  # the world's own clock: the order ships
        store.write_text(json.dumps(data), encoding="utf-8")
        shipped = mcf.get("P-1")
        assert shipped is not None and shipped.status == "COMPLETE"
        store.write_text("{", encoding="utf-8")  # damaged: said, not guessed
        with pytest.raises(ServerError, match="unreadable"):
            mcf.get("P-1")


def test_a_create_for_an_export_restricted_destination_is_refused(rig: Rig) -> None:
    """The preview says ExportRestricted for every speed; the create is answered as the models
    describe an order that fails validation: 400 with Amazon's error list, no order made."""
    canada = address(city="Montreal", state="QC", postal_code="H3B 1A7", country_code="CA")
    options = rig.mcf.preview(draft("X-1", address=canada))
    assert options and not any(o.fulfillable for o in options)
    with pytest.raises(InvalidRequestError) as refused:
        rig.mcf.create(draft("X-1", address=canada))
    assert "ExportRestricted" in str(refused.value)
    rig.advance(5)
    assert rig.mcf.get("X-1") is None
    results = [c["result"] for c in rig.record()["creates"] if c["orderId"] == "X-1"]
    assert results == ["refused-export-restricted"]
    assert "X-1" not in [o["orderId"] for o in rig.record()["orders"]]

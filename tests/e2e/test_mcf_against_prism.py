"""``station mcf`` (the real program) against Prism serving Amazon's Fulfillment Outbound models.

Import, preview, send, track with export, cancel and list: Prism validates every request the
station sends against the 2020-07-01 or the 2026-07-04 model. Prism answers every lookup with
the model's example order, whatever was asked; the station refuses an answer about another order,
so lookups are answered with the example rewritten to name the order asked for (nothing else in
it changes).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings
from station.runtime import demo_settings
from tests.e2e.mcf_prism import VERSIONS, mcf_prism
from tests.e2e.prism import AmazonFront
from tests.helpers.desk_env import desk_environment

TIMEOUT = 180
ORDERS = (
    "shop_order,name,address1,city,state,postal_code,country,sku,quantity,blank_box\n"
    "P-1,Ana Souza,100 Pike St,Seattle,WA,98101,US,MCF-MUG-RED,2,yes\n"
    "P-2,Bo Lee,1 Main St,Austin,TX,73301,US,MCF-BOOK,1,\n"
)


@pytest.fixture(scope="module", params=list(VERSIONS))
def mcf_front(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, AmazonFront]]:
    version = str(request.param)
    with (
        mcf_prism(version, tmp_path_factory.mktemp("prism-mcf")) as prism,
        AmazonFront(prism.url) as amazon,
    ):
        yield version, amazon


def _name_the_order_asked(method: str, path: str, data: Any) -> Any:
    if method != "GET":
        return data
    found = re.search(r"/(?:fulfillmentOrders|orders)/([^/?]+)$", path.split("?")[0])
    number = re.search(r"[?&]packageNumber=(\d+)", path)
    if not isinstance(data, dict):
        return data
    # 2020-07-01's examples are keyed "payload", which Prism takes for a media type: it answers
    # the payload's content, unwrapped (the client accepts both).
    inner = data.get("payload") if isinstance(data.get("payload"), dict) else data
    if found:
        order = inner.get("fulfillmentOrder") or inner.get("order")
        if isinstance(order, dict):
            key = "sellerFulfillmentOrderId" if "sellerFulfillmentOrderId" in order else "orderId"
            order[key] = found.group(1)
    if number and "packageNumber" in inner:
        inner["packageNumber"] = int(number.group(1))
    return data


def _station(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "station", "mcf", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_station_mcf_requests_pass_prism(
    mcf_front: tuple[str, AmazonFront], tmp_path: Path
) -> None:
    version, amazon = mcf_front
    amazon.reset()
    amazon.rewrite(_name_the_order_asked)
    home = tmp_path / "lead"
    base = demo_settings(Settings(station_id="prism-lead"), home / "printers")
    settings = base.model_copy(
        update={"seller": base.seller.model_copy(update={"api_version": version})}
    )
    env = desk_environment(home, urls=(amazon.url, amazon.lwa_url), settings=settings)
    (tmp_path / "orders.csv").write_text(ORDERS, encoding="utf-8")

    assert _station(env, "import", str(tmp_path / "orders.csv")).returncode == 0
    preview = _station(env, "preview", "P-1")
    assert preview.returncode == 0, preview.stderr
    # The models' example previews cannot fill it (2020-07-01 offers Standard only, 2026-07-04
    # says an item's quantity is not available): the send is refused by the preview that comes
    # first, nothing is created; the lead's override sends it as chosen.
    refused = _station(env, "send", "P-1", "P-2", "--speed", "Expedited")
    assert refused.returncode == 1, refused.stderr
    why = "Choose another speed (Standard)" if version == "2020-07-01" else "not enough FBA stock"
    assert refused.stderr.count(why) == 2, refused.stderr
    assert not any(e.method == "POST" and "preview" not in e.path for e in amazon.exchanges)
    sent = _station(env, "send", "P-1", "P-2", "--speed", "Expedited", "--despite-preview")
    assert sent.returncode == 0, sent.stderr
    tracked = _station(env, "track", "--export", str(tmp_path / "tracking.csv"))
    assert tracked.returncode == 0, tracked.stderr
    assert (tmp_path / "tracking.csv").read_text(encoding="utf-8").startswith("shop_order,")
    cancelled = _station(env, "cancel", "P-2")
    assert cancelled.returncode == 0, cancelled.stderr
    listed = _station(env, "list")
    assert "cancelled" in listed.stdout

    assert amazon.failures == []
    assert amazon.request_violations() == [], "Prism found requests that break Amazon's model"
    operations = {
        (e.method, re.sub(r"/P-\d", "/{id}", e.path.split("?")[0])) for e in amazon.exchanges
    }
    if version == "2020-07-01":
        base_path = "/fba/outbound/2020-07-01"
        assert ("POST", f"{base_path}/fulfillmentOrders") in operations
        assert ("PUT", f"{base_path}/fulfillmentOrders/{{id}}/cancel") in operations
        # (The example order has no package yet, so no tracking call follows; the client's
        # tracking request is checked against Prism in tests/spapi/test_fulfillment_prism.py.)
    else:
        base_path = "/fulfillment/outbound/2026-07-04"
        assert ("POST", f"{base_path}/orders") in operations
        assert ("PUT", f"{base_path}/orders/{{id}}/cancel") in operations
    assert any(e.method == "POST" and "preview" in e.path for e in amazon.exchanges)

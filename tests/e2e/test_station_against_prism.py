"""The real ``station`` program against Prism serving Amazon's own models (not our simulator).

Prism answers with the examples in Amazon's models — which name PO ``2JK3S9VC`` for the order
and label whatever is asked, and PO ``UvgABdBjQ`` for the packing slip — and validates every
request the station sends. A few answers the examples cannot give are replayed (an order with no
items, a transaction still processing, a PO already shipped); each replayed answer is itself
validated against the model first.

Fails on any request Prism finds invalid, and whenever a submission names a PO other than the
one scanned. Needs ``bash .ci/prism`` (npm) and ../shared/sp-api-models; skips, saying which is
missing, without them (in CI, where both are installed, a missing one fails instead).
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings
from station.runtime import demo_settings
from tests.e2e.prism import PRISM_BIN, AmazonFront, PrismServer
from tests.helpers.contract import load_model, models_dir, validate_response
from tests.helpers.desk_env import desk_environment

BOX = "12x10x8in:3.2lb"
EXAMPLE_PO = "2JK3S9VC"  # the PO of Amazon's getOrder and getShippingLabel examples
TIMEOUT = 180


# .ci/prism installs Prism for Linux's Node; a Windows Python (the Windows workflow, the suite
# under wine) cannot start it. The Linux suite runs these on every CI run.
NO_PRISM = (
    "Prism (bash .ci/prism) runs on Linux's Node, which a Windows Python cannot start: "
    "the Linux suite runs these"
    if sys.platform == "win32"
    else f"Prism is not installed at {PRISM_BIN}: run bash .ci/prism"
)


def _missing(reason: str) -> None:
    if os.environ.get("CI") and sys.platform != "win32":
        pytest.fail(f"{reason} (CI installs it: bash .ci/prism)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AmazonFront]:
    models = models_dir()
    if models is None:
        _missing("Amazon's SP-API models not found at ../shared/sp-api-models")
    if not PRISM_BIN.exists() or sys.platform == "win32":
        _missing(NO_PRISM)
    assert models is not None
    prism = PrismServer(models, tmp_path_factory.mktemp("prism"))
    prism.start()
    try:
        with AmazonFront(prism.url) as amazon:
            yield amazon
    finally:
        prism.stop()


@pytest.fixture
def amazon(front: AmazonFront) -> Iterator[AmazonFront]:
    front.reset()
    yield front
    assert front.failures == [], "the test's own replays failed"
    assert front.request_violations() == [], "Prism found requests that break Amazon's models"


def _station(home: Path, amazon: AmazonFront, api_version: str) -> dict[str, str]:
    settings = demo_settings(
        Settings.model_validate({"station_id": "prism-desk", "api_version": api_version}),
        home / "printers",
    )
    env = desk_environment(home, urls=(amazon.url, amazon.lwa_url), settings=settings)
    _ENVS[home] = env
    return env


_ENVS: dict[Path, dict[str, str]] = {}


def _ship(
    env: dict[str, str], po: str, *extra: str, wait: str = "10"
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "station", "ship", po, "--acknowledge", "--box", BOX]
    return subprocess.run(
        [*command, "--wait", wait, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def _no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def _printed(home: Path) -> list[Path]:
    folder = home / "printers"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


# -- replays -----------------------------------------------------------------------------------

_V = {
    "v1": ("v1", "orders-v1", "transactions-v1"),
    "2021-12-28": ("2021", "orders-2021", "transactions-2021"),
}


class Transactions:
    """Unique transaction ids for every submission, and the status each one reports."""

    def __init__(self, amazon: AmazonFront, api_version: str) -> None:
        self.v1 = api_version == "v1"
        self.model = _V[api_version][2]
        self.outcome: dict[str, tuple[str, list[dict[str, str]]]] = {}
        self._count = itertools.count(1)
        self._lock = threading.Lock()
        amazon.rewrite(self._number)
        amazon.replay(self._status)

    def default(self, kind: str) -> tuple[str, list[dict[str, str]]]:
        return self.outcome.get(kind, ("Success", []))

    def _number(self, method: str, path: str, data: Any) -> Any:
        if method != "POST" or not isinstance(data, dict) or path.startswith("/tokens/"):
            return data
        kind = path.rstrip("/").rsplit("/", 1)[-1]
        with self._lock:
            number = next(self._count)
        target = data.get("payload", data)
        if isinstance(target, dict) and "transactionId" in target:
            target["transactionId"] = f"{kind}-{number}"
        return data

    def _status(self, method: str, path: str, _body: Any) -> tuple[int, Any] | None:
        match = re.search(r"/transactions/(?:v1|2021-12-28)/transactions/([^/?]+)$", path)
        if method != "GET" or match is None:
            return None
        transaction_id = match.group(1)
        status, errors = self.default(transaction_id.rsplit("-", 1)[0])
        transaction: dict[str, Any] = {"transactionId": transaction_id, "status": status}
        if errors:
            transaction["errors"] = errors if self.v1 else {"errors": errors}
        body = {"transactionStatus": transaction}
        if self.v1:
            body = {"payload": body}
        validate_response(self.model, "getTransactionStatus", 200, body)
        return 200, body


def _slip_about_the_po_asked(method: str, path: str, data: Any) -> Any:
    """Amazon's slip example names another PO than its order example: make them agree."""
    match = re.search(r"/packingSlips/([^/?]+)$", path)
    if method == "GET" and match and isinstance(data, dict):
        target = data.get("payload", data)
        target["purchaseOrderNumber"] = match.group(1)
    return data


def _example_order(api_version: str) -> Any:
    version, model, _ = _V[api_version]
    spec = load_model(model)["paths"][
        f"/vendor/directFulfillment/orders/{'v1' if version == 'v1' else '2021-12-28'}"
        "/purchaseOrders/{purchaseOrderNumber}"
    ]["get"]
    return copy.deepcopy(spec["responses"]["200"]["examples"]["application/json"])


# -- the tests ---------------------------------------------------------------------------------

VERSIONS = ["2021-12-28", "v1"]


@pytest.mark.parametrize("api_version", VERSIONS)
@pytest.mark.parametrize("po", ["ZZTEST01", EXAMPLE_PO])
def test_amazons_examples_never_make_the_station_name_another_po(
    amazon: AmazonFront, tmp_path: Path, api_version: str, po: str
) -> None:
    """Unmodified examples: the order is 2JK3S9VC whatever is asked, the slip another PO."""
    Transactions(amazon, api_version)
    result = _ship(_station(tmp_path, amazon, api_version), po)
    _no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    assert amazon.pos_sent() <= {po}, amazon.pos_sent()
    assert not [e for e in amazon.submissions() if "shipmentConfirmations" in e.path]
    assert _printed(tmp_path) == []
    if po != EXAMPLE_PO:
        assert f"PO {po} with PO {EXAMPLE_PO}" in result.stderr
        assert amazon.submissions() == []  # not even an acknowledgement
    else:
        assert f"packing slip of PO {po} with PO UvgABdBjQ" in result.stderr


@pytest.mark.parametrize("api_version", VERSIONS)
def test_a_whole_shipment_passes_amazons_validation(
    amazon: AmazonFront, tmp_path: Path, api_version: str
) -> None:
    Transactions(amazon, api_version)
    amazon.rewrite(_slip_about_the_po_asked)
    result = _ship(_station(tmp_path, amazon, api_version), EXAMPLE_PO)
    _no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Amazon accepted the shipment" in result.stdout
    paths = [e.path for e in amazon.submissions()]
    assert any(p.endswith("/acknowledgements") for p in paths), paths
    assert any(p.endswith("/shipmentConfirmations") for p in paths), paths
    assert amazon.pos_sent() == {EXAMPLE_PO}
    assert _printed(tmp_path)


@pytest.mark.parametrize("api_version", VERSIONS)
def test_an_order_without_items_is_refused_in_one_line(
    amazon: AmazonFront, tmp_path: Path, api_version: str
) -> None:
    order = _example_order(api_version)
    details = order["payload"] if api_version == "v1" else order
    details["orderDetails"]["items"] = []
    validate_response(_V[api_version][1], "getOrder", 200, order)  # schema-valid all the same

    def replay(method: str, path: str, _body: Any) -> tuple[int, Any] | None:
        if method == "GET" and path.endswith(f"/purchaseOrders/{EXAMPLE_PO}"):
            return 200, order
        return None

    amazon.replay(replay)
    result = _ship(_station(tmp_path, amazon, api_version), EXAMPLE_PO)
    _no_traceback(result)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("station:")]
    assert errors == [f"station: PO {EXAMPLE_PO} has no items: there is nothing to pack"]
    assert amazon.submissions() == []


@pytest.mark.parametrize("api_version", VERSIONS)
def test_a_slow_acknowledgement_is_waited_for_never_sent_twice(
    amazon: AmazonFront, tmp_path: Path, api_version: str
) -> None:
    transactions = Transactions(amazon, api_version)
    transactions.outcome["acknowledgements"] = ("Processing", [])
    amazon.rewrite(_slip_about_the_po_asked)
    result = _ship(_station(tmp_path, amazon, api_version), EXAMPLE_PO, wait="2")
    _no_traceback(result)
    assert result.returncode != 0
    assert "still processing" in result.stderr
    paths = [e.path for e in amazon.submissions()]
    assert len([p for p in paths if p.endswith("/acknowledgements")]) == 1, paths
    assert not [p for p in paths if "shippingLabels" in p or "shipmentConfirmations" in p]
    assert _printed(tmp_path) == []

    # Running the command again, as its message says, waits for the same transaction.
    env = _station_env_again(tmp_path)
    again = _ship(env, EXAMPLE_PO, wait="2")
    _no_traceback(again)
    assert again.returncode != 0
    transactions.outcome["acknowledgements"] = ("Success", [])
    done = _ship(env, EXAMPLE_PO)
    assert done.returncode == 0, done.stdout + done.stderr
    acks = [e for e in amazon.submissions() if e.path.endswith("/acknowledgements")]
    assert len(acks) == 1, [e.path for e in amazon.submissions()]


def _station_env_again(home: Path) -> dict[str, str]:
    """The environment of the station already set up in ``home`` (same data key)."""
    return _ENVS[home]


@pytest.mark.parametrize("api_version", VERSIONS)
def test_already_shipped_by_another_desk_holds_the_box(
    amazon: AmazonFront, tmp_path: Path, api_version: str
) -> None:
    transactions = Transactions(amazon, api_version)
    shipped = [{"code": "ORDER_ALREADY_SHIPPED", "message": "Already confirmed as shipped."}]
    transactions.outcome["shipmentConfirmations"] = ("Failure", shipped)
    amazon.rewrite(_slip_about_the_po_asked)
    result = _ship(_station(tmp_path, amazon, api_version), EXAMPLE_PO)
    _no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "another desk already shipped PO 2JK3S9VC: HOLD THIS BOX" in result.stderr
    assert "accepted" not in result.stdout.lower()
    assert amazon.pos_sent() == {EXAMPLE_PO}


def test_the_merged_models_keep_every_operation(front: AmazonFront) -> None:
    """The merged document Prism serves holds every path of every model, unchanged."""
    models = models_dir()
    assert models is not None
    from tests.e2e.prism import MODELS, merged_models

    merged = merged_models(models)
    for name in MODELS:
        paths = json.loads((models / name).read_text(encoding="utf-8"))["paths"]
        assert set(paths) <= set(merged["paths"])


def test_prism_reports_a_request_that_breaks_the_model(front: AmazonFront) -> None:
    """The oracle can fail: a confirmation with the wrong shape is reported as a violation."""
    import httpx

    front.reset()
    path = "/vendor/directFulfillment/shipping/2021-12-28/shipmentConfirmations"
    answer = httpx.post(front.url + path, json={"shipmentConfirmations": "not a list"}, timeout=30)
    assert answer.status_code == 400
    ((_method, seen, violations),) = front.request_violations()
    assert seen == path and violations[0]["location"][:3] == [
        "request",
        "body",
        "shipmentConfirmations",
    ]
    front.reset()

"""Static-sandbox mode answers each of Amazon's static cases exactly as documented."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from station.errors import ConfigError
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.helpers import contract


def _cases() -> list[tuple[str, str, str, str, int, dict[str, Any], Any]]:
    models = contract.models_dir()
    if models is None:
        return []
    found = []
    # Fulfillment Outbound (MCF) included: any static case its models carry is answered too.
    for name in (*contract.MODEL_FILES, *contract.MCF_MODEL_FILES):
        for op in contract.operations(name):
            for status, response in op.spec.get("responses", {}).items():
                for index, case in enumerate(
                    response.get("x-amzn-api-sandbox", {}).get("static", [])
                ):
                    found.append(
                        (
                            f"{name}:{op.operation_id}:{status}:{index}",
                            op.method,
                            op.path,
                            name,
                            int(status),
                            (case.get("request") or {}).get("parameters") or {},
                            case["response"],
                        )
                    )
    return found


CASES = _cases()


@pytest.fixture(scope="module")
def sandbox_server() -> Iterator[SimulatorServer]:
    models = contract.require_models()
    with SimulatorServer(SimulatorConfig(static_sandbox=True, models_dir=models)) as server:
        yield server


@pytest.fixture(scope="module")
def sandbox(sandbox_server: SimulatorServer) -> str:
    return sandbox_server.base_url


def _request(
    method: str, path: str, parameters: dict[str, Any]
) -> tuple[str, dict[str, str], bytes | None]:
    query: dict[str, str] = {}
    body: bytes | None = None
    for name, spec in parameters.items():
        if "{" + name + "}" in path:
            path = path.replace("{" + name + "}", str(spec["value"]))
        elif name == "body":
            body = json.dumps(spec.get("value", {"anything": "else"})).encode()
        else:
            value = spec["value"]
            query[name] = ("true" if value else "false") if isinstance(value, bool) else str(value)
    path = path.replace("{purchaseOrderNumber}", "catchAllPO").replace("{transactionId}", "any")
    if body is None and method == "POST":
        body = b'{"anything": "else"}'
    return path, query, body


@pytest.mark.skipif(not CASES, reason="Amazon's SP-API models not found")
@pytest.mark.parametrize(
    ("case_id", "method", "path", "model", "status", "parameters", "expected"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_each_static_case_is_answered_as_documented(
    sandbox: str,
    case_id: str,
    method: str,
    path: str,
    model: str,
    status: int,
    parameters: dict[str, Any],
    expected: Any,
) -> None:
    target, query, body = _request(method, path, parameters)
    with httpx.Client(base_url=sandbox) as http:
        response = http.request(
            method,
            target,
            params=query,
            content=body,
            headers={"x-amz-access-token": "Atza|sandbox", "content-type": "application/json"},
        )
    assert (response.status_code, response.json()) == (status, expected)
    assert response.headers["x-amzn-RequestId"]


def test_an_unmatched_request_gets_invalid_input(sandbox: str) -> None:
    with httpx.Client(base_url=sandbox) as http:
        response = http.post(
            "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/ANYPO",
            json={"x": 1},
            headers={"x-amz-access-token": "Atza|sandbox"},
        )
        assert response.status_code == 400
        assert response.json()["errors"][0]["code"] == "InvalidInput"
        missing = http.get("/vendor/directFulfillment/orders/v1/purchaseOrders/X")
        assert missing.status_code == 403
        assert http.get("/_simulator/health").json()["mode"] == "static-sandbox"


def test_static_sandbox_needs_a_models_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        SimulatorConfig(static_sandbox=True)
    with pytest.raises(ConfigError):
        SimulatorServer(SimulatorConfig(static_sandbox=True, models_dir=tmp_path / "missing"))
    (tmp_path / "empty.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ConfigError):
        SimulatorServer(SimulatorConfig(static_sandbox=True, models_dir=tmp_path))
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ConfigError):
        SimulatorServer(SimulatorConfig(static_sandbox=True, models_dir=tmp_path))


def _mcf_operations() -> list[contract.Operation]:
    if contract.models_dir() is None:
        return []
    return [op for name in contract.MCF_MODEL_FILES for op in contract.operations(name)]


MCF_OPERATIONS = _mcf_operations()


@pytest.mark.skipif(not MCF_OPERATIONS, reason="Amazon's SP-API models not found")
@pytest.mark.parametrize(
    "op", MCF_OPERATIONS, ids=[f"{o.model}:{o.operation_id}" for o in MCF_OPERATIONS]
)
def test_fulfillment_outbound_without_static_cases_is_answered_dynamically(
    sandbox_server: SimulatorServer, op: contract.Operation
) -> None:
    """The Fulfillment Outbound models (both versions) declare their sandbox as ``dynamic``
    (Amazon's MCF guide: only the outbound sandbox answers dynamically) and carry no static case;
    static-sandbox mode then answers them with the stateful MCF, never "no static case"."""
    spec = contract.load_model(op.model)["paths"][op.path]
    static = [
        case
        for response in op.spec.get("responses", {}).values()
        for case in response.get("x-amzn-api-sandbox", {}).get("static", [])
    ]
    if static:  # answered as written: test_each_static_case_is_answered_as_documented
        return
    assert "dynamic" in spec.get("x-amzn-api-sandbox", {}), op.path
    target = op.path
    for name in ("sellerFulfillmentOrderId", "orderId", "packageId", "featureName", "sellerSku"):
        target = target.replace("{" + name + "}", "X-1")
    with httpx.Client(base_url=sandbox_server.base_url) as http:
        token = http.post(
            sandbox_server.lwa_url,
            data={
                "grant_type": "refresh_token",
                "refresh_token": "Atzr|sandbox",
                "client_id": "amzn1.application-oa2-client.x",
                "client_secret": "secret",
            },
        ).json()["access_token"]
        response = http.request(
            op.method,
            target,
            params={"packageNumber": "1", "marketplaceId": "ATVPDKIKX0DER"},
            content=b"{}" if op.method in ("POST", "PUT") else None,
            headers={"x-amz-access-token": token, "content-type": "application/json"},
        )
    # The stateful MCF's own answer (a dynamic sandbox validates and remembers): a grant, and
    # never the static sandbox's "could not match any case".
    assert response.status_code != 403, (op.operation_id, response.text)
    assert "static sandbox case" not in response.text, (op.operation_id, response.text)

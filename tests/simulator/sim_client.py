"""A plain-httpx SP-API caller for the simulator tests that validates every request body it sends
and every response it gets against Amazon's official models (tests/helpers/contract.py)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from station.simulator.documents import LabelSpec, OrderDocumentSpec
from tests.helpers import contract

ORDERS = {"v1": "orders-v1", "2021-12-28": "orders-2021"}
SHIPPING = {"v1": "shipping-v1", "2021-12-28": "shipping-2021"}
TRANSACTIONS = {"v1": "transactions-v1", "2021-12-28": "transactions-2021"}

# Quirks of the published models that a faithful server cannot satisfy; see the report.
UNVALIDATED = {
    # The 2021-12-28 Transactions model documents a bare Error (not an ErrorList) for 429.
    ("transactions-2021", "getTransactionStatus", 429),
}


class FakeRenderer:
    """Instant, deterministic stand-in for the document renderer."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def label_png(self, spec: LabelSpec) -> bytes:
        self.calls.append(("png", spec.tracking_number))
        return b"\x89PNG fake " + spec.tracking_number.encode()

    def label_zpl(self, spec: LabelSpec) -> bytes:
        self.calls.append(("zpl", spec.tracking_number))
        return f"^XA^FD{spec.tracking_number}^FS^XZ".encode()

    def packing_slip_pdf(self, spec: OrderDocumentSpec) -> bytes:
        self.calls.append(("slip", spec.purchase_order_number))
        return b"%PDF-1.4 slip " + spec.purchase_order_number.encode()

    def customer_invoice_pdf(self, spec: OrderDocumentSpec) -> bytes:
        self.calls.append(("invoice", spec.purchase_order_number))
        return b"%PDF-1.4 invoice " + spec.purchase_order_number.encode()


@dataclass
class Sp:
    """One station's view of the simulator: a client, its access token and validation."""

    http: httpx.Client
    token: str = ""

    def login(self) -> str:
        response = self.http.post(
            "/auth/o2/token",
            data={
                "grant_type": "refresh_token",
                "refresh_token": "Atzr|any",
                "client_id": "amzn1.application-oa2-client.x",
                "client_secret": "secret",
            },
        )
        assert response.status_code == 200, response.text
        self.token = response.json()["access_token"]
        return self.token

    def call(
        self,
        model: str,
        operation_id: str,
        *,
        path_params: dict[str, str] | None = None,
        params: dict[str, Any] | None = None,
        body: Any = None,
        token: str | None = None,
        check_request: bool = True,
    ) -> httpx.Response:
        op = contract.operation(model, operation_id)
        path = op.path
        for name, value in (path_params or {}).items():
            path = path.replace("{" + name + "}", value)
        if body is not None and check_request:
            contract.validate_request(model, operation_id, body)
        response = self.http.request(
            op.method,
            path,
            params=params,
            json=body,
            headers={"x-amz-access-token": self.token if token is None else token},
        )
        assert "x-amzn-RequestId" in response.headers
        if (model, operation_id, response.status_code) not in UNVALIDATED:
            contract.validate_response(model, operation_id, response.status_code, response.json())
        return response

    def rdt(self, *resources: tuple[str, str]) -> str:
        body = {"restrictedResources": [{"method": m, "path": p} for m, p in resources]}
        response = self.call("tokens", "createRestrictedDataToken", body=body)
        assert response.status_code == 200, response.text
        return str(response.json()["restrictedDataToken"])

    def restricted(
        self, model: str, operation_id: str, *, path_params: dict[str, str] | None = None, **kw: Any
    ) -> httpx.Response:
        """Call a restricted operation with a fresh RDT for exactly its method and path."""
        op = contract.operation(model, operation_id)
        path = op.path
        for name, value in (path_params or {}).items():
            path = path.replace("{" + name + "}", value)
        token = self.rdt((op.method, path))
        return self.call(model, operation_id, path_params=path_params, token=token, **kw)

    def transaction(self, version: str, transaction_id: str) -> dict[str, Any]:
        response = self.call(
            TRANSACTIONS[version],
            "getTransactionStatus",
            path_params={"transactionId": transaction_id},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        status: dict[str, Any] = (body["payload"] if version == "v1" else body)["transactionStatus"]
        return status

    def settle(self, version: str, transaction_id: str, timeout: float = 10.0) -> dict[str, Any]:
        """Poll getTransactionStatus until it leaves Processing (a condition, not a sleep)."""
        settled: dict[str, Any] = wait_for(
            lambda: (
                (t := self.transaction(version, transaction_id))["status"] != "Processing" and t
            ),
            timeout,
        )
        return settled


def wait_for(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError("condition not met before the deadline")
        time.sleep(0.005)  # poll interval of a condition wait, not a wait for an outcome


def payload(version: str, response: httpx.Response) -> Any:
    body = response.json()
    return body["payload"] if version == "v1" else body


def errors_of(version: str, transaction: dict[str, Any]) -> list[dict[str, Any]]:
    errors: Any = transaction.get("errors") or ([] if version == "v1" else {"errors": []})
    found: list[dict[str, Any]] = errors if version == "v1" else errors["errors"]
    return found

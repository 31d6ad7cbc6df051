"""Amazon's official SP-API models as the tests' contract.

The models live outside the project (``../shared/sp-api-models`` beside the checkout, or
``$STATION_SPAPI_MODELS``). They are read here, at test time only; tests that need them skip with
a visible reason when they are absent.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# Short names used throughout the tests.
MODEL_FILES = {
    "shipping-v1": "vendorDirectFulfillmentShippingV1.json",
    "shipping-2021": "vendorDirectFulfillmentShipping_2021-12-28.json",
    "orders-v1": "vendorDirectFulfillmentOrdersV1.json",
    "orders-2021": "vendorDirectFulfillmentOrders_2021-12-28.json",
    "transactions-v1": "vendorDirectFulfillmentTransactionsV1.json",
    "transactions-2021": "vendorDirectFulfillmentTransactions_2021-12-28.json",
    "tokens": "tokens_2021-03-01.json",
}

# Multi-Channel Fulfillment (seller side), tested by tests/spapi/test_fulfillment_contract.py.
MCF_MODEL_FILES = {
    "mcf-2020": "fulfillmentOutbound_2020-07-01.json",
    "mcf-2026": "fulfillmentOutbound_2026-07-04.json",
}


def models_dir() -> Path | None:
    override = os.environ.get("STATION_SPAPI_MODELS")
    candidates = [Path(override)] if override else []
    candidates.append(REPO_ROOT.parent / "shared" / "sp-api-models")
    for candidate in candidates:
        if (candidate / MODEL_FILES["shipping-v1"]).is_file():
            return candidate
    return None


def require_models() -> Path:
    found = models_dir()
    if found is None:
        pytest.skip(
            "Amazon's SP-API models not found: put them at ../shared/sp-api-models beside the "
            "checkout or set STATION_SPAPI_MODELS"
        )
    return found


@functools.cache
def load_model(name: str) -> dict[str, Any]:
    path = require_models() / {**MODEL_FILES, **MCF_MODEL_FILES}[name]
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@dataclass(frozen=True)
class Operation:
    model: str
    operation_id: str
    method: str
    path: str
    spec: dict[str, Any]

    @property
    def body_schema(self) -> dict[str, Any] | None:
        for param in self.spec.get("parameters", []):
            if param.get("in") == "body":
                return param["schema"]  # type: ignore[no-any-return]
        return None

    def response_schema(self, status: int | str) -> dict[str, Any] | None:
        response = self.spec.get("responses", {}).get(str(status))
        return None if response is None else response.get("schema")


def operations(model: str) -> list[Operation]:
    spec = load_model(model)
    found = []
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            if isinstance(op, dict) and "operationId" in op:
                found.append(Operation(model, op["operationId"], method.upper(), path, op))
    return found


def operation(model: str, operation_id: str) -> Operation:
    for op in operations(model):
        if op.operation_id == operation_id:
            return op
    raise KeyError(f"{model} has no operation {operation_id}")


def validate(model: str, schema: dict[str, Any], instance: Any) -> None:
    """Validate ``instance`` against ``schema`` (which may ``$ref`` the model's definitions)."""
    spec = load_model(model)
    wrapped = dict(schema)
    wrapped["definitions"] = spec.get("definitions", {})
    jsonschema.Draft4Validator(wrapped).validate(instance)


def validate_definition(model: str, definition: str, instance: Any) -> None:
    validate(model, {"$ref": f"#/definitions/{definition}"}, instance)


def validate_request(model: str, operation_id: str, body: Any) -> None:
    schema = operation(model, operation_id).body_schema
    assert schema is not None, f"{operation_id} takes no body"
    validate(model, schema, body)


def validate_response(model: str, operation_id: str, status: int, body: Any) -> None:
    schema = operation(model, operation_id).response_schema(status)
    assert schema is not None, f"{operation_id} documents no schema for {status}"
    validate(model, schema, body)


@dataclass(frozen=True)
class Example:
    """One documented response: an ``examples`` entry or an ``x-amzn-api-sandbox`` case."""

    model: str
    operation_id: str
    status: int
    kind: str  # "example", "static" or "dynamic"
    request: dict[str, Any] | None
    body: Any

    @property
    def id(self) -> str:
        return f"{self.model}:{self.operation_id}:{self.status}:{self.kind}"


def examples(model: str) -> Iterator[Example]:
    for op in operations(model):
        for status, response in op.spec.get("responses", {}).items():
            for body in response.get("examples", {}).values():
                yield Example(model, op.operation_id, int(status), "example", None, body)
            for kind, cases in response.get("x-amzn-api-sandbox", {}).items():
                for case in cases:
                    yield Example(
                        model,
                        op.operation_id,
                        int(status),
                        kind,
                        case.get("request"),
                        case.get("response"),
                    )

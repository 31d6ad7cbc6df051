"""Amazon's documented examples and sandbox cases, driven through the real client.

Everything comes from the official models via tests/helpers/contract.py; nothing is copied.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from station.errors import ApiError
from station.spapi.responses import error_for_status, parse_errors, parse_model, unwrap_payload
from tests.helpers import contract
from tests.spapi.fakes import make_rig, reply
from tests.spapi.operation_table import (
    ENVELOPED,
    REQUEST_MODELS,
    call_operation,
    response_model,
)

MISSING = "Amazon's SP-API models not found beside the checkout (see tests/helpers/contract.py)"


def _examples() -> list[Any]:
    if contract.models_dir() is None:
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING), id="no-models")]
    found = []
    for model in contract.MODEL_FILES:
        for index, example in enumerate(contract.examples(model)):
            found.append(pytest.param(example, id=f"{example.id}#{index}"))
    return found


def _sandbox_cases() -> list[Any]:
    """Sandbox cases that carry a request body."""
    return [
        p
        for p in _examples()
        if p.values[0] is None
        or "value" in (p.values[0].request or {}).get("parameters", {}).get("body", {})
    ]


def _property_key(example: contract.Example) -> str | None:
    """Some models key their examples by property name (a fragment each), not by MIME type."""
    op = contract.operation(example.model, example.operation_id)
    examples = op.spec["responses"][str(example.status)].get("examples", {})
    # Keys are MIME types normally; "payload" keys an unwrapped v1 payload (tolerated as-is).
    if example.kind != "example" or any("/" in key or key == "payload" for key in examples):
        return None
    for key, value in examples.items():
        if value is example.body or value == example.body:
            return str(key)
    return None


def _field_adapter(model: type[BaseModel], alias: str) -> TypeAdapter[Any]:
    for field in model.model_fields.values():
        if field.alias == alias and field.annotation is not None:
            return TypeAdapter(field.annotation)
    raise AssertionError(f"{model.__name__} has no field {alias}")


def _parameters(request: dict[str, Any] | None) -> dict[str, Any]:
    raw = (request or {}).get("parameters", {})
    return {name: spec.get("value") for name, spec in raw.items() if "value" in spec}


@pytest.mark.parametrize("example", _examples())
def test_documented_answer_parses(example: contract.Example) -> None:
    if 200 <= example.status < 300:
        model = response_model(example.model, example.operation_id)
        key = _property_key(example)
        if key is not None:
            _field_adapter(model, key).validate_python(example.body)
            return
        body = unwrap_payload(example.body) if example.model in ENVELOPED else example.body
        parsed = parse_model(model, body, operation=example.operation_id)
        assert isinstance(parsed, model)
    else:
        errors = parse_errors(example.body)
        assert errors, "an error answer must yield its errors"
        assert [e.code for e in errors] == [e["code"] for e in example.body["errors"]]
        exc = error_for_status(
            example.status, errors, operation=example.operation_id, request_id="r-1"
        )
        assert exc.status == example.status
        assert exc.hint


def _whole_answers() -> list[Any]:
    return [p for p in _examples() if p.values[0] is None or _property_key(p.values[0]) is None]


@pytest.mark.parametrize("example", _whole_answers())
def test_documented_answer_through_the_client(example: contract.Example) -> None:
    """The whole path: a server answering the documented body to a call the client makes."""
    params = _parameters(example.request)
    body = params.pop("body", None)
    if body is None and (example.model, example.operation_id) in REQUEST_MODELS:
        sandbox = [
            e
            for e in contract.examples(example.model)
            if e.operation_id == example.operation_id and e.status < 300 and e.request
        ]
        body = next(
            (_parameters(e.request)["body"] for e in sandbox if "body" in _parameters(e.request)),
            None,
        )
    rig = make_rig()
    rig.amazon.fallback = reply(example.status, example.body)
    try:
        if not _expressible(example, params, body):
            # Malformed dates or schema-invalid bodies are refused before anything is sent.
            with pytest.raises((ValueError, ValidationError)):
                call_operation(rig.api, example.model, example.operation_id, params, body)
            assert not rig.amazon.requests
            return
        if 200 <= example.status < 300:
            result = call_operation(rig.api, example.model, example.operation_id, params, body)
            assert isinstance(result, response_model(example.model, example.operation_id))
        else:
            with pytest.raises(ApiError) as info:
                call_operation(rig.api, example.model, example.operation_id, params, body)
            assert info.value.status == example.status
            assert info.value.request_id == "req-0001"
            assert info.value.codes == tuple(e["code"] for e in example.body["errors"])
        assert rig.amazon.requests, "the client must have sent the request"
        _assert_query_matches(rig.amazon.requests[-1], params)
    finally:
        rig.client.close()


def _expressible(example: contract.Example, params: dict[str, Any], body: Any) -> bool:
    for name in ("createdAfter", "createdBefore"):
        if name in params:
            try:
                datetime.fromisoformat(params[name])
            except ValueError:
                return False
    if (example.model, example.operation_id) in REQUEST_MODELS:
        return body is not None and _valid_per_schema(example, body)
    return True


def _assert_query_matches(request: Any, params: dict[str, Any]) -> None:
    """Documented query parameters reach the server with the same meaning."""
    sent = dict(request.url.params)
    for name, value in params.items():
        if name in ("body", "purchaseOrderNumber", "transactionId"):
            continue
        if name in ("createdAfter", "createdBefore"):
            assert datetime.fromisoformat(sent[name]) == datetime.fromisoformat(value)
        else:
            assert sent[name] == str(value)
    if "purchaseOrderNumber" in params:
        assert request.url.path.endswith("/" + params["purchaseOrderNumber"])
    if "transactionId" in params:
        assert request.url.path.endswith("/" + params["transactionId"])


@pytest.mark.parametrize("example", _sandbox_cases())
def test_sandbox_request_round_trips(example: contract.Example) -> None:
    """Valid sandbox requests survive our request models unchanged in meaning; invalid ones are
    refused before they are sent."""
    params = _parameters(example.request)
    body = params.get("body")
    request_model = REQUEST_MODELS.get((example.model, example.operation_id))
    assert request_model is not None and body is not None
    if example.status >= 400 or not _valid_per_schema(example, body):
        # Invalid per Amazon's own schema (some "accepted" sandbox bodies are): the model wins,
        # and our request models refuse it before it is sent.
        with pytest.raises(ValidationError):
            request_model.model_validate(body)
        return
    built = request_model.model_validate(body)
    wire = built.model_dump(by_alias=True, exclude_none=True, mode="json")
    contract.validate_request(example.model, example.operation_id, wire)
    assert request_model.model_validate(wire) == built
    assert _shape(wire) == _shape(body)


def _valid_per_schema(example: contract.Example, body: Any) -> bool:
    try:
        contract.validate_request(example.model, example.operation_id, body)
    except jsonschema.ValidationError:
        return False
    return True


def _shape(value: Any) -> Any:
    """Keys and list lengths, with timestamps normalised: what must survive a round trip."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value

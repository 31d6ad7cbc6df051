"""Turning SP-API answers into models or into the station's exceptions.

Two envelope styles exist: v1 wraps results in ``{"payload": ...}`` (though some of Amazon's own
guide examples omit it) and 2021-12-28 returns them bare. Error bodies come as
``{"errors": [...]}``, or, in a few 2021 answers, as one bare error object.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from station.errors import (
    ApiError,
    ApiErrorDetail,
    AuthError,
    ForbiddenError,
    InvalidRequestError,
    NotFoundError,
    ResponseFormatError,
    ServerError,
    ThrottledError,
)

__all__ = [
    "decode_json",
    "error_for_status",
    "parse_errors",
    "parse_model",
    "unwrap_payload",
]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def decode_json(content: bytes, *, operation: str, status: int, request_id: str | None) -> Any:
    if not content.strip():
        return None
    try:
        return json.loads(content)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResponseFormatError(
            f"{operation}: the answer (HTTP {status}) is not JSON",
            status=status,
            operation=operation,
            request_id=request_id,
        ) from exc


def unwrap_payload(body: Any) -> Any:
    """The v1 ``payload`` if present, else the body itself (seed-guide style)."""
    if isinstance(body, Mapping) and "payload" in body:
        return body["payload"]
    return body


def _location(error: Mapping[str, Any]) -> str:
    parts = [str(p) for p in error.get("loc", ())]
    return ".".join(parts) or "(body)"


def parse_model(
    model: type[M] | TypeAdapter[T],
    body: Any,
    *,
    operation: str,
    status: int = 200,
    request_id: str | None = None,
) -> Any:
    """Validate ``body`` into ``model``; a mismatch becomes ResponseFormatError naming the field.

    The offending value is deliberately left out of the message: it may be a customer's address.
    """
    try:
        if isinstance(model, TypeAdapter):
            return model.validate_python(body)
        return model.model_validate(body)
    except ValidationError as exc:
        problems = exc.errors(include_input=False, include_url=False)
        fields = ", ".join(f"{_location(e)} ({e['msg']})" for e in problems[:5])
        more = f" and {len(problems) - 5} more" if len(problems) > 5 else ""
        raise ResponseFormatError(
            f"{operation}: the answer does not match the contract: {fields}{more}",
            status=status,
            operation=operation,
            request_id=request_id,
        ) from None


def parse_errors(body: Any) -> tuple[ApiErrorDetail, ...]:
    """The ``errors`` list of an error answer, whatever its shape; empty when there is none."""
    if isinstance(body, Mapping):
        raw = body.get("errors")
        if isinstance(raw, list):
            return tuple(ApiErrorDetail.from_json(item) for item in raw)
        if isinstance(raw, Mapping):
            return (ApiErrorDetail.from_json(raw),)
        if "code" in body:
            return (ApiErrorDetail.from_json(body),)
    if isinstance(body, list):
        return tuple(ApiErrorDetail.from_json(item) for item in body)
    return ()


_FORBIDDEN_HINT = (
    "Amazon refused access. The SP-API app needs the 'Direct-to-Consumer Shipping (Restricted)' "
    "role, or the Restricted Data Token was refused. Ask IT to check the app's roles in "
    "Vendor Central and to re-authorise the app."
)


def error_for_status(
    status: int,
    errors: tuple[ApiErrorDetail, ...],
    *,
    operation: str,
    request_id: str | None,
    restricted: bool = False,
) -> ApiError:
    """The exception for an error status: the class says what kind, the hint what to do."""
    kwargs: dict[str, Any] = {
        "status": status,
        "errors": errors,
        "operation": operation,
        "request_id": request_id,
    }
    if status == 401:
        return AuthError(f"{operation}: Amazon did not accept the access token (401)", **kwargs)
    if status == 403:
        what = "the Restricted Data Token or the app's role" if restricted else "the app's role"
        return ForbiddenError(
            f"{operation}: access denied (403) — check {what}", hint=_FORBIDDEN_HINT, **kwargs
        )
    if status == 404:
        return NotFoundError(f"{operation}: not found (404)", **kwargs)
    if status == 429:
        return ThrottledError(f"{operation}: rate limit exceeded (429)", **kwargs)
    if status in (400, 409, 413, 415, 422):
        reason = {
            400: "the request is invalid",
            409: "the request conflicts with the resource's state",
            413: "the request is too large",
            415: "the content type was refused",
            422: "the request could not be processed",
        }[status]
        hint = (
            "Send fewer items per request (Amazon's size limit was exceeded)."
            if status == 413
            else None
        )
        return InvalidRequestError(f"{operation}: {reason} ({status})", hint=hint, **kwargs)
    if status >= 500:
        return ServerError(f"{operation}: Amazon's service failed ({status})", **kwargs)
    return ApiError(f"{operation}: unexpected answer (HTTP {status})", **kwargs)

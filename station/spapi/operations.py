"""What every per-API client shares: sending an operation and parsing its answer.

Restricted operations go through the RDT cache (when one is configured); everything else is sent
with the LWA access token. v1 answers are unwrapped from ``payload`` (or taken as they are when a
server omits the envelope); 2021-12-28 answers are parsed as they come.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any, TypeVar
from urllib.parse import quote

from pydantic import BaseModel

from station.errors import InvalidRequestError, ResponseFormatError
from station.spapi.http import ApiResponse, SpApiHttp
from station.spapi.rdt import RdtCache
from station.spapi.responses import parse_model, unwrap_payload

__all__ = ["RESTRICTED_OPERATIONS", "OperationClient", "path_po", "path_segment"]

M = TypeVar("M", bound=BaseModel)

log = logging.getLogger("station.spapi")

#: Operations that need a Restricted Data Token (they return customer data or labels).
RESTRICTED_OPERATIONS = frozenset(
    {
        "getOrders",
        "getOrder",
        "getShippingLabels",
        "getShippingLabel",
        "getPackingSlips",
        "getPackingSlip",
        "getCustomerInvoices",
        "getCustomerInvoice",
        "createShippingLabels",
    }
)

_PO_RE = re.compile(r"^[A-Za-z0-9]{1,64}$")


def path_po(purchase_order_number: str) -> str:
    """A purchase order number checked to be safe inside a URL path."""
    po = purchase_order_number.strip()
    if not _PO_RE.match(po):
        raise InvalidRequestError(
            f"{purchase_order_number!r} is not a valid purchase order number",
            hint="A PO number has only letters and digits; scan or type it again.",
        )
    return po


def path_segment(value: str, name: str) -> str:
    if not value or not value.strip():
        raise InvalidRequestError(f"{name} is empty", hint=f"Pass the {name}.")
    return quote(value.strip(), safe="")


class OperationClient:
    """Base of the per-API clients. ``envelope`` is True for v1 (``payload``-wrapped) APIs."""

    envelope = False

    def __init__(self, http: SpApiHttp, rdt: RdtCache | None = None) -> None:
        self._http = http
        self._rdt = rdt

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._http.base_url!r})"

    def _send(
        self,
        operation: str,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | None] | None = None,
        body: BaseModel | None = None,
    ) -> ApiResponse:
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        json_body = (
            None if body is None else body.model_dump(by_alias=True, exclude_none=True, mode="json")
        )
        if operation in RESTRICTED_OPERATIONS and self._rdt is not None:
            return self._rdt.call(
                method,
                path,
                lambda token: self._http.request(
                    operation,
                    method,
                    path,
                    params=clean,
                    json_body=json_body,
                    access_token=token,
                    restricted=True,
                ),
            )
        return self._http.request(
            operation,
            method,
            path,
            params=clean,
            json_body=json_body,
            restricted=operation in RESTRICTED_OPERATIONS,
        )

    def _parse(self, model: type[M], operation: str, response: ApiResponse) -> M:
        body: Any = response.body
        if self.envelope:
            body = unwrap_payload(body)
        if body is None:
            log.warning("%s: empty answer, request id %s", operation, response.request_id or "-")
            raise ResponseFormatError(
                f"{operation}: the answer has no body",
                status=response.status,
                operation=operation,
                request_id=response.request_id,
            )
        try:
            result: M = parse_model(
                model,
                body,
                operation=operation,
                status=response.status,
                request_id=response.request_id,
            )
        except ResponseFormatError as exc:
            log.warning(
                "%s: answer does not match the contract, request id %s",
                operation,
                exc.request_id or "-",
            )
            raise
        return result

    def _call(
        self,
        model: type[M],
        operation: str,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | None] | None = None,
        body: BaseModel | None = None,
    ) -> M:
        response = self._send(operation, method, path, params=params, body=body)
        return self._parse(model, operation, response)

"""A simulator whose answers lie: another PO's order/label/slip, an order with no items.

Wraps a running ``SimulatorServer``'s API entry point (the station talks to it over loopback, in
process or as a real ``station`` subprocess). It also records every request body the station
sends, so a test can assert what reached "Amazon" — and what never did.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from station.simulator.api import ApiRequest, ApiResponse
from station.simulator.server import SimulatorServer

Rewrite = Callable[[Any], Any]


@dataclass(frozen=True)
class _Rule:
    method: str
    path: re.Pattern[str]
    rewrite: Rewrite


def _walk(value: Any, change: Callable[[dict[str, Any]], None]) -> Any:
    if isinstance(value, dict):
        change(value)
        for inner in value.values():
            _walk(inner, change)
    elif isinstance(value, list):
        for inner in value:
            _walk(inner, change)
    return value


class Tamper:
    """Installs itself on ``server``; rules apply to API answers, never to admin requests."""

    def __init__(self, server: SimulatorServer) -> None:
        self._rules: list[_Rule] = []
        self._refusals: list[tuple[str, re.Pattern[str], int, str]] = []
        self._lock = threading.Lock()
        self.sent: list[tuple[str, str, Any]] = []  # (method, path, JSON body) of every POST
        self._original = server.api
        server.api = self._api  # type: ignore[method-assign]

    def _api(self, request: ApiRequest) -> ApiResponse:
        if request.method == "POST" and request.body:
            try:
                body = json.loads(request.body)
            except ValueError:
                body = None
            with self._lock:
                self.sent.append((request.method, request.path, body))
        with self._lock:
            refusal = next(
                (r for r in self._refusals if r[0] == request.method and r[1].search(request.path)),
                None,
            )
        if refusal is not None:
            return ApiResponse.of_json(
                refusal[2], {"errors": [{"code": refusal[3], "message": "refused by the test"}]}
            )
        response: ApiResponse = self._original(request)
        with self._lock:
            rules = [
                r for r in self._rules if r.method == request.method and r.path.search(request.path)
            ]
        if not rules or not response.content_type.startswith("application/json"):
            return response
        try:
            data = json.loads(response.body)
        except ValueError:
            return response
        for rule in rules:
            data = rule.rewrite(data)
        return ApiResponse(response.status, json.dumps(data).encode(), headers=response.headers)

    def rule(self, method: str, path: str, rewrite: Rewrite) -> None:
        with self._lock:
            self._rules.append(_Rule(method, re.compile(path), rewrite))

    def refuse(self, method: str, path: str, status: int, code: str) -> None:
        """Answer matching requests with an error before the simulator sees them."""
        with self._lock:
            self._refusals.append((method, re.compile(path), status, code))

    def allow(self) -> None:
        """Stop refusing and rewriting: the simulator answers as itself again."""
        with self._lock:
            self._refusals.clear()
            self._rules.clear()

    def still_processing(self) -> None:
        """Every transaction status says Amazon is still processing it."""

        def change(node: dict[str, Any]) -> None:
            if "transactionId" in node and "status" in node:
                node["status"] = "Processing"
                node.pop("errors", None)

        self.rule("GET", r"/transactions/", lambda data: _walk(data, change))

    def answer_as(self, method: str, path: str, po: str, other: str) -> None:
        """Answers on ``path`` name PO ``other`` wherever they named ``po``."""

        def change(node: dict[str, Any]) -> None:
            if node.get("purchaseOrderNumber") == po:
                node["purchaseOrderNumber"] = other

        self.rule(method, path, lambda data: _walk(data, change))

    def ship_from_as(self, method: str, path: str, party_id: str) -> None:
        def change(node: dict[str, Any]) -> None:
            if isinstance(node.get("shipFromParty"), dict):
                node["shipFromParty"]["partyId"] = party_id

        self.rule(method, path, lambda data: _walk(data, change))

    def without_items(self, po: str) -> None:
        """Every order answer about ``po`` (single or listed) has an empty ``items`` list."""

        def change(node: dict[str, Any]) -> None:
            details = node.get("orderDetails")
            if node.get("purchaseOrderNumber") == po and isinstance(details, dict):
                details["items"] = []

        self.rule("GET", r"/orders/", lambda data: _walk(data, change))

    def submissions(self) -> list[tuple[str, Any]]:
        """What was submitted about orders: every POST but LWA logins and Tokens calls."""
        with self._lock:
            sent = list(self.sent)
        return [
            (path, body) for _m, path, body in sent if not path.startswith(("/auth/", "/tokens/"))
        ]

    def posts_naming(self, po: str) -> list[tuple[str, Any]]:
        """The POSTs whose body names ``po`` anywhere."""
        with self._lock:
            sent = list(self.sent)
        return [(path, body) for _m, path, body in sent if f'"{po}"' in json.dumps(body)]

    def posted_pos(self) -> set[str]:
        """Every PO named by any POST body (acknowledgements, labels, confirmations)."""
        found: set[str] = set()

        def change(node: dict[str, Any]) -> None:
            value = node.get("purchaseOrderNumber")
            if isinstance(value, str):
                found.add(value)

        with self._lock:
            sent = list(self.sent)
        for _m, path, body in sent:
            _walk(body, change)
            match = re.search(r"/shippingLabels/([^/?]+)$", path)
            if match:
                found.add(match.group(1))
        return found

"""Prism (Stoplight's OpenAPI mock, from npm) serving Amazon's own SP-API models, and a small
loopback front that the real ``station`` program talks to.

Prism serves one document per process, so the DF models the station uses (Orders, Shipping and
Transactions, both versions, and Tokens) are merged into one Swagger document: paths unchanged,
each model's definitions prefixed with the model's name so that ``Order`` of Orders and ``Error``
of Shipping do not collide. Nothing else in the models changes.

Prism validates every request against the models and reports what is wrong in an
``sl-violations`` response header. The front forwards each request to Prism, records the request
body and the violations (request and response side apart: Amazon's examples break their own
schema in places), answers the Login with Amazon token call itself (that service has no model),
and can replay fixed answers for cases the examples cannot show (an order with no items, a
transaction still processing, a PO already shipped). Replayed answers are validated against the
models by the tests that define them.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
PRISM_BIN = HERE / "node_modules" / ".bin" / "prism"

#: The models the station talks to, and the prefix of each one's definitions.
MODELS = {
    "vendorDirectFulfillmentOrdersV1.json": "OrdersV1",
    "vendorDirectFulfillmentOrders_2021-12-28.json": "Orders2021",
    "vendorDirectFulfillmentShippingV1.json": "ShippingV1",
    "vendorDirectFulfillmentShipping_2021-12-28.json": "Shipping2021",
    "vendorDirectFulfillmentTransactionsV1.json": "TransactionsV1",
    "vendorDirectFulfillmentTransactions_2021-12-28.json": "Transactions2021",
    "tokens_2021-03-01.json": "Tokens",
}
START_TIMEOUT = 120.0  # Prism on two busy cores takes a while to read ~1 MB of models


def _prefix_refs(value: Any, prefix: str) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, inner in value.items():
            if key == "$ref" and isinstance(inner, str) and inner.startswith("#/definitions/"):
                out[key] = f"#/definitions/{prefix}_{inner.removeprefix('#/definitions/')}"
            else:
                out[key] = _prefix_refs(inner, prefix)
        return out
    if isinstance(value, list):
        return [_prefix_refs(inner, prefix) for inner in value]
    return value


def merged_models(models_dir: Path) -> dict[str, Any]:
    """One Swagger 2.0 document with every path of :data:`MODELS`."""
    merged: dict[str, Any] = {
        "swagger": "2.0",
        "info": {"title": "SP-API models used by Packing Station", "version": "merged"},
        "host": "127.0.0.1",
        "schemes": ["http"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {},
        "definitions": {},
    }
    for name, prefix in MODELS.items():
        model = json.loads((models_dir / name).read_text(encoding="utf-8"))
        for key, definition in model.get("definitions", {}).items():
            merged["definitions"][f"{prefix}_{key}"] = _prefix_refs(definition, prefix)
        for path, item in model["paths"].items():
            if path in merged["paths"]:
                raise ValueError(f"{path} is in two models")
            merged["paths"][path] = _prefix_refs(item, prefix)
    return merged


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrismServer:
    """``prism mock`` on a loopback port, serving the merged models; its log kept in a file."""

    def __init__(self, models_dir: Path, workdir: Path) -> None:
        self.spec = workdir / "sp-api-models.json"
        self.spec.write_text(json.dumps(merged_models(models_dir)), encoding="utf-8")
        self.log_path = workdir / "prism.log"
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        for _attempt in range(3):  # the port picked may be taken before Prism binds it
            self.port = _free_port()
            with self.log_path.open("wb") as log:
                self._process = subprocess.Popen(
                    [
                        str(PRISM_BIN),
                        "mock",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        str(self.port),
                        str(self.spec),
                    ],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its node children die with it
                )
            if self._wait_listening():
                return
            self.stop()
        raise RuntimeError(f"Prism did not start; its log:\n{self.log()[-3000:]}")

    def _wait_listening(self) -> bool:
        deadline = time.monotonic() + START_TIMEOUT
        gate = threading.Event()
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                return False
            if "Prism is listening" in self.log():
                return True
            gate.wait(0.2)
        return False

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


@dataclass
class Exchange:
    """One request the station made, and what Prism (or a replay) made of it."""

    method: str
    path: str
    body: Any
    status: int
    request_violations: list[dict[str, Any]] = field(default_factory=list)
    response_violations: list[dict[str, Any]] = field(default_factory=list)
    replayed: bool = False


#: A replay: given (method, path, JSON body), an answer (status, JSON) or None to ask Prism.
Replay = Callable[[str, str, Any], "tuple[int, Any] | None"]

#: A rewrite: given (method, path, Prism's JSON answer), the answer to send instead.
Rewrite = Callable[[str, str, Any], Any]

LWA_PATH = "/auth/o2/token"


class AmazonFront:
    """The loopback address the station is pointed at (``STATION_SPAPI_URL``/``_LWA_URL``)."""

    def __init__(self, prism_url: str) -> None:
        self.prism_url = prism_url
        self.exchanges: list[Exchange] = []
        self.replays: list[Replay] = []
        self.rewrites: list[Rewrite] = []
        self.failures: list[str] = []
        self._lock = threading.Lock()
        self._http = httpx.Client(base_url=prism_url, timeout=60)
        front = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                front._safely(self)

            def do_POST(self) -> None:
                front._safely(self)

            def do_PUT(self) -> None:  # Fulfillment Outbound updates and cancels
                front._safely(self)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def lwa_url(self) -> str:
        return self.url + LWA_PATH

    def __enter__(self) -> AmazonFront:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def reset(self) -> None:
        with self._lock:
            self.exchanges.clear()
            self.replays.clear()
            self.rewrites.clear()
            self.failures.clear()

    def replay(self, replay: Replay) -> None:
        """Answer some requests without Prism (the first replay that answers wins)."""
        with self._lock:
            self.replays.append(replay)

    def rewrite(self, rewrite: Rewrite) -> None:
        """Change Prism's JSON answers (after Prism validated the request)."""
        with self._lock:
            self.rewrites.append(rewrite)

    def _safely(self, handler: BaseHTTPRequestHandler) -> None:
        """A broken replay or rewrite is the test's fault: a 500 and a recorded failure."""
        try:
            self._handle(handler)
        except Exception as exc:
            self.failures.append(f"{handler.command} {handler.path}: {exc!r}")
            _answer(handler, 500, {"errors": [{"code": "InternalFailure", "message": "front"}]})

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("content-length") or 0)
        raw = handler.rfile.read(length) if length else b""
        path = handler.path
        if path.split("?")[0] == LWA_PATH:
            _answer(handler, 200, _LWA_ANSWER)
            return
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        with self._lock:
            replays = list(self.replays)
        for replay in replays:
            answer = replay(handler.command, path, body)
            if answer is not None:
                self._record(Exchange(handler.command, path, body, answer[0], replayed=True))
                _answer(handler, *answer)
                return
        headers = {
            k: v
            for k, v in handler.headers.items()
            if k.lower() not in ("host", "content-length", "connection", "accept-encoding")
        }
        response = self._http.request(handler.command, path, content=raw, headers=headers)
        violations = json.loads(response.headers.get("sl-violations") or "[]")
        self._record(
            Exchange(
                handler.command,
                path,
                body,
                response.status_code,
                [v for v in violations if v.get("location", [""])[0] == "request"],
                [v for v in violations if v.get("location", [""])[0] != "request"],
            )
        )
        with self._lock:
            rewrites = list(self.rewrites)
        if rewrites and "json" in response.headers.get("content-type", ""):
            data = response.json()
            for rewrite in rewrites:
                data = rewrite(handler.command, path, data)
            _answer(handler, response.status_code, data)
            return
        handler.send_response(response.status_code)
        for key, value in response.headers.items():
            if key.lower() in ("content-type", "x-amzn-requestid"):
                handler.send_header(key, value)
        handler.send_header("content-length", str(len(response.content)))
        handler.end_headers()
        handler.wfile.write(response.content)

    def _record(self, exchange: Exchange) -> None:
        with self._lock:
            self.exchanges.append(exchange)

    # -- what the tests ask ---------------------------------------------------------------------

    def request_violations(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        with self._lock:
            return [
                (e.method, e.path, e.request_violations)
                for e in self.exchanges
                if e.request_violations
            ]

    def submissions(self) -> list[Exchange]:
        """Every POST about orders (acknowledgements, label requests, confirmations)."""
        with self._lock:
            return [
                e
                for e in self.exchanges
                if e.method == "POST" and not e.path.startswith("/tokens/")
            ]

    def pos_sent(self) -> set[str]:
        """Every PO any submission named, in its body or in its path."""
        found: set[str] = set()
        for exchange in self.submissions():
            found |= set(
                re.findall(r'"purchaseOrderNumber":\s*"([^"]*)"', json.dumps(exchange.body))
            )
            match = re.search(r"/shippingLabels/([^/?]+)$", exchange.path)
            if match:
                found.add(match.group(1))
        return found


_LWA_ANSWER = {
    "access_token": "Atza|prism-e2e",
    "token_type": "bearer",
    "expires_in": 3600,
    "refresh_token": "Atzr|prism-e2e",
}


def _answer(handler: BaseHTTPRequestHandler, status: int, data: Any) -> None:
    payload = json.dumps(data).encode()
    handler.send_response(status)
    handler.send_header("content-type", "application/json")
    handler.send_header("content-length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


def iter_pos(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "purchaseOrderNumber" and isinstance(inner, str):
                yield inner
            else:
                yield from iter_pos(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from iter_pos(inner)

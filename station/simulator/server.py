"""The simulator as a real HTTP/1.1 server on loopback, and its Python API.

Tests, the GUI's demo mode and ``station simulator`` all use ``SimulatorServer``::

    with SimulatorServer(SimulatorConfig(seed=7, processing_delay=0)) as sim:
        client = httpx.Client(base_url=sim.base_url)

The standard library's threading server (one thread per keep-alive connection) is enough for
hundreds of requests per second on loopback and keeps start-up fast. This module owns what only a
transport can do: latency, stalls, dropped connections, malformed bodies and the network cut; the
API itself lives in ``api``.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from station.errors import ConfigError, StationError
from station.simulator.api import ApiRequest, ApiResponse, SimulatorApp
from station.simulator.auth import TokenIssuer
from station.simulator.config import FaultConfig, SimulatorConfig
from station.simulator.faults import FaultInjector
from station.simulator.paperwork import Renderer
from station.simulator.ratelimit import RateLimiter
from station.simulator.state import SimulatorState
from station.simulator.wire import ApiFailure, error, errors_json

ADMIN_PREFIX = "/_simulator/"
MAX_BODY = 10 * 1024 * 1024
MALFORMED_BODY = b'{"payload": {"purchaseOrderNumber": "<html><body>Service Unavaila'

log = logging.getLogger("station.simulator")


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    simulator: SimulatorServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A connection that ends badly is logged, never printed: the standard library writes a
        traceback to standard error, into the terminal of a user who only pressed Ctrl+C (the
        station closes its connections as it stops, resetting one the simulator was reading).

        A client hanging up (reset, broken pipe) is what HTTP servers see every day: debug. Any
        other failure is the simulator's own: a warning, its traceback for ``-vv``."""
        failure = sys.exc_info()[1]
        if isinstance(failure, ConnectionError):
            log.debug("simulator: the client hung up: %s", failure)
            return
        log.warning(
            "simulator: a request failed without an answer: %s: %s",
            type(failure).__name__,
            failure,
        )
        log.debug("simulator: the failure in full", exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _HttpServer
    timeout = 120  # idle keep-alive connections are closed after this
    # Buffered: headers and body leave in one segment (flushed after each request), so Nagle's
    # algorithm and delayed ACKs never add 40 ms to an answer.
    wbufsize = 64 * 1024

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.simulator._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.simulator._track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: request lines would carry PO numbers and paths into a shared terminal."""

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _serve(self) -> None:
        sim = self.server.simulator
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._send(
                ApiResponse.of_json(
                    400 if length < 0 else 413,
                    errors_json([error("InvalidInput", "Bad Content-Length.")]),
                )
            )
            self.close_connection = True
            return
        body = self.rfile.read(length) if length else b""
        request = ApiRequest.build(self.command, self.path, dict(self.headers.items()), body)
        if request.path.startswith(ADMIN_PREFIX):
            sim._admin_busy(self.connection, busy=True)
            try:
                self._send(sim.admin(request))
            finally:
                sim._admin_busy(self.connection, busy=False)
            return
        if sim.faults.network_cut is not None:
            self._drop()
            return
        verdict = sim.faults.decide()
        if verdict.latency_ms:
            sim.faults.release.wait(verdict.latency_ms / 1000)
        if verdict.fault == "drop":
            self._drop()
            return
        if verdict.fault == "stall":
            sim.faults.release.wait(sim.faults.config.stall_seconds)
            self._drop()
            return
        if verdict.fault == "error":
            failure = (
                ApiFailure(503, "ServiceUnavailable", "Temporary overloading or maintenance.")
                if verdict.error_status == 503
                else ApiFailure(500, "InternalFailure", "We encountered an internal error.")
            )
            response = ApiResponse.of_json(failure.status, failure.to_json())
        elif verdict.fault == "throttle":
            response = SimulatorApp.throttled()
        else:
            response = sim.api(request)
        if verdict.fault == "malformed":
            response = ApiResponse(200, MALFORMED_BODY, headers=dict(response.headers))
        self._send(response)

    def _send(self, response: ApiResponse) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)


class SimulatorServer:
    """A running simulator: ``start()`` returns its base URL, ``stop()`` ends it (idempotent)."""

    def __init__(
        self, config: SimulatorConfig | None = None, *, renderer: Renderer | None = None
    ) -> None:
        self.config = config if config is not None else SimulatorConfig()
        self.state = SimulatorState(self.config, renderer)
        self.tokens = TokenIssuer()
        self.limiter = RateLimiter(enabled=self.config.rate_limits)
        self.faults = FaultInjector(self.config.faults)
        self.app = SimulatorApp(self.state, self.tokens, self.limiter)
        self.sandbox: Any = None
        if self.config.static_sandbox:
            from station.simulator.sandbox import StaticSandbox

            assert self.config.models_dir is not None
            self.sandbox = StaticSandbox.load(self.config.models_dir)
        self._httpd: _HttpServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: set[socket.socket] = set()
        self._admin_connections: set[socket.socket] = set()
        self._conn_lock = threading.Lock()
        self._address: tuple[str, int] | None = None
        self._lifecycle = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> str:
        with self._lifecycle:
            if self._address is None:
                self.faults.release.clear()
                self._listen(self.config.port)
                self.state.transactions.start()
        return self.base_url

    def warm_up_documents(self) -> None:
        """Load the document libraries now (blocking; call it from a background thread), so that
        the first label and packing slip are answered as fast as the rest."""
        self.state.documents.warm_up()

    def _listen(self, port: int) -> None:
        try:
            httpd = _HttpServer((self.config.host, port), _Handler)
        except OSError as exc:
            raise ConfigError(
                f"The simulator cannot listen on {self.config.host}:{port}: {exc.strerror}",
                hint="Choose another port with --port, or 0 for any free port.",
            ) from None
        httpd.simulator = self
        self._httpd = httpd
        self._address = (self.config.host, httpd.server_address[1])
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="simulator-http",
            daemon=True,
        )
        self._thread.start()

    def _unlisten(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def stop(self) -> None:
        with self._lifecycle:
            self.faults.release.set()
            self._unlisten()
            self._close_connections(spare_admin=False)
            self.state.transactions.stop()
            self._address = None

    def __enter__(self) -> SimulatorServer:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._address is None:
            raise ConfigError("The simulator is not running", hint="Call start() first.")
        host, port = self._address
        return f"http://{host}:{port}"

    @property
    def lwa_url(self) -> str:
        return self.base_url + "/auth/o2/token"

    def _track(self, connection: socket.socket, *, add: bool) -> None:
        with self._conn_lock:
            if add:
                self._connections.add(connection)
            else:
                self._connections.discard(connection)

    def _admin_busy(self, connection: socket.socket, *, busy: bool) -> None:
        with self._conn_lock:
            if busy:
                self._admin_connections.add(connection)
            else:
                self._admin_connections.discard(connection)

    def _close_connections(self, *, spare_admin: bool = True) -> None:
        """Hang up every open connection, except one answering an admin request right now (it
        may be the request that cut the network)."""
        with self._conn_lock:
            spared = self._admin_connections if spare_admin else set()
            connections = [c for c in self._connections if c not in spared]
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    # -- controls for tests and demos -----------------------------------------------------

    def set_faults(self, faults: FaultConfig) -> None:
        self.faults.configure(faults)

    def cut_network(self, mode: str = "drop") -> None:
        """Simulate the network going down: ``drop`` accepts and hangs up on every API request,
        ``refuse`` closes the listening socket so connections are refused. Admin requests keep
        working in ``drop`` mode."""
        if mode not in ("drop", "refuse"):
            raise ConfigError(f"Unknown network cut mode {mode!r}", hint="Use drop or refuse.")
        with self._lifecycle:
            self.faults.network_cut = mode
            if mode == "refuse" and self._httpd is not None:
                self._unlisten()
            self._close_connections()

    def restore_network(self) -> None:
        with self._lifecycle:
            if self.faults.network_cut == "refuse" and self._address is not None:
                self._listen(self._address[1])
            self.faults.network_cut = None

    def scannable_pos(self, count: int = 5) -> list[str]:
        return self.state.scannable(count)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """True once no transaction is still Processing."""
        return self.state.transactions.wait_idle(timeout)

    # -- request entry points (called by connection threads) -------------------------------

    def api(self, request: ApiRequest) -> ApiResponse:
        # Amazon's outbound (MCF) sandbox is dynamic, unlike the others (its models declare only
        # ``"x-amzn-api-sandbox": {"dynamic": {}}``): the stateful MCF answers, unless the model
        # gives the operation static cases, which are then answered as written.
        if (
            self.sandbox is not None
            and request.path != "/auth/o2/token"
            and (not self.app.mcf.owns(request.path) or self.sandbox.has_cases(request))
        ):
            if not request.headers.get("x-amz-access-token"):
                return ApiResponse.of_json(
                    403,
                    errors_json([error("Unauthorized", "Access to requested resource is denied.")]),
                )
            response: ApiResponse = self.sandbox.answer(request)
            return response
        try:
            return self.app.handle(request)
        except ApiFailure as failure:
            return ApiResponse.of_json(failure.status, failure.to_json())
        except (NotImplementedError, StationError) as exc:
            # A document that cannot be rendered is the simulator's own failure: a 500, as Amazon.
            return ApiResponse.of_json(
                500,
                errors_json(
                    [
                        error(
                            "InternalFailure",
                            "We encountered an internal error.",
                            type(exc).__name__,
                        )
                    ]
                ),
            )

    def admin(self, request: ApiRequest) -> ApiResponse:
        from station.simulator.admin import handle_admin

        try:
            return handle_admin(self, request)
        except ApiFailure as failure:
            return ApiResponse.of_json(failure.status, failure.to_json())
        except ConfigError as exc:
            return ApiResponse.of_json(
                400, errors_json([error("InvalidInput", exc.message, exc.hint)])
            )

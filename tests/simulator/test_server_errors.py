"""A connection that ends badly never puts a traceback into the user's terminal."""

from __future__ import annotations

import logging
import socket
import struct
import sys
import threading
from typing import Any

import pytest

from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.helpers.windows import under_wine


def _served(sim: SimulatorServer) -> threading.Event:
    """Set once the server has finished with a connection (after any error was reported)."""
    httpd = sim._httpd
    assert httpd is not None
    finished = threading.Event()
    shutdown_request = httpd.shutdown_request

    def finish(request: Any) -> None:
        shutdown_request(request)
        finished.set()

    httpd.shutdown_request = finish  # type: ignore[method-assign]
    return finished


def _reset(sock: socket.socket) -> None:
    """Close with a TCP reset (SO_LINGER 0), as a client torn down mid-connection does."""
    linger = struct.pack("HH" if sys.platform == "win32" else "ii", 1, 0)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
    sock.close()


@pytest.mark.skipif(
    under_wine(),
    reason="wine closes a socket with SO_LINGER 0 by FIN, not by a reset, so the server sees "
    "an ordinary end of connection: the Windows workflow (a real Windows) runs this",
)
def test_a_client_resetting_its_connection_prints_nothing(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="station.simulator")
    with SimulatorServer(SimulatorConfig(seed=3, processing_delay=0)) as sim:
        finished = _served(sim)
        host, port = sim.base_url.removeprefix("http://").split(":")
        _reset(socket.create_connection((host, int(port)), timeout=30))
        assert finished.wait(60), "the server never finished with the connection"
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "Exception occurred" not in out + err, out + err
    assert "the client hung up" in caplog.text


def test_a_failing_request_is_a_warning_without_a_traceback(
    capfd: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("no answer drawn")

    with SimulatorServer(SimulatorConfig(seed=3, processing_delay=0)) as sim:
        monkeypatch.setattr(sim, "api", broken)
        finished = _served(sim)
        host, port = sim.base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            sock.sendall(
                b"GET /vendor/directFulfillment/orders/2021-12-28/purchaseOrders"
                b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            assert finished.wait(60), "the server never finished with the connection"
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "Exception occurred" not in out + err, out + err
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert [r.getMessage() for r in warnings] == [
        "simulator: a request failed without an answer: RuntimeError: no answer drawn"
    ]
    assert warnings[0].exc_info is None

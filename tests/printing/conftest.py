"""Fixtures of the printing tests: real sample documents and a fake raw-TCP printer."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.zpl import gf


@pytest.fixture
def label_png(samples_dir: Path) -> bytes:
    return (samples_dir / "amazon-sandbox-label-ups.png").read_bytes()


@pytest.fixture
def slip_pdf(samples_dir: Path) -> bytes:
    return (samples_dir / "amazon-sandbox-packing-slip.pdf").read_bytes()


class FakeRawPrinter:
    """A loopback JetDirect port: records every connection's bytes, and answers a status query
    (``~HQES``/``~HS``) with ``answer`` when one is given."""

    def __init__(self, answer: bytes | None = None, query: bytes = b"~HQES") -> None:
        self.answer = answer
        self.query = query
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.05)
        self.port: int = self.server.getsockname()[1]
        self.connections: list[bytes] = []
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _peer = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(10)
                data = b""
                answered = False
                while True:
                    try:
                        chunk = conn.recv(65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    data += chunk
                    if self.answer is not None and not answered and self.query in data:
                        conn.sendall(self.answer)
                        answered = True
            with self._changed:
                self.connections.append(data)
                self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[bytes]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.connections) >= count, timeout), (
                f"expected {count} connection(s), got {len(self.connections)}"
            )
            return list(self.connections)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.server.close()


@pytest.fixture
def raw_printer() -> Iterator[FakeRawPrinter]:
    printer = FakeRawPrinter()
    yield printer
    printer.close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port nobody listens on (connections are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


_GF = re.compile(rb"\^GFA,(\d+),(\d+),(\d+),(:Z64:[^:]*:[0-9A-F]{4})\^FS")


def decode_labels(zpl: bytes) -> list[gf.Bitmap]:
    """Every ^GF graphic field of a ZPL stream, decoded."""
    out = []
    for match in _GF.finditer(zpl):
        total, _field, per_row, data = match.groups()
        out.append(
            gf.decode_data(data.decode("ascii"), total_bytes=int(total), bytes_per_row=int(per_row))
        )
    return out

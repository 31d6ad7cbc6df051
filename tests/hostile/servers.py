"""A hostile network in front of the simulator: a loopback proxy that passes every request on to
the simulator except those it was told to answer badly (a gzip bomb, a huge Content-Length, one
byte every few seconds). The station under test talks to the proxy as if it were Amazon."""

from __future__ import annotations

import email.utils
import functools
import http.server
import itertools
import re
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

try:
    import resource  # POSIX only: the address-space limit and the peak memory below
except ImportError:  # Windows: the program runs without the limit; measuring skips
    resource = None  # type: ignore[assignment]

GIB = 1024 * 1024 * 1024


@functools.cache
def gzip_bomb(inflated: int = GIB) -> bytes:
    """``inflated`` bytes of spaces gzipped (~1 MB per GiB): valid JSON whitespace, endless."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1 << 20)
    parts = [packer.compress(block) for _ in range(inflated // len(block))]
    parts.append(packer.flush())
    return b"".join(parts)


@dataclass
class Rule:
    """Answer requests whose ``METHOD path`` matches ``pattern`` with ``behaviour``:
    ``gzip_bomb``, ``huge_length``, ``drip`` (the status line, one byte per ``interval``) or
    ``drip_body`` (good headers, then the body one byte per ``interval``) or ``answer``
    (``status`` with ``body``)."""

    pattern: str
    behaviour: str
    interval: float = 2.0
    hits: int = 0
    times: int | None = None  # applies to the first ``times`` matching requests only
    status: int = 400
    body: bytes = b""


@dataclass
class HostileProxy:
    upstream: str
    rules: list[Rule] = field(default_factory=list)
    stop_event: threading.Event = field(default_factory=threading.Event)
    #: Seconds added to the ``Date`` header of forwarded answers (Amazon's clock vs the PC's).
    date_shift: float = 0.0

    def __post_init__(self) -> None:
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def date_time_string(self, timestamp: float | None = None) -> str:
                moment = (time.time() if timestamp is None else timestamp) + proxy.date_shift
                return email.utils.formatdate(moment, usegmt=True)

            def do_GET(self) -> None:
                proxy._handle(self)

            do_POST = do_GET
            do_PUT = do_GET

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._client = httpx.Client(base_url=self.upstream, timeout=30)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> HostileProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_event.set()
        self._server.shutdown()
        self._server.server_close()
        self._client.close()
        self._thread.join(5)

    def _rule(self, method: str, path: str) -> Rule | None:
        for rule in self.rules:
            if re.search(rule.pattern, f"{method} {path}") and (
                rule.times is None or rule.hits < rule.times
            ):
                rule.hits += 1
                return rule
        return None

    def _handle(self, handler: http.server.BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        rule = self._rule(handler.command, handler.path)
        if rule is None:
            self._forward(handler, body)
            return
        handler.close_connection = True
        out = handler.wfile
        try:
            if rule.behaviour == "answer":
                out.write(
                    b"HTTP/1.1 %d Hostile\r\nContent-Type: application/json\r\n"
                    b"Content-Length: %d\r\n\r\n" % (rule.status, len(rule.body))
                )
                out.write(rule.body)
            elif rule.behaviour == "gzip_bomb":
                bomb = gzip_bomb()
                out.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb)
                )
                out.write(bomb)
            elif rule.behaviour == "huge_length":
                out.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 10737418240\r\n\r\n"
                )
                # Then a body that never ends (until the client hangs up).
                chunk = b" " * 65536
                while not self.stop_event.is_set():
                    out.write(chunk)
            elif rule.behaviour in ("drip", "drip_body"):
                head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                if rule.behaviour == "drip_body":
                    out.write(head + b"Content-Length: 100000\r\n\r\n")
                    out.flush()
                    head = b" " * 100000
                # The head, then a header that never ends: the answer is never complete.
                for byte in itertools.chain(_bytes(head + b"X-Pad: "), itertools.repeat(b"a")):
                    out.write(byte)
                    out.flush()
                    if self.stop_event.wait(rule.interval):
                        return
            else:  # pragma: no cover - a typo in a test
                raise ValueError(rule.behaviour)
        except (TimeoutError, BrokenPipeError, ConnectionResetError, OSError):
            return

    def _forward(self, handler: http.server.BaseHTTPRequestHandler, body: bytes) -> None:
        headers = {
            k: v
            for k, v in handler.headers.items()
            if k.lower() not in ("host", "content-length", "connection", "accept-encoding")
        }
        answer = self._client.request(handler.command, handler.path, content=body, headers=headers)
        handler.send_response(answer.status_code)
        for name, value in answer.headers.items():
            if name.lower() not in ("content-length", "content-encoding", "transfer-encoding",
                                    "connection", "date", "server"):  # fmt: skip
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(answer.content)))
        handler.end_headers()
        handler.wfile.write(answer.content)


def _bytes(data: bytes) -> Iterator[bytes]:
    for index in range(len(data)):
        yield data[index : index + 1]


def run_station(
    *args: str, env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """The real ``station`` program, as an integrator runs it, with a 4 GiB address-space limit:
    a build without the bounds fails alone (MemoryError) instead of starving the machine."""
    return subprocess.run(
        [sys.executable, "-m", "station", *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_limit_memory if hasattr(resource, "RLIMIT_AS") else None,
    )


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (4 * GIB, 4 * GIB))


_MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "station", *sys.argv[1:]], capture_output=True,
                      text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"code": done.returncode, "out": done.stdout, "err": done.stderr, "mb": peak}))
"""


def run_station_measured(
    *args: str, env: dict[str, str], cwd: Path, timeout: float = 300
) -> tuple[subprocess.CompletedProcess[str], float]:
    """``run_station`` and the program's peak resident memory in MB (Linux: ``ru_maxrss`` of a
    fresh parent whose only child is the program, so earlier children do not count)."""
    import json

    if resource is None:
        pytest.skip("peak memory is measured with getrusage, which Windows does not have")

    wrapper = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
        preexec_fn=_limit_memory if hasattr(resource, "RLIMIT_AS") else None,
    )
    result = json.loads(wrapper.stdout)
    done = subprocess.CompletedProcess(args, result["code"], result["out"], result["err"])
    return done, float(result["mb"])

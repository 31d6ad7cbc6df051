"""A Zebra on a loopback port: answers ``~HQES``, ``~HS`` and ``~HI`` as the ZPL II
Programming Guide describes, for the state a test sets, and keeps every label it is sent.

Reply formats (ZPL II Programming Guide):

- ``~HQES``: ``<STX><CR><LF>PRINTER STATUS<CR><LF>   ERRORS:         e gggggggg ffffffff<CR><LF>
  WARNINGS:       w gggggggg ffffffff<CR><LF><ETX>``; error group-1 flags 1 paper out, 2 ribbon
  out, 4 head open, 0x10000 paused.
- ``~HS``: three ``<STX>…<ETX><CR><LF>`` strings; string 1 ``aaa,b,c,dddd,eee,f,g,h,iii,j,k,l``
  (b paper out, c paused, f receive buffer full), string 2 ``mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www``
  (o head up, p ribbon out), string 3 ``xxxx,y``. Per the guide a printer does not answer
  ``~HS`` at all while paper or ribbon is out or the head is open: ``firmware="hs"`` does that.
- ``~HI``: ``<STX>model,version,dots per mm,memory,options<ETX>`` (8 dots/mm = 203 dpi, 12 = 300).

``firmware``: ``"hqes"`` (answers all three), ``"hs"`` (an older one: ``~HQES`` is ignored) or
``"silent"`` (a printer that is not a Zebra: takes labels, answers nothing).
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

State = Literal["ready", "paper out", "ribbon out", "head open", "paused", "buffer full"]
Firmware = Literal["hqes", "hs", "silent"]

_ERROR_BITS = {"paper out": 0x1, "ribbon out": 0x2, "head open": 0x4, "paused": 0x10000}
_QUERY = re.compile(rb"~H(QES|S|I)")
_QUERY_LINE = re.compile(rb"~H(?:QES|S|I)\r?\n?")
_DPMM = {203: 8, 300: 12, 600: 24}
R = TypeVar("R")


@dataclass
class Connection:
    received: bytes = b""
    queries: list[str] = field(default_factory=list)

    @property
    def label(self) -> bytes:
        """What was sent besides the host queries: the label, or nothing."""
        return _QUERY_LINE.sub(b"", self.received)


class LoopbackPort(Generic[R]):
    """A printer's raw TCP port on loopback: one thread takes connections one at a time, hands
    each chunk received to :meth:`_received` (which may answer) and keeps one record per
    connection."""

    def __init__(self) -> None:
        self.connections: list[R] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.05)
        self.port: int = self.server.getsockname()[1]
        self._changed = threading.Condition()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _new_record(self) -> R:
        raise NotImplementedError

    def _received(self, conn: socket.socket, record: R, chunk: bytes) -> R:
        raise NotImplementedError

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _peer = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            record = self._new_record()
            with conn:
                conn.settimeout(10)
                while True:
                    try:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        record = self._received(conn, record, chunk)
                    except OSError:
                        break
            with self._changed:
                self.connections.append(record)
                self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 15.0) -> list[R]:
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.connections) >= count, timeout), (
                f"expected {count} connection(s), got {len(self.connections)}"
            )
            return list(self.connections)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.server.close()


class ZebraEmulator(LoopbackPort[Connection]):
    def __init__(
        self, state: State = "ready", *, firmware: Firmware = "hqes", dpi: int = 203
    ) -> None:
        self.state: State = state
        self.firmware: Firmware = firmware
        self.dpi = dpi
        super().__init__()

    @property
    def labels(self) -> list[bytes]:
        with self._changed:
            return [c.label for c in self.connections if c.label]

    def hqes(self) -> bytes:
        flags = _ERROR_BITS.get(self.state, 0)
        return (
            b"\x02\r\nPRINTER STATUS\r\n"
            + f"   ERRORS:         {1 if flags else 0} 00000000 {flags:08X}\r\n".encode()
            + b"   WARNINGS:       0 00000000 00000000\r\n\x03"
        )

    def hs(self) -> bytes | None:
        s = self.state
        if self.firmware == "hs" and s in ("paper out", "ribbon out", "head open"):
            return None  # the guide: no answer in these conditions
        paper, paused, full = int(s == "paper out"), int(s == "paused"), int(s == "buffer full")
        head, ribbon = int(s == "head open"), int(s == "ribbon out")
        return (
            f"\x02030,{paper},{paused},1218,000,{full},0,0,000,0,0,0\x03\r\n".encode()
            + f"\x02001,0,{head},{ribbon},0,2,6,0,00000000,1,000\x03\r\n".encode()
            + b"\x021234,0\x03\r\n"
        )

    def hi(self) -> bytes:
        return f"\x02ZD420-{self.dpi}dpi,V84.20.18Z,{_DPMM[self.dpi]},8176KB\x03\r\n".encode()

    def _answer(self, query: str) -> bytes | None:
        if self.firmware == "silent":
            return None
        if query == "QES":
            return self.hqes() if self.firmware == "hqes" else None
        if query == "S":
            return self.hs()
        return self.hi()

    def _new_record(self) -> Connection:
        return Connection()

    def _received(self, conn: socket.socket, record: Connection, chunk: bytes) -> Connection:
        record.received += chunk
        queries = _QUERY.findall(record.received)
        for query in queries[len(record.queries) :]:
            name = query.decode()
            record.queries.append(name)
            reply = self._answer(name)
            if reply is not None:
                conn.sendall(reply)
        return record


class DeadPrinter:
    """A switched-off printer: a port whose connections are never completed (its backlog is
    full, so the kernel drops further SYNs and a connect waits for its timeout)."""

    def __init__(self) -> None:
        self._server = socket.socket()
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(0)
        self.port: int = self._server.getsockname()[1]
        self._fillers: list[socket.socket] = []
        for _ in range(4):  # fill the accept queue (its length is backlog + 1 on Linux)
            filler = socket.socket()
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", self.port))
            self._fillers.append(filler)

    @property
    def uri(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def close(self) -> None:
        for filler in self._fillers:
            filler.close()
        self._server.close()

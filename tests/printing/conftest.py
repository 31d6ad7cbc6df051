"""Fixtures of the printing tests: real sample documents and a fake raw-TCP printer."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from station.zpl import gf
from tests.helpers.zebra import LoopbackPort


@pytest.fixture
def label_png(samples_dir: Path) -> bytes:
    return (samples_dir / "amazon-sandbox-label-ups.png").read_bytes()


@pytest.fixture
def slip_pdf(samples_dir: Path) -> bytes:
    return (samples_dir / "amazon-sandbox-packing-slip.pdf").read_bytes()


class FakeRawPrinter(LoopbackPort[bytes]):
    """A loopback JetDirect port: records every connection's bytes, and answers a status query
    (``~HQES``/``~HS``) with ``answer`` when one is given."""

    def __init__(self, answer: bytes | None = None, query: bytes = b"~HQES") -> None:
        self.answer = answer
        self.query = query
        super().__init__()

    def _new_record(self) -> bytes:
        return b""

    def _received(self, conn: socket.socket, record: bytes, chunk: bytes) -> bytes:
        data = record + chunk
        if self.answer is not None and self.query in data and self.query not in record:
            conn.sendall(self.answer)
        return data

    def wait_for(self, count: int, timeout: float = 10.0) -> list[bytes]:
        return super().wait_for(count, timeout)


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


@pytest.fixture
def simulator_documents() -> object:
    try:
        from station.simulator import documents
        from station.simulator.documents import Address, DocumentLine, LabelSpec

        address = Address("Jane Doe", "1 Main St", "Seattle", "98101", "US", "WA")
        spec = LabelSpec(
            purchase_order_number="PO1234567",
            package_identifier="PKG1",
            tracking_number="1Z999AA10123456784",
            ship_method="UPS_GR_RES",
            ship_method_name="UPS Ground Residential",
            carrier="UPS",
            ship_to=address,
            ship_from=address,
        )
        png = documents.label_png(spec)
        zpl = documents.label_zpl(spec)
        slip = documents.packing_slip_pdf(
            documents.OrderDocumentSpec(
                purchase_order_number="PO1234567",
                order_date=datetime(2026, 1, 2, 3, 4, 5),
                ship_to=address,
                ship_from=address,
                lines=(DocumentLine(1, "B000000001", "SKU-1", "A thing", 2, Decimal("9.99")),),
            )
        )
    except (NotImplementedError, ImportError) as exc:
        pytest.skip(f"the simulator's documents are not implemented yet ({exc!r})")
    return spec.tracking_number, png, zpl, slip

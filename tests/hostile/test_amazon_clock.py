"""Label lifetimes on Amazon's clock: a PC whose clock runs 20 days behind must not ship with a
label that Amazon's own time (its answers' ``Date``) says is past its 90 days."""

from __future__ import annotations

import base64
import email.utils
import os
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from station.runtime import Runtime
from station.simulator.server import SimulatorServer
from station.spapi.http import AmazonClock, SpApiHttp
from station.workflow.acknowledgements import Acknowledger
from station.workflow.containers import parse_box_spec
from station.workflow.labels import LabelExpiredError
from station.workflow.order_cache import store_prefetched
from tests.hostile.conftest import proxied_runtime
from tests.hostile.servers import HostileProxy

DAY = 24 * 3600.0


def test_the_offset_comes_from_the_date_header() -> None:
    told = email.utils.formatdate(time.time() - 400 * DAY, usegmt=True)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"payload": {}}, headers={"Date": told})

    with httpx.Client(transport=httpx.MockTransport(answer)) as client:
        http = SpApiHttp(client, "https://sp.example")
        assert http.amazon_clock.offset is None
        http.request("getOrder", "GET", "/x")
    offset = http.amazon_clock.offset
    assert offset is not None and abs(offset + 400 * DAY) < DAY
    clock = AmazonClock()
    for garbage in ("", "yesterday", "Wed, 21 Oct 99999 07:28:00 GMT", None):
        clock.observe(garbage, 0.0)
    assert clock.offset is None


@pytest.fixture
def runtimes(
    simulator: SimulatorServer, proxy: HostileProxy, tmp_path: Path
) -> Iterator[list[Runtime]]:
    opened: list[Runtime] = []
    yield opened
    for runtime in reversed(opened):
        runtime.close()


def test_a_cached_label_expires_on_amazons_clock_when_the_pc_runs_behind(
    proxy: HostileProxy, simulator: SimulatorServer, tmp_path: Path, runtimes: list[Runtime]
) -> None:
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    po = str(next(iter(simulator.state.orders.values())).purchase_order_number)
    first = proxied_runtime(proxy, simulator, tmp_path, key)
    runtimes.append(first)
    Acknowledger(first.gateway, first.settings, poll_interval=0.02).acknowledge(
        [first.gateway.get_order(po)]
    )
    engine = first.engine()
    session = engine.scan_po(po)
    engine.set_boxes(session, [parse_box_spec("12x8x4in:1.5lb")])
    assert session.order is not None and session.labels is not None
    # By the PC's clock the label was created 80 days ago: still valid for 10 days…
    created = first.journal.now() - timedelta(days=80)
    store_prefetched(
        first.documents, session.order, session.labels, None, None, labels_obtained_at=created
    )
    first.close()
    runtimes.remove(first)

    # …but Amazon's clock is 20 days ahead of the PC's: the label is 100 days old.
    proxy.date_shift = 20 * DAY
    second = proxied_runtime(proxy, simulator, tmp_path, key)
    runtimes.append(second)
    second.gateway.get_order(po)  # any answer from Amazon tells its time
    with pytest.raises(LabelExpiredError, match="90 days"):
        second.engine().scan_po(po)

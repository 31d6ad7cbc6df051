"""Four real ``station`` programs (four benches, each its own folder, journal and keyring) on one
throw-away PostgreSQL and one simulator: set-up through ``station site init/join``, the same PO on
two benches, a bench killed with SIGKILL while it sends or requests, and the database stopped in
the middle of a shift."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
import pytest

from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import demo_settings
from station.simulator.api import ApiRequest, ApiResponse
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.helpers.contract import REPO_ROOT
from tests.helpers.postgres import PgCluster
from tests.site.conftest import PASSWORD, ROLE
from tests.workflow.conftest import accepted_confirmations, random_pos, record, wait_until

BOX = "12x8x4in:1.5lb"
TIMEOUT = 180


@dataclass
class Gate:
    """Holds matching API requests until opened (or answers them 503 when ``refuse``)."""

    method: str
    path_part: str
    po: str
    opened: threading.Event = field(default_factory=threading.Event)
    seen: threading.Event = field(default_factory=threading.Event)
    refuse: bool = False

    def matches(self, request: ApiRequest) -> bool:
        return (
            request.method == self.method
            and self.path_part in request.path
            and (self.po in request.path or self.po.encode() in request.body)
        )


class Simulator:
    def __init__(self, server: SimulatorServer) -> None:
        self.server = server
        self.gates: list[Gate] = []
        self.calls: list[tuple[str, str, bytes]] = []
        self._lock = threading.Lock()
        original = server.api

        def api(request: ApiRequest) -> ApiResponse:
            with self._lock:
                self.calls.append((request.method, request.path, request.body))
                gates = [g for g in self.gates if g.matches(request)]
            for gate in gates:
                gate.seen.set()
                gate.opened.wait(TIMEOUT)
                if gate.refuse:
                    return ApiResponse(503, b'{"errors":[{"code":"ServiceUnavailable"}]}')
            return original(request)

        server.api = api  # type: ignore[method-assign]

    def label_creations(self, po: str) -> int:
        with self._lock:
            return sum(
                1
                for method, path, body in self.calls
                if method == "POST"
                and "shippingLabels" in path
                and (po in path or po.encode() in body)
            )


@pytest.fixture
def sim() -> Iterator[Simulator]:
    config = SimulatorConfig(seed=5, orders=60, processing_delay=0.05, rate_limits=False)
    with SimulatorServer(config) as server:
        yield Simulator(server)


class Bench:
    """One bench: ``python -m station …`` with its own STATION_HOME and keyring file."""

    def __init__(self, number: int, root: Path, sim: SimulatorServer, data_key: str) -> None:
        self.number = number
        self.station_id = f"pack-{number:02d}"
        self.home = root / f"bench{number}"
        self.home.mkdir(parents=True)
        settings = demo_settings(Settings(station_id=self.station_id), self.home / "printers")
        save_settings(settings, StationPaths.under(self.home).config_file)
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
        self.env.update(
            STATION_HOME=str(self.home),
            STATION_SPAPI_URL=sim.base_url,
            STATION_LWA_URL=sim.lwa_url,
            STATION_DATA_KEY=data_key,
            STATION_OUTBOX_RETRY_SECONDS="0.05",
            STATION_OUTBOX_SETTLE_SECONDS="0.5",
            STATION_SITE_LEASE_SECONDS="5",
            STATION_SITE_IN_FLIGHT_SECONDS="12",
            STATION_SITE_SENDING_SECONDS="10",
            PYTHON_KEYRING_BACKEND="tests.helpers.file_keyring.FileKeyring",
            STATION_TEST_KEYRING_FILE=str(self.home / "keyring.json"),
            PYTHONPATH=str(REPO_ROOT),
            QT_QPA_PLATFORM="offscreen",
            PYTHONUNBUFFERED="1",
        )

    def start(self, *args: str, **extra_env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "station", *args],
            env={**self.env, **extra_env},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            cwd=self.home,
        )

    def run(self, *args: str, **extra_env: str) -> tuple[int, str]:
        process = self.start(*args, **extra_env)
        out, err = process.communicate(timeout=TIMEOUT)
        assert "Traceback" not in out + err, out + err
        return process.returncode, out + err

    def ship(self, po: str) -> subprocess.Popen[str]:
        return self.start("ship", po, "--box", BOX, "--acknowledge", "--wait", "60")


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=TIMEOUT)
    assert "Traceback" not in out + err, out + err
    return process.returncode, out + err


@pytest.fixture
def site(
    site_url: str, sim: Simulator, tmp_path: Path, pg_cluster: PgCluster
) -> Iterator[list[Bench]]:
    """Four benches: the first sets the site up, the others join with the key it showed."""
    data_key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    benches = [Bench(n, tmp_path, sim.server, data_key) for n in range(1, 5)]
    code, out = benches[0].run(
        "site", "init", site_url, "--bench", "1", STATION_SITE_PASSWORD=PASSWORD
    )
    assert code == 0, out
    site_key = out.strip().splitlines()[-1].strip()
    for bench in benches[1:]:
        code, out = bench.run(
            "site",
            "join",
            site_url,
            "--bench",
            str(bench.number),
            STATION_SITE_PASSWORD=PASSWORD,
            STATION_SITE_DATA_KEY=site_key,
        )
        assert code == 0, out
    yield benches


def _sql(pg_cluster: PgCluster, site_url: str, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with psycopg.connect(site_url, password=PASSWORD, autocommit=True) as conn:
        return conn.execute(query, params).fetchall()  # type: ignore[arg-type]


def test_site_set_up_keeps_secrets_in_the_keyring_only(
    site: list[Bench], site_url: str, pg_cluster: PgCluster
) -> None:
    first, second = site[0], site[1]
    keyring = json.loads((second.home / "keyring.json").read_text())
    assert keyring["PackingStation/site.db_password"] == PASSWORD
    key = keyring["PackingStation/site.data_key"]
    config = StationPaths.under(second.home).config_file.read_text()
    assert PASSWORD not in config and key not in config and site_url in config
    dump = _sql(pg_cluster, site_url, "SELECT string_agg(value, ' ') FROM site_meta")[0][0]
    assert key not in dump

    wrong = base64.urlsafe_b64encode(os.urandom(32)).decode()
    code, out = first.run(
        "site",
        "join",
        site_url,
        "--bench",
        "1",
        STATION_SITE_PASSWORD=PASSWORD,
        STATION_SITE_DATA_KEY=wrong,
    )
    assert code == 1 and "not this site's data key" in out

    code, out = first.run("site", "status")
    assert code == 0, out
    for bench in site:
        assert bench.station_id in out
    assert ROLE  # the role every bench logs in as


def test_the_same_po_on_two_benches_one_claim_one_label_one_confirmation(
    site: list[Bench], sim: Simulator
) -> None:
    shared, third, fourth = random_pos(sim.server, 3)
    runs = [site[0].ship(shared), site[1].ship(shared), site[2].ship(third), site[3].ship(fourth)]
    results = [finish(run) for run in runs]
    codes = sorted(code for code, _ in results[:2])
    assert codes == [0, 1], results
    loser = next(out for code, out in results[:2] if code == 1)
    assert "packed at bench" in loser and "by pack-0" in loser, loser
    assert results[2][0] == 0 and results[3][0] == 0, results
    for po in (shared, third, fourth):
        assert len(record(sim.server, po)["confirmations"]) == 1
        assert len(accepted_confirmations(sim.server, po)) == 1
        assert sim.label_creations(po) == 1

    code, out = site[3].run("history", "--site")
    assert code == 0 and "confirmed: 3" in out, out
    code, out = site[0].run("site", "watch", "--seconds", "1.5")
    assert code == 0 and "-- online" in out and out.count("confirmation_succeeded") == 3, out


@pytest.mark.parametrize("reached_amazon", [True, False])
def test_a_bench_killed_while_sending_is_finished_by_another_once(
    site: list[Bench], sim: Simulator, site_url: str, pg_cluster: PgCluster, reached_amazon: bool
) -> None:
    (po,) = random_pos(sim.server, 1)
    gate = Gate("POST", "shipmentConfirmations", po, refuse=not reached_amazon)
    sim.gates.append(gate)
    victim = site[0].ship(po)
    assert gate.seen.wait(TIMEOUT), "the confirmation never left"
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=30)
    sim.gates.remove(gate)  # later requests pass
    gate.opened.set()  # the request the dead bench sent goes on (or is refused), as it would

    rows = _sql(
        pg_cluster, site_url, "SELECT state, sender_station FROM site_outbox WHERE po = %s", po
    )
    assert rows == [("sending", "pack-01")]
    flushed = site[1].run("outbox", "flush", "--wait", "60")
    wait_until(
        lambda: (
            _sql(pg_cluster, site_url, "SELECT state FROM site_outbox WHERE po = %s", po)
            == [("succeeded",)]
        ),
        90,
        f"the other bench to finish the dead bench's confirmation: {flushed}",
    )
    assert len(accepted_confirmations(sim.server, po)) == 1
    assert len(record(sim.server, po)["confirmations"]) == 1  # refused ones never reached it


def test_a_killed_benchs_claim_outlives_its_lease_while_its_label_request_is_in_flight(
    site: list[Bench], sim: Simulator, site_url: str, pg_cluster: PgCluster
) -> None:
    (po,) = random_pos(sim.server, 1)
    gate = Gate("POST", "shippingLabels", po)
    sim.gates.append(gate)
    victim = site[2].ship(po)
    assert gate.seen.wait(TIMEOUT), "the label request never left"
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=30)
    wait_until(
        lambda: (
            _sql(pg_cluster, site_url, "SELECT lease_until < now() FROM claims WHERE po = %s", po)
            == [(True,)]
        ),
        30,
        "the lease to lapse",
    )
    code, out = site[3].run("ship", po, "--box", BOX, "--wait", "30")
    assert code == 1 and "being packed at bench 3 by pack-03" in out, out

    gate.opened.set()  # the dead bench's label request completes at Amazon
    wait_until(
        lambda: (
            _sql(
                pg_cluster, site_url, "SELECT in_flight_until < now() FROM claims WHERE po = %s", po
            )
            == [(True,)]
        ),
        30,
        "the in-flight bound to pass",
    )
    code, out = site[3].run("ship", po, "--box", BOX, "--acknowledge", "--wait", "60")
    assert code == 0, out
    assert sim.label_creations(po) == 1  # the label Amazon made for the dead bench was reused
    assert len(accepted_confirmations(sim.server, po)) == 1


def test_the_database_stopped_mid_shift_loses_nothing_and_duplicates_nothing(
    site: list[Bench], sim: Simulator, site_url: str, pg_cluster: PgCluster
) -> None:
    """Scaled down from 30 s to about 8 s on this machine; the benches' behaviour is the same."""
    pos = random_pos(sim.server, 8)
    first = [bench.ship(po) for bench, po in zip(site, pos[:4], strict=True)]
    for run in first:
        assert finish(run)[0] == 0
    # Claimed before the outage, confirmed during it: held in each bench's journal.
    pg_cluster.stop()
    try:
        during = [bench.ship(po) for bench, po in zip(site, pos[4:], strict=True)]
        results = [finish(run) for run in during]
    finally:
        pg_cluster.start()
    for code, out in results:
        # A PO not claimed before the outage is refused, saying why; nothing is sent.
        assert code == 1 and "cannot be claimed" in out, out
    again = [bench.ship(po) for bench, po in zip(site, pos[4:], strict=True)]
    for run in again:
        code, out = finish(run)
        assert code == 0, out
    for po in pos:
        assert len(record(sim.server, po)["confirmations"]) == 1
        assert len(accepted_confirmations(sim.server, po)) == 1


def test_one_site_prefetch_at_a_time_and_every_bench_prints_from_the_shared_cache(
    site: list[Bench], sim: Simulator, site_url: str, pg_cluster: PgCluster
) -> None:
    listing = Gate("GET", "purchaseOrders", "")  # holds the first bench's order listing
    sim.gates.append(listing)
    first = site[0].start("prefetch", "--acknowledge")
    assert listing.seen.wait(TIMEOUT), "the first prefetch never listed the orders"
    code, out = site[1].run("prefetch", "--acknowledge")
    assert code == 1 and "already running at bench 1 by pack-01 since" in out, out
    sim.gates.remove(listing)
    listing.opened.set()
    code, out = finish(first)
    assert code == 0, out
    assert "site prefetch (shared cache): 60 orders listed" in out, out

    rows = _sql(
        pg_cluster,
        site_url,
        "SELECT DISTINCT po FROM site_documents WHERE kind = 'label' ORDER BY po",
    )
    assert rows, "nothing reached the site's cache"
    clear = _sql(pg_cluster, site_url, "SELECT count(*) FROM site_documents")[0][0]
    assert clear > 0
    (po,) = rows[0]
    assert sim.label_creations(po) == 1  # the prefetch's batched request
    code, out = finish(site[2].ship(po))
    assert code == 0, out
    assert sim.label_creations(po) == 1  # no second label request
    with sim._lock:
        label_gets = [p for m, p, _ in sim.calls if m == "GET" and f"shippingLabels/{po}" in p]
    assert label_gets == []  # printed from the site's cache: not even a GET of its label
    assert len(accepted_confirmations(sim.server, po)) == 1
    printed = list((site[2].home / "printers").rglob("*"))
    assert any(f.is_file() for f in printed), printed
    code, out = site[3].run("site", "status")
    assert code == 0 and "shift prefetch: finished at bench 1 by pack-01" in out, out
    assert "shared documents: " in out and "shared documents: 0 " not in out, out


def test_a_bench_with_another_site_key_is_refused_and_shares_nothing(
    site: list[Bench], sim: Simulator, site_url: str, pg_cluster: PgCluster
) -> None:
    wrong = base64.urlsafe_b64encode(os.urandom(32)).decode()
    code, out = site[3].run("prefetch", "--acknowledge", STATION_SITE_DATA_KEY=wrong)
    assert code == 1, out
    assert "site key does not match the site's" in out and "Re-join with the lead's key" in out
    assert _sql(pg_cluster, site_url, "SELECT count(*) FROM site_documents") == [(0,)]
    assert _sql(pg_cluster, site_url, "SELECT count(*) FROM site_prefetch") == [(0,)]
    with sim._lock:
        assert not [p for m, p, _ in sim.calls if "purchaseOrders" in p], "Amazon was asked"

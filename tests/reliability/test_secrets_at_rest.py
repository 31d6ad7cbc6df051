"""After a full shift, no secret and no customer address lies in clear in the station's files.

A station configured like a production one (credentials from ``STATION_LWA_*``, the data key in a
key store, file logging at debug level) prepares the shift, then ships every PO (labels, slips,
confirmations) against the simulator. Then every byte under its config, data, cache and log
folders — the SQLite journal with its WAL and shared-memory files included — and the support
bundle are searched for the refresh token, the client secret and every ship-to address string of
the simulator's orders. The printer output folder is outside the scan: labels and slips carry
addresses by nature.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.config import Settings, save_settings
from station.logs import configure_logging
from station.paths import StationPaths
from station.runtime import RuntimeOptions, build_runtime, demo_settings
from station.secrets import ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_REFRESH_TOKEN, MemorySecretStore
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.prefetch import PrefetchOptions, ShiftPreparation
from tests.reliability.record import report
from tests.reliability.shifts import BOX, FAST_HTTP, FAST_OUTBOX, acknowledge_all, plain_pos

REFRESH_TOKEN = "Atzr|IwEBIFakeRefreshToken-7c1d9e52b4a84f0f9a3e1b6c2d8e4f70"
CLIENT_SECRET = "amzn1.oa2-cs.v1.fake0secret5d2e8c4b1a7f3e9d0c6b2a8f4e1d7c3b9"
MIN_NEEDLE = 5  # shorter strings ("WA", "US") would match by chance


@pytest.fixture
def station_logging() -> Iterator[None]:
    logger = logging.getLogger("station")
    saved = (logger.level, list(logger.handlers), logger.propagate)
    yield
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(saved[0])
    for handler in saved[1]:
        logger.addHandler(handler)
    logger.propagate = saved[2]


def _needles(server: SimulatorServer, pos: list[str]) -> dict[str, str]:
    needles = {"refresh token": REFRESH_TOKEN, "client secret": CLIENT_SECRET}
    for po in pos:
        to = server.state.orders[po].ship_to
        for field in ("name", "address_line1", "address_line2", "city", "postal_code", "phone"):
            value = str(getattr(to, field) or "")
            if len(value) >= MIN_NEEDLE:
                needles[f"{po} ship-to {field}"] = value
    return needles


def _found(blob: bytes, needles: dict[str, str]) -> list[str]:
    hits = []
    lowered = blob.lower()
    for what, value in needles.items():
        forms = {value.encode(), value.encode("utf-16-le"), value.lower().encode()}
        if value.isdigit():
            # A bare number (a postal code) also occurs inside timestamps and counters
            # ("…:41.598101"): it counts only when no digit touches it.
            ascii_form = re.compile(rb"(?<![0-9])" + re.escape(value.encode()) + rb"(?![0-9])")
            if ascii_form.search(blob) or value.encode("utf-16-le") in blob:
                hits.append(what)
        elif any(form in blob or form in lowered for form in forms):
            hits.append(what)
    return hits


def test_no_secret_or_address_in_clear_after_a_shift(tmp_path: Path, station_logging: None) -> None:
    config = SimulatorConfig(seed=44, orders=60, processing_delay=0.02, rate_limits=False)
    home = StationPaths.under(tmp_path / "home")
    with SimulatorServer(config) as server:
        pos = plain_pos(server, 12)
        environ = {
            "STATION_SPAPI_URL": server.base_url,
            "STATION_LWA_URL": server.lwa_url,
            ENV_CLIENT_ID: "amzn1.application-oa2-client.fakeclientid",
            ENV_CLIENT_SECRET: CLIENT_SECRET,
            ENV_REFRESH_TOKEN: REFRESH_TOKEN,
        }
        settings = demo_settings(Settings(station_id="desk-pii"), tmp_path / "printed")
        settings = settings.model_copy(update={"environment": "production"})
        save_settings(settings, home.config_file)
        configure_logging(home.log_dir, verbose=2)  # debug: the most a log file ever holds
        options = RuntimeOptions(
            paths=home, environ=environ, secret_store=MemorySecretStore(), http_retry=FAST_HTTP
        )
        with build_runtime(options) as runtime:
            assert runtime.settings.environment == "production"
            runtime.api.http.rate_limiter.enabled = False
            acknowledge_all(runtime, pos)
            ShiftPreparation(
                runtime.gateway, runtime.documents, runtime.settings, journal=runtime.journal
            ).run(PrefetchOptions())
            worker = runtime.outbox_worker(policy=FAST_OUTBOX, settle_seconds=1.0)
            worker.start()
            engine = runtime.engine()
            slips = 0
            for po in pos:
                session = engine.scan_po(po)
                engine.set_boxes(session, [BOX])
                slips += session.needs_slip
                outcome = engine.wait_for_outcome(engine.confirm(session).id, 30)
                assert outcome.accepted, outcome
            bundle = _support_bundle(runtime, tmp_path / "bundle.zip")
            needles = _needles(server, pos)
            # While the station runs: the SQLite write-ahead log still holds recent pages.
            hits, scanned, files_open = _scan_home(tmp_path, needles)

    printed = list((tmp_path / "printed").rglob("*"))
    assert printed, "nothing printed: the shift did not happen"
    assert slips, "no packing slip in the shift"
    names = {p.name for p in files_open}
    assert "journal.sqlite3" in names and any(n.endswith(".log") for n in names), names
    closed_hits, closed_bytes, files = _scan_home(tmp_path, needles)  # and after closing
    hits += closed_hits
    scanned += closed_bytes
    if bundle is not None:
        with zipfile.ZipFile(bundle) as archive:
            for name in archive.namelist():
                blob = archive.read(name)
                scanned += len(blob)
                hits += [f"bundle/{name}: {what}" for what in _found(blob, needles)]
    report(
        "secrets.found",
        "secrets and ship-to strings found in clear after a shift",
        len(hits),
        target=0,
        detail=f"{len(pos)} POs shipped ({slips} with slips), {len(needles)} strings searched in "
        f"{len(files_open)} files while running ({', '.join(sorted(names))}), {len(files)} "
        f"after closing{' and the support bundle' if bundle else ''} "
        f"({scanned / 1024:.0f} KiB), utf-8, utf-16 and lower case",
    )
    assert not hits, hits


def _scan_home(tmp_path: Path, needles: dict[str, str]) -> tuple[list[str], int, list[Path]]:
    """Hits, bytes scanned and the files of the station's folders (printed output excluded)."""
    files = [p for p in (tmp_path / "home").rglob("*") if p.is_file()]
    hits: list[str] = []
    scanned = 0
    for path in files:
        blob = path.read_bytes()
        scanned += len(blob)
        hits += [f"{path.relative_to(tmp_path)}: {what}" for what in _found(blob, needles)]
    return hits, scanned, files


def _support_bundle(runtime: object, target: Path) -> Path | None:
    """The GUI's support bundle (no self-test: it proves nothing here), when Qt is installed."""
    try:
        from station.ui.support import build_support_bundle
    except ImportError:
        return None
    return build_support_bundle(runtime, target, self_test=list)  # type: ignore[arg-type]

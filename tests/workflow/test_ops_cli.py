"""The operations commands as a lead or an integrator runs them: ``station prefetch``,
``status-update``, ``history`` and ``purge``, through ``station.cli.main``."""

from __future__ import annotations

import base64
import csv
import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from station.cli import main
from station.config import Settings, save_settings
from station.journal import (
    DataKey,
    DocumentFormat,
    DocumentKind,
    EncryptedDocumentCache,
    Journal,
    RetentionPolicy,
    ShipmentStatus,
)
from station.paths import default_paths
from station.runtime import RuntimeOptions, build_runtime, demo_settings
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from station.workflow.order_cache import load_prefetched
from tests.workflow.ops_support import confirm

# -- history -------------------------------------------------------------------------------------


def _journal() -> Journal:
    paths = default_paths(dict(os.environ))
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    return Journal.open(paths.journal_file, station_id=Settings().station_id)


def test_history_lists_todays_shipments_and_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["history"]) == 0
    assert "No shipments recorded" in capsys.readouterr().out
    with _journal() as journal:
        journal.record_confirmation("PO1", ShipmentStatus.CONFIRMED, ship_method="UPS_GR_RES")
        journal.record_confirmation("PO2", ShipmentStatus.CONFIRMED, ship_method="UPS_GR_RES")
        journal.record_confirmation("PO3", ShipmentStatus.QUEUED, ship_method="FEDEX_GR")
        journal.record_confirmation(
            "PO4", ShipmentStatus.FAILED, ship_method="FEDEX_GR", errors=["EMPTY_PACKAGES: no"]
        )
        journal.record_scan("PO1")
    target = tmp_path / "today.csv"
    assert main(["history", "--today", "--csv", str(target)]) == 0
    out = capsys.readouterr().out
    for po, status in (("PO1", "confirmed"), ("PO3", "queued"), ("PO4", "failed")):
        assert any(po in line and status in line for line in out.splitlines()), out
    assert "EMPTY_PACKAGES: no" in out
    assert "4 shipments — 2 confirmed, 1 queued, 1 failed" in out
    assert "UPS_GR_RES: 2" in out and "FEDEX_GR: 1" in out
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["po"], r["status"]) for r in rows] == [
        ("PO1", "confirmed"),
        ("PO2", "confirmed"),
        ("PO3", "queued"),
        ("PO4", "failed"),
    ]
    assert main(["history", "--po", "PO1"]) == 0
    out = capsys.readouterr().out
    assert "scanned (scanner)" in out and "Shipment status: confirmed" in out


# -- purge ---------------------------------------------------------------------------------------


def test_purge_works_without_a_data_key(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["purge"]) == 0
    assert "No documents" in capsys.readouterr().out
    with _journal() as journal:
        cache = EncryptedDocumentCache(journal, DataKey.generate(), RetentionPolicy(30, 90))
        for po in ("OLD", "NEW"):
            cache.put(po, DocumentKind.LABEL, "1", DocumentFormat.ZPL, b"^XA^XZ")
        cache.mark_shipped("OLD", journal.now() - timedelta(days=31))
        cache.mark_shipped("NEW", journal.now() - timedelta(days=1))
    assert "STATION_DATA_KEY" not in os.environ  # the key above is gone for good
    assert main(["purge", "--dry-run"]) == 0
    assert "would delete 1 documents (1 shipped" in capsys.readouterr().out
    assert main(["purge"]) == 0
    assert "deleted 1 documents" in capsys.readouterr().out
    with _journal() as journal:
        cache = EncryptedDocumentCache(journal, DataKey.generate(), RetentionPolicy(30, 90))
        assert [i.po for i in cache.list()] == ["NEW"]


# -- status-update input errors ------------------------------------------------------------------


def test_a_malformed_carrier_file_names_its_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    carrier = tmp_path / "carrier.csv"
    carrier.write_text("po,tracking,event,at\n2ABC1234,T1,exploded,2026-11-23T08:00:00Z\n")
    assert main(["status-update", "--csv", str(carrier)]) == 1
    err = capsys.readouterr().err
    assert "line 2, column 'event'" in err and "what to do" in err
    assert main(["status-update", "2ABC1234", "--event", "delivered"]) == 2  # usage error
    assert "--tracking" in capsys.readouterr().err


# -- against a simulator, as an integrator's station -------------------------------------------


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SimulatorServer]:
    """A configured station (settings file, data key) talking to a loopback simulator."""
    config = SimulatorConfig(seed=20, orders=8, processing_delay=0, rate_limits=True)
    with SimulatorServer(config) as server:
        monkeypatch.setenv("STATION_SPAPI_URL", server.base_url)
        monkeypatch.setenv("STATION_LWA_URL", server.lwa_url)
        key = base64.urlsafe_b64encode(os.urandom(32)).decode()
        monkeypatch.setenv("STATION_DATA_KEY", key)
        settings = demo_settings(Settings(), tmp_path / "printers")
        save_settings(settings, default_paths(dict(os.environ)).config_file)
        yield server


def test_prefetch_then_a_status_update_from_the_command_line(
    station: SimulatorServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["prefetch", "--acknowledge"]) == 0
    out = capsys.readouterr().out
    # Two POs of one unit are labelled; five of several units wait for their cartons at the scan.
    assert (
        "8 orders listed; 2 kept for scanning, 2 labels requested, 1 skipped, "
        "5 left for their scan: several units, the label is requested with the cartons, 0 failed"
    ) in out
    assert main(["prefetch"]) == 0
    assert (
        "0 kept for scanning, 0 labels requested, 3 skipped, 5 left for their scan"
        in capsys.readouterr().out
    )

    voc = next(
        o.purchase_order_number
        for o in station.state.orders.values()
        if o.warehouse.voc and sum(line.quantity for line in o.lines) == 1
    )
    with build_runtime(RuntimeOptions()) as runtime:
        cached = load_prefetched(runtime.documents, voc)
        assert cached is not None and cached.labels is not None
        tracking = cached.labels.packages[0].tracking_number or ""
        args = ["status-update", voc, "--tracking", tracking, "--event", "out for delivery"]
        assert main([*args, "--country", "US"]) == 1  # not confirmed yet
        assert "not confirmed" in capsys.readouterr().err
        confirm(runtime, cached.order, cached.labels)
        # No --country: the station knows the order's ship-to country from the cache.
        assert main([*args, "--city", "Austin", "--codes", "edifact"]) == 0
        assert "1 accepted, 0 queued, 0 failed" in capsys.readouterr().out
        seen = station.state.record_json(voc)["orders"][voc]["statusUpdates"]
        assert [(u["statusCode"], u["outcome"]) for u in seen] == [("302", "accepted")]
    assert main(["history"]) == 0
    assert f"{voc}" in capsys.readouterr().out

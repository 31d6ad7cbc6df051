"""Retention by itself: documents past their retention period go when the station starts (the
real program, which deletes and logs how many) and again while it runs."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from station.config import load_settings
from station.journal import Journal
from station.journal.documents import DataKey, DocumentFormat, DocumentKind, EncryptedDocumentCache
from station.paths import StationPaths
from station.runtime import RuntimeOptions, build_runtime
from station.simulator.server import SimulatorServer
from tests.hostile.servers import run_station
from tests.hostile.test_network import _po


def _store_expired_label(home: Path, data_key: str, po: str) -> None:
    """A label shipped 60 days ago (the default keeps shipped documents 30 days)."""
    paths = StationPaths.under(home)
    settings = load_settings(paths.config_file)
    long_ago = datetime.now(UTC) - timedelta(days=60)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    with Journal.open(
        paths.journal_file, station_id=settings.station_id, clock=lambda: long_ago
    ) as journal:
        key = DataKey(base64.urlsafe_b64decode(data_key))
        cache = EncryptedDocumentCache(journal, key)
        cache.put(po, DocumentKind.LABEL, "", DocumentFormat.PNG, b"\x89PNG old label")
        cache.mark_shipped(po, at=long_ago)


def _documents(home: Path) -> int:
    paths = StationPaths.under(home)
    with Journal.open(paths.journal_file, station_id="reader") as journal, journal.read() as conn:
        return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])


def test_the_station_deletes_expired_documents_when_it_starts_and_logs_how_many(
    station_env: dict[str, str], isolated_station: Path, tmp_path: Path, simulator: SimulatorServer
) -> None:
    _store_expired_label(isolated_station, station_env["STATION_DATA_KEY"], "OLDPO1")
    assert _documents(isolated_station) == 1
    done = run_station("order", _po(simulator), env=station_env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _documents(isolated_station) == 0
    log = (StationPaths.under(isolated_station).log_dir / "station.log").read_text()
    assert "retention: deleted 1 documents (1 shipped more than 30 days ago" in log, log


def test_retention_runs_again_while_the_station_runs(
    station_env: dict[str, str], isolated_station: Path
) -> None:
    environ = dict(station_env, STATION_RETENTION_INTERVAL_SECONDS="0.2")
    with build_runtime(RuntimeOptions(environ=environ)):
        _store_expired_label(isolated_station, station_env["STATION_DATA_KEY"], "OLDPO2")
        deadline = time.monotonic() + 30
        while _documents(isolated_station) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _documents(isolated_station) == 0

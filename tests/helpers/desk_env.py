"""The environment of a real ``station`` subprocess working against a loopback simulator."""

from __future__ import annotations

import base64
import os
from pathlib import Path

from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import demo_settings
from station.simulator.server import SimulatorServer
from tests.helpers.contract import REPO_ROOT


def desk_environment(
    home: Path,
    server: SimulatorServer | None = None,
    *,
    urls: tuple[str, str] | None = None,
    settings: Settings | None = None,
    settle_seconds: str = "1.0",
) -> dict[str, str]:
    """Save a demo station's settings in ``home`` and return its process environment.

    The station talks to ``server`` (a simulator), or to ``urls`` (SP-API, LWA) when given.

    ``settle_seconds`` must stay far beyond the simulator's processing time: an unknown send is
    only resent once Amazon would have shown the order shipped had it arrived.
    """
    if urls is None:
        assert server is not None, "a simulator or the URLs to talk to"
        urls = (server.base_url, server.lwa_url)
    spapi_url, lwa_url = urls
    if settings is None:
        settings = demo_settings(Settings(station_id=home.name), home / "printers")
    save_settings(settings, StationPaths.under(home).config_file)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STATION_") or key == "STATION_SPAPI_MODELS"
    }
    env.update(
        STATION_HOME=str(home),
        STATION_SPAPI_URL=spapi_url,
        STATION_LWA_URL=lwa_url,
        STATION_DATA_KEY=base64.urlsafe_b64encode(os.urandom(32)).decode(),
        STATION_OUTBOX_RETRY_SECONDS="0.05",
        STATION_OUTBOX_SETTLE_SECONDS=settle_seconds,
        PYTHONPATH=str(REPO_ROOT),
    )
    return env

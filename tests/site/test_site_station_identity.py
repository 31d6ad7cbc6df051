"""Two data folders with the same station id (the default is the host name: two folders on one
host, or two PCs with one name) are two benches of a site, never one: joining with an id or a
bench name another station of the site holds is refused, and a PO shipped at one of them is
refused at the other before anything prints — through the real ``station`` program."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import demo_settings
from tests.helpers.postgres import PgCluster
from tests.site.conftest import PASSWORD
from tests.site.test_site_processes import (  # noqa: F401 - the simulator fixture
    BOX,
    Bench,
    Simulator,
    sim,
)
from tests.workflow.conftest import accepted_confirmations, random_pos

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def _bench(
    number: int, root: Path, server: Simulator, data_key: str, station_id: str | None
) -> Bench:
    bench = Bench(number, root, server.server, data_key)
    settings = Settings() if station_id is None else Settings(station_id=station_id)
    bench.station_id = settings.station_id
    save_settings(
        demo_settings(settings, bench.home / "printers"),
        StationPaths.under(bench.home).config_file,
    )
    return bench


def _printed(bench: Bench) -> list[str]:
    folder = bench.home / "printers"
    return sorted(p.name for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_two_folders_with_one_station_id_never_merge_nor_reprint(
    site_url: str,
    sim: Simulator,  # noqa: F811 - the fixture imported above
    tmp_path: Path,
    pg_cluster: PgCluster,
) -> None:
    data_key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    first = _bench(1, tmp_path, sim, data_key, None)  # station_id unset: the host name
    second = _bench(2, tmp_path, sim, data_key, None)
    assert first.station_id == second.station_id

    code, out = first.run("site", "init", site_url, "--bench", "1", STATION_SITE_PASSWORD=PASSWORD)
    assert code == 0, out
    site_key = out.strip().splitlines()[-1].strip()
    secrets = {"STATION_SITE_PASSWORD": PASSWORD, "STATION_SITE_DATA_KEY": site_key}

    # The second folder joins with the same (default) station id: refused, saying how to fix it.
    code, out = second.run("site", "join", site_url, "--bench", "2", **secrets)
    assert code == 1, out
    assert f"station id {first.station_id}" in out and "bench 1" in out, out
    assert "station_id" in out and "what to do:" in out, out
    assert "journal_url" not in StationPaths.under(second.home).config_file.read_text() or (
        site_url not in StationPaths.under(second.home).config_file.read_text()
    )
    # A bench name another station holds is refused too.
    third = _bench(3, tmp_path, sim, data_key, "pack-03")
    code, out = third.run("site", "join", site_url, "--bench", "1", **secrets)
    assert code == 1 and "Bench 1 of this site" in out and first.station_id in out, out
    # The same folder joining again (e.g. to change its bench) is itself, not another station.
    code, out = first.run("site", "join", site_url, "--bench", "1", **secrets)
    assert code == 0, out

    # Even when two folders with one id end up in the site (a settings file edited by hand, a
    # site set up before this check), a PO shipped at one is refused at the other before printing.
    second_config = StationPaths.under(second.home).config_file
    second_config.write_text(
        StationPaths.under(first.home)
        .config_file.read_text()
        .replace(str(first.home), str(second.home))
    )
    (po,) = random_pos(sim.server, 1)
    code, out = first.run("ship", po, "--box", BOX, "--acknowledge", "--wait", "60", **secrets)
    assert code == 0, out
    code, out = second.run("ship", po, "--box", BOX, "--wait", "60", **secrets)
    assert code == 1, out
    assert f"PO {po} was packed at bench 1" in out, out
    assert _printed(second) == [], out
    assert len(accepted_confirmations(sim.server, po)) == 1

    code, out = first.run("site", "status", **secrets)
    assert code == 0, out
    assert out.count(first.station_id) >= 1 and "pack-03" not in out, out

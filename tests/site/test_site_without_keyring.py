"""A bench without a system keyring joins a site with the README's environment variables.

README: "unattended installs give them as STATION_SITE_PASSWORD and STATION_SITE_DATA_KEY. Both
write journal_url and bench into the settings". Until this was fixed `station site init/join`
refused to run without a keyring even with both variables given. The secrets stay in the
variables: never in the settings file, the log or the database.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from station.config import Settings, save_settings
from station.paths import StationPaths
from tests.helpers.contract import REPO_ROOT
from tests.helpers.postgres import PgCluster
from tests.site.conftest import PASSWORD

TIMEOUT = 120


def _station(home: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env.update(
        STATION_HOME=str(home),
        PYTHONPATH=str(REPO_ROOT),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # no keyring at all
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    result = subprocess.run(
        [sys.executable, "-m", "station", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


def _join(home: Path, site_url: str, key: str) -> subprocess.CompletedProcess[str]:
    return _station(
        home,
        "site",
        "join",
        site_url,
        "--bench",
        "2",
        STATION_SITE_PASSWORD=PASSWORD,
        STATION_SITE_DATA_KEY=key,
    )


def _everything_written(home: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", errors="replace")
        for p in home.rglob("*")
        if p.is_file() and p.suffix != ".sqlite3"
    )


def test_init_and_join_without_a_keyring_use_the_environment(
    site_url: str, pg_cluster: PgCluster, tmp_path: Path
) -> None:
    first, second = tmp_path / "bench1", tmp_path / "bench2"
    for number, home in enumerate((first, second), start=1):
        save_settings(Settings(station_id=f"pack-0{number}"), StationPaths.under(home).config_file)

    init = _station(first, "site", "init", site_url, "--bench", "1", STATION_SITE_PASSWORD=PASSWORD)
    assert init.returncode == 0, init.stdout + init.stderr
    assert "STATION_SITE_PASSWORD" in init.stdout + init.stderr  # says where the secret stays
    key = init.stdout.strip().splitlines()[-1].strip()

    join = _join(second, site_url, key)
    assert join.returncode == 0, join.stdout + join.stderr
    assert "joined the site" in join.stdout

    for home, bench in ((first, "1"), (second, "2")):
        settings = StationPaths.under(home).config_file.read_text(encoding="utf-8")
        assert site_url.split("?")[0] in settings and f'"bench": "{bench}"' in settings
        written = _everything_written(home)
        assert PASSWORD not in written and key not in written

    status = _station(second, "site", "status", STATION_SITE_PASSWORD=PASSWORD)
    assert status.returncode == 0, status.stdout + status.stderr
    assert "pack-01" in status.stdout and "pack-02" in status.stdout

    wrong = _join(second, site_url, "A" * 43 + "=")
    assert wrong.returncode == 1 and "not this site's data key" in wrong.stderr


def test_join_without_a_keyring_needs_the_data_key_variable(
    site_url: str, pg_cluster: PgCluster, tmp_path: Path
) -> None:
    home = tmp_path / "bench"
    save_settings(Settings(station_id="pack-09"), StationPaths.under(home).config_file)
    result = _station(
        home, "site", "join", site_url, "--bench", "9", STATION_SITE_PASSWORD=PASSWORD
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "STATION_SITE_DATA_KEY" in result.stderr and "keyring" in result.stderr
    settings = StationPaths.under(home).config_file.read_text(encoding="utf-8")
    assert "postgresql" not in settings  # nothing was saved

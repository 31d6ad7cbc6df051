"""What ``station site init/join/status`` say when something is wrong, through the real
program: each message fits the command that failed, usage errors exit 2, errors go to standard
error with the usual ``what to do:`` line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from station.config import Settings, save_settings
from station.paths import StationPaths
from tests.helpers.contract import REPO_ROOT
from tests.helpers.postgres import PgCluster
from tests.site.conftest import PASSWORD

BENCH_HINT = "goes on with the POs it already claimed"


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(home: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    base.update(
        STATION_HOME=str(home),
        PYTHON_KEYRING_BACKEND="tests.helpers.file_keyring.FileKeyring",
        STATION_TEST_KEYRING_FILE=str(home / "keyring.json"),
        PYTHONPATH=str(REPO_ROOT),
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-m", "station", *args],
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


@pytest.mark.parametrize("command", ["init", "join"])
def test_setting_up_against_an_unreachable_database_says_nothing_was_saved(
    tmp_path: Path, command: str
) -> None:
    url = f"postgresql://packing@127.0.0.1:{_closed_port()}/station?sslmode=disable"
    result = _run(
        tmp_path,
        "site",
        command,
        url,
        "--bench",
        "1",
        STATION_SITE_PASSWORD="x",
        STATION_SITE_DATA_KEY="A" * 43 + "=",
    )
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "cannot be reached" in result.stderr and "what to do:" in result.stderr
    assert "Nothing was saved" in result.stderr
    assert BENCH_HINT not in result.stderr and "confirmations wait" not in result.stderr


def test_init_with_a_wrong_password_says_to_run_init_again(
    tmp_path: Path, site_url: str, pg_cluster: PgCluster
) -> None:
    result = _run(tmp_path, "site", "init", site_url, "--bench", "1", STATION_SITE_PASSWORD="no")
    assert result.returncode == 1, result
    assert "refused the password" in result.stderr and "what to do:" in result.stderr
    assert "`station site init`" in result.stderr and "site join" not in result.stderr
    assert "Nothing was saved" in result.stderr
    assert PASSWORD not in result.stderr


@pytest.mark.parametrize("command", ["init", "join"])
def test_a_malformed_bench_name_is_a_usage_error_in_the_words_of_the_command_line(
    tmp_path: Path, command: str
) -> None:
    url = f"postgresql://packing@127.0.0.1:{_closed_port()}/station"
    result = _run(tmp_path, "site", command, url, "--bench", "x;y")
    assert result.returncode == 2, result
    assert "--bench" in result.stderr and "'x;y'" in result.stderr, result.stderr
    assert "letters, digits" in result.stderr and "what to do:" in result.stderr
    assert "pattern" not in result.stderr and "^" not in result.stderr
    assert "settings file" not in result.stderr
    assert not StationPaths.under(tmp_path).config_file.exists() or (
        "x;y" not in StationPaths.under(tmp_path).config_file.read_text()
    )


@pytest.mark.parametrize("command", ["init", "join"])
def test_an_address_holding_the_password_is_a_usage_error_saying_where_it_goes(
    tmp_path: Path, command: str
) -> None:
    secret = "s3cret-in-url"
    url = f"postgresql://packing:{secret}@127.0.0.1:{_closed_port()}/station"
    result = _run(tmp_path, "site", command, url, "--bench", "2")
    assert result.returncode == 2, result
    assert "must not contain the database password" in result.stderr
    assert "postgresql://USER@HOST" in result.stderr and "STATION_SITE_PASSWORD" in result.stderr
    assert "keyring" in result.stderr
    assert secret not in result.stdout + result.stderr


def test_status_with_the_database_away_is_an_error_on_standard_error(tmp_path: Path) -> None:
    url = f"postgresql://packing@127.0.0.1:{_closed_port()}/station?sslmode=disable"
    save_settings(
        Settings(station_id="pack-01", bench="1", journal_url=url),
        StationPaths.under(tmp_path).config_file,
    )
    result = _run(tmp_path, "site", "status", STATION_SITE_PASSWORD="x")
    assert result.returncode == 1, result
    assert result.stdout == ""
    assert "cannot be reached" in result.stderr, result.stderr
    assert "\n  what to do: " in result.stderr, result.stderr
    assert BENCH_HINT not in result.stderr

"""Hostile files: ``/dev/zero`` reads for ever, a FIFO blocks whoever opens it, a huge file eats
memory. Every file input takes only a regular file of sane size, through the real program.
(On Windows the device is NUL and the pipe a named pipe: tests/helpers/hostile_files.py.)"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from station.config import load_settings
from station.errors import ConfigError, ContentError
from station.files import read_input_file
from tests.helpers.hostile_files import DEVICE, pipe
from tests.hostile.servers import run_station


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    with pipe(tmp_path, "label.zpl") as path:
        yield path


def _station(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env["STATION_HOME"] = str(cwd / "home")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    # A build without the checks waits on the FIFO until the timeout.
    return run_station(*args, env=env, cwd=cwd, timeout=60)


@pytest.mark.parametrize("source", ["device", "fifo"])
def test_station_print_refuses_a_device_or_a_pipe_at_once(
    source: str, fifo: Path, tmp_path: Path
) -> None:
    path = str(fifo) if source == "fifo" else str(DEVICE)
    done = _station("print", path, "--printer", (tmp_path / "out").as_uri(), cwd=tmp_path)
    assert done.returncode != 0
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_station_render_refuses_a_pipe(fifo: Path, tmp_path: Path) -> None:
    done = _station("render", str(fifo), "-o", str(tmp_path / "x.png"), cwd=tmp_path)
    assert done.returncode != 0
    assert "not a regular file" in done.stderr, done.stderr


def test_station_status_update_refuses_dev_zero_as_a_carrier_file(tmp_path: Path) -> None:
    done = _station("status-update", "--csv", str(DEVICE), cwd=tmp_path)
    assert done.returncode != 0
    assert "not a regular file" in done.stderr, done.stderr


def test_a_settings_file_that_is_a_pipe_is_a_config_error(fifo: Path) -> None:
    with pytest.raises(ConfigError, match="not a regular file"):
        load_settings(fifo)


def test_a_file_over_its_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    with big.open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(ContentError, match="larger than 50 MiB"):
        read_input_file(big, what="file to print", limit=50 * 1024 * 1024)
    done = _station("print", str(big), "--printer", (tmp_path / "out").as_uri(), cwd=tmp_path)
    assert done.returncode != 0 and "larger than 50 MiB" in done.stderr, done.stderr

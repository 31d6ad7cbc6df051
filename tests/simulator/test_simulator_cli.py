"""``station simulator`` as a user runs it: a real process, its output, Ctrl+C."""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys

import httpx
import pytest

from station.cli import simulator as cli
from station.simulator.config import SimulatorConfig
from station.simulator.server import SimulatorServer
from tests.helpers.windows import under_wine


def test_arguments_are_parsed_into_a_config() -> None:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    args = parser.parse_args(
        [
            "--port",
            "0",
            "--seed",
            "4",
            "--orders",
            "9",
            "--latency-ms",
            "5",
            "--fault-rate",
            "0.1",
            "--no-rate-limits",
        ]
    )
    assert (args.seed, args.orders, args.latency_ms, args.fault_rate) == (4, 9, 5, 0.1)
    assert args.no_rate_limits and not args.static_sandbox


@pytest.mark.skipif(
    under_wine(),
    reason="wine gives a program whose stdio are pipes no console, and Ctrl+Break travels "
    "through one (GenerateConsoleCtrlEvent fails): the Windows workflow runs this",
)
def test_the_command_serves_until_interrupted() -> None:
    # Windows has no SIGINT for another process: a script sends Ctrl+Break to a child started
    # in its own process group, and the simulator stops on it as on Ctrl+C.
    windows = sys.platform == "win32"
    process = subprocess.Popen(
        [sys.executable, "-m", "station", "simulator", "--port", "0", "--seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        creationflags=subprocess.CREATE_NEW_PROCESS_GROUP if windows else 0,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Press Ctrl+C"):
                break
        text = "".join(lines)
        url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", text)
        assert url, text
        assert f"STATION_SPAPI_URL={url.group(1)}" in text
        assert f"STATION_LWA_URL={url.group(1)}/auth/o2/token" in text
        pos = re.search(r"Scannable PO numbers: (.+)", text)
        assert pos
        expected = SimulatorServer(SimulatorConfig(seed=3)).scannable_pos(5)
        assert pos.group(1).split() == expected
        health = httpx.get(url.group(1) + "/_simulator/health").json()
        assert health["seed"] == 3
        process.send_signal(signal.CTRL_BREAK_EVENT if windows else signal.SIGINT)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--orders", "0"], 2, "--orders: 0 is outside 1"),  # usage errors: exit 2
        (["--fault-rate", "3"], 2, "--fault-rate: '3' is outside 0 … 1"),
        (["--static-sandbox"], 1, "what to do:"),
    ],
)
def test_bad_options_fail_with_a_message(args: list[str], code: int, says: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "station", "simulator", *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == code
    assert says in result.stderr
    assert "Traceback" not in result.stderr

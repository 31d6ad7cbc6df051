"""What lands at rest and on screen: Amazon's error text is scrubbed like a log line before the
journal stores it or ``station history`` shows it (an access token echoed in an error message)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from station.paths import StationPaths
from station.simulator.server import SimulatorServer
from tests.hostile.servers import HostileProxy, Rule, run_station
from tests.hostile.test_network import CONFIRM, _po

TOKEN = "Atza|IwEBIHostileEchoedAccessToken0123456789"
SECRET = "amzn1.oa2-cs.v1.hostileechoedclientsecret0123"


def _station(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_station(*args, env=env, cwd=cwd)


def test_an_access_token_echoed_by_amazon_reaches_neither_the_journal_nor_history(
    proxy: HostileProxy,
    simulator: SimulatorServer,
    station_env: dict[str, str],
    isolated_station: Path,
    tmp_path: Path,
) -> None:
    echo = {
        "errors": [
            {
                "code": "InvalidInput",
                "message": f"Bad request with x-amz-access-token: {TOKEN}",
                "details": f"client_secret={SECRET}",
            }
        ]
    }
    proxy.rules.append(Rule(CONFIRM, "answer", status=400, body=json.dumps(echo).encode()))
    po = _po(simulator)
    shipped = _station("ship", po, "--box", "12x8x4in:1.5lb", "--acknowledge", "--wait", "5",
                       env=station_env, cwd=tmp_path)  # fmt: skip
    assert proxy.rules[0].hits >= 1, shipped.stdout + shipped.stderr
    history = _station("history", "--po", po, env=station_env, cwd=tmp_path)
    shown = shipped.stdout + shipped.stderr + history.stdout + history.stderr
    assert "InvalidInput" in shown, shown  # Amazon's refusal is shown…
    assert "IwEBIHostile" not in shown and "hostileechoed" not in shown, shown  # …scrubbed
    at_rest = b"".join(
        path.read_bytes() for path in StationPaths.under(isolated_station).data_dir.rglob("*")
        if path.is_file()
    )  # fmt: skip
    assert b"IwEBIHostile" not in at_rest and b"hostileechoed" not in at_rest

"""End to end in demo mode, through the real ``station --demo mcf`` program: 20 web-shop orders
imported, previewed, 15 sent (3 in a blank box) while the sending process is killed with SIGKILL,
2 cancelled, tracking seen for the rest and exported.

Each command is its own process with its own embedded simulator; what Amazon would remember lives
in the demo folder of the station's data folder (``simulator-mcf.json``), and that record is the
oracle: no order was ever created twice. ``station mcf import`` and ``list`` are local: they work
with no simulator address, no seller connection and nothing listening.
"""

from __future__ import annotations

import base64
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from station.config import Settings, save_settings
from station.paths import StationPaths
from station.runtime import DEMO_MCF_FOLDER, DEMO_MCF_WORLD, demo_settings
from tests.helpers.contract import REPO_ROOT
from tests.workflow.test_mcf_cli import BLANK_BOX, RUN_TIMEOUT, write_orders


def demo_env(home: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STATION_") or key == "STATION_SPAPI_MODELS"
    }
    env.update(STATION_HOME=str(home), PYTHONPATH=str(REPO_ROOT), **extra)
    return env


def station(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )


def world_file(home: Path) -> Path:
    return StationPaths.under(home).data_dir / DEMO_MCF_FOLDER / DEMO_MCF_WORLD


def world(home: Path) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(world_file(home).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"creates": [], "orders": []}
    return data


def advance_clock(home: Path, seconds: float) -> None:
    """What ``POST /_simulator/clock`` does for a simulator that runs on: here the world is a
    file between runs, and its clock offset is part of it."""
    data = world(home)
    data["clockOffsetSeconds"] = data.get("clockOffsetSeconds", 0) + seconds
    temporary = world_file(home).with_suffix(".test.tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, world_file(home))  # a running station may be reading it


def send_with_kills(env: dict[str, str], home: Path, names: list[str]) -> int:
    """``station --demo mcf send`` SIGKILLed mid-way a few times, then run to the end."""
    kills = 0
    slow = {**env, "STATION_DEMO_LATENCY_MS": "80"}  # every answer late: kills land mid-send
    for target in (2, 6, 11):
        process = subprocess.Popen(
            [sys.executable, "-m", "station", "--demo", "mcf", "send", *names],
            env=slow,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + RUN_TIMEOUT
        while len(world(home)["creates"]) < target and process.poll() is None:
            assert time.monotonic() < deadline, "no create reached the demo simulator in time"
            time.sleep(0.01)
        if process.poll() is None:
            process.kill()
            kills += 1
        process.wait(timeout=RUN_TIMEOUT)
    for _attempt in range(5):
        done = station(env, "--demo", "mcf", "send", *names)
        if done.returncode == 0:
            return kills
    raise AssertionError(f"send never finished: {done.stdout}\n{done.stderr}")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_twenty_orders_in_demo_mode_with_kill_9(tmp_path: Path) -> None:
    home = tmp_path / "lead"
    env = demo_env(home)
    names = write_orders(tmp_path / "orders.csv")

    imported = station(env, "--demo", "mcf", "import", str(tmp_path / "orders.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 20 order(s)" in imported.stdout

    preview = station(env, "--demo", "mcf", "preview", "W1003")
    assert preview.returncode == 0, preview.stderr
    assert "Standard" in preview.stdout and "fees" in preview.stdout
    assert "BLANK_BOX" in preview.stdout
    assert "Customer" not in preview.stdout + preview.stderr  # no address on screen

    to_send = names[:15]
    assert send_with_kills(env, home, to_send) >= 1

    record = world(home)
    per_order: dict[str, list[str]] = {}
    for attempt in record["creates"]:
        per_order.setdefault(attempt["orderId"], []).append(attempt["result"])
    assert sorted(per_order) == sorted(to_send)
    for name, results in per_order.items():
        # A retry reads the order back first: never a second create, not even a refused one.
        assert results == ["created"], (name, results)
    blank = {o["order_id"] for o in record["orders"] if "BLANK_BOX" in o["features"]}
    assert blank == BLANK_BOX

    cancelled = station(env, "--demo", "mcf", "cancel", "W1001", "W1002")
    assert cancelled.returncode == 0, cancelled.stderr

    advance_clock(home, 400 + 4 * 3600)
    export = tmp_path / "tracking.csv"
    tracked = station(env, "--demo", "mcf", "track", "--export", str(export))
    assert tracked.returncode == 0, tracked.stderr
    assert "TBA" in tracked.stdout  # tracking numbers seen on the terminal
    with export.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["shop_order"] for r in rows} == set(to_send) - {"W1001", "W1002"}
    assert all(r["tracking_number"] and r["status"] == "COMPLETE" for r in rows)

    listed = station(env, "--demo", "mcf", "list")
    assert listed.returncode == 0, listed.stderr
    by_order = {line.split()[1]: line.split()[2] for line in listed.stdout.splitlines()}
    assert [by_order[n] for n in names[15:]] == ["imported"] * 5
    assert by_order["W1001"] == by_order["W1002"] == "cancelled"
    assert "TBA" in listed.stdout
    record = world(home)
    assert len(record["orders"]) == 15
    assert len(record["creates"]) == 15


def test_local_commands_need_no_simulator_seller_or_network(tmp_path: Path) -> None:
    """A station set up for the simulator, with no simulator address, no seller credentials and
    nothing listening: import, list, pack-here and purge still work; what does need Amazon says
    so."""
    home = tmp_path / "lead"
    settings = demo_settings(Settings(station_id="lead"), home / "printers")
    save_settings(settings, StationPaths.under(home).config_file)
    key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    env = demo_env(home, STATION_DATA_KEY=key)
    write_orders(tmp_path / "orders.csv")

    imported = station(env, "mcf", "import", str(tmp_path / "orders.csv"))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 20 order(s)" in imported.stdout
    listed = station(env, "mcf", "list", "--state", "imported")
    assert listed.returncode == 0, listed.stderr
    header, *listed_orders = listed.stdout.splitlines()
    assert header.startswith("ORDER_ID") and len(listed_orders) == 20
    # Listing needs no key either: the addresses stay sealed.
    listed = station({k: v for k, v in env.items() if k != "STATION_DATA_KEY"}, "mcf", "list")
    assert listed.returncode == 0, listed.stderr

    here = station(env, "mcf", "pack-here", "W1020")
    assert here.returncode == 0 and "pack_here" in here.stdout, here.stderr
    purged = station(env, "mcf", "purge", "--days", "1")
    assert purged.returncode == 0 and "Forgot 0" in purged.stdout, purged.stderr

    preview = station(env, "mcf", "preview", "W1001")
    assert preview.returncode == 1
    assert "no simulator address" in preview.stderr

    # Demo mode: the same, on the demo folder, with no simulator started.
    demo_import = station(env, "--demo", "mcf", "import", str(tmp_path / "orders.csv"))
    assert demo_import.returncode == 0, demo_import.stderr
    assert not world_file(home).exists()  # the simulator never ran
    demo_list = station(env, "--demo", "mcf", "list")
    assert demo_list.returncode == 0, demo_list.stderr
    header, *demo_orders = demo_list.stdout.splitlines()
    assert header.startswith("ORDER_ID") and len(demo_orders) == 20


def test_send_refuses_what_the_preview_says_amazon_cannot_fill(tmp_path: Path) -> None:
    """A batch `station --demo mcf send`: the order Amazon does not ship to (ExportRestricted)
    and the one short in FBA stock are refused, each on its line with what to do, nothing
    created for them; the others are sent; exit 1 (README: failed). --despite-preview sends."""
    home = tmp_path / "lead"
    env = demo_env(home)
    orders = tmp_path / "orders.csv"
    orders.write_text(
        "shop_order,name,address1,city,state,postal_code,country,sku,quantity,speed\n"
        "#1001,Ana Souza,100 Pike St,Seattle,WA,98101,US,MCF-MUG-RED,1,Standard\n"
        "#1002,Jean Tremblay,1 Rue Sainte-Catherine,Montreal,QC,H3B 1A7,CA,MCF-MUG-RED,1,\n"
        "#1003,Bo Lee,5 Pine St,Seattle,WA,98102,US,MCF-BOOK,1,Standard\n"
        "#1004,Cy Park,7 Pine St,Seattle,WA,98103,US,MCF-LAMP,5,Standard\n",
        encoding="utf-8",
    )
    assert station(env, "--demo", "mcf", "import", str(orders)).returncode == 0
    previewed = station(env, "--demo", "mcf", "preview", "#1002")
    assert previewed.returncode == 0, previewed.stderr
    assert previewed.stdout.count("(export restricted)") == 3
    assert "`station mcf send` would not send it (Standard): Pack it here" in previewed.stdout
    previewed = station(env, "--demo", "mcf", "preview", "#1004")
    assert "SHORT: not enough FBA stock of MCF-LAMP" in previewed.stdout
    assert "would not send it (Standard): Fix the FBA stock" in previewed.stdout

    sent = station(env, "--demo", "mcf", "send", "#1001", "#1002", "#1003", "#1004")
    assert sent.returncode == 1, sent.stdout + sent.stderr
    refusals = {
        line.split(":")[1].strip(): line for line in sent.stderr.splitlines() if "not sent" in line
    }
    assert sorted(refusals) == ["#1002", "#1004"], sent.stderr
    assert "export restricted" in refusals["#1002"]
    assert "not enough FBA stock of MCF-LAMP" in refusals["#1004"]
    assert "Pack it here" in sent.stderr and "Fix the FBA stock" in sent.stderr
    assert "--despite-preview" in sent.stderr
    assert "Montreal" not in sent.stdout + sent.stderr  # no address on the terminal
    created = {c["displayableOrderId"]: c["result"] for c in world(home)["creates"]}
    assert created == {"#1001": "created", "#1003": "created"}

    listed = station(env, "--demo", "mcf", "list")
    header, *rows_listed = listed.stdout.splitlines()
    assert header.startswith("ORDER_ID"), listed.stdout
    states = {line.split()[1]: line.split()[2] for line in rows_listed}
    assert states == {"#1001": "sent", "#1002": "imported", "#1003": "sent", "#1004": "imported"}

    anyway = station(env, "--demo", "mcf", "send", "#1004", "--despite-preview")
    assert anyway.returncode == 0, anyway.stderr
    assert world(home)["creates"][-1] == {**world(home)["creates"][-1], "result": "created"}
    restricted = station(env, "--demo", "mcf", "send", "#1002", "--despite-preview")
    assert restricted.returncode == 1
    assert "ExportRestricted" in restricted.stderr
    assert world(home)["creates"][-1]["result"] == "refused-export-restricted"

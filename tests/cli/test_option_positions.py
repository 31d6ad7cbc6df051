"""Global options work before and after the command, as ``--opt value`` and ``--opt=value``."""

from __future__ import annotations

from pathlib import Path

import pytest

from station.simulator.server import SimulatorServer
from tests.cli.conftest import Station, fresh_po

BOX = "12x8x4in:1.5kg"


def _forms(command: list[str], option: str, value: str) -> list[list[str]]:
    return [
        [option, value, *command],
        [f"{option}={value}", *command],
        [*command, option, value],
        [*command, f"{option}={value}"],
    ]


@pytest.mark.parametrize("command", [["history"], ["printers"], ["outbox", "list"], ["purge"]])
def test_commands_that_print_nothing_accept_the_printer_options_anywhere(
    station: Station, command: list[str], tmp_path: Path
) -> None:
    for argv in _forms(command, "--label-printer", (tmp_path / "labels").as_uri()):
        result = station(*argv)
        assert result.code == 0, str(result)
        assert "unrecognized" not in result.err


@pytest.mark.parametrize("position", range(4))
def test_ship_takes_the_label_printer_before_or_after_the_command(
    configured: Station, simulator: SimulatorServer, tmp_path: Path, position: int
) -> None:
    labels = tmp_path / f"labels-{position}"
    po = fresh_po(simulator)
    argv = _forms(["ship", po, "--box", BOX, "--acknowledge"], "--label-printer", labels.as_uri())
    result = configured(*argv[position])
    assert result.code == 0, str(result)
    assert f"PO {po}: Amazon accepted the shipment" in result.out
    assert any(labels.iterdir()), f"the label was not printed in {labels}: {result}"


def test_prefetch_takes_the_printer_options_after_the_command(
    configured: Station, tmp_path: Path
) -> None:
    result = configured(
        "prefetch", "--acknowledge", "--slip-printer", (tmp_path / "slips").as_uri(), "-v"
    )
    assert result.code in (0, 1), str(result)
    assert "unrecognized" not in result.err and "AttributeError" not in result.err


def test_demo_and_verbose_before_or_after_the_command(station: Station) -> None:
    for argv in (["--demo", "outbox", "list"], ["outbox", "list", "--demo"], ["-v", "history"]):
        result = station(*argv)
        assert result.code == 0, str(result)


def test_option_names_are_never_abbreviated(station: Station) -> None:
    result = station("history", "--dat", "2026-01-02")
    assert result.code == 2, str(result)
    assert "unrecognized arguments: --dat" in result.err

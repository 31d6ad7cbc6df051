"""Sound degrades to the system beep, with one log line, when no sound server answers."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from station.ui.audio import sound_server
from station.ui.feedback import Sound, SoundPlayer

# PulseAudio's native protocol listens on a unix socket, and the station asks for it only on
# Linux (sound_server(platform=...)); the Windows Python has no AF_UNIX to make one with.
needs_unix_sockets = pytest.mark.skipif(
    not hasattr(socket, "AF_UNIX"),
    reason="no unix sockets in this Python (Windows): PulseAudio is Linux's",
)


@pytest.fixture
def listening_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pulse" / "native"
    path.parent.mkdir()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    try:
        yield path
    finally:
        server.close()


@needs_unix_sockets
def test_a_listening_pulse_socket_is_a_server(listening_socket: Path) -> None:
    env = {"XDG_RUNTIME_DIR": str(listening_socket.parent.parent)}
    assert sound_server(env, platform="linux") == f"unix:{listening_socket}"
    assert sound_server({"PULSE_SERVER": f"unix:{listening_socket}"}, platform="linux")


@needs_unix_sockets
def test_a_socket_left_by_a_crashed_server_is_not(tmp_path: Path) -> None:
    path = tmp_path / "pulse" / "native"
    path.parent.mkdir()
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()  # the file stays, nobody listens
    assert path.exists()
    assert sound_server({"PULSE_SERVER": f"unix:{path}"}, platform="linux") is None
    assert sound_server({"PULSE_SERVER": str(tmp_path / "absent")}, platform="linux") is None


def test_a_named_network_server_is_trusted_without_connecting() -> None:
    assert sound_server({"PULSE_SERVER": "tcp:192.0.2.1:4713"}, platform="linux") == (
        "tcp:192.0.2.1:4713"
    )


def test_windows_and_macos_always_have_sound() -> None:
    assert sound_server({}, platform="win32") and sound_server({}, platform="darwin")


def test_no_server_means_the_beep_and_one_log_line(
    qapp: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="station.ui.feedback"):
        player = SoundPlayer(enabled=True, find_server=lambda: None)
        player.play(Sound.SUCCESS)
        player.play(Sound.ERROR)
    assert player.backend in ("winsound", "beep")
    if player.backend == "beep":
        lines = [r.getMessage() for r in caplog.records if r.name == "station.ui.feedback"]
        assert lines == ["no sound server answers (PulseAudio or PipeWire); using the system beep"]


def test_station_sound_beep_never_loads_qtmultimedia(
    qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATION_SOUND", "beep")

    def must_not_be_asked() -> str | None:
        raise AssertionError("the server probe ran although the beep was chosen")

    player = SoundPlayer(find_server=must_not_be_asked)
    assert player.backend in ("winsound", "beep")

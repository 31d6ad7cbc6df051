"""Is there a sound server to play to? Asked before QtMultimedia is loaded, not after.

On Linux QtMultimedia plays through PulseAudio (PipeWire offers the same socket). Loading it on
a bench PC with libpulse installed but no server running (a kiosk session, a service account, a
CI runner) costs a dozen warnings and plays nothing. libpulse finds its server from
``PULSE_SERVER`` or, failing that, the per-user socket ``$XDG_RUNTIME_DIR/pulse/native`` (or
``$PULSE_RUNTIME_PATH/native``) and the system-wide one; this module looks in the same places and
knocks on each local socket (a socket file left by a crashed server refuses the connection).
Connecting to a local socket takes microseconds, so this may run on the GUI thread; a network
server named in ``PULSE_SERVER`` is trusted without connecting, since the GUI thread never waits
on the network.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

SYSTEM_SOCKET = Path("/var/run/pulse/native")


def _unix_socket_answers(path: Path) -> bool:
    if not hasattr(socket, "AF_UNIX"):
        return False
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(0.2)
    try:
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def _candidates(env: Mapping[str, str]) -> tuple[list[Path], list[str]]:
    """Local sockets to knock on and remote servers named, in libpulse's order."""
    configured = env.get("PULSE_SERVER", "").split()
    if configured:
        sockets: list[Path] = []
        remote: list[str] = []
        for entry in configured:
            address = entry.split("}", 1)[-1]  # "{machine-id}address" is allowed
            if address.startswith("unix:"):
                sockets.append(Path(address[5:]))
            elif address.startswith("/"):
                sockets.append(Path(address))
            elif address:
                remote.append(address)
        return sockets, remote
    sockets = []
    if env.get("PULSE_RUNTIME_PATH"):
        sockets.append(Path(env["PULSE_RUNTIME_PATH"]) / "native")
    if env.get("XDG_RUNTIME_DIR"):
        sockets.append(Path(env["XDG_RUNTIME_DIR"]) / "pulse" / "native")
    sockets.append(SYSTEM_SOCKET)
    return sockets, []


def sound_server(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Where a sound server answers, or None when none does (then don't load QtMultimedia).

    Windows and macOS always have their system audio service.
    """
    if platform.startswith(("win", "darwin")):
        return "system audio"
    sockets, remote = _candidates(os.environ if env is None else env)
    for path in sockets:
        if _unix_socket_answers(path):
            return f"unix:{path}"
    return remote[0] if remote else None

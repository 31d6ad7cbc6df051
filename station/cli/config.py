"""``station config path|show|check``: where this station keeps its settings, what they hold
(never a secret: those live in the system keyring or the environment), and whether the station
can start with them.

``check`` exits 0 when every check passes, 1 when one fails (each problem on stderr with what to
do). It reads, never writes: no keyring entry is created and no folder is made.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from station.cli.context import say
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK

if TYPE_CHECKING:
    from station.config import Settings
    from station.paths import StationPaths

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=("path", "show", "check"),
        help="path: where the settings file and the station's folders are; show: the settings "
        "as JSON (defaults filled in, no secrets); check: whether the station can start with them",
    )


def run(args: argparse.Namespace) -> int:
    from station.paths import default_paths

    paths = default_paths(dict(os.environ))
    demo = bool(getattr(args, "demo", False))
    if args.action == "path":
        if demo:
            say(
                "demo: each `station --demo` run keeps its station in a new temporary folder, "
                "removed at its exit (the web-shop orders of `station --demo mcf` stay in the "
                "data folder below); without --demo the station uses:"
            )
        return _path(paths)
    if args.action == "show":
        return _show(paths, demo=demo)
    if demo:
        return _check_demo(args)
    return _check(paths, args)


def _path(paths: StationPaths) -> int:
    exists = "" if paths.config_file.exists() else "  (not created yet: defaults apply)"
    say(f"settings file: {paths.config_file}{exists}")
    say(f"data folder:   {paths.data_dir}  (journal, encrypted documents)")
    say(f"log folder:    {paths.log_dir}")
    source = "STATION_HOME" if os.environ.get("STATION_HOME") else "this user's standard folders"
    say(f"(from {source}; set STATION_HOME to keep everything under one folder)")
    return EXIT_OK


def _show(paths: StationPaths, *, demo: bool) -> int:
    from station.config import Settings, load_settings

    settings = load_settings(paths.config_file)
    if demo:
        from station.runtime import demo_settings

        settings = demo_settings(Settings(), paths.data_dir / "demo-printers")
    sys.stdout.write(json.dumps(settings.model_dump(mode="json"), indent=2) + "\n")
    return EXIT_OK


class _Checks:
    def __init__(self) -> None:
        self.failed = 0

    def run(self, name: str, check: Callable[[], str]) -> None:
        from station.cli.errors import cli_hint
        from station.errors import StationError

        try:
            detail = check()
        except StationError as exc:
            self.failed += 1
            print(f"FAIL  {name}: {exc.message}", file=sys.stderr)
            hint = cli_hint(exc)
            if hint:
                print(f"      what to do: {hint}", file=sys.stderr)
            return
        say(f"ok    {name}: {detail}")


def _check_demo(args: argparse.Namespace) -> int:
    """``--demo config check``: the demo station, which needs nothing of this computer but a
    temporary folder (printer options given on the command line are checked too)."""
    import tempfile

    from station.config import Settings
    from station.runtime import demo_settings

    folder = Path(tempfile.gettempdir())
    settings = demo_settings(Settings(), folder / "packing-station-demo-…" / "printers")
    checks = _Checks()
    checks.run("settings", lambda: "demo settings (the settings file is not read with --demo)")
    checks.run("data folder", lambda: f"a new temporary folder in {_writable(folder)}")
    checks.run("label printer", lambda: _printer(settings, "label", args.label_printer))
    checks.run("slip printer", lambda: _printer(settings, "slip", args.slip_printer))
    checks.run("warehouses", lambda: _warehouses(settings))
    checks.run("credentials", lambda: "not needed (the embedded simulator)")
    checks.run("data key", lambda: "a key of its own for each run (demo documents are encrypted)")
    if checks.failed:
        say(f"{checks.failed} check(s) failed: the demo station cannot start here.")
        return EXIT_FAILED
    say("The station can start with these settings.")
    return EXIT_OK


def _check(paths: StationPaths, args: argparse.Namespace) -> int:
    from station.config import load_settings

    checks = _Checks()
    loaded: list[Settings] = []

    def settings() -> str:
        loaded.append(load_settings(paths.config_file))
        where = paths.config_file if paths.config_file.exists() else "defaults (no file yet)"
        return f"{where}; environment {loaded[0].environment}, region {loaded[0].region}"

    checks.run("settings", settings)
    if not loaded:
        return EXIT_FAILED
    current = loaded[0]
    checks.run("data folder", lambda: _writable(paths.data_dir))
    checks.run("label printer", lambda: _printer(current, "label", args.label_printer))
    checks.run("slip printer", lambda: _printer(current, "slip", args.slip_printer))
    checks.run("warehouses", lambda: _warehouses(current))
    checks.run("credentials", lambda: _credentials(current))
    checks.run("data key", _data_key)
    if checks.failed:
        say(f"{checks.failed} check(s) failed: the station cannot work with these settings yet.")
        return EXIT_FAILED
    say("The station can start with these settings.")
    return EXIT_OK


def _writable(folder: Path) -> str:
    from station.errors import ConfigError

    existing = folder
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    if not os.access(existing, os.W_OK):
        raise ConfigError(
            f"{folder} cannot be created or written by this user",
            hint="Set STATION_HOME to a folder this user may write to.",
        )
    return str(folder) + ("" if folder.exists() else " (created on first use)")


def _printer(settings: Settings, role: str, override: str | None) -> str:
    from station.errors import ConfigError
    from station.printing.address import parse_printer_uri

    printer = settings.printers.label if role == "label" else settings.printers.slip
    uri = override or printer.uri
    if not uri.strip():
        option = f"--{role}-printer"
        raise ConfigError(
            f"No {role} printer is set",
            hint=f"Set printers.{role}.uri in the settings file, or give {option} URI to the "
            "commands that print (ship).",
        )
    address = parse_printer_uri(uri)
    return f"{address.uri} ({printer.language}, {printer.dpi} dpi)"


def _warehouses(settings: Settings) -> str:
    if not settings.warehouses:
        return (
            "none listed: every warehouse of the vendor is packed (list a vendor-own-carrier "
            "one with vendor_own_carrier and scac_code)"
        )
    described = []
    for warehouse in settings.warehouses:
        carrier = (
            f" own carrier {warehouse.scac_code or warehouse.carrier}"
            if warehouse.vendor_own_carrier
            else ""
        )
        described.append(f"{warehouse.code}{carrier}")
    return ", ".join(described)


def _credentials(settings: Settings) -> str:
    from station.secrets import (
        ENV_REFRESH_TOKEN,
        EnvironmentCredentialsProvider,
        KeyringCredentialsProvider,
        KeyringSecretStore,
    )

    if settings.environment == "simulator":
        from station.errors import ConfigError

        address = os.environ.get("STATION_SPAPI_URL", "").strip()
        if not address:  # the same refusal every command that reaches Amazon gives
            raise ConfigError(
                "The environment is 'simulator' but no simulator address is set",
                hint="Run `station --demo`, or start `station simulator` and set "
                "STATION_SPAPI_URL and STATION_LWA_URL as it prints.",
            )
        return f"not needed (simulator at {address})"
    if os.environ.get(ENV_REFRESH_TOKEN):
        EnvironmentCredentialsProvider().load()
        return "from the STATION_LWA_* environment variables"
    KeyringCredentialsProvider(KeyringSecretStore()).load()
    return "in the system keyring"


def _data_key() -> str:
    from station.errors import ConfigError, StationError
    from station.journal.documents import DATA_KEY_ENV, DATA_KEY_SECRET_NAME, DataKey
    from station.secrets import KeyringSecretStore

    text = os.environ.get(DATA_KEY_ENV)
    if text:
        DataKey.from_text(text)
        return f"from {DATA_KEY_ENV}"
    try:
        stored = KeyringSecretStore().get(DATA_KEY_SECRET_NAME)
    except StationError as exc:
        raise ConfigError(
            f"No {DATA_KEY_ENV} and no usable system keyring ({exc.message}): documents would "
            "stay in memory for one run only, and `station prefetch` could keep nothing",
            hint=f"Set {DATA_KEY_ENV} (32 random bytes, URL-safe base64; see the README) or run "
            "where the system keyring works.",
        ) from None
    return "in the system keyring" + ("" if stored else " (created on first use)")

"""``station scale``: read the shipping scale and print its weight (for IT, at set-up)."""

from __future__ import annotations

import argparse
import re
import sys

from station.cli.argtypes import integer, seconds
from station.cli.errors import UsageError
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=("hid", "serial"), help="the scale's kind (default: from Settings)"
    )
    parser.add_argument(
        "--device",
        help="USB VENDOR:PRODUCT in hex, or the serial port (default: from Settings; given "
        "without --kind and no scale in the settings: VENDOR:PRODUCT is USB, else serial)",
    )
    parser.add_argument(
        "--baud",
        type=integer(1200, 115200),  # the range the settings accept
        help="serial speed, 1200 … 115200 (default: from Settings)",
    )
    parser.add_argument(
        "--protocol", choices=("nci", "sma"), help="serial protocol (default: from Settings)"
    )
    parser.add_argument(
        "--wait",
        type=seconds(600.0),
        default=5.0,
        metavar="SECONDS",
        help="keep reading up to this long for a stable weight (default 5, at most 600)",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the weight when the scale gives a stable reading; 1 with its state when not."""
    import os
    import time

    from station.config import load_settings
    from station.devices.scale import ReadingState, open_scale
    from station.errors import ConfigError
    from station.paths import default_paths

    settings = load_settings(default_paths(dict(os.environ)).config_file).scale
    kind = args.kind or (settings.kind if settings.kind != "none" else _kind_of(args.device))
    if kind == "none":
        raise ConfigError(
            "No scale is set up",
            hint="Choose the scale in Settings, or give --kind hid|serial [--device …].",
        )
    if kind == "hid" and args.device and not _USB_IDS.fullmatch(args.device.strip()):
        raise UsageError(
            f"--device {args.device!r} is no USB scale's VENDOR:PRODUCT (hex, e.g. 0922:8003)",
            hint="For a scale on a serial port give --kind serial --device PORT; for a USB "
            "scale give its VENDOR:PRODUCT, or leave --device out to use the first one found.",
        )
    scale = open_scale(
        kind,
        args.device if args.device is not None else settings.device,
        baud=args.baud or settings.baud,
        protocol=args.protocol or settings.protocol,
    )
    try:
        deadline = time.monotonic() + args.wait
        while True:
            reading = scale.read()
            if reading.usable or time.monotonic() >= deadline:
                break
            time.sleep(0.2)
    finally:
        scale.close()
    if reading.usable:
        print(f"{reading} (stable, {scale.name})")
        return EXIT_OK
    print(f"station: scale: {reading}", file=sys.stderr)
    if reading.state is ReadingState.UNREADABLE:
        hint = (
            "Give --device the port the scale is connected to (e.g. /dev/ttyUSB0, or COM3 on "
            "Windows) and its --protocol (nci or sma), or correct the scale in the settings "
            "file (`station config show`)."
        )
    else:
        hint = (
            "Check that the scale is on, connected and set up as the settings say "
            "(`station config show`), put a parcel on it, let it settle and run this again."
        )
    print(f"  what to do: {hint}", file=sys.stderr)
    return EXIT_FAILED


_USB_IDS = re.compile(r"[0-9A-Fa-f]{1,4}:[0-9A-Fa-f]{1,4}")


def _kind_of(device: str | None) -> str:
    """The kind a --device given without --kind names: VENDOR:PRODUCT is a USB scale,
    anything else a serial port; no device and no scale in the settings: none."""
    if not device:
        return "none"
    return "hid" if _USB_IDS.fullmatch(device.strip()) else "serial"

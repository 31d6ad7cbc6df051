"""``station scale``: read the shipping scale and print its weight (for IT, at set-up)."""

from __future__ import annotations

import argparse
import sys

from station.cli.argtypes import integer, seconds
from station.cli.exit_codes import EXIT_FAILED, EXIT_OK

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind", choices=("hid", "serial"), help="the scale's kind (default: from Settings)"
    )
    parser.add_argument(
        "--device", help="USB VENDOR:PRODUCT in hex, or the serial port (default: from Settings)"
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
    from station.devices.scale import open_scale
    from station.errors import ConfigError
    from station.paths import default_paths

    settings = load_settings(default_paths(dict(os.environ)).config_file).scale
    kind = args.kind or settings.kind
    if kind == "none":
        raise ConfigError(
            "No scale is set up",
            hint="Choose the scale in Settings, or give --kind hid|serial [--device …].",
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
    print(
        "  what to do: Check that the scale is on, connected and set up as the settings say "
        "(`station config show`), put a parcel on it, let it settle and run this again.",
        file=sys.stderr,
    )
    return EXIT_FAILED

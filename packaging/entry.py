"""Entry point of the frozen app (PyInstaller runs this file as __main__)."""

from station.cli import run

raise SystemExit(run())

#!/bin/sh
# Screenshots of the packing screen under Xvfb into docs/screenshots/ (see tools/screenshots.py).
set -eu
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$PYTHON" tools/screenshots.py "$@"

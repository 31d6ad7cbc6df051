"""Shared by every GUI test module: the Qt binding's reference-count defect is neutralised first.

See ``station.ui.qt_compat.immortalize_singletons``: without it a long GUI test session aborts
with "deallocating None" (PySide6 6.12.0 abi3 wheels on Python 3.11).
"""

from __future__ import annotations

from station.ui.qt_compat import immortalize_singletons

immortalize_singletons()

# The packing screen's fixtures (``station``, ``harness_factory``) live beside their helpers.
from tests.ui.station_fixtures import harness_factory, station  # noqa: E402, F401

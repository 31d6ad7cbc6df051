"""Where the tests run on Windows: a real Windows or wine (which CI uses)."""

from __future__ import annotations

import sys


def under_wine() -> bool:
    """A Windows Python running under wine (ntdll exports ``wine_get_version`` there only)."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")

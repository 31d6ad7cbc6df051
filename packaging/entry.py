"""Entry point of the frozen app (PyInstaller runs this file as __main__).

The self-test's "qt platform" check starts the installation again as a child process with
STATION_SELF_TEST_PROBE set (station.selftest.probe_platform): that child only starts Qt on the
platform it is given and reports back, so a platform plugin that aborts Qt cannot take the
self-test down with it.
"""

import os
import sys

if sys.platform == "win32":
    import ctypes

    # While any program of this installation runs, its files are in use: the installer and the
    # uninstaller look for this named mutex and stop (packaging/installer.nsi, StopWhileRunning).
    # Windows closes the handle when the process ends, however it ends.
    RUNNING = ctypes.windll.kernel32.CreateMutexW(None, False, "PackingStation-Running")

if os.environ.get("STATION_SELF_TEST_PROBE"):
    from station.ui.selftest_checks import probe_main

    raise SystemExit(probe_main())

from station.cli import run

raise SystemExit(run())

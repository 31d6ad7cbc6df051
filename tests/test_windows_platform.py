"""The Windows-only code paths, for real (not through fakes) where the platform is Windows.

Run with the Windows Python, on Windows or under wine (packaging/wine/check runs the whole suite
there). What wine cannot show stays with the Windows workflow: a real spooler and printer (no
printer can be added to wine without a driver, so the RAW job path stops at OpenPrinter) and the
Credential Manager's 2560-byte limit (wine does not enforce it).

The journal lock test runs everywhere: fcntl on POSIX, msvcrt byte-range locks on Windows.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from station.config import Settings, load_settings, save_settings
from station.errors import JournalError, PrinterOfflineError
from station.journal.lock import FileLock
from station.printing.factory import open_printer
from station.printing.printer import PrinterState, PrintJob
from station.printing.profile import PrinterProfile

windows_only = pytest.mark.skipif(
    sys.platform != "win32", reason="Windows only: pywin32's spooler and the Credential Manager"
)

HOLD_AND_CRASH = """
import os, sys
from pathlib import Path
from station.journal.lock import FileLock
lock = FileLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
sys.stdin.readline()
os._exit(9)  # dies holding the lock: no release, no close
"""


def test_the_journal_lock_excludes_another_process_and_is_freed_when_it_crashes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "journal.sqlite3.lock"
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_CRASH, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(JournalError, match="Another station process"):
            FileLock(path).acquire()
        child.stdin.write("crash\n")
        child.stdin.flush()
        assert child.wait(timeout=60) == 9
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    # The operating system released the dead holder's lock.
    with FileLock(path) as lock:
        assert lock.held


def test_asking_whether_a_process_lives_leaves_it_running(tmp_path: Path) -> None:
    """The demo folders of killed runs are removed when their owner is gone. On Windows
    os.kill(pid, 0) ends the process it asks about; the question must be harmless there too."""
    from station.runtime import _process_exists

    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.readline()"], stdin=subprocess.PIPE
    )
    try:
        assert _process_exists(child.pid)
        assert _process_exists(child.pid)  # asked twice: still there
        assert child.poll() is None, f"asking ended it with exit code {child.returncode}"
    finally:
        assert child.stdin is not None
        child.stdin.close()
        assert child.wait(timeout=60) == 0
    # Ended (on Windows its handle is still held by `child`: the exit code tells)
    assert not _process_exists(child.pid)


def test_settings_are_written_over_an_existing_file_and_read_back(tmp_path: Path) -> None:
    # On Windows os.replace must replace a file that exists; there is no directory fsync there.
    path = tmp_path / "station" / "settings.json"
    first = Settings()
    save_settings(first, path)
    second = first.model_copy(update={"station_id": "bench-7"})
    save_settings(second, path)
    assert load_settings(path).station_id == "bench-7"
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temporary left


@windows_only
def test_credentials_round_trip_through_the_windows_credential_manager(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import keyring
    from keyring.backends.Windows import WinVaultKeyring

    from station.secrets import KeyringCredentialsProvider, KeyringSecretStore, LwaCredentials

    monkeypatch.setattr(keyring.core, "_keyring_backend", WinVaultKeyring())
    store = KeyringSecretStore(service=f"PackingStation-test-{uuid.uuid4().hex[:8]}")
    provider = KeyringCredentialsProvider(store)
    credentials = LwaCredentials(
        client_id="amzn1.application-oa2-client.test",
        client_secret="secret-" + "x" * 64,
        refresh_token="Atzr|" + "r" * 400,  # Amazon's refresh tokens are this long
    )
    try:
        provider.save(credentials)
        assert provider.load() == credentials
    finally:
        provider.clear()
    assert store.get("refresh_token") is None


@windows_only
def test_a_windows_printer_that_does_not_exist_is_offline_from_the_real_spooler() -> None:
    printer = open_printer(
        f"windows://No Such Printer {uuid.uuid4().hex[:6]}", PrinterProfile.label(203)
    )
    status = printer.status()
    assert status.state is PrinterState.OFFLINE
    with pytest.raises(PrinterOfflineError):
        printer.print_job(PrintJob.from_bytes(b"^XA^FO10,10^FDx^FS^XZ"))


@windows_only
def test_the_real_spooler_lists_its_printers() -> None:
    from station.printing.windows import list_windows_printers

    printers = list_windows_printers()
    assert isinstance(printers, dict)  # wine has none; a Windows runner has Microsoft's own
    assert all(isinstance(name, str) and name for name in printers)

"""The support bundle: one zip IT can attach to a ticket, with nothing personal or secret in it.

What goes in: the station's log files (already redacted when written, scrubbed again here), the
settings (which never hold secrets; printer URIs lose any ``user:password@``), versions of the
station, Python, Qt/PySide6 and the OS, the self-test's output, and the outbox/journal as counts.

What never goes in: documents (labels, slips and invoices carry the customer's address, so they are
excluded entirely rather than scanned), outbox payloads, environment variable *values*, and the
keyring. The journal's own rows hold no addresses, but the bundle only takes counts from it anyway.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import re
import sys
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from station.errors import JournalError, StationError
from station.logs import active_log_dir, redact
from station.ui.background import run_in_background

if TYPE_CHECKING:
    from station.runtime import Runtime
    from station.selftest import CheckResult

log = logging.getLogger("station.ui.support")

MAX_LOG_BYTES = 20 * 1024 * 1024  # the rotating logs stay far below; a runaway file is cut
_URI_CREDENTIALS = re.compile(r"://[^/@\s]*@")


def versions() -> dict[str, str]:
    import PySide6
    from PySide6.QtCore import qVersion

    from station import __version__

    return {
        "station": __version__,
        "python": sys.version.split()[0],
        "python_build": platform.python_implementation(),
        "qt": qVersion(),
        "pyside6": getattr(PySide6, "__version__", "unknown"),
        "os": platform.platform(),
        "machine": platform.machine(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
    }


def settings_text(runtime: Runtime) -> str:
    """The settings as JSON, with credentials stripped from any printer URI."""
    text = runtime.settings.model_dump_json(indent=2)
    return _URI_CREDENTIALS.sub("://", text)


def outbox_counts(runtime: Runtime) -> dict[str, Any]:
    """Outbox items per kind and state; ids and POs of open/failed items, no payloads."""
    counts: dict[str, dict[str, int]] = {}
    attention = []
    for item in runtime.outbox.list():
        per_kind = counts.setdefault(str(item.kind), {})
        per_kind[str(item.state)] = per_kind.get(str(item.state), 0) + 1
        if item.state.value in ("failed", "unknown", "pending", "sending", "sent"):
            attention.append(
                {
                    "id": item.id,
                    "kind": str(item.kind),
                    "po": item.po,
                    "state": str(item.state),
                    "attempts": item.attempts,
                    "error_codes": [e.code for e in item.errors],
                    "updated_at": item.updated_at.isoformat(),
                }
            )
    return {"counts": counts, "open_or_failed": attention}


def journal_summary(runtime: Runtime) -> dict[str, Any]:
    journal = runtime.journal
    today = journal.now().astimezone().date()
    summary = journal.day_summary(today)
    return {
        "day": today.isoformat(),
        "station_id": journal.station_id,
        "schema_version": journal.schema_version,
        "confirmed": summary.confirmed,
        "queued": summary.queued,
        "failed": summary.failed,
        "per_ship_method": dict(summary.per_ship_method),
        "errors": summary.errors,
        "failed_prints": summary.failed_prints,
        "open_in_outbox": summary.open_in_outbox,
    }


def self_test_text(results: list[CheckResult]) -> str:
    lines = []
    for r in results:
        mark = "WARN" if r.warning else ("ok" if r.ok else "FAIL")
        lines.append(f"[{mark:>4}] {r.name}: {redact(r.detail)}")
    return "\n".join(lines) + "\n"


def _environment_names() -> list[str]:
    """Which station variables are set: names only, values can be secrets."""
    return sorted(name for name in os.environ if name.startswith(("STATION_", "QT_")))


def _log_files(log_dir: Path) -> list[Path]:
    if not log_dir.is_dir():
        return []
    return sorted(p for p in log_dir.iterdir() if p.is_file() and p.name.startswith("station"))


def _file_identity(path: Path) -> tuple[int, int] | Path:
    """What makes two paths the same file: a symlinked or relative route to a log folder, or a
    hard link, still names one file."""
    try:
        status = path.stat()
    except OSError:
        return path.resolve()
    return (status.st_dev, status.st_ino)


def bundle_log_names(folders: list[Path | None]) -> list[tuple[str, Path]]:
    """Each log file of ``folders`` once, with a name in the bundle no other file has.

    The first folder (where this process writes its log) gives ``logs/<file>``; a file of the same
    name in another folder (a demo run's own log folder) goes under ``logs/<parent>/<file>``, the
    folder's parent named (``logs/station/station.log`` for a demo run's), or ``logs/<n>/<file>``
    if that is taken too, n counting the folders from 1. A folder or file reached twice (the same
    folder by two routes) is taken once.
    """
    seen: set[tuple[int, int] | Path] = set()
    names: set[str] = set()
    entries: list[tuple[str, Path]] = []
    for number, folder in enumerate(folders, start=1):
        if folder is None:
            continue
        for path in _log_files(folder):
            identity = _file_identity(path)
            if identity in seen:
                continue
            seen.add(identity)
            parent = folder.parent.name
            candidates = [f"logs/{path.name}", f"logs/{number}/{path.name}"]
            # Never a path that climbs out when unpacked, nor one a folder number may take.
            if parent not in ("", ".", "..") and not parent.isdigit():
                candidates.insert(1, f"logs/{parent}/{path.name}")
            name = next(n for n in candidates if n not in names)
            names.add(name)
            entries.append((name, path))
    return entries


def build_support_bundle(
    runtime: Runtime,
    target: Path,
    *,
    self_test: Callable[[], list[CheckResult]] | None = None,
) -> Path:
    """Write the bundle zip to ``target`` (pool thread: it reads logs and runs the self-test)."""
    if self_test is None:
        from station.selftest import run_checks

        self_test = run_checks

    def safe(name: str, make: Callable[[], str]) -> str:
        try:
            return make()
        except Exception as exc:  # a broken part must not stop IT from getting the rest
            log.warning("support bundle: %s failed: %s", name, type(exc).__name__)
            return f"(could not collect {name}: {type(exc).__name__}: {redact(str(exc))[:300]})\n"

    tmp = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr(
                "README.txt",
                "Packing Station support bundle, created "
                f"{datetime.now().astimezone().isoformat(timespec='seconds')}.\n"
                "Contains logs (redacted), settings (no secrets), versions, self-test output and "
                "outbox counts. Documents (labels, slips, invoices) are never included.\n",
            )
            bundle.writestr(
                "versions.json", safe("versions", lambda: json.dumps(versions(), indent=2))
            )
            bundle.writestr("settings.json", safe("settings", lambda: settings_text(runtime)))
            bundle.writestr(
                "environment.json",
                json.dumps({"variables_set": _environment_names()}, indent=2),
            )
            bundle.writestr(
                "outbox.json",
                safe("outbox", lambda: json.dumps(outbox_counts(runtime), indent=2)),
            )
            bundle.writestr(
                "journal.json",
                safe("journal", lambda: json.dumps(journal_summary(runtime), indent=2)),
            )
            bundle.writestr("selftest.txt", safe("self-test", lambda: self_test_text(self_test())))
            for name, path in bundle_log_names([active_log_dir(), runtime.paths.log_dir]):
                with path.open("rb") as handle:
                    raw = handle.read(MAX_LOG_BYTES)
                text = redact(raw.decode("utf-8", errors="replace"))
                bundle.writestr(name, text)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise JournalError(
            QCoreApplication.translate(
                "Support", "Cannot write the support bundle to {path}: {error}"
            ).format(path=target, error=exc.strerror or exc),
            hint=QCoreApplication.translate(
                "Support", "Choose another folder (for example Documents) and try again."
            ),
        ) from None
    return target


def default_bundle_name() -> str:
    return f"station-support-{datetime.now().strftime('%Y%m%d-%H%M%S')}.zip"


def export_support_bundle(
    parent: QWidget | None, runtime: Runtime, target: Path | None = None
) -> Path | None:
    """Ask where to save, build the bundle off the GUI thread, report; the path or None.

    The GUI keeps painting while the bundle is built (a local event loop waits for the task).
    """
    if target is None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("Support", "Save the support bundle"),
            str(Path.home() / default_bundle_name()),
            "Zip (*.zip)",
        )
        if not name:
            return None
        target = Path(name)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(value: Any) -> None:
        outcome["path"] = value
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    chosen = target
    run_in_background(
        lambda: build_support_bundle(runtime, chosen),
        on_success=done,
        on_failure=failed,
        name="support bundle",
    )
    if not outcome:
        loop.exec()
    error = outcome.get("error")
    if error is not None:
        text = error.user_text() if isinstance(error, StationError) else str(error)
        if parent is not None:
            QMessageBox.warning(
                parent, QCoreApplication.translate("Support", "Support bundle"), text
            )
        log.warning("support bundle failed: %s", type(error).__name__)
        return None
    path = Path(outcome["path"])
    if parent is not None:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("Support", "Support bundle"),
            QCoreApplication.translate(
                "Support", "Saved {path}. Send this file to IT; it holds no customer data."
            ).format(path=path),
        )
    return path

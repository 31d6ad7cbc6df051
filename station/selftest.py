"""``station --self-test``: a headless check that an installation (frozen or not) is whole.

IT runs it after installing; the release build runs it on the frozen app before making the
installer. Each check prints one line; the exit code is non-zero when any check fails, and the
failing line says why. Nothing here needs a display, a printer or an Amazon account.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WINDOWS = sys.platform == "win32"
# The child process started by the "qt platform" check finds its orders here (see probe_command).
PROBE_ENV = "STATION_SELF_TEST_PROBE"
PROBE_TIMEOUT = 180.0


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str
    warning: bool = False


class CheckFailed(Exception):
    pass


def _check_imports() -> str:
    import station

    names = [
        m.name
        for m in pkgutil.walk_packages(station.__path__, "station.")
        # the GUI is checked with Qt below; __main__ would start the program again
        if not m.name.startswith("station.ui") and m.name != "station.__main__"
    ]
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} modules"


def _check_resources() -> str:
    from station.resources import font_path, resource_path

    font_path()
    resource_path("icons", "station.png")
    return "fonts and icons present"


def _qt_app() -> object:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    return app if app is not None else QGuiApplication(["station-self-test"])


def probe_command() -> list[str]:
    """How to start this installation again as the platform probe: the frozen app runs
    packaging/entry.py, which answers the probe when PROBE_ENV is set; from source, Python runs
    the probe function itself."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    code = "from station.ui.selftest_checks import probe_main; raise SystemExit(probe_main())"
    return [sys.executable, "-c", code]


def probe_platform(platform: str) -> dict[str, object]:
    """Start Qt with ``platform`` in a child process and return what it reports.

    A child, because Qt ends the whole process (abort, no Python exception) when a platform
    plugin cannot load: the self-test must survive that to report it. Each platform gets its own
    child; the answer comes back in a file, since the windowed exe has no stdout."""
    with tempfile.TemporaryDirectory() as tmp:
        answer = Path(tmp) / "probe.json"
        env = dict(os.environ, QT_QPA_PLATFORM=platform, **{PROBE_ENV: str(answer)})
        # Without a console (a pipe, the windowed app) Qt on Windows reports a missing platform
        # plugin in a message box that waits for a click: a self-test run by a script would hang.
        env["QT_FORCE_STDERR_LOGGING"] = "1"
        try:
            result = subprocess.run(
                probe_command(),
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=PROBE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            limit = f"{PROBE_TIMEOUT:.0f} s"
            raise CheckFailed(f"Qt platform {platform!r} did not start in {limit}") from exc
        reply: dict[str, object] = {}
        if answer.is_file():
            reply = json.loads(answer.read_text(encoding="utf-8"))
        if result.returncode != 0 or not reply or "error" in reply:
            said = (result.stderr or result.stdout).decode("utf-8", "replace").strip()
            last = said.splitlines()[-1][:200] if said else "no message"
            why = reply.get("error") or f"exit {result.returncode}: {last}"
            raise CheckFailed(f"Qt platform plugin {platform!r} does not load ({why})")
        return reply


# Platforms the installation must be able to start with: the one the windowed app uses on this
# OS, and the headless one the self-test and tests use. Linux desktops pick xcb or wayland from
# the session, which a headless self-test cannot check.
APP_PLATFORMS = ["windows", "offscreen"] if WINDOWS else ["offscreen"]
_probes: dict[str, dict[str, object]] = {}


def _check_qt_platform() -> str:
    _probes.clear()
    failed = []
    for platform in APP_PLATFORMS:
        try:
            _probes[platform] = probe_platform(platform)
        except CheckFailed as exc:
            failed.append(str(exc))
    if failed:
        raise CheckFailed("; ".join(failed))
    return ", ".join(f"{p} loads" for p in _probes)


def _check_qt_style() -> str:
    """The windowed app's widget style. On Windows the native look lives in a plugin
    (styles/qmodernwindowsstyle.dll: "windowsvista", "windows11"); without it Qt falls back to a
    built-in style silently and the app looks foreign to packers."""
    probe = _probes.get(APP_PLATFORMS[0])
    if probe is None:
        raise CheckFailed(f"not checked: the Qt platform {APP_PLATFORMS[0]!r} does not load")
    style = str(probe.get("style", ""))
    keys = probe.get("styles", [])
    available = [str(k) for k in keys] if isinstance(keys, list) else []
    if WINDOWS and style.lower() not in ("windowsvista", "windows11"):
        raise CheckFailed(
            f"the Windows style plugin is missing: style {style!r}, available {available}"
        )
    return f"style {style} ({', '.join(available)})"


def _needs_offscreen() -> None:
    """The in-process Qt checks use the offscreen platform: without it Qt would abort the
    self-test and every line after it would be lost."""
    if "offscreen" not in _probes:
        raise CheckFailed("not run: the Qt platform plugin 'offscreen' does not load")


def _check_qt() -> str:
    _needs_offscreen()
    _qt_app()
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    return f"Qt {qVersion()}, platform {QGuiApplication.platformName()}"


def _check_qt_widgets() -> str:
    _needs_offscreen()
    _qt_app()
    from station.ui.selftest_checks import check_widgets

    return check_widgets()


def _sample_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="letter")
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text="Packing Station self-test")
    return bytes(pdf.output())


def _check_qt_pdf() -> str:
    """The packing slip preview, through the code the screen uses (from memory, no file)."""
    _needs_offscreen()
    _qt_app()
    from station.ui.selftest_checks import check_pdf_preview

    return check_pdf_preview(_sample_pdf())


def _check_qt_printing() -> str:
    _needs_offscreen()
    _qt_app()
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printers = QPrinterInfo.availablePrinterNames()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "printer.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        painter = QPainter()
        if not painter.begin(printer):
            raise CheckFailed("QPrinter could not start a job")
        painter.drawText(100, 100, "self-test")
        painter.end()
        if not out.is_file() or out.stat().st_size == 0:
            raise CheckFailed("QPrinter produced no output")
    return f"QtPrintSupport works; {len(printers)} system printer(s) visible"


def _check_simulator_round_trip() -> str:
    """The whole SP-API path on loopback: LWA token, Restricted Data Token, getOrder."""
    from station.secrets import LwaCredentials
    from station.simulator.config import SimulatorConfig
    from station.simulator.server import SimulatorServer
    from station.spapi import build_client

    config = SimulatorConfig(orders=4, processing_delay=0, rate_limits=False)
    with SimulatorServer(config) as server:
        environ = {"STATION_SPAPI_URL": server.base_url, "STATION_LWA_URL": server.lwa_url}
        credentials = LwaCredentials(
            client_id="self-test",
            client_secret="self-test",  # noqa: S106 - the simulator accepts anything
            refresh_token="self-test",  # noqa: S106
        )
        with build_client(credentials, environ=environ) as api:
            po = server.scannable_pos(1)[0]
            order = api.orders_2021.get_order(po)
            if order.purchase_order_number != po:
                raise CheckFailed("the simulator answered with another order")
    return f"LWA, RDT and getOrder against the embedded simulator ({po})"


def _check_documents() -> str:
    """Label rendering and conversion: barcodes (zint), fonts, ZPL, ^GF, PDF rasterising."""
    from station.printing.convert import png_to_zpl, render_pdf_pages
    from station.printing.profile import PrinterProfile
    from station.simulator import documents as docs
    from station.zpl import render

    ship_to = docs.Address("Self Test", "1 Main St", "Seattle", "98101", "US", "WA")
    spec = docs.LabelSpec(
        "SELFTEST1",
        "PKG1",
        "1Z999AA10123456784",
        "UPS_GR_RES",
        "UPS Ground",
        "UPS",
        ship_to,
        ship_to,
    )
    rendered = render(docs.label_zpl(spec))
    if rendered.image.size != docs.LABEL_SIZE:
        raise CheckFailed(f"a ZPL label rendered at {rendered.image.size}")
    converted = png_to_zpl(docs.label_png(spec), PrinterProfile.label(203))
    if b"^GFA" not in converted.content:
        raise CheckFailed("PNG to ^GF conversion produced no graphic field")
    pages = list(render_pdf_pages(_sample_pdf(), dpi=150))
    if not pages:
        raise CheckFailed("PDF rasterising produced no page")
    return "ZPL rendering, PNG→^GF and PDF rasterising work"


def _check_keyring() -> str:
    """A real round trip: store, read back and delete a throw-away entry in the OS keyring."""
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        raise CheckFailed(f"no usable OS keyring ({name})")
    service = "PackingStation self-test"
    user = f"self-test-{uuid.uuid4().hex[:12]}"
    secret = uuid.uuid4().hex
    keyring.set_password(service, user, secret)
    try:
        if keyring.get_password(service, user) != secret:
            raise CheckFailed(f"{name} returned another secret than the one stored")
    finally:
        keyring.delete_password(service, user)
    if keyring.get_password(service, user) is not None:
        raise CheckFailed(f"{name} kept an entry after deleting it")
    return f"{name}: store, read, delete"


def _check_win32print() -> str:
    """pywin32's spooler module, which the windows:// printers use. It is imported only when a
    printer is used, so a frozen app without it would start and fail at the first label."""
    import win32print

    flags = win32print.PRINTER_ENUM_LOCAL | win32print.PRINTER_ENUM_CONNECTIONS
    printers = win32print.EnumPrinters(flags, None, 2)
    return f"win32print loads; {len(printers)} printer(s) in the spooler"


def _check_postgres_driver() -> str:
    """Warehouse mode's PostgreSQL driver: psycopg with the libpq it brings (psycopg-binary).
    It is imported only when a journal_url is set, so a release without it would start and
    fail at the first bench that joins a site. libpq itself answers here: a connection to a
    closed loopback port is refused by its own network code."""
    try:
        import psycopg
    except ImportError as exc:
        raise CheckFailed(f"warehouse mode's PostgreSQL driver does not load ({exc})") from exc

    libpq = psycopg.pq.version()
    with socket.socket() as closed:  # a loopback port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    try:
        psycopg.connect(
            host="127.0.0.1", port=port, dbname="self-test", user="self-test",
            sslmode="disable", connect_timeout=10,
        ).close()  # fmt: skip
    except psycopg.OperationalError:
        pass
    else:
        raise CheckFailed(f"libpq connected to 127.0.0.1:{port}, where nothing listens")
    return (
        f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__}), "
        f"libpq {libpq // 10000}.{libpq % 10000}: a closed port is refused"
    )


def _check_usb_scales() -> str:
    """hidapi (module ``hid``), which USB point-of-sale scales are read through; imported only
    when the scale is set to USB. Enumerating the HID devices calls into the OS."""
    from station.devices.hid_scale import find_scales
    from station.devices.scale import optional_library

    hid = optional_library("hid", "hidapi", "USB scales", "serial or none")
    devices = hid.enumerate()
    return (
        f"hidapi loads; {len(devices)} HID device(s), {len(find_scales(lambda: devices))} scale(s)"
    )


def _check_serial_scales() -> str:
    """pyserial with its back end for this OS (serialwin32 on Windows), which serial scales are
    read through; imported only when the scale is set to serial. A port that does not exist
    must come back as a scale that does not answer, not as a missing module."""
    from station.devices.scale import ReadingState, optional_library
    from station.devices.serial_scale import SerialScale

    serial = optional_library("serial", "pyserial", "Serial scales", "hid or none")
    with tempfile.TemporaryDirectory() as tmp:
        port = "COM254" if WINDOWS else str(Path(tmp) / "no-such-port")
        scale = SerialScale(port)
        try:
            reading = scale.read()
        finally:
            scale.close()
    if reading.state is not ReadingState.ASLEEP:
        raise CheckFailed(f"{port}, which does not exist, read as {reading.state.name}")
    return f"pyserial {serial.VERSION} loads; a missing {port} reads as a scale asleep"


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], str]
    required: bool = True  # a failing optional check is a warning


def checks() -> list[Check]:
    # Windows always has the Credential Manager and the spooler; Linux may lack a keyring.
    windows_only = [Check("win32print", _check_win32print)] if WINDOWS else []
    # The release carries warehouse mode's and the scales' libraries; an installation from
    # source has them only with the extras (pip install 'packing-station[site,scale]').
    frozen = bool(getattr(sys, "frozen", False))
    return [
        Check("imports", _check_imports),
        Check("resources", _check_resources),
        Check("qt platform", _check_qt_platform),
        Check("qt style", _check_qt_style),
        Check("qt", _check_qt),
        Check("qt widgets", _check_qt_widgets),
        Check("qt pdf", _check_qt_pdf),
        Check("qt printing", _check_qt_printing),
        Check("documents", _check_documents),
        Check("simulator round trip", _check_simulator_round_trip),
        Check("psycopg", _check_postgres_driver, required=frozen),
        Check("hidapi", _check_usb_scales, required=frozen),
        Check("pyserial", _check_serial_scales, required=frozen),
        *windows_only,
        Check("keyring", _check_keyring, required=WINDOWS),
    ]


def run_checks(selected: list[Check] | None = None) -> list[CheckResult]:
    results = []
    for check in selected if selected is not None else checks():
        started = time.monotonic()
        try:
            detail = check.run()
            ok, warning = True, False
        except Exception as exc:  # a self-test reports every failure, whatever its type
            detail = f"{type(exc).__name__}: {exc}"
            ok, warning = not check.required, not check.required
        elapsed = (time.monotonic() - started) * 1000
        results.append(CheckResult(check.name, ok, f"{detail} ({elapsed:.0f} ms)", warning))
    return results


def run(verbose: bool = False) -> int:
    from station import __version__

    # A console whose code page cannot show a character (cp1252 and "→") must not end the
    # self-test; the frozen app runs in UTF-8 mode anyway (packaging/station.spec).
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")

    def say(text: str) -> None:
        # Flushed line by line: if a check takes the process down, the lines before it are out.
        print(text, flush=True)

    say(f"Packing Station {__version__} self-test (Python {sys.version.split()[0]})")
    failed = []
    for check in checks():
        r = run_checks([check])[0]
        mark = "WARN" if r.warning else ("ok" if r.ok else "FAIL")
        say(f"  [{mark:>4}] {r.name}: {r.detail}")
        if not r.ok:
            failed.append(r.name)
    if failed:
        say(f"self-test FAILED: {', '.join(failed)}")
        return 1
    say("self-test passed")
    return 0

"""``station --self-test``: a headless check that an installation (frozen or not) is whole.

IT runs it after installing; the release build runs it on the frozen app before making the
installer. Each check prints one line; the exit code is non-zero when any check fails, and the
failing line says why. Nothing here needs a display, a printer or an Amazon account.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


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


def _check_qt() -> str:
    _qt_app()
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QGuiApplication

    return f"Qt {qVersion()}, platform {QGuiApplication.platformName()}"


def _check_qt_widgets() -> str:
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
    _qt_app()
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "selftest.pdf"
        path.write_bytes(_sample_pdf())
        doc = QPdfDocument()
        error = doc.load(str(path))
        if error != QPdfDocument.Error.None_ or doc.pageCount() != 1:
            raise CheckFailed(f"QtPdf could not open a PDF ({error})")
        image = doc.render(0, QSize(850, 1100))
        doc.close()
        if image.isNull():
            raise CheckFailed("QtPdf rendered an empty page")
    return "QtPdf opens and renders a PDF"


def _check_qt_printing() -> str:
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
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring):
        raise CheckFailed(f"no usable OS keyring ({name})")
    return name


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], str]
    required: bool = True  # a failing optional check is a warning


def checks() -> list[Check]:
    keyring_required = sys.platform == "win32"  # Windows always has the Credential Manager
    return [
        Check("imports", _check_imports),
        Check("resources", _check_resources),
        Check("qt", _check_qt),
        Check("qt widgets", _check_qt_widgets),
        Check("qt pdf", _check_qt_pdf),
        Check("qt printing", _check_qt_printing),
        Check("documents", _check_documents),
        Check("simulator round trip", _check_simulator_round_trip),
        Check("keyring", _check_keyring, required=keyring_required),
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

    print(f"Packing Station {__version__} self-test (Python {sys.version.split()[0]})")
    results = run_checks()
    for r in results:
        mark = "WARN" if r.warning else ("ok" if r.ok else "FAIL")
        print(f"  [{mark:>4}] {r.name}: {r.detail}")
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"self-test FAILED: {', '.join(r.name for r in failed)}")
        return 1
    print("self-test passed")
    return 0

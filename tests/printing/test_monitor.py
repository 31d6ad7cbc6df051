"""Printer states are asked on the monitor's own thread: asking never waits for a printer."""

from __future__ import annotations

import threading

from station.printing import PrinterProfile, PrinterState, PrinterStatus, open_printer
from station.printing.address import parse_printer_uri
from station.printing.monitor import PrinterMonitor
from tests.helpers.zebra import DeadPrinter, ZebraEmulator


class HangingPrinter:
    """A printer whose status query hangs until the test lets it answer."""

    def __init__(self) -> None:
        self.address = parse_printer_uri("tcp://192.0.2.1:9100")
        self.profile = PrinterProfile.label()
        self.asked = threading.Event()
        self.release = threading.Event()

    def status(self) -> PrinterStatus:
        self.asked.set()
        assert self.release.wait(30)
        return PrinterStatus(PrinterState.ONLINE, "ready")

    def print_job(self, job: object) -> object:
        raise AssertionError("never printed")


def test_asking_returns_at_once_and_a_stuck_check_is_reported_past_its_deadline() -> None:
    printer = HangingPrinter()
    now = [100.0]
    monitor = PrinterMonitor({"label": printer}, deadline=5, clock=lambda: now[0])  # type: ignore[dict-item]
    try:
        monitor.request()  # returns while the printer hangs
        assert printer.asked.wait(10)
        assert monitor.news() == {}
        now[0] += 6
        stuck = monitor.news()["label"]
        assert stuck.state is PrinterState.OFFLINE and "within 5 s" in stuck.detail
        printer.release.set()
        assert monitor.wait_for_round(1, 10)
        assert monitor.news()["label"].state is PrinterState.ONLINE
    finally:
        printer.release.set()
        monitor.close()


def test_a_switched_off_printer_is_found_offline_off_the_callers_thread() -> None:
    dead = DeadPrinter()
    zebra = ZebraEmulator("paper out")
    label = open_printer(dead.uri, PrinterProfile.label(203, connect_timeout=0.5))
    slip = open_printer(zebra.uri, PrinterProfile.label(203, status_query="auto"))
    monitor = PrinterMonitor({"label": label, "slip": slip})
    try:
        monitor.request()
        assert monitor.wait_for_round(1, 30)
        news = monitor.news()
        assert news["label"].state is PrinterState.OFFLINE
        assert news["slip"].state is PrinterState.OUT_OF_PAPER
        assert monitor.latest() == news
    finally:
        monitor.close()
        dead.close()
        zebra.close()

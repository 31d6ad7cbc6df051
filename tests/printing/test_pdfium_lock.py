"""pdfium is not thread-safe: two threads drawing PDFs at once (a History reprint during a slip
print) must never be inside pdfium together. A barrier inside pdfium's page drawing lets both
threads meet there only if nothing serialises them."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import pypdfium2 as pdfium
import pytest

from station.printing.convert import pdf_page_count, render_pdf_pages


def test_two_threads_never_draw_with_pdfium_at_the_same_time(
    slip_pdf: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = 0
    most_inside = 0
    guard = threading.Lock()
    meeting = threading.Barrier(2, timeout=1.0)
    original = pdfium.PdfPage.render

    def render(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal inside, most_inside
        with guard:
            inside += 1
            most_inside = max(most_inside, inside)
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()  # both threads pass only when both are inside pdfium at once
        try:
            return original(self, *args, **kwargs)
        finally:
            with guard:
                inside -= 1

    monkeypatch.setattr(pdfium.PdfPage, "render", render)
    errors: list[BaseException] = []

    def draw() -> None:
        try:
            assert pdf_page_count(slip_pdf) >= 1
            assert list(render_pdf_pages(slip_pdf, 100))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=draw) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    assert most_inside == 1

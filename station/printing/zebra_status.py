"""Zebra's own account of its state, from the ``~HQES`` and ``~HS`` host queries.

Printers lie, but not over these: a Windows queue happily accepts jobs for a Zebra with its head
open, while the Zebra itself answers ``~HQES`` with "head open". Answers come from the network
and are parsed defensively: anything unrecognised is UNKNOWN, never a crash.
"""

from __future__ import annotations

import re

from station.printing.printer import PrinterState, PrinterStatus

HQES_QUERY = b"~HQES\r\n"
HS_QUERY = b"~HS\r\n"

# ~HQES error flags, group 1 (ZPL II Programming Guide, ~HQ): the low 32 bits.
_HQES_ERRORS: tuple[tuple[int, PrinterState, str], ...] = (
    (0x00000001, PrinterState.OUT_OF_PAPER, "media out"),
    (0x00000002, PrinterState.OUT_OF_PAPER, "ribbon out"),
    (0x00000004, PrinterState.ERROR, "head open"),
    (0x00000008, PrinterState.ERROR, "cutter fault"),
    (0x00000010, PrinterState.ERROR, "printhead over temperature"),
    (0x00000020, PrinterState.ERROR, "motor over temperature"),
    (0x00000040, PrinterState.ERROR, "bad printhead element"),
    (0x00000080, PrinterState.ERROR, "printhead detection error"),
    (0x00000100, PrinterState.ERROR, "invalid firmware configuration"),
    (0x00000200, PrinterState.ERROR, "printhead thermistor open"),
    (0x00001000, PrinterState.ERROR, "paper jam during retract"),
    (0x00002000, PrinterState.ERROR, "presenter not running"),
    (0x00004000, PrinterState.ERROR, "paper feed error"),
    (0x00008000, PrinterState.ERROR, "clear paper path failed"),
    (0x00010000, PrinterState.PAUSED, "paused"),
    (0x00020000, PrinterState.ERROR, "retract function timed out"),
    (0x00040000, PrinterState.ERROR, "black mark calibrate error"),
    (0x00080000, PrinterState.ERROR, "black mark not found"),
)
# Which state wins when several flags are set: the one a packer can act on first.
_PRIORITY = (PrinterState.OUT_OF_PAPER, PrinterState.ERROR, PrinterState.PAUSED)
_HQES_LINE = re.compile(
    r"ERRORS:\s*([01])\s+([0-9A-Fa-f]{1,8})\s+([0-9A-Fa-f]{1,8})", re.IGNORECASE
)


def hqes_complete(answer: bytes) -> bool:
    """True once an answer holds the ERRORS and WARNINGS lines (the reply may come in pieces)."""
    text = answer.upper()
    return b"ERRORS" in text and b"WARNINGS" in text and b"\x03" in text


def hs_complete(answer: bytes) -> bool:
    """True once the three ``<STX>…<ETX>`` strings of a ``~HS`` answer have arrived."""
    return answer.count(b"\x03") >= 3


def parse_hqes(answer: bytes) -> PrinterStatus:
    text = answer.decode("ascii", errors="replace")
    match = _HQES_LINE.search(text)
    if match is None:
        return PrinterStatus(PrinterState.UNKNOWN, "the printer's ~HQES answer was not understood")
    present, _group2, group1 = match.groups()
    flags = int(group1, 16)
    if present == "0" and flags == 0:
        return PrinterStatus(PrinterState.ONLINE, "ready")
    found = [(state, name) for bit, state, name in _HQES_ERRORS if flags & bit]
    if not found:
        return PrinterStatus(PrinterState.ERROR, f"error flags {group1.upper()}")
    state = next(s for s in _PRIORITY if any(f[0] is s for f in found))
    return PrinterStatus(state, ", ".join(name for _s, name in found))


def parse_hs(answer: bytes) -> PrinterStatus:
    """``~HS`` string 1 holds the paper-out and pause flags, string 2 the head-up flag."""
    strings = re.findall(rb"\x02([^\x02\x03]*)\x03", answer)
    if len(strings) < 2:
        return PrinterStatus(PrinterState.UNKNOWN, "the printer's ~HS answer was not understood")
    first = strings[0].decode("ascii", errors="replace").split(",")
    second = strings[1].decode("ascii", errors="replace").split(",")
    if len(first) < 3 or len(second) < 4:
        return PrinterStatus(PrinterState.UNKNOWN, "the printer's ~HS answer was not understood")
    paper_out = first[1].strip() == "1"
    paused = first[2].strip() == "1"
    head_up = second[2].strip() == "1"
    ribbon_out = second[3].strip() == "1"
    if paper_out or ribbon_out:
        return PrinterStatus(PrinterState.OUT_OF_PAPER, "media out" if paper_out else "ribbon out")
    if head_up:
        return PrinterStatus(PrinterState.ERROR, "head open")
    if paused:
        return PrinterStatus(PrinterState.PAUSED, "paused")
    return PrinterStatus(PrinterState.ONLINE, "ready")

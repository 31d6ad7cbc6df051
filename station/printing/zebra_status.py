"""Zebra's own account of its state, from the ``~HQES`` and ``~HS`` host queries.

Printers lie, but not over these: a Windows queue happily accepts jobs for a Zebra with its head
open, while the Zebra itself answers ``~HQES`` with "head open". Answers come from the network
and are parsed defensively: anything unrecognised is UNKNOWN, never a crash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from station.printing.printer import PrinterState, PrinterStatus

HQES_QUERY = b"~HQES\r\n"
HS_QUERY = b"~HS\r\n"
HI_QUERY = b"~HI\r\n"

# ~HI reports the print head's resolution in dots per millimetre.
_DPMM_TO_DPI = {6: 152, 8: 203, 12: 300, 24: 600}

# ~HQES error flags, group 1 (ZPL II Programming Guide, ~HQ): the low 32 bits.
_HQES_ERRORS: tuple[tuple[int, PrinterState, str], ...] = (
    (0x00000001, PrinterState.OUT_OF_PAPER, "paper out"),
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


def hi_complete(answer: bytes) -> bool:
    return b"\x03" in answer


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
    buffer_full = len(first) > 5 and first[5].strip() == "1"
    head_up = second[2].strip() == "1"
    ribbon_out = second[3].strip() == "1"
    if paper_out or ribbon_out:
        return PrinterStatus(PrinterState.OUT_OF_PAPER, "paper out" if paper_out else "ribbon out")
    if head_up:
        return PrinterStatus(PrinterState.ERROR, "head open")
    if paused:
        return PrinterStatus(PrinterState.PAUSED, "paused")
    if buffer_full:
        # More bytes would only wait in the socket until the send deadline, half-sent.
        return PrinterStatus(PrinterState.ERROR, "receive buffer full")
    return PrinterStatus(PrinterState.ONLINE, "ready")


@dataclass(frozen=True)
class Answer:
    """What came back for several queries sent in one go (``~HI``, ``~HQES``, ``~HS``, each
    answered in the order asked). ``status`` is None when neither state query was answered."""

    status: PrinterStatus | None
    answered: str | None  # "HQES" or "HS": the query the state came from
    dpi: int | None  # from ~HI, when asked and answered


_BLOCK = re.compile(rb"\x02([^\x02\x03]*)\x03")


def _split(answer: bytes) -> tuple[bytes | None, bytes | None, list[bytes]]:
    """The ~HI block, the ~HQES block and the ~HS blocks of a combined answer."""
    hi = hqes = None
    hs: list[bytes] = []
    for match in _BLOCK.finditer(answer):
        block = match.group(0)
        fields = match.group(1).split(b",")
        if b"ERRORS" in block.upper():
            hqes = block
        elif hqes is None and not hs and hi is None and len(fields) in (4, 5, 6):
            hi = block  # model,version,dots/mm,memory[,options]: asked first, answered first
        else:
            hs.append(block)
    return hi, hqes, hs


def combined_complete(answer: bytes) -> bool:
    """Enough has arrived: a ~HQES reporting an error (~HS may then stay silent), or all three
    ~HS strings (sent last, so whatever came before them has arrived too)."""
    _hi, hqes, hs = _split(answer)
    if hqes is not None and parse_hqes(hqes).state is not PrinterState.ONLINE:
        return True
    return len(hs) >= 3


def parse_combined(answer: bytes) -> Answer:
    hi, hqes, hs = _split(answer)
    dpi = parse_hi(hi) if hi is not None else None
    from_hs = parse_hs(b"".join(hs)) if len(hs) >= 2 else None
    if hqes is not None:
        status = parse_hqes(hqes)
        # ~HQES has no "receive buffer full" flag; ~HS has.
        healthy = status.state is PrinterState.ONLINE
        if healthy and from_hs is not None and from_hs.state is not PrinterState.ONLINE:
            status = from_hs
        return Answer(status, "HQES", dpi)
    if from_hs is not None:
        return Answer(from_hs, "HS", dpi)
    return Answer(None, None, dpi)


def parse_hi(answer: bytes) -> int | None:
    """The dpi from a ``~HI`` answer (``<STX>model,version,dpmm,memory,options<ETX>``), or None."""
    match = re.search(rb"\x02([^\x02\x03]*)\x03", answer)
    if match is None:
        return None
    fields = match.group(1).decode("ascii", errors="replace").split(",")
    if len(fields) < 3 or not fields[2].strip().isdigit():
        return None
    return _DPMM_TO_DPI.get(int(fields[2].strip()))

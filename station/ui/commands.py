"""Command barcodes: the packer drives the whole flow with the scanner, never the keyboard.

A command sheet (printed by ``station.ui.command_sheet``) carries Code 128 barcodes such as
``CMD:BOX:S`` or ``CMD:CONFIRM``. Anything starting with ``CMD:`` is a command; an unknown one is a
loud error (a mis-scanned command must never be taken for a PO or an item).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from station.errors import ScanError

COMMAND_PREFIX = "CMD:"

# Amazon DF purchase orders are short alphanumerics (8 characters in practice).
_PO = re.compile(r"^[A-Za-z0-9]{6,20}$")
# Item barcodes: ASINs (B0…), EAN/UPC/GTIN digits, vendor SKUs.
_ITEM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{2,39}$")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class CommandKind(StrEnum):
    BOX = "BOX"
    CONFIRM = "CONFIRM"
    CANCEL = "CANCEL"
    REPRINT = "REPRINT"
    NEXTBOX = "NEXTBOX"


@dataclass(frozen=True)
class Command:
    kind: CommandKind
    argument: str = ""  # the preset id of BOX

    @property
    def barcode(self) -> str:
        tail = f":{self.argument}" if self.argument else ""
        return f"{COMMAND_PREFIX}{self.kind.value}{tail}"


def is_command(text: str) -> bool:
    return text.strip().upper().startswith(COMMAND_PREFIX)


def parse_command(text: str, preset_ids: Iterable[str] | None = None) -> Command | None:
    """The command in a scan, ``None`` when it is not a command; ScanError when it is a broken
    or unknown one. ``preset_ids`` (when given) are the box presets ``CMD:BOX:`` may name."""
    cleaned = text.strip()
    if not cleaned.upper().startswith(COMMAND_PREFIX):
        return None
    name, _, argument = cleaned[len(COMMAND_PREFIX) :].partition(":")
    known = ", ".join(f"{COMMAND_PREFIX}{k.value}" for k in CommandKind)
    try:
        kind = CommandKind(name.strip().upper())
    except ValueError:
        raise ScanError(
            _tr("Unknown command barcode '{text}'").format(text=cleaned[:40]),
            hint=_tr("Use a barcode from the station's command sheet ({known}).").format(
                known=known
            ),
        ) from None
    argument = argument.strip()
    if kind is CommandKind.BOX:
        if not argument:
            raise ScanError(
                _tr("The box command names no box preset"),
                hint=_tr("Scan a box barcode from the command sheet, e.g. CMD:BOX:S."),
            )
        if preset_ids is not None:
            ids = list(preset_ids)
            match = next((p for p in ids if p.upper() == argument.upper()), None)
            if match is None:
                listed = ", ".join(ids) or _tr("none configured")
                raise ScanError(
                    _tr("There is no box preset '{id}'").format(id=argument[:32]),
                    hint=_tr(
                        "The presets are: {listed}. Reprint the command sheet after changes."
                    ).format(listed=listed),
                )
            argument = match
        return Command(kind, argument)
    if argument:
        raise ScanError(
            _tr("The command {command} takes nothing after it (got '{argument}')").format(
                command=f"{COMMAND_PREFIX}{kind.value}", argument=argument[:20]
            ),
            hint=_tr("Scan the command from the station's command sheet."),
        )
    return Command(kind)


def looks_like_po(text: str) -> bool:
    return bool(_PO.match(text.strip()))


def looks_like_item(text: str) -> bool:
    return bool(_ITEM.match(text.strip()))


def is_meaningful(text: str, item_codes: Iterable[str] = ()) -> bool:
    """Could this scan mean anything to the station (command, PO, an item of this order)?"""
    if is_command(text):
        try:
            parse_command(text)
        except ScanError:
            return False
        return True
    codes = {c.upper() for c in item_codes}
    return looks_like_po(text) or text.strip().upper() in codes

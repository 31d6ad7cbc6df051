"""What the station itself refuses to start with, checked where settings are edited.

The settings model keeps printer addresses as plain text (it does not depend on the printing
back ends); the station parses them when it starts and refuses an empty or malformed one. The
first-run wizard and the settings dialog ask the same parser first, so neither ever saves a file
the station will then refuse on every launch.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from station.errors import ConfigError
from station.printing.address import parse_printer_uri
from station.ui.settings.form import FieldError

ROLES = ("label", "slip")


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsRefusals", text)


def printer_refusals(printers: Mapping[str, Any], *, require: bool = True) -> list[FieldError]:
    """Errors located like the model's (``("printers", role, "uri")``) for each printer address
    the station would refuse; an empty one only when ``require``."""
    errors: list[FieldError] = []
    for role in ROLES:
        entry = printers.get(role) or {}
        uri = str(entry.get("uri", "") if isinstance(entry, Mapping) else "").strip()
        if not uri:
            if not require:
                continue
            errors.append(
                (
                    ("printers", role, "uri"),
                    _tr("Set this printer: the station cannot start without it"),
                )
            )
            continue
        try:
            parse_printer_uri(uri)
        except ConfigError as exc:
            errors.append((("printers", role, "uri"), exc.message))
    return errors


def settings_refusals(
    data: Mapping[str, Any], *, require_printers: bool = True
) -> list[FieldError]:
    """Every refusal for a whole settings mapping (the dialog's or the file's values)."""
    printers = data.get("printers") or {}
    return printer_refusals(
        printers if isinstance(printers, Mapping) else {}, require=require_printers
    )

"""What a scan may be: a PO number for the engine (``CMD:`` barcodes belong to the GUI)."""

from __future__ import annotations

import re

from station.errors import ScanError

__all__ = ["MAX_PO_LENGTH", "MIN_PO_LENGTH", "normalise_item_code", "validate_po"]

MIN_PO_LENGTH = 3
MAX_PO_LENGTH = 32  # DF POs are 8 characters; leave room for other marketplaces, refuse junk
_PO = re.compile(r"^[A-Za-z0-9]+$")


def _preview(text: str) -> str:
    shown = "".join(c if c.isprintable() else "?" for c in text[:40])
    return shown + ("…" if len(text) > 40 else "")


def validate_po(text: str) -> str:
    """The PO number in a scan, or a ScanError saying what is wrong with it."""
    cleaned = text.strip()
    if not cleaned:
        raise ScanError("The scan is empty", hint="Scan the PO barcode on the packing slip")
    if cleaned.upper().startswith("CMD:"):
        raise ScanError(
            f"'{_preview(cleaned)}' is a command barcode, not a PO",
            hint="Scan command barcodes on the packing screen, or scan the PO barcode",
        )
    if not _PO.match(cleaned):
        raise ScanError(
            f"'{_preview(cleaned)}' is not a PO number: only letters and digits are allowed",
            hint="Scan the PO barcode again; if the scanner adds characters, check its "
            "prefix/suffix and keyboard layout",
        )
    if not MIN_PO_LENGTH <= len(cleaned) <= MAX_PO_LENGTH:
        raise ScanError(
            f"'{_preview(cleaned)}' is not a PO number ({len(cleaned)} characters)",
            hint=f"A PO number has {MIN_PO_LENGTH} to {MAX_PO_LENGTH} letters and digits",
        )
    return cleaned.upper()


def normalise_item_code(text: str) -> str:
    """An item barcode (ASIN, SKU, EAN) as compared with the order's identifiers."""
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 64 or not cleaned.isprintable():
        raise ScanError(
            f"'{_preview(cleaned)}' is not an item barcode",
            hint="Scan the barcode on the item (ASIN, SKU or EAN)",
        )
    return cleaned.upper()

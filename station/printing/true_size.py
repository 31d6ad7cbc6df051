"""Will labels print at their true size on this label printer? Asked before the first label.

Amazon's PNG labels are drawn for 203-dpi heads (800 px across a 4-inch label). A 600-dpi head
prints them exactly 3× (whole dots: barcodes stay sharp); a 300-dpi head would need 1.5×, which
would smear every bar, so the station prints them dot for dot, at two thirds of their size, and
says so loudly *before* the first label. ZPL labels do not have the problem: the station rewrites
them for the printer's head (:mod:`station.zpl.rescale`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from station.printing.profile import Language, PrinterProfile

PNG_LABEL_DPI = 203


@dataclass(frozen=True)
class SmallPngLabels:
    """PNG labels will print at ``percent`` % of their size on a ``dpi`` label printer."""

    dpi: int
    percent: int

    def message(self) -> str:
        return (
            f"The label printer is set to {self.dpi} dpi: Amazon's PNG labels (drawn for "
            f"{PNG_LABEL_DPI} dpi) print on it at {self.percent} % of their size, since their "
            "barcodes are never stretched. Use a 203-dpi label printer, or set the warehouse's "
            "label format to ZPL in Settings (ZPL labels print at their true size at any dpi)."
        )


def png_label_problem(
    profile: PrinterProfile, label_formats: Iterable[str]
) -> SmallPngLabels | None:
    """The problem, when a warehouse may get PNG labels ("auto" or "png") and the ZPL label
    printer's head is not a whole multiple of 203 dpi."""
    if profile.language is not Language.ZPL:
        return None
    if not any(fmt in ("auto", "png", "PNG") for fmt in label_formats):
        return None
    ratio = profile.dots_per_inch / PNG_LABEL_DPI
    if abs(ratio - round(ratio)) < 1e-9:
        return None
    whole = max(1, int(ratio))
    return SmallPngLabels(profile.dpi, round(100 * whole / ratio))

"""What the station must know about a printer to drive it well: its language, dots per inch and
media. A pydantic model, because the settings embed one profile per printer."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Language(StrEnum):
    """``zpl``: the printer takes ZPL II (Zebra and compatibles), labels go as raw bytes.
    ``driver``: the operating system's driver rasterises pages (office printers, GDI labels)."""

    ZPL = "zpl"
    DRIVER = "driver"


class Media(StrEnum):
    LABEL_4X6 = "4x6"
    A4 = "A4"
    LETTER = "Letter"


# Media sizes in inches (width, height), portrait.
MEDIA_INCHES: dict[Media, tuple[float, float]] = {
    Media.LABEL_4X6: (4.0, 6.0),
    Media.A4: (210 / 25.4, 297 / 25.4),
    Media.LETTER: (8.5, 11.0),
}

DEFAULT_ZPL_DPI = 203
_ZPL_PITCH = {203: 1.0, 300: 1.5, 600: 3.0}

StatusQuery = Literal["auto", "none", "HQES", "HS"]


class PrinterProfile(BaseModel):
    """One printer's settings.

    ``status_query`` says whether the printer answers Zebra's ``~HQES`` (newer firmware, reports
    paper out / head open / paused) or ``~HS`` (every ZPL II printer, but silent while paper is
    out or the head is open) on its raw TCP port; "auto" asks both the first time and keeps to
    the one answered (neither: the state is unknown, said once, and not asked again); "none" for
    printers that are not Zebras, whose state the station then learns only from the connection.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    language: Language = Language.ZPL
    dpi: Literal[203, 300, 600] = 203
    media: Media = Media.LABEL_4X6
    darkness: int | None = Field(default=None, ge=0, le=30, description="ZPL ^MD/~SD 0–30")
    offset_x: int = Field(default=0, ge=-2000, le=2000, description="label home ^LH x, dots")
    offset_y: int = Field(default=0, ge=-2000, le=2000, description="label home ^LH y, dots")
    status_query: StatusQuery = "none"
    strict_scaling: bool = Field(
        default=False,
        description=(
            "refuse a label whose dpi is not an integer fraction of the printer's, instead of "
            "printing it at the nearest smaller integer scale with a warning"
        ),
    )
    connect_timeout: float = Field(default=3.0, gt=0, le=30)
    send_timeout: float = Field(default=10.0, gt=0, le=120)

    @property
    def dots_per_inch(self) -> float:
        """The real dot pitch. ZPL printers' "203/300/600 dpi" heads are 8, 12 and 24 dots/mm,
        exactly 1 : 1.5 : 3, so a 4-inch-wide label is 812, 1218 and 2436 dots wide; driver
        printers are taken at their nominal dpi."""
        if self.language is Language.ZPL:
            return DEFAULT_ZPL_DPI * _ZPL_PITCH[self.dpi]
        return float(self.dpi)

    @property
    def media_dots(self) -> tuple[int, int]:
        """The media in device dots (4×6 in: 812×1218 at 203 dpi, 1218×1827 at 300)."""
        width, height = MEDIA_INCHES[self.media]
        pitch = self.dots_per_inch
        return math.floor(width * pitch + 1e-6), math.floor(height * pitch + 1e-6)

    @classmethod
    def label(cls, dpi: Literal[203, 300, 600] = 203, **changes: object) -> PrinterProfile:
        """A 4×6 ZPL label printer."""
        return cls.model_validate({"dpi": dpi, **changes})

    @classmethod
    def office(cls, media: Media = Media.LETTER, **changes: object) -> PrinterProfile:
        """A driver printer with office paper, at 300 dpi unless told otherwise."""
        return cls.model_validate(
            {"language": Language.DRIVER, "dpi": 300, "media": media, **changes}
        )

"""Documents to what a printer takes: PNG/PDF labels to ZPL ``^GF`` fields, PDF pages to rasters.

Barcodes decide the rules. A bar that is 2 dots wide must stay 2 (or 4, or 6) dots wide: resampling
by a non-integer factor makes some bars one dot wider than others and scanners misread them. So
label images are trimmed of blank margins, thresholded hard (never dithered) and scaled only by a
whole factor; a label that would need anything else is refused (strict profiles) or printed at the
nearest smaller whole factor with a warning.

An image without a usable resolution tag is taken to be 203 dpi: Amazon DF labels are drawn for
203-dpi thermal printers (800×1400 px with no pHYs chunk). 72 and 96 dpi tags are screen defaults
written by image tools, not facts about the label, and are treated the same way.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from station.errors import ContentError, PrinterError
from station.printing.profile import MEDIA_INCHES, PrinterProfile
from station.zpl import gf

DEFAULT_LABEL_DPI = 203
SCREEN_DPIS = (72, 96)
# A 600-dpi 4×6 label is 8.6 Mpx (a 4×8 one 11.5 Mpx); anything above is not a label. Checked
# from the header before decoding: RGBA costs 4 bytes a pixel, and its conversions as much again.
MAX_IMAGE_PIXELS = 12_000_000
MAX_PDF_PAGES = 500
MAX_RENDER_PIXELS = 40_000_000  # a Letter page at 600 dpi is 33.7 Mpx (greyscale: a byte each)
#: pdfium is not thread-safe (pypdfium2 says so): every call into it, from any thread (a History
#: reprint while a slip prints), holds this lock. Reentrant, so helpers may nest.
PDFIUM_LOCK = threading.RLock()
# Resolution tags are rounded (a "300 dpi" PNG of a 12-dots/mm printer), so ratios within 2 % of a
# whole number count as that whole number.
_RATIO_TOLERANCE = 0.02


@dataclass(frozen=True)
class LabelRaster:
    """A label ready for the printer: 1-bit, at device dots, top-left at the media's corner."""

    bitmap: gf.Bitmap
    width: int  # dots actually used (the bitmap's rows are padded to whole bytes)
    height: int
    scale: int
    source_dpi: float
    warnings: tuple[str, ...] = ()

    def to_image(self) -> Image.Image:
        """Mode "1" image, white paper and black dots, exactly ``width``×``height``."""
        return self.bitmap.to_image(self.width)


def load_image(content: bytes) -> Image.Image:
    """Open an untrusted image fully (so a truncated file fails here, not half-way through)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(content))
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise ContentError(
                    f"The image is {width}×{height} pixels, far too large for a label."
                )
            image.load()
        except ContentError:
            raise
        except (
            UnidentifiedImageError,
            OSError,
            ValueError,
            SyntaxError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
        ) as exc:
            raise ContentError(f"The image cannot be read: {exc}") from exc
    if image.width == 0 or image.height == 0:
        raise ContentError("The image has no pixels.")
    return image


def image_dpi(image: Image.Image) -> float:
    """The label's resolution: its tag when it is believable, else :data:`DEFAULT_LABEL_DPI`."""
    raw = image.info.get("dpi")
    try:
        x_dpi, y_dpi = (float(v) for v in raw)  # type: ignore[union-attr]
    except (TypeError, ValueError):
        return DEFAULT_LABEL_DPI
    if not (50 <= x_dpi <= 2400) or abs(x_dpi - y_dpi) > 1:
        return DEFAULT_LABEL_DPI
    if any(abs(x_dpi - s) < 0.5 for s in SCREEN_DPIS):
        return DEFAULT_LABEL_DPI
    return x_dpi


def trim(mono: Image.Image) -> Image.Image:
    """Crop a mode-"1" image (black dots) to its printed content; all-blank stays 1×1 blank."""
    box = Image.eval(mono.convert("L"), lambda v: 255 - v).getbbox()
    if box is None:
        return Image.new("1", (1, 1), 1)
    return mono.crop(box)


def _whole_scale(ratio: float) -> int | None:
    nearest = round(ratio)
    if nearest >= 1 and abs(ratio - nearest) <= _RATIO_TOLERANCE * ratio:
        return int(nearest)
    return None


def prepare_label(
    image: Image.Image, profile: PrinterProfile, *, threshold: int = 128
) -> LabelRaster:
    """Threshold, trim and scale a label image by a whole factor for ``profile``'s media.

    Raises :class:`PrinterError` when it cannot fit the media at 1×, or when the scale is not a
    whole number and the profile is strict.
    """
    source_dpi = image_dpi(image)
    bitmap = gf.image_to_bitmap(image, threshold=threshold)
    mono = trim(bitmap.to_image(image.width))
    media_w, media_h = profile.media_dots
    ratio = profile.dots_per_inch / source_dpi
    notes: list[str] = []
    exact = _whole_scale(ratio)
    if exact is None and profile.strict_scaling:
        raise PrinterError(
            f"The label is {source_dpi:g} dpi and the printer {profile.dpi} dpi: printing it at "
            f"its true size needs a {ratio:.2f}× scale, which would blur the barcodes.",
            hint="Use a printer with a matching resolution, or turn off strict scaling.",
        )
    scale = exact if exact is not None else max(1, math.floor(ratio))
    rotated = False
    while True:
        w, h = mono.width * scale, mono.height * scale
        if w <= media_w and h <= media_h:
            break
        if h <= media_w and w <= media_h and mono.width > mono.height:
            mono = mono.transpose(Image.Transpose.ROTATE_90)
            rotated = True
            continue
        if scale == 1 or profile.strict_scaling:
            raise PrinterError(
                f"The label needs {w}×{h} dots at {scale}× but the {profile.media.value} media "
                f"at {profile.dpi} dpi is {media_w}×{media_h} dots; it would be cut off.",
                hint="Check the printer's dpi and media in its profile, or use larger labels.",
            )
        scale -= 1
    if exact is None or scale != exact:
        notes.append(
            f"The {source_dpi:g}-dpi label was printed at {scale}× on a {profile.dpi}-dpi printer "
            f"({scale / ratio:.0%} of its intended size) to keep the barcodes sharp."
        )
    if rotated:
        notes.append("The landscape label was turned 90° to fit the media.")
    if scale > 1:
        mono = mono.resize((mono.width * scale, mono.height * scale), Image.Resampling.NEAREST)
    out = gf.image_to_bitmap(mono)
    return LabelRaster(
        bitmap=out,
        width=mono.width,
        height=mono.height,
        scale=scale,
        source_dpi=source_dpi,
        warnings=tuple(notes),
    )


def zpl_for_raster(raster: LabelRaster, profile: PrinterProfile, *, copies: int = 1) -> bytes:
    """One ZPL label holding ``raster`` as a Z64 graphic field at the media's top-left corner."""
    media_w, media_h = profile.media_dots
    lines = []
    if profile.darkness is not None:
        lines.append(f"~SD{profile.darkness:02d}")
    lines += ["^XA", f"^PW{media_w}", f"^LL{media_h}"]
    if profile.offset_x or profile.offset_y:
        lines.append(f"^LH{profile.offset_x},{profile.offset_y}")
    lines.append(f"^FO0,0{gf.encode_gf(raster.bitmap, 'Z64')}^FS")
    if copies > 1:
        lines.append(f"^PQ{copies}")
    lines.append("^XZ")
    return ("\n".join(lines) + "\n").encode("ascii")


@dataclass(frozen=True)
class Converted:
    content: bytes
    warnings: tuple[str, ...] = ()


def png_to_zpl(content: bytes, profile: PrinterProfile, *, copies: int = 1) -> Converted:
    raster = prepare_label(load_image(content), profile)
    return Converted(zpl_for_raster(raster, profile, copies=copies), raster.warnings)


ZPL_AUTHORED_DPI = 203  # DF ZPL labels are laid out in 203-dpi dots (^PW812 ^LL1218)


def zpl_to_label_images(
    content: bytes, *, max_labels: int = 100
) -> tuple[list[Image.Image], tuple[str, ...]]:
    """Render a ZPL stream (each label and ``^PQ`` copy) to 1-bit images for a driver printer,
    with the renderer's warnings. The images are tagged 203 dpi, the resolution ZPL labels are
    written for, so :func:`prepare_label` scales them by whole factors only."""
    from station.zpl import render_all

    results = render_all(content, ZPL_AUTHORED_DPI, copies=True, max_labels=max_labels)
    if not results:
        raise ContentError("The ZPL holds no label (no ^XA … ^XZ).")
    images = []
    for result in results:
        image = result.image
        image.info["dpi"] = (ZPL_AUTHORED_DPI, ZPL_AUTHORED_DPI)
        images.append(image)
    notes = tuple(dict.fromkeys(str(w) for r in results for w in r.warnings))
    return images, notes


def _open_pdf(content: bytes) -> object:
    import pypdfium2 as pdfium

    try:
        with PDFIUM_LOCK:
            return pdfium.PdfDocument(content)
    except pdfium.PdfiumError as exc:
        raise ContentError(f"The PDF cannot be read: {exc}") from exc


def _close_pdf(document: object) -> None:
    with PDFIUM_LOCK:
        document.close()  # type: ignore[attr-defined]


def pdf_page_count(content: bytes) -> int:
    document = _open_pdf(content)
    try:
        with PDFIUM_LOCK:
            return len(document)  # type: ignore[arg-type]
    finally:
        _close_pdf(document)


def render_pdf_pages(
    content: bytes,
    dpi: float,
    *,
    fit_inches: tuple[float, float] | None = None,
    rotate_to_fit: bool = False,
    enlarge: bool = True,
) -> Iterator[Image.Image]:
    """Rasterise a PDF page by page, greyscale, at ``dpi``; only one page is in memory at a time.

    With ``fit_inches`` each page is scaled (as vectors, before rasterising) to fit that box
    keeping its aspect (never made larger unless ``enlarge``), turned 90° first when
    ``rotate_to_fit`` and that makes it larger. Each page is drawn under :data:`PDFIUM_LOCK`,
    which is not held while the caller uses the page.
    """
    document = _open_pdf(content)
    try:
        with PDFIUM_LOCK:
            count = len(document)  # type: ignore[arg-type]
        if count == 0:
            raise ContentError("The PDF has no pages.")
        if count > MAX_PDF_PAGES:
            raise ContentError(f"The PDF has {count} pages; at most {MAX_PDF_PAGES} are printed.")
        for index in range(count):
            with PDFIUM_LOCK:
                image = _render_page(document, index, dpi, fit_inches, rotate_to_fit, enlarge)
            image.info["dpi"] = (dpi, dpi)
            yield image
    finally:
        _close_pdf(document)


def _render_page(
    document: object,
    index: int,
    dpi: float,
    fit_inches: tuple[float, float] | None,
    rotate_to_fit: bool,
    enlarge: bool,
) -> Image.Image:
    import pypdfium2 as pdfium

    page = document[index]  # type: ignore[index]
    try:
        width_pt, height_pt = page.get_size()
        if width_pt <= 0 or height_pt <= 0:
            raise ContentError(f"Page {index + 1} of the PDF has no size.")
        scale = dpi / 72.0
        rotation = 0
        if fit_inches is not None:
            box_w, box_h = fit_inches[0] * 72, fit_inches[1] * 72
            upright = min(box_w / width_pt, box_h / height_pt)
            turned = min(box_w / height_pt, box_h / width_pt)
            if rotate_to_fit and turned > upright * 1.01:
                rotation, fit = 90, turned
            else:
                fit = upright
            scale *= fit if enlarge else min(fit, 1.0)
        pixels = width_pt * height_pt * scale * scale
        if pixels > MAX_RENDER_PIXELS:
            raise ContentError(
                f"Page {index + 1} of the PDF is too large to print "
                f"({width_pt:.0f}×{height_pt:.0f} pt)."
            )
        try:
            bitmap = page.render(scale=scale, rotation=rotation, grayscale=True)
        except pdfium.PdfiumError as exc:
            raise ContentError(f"Page {index + 1} of the PDF cannot be drawn.") from exc
        try:
            image: Image.Image = bitmap.to_pil().convert("L")
        finally:
            bitmap.close()
    finally:
        page.close()
    return image


def pdf_to_zpl(content: bytes, profile: PrinterProfile, *, copies: int = 1) -> Converted:
    """Each PDF page as one 4×6 (or the profile's media) ``^GF`` label, fitted keeping aspect."""
    labels: list[bytes] = []
    media_w, media_h = profile.media_dots
    for page in render_pdf_pages(
        content, profile.dots_per_inch, fit_inches=MEDIA_INCHES[profile.media], rotate_to_fit=True
    ):
        if page.width > media_w or page.height > media_h:  # pdfium rounds sizes up
            page = page.crop((0, 0, min(page.width, media_w), min(page.height, media_h)))
        bitmap = gf.image_to_bitmap(page)
        raster = LabelRaster(
            bitmap=bitmap, width=page.width, height=page.height, scale=1, source_dpi=profile.dpi
        )
        labels.append(zpl_for_raster(raster, profile, copies=copies))
    return Converted(b"".join(labels))

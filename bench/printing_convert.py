"""Timing of the two heavy printing conversions, on the real sample documents:

* a full 812×1218 label (203 dpi, 4×6 in) PNG → Z64 ``^GF`` ZPL;
* one PDF packing-slip page → 300-dpi greyscale raster.

Run: ``.venv/bin/python bench/printing_convert.py [--runs N]``. Prints median and spread.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import Figure, Result, ms, stats, time_runs  # noqa: E402

from station.printing.convert import png_to_zpl, render_pdf_pages  # noqa: E402
from station.printing.profile import PrinterProfile  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples"


def full_label_png() -> bytes:
    """The sample label placed on a full 812×1218 canvas with a border, so nothing is trimmed
    away and the whole 4×6 area is converted."""
    with Image.open(SAMPLES / "amazon-sandbox-label-ups.png") as label:
        content = label.convert("RGBA").crop((0, 0, 800, 1210))
    canvas = Image.new("RGBA", (812, 1218), (255, 255, 255, 255))
    canvas.alpha_composite(content, (6, 4))
    for x in range(812):
        canvas.putpixel((x, 0), (0, 0, 0, 255))
        canvas.putpixel((x, 1217), (0, 0, 0, 255))
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    png = full_label_png()
    pdf = (SAMPLES / "amazon-sandbox-packing-slip.pdf").read_bytes()
    profile = PrinterProfile.label(203)
    zpl_size = len(png_to_zpl(png, profile).content)
    cases = {
        "convert.png_to_gf": (
            f"PNG 812×1218 → Z64 ^GF ({zpl_size // 1024} KiB ZPL)",
            lambda: png_to_zpl(png, profile),
        ),
        "convert.pdf_to_raster": (
            "PDF slip page → 300 dpi grey raster",
            lambda: list(render_pdf_pages(pdf, 300)),
        ),
    }
    figures = []
    for key, (label, run) in cases.items():
        times = stats(ms(time_runs(run, args.runs)))  # one warm-up run (imports, caches)
        figures.append(Figure(key, label, times.median, "ms", detail=times.spread()))
    Result("printing_convert", "Printing conversions (per item)", figures).write()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: render a typical UPS-style carrier label (text, boxes, Code 128, MaxiCode, a ^GF
logo) at 203 dpi. Target: median under 50 ms.

    .venv/bin/python bench/zpl_render.py [--runs 50] [--save /tmp/zpl-preview/carrier.png]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import Figure, Result, stats

from station.zpl import gf, render

TARGET_MS = 50.0


def _logo() -> str:
    image = Image.new("L", (240, 80), 255)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, 239, 79), radius=16, fill=0)
    draw.ellipse((12, 12, 68, 68), fill=255)
    draw.rectangle((90, 25, 220, 55), fill=255)
    return gf.encode_gf(gf.image_to_bitmap(image), "Z64")


def carrier_label() -> str:
    """A 4×6 label laid out like a UPS Ground label."""
    return (
        "^XA^PW812^LL1218^CI28^LH0,0^MD0^PR4\n"
        f"^FO20,20{_logo()}^FS\n"
        "^FO290,25^A0N,28,28^FDVENDOR WAREHOUSE^FS\n"
        "^FO290,58^A0N,24,24^FD2 DOCK RD^FS\n"
        "^FO290,86^A0N,24,24^FDRENO NV 89501^FS\n"
        "^FO600,20^GB192,100,4,B,2^FS^FO615,40^A0N,60,50^FD2.5 KG^FS\n"
        "^FO0,130^GB812,4,4^FS\n"
        "^FO20,150^A0N,30,30^FDSHIP TO:^FS\n"
        "^FO60,190^A0N,40,36^FB700,4,6,L^FDTEST CUSTOMER\\&1 MAIN ST\\&SEATTLE WA 98101"
        "\\&UNITED STATES^FS\n"
        "^FO0,380^GB812,4,4^FS\n"
        "^FO20,400^BD2,1,1^FH^FD001840981010000[)>_1E01_1D961Z99999999_1DUPSN_1D"
        "999AA1_1D030_1D_1D1/1_1D3_1DY_1D_1DSEATTLE_1DWA_1E_04^FS\n"
        "^FO290,410^A0N,90,80^FDWA 981 0-01^FS\n"
        "^FO290,520^BY3^BCN,100,N,N,N^FD>;4209810000>6^FS\n"
        "^FO0,650^GB812,4,4^FS\n"
        "^FO20,670^A0N,60,60^FDUPS GROUND^FS^FO600,660^GB200,80,80^FS"
        "^FO640,670^FR^A0N,60,60^FD1^FS\n"
        "^FO20,740^A0N,30,30^FDTRACKING #: 1Z 999 AA1 01 2345 6784^FS\n"
        "^FO0,780^GB812,4,4^FS\n"
        "^FO60,810^BY3^BCN,220,N,N,N^FD>:1Z999AA1>50123456784^FS\n"
        "^FO0,1060^GB812,4,4^FS\n"
        "^FO20,1080^A0N,26,26^FDBILLING: P/P^FS^FO20,1115^A0N,26,26^FDPO: 2JK3S9VC^FS\n"
        "^FO500,1080^BQN,2,3^FDQA,2JK3S9VC^FS\n"
        "^XZ"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--dpi", type=int, default=203)
    parser.add_argument("--save", type=Path)
    args = parser.parse_args(argv)
    zpl = carrier_label().encode()
    result = render(zpl, args.dpi)  # warm-up: fonts, zint
    if result.warnings:
        for warning in result.warnings:
            print(f"warning: {warning}")
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        result.image.save(args.save, dpi=(args.dpi, args.dpi))
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        render(zpl, args.dpi)
        times.append((time.perf_counter() - start) * 1000)
    summary = stats(times)
    figure = Figure(
        "zpl.render_carrier_label",
        f"ZPL render, UPS-style carrier label @ {args.dpi} dpi",
        summary.median,
        "ms",
        TARGET_MS,
        detail=summary.spread(),
    )
    Result("zpl_render", "Offline ZPL renderer", [figure]).write()
    return 0 if figure.met else 1


if __name__ == "__main__":
    raise SystemExit(main())

"""ZPL bombs: a few kilobytes of ZPL whose repeat counts, repeated rows, deflate streams, label
size or copies would need gigabytes. Each is bounded before anything is allocated (a clear
ZplError, or a label within the bounds), in the renderer and in the real ``station render``."""

from __future__ import annotations

import base64
import os
import zlib
from pathlib import Path

import pytest

from station.errors import ZplError
from station.zpl import gf, render_all
from station.zpl.params import MAX_LABEL_PIXELS
from tests.hostile.servers import run_station_measured


def _z64(data: bytes) -> str:
    text = base64.b64encode(data)
    return f":Z64:{text.decode()}:{gf.crc16(text)}"


def _deflate_bomb(size: int) -> bytes:
    packer = zlib.compressobj(9)
    block = b"\xff" * (1 << 20)
    return b"".join([packer.compress(block) for _ in range(size >> 20)] + [packer.flush()])


#: name → a small ZPL file that a renderer without bounds inflates to gigabytes.
BOMBS = {
    # 1,000,000 bytes a row: each "," is a 2 MB row of hex, each ":" one more (~6 GB in all).
    "wide rows": "^XA^FO0,0^GFA,19000000,19000000,1000000," + ",:" * 1500 + "^FS^XZ",
    # A legal row width, and far more repeated rows than the field holds.
    "repeated rows": "^XA^FO0,0^GFA,4000000,4000000,1500,!" + ":" * 200_000 + "^FS^XZ",
    # 1 GiB of deflated ink (~1 MB) in a field that holds 4 MB.
    "deflate": "^XA^FO0,0^GFA,4000000,4000000,1000," + _z64(_deflate_bomb(1 << 30)) + "^FS^XZ",
    # The largest label the parameters allow, filled, one hundred times.
    "label size": "^XA^PW12000^LL12000^PQ100^FO0,0^GB12000,12000,6000^FS^XZ",
    # ~DG the same large graphic under many names.
    "stored graphics": "".join(
        f"~DGR:G{n}.GRF,4000000,1000,!" + ":" * 4000 + "\n" for n in range(40)
    )
    + "^XA^FO0,0^XGR:G1.GRF,10,10^FS^XZ",
    # A legal label that draws the same full-label box thousands of times.
    "work": "^XA" + "^FO0,0^GB812,1218,400^FS" * 2000 + "^XZ",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_zpl_bomb_is_bounded_in_the_renderer(name: str) -> None:
    try:
        results = render_all(BOMBS[name], 203)
    except ZplError as exc:
        assert "larger than" in str(exc) or "more than" in str(exc), exc
        return
    for result in results:
        assert result.image.width * result.image.height <= MAX_LABEL_PIXELS


def test_the_ascii_decoder_stops_at_the_field_size() -> None:
    bitmap = gf.decode_data("!" + ":" * 100_000, total_bytes=3000, bytes_per_row=30)
    assert len(bitmap.data) == 3000 and bitmap.rows == 100
    assert bitmap.data == b"\xff" * 3000
    with pytest.raises(ZplError, match="larger than any label"):
        gf.decode_data(",", total_bytes=10, bytes_per_row=10_000_000)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="measures the real program's memory (POSIX)")
@pytest.mark.parametrize("name", ["wide rows", "deflate", "label size", "stored graphics"])
def test_station_render_stays_under_400_mb_on_a_zpl_bomb(name: str, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.zpl"
    bomb.write_text(BOMBS[name])
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env["STATION_HOME"] = str(tmp_path / "home")
    done, peak_mb = run_station_measured(
        "render", str(bomb), "--all", "-o", str(tmp_path / "out.png"), env=env, cwd=tmp_path
    )
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr
    assert done.returncode != 0 or list(tmp_path.glob("out*.png")), done.stderr
    assert peak_mb < 400, peak_mb

"""Image bombs: a 250 KB PNG of 7,000×8,500 transparent pixels would cost about a gigabyte to
decode and convert. ``station print`` refuses it from its header, in bounded memory; a PDF page
far larger than paper is previewed at screen size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from station.printing.convert import MAX_IMAGE_PIXELS
from tests.hostile.servers import run_station_measured


@pytest.mark.skipif(not hasattr(os, "fork"), reason="measures the real program's memory (POSIX)")
def test_station_print_refuses_a_png_bomb_in_bounded_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "label.png"
    Image.new("RGBA", (7000, 8500), (255, 255, 255, 0)).save(bomb, optimize=True)
    assert bomb.stat().st_size < 1_000_000 and MAX_IMAGE_PIXELS < 7000 * 8500
    env = {k: v for k, v in os.environ.items() if not k.startswith("STATION_")}
    env["STATION_HOME"] = str(tmp_path / "home")
    done, peak_mb = run_station_measured(
        "print", str(bomb), "--printer", (tmp_path / "out").as_uri(), env=env, cwd=tmp_path
    )
    assert done.returncode != 0 and "too large" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert peak_mb < 300, peak_mb

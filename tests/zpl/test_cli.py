"""``station render``: writes the PNG with its dpi, prints warnings, explains bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from station.cli import main


def test_render_writes_a_png_with_its_dpi(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    label = tmp_path / "label.zpl"
    label.write_bytes(b"^XA^FO10,10^GB50,50,50^FS^ZZ^XZ")
    out = tmp_path / "out.png"
    assert main(["render", str(label), "-o", str(out), "--dpi", "300"]) == 0
    with Image.open(out) as image:
        assert image.size == (1218, 1827)
        assert round(image.info["dpi"][0]) == 300
        assert image.getpixel((20, 20)) == 0
    captured = capsys.readouterr()
    assert "^ZZ at character 25" in captured.err
    assert str(out) in captured.out


def test_render_all_numbers_the_files(tmp_path: Path) -> None:
    label = tmp_path / "two.zpl"
    label.write_text("^XA^PQ2^XZ^XA^XZ")
    assert main(["render", str(label), "--all"]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.png")) == ["two-1.png", "two-2.png", "two-3.png"]


def test_render_default_output_name_and_label_choice(tmp_path: Path) -> None:
    label = tmp_path / "x.zpl"
    label.write_text("^XA^XZ^XA^PW100^LL50^XZ")
    assert main(["render", str(label), "--label", "2"]) == 0
    with Image.open(tmp_path / "x.png") as image:
        assert image.size == (100, 50)
    assert main(["render", str(label), "--label", "3"]) == 1


def test_unreadable_or_malformed_input_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(tmp_path / "missing.zpl")]) == 1
    assert "cannot read the zpl file" in capsys.readouterr().err.lower()
    bad = tmp_path / "bad.zpl"
    bad.write_text("^XA^FOx,1^FS^XZ")
    assert main(["render", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "at character 3" in err and "what to do" in err

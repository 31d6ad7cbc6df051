"""The ^GF codec that the printer conversion and the renderer share."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from station.errors import ZplError
from station.zpl import gf


@pytest.mark.parametrize("compression", ["Z64", "B64", "ACS", "HEX"])
def test_real_label_round_trips(samples_dir: Path, compression: str) -> None:
    image = Image.open(samples_dir / "amazon-sandbox-label-ups.png")
    bitmap = gf.image_to_bitmap(image)
    data = gf.encode_data(bitmap, compression)
    back = gf.decode_data(data, total_bytes=len(bitmap.data), bytes_per_row=bitmap.bytes_per_row)
    assert back == bitmap
    assert back.to_image(image.width).size == image.size


def test_transparent_background_is_paper() -> None:
    image = Image.new("RGBA", (16, 2), (0, 0, 0, 0))
    image.putpixel((0, 0), (0, 0, 0, 255))
    bitmap = gf.image_to_bitmap(image)
    assert bitmap.data == bytes([0x80, 0x00, 0x00, 0x00])


def test_zebra_ascii_compression_examples() -> None:
    # Zebra's scheme: "I" = 3 repeats (G=1 … Y=19), "," fills with zeros, ":" repeats a row.
    bitmap = gf.decode_data("IF,\n:\n!", total_bytes=12, bytes_per_row=4)
    assert bitmap.data == bytes.fromhex("FFF00000FFF00000FFFFFFFF")


def test_bad_crc_is_reported() -> None:
    bitmap = gf.Bitmap(data=b"\xff\x00", bytes_per_row=1, rows=2)
    data = gf.encode_data(bitmap, "Z64")
    broken = data[:-4] + ("0000" if not data.endswith("0000") else "1111")
    with pytest.raises(ZplError, match="CRC"):
        gf.decode_data(broken, total_bytes=2, bytes_per_row=1, position=7)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=6).flatmap(
        lambda bpr: st.tuples(
            st.just(bpr),
            st.binary(min_size=bpr, max_size=bpr * 8).map(
                lambda b, bpr=bpr: b[: len(b) - len(b) % bpr] or bytes(bpr)
            ),
        )
    ),
    st.sampled_from(["Z64", "B64", "ACS", "HEX"]),
)
def test_any_bitmap_round_trips(case: tuple[int, bytes], compression: str) -> None:
    bytes_per_row, data = case
    bitmap = gf.Bitmap(data=data, bytes_per_row=bytes_per_row, rows=len(data) // bytes_per_row)
    encoded = gf.encode_data(bitmap, compression)
    assert gf.decode_data(encoded, total_bytes=len(data), bytes_per_row=bytes_per_row) == bitmap


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_garbage_never_crashes(text: str) -> None:
    with contextlib.suppress(ZplError):
        gf.decode_data(text, total_bytes=8, bytes_per_row=2)

"""Where things land: boxes, text and label setup checked by pixel probes, dot by dot."""

from __future__ import annotations

import pytest

from station.zpl import render
from tests.zpl.probes import draw, ink, ink_bbox


@pytest.mark.parametrize(
    ("dpi", "size"), [(203, (812, 1218)), (300, (1218, 1827)), (600, (2436, 3654))]
)
def test_default_label_is_4x6_inches_in_printer_dots(dpi: int, size: tuple[int, int]) -> None:
    result = render("^XA^XZ", dpi)
    assert result.image.size == size
    assert result.image.mode == "1"
    assert result.image.info["dpi"] == (dpi, dpi)
    assert ink_bbox(result.image) is None


def test_pw_and_ll_set_the_label_size() -> None:
    assert draw("^XA^PW400^LL300^XZ").size == (400, 300)


def test_box_inks_exactly_its_dots() -> None:
    image = draw("^XA^FO100,50^GB200,10,10^FS^XZ")
    assert ink_bbox(image) == (100, 50, 300, 60)
    for x, y in [(100, 50), (299, 59), (200, 55)]:
        assert ink(image, x, y)
    for x, y in [(99, 55), (300, 55), (200, 49), (200, 60)]:
        assert not ink(image, x, y)


def test_box_border_thickness_leaves_the_inside_white() -> None:
    image = draw("^XA^FO10,10^GB100,80,5^FS^XZ")
    assert ink_bbox(image) == (10, 10, 110, 90)
    assert ink(image, 14, 50) and not ink(image, 15, 50)
    assert ink(image, 60, 85) and not ink(image, 60, 84)
    assert not ink(image, 60, 50)


def test_white_box_clears_and_rounding_cuts_corners() -> None:
    image = draw(
        "^XA^FO0,0^GB100,100,100^FS^FO20,20^GB10,10,10,W^FS^FO200,0^GB100,100,100,B,8^FS^XZ"
    )
    assert ink(image, 10, 10) and not ink(image, 25, 25)
    assert not ink(image, 200, 0)  # rounded corner
    assert ink(image, 250, 50) and ink(image, 250, 0)


def test_label_home_offsets_fields() -> None:
    image = draw("^XA^LH30,40^FO10,10^GB5,5,5^FS^XZ")
    assert ink_bbox(image) == (40, 50, 45, 55)


def test_label_top_and_left_shift_move_everything() -> None:
    image = draw("^XA^LT20^LS10^FO100,100^GB5,5,5^FS^XZ")
    assert ink_bbox(image) == (90, 120, 95, 125)


def test_print_orientation_inverted_turns_the_label() -> None:
    image = draw("^XA^PW200^LL100^POI^FO0,0^GB10,20,10^FS^XZ")
    assert ink_bbox(image) == (190, 80, 200, 100)


def test_ft_puts_the_text_baseline_on_y() -> None:
    image = draw("^XA^FT100,200^A0N,50,50^FDHHH^FS^XZ")
    bbox = ink_bbox(image)
    assert bbox is not None
    left, top, _right, bottom = bbox
    assert bottom == 200  # the last inked row is 199: capitals sit on the baseline
    assert 100 <= left <= 106
    assert 200 - 50 < top < 200 - 25  # cap height is most of the cell


def test_fo_puts_the_text_cell_top_on_y() -> None:
    image = draw("^XA^FO100,200^A0N,50,50^FDHHH^FS^XZ")
    bbox = ink_bbox(image)
    assert bbox is not None
    assert 200 <= bbox[1] < 200 + 20
    assert bbox[3] <= 250


def test_ft_puts_a_box_bottom_on_y() -> None:
    image = draw("^XA^FT100,200^GB50,20,20^FS^XZ")
    assert ink_bbox(image) == (100, 180, 150, 200)


def test_font_width_scales_the_text() -> None:
    wide = ink_bbox(draw("^XA^FO0,0^A0N,50,50^FDHHHH^FS^XZ"))
    narrow = ink_bbox(draw("^XA^FO0,0^A0N,50,25^FDHHHH^FS^XZ"))
    assert wide is not None and narrow is not None
    assert abs((narrow[2] - narrow[0]) * 2 - (wide[2] - wide[0])) <= 6
    assert wide[3] - wide[1] == narrow[3] - narrow[1]


@pytest.mark.parametrize("rotate", ["^A0R,40,40", "^A0B,40,40", "^FWR^A0,40,40", "^FWB^A0,40,40"])
def test_rotated_text_runs_vertically(rotate: str) -> None:
    bbox = ink_bbox(draw(f"^XA^FO100,100{rotate}^FDHELLO WORLD^FS^XZ"))
    assert bbox is not None
    assert bbox[3] - bbox[1] > 3 * (bbox[2] - bbox[0])
    assert bbox[0] >= 100 and bbox[1] >= 100


def test_inverted_text_is_upside_down() -> None:
    normal = draw("^XA^FO100,100^A0N,60,60^FDT^FS^XZ")
    turned = draw("^XA^FO100,100^A0I,60,60^FDT^FS^XZ")
    n, t = ink_bbox(normal), ink_bbox(turned)
    assert n is not None and t is not None
    # the bar of the T is at the top normally and at the bottom when inverted
    assert ink(normal, (n[0] + n[2]) // 2 - 15, n[1] + 2)
    assert ink(turned, (t[0] + t[2]) // 2 + 15, t[3] - 3)


def test_cf_sets_the_default_font() -> None:
    small = ink_bbox(draw("^XA^FO10,10^FDHHH^FS^XZ"))
    big = ink_bbox(draw("^XA^CF0,60^FO10,10^FDHHH^FS^XZ"))
    assert small is not None and big is not None
    assert big[3] - big[1] > 3 * (small[3] - small[1])


def test_bitmap_fonts_use_their_cell_and_magnify_by_whole_multiples() -> None:
    d = ink_bbox(draw("^XA^FO10,10^ADN^FDHHH^FS^XZ"))
    a2 = ink_bbox(draw("^XA^FO10,10^AAN,18,10^FDHHH^FS^XZ"))
    a = ink_bbox(draw("^XA^FO10,10^AAN^FDHHH^FS^XZ"))
    assert d is not None and a2 is not None and a is not None
    assert d[3] - d[1] <= 18 and a2[3] - a2[1] <= 18
    assert (a2[3] - a2[1]) >= 2 * (a[3] - a[1]) - 2
    assert a[3] - a[1] <= 9


def test_field_reverse_xors_with_what_is_below() -> None:
    image = draw(
        "^XA^FO0,0^GB300,100,100^FS^FO50,20^FR^GB100,50,50^FS^FO50,200^FR^GB10,10,10^FS^XZ"
    )
    assert not ink(image, 60, 30)  # black under black -> white
    assert ink(image, 10, 10)
    assert ink(image, 55, 205)  # black over white stays black
    text = draw("^XA^FO0,0^GB400,100,100^FS^FO20,20^FR^A0N,60,60^FDHHH^FS^XZ")
    inside = text.crop((20, 20, 300, 80))
    assert 0 < inside.histogram()[255] < inside.width * inside.height  # white glyphs on black


def test_label_reverse_applies_to_every_field() -> None:
    image = draw("^XA^FO0,0^GB100,100,100^FS^LRY^FO10,10^GB20,20,20^FS^XZ")
    assert not ink(image, 15, 15) and ink(image, 50, 50)


def test_field_block_wraps_and_justifies() -> None:
    image = draw("^XA^FO100,100^A0N,30,30^FB300,3,10,C^FDALPHA BETA GAMMA DELTA EPSILON^FS^XZ")
    rows = [ink_bbox(image, (0, 100 + k * 40, 812, 100 + k * 40 + 30)) for k in range(3)]
    assert all(r is not None for r in rows)
    assert ink_bbox(image, (0, 100 + 3 * 40, 812, 400)) is None  # three lines at most
    for r in rows:
        assert r is not None
        assert r[0] >= 100 and r[2] <= 400
        assert abs((r[0] - 100) - (400 - r[2])) <= 4  # centred


def test_field_block_right_justification_and_hanging_indent() -> None:
    right = draw("^XA^FO100,100^A0N,30,30^FB300,2,0,R^FDALPHA BETA GAMMA DELTA^FS^XZ")
    first = ink_bbox(right, (0, 100, 812, 130))
    assert first is not None and 396 <= first[2] <= 400
    hang = draw("^XA^FO100,100^A0N,30,30^FB300,3,0,L,40^FDALPHA BETA GAMMA DELTA^FS^XZ")
    line1 = ink_bbox(hang, (0, 100, 812, 130))
    line2 = ink_bbox(hang, (0, 130, 812, 160))
    assert line1 is not None and line2 is not None
    assert line1[0] < 110 and 140 <= line2[0] < 150


def test_field_block_forced_line_break() -> None:
    image = draw("^XA^FO100,100^A0N,30,30^FB600,2^FDAB\\&CD^FS^XZ")
    assert ink_bbox(image, (0, 100, 812, 130)) is not None
    assert ink_bbox(image, (0, 130, 812, 160)) is not None


def test_circle_ellipse_and_diagonal() -> None:
    image = draw("^XA^FO100,100^GC100,100^FS^FO300,100^GC100,3^FS^XZ")
    assert ink_bbox(image, (0, 0, 250, 250)) == (100, 100, 200, 200)
    assert ink(image, 150, 150)
    assert ink_bbox(image, (250, 0, 812, 250)) == (300, 100, 400, 200)
    assert not ink(image, 350, 150)
    ellipse = draw("^XA^FO100,100^GE200,80,3^FS^XZ")
    assert ink_bbox(ellipse) == (100, 100, 300, 180)
    assert ink(ellipse, 101, 140) and not ink(ellipse, 200, 140)
    right = draw("^XA^FO100,100^GD100,100,5,B,R^FS^XZ")
    assert ink(right, 101, 198) and ink(right, 198, 101) and not ink(right, 101, 101)
    left = draw("^XA^FO100,100^GD100,100,5,B,L^FS^XZ")
    assert ink(left, 101, 101) and ink(left, 198, 198) and not ink(left, 198, 101)


def test_setup_commands_are_accepted_without_warnings() -> None:
    result = render("^XA^MCY^PR4^MD10^CI0^MNY^PON^FWN^PQ1^FXcomment^XZ")
    assert result.warnings == ()

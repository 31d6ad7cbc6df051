"""Command barcodes and keyboard-layout garbling: parsers of scanned text (property tests)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import ScanError
from station.ui.commands import Command, CommandKind, is_meaningful, parse_command
from station.ui.keyboard_layout import LAYOUTS, apply_layout, suspect_layout, undo_layout


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CMD:CONFIRM", Command(CommandKind.CONFIRM)),
        ("cmd:confirm", Command(CommandKind.CONFIRM)),
        ("CMD:CANCEL", Command(CommandKind.CANCEL)),
        ("CMD:REPRINT", Command(CommandKind.REPRINT)),
        ("CMD:NEXTBOX", Command(CommandKind.NEXTBOX)),
        ("CMD:BOX:m", Command(CommandKind.BOX, "M")),
        (" CMD:BOX:S ", Command(CommandKind.BOX, "S")),
        ("2AUW63W3", None),
    ],
)
def test_commands(text: str, expected: Command | None) -> None:
    assert parse_command(text, ["S", "M", "L"]) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("CMD:SHIPIT", "Unknown command"),
        ("CMD:BOX", "names no box preset"),
        ("CMD:BOX:XXL", "no box preset 'XXL'"),
        ("CMD:CONFIRM:NOW", "takes nothing after it"),
    ],
)
def test_bad_commands_are_clear_errors(text: str, words: str) -> None:
    with pytest.raises(ScanError, match=words) as raised:
        parse_command(text, ["S", "M"])
    assert raised.value.hint


def test_barcode_round_trip() -> None:
    for command in (Command(CommandKind.BOX, "M"), Command(CommandKind.CONFIRM)):
        assert parse_command(command.barcode, ["M"]) == command


@given(st.text(max_size=80))
def test_parse_command_never_fails_with_anything_but_a_scan_error(text: str) -> None:
    try:
        parse_command(text, ["S", "M"])
    except ScanError as exc:
        assert exc.message and exc.hint


def test_azerty_digits_are_recognised() -> None:
    garbled = "&é\"'(-è_çà"
    assert undo_layout(garbled, "French AZERTY") == "1234567890"
    garbled = apply_layout("2AUW63W3", "French AZERTY")
    assert garbled == 'éQUZ-"Z"'
    suspicion = suspect_layout(garbled, is_meaningful)
    assert suspicion is not None and suspicion.layout == "French AZERTY"
    assert suspicion.meant == "2AUW63W3"
    assert "US layout" in suspicion.advice()


def test_a_valid_scan_is_never_suspected() -> None:
    assert suspect_layout("2AUW63W3", is_meaningful) is None
    assert suspect_layout("CMD:CONFIRM", is_meaningful) is None


@given(
    st.sampled_from(sorted(LAYOUTS)),
    st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=8, max_size=8),
)
def test_a_garbled_po_is_explained_or_still_valid(layout: str, po: str) -> None:
    garbled = apply_layout(po, layout)
    if is_meaningful(garbled):
        return  # the layout does not touch these characters (or still gives a valid PO)
    suspicion = suspect_layout(garbled, is_meaningful)
    assert suspicion is not None
    assert is_meaningful(suspicion.meant)


@given(st.sampled_from(sorted(LAYOUTS)), st.text(max_size=40))
def test_suspect_layout_never_raises(layout: str, text: str) -> None:
    suspect_layout(text, is_meaningful)
    assert isinstance(undo_layout(text, layout), str)

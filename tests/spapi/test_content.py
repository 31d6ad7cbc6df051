"""Label/slip/invoice content: base64 in, sniffed bytes out, clear errors otherwise."""

from __future__ import annotations

import base64
import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.errors import ContentError
from station.spapi import decode_document, sniff
from tests.helpers import contract


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_the_real_png_label_decodes(samples_dir: Path) -> None:
    data = (samples_dir / "amazon-sandbox-label-ups.png").read_bytes()
    doc = decode_document(b64(data), expected="png")
    assert doc.kind == "png" and doc.data == data


def test_the_real_pdf_slip_decodes(samples_dir: Path) -> None:
    data = (samples_dir / "amazon-sandbox-packing-slip.pdf").read_bytes()
    doc = decode_document(b64(data), expected=("pdf",))
    assert doc.kind == "pdf" and doc.data == data
    assert "bytes" in repr(doc) and "%PDF" not in repr(doc)


def test_base64_with_line_breaks_decodes(samples_dir: Path) -> None:
    data = (samples_dir / "amazon-sandbox-label-ups.png").read_bytes()
    wrapped = "\n".join(b64(data)[i : i + 76] for i in range(0, len(b64(data)), 76))
    assert decode_document(wrapped).data == data


@pytest.mark.parametrize(
    "zpl",
    [
        b"^XA^FO50,50^FDHello^FS^XZ",
        b"  \r\n^XA^XZ",
        b"~JA~SD20\n^XA^XZ",
        b"\n~DGR:X.GRF,2,1,FF\n^XA^XZ",
    ],
)
def test_zpl_is_recognised(zpl: bytes) -> None:
    assert decode_document(b64(zpl)).kind == "zpl"


def test_text_before_zpl_is_not_zpl() -> None:
    with pytest.raises(ContentError):
        decode_document(b64(b"hello ^XA^XZ"))


def test_gzipped_content_is_unpacked_defensively(samples_dir: Path) -> None:
    data = (samples_dir / "amazon-sandbox-label-ups.png").read_bytes()
    doc = decode_document(b64(gzip.compress(data)))
    assert doc.kind == "png" and doc.data == data and doc.was_gzipped


def test_a_broken_gzip_is_a_content_error() -> None:
    with pytest.raises(ContentError, match="gzip"):
        decode_document(b64(b"\x1f\x8b\x08\x00garbage"))


@pytest.mark.parametrize(
    "placeholder",
    ["Base 64 encoded string goes here", "base 64 content goes here", "base 64 encoded string"],
)
def test_sandbox_placeholders_are_reported_as_such(placeholder: str) -> None:
    with pytest.raises(ContentError, match="placeholder"):
        decode_document(placeholder)


def test_every_documented_content_decodes_or_fails_cleanly() -> None:
    """Amazon's own examples hold real base64 and placeholders; both are handled."""
    for model in ("shipping-v1", "shipping-2021"):
        for example in contract.examples(model):
            for content in _contents(example.body):
                try:
                    doc = decode_document(content)
                except ContentError as exc:
                    assert exc.hint
                else:
                    assert doc.kind in ("png", "pdf", "zpl")


def _contents(value: object) -> list[str]:
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k == "content" and isinstance(v, str)]
        for v in value.values():
            found.extend(_contents(v))
        return found
    if isinstance(value, list):
        return [c for v in value for c in _contents(v)]
    return []


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("@@@@", "base64"),
        ("QUJD", "neither"),
        ("QQ", "neither"),
        ("Q", "base64"),
    ],
)
def test_invalid_content_is_a_clear_error(text: str, match: str) -> None:
    with pytest.raises(ContentError, match=match):
        decode_document(text)


def test_the_wrong_kind_is_refused() -> None:
    with pytest.raises(ContentError, match="Expected a PDF"):
        decode_document(b64(b"^XA^XZ"), expected="pdf")


@given(st.binary(max_size=2048))
def test_any_bytes_round_trip_or_fail_cleanly(data: bytes) -> None:
    try:
        doc = decode_document(b64(data))
    except ContentError:
        assert sniff(data) is None or data.startswith(b"\x1f\x8b")
    else:
        assert doc.data == data
        assert doc.kind == sniff(data)


@given(st.text(max_size=300))
def test_any_text_never_crashes(text: str) -> None:
    try:
        doc = decode_document(text)
    except ContentError as exc:
        assert exc.message
    else:
        assert doc.kind in ("png", "pdf", "zpl")


@given(st.binary(max_size=512), st.sampled_from([b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n", b"^XA"]))
def test_magic_prefixes_are_sniffed(tail: bytes, magic: bytes) -> None:
    doc = decode_document(b64(magic + tail))
    assert doc.kind == {b"\x89PNG\r\n\x1a\n": "png", b"%PDF-1.4\n": "pdf", b"^XA": "zpl"}[magic]

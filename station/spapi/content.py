"""Label, packing slip and invoice content: base64 text in, sniffed bytes out.

Amazon sends plain base64 (not gzip, unlike Merchant Fulfillment labels), but this is outside
input: sandbox answers carry placeholder text such as "Base 64 encoded string goes here", and a
future change could gzip it. So the bytes are checked for what they claim to be before a printer
ever sees them, and anything else becomes a ContentError that says what was wrong.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass
from typing import Literal

from station.errors import ContentError

__all__ = ["MAX_DOCUMENT_BYTES", "DecodedDocument", "DocumentKind", "decode_document", "sniff"]

DocumentKind = Literal["png", "zpl", "pdf"]

#: A DF label is ~100 KB and a slip a few hundred; anything far larger is not a document we print.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_GZIP_MAGIC = b"\x1f\x8b"
_WHITESPACE = re.compile(rb"\s+")
_BASE64_TEXT = re.compile(rb"^[A-Za-z0-9+/_-]*={0,2}$")
_PLACEHOLDER = re.compile(r"^[A-Za-z0-9 .,:;'()!-]*$")
# ZPL may begin with whitespace and ~commands (~JA, ~SD20, ~DG...) before the first ^XA.
_ZPL_SCAN_LIMIT = 64 * 1024


@dataclass(frozen=True)
class DecodedDocument:
    kind: DocumentKind
    data: bytes
    was_gzipped: bool = False

    def __repr__(self) -> str:
        return f"DecodedDocument(kind={self.kind!r}, {len(self.data)} bytes)"


def _looks_like_zpl(data: bytes) -> bool:
    head = data[:_ZPL_SCAN_LIMIT]
    start = head.find(b"^XA")
    if start < 0:
        return False
    prefix = head[:start].strip()
    # Only ~commands may come before ^XA: they are printer-level instructions.
    return prefix == b"" or prefix.startswith(b"~")


def sniff(data: bytes) -> DocumentKind | None:
    """The kind of document ``data`` is, or None when it is none we print."""
    if data.startswith(_PNG_MAGIC):
        return "png"
    if _looks_like_zpl(data):
        return "zpl"
    if b"%PDF-" in data[:1024]:  # the PDF spec tolerates junk before the header
        return "pdf"
    return None


def _gunzip(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, MAX_DOCUMENT_BYTES + 1)
    except zlib.error as exc:
        raise ContentError(f"The document looks gzipped but does not unpack ({exc})") from None
    if len(out) > MAX_DOCUMENT_BYTES:
        raise ContentError("The gzipped document unpacks to more than 50 MB; refusing it")
    if not inflater.eof:
        raise ContentError("The document looks gzipped but is truncated")
    return out


def decode_document(
    text: str | bytes, *, expected: DocumentKind | tuple[DocumentKind, ...] | None = None
) -> DecodedDocument:
    """Base64 ``text`` to bytes, checked to be PNG, ZPL or PDF (and ``expected``, if given)."""
    raw = text.encode("ascii", "replace") if isinstance(text, str) else bytes(text)
    compact = _WHITESPACE.sub(b"", raw)
    if not compact:
        raise ContentError("The document is empty")
    if isinstance(text, str) and " " in text.strip() and _PLACEHOLDER.match(text.strip()):
        raise ContentError(
            f"The document holds placeholder text instead of content ({text.strip()[:40]!r})",
            hint="Sandbox answers carry placeholder text; use the real service or the simulator.",
        )
    if not _BASE64_TEXT.match(compact):
        raise ContentError("The document is not valid base64 (it contains other characters)")
    if len(compact) * 3 // 4 > MAX_DOCUMENT_BYTES * 2:
        raise ContentError("The document is larger than 100 MB; refusing it")
    normalised = compact.replace(b"-", b"+").replace(b"_", b"/").rstrip(b"=")
    normalised += b"=" * (-len(normalised) % 4)
    try:
        data = base64.b64decode(normalised, validate=True)
    except (binascii.Error, ValueError):
        raise ContentError("The document is not valid base64") from None
    gzipped = False
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data)
        gzipped = True
    kind = sniff(data)
    if kind is None:
        raise ContentError(
            f"The document is neither PNG, ZPL nor PDF (starts with {data[:8]!r})",
        )
    wanted = (expected,) if isinstance(expected, str) else expected
    if wanted is not None and kind not in wanted:
        raise ContentError(
            f"Expected a {' or '.join(k.upper() for k in wanted)} document but got {kind.upper()}"
        )
    return DecodedDocument(kind=kind, data=data, was_gzipped=gzipped)

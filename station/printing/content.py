"""What a document is, decided by its bytes: file names and MIME types from outside lie."""

from __future__ import annotations

from enum import StrEnum

from station.errors import ContentError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class DocumentKind(StrEnum):
    ZPL = "zpl"
    PNG = "png"
    PDF = "pdf"

    @property
    def extension(self) -> str:
        return "." + self.value


def sniff(content: bytes) -> DocumentKind:
    """PNG, PDF or ZPL by their magic bytes; anything else raises :class:`ContentError`.

    PDF readers accept the ``%PDF-`` header within the first KiB, so we do too; ZPL starts with a
    command (``^XA``, ``~DG``, ``^XZ``…) after optional whitespace or a byte-order mark.
    """
    if content.startswith(PNG_MAGIC):
        return DocumentKind.PNG
    if b"%PDF-" in content[:1024]:
        return DocumentKind.PDF
    head = content[:4096].lstrip(b"\xef\xbb\xbf \t\r\n\x00")
    if head[:1] in (b"^", b"~") and head[1:3].isalpha() and b"^XA" in content.upper():
        return DocumentKind.ZPL
    if not content:
        raise ContentError("The document is empty.")
    raise ContentError(
        "The document is neither a PNG image, a PDF nor a ZPL label.",
        hint="Print a .png, .pdf or .zpl file (ZPL must contain ^XA … ^XZ).",
    )

"""Text that fits: cleaning customer-supplied strings and fitting them into a box on a label.

Addresses come from customers and marketplaces, so they hold anything: control characters, accents,
scripts the bundled font lacks, names longer than a 4-inch label. A label must never show half a
glyph or run off the edge, so text is shrunk first, then wrapped at spaces, then broken between
characters, and only as a last resort shortened with an ellipsis, always at a character boundary.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import ImageFont

from station.resources import font_path

ELLIPSIS = "…"
LINE_SPACING = 1.2  # baseline-to-baseline distance, in multiples of the font size


@lru_cache(maxsize=8)
def _codepoints(path: Path) -> frozenset[int]:
    """The characters the font has glyphs for (so the rest can be replaced, not drawn as boxes)."""
    with TTFont(str(path), lazy=True) as font:
        cmap = font.getBestCmap() or {}
        return frozenset(int(code) for code in cmap)


@lru_cache(maxsize=256)
def pil_font(size: int, name: str = "DejaVuSansCondensed-Bold.ttf") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(name)), size)


def clean(text: str, font_name: str = "DejaVuSansCondensed-Bold.ttf") -> str:
    """Printable text: NFC, control and format characters as spaces, runs of spaces collapsed,
    at most one accent per letter, characters the bundled font cannot draw replaced by ``?``."""
    known = _codepoints(font_path(font_name))
    # A second pass settles what the first one changed (a dropped accent can let NFC compose).
    return _clean_once(_clean_once(text, known), known)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me")


def _clean_once(text: str, known: frozenset[int]) -> str:
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if _is_mark(char):
            # One accent per letter: a stack of them would climb off the line onto the next.
            if ord(char) in known and out and out[-1] != " " and not _is_mark(out[-1]):
                out.append(char)
        elif unicodedata.category(char)[0] in "CZ":  # control, format, separators, newlines
            out.append(" ")
        elif ord(char) in known:
            out.append(char)
        else:
            out.append("?")
    return " ".join("".join(out).split())


@lru_cache(maxsize=16384)
def text_width(text: str, size: int) -> float:
    return float(pil_font(size).getlength(text))


def _longest_prefix(text: str, size: int, width: float, suffix: str = "") -> int:
    """The most characters of ``text`` that fit ``width`` with ``suffix`` appended (binary search:
    widths grow with length), never ending just before a combining mark."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + suffix, size) <= width:
            low = middle
        else:
            high = middle - 1
    while 0 < low < len(text) and unicodedata.combining(text[low]):
        low -= 1  # keep an accent with the character it belongs to
    return low


@dataclass(frozen=True)
class Fitted:
    size: int
    lines: tuple[str, ...]

    @property
    def height(self) -> int:
        return line_step(self.size) * len(self.lines)


def line_step(size: int) -> int:
    return round(size * LINE_SPACING)


def _split_long_word(word: str, size: int, width: float) -> list[str]:
    """Break one word that is wider than the box between characters (never inside a combining
    sequence)."""
    pieces: list[str] = []
    while word:
        cut = max(1, _longest_prefix(word, size, width))
        pieces.append(word[:cut])
        word = word[cut:]
    return pieces


def _wrap(text: str, size: int, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        if text_width(word, size) <= width:
            current = word
        else:
            *full, current = _split_long_word(word, size, width)
            lines.extend(full)
    if current:
        lines.append(current)
    return lines


def _shorten(line: str, size: int, width: float) -> str:
    """The longest prefix of ``line`` that fits with an ellipsis, cut between characters."""
    if text_width(line, size) <= width:
        return line
    cut = _longest_prefix(line, size, width, ELLIPSIS)
    if cut > 0:
        return line[:cut].rstrip() + ELLIPSIS
    return ELLIPSIS if text_width(ELLIPSIS, size) <= width else ""


def _largest_single_line(text: str, width: float, high: int, low: int) -> int | None:
    """The largest size in low..high at which ``text`` fits on one line, if any."""
    if text_width(text, low) > width:
        return None
    # Width grows about linearly with size: start from the estimate, then step to the exact size.
    estimate = int(high * width / max(text_width(text, high), 1.0))
    size = max(low, min(high, estimate + 1))
    while size > low and text_width(text, size) > width:
        size -= 1
    while size < high and text_width(text, size + 1) <= width:
        size += 1
    return size


def fit(text: str, width: float, *, max_size: int, min_size: int, max_lines: int = 1) -> Fitted:
    """The largest size in ``min_size..max_size`` at which ``text`` fits ``width`` in at most
    ``max_lines`` lines; at ``min_size`` the overflow is shortened with an ellipsis."""
    if not text:
        return Fitted(max_size, ())
    single = _largest_single_line(text, width, max_size, min_size)
    if single is not None and (max_lines == 1 or single >= max_size * 4 // 5):
        return Fitted(single, (text,))  # a slightly smaller single line reads better than wrapped
    if max_lines > 1:
        low, high = min_size, max_size  # the largest size whose wrapping has few enough lines
        while low < high:
            middle = (low + high + 1) // 2
            if _fits(_wrap(text, middle, width), middle, width, max_lines):
                low = middle
            else:
                high = middle - 1
        lines = _wrap(text, low, width)
        if _fits(lines, low, width, max_lines):
            return Fitted(low, tuple(lines))
    lines = _wrap(text, min_size, width)
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = [*lines[: max_lines - 1], _shorten(last, min_size, width)]
    # Only a box narrower than one character gets here with lines still too wide.
    lines = [_shorten(line, min_size, width) for line in lines]
    return Fitted(min_size, tuple(line for line in lines if line))


def _fits(lines: list[str], size: int, width: float, max_lines: int) -> bool:
    return len(lines) <= max_lines and all(text_width(line, size) <= width for line in lines)

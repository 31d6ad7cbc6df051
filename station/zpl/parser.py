"""ZPL II source text to a flat list of commands, grouped into labels.

ZPL is a stream of two-character commands introduced by the format prefix (``^``) or the control
prefix (``~``); both can be changed mid-stream (``^CC``/``~CC`` and ``^CT``/``~CT``), so the
tokenizer tracks them. Parameters run to the next prefix character. Field data (``^FD``/``^FV``)
is kept raw: ``^FH`` hex escapes and the ``^CI`` code page are applied by the renderer, which
knows the state of the field. Binary ``^GFB`` data is read by its declared byte count because it
may contain prefix characters.

Every command keeps the character position where it starts, so warnings and :class:`ZplError`
can point at the fault.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from station.errors import ZplError

# Commands whose parameter text is field data, kept verbatim (only CR/LF removed).
_DATA_COMMANDS = frozenset({"FD", "FV"})


@dataclass(frozen=True)
class Command:
    """One ZPL command: ``prefix`` ``^`` or ``~`` (always normalised), ``name`` upper-case.

    ``text`` is the raw parameter text; :attr:`params` splits it at commas. For ``^A`` the font
    letter is the first character of ``text`` (``^A0N,30`` → name ``A``, text ``0N,30``).
    """

    prefix: str
    name: str
    text: str
    position: int

    @property
    def params(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.text.split(","))

    def param(self, index: int, default: str = "") -> str:
        params = self.params
        if index < len(params) and params[index] != "":
            return params[index]
        return default

    @property
    def code(self) -> str:
        return self.prefix + self.name


@dataclass(frozen=True)
class Label:
    """The commands from ``^XA`` to ``^XZ`` (both excluded), and where the label starts."""

    commands: tuple[Command, ...]
    position: int
    # Control commands (e.g. ~DG downloads) that came before this label, in order.
    preamble: tuple[Command, ...] = ()


@dataclass(frozen=True)
class ParseWarning:
    """Something skipped or approximated; ``command`` like ``^XY`` and its character position."""

    command: str
    position: int
    message: str

    def __str__(self) -> str:
        return f"{self.command} at character {self.position}: {self.message}"


@dataclass
class Document:
    """A parsed ZPL stream: its labels, and whether it came in as bytes (a printer's view)."""

    labels: list[Label] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    from_bytes: bool = False


def _as_text(zpl: str | bytes) -> tuple[str, bool]:
    if isinstance(zpl, bytes | bytearray | memoryview):
        # Latin-1 maps every byte to one character, so positions are byte offsets and the
        # renderer can recover the original bytes of field data for ^CI decoding.
        return bytes(zpl).decode("latin-1"), True
    if isinstance(zpl, str):
        return zpl, False
    raise TypeError(f"ZPL must be str or bytes, not {type(zpl).__name__}")


def tokenize(source: str) -> list[Command]:
    """Split ZPL text into commands, honouring prefix changes. Raises :class:`ZplError`."""
    caret, tilde = "^", "~"
    commands: list[Command] = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        if ch != caret and ch != tilde:
            i += 1
            continue
        start = i
        prefix = "^" if ch == caret else "~"
        name_start = i + 1
        if source.startswith("A", name_start) or source.startswith("a", name_start):
            name = "A"
            j = name_start + 1
        else:
            raw_name = source[name_start : name_start + 2]
            raw_name = raw_name.replace("\r", "").replace("\n", "")
            if len(raw_name) < 2 or caret in raw_name or tilde in raw_name:
                raise ZplError("command name cut short", position=start)
            name = raw_name.upper()
            j = name_start + 2
        if name in ("CC", "CT") and j < n:
            # ^CCx / ~CTx change a prefix character; the new prefix is the next character.
            new = source[j]
            if new in "\r\n":
                raise ZplError(f"{prefix}{name} needs a prefix character", position=start)
            commands.append(Command(prefix, name, new, start))
            if name == "CC":
                caret = new
            else:
                tilde = new
            i = j + 1
            continue
        if name == "GF" and source[j : j + 1].upper() == "B":
            j = _binary_graphic_end(source, j, start)
            commands.append(Command(prefix, name, source[name_start + 2 : j], start))
            i = j
            continue
        k = j
        if name in _DATA_COMMANDS:
            # Field data ends at the format prefix only: "~" is ordinary data there (it is
            # ^BX's escape character, for one).
            k = source.find(caret, j)
            k = n if k < 0 else k
        while k < n and source[k] != caret and source[k] != tilde:
            k += 1
        text = source[j:k].replace("\r", "").replace("\n", "")
        if name not in _DATA_COMMANDS:
            text = text.strip()
        commands.append(Command(prefix, name, text, start))
        i = k
    return commands


def _binary_graphic_end(source: str, j: int, start: int) -> int:
    """End of a ``^GFB,total,...,bytes_per_row,<binary>`` command (its data is raw bytes)."""
    pos = j
    parts: list[str] = []
    for _ in range(4):
        comma = source.find(",", pos)
        if comma < 0:
            raise ZplError("^GFB is missing its parameters", position=start)
        parts.append(source[pos:comma])
        pos = comma + 1
    try:
        total = int(parts[1].strip())
    except ValueError:
        raise ZplError("^GFB byte count is not a number", position=start) from None
    if total < 0 or pos + total > len(source):
        raise ZplError("^GFB declares more bytes than the input holds", position=start)
    return pos + total


def parse(zpl: str | bytes) -> Document:
    """Parse ZPL into labels. Raises :class:`ZplError` when no label can be read at all."""
    source, from_bytes = _as_text(zpl)
    doc = Document(from_bytes=from_bytes)
    commands = tokenize(source)
    current: list[Command] | None = None
    start = 0
    preamble: list[Command] = []
    for cmd in commands:
        if cmd.name == "XA" and cmd.prefix == "^":
            if current is not None:
                doc.warnings.append(
                    ParseWarning("^XA", cmd.position, "label started before ^XZ; previous ends")
                )
                doc.labels.append(Label(tuple(current), start, tuple(preamble)))
                preamble = []
            current = []
            start = cmd.position
            continue
        if cmd.name == "XZ" and cmd.prefix == "^":
            if current is None:
                doc.warnings.append(ParseWarning("^XZ", cmd.position, "^XZ without ^XA; ignored"))
                continue
            doc.labels.append(Label(tuple(current), start, tuple(preamble)))
            preamble = []
            current = None
            continue
        if current is not None:
            current.append(cmd)
        elif cmd.prefix == "~" or cmd.name in ("CC", "CT"):
            preamble.append(cmd)
        else:
            doc.warnings.append(
                ParseWarning(cmd.code, cmd.position, "format command outside ^XA…^XZ; ignored")
            )
    if current is not None:
        raise ZplError("label is not closed with ^XZ", position=start)
    if not doc.labels:
        raise ZplError("no label found: ZPL labels start with ^XA and end with ^XZ", position=0)
    return doc

"""Printer URIs: one string names any printer, so settings and the command line stay uniform.

Supported forms::

    tcp://HOST[:PORT]          raw socket (JetDirect), port 9100 by default
    cups://QUEUE               a CUPS queue
    windows://PRINTER NAME     a printer of the Windows spooler
    qt://PRINTER NAME          any printer Qt can see, through its driver
    file:///ABSOLUTE/DIR       a folder; every job becomes a file in it

Printer names may contain spaces and most punctuation ("windows://ZDesigner GK420d (Copy 1)"),
so they are taken verbatim after the ``//`` (percent-escapes are decoded), never run through a
URL parser that would split them at ``#`` or ``?``.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import unquote

from station.errors import ConfigError

DEFAULT_RAW_PORT = 9100

_HINT = (
    "Use tcp://HOST[:PORT], cups://QUEUE, windows://PRINTER NAME, qt://PRINTER NAME or "
    "file:///ABSOLUTE/FOLDER."
)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*\.?$")
# CUPS queue names: printable characters except space, '/', '\\', '#' (lpadmin's rule).
_CUPS_QUEUE = re.compile(r"^[!-~]{1,127}$")


class Scheme(StrEnum):
    TCP = "tcp"
    CUPS = "cups"
    WINDOWS = "windows"
    QT = "qt"
    FILE = "file"


@dataclass(frozen=True)
class PrinterAddress:
    """Where a printer is. Exactly the fields of its scheme are set: ``host``/``port`` for tcp,
    ``name`` for cups/windows/qt, ``directory`` for file."""

    scheme: Scheme
    host: str = ""
    port: int = 0
    name: str = ""
    directory: str = ""

    @property
    def uri(self) -> str:
        """The canonical URI (parse(address.uri) == address)."""
        if self.scheme is Scheme.TCP:
            host = f"[{self.host}]" if ":" in self.host else self.host
            return f"tcp://{host}:{self.port}"
        if self.scheme is Scheme.FILE:
            directory = self.directory.replace("%", "%25")
            return "file://" + (directory if directory.startswith("/") else "/" + directory)
        return f"{self.scheme.value}://{self.name.replace('%', '%25')}"

    def __str__(self) -> str:
        return self.uri


def parse_printer_uri(uri: str) -> PrinterAddress:
    """Parse a printer URI; raise :class:`ConfigError` saying what is wrong with it."""
    if not isinstance(uri, str) or not uri.strip():
        raise ConfigError("The printer address is empty.", hint=_HINT)
    text = uri.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise ConfigError("The printer address contains control characters.", hint=_HINT)
    scheme_text, sep, rest = text.partition("://")
    if not sep:
        raise ConfigError(f"The printer address {_show(text)} has no scheme.", hint=_HINT)
    try:
        scheme = Scheme(scheme_text.lower())
    except ValueError:
        raise ConfigError(
            f"Unknown printer scheme {_show(scheme_text)} in {_show(text)}.", hint=_HINT
        ) from None
    if scheme is Scheme.TCP:
        return _parse_tcp(rest, text)
    if scheme is Scheme.FILE:
        return _parse_file(rest, text)
    name = unquote(rest).strip()
    if not name:
        raise ConfigError(f"The printer address {_show(text)} names no printer.", hint=_HINT)
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise ConfigError(f"The printer name in {_show(text)} has control characters.", hint=_HINT)
    if len(name) > 255:
        raise ConfigError("The printer name is longer than 255 characters.", hint=_HINT)
    if scheme is Scheme.CUPS and (not _CUPS_QUEUE.match(name) or any(c in name for c in "/\\#")):
        raise ConfigError(
            f"{_show(name)} is not a valid CUPS queue name (no spaces, '/', '\\' or '#').",
            hint="Use the queue name shown by `lpstat -p` or `station printers`.",
        )
    return PrinterAddress(scheme=scheme, name=name)


def _parse_tcp(rest: str, text: str) -> PrinterAddress:
    rest = rest.rstrip("/")
    if not rest:
        raise ConfigError(f"The printer address {_show(text)} has no host.", hint=_HINT)
    if "/" in rest or "?" in rest or "#" in rest or "@" in rest:
        raise ConfigError(
            f"The printer address {_show(text)} has a path, query or user part; a raw TCP "
            "printer is only HOST[:PORT].",
            hint=_HINT,
        )
    port_text: str | None = None
    if rest.startswith("["):
        host, bracket, after = rest[1:].partition("]")
        if not bracket:
            raise ConfigError(f"Unclosed '[' in the printer address {_show(text)}.", hint=_HINT)
        if after:
            if not after.startswith(":"):
                raise ConfigError(f"Unexpected text after ']' in {_show(text)}.", hint=_HINT)
            port_text = after[1:]
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            raise ConfigError(f"{_show(host)} is not an IPv6 address.", hint=_HINT) from None
    else:
        host, colon, port_part = rest.rpartition(":")
        if not colon:
            host = port_part
        else:
            port_text = port_part
        if ":" in host:
            raise ConfigError(
                f"Put an IPv6 address in brackets: tcp://[{host}]:PORT (got {_show(text)}).",
                hint=_HINT,
            )
        if not host or not _HOSTNAME.match(host):
            raise ConfigError(f"{_show(host)} is not a valid host name or address.", hint=_HINT)
    port = DEFAULT_RAW_PORT
    if port_text is not None:
        if not port_text.isascii() or not port_text.isdigit() or len(port_text) > 5:
            raise ConfigError(f"The port {_show(port_text)} is not a number.", hint=_HINT)
        port = int(port_text)
        if not 1 <= port <= 65535:
            raise ConfigError(f"The port {port} is outside 1–65535.", hint=_HINT)
    return PrinterAddress(scheme=Scheme.TCP, host=host, port=port)


def _parse_file(rest: str, text: str) -> PrinterAddress:
    path = unquote(rest)
    if path.startswith("localhost/"):
        path = path[len("localhost") :]
    # file:///C:/labels (Windows drive) or file:///srv/labels (POSIX).
    if re.match(r"^/[A-Za-z]:[/\\]", path):
        path = path[1:]
    if "\x00" in path:
        raise ConfigError("The folder of a file printer contains a NUL character.", hint=_HINT)
    if not (PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute()):
        raise ConfigError(
            f"The file printer folder in {_show(text)} is not an absolute path "
            "(write file:///ABSOLUTE/FOLDER, with three slashes).",
            hint=_HINT,
        )
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if ".." in parts:
        raise ConfigError(f"The file printer folder in {_show(text)} contains '..'.", hint=_HINT)
    return PrinterAddress(scheme=Scheme.FILE, directory=path)


def _show(value: str) -> str:
    """Quote user input for a message, shortened so a pasted blob cannot flood the screen."""
    return repr(value if len(value) <= 80 else value[:77] + "...")

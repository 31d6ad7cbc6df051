"""Which station a bench of a site really is, whatever its ``station_id`` says.

The station id defaults to the host name, so two data folders on one computer (or two computers
with one name) may carry the same one. Each data folder therefore keeps a random identity of its
own beside its settings (``site.identity``), made the first time it is needed. The site
database records it with the station and with every claim: a claim is this bench's only when
both the station id and this identity match, so two folders with one id can never take each
other's POs for their own (and reprint a shipped one).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from station.errors import ConfigError

__all__ = ["RECORD_NAME", "site_identity"]

RECORD_NAME = "site.identity"


def site_identity(config_file: Path) -> str:
    """This data folder's identity in a site (made and kept beside the settings when missing)."""
    path = config_file.parent / RECORD_NAME
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Cannot read this station's site identity {path}: {exc}",
            hint="Check the file's permissions; delete it only if this station holds no claim.",
        ) from None
    if len(text) == 32 and all(c in "0123456789abcdef" for c in text):
        return text
    identity = secrets.token_hex(16)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(RECORD_NAME + ".partial")
        partial.write_text(identity + "\n", encoding="ascii")
        os.replace(partial, path)
    except OSError as exc:
        raise ConfigError(
            f"Cannot write this station's site identity {path}: {exc.strerror or exc}",
            hint="Check that the settings folder is writable.",
        ) from None
    return identity

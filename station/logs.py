"""Log files for IT, with secrets scrubbed on the way out.

The code never logs a customer address or a secret on purpose (models hide them in their reprs).
This filter is the second line: whatever slips into a message that looks like an LWA token, a
client secret or an RDT is masked before it reaches a handler. Logs rotate (5 × 2 MiB) in the
user's log folder so they never fill a packing PC's disk.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE_NAME = "station.log"

# LWA refresh and access tokens (Atzr|…, Atza|…), RDTs (Atz.sprdt|…), LWA client secrets
# (amzn1.oa2-cs.v1.…) and anything written as key=value for a secret-looking key.
_SECRET_PATTERNS = [
    re.compile(r"Atz[a-z.]*\|[A-Za-z0-9_\-+/=|.]+"),
    re.compile(r"amzn1\.oa2-cs\.v1\.[A-Za-z0-9]+"),
    re.compile(
        r"(?i)\b(client_secret|refresh_token|access_token|x-amz-access-token|restrictedDataToken"
        r"|authorization)(\"?\s*[:=]\s*\"?)([^\s\",&]+)"
    ),
]


def redact(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        if pattern.groups >= 3:
            text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}[redacted]", text)
        else:
            text = pattern.sub("[redacted]", text)
    return text


class RedactingFilter(logging.Filter):
    """Masks secrets in the final message (arguments included) and in exception text."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def configure_logging(
    log_dir: Path | None,
    *,
    verbose: int = 0,
    console: bool = False,
    console_level: int | None = None,
) -> Path | None:
    """Set up the ``station`` logger tree. Returns the log file path (None: no file logging)."""
    root = logging.getLogger("station")
    root.setLevel(logging.DEBUG if verbose > 1 else logging.INFO)
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    scrub = RedactingFilter()
    path: Path | None = None
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE_NAME
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8", delay=True
        )
        file_handler.setFormatter(formatter)
        file_handler.addFilter(scrub)
        root.addHandler(file_handler)
    if console or verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        stream.setLevel(
            console_level
            if console_level is not None
            else logging.DEBUG
            if verbose > 1
            else logging.INFO
            if verbose
            else logging.WARNING
        )
        stream.addFilter(scrub)
        root.addHandler(stream)
    root.propagate = False
    return path


def active_log_dir() -> Path | None:
    """The folder the station's log file is written to in this process (None: no file)."""
    for handler in logging.getLogger("station").handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename).parent
    return None


def setup_station_logging(
    *, verbose: int = 0, console: bool = False, console_level: int | None = None
) -> Path | None:
    """Log to the user's log folder (``STATION_HOME/logs`` when set), as every ``station`` run
    does. A folder that cannot be written costs the log file, never the run: the records then go
    to standard error, scrubbed like the file's."""
    from station.paths import default_paths

    log = logging.getLogger("station")
    try:
        return configure_logging(
            default_paths().log_dir, verbose=verbose, console=console, console_level=console_level
        )
    except OSError as exc:
        configure_logging(None, verbose=verbose, console=True, console_level=console_level)
        log.warning("no log file (%s): logging to standard error only", exc)
        return None

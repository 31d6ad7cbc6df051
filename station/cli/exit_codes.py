"""The exit codes of every ``station`` command (documented in the README)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_QUEUED = 3  # the work is recorded and will be sent when the network returns
EXIT_INTERRUPTED = 130
# the work succeeded but the reader of its output went away (128 + SIGPIPE, as the shell says)
EXIT_CLOSED_PIPE = 141

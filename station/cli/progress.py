"""Where the work of the running command stands, for the one line Ctrl+C prints.

A command says what an interruption would leave behind as it goes (``note("the confirmation of
PO X is recorded; …")``); on Ctrl+C or SIGTERM the program prints the last note and exits 130.
"""

from __future__ import annotations

_NOTHING_STARTED = "interrupted."
_state: list[str] = [_NOTHING_STARTED]


def note(state: str) -> None:
    """What an interruption from now on leaves behind, as one sentence."""
    _state[0] = state


def reset() -> None:
    _state[0] = _NOTHING_STARTED


def interrupted_message() -> str:
    return _state[0]

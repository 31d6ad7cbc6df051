"""Where the work of the running command stands, for the one line Ctrl+C or a network outage
prints.

A command says what stopping now would leave behind as it goes (``note("the confirmation of PO X
is recorded; …")``); when it is interrupted (exit 130) or Amazon cannot be reached, the program
prints the last note.
"""

from __future__ import annotations

_NOTHING_SENT = "nothing was sent to Amazon; run the command again."
_state: list[str] = [_NOTHING_SENT]


def note(state: str) -> None:
    """What stopping from now on leaves behind, as one sentence."""
    _state[0] = state


def reset() -> None:
    _state[0] = _NOTHING_SENT


def state() -> str:
    return _state[0]

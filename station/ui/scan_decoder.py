"""Telling a keyboard-wedge scanner from a person typing, from key timing alone (no Qt here).

A wedge scanner is a keyboard that types very fast and ends with Enter (or Tab). The decoder holds
back every printable key for at most ``max_inter_key_ms``: keys that keep arriving that fast and
end with a terminator, with at least ``min_length`` characters, are a scan; anything else is
handed back untouched, in order, to be replayed to the widget that had focus. Nothing is ever lost
or duplicated: every key fed is either part of exactly one scan or replayed exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Terminator = Literal["CR", "LF", "TAB"]


@dataclass(frozen=True)
class Keystroke:
    text: str  # what the key typed; "" for keys that type nothing
    terminator: Terminator | None = None
    token: object = field(default=None, compare=False)  # the GUI's copy of the event to replay


@dataclass(frozen=True)
class Replay:
    """Keys that were typing after all: give them back to the focused widget, in this order."""

    keys: tuple[Keystroke, ...]


@dataclass(frozen=True)
class Scanned:
    text: str  # prefix and suffix removed
    keys: tuple[Keystroke, ...]  # everything the scan consumed, terminator included


Action = Replay | Scanned


@dataclass(frozen=True)
class DecoderConfig:
    max_inter_key_ms: float = 55
    min_length: int = 3
    prefix: str = ""
    suffix: str = ""
    terminators: Sequence[Terminator] = ("CR", "LF", "TAB")


class WedgeDecoder:
    def __init__(self, config: DecoderConfig) -> None:
        self.config = config
        self._buffer: list[Keystroke] = []
        self._last_ms: float | None = None

    @property
    def pending(self) -> bool:
        return bool(self._buffer)

    def feed(self, key: Keystroke, now_ms: float) -> list[Action]:
        """One key press. Returns what to do now; an empty list means "held back"."""
        actions: list[Action] = []
        fast = self._last_ms is not None and now_ms - self._last_ms <= self.config.max_inter_key_ms
        if self._buffer and not fast:
            actions.append(self._release())
        if key.terminator is not None and key.terminator in self.config.terminators:
            text = self._candidate()
            if self._buffer and text is not None:
                keys = (*self._buffer, key)
                self._reset()
                actions.append(Scanned(text, keys))
            else:
                keys = (*self._buffer, key)
                self._reset()
                actions.append(Replay(keys))
            return actions
        if not key.text:
            # A key that types nothing (arrows, Backspace, Ctrl+…): typing, never inside a scan.
            keys = (*self._buffer, key)
            self._reset()
            actions.append(Replay(keys))
            return actions
        self._buffer.append(key)
        self._last_ms = now_ms
        return actions

    def expire(self) -> list[Action]:
        """No key came within the time limit: whatever is held back was typed by a person."""
        if not self._buffer:
            return []
        return [self._release()]

    def _release(self) -> Replay:
        keys = tuple(self._buffer)
        self._reset()
        return Replay(keys)

    def _reset(self) -> None:
        self._buffer = []
        self._last_ms = None

    def _candidate(self) -> str | None:
        text = "".join(k.text for k in self._buffer)
        prefix, suffix = self.config.prefix, self.config.suffix
        if prefix:
            if not text.startswith(prefix):
                return None
            text = text[len(prefix) :]
        if suffix:
            if not text.endswith(suffix):
                return None
            text = text[: len(text) - len(suffix)]
        if len(text) < self.config.min_length:
            return None
        return text

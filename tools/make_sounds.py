"""Regenerate the station's feedback sounds (station/resources/sounds/*.wav) with the stdlib.

Two sounds a packer tells apart without looking: a short rising two-tone chirp for success and a
low, rough triple buzz for errors. 8 kHz, 8-bit mono keeps each file a few kilobytes.
"""

from __future__ import annotations

import math
import wave
from pathlib import Path

RATE = 8000
FOLDER = Path(__file__).resolve().parents[1] / "station" / "resources" / "sounds"


def _tone(freq: float, ms: int, *, square: bool = False, volume: float = 0.6) -> list[int]:
    count = RATE * ms // 1000
    fade = max(1, RATE * 5 // 1000)
    samples = []
    for i in range(count):
        value = math.sin(2 * math.pi * freq * i / RATE)
        if square:
            value = 1.0 if value >= 0 else -1.0
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(int(128 + 127 * volume * envelope * value))
    return samples


def _silence(ms: int) -> list[int]:
    return [128] * (RATE * ms // 1000)


def _write(name: str, samples: list[int]) -> None:
    with wave.open(str(FOLDER / name), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(RATE)
        out.writeframes(bytes(samples))


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    _write("success.wav", _tone(880, 90) + _silence(20) + _tone(1320, 140))
    error = []
    for _ in range(3):
        error += _tone(196, 150, square=True, volume=0.5) + _silence(60)
    _write("error.wav", error)
    _write("attention.wav", _tone(660, 120) + _silence(40) + _tone(660, 120))


if __name__ == "__main__":
    main()

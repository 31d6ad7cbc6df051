"""Bench devices other than printers: the shipping scale (USB HID point-of-sale scales and
serial scales). No Qt; the device libraries (hidapi, pyserial) are optional and imported only
when a scale of their kind is opened."""

from station.devices.scale import (
    Reading,
    ReadingState,
    Scale,
    WeightCapture,
    open_scale,
)

__all__ = ["Reading", "ReadingState", "Scale", "WeightCapture", "open_scale"]

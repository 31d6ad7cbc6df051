"""The self-test's GUI check, kept in the GUI layer (the only one that may import QtWidgets)."""

from __future__ import annotations


def check_widgets() -> str:
    """Load QtWidgets and its platform style, as the packing screen will."""
    from PySide6.QtWidgets import QApplication, QStyleFactory

    styles = QStyleFactory.keys()
    if QApplication is None or not styles:
        raise RuntimeError("QtWidgets loaded without any widget style")
    return f"QtWidgets loads; styles {', '.join(styles)}"

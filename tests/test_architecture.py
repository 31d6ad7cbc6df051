"""The layering rules of GUIDE §2, enforced: pure logic never imports Qt widgets."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

STATION = Path(__file__).resolve().parents[1] / "station"

# Modules allowed to use Qt widgets: the GUI and the composition roots that start it.
WIDGET_ALLOWED = ("ui/", "app.py")
# Modules allowed to use non-widget Qt (QtGui, QtPrintSupport, QtPdf, QtCore): driver printing.
QT_ALLOWED = (*WIDGET_ALLOWED, "printing/driver", "selftest.py")


def _modules() -> list[Path]:
    return sorted(p for p in STATION.rglob("*.py") if "__pycache__" not in p.parts)


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "PySide6"]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.split(".")[0] == "PySide6"
        ):
            found += [f"{node.module}.{a.name}" for a in node.names]
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(STATION)))
def test_qt_stays_in_its_layer(path: Path) -> None:
    rel = path.relative_to(STATION).as_posix()
    imports = _qt_imports(path)
    if rel.startswith(WIDGET_ALLOWED):
        return
    widgets = [name for name in imports if "QtWidgets" in name or "QApplication" in name]
    assert not widgets, f"{rel} imports Qt widgets {widgets}; only station/ui may"
    if not rel.startswith(QT_ALLOWED):
        assert not imports, f"{rel} imports Qt {imports}; pure logic must not"


def test_importing_the_core_loads_no_qt() -> None:
    """Importing every non-GUI module, in a fresh interpreter, must not pull in PySide6."""
    names = []
    for path in _modules():
        rel = path.relative_to(STATION).as_posix()
        if rel.startswith(QT_ALLOWED) or rel == "__main__.py":
            continue
        dotted = "station." + rel.removesuffix(".py").replace("/", ".")
        names.append(dotted.removesuffix(".__init__"))
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt loaded by the core: {result.stdout.strip()}"

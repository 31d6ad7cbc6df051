"""The layering rules of GUIDE §2, enforced: pure logic never imports Qt widgets."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

STATION = Path(__file__).resolve().parents[1] / "station"

# Modules allowed to use Qt widgets: the GUI only (the entry point app.py reaches it by import).
WIDGET_ALLOWED = ("ui/",)
# Modules allowed to use non-widget Qt (QtGui, QtPrintSupport, QtPdf, QtCore): driver printing,
# the self-test, and the entry point that starts the GUI.
QT_ALLOWED = (*WIDGET_ALLOWED, "app.py", "printing/driver", "selftest.py")


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


# The arrows run one way: the front ends (the command line, the GUI) and the composition root
# that builds a running station sit on top; the packages below them never import them, not even
# inside a function or for type checking only.
FRONT_ENDS = ("station.cli", "station.ui", "station.runtime", "station.app")
LOWER_PACKAGES = ("workflow", "journal", "spapi", "printing", "devices", "zpl", "simulator")
LOWER_MODULES = ("config.py", "errors.py", "paths.py", "secrets.py", "logs.py")


def _lower_modules() -> list[Path]:
    return [
        p
        for p in _modules()
        if p.relative_to(STATION).parts[0] in LOWER_PACKAGES
        or p.relative_to(STATION).as_posix() in LOWER_MODULES
    ]


def _station_imports(path: Path) -> list[str]:
    return _station_imports_in(path.read_text(encoding="utf-8"), path.relative_to(STATION))


def _station_imports_in(source: str, rel: Path) -> list[str]:
    """Every station module a source file at ``station/rel`` imports, absolute or relative,
    wherever the import is (inside a function, under ``if TYPE_CHECKING``)."""
    tree = ast.parse(source, filename=str(rel))
    package = ["station", *rel.with_suffix("").parts[:-1]]
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found += [module, *(f"{module}.{a.name}" for a in node.names)]
    return [name for name in found if name == "station" or name.startswith("station.")]


def _front_ends_in(names: list[str]) -> list[str]:
    return sorted(
        {n for n in names if any(n == top or n.startswith(top + ".") for top in FRONT_ENDS)}
    )


@pytest.mark.parametrize("path", _lower_modules(), ids=lambda p: str(p.relative_to(STATION)))
def test_lower_layers_never_import_the_front_ends(path: Path) -> None:
    bad = _front_ends_in(_station_imports(path))
    assert not bad, (
        f"{path.relative_to(STATION).as_posix()} imports {bad}: the command line, the GUI and "
        "station.runtime sit on top of it"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import station.cli", "station.cli"),
        ("from station import runtime", "station.runtime"),
        ("from .. import cli", "station.cli"),
        ("from ..ui.app import run_gui", "station.ui.app"),
        ("def f():\n    from station.cli.program import main", "station.cli.program"),
        ("if TYPE_CHECKING:\n    from station.runtime import Runtime", "station.runtime"),
    ],
)
def test_the_layer_check_sees_every_import_form(source: str, expected: str) -> None:
    found = _front_ends_in(_station_imports_in(source + "\n", Path("workflow/probe.py")))
    assert expected in found, found

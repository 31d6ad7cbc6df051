"""Every module, the tests' too, loads on Windows: nothing POSIX-only runs at import time.

The release is for Windows and its workflow runs this test suite there (packaging/wine/check does
the same under wine). A test module that imports ``pwd`` or calls ``os.geteuid()`` in a decorator
stops the whole run on Windows before any test runs; this check finds that on Linux first.
POSIX-only names are fine inside functions, in an ``if`` on ``sys.platform``/``os.name`` or in a
``try`` that handles ImportError.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POSIX_MODULES = {"pwd", "grp", "resource", "fcntl", "termios", "tty", "pty", "posix", "crypt"}
POSIX_CALLS = {"geteuid", "getuid", "getegid", "getgid", "fork", "getpgid", "killpg", "setsid"}


def _guarded(node: ast.stmt) -> bool:
    if isinstance(node, ast.If):
        test = ast.unparse(node.test)
        return "sys.platform" in test or "os.name" in test
    if isinstance(node, ast.Try):
        return any(
            handler.type is not None and "ImportError" in ast.unparse(handler.type)
            for handler in node.handlers
        )
    return False


def _run_at_import(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Nodes executed when the module is imported: not function bodies, not guarded blocks."""
    for node in body:
        if _guarded(node):
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for part in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
                if part is not None:
                    yield from ast.walk(part)
        elif isinstance(node, ast.ClassDef):
            for part in [*node.decorator_list, *node.bases]:
                yield from ast.walk(part)
            yield from _run_at_import(node.body)
        elif isinstance(node, ast.If | ast.Try | ast.With | ast.For | ast.While):
            yield from ast.walk(node)
        else:
            yield from ast.walk(node)


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in _run_at_import(tree.body):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module.split(".")[0]]
        found += [f"line {node.lineno}: import {n}" for n in names if n in POSIX_MODULES]
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in POSIX_CALLS
            and ast.unparse(node.func.value) == "os"
        ):
            found.append(f"line {node.lineno}: os.{node.func.attr}() at import time")
    return found


def _modules() -> list[Path]:
    # bench/ measures on Linux (getrusage) and is not part of the suite the Windows workflow runs.
    folders = [ROOT / "station", ROOT / "tests", ROOT / "packaging"]
    return sorted(
        p
        for folder in folders
        if folder.is_dir()
        for p in folder.rglob("*.py")
        if "__pycache__" not in p.parts and not {"build", "dist", "node_modules"} & set(p.parts)
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_loads_on_windows(path: Path) -> None:
    problems = _problems(path)
    assert not problems, (
        f"{path.relative_to(ROOT)} runs POSIX-only code at import time: {problems}; move it into "
        "the function that needs it, or guard it with sys.platform / try-except ImportError"
    )


def test_the_check_finds_what_stopped_the_suite_on_windows(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nimport pwd\nimport pytest\n\n"
        "@pytest.mark.skipif(os.geteuid() == 0, reason='root')\ndef test_x():\n    pass\n",
        encoding="utf-8",
    )
    assert _problems(bad) == ["line 2: import pwd", "line 5: os.geteuid() at import time"]
    good = tmp_path / "good.py"
    good.write_text(
        "import sys\nif sys.platform != 'win32':\n    import fcntl\n"
        "try:\n    import resource\nexcept ImportError:\n    resource = None\n"
        "def f():\n    import pwd\n    return pwd, __import__('os').geteuid()\n",
        encoding="utf-8",
    )
    assert _problems(good) == []

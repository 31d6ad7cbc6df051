"""Extract every translatable string of ``station/ui``, merge it into the catalogue, compile it.

Why not lupdate: the packer's screen marks its strings through small module helpers
(``_tr(text)`` returning ``QCoreApplication.translate("MainWindow", text)``) which lupdate cannot
follow, and ``tr = QCoreApplication.translate`` aliases make it file messages under the wrong
context. A message filed under the wrong context is never found at run time, so this extractor
reads the Python AST and records each string under exactly the context the code passes to Qt:

- ``QCoreApplication.translate("Ctx", "text")`` and ``QT_TRANSLATE_NOOP("Ctx", "text")``;
- ``self.tr("text")``: the lexically enclosing class (PySide6 looks the context up along the
  instance's MRO, so the defining class's name is found for subclasses too);
- a *helper*: any function whose body is ``return QCoreApplication.translate("Ctx", <param>)``;
  its literal-argument calls in the same module go to "Ctx";
- a local alias ``tr = QCoreApplication.translate`` called as ``tr("Ctx", "text")``.

The merge keeps every existing translation (matched on context, source and disambiguation),
adds new messages as unfinished, keeps translated messages that left the code as ``vanished``
(a string that comes back keeps its translation) and drops untranslated ones. ``lrelease`` from
the installed PySide6 then compiles the ``.qm`` the app loads.

Run from the repository root::

    .venv/bin/python tools/update_translations.py            # extract, merge, compile
    .venv/bin/python tools/update_translations.py --check    # CI: exit 1 if anything is missing

``--check`` writes nothing. It fails when a marked string has no finished translation, when a
translation loses or invents a ``{placeholder}``, ``%n`` or ``CMD:`` command, when a string is
built in a way no extractor can see (an f-string inside ``translate``), or when the committed
``.ts`` holds other messages than a merge would write (source locations may lag: line numbers
moved by unrelated edits are not worth failing CI over).
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "station" / "ui"
TS_FILE = ROOT / "station" / "resources" / "translations" / "station_pt_BR.ts"
LANGUAGE = "pt_BR"

TRANSLATE_NAMES = frozenset({"translate"})  # QCoreApplication.translate / QApplication.translate
NOOP_NAMES = frozenset({"QT_TRANSLATE_NOOP"})
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d|CMD:[A-Z]+(?::<?[a-z]+>?)?")
FINISHED_TYPES = (None, "")  # no type attribute: finished; unfinished/vanished/obsolete are not


@dataclass(frozen=True, order=True)
class Key:
    """What Qt matches on at run time: context, source text and disambiguation."""

    context: str
    source: str
    comment: str = ""


@dataclass
class Found:
    key: Key
    locations: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Extraction:
    messages: dict[Key, Found] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, key: Key, path: Path, line: int) -> None:
        found = self.messages.setdefault(key, Found(key))
        found.locations.append((_relative_to_ts(path), line))


def _relative_to_ts(path: Path) -> str:
    """Locations as lupdate writes them: relative to the .ts, so Linguist can open the source
    (a source on another Windows drive has no relative path: its own path then)."""
    try:
        return Path(os.path.relpath(path, TS_FILE.parent)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _display(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def _literal(node: ast.expr) -> str | None:
    """The text of a string literal (implicit concatenation included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_translate(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and func.attr in TRANSLATE_NAMES
        and (isinstance(func.value, ast.Name) and func.value.id.endswith("Application"))
    )


def _helper_context(node: ast.FunctionDef) -> str | None:
    """'Ctx' when ``node`` is ``def h(text): return QCoreApplication.translate("Ctx", text)``."""
    params = node.args.posonlyargs + node.args.args
    body = [s for s in node.body if not (isinstance(s, ast.Expr) and _literal(s.value))]
    if not params or len(body) != 1 or not isinstance(body[0], ast.Return):
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and _is_translate(call.func) and len(call.args) == 2):
        return None
    context, text = call.args
    if isinstance(text, ast.Name) and text.id == params[0].arg:
        return _literal(context)
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: Path, result: Extraction) -> None:
        self.path = path
        self.result = result
        self.classes: list[str] = []
        self.helpers: dict[str, str] = {}
        self.aliases: set[str] = set()

    def prepare(self, tree: ast.Module) -> None:
        """Helpers and aliases first, so calls placed above their definition are seen too."""
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                context = _helper_context(node)
                if context is not None:
                    self.helpers[node.name] = context
            elif isinstance(node, ast.Assign) and _is_translate(node.value):
                self.aliases.update(t.id for t in node.targets if isinstance(t, ast.Name))

    def problem(self, node: ast.AST, text: str) -> None:
        line = getattr(node, "lineno", 0)
        self.result.problems.append(f"{_display(self.path)}:{line}: {text}")

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        named = func.id if isinstance(func, ast.Name) else None
        if _is_translate(func) or named in self.aliases or named in NOOP_NAMES:
            self._context_call(node)
        elif isinstance(func, ast.Name) and func.id in self.helpers:
            self._text_call(node, self.helpers[func.id])
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "tr"
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
        ):
            if not self.classes:
                self.problem(node, "self.tr() outside a class")
            else:
                self._text_call(node, self.classes[-1])
        self.generic_visit(node)

    def _context_call(self, node: ast.Call) -> None:
        if len(node.args) < 2:
            return
        context = _literal(node.args[0])
        if context is None:
            self.problem(node, "translation context is not a string literal")
            return
        self._record(node, context, node.args[1], node.args[2:])

    def _text_call(self, node: ast.Call, context: str) -> None:
        if node.args:
            self._record(node, context, node.args[0], node.args[1:])

    def _record(
        self,
        node: ast.Call,
        context: str,
        text_node: ast.expr,
        rest: list[ast.expr],
    ) -> None:
        if isinstance(text_node, ast.JoinedStr):
            self.problem(node, "f-string passed for translation: use '{name}' and .format()")
            return
        text = _literal(text_node)
        if text is None:
            return  # a variable: its values are marked where they are defined (QT_TRANSLATE_NOOP)
        comment = ""
        if rest:
            comment_text = _literal(rest[0])
            if comment_text is None and not (
                isinstance(rest[0], ast.Constant) and rest[0].value is None
            ):
                self.problem(node, "disambiguation is not a string literal")
                return
            comment = comment_text or ""
        if len(rest) > 1:
            self.problem(node, "plural forms (n) are not supported by tools/update_translations.py")
            return
        self.result.add(Key(context, text, comment), self.path, node.lineno)


def extract(source_dir: Path = SOURCE_DIR) -> Extraction:
    result = Extraction()
    for path in sorted(source_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        scanner = _Scanner(path, result)
        scanner.prepare(tree)
        scanner.visit(tree)
    return result


# ----------------------------------------------------------------------------------------------
# The catalogue


@dataclass
class Entry:
    key: Key
    translation: str
    kind: str | None  # None: finished; "unfinished"; "vanished"; "obsolete"

    @property
    def finished(self) -> bool:
        return self.kind in FINISHED_TYPES and bool(self.translation)


def read_catalogue(path: Path = TS_FILE) -> dict[Key, Entry]:
    if not path.exists():
        return {}
    entries: dict[Key, Entry] = {}
    root = ET.parse(path).getroot()  # noqa: S314 - our own catalogue, not outside input
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = Key(name, message.findtext("source") or "", message.findtext("comment") or "")
            node = message.find("translation")
            text = node.text or "" if node is not None else ""
            kind = node.get("type") if node is not None else "unfinished"
            entries[key] = Entry(key, text, kind)
    return entries


def merge(found: dict[Key, Found], old: dict[Key, Entry]) -> dict[Key, Entry]:
    merged: dict[Key, Entry] = {}
    for key in found:
        previous = old.get(key)
        if previous is not None and previous.translation:
            kind = "unfinished" if previous.kind == "unfinished" else None
            merged[key] = Entry(key, previous.translation, kind)
        else:
            merged[key] = Entry(key, "", "unfinished")
    for key, entry in old.items():
        if key not in merged and entry.translation and entry.kind != "unfinished":
            merged[key] = Entry(key, entry.translation, "vanished")
    return merged


def render_catalogue(entries: dict[Key, Entry], found: dict[Key, Found]) -> str:
    """The .ts text: contexts and messages sorted, so a re-run changes nothing."""
    root = ET.Element("TS", version="2.1", language=LANGUAGE)
    by_context: dict[str, list[Entry]] = {}
    for key in sorted(entries):
        by_context.setdefault(key.context, []).append(entries[key])
    for context_name, messages in by_context.items():
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for entry in messages:
            message = ET.SubElement(context, "message")
            for filename, line in (
                sorted(set(found[entry.key].locations)) if (entry.key in found) else []
            ):
                ET.SubElement(message, "location", filename=filename, line=str(line))
            ET.SubElement(message, "source").text = entry.key.source
            if entry.key.comment:
                ET.SubElement(message, "comment").text = entry.key.comment
            translation = ET.SubElement(message, "translation")
            if entry.kind:
                translation.set("type", entry.kind)
            translation.text = entry.translation or None
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def translation_problems(entries: dict[Key, Entry], found: Iterable[Key]) -> Iterator[str]:
    for key in sorted(found):
        entry = entries.get(key)
        where = f"[{key.context}] {key.source!r}"
        if entry is None or not entry.finished:
            yield f"{where}: no finished pt_BR translation"
        elif placeholders(entry.translation) != placeholders(key.source):
            yield (
                f"{where}: placeholders differ: {placeholders(key.source)} in the source, "
                f"{placeholders(entry.translation)} in {entry.translation!r}"
            )


# ----------------------------------------------------------------------------------------------
# Compiling


def find_lrelease() -> Path:
    """PySide6's own lrelease; the .venv/bin wrappers fail where they cannot find its folder."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (
        folder / "lrelease",
        folder / "lrelease.exe",
        folder / "Qt" / "bin" / "lrelease",
    ):
        if candidate.exists():
            return candidate
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise FileNotFoundError("lrelease not found: install PySide6 (pip install PySide6-Essentials)")


def compile_catalogue(ts: Path = TS_FILE, qm: Path | None = None) -> Path:
    target = qm or ts.with_suffix(".qm")
    subprocess.run(
        [str(find_lrelease()), "-silent", str(ts), "-qm", str(target)],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 on gaps")
    parser.add_argument("--no-compile", action="store_true", help="update the .ts only")
    options = parser.parse_args(argv)

    extraction = extract()
    old = read_catalogue()
    merged = merge(extraction.messages, old)
    text = render_catalogue(merged, extraction.messages)
    gaps = list(translation_problems(merged, extraction.messages))
    untranslated = sum(1 for entry in merged.values() if entry.kind == "unfinished")
    print(
        f"{len(extraction.messages)} messages in station/ui, {untranslated} untranslated, "
        f"{sum(1 for e in merged.values() if e.kind == 'vanished')} vanished",
        file=sys.stderr,
    )
    for problem in extraction.problems:
        print(f"error: {problem}", file=sys.stderr)
    if options.check:
        # Entries, not text: a location's line number drifting with unrelated edits is no gap.
        stale = old != merged
        for gap in gaps:
            print(f"missing: {gap}", file=sys.stderr)
        if stale:
            print(
                f"stale: {TS_FILE.relative_to(ROOT)}; run tools/update_translations.py",
                file=sys.stderr,
            )
        return 1 if gaps or stale or extraction.problems else 0
    TS_FILE.write_text(text, encoding="utf-8")
    if not options.no_compile:
        compile_catalogue()
    for gap in gaps:
        print(f"todo: {gap}", file=sys.stderr)
    return 1 if extraction.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())

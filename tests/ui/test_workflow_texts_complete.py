"""Every text the packing flow's engine can put on the packer's screen has a packer-words entry
in station/ui/workflow_texts.py, translated to Portuguese with the same placeholders.

The texts are found by reading the source (not by a list kept by hand): each string or f-string
given to an error of the station's exception tree (message and ``hint``) and each progress step
(``_step``, ``StepChanged``) in the modules a scan goes through. An f-string's values are filled
with plausible samples (a PO, a number, a word) until the table recognises the text; a text that
no sample makes recognisable fails the test, naming the file and line. A new message added to
the engine without its translation fails here.
"""

from __future__ import annotations

import ast
import itertools
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import station
from station.devices.scale import ReadingState
from station.errors import ApiError, StationError
from station.printing import cups, windows, zebra_status
from station.printing.printer import PrinterState
from station.resources import resource_path
from station.ui.workflow_texts import (
    PRINTER_WORDS,
    TEXTS,
    api_words,
    packer_error,
    printer_state_text,
    recognised,
)

pytestmark = [pytest.mark.gui]

# The screen in Portuguese for one test, as the translation coverage tests have it.
from tests.ui.test_i18n_coverage import portuguese  # noqa: E402, F401

ROOT = Path(station.__file__).parent

# The modules a scan, its boxes, its label and its confirmation go through, and the devices and
# printer states the packing screen shows.
PACKING_FLOW = (
    "workflow/engine.py",
    "workflow/answers.py",
    "workflow/containers.py",
    "workflow/scan.py",
    "workflow/labels.py",
    "workflow/order.py",
    "workflow/confirmation.py",
    "workflow/rules.py",
    "devices/scale.py",
    "site/claims.py",
)

# Texts no packer sees: programming errors and invariants (shown, if ever, as "unexpected
# error"), with the reason each is left out.
NEVER_ON_THE_PACKING_SCREEN = {
    "Outbox item {} does not exist": "wait_for_outcome, used by the command line only",
    "A recorded confirmation must hold exactly one PO": "an invariant of the journal",
    "no weight to convert in {}": "ValueError: a programming error",
    "Amazon accepted the shipment": "shown by the screen's own CONFIRMED banner",
    "Unknown scale kind {}": "refused by the settings model before the scale starts",
    "PO {} is not claimed by any bench": "station site release, a command of the lead",
    "Its confirmation is recorded; nothing to release.": "station site release, likewise",
}

SAMPLES = ("7", "PO7A", "length", "lb", "in", "label", "Amazon said no")
ERROR_NAME = re.compile(r"[A-Z]\w*Error\Z")
STEP_CALLS = {"_step", "StepChanged"}


@dataclass(frozen=True)
class Found:
    where: str
    parts: tuple[str | None, ...]  # literal text, or None where a value goes

    @property
    def shape(self) -> str:
        return "".join("{}" if p is None else p for p in self.parts)

    def samples(self) -> Iterator[str]:
        holes = sum(1 for p in self.parts if p is None)
        choices = itertools.product(SAMPLES, repeat=holes) if holes <= 4 else [("7",) * holes]
        for values in choices:
            given = iter(values)
            yield "".join(next(given) if p is None else p for p in self.parts)


def _parts(node: ast.expr) -> tuple[str | None, ...] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.JoinedStr):
        out: list[str | None] = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                out.append(str(value.value))
            else:
                out.append(None)
        return tuple(out)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _parts(node.left), _parts(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _texts() -> list[Found]:
    found: list[Found] = []
    for name in PACKING_FLOW:
        path = ROOT / name
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else ""
            )
            if called in STEP_CALLS:
                candidates = node.args[2:4]
            elif ERROR_NAME.match(called):
                candidates = node.args[:1] + [k.value for k in node.keywords if k.arg == "hint"]
            else:
                continue
            for arg in candidates:
                parts = _parts(arg)
                if parts is not None and "".join(p or "" for p in parts).strip():
                    found.append(Found(f"{name}:{node.lineno}", parts))
    return found


FOUND = _texts()


def test_the_engine_texts_are_found() -> None:
    """The reader sees the texts it is meant to check (a broken reader checks nothing)."""
    shapes = {f.shape for f in FOUND}
    assert len(FOUND) > 80
    assert "Looking up PO {}" in shapes
    assert (
        "Another desk already shipped PO {} since it was prefetched: HOLD THIS BOX, do not send it"
        in shapes
    )


def _subclasses(kind: type[StationError]) -> Iterator[type[StationError]]:
    for sub in kind.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _flow_errors() -> list[type[StationError]]:
    """The errors of the station's exception tree and of the packing flow's modules (whatever
    other modules a test run happens to have imported)."""
    import importlib

    modules = {"station.errors", "station.journal.outbox"}
    for name in PACKING_FLOW:
        modules.add("station." + name.removesuffix(".py").replace("/", "."))
    for module in modules:
        importlib.import_module(module)
    return sorted(
        {k for k in {StationError, *_subclasses(StationError)} if k.__module__ in modules},
        key=lambda k: k.__module__ + k.__qualname__,
    )


@pytest.mark.parametrize("kind", _flow_errors(), ids=lambda k: k.__qualname__)
def test_every_error_says_what_to_do_in_packer_words(kind: type[StationError]) -> None:
    """An error raised without its own hint shows its class's default hint: it must be in the
    table; the Amazon client's errors (their message names an operation and an HTTP status)
    get a sentence of their own instead."""
    if issubclass(kind, ApiError):
        error = kind.__new__(kind)
        StationError.__init__(error, "getOrder: weird answer (418)")
        message, _ = api_words(error)
        assert "getOrder" not in message and "418" not in message
        return
    assert recognised(kind.default_hint), f"{kind.__qualname__}: {kind.default_hint!r}"


def test_printer_words_cover_what_printers_say() -> None:
    said = {state.value for state in PrinterState}
    said |= {name for _flag, _state, name in zebra_status._HQES_ERRORS}
    said |= {name for _const, _bit, _state, name in windows._STATUS_BITS}
    said |= set(cups._PAPER_ALERTS) | set(cups._OFFLINE_ALERTS)
    missing = sorted(said - set(PRINTER_WORDS))
    assert missing == [], f"printer words with no translation: {missing}"


def test_scale_states_are_marked_for_translation() -> None:
    marked = {
        message.findtext("source")
        for context in ET.parse(resource_path("translations", "station_pt_BR.ts")).iter("context")
        if context.findtext("name") == "BoxesPanel"
        for message in context.iter("message")
    }
    assert {state.value for state in ReadingState} <= marked


@pytest.mark.usefixtures("portuguese")
def test_printer_and_queue_texts_in_portuguese() -> None:
    assert printer_state_text("out of paper", "paper out") == "sem papel: sem papel"
    assert printer_state_text("error", "head open, cutter fault") == (
        "erro: cabeça aberta, falha no cortador"
    )
    from station.errors import PrinterOfflineError, ThrottledError

    message, hint = packer_error(PrinterOfflineError("Zebra 10.0.0.5:9100: paper out"))
    assert message.startswith("A impressora não pode imprimir agora:")
    assert hint.startswith("Ligue a impressora")
    message, hint = packer_error(ThrottledError("getOrder: too many requests (429)"))
    assert "429" not in message and "getOrder" not in message and "Amazon" in message


@pytest.mark.parametrize("found", FOUND, ids=lambda f: f.where)
def test_every_engine_text_has_packer_words(found: Found) -> None:
    if found.shape in NEVER_ON_THE_PACKING_SCREEN:
        return
    known = any(recognised(sample) for sample in found.samples())
    assert known, f"{found.where}: no entry in workflow_texts.TEXTS for {found.shape!r}"


def _catalogue() -> dict[str, str]:
    root = ET.parse(resource_path("translations", "station_pt_BR.ts")).getroot()
    out: dict[str, str] = {}
    for context in root.iter("context"):
        if context.findtext("name") != "WorkflowTexts":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                continue
            out[message.findtext("source") or ""] = translation.text or ""
    return out


def test_every_table_entry_is_translated_with_the_same_placeholders() -> None:
    catalogue = _catalogue()
    for text in TEXTS:
        assert text.template in catalogue, f"no Portuguese for {text.template!r}"
        names = set(re.findall(r"\{(\w+)\}", text.template))
        assert set(re.findall(r"\{(\w+)\}", catalogue[text.template])) == names, text.template
        assert names <= set(text.shape.groupindex), f"{text.template!r} names a missing value"

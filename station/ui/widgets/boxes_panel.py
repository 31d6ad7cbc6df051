"""Carton entry: preset buttons (or ``CMD:BOX:<id>`` scans), typed dimensions and weight with
their units, and the list of cartons for a multi-box shipment.

Typed values go through the workflow's own parsers (``parse_decimal``, ``Box``), so the screen
refuses exactly what the engine would refuse, with the same words, before anything is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from station.config import BoxPreset
from station.devices.scale import Reading, ReadingState
from station.errors import ScanError
from station.ui.qt_compat import emit
from station.ui.widgets.card import Card
from station.workflow.containers import Box, parse_decimal


def _tr(text: str) -> str:
    return QCoreApplication.translate("BoxesPanel", text)


PRESET_STYLE = "font-size: 12pt; padding: 2px 2px;"
# The keyboard path to every action (the button texts show them).
SHORTCUTS = {"next": "F8", "reprint": "F9", "cancel": "Esc", "confirm": "F12"}

# The scale's states, shown by their value (station.devices.scale.ReadingState).
_READING_STATES = (
    QT_TRANSLATE_NOOP("BoxesPanel", "stable"),
    QT_TRANSLATE_NOOP("BoxesPanel", "zero"),
    QT_TRANSLATE_NOOP("BoxesPanel", "in motion"),
    QT_TRANSLATE_NOOP("BoxesPanel", "under zero"),
    QT_TRANSLATE_NOOP("BoxesPanel", "over capacity"),
    QT_TRANSLATE_NOOP("BoxesPanel", "needs re-zero"),
    QT_TRANSLATE_NOOP("BoxesPanel", "needs calibration"),
    QT_TRANSLATE_NOOP("BoxesPanel", "fault"),
    QT_TRANSLATE_NOOP("BoxesPanel", "asleep"),
    QT_TRANSLATE_NOOP("BoxesPanel", "unreadable"),
)


def parse_contents(text: str) -> dict[int, int] | None:
    """``"1=2, 3=1"`` → {1: 2, 3: 1}; empty → None (this box takes what the others do not)."""
    cleaned = text.strip()
    if not cleaned:
        return None
    contents: dict[int, int] = {}
    for part in cleaned.replace(";", ",").split(","):
        seq_text, sep, qty_text = part.partition("=")
        if not sep or not seq_text.strip().isdigit() or not qty_text.strip().isdigit():
            raise ScanError(
                _tr("'{part}' is not LINE=QTY").format(part=part.strip()[:20]),
                hint=_tr("List what this box holds as LINE=QTY, e.g. 1=2, 2=1"),
            )
        seq, qty = int(seq_text), int(qty_text)
        if seq <= 0 or qty <= 0 or seq > 10_000 or qty > 10_000:
            raise ScanError(
                _tr("'{part}' needs a line number and a quantity above zero").format(
                    part=part.strip()[:20]
                )
            )
        contents[seq] = contents.get(seq, 0) + qty
    return contents


def _plain(value: float | Decimal) -> str:
    """12, 12.5 — never 1E+1 (Decimal.normalize's scientific form)."""
    text = format(Decimal(str(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def describe_box(box: Box, number: int) -> str:
    unit = box.dimension_unit.lower()
    text = _tr("Box {n}: {l} × {w} × {h} {unit}, {weight} {wunit}").format(
        n=number,
        l=_plain(box.length),
        w=_plain(box.width),
        h=_plain(box.height),
        unit=unit,
        weight=_plain(box.weight),
        wunit=box.weight_unit.lower(),
    )
    if box.preset_id:
        text += f"  [{box.preset_id}]"
    if box.contents:
        text += "  — " + ", ".join(f"#{seq}×{qty}" for seq, qty in sorted(box.contents.items()))
    return text


class BoxesPanel(Card):
    preset_chosen = Signal(str)
    next_box_requested = Signal()
    confirm_requested = Signal()
    reprint_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, presets: Sequence[BoxPreset], parent: QWidget | None = None) -> None:
        super().__init__(_tr("Boxes"), parent)
        self.presets = {p.id: p for p in presets}
        self.preset_buttons: dict[str, QPushButton] = {}
        presets_row = QHBoxLayout()  # the card's title, then the presets: one row
        presets_row.setSpacing(6)
        self.body.removeWidget(self.title)
        presets_row.addWidget(self.title)
        for preset in presets:
            button = QPushButton(preset.name)
            button.setToolTip(f"{preset.name} — CMD:BOX:{preset.id}")
            # A long preset name is cut, never allowed to push the screen wider than a bench PC.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(80)
            button.setStyleSheet(PRESET_STYLE)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, pid=preset.id: emit(self.preset_chosen, pid))
            presets_row.addWidget(button, 1)
            self.preset_buttons[preset.id] = button
        if not presets:
            none = QLabel(_tr("No box presets: type the dimensions (Settings › Box presets)."))
            none.setObjectName("notice")
            presets_row.addWidget(none, 1)
        self.body.addLayout(presets_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.length = self._field(_tr("L"))
        self.width_edit = self._field(_tr("W"))
        self.height_edit = self._field(_tr("H"))
        self.dimension_unit = QComboBox()
        self.dimension_unit.addItems(["IN", "CM"])
        self.weight = self._field(_tr("Weight"))
        self.weight_unit = QComboBox()
        self.weight_unit.addItems(["LB", "KG"])
        # Who put the weight there: "" (nobody), "typed" or "scale". A preset never does: its
        # tare is the empty carton, never what a packed one weighs.
        self.weight_origin = ""
        self.scale_reading: Reading | None = None  # the stable reading the scale filled in
        self.weight.textEdited.connect(self._weight_typed)
        self.scale_status = QLabel()
        self.scale_status.setObjectName("scaleStatus")
        self.scale_status.hide()
        self.contents = QLineEdit()
        self.contents.setPlaceholderText(_tr("e.g. 1=2"))
        self.contents.setToolTip(_tr("What this box holds as LINE=QTY; empty: everything else"))
        for combo in (self.dimension_unit, self.weight_unit):
            combo.setMaximumWidth(110)
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        grid.addWidget(QLabel(_tr("Size")), 0, 0)
        grid.addWidget(self.length, 0, 1)
        grid.addWidget(QLabel("×"), 0, 2)
        grid.addWidget(self.width_edit, 0, 3)
        grid.addWidget(QLabel("×"), 0, 4)
        grid.addWidget(self.height_edit, 0, 5)
        grid.addWidget(self.dimension_unit, 0, 6)
        grid.addWidget(QLabel(_tr("Weight")), 1, 0)
        grid.addWidget(self.weight, 1, 1)
        grid.addWidget(self.weight_unit, 1, 2, 1, 2)
        grid.addWidget(QLabel(_tr("Holds")), 1, 4)
        grid.addWidget(self.contents, 1, 5, 1, 2)
        grid.addWidget(self.scale_status, 2, 1, 1, 6)
        grid.setColumnStretch(7, 1)
        self.body.addLayout(grid)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3001b; font-size: 15pt; font-weight: bold;")
        self.error.hide()
        self.body.addWidget(self.error)
        # The cartons entered so far: pick one to change it (back into the fields) or drop it.
        self.cartons = QWidget()
        cartons_row = QHBoxLayout(self.cartons)
        cartons_row.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setStyleSheet("font-size: 14pt;")
        self.list.setMaximumHeight(76)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_box())
        cartons_row.addWidget(self.list, 1)
        carton_buttons = QVBoxLayout()
        self.edit_button = QPushButton(_tr("✎ Change"))
        self.remove_button = QPushButton(_tr("✖ Remove"))
        for button, slot in (
            (self.edit_button, self.edit_box),
            (self.remove_button, self.remove_box),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("font-size: 12pt; min-height: 26px; padding: 1px 6px;")
            button.clicked.connect(lambda _=False, f=slot: f())
            carton_buttons.addWidget(button)
        cartons_row.addLayout(carton_buttons)
        self.cartons.hide()
        self.body.addWidget(self.cartons)

        # Each action has a key (shown on its button) beside its command barcode.
        actions = QGridLayout()
        actions.setHorizontalSpacing(8)
        actions.setVerticalSpacing(6)
        self.next_button = QPushButton(_tr("+ Next box  [F8]"))
        self.confirm_button = QPushButton(_tr("✔ Confirm shipment  [F12]"))
        self.confirm_button.setObjectName("primary")
        self.reprint_button = QPushButton(_tr("⟳ Reprint  [F9]"))
        self.cancel_button = QPushButton(_tr("✖ Cancel  [Esc]"))
        self.cancel_button.setObjectName("danger")
        for button, signal, key, place in (
            (self.next_button, self.next_box_requested, SHORTCUTS["next"], (0, 0, 1, 1)),
            (self.reprint_button, self.reprint_requested, SHORTCUTS["reprint"], (0, 1, 1, 1)),
            (self.cancel_button, self.cancel_requested, SHORTCUTS["cancel"], (0, 2, 1, 1)),
            (self.confirm_button, self.confirm_requested, SHORTCUTS["confirm"], (1, 0, 1, 3)),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setShortcut(QKeySequence(key))
            # Longer words (Portuguese) never push the screen wider than a bench PC's.
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(120)
            if button is not self.confirm_button:
                button.setStyleSheet("font-size: 13pt; padding: 3px 2px;")
            button.clicked.connect(lambda _=False, s=signal: emit(s))
            actions.addWidget(button, *place)
        self.body.addLayout(actions)
        self.boxes: list[Box] = []
        self.preset_id: str | None = None

    def _field(self, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(placeholder)
        field.setMaximumWidth(130)
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
        field.textEdited.connect(lambda _text, f=field: self._mark(f, False))
        return field

    @property
    def fields(self) -> tuple[QLineEdit, ...]:
        return (self.length, self.width_edit, self.height_edit, self.weight)

    def _mark(self, field: QLineEdit, invalid: bool) -> None:
        field.setProperty("invalid", "true" if invalid else "false")
        field.style().unpolish(field)
        field.style().polish(field)
        if not invalid:
            self.error.hide()

    # -- the draft box ---------------------------------------------------------------------

    def apply_preset(self, preset_id: str) -> BoxPreset:
        preset = self.presets.get(preset_id)
        if preset is None:
            raise ScanError(
                _tr("There is no box preset '{id}'").format(id=preset_id[:32]),
                hint=_tr("Choose one of: {ids}").format(ids=", ".join(self.presets) or "-"),
            )
        self.preset_id = preset.id
        for field, value in (
            (self.length, preset.length),
            (self.width_edit, preset.width),
            (self.height_edit, preset.height),
        ):
            field.setText(_plain(value))
            self._mark(field, False)
        self.dimension_unit.setCurrentText(preset.dimension_unit)
        self.weight_unit.setCurrentText(preset.weight_unit)
        if self.weight_origin == "scale" and self.scale_reading is not None:
            self.weight.setText(_plain(self.scale_reading.weight_in(preset.weight_unit)))
        self.weight.setPlaceholderText(
            _tr("packed (box {tare})").format(tare=_plain(preset.tare_weight))
            if preset.tare_weight > 0
            else _tr("Weight")
        )
        for button_id, button in self.preset_buttons.items():
            button.setStyleSheet(
                PRESET_STYLE
                + ("background: #0b4f9c; color: white;" if button_id == preset.id else "")
            )
        return preset

    def draft_is_empty(self) -> bool:
        return not any(f.text().strip() for f in self.fields) and not self.contents.text().strip()

    def draft_box(self) -> Box:
        """The box being typed, or a ScanError naming the bad field (which turns red)."""
        values: list[Decimal] = []
        for field, what in (
            (self.length, _tr("length")),
            (self.width_edit, _tr("width")),
            (self.height_edit, _tr("height")),
            (self.weight, _tr("weight")),
        ):
            try:
                if not field.text().strip():
                    raise ScanError(
                        _tr("The carton {what} is missing").format(what=what),
                        hint=_tr("Scan a box barcode or type the {what}").format(what=what),
                    )
                values.append(parse_decimal(field.text(), what))
            except ScanError as exc:
                self._fail(field, exc)
                raise
        try:
            contents = parse_contents(self.contents.text())
        except ScanError as exc:
            self._fail(self.contents, exc)
            raise
        preset = self.presets.get(self.preset_id or "")
        unit: Literal["KG", "LB"] = "KG" if self.weight_unit.currentText() == "KG" else "LB"
        if (
            preset is not None
            and preset.weight_unit == unit
            and 0 < values[3] <= Decimal(str(preset.tare_weight))
        ):
            error = ScanError(
                _tr("{weight} {unit} is what the empty box {name} weighs").format(
                    weight=_plain(values[3]), unit=unit.lower(), name=preset.name
                ),
                hint=_tr("Weigh the packed box and type its weight"),
            )
            self._fail(self.weight, error)
            raise error
        try:
            return Box(
                length=values[0],
                width=values[1],
                height=values[2],
                dimension_unit="CM" if self.dimension_unit.currentText() == "CM" else "IN",
                weight=values[3],
                weight_unit=unit,
                contents=contents,
                preset_id=self.preset_id,
                tare=Decimal(str(preset.tare_weight)) if preset else Decimal(0),
                weight_source="scale" if self.weight_origin == "scale" else "typed",
            )
        except ScanError as exc:
            culprit = self.weight if "weight" in exc.message else self.length
            for name, field in (
                ("length", self.length),
                ("width", self.width_edit),
                ("height", self.height_edit),
            ):
                if name in exc.message:
                    culprit = field
            self._fail(culprit, exc)
            raise

    def _fail(self, field: QLineEdit, exc: ScanError) -> None:
        self._mark(field, True)
        self.error.setText(f"✖ {exc.message} — {exc.hint}")
        self.error.show()

    def commit_draft(self) -> Box:
        box = self.draft_box()
        self.boxes.append(box)
        self._clear_draft()
        self._show_cartons()
        return box

    def _show_cartons(self) -> None:
        self.list.clear()
        for number, box in enumerate(self.boxes, start=1):
            self.list.addItem(describe_box(box, number))
        self.list.setCurrentRow(len(self.boxes) - 1)
        self.cartons.setVisible(bool(self.boxes))

    def _chosen(self, index: int | None) -> int | None:
        if not self.boxes:
            return None
        if index is None:
            index = self.list.currentRow()
        return index if 0 <= index < len(self.boxes) else len(self.boxes) - 1

    def remove_box(self, index: int | None = None) -> Box | None:
        """Drop an entered carton (the selected one, else the last)."""
        chosen = self._chosen(index)
        if chosen is None:
            return None
        box = self.boxes.pop(chosen)
        self._show_cartons()
        return box

    def edit_box(self, index: int | None = None) -> Box | None:
        """Put an entered carton back into the fields to change it; NEXT BOX or CONFIRM takes
        it again (a carton being typed goes into the list first, so nothing is lost)."""
        chosen = self._chosen(index)
        if chosen is None:
            return None
        if not self.draft_is_empty():
            self.commit_draft()
        box = self.boxes.pop(chosen)
        self._clear_draft()
        for field, value in (
            (self.length, box.length),
            (self.width_edit, box.width),
            (self.height_edit, box.height),
            (self.weight, box.weight),
        ):
            field.setText(_plain(value))
        self.dimension_unit.setCurrentText(box.dimension_unit)
        self.weight_unit.setCurrentText(box.weight_unit)
        self.weight_origin = "scale" if box.weight_source == "scale" else "typed"
        if box.contents:
            self.contents.setText(", ".join(f"{s}={q}" for s, q in sorted(box.contents.items())))
        self.preset_id = box.preset_id
        self._show_cartons()
        return box

    def boxes_to_ship(self) -> list[Box]:
        """Every committed box, plus the draft when something was typed or chosen."""
        if self.draft_is_empty() and self.boxes:
            return list(self.boxes)
        return [*self.boxes, self.draft_box()]

    # -- the scale ---------------------------------------------------------------------------

    def _weight_typed(self, _text: str) -> None:
        self.weight_origin = "typed" if self.weight.text().strip() else ""
        self.scale_reading = None

    def offer_scale_weight(self, reading: Reading) -> bool:
        """Fill the weight from a stable reading, unless the packer typed one (theirs wins)."""
        if self.weight_origin == "typed" or not reading.usable:
            return False
        unit = self.weight_unit.currentText()
        self.weight.setText(_plain(reading.weight_in(unit)))
        self._mark(self.weight, False)
        self.weight_origin = "scale"
        self.scale_reading = reading
        return True

    def show_scale(self, reading: Reading) -> None:
        """What the scale says, always: a weight not used says why (settling, zero, …)."""
        if reading.usable:
            text = _tr("⚖ Scale: {weight} (stable)").format(weight=reading.weight_text)
        elif reading.state is ReadingState.ASLEEP:
            text = _tr("⚖ Scale asleep or off — press its power button, or type the weight")
        else:
            state = _tr(reading.state.value)
            if reading.weight is not None:
                state += f" ({reading.weight_text})"
            text = _tr("⚖ Scale: {state} — not used").format(state=state)
        self.scale_status.setText(text)
        self.scale_status.setProperty("usable", "true" if reading.usable else "false")
        self.scale_status.show()

    def _clear_draft(self) -> None:
        self.weight_origin = ""
        self.scale_reading = None
        for field in (*self.fields, self.contents):
            field.clear()
            self._mark(field, False)
        self.preset_id = None
        self.weight.setPlaceholderText(_tr("Weight"))
        for button in self.preset_buttons.values():
            button.setStyleSheet(PRESET_STYLE)

    def reset(self) -> None:
        self.boxes = []
        self.list.clear()
        self.cartons.hide()
        self._clear_draft()
        self.error.hide()

"""Editors generated from a pydantic model: the settings dialog is data, not hand-laid widgets.

Each model field becomes an editor chosen by its annotation (bool → check box, int → spin box,
float → decimal spin box, str → line edit, Literal → combo box, list of Literals → check boxes, a
sub-model → a group, a list of sub-models → a table with one row per item). The field's ``title``
is the label and its ``description`` the tooltip and help text, so a new setting appears in the
dialog the day it is added to :mod:`station.config`.

Editors only collect raw values; validation stays in the model. Pydantic's errors are routed
back to the editor named by their location and shown next to the field.
"""

from __future__ import annotations

import re
import types
from collections.abc import Sequence
from typing import Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from station.ui.settings.field_texts import CHOICE_TEXTS

Loc = tuple[str | int, ...]
FieldError = tuple[Loc, str]

ERROR_STYLE = "color: #b00020; font-weight: bold;"
INVALID_STYLE = "border: 2px solid #b00020;"


def field_text(text: str) -> str:
    """Field titles and descriptions live in the model; their translations in context 'Settings'."""
    return QCoreApplication.translate("Settings", text)


# ----------------------------------------------------------------------------------------------
# Looking at annotations


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1 and len(get_args(annotation)) == 2:
            return args[0], True
    return annotation, False


def _bound(info: FieldInfo, kinds: tuple[type, ...]) -> float | None:
    for item in info.metadata:
        if isinstance(item, kinds):
            for attr in ("ge", "gt", "le", "lt", "max_length"):
                if hasattr(item, attr):
                    return float(getattr(item, attr))
    return None


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _default(info: FieldInfo) -> Any:
    if info.default_factory is not None:
        return info.default_factory()  # type: ignore[call-arg]
    return None if info.is_required() else info.default


# ----------------------------------------------------------------------------------------------
# Editors


class FieldEditor:
    """One field's widget; ``value()`` gives what the model validates, unconverted."""

    widget: QWidget

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        invalid = bool(errors)
        self.widget.setStyleSheet(INVALID_STYLE if invalid else "")
        self.widget.setProperty("invalid", invalid)


class BoolEditor(FieldEditor):
    def __init__(self) -> None:
        self.widget = self.box = QCheckBox()

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class IntEditor(FieldEditor):
    """A spin box; an optional int gets a 'not set' value just below the minimum."""

    def __init__(self, info: FieldInfo, optional: bool) -> None:
        self.widget = self.spin = QSpinBox()
        low = _bound(info, (annotated_types.Ge,))
        low_gt = _bound(info, (annotated_types.Gt,))
        high = _bound(info, (annotated_types.Le,))
        if low is not None:
            minimum = int(low)
        else:
            minimum = int(low_gt) + 1 if low_gt is not None else -(10**9)
        self.optional = optional
        self.spin.setRange(minimum - 1 if optional else minimum, int(high) if high else 10**9)
        if optional:
            self.spin.setSpecialValueText(QCoreApplication.translate("Settings", "(not set)"))
        self.spin.setMinimumWidth(120)

    def value(self) -> Any:
        if self.optional and self.spin.value() == self.spin.minimum():
            return None
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        self.spin.setValue(self.spin.minimum() if value is None else int(value))


class FloatEditor(FieldEditor):
    def __init__(self, info: FieldInfo) -> None:
        self.widget = self.spin = QDoubleSpinBox()
        low = _bound(info, (annotated_types.Ge, annotated_types.Gt))
        high = _bound(info, (annotated_types.Le, annotated_types.Lt))
        self.spin.setDecimals(2)
        # Gt 0 keeps 0.00 selectable on purpose: the model, not the widget, says why it is wrong.
        self.spin.setRange(low if low is not None else -1e9, high if high is not None else 1e9)
        self.spin.setMinimumWidth(120)

    def value(self) -> Any:
        return round(self.spin.value(), 2)

    def set_value(self, value: Any) -> None:
        self.spin.setValue(float(value or 0.0))


class TextEditor(FieldEditor):
    """A line edit; an optional string sends None when left empty."""

    def __init__(self, info: FieldInfo, optional: bool) -> None:
        self.widget = self.edit = QLineEdit()
        self.optional = optional
        limit = _bound(info, (annotated_types.MaxLen,))
        if limit:
            self.edit.setMaxLength(int(limit))
        self.edit.setMinimumWidth(160)

    def value(self) -> Any:
        text = self.edit.text().strip()
        return None if self.optional and not text else text

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class ChoiceEditor(FieldEditor):
    def __init__(self, choices: Sequence[Any]) -> None:
        self.widget = self.combo = QComboBox()
        for choice in choices:
            shown = CHOICE_TEXTS.get(choice) if isinstance(choice, str) else None
            self.combo.addItem(field_text(str(shown)) if shown else str(choice), choice)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)


class MultiChoiceEditor(FieldEditor):
    """A list of Literal values as one check box per possible value."""

    def __init__(self, choices: Sequence[Any]) -> None:
        self.widget = QWidget()
        layout = QHBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[Any, QCheckBox]] = []
        for choice in choices:
            box = QCheckBox(str(choice))
            layout.addWidget(box)
            self.boxes.append((choice, box))
        layout.addStretch(1)

    def value(self) -> Any:
        return [choice for choice, box in self.boxes if box.isChecked()]

    def set_value(self, value: Any) -> None:
        chosen = set(value or ())
        for choice, box in self.boxes:
            box.setChecked(choice in chosen)


class _Row:
    def __init__(self, name: str, editor: FieldEditor, error: QLabel | None) -> None:
        self.name = name
        self.editor = editor
        self.error = error


class ModelEditor(FieldEditor):
    """A form for every field of ``model`` (minus ``exclude``), with an error line per field."""

    def __init__(
        self,
        model: type[BaseModel],
        *,
        exclude: Sequence[str] = (),
        widget: QWidget | None = None,
    ) -> None:
        self.model = model
        self.widget = widget if widget is not None else QWidget()
        self.layout = QFormLayout(self.widget)
        self.layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.rows: dict[str, _Row] = {}
        self._hidden: dict[str, Any] = {}
        for name, info in model.model_fields.items():
            if name in exclude:
                self._hidden[name] = _default(info)
                continue
            self.add_field(name, info)

    def add_field(self, name: str, info: FieldInfo) -> None:
        editor = build_editor(info)
        title = field_text(info.title or name)
        help_text = field_text(info.description) if info.description else ""
        editor.widget.setObjectName(f"field_{name}")
        editor.widget.setToolTip(help_text)
        editor.widget.setAccessibleName(title)
        if isinstance(editor, ModelEditor | ListEditor):
            box = QGroupBox(title)
            box.setToolTip(help_text)
            inner = QVBoxLayout(box)
            if help_text:
                hint = QLabel(help_text)
                hint.setWordWrap(True)
                hint.setStyleSheet("color: #444;")
                inner.addWidget(hint)
            inner.addWidget(editor.widget)
            self.layout.addRow(box)
            self.rows[name] = _Row(name, editor, None)
            return
        label = QLabel(title)
        label.setToolTip(help_text)
        label.setBuddy(editor.widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor.widget)
        column.addWidget(error)
        self.layout.addRow(label, cell)
        self.rows[name] = _Row(name, editor, error)

    def editor(self, *path: str) -> FieldEditor:
        """The editor at a dotted path, e.g. ``editor("printers", "label", "uri")``."""
        current: FieldEditor = self
        for part in path:
            if not isinstance(current, ModelEditor):
                raise KeyError(part)
            current = current.rows[part].editor
        return current

    def value(self) -> Any:
        data = dict(self._hidden)
        for name, row in self.rows.items():
            data[name] = row.editor.value()
        return data

    def set_value(self, value: Any) -> None:
        data = value.model_dump() if isinstance(value, BaseModel) else dict(value or {})
        for name in self._hidden:
            if name in data:
                self._hidden[name] = data[name]
        for name, row in self.rows.items():
            if name in data:
                row.editor.set_value(data[name])

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        by_field: dict[str, list[FieldError]] = {name: [] for name in self.rows}
        for loc, message in errors:
            if loc and str(loc[0]) in by_field:
                by_field[str(loc[0])].append((loc[1:], message))
        for name, row in self.rows.items():
            mine = by_field[name]
            row.editor.show_errors(mine)
            if row.error is not None:
                title = field_text(self.model.model_fields[name].title or name)
                row.error.setText("\n".join(f"{title}: {message}" for _, message in mine))
                row.error.setVisible(bool(mine))


class ListEditor(FieldEditor):
    """A list of sub-models as a table: one row per item, one cell editor per field."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.fields = list(model.model_fields.items())
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.fields))
        self.table.setHorizontalHeaderLabels([field_text(i.title or n) for n, i in self.fields])
        for column, (_name, info) in enumerate(self.fields):
            item = self.table.horizontalHeaderItem(column)
            if item is not None and info.description:
                item.setToolTip(field_text(info.description))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(140)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(QCoreApplication.translate("Settings", "Add"))
        self.remove_button = QPushButton(QCoreApplication.translate("Settings", "Remove"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.rows: list[list[FieldEditor]] = []

    def add_row(self, value: Any = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        editors = []
        for column, (_name, info) in enumerate(self.fields):
            editor = build_editor(info)
            editor.set_value(_default(info))
            self.table.setCellWidget(row, column, editor.widget)
            editors.append(editor)
        self.rows.append(editors)
        if value is not None:
            self._set_row(editors, value)

    def _set_row(self, editors: list[FieldEditor], value: Any) -> None:
        data = value.model_dump() if isinstance(value, BaseModel) else dict(value)
        for (name, _info), editor in zip(self.fields, editors, strict=True):
            if name in data:
                editor.set_value(data[name])

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.currentRow() if self.table.currentRow() >= 0 else len(self.rows) - 1]
        for row in rows:
            self.table.removeRow(row)
            del self.rows[row]

    def value(self) -> Any:
        return [
            {name: editor.value() for (name, _i), editor in zip(self.fields, row, strict=True)}
            for row in self.rows
        ]

    def set_value(self, value: Any) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for item in value or ():
            self.add_row(item)

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        names = [name for name, _ in self.fields]
        lines = []
        for editors in self.rows:
            for editor in editors:
                editor.show_errors(())
        for loc, message in errors:
            if len(loc) >= 2 and isinstance(loc[0], int) and str(loc[1]) in names:
                row, column = loc[0], names.index(str(loc[1]))
                if row < len(self.rows):
                    self.rows[row][column].show_errors([(loc[2:], message)])
                title = field_text(self.fields[column][1].title or str(loc[1]))
                lines.append(
                    QCoreApplication.translate("Settings", "Row {row}, {field}: {message}").format(
                        row=row + 1, field=title, message=message
                    )
                )
            else:
                lines.append(message)
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))


def build_editor(info: FieldInfo) -> FieldEditor:
    """The editor for one field, chosen by its annotation."""
    annotation, optional = _strip_optional(info.annotation)
    origin = get_origin(annotation)
    if annotation is bool:
        return BoolEditor()
    if annotation is int:
        return IntEditor(info, optional)
    if annotation is float:
        return FloatEditor(info)
    if annotation is str:
        return TextEditor(info, optional)
    if origin is Literal:
        return ChoiceEditor(get_args(annotation))
    if _is_model(annotation):
        return ModelEditor(annotation)
    if origin is list:
        (item,) = get_args(annotation)
        if _is_model(item):
            return ListEditor(item)
        if get_origin(item) is Literal:
            return MultiChoiceEditor(get_args(item))
    raise TypeError(f"no settings editor for {info.annotation!r}")


# ----------------------------------------------------------------------------------------------
# Errors


_LOC_PREFIX = re.compile(r"^([A-Za-z_][\w]*(?:\.\w+)*): (.+)$", re.S)


def _parse_loc(text: str) -> Loc:
    return tuple(int(part) if part.isdigit() else part for part in text.split("."))


def field_errors(error: ValidationError) -> list[FieldError]:
    """Pydantic's errors as (location, message); model-level checks that name their field
    ("warehouses.0.scac_code: ...") are moved to that field."""
    found: list[FieldError] = []
    for item in error.errors():
        loc: Loc = tuple(item["loc"])
        message = item["msg"]
        ctx = item.get("ctx") or {}
        if item["type"] == "string_pattern_mismatch":
            # pydantic would show the regular expression; a warehouse lead needs words.
            message = QCoreApplication.translate(
                "Settings", "contains characters that are not allowed here (see the field's tip)"
            )
        if item["type"] == "value_error" and "error" in ctx:
            message = str(ctx["error"])
            match = _LOC_PREFIX.match(message)
            if match and not loc:
                loc, message = _parse_loc(match.group(1)), match.group(2)
        found.append((loc, message))
    return found


def describe(errors: Sequence[FieldError]) -> str:
    return "\n".join(f"{'.'.join(str(p) for p in loc) or '-'}: {msg}" for loc, msg in errors)

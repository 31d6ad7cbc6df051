"""Cartons: their dimensions, weight and which PO lines they hold.

Typed values come from people (the dimension fields, the ``--box`` option of ``station ship``) and
from box-preset barcodes, so every parser here refuses bad input with a ScanError that says which
value is wrong and what a good one looks like.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Literal

from station.errors import ScanError

DimensionUnit = Literal["IN", "CM"]
WeightUnit = Literal["KG", "LB"]

# Plausibility bounds: a DF carton is parcel-sized. Beyond these a typo is far more likely.
MAX_DIMENSION = {"IN": Decimal(120), "CM": Decimal(300)}
MAX_WEIGHT = {"KG": Decimal(70), "LB": Decimal(150)}

_NUMBER = r"\d+(?:[.,]\d+)?"
_COUNT = re.compile(r"[0-9]{1,6}=[0-9]{1,6}")
_BOX_SPEC = re.compile(
    rf"^\s*(?P<l>{_NUMBER})\s*[xX×]\s*(?P<w>{_NUMBER})\s*[xX×]\s*(?P<h>{_NUMBER})\s*"
    rf"(?P<du>in|cm|IN|CM)\s*:\s*(?P<wt>{_NUMBER})\s*(?P<wu>kg|lb|KG|LB)\s*"
    r"(?:@(?P<items>.*))?$"
)


def parse_decimal(text: str, what: str) -> Decimal:
    """A positive decimal typed by a person: ``"12.5"`` and ``"12,5"`` both mean 12.5."""
    cleaned = text.strip().replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ScanError(
            f"The {what} '{text[:20]}' is not a number",
            hint=f"Type the {what} as digits, e.g. 12.5",
        ) from None
    if not value.is_finite() or value <= 0:
        raise ScanError(
            f"The {what} must be more than zero (got '{text[:20]}')",
            hint=f"Measure the carton again and type the {what}",
        )
    if value.as_tuple().exponent < -3:  # type: ignore[operator]
        raise ScanError(
            f"The {what} '{text[:20]}' has too many decimals",
            hint="Three decimals at most, e.g. 1.255",
        )
    return value


@dataclass(frozen=True)
class Box:
    """One carton. ``contents`` maps itemSequenceNumber → units; ``None`` means "whatever is not
    in the other boxes" (one box holding everything is the default)."""

    length: Decimal
    width: Decimal
    height: Decimal
    dimension_unit: DimensionUnit
    weight: Decimal
    weight_unit: WeightUnit
    contents: Mapping[int, int] | None = None
    preset_id: str | None = None
    tare: Decimal = field(default=Decimal(0))  # carton weight, already included in ``weight``
    weight_source: str = "typed"  # "typed" by the packer, or "scale" (a stable reading)

    def __post_init__(self) -> None:
        for name in ("length", "width", "height"):
            value = getattr(self, name)
            if value <= 0 or value > MAX_DIMENSION[self.dimension_unit]:
                raise ScanError(
                    f"The carton {name} {value} {self.dimension_unit.lower()} is not plausible",
                    hint=(
                        f"Type a {name} between 0 and {MAX_DIMENSION[self.dimension_unit]} "
                        f"{self.dimension_unit.lower()}"
                    ),
                )
        if self.weight <= 0 or self.weight > MAX_WEIGHT[self.weight_unit]:
            raise ScanError(
                f"The weight {self.weight} {self.weight_unit.lower()} is not plausible",
                hint=(
                    f"Weigh the carton and type a weight between 0 and "
                    f"{MAX_WEIGHT[self.weight_unit]} {self.weight_unit.lower()}"
                ),
            )
        if self.contents is not None:
            for seq, qty in self.contents.items():
                if seq <= 0 or qty <= 0:
                    raise ScanError(
                        f"Box contents must name a line and a positive quantity (got {seq}={qty})"
                    )

    def with_contents(self, contents: Mapping[int, int] | None) -> Box:
        return replace(self, contents=None if contents is None else dict(contents))


def parse_box_spec(text: str) -> Box:
    """Parse ``LxWxH{in|cm}:W{kg|lb}[@LINE=QTY,...]``, the ``--box`` option of ``station ship``.

    Example: ``12x8x4in:1.5kg`` or ``30x20x10cm:2kg@1=2,3=1``.
    """
    match = _BOX_SPEC.match(text)
    if match is None:
        raise ScanError(
            f"'{text[:60]}' is not a box",
            hint="Write a box as LxWxH{in|cm}:W{kg|lb}[@LINE=QTY,...], e.g. 12x8x4in:1.5kg@1=2",
        )
    contents: dict[int, int] | None = None
    if match.group("items") is not None:
        contents = {}
        for part in match.group("items").split(","):
            seq_text, sep, qty_text = part.partition("=")
            # ASCII digits only: str.isdigit() also accepts "²", which int() then refuses.
            if not sep or not _COUNT.fullmatch(seq_text.strip() + "=" + qty_text.strip()):
                raise ScanError(
                    f"'{part[:30]}' in '{text[:60]}' is not LINE=QTY",
                    hint="List the lines in the box as LINE=QTY, e.g. @1=2,2=1",
                )
            seq = int(seq_text)
            contents[seq] = contents.get(seq, 0) + int(qty_text)
    dimension_unit: DimensionUnit = "IN" if match.group("du").upper() == "IN" else "CM"
    weight_unit: WeightUnit = "KG" if match.group("wu").upper() == "KG" else "LB"
    return Box(
        length=parse_decimal(match.group("l"), "length"),
        width=parse_decimal(match.group("w"), "width"),
        height=parse_decimal(match.group("h"), "height"),
        dimension_unit=dimension_unit,
        weight=parse_decimal(match.group("wt"), "weight"),
        weight_unit=weight_unit,
        contents=contents,
    )


def allocate(boxes: Sequence[Box], ordered: Mapping[int, int]) -> list[dict[int, int]]:
    """Resolve every box's contents against the ordered quantities.

    At most one box may leave its contents open (``None``): it takes what the others do not. The
    result must account for every unit exactly: DF allows no partial shipment.
    """
    if not boxes:
        raise ScanError("No carton was entered", hint="Enter at least one carton")
    open_boxes = [i for i, b in enumerate(boxes) if b.contents is None]
    if len(open_boxes) > 1:
        if len(boxes) == len(open_boxes) and len(boxes) > 1:
            raise ScanError(
                f"{len(boxes)} cartons were entered but not what each holds",
                hint="Say which lines go in which carton (all but one carton at least)",
            )
        raise ScanError(
            "More than one carton has no contents listed",
            hint="List the contents of every carton but one",
        )
    remaining = dict(ordered)
    result: list[dict[int, int]] = [dict(b.contents or {}) for b in boxes]
    for contents in result:
        for seq, qty in contents.items():
            if seq not in ordered:
                raise ScanError(
                    f"Line {seq} is not on this PO",
                    hint=f"The PO's lines are {', '.join(str(s) for s in sorted(ordered))}",
                )
            remaining[seq] = remaining.get(seq, 0) - qty
    over = {seq: -left for seq, left in remaining.items() if left < 0}
    if over:
        seq, extra = next(iter(sorted(over.items())))
        raise ScanError(
            f"The cartons hold {extra} more of line {seq} than was ordered",
            hint="Correct the carton contents: DF orders ship exactly what was ordered",
        )
    if open_boxes:
        result[open_boxes[0]] = {seq: left for seq, left in remaining.items() if left > 0}
    else:
        missing = {seq: left for seq, left in remaining.items() if left > 0}
        if missing:
            seq, left = next(iter(sorted(missing.items())))
            raise ScanError(
                f"{left} unit(s) of line {seq} are in no carton",
                hint="Every unit must be packed: Amazon refuses partial shipments",
            )
    for index, contents in enumerate(result):
        if not any(qty > 0 for qty in contents.values()):
            raise ScanError(
                f"Carton {index + 1} is empty",
                hint="Remove the empty carton or put items in it (Amazon rejects EMPTY_PACKAGES)",
            )
    return result

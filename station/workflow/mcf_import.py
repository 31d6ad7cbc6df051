"""Web-shop orders in: CSV files (the station's own columns, or Shopify's order export) and the
checks an order passes before Amazon sees it.

Every file is untrusted: bounded in size and rows, any encoding Excel writes, comma or semicolon
separated. A bad order is reported by row and shop order name (never with its address) and the
others are still imported.

The station's CSV columns (one row per line; rows with the same ``shop_order`` form one order, the
address is taken from its first row)::

    shop_order*, order_date, name*, address1*, address2, address3, city*, district, state,
    postal_code*, country*, phone, email, sku*, quantity*, declared_value, currency, speed,
    blank_box, block_amzl, signature, hold, comment

(* required). ``speed`` is Standard, Expedited or Priority; the yes/no columns take yes/no,
true/false or 1/0. Shopify's "Export orders" CSV is recognised by its ``Name`` and
``Lineitem sku`` columns; its ``Shipping *`` columns give the address.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from station.errors import ScanError
from station.spapi.mcf import SPEEDS, McfAddress, McfFeatures, McfLine, Speed

__all__ = [
    "MAX_FILE_BYTES",
    "STATION_COLUMNS",
    "ImportProblem",
    "ImportResult",
    "ShopOrder",
    "address_problems",
    "derive_order_id",
    "order_from_content",
    "order_to_content",
    "read_orders_csv",
]

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
MAX_LINES_PER_ORDER = 100
MAX_FIELD = 500
MAX_ID = 40

STATION_COLUMNS = (
    "shop_order",
    "order_date",
    "name",
    "address1",
    "address2",
    "address3",
    "city",
    "district",
    "state",
    "postal_code",
    "country",
    "phone",
    "email",
    "sku",
    "quantity",
    "declared_value",
    "currency",
    "speed",
    "blank_box",
    "block_amzl",
    "signature",
    "hold",
    "comment",
)
_REQUIRED_STATION = ("shop_order", "sku", "quantity")

_SHOPIFY = {
    "shop_order": "Name",
    "email": "Email",
    "order_date": "Created at",
    "currency": "Currency",
    "quantity": "Lineitem quantity",
    "sku": "Lineitem sku",
    "declared_value": "Lineitem price",
    "requires_shipping": "Lineitem requires shipping",
    "name": "Shipping Name",
    "address1": "Shipping Address1",
    "address2": "Shipping Address2",
    "company": "Shipping Company",
    "city": "Shipping City",
    "postal_code": "Shipping Zip",
    "state": "Shipping Province",
    "country": "Shipping Country",
    "phone": "Shipping Phone",
    "comment": "Notes",
}

#: Postal codes Amazon will accept, per destination country (the common MCF destinations).
POSTAL_CODES: Mapping[str, re.Pattern[str]] = {
    "US": re.compile(r"^\d{5}(-\d{4})?$"),
    "CA": re.compile(r"^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$"),
    "MX": re.compile(r"^\d{5}$"),
    "BR": re.compile(r"^\d{5}-?\d{3}$"),
    "GB": re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$"),
    "DE": re.compile(r"^\d{5}$"),
    "FR": re.compile(r"^\d{5}$"),
    "IT": re.compile(r"^\d{5}$"),
    "ES": re.compile(r"^\d{5}$"),
    "JP": re.compile(r"^\d{3}-?\d{4}$"),
}
_STATE_CODES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP AA AE AP"
)
US_STATES = frozenset(_STATE_CODES.split(" "))
#: Destinations whose addresses are incomplete without a state or province.
NEEDS_STATE = frozenset({"US", "CA", "MX", "BR"})


@dataclass(frozen=True)
class ShopOrder:
    shop_order: str
    order_date: datetime
    address: McfAddress
    lines: tuple[McfLine, ...]
    source: str
    comment: str = ""
    speed: Speed | None = None
    features: McfFeatures = field(default_factory=McfFeatures)
    hold: bool = False


@dataclass(frozen=True)
class ImportProblem:
    row: int  # 1-based row of the file (the header is row 1); 0 for the whole file
    shop_order: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        order = f" (order {self.shop_order})" if self.shop_order else ""
        return f"{where}{order}: {self.message}"


@dataclass
class ImportResult:
    format: str
    orders: list[ShopOrder] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def derive_order_id(shop_order: str) -> str:
    """The ``sellerFulfillmentOrderId`` for a shop order: letters, digits and dashes, ≤ 40.

    Deterministic (the same shop order always gives the same id, which is what makes a retry
    safe) and injective in practice: when cleaning changed anything (``#1001``, spaces, ``+``,
    accents) a short hash of the original is appended, so ``#1001`` and ``1001`` stay apart.
    """
    original = shop_order.strip()
    if not original:
        raise ScanError("A shop order has no name", hint="Give every order its shop order number.")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", original).strip("-")
    if cleaned == original and len(cleaned) <= MAX_ID:
        return cleaned
    digest = hashlib.sha256(original.encode("utf-8")).hexdigest()[:8]
    head = cleaned[: MAX_ID - len(digest) - 1].strip("-")
    return f"{head}-{digest}" if head else digest


def address_problems(address: McfAddress) -> list[str]:
    """What Amazon's model requires and what the destination country's post expects."""
    problems = []
    for label, value in (
        ("recipient name", address.name),
        ("address line 1", address.line1),
        ("postal code", address.postal_code),
        ("country", address.country_code),
    ):
        if not value or not value.strip():
            problems.append(f"the {label} is missing")
    country = address.country_code.upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        problems.append("the country must be a two-letter ISO code (e.g. US, BR, DE)")
    pattern = POSTAL_CODES.get(country)
    if address.postal_code and pattern and not pattern.match(address.postal_code.upper()):
        problems.append(f"the postal code is not a valid {country} postal code")
    if country in NEEDS_STATE and not (address.state or "").strip():
        problems.append(f"a {country} address needs a state or province")
    if country == "US" and address.state and address.state.strip().upper() not in US_STATES:
        problems.append("the state must be a two-letter US state code")
    if not (address.city or "").strip():
        problems.append("the city is missing")
    for label, value in (("name", address.name), ("address line 1", address.line1)):
        if value and len(value) > 60 * 3:
            problems.append(f"the {label} is too long")
    return problems


# -- reading files -------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # Excel on Windows


def _rows(text: str) -> Iterator[list[str]]:
    sample = text[:4096]
    delimiter = ","
    first = sample.splitlines()[0] if sample else ""
    if first.count(";") > first.count(",") and first.count(";") > first.count("\t"):
        delimiter = ";"
    elif first.count("\t") > first.count(","):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for count, row in enumerate(reader):
        if count > MAX_ROWS:
            raise ValueError(f"more than {MAX_ROWS} rows")
        yield row


def _truthy(value: str) -> bool:
    return value.strip().lower() in {"1", "yes", "y", "true", "sim", "s", "x"}


def _date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S"):
        try:
            parsed = datetime.strptime(value, fmt)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        except ValueError:
            pass
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _clean(value: str | None) -> str:
    text = (value or "").strip()
    return text[1:] if text.startswith("'") else text  # Shopify keeps leading zeros this way


@dataclass
class _Draft:
    first_row: int
    fields: dict[str, str]
    lines: list[McfLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_orders_csv(data: bytes, *, now: datetime | None = None) -> ImportResult:
    """Parse a CSV of web-shop orders; never raises for bad content, reports it instead."""
    moment = now or datetime.now(UTC)
    if len(data) > MAX_FILE_BYTES:
        return ImportResult(
            "unknown",
            problems=[
                ImportProblem(0, None, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
            ],
        )
    if b"\x00" in data[:4096]:
        return ImportResult("unknown", problems=[ImportProblem(0, None, "not a text CSV file")])
    try:
        rows = list(_rows(_decode(data)))
    except (csv.Error, ValueError) as exc:
        return ImportResult("unknown", problems=[ImportProblem(0, None, f"unreadable CSV: {exc}")])
    if not rows:
        return ImportResult("unknown", problems=[ImportProblem(0, None, "the file is empty")])
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    if "Name" in header and "Lineitem sku" in header:
        kind, mapping = "shopify", {k: v for k, v in _SHOPIFY.items() if v in header}
    elif all(c in header for c in _REQUIRED_STATION):
        kind, mapping = "station", {c: c for c in STATION_COLUMNS if c in header}
    else:
        missing = [c for c in _REQUIRED_STATION if c not in header]
        return ImportResult(
            "unknown",
            problems=[
                ImportProblem(
                    1,
                    None,
                    "unknown columns: use the station's columns (missing "
                    f"{', '.join(missing)}) or Shopify's order export",
                )
            ],
        )
    index = {name: header.index(column) for name, column in mapping.items()}
    result = ImportResult(kind)
    drafts: dict[str, _Draft] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {name: _clean(row[i] if i < len(row) else "") for name, i in index.items()}
        too_long = [n for n, v in values.items() if len(v) > MAX_FIELD]
        shop_order = values.get("shop_order", "")[:100]
        if too_long:
            result.problems.append(
                ImportProblem(number, shop_order or None, f"{too_long[0]} is too long")
            )
            continue
        if not shop_order:
            result.problems.append(ImportProblem(number, None, "the shop order name is empty"))
            continue
        draft = drafts.get(shop_order)
        if draft is None:
            draft = drafts[shop_order] = _Draft(number, values)
        if kind == "shopify" and values.get("requires_shipping", "true").lower() == "false":
            continue
        _add_line(draft, values, number)
    for shop_order, draft in drafts.items():
        order = _finish(shop_order, draft, kind, moment)
        if isinstance(order, ShopOrder):
            result.orders.append(order)
        else:
            result.problems.extend(ImportProblem(draft.first_row, shop_order, p) for p in order)
    return result


def _add_line(draft: _Draft, values: Mapping[str, str], row: int) -> None:
    sku = values.get("sku", "")
    raw_qty = values.get("quantity", "")
    if not sku:
        draft.problems.append(f"row {row}: the SKU is empty")
        return
    if len(sku) > 50:
        draft.problems.append(f"row {row}: the SKU is longer than 50 characters")
        return
    if not raw_qty.isdigit() or not 1 <= int(raw_qty) <= 9999:
        draft.problems.append(f"row {row}: the quantity must be a whole number from 1 to 9999")
        return
    declared: Decimal | None = None
    raw_value = values.get("declared_value", "").replace(",", ".")
    if raw_value:
        try:
            declared = Decimal(raw_value)
        except InvalidOperation:
            draft.problems.append(f"row {row}: the declared value is not a number")
            return
        if not declared.is_finite() or declared < 0:
            draft.problems.append(f"row {row}: the declared value is not a price")
            return
    if len(draft.lines) >= MAX_LINES_PER_ORDER:
        draft.problems.append(f"more than {MAX_LINES_PER_ORDER} lines")
        return
    currency = (values.get("currency") or draft.fields.get("currency") or "").upper() or None
    draft.lines.append(
        McfLine(
            str(len(draft.lines) + 1), sku, int(raw_qty), declared, currency if declared else None
        )
    )


def _finish(shop_order: str, draft: _Draft, kind: str, moment: datetime) -> ShopOrder | list[str]:
    f = draft.fields
    problems = list(draft.problems)
    name = f.get("name", "")
    if kind == "shopify" and not name and f.get("company"):
        name = f["company"]
    address = McfAddress(
        name=name,
        line1=f.get("address1", ""),
        line2=f.get("address2") or None,
        line3=f.get("address3") or None,
        city=f.get("city") or None,
        district=f.get("district") or None,
        state=f.get("state") or None,
        postal_code=f.get("postal_code", "").upper(),
        country_code=f.get("country", "").upper(),
        phone=f.get("phone") or None,
        email=f.get("email") or None,
    )
    problems += address_problems(address)
    if not draft.lines and not problems:
        problems.append("the order has no line to ship")
    speed_text = f.get("speed", "").strip().title() if kind == "station" else ""
    speed: Speed | None = None
    if speed_text:
        if speed_text not in SPEEDS:
            problems.append("the speed must be Standard, Expedited or Priority")
        else:
            speed = cast(Speed, speed_text)
    when = _date(f.get("order_date", ""))
    if f.get("order_date") and when is None:
        problems.append("the order date is not a date (use 2026-12-01 or 2026-12-01T10:00:00Z)")
    if problems:
        return problems
    features = McfFeatures(
        blank_box=_truthy(f.get("blank_box", "")),
        block_amzl=_truthy(f.get("block_amzl", "")),
        signature=_truthy(f.get("signature", "")),
    )
    return ShopOrder(
        shop_order=shop_order,
        order_date=when or moment,
        address=address,
        lines=tuple(draft.lines),
        source=kind,
        comment=f.get("comment", "")[:750],
        speed=speed,
        features=features,
        hold=_truthy(f.get("hold", "")),
    )


# -- sealing into the journal ---------------------------------------------------------------


def order_to_content(order: ShopOrder) -> dict[str, Any]:
    a = order.address
    return {
        "shopOrder": order.shop_order,
        "orderDate": order.order_date.isoformat(),
        "address": {
            "name": a.name,
            "line1": a.line1,
            "line2": a.line2,
            "line3": a.line3,
            "city": a.city,
            "district": a.district,
            "state": a.state,
            "postalCode": a.postal_code,
            "countryCode": a.country_code,
            "phone": a.phone,
            "email": a.email,
        },
        "lines": [
            {
                "lineId": line.line_id,
                "sku": line.sku,
                "quantity": line.quantity,
                "declaredValue": None if line.declared_value is None else str(line.declared_value),
                "currency": line.currency,
            }
            for line in order.lines
        ],
        "source": order.source,
        "comment": order.comment,
        "speed": order.speed,
        "features": list(order.features.names()),
        "hold": order.hold,
    }


def order_from_content(content: Mapping[str, Any]) -> ShopOrder:
    a = content["address"]
    names = set(content.get("features") or ())
    return ShopOrder(
        shop_order=content["shopOrder"],
        order_date=datetime.fromisoformat(content["orderDate"]),
        address=McfAddress(
            name=a["name"],
            line1=a["line1"],
            postal_code=a["postalCode"],
            country_code=a["countryCode"],
            line2=a.get("line2"),
            line3=a.get("line3"),
            city=a.get("city"),
            district=a.get("district"),
            state=a.get("state"),
            phone=a.get("phone"),
            email=a.get("email"),
        ),
        lines=tuple(
            McfLine(
                line["lineId"],
                line["sku"],
                int(line["quantity"]),
                None if line.get("declaredValue") is None else Decimal(line["declaredValue"]),
                line.get("currency"),
            )
            for line in content["lines"]
        ),
        source=content.get("source", "csv"),
        comment=content.get("comment", ""),
        speed=content.get("speed"),
        features=McfFeatures(
            blank_box="BLANK_BOX" in names,
            block_amzl="BLOCK_AMZL" in names,
            signature="SIGNATURE_CONFIRMATION" in names,
        ),
        hold=bool(content.get("hold")),
    )


def with_choice(
    order: ShopOrder, speed: Speed | None, features: McfFeatures | None, hold: bool | None
) -> ShopOrder:
    """The order with the lead's choices from the preview applied."""
    return replace(
        order,
        speed=speed or order.speed,
        features=order.features if features is None else features,
        hold=order.hold if hold is None else hold,
    )

"""The simulator's purchase orders: a seeded, deterministic book of realistic DF orders.

The same ``seed`` and ``count`` always give the same POs, lines, warehouses and ship methods (the
dates move with the clock: they are relative to "now"), so a test or a training script can name a
PO and find it again after a reseed. The first orders of every book cover the special cases in a
fixed order (see ``SPECIAL_KINDS``); the rest are drawn at random.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

PO_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I/O/0/1: they are misread on paper


@dataclass(frozen=True)
class PostalAddress:
    name: str
    address_line1: str
    city: str
    state_or_region: str
    postal_code: str
    country_code: str
    address_line2: str = ""
    phone: str = ""


@dataclass(frozen=True)
class ShipMethod:
    code: str  # e.g. "UPS_GR_RES", echoed in labels and confirmations
    name: str  # e.g. "UPS Ground Residential"
    carrier: str  # e.g. "UPS"
    tracking_prefix: str
    tracking_digits: int


@dataclass(frozen=True)
class Warehouse:
    """A vendor ship-from location. VOC warehouses ship with the vendor's own carrier: their
    confirmations must carry ``scac_code`` and they may send shipment status updates."""

    party_id: str
    address: PostalAddress
    label_format: str  # "PNG" or "ZPL"
    ship_methods: tuple[str, ...]
    region: str = "NA"  # "NA" or "IN"
    selling_party: str = "999US"
    currency: str = "USD"
    voc: bool = False
    scac_code: str = ""


SHIP_METHODS: dict[str, ShipMethod] = {
    m.code: m
    for m in (
        ShipMethod("UPS_GR_RES", "UPS Ground Residential", "UPS", "1Z", 16),
        ShipMethod("UPS_2ND", "UPS 2nd Day Air", "UPS", "1Z", 16),
        ShipMethod("FEDEX_GR", "FedEx Ground", "FEDEX", "", 12),
        ShipMethod("FEDEX_HD", "FedEx Home Delivery", "FEDEX", "", 15),
        ShipMethod("USPS_PRI", "USPS Priority Mail", "USPS", "9405", 18),
        ShipMethod("ODFL_LTL", "Old Dominion Freight Line LTL", "ODFL", "ODFL", 10),
        ShipMethod("AMZL_IN_STD", "Amazon Shipping Standard (India)", "ATS", "IN", 12),
    )
}

WAREHOUSES: tuple[Warehouse, ...] = (
    Warehouse(
        "ABCD",
        PostalAddress("Northwind Home Goods", "2201 Westlake Ave", "Seattle", "WA", "98121", "US"),
        "PNG",
        ("UPS_GR_RES", "UPS_2ND", "FEDEX_GR", "USPS_PRI"),
    ),
    Warehouse(
        "RNOZ",
        PostalAddress("Northwind Reno DC", "480 Parr Blvd", "Reno", "NV", "89512", "US"),
        "ZPL",
        ("FEDEX_GR", "FEDEX_HD", "UPS_GR_RES"),
    ),
    Warehouse(
        "DFWV",
        PostalAddress("Northwind Freight", "3100 Irving Blvd", "Dallas", "TX", "75247", "US"),
        "ZPL",
        ("ODFL_LTL",),
        voc=True,
        scac_code="ODFL",
    ),
    Warehouse(
        "BLRI",
        PostalAddress("Northwind India", "12 Hosur Road", "Bengaluru", "KA", "560068", "IN"),
        "PNG",
        ("AMZL_IN_STD",),
        region="IN",
        selling_party="999IN",
        currency="INR",
    ),
)
WAREHOUSES_BY_ID = {w.party_id: w for w in WAREHOUSES}

# The first orders of every book, in this order, so each case exists whenever count allows.
SPECIAL_KINDS = ("plain", "zpl", "gift", "pslip", "priority", "voc", "cancelled", "india")

_PRODUCTS = (
    ("Stainless Steel Insulated Water Bottle, 750 ml", "24.99"),
    ("Cotton Bath Towel Set, 6 pieces, Grey", "39.90"),
    ("Ceramic Non-Stick Frying Pan, 28 cm", "45.00"),
    ("LED Desk Lamp with USB Charging Port", "32.50"),
    ("Wireless Ergonomic Mouse, 2.4 GHz", "19.99"),
    ("Bamboo Cutting Board, Large", "27.95"),
    ("Glass Food Storage Containers, Set of 5", "34.99"),
    ("Memory Foam Pillow, Standard Size", "29.00"),
    ("Electric Kettle, 1.7 L, Brushed Steel", "49.99"),
    ("Yoga Mat, 6 mm, Non-Slip", "22.49"),
    ("Kids' Building Blocks, 500 pieces", "35.99"),
    ("Cast Iron Dutch Oven, 5.5 qt", "79.00"),
    ("Noise-Cancelling Headphones, Over-Ear", "129.00"),
    ("Digital Kitchen Scale, 5 kg", "15.99"),
    ("Aluminium Laptop Stand, Adjustable", "38.00"),
    ("Hardcover Notebook, A5, Dotted, 2-Pack", "14.50"),
)
_FIRST = ("Ana", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas")
_LAST = ("Miller", "Garcia", "Nguyen", "Schmidt", "Okafor", "Rossi", "Kim", "Dubois", "Silva")
_US_CITIES = (
    ("Portland", "OR", "97205"),
    ("Austin", "TX", "78701"),
    ("Denver", "CO", "80202"),
    ("Columbus", "OH", "43215"),
    ("Raleigh", "NC", "27601"),
    ("San Jose", "CA", "95113"),
)
_IN_CITIES = (("Mumbai", "MH", "400001"), ("Pune", "MH", "411001"), ("Chennai", "TN", "600001"))
_STREETS = ("Oak Street", "Maple Avenue", "Pine Road", "Cedar Lane", "Elm Drive", "Lake View")
_GIFT_MESSAGES = (
    "Happy birthday! Love, Sam",
    "Congratulations on the new home!",
    "Merry Christmas from all of us",
)
MESSAGE_TO_CUSTOMER = (
    "This shipment completes your order. You can always check the status of your orders from "
    'the "Your Account" link at the top of each page of our site. Thank you for shopping at '
    "Amazon.com"
)


@dataclass(frozen=True)
class OrderLine:
    item_sequence_number: int  # shown as "00001" by the Orders API
    asin: str
    vendor_sku: str  # an EAN-13, as many vendors use
    title: str
    quantity: int
    unit_price: Decimal
    tax_rate: Decimal


@dataclass
class SimOrder:
    """One PO. Only ``status`` changes after generation (NEW → ACCEPTED → SHIPPED, or
    CANCELLED), under the state's lock."""

    purchase_order_number: str
    customer_order_number: str
    order_date: datetime
    required_ship_date: datetime
    promised_delivery_date: datetime
    warehouse: Warehouse
    ship_method: ShipMethod
    ship_to: PostalAddress
    lines: tuple[OrderLine, ...]
    kind: str = "random"
    is_gift: bool = False
    gift_message: str = ""
    is_pslip_required: bool = False
    is_priority: bool = False
    status: str = "NEW"
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def region(self) -> str:
        return self.warehouse.region

    @property
    def has_customer_invoice(self) -> bool:
        return self.warehouse.region == "IN"


def _ean13(rng: random.Random) -> str:
    digits = [rng.randrange(10) for _ in range(12)]
    digits[0] = 0  # GS1 US prefix range
    total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def _token(rng: random.Random, alphabet: str, length: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def tracking_number(method: ShipMethod, rng: random.Random) -> str:
    body_alphabet = "0123456789" if method.carrier != "UPS" else "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
    return method.tracking_prefix + _token(rng, body_alphabet, method.tracking_digits)


def generate(seed: int, count: int, now: datetime) -> list[SimOrder]:
    """``count`` orders for ``seed``, dated in the 60 hours before ``now``, in book order."""
    rng = random.Random(seed)
    anchor = now.replace(minute=0, second=0, microsecond=0)
    catalog = [
        ("B0" + _token(rng, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", 8), _ean13(rng), title, price)
        for title, price in _PRODUCTS
    ]
    used: set[str] = set()
    orders: list[SimOrder] = []
    for index in range(count):
        kind = SPECIAL_KINDS[index] if index < len(SPECIAL_KINDS) else "random"
        while True:
            po = rng.choice("23456789") + _token(rng, PO_ALPHABET, 7)
            if po not in used:
                used.add(po)
                break
        if kind in ("zpl",):
            warehouse = WAREHOUSES_BY_ID["RNOZ"]
        elif kind == "voc":
            warehouse = WAREHOUSES_BY_ID["DFWV"]
        elif kind == "india":
            warehouse = WAREHOUSES_BY_ID["BLRI"]
        elif kind == "random":
            warehouse = rng.choice(WAREHOUSES[:3])
        else:
            warehouse = WAREHOUSES_BY_ID["ABCD"]
        method = SHIP_METHODS[rng.choice(warehouse.ship_methods)]
        if warehouse.region == "IN":
            city, state, postal = rng.choice(_IN_CITIES)
            country, phone = "IN", "+91 98" + _token(rng, "0123456789", 8)
        else:
            city, state, postal = rng.choice(_US_CITIES)
            country, phone = "US", "+1 206 555 " + _token(rng, "0123456789", 4)
        ship_to = PostalAddress(
            name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
            address_line1=f"{rng.randint(10, 9999)} {rng.choice(_STREETS)}",
            address_line2=rng.choice(("", "", f"Apt {rng.randint(1, 40)}")),
            city=city,
            state_or_region=state,
            postal_code=postal,
            country_code=country,
            phone=phone,
        )
        tax_rate = Decimal("0.18") if warehouse.region == "IN" else Decimal("0.08")
        lines = []
        for seq, product_index in enumerate(
            rng.sample(range(len(catalog)), rng.randint(1, 5)), start=1
        ):
            asin, ean, title, price = catalog[product_index]
            unit = Decimal(price) * (80 if warehouse.region == "IN" else 1)
            lines.append(
                OrderLine(seq, asin, ean, title, rng.choice((1, 1, 1, 2, 3)), unit, tax_rate)
            )
        order_date = anchor - timedelta(minutes=rng.randint(60, 60 * 60))
        is_gift = kind == "gift" or (kind == "random" and rng.random() < 0.15)
        order = SimOrder(
            purchase_order_number=po,
            customer_order_number=(
                f"{rng.randint(100, 999)}-{rng.randint(1000000, 9999999)}-"
                f"{rng.randint(1000000, 9999999)}"
            ),
            order_date=order_date,
            required_ship_date=order_date + timedelta(days=rng.randint(1, 2)),
            promised_delivery_date=order_date + timedelta(days=rng.randint(3, 5)),
            warehouse=warehouse,
            ship_method=method,
            ship_to=ship_to,
            lines=tuple(lines),
            kind=kind,
            is_gift=is_gift,
            gift_message=rng.choice(_GIFT_MESSAGES) if is_gift else "",
            is_pslip_required=is_gift
            or kind == "pslip"
            or (kind == "random" and rng.random() < 0.2),
            is_priority=kind == "priority" or (kind == "random" and rng.random() < 0.1),
            status="CANCELLED" if kind == "cancelled" else "NEW",
        )
        orders.append(order)
    return orders

"""Field titles and descriptions of the settings model, marked for translation.

The settings dialog shows :mod:`station.config`'s own ``title``/``description`` strings through
``QCoreApplication.translate("Settings", ...)``; lupdate cannot see strings held in a model, so
they are listed here. ``tests/ui/test_i18n.py`` fails when the model gains a text missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

FIELD_TEXTS = (
    QT_TRANSLATE_NOOP("Settings", "Settings format version"),
    QT_TRANSLATE_NOOP("Settings", "Version of this file's format; written by the station."),
    QT_TRANSLATE_NOOP("Settings", "Region"),
    QT_TRANSLATE_NOOP("Settings", "SP-API region: na (North America), eu (Europe), fe (Far East)."),
    QT_TRANSLATE_NOOP("Settings", "Environment"),
    QT_TRANSLATE_NOOP(
        "Settings", "production (real orders), sandbox (Amazon's test data) or the simulator."
    ),
    QT_TRANSLATE_NOOP("Settings", "API version"),
    QT_TRANSLATE_NOOP("Settings", "Vendor Direct Fulfillment API version: v1 or 2021-12-28."),
    QT_TRANSLATE_NOOP("Settings", "Vendor code"),
    QT_TRANSLATE_NOOP("Settings", "The selling party id (vendor code) orders are placed with."),
    QT_TRANSLATE_NOOP("Settings", "Warehouses"),
    QT_TRANSLATE_NOOP("Settings", "The ship-from warehouses this station packs for."),
    QT_TRANSLATE_NOOP("Settings", "Warehouse code"),
    QT_TRANSLATE_NOOP("Settings", "The ship-from party id Amazon assigned to this warehouse."),
    QT_TRANSLATE_NOOP("Settings", "Name"),
    QT_TRANSLATE_NOOP("Settings", "A name for people (optional)."),
    QT_TRANSLATE_NOOP("Settings", "Label format"),
    QT_TRANSLATE_NOOP(
        "Settings", "The label format Amazon sends for this warehouse, when known (auto: detect)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Vendor-own carrier"),
    QT_TRANSLATE_NOOP(
        "Settings", "The vendor ships with its own carrier and sends shipment status updates."
    ),
    QT_TRANSLATE_NOOP("Settings", "Carrier SCAC code (NA)"),
    QT_TRANSLATE_NOOP(
        "Settings", "Standard Carrier Alpha Code of the vendor's own carrier (North America)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Carrier (EU)"),
    QT_TRANSLATE_NOOP("Settings", "Name of the vendor's own carrier (Europe)."),
    QT_TRANSLATE_NOOP("Settings", "Station id"),
    QT_TRANSLATE_NOOP(
        "Settings", "Names this station in the journal and shipment history (default: host name)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Printers"),
    QT_TRANSLATE_NOOP("Settings", "Label and slip printers."),
    QT_TRANSLATE_NOOP("Settings", "Label printer"),
    QT_TRANSLATE_NOOP("Settings", "The thermal printer for shipping labels (4x6 in)."),
    QT_TRANSLATE_NOOP("Settings", "Printer"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "Where to print: tcp://HOST:9100, cups://QUEUE, windows://PRINTER NAME, qt://NAME or file:///FOLDER. Empty means not configured.",  # noqa: E501
    ),
    QT_TRANSLATE_NOOP("Settings", "Printer language"),
    QT_TRANSLATE_NOOP(
        "Settings", "zpl: send ZPL to a thermal printer; driver: print through the driver."
    ),
    QT_TRANSLATE_NOOP("Settings", "Resolution (dpi)"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "The printer's resolution in dots/inch. Amazon's PNG labels are drawn for 203 dpi: "
        "a 300-dpi printer prints them at two thirds of their size, so use a 203-dpi label "
        "printer or set the warehouse's label format to ZPL.",
    ),
    QT_TRANSLATE_NOOP("Settings", "Shipping scale"),
    QT_TRANSLATE_NOOP("Settings", "A scale fills each carton's weight from its stable readings."),
    QT_TRANSLATE_NOOP("Settings", "Scale"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "none: weights are typed; hid: a USB point-of-sale scale (DYMO M10/M25, "
        "Mettler-Toledo and others); serial: a scale on a serial port, asked with W<CR>.",
    ),
    QT_TRANSLATE_NOOP("Settings", "Scale device"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "USB: VENDOR:PRODUCT in hex (0922:8003 is a DYMO M10), empty for the first USB "
        "scale found; serial: the port (/dev/ttyUSB0, COM3).",
    ),
    QT_TRANSLATE_NOOP("Settings", "Serial speed (baud)"),
    QT_TRANSLATE_NOOP("Settings", "Serial only."),
    QT_TRANSLATE_NOOP("Settings", "Serial protocol"),
    QT_TRANSLATE_NOOP(
        "Settings", "What the serial scale answers to W<CR>: nci (NCI / SCP-01) or sma."
    ),
    QT_TRANSLATE_NOOP("Settings", "Printer state query"),
    QT_TRANSLATE_NOOP(
        "Settings",
        "How the station asks a tcp:// label printer for its state before every label: "
        "auto tries Zebra's ~HQES and ~HS; none for printers that answer neither.",
    ),
    QT_TRANSLATE_NOOP("Settings", "Media"),
    QT_TRANSLATE_NOOP("Settings", "The paper or label size loaded."),
    QT_TRANSLATE_NOOP("Settings", "Darkness"),
    QT_TRANSLATE_NOOP(
        "Settings", "ZPL darkness (0-30, ~SD). Empty keeps the printer's own setting."
    ),
    QT_TRANSLATE_NOOP("Settings", "Horizontal offset (dots)"),
    QT_TRANSLATE_NOOP("Settings", "Shifts the print right (positive) or left (negative)."),
    QT_TRANSLATE_NOOP("Settings", "Vertical offset (dots)"),
    QT_TRANSLATE_NOOP("Settings", "Shifts the print down (positive) or up (negative)."),
    QT_TRANSLATE_NOOP("Settings", "Packing-slip printer"),
    QT_TRANSLATE_NOOP("Settings", "The office printer for packing slips and invoices."),
    QT_TRANSLATE_NOOP("Settings", "Box presets"),
    QT_TRANSLATE_NOOP("Settings", "Carton sizes offered to the packer."),
    QT_TRANSLATE_NOOP("Settings", "Preset id"),
    QT_TRANSLATE_NOOP("Settings", "A short unique id (letters, digits, - and _)."),
    QT_TRANSLATE_NOOP("Settings", "Shown to the packer."),
    QT_TRANSLATE_NOOP("Settings", "Length"),
    QT_TRANSLATE_NOOP("Settings", "Outer length of the box."),
    QT_TRANSLATE_NOOP("Settings", "Width"),
    QT_TRANSLATE_NOOP("Settings", "Outer width of the box."),
    QT_TRANSLATE_NOOP("Settings", "Height"),
    QT_TRANSLATE_NOOP("Settings", "Outer height of the box."),
    QT_TRANSLATE_NOOP("Settings", "Dimension unit"),
    QT_TRANSLATE_NOOP("Settings", "IN (inches) or CM (centimetres)."),
    QT_TRANSLATE_NOOP("Settings", "Tare weight"),
    QT_TRANSLATE_NOOP("Settings", "Weight of the empty box."),
    QT_TRANSLATE_NOOP("Settings", "Weight unit"),
    QT_TRANSLATE_NOOP("Settings", "KG (kilograms) or LB (pounds)."),
    QT_TRANSLATE_NOOP("Settings", "Keep documents after shipment (days)"),
    QT_TRANSLATE_NOOP(
        "Settings", "Labels, slips and invoices are deleted this many days after shipment."
    ),
    QT_TRANSLATE_NOOP("Settings", "Keep unshipped documents (days)"),
    QT_TRANSLATE_NOOP(
        "Settings", "Documents of orders never shipped are deleted after this many days."
    ),
    QT_TRANSLATE_NOOP("Settings", "Scanner"),
    QT_TRANSLATE_NOOP("Settings", "Barcode scanner input."),
    QT_TRANSLATE_NOOP("Settings", "Prefix"),
    QT_TRANSLATE_NOOP("Settings", "Characters the scanner sends before each barcode (removed)."),
    QT_TRANSLATE_NOOP("Settings", "Suffix"),
    QT_TRANSLATE_NOOP("Settings", "Characters the scanner sends after each barcode (removed)."),
    QT_TRANSLATE_NOOP("Settings", "Max time between keys (ms)"),
    QT_TRANSLATE_NOOP("Settings", "Keys arriving closer together than this belong to one scan."),
    QT_TRANSLATE_NOOP("Settings", "Minimum length"),
    QT_TRANSLATE_NOOP("Settings", "Shorter bursts are treated as typing, not scans."),
    QT_TRANSLATE_NOOP("Settings", "Terminators"),
    QT_TRANSLATE_NOOP("Settings", "Keys that end a scan: CR (Enter), LF, TAB."),
    QT_TRANSLATE_NOOP("Settings", "Verify items"),
    QT_TRANSLATE_NOOP("Settings", "Ask the packer to scan every item before the box is closed."),
    QT_TRANSLATE_NOOP("Settings", "Auto-advance"),
    QT_TRANSLATE_NOOP("Settings", "Move to the next step by itself when a step succeeds."),
    QT_TRANSLATE_NOOP("Settings", "Language"),
    QT_TRANSLATE_NOOP(
        "Settings", "Language of the station: en, pt_BR, or system (follow the computer)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Prefetch labels"),
    QT_TRANSLATE_NOOP("Settings", "Fetch today's orders, labels and slips in the background."),
    QT_TRANSLATE_NOOP("Settings", "Seller connection (MCF)"),
    QT_TRANSLATE_NOOP(
        "Settings", "Seller Central app for sending web-shop orders to Amazon's network."
    ),
    QT_TRANSLATE_NOOP("Settings", "Amazon fulfilment (MCF)"),
    QT_TRANSLATE_NOOP("Settings", "Send web-shop orders to Amazon's network from this station."),
    QT_TRANSLATE_NOOP("Settings", "Seller Central app"),
    QT_TRANSLATE_NOOP(
        "Settings", "private: self-authorised, paste the refresh token; public: authorise by OAuth."
    ),
    QT_TRANSLATE_NOOP("Settings", "Marketplace"),
    QT_TRANSLATE_NOOP(
        "Settings", "The marketplace id whose FBA stock fulfils the orders (US: ATVPDKIKX0DER)."
    ),
    QT_TRANSLATE_NOOP("Settings", "Seller region"),
    QT_TRANSLATE_NOOP("Settings", "SP-API region of the seller account: na, eu or fe."),
    QT_TRANSLATE_NOOP("Settings", "Seller environment"),
    QT_TRANSLATE_NOOP("Settings", "production, sandbox (Amazon's test data) or the simulator."),
    QT_TRANSLATE_NOOP("Settings", "Fulfillment Outbound version"),
    QT_TRANSLATE_NOOP(
        "Settings", "2020-07-01, or 2026-07-04 (no block-Amazon-Logistics or signature option)."
    ),
    QT_TRANSLATE_NOOP("Settings", "OAuth redirect URI"),
    QT_TRANSLATE_NOOP("Settings", "A public app's registered redirect URI (https)."),
    QT_TRANSLATE_NOOP("Settings", "Sales channel"),
    QT_TRANSLATE_NOOP("Settings", "Names the shop the orders come from (e.g. SHOPIFY); optional."),
    QT_TRANSLATE_NOOP("Settings", "Site database (warehouse mode)"),
    QT_TRANSLATE_NOOP(
        "Settings",
        QT_TRANSLATE_NOOP(
            "Settings",
            "Empty: this station keeps its own journal (one bench). "
            "postgresql://USER@HOST/DB?sslmode=verify-full: every bench of the site shares claims, "
            "outbox and quota there; the password is kept in the keyring, never here.",
        ),
    ),
    QT_TRANSLATE_NOOP("Settings", "Bench"),
    QT_TRANSLATE_NOOP(
        "Settings", "The bench's name or number shown to other benches (warehouse mode)."
    ),
)


#: What a choice's raw value means, for the combo boxes that offer it (the value itself is what the
#: settings file holds, so it stays in brackets).
CHOICE_TEXTS = {
    "na": QT_TRANSLATE_NOOP("Settings", "North America (na)"),
    "eu": QT_TRANSLATE_NOOP("Settings", "Europe (eu)"),
    "fe": QT_TRANSLATE_NOOP("Settings", "Far East (fe)"),
}

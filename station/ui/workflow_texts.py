"""The workflow's progress and error texts, in the packer's words and language.

The engine (no Qt) writes its messages in English, for logs and the command line. The packing
screen shows them through this table: each known message is recognised by its shape, and its
translated template is filled with the same values (PO, counts, item codes). A message not in the
table is shown as it came, never hidden. Operation names and HTTP codes ("getOrder: not found
(404)") are a developer's words: where the engine passes Amazon's raw answer on, the packer gets
a sentence instead, and the raw text stays in the log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station.errors import (
    ApiError,
    AuthError,
    ForbiddenError,
    InvalidRequestError,
    NetworkError,
    NotFoundError,
    PrinterError,
    PrinterOfflineError,
    ResponseFormatError,
    ServerError,
    StationError,
    ThrottledError,
    UnknownOutcomeError,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkflowTexts", text)


@dataclass(frozen=True)
class _Text:
    shape: re.Pattern[str]
    template: str  # marked for translation; its {names} are the shape's groups


def _text(shape: str, template: object) -> _Text:
    return _Text(re.compile(shape + r"\Z", re.DOTALL), str(template))


_PO = r"(?P<po>[A-Za-z0-9]+)"

TEXTS: tuple[_Text, ...] = (
    # Progress: what the engine is doing now.
    _text(rf"Looking up PO {_PO}", QT_TRANSLATE_NOOP("WorkflowTexts", "Looking up PO {po}")),
    _text(
        rf"Acknowledging PO {_PO}",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Accepting PO {po} at Amazon"),
    ),
    _text(
        rf"Fetching the label of PO {_PO}",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Getting the label of PO {po}"),
    ),
    _text(
        rf"PO {_PO} has no label yet: enter the cartons to request it",
        QT_TRANSLATE_NOOP("WorkflowTexts", "PO {po} has no label yet: enter the box to get it"),
    ),
    _text(
        rf"Requesting the label of PO {_PO} \((?P<n>\d+) box\)",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Asking Amazon for the label of PO {po} ({n} box(es))"),
    ),
    _text(
        rf"Printing the documents of PO {_PO}",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Printing the label and papers of PO {po}"),
    ),
    _text(
        r"Printed: pack the items and enter the cartons",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Printed: pack the items and enter the box"),
    ),
    _text(
        r"A document did not print: fix the printer and reprint",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Something did not print: fix the printer, then reprint"
        ),
    ),
    _text(
        r"(?P<n>\d+) carton\(s\) entered", QT_TRANSLATE_NOOP("WorkflowTexts", "{n} box(es) entered")
    ),
    _text(
        rf"Recording the confirmation of PO {_PO}",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Saving the shipment of PO {po}"),
    ),
    _text(
        rf"PO {_PO} was already shipped by (?P<who>.+)",
        QT_TRANSLATE_NOOP("WorkflowTexts", "PO {po} was already shipped by {who}"),
    ),
    _text(
        rf"PO {_PO} was already shipped",
        QT_TRANSLATE_NOOP("WorkflowTexts", "PO {po} was already shipped"),
    ),
    # Problems: what stopped the order.
    _text(
        rf"PO {_PO} was not found at Amazon",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon does not know PO {po}"),
    ),
    _text(
        r"Check the PO number; Amazon said: .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Check the PO number on the packing list and scan it again, or ask the lead.",
        ),
    ),
    _text(
        rf"PO {_PO} is CANCELLED: do not ship it",
        QT_TRANSLATE_NOOP("WorkflowTexts", "PO {po} is CANCELLED: do not ship it"),
    ),
    _text(
        r"Put the items back; the order was cancelled by Amazon or the customer\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Put the items back; Amazon or the customer cancelled the order."
        ),
    ),
    _text(
        rf"PO {_PO} ships from (?P<there>.+); this station packs (?P<here>.+)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "PO {po} ships from warehouse {there}; this station packs {here}"
        ),
    ),
    _text(
        r"Do not pack it here: another warehouse ships this order\. Nothing was sent to Amazon; "
        r"if this station should pack it, add the warehouse in Settings\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Do not pack it here: another warehouse ships this order. Nothing was sent to "
            "Amazon; if this station should pack it, the lead adds the warehouse in Settings.",
        ),
    ),
    _text(
        rf"PO {_PO} was CANCELLED after it was prefetched: do not ship it",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "PO {po} was CANCELLED since the shift began: do not ship it"
        ),
    ),
    _text(
        r"Put the items back and set its label aside; the order will not ship\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Put the items back and set its label aside; it will not ship."
        ),
    ),
    # Warehouse mode: the site database and the other benches.
    _text(
        rf"PO {_PO} cannot be claimed: The site database at .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "PO {po} cannot be claimed for this bench: the site database is away"
        ),
    ),
    _text(
        r"The site database is away: only POs this bench already claimed can be packed now\. "
        r"Put this one aside until the status bar says the site is back\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Put this order aside: while the site database is away, only orders this bench "
            "already claimed can be packed. Scan it again when the status bar says the site "
            "database is back; nothing was printed or sent for it.",
        ),
    ),
    _text(
        rf"PO {_PO} is being packed at bench (?P<bench>.+) by (?P<who>.+) since (?P<since>\S+)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "PO {po} is being packed at bench {bench} ({who}) since {since}"
        ),
    ),
    _text(
        rf"PO {_PO} was packed at bench (?P<bench>.+) by (?P<who>.+) \((?P<since>\S+)\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "PO {po} was already packed at bench {bench} ({who}) at {since}"
        ),
    ),
    _text(
        r"Do not print or ship it here: give it to that bench, or ask the lead to release the "
        r"claim \(`station site release PO`\)\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Do not print or ship it here: give it to that bench, or ask the lead to free it "
            "for this bench.",
        ),
    ),
    _text(
        rf"Item (?P<code>\S+) is not on PO {_PO}",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Item {code} is not on PO {po}"),
    ),
    _text(
        r"Take it out of the box: this order does not contain it",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Take it out of the box: this order does not have it"),
    ),
    _text(
        r"All (?P<n>\d+) of item (?P<code>\S+) are already scanned",
        QT_TRANSLATE_NOOP("WorkflowTexts", "All {n} of item {code} are already scanned"),
    ),
    _text(
        r"Take the extra item out: the order has fewer",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Take the extra item out: the order has fewer"),
    ),
    _text(
        rf"(?P<n>\d+) item\(s\) of PO {_PO} are not scanned yet",
        QT_TRANSLATE_NOOP("WorkflowTexts", "{n} item(s) of PO {po} are not scanned yet"),
    ),
    _text(
        r"Scan every item before closing the box\.",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Scan every item before closing the box."),
    ),
    _text(
        rf"The label of PO {_PO} has not printed",
        QT_TRANSLATE_NOOP("WorkflowTexts", "The label of PO {po} has not printed"),
    ),
    _text(
        r"Fix the label printer and reprint before confirming\.",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Fix the label printer and reprint, then confirm."),
    ),
    _text(
        rf"PO {_PO} was already shipped(?: \((?P<who>.+)\))?: it is never confirmed twice",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "PO {po} was already shipped: it is never confirmed twice"
        ),
    ),
    _text(
        r"Reprint the label if needed; do not ship the order again\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Reprint the label if needed; do not ship the order again."
        ),
    ),
    _text(r"No carton was entered", QT_TRANSLATE_NOOP("WorkflowTexts", "No box was entered")),
    _text(
        r"Enter the carton's dimensions and weight\.",
        QT_TRANSLATE_NOOP("WorkflowTexts", "Scan a box barcode or type its size, then its weight."),
    ),
    _text(
        r"The carton (?P<what>length|width|height) (?P<value>\S+) (?P<unit>in|cm) is not "
        r"plausible",
        QT_TRANSLATE_NOOP("WorkflowTexts", "The box {what} {value} {unit} is not plausible"),
    ),
    _text(
        r"The weight (?P<value>\S+) (?P<unit>lb|kg) is not plausible",
        QT_TRANSLATE_NOOP("WorkflowTexts", "The weight {value} {unit} is not plausible"),
    ),
    _text(
        r"'(?P<text>.*)' is not a PO number: only letters and digits are allowed",
        QT_TRANSLATE_NOOP("WorkflowTexts", "'{text}' is not a PO number: it has signs or spaces"),
    ),
    _text(
        r"'(?P<text>.*)' is not a PO number \((?P<n>\d+) characters\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "'{text}' is not a PO number: it is {n} characters long"
        ),
    ),
    _text(
        r"Scan the PO barcode again; if the scanner adds characters, check its prefix/suffix "
        r"and keyboard layout",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan the PO barcode again; if it happens again, the scanner's settings need a look.",
        ),
    ),
    _text(
        r"A PO number has (?P<low>\d+) to (?P<high>\d+) letters and digits",
        QT_TRANSLATE_NOOP("WorkflowTexts", "A PO number has {low} to {high} letters and digits"),
    ),
    # The packing flow's other texts (boxes, answers, labels, orders, scans, the scale).
    _text(
        "The (?P<what>length|width|height|weight) '(?P<text>.*)' is not a number",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The {what} '{text}' is not a number",
        ),
    ),
    _text(
        r"Type the (?P<what>length|width|height|weight) as digits, e\.g\. 12\.5",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Type the {what} as digits, e.g. 12.5",
        ),
    ),
    _text(
        r"The (?P<what>length|width|height|weight) must be more than zero \(got "
        r"'(?P<text>.*)'\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The {what} must be more than zero (got '{text}')",
        ),
    ),
    _text(
        "Measure the carton again and type the (?P<what>length|width|height|weight)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Measure the box again and type the {what}",
        ),
    ),
    _text(
        "The (?P<what>length|width|height|weight) '(?P<text>.*)' has too many decimals",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The {what} '{text}' has too many decimals",
        ),
    ),
    _text(
        r"Three decimals at most, e\.g\. 1\.255",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Three decimals at most, e.g. 1.255",
        ),
    ),
    _text(
        r"Type a (?P<what>length|width|height) between 0 and (?P<max>\S+) "
        r"(?P<unit>in|cm)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Type a {what} between 0 and {max} {unit}",
        ),
    ),
    _text(
        r"Weigh the carton and type a weight between 0 and (?P<max>\S+) (?P<unit>lb|kg)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Weigh the box and type a weight between 0 and {max} {unit}",
        ),
    ),
    _text(
        r"Box contents must name a line and a positive quantity \(got "
        r"(?P<line>-?\d+)=(?P<qty>-?\d+)\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "A box's contents name a line and a quantity above zero (got {line}={qty})",
        ),
    ),
    _text(
        "'(?P<text>.*)' is not a box",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "'{text}' is not a box",
        ),
    ),
    _text(
        r"Write a box as LxWxH\{in\|cm\}:W\{kg\|lb\}\[@LINE=QTY,\.\.\.\], e\.g\. "
        r"12x8x4in:1\.5kg@1=2",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Write a box as LxWxH{{in|cm}}:W{{kg|lb}}[@LINE=QTY,...], e.g. 12x8x4in:1.5kg@1=2",
        ),
    ),
    _text(
        "'(?P<part>.*)' in '(?P<text>.*)' is not LINE=QTY",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "'{part}' in '{text}' is not LINE=QTY",
        ),
    ),
    _text(
        r"List the lines in the box as LINE=QTY, e\.g\. @1=2,2=1",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "List the lines in the box as LINE=QTY, e.g. @1=2,2=1",
        ),
    ),
    _text(
        "Enter at least one carton",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Enter at least one box",
        ),
    ),
    _text(
        r"(?P<n>\d+) cartons were entered but not what each holds",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "{n} boxes were entered but not what each holds",
        ),
    ),
    _text(
        r"Say which lines go in which carton \(all but one carton at least\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Say which lines go in which box (for every box but one at least)",
        ),
    ),
    _text(
        "More than one carton has no contents listed",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "More than one box has no contents listed",
        ),
    ),
    _text(
        "List the contents of every carton but one",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "List the contents of every box but one",
        ),
    ),
    _text(
        r"Line (?P<line>\d+) is not on this PO",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Line {line} is not on this PO",
        ),
    ),
    _text(
        "The PO's lines are (?P<lines>.*)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The PO's lines are {lines}",
        ),
    ),
    _text(
        r"The cartons hold (?P<n>\d+) more of line (?P<line>\d+) than was ordered",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The boxes hold {n} more of line {line} than was ordered",
        ),
    ),
    _text(
        "Correct the carton contents: DF orders ship exactly what was ordered",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Correct what each box holds: the order ships exactly what was ordered",
        ),
    ),
    _text(
        r"(?P<n>\d+) unit\(s\) of line (?P<line>\d+) are in no carton",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "{n} unit(s) of line {line} are in no box",
        ),
    ),
    _text(
        "Every unit must be packed: Amazon refuses partial shipments",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Every unit must be packed: Amazon refuses partial shipments",
        ),
    ),
    _text(
        r"Carton (?P<n>\d+) is empty",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Box {n} is empty",
        ),
    ),
    _text(
        r"Remove the empty carton or put items in it \(Amazon rejects EMPTY_PACKAGES\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Remove the empty box or put items in it (Amazon refuses empty boxes)",
        ),
    ),
    _text(
        "Another desk already shipped PO (?P<po>[A-Za-z0-9]+) since it was prefetched: "
        "HOLD THIS BOX, do not send it",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Another desk already shipped PO {po}: HOLD THIS BOX, do not send it",
        ),
    ),
    _text(
        r"Set the box and its label aside and tell the warehouse lead; the order has "
        r"left from another desk\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Set the box and its label aside and tell the warehouse lead; the order left "
            "from another desk.",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) has not been looked up",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has not been looked up yet",
        ),
    ),
    _text(
        r"Scan it again\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan it again.",
        ),
    ),
    _text(
        r"PO (?P<po>[A-Za-z0-9]+) has (?P<count>\d+) label\(s\) but (?P<cartons>\d+) "
        r"carton\(s\) were entered",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has {count} label(s) but {cartons} box(es) were entered",
        ),
    ),
    _text(
        r"Pack it in (?P<count>\d+) carton\(s\), one per label: .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Pack it in {count} box(es), one per label: each box carries its own tracking "
            "number. If the items do not fit in {count} box(es), hold the order and ask the "
            "lead to have Amazon replace the label.",
        ),
    ),
    _text(
        r"Amazon did not say what state PO (?P<po>[A-Za-z0-9]+) is in \(no known order "
        r"status\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Amazon did not say what state PO {po} is in",
        ),
    ),
    _text(
        r"Set it aside and check the order in Vendor Central; nothing was sent\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Set it aside and have the lead check the order in Vendor Central; nothing was sent.",
        ),
    ),
    _text(
        "The label of PO (?P<po>[A-Za-z0-9]+) ships from (?P<there>.+), but the order "
        "ships from (?P<here>.+): refused, nothing printed or sent",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The label of PO {po} is for warehouse {there}, but the order ships from "
            "{here}: refused, nothing printed or sent",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) was left: another scan came meanwhile",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} was left: another PO was scanned meanwhile",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) has no label to reprint",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has no label to reprint",
        ),
    ),
    _text(
        r"Request the label\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Enter the box to get the label.",
        ),
    ),
    _text(
        "Amazon has no (?P<doc>label|slip|invoice) for PO (?P<po>[A-Za-z0-9]+)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Amazon has no {doc} for PO {po}",
        ),
    ),
    _text(
        r"Reprint in a minute; Amazon may not have produced it yet\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Reprint in a minute; Amazon may not have made it yet.",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) has no label yet",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has no label yet",
        ),
    ),
    _text(
        r"Enter the cartons first\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Enter the boxes first.",
        ),
    ),
    _text(
        "The confirmation of PO (?P<po>[A-Za-z0-9]+) would name PO (?P<other>.+): "
        "refused, nothing recorded or sent",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The confirmation of PO {po} would name PO {other}: refused, nothing recorded or sent",
        ),
    ),
    _text(
        r"Not sent yet, it goes out by itself \((?P<reason>.*)\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Not sent yet; it goes out by itself",
        ),
    ),
    _text(
        r"Amazon answered the (?P<doc>order|label|slip|invoice|\w+) of PO "
        r"(?P<po>[A-Za-z0-9]+) with PO (?P<other>.+): refused, nothing was printed or "
        r"sent for PO .+ or PO .+",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Amazon's answer about PO {po} was about PO {other}: refused, nothing printed or sent",
        ),
    ),
    _text(
        r"Set the order aside and tell the warehouse lead: Amazon's answer was not about "
        r"the scanned PO, so nothing was printed, acknowledged or confirmed for either "
        r"PO\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Set the order aside and tell the warehouse lead: nothing was printed, accepted "
            "or confirmed for either PO.",
        ),
    ),
    _text(
        r"Set the order aside and tell the warehouse lead; check the order in Vendor "
        r"Central\. Nothing was sent to Amazon for it\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Set the order aside and tell the warehouse lead, who checks it in Vendor "
            "Central. Nothing was sent to Amazon.",
        ),
    ),
    _text(
        "The confirmation of PO (?P<po>[A-Za-z0-9]+) is not valid: .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The confirmation of PO {po} is not valid",
        ),
    ),
    _text(
        r"Check the cartons; if it persists, report this to support\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Check the boxes; if it happens again, tell the lead (support bundle).",
        ),
    ),
    _text(
        r"Label (?P<n>\d+) of PO (?P<po>[A-Za-z0-9]+) is unusable: .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Label {n} of PO {po} cannot be printed: Amazon sent it damaged",
        ),
    ),
    _text(
        "Amazon returned no label data for PO (?P<po>[A-Za-z0-9]+)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Amazon sent an empty label for PO {po}",
        ),
    ),
    _text(
        "Request the label again; if it stays empty, contact Amazon Vendor Central",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Try again; if it stays empty, the lead contacts Amazon Vendor Central",
        ),
    ),
    _text(
        r"The label of PO (?P<po>[A-Za-z0-9]+) was created on (?P<date>\S+) and has "
        r"expired \(labels are valid for 90 days\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The label of PO {po} is from {date} and has expired (labels last 90 days)",
        ),
    ),
    _text(
        r"Do not ship with it\. Ask the warehouse lead to contact Amazon Vendor "
        r"Central\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Do not ship with it. Ask the warehouse lead to contact Amazon Vendor Central.",
        ),
    ),
    _text(
        "Amazon returned PO (?P<po>[A-Za-z0-9]+) without its order details",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Amazon sent PO {po} without its items",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) has no items: there is nothing to pack",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has no items: there is nothing to pack",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) has a line with a non-numeric item sequence number .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has a line without a proper line number",
        ),
    ),
    _text(
        r"PO (?P<po>[A-Za-z0-9]+) has two lines numbered (?P<line>\S+)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} has two lines numbered {line}",
        ),
    ),
    _text(
        r"PO (?P<po>[A-Za-z0-9]+) line (?P<line>\S+) has no quantity \(.*\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} line {line} has no quantity",
        ),
    ),
    _text(
        "The scan is empty",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The scan is empty",
        ),
    ),
    _text(
        "Scan the PO barcode on the packing slip",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan the PO barcode on the packing list",
        ),
    ),
    _text(
        "'(?P<text>.*)' is a command barcode, not a PO",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "'{text}' is a command barcode, not a PO",
        ),
    ),
    _text(
        "Scan command barcodes on the packing screen, or scan the PO barcode",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan command barcodes on the packing screen, or scan the PO barcode",
        ),
    ),
    _text(
        "'(?P<text>.*)' is not an item barcode",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "'{text}' is not an item barcode",
        ),
    ),
    _text(
        r"Scan the barcode on the item \(ASIN, SKU or EAN\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan the barcode on the item (ASIN, SKU or EAN)",
        ),
    ),
    _text(
        r"(?P<who>.+) need the (?P<package>\S+) library, which is not installed",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The scale needs the {package} library, which is not installed",
        ),
    ),
    _text(
        r"Install it \(pip install (?P<package>\S+)\) or set the scale to "
        r"(?P<instead>.+)\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "IT installs it ({package}), or the lead sets the scale to {instead} in Settings.",
        ),
    ),
    _text(
        "The serial scale has no port set",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The serial scale has no port set",
        ),
    ),
    _text(
        r"Set the scale's port in Settings \(e\.g\. /dev/ttyUSB0 or COM3\)\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Set the scale's port in Settings (e.g. /dev/ttyUSB0 or COM3).",
        ),
    ),
    _text(
        r"Choose hid \(USB\) or serial in Settings\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Choose USB (hid) or serial in Settings.",
        ),
    ),
    # What the station's errors say to do by default, another bench, the confirmation rules.
    _text(
        r"Try again\. If it keeps happening, export a support bundle and contact IT\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Try again. If it keeps happening, tell the lead (support bundle).",
        ),
    ),
    _text(
        r"Set the order aside and tell the warehouse lead\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Set the order aside and tell the warehouse lead.",
        ),
    ),
    _text(
        r"This PO already has a confirmation on its way or accepted: it must not be "
        r"confirmed twice\. Check the shipment history\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "This PO already has a confirmation on its way or accepted: it is never "
            "confirmed twice. See History.",
        ),
    ),
    _text(
        r"The station cannot use its local data store\. Check free disk space and "
        r"permissions of the data folder, then restart the station\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The station cannot save its data. Tell IT: the disk may be full; then restart "
            "the station.",
        ),
    ),
    _text(
        r"The ZPL label is malformed at the position shown; request the label again\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The label Amazon sent is damaged; reprint it, and if it stays damaged tell the lead.",
        ),
    ),
    _text(
        r"Correct the cartons \(or the settings named above\) and confirm again\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Correct the boxes (or ask the lead to correct the settings named) and confirm again.",
        ),
    ),
    _text(
        r"Correct the setting named above \(Settings, or the config file\) and try "
        r"again\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The lead corrects the setting named above in Settings; then try again.",
        ),
    ),
    _text(
        r"Scan the PO again to pack it\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan the PO again to pack it.",
        ),
    ),
    _text(
        r"Download the document again; if it stays broken, report the PO to Amazon\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Reprint; if it stays damaged, tell the lead, who reports the PO to Amazon.",
        ),
    ),
    _text(
        r"Scan the barcode again, or type it and press Enter\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan the barcode again, or type it and press Enter.",
        ),
    ),
    _text(
        r"Switch the printer on \(or resume it, or load labels\), then press Reprint\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Switch the printer on (or resume it, or load labels), then press Reprint.",
        ),
    ),
    _text(
        "Enter the SP-API credentials in Settings .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The lead enters the Amazon credentials in Settings.",
        ),
    ),
    _text(
        r"Check the printer's cable, power and paper, then press Reprint\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Check the printer's cable, power and paper, then press Reprint.",
        ),
    ),
    _text(
        r"PO (?P<po>[A-Za-z0-9]+) was packed at bench (?P<bench>.+) by (?P<who>\S+) "
        r"\((?P<time>[0-9:]+)\)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} was packed at bench {bench} by {who} ({time})",
        ),
    ),
    _text(
        r"PO (?P<po>[A-Za-z0-9]+) is being packed at bench (?P<bench>.+) by (?P<who>\S+) "
        r"since (?P<time>[0-9:]+)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} is being packed at bench {bench} by {who} since {time}",
        ),
    ),
    _text(
        "Do not print or ship it here: give it to that bench, or ask the lead to "
        "release the claim .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Do not print or ship it here: give it to that bench, or ask the lead to release it.",
        ),
    ),
    _text(
        r"This bench's claim ran out and another bench took the PO: do not ship it "
        r"here\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Another bench took this PO meanwhile: do not ship it here.",
        ),
    ),
    _text(
        "PO (?P<po>[A-Za-z0-9]+) cannot be claimed: .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} cannot be reserved for this bench: the site database is away",
        ),
    ),
    _text(
        r"The site database is away: only POs this bench already claimed can be packed "
        r"now\. .*",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Only POs this bench already holds can be packed now. Put this one aside until "
            "the status bar says the site is back.",
        ),
    ),
    _text(
        "The claim of PO (?P<po>[A-Za-z0-9]+) vanished while it was being taken",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "PO {po} could not be reserved for this bench",
        ),
    ),
    _text(
        "The claim of PO (?P<po>[A-Za-z0-9]+) was released by the lead",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The lead released PO {po} from this bench",
        ),
    ),
    _text(
        r"Scan the PO again to claim it before printing or confirming\.",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Scan the PO again before printing or confirming.",
        ),
    ),
    _text(
        "The shipment cannot be confirmed: (?P<why>.*)",
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "The shipment cannot be confirmed: {why}",
        ),
    ),
)

_WORDS = {
    "length": QT_TRANSLATE_NOOP("WorkflowTexts", "length"),
    "width": QT_TRANSLATE_NOOP("WorkflowTexts", "width"),
    "height": QT_TRANSLATE_NOOP("WorkflowTexts", "height"),
    "weight": QT_TRANSLATE_NOOP("WorkflowTexts", "weight"),
    "label": QT_TRANSLATE_NOOP("WorkflowTexts", "label"),
    "slip": QT_TRANSLATE_NOOP("WorkflowTexts", "packing slip"),
    "invoice": QT_TRANSLATE_NOOP("WorkflowTexts", "invoice"),
    "order": QT_TRANSLATE_NOOP("WorkflowTexts", "order"),
    "(no warehouse)": QT_TRANSLATE_NOOP("WorkflowTexts", "(no warehouse)"),
}


def recognised(message: str) -> bool:
    """Whether the table knows ``message`` (the test of the engine's texts asks this)."""
    return any(text.shape.match(message) for text in TEXTS)


def packer_text(message: str) -> str:
    """The engine's ``message`` in the packer's words and language (as it came, if unknown)."""
    for text in TEXTS:
        match = text.shape.match(message)
        if match is None:
            continue
        values = {k: v or "" for k, v in match.groupdict().items()}
        for name in ("what", "there", "doc"):  # the engine's own words inside a message
            if name in values:
                values[name] = _tr(str(_WORDS.get(values[name], values[name])))
        return _tr(text.template).format(**values)
    return message


def packer_error(error: StationError) -> tuple[str, str]:
    """(what happened, what to do) for the banner: known texts translated, a lost connection
    said as such (the client's operation names stay in the log)."""
    if isinstance(error, NetworkError) and not isinstance(error, UnknownOutcomeError):
        return (  # the client's own words (operation, exception) stay in the log
            _tr("Amazon cannot be reached over the network."),
            _tr("Check the network cable or Wi-Fi, then scan again; nothing was lost."),
        )
    if isinstance(error, ApiError) and not recognised(error.message):
        return api_words(error)
    message = packer_text(error.message)
    if isinstance(error, PrinterError) and not recognised(error.message):
        # The back end's words name the printer (its address, queue or folder): kept, after
        # what it means for the packer.
        lead = (
            _tr("The printer cannot print now:")
            if isinstance(error, PrinterOfflineError)
            else _tr("The printer did not take the document:")
        )
        message = f"{lead} {printer_words(error.message)}"
    return message, packer_text(error.hint)


# A printer's state and what it says about itself ("paper out", "head open"), for the status
# bar: the words of the Zebra status flags, the Windows spooler, CUPS and the monitor.
PRINTER_WORDS: dict[str, object] = {
    "online": QT_TRANSLATE_NOOP("WorkflowTexts", "online"),
    "offline": QT_TRANSLATE_NOOP("WorkflowTexts", "offline"),
    "paused": QT_TRANSLATE_NOOP("WorkflowTexts", "paused"),
    "out of paper": QT_TRANSLATE_NOOP("WorkflowTexts", "out of paper"),
    "error": QT_TRANSLATE_NOOP("WorkflowTexts", "error"),
    "unknown": QT_TRANSLATE_NOOP("WorkflowTexts", "unknown"),
    "paper out": QT_TRANSLATE_NOOP("WorkflowTexts", "paper out"),
    "ribbon out": QT_TRANSLATE_NOOP("WorkflowTexts", "ribbon out"),
    "head open": QT_TRANSLATE_NOOP("WorkflowTexts", "head open"),
    "cutter fault": QT_TRANSLATE_NOOP("WorkflowTexts", "cutter fault"),
    "printhead over temperature": QT_TRANSLATE_NOOP("WorkflowTexts", "printhead over temperature"),
    "motor over temperature": QT_TRANSLATE_NOOP("WorkflowTexts", "motor over temperature"),
    "bad printhead element": QT_TRANSLATE_NOOP("WorkflowTexts", "bad printhead element"),
    "printhead detection error": QT_TRANSLATE_NOOP("WorkflowTexts", "printhead detection error"),
    "invalid firmware configuration": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "invalid firmware configuration"
    ),
    "printhead thermistor open": QT_TRANSLATE_NOOP("WorkflowTexts", "printhead thermistor open"),
    "paper jam during retract": QT_TRANSLATE_NOOP("WorkflowTexts", "paper jam during retract"),
    "presenter not running": QT_TRANSLATE_NOOP("WorkflowTexts", "presenter not running"),
    "paper feed error": QT_TRANSLATE_NOOP("WorkflowTexts", "paper feed error"),
    "clear paper path failed": QT_TRANSLATE_NOOP("WorkflowTexts", "clear paper path failed"),
    "retract function timed out": QT_TRANSLATE_NOOP("WorkflowTexts", "retract function timed out"),
    "black mark calibrate error": QT_TRANSLATE_NOOP("WorkflowTexts", "black mark calibrate error"),
    "black mark not found": QT_TRANSLATE_NOOP("WorkflowTexts", "black mark not found"),
    "receive buffer full": QT_TRANSLATE_NOOP("WorkflowTexts", "receive buffer full"),
    "aborted": QT_TRANSLATE_NOOP("WorkflowTexts", "aborted"),
    "no answer to ~HS (paper out, ribbon out or head open?)": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "no answer to ~HS (paper out, ribbon out or head open?)"
    ),
    "no answer to ~HQES": QT_TRANSLATE_NOOP("WorkflowTexts", "no answer to ~HQES"),
    "not available": QT_TRANSLATE_NOOP("WorkflowTexts", "not available"),
    "server unknown": QT_TRANSLATE_NOOP("WorkflowTexts", "server unknown"),
    "being deleted": QT_TRANSLATE_NOOP("WorkflowTexts", "being deleted"),
    "paper problem": QT_TRANSLATE_NOOP("WorkflowTexts", "paper problem"),
    "no toner": QT_TRANSLATE_NOOP("WorkflowTexts", "no toner"),
    "paper jam": QT_TRANSLATE_NOOP("WorkflowTexts", "paper jam"),
    "door open": QT_TRANSLATE_NOOP("WorkflowTexts", "door open"),
    "needs attention": QT_TRANSLATE_NOOP("WorkflowTexts", "needs attention"),
    "output bin full": QT_TRANSLATE_NOOP("WorkflowTexts", "output bin full"),
    "the queue is rejecting jobs": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "the queue is rejecting jobs"
    ),
    "the queue is disabled (paused)": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "the queue is disabled (paused)"
    ),
    "ready": QT_TRANSLATE_NOOP("WorkflowTexts", "ready"),
    "idle": QT_TRANSLATE_NOOP("WorkflowTexts", "idle"),
    "printing": QT_TRANSLATE_NOOP("WorkflowTexts", "printing"),
    "accepts connections (no status query)": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "accepts connections (no status query)"
    ),
    "folder will be created on the first job": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "folder will be created on the first job"
    ),
    "media-empty": QT_TRANSLATE_NOOP("WorkflowTexts", "media-empty"),
    "media-needed": QT_TRANSLATE_NOOP("WorkflowTexts", "media-needed"),
    "media-jam": QT_TRANSLATE_NOOP("WorkflowTexts", "media-jam"),
    "marker-supply-empty": QT_TRANSLATE_NOOP("WorkflowTexts", "marker-supply-empty"),
    "shutdown": QT_TRANSLATE_NOOP("WorkflowTexts", "shutdown"),
    "connecting-to-device": QT_TRANSLATE_NOOP("WorkflowTexts", "connecting-to-device"),
    "timed-out": QT_TRANSLATE_NOOP("WorkflowTexts", "timed-out"),
    "the printer answers neither ~HQES nor ~HS": QT_TRANSLATE_NOOP(
        "WorkflowTexts", "the printer answers neither ~HQES nor ~HS"
    ),
}


def printer_words(detail: str) -> str:
    """A printer's own words in the packer's language: each comma-separated part that is known
    is translated; anything else (an address, an unusual spooler text) comes as it is."""
    parts = [part.strip() for part in detail.split(",")]
    return ", ".join(_tr(str(PRINTER_WORDS[p])) if p in PRINTER_WORDS else p for p in parts)


def printer_state_text(state: str, detail: str) -> str:
    """``state: detail`` (a PrinterStatus) in the packer's language."""
    said = printer_words(state)
    return f"{said}: {printer_words(detail)}" if detail and detail != state else said


# Errors of the Amazon client whose message names an operation and an HTTP status: the packer
# gets what it means and what to do; the client's words stay in the log.
_API_WORDS: tuple[tuple[type[ApiError], object, object], ...] = (
    (
        UnknownOutcomeError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon did not answer; the request may have arrived."),
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Do not send it again by hand: the station checks with Amazon before it retries.",
        ),
    ),
    (
        AuthError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon did not accept the station's login."),
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Tell the warehouse lead: the Amazon credentials in Settings need a look.",
        ),
    ),
    (
        ForbiddenError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon refused this station access."),
        QT_TRANSLATE_NOOP(
            "WorkflowTexts",
            "Tell the warehouse lead or IT: the Amazon app's permissions need a look.",
        ),
    ),
    (
        NotFoundError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon does not know what was asked for."),
        QT_TRANSLATE_NOOP("WorkflowTexts", "Check the PO number and scan it again."),
    ),
    (
        InvalidRequestError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon refused the request as invalid."),
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Check the boxes and try again; if it happens again, tell the lead."
        ),
    ),
    (
        ThrottledError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon asks the station to slow down."),
        QT_TRANSLATE_NOOP("WorkflowTexts", "Wait a few seconds and scan again."),
    ),
    (
        ServerError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon's service had a problem."),
        QT_TRANSLATE_NOOP("WorkflowTexts", "Try again in a minute."),
    ),
    (
        ResponseFormatError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon's answer could not be read."),
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Try again; if it happens again, tell the lead (support bundle)."
        ),
    ),
    (
        ApiError,
        QT_TRANSLATE_NOOP("WorkflowTexts", "Amazon did not accept the request."),
        QT_TRANSLATE_NOOP(
            "WorkflowTexts", "Try again in a moment; if it keeps failing, tell the lead."
        ),
    ),
)


def api_words(error: ApiError) -> tuple[str, str]:
    """(what happened, what to do) for an error of the Amazon client, in packer words."""
    for kind, message, hint in _API_WORDS:
        if isinstance(error, kind):
            return _tr(str(message)), _tr(str(hint))
    raise AssertionError("ApiError is the last entry")  # pragma: no cover


def queued_reason(reason: str) -> str:
    """Why a confirmation waits in the outbox, in packer words (the outbox keeps the client's
    words for History and the log)."""
    if recognised(reason):
        return packer_text(reason)
    low = reason.lower()
    if "rate-limiting" in low or "throttl" in low:
        return _tr("Amazon asks the station to slow down.")
    if "login" in low or "credentials" in low:
        return _tr("Amazon did not accept the station's login.")
    if "access" in low or "roles" in low:
        return _tr("Amazon refused this station access.")
    if "may have" in low or "unknownoutcome" in low or "cannot check" in low:
        return _tr("Amazon did not answer; the request may have arrived.")
    return _tr("Amazon cannot be reached over the network.")

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

from station.errors import NetworkError, StationError


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
)

_WORDS = {
    "length": QT_TRANSLATE_NOOP("WorkflowTexts", "length"),
    "width": QT_TRANSLATE_NOOP("WorkflowTexts", "width"),
    "height": QT_TRANSLATE_NOOP("WorkflowTexts", "height"),
    "(no warehouse)": QT_TRANSLATE_NOOP("WorkflowTexts", "(no warehouse)"),
}


def packer_text(message: str) -> str:
    """The engine's ``message`` in the packer's words and language (as it came, if unknown)."""
    for text in TEXTS:
        match = text.shape.match(message)
        if match is None:
            continue
        values = {k: v or "" for k, v in match.groupdict().items()}
        for name in ("what", "there"):  # the engine's own words inside a message
            if name in values:
                values[name] = _tr(str(_WORDS.get(values[name], values[name])))
        return _tr(text.template).format(**values)
    return message


def packer_error(error: StationError) -> tuple[str, str]:
    """(what happened, what to do) for the banner: known texts translated, a lost connection
    said as such (the client's operation names stay in the log)."""
    if isinstance(error, NetworkError):
        return (  # the client's own words (operation, exception) stay in the log
            _tr("Amazon cannot be reached over the network."),
            _tr("Check the network cable or Wi-Fi, then scan again; nothing was lost."),
        )
    return packer_text(error.message), packer_text(error.hint)

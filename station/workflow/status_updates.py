"""Vendor-own-carrier shipment status updates (submitShipmentStatusUpdates).

A vendor that ships with its own carrier (VOC) must tell Amazon where each package is, or its
scan-rate KPI drops and the warehouse can be suspended. Amazon's rules, from the DF Shipping use
case guide, decide what this module refuses *before* anything is queued:

* only for warehouses configured as vendor-own-carrier;
* only after the shipment confirmation succeeded (the outbox's ``succeeded`` confirmation);
* only with a tracking number that matches one of the confirmation's containers exactly;
* one update per physical package.

Carrier events map to Amazon's status/reason code pairs. Amazon accepts two code systems; a
station uses one (``CodeSystem``, default X12, the guide's example). The simulator checks neither
code list (it accepts any string pair), so both work there; against Amazon pick the one your
integration was certified with.

=====================  ===============  ============  ==========================
event                  EDIFACT          X12           Vendor Central shows
=====================  ===============  ============  ==========================
departed               101 / 000        XB / NS       DEPARTED_FROM_FC
in_transit             201 / 000        O1 / NS       IN_TRANSIT
out_for_delivery       302 / 000        OD / NS       OUT_FOR_DELIVERY
delivered              301 / 000        D1 / NS       DELIVERED
delayed                404 / 117        DE / AF       DELAYED
lost                   409 / 000        CA / PL       LOST
rejected               407 / 000        A7 / AM       REJECTED
undeliverable          416 / 000        AP / BG       UNDELIVERABLE
=====================  ===============  ============  ==========================

Each update is queued in the outbox (kind ``status_update``) as its exact wire body, so it is
sent once whatever happens to the process; a repeated identical update is the same outbox item.

Amazon's ``statusLocationAddress`` requires ``name`` and ``addressLine1``. A carrier scan has
neither, so the station sends the carrier (SCAC code, or carrier name) as the name and the city
(else the postal code) as the first line. The location is the carrier's, but for a delivery it
is the customer's town: it is never logged.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from station.config import Settings
from station.errors import ScanError, StationError, WorkflowError
from station.journal import Journal, Outbox, OutboxItem, OutboxKind, OutboxState
from station.journal.records import ShipmentStatus
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models.common import to_wire

__all__ = [
    "STATUS_CODES",
    "BulkOutcome",
    "CarrierCsvError",
    "CarrierEvent",
    "CarrierScan",
    "CodeSystem",
    "ConfirmedShipment",
    "CsvProblem",
    "StatusUpdater",
    "confirmed_shipment",
    "parse_carrier_csv",
    "parse_event",
    "parse_status_time",
    "status_codes",
]

#: Carrier clocks drift; a scan a few minutes "in the future" is still accepted.
CLOCK_SKEW = timedelta(minutes=5)
# The years a carrier event may be dated in (a 1970 or year-1 time is a broken clock or a typo;
# at the edges of the calendar the date arithmetic itself fails).
EVENT_YEARS = (2000, 2099)
MAX_LOCATION_CHARS = 200
_PO = re.compile(r"^[A-Za-z0-9]{1,64}$")
_TRACKING = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class CarrierEvent(StrEnum):
    DEPARTED = "departed"
    IN_TRANSIT = "in_transit"
    OUT_FOR_DELIVERY = "out_for_delivery"
    DELIVERED = "delivered"
    DELAYED = "delayed"
    LOST = "lost"
    REJECTED = "rejected"
    UNDELIVERABLE = "undeliverable"


class CodeSystem(StrEnum):
    EDIFACT = "edifact"
    X12 = "x12"


STATUS_CODES: Mapping[CodeSystem, Mapping[CarrierEvent, tuple[str, str]]] = {
    CodeSystem.EDIFACT: {
        CarrierEvent.DEPARTED: ("101", "000"),
        CarrierEvent.IN_TRANSIT: ("201", "000"),
        CarrierEvent.OUT_FOR_DELIVERY: ("302", "000"),
        CarrierEvent.DELIVERED: ("301", "000"),
        CarrierEvent.DELAYED: ("404", "117"),
        CarrierEvent.LOST: ("409", "000"),
        CarrierEvent.REJECTED: ("407", "000"),
        CarrierEvent.UNDELIVERABLE: ("416", "000"),
    },
    CodeSystem.X12: {
        CarrierEvent.DEPARTED: ("XB", "NS"),
        CarrierEvent.IN_TRANSIT: ("O1", "NS"),
        CarrierEvent.OUT_FOR_DELIVERY: ("OD", "NS"),
        CarrierEvent.DELIVERED: ("D1", "NS"),
        CarrierEvent.DELAYED: ("DE", "AF"),
        CarrierEvent.LOST: ("CA", "PL"),
        CarrierEvent.REJECTED: ("A7", "AM"),
        CarrierEvent.UNDELIVERABLE: ("AP", "BG"),
    },
}

# Vendor Central's names, and a few spellings carriers' exports use.
_EVENT_ALIASES = {
    "departed_from_fc": CarrierEvent.DEPARTED,
    "departure": CarrierEvent.DEPARTED,
    "transit": CarrierEvent.IN_TRANSIT,
    "ofd": CarrierEvent.OUT_FOR_DELIVERY,
    "refused": CarrierEvent.REJECTED,
}


def status_codes(event: CarrierEvent, system: CodeSystem) -> tuple[str, str]:
    """Amazon's (statusCode, reasonCode) for ``event`` in ``system``."""
    return STATUS_CODES[system][event]


def parse_event(text: str) -> CarrierEvent:
    """``"Out for delivery"``, ``OUT_FOR_DELIVERY``, ``out-for-delivery``… -> the event."""
    key = re.sub(r"[\s\-]+", "_", text.strip().lower())
    try:
        return CarrierEvent(key)
    except ValueError:
        pass
    found = _EVENT_ALIASES.get(key)
    if found is None:
        names = ", ".join(e.value for e in CarrierEvent)
        raise ScanError(
            f"Unknown carrier event {text[:40]!r}",
            hint=f"Use one of: {names}.",
        )
    return found


def parse_status_time(
    text: str, *, local: Callable[[datetime], datetime] | None = None
) -> datetime:
    """An ISO 8601 time; without an offset it is the station's local time."""
    raw = text.strip()
    if raw.endswith(("Z", "z")):
        raw = raw[:-1] + "+00:00"
    hint = "Write it as ISO 8601, e.g. 2026-11-23T14:05:00+01:00 (or …Z for UTC)."
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise ScanError(f"{text[:40]!r} is not a date and time", hint=hint) from None
    if not EVENT_YEARS[0] <= value.year <= EVENT_YEARS[1]:
        raise ScanError(
            f"{text[:40]!r} is dated in the year {value.year}; a carrier event is between "
            f"{EVENT_YEARS[0]} and {EVENT_YEARS[1]}",
            hint=hint,
        )
    if value.tzinfo is None:
        value = local(value) if local is not None else value.astimezone()
    return value.astimezone(UTC)


@dataclass(frozen=True)
class CarrierScan:
    """One carrier event for one package. The location is kept out of ``repr`` (it may be the
    customer's town)."""

    po: str
    tracking: str
    event: CarrierEvent
    at: datetime
    city: str | None = field(default=None, repr=False)
    postal_code: str | None = field(default=None, repr=False)
    country: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class ConfirmedShipment:
    """What Amazon accepted for a PO, as the status update must echo it."""

    po: str
    selling_party_id: str
    ship_from_party_id: str
    tracking_numbers: tuple[str, ...]
    confirmed_at: datetime


def _confirmation_of(payload: Mapping[str, Any], po: str) -> Mapping[str, Any] | None:
    for key in ("shipmentConfirmations",):
        for entry in payload.get(key) or ():
            if isinstance(entry, Mapping) and entry.get("purchaseOrderNumber") == po:
                return entry
    return None


def confirmed_shipment(outbox: Outbox, po: str) -> ConfirmedShipment | None:
    """The PO's confirmation that Amazon accepted (a ``succeeded`` outbox item), if any."""
    items = outbox.list(states=(OutboxState.SUCCEEDED,), po=po)
    for item in reversed(items):
        if item.kind is not OutboxKind.CONFIRMATION:
            continue
        entry = _confirmation_of(item.payload, po)
        if entry is None:
            continue
        tracking = tuple(
            str(c["trackingNumber"])
            for c in entry.get("containers") or ()
            if isinstance(c, Mapping) and c.get("trackingNumber")
        )
        return ConfirmedShipment(
            po=po,
            selling_party_id=str((entry.get("sellingParty") or {}).get("partyId", "")),
            ship_from_party_id=str((entry.get("shipFromParty") or {}).get("partyId", "")),
            tracking_numbers=tracking,
            confirmed_at=item.updated_at,
        )
    return None


@dataclass(frozen=True)
class BulkOutcome:
    """What a bulk import did: items queued, and the scans refused with the reason."""

    queued: tuple[OutboxItem, ...]
    refused: tuple[tuple[int, CarrierScan, StationError], ...]  # (row number, scan, error)


class StatusUpdater:
    """Checks carrier scans against Amazon's rules and queues them in the outbox."""

    def __init__(
        self,
        settings: Settings,
        outbox: Outbox,
        *,
        code_system: CodeSystem = CodeSystem.X12,
        country_of: Callable[[str], str | None] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.settings = settings
        self.outbox = outbox
        self.code_system = code_system
        self._country_of = country_of
        self._clock = clock or (lambda: datetime.now(UTC))

    @property
    def journal(self) -> Journal:
        return self.outbox.journal

    def __repr__(self) -> str:
        return f"StatusUpdater({self.code_system.value}, api={self.settings.api_version})"

    # -- rules --------------------------------------------------------------------------------

    def check(self, scan: CarrierScan) -> ConfirmedShipment:
        """Refuse a scan Amazon would reject (or must never receive); return its shipment."""
        po = scan.po.strip()
        if not _PO.fullmatch(po):
            raise ScanError(f"{scan.po[:40]!r} is not a PO number", hint="Use letters and digits.")
        if not _TRACKING.fullmatch(scan.tracking):
            raise ScanError(
                f"{scan.tracking[:40]!r} is not a tracking number",
                hint="Use the tracking number exactly as printed on the label.",
            )
        for name, value in (
            ("city", scan.city),
            ("postal code", scan.postal_code),
            ("country", scan.country),
        ):
            if value is not None and len(value) > MAX_LOCATION_CHARS:
                raise ScanError(
                    f"The {name} of the {scan.event.value} event of PO {po} is longer than "
                    f"{MAX_LOCATION_CHARS} characters",
                    hint=f"Give the {name} as the carrier reports it.",
                )
        if scan.at.tzinfo is None:
            raise ScanError("The event time has no time zone", hint="Add an offset, e.g. +01:00.")
        if not EVENT_YEARS[0] <= scan.at.year <= EVENT_YEARS[1]:
            raise ScanError(
                f"The {scan.event.value} event of PO {po} is dated in the year {scan.at.year}; a "
                f"carrier event is between {EVENT_YEARS[0]} and {EVENT_YEARS[1]}",
                hint="Check the date of the carrier event.",
            )
        if scan.at - self._clock() > CLOCK_SKEW:
            raise WorkflowError(
                f"The {scan.event.value} event of PO {po} is dated in the future "
                f"({scan.at:%Y-%m-%d %H:%M} UTC)",
                hint="Check the time (and time zone) of the carrier event.",
            )
        shipment = confirmed_shipment(self.outbox, po)
        if shipment is None:
            record = self.journal.shipment(po)
            if record is not None and record.status is ShipmentStatus.CONFIRMED:
                raise WorkflowError(
                    f"PO {po} was confirmed, but this station has no copy of its confirmation to "
                    "check the tracking number against",
                    hint="Send the update from the station that confirmed the PO.",
                )
            if record is not None and record.status is ShipmentStatus.FAILED:
                raise WorkflowError(
                    f"Amazon rejected the shipment confirmation of PO {po}: there is no shipment "
                    "to report on",
                    hint="Resolve the rejected confirmation first (see the PO's history).",
                )
            state = "queued, not yet accepted" if record is not None else "not confirmed"
            raise WorkflowError(
                f"PO {po} is {state}: status updates are only allowed after Amazon accepted "
                "the shipment confirmation",
                hint="Wait until the confirmation shows as confirmed in the history, then retry.",
            )

        warehouse = self.settings.warehouse(shipment.ship_from_party_id)
        if warehouse is None or not warehouse.vendor_own_carrier:
            raise WorkflowError(
                f"PO {po} ships from {shipment.ship_from_party_id}, which is not a vendor-own-"
                "carrier warehouse: Amazon's carriers report its packages themselves",
                hint="Status updates are only for warehouses marked 'Vendor-own carrier' in "
                "Settings.",
            )
        if scan.tracking not in shipment.tracking_numbers:
            known = ", ".join(shipment.tracking_numbers) or "none"
            raise WorkflowError(
                f"Tracking number {scan.tracking} is not in the confirmation of PO {po} "
                f"(confirmed: {known})",
                hint="Amazon requires the tracking number to match the confirmation exactly.",
            )
        return shipment

    # -- the request --------------------------------------------------------------------------

    def _country(self, scan: CarrierScan) -> str:
        country = (scan.country or "").strip().upper()
        if country and not _COUNTRY.fullmatch(country):
            raise ScanError(
                f"{scan.country!r} is not a two-letter country code",
                hint="Give the ISO 3166 code of the country, e.g. US (not USA).",
            )
        if not country and self._country_of is not None:
            country = (self._country_of(scan.po) or "").upper()
        if not _COUNTRY.fullmatch(country):
            raise ScanError(
                f"The {scan.event.value} event of PO {scan.po} needs the country of the location",
                hint="Give a two-letter country code (ISO 3166), e.g. --country US.",
            )
        return country

    def body(self, scan: CarrierScan, shipment: ConfirmedShipment) -> dict[str, Any]:
        """The submitShipmentStatusUpdates wire body for one package event."""
        status, reason = status_codes(scan.event, self.code_system)
        warehouse = self.settings.warehouse(shipment.ship_from_party_id)
        carrier = (warehouse.scac_code or warehouse.carrier) if warehouse else None
        city = (scan.city or "").strip() or None
        postal = (scan.postal_code or "").strip() or None
        address = {
            "name": carrier or "Carrier",
            "address_line1": city or postal or "Unknown",
            "city": city,
            "postal_code": postal,
            "country_code": self._country(scan),
        }
        update = {
            "purchase_order_number": scan.po,
            "selling_party": {"party_id": shipment.selling_party_id},
            "ship_from_party": {"party_id": shipment.ship_from_party_id},
            "status_update_details": {
                "tracking_number": scan.tracking,
                "status_code": status,
                "reason_code": reason,
                "status_date_time": scan.at.astimezone(UTC),
                "status_location_address": address,
            },
        }
        if self.settings.api_version == "v1":
            model: Any = s1.SubmitShipmentStatusUpdatesRequest.model_validate(
                {"shipment_status_updates": [update]}
            )
        else:
            model = s21.SubmitShipmentStatusUpdatesRequest.model_validate(
                {"shipment_status_updates": [update]}
            )
        return to_wire(model)

    def enqueue(self, scan: CarrierScan) -> OutboxItem:
        """Check, build and queue one update (idempotent: the same update is the same item)."""
        shipment = self.check(scan)
        payload = self.body(scan, shipment)
        return self.outbox.enqueue(OutboxKind.STATUS_UPDATE, scan.po, payload)

    def enqueue_many(self, scans: Iterable[tuple[int, CarrierScan]]) -> BulkOutcome:
        """Queue every acceptable scan; a refused one never stops the others."""
        queued: list[OutboxItem] = []
        refused: list[tuple[int, CarrierScan, StationError]] = []
        for row, scan in scans:
            try:
                queued.append(self.enqueue(scan))
            except StationError as exc:
                refused.append((row, scan, exc))
        return BulkOutcome(tuple(queued), tuple(refused))


# -- the carrier CSV ---------------------------------------------------------------------------

CSV_COLUMNS = ("po", "tracking", "event", "at", "city", "postal_code", "country")
CSV_REQUIRED = ("po", "tracking", "event", "at")
CSV_MAX_BYTES = 20 * 1024 * 1024
_CSV_MAX_FIELD = MAX_LOCATION_CHARS


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong with a carrier CSV: where (1-based line, column) and what."""

    line: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


class CarrierCsvError(ScanError):
    """The carrier file is malformed; ``problems`` lists every bad row and column."""

    default_hint = (
        "Fix the rows named above and import the file again (rows already queued are not sent "
        "twice). Columns: po, tracking, event, at, city, postal_code, country."
    )

    def __init__(self, problems: Sequence[CsvProblem], *, hint: str | None = None) -> None:
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(
            f"The carrier file has {len(problems)} problem(s): {shown}{more}", hint=hint
        )
        self.problems = tuple(problems)


def parse_carrier_csv(
    text: str, *, local: Callable[[datetime], datetime] | None = None
) -> list[tuple[int, CarrierScan]]:
    """Every row of a carrier CSV as ``(line, scan)``; all problems at once in a CarrierCsvError.

    The first line names the columns (any order, case-insensitive; extra columns are ignored).
    ``po``, ``tracking``, ``event`` and ``at`` are required; ``city``, ``postal_code`` and
    ``country`` describe where the carrier scanned the package. Comma or semicolon separated.
    """
    if len(text) > CSV_MAX_BYTES:
        raise CarrierCsvError([CsvProblem(1, None, "the file is larger than 20 MB")])
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        raise CarrierCsvError([CsvProblem(1, None, "the file is not text (it holds NUL bytes)")])
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CarrierCsvError([CsvProblem(1, None, "the file is empty: a header line is needed")])
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []  # the physical line each row starts on (a quoted field may span lines)
    ended = 0
    try:
        for row in reader:
            starts.append(ended + 1)
            rows.append(row)
            ended = reader.line_num
    except csv.Error as exc:
        # line_num: the physical line the reader had reached, where the broken row ends.
        problem = CsvProblem(reader.line_num, None, f"not readable as CSV ({exc})")
        raise CarrierCsvError([problem]) from None
    header = [h.strip().lower().replace(" ", "_").replace("-", "_") for h in rows[0]]
    missing = [c for c in CSV_REQUIRED if c not in header]
    if missing:
        raise CarrierCsvError(
            [CsvProblem(1, c, "this required column is missing from the header") for c in missing]
        )
    seen = [c for c in header if c in CSV_COLUMNS]
    duplicates = sorted({c for c in seen if seen.count(c) > 1})
    if duplicates:
        raise CarrierCsvError([CsvProblem(1, c, "the column appears twice") for c in duplicates])
    index = {name: header.index(name) for name in CSV_COLUMNS if name in header}
    problems: list[CsvProblem] = []
    scans: list[tuple[int, CarrierScan]] = []
    for line, row in zip(starts[1:], rows[1:], strict=True):
        if not any(cell.strip() for cell in row):
            continue
        scan = _row_scan(line, row, index, problems, local)
        if scan is not None:
            scans.append((line, scan))
    if problems:
        raise CarrierCsvError(problems)
    if not scans:
        raise CarrierCsvError([CsvProblem(2, None, "the file has a header but no rows")])
    return scans


def _row_scan(
    line: int,
    row: Sequence[str],
    index: Mapping[str, int],
    problems: list[CsvProblem],
    local: Callable[[datetime], datetime] | None,
) -> CarrierScan | None:
    before = len(problems)
    values: dict[str, str] = {}
    for name, position in index.items():
        value = row[position].strip() if position < len(row) else ""
        if len(value) > _CSV_MAX_FIELD:
            problems.append(CsvProblem(line, name, f"longer than {_CSV_MAX_FIELD} characters"))
            value = ""
        values[name] = value
    for name in CSV_REQUIRED:
        if not values.get(name) and not any(p.column == name for p in problems[before:]):
            problems.append(CsvProblem(line, name, "empty; a value is required"))
    po, tracking = values.get("po", ""), values.get("tracking", "")
    if po and not _PO.fullmatch(po):
        problems.append(CsvProblem(line, "po", f"{po[:40]!r} is not a PO number"))
    if tracking and not _TRACKING.fullmatch(tracking):
        problems.append(CsvProblem(line, "tracking", f"{tracking[:40]!r} is not a tracking number"))
    event: CarrierEvent | None = None
    if values.get("event"):
        try:
            event = parse_event(values["event"])
        except ScanError as exc:
            problems.append(CsvProblem(line, "event", f"{exc.message} ({exc.hint})"))
    at: datetime | None = None
    if values.get("at"):
        try:
            at = parse_status_time(values["at"], local=local)
        except ScanError as exc:
            problems.append(CsvProblem(line, "at", exc.message))
    country = values.get("country", "").upper()
    if country and not _COUNTRY.fullmatch(country):
        problems.append(CsvProblem(line, "country", "use a two-letter country code, e.g. US"))
    if len(problems) > before or event is None or at is None:
        return None
    return CarrierScan(
        po=po,
        tracking=tracking,
        event=event,
        at=at,
        city=values.get("city") or None,
        postal_code=values.get("postal_code") or None,
        country=country or None,
    )

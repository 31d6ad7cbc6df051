"""Vendor-own-carrier status updates: the code table, Amazon's rules, the wire body, the CSV."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from station.config import Settings
from station.errors import ScanError, StationError, WorkflowError
from station.journal import Journal, Outbox, OutboxKind, OutboxState
from station.workflow.status_updates import (
    STATUS_CODES,
    CarrierCsvError,
    CarrierEvent,
    CarrierScan,
    CodeSystem,
    StatusUpdater,
    parse_carrier_csv,
    parse_event,
    status_codes,
)
from tests.helpers.contract import validate_request

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
VOC, PLAIN = "DFWV", "ABCD"


def _settings(api_version: str = "v1") -> Settings:
    return Settings.model_validate(
        {
            "api_version": api_version,
            "vendor_code": "999US",
            "warehouses": [
                {"code": VOC, "vendor_own_carrier": True, "scac_code": "ODFL"},
                {"code": PLAIN},
            ],
        }
    )


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    with Journal.open(tmp_path / "journal.sqlite3", station_id="ST1") as journal:
        yield Outbox(journal)


def _confirmation(po: str, ship_from: str, tracking: list[str]) -> dict[str, Any]:
    return {
        "shipmentConfirmations": [
            {
                "purchaseOrderNumber": po,
                "sellingParty": {"partyId": "999US"},
                "shipFromParty": {"partyId": ship_from},
                "shipmentDetails": {"shipmentStatus": "SHIPPED"},
                "items": [],
                "containers": [{"trackingNumber": t} for t in tracking],
            }
        ]
    }


def _confirm(outbox: Outbox, po: str, ship_from: str = VOC, *, succeed: bool = True) -> None:
    item = outbox.enqueue(
        OutboxKind.CONFIRMATION, po, _confirmation(po, ship_from, ["ODFL0001", "ODFL0002"])
    )
    if succeed:
        for source, target in (
            (OutboxState.PENDING, OutboxState.SENDING),
            (OutboxState.SENDING, OutboxState.SENT),
            (OutboxState.SENT, OutboxState.SUCCEEDED),
        ):
            moved = outbox.transition(item.id, from_states=(source,), to=target)
            assert moved is not None


def _scan(po: str = "2ABC1234", tracking: str = "ODFL0002", **kw: Any) -> CarrierScan:
    fields: dict[str, Any] = {
        "event": CarrierEvent.DELIVERED,
        "at": NOW - timedelta(hours=1),
        "city": "Austin",
        "postal_code": "78701",
        "country": "US",
    }
    fields.update(kw)
    return CarrierScan(po=po, tracking=tracking, **fields)


def _updater(outbox: Outbox, api_version: str = "v1", **kw: Any) -> StatusUpdater:
    return StatusUpdater(_settings(api_version), outbox, clock=lambda: NOW, **kw)


# -- the code table ------------------------------------------------------------------------------


def test_every_event_has_a_code_pair_in_both_systems() -> None:
    for system in CodeSystem:
        assert set(STATUS_CODES[system]) == set(CarrierEvent)
    # The seed guide's own examples.
    assert status_codes(CarrierEvent.DELIVERED, CodeSystem.EDIFACT) == ("301", "000")
    assert status_codes(CarrierEvent.DELIVERED, CodeSystem.X12) == ("D1", "NS")
    assert status_codes(CarrierEvent.DELAYED, CodeSystem.EDIFACT) == ("404", "117")
    assert status_codes(CarrierEvent.UNDELIVERABLE, CodeSystem.X12) == ("AP", "BG")


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("delivered", CarrierEvent.DELIVERED),
        ("Out for delivery", CarrierEvent.OUT_FOR_DELIVERY),
        ("IN-TRANSIT", CarrierEvent.IN_TRANSIT),
        ("DEPARTED_FROM_FC", CarrierEvent.DEPARTED),
    ],
)
def test_events_are_read_in_the_spellings_carriers_use(text: str, event: CarrierEvent) -> None:
    assert parse_event(text) is event


def test_an_unknown_event_names_the_known_ones() -> None:
    with pytest.raises(ScanError) as caught:
        parse_event("teleported")
    assert "out_for_delivery" in caught.value.hint


# -- Amazon's rules ------------------------------------------------------------------------------


def test_refused_before_the_confirmation_is_accepted(outbox: Outbox) -> None:
    _confirm(outbox, "2ABC1234", succeed=False)
    with pytest.raises(WorkflowError, match="only allowed after Amazon accepted"):
        _updater(outbox).enqueue(_scan())
    with pytest.raises(WorkflowError, match="not confirmed"):
        _updater(outbox).enqueue(_scan(po="3XYZ9999"))
    assert outbox.list(states=[OutboxState.PENDING]) == outbox.list(po="2ABC1234")


def test_refused_for_a_warehouse_that_is_not_vendor_own_carrier(outbox: Outbox) -> None:
    _confirm(outbox, "2ABC1234", ship_from=PLAIN)
    with pytest.raises(WorkflowError, match="not a vendor-own-carrier warehouse"):
        _updater(outbox).enqueue(_scan())


def test_refused_with_a_tracking_number_not_in_the_confirmation(outbox: Outbox) -> None:
    _confirm(outbox, "2ABC1234")
    with pytest.raises(WorkflowError, match="ODFL9999 is not in the confirmation"):
        _updater(outbox).enqueue(_scan(tracking="ODFL9999"))


def test_refused_when_dated_in_the_future(outbox: Outbox) -> None:
    _confirm(outbox, "2ABC1234")
    with pytest.raises(WorkflowError, match="future"):
        _updater(outbox).enqueue(_scan(at=NOW + timedelta(hours=2)))


def test_refused_without_a_country_when_none_is_known(outbox: Outbox) -> None:
    _confirm(outbox, "2ABC1234")
    with pytest.raises(ScanError, match="country"):
        _updater(outbox).enqueue(_scan(country=None))
    item = _updater(outbox, country_of=lambda po: "US").enqueue(_scan(country=None))
    assert item.payload["shipmentStatusUpdates"][0]["statusUpdateDetails"]["statusLocationAddress"][
        "countryCode"
    ] == ("US")


@pytest.mark.parametrize(
    ("api_version", "model"), [("v1", "shipping-v1"), ("2021-12-28", "shipping-2021")]
)
@pytest.mark.parametrize("system", list(CodeSystem))
def test_an_accepted_scan_is_queued_as_a_valid_request(
    outbox: Outbox, api_version: str, model: str, system: CodeSystem
) -> None:
    _confirm(outbox, "2ABC1234")
    updater = _updater(outbox, api_version, code_system=system)
    item = updater.enqueue(_scan())
    assert item.kind is OutboxKind.STATUS_UPDATE and item.state is OutboxState.PENDING
    validate_request(model, "submitShipmentStatusUpdates", dict(item.payload))
    details = item.payload["shipmentStatusUpdates"][0]["statusUpdateDetails"]
    assert (details["statusCode"], details["reasonCode"]) == status_codes(
        CarrierEvent.DELIVERED, system
    )
    assert details["trackingNumber"] == "ODFL0002"
    assert details["statusLocationAddress"]["name"] == "ODFL"
    # The same carrier event twice is one outbox item: Amazon hears it once.
    assert updater.enqueue(_scan()).id == item.id


def test_the_location_never_appears_in_a_repr() -> None:
    text = repr(_scan(city="Secretville", postal_code="99999"))
    assert "Secretville" not in text and "99999" not in text


# -- the carrier CSV -----------------------------------------------------------------------------

GOOD = (
    "po,tracking,event,at,city,postal_code,country\n"
    "2ABC1234,ODFL0001,departed,2026-11-23T08:00:00Z,Dallas,75247,US\n"
    "2ABC1234,ODFL0001,Out for delivery,2026-11-23T10:00:00+01:00,Austin,78701,us\n"
    "\n"
)


def test_a_carrier_csv_is_read_row_by_row() -> None:
    rows = parse_carrier_csv("\ufeff" + GOOD)
    assert [line for line, _ in rows] == [2, 3]
    first, second = rows[0][1], rows[1][1]
    assert first.event is CarrierEvent.DEPARTED and first.country == "US"
    assert second.at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert second.country == "US"


def test_semicolons_and_extra_columns_are_accepted() -> None:
    text = "Carrier;PO;Tracking;Event;At\nODFL;2ABC1234;ODFL0001;lost;2026-11-23T08:00:00Z\n"
    (line, scan), *_ = parse_carrier_csv(text)
    assert line == 2 and scan.event is CarrierEvent.LOST and scan.country is None


def test_every_bad_row_and_column_is_named() -> None:
    text = (
        "po,tracking,event,at,country\n"
        "2ABC1234,ODFL0001,delivered,yesterday,US\n"
        "bad po!,ODFL0001,flew away,2026-11-23T08:00:00Z,USA\n"
        ",ODFL0001,delivered,2026-11-23T08:00:00Z,US\n"
    )
    with pytest.raises(CarrierCsvError) as caught:
        parse_carrier_csv(text)
    found = {(p.line, p.column) for p in caught.value.problems}
    assert found == {(2, "at"), (3, "po"), (3, "event"), (3, "country"), (4, "po")}
    assert "line 3, column 'event'" in str(caught.value)


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(CarrierCsvError, match="column 'event'"):
        parse_carrier_csv("po,tracking,at\n2ABC1234,T1,2026-11-23T08:00:00Z\n")


@given(st.text(max_size=400))
def test_arbitrary_text_is_either_rows_or_a_csv_error(text: str) -> None:
    try:
        rows = parse_carrier_csv(text)
    except CarrierCsvError as exc:
        assert exc.problems and all(p.line >= 1 for p in exc.problems)
    else:
        assert rows and all(isinstance(scan, CarrierScan) for _, scan in rows)


_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
)


@given(st.lists(st.lists(_cell, min_size=0, max_size=9), min_size=1, max_size=6))
def test_malformed_rows_under_a_good_header_never_crash(rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["po", "tracking", "event", "at", "city", "postal_code", "country"])
    writer.writerows(rows)
    try:
        parsed = parse_carrier_csv(buffer.getvalue())
    except StationError as exc:
        assert isinstance(exc, CarrierCsvError)
        assert all(p.line >= 2 for p in exc.problems)
    else:
        for line, scan in parsed:
            assert 2 <= line <= len(rows) + 1
            assert scan.at.tzinfo is not None


@given(
    st.sampled_from(list(CarrierEvent)),
    st.datetimes(
        # Well formed: dated 2000–2099 (2100-01-01 itself is refused, rightly).
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2099, 12, 31, 23, 59, 59),
        timezones=st.just(UTC),
    ),
    st.from_regex(r"[A-Z0-9]{4,12}", fullmatch=True),
)
def test_well_formed_rows_round_trip(event: CarrierEvent, at: datetime, tracking: str) -> None:
    text = f"po,tracking,event,at\n2ABC1234,{tracking},{event.value},{at.isoformat()}\n"
    ((_, scan),) = parse_carrier_csv(text)
    assert (scan.event, scan.at, scan.tracking) == (event, at, tracking)

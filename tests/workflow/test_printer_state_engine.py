"""The engine over a Zebra emulator: a printer that cannot print stops the PO before the
confirmation, and a printer that cannot tell its state is said to once, not at every label."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from station.errors import PrinterOfflineError, WorkflowError
from station.simulator.server import SimulatorServer
from station.workflow.containers import parse_box_spec
from station.workflow.events import DocumentKind, DocumentPrinted, PrintFailed
from tests.helpers.zebra import ZebraEmulator
from tests.workflow.conftest import StationFactory, po_of_kind, random_pos

BOX = "12x8x4in:1.5lb"


@pytest.fixture
def zebra() -> Iterator[ZebraEmulator]:
    emulator = ZebraEmulator("paper out")
    yield emulator
    emulator.close()


def test_paper_out_stops_before_the_confirmation_and_a_reprint_after_loading_goes_on(
    make_station: StationFactory, simulator: SimulatorServer, zebra: ZebraEmulator
) -> None:
    station = make_station(label_printer=zebra.uri)
    po = po_of_kind(simulator, "plain")
    station.acknowledge(po)
    session = station.engine.set_boxes(station.engine.scan_po(po), [parse_box_spec(BOX)])
    (failed,) = station.of(PrintFailed)
    assert isinstance(failed.error, PrinterOfflineError) and failed.error.reason == "paper out"
    with pytest.raises(WorkflowError, match="has not printed"):
        station.engine.confirm(session)
    assert zebra.labels == []
    zebra.state = "ready"  # the packer loads labels and reprints
    assert station.engine.reprint(session, DocumentKind.LABEL)
    assert len(zebra.labels) == 1


def test_state_unknown_is_said_with_the_first_label_only(
    make_station: StationFactory, simulator: SimulatorServer, zebra: ZebraEmulator
) -> None:
    zebra.state, zebra.firmware = "ready", "silent"
    station = make_station(label_printer=zebra.uri)
    pos = random_pos(simulator, 2)
    station.acknowledge(*pos)
    for po in pos:
        station.engine.set_boxes(station.engine.scan_po(po), [parse_box_spec(BOX)])
    labels = [e for e in station.of(DocumentPrinted) if e.document is DocumentKind.LABEL]
    assert len(labels) >= 2
    said = [w for e in labels for w in e.warnings if "state unknown" in w]
    assert said == ["label printer: state unknown (the printer answers neither ~HQES nor ~HS)"]
    assert "state unknown" in " ".join(labels[0].warnings)

"""`station outbox retry/cancel ID` on a journal that has items, through the real program: a
number that names no item, or an item in another state, says what to do about the outbox, never
that the data folder is broken."""

from __future__ import annotations

from station.simulator.server import SimulatorServer
from tests.cli.conftest import Station, fresh_po

BOX = "12x8x4in:1.5kg"


def test_retry_of_an_item_that_is_not_failed_points_at_the_outbox_list(
    configured: Station, simulator: SimulatorServer
) -> None:
    po = fresh_po(simulator)
    assert configured("ship", po, "--box", BOX, "--acknowledge").code == 0
    for number in ("1", "99"):  # the shipment's own (succeeded) item, and no item at all
        result = configured("outbox", "retry", number)
        assert result.code == 1, str(result)
        assert f"Outbox item {number} is not a failed item" in result.err, str(result)
        assert "station outbox list" in result.err, str(result)
        assert "disk space" not in result.err and "data store" not in result.err, str(result)

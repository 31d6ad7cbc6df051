"""What `station ship` says about a confirmation in warehouse mode (real programs, real PostgreSQL).

A bench hands its confirmation to the site outbox and then waits for Amazon's verdict; it used
to report the hand-over reference ("transaction site:1") as if it were Amazon's transaction.
It now names Amazon's transaction id once Amazon accepted, and says plainly that a confirmation
not decided yet waits in the site outbox.
"""

from __future__ import annotations

import re

from tests.site.test_site_processes import (  # noqa: F401 - fixtures used below
    Bench,
    Gate,
    Simulator,
    finish,
    sim,
    site,
)
from tests.workflow.conftest import random_pos, record


def test_ship_names_amazons_transaction_not_the_site_reference(
    site: list[Bench],  # noqa: F811 - the fixture imported above
    sim: Simulator,  # noqa: F811
) -> None:
    (po,) = random_pos(sim.server, 1)
    code, out = finish(site[0].ship(po))
    assert code == 0, out
    assert "site:" not in out, out
    confirmations = record(sim.server, po)["confirmations"]
    assert len(confirmations) == 1
    amazon_id = confirmations[0]["transactionId"]
    assert amazon_id and f"(transaction {amazon_id})" in out, out


def test_ship_that_is_not_decided_yet_says_it_waits_in_the_site_outbox(
    site: list[Bench],  # noqa: F811
    sim: Simulator,  # noqa: F811
) -> None:
    (po,) = random_pos(sim.server, 1)
    gate = Gate("POST", "shipmentConfirmations", po)  # Amazon holds its answer
    sim.gates.append(gate)
    try:
        code, out = finish(
            site[1].start("ship", po, "--box", "12x8x4in:1.5lb", "--acknowledge", "--wait", "3")
        )
    finally:
        sim.gates.remove(gate)
        gate.opened.set()
    assert code == 3, out
    assert "site:" not in out, out
    assert re.search(r"site outbox \(item \d+\)", out), out

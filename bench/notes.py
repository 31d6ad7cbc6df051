"""Why a target is not met, and what will be done about it: written by hand after each real run.

Keyed by the figure's ``key`` (see bench/results/*.json). bench/report.py copies these into
bench/RESULTS.md under every unmet target; ``report.py --check`` fails when one is missing.
"""

from __future__ import annotations

from typing import NamedTuple


class Note(NamedTuple):
    why: str
    plan: str


NOTES: dict[str, Note] = {
    "site.claim_p95": Note(
        why="Measured 2026-12-05 with 8 benches as threads of one Python process on a 2-core VM "
        "shared with other work, PostgreSQL on the same two cores: the median claim is 2.7 ms "
        "(one INSERT … ON CONFLICT round trip on a unix socket), but a claim waits for the GIL "
        "behind seven other benches' label decoding, encryption and printing, and for the CPU "
        "behind the simulator and the server; the tail (p95 22.9 ms, max 74 ms) is that queue, "
        "not the database (the row lock is per PO and two benches contend only for the same PO).",
        plan="Measure with the benches as separate processes (the tests already run four real "
        "`station` programs) on a machine with a core per bench, as a site has: one PC per bench. "
        "If the tail stays, take the claim's two statements (the current holder under FOR "
        "UPDATE, then the upsert) into one, and skip the check before printing when the claim "
        "was taken in the same scan.",
    ),
    "prefetch.ratio_to_floor": Note(
        why="The station's plan is batched (2,000 orders in 95 requests: 21 order pages, 10 "
        "acknowledgement and 10 label-request submissions of 200 POs, 20 transaction polls, 22 "
        "label pages, 4 RDTs), so the quota floor is only 3.3 s; the run took 4.9 s on "
        "2026-11-23 (4.2 s on a quieter run that morning). Timing each phase "
        "(bench/prefetch.py with the phases wrapped): listing orders 1.40 s (floor 1.1 s: the "
        "rest is parsing 2,000 orders and checking the cache for each), acknowledging 0.81 s "
        "(submissions plus Amazon's asynchronous processing, 0.2 s in the simulator, and its "
        "polling), slips 0.10 s, label requests 0.91 s (0.73 s of it waiting for the "
        "transactions), listing and storing the new labels 1.91 s (floor 1.2 s: decoding, "
        "checking, encrypting and storing 2,000 labels competes with the listing for the "
        "interpreter). The phases run one after the other, and the two transaction waits are "
        "not in a quota floor at all. Against the naive per-PO plan's floor (414 s) the run is "
        "85× faster.",
        plan="(1) Overlap what does not depend on each other: acknowledge each batch of 200 as "
        "soon as the order listing has produced it, and list slips and already existing labels "
        "while acknowledgements are processed (different quotas); (2) request a batch's labels "
        "as soon as its acknowledgement succeeds; (3) take label decoding and encryption off "
        "the listing's critical path (a process pool, or checking PNG headers only and "
        "decoding at print time); (4) report, next to the quota floor, the floor with the "
        "dependent transaction waits. Owner: workflow engineer (station/workflow/prefetch.py); "
        "re-measure with `bench/prefetch.py --instant-documents`.",
    ),
}

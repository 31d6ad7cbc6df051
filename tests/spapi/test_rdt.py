"""Restricted Data Tokens: cached, batched, refreshed before expiry, dropped when refused."""

from __future__ import annotations

import pytest

from station.errors import ForbiddenError
from station.spapi.rdt import path_matches
from tests.spapi.fakes import Rig, reply

TOKENS = "/tokens/2021-03-01/restrictedDataToken"
V1 = "/vendor/directFulfillment/shipping/v1"
ORDERS = "/vendor/directFulfillment/orders/v1"


def label(po: str) -> dict[str, object]:
    return {
        "payload": {
            "purchaseOrderNumber": po,
            "sellingParty": {"partyId": "999US"},
            "shipFromParty": {"partyId": "ABCD"},
            "labelFormat": "ZPL",
            "labelData": [{"content": "XlhB"}],
        }
    }


def install_tokens(rig: Rig) -> list[str]:
    issued: list[str] = []

    def issue(request: object) -> object:
        issued.append(f"Atz.sprdt|{len(issued) + 1}")
        return reply(200, {"restrictedDataToken": issued[-1], "expiresIn": 3600})(request)  # type: ignore[arg-type]

    rig.amazon.always("POST", TOKENS, issue)  # type: ignore[arg-type]
    return issued


def test_a_restricted_call_uses_an_rdt_not_the_lwa_token(rdt_rig: Rig) -> None:
    install_tokens(rdt_rig)
    rdt_rig.amazon.always("GET", f"{V1}/shippingLabels/PO1", reply(200, label("PO1")))
    rdt_rig.api.shipping_v1.get_shipping_label("PO1")
    (token_call,) = rdt_rig.amazon.sent_to(TOKENS)
    assert token_call.headers["x-amz-access-token"] == "Atza|access-1"
    assert rdt_rig.amazon.body(token_call) == {
        "restrictedResources": [{"method": "GET", "path": f"{V1}/shippingLabels/PO1"}]
    }
    (call,) = rdt_rig.amazon.sent_to(f"{V1}/shippingLabels/PO1")
    assert call.headers["x-amz-access-token"] == "Atz.sprdt|1"


def test_rdts_are_cached_until_shortly_before_expiry(rdt_rig: Rig) -> None:
    install_tokens(rdt_rig)
    rdt_rig.amazon.always("GET", f"{V1}/shippingLabels/PO1", reply(200, label("PO1")))
    for _ in range(5):
        rdt_rig.api.shipping_v1.get_shipping_label("PO1")
    assert len(rdt_rig.amazon.sent_to(TOKENS)) == 1
    rdt_rig.clock.advance(3600 - 59)  # inside the 60 s margin
    rdt_rig.api.shipping_v1.get_shipping_label("PO1")
    assert len(rdt_rig.amazon.sent_to(TOKENS)) == 2


def test_non_restricted_calls_use_the_lwa_token(rdt_rig: Rig) -> None:
    path = "/vendor/directFulfillment/transactions/v1/transactions/T1"
    rdt_rig.amazon.always(
        "GET",
        path,
        reply(
            200, {"payload": {"transactionStatus": {"transactionId": "T1", "status": "Success"}}}
        ),
    )
    rdt_rig.api.transactions_v1.get_transaction_status("T1")
    assert not rdt_rig.amazon.sent_to(TOKENS)
    assert rdt_rig.amazon.sent_to(path)[0].headers["x-amz-access-token"] == "Atza|access-1"


def test_prefetch_batches_fifty_resources_per_tokens_call(rdt_rig: Rig) -> None:
    install_tokens(rdt_rig)
    pos = [f"PO{i:03d}" for i in range(30)]  # 30 POs x 4 resources = 120 -> 3 calls
    calls = rdt_rig.api.prefetch_purchase_orders(pos)
    assert calls == 3
    sent = rdt_rig.amazon.sent_to(TOKENS)
    sizes = [len(rdt_rig.amazon.body(r)["restrictedResources"]) for r in sent]
    assert sizes == [50, 50, 20]
    # Scanning every PO afterwards costs no further Tokens calls.
    for po in pos:
        rdt_rig.amazon.always("GET", f"{V1}/shippingLabels/{po}", reply(200, label(po)))
        rdt_rig.api.shipping_v1.get_shipping_label(po)
    assert len(rdt_rig.amazon.sent_to(TOKENS)) == 3
    # Prefetching again is free while the tokens are valid.
    assert rdt_rig.api.prefetch_purchase_orders(pos) == 0


def test_a_templated_path_covers_every_po_with_one_token(rdt_rig: Rig) -> None:
    install_tokens(rdt_rig)
    assert rdt_rig.api.prefetch([("GET", f"{V1}/shippingLabels/{{purchaseOrderNumber}}")]) == 1
    for po in ("PO1", "PO2", "PO3"):
        rdt_rig.amazon.always("GET", f"{V1}/shippingLabels/{po}", reply(200, label(po)))
        rdt_rig.api.shipping_v1.get_shipping_label(po)
    assert len(rdt_rig.amazon.sent_to(TOKENS)) == 1


def test_a_refused_cached_rdt_is_dropped_and_retried_once(rdt_rig: Rig) -> None:
    issued = install_tokens(rdt_rig)
    path = f"{V1}/shippingLabels/PO1"
    rdt_rig.amazon.queue("GET", path, reply(200, label("PO1")))
    rdt_rig.amazon.queue(
        "GET", path, reply(403, {"errors": [{"code": "Unauthorized", "message": "x"}]})
    )
    rdt_rig.amazon.queue("GET", path, reply(200, label("PO1")))
    rdt_rig.api.shipping_v1.get_shipping_label("PO1")
    rdt_rig.api.shipping_v1.get_shipping_label("PO1")
    assert issued == ["Atz.sprdt|1", "Atz.sprdt|2"]
    used = [t for t in rdt_rig.amazon.seen_tokens if t and "sprdt" in t]
    assert used == ["Atz.sprdt|1", "Atz.sprdt|1", "Atz.sprdt|2"]


def test_a_fresh_rdt_refused_is_reported_with_the_role_hint(rdt_rig: Rig) -> None:
    install_tokens(rdt_rig)
    path = f"{ORDERS}/purchaseOrders/PO1"
    rdt_rig.amazon.always(
        "GET", path, reply(403, {"errors": [{"code": "Unauthorized", "message": "x"}]})
    )
    with pytest.raises(ForbiddenError) as info:
        rdt_rig.api.orders_v1.get_order("PO1")
    assert len(rdt_rig.amazon.sent_to(path)) == 1
    assert "Direct-to-Consumer Shipping (Restricted)" in info.value.hint
    assert "Restricted Data Token" in str(info.value)


def test_tokens_refusing_the_rdt_is_forbidden(rdt_rig: Rig) -> None:
    rdt_rig.amazon.always(
        "POST", TOKENS, reply(403, {"errors": [{"code": "Unauthorized", "message": "no role"}]})
    )
    with pytest.raises(ForbiddenError) as info:
        rdt_rig.api.shipping_v1.get_packing_slip("PO1")
    assert info.value.operation == "createRestrictedDataToken"
    assert not rdt_rig.amazon.sent_to(f"{V1}/packingSlips/PO1")


def test_the_rdt_never_appears_in_reprs(rdt_rig: Rig) -> None:
    install_tokens(rdt_rig)
    rdt_rig.api.prefetch([("GET", f"{V1}/packingSlips/PO1")])
    assert rdt_rig.api.rdt is not None
    assert "sprdt" not in repr(rdt_rig.api.rdt)
    assert "sprdt" not in repr(rdt_rig.api.rdt._entries)


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("/a/{po}", "/a/PO1", True),
        ("/a/{po}", "/a/PO1/x", False),
        ("/a/b", "/a/b", True),
        ("/a/{po}", "/b/PO1", False),
        ("/a/{po}", "/a/", False),
    ],
)
def test_path_matches(pattern: str, path: str, expected: bool) -> None:
    assert path_matches(pattern, path) is expected


def test_a_tokens_5xx_is_retried_because_asking_again_is_harmless(rdt_rig: Rig) -> None:
    rdt_rig.amazon.queue(
        "POST", TOKENS, reply(503, {"errors": [{"code": "ServiceUnavailable", "message": ""}]})
    )
    rdt_rig.amazon.queue(
        "POST", TOKENS, reply(200, {"restrictedDataToken": "Atz.sprdt|2", "expiresIn": 3600})
    )
    rdt_rig.amazon.always("GET", f"{V1}/shippingLabels/PO1", reply(200, label("PO1")))
    rdt_rig.api.shipping_v1.get_shipping_label("PO1")
    assert len(rdt_rig.amazon.sent_to(TOKENS)) == 2
    (call,) = rdt_rig.amazon.sent_to(f"{V1}/shippingLabels/PO1")
    assert call.headers["x-amz-access-token"] == "Atz.sprdt|2"

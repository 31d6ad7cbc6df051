"""The shared request path: retries only where safe, bounded backoff, errors, logs, envelopes."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest

from station import __version__
from station.errors import (
    ApiError,
    AuthError,
    ForbiddenError,
    InvalidRequestError,
    NetworkError,
    NotFoundError,
    ResponseFormatError,
    ServerError,
    ThrottledError,
    UnknownOutcomeError,
)
from station.spapi import RateLimit, RateLimiter, RetryPolicy
from station.spapi.http import parse_rate_limit
from tests.spapi.fakes import FakeClock, FakeSleep, Rig, fail_with, make_rig, reply

LABEL = "/vendor/directFulfillment/shipping/v1/shippingLabels/PO1"
CONFIRM = "/vendor/directFulfillment/shipping/v1/shipmentConfirmations"
LABEL_BODY = {
    "purchaseOrderNumber": "PO1",
    "sellingParty": {"partyId": "999US"},
    "shipFromParty": {"partyId": "ABCD"},
    "labelFormat": "PNG",
    "labelData": [{"content": "iVBORw0KGgo="}],
}
THROTTLED = {"errors": [{"code": "QuotaExceeded", "message": "You exceeded your quota."}]}


@pytest.fixture
def bounded() -> Iterator[Rig]:
    made = make_rig(
        retry=RetryPolicy(max_attempts=4, base_delay=0.5, max_delay=4, max_total_wait=20)
    )
    yield made
    made.client.close()


def _confirm(rig: Rig) -> None:
    from station.spapi.models import shipping_v1 as s1
    from tests.spapi.test_request_bodies import _confirmation

    rig.api.shipping_v1.submit_shipment_confirmations([_confirmation(s1, "carton")])


# -- 429 -------------------------------------------------------------------------------------------
def test_throttling_is_retried_with_growing_jittered_backoff_then_succeeds(bounded: Rig) -> None:
    bounded.amazon.queue("GET", LABEL, reply(429, THROTTLED), reply(429, THROTTLED))
    bounded.amazon.queue("GET", LABEL, reply(200, {"payload": LABEL_BODY}))
    label = bounded.api.shipping_v1.get_shipping_label("PO1")
    assert label.purchase_order_number == "PO1"
    assert len(bounded.amazon.sent_to(LABEL)) == 3
    first, second = bounded.sleep.calls
    assert 0.25 <= first <= 0.5 and 0.5 <= second <= 1.0


def test_throttling_gives_up_after_the_attempt_bound(bounded: Rig) -> None:
    bounded.amazon.always("GET", LABEL, reply(429, THROTTLED, request_id="rid-429"))
    with pytest.raises(ThrottledError) as info:
        bounded.api.shipping_v1.get_shipping_label("PO1")
    assert len(bounded.amazon.sent_to(LABEL)) == 4
    assert len(bounded.sleep.calls) == 3
    assert info.value.codes == ("QuotaExceeded",)
    assert info.value.request_id == "rid-429"
    assert info.value.operation == "getShippingLabel"


def test_throttling_gives_up_when_total_wait_would_exceed_the_bound() -> None:
    rig = make_rig(
        retry=RetryPolicy(max_attempts=100, base_delay=1, max_delay=64, max_total_wait=10)
    )
    try:
        rig.amazon.always("GET", LABEL, reply(429, THROTTLED))
        with pytest.raises(ThrottledError):
            rig.api.shipping_v1.get_shipping_label("PO1")
        assert rig.sleep.total <= 10
        assert len(rig.amazon.sent_to(LABEL)) < 10
    finally:
        rig.client.close()


def test_a_throttled_post_is_retried_because_amazon_did_not_process_it(bounded: Rig) -> None:
    bounded.amazon.queue(
        "POST", CONFIRM, reply(429, THROTTLED), reply(202, {"payload": {"transactionId": "t"}})
    )
    _confirm(bounded)
    assert len(bounded.amazon.sent_to(CONFIRM)) == 2


@pytest.mark.parametrize("header", ["", "abc", "-1", "nan", "inf", "0", "1,2"])
def test_a_malformed_rate_limit_header_is_tolerated(bounded: Rig, header: str) -> None:
    headers = {"x-amzn-RateLimit-Limit": header}
    bounded.amazon.queue("GET", LABEL, reply(429, THROTTLED, headers=headers))
    bounded.amazon.queue("GET", LABEL, reply(200, {"payload": LABEL_BODY}))
    bounded.api.shipping_v1.get_shipping_label("PO1")
    assert len(bounded.sleep.calls) == 1 and bounded.sleep.calls[0] <= 0.5


def test_a_valid_rate_limit_header_slows_the_retry_down(bounded: Rig) -> None:
    bounded.amazon.queue(
        "GET", LABEL, reply(429, THROTTLED, headers={"x-amzn-RateLimit-Limit": "0.5"})
    )
    bounded.amazon.queue("GET", LABEL, reply(200, {"payload": LABEL_BODY}))
    bounded.api.shipping_v1.get_shipping_label("PO1")
    assert 1.0 <= bounded.sleep.calls[0] <= 2.0


def test_parse_rate_limit() -> None:
    assert parse_rate_limit("10.0") == 10.0
    assert parse_rate_limit(" 0.0167 ") == pytest.approx(0.0167)
    assert parse_rate_limit(None) is None
    assert parse_rate_limit("ten") is None


# -- 5xx and network failures -------------------------------------------------------------------
def test_a_get_is_retried_after_5xx(bounded: Rig) -> None:
    bounded.amazon.queue(
        "GET", LABEL, reply(503, {"errors": [{"code": "ServiceUnavailable", "message": ""}]})
    )
    bounded.amazon.queue("GET", LABEL, reply(200, {"payload": LABEL_BODY}))
    assert bounded.api.shipping_v1.get_shipping_label("PO1").label_format == "PNG"
    assert len(bounded.amazon.sent_to(LABEL)) == 2


def test_a_get_that_keeps_failing_raises_server_error(bounded: Rig) -> None:
    bounded.amazon.always(
        "GET", LABEL, reply(500, {"errors": [{"code": "InternalFailure", "message": "x"}]})
    )
    with pytest.raises(ServerError) as info:
        bounded.api.shipping_v1.get_shipping_label("PO1")
    assert info.value.status == 500
    assert len(bounded.amazon.sent_to(LABEL)) == 4


@pytest.mark.parametrize("exc", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError])
def test_a_get_is_retried_after_a_read_failure(
    bounded: Rig, exc: type[httpx.TransportError]
) -> None:
    bounded.amazon.queue("GET", LABEL, fail_with(exc), reply(200, {"payload": LABEL_BODY}))
    bounded.api.shipping_v1.get_shipping_label("PO1")
    assert len(bounded.amazon.sent_to(LABEL)) == 2


@pytest.mark.parametrize(
    "exc", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteTimeout]
)
def test_a_post_that_may_have_arrived_is_never_resent(
    bounded: Rig, exc: type[httpx.TransportError]
) -> None:
    bounded.amazon.queue(
        "POST", CONFIRM, fail_with(exc), reply(202, {"payload": {"transactionId": "t"}})
    )
    with pytest.raises(UnknownOutcomeError) as info:
        _confirm(bounded)
    assert len(bounded.amazon.sent_to(CONFIRM)) == 1
    assert info.value.operation == "submitShipmentConfirmations"
    assert "Do not resend" in info.value.hint


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_post_answered_with_5xx_is_reported_as_unknown_outcome(bounded: Rig, status: int) -> None:
    bounded.amazon.always(
        "POST", CONFIRM, reply(status, {"errors": [{"code": "InternalFailure", "message": ""}]})
    )
    with pytest.raises(UnknownOutcomeError) as info:
        _confirm(bounded)
    assert info.value.status == status
    assert len(bounded.amazon.sent_to(CONFIRM)) == 1


@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.ConnectTimeout])
def test_a_post_that_never_left_is_retried(bounded: Rig, exc: type[httpx.TransportError]) -> None:
    bounded.amazon.queue(
        "POST", CONFIRM, fail_with(exc), reply(202, {"payload": {"transactionId": "t"}})
    )
    _confirm(bounded)
    assert len(bounded.amazon.sent_to(CONFIRM)) == 2


def test_no_network_at_all_becomes_network_error(bounded: Rig) -> None:
    bounded.amazon.always("GET", LABEL, fail_with(httpx.ConnectError))
    with pytest.raises(NetworkError) as info:
        bounded.api.shipping_v1.get_shipping_label("PO1")
    assert not isinstance(info.value, UnknownOutcomeError)
    assert len(bounded.amazon.sent_to(LABEL)) == 4


# -- error mapping ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "kind", "hint_part"),
    [
        (400, InvalidRequestError, "which field"),
        (403, ForbiddenError, "Direct-to-Consumer Shipping (Restricted)"),
        (404, NotFoundError, "PO number"),
        (409, InvalidRequestError, "which field"),
        (413, InvalidRequestError, "fewer items"),
        (415, InvalidRequestError, "which field"),
        (422, InvalidRequestError, "which field"),
    ],
)
def test_each_status_maps_to_its_error_with_a_hint(
    rig: Rig, status: int, kind: type[ApiError], hint_part: str
) -> None:
    errors = {"errors": [{"code": "InvalidInput", "message": "Invalid PO ID.", "details": ""}]}
    rig.amazon.always("GET", LABEL, reply(status, errors, request_id="rid-77"))
    with pytest.raises(kind) as info:
        rig.api.shipping_v1.get_shipping_label("PO1")
    err = info.value
    assert err.status == status and err.request_id == "rid-77"
    assert err.operation == "getShippingLabel"
    assert err.codes == ("InvalidInput",)
    assert hint_part in err.hint
    assert "rid-77" in str(err) and "Invalid PO ID." in str(err)
    assert len(rig.amazon.sent_to(LABEL)) == 1


def test_401_refreshes_once_then_reports_auth_error(rig: Rig) -> None:
    rig.amazon.always(
        "GET", LABEL, reply(401, {"errors": [{"code": "Unauthorized", "message": ""}]})
    )
    with pytest.raises(AuthError) as info:
        rig.api.shipping_v1.get_shipping_label("PO1")
    assert len(rig.amazon.sent_to(LABEL)) == 2
    assert len(rig.amazon.lwa_requests) == 2
    assert "refresh token" in info.value.hint


def test_an_html_error_page_still_maps_by_status(rig: Rig) -> None:
    rig.amazon.always("GET", LABEL, reply(404, b"<html>Not here</html>"))
    with pytest.raises(NotFoundError):
        rig.api.shipping_v1.get_shipping_label("PO1")


def test_a_success_that_is_not_json_is_a_format_error(rig: Rig) -> None:
    rig.amazon.always("GET", LABEL, reply(200, b"<html>proxy login</html>", request_id="rid-html"))
    with pytest.raises(ResponseFormatError) as info:
        rig.api.shipping_v1.get_shipping_label("PO1")
    assert info.value.request_id == "rid-html"


def test_a_wrong_type_is_a_format_error_naming_the_field(rig: Rig) -> None:
    bad = dict(LABEL_BODY, labelData=[{"content": 12345}])
    rig.amazon.always("GET", LABEL, reply(200, {"payload": bad}))
    with pytest.raises(ResponseFormatError) as info:
        rig.api.shipping_v1.get_shipping_label("PO1")
    assert "labelData.0.content" in str(info.value)


def test_extra_fields_from_amazon_are_tolerated(rig: Rig) -> None:
    rig.amazon.always("GET", LABEL, reply(200, {"payload": dict(LABEL_BODY, newField={"x": 1})}))
    assert rig.api.shipping_v1.get_shipping_label("PO1").purchase_order_number == "PO1"


def test_a_bad_po_number_is_refused_before_sending(rig: Rig) -> None:
    with pytest.raises(InvalidRequestError):
        rig.api.shipping_v1.get_shipping_label("../../tokens")
    assert not rig.amazon.requests


# -- envelopes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("wrapped", [True, False], ids=["payload", "bare"])
def test_v1_answers_parse_with_or_without_the_payload_envelope(rig: Rig, wrapped: bool) -> None:
    rig.amazon.always("GET", LABEL, reply(200, {"payload": LABEL_BODY} if wrapped else LABEL_BODY))
    assert rig.api.shipping_v1.get_shipping_label("PO1").selling_party.party_id == "999US"


def test_2021_answers_are_bare(rig: Rig) -> None:
    path = "/vendor/directFulfillment/shipping/2021-12-28/shippingLabels/PO1"
    rig.amazon.always("GET", path, reply(200, LABEL_BODY))
    assert rig.api.shipping_2021.get_shipping_label("PO1").label_format == "PNG"


# -- headers, logs ------------------------------------------------------------------------------
def test_requests_carry_token_user_agent_and_timeouts(rig: Rig) -> None:
    rig.amazon.always("GET", LABEL, reply(200, {"payload": LABEL_BODY}))
    rig.api.shipping_v1.get_shipping_label("PO1")
    (request,) = rig.amazon.sent_to(LABEL)
    assert request.headers["x-amz-access-token"] == "Atza|access-1"
    assert f"PackingStation/{__version__}" in request.headers["user-agent"]
    timeout = request.extensions["timeout"]
    assert all(timeout[k] is not None for k in ("connect", "read", "write", "pool"))


def test_failures_are_logged_with_the_request_id_and_without_secrets(
    bounded: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="station.spapi")
    bounded.amazon.queue(
        "GET", LABEL, reply(503, {"errors": [{"code": "Busy", "message": "x"}]}, request_id="rid-a")
    )
    bounded.amazon.queue(
        "GET",
        LABEL,
        reply(404, {"errors": [{"code": "NotFound", "message": "1 Main St"}]}, request_id="rid-b"),
    )
    with pytest.raises(NotFoundError):
        bounded.api.shipping_v1.get_shipping_label("PO1")
    text = caplog.text
    assert "rid-a" in text and "rid-b" in text
    for secret in ("Atza|access", "SECRET", "1 Main St"):
        assert secret not in text


# -- client-side rate limiting -------------------------------------------------------------------
def test_the_bucket_lets_a_burst_through_then_paces() -> None:
    clock = FakeClock()
    sleep = FakeSleep(clock)
    limiter = RateLimiter(clock=clock, sleep=sleep)
    # The client keeps one token and 5 % of the rate in hand under Amazon's 10 rps / burst 10.
    waits = [limiter.acquire("getShippingLabel") for _ in range(12)]
    assert waits[:9] == [0.0] * 9
    assert waits[9] == pytest.approx(1 / 9.5)
    tokens = [limiter.acquire("createRestrictedDataToken") for _ in range(11)]
    assert tokens[:9] == [0.0] * 9
    assert tokens[9] == pytest.approx(1 / 0.95)


def test_the_client_never_paces_above_the_quota() -> None:
    clock = FakeClock()
    sleep = FakeSleep(clock)
    limiter = RateLimiter(clock=clock, sleep=sleep)
    start = clock.now
    for _ in range(200):
        limiter.acquire("getShippingLabel")
    # 200 calls at 10 rps with a burst of 10 need at least 19 s; the client takes a little more.
    assert clock.now - start >= 19.0
    assert clock.now - start == pytest.approx((200 - 9) / 9.5)


def test_limits_are_configurable_and_can_be_switched_off() -> None:
    clock = FakeClock()
    sleep = FakeSleep(clock)
    custom = RateLimiter({"getOrder": RateLimit(2.0, 1)}, clock=clock, sleep=sleep)
    assert custom.acquire("getOrder") == 0.0
    assert custom.acquire("getOrder") == pytest.approx(1 / 1.9)
    off = RateLimiter(enabled=False, clock=clock, sleep=sleep)
    assert all(off.acquire("getOrder") == 0.0 for _ in range(100))


def test_the_client_waits_on_its_bucket() -> None:
    rig = make_rig(rate_limiting=True)
    try:
        rig.amazon.always("GET", LABEL, reply(200, {"payload": LABEL_BODY}))
        for _ in range(11):
            rig.api.shipping_v1.get_shipping_label("PO1")
        assert rig.sleep.calls == [pytest.approx(1 / 9.5), pytest.approx(1 / 9.5)]
    finally:
        rig.client.close()

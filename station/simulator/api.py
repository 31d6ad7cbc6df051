"""The SP-API surface of the simulator: routes, authorisation, usage plans and handlers.

Transport-free on purpose: ``SimulatorApp.handle`` takes an ``ApiRequest`` and returns an
``ApiResponse``, so the HTTP server stays a thin shell (faults, connections) and the rules can be
read in one place. Paths, envelopes and error shapes follow Amazon's published models: v1 answers
wrap their payload in ``{"payload": …}``, 2021-12-28 answers do not, and errors are always
``{"errors": [{"code", "message", "details"}]}``.
"""

from __future__ import annotations

import base64
import json
import random
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl

from station.simulator import shapes
from station.simulator.auth import TokenIssuer
from station.simulator.mcf import McfSimulator
from station.simulator.orderbook import WAREHOUSES_BY_ID, SimOrder
from station.simulator.ratelimit import DF_PLAN, MCF_PLAN, TOKENS_PLAN, RateLimiter, UsagePlan
from station.simulator.state import LabelSet, SimulatorState
from station.simulator.wire import (
    V1,
    V2021,
    ApiFailure,
    error,
    errors_json,
    invalid,
    not_found,
    order_json,
    wrap,
)

LIST_WINDOW = timedelta(days=7)
DEFAULT_LIMIT = 50
RESTRICTED_OPERATIONS = frozenset(
    {
        "getOrders",
        "getOrder",
        "getShippingLabels",
        "getShippingLabel",
        "getPackingSlips",
        "getPackingSlip",
        "getCustomerInvoices",
        "getCustomerInvoice",
        "createShippingLabels",
    }
)
LWA_PATH = "/auth/o2/token"


@dataclass(frozen=True)
class ApiRequest:
    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""

    @classmethod
    def build(cls, method: str, target: str, headers: Mapping[str, str], body: bytes) -> ApiRequest:
        path, _, query = target.partition("?")
        return cls(
            method.upper(),
            path,
            dict(parse_qsl(query, keep_blank_values=True)),
            {k.lower(): v for k, v in headers.items()},
            body,
        )

    def json(self) -> Any:
        if not self.body.strip():
            raise invalid("The request body is missing.", "Send a JSON body.")
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise invalid("The request body is not valid JSON.", str(exc)[:200]) from None


@dataclass
class ApiResponse:
    status: int
    body: bytes
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of_json(cls, status: int, data: Any, **headers: str) -> ApiResponse:
        return cls(status, json.dumps(data, separators=(",", ":")).encode(), headers=headers)


Handler = Callable[["SimulatorApp", ApiRequest, dict[str, str], str], tuple[int, Any]]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    operation: str
    version: str  # "v1", "2021-12-28" or "tokens"
    handler: Handler
    plan: UsagePlan = DF_PLAN

    @property
    def restricted(self) -> bool:
        return self.operation in RESTRICTED_OPERATIONS


def _route(method: str, template: str, operation: str, version: str, handler: Handler) -> Route:
    regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", template.replace("{version}", version))
    plan = TOKENS_PLAN if version == "tokens" else DF_PLAN
    return Route(method, re.compile(regex), operation, version, handler, plan)


# -- list helpers ----------------------------------------------------------------------------


def _date(query: Mapping[str, str], name: str) -> datetime:
    raw = query.get(name)
    if raw is None or raw == "":
        raise invalid("The request is invalid.", f"{name} is required.")
    parsed = shapes.parse_datetime(raw)
    if parsed is None:
        raise invalid("The request is invalid.", f"{name} {raw!r} is not an ISO 8601 date-time.")
    return parsed


@dataclass(frozen=True)
class ListQuery:
    after: datetime
    before: datetime
    limit: int
    descending: bool
    offset: int
    ship_from: str | None

    @classmethod
    def parse(cls, query: Mapping[str, str], default_sort: str = "ASC") -> ListQuery:
        after, before = _date(query, "createdAfter"), _date(query, "createdBefore")
        if after > before:
            raise invalid("The request is invalid.", "createdAfter is later than createdBefore.")
        if before - after > LIST_WINDOW:
            raise invalid(
                "The request is invalid.",
                "createdAfter and createdBefore must be at most 7 days apart.",
            )
        raw_limit = query.get("limit", str(DEFAULT_LIMIT))
        if not re.fullmatch(r"\d{1,4}", raw_limit) or not 1 <= int(raw_limit) <= 100:
            raise invalid("The request is invalid.", "limit must be an integer from 1 to 100.")
        sort = query.get("sortOrder", default_sort)
        if sort not in ("ASC", "DESC"):
            raise invalid("The request is invalid.", "sortOrder must be ASC or DESC.")
        return cls(
            after,
            before,
            int(raw_limit),
            sort == "DESC",
            _offset(query.get("nextToken")),
            query.get("shipFromPartyId") or None,
        )

    def page(self, items: list[Any]) -> tuple[list[Any], dict[str, str] | None]:
        chunk = items[self.offset : self.offset + self.limit]
        end = self.offset + self.limit
        return chunk, ({"nextToken": _token(end)} if end < len(items) else None)


def _token(offset: int) -> str:
    return base64.b64encode(f"{offset:010d}".encode()).decode()


def _offset(token: str | None) -> int:
    if token is None or token == "":
        return 0
    try:
        text = base64.b64decode(token.encode(), validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        text = ""
    if not re.fullmatch(r"\d{10}", text):
        raise invalid("The request is invalid.", "nextToken is not a token this API returned.")
    return int(text)


def _with_pagination(key: str, items: list[Any], pagination: dict[str, str] | None) -> Any:
    out: dict[str, Any] = {key: items}
    if pagination:
        out["pagination"] = pagination
    return out


def _body(request: ApiRequest, shape: shapes.Shape) -> dict[str, Any]:
    body = request.json()
    problems = shapes.check(shape, body)
    if problems:
        raise invalid("The request is invalid.", "; ".join(problems[:10]))
    assert isinstance(body, dict)
    return body


# -- handlers --------------------------------------------------------------------------------


def get_orders(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], version: str) -> Any:
    query = ListQuery.parse(req.query)
    status = req.query.get("status")
    if status is not None and status not in ("NEW", "SHIPPED", "ACCEPTED", "CANCELLED"):
        raise invalid(
            "The request is invalid.", "status must be NEW, SHIPPED, ACCEPTED or CANCELLED."
        )
    include = req.query.get("includeDetails", "true").lower()
    if include not in ("true", "false"):
        raise invalid("The request is invalid.", "includeDetails must be true or false.")
    with app.state.lock:
        found = [
            o
            for o in app.state.orders.values()
            if query.after <= o.order_date <= query.before
            and (status is None or o.status == status)
            and (query.ship_from is None or o.warehouse.party_id == query.ship_from)
        ]
        found.sort(key=lambda o: o.order_date, reverse=query.descending)
        chunk, pagination = query.page(found)
        orders = [order_json(o, version, details=include == "true") for o in chunk]
    return 200, _with_pagination("orders", orders, pagination)


def get_order(app: SimulatorApp, _r: ApiRequest, params: dict[str, str], version: str) -> Any:
    with app.state.lock:
        return 200, order_json(app.state.order(params["po"]), version)


def submit_acknowledgement(
    app: SimulatorApp, req: ApiRequest, _p: dict[str, str], version: str
) -> Any:
    body = _body(req, shapes.ACKNOWLEDGEMENTS)
    transaction = app.state.submit_acknowledgements(body["orderAcknowledgements"])
    return 202, {"transactionId": transaction.transaction_id}


def _label_json(app: SimulatorApp, label_set: LabelSet) -> dict[str, Any]:
    order = app.state.orders[label_set.purchase_order_number]
    label_data = []
    for package in label_set.packages:
        content = app.state.documents.label(
            order,
            label_format=label_set.label_format,
            package_identifier=package.package_identifier,
            tracking_number=package.tracking_number,
            ship_method=label_set.ship_method,
            index=package.index,
            count=package.count,
            weight=package.weight,
        )
        label_data.append(
            {
                "packageIdentifier": package.package_identifier,
                "trackingNumber": package.tracking_number,
                "shipMethod": label_set.ship_method.code,
                "shipMethodName": label_set.ship_method.name,
                "content": content,
            }
        )
    return {
        "purchaseOrderNumber": label_set.purchase_order_number,
        "sellingParty": {"partyId": order.warehouse.selling_party},
        "shipFromParty": {"partyId": order.warehouse.party_id},
        "labelFormat": label_set.label_format,
        "labelData": label_data,
    }


def get_shipping_labels(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    query = ListQuery.parse(req.query)
    found = app.state.labels_between(query.after, query.before, query.ship_from)
    found.sort(key=lambda s: s.created_at, reverse=query.descending)
    chunk, pagination = query.page(found)
    return 200, _with_pagination("shippingLabels", [_label_json(app, s) for s in chunk], pagination)


def submit_label_request(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    body = _body(req, shapes.label_requests(v))
    transaction = app.state.submit_label_requests(v, body["shippingLabelRequests"])
    return 202, {"transactionId": transaction.transaction_id}


def get_shipping_label(app: SimulatorApp, _r: ApiRequest, params: dict[str, str], v: str) -> Any:
    return 200, _label_json(app, app.state.label(params["po"]))


def create_shipping_labels(
    app: SimulatorApp, req: ApiRequest, params: dict[str, str], v: str
) -> Any:
    body = _body(req, shapes.create_labels(v))
    return 200, _label_json(app, app.state.create_labels(v, params["po"], body))


def submit_confirmations(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    body = _body(req, shapes.confirmations(v))
    transaction = app.state.submit_confirmations(body["shipmentConfirmations"])
    return 202, {"transactionId": transaction.transaction_id}


def submit_status_updates(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    body = _body(req, shapes.STATUS_UPDATES)
    transaction = app.state.submit_status_updates(body["shipmentStatusUpdates"])
    return 202, {"transactionId": transaction.transaction_id}


def _documents_of(
    app: SimulatorApp, req: ApiRequest, wanted: Callable[[SimOrder], bool]
) -> tuple[list[SimOrder], dict[str, str] | None]:
    query = ListQuery.parse(req.query)
    with app.state.lock:
        found = [
            o
            for o in app.state.orders.values()
            if wanted(o)
            and query.after <= o.order_date <= query.before
            and (query.ship_from is None or o.warehouse.party_id == query.ship_from)
        ]
    found.sort(key=lambda o: o.order_date, reverse=query.descending)
    return query.page(found)


def _slip_json(app: SimulatorApp, order: SimOrder) -> dict[str, Any]:
    return {
        "purchaseOrderNumber": order.purchase_order_number,
        "content": app.state.documents.packing_slip(order),
        "contentType": "application/pdf",
    }


def get_packing_slips(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    chunk, pagination = _documents_of(app, req, lambda o: o.is_pslip_required)
    return 200, _with_pagination("packingSlips", [_slip_json(app, o) for o in chunk], pagination)


def get_packing_slip(app: SimulatorApp, _r: ApiRequest, params: dict[str, str], v: str) -> Any:
    order = app.state.order(params["po"])
    if not order.is_pslip_required:
        raise not_found(f"Purchase order {order.purchase_order_number} needs no packing slip.")
    return 200, _slip_json(app, order)


def _invoice_json(app: SimulatorApp, order: SimOrder) -> dict[str, Any]:
    return {
        "purchaseOrderNumber": order.purchase_order_number,
        "content": app.state.documents.customer_invoice(order),
    }


def get_customer_invoices(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    chunk, pagination = _documents_of(app, req, lambda o: o.has_customer_invoice)
    return 200, _with_pagination(
        "customerInvoices", [_invoice_json(app, o) for o in chunk], pagination
    )


def get_customer_invoice(app: SimulatorApp, _r: ApiRequest, params: dict[str, str], v: str) -> Any:
    order = app.state.order(params["po"])
    if not order.has_customer_invoice:
        raise not_found(
            f"Purchase order {order.purchase_order_number} has no customer invoice.",
            "Customer invoices exist for India-region orders only.",
        )
    return 200, _invoice_json(app, order)


def create_container_label(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    body = _body(req, shapes.CONTAINER_LABEL)
    warehouse = WAREHOUSES_BY_ID.get(body["shipFromParty"]["partyId"])
    if warehouse is None:
        raise invalid("The request is invalid.", "shipFromParty.partyId is not a known warehouse.")
    container_id = body["vendorContainerId"]
    rng = random.Random(f"{app.state.seed}:container:{container_id}")
    tracking = "SWA" + "".join(rng.choice("0123456789") for _ in range(12))
    content = app.state.documents.container_label(
        label_format=warehouse.label_format,
        container_id=container_id,
        tracking_number=tracking,
        ship_from=warehouse.address,
    )
    return 200, {
        "containerLabel": {
            "containerTrackingNumber": tracking,
            "content": content,
            "format": warehouse.label_format,
        }
    }


def get_transaction(app: SimulatorApp, _r: ApiRequest, params: dict[str, str], v: str) -> Any:
    with app.state.lock:
        transaction = app.state.transaction(params["id"])
        found: dict[str, Any] = {
            "transactionId": transaction.transaction_id,
            "status": transaction.status,
        }
        if transaction.errors:
            errors = [dict(e) for e in transaction.errors]
            found["errors"] = errors if v == V1 else {"errors": errors}
    return 200, {"transactionStatus": found}


def create_rdt(app: SimulatorApp, req: ApiRequest, _p: dict[str, str], v: str) -> Any:
    body = _body(req, shapes.RESTRICTED_DATA_TOKEN)
    resources = [(r["method"], r["path"]) for r in body["restrictedResources"]]
    return 200, {"restrictedDataToken": app.tokens.issue_rdt(resources), "expiresIn": 3600}


def _routes() -> list[Route]:
    routes: list[Route] = []
    orders = "/vendor/directFulfillment/orders/{version}"
    shipping = "/vendor/directFulfillment/shipping/{version}"
    for version in (V1, V2021):
        routes += [
            _route("GET", f"{orders}/purchaseOrders", "getOrders", version, get_orders),
            _route("GET", f"{orders}/purchaseOrders/{{po}}", "getOrder", version, get_order),
            _route(
                "POST",
                f"{orders}/acknowledgements",
                "submitAcknowledgement",
                version,
                submit_acknowledgement,
            ),
            _route(
                "GET",
                f"{shipping}/shippingLabels",
                "getShippingLabels",
                version,
                get_shipping_labels,
            ),
            _route(
                "POST",
                f"{shipping}/shippingLabels",
                "submitShippingLabelRequest",
                version,
                submit_label_request,
            ),
            _route(
                "GET",
                f"{shipping}/shippingLabels/{{po}}",
                "getShippingLabel",
                version,
                get_shipping_label,
            ),
            _route(
                "POST",
                f"{shipping}/shipmentConfirmations",
                "submitShipmentConfirmations",
                version,
                submit_confirmations,
            ),
            _route(
                "POST",
                f"{shipping}/shipmentStatusUpdates",
                "submitShipmentStatusUpdates",
                version,
                submit_status_updates,
            ),
            _route(
                "GET",
                f"{shipping}/customerInvoices",
                "getCustomerInvoices",
                version,
                get_customer_invoices,
            ),
            _route(
                "GET",
                f"{shipping}/customerInvoices/{{po}}",
                "getCustomerInvoice",
                version,
                get_customer_invoice,
            ),
            _route(
                "GET", f"{shipping}/packingSlips", "getPackingSlips", version, get_packing_slips
            ),
            _route(
                "GET",
                f"{shipping}/packingSlips/{{po}}",
                "getPackingSlip",
                version,
                get_packing_slip,
            ),
            _route(
                "GET",
                f"/vendor/directFulfillment/transactions/{version}/transactions/{{id}}",
                "getTransactionStatus",
                version,
                get_transaction,
            ),
        ]
    routes += [
        _route(
            "POST",
            f"{shipping}/shippingLabels/{{po}}",
            "createShippingLabels",
            V2021,
            create_shipping_labels,
        ),
        _route(
            "POST",
            f"{shipping}/containerLabel",
            "createContainerLabel",
            V2021,
            create_container_label,
        ),
        _route(
            "POST",
            "/tokens/2021-03-01/restrictedDataToken",
            "createRestrictedDataToken",
            "tokens",
            create_rdt,
        ),
    ]
    return routes


ROUTES = _routes()


def error_response(failure: ApiFailure, **headers: str) -> ApiResponse:
    return ApiResponse.of_json(failure.status, failure.to_json(), **headers)


def request_id() -> str:
    return str(uuid.uuid4())


class SimulatorApp:
    """The stateful DF API: one per server, shared by all connection threads."""

    def __init__(self, state: SimulatorState, tokens: TokenIssuer, limiter: RateLimiter) -> None:
        self.state = state
        self.tokens = tokens
        self.limiter = limiter
        self.mcf = McfSimulator(state.now, state.lock, store=state.config.mcf_state)

    def match(self, request: ApiRequest) -> tuple[Route, dict[str, str]] | None:
        for route in ROUTES:
            found = route.pattern.fullmatch(request.path)
            if found and route.method == request.method:
                return route, found.groupdict()
        return None

    def handle(self, request: ApiRequest) -> ApiResponse:
        if request.path == LWA_PATH:
            return self.login(request)
        if self.mcf.owns(request.path):
            return self.fulfillment(request)
        matched = self.match(request)
        if matched is None:
            return error_response(
                ApiFailure(404, "NotFound", "The requested resource does not exist.")
            )
        route, params = matched
        rate = {"x-amzn-RateLimit-Limit": route.plan.header}
        grant = self.tokens.grant(request.headers.get("x-amz-access-token"))
        if grant is None:
            return error_response(
                ApiFailure(
                    403,
                    "Unauthorized",
                    "Access to requested resource is denied.",
                    "The access token you provided is revoked, malformed or invalid.",
                ),
                **rate,
            )
        if not self.tokens.allows(grant, request.method, request.path, route.restricted):
            return error_response(
                ApiFailure(
                    403,
                    "Unauthorized",
                    "Access to requested resource is denied.",
                    f"{route.operation} is a restricted operation: call it with a Restricted "
                    "Data Token covering this method and path.",
                ),
                **rate,
            )
        if not self.limiter.allow(f"{route.version}:{route.operation}", route.plan):
            return self.throttled(route.plan)
        try:
            status, payload = route.handler(self, request, params, route.version)
        except ApiFailure as failure:
            return error_response(failure, **rate)
        if route.version == "tokens":
            return ApiResponse.of_json(status, payload, **rate)
        return ApiResponse.of_json(status, wrap(route.version, payload), **rate)

    def fulfillment(self, request: ApiRequest) -> ApiResponse:
        """Multi-Channel Fulfillment (seller side): LWA token, MCF usage plan, ``mcf`` module."""
        rate = {"x-amzn-RateLimit-Limit": MCF_PLAN.header}
        if self.tokens.grant(request.headers.get("x-amz-access-token")) is None:
            return error_response(
                ApiFailure(403, "Unauthorized", "Access to requested resource is denied."), **rate
            )
        if not self.limiter.allow(self.mcf.operation(request.method, request.path), MCF_PLAN):
            return self.throttled(MCF_PLAN)
        try:
            status, payload = self.mcf.handle(
                request.method, request.path, dict(request.query), request.body
            )
        except ApiFailure as failure:
            return error_response(failure, **rate)
        return ApiResponse.of_json(status, payload, **rate)

    @staticmethod
    def throttled(plan: UsagePlan = DF_PLAN) -> ApiResponse:
        return ApiResponse.of_json(
            429,
            errors_json(
                [error("QuotaExceeded", "You exceeded your quota for the requested resource.")]
            ),
            **{"x-amzn-RateLimit-Limit": plan.header},
        )

    def login(self, request: ApiRequest) -> ApiResponse:
        """LWA: any client and refresh token (or authorization code) gets a fresh access token."""
        if request.method != "POST":
            return ApiResponse.of_json(405, {"error": "invalid_request"})
        form = dict(parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True))
        grant_type = form.get("grant_type")
        needed = {"refresh_token": "refresh_token", "authorization_code": "code"}.get(
            grant_type or ""
        )
        if needed is None:
            return ApiResponse.of_json(
                400,
                {
                    "error": "unsupported_grant_type",
                    "error_description": "grant_type must be refresh_token or authorization_code",
                },
            )
        missing = [n for n in (needed, "client_id", "client_secret") if not form.get(n)]
        if missing:
            return ApiResponse.of_json(
                400,
                {
                    "error": "invalid_request",
                    "error_description": f"The request is missing {', '.join(missing)}",
                },
            )
        refresh = form.get("refresh_token") or self.tokens.issue_refresh_token()
        return ApiResponse.of_json(
            200,
            {
                "access_token": self.tokens.issue_access_token(),
                "token_type": "bearer",
                "expires_in": 3600,
                "refresh_token": refresh,
            },
        )

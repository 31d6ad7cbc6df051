"""The ``/_simulator/`` endpoints: what tests and trainers ask the simulator directly.

=================================  ============================================================
endpoint                           what it does
=================================  ============================================================
GET  /_simulator/health            ``{"ok": true, "mode", "seed", "orders"}``
GET  /_simulator/orders            every PO with its state and traits, plus ``scannable`` POs
GET  /_simulator/record[?po=PO]    everything received and decided, per PO, and transactions
POST /_simulator/reset             ``{"seed"?, "orders"?}``: a fresh book; history forgotten
GET  /_simulator/faults            the fault settings
POST /_simulator/faults            change some fault settings (camelCase names, see FaultConfig)
POST /_simulator/network           ``{"cut": bool, "mode": "drop"|"refuse", "restoreAfterMs"?}``
POST /_simulator/clock             ``{"advanceSeconds": N}``: move the simulator's clock forward
GET  /_simulator/mcf               MCF record: every create attempt, every order, FBA stock
POST /_simulator/mcf/stock         ``{"SKU": quantity, ...}``: set FBA stock
=================================  ============================================================

Admin requests are never throttled, delayed or broken by fault injection.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

from station.simulator.api import ApiRequest, ApiResponse
from station.simulator.wire import ApiFailure, invalid

if TYPE_CHECKING:
    from station.simulator.server import SimulatorServer


def _json_body(request: ApiRequest) -> dict[str, Any]:
    if not request.body.strip():
        return {}
    try:
        body = json.loads(request.body)
    except ValueError:
        raise invalid("The admin request body is not valid JSON.") from None
    if not isinstance(body, dict):
        raise invalid("The admin request body must be a JSON object.")
    return body


def _int(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise invalid(f"{name} must be an integer.")
    return value


def handle_admin(sim: SimulatorServer, request: ApiRequest) -> ApiResponse:
    name = request.path.removeprefix("/_simulator/").rstrip("/")
    method = request.method
    state = sim.state
    if (method, name) == ("GET", "health"):
        return ApiResponse.of_json(
            200,
            {
                "ok": True,
                "mode": "static-sandbox" if sim.sandbox is not None else "stateful",
                "seed": state.seed,
                "orders": state.order_count,
            },
        )
    if (method, name) == ("GET", "orders"):
        return ApiResponse.of_json(
            200, {"orders": state.summary(), "scannable": state.scannable(5)}
        )
    if (method, name) == ("GET", "record"):
        po = request.query.get("po")
        return ApiResponse.of_json(200, state.record_json(po))
    if (method, name) == ("POST", "reset"):
        body = _json_body(request)
        state.reseed(_int(body, "seed"), _int(body, "orders"))
        sim.app.mcf.reset()
        sim.limiter.reset()
        return ApiResponse.of_json(
            200,
            {"seed": state.seed, "orders": state.order_count, "scannable": state.scannable(5)},
        )
    if name == "faults" and method in ("GET", "POST"):
        if method == "POST":
            sim.set_faults(sim.faults.config.updated(_json_body(request)))
        return ApiResponse.of_json(
            200, {**sim.faults.config.to_json(), "networkCut": sim.faults.network_cut}
        )
    if (method, name) == ("POST", "network"):
        body = _json_body(request)
        cut = body.get("cut")
        if not isinstance(cut, bool):
            raise invalid("cut must be true or false.")
        if cut:
            mode = body.get("mode", "drop")
            restore_after = _int(body, "restoreAfterMs")
            if mode == "refuse" and restore_after is None:
                raise invalid(
                    "A refusing cut over the admin endpoint needs restoreAfterMs.",
                    "Nobody could reach the endpoint to restore it; or use the Python API.",
                )
            sim.cut_network(str(mode))
            if restore_after is not None:
                timer = threading.Timer(restore_after / 1000, sim.restore_network)
                timer.daemon = True
                timer.start()
        else:
            sim.restore_network()
        return ApiResponse.of_json(200, {"networkCut": sim.faults.network_cut})
    if (method, name) == ("POST", "cancel"):
        po = _json_body(request).get("purchaseOrderNumber")
        if not isinstance(po, str) or not po:
            raise invalid("purchaseOrderNumber must be a PO number.")
        order = state.cancel_order(po)
        return ApiResponse.of_json(
            200, {"purchaseOrderNumber": order.purchase_order_number, "status": order.status}
        )
    if (method, name) == ("POST", "clock"):
        seconds = _json_body(request).get("advanceSeconds")
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0:
            raise invalid("advanceSeconds must be a non-negative number.")
        state.advance_clock(float(seconds))
        return ApiResponse.of_json(200, {"now": state.now().isoformat()})
    if (method, name) == ("GET", "mcf"):
        return ApiResponse.of_json(200, sim.app.mcf.record_json())
    if (method, name) == ("POST", "mcf/stock"):
        sim.app.mcf.set_stock(_json_body(request))
        return ApiResponse.of_json(200, sim.app.mcf.record_json()["stock"])
    raise ApiFailure(404, "NotFound", f"No admin endpoint {method} {request.path}.")

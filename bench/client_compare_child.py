"""Run by bench/client_overhead.py with bench/.venv-compare's Python (python-amazon-sp-api
installed there, never in the station's environment): time getShippingLabel with
python-amazon-sp-api and with plain httpx from that same environment, print JSON on stdout.

    bench/.venv-compare/bin/python bench/client_compare_child.py BASE_URL PO RDT CALLS ROUNDS

How python-amazon-sp-api is pointed at the simulator, without touching the library's code:
* the SP-API endpoint: ``Client.endpoint`` is a plain instance attribute set from the marketplace
  in ``__init__``; it is overwritten on the instance after construction;
* the LWA token URL: ``AccessTokenClient`` builds it from its class attributes ``scheme``, ``host``
  and ``path``; a subclass with the simulator's scheme and host is passed as
  ``auth_token_client_class`` (a documented constructor argument);
* the RDT: passed as ``restricted_data_token``, as the library's users do for restricted calls.
The library derives the ``host`` header from ``endpoint[8:]`` (it assumes ``https://``): with
``http://`` that header is wrong by one character, which the simulator ignores.
"""

from __future__ import annotations

import json
import sys
import time
from urllib.parse import urlsplit

import httpx

V = "2021-12-28"


def main() -> int:
    base_url, po, rdt = sys.argv[1:4]
    calls, rounds = int(sys.argv[4]), int(sys.argv[5])
    from sp_api.api import VendorDirectFulfillmentShippingV20211228
    from sp_api.auth import AccessTokenClient
    from sp_api.base import Marketplaces

    parts = urlsplit(base_url)

    class SimulatorTokens(AccessTokenClient):  # type: ignore[misc]
        scheme = f"{parts.scheme}://"
        host = parts.netloc

    client = VendorDirectFulfillmentShippingV20211228(
        Marketplaces.US,
        refresh_token="r",
        credentials={"lwa_app_id": "c", "lwa_client_secret": "s"},
        restricted_data_token=rdt,
        auth_token_client_class=SimulatorTokens,
    )
    client.endpoint = base_url
    path = f"/vendor/directFulfillment/shipping/{V}/shippingLabels/{po}"
    plain = httpx.Client(base_url=base_url, timeout=30)

    def with_library() -> None:
        response = client.get_shipping_label(po)
        assert response.payload["purchaseOrderNumber"] == po, response.payload

    def with_httpx() -> None:
        response = plain.get(path, headers={"x-amz-access-token": rdt})
        response.raise_for_status()
        assert response.json()["purchaseOrderNumber"] == po

    results: dict[str, list[float]] = {"library": [], "httpx": []}
    with_library()
    with_httpx()
    for _ in range(rounds):
        for name, run in (("library", with_library), ("httpx", with_httpx)):
            started = time.perf_counter()
            for _ in range(calls):
                run()
            results[name].append(time.perf_counter() - started)
    plain.close()
    client.close()
    from importlib import metadata

    version = metadata.version("python-amazon-sp-api")
    print(json.dumps({**results, "version": version, "httpx_version": httpx.__version__}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

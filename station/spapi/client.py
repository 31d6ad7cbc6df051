"""The composition of the SP-API layer: one shared request path, LWA, the RDT cache and a client
per API and version, built once (in the composition root) and passed to whoever needs it."""

from __future__ import annotations

import dataclasses
import os
import random
import time
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from types import TracebackType

import httpx

from station.errors import ConfigError
from station.secrets import CredentialsProvider, LwaCredentials
from station.spapi.auth import LwaAuth
from station.spapi.endpoints import Endpoints, resolve_endpoints
from station.spapi.http import DEFAULT_TIMEOUT, RetryPolicy, SpApiHttp
from station.spapi.models.tokens import RestrictedResource
from station.spapi.orders import Orders2021Client, OrdersV1Client
from station.spapi.ratelimit import DEFAULT_LIMITS, RateLimit, RateLimiter
from station.spapi.rdt import RdtCache
from station.spapi.shipping import Shipping2021Client, ShippingV1Client
from station.spapi.tokens import TokensClient
from station.spapi.transactions import Transactions2021Client, TransactionsV1Client
from station.spapi.transport import bounded_transport

__all__ = ["SpApi", "build_client"]


class SpApi:
    """Every DF client, sharing one HTTP client, one LWA token cache and one RDT cache."""

    def __init__(
        self,
        http: SpApiHttp,
        *,
        auth: LwaAuth | None = None,
        use_rdt: bool = True,
        clock: Callable[[], float] = time.monotonic,
        owned_client: httpx.Client | None = None,
    ) -> None:
        self.http = http
        self.auth = auth
        self.tokens = TokensClient(http)
        self.rdt: RdtCache | None = (
            RdtCache(self.tokens.create_restricted_data_token, clock=clock) if use_rdt else None
        )
        self.shipping_v1 = ShippingV1Client(http, self.rdt)
        self.shipping_2021 = Shipping2021Client(http, self.rdt)
        self.orders_v1 = OrdersV1Client(http, self.rdt)
        self.orders_2021 = Orders2021Client(http, self.rdt)
        self.transactions_v1 = TransactionsV1Client(http)
        self.transactions_2021 = Transactions2021Client(http)
        self._owned_client = owned_client

    def __repr__(self) -> str:
        return f"SpApi(base_url={self.http.base_url!r}, rdt={self.rdt is not None})"

    def prefetch(self, resources: Iterable[RestrictedResource | tuple[str, str]]) -> int:
        """Authorise many restricted resources at once; returns the Tokens calls made."""
        if self.rdt is None:
            return 0
        return self.rdt.prefetch(resources)

    def authorise_every_purchase_order(self, *, v1: bool = True) -> int:
        """One Tokens call for the order, label, slip and invoice of every PO: the generic paths
        (a ``{purchaseOrderNumber}`` segment) the Tokens API accepts beside specific ones. Used
        where the Tokens quota (1 request/s for the whole app) is shared by several benches."""
        shipping = self.shipping_v1 if v1 else self.shipping_2021
        orders = self.orders_v1 if v1 else self.orders_2021
        marker = "PO0GENERIC0"
        specific = [*orders.restricted_paths(marker), *shipping.restricted_paths(marker)]
        if not v1:  # createShippingLabels (POST, one PO) answers with the label: restricted too
            specific.append(("POST", f"{shipping.base_path}/shippingLabels/{marker}"))
        generic = "{purchaseOrderNumber}"
        return self.prefetch([(method, path.replace(marker, generic)) for method, path in specific])

    def prefetch_purchase_orders(self, purchase_orders: Iterable[str], *, v1: bool = True) -> int:
        """Pre-authorise the order, label, slip and invoice of each PO (50 paths per call)."""
        shipping = self.shipping_v1 if v1 else self.shipping_2021
        orders = self.orders_v1 if v1 else self.orders_2021
        paths: list[tuple[str, str]] = []
        for po in purchase_orders:
            paths.extend(orders.restricted_paths(po))
            paths.extend(shipping.restricted_paths(po))
        return self.prefetch(paths)

    def close(self) -> None:
        if self._owned_client is not None:
            self._owned_client.close()

    def __enter__(self) -> SpApi:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def build_client(
    credentials: CredentialsProvider | LwaCredentials | None,
    *,
    region: str = "na",
    sandbox: bool = False,
    endpoints: Endpoints | None = None,
    environ: Mapping[str, str] | None = None,
    http_client: httpx.Client | None = None,
    token_client: httpx.Client | None = None,
    rate_limits: Mapping[str, RateLimit] | None = None,
    rate_limiting: bool = True,
    retry: RetryPolicy | None = None,
    use_rdt: bool = True,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    rng: random.Random | None = None,
) -> SpApi:
    """Wire the SP-API layer; STATION_SPAPI_URL, STATION_LWA_URL and STATION_HTTP_DEADLINE are
    read now, not at import.

    ``credentials=None`` sends no access token (for a local simulator that needs none).
    ``http_client`` is injected in tests (``httpx.Client(transport=httpx.MockTransport(...))``);
    when omitted a client is created and closed by ``SpApi.close()``.
    """
    ends = endpoints or resolve_endpoints(region, sandbox=sandbox, environ=environ)
    retry = _deadlines_from(environ, retry)
    owned = None
    if http_client is None:
        http_client = owned = _bounded_client(ends)
    limits = dict(DEFAULT_LIMITS)
    limits.update(rate_limits or {})
    auth = (
        None
        if credentials is None
        else LwaAuth(
            credentials,
            token_client=token_client or http_client,
            lwa_url=ends.lwa_url,
            clock=clock,
            sleep=sleep,
        )
    )
    http = SpApiHttp(
        http_client,
        ends.spapi_url,
        auth=auth,
        rate_limiter=RateLimiter(limits, enabled=rate_limiting, clock=clock, sleep=sleep),
        retry=retry,
        clock=clock,
        sleep=sleep,
        rng=rng,
    )
    return SpApi(http, auth=auth, use_rdt=use_rdt, clock=clock, owned_client=owned)


#: Environment variable: the longest one SP-API operation may take, in seconds, all attempts and
#: waits included; one attempt gets half of it.
DEADLINE_VARIABLE = "STATION_HTTP_DEADLINE"


def _deadlines_from(environ: Mapping[str, str] | None, retry: RetryPolicy | None) -> RetryPolicy:
    policy = retry or RetryPolicy()
    raw = (os.environ if environ is None else environ).get(DEADLINE_VARIABLE, "").strip()
    if not raw:
        return policy
    try:
        seconds = float(raw)
    except ValueError:
        seconds = float("nan")
    if not 1.0 <= seconds <= 3600.0:
        raise ConfigError(
            f"{DEADLINE_VARIABLE}={raw!r} is not a number of seconds between 1 and 3600",
            hint=f"Set {DEADLINE_VARIABLE} to the longest one request may take, e.g. 60.",
        )
    return dataclasses.replace(policy, operation_deadline=seconds, attempt_deadline=seconds / 2)


def _bounded_client(ends: Endpoints) -> httpx.Client:
    """An httpx client whose every connection, through a proxy or not, has the station's caps
    and deadlines (``station.spapi.transport``).

    httpx would mount its own, unbounded, transports for proxies found in the environment; so
    the environment is read here (``HTTPS_PROXY``, ``NO_PROXY``, …, as urllib reads them) for
    the two hosts the station talks to, and each gets a bounded transport.
    """
    proxies = urllib.request.getproxies()
    mounts: dict[str, httpx.BaseTransport | None] = {}
    for url in (ends.spapi_url, ends.lwa_url):
        parsed = httpx.URL(url)
        proxy = proxies.get(parsed.scheme)
        if proxy and not urllib.request.proxy_bypass(parsed.host):
            mounts[f"{parsed.scheme}://{parsed.host}"] = bounded_transport(proxy=proxy)
    return httpx.Client(
        timeout=DEFAULT_TIMEOUT, transport=bounded_transport(), mounts=mounts, trust_env=False
    )

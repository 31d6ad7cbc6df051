"""The SP-API client for Vendor Direct Fulfillment: LWA, Restricted Data Tokens, DF Shipping,
Orders and Transactions (v1 and 2021-12-28) and Tokens. No Qt here; calls are synchronous and are
meant to run on a worker thread.

Build it once with ``build_client(...)`` and use ``api.shipping_v1.get_shipping_label(po)`` etc.
Every failure is a ``station.errors.StationError``; nothing from httpx leaks out.
"""

from station.spapi.auth import LwaAuth, exchange_authorization_code
from station.spapi.client import SpApi, build_client
from station.spapi.content import DecodedDocument, decode_document, sniff
from station.spapi.endpoints import Endpoints, resolve_endpoints
from station.spapi.http import ApiResponse, RetryPolicy, SpApiHttp
from station.spapi.orders import Orders2021Client, OrdersV1Client
from station.spapi.pagination import date_windows
from station.spapi.ratelimit import RateLimit, RateLimiter
from station.spapi.rdt import RdtCache
from station.spapi.shipping import Shipping2021Client, ShippingV1Client
from station.spapi.tokens import TokensClient
from station.spapi.transactions import Transactions2021Client, TransactionsV1Client

__all__ = [
    "ApiResponse",
    "DecodedDocument",
    "Endpoints",
    "LwaAuth",
    "Orders2021Client",
    "OrdersV1Client",
    "RateLimit",
    "RateLimiter",
    "RdtCache",
    "RetryPolicy",
    "Shipping2021Client",
    "ShippingV1Client",
    "SpApi",
    "SpApiHttp",
    "TokensClient",
    "Transactions2021Client",
    "TransactionsV1Client",
    "build_client",
    "date_windows",
    "decode_document",
    "exchange_authorization_code",
    "resolve_endpoints",
    "sniff",
]

"""Hand-written pydantic models of the DF Shipping, Orders, Transactions and Tokens APIs.

One module per API and version; shared shapes live in ``*_common`` modules. Import the version you
call, e.g. ``from station.spapi.models import shipping_v1``.
"""

from station.spapi.models import (
    common,
    orders_2021,
    orders_v1,
    shipping_2021,
    shipping_v1,
    tokens,
    transactions,
)

__all__ = [
    "common",
    "orders_2021",
    "orders_v1",
    "shipping_2021",
    "shipping_v1",
    "tokens",
    "transactions",
]

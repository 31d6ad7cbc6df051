"""DF Orders v1 models (responses wrapped in ``payload``). Same shapes as 2021-12-28."""

from station.spapi.models.orders_common import *  # noqa: F403
from station.spapi.models.orders_common import __all__ as __all__

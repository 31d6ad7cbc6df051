"""DF Orders 2021-12-28 models (responses not wrapped). Same shapes as v1 plus the 2021 extras
(``hasCustomizableItems``, ``buyerCustomizedInfo``), which are optional and so shared."""

from station.spapi.models.orders_common import *  # noqa: F403
from station.spapi.models.orders_common import __all__ as __all__

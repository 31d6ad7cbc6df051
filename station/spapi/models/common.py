"""Building blocks shared by every SP-API model: the base class, Decimal strings, errors, pages.

Amazon's models name fields in camelCase; Python code uses snake_case. The base class maps one to
the other with an alias generator, so ``model_dump(by_alias=True, exclude_none=True, mode="json")``
yields exactly the wire format while the code reads naturally.
"""

from __future__ import annotations

import decimal
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, PlainSerializer, StringConstraints
from pydantic.alias_generators import to_camel

__all__ = [
    "ApiModel",
    "DecimalString",
    "Error",
    "ErrorList",
    "Pagination",
    "PostalAddress",
    "PurchaseOrderNumber",
    "TransactionReference",
    "to_wire",
]

# Amazon's "Decimal": a JSON string holding a number without precision loss (RFC 7159 syntax).
_DECIMAL_RE = re.compile(r"^-?(0|([1-9]\d*))(\.\d+)?([eE][+-]?\d+)?$")


def _to_decimal(value: Any) -> decimal.Decimal:
    # Accept what people write (Decimal, int, "12.5"); reject floats, whose binary rounding would
    # silently change a weight or a price.
    if isinstance(value, (bool, float)):
        raise ValueError("a decimal must be given as a string, int or Decimal, not a float")
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise ValueError("a decimal must be finite")
        return value
    if isinstance(value, int):
        return decimal.Decimal(value)
    if isinstance(value, str) and _DECIMAL_RE.match(value.strip()):
        return decimal.Decimal(value.strip())
    raise ValueError("not a decimal number string")


def _decimal_to_str(value: decimal.Decimal) -> str:
    return format(value, "f")


DecimalString = Annotated[
    decimal.Decimal,
    BeforeValidator(_to_decimal),
    PlainSerializer(_decimal_to_str, return_type=str, when_used="json"),
]

# Shipping's models constrain purchase order numbers; the same rule keeps them safe in URL paths.
PurchaseOrderNumber = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z0-9]+$")]


class ApiModel(BaseModel):
    """Base of every SP-API model: camelCase on the wire, snake_case in Python.

    Extra fields are kept, not rejected: Amazon adds fields without a new API version, and a packer
    must not be stopped by a field nobody reads. Wrong types are still rejected.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        frozen=False,
    )

    def to_wire(self) -> dict[str, Any]:
        """The JSON body Amazon expects: aliases, no ``None`` fields, Decimals as strings."""
        return to_wire(self)


def to_wire(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(by_alias=True, exclude_none=True, mode="json")


class PostalAddress(ApiModel):
    """What every SP-API address (DF orders and shipping, Fulfillment Outbound) has in common;
    each model's ``Address`` adds or tightens its own fields. An address is a customer's
    personal data: its repr (logs, tracebacks) shows the country and nothing else."""

    name: str
    address_line1: str
    address_line2: str | None = None
    address_line3: str | None = None
    city: str | None = None
    state_or_region: str | None = None
    postal_code: str | None = None
    country_code: str
    phone: str | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(country_code={self.country_code!r}, ...)"

    __str__ = __repr__


class Error(ApiModel):
    code: str
    message: str
    details: str | None = None


class ErrorList(ApiModel):
    errors: list[Error]


class Pagination(ApiModel):
    next_token: str | None = None


class TransactionReference(ApiModel):
    transaction_id: str | None = None

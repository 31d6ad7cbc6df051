"""DF Transactions models (v1 and 2021-12-28 share them; v1 wraps them in ``payload``).

A 202 from a submit operation only means "received": the transaction can still fail later (e.g.
``EMPTY_PACKAGES``), which is why the caller polls ``getTransactionStatus``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from station.spapi.models.common import ApiModel, Error

__all__ = ["Transaction", "TransactionStatus"]


def _error_list(value: Any) -> Any:
    # v1 sends the errors as a bare array; 2021-12-28 wraps them: {"errors": [...]}.
    if isinstance(value, dict) and set(value) == {"errors"}:
        return value["errors"]
    return value


class Transaction(ApiModel):
    transaction_id: str
    status: Literal["Failure", "Processing", "Success"]
    errors: Annotated[list[Error] | None, BeforeValidator(_error_list)] = None


class TransactionStatus(ApiModel):
    transaction_status: Transaction | None = None

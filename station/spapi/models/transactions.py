"""DF Transactions models (v1 and 2021-12-28 share them; v1 wraps them in ``payload``).

A 202 from a submit operation only means "received": the transaction can still fail later (e.g.
``EMPTY_PACKAGES``), which is why the caller polls ``getTransactionStatus``.
"""

from __future__ import annotations

from typing import Literal

from station.spapi.models.common import ApiModel, Error

__all__ = ["Transaction", "TransactionStatus"]


class Transaction(ApiModel):
    transaction_id: str
    status: Literal["Failure", "Processing", "Success"]
    errors: list[Error] | None = None


class TransactionStatus(ApiModel):
    transaction_status: Transaction | None = None

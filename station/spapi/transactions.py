"""DF Transactions clients: whether a submitted confirmation or label request really succeeded."""

from __future__ import annotations

from station.spapi.models.transactions import Transaction, TransactionStatus
from station.spapi.operations import OperationClient, path_segment

__all__ = ["Transactions2021Client", "TransactionsV1Client"]


class _TransactionsClient(OperationClient):
    base_path = ""

    def get_transaction_status(self, transaction_id: str) -> TransactionStatus:
        tid = path_segment(transaction_id, "transaction id")
        return self._call(
            TransactionStatus,
            "getTransactionStatus",
            "GET",
            f"{self.base_path}/transactions/{tid}",
        )

    def transaction(self, transaction_id: str) -> Transaction | None:
        """The transaction itself, or None when Amazon answered without one."""
        return self.get_transaction_status(transaction_id).transaction_status


class TransactionsV1Client(_TransactionsClient):
    envelope = True
    base_path = "/vendor/directFulfillment/transactions/v1"


class Transactions2021Client(_TransactionsClient):
    envelope = False
    base_path = "/vendor/directFulfillment/transactions/2021-12-28"

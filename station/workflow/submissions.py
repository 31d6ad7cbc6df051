"""Acknowledgements and label requests, recorded in the journal before they are sent.

Amazon answers these with a transaction that it processes later: label requests can take up to
15 minutes (the use-case guide says to open a case after 30), acknowledgements minutes too. A
run that stops waiting (``--wait``, a closed window, a crash) must not make the next one submit
the same request again: two label requests make two labels, two acknowledgements confuse the
order's state. So every submission is written to the journal *before* the call ("submitting"),
its transaction id right after ("Processing"), and Amazon's verdict when known. The next
``station ship``, ``station prefetch`` or GUI scan of the PO finds the open record and polls that
transaction instead of submitting again.

A record left "submitting" (the station stopped during the call) may or may not have reached
Amazon, and there is no transaction id to ask about: the request is not sent again until
:data:`UNSURE_SECONDS` have passed — long enough for Amazon to have produced the label or
accepted the order had it arrived, which the caller checks first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from station.journal.records import EventKind
from station.journal.store import Journal

__all__ = [
    "CASE_AFTER",
    "UNSURE_SECONDS",
    "OpenSubmission",
    "Operation",
    "SubmissionLog",
    "certainly_not_sent",
]

#: Amazon's use-case guide: a label request may take up to 15 minutes; open a case after 30.
CASE_AFTER = timedelta(minutes=30)
#: How long a submission whose call was interrupted counts as possibly on its way.
UNSURE_SECONDS = 10 * 60.0

_SUBMITTING = "submitting"
_PROCESSING = "Processing"


class Operation(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    LABEL = "label"


@dataclass(frozen=True)
class OpenSubmission:
    """A submission of one PO with no verdict yet: poll ``transaction_id``, or wait if None."""

    po: str
    operation: Operation
    transaction_id: str | None
    at: datetime

    def unsure_until(self) -> datetime:
        return self.at + timedelta(seconds=UNSURE_SECONDS)

    def overdue(self, now: datetime) -> bool:
        """Past the time after which Amazon says to open a case."""
        return now - self.at > CASE_AFTER


class SubmissionLog:
    """The journal's record of acknowledgements and label requests, per PO."""

    def __init__(self, journal: Journal, *, now: Callable[[], datetime] | None = None) -> None:
        self.journal = journal
        self._now = now or journal.now

    def now(self) -> datetime:
        return self._now()

    def submitting(self, operation: Operation, pos: Iterable[str]) -> None:
        """Before the call: these POs' request is (maybe) about to reach Amazon."""
        self._record(operation, pos, _SUBMITTING, None)

    def submitted(self, operation: Operation, pos: Iterable[str], transaction_id: str) -> None:
        self._record(operation, pos, _PROCESSING, transaction_id)

    def decided(
        self,
        operation: Operation,
        pos: Iterable[str],
        transaction_id: str | None,
        status: str,
        errors: Sequence[str] = (),
    ) -> None:
        """Amazon's verdict (or the station's: a failed call that certainly did not arrive)."""
        self._record(operation, pos, status, transaction_id, errors)

    def open(self, operation: Operation, po: str) -> OpenSubmission | None:
        """The PO's latest submission of ``operation`` when it has no verdict yet."""
        latest = None
        for event in self.journal.events(po=po, kind=EventKind.TRANSACTION):
            if event.detail.get("operation") == str(operation):
                latest = event
        if latest is None or latest.outcome not in (_SUBMITTING, _PROCESSING):
            return None
        return OpenSubmission(po, operation, latest.transaction_id, latest.at)

    def _record(
        self,
        operation: Operation,
        pos: Iterable[str],
        outcome: str,
        transaction_id: str | None,
        errors: Sequence[str] = (),
    ) -> None:
        pos = list(dict.fromkeys(pos))
        if not pos:
            return
        with self.journal.write():
            for po in pos:
                self.journal.record(
                    EventKind.TRANSACTION,
                    po=po,
                    outcome=outcome,
                    transaction_id=transaction_id,
                    detail={"operation": str(operation), "errors": list(errors)},
                )


def certainly_not_sent(error: BaseException) -> bool:
    """Whether a failed submission certainly did not reach Amazon's processing."""
    from station.errors import (
        AuthError,
        ForbiddenError,
        InvalidRequestError,
        NetworkError,
        ThrottledError,
        UnknownOutcomeError,
    )

    if isinstance(error, UnknownOutcomeError):
        return False
    return isinstance(
        error, NetworkError | ThrottledError | AuthError | ForbiddenError | InvalidRequestError
    )

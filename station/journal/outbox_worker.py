"""The outbox worker: sends queued items, polls their transactions, reconciles unknown outcomes.

A plain thread (no Qt) with an Event to stop it. What it talks to is injected:

* a :class:`Sender` that submits one item and returns Amazon's ``transactionId``;
* a :class:`TransactionChecker` that reports a transaction's status;
* a :class:`Reconciler` that tells whether an item whose send outcome is unknown reached Amazon
  (e.g. by reading the order's status, or by finding the transaction).

Exactly once, whatever instant the process is killed at:

1. the item is claimed (``pending`` -> ``sending``) in a committed transaction *before* the send;
2. the send's result is committed afterwards (``sent``/``pending``/``failed``/``unknown``);
3. on start, under an OS file lock that dies with its holder, items left in ``sending`` become
   ``unknown``, and an ``unknown`` item is only ever sent again after the reconciler said
   "not delivered".

A kill before (1) commits leaves ``pending``: nothing was sent. A kill between (1) and (2) leaves
``sending``: the reconciler decides. Hence no loss and no duplicate, provided the reconciler only
answers "not delivered" when it is sure (it answers "undetermined" otherwise and is asked again
later).

Errors: ``NetworkError`` means offline (nothing left the machine) and the item stays ``pending``
for ever, with a capped back-off; ``UnknownOutcomeError`` and anything unexpected mean "maybe
sent" and lead to ``unknown``; throttling and refused credentials never reached Amazon's
processing either: the item stays ``pending`` ("not sent yet", with the reason) and is retried
with the same capped back-off until it is sent or a person cancels it;
``InvalidRequestError``/``NotFoundError`` and a transaction ``Failure`` are permanent and keep
Amazon's errors for the packer.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Protocol

from station.errors import (
    ApiError,
    ApiErrorDetail,
    AuthError,
    ForbiddenError,
    InvalidRequestError,
    JournalError,
    NetworkError,
    NotFoundError,
    StationError,
    ThrottledError,
    UnknownOutcomeError,
)
from station.journal.lock import FileLock
from station.journal.outbox import Outbox, OutboxItem, OutboxState

log = logging.getLogger(__name__)

#: Unreadable transaction status: this many tries in a row (a few minutes with the poll
#: back-off), then the item says "ask Amazon" and is looked at once an hour.
STATUS_READ_TRIES = 10
ASK_AMAZON_RECHECK = 3600.0

#: While the journal cannot be written, the worker repeats its message at most this often.
_IO_REMINDER_SECONDS = 300.0

__all__ = [
    "OutboxWorker",
    "Reconciler",
    "Reconciliation",
    "RetryPolicy",
    "Sender",
    "TransactionChecker",
    "TransactionResult",
    "TransactionStatus",
    "Verdict",
]


class TransactionStatus(StrEnum):
    PROCESSING = "Processing"
    SUCCESS = "Success"
    FAILURE = "Failure"


@dataclass(frozen=True)
class TransactionResult:
    status: TransactionStatus
    errors: tuple[ApiErrorDetail, ...] = ()
    #: Not decided, and a person has to ask Amazon (the text says which transaction and why):
    #: a bench's confirmation handed to the site outbox whose site item is ``ask_amazon``
    #: shows the same state here. Polled on the usual back-off; never resent.
    ask_amazon: str | None = None


class Verdict(StrEnum):
    DELIVERED = "delivered"  # Amazon has it (with its transactionId when known)
    NOT_DELIVERED = "not_delivered"  # certainly not received: safe to send again
    UNDETERMINED = "undetermined"  # cannot tell yet: ask again later, do not resend


@dataclass(frozen=True)
class Reconciliation:
    verdict: Verdict
    transaction_id: str | None = None
    reason: str = ""


class Sender(Protocol):
    def send(self, item: OutboxItem) -> str:
        """Submit ``item.payload``; return Amazon's transactionId. Raise station errors."""
        ...


class TransactionChecker(Protocol):
    def status(self, transaction_id: str) -> TransactionResult: ...


class Reconciler(Protocol):
    def reconcile(self, item: OutboxItem) -> Reconciliation:
        """Did ``item`` reach Amazon? Answer NOT_DELIVERED only when certain."""
        ...


@dataclass(frozen=True)
class RetryPolicy:
    """Back-off in seconds. Nothing that never reached Amazon (offline, throttled, refused
    credentials) ever fails an item: it waits, ever less often, up to the caps."""

    first_delay: float = 2.0
    max_delay: float = 120.0
    poll_first_delay: float = 2.0
    poll_max_delay: float = 60.0
    idle_poll: float = 5.0  # look for items queued by another process this often
    jitter: float = 0.2

    def delay(self, count: int, *, poll: bool = False) -> timedelta:
        first, cap = (
            (self.poll_first_delay, self.poll_max_delay)
            if poll
            else (self.first_delay, self.max_delay)
        )
        base = min(cap, first * (2 ** max(0, min(count, 30) - 1)))
        spread = base * self.jitter
        return timedelta(seconds=max(0.0, base + random.uniform(-spread, spread)))


#: How the outbox words a request that never reached Amazon's processing.
NOT_SENT_YET = "not sent yet"
#: What an older station wrote when it gave up on a throttled or refused send (never sent).
_GAVE_UP = "gave up after "


def _refusal(exc: StationError) -> str:
    if isinstance(exc, ThrottledError):
        return f"Amazon is rate-limiting this station ({exc})"
    if isinstance(exc, AuthError):
        return f"Amazon did not accept the station's login ({exc}); check the credentials"
    return f"Amazon refused the station's access ({exc}); check the app's roles"


def _details(exc: StationError) -> tuple[ApiErrorDetail, ...]:
    if isinstance(exc, ApiError) and exc.errors:
        return exc.errors
    return (ApiErrorDetail(code=type(exc).__name__, message=exc.message),)


class OutboxWorker:
    """Sends the outbox in the background. ``start()``/``stop()``, or use it as a context manager.

    Only one worker may run per journal (an OS file lock next to the journal file enforces it,
    also across processes); a second one fails to start with a :class:`JournalError`.
    """

    def __init__(
        self,
        outbox: Outbox,
        sender: Sender,
        checker: TransactionChecker,
        reconciler: Reconciler,
        *,
        policy: RetryPolicy | None = None,
        lock_path: Path | None = None,
        io_backoff: tuple[float, float] = (1.0, 60.0),
    ) -> None:
        self._outbox = outbox
        self._sender = sender
        self._checker = checker
        self._reconciler = reconciler
        self._policy = policy or RetryPolicy()
        journal_path = outbox.journal.path
        self._lock = FileLock(lock_path or journal_path.with_name(journal_path.name + ".lock"))
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._progress = threading.Condition()
        self._thread: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._crashed: BaseException | None = None
        # A journal that cannot be written (a full disk): first and longest wait between tries.
        self._io_backoff = io_backoff
        self.io_failures = 0
        self._io_logged_at = 0.0

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Take the lock, resume interrupted sends, and start sending in a background thread."""
        if self._thread is not None:
            return
        self.recover()
        self._stop.clear()
        self._unsubscribe = self._outbox.add_listener(self._on_change)
        self._thread = threading.Thread(target=self._run, name="outbox-worker", daemon=True)
        self._thread.start()

    def recover(self) -> list[OutboxItem]:
        """Take the lock and mark items a dead process left in ``sending`` as ``unknown``."""
        self._lock.acquire()
        moved = self._outbox.recover_interrupted()
        for item in self._outbox.list(states=(OutboxState.FAILED,)):
            # An older station marked throttled/refused sends failed after a few tries; they
            # never reached Amazon: queue them again.
            if (item.last_error or "").startswith(_GAVE_UP):
                self._outbox.retry(item.id)
                log.warning("outbox item %d (%s) was never sent: queued again", item.id, item.po)
        for item in moved:
            log.warning(
                "outbox item %d (%s %s) was interrupted: reconciling", item.id, item.kind, item.po
            )
        return moved

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the current step (a send in flight finishes and is recorded)."""
        self._stop.set()
        self._wake.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout)
            if thread.is_alive():
                log.warning("the outbox worker did not stop within %.0f s", timeout)
                return
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._lock.release()

    def __enter__(self) -> OutboxWorker:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def wake(self) -> None:
        """Look at the outbox now (e.g. the network came back)."""
        self._wake.set()

    def flush(self, timeout: float) -> list[OutboxItem]:
        """Try every open item now and wait up to ``timeout`` s; returns the items still open."""
        if not self.running:
            raise JournalError(
                "The outbox worker is not running", hint="Start it before flushing the outbox."
            )
        self._outbox.make_due()
        self.wake()
        deadline = time.monotonic() + timeout
        with self._progress:
            while True:
                remaining = self._outbox.open_items()
                left = deadline - time.monotonic()
                if not remaining or left <= 0 or not self.running:
                    return remaining
                self._progress.wait(min(left, 0.5))

    # -- the loop ---------------------------------------------------------------------------

    def _on_change(self, item: OutboxItem) -> None:
        if item.state is OutboxState.PENDING:
            self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                worked = self.run_once()
                if self.io_failures and worked:  # a step was recorded: the journal writes again
                    self._journal_recovered()
            except JournalError as exc:
                # The store cannot be written: wait longer each time (new items cannot be queued
                # meanwhile, so nothing to wake up for) and say so once, not at every try.
                self._journal_failed(exc)
                self._stop.wait(self._io_delay())
                continue
            except StationError as exc:
                log.error("outbox worker: %s", exc)
                worked = False
            except BaseException as exc:  # a bug: log it, keep the thread's death visible
                log.exception("outbox worker crashed")
                self._crashed = exc
                self._notify_progress()
                return
            self._notify_progress()
            if worked:
                continue
            self._wake.wait(self._idle_seconds())

    def _io_delay(self) -> float:
        first, cap = self._io_backoff
        return float(min(cap, first * 2 ** min(self.io_failures - 1, 30)))

    def _journal_failed(self, exc: JournalError) -> None:
        self.io_failures += 1
        now = time.monotonic()
        if self.io_failures == 1:
            log.error(
                "outbox worker: %s; trying again with growing pauses (up to %.0f s). %s",
                exc.message,
                self._io_backoff[1],
                exc.hint,
            )
            self._io_logged_at = now
        elif now - self._io_logged_at >= _IO_REMINDER_SECONDS:
            log.warning(
                "outbox worker: the journal still cannot be written (%d tries): %s",
                self.io_failures,
                exc.message,
            )
            self._io_logged_at = now

    def _journal_recovered(self) -> None:
        log.warning(
            "outbox worker: the journal can be written again (after %d failed tries)",
            self.io_failures,
        )
        self.io_failures = 0
        # A send whose result could not be recorded is still "sending": reconcile it (we hold
        # the lock and are between steps, so no send of ours is in flight).
        for item in self._outbox.recover_interrupted():
            log.warning("outbox item %d (%s %s): reconciling", item.id, item.kind, item.po)

    def _idle_seconds(self) -> float:
        due = self._outbox.next_due_at()
        if due is None:
            return self._policy.idle_poll
        wait = (due - self._outbox.journal.now()).total_seconds()
        return max(0.0, min(wait, self._policy.idle_poll))

    def _notify_progress(self) -> None:
        with self._progress:
            self._progress.notify_all()

    def run_once(self) -> bool:
        """Handle the most overdue item, if any; returns whether there was one.

        Public so that tests (and a single-threaded command) can drive the worker step by step;
        the lock must be held (call :meth:`recover` first).
        """
        if not self._lock.held:
            raise JournalError("The outbox lock is not held; call recover() or start() first")
        item = self._outbox.next_due(self._outbox.journal.now())
        if item is None:
            return False
        if item.state is OutboxState.PENDING:
            self._send(item)
        elif item.state is OutboxState.UNKNOWN:
            self._reconcile(item)
        elif item.state in (OutboxState.SENT, OutboxState.ASK_AMAZON):
            self._poll(item)
        return True

    # -- steps ------------------------------------------------------------------------------

    def _later(self, count: int, *, poll: bool = False) -> datetime:
        return self._outbox.journal.now() + self._policy.delay(count, poll=poll)

    def _send(self, item: OutboxItem) -> None:
        claimed = self._outbox.transition(
            item.id,
            from_states=(OutboxState.PENDING,),
            to=OutboxState.SENDING,
            count_attempt=True,
            reset_checks=True,
        )
        if claimed is None:
            return
        sending = (OutboxState.SENDING,)
        try:
            transaction_id = self._sender.send(claimed)
        except UnknownOutcomeError as exc:
            self._outbox.transition(
                item.id,
                from_states=sending,
                to=OutboxState.UNKNOWN,
                next_attempt_at=self._later(1),
                last_error=str(exc),
            )
            return
        except NetworkError as exc:
            # Nothing left the machine: offline. Stay pending, however long it lasts.
            self._outbox.transition(
                item.id,
                from_states=sending,
                to=OutboxState.PENDING,
                next_attempt_at=self._later(claimed.attempts),
                last_error=str(exc),
            )
            return
        except (InvalidRequestError, NotFoundError) as exc:
            self._outbox.transition(
                item.id,
                from_states=sending,
                to=OutboxState.FAILED,
                errors=_details(exc),
                last_error=str(exc),
            )
            return
        except (ThrottledError, AuthError, ForbiddenError) as exc:
            # Refused before processing: it never reached Amazon, so it is not "rejected". It
            # stays queued with the reason, retried with a growing back-off (capped) until it is
            # sent or a person cancels it; `station outbox list` shows why it waits.
            self._outbox.transition(
                item.id,
                from_states=sending,
                to=OutboxState.PENDING,
                next_attempt_at=self._later(claimed.attempts),
                last_error=f"{NOT_SENT_YET}: {_refusal(exc)}",
            )
            return
        except Exception as exc:
            # ServerError, a malformed answer, a bug: the request may have been accepted.
            if not isinstance(exc, StationError):
                log.exception("outbox sender raised an unexpected error")
            self._outbox.transition(
                item.id,
                from_states=sending,
                to=OutboxState.UNKNOWN,
                next_attempt_at=self._later(1),
                last_error=f"{type(exc).__name__}: {exc}"[:1000],
            )
            return
        self._outbox.transition(
            item.id,
            from_states=sending,
            to=OutboxState.SENT,
            transaction_id=transaction_id,
            next_attempt_at=self._later(1, poll=True),
            last_error=None,
        )
        # It went through: the network is up, so whatever waited for it can go now.
        self._outbox.make_due((OutboxState.PENDING, OutboxState.UNKNOWN))

    def _reconcile(self, item: OutboxItem) -> None:
        unknown = (OutboxState.UNKNOWN,)
        try:
            answer = self._reconciler.reconcile(item)
        except Exception as exc:
            if not isinstance(exc, StationError):
                log.exception("outbox reconciler raised an unexpected error")
            self._outbox.transition(
                item.id,
                from_states=unknown,
                to=OutboxState.UNKNOWN,
                next_attempt_at=self._later(item.checks + 1),
                last_error=f"cannot check yet: {exc}"[:1000],
                count_check=True,
            )
            return
        if answer.verdict is Verdict.DELIVERED and answer.transaction_id:
            self._outbox.transition(
                item.id,
                from_states=unknown,
                to=OutboxState.SENT,
                transaction_id=answer.transaction_id,
                last_error=None,
                reset_checks=True,
            )
        elif answer.verdict is Verdict.DELIVERED:
            self._outbox.transition(
                item.id,
                from_states=unknown,
                to=OutboxState.SUCCEEDED,
                last_error=None,
                reset_checks=True,
            )
        elif answer.verdict is Verdict.NOT_DELIVERED:
            self._outbox.transition(
                item.id,
                from_states=unknown,
                to=OutboxState.PENDING,
                last_error=answer.reason or None,
                reset_checks=True,
            )
        else:
            self._outbox.transition(
                item.id,
                from_states=unknown,
                to=OutboxState.UNKNOWN,
                next_attempt_at=self._later(item.checks + 1),
                last_error=answer.reason or "Amazon's answer does not tell yet",
                count_check=True,
            )

    def _poll(self, item: OutboxItem) -> None:
        sent = (OutboxState.SENT, OutboxState.ASK_AMAZON)
        transaction_id = item.transaction_id or ""
        try:
            result = self._checker.status(transaction_id)
        except Exception as exc:
            if not isinstance(exc, StationError):
                log.exception("outbox transaction checker raised an unexpected error")
            self._status_unreadable(item, transaction_id, exc)
            return
        journal = self._outbox.journal
        if result.status is TransactionStatus.SUCCESS:
            journal.record_transaction(transaction_id, str(result.status), po=item.po)
            self._outbox.transition(
                item.id, from_states=sent, to=OutboxState.SUCCEEDED, last_error=None
            )
        elif result.status is TransactionStatus.FAILURE:
            errors: Sequence[ApiErrorDetail] = result.errors or (
                ApiErrorDetail(code="TransactionFailure", message="Amazon rejected the request"),
            )
            journal.record_transaction(
                transaction_id,
                str(result.status),
                po=item.po,
                errors=[f"{e.code}: {e.message}" for e in errors],
            )
            self._outbox.transition(
                item.id,
                from_states=sent,
                to=OutboxState.FAILED,
                errors=errors,
                last_error="Amazon rejected the request: "
                + "; ".join(f"{e.code}: {e.message}".rstrip(": ") for e in errors)[:900],
            )
        else:
            self._outbox.transition(
                item.id,
                from_states=sent,
                to=OutboxState.ASK_AMAZON if result.ask_amazon else OutboxState.SENT,
                next_attempt_at=self._later(item.checks + 1, poll=True),
                count_check=True,
                last_error=result.ask_amazon[:1000] if result.ask_amazon else None,
            )

    def _status_unreadable(self, item: OutboxItem, transaction_id: str, exc: Exception) -> None:
        """A bounded plan: poll again with back-off; after :data:`STATUS_READ_TRIES` unreadable
        answers in a row, say "ask Amazon" with the transaction id, and look once an hour."""
        sent = (OutboxState.SENT, OutboxState.ASK_AMAZON)
        tries = item.checks + 1
        if tries < STATUS_READ_TRIES and item.state is OutboxState.SENT:
            self._outbox.transition(
                item.id,
                from_states=sent,
                to=OutboxState.SENT,
                next_attempt_at=self._later(tries, poll=True),
                last_error=f"cannot read the transaction status: {exc}"[:1000],
                count_check=True,
            )
            return
        if item.state is OutboxState.SENT:
            log.warning(
                "outbox item %d (%s %s): the status of transaction %s could not be read %d "
                "times; ask Amazon about it",
                item.id,
                item.kind,
                item.po,
                transaction_id,
                tries,
            )
        self._outbox.transition(
            item.id,
            from_states=sent,
            to=OutboxState.ASK_AMAZON,
            next_attempt_at=self._outbox.journal.now() + timedelta(seconds=ASK_AMAZON_RECHECK),
            last_error=(
                f"ask Amazon: Amazon accepted the request (transaction {transaction_id}) but its "
                f"status could not be read {tries} times; the station looks again every hour. "
                f"Last answer: {exc}"
            )[:1000],
            count_check=True,
        )

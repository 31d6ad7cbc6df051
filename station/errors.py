"""The station's exception tree, in one place.

Every layer raises these instead of leaking ``httpx``, ``sqlite3``, ``socket`` or Pillow errors, so
the GUI and the command line catch one family and can always show the packer two things: what went
wrong (``str(exc)``) and what to do about it (``exc.hint``).

    StationError
    ├── ConfigError             a settings file or value is invalid (names the field)
    ├── CredentialsError        no usable LWA credentials / keyring
    ├── ScanError               a scanned or typed value is not acceptable
    ├── ContentError            a document (label, slip, invoice) is not what it claims to be
    ├── ApiError                the SP-API (or the simulator) answered with an error
    │   ├── AuthError           401, LWA refused the credentials
    │   ├── ForbiddenError      403, missing role or refused Restricted Data Token
    │   ├── NotFoundError       404
    │   ├── InvalidRequestError 400/413/415/422: the request itself was wrong
    │   ├── ThrottledError      429 QuotaExceeded after the bounded retries
    │   ├── ServerError         5xx after the safe retries
    │   ├── ResponseFormatError the body did not match the contract
    │   └── NetworkError        no answer: DNS, refused, reset, timeout
    │       └── UnknownOutcomeError  a non-idempotent POST may or may not have been accepted
    ├── PrinterError            a printer refused, is off, or a job could not be converted
    │   └── PrinterOfflineError the printer reports (or is found) offline, paused or out of media
    ├── ZplError                malformed ZPL, with the position of the fault
    ├── WorkflowError           a business rule stops the packing flow (cancelled, shipped, expired)
    │   └── ClaimedElsewhereError   another bench of the site holds this PO
    ├── JournalError            the local store cannot be read or written
    └── SiteError               the site database (warehouse mode) refused or failed
        └── SiteUnavailableError    the site database cannot be reached right now
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


class StationError(Exception):
    """Base of every error the station reports to a person.

    ``message`` says what is wrong in the packer's words; ``hint`` says what to do next. Neither may
    contain secrets or customer addresses: both end up on screen and in log files.
    """

    default_hint = "Try again. If it keeps happening, export a support bundle and contact IT."

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint

    def __str__(self) -> str:
        return self.message

    def user_text(self) -> str:
        """The message and the hint, as one line of text for a status bar or a terminal."""
        return f"{self.message} — {self.hint}" if self.hint else self.message


class ConfigError(StationError):
    default_hint = "Correct the setting named above (Settings, or the config file) and try again."


class CredentialsError(StationError):
    default_hint = (
        "Enter the SP-API credentials in Settings (they are kept in the system keyring), or set "
        "STATION_LWA_CLIENT_ID, STATION_LWA_CLIENT_SECRET and STATION_LWA_REFRESH_TOKEN for "
        "headless use."
    )


class ScanError(StationError):
    default_hint = "Scan the barcode again, or type it and press Enter."


class ContentError(StationError):
    default_hint = "Download the document again; if it stays broken, report the PO to Amazon."


@dataclass(frozen=True)
class ApiErrorDetail:
    """One entry of the SP-API ``{"errors": [...]}`` list."""

    code: str
    message: str = ""
    details: str | None = None

    @classmethod
    def from_json(cls, raw: Any) -> ApiErrorDetail:
        """One error from Amazon's answer, its text scrubbed like a log line: Amazon's messages
        may echo what was sent (an access token), and they are shown and stored."""
        from station.logs import redact

        if isinstance(raw, Mapping):
            details = raw.get("details")
            return cls(
                code=redact(str(raw.get("code") or "Unknown")[:200]),
                message=redact(str(raw.get("message") or "")[:2000]),
                details=None if details is None else redact(str(details)[:2000]),
            )
        return cls(code="Unknown", message=redact(str(raw)[:200]))


class ApiError(StationError):
    """An error answer (or no answer) from the SP-API or a compatible server."""

    default_hint = "Try again in a moment. If it keeps failing, contact IT with the request id."

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        errors: Sequence[ApiErrorDetail] = (),
        request_id: str | None = None,
        operation: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.status = status
        self.errors = tuple(errors)
        self.request_id = request_id
        self.operation = operation

    def __str__(self) -> str:
        parts = [self.message]
        if self.errors:
            parts.append("; ".join(f"{e.code}: {e.message}".rstrip(": ") for e in self.errors))
        if self.request_id:
            parts.append(f"request id {self.request_id}")
        return " — ".join(parts)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(e.code for e in self.errors)


class AuthError(ApiError):
    default_hint = (
        "Login with Amazon refused the credentials. Check the client id, client secret and "
        "refresh token in Settings; re-authorise the app if the refresh token was revoked."
    )


class ForbiddenError(ApiError):
    default_hint = (
        "Amazon refused access. The SP-API app needs the 'Direct-to-Consumer Shipping "
        "(Restricted)' role, and restricted operations need a Restricted Data Token. Ask IT to "
        "check the app's roles in Seller/Vendor Central and to re-authorise it."
    )


class NotFoundError(ApiError):
    default_hint = "Check the PO number; Amazon does not know this resource for your vendor code."


class InvalidRequestError(ApiError):
    default_hint = "The request was rejected as invalid; the details above say which field."


class ThrottledError(ApiError):
    default_hint = "Amazon is rate-limiting this station. Wait a few seconds and try again."


class ServerError(ApiError):
    default_hint = "Amazon's service had an internal error. Try again in a minute."


class ResponseFormatError(ApiError):
    default_hint = (
        "Amazon's answer did not match the published contract. Try again; if it persists, export "
        "a support bundle for IT."
    )


class NetworkError(ApiError):
    default_hint = "Check the network cable or Wi-Fi. The station retries queued work by itself."


class UnknownOutcomeError(NetworkError):
    """A POST went out and no answer came back: it may or may not have been accepted.

    Never resend such a request blindly; reconcile first (e.g. check the order's status).
    """

    default_hint = (
        "The request may have reached Amazon. Do not resend it by hand: the station checks the "
        "order's status before it sends it again."
    )


class PrinterError(StationError):
    default_hint = "Check the printer's cable, power and paper, then press Reprint."


class PrinterOfflineError(PrinterError):
    """The printer said (or showed) that it cannot print now. ``reason`` is its state in a few
    words ("paper out", "head open", "offline"), for a front end's "label printer: …" line."""

    default_hint = "Switch the printer on (or resume it, or load labels), then press Reprint."

    def __init__(self, message: str, *, hint: str | None = None, reason: str = "") -> None:
        super().__init__(message, hint=hint)
        self.reason = reason


class ZplError(StationError):
    """Malformed ZPL. ``position`` is the 0-based character offset of the fault in the input."""

    default_hint = "The ZPL label is malformed at the position shown; request the label again."

    def __init__(self, message: str, *, position: int | None = None, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.position = position

    def __str__(self) -> str:
        if self.position is None:
            return self.message
        return f"{self.message} (at character {self.position})"


class WorkflowError(StationError):
    default_hint = "Set the order aside and tell the warehouse lead."


class JournalError(StationError):
    default_hint = (
        "The station cannot use its local data store. Check free disk space and permissions of "
        "the data folder, then restart the station."
    )


class ClaimedElsewhereError(WorkflowError):
    """Another bench of the site is packing (or has shipped) this PO: do not print or confirm."""


class SiteError(StationError):
    """The site database (warehouse mode) refused a request or holds something unexpected."""


class SiteUnavailableError(SiteError):
    """The site database cannot be reached: the bench goes on with what it already claimed."""

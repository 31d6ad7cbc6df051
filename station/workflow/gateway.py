"""What the packing flow needs from Amazon, in its own terms, over either API version.

The workflow never calls the SP-API client directly: it talks to a ``DfGateway``. The SP-API
implementation below hides the differences between DF v1 (labels by asynchronous request and
transaction polling, ``carton``) and 2021-12-28 (synchronous ``createShippingLabels``,
``Carton``). Tests may substitute a hand-written fake with the same surface.

Submissions (confirmations, status updates, acknowledgements) travel as their wire JSON: that is
what the outbox stores durably, so a resend after a crash sends exactly the recorded bytes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

from station.errors import (
    ApiErrorDetail,
    NotFoundError,
    ResponseFormatError,
    StationError,
    WorkflowError,
)
from station.spapi.client import SpApi
from station.spapi.content import decode_document
from station.spapi.models import orders_common as orders_models
from station.spapi.models import shipping_2021 as s21
from station.spapi.models import shipping_v1 as s1
from station.spapi.models.common import to_wire
from station.workflow.answers import OrderRefusedError, check_answer_po
from station.workflow.containers import Box
from station.workflow.labels import LabelExpiredError, LabelSet
from station.workflow.order import PackOrder
from station.workflow.submissions import Operation, SubmissionLog, certainly_not_sent

log = logging.getLogger("station.workflow.gateway")

GENERIC_RDT_S = 50 * 60.0  # a Restricted Data Token lives an hour

ApiVersion = Literal["v1", "2021-12-28"]
TransactionState = Literal["Processing", "Success", "Failure"]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class TransactionResult:
    transaction_id: str
    status: TransactionState
    errors: tuple[ApiErrorDetail, ...] = ()


@dataclass(frozen=True)
class LabelPackage:
    """A carton as it goes into a label request: its identifier, size, weight and contents."""

    container_identifier: str
    box: Box
    contents: Mapping[int, int]


class DfGateway(Protocol):
    api_version: ApiVersion

    def get_order(self, purchase_order_number: str) -> PackOrder: ...

    def iter_orders(
        self,
        created_after: datetime,
        created_before: datetime,
        *,
        ship_from_party_id: str | None = None,
        status: str | None = None,
    ) -> Iterator[PackOrder]: ...

    def get_label(self, purchase_order_number: str) -> LabelSet | None: ...

    def request_label(
        self, order: PackOrder, packages: Sequence[LabelPackage], progress: Progress
    ) -> LabelSet: ...

    def get_packing_slip(self, purchase_order_number: str) -> bytes | None: ...

    def get_customer_invoice(self, purchase_order_number: str) -> bytes | None: ...

    def submit_confirmation(self, body: Mapping[str, Any]) -> str: ...

    def submit_status_update(self, body: Mapping[str, Any]) -> str: ...

    def submit_acknowledgement(self, body: Mapping[str, Any]) -> str: ...

    def transaction_status(self, transaction_id: str) -> TransactionResult: ...

    def authorise(self, purchase_orders: Sequence[str]) -> int: ...


def _container_models(
    order: PackOrder, packages: Sequence[LabelPackage], version: ApiVersion
) -> list[Any]:
    containers: list[Any] = []
    for number, package in enumerate(packages, start=1):
        box = package.box
        packed = []
        for seq, qty in sorted(package.contents.items()):
            line = order.line(seq)
            packed.append(
                {
                    "item_sequence_number": seq,
                    "buyer_product_identifier": line.buyer_product_identifier,
                    "vendor_product_identifier": line.vendor_product_identifier,
                    "packed_quantity": {"amount": qty, "unit_of_measure": "Each"},
                }
            )
        fields = {
            "container_identifier": package.container_identifier,
            "container_sequence_number": number,
            "ship_method": order.ship_method,
            "dimensions": {
                "length": box.length,
                "width": box.width,
                "height": box.height,
                "unit_of_measure": box.dimension_unit,
            },
            "weight": {"value": box.weight, "unit_of_measure": box.weight_unit},
            "packed_items": packed,
        }
        if version == "v1":
            containers.append(s1.Container.model_validate({**fields, "container_type": "carton"}))
        else:
            containers.append(s21.Container.model_validate({**fields, "container_type": "Carton"}))
    return containers


class SpApiGateway:
    """``DfGateway`` over the station's SP-API client, for one API version."""

    def __init__(
        self,
        api: SpApi,
        api_version: ApiVersion,
        *,
        label_wait_seconds: float = 120.0,
        poll_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.api = api
        self.api_version = api_version
        #: The journal's record of label requests (set by the runtime): resumed, never resent.
        self.submissions: SubmissionLog | None = None
        self.label_wait_seconds = label_wait_seconds
        #: Warehouse mode: authorise every PO at once with one generic-path token an hour
        #: (the site's benches share the Tokens quota of 1 request/s), per PO otherwise.
        self.generic_rdt = False
        self._generic_asked_at: float | None = None
        self._poll = poll_interval
        self._clock = clock
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"SpApiGateway({self.api!r}, {self.api_version})"

    @property
    def _v1(self) -> bool:
        return self.api_version == "v1"

    def _orders(self) -> Any:
        return self.api.orders_v1 if self._v1 else self.api.orders_2021

    def _shipping(self) -> Any:
        return self.api.shipping_v1 if self._v1 else self.api.shipping_2021

    def get_order(self, purchase_order_number: str) -> PackOrder:
        order: orders_models.Order = self._orders().get_order(purchase_order_number)
        check_answer_po(purchase_order_number, order.purchase_order_number, "order")
        return PackOrder.from_api(order)

    def iter_orders(
        self,
        created_after: datetime,
        created_before: datetime,
        *,
        ship_from_party_id: str | None = None,
        status: str | None = None,
    ) -> Iterator[PackOrder]:
        for order in self._orders().iter_orders(
            created_after,
            created_before,
            ship_from_party_id=ship_from_party_id,
            status=status,
            include_details=True,
        ):
            try:
                yield PackOrder.from_api(order)
            except OrderRefusedError as exc:  # one strange order never hides the others
                log.warning("listing orders: %s", exc.message)

    def get_label(self, purchase_order_number: str) -> LabelSet | None:
        try:
            label = self._shipping().get_shipping_label(purchase_order_number)
        except NotFoundError as exc:
            said = " ".join([exc.message, *(f"{e.message} {e.details}" for e in exc.errors)])
            if "expired" in said.lower():
                raise LabelExpiredError(
                    f"The label of PO {purchase_order_number} has expired (labels are valid for "
                    f"90 days). Amazon said: {exc.message}"
                ) from None
            return None
        check_answer_po(purchase_order_number, label.purchase_order_number, "label")
        return LabelSet.from_api(label)

    def request_label(
        self, order: PackOrder, packages: Sequence[LabelPackage], progress: Progress
    ) -> LabelSet:
        containers = _container_models(order, packages, self.api_version) or None
        selling = {"party_id": order.selling_party_id}
        ship_from = {"party_id": order.ship_from_party_id}
        po = order.purchase_order_number
        if not self._v1:
            progress(f"Creating the label for PO {po}")
            request = s21.CreateShippingLabelsRequest.model_validate(
                {"selling_party": selling, "ship_from_party": ship_from, "containers": containers}
            )
            label = self.api.shipping_2021.create_shipping_labels(po, request)
            check_answer_po(po, label.purchase_order_number, "new label")
            return LabelSet.from_api(label)
        transaction_id = self._label_transaction(po, selling, ship_from, containers, progress)
        result = self.wait_for_transaction(transaction_id, progress, "label", po=po)
        if self.submissions is not None:
            self.submissions.decided(
                Operation.LABEL,
                [po],
                transaction_id,
                result.status,
                [f"{e.code}: {e.message}" for e in result.errors],
            )
        if result.status == "Failure":
            reasons = "; ".join(f"{e.code}: {e.message}" for e in result.errors) or "no reason"
            raise WorkflowError(
                f"Amazon refused the label request for PO {po} ({reasons})",
                hint="Check the order in Vendor Central; the warehouse lead can request it again.",
            )
        label_set = self.get_label(po)
        if label_set is None:
            raise WorkflowError(
                f"Amazon processed the label request for PO {po} but has no label yet",
                hint="Scan the PO again in a minute.",
            )
        return label_set

    def _label_transaction(
        self,
        po: str,
        selling: Mapping[str, str],
        ship_from: Mapping[str, str],
        containers: Any,
        progress: Progress,
    ) -> str:
        """The v1 label request's transaction: the one already on its way, or a new one."""
        log = self.submissions
        found = log.open(Operation.LABEL, po) if log is not None else None
        if found is not None and found.transaction_id is not None:
            progress(f"Waiting for the label request of PO {po} sent earlier (not sent again)")
            return found.transaction_id
        if found is not None and log is not None and log.now() < found.unsure_until():
            raise WorkflowError(
                f"A label request for PO {po} may be on its way (the station stopped while "
                "sending it): it is not sent twice",
                hint=f"Scan the PO again after {found.unsure_until().astimezone():%H:%M}.",
            )
        progress(f"Requesting the label for PO {po} from Amazon")
        item = s1.ShippingLabelRequest.model_validate(
            {
                "purchase_order_number": po,
                "selling_party": selling,
                "ship_from_party": ship_from,
                "containers": containers,
            }
        )
        if log is not None:
            log.submitting(Operation.LABEL, [po])
        try:
            reference = self.api.shipping_v1.submit_shipping_label_request([item])
        except StationError as exc:
            if log is not None and certainly_not_sent(exc):
                log.decided(Operation.LABEL, [po], None, "not-sent")
            raise
        if not reference.transaction_id:
            raise ResponseFormatError(
                "Amazon accepted the label request without a transaction id",
                operation="submitShippingLabelRequest",
            )
        if log is not None:
            log.submitted(Operation.LABEL, [po], reference.transaction_id)
        return reference.transaction_id

    def wait_for_transaction(
        self, transaction_id: str, progress: Progress, what: str, *, po: str | None = None
    ) -> TransactionResult:
        """Poll until Amazon decides, for at most ``label_wait_seconds`` (the caller's wait).

        Undecided then: the transaction stays recorded and the next scan keeps waiting for it.
        """
        deadline = self._clock() + self.label_wait_seconds
        waited = 0
        while True:
            result = self.transaction_status(transaction_id)
            if result.status != "Processing":
                return result
            if self._clock() >= deadline:
                raise WorkflowError(
                    f"Amazon is still processing the {what} request after "
                    f"{self.label_wait_seconds:.0f} s (transaction {transaction_id}); it is not "
                    "sent again",
                    hint=self._still_processing_hint(po, what),
                )
            waited += 1
            progress(f"Waiting for Amazon to process the {what} request… ({waited})")
            self._sleep(self._poll)

    def _still_processing_hint(self, po: str | None, what: str) -> str:
        """Amazon's own times: labels within 15 minutes; open a case after 30."""
        log = self.submissions
        found = log.open(Operation.LABEL, po) if log is not None and po else None
        if log is not None and found is not None and found.overdue(log.now()):
            return (
                f"Amazon has been processing this {what} request for over 30 minutes: set the "
                "order aside and open a case with Amazon Vendor Central."
            )
        return (
            "Set the order aside and scan it again in a few minutes: the station keeps waiting "
            f"for this {what} request (Amazon takes up to 15 minutes) instead of sending another."
        )

    def get_packing_slip(self, purchase_order_number: str) -> bytes | None:
        try:
            slip = self._shipping().get_packing_slip(purchase_order_number)
        except NotFoundError:
            return None
        check_answer_po(purchase_order_number, slip.purchase_order_number, "packing slip")
        return decode_document(slip.content, expected="pdf").data

    def get_customer_invoice(self, purchase_order_number: str) -> bytes | None:
        try:
            invoice = self._shipping().get_customer_invoice(purchase_order_number)
        except NotFoundError:
            return None
        check_answer_po(purchase_order_number, invoice.purchase_order_number, "customer invoice")
        return decode_document(invoice.content, expected="pdf").data

    def submit_confirmation(self, body: Mapping[str, Any]) -> str:
        if self._v1:
            reference = self.api.shipping_v1.submit_shipment_confirmations(
                s1.SubmitShipmentConfirmationsRequest.model_validate(dict(body))
            )
        else:
            reference = self.api.shipping_2021.submit_shipment_confirmations(
                s21.SubmitShipmentConfirmationsRequest.model_validate(dict(body))
            )
        return _transaction_id(reference.transaction_id, "submitShipmentConfirmations")

    def submit_status_update(self, body: Mapping[str, Any]) -> str:
        if self._v1:
            reference = self.api.shipping_v1.submit_shipment_status_updates(
                s1.SubmitShipmentStatusUpdatesRequest.model_validate(dict(body))
            )
        else:
            reference = self.api.shipping_2021.submit_shipment_status_updates(
                s21.SubmitShipmentStatusUpdatesRequest.model_validate(dict(body))
            )
        return _transaction_id(reference.transaction_id, "submitShipmentStatusUpdates")

    def submit_acknowledgement(self, body: Mapping[str, Any]) -> str:
        request = orders_models.SubmitAcknowledgementRequest.model_validate(dict(body))
        reference = self._orders().submit_acknowledgement(request)
        return _transaction_id(reference.transaction_id, "submitAcknowledgement")

    def transaction_status(self, transaction_id: str) -> TransactionResult:
        client = self.api.transactions_v1 if self._v1 else self.api.transactions_2021
        transaction = client.transaction(transaction_id)
        if transaction is None:
            return TransactionResult(transaction_id, "Processing")
        if transaction.transaction_id != transaction_id:
            raise ResponseFormatError(
                f"Amazon answered the status of transaction {transaction_id} with transaction "
                f"{transaction.transaction_id}",
                operation="getTransactionStatus",
            )
        errors = tuple(
            ApiErrorDetail(code=e.code, message=e.message, details=e.details)
            for e in transaction.errors or ()
        )
        return TransactionResult(transaction.transaction_id, transaction.status, errors)

    def authorise(self, purchase_orders: Sequence[str]) -> int:
        calls = 0
        if self.generic_rdt:
            now = self._clock()
            due = self._generic_asked_at is None or now - self._generic_asked_at > GENERIC_RDT_S
            if due:
                # Asked at most once per token lifetime, whatever the answer: where Amazon
                # refuses generic paths, the per-PO tokens below are all there is.
                self._generic_asked_at = now
                try:
                    calls += self.api.authorise_every_purchase_order(v1=self._v1)
                except StationError as exc:
                    log.info("no token for every PO (%s); one per PO instead", exc.message)
        # What a generic token covers is found in the token cache: no Tokens call then.
        return calls + self.api.prefetch_purchase_orders(purchase_orders, v1=self._v1)


def _transaction_id(value: str | None, operation: str) -> str:
    if not value:
        raise ResponseFormatError(
            "Amazon accepted the submission without a transaction id", operation=operation
        )
    return value


def wire(model: Any) -> dict[str, Any]:
    """The wire JSON of a request model (what the outbox stores)."""
    return to_wire(model)


def utc_now() -> datetime:
    return datetime.now(UTC)


def amazon_now(gateway: object, local: datetime) -> datetime:
    """``local`` on Amazon's clock when the gateway has heard it (its answers' ``Date``)."""
    if isinstance(gateway, SpApiGateway):
        return gateway.api.http.amazon_clock.shift(local)
    return local

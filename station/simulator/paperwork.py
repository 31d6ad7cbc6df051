"""Documents of the simulated orders, rendered on first request and kept for the run.

Rendering a PNG label or a PDF takes milliseconds to tens of milliseconds and pulls in Pillow and
fpdf2, so nothing is rendered (or imported) until an API answer needs it: the server starts fast
and serves repeated getShippingLabel calls from the cache.
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from station.simulator.orderbook import PostalAddress, ShipMethod, SimOrder

if TYPE_CHECKING:
    from station.simulator import documents


class Renderer(Protocol):
    """The document functions of ``station.simulator.documents`` (or a test's stand-in)."""

    def label_png(self, spec: documents.LabelSpec) -> bytes: ...

    def label_zpl(self, spec: documents.LabelSpec) -> bytes: ...

    def packing_slip_pdf(self, spec: documents.OrderDocumentSpec) -> bytes: ...

    def customer_invoice_pdf(self, spec: documents.OrderDocumentSpec) -> bytes: ...


class _ModuleRenderer:
    """Imports the real renderer on first use."""

    def _module(self) -> Any:
        from station.simulator import documents

        return documents

    def warm_up(self) -> None:
        """Import the drawing libraries now rather than inside the first answer that needs them
        (the label's ~0.1 s and ~10 MiB, the packing slip's PDF library ~0.4 s and ~30 MiB)."""
        import importlib

        for name in ("doc_label", "doc_slip", "doc_invoice"):
            importlib.import_module(f"station.simulator.{name}")

    def label_png(self, spec: documents.LabelSpec) -> bytes:
        return bytes(self._module().label_png(spec))

    def label_zpl(self, spec: documents.LabelSpec) -> bytes:
        return bytes(self._module().label_zpl(spec))

    def packing_slip_pdf(self, spec: documents.OrderDocumentSpec) -> bytes:
        return bytes(self._module().packing_slip_pdf(spec))

    def customer_invoice_pdf(self, spec: documents.OrderDocumentSpec) -> bytes:
        return bytes(self._module().customer_invoice_pdf(spec))


def _address(value: PostalAddress) -> documents.Address:
    from station.simulator.documents import Address

    return Address(
        name=value.name,
        address_line1=value.address_line1,
        city=value.city,
        postal_code=value.postal_code,
        country_code=value.country_code,
        state_or_region=value.state_or_region,
        address_line2=value.address_line2,
        phone=value.phone,
    )


class DocumentStore:
    """Base64 document contents by key, rendered at most once each."""

    def __init__(self, renderer: Renderer | None = None) -> None:
        self.renderer: Renderer = renderer if renderer is not None else _ModuleRenderer()
        self._cache: dict[tuple[str, ...], str] = {}
        self._lock = threading.Lock()
        self._key_locks: dict[tuple[str, ...], threading.Lock] = {}

    def warm_up(self) -> None:
        """Load what drawing documents needs, when the renderer can say (stand-ins need nothing)."""
        warm_up = getattr(self.renderer, "warm_up", None)
        if callable(warm_up):
            warm_up()

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def _cached(self, key: tuple[str, ...], render: Callable[[], bytes]) -> str:
        found = self._cache.get(key)
        if found is not None:
            return found
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            found = self._cache.get(key)
            if found is None:
                found = base64.b64encode(render()).decode("ascii")
                self._cache[key] = found
        return found

    def label(
        self,
        order: SimOrder,
        *,
        label_format: str,
        package_identifier: str,
        tracking_number: str,
        ship_method: ShipMethod,
        index: int,
        count: int,
        weight: str,
    ) -> str:
        def render() -> bytes:
            from station.simulator.documents import LabelSpec

            spec = LabelSpec(
                purchase_order_number=order.purchase_order_number,
                package_identifier=package_identifier,
                tracking_number=tracking_number,
                ship_method=ship_method.code,
                ship_method_name=ship_method.name,
                carrier=ship_method.carrier,
                ship_to=_address(order.ship_to),
                ship_from=_address(order.warehouse.address),
                package_index=index,
                package_count=count,
                weight=weight,
            )
            if label_format == "ZPL":
                return self.renderer.label_zpl(spec)
            return self.renderer.label_png(spec)

        return self._cached(("label", label_format, tracking_number), render)

    def container_label(
        self,
        *,
        label_format: str,
        container_id: str,
        tracking_number: str,
        ship_from: PostalAddress,
    ) -> str:
        def render() -> bytes:
            from station.simulator.documents import LabelSpec

            hub = PostalAddress(
                "Amazon Shipping Hub", "1 Carrier Way", "Ontario", "CA", "91761", "US"
            )
            spec = LabelSpec(
                purchase_order_number=container_id,
                package_identifier=container_id,
                tracking_number=tracking_number,
                ship_method="SWA_PALLET",
                ship_method_name="Amazon Shipping pallet",
                carrier="SWA",
                ship_to=_address(hub),
                ship_from=_address(ship_from),
            )
            if label_format == "ZPL":
                return self.renderer.label_zpl(spec)
            return self.renderer.label_png(spec)

        return self._cached(("container", label_format, tracking_number), render)

    def _order_spec(self, order: SimOrder, invoice: bool) -> documents.OrderDocumentSpec:
        from station.simulator.documents import DocumentLine, OrderDocumentSpec

        return OrderDocumentSpec(
            purchase_order_number=order.purchase_order_number,
            order_date=order.order_date,
            ship_to=_address(order.ship_to),
            ship_from=_address(order.warehouse.address),
            lines=tuple(
                DocumentLine(
                    item_sequence_number=line.item_sequence_number,
                    buyer_product_identifier=line.asin,
                    vendor_product_identifier=line.vendor_sku,
                    title=line.title,
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                )
                for line in order.lines
            ),
            is_gift=order.is_gift,
            gift_message=order.gift_message,
            currency=order.warehouse.currency,
            invoice_number=f"INV-{order.purchase_order_number}" if invoice else "",
            tax_rate=order.lines[0].tax_rate if invoice else order.lines[0].tax_rate * 0,
        )

    def packing_slip(self, order: SimOrder) -> str:
        return self._cached(
            ("slip", order.purchase_order_number),
            lambda: self.renderer.packing_slip_pdf(self._order_spec(order, invoice=False)),
        )

    def customer_invoice(self, order: SimOrder) -> str:
        return self._cached(
            ("invoice", order.purchase_order_number),
            lambda: self.renderer.customer_invoice_pdf(self._order_spec(order, invoice=True)),
        )

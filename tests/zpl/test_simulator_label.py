"""The simulator's ZPL label renders, and its tracking barcode scans."""

from __future__ import annotations

import pytest
from zxingcpp import BarcodeFormat as F

from station.zpl import render
from tests.zpl.probes import decode


def test_simulator_zpl_label_renders_with_a_scannable_tracking_number() -> None:
    from station.simulator import documents

    spec = documents.LabelSpec(
        purchase_order_number="2JK3S9VC",
        package_identifier="PKG-1",
        tracking_number="1Z999AA10123456784",
        ship_method="UPS_GR_RES",
        ship_method_name="UPS Ground Residential",
        carrier="UPS",
        ship_to=documents.Address(
            name="Test Customer",
            address_line1="1 Main St",
            city="Seattle",
            postal_code="98101",
            country_code="US",
            state_or_region="WA",
        ),
        ship_from=documents.Address(
            name="Vendor Warehouse",
            address_line1="2 Dock Rd",
            city="Reno",
            postal_code="89501",
            country_code="US",
            state_or_region="NV",
        ),
    )
    try:
        zpl = documents.label_zpl(spec)
    except NotImplementedError:
        pytest.skip("station.simulator.documents.label_zpl is not implemented yet")
    result = render(zpl, documents.LABEL_DPI)
    assert result.image.size == documents.LABEL_SIZE
    assert result.warnings == ()
    decoded = decode(result.image, F.Code128)
    assert spec.tracking_number in decoded
    assert spec.purchase_order_number in decoded

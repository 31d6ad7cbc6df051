"""The README's MCF section, run: every ``station mcf`` command it documents goes through the real
program (in demo mode), on a file with every documented column and on a Shopify order export;
the column list it documents is the importer's; the roles it names are the guide's."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from station.workflow.mcf_import import STATION_COLUMNS
from tests.helpers.contract import REPO_ROOT
from tests.workflow.test_mcf_demo_cli import demo_env, station

README = REPO_ROOT / "README.md"
GUIDE = REPO_ROOT.parent / "shared" / "seeds" / "mcf-api-integration-guide.pt.txt"


def mcf_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Amazon fulfilment (MCF)")
    return text[start : text.index("\n## ", start + 10)]


def documented_actions() -> set[str]:
    flat = " ".join(mcf_section().split())
    return set(re.findall(r"`station (?:--demo )?mcf ([a-z-]+)", flat))


def test_the_documented_columns_are_the_importers() -> None:
    flat = " ".join(mcf_section().split())
    listed = flat[flat.index("Columns:") : flat.index("(\\* required)")]
    assert re.findall(r"`([a-z_0-9]+)`", listed) == list(STATION_COLUMNS)
    for shopify in ("`Name`", "`Lineitem sku`", "`Lineitem quantity`", "`Shipping *`"):
        assert shopify in flat


def test_the_roles_are_the_guides() -> None:
    flat = " ".join(mcf_section().split())
    for role in ("Product Listing", "Amazon Fulfillment", "Inventory and Order Tracking"):
        assert f"**{role}**" in flat
    if GUIDE.is_file():  # the guide lists them in Portuguese, in this order
        guide = GUIDE.read_text(encoding="utf-8")
        assert (
            "[Oferta de produto, Enviado pela Amazon, Rastreamento de estoque e pedidos]" in guide
        )
    assert "Pack here" in flat and "pack-here" in flat


STATION_CSV_ROW = {
    "shop_order": "R-1",
    "order_date": "2026-12-01T09:00:00Z",
    "name": "Ana Souza",
    "address1": "100 Pike St",
    "address2": "Apt 2",
    "address3": "Floor 3",
    "city": "Seattle",
    "district": "King",
    "state": "WA",
    "postal_code": "98101",
    "country": "US",
    "phone": "+1 206 555 0100",
    "email": "ana@example.com",
    "sku": "MCF-MUG-RED",
    "quantity": "1",
    "declared_value": "12.50",
    "currency": "USD",
    "speed": "Standard",
    "blank_box": "yes",
    "block_amzl": "no",
    "signature": "no",
    "hold": "no",
    "comment": "Thanks!",
}

SHOPIFY_EXPORT = (
    "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
    "Lineitem sku,Lineitem requires shipping,Currency,Shipping Name,Shipping Street,"
    "Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,"
    "Shipping Province,Shipping Country,Shipping Phone,Notes\n"
    "#2001,b@example.com,paid,2026-11-30 11:00:00 -0500,1,Tee,15,MCF-TEE-M,true,USD,"
    "Bo Lee,1 Main St,1 Main St,,,Austin,73301,TX,US,,\n"
    "#2001,,,,1,Gift card,25.00,GIFT,false,,,,,,,,,,,,\n"
)


def test_every_documented_command_runs(tmp_path: Path) -> None:
    env = demo_env(tmp_path / "home")
    orders = tmp_path / "orders.csv"
    with orders.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(STATION_COLUMNS))
        writer.writeheader()
        for n in range(1, 6):
            writer.writerow({**STATION_CSV_ROW, "shop_order": f"R-{n}"})
    shopify = tmp_path / "orders_export.csv"
    shopify.write_text(SHOPIFY_EXPORT, encoding="utf-8")

    ran: set[str] = set()

    def run(*args: str, expect: int = 0) -> str:
        done = station(env, "--demo", "mcf", *args)
        assert done.returncode == expect, (args, done.stdout, done.stderr)
        ran.add(args[0])
        return done.stdout

    assert "Imported 5 order(s)" in run("import", str(orders))
    assert "Imported 1 order(s) from a shopify file" in run("import", str(shopify))
    assert "R-1" in run("list") and "#2001" in run("list", "--state", "imported")
    assert "BLANK_BOX" in run("preview", "R-1", "--blank-box")
    assert "fees" in run("preview", "#2001", "--block-amzl", "--signature")
    assert "pack_here" in run("pack-here", "R-5")
    assert "sent" in run("send", "R-1", "--speed", "Expedited")
    assert "on_hold" in run("send", "R-2", "--hold")
    assert "sent" in run("release", "R-2")
    sent_all = run("send", "--all")
    assert "R-3" in sent_all and "#2001" in sent_all and "R-5" not in sent_all
    assert "cancelled" in run("cancel", "R-4")
    export = tmp_path / "tracking.csv"
    assert "tracking number(s)" in run("track", "--export", str(export))
    assert export.read_text(encoding="utf-8").startswith(
        "shop_order,amazon_order_id,status,carrier,tracking_number,package_status,estimated_arrival"
    )
    assert "Forgot" in run("purge", "--days", "90")
    assert documented_actions() <= ran, documented_actions() - ran
    config = station(env, "config", "path")
    assert config.returncode == 0 and "data folder" in config.stdout

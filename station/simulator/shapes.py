"""Hand-written request shapes, checked before any business rule, like Amazon's front door.

Amazon answers a body with a missing required field or a value of the wrong JSON type with a
synchronous ``400 InvalidInput`` naming the element; business rules are checked later, in the
asynchronous transaction. This module is that front door: a tiny declarative checker and the
shapes of the request bodies the simulator accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from station.simulator.wire import V1


class Shape:
    def check(self, value: Any, path: str, problems: list[str]) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Str(Shape):
    pattern: str | None = None
    enum: tuple[str, ...] = ()
    date_time: bool = False
    decimal: bool = False

    def check(self, value: Any, path: str, problems: list[str]) -> None:
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string")
        elif self.pattern and not re.fullmatch(self.pattern, value):
            problems.append(f"{path}: {value!r} does not match {self.pattern}")
        elif self.enum and value not in self.enum:
            problems.append(f"{path}: {value!r} is not one of {', '.join(self.enum)}")
        elif self.date_time and parse_datetime(value) is None:
            problems.append(f"{path}: {value!r} is not an ISO 8601 date-time")
        elif self.decimal and not re.fullmatch(r"-?\d+(\.\d+)?", value):
            problems.append(f"{path}: {value!r} is not a decimal number")


@dataclass(frozen=True)
class Int(Shape):
    def check(self, value: Any, path: str, problems: list[str]) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{path}: expected an integer")


@dataclass(frozen=True)
class Bool(Shape):
    def check(self, value: Any, path: str, problems: list[str]) -> None:
        if not isinstance(value, bool):
            problems.append(f"{path}: expected true or false")


@dataclass(frozen=True)
class Arr(Shape):
    item: Shape
    min_items: int = 0
    max_items: int | None = None

    def check(self, value: Any, path: str, problems: list[str]) -> None:
        if not isinstance(value, list):
            problems.append(f"{path}: expected an array")
            return
        if len(value) < self.min_items:
            problems.append(f"{path}: needs at least {self.min_items} element(s)")
        if self.max_items is not None and len(value) > self.max_items:
            problems.append(f"{path}: allows at most {self.max_items} element(s)")
        for index, element in enumerate(value):
            self.item.check(element, f"{path}[{index}]", problems)


@dataclass(frozen=True)
class Obj(Shape):
    required: dict[str, Shape] = field(default_factory=dict)
    optional: dict[str, Shape] = field(default_factory=dict)

    def check(self, value: Any, path: str, problems: list[str]) -> None:
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object")
            return
        for name, shape in self.required.items():
            if name not in value or value[name] is None:
                problems.append(f"{path}.{name}: is required")
            else:
                shape.check(value[name], f"{path}.{name}", problems)
        for name, shape in self.optional.items():
            if name in value and value[name] is not None:
                shape.check(value[name], f"{path}.{name}", problems)


def parse_datetime(value: str) -> datetime | None:
    """An ISO 8601 date-time with an offset (or ``Z``); naive values count as UTC."""
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        from datetime import UTC

        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def check(shape: Shape, body: Any, root: str = "body") -> list[str]:
    problems: list[str] = []
    shape.check(body, root, problems)
    return problems


PO = Str(pattern=r"[a-zA-Z0-9]+")
ADDRESS = Obj(
    {"name": Str(), "addressLine1": Str(), "countryCode": Str()},
    {
        "addressLine2": Str(),
        "addressLine3": Str(),
        "city": Str(),
        "county": Str(),
        "district": Str(),
        "stateOrRegion": Str(),
        "postalCode": Str(),
        "phone": Str(),
        "attention": Str(),
    },
)
PARTY = Obj({"partyId": Str()}, {"address": ADDRESS})
QUANTITY = Obj({"amount": Int(), "unitOfMeasure": Str()})
WEIGHT = Obj({"unitOfMeasure": Str(enum=("KG", "LB")), "value": Str(decimal=True)})
DIMENSIONS = Obj(
    {
        "length": Str(decimal=True),
        "width": Str(decimal=True),
        "height": Str(decimal=True),
        "unitOfMeasure": Str(enum=("IN", "CM")),
    }
)


def container(version: str) -> Obj:
    kinds = ("carton", "pallet") if version == V1 else ("Carton", "Pallet")
    return Obj(
        {
            "containerType": Str(enum=kinds),
            "containerIdentifier": Str(),
            "weight": WEIGHT,
            "packedItems": Arr(
                Obj(
                    {"itemSequenceNumber": Int(), "packedQuantity": QUANTITY},
                    {
                        "buyerProductIdentifier": Str(),
                        "vendorProductIdentifier": Str(),
                        "pieceNumber": Int(),
                    },
                )
            ),
        },
        {
            "trackingNumber": Str(),
            "manifestId": Str(),
            "manifestDate": Str(),
            "shipMethod": Str(),
            "scacCode": Str(),
            "carrier": Str(),
            "containerSequenceNumber": Int(),
            "dimensions": DIMENSIONS,
        },
    )


def label_requests(version: str) -> Obj:
    return Obj(
        {
            "shippingLabelRequests": Arr(
                Obj(
                    {"purchaseOrderNumber": PO, "sellingParty": PARTY, "shipFromParty": PARTY},
                    {"containers": Arr(container(version))},
                ),
                min_items=1,
            )
        }
    )


def create_labels(version: str) -> Obj:
    return Obj(
        {"sellingParty": PARTY, "shipFromParty": PARTY}, {"containers": Arr(container(version))}
    )


CONTAINER_LABEL = Obj(
    {
        "sellingParty": PARTY,
        "shipFromParty": PARTY,
        "carrierId": Str(enum=("SWA",)),
        "vendorContainerId": Str(),
        "packages": Arr(Obj({"packageTrackingNumber": Str()}), min_items=1),
    }
)


def confirmations(version: str) -> Obj:
    return Obj(
        {
            "shipmentConfirmations": Arr(
                Obj(
                    {
                        "purchaseOrderNumber": PO,
                        "shipmentDetails": Obj(
                            {
                                "shippedDate": Str(date_time=True),
                                "shipmentStatus": Str(enum=("SHIPPED", "FLOOR_DENIAL")),
                            },
                            {
                                "isPriorityShipment": Bool(),
                                "vendorOrderNumber": Str(),
                                "estimatedDeliveryDate": Str(date_time=True),
                            },
                        ),
                        "sellingParty": PARTY,
                        "shipFromParty": PARTY,
                        "items": Arr(
                            Obj(
                                {"itemSequenceNumber": Int(), "shippedQuantity": QUANTITY},
                                {"buyerProductIdentifier": Str(), "vendorProductIdentifier": Str()},
                            )
                        ),
                    },
                    {"containers": Arr(container(version))},
                ),
                min_items=1,
            )
        }
    )


STATUS_UPDATES = Obj(
    {
        "shipmentStatusUpdates": Arr(
            Obj(
                {
                    "purchaseOrderNumber": PO,
                    "sellingParty": PARTY,
                    "shipFromParty": PARTY,
                    "statusUpdateDetails": Obj(
                        {
                            "trackingNumber": Str(),
                            "statusCode": Str(),
                            "reasonCode": Str(),
                            "statusDateTime": Str(date_time=True),
                            "statusLocationAddress": ADDRESS,
                        },
                        {"shipmentSchedule": Obj()},
                    ),
                }
            ),
            min_items=1,
        )
    }
)

ACKNOWLEDGEMENTS = Obj(
    {
        "orderAcknowledgements": Arr(
            Obj(
                {
                    "purchaseOrderNumber": PO,
                    "vendorOrderNumber": Str(),
                    "acknowledgementDate": Str(date_time=True),
                    "acknowledgementStatus": Obj({}, {"code": Str(), "description": Str()}),
                    "sellingParty": PARTY,
                    "shipFromParty": PARTY,
                    "itemAcknowledgements": Arr(
                        Obj(
                            {
                                "itemSequenceNumber": Str(),
                                "acknowledgedQuantity": Obj(
                                    {}, {"amount": Int(), "unitOfMeasure": Str()}
                                ),
                            },
                            {"buyerProductIdentifier": Str(), "vendorProductIdentifier": Str()},
                        )
                    ),
                }
            ),
            min_items=1,
        )
    }
)

RESTRICTED_DATA_TOKEN = Obj(
    {
        "restrictedResources": Arr(
            Obj(
                {"method": Str(enum=("GET", "PUT", "POST", "DELETE")), "path": Str()},
                {"dataElements": Arr(Str())},
            ),
            min_items=1,
            max_items=50,
        )
    },
    {"targetApplication": Str()},
)

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.spapi.fakes import Rig, make_rig


@pytest.fixture
def rig() -> Iterator[Rig]:
    made = make_rig()
    yield made
    made.client.close()


@pytest.fixture
def rdt_rig() -> Iterator[Rig]:
    made = make_rig(use_rdt=True)
    yield made
    made.client.close()

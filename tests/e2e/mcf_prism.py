"""Prism serving one Fulfillment Outbound model (unchanged), for the MCF tests against Prism."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.e2e.prism import PRISM_BIN, PrismServer
from tests.e2e.test_station_against_prism import NO_PRISM, _missing
from tests.helpers.contract import MCF_MODEL_FILES, models_dir

VERSIONS = {"2020-07-01": "mcf-2020", "2026-07-04": "mcf-2026"}


@contextmanager
def mcf_prism(version: str, workdir: Path) -> Iterator[PrismServer]:
    """Prism serving the model of ``version``; skips (fails in CI) without Prism or models."""
    models = models_dir()
    if models is None:
        _missing("Amazon's SP-API models not found at ../shared/sp-api-models")
    if not PRISM_BIN.exists() or sys.platform == "win32":
        _missing(NO_PRISM)
    assert models is not None
    server = PrismServer(models, workdir)
    server.spec.write_bytes((models / MCF_MODEL_FILES[VERSIONS[version]]).read_bytes())
    server.start()
    try:
        yield server
    finally:
        server.stop()

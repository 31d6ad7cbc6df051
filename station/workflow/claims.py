"""Which bench packs which PO: the engine's view of claims.

A one-bench shop has nothing to claim (:class:`NoClaims`). In warehouse mode the site database
holds a claim per PO with a lease (``station.site.claims``): the engine claims a PO when it is
scanned, checks the claim before printing or confirming, and marks a label request as in flight
so the claim cannot expire under it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Protocol

__all__ = ["ClaimStore", "NoClaims"]


class ClaimStore(Protocol):
    def claim(self, po: str) -> None:
        """Claim ``po`` for this station, or raise ClaimedElsewhereError naming the holder."""
        ...

    def check(self, po: str) -> None:
        """Raise ClaimedElsewhereError when ``po`` is no longer this station's to pack."""
        ...

    def in_flight(self, po: str, what: str) -> AbstractContextManager[None]:
        """While the block runs (a label request), the claim of ``po`` cannot expire."""
        ...

    def shipped(self, po: str) -> None:
        """The confirmation of ``po`` is recorded: the claim is kept for good."""
        ...


class NoClaims:
    """One bench: every PO scanned here is this bench's."""

    def claim(self, po: str) -> None:
        return None

    def check(self, po: str) -> None:
        return None

    def in_flight(self, po: str, what: str) -> AbstractContextManager[None]:
        return nullcontext()

    def shipped(self, po: str) -> None:
        return None

"""Restricted Data Tokens: obtained, cached and batched.

createRestrictedDataToken allows 1 request per second (burst 10) and one token covers up to 50
resources for an hour. Scanning a PO needs four restricted GETs (order, label, slip, invoice), so
asking per call would exhaust the quota within a few scans. Instead the cache keeps every token
until shortly before it expires, and ``prefetch`` authorises many POs in one call: either concrete
paths (50 per token) or templated paths such as ``.../shippingLabels/{purchaseOrderNumber}``, which
cover every PO at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from station.errors import ForbiddenError, ResponseFormatError
from station.spapi.models.tokens import (
    MAX_RESOURCES_PER_TOKEN,
    CreateRestrictedDataTokenResponse,
    RestrictedResource,
)

__all__ = ["RdtCache", "ResourceKey", "path_matches"]

log = logging.getLogger("station.spapi")

T = TypeVar("T")
ResourceKey = tuple[str, str]  # (method, path)

CreateToken = Callable[[Sequence[RestrictedResource]], CreateRestrictedDataTokenResponse]


def path_matches(pattern: str, path: str) -> bool:
    """True when ``path`` equals ``pattern``, a ``{placeholder}`` segment matching any segment."""
    want = pattern.strip("/").split("/")
    have = path.strip("/").split("/")
    if len(want) != len(have):
        return False
    return all(
        w == h or (w.startswith("{") and w.endswith("}") and h != "")
        for w, h in zip(want, have, strict=True)
    )


@dataclass(frozen=True)
class _Token:
    value: str
    expires_at: float
    data_elements: frozenset[str]

    def __repr__(self) -> str:
        return f"_Token(<hidden>, expires_at={self.expires_at:.0f})"


class RdtCache:
    """Thread-safe RDT cache. ``calls`` counts createRestrictedDataToken requests made."""

    def __init__(
        self,
        create: CreateToken,
        *,
        clock: Callable[[], float] = time.monotonic,
        margin: float = 60.0,
    ) -> None:
        self._create = create
        self._clock = clock
        self.margin = margin
        self._entries: dict[ResourceKey, _Token] = {}
        self._lock = threading.RLock()
        self.calls = 0

    def __repr__(self) -> str:
        return f"RdtCache(entries={len(self._entries)}, calls={self.calls})"

    def _lookup(self, method: str, path: str, elements: frozenset[str]) -> _Token | None:
        now = self._clock()
        for (m, p), token in list(self._entries.items()):
            if token.expires_at <= now:
                del self._entries[(m, p)]
        exact = self._entries.get((method, path))
        if exact is not None and elements <= exact.data_elements:
            return exact
        for (m, p), token in self._entries.items():
            if (
                m == method
                and "{" in p
                and path_matches(p, path)
                and elements <= token.data_elements
            ):
                return token
        return None

    def cached(self, method: str, path: str, data_elements: Iterable[str] = ()) -> bool:
        with self._lock:
            return self._lookup(method.upper(), path, frozenset(data_elements)) is not None

    def token_for(
        self, method: str, path: str, data_elements: Iterable[str] = ()
    ) -> tuple[str, bool]:
        """An RDT for the resource and whether it came from the cache."""
        method = method.upper()
        elements = frozenset(data_elements)
        with self._lock:
            found = self._lookup(method, path, elements)
            if found is not None:
                return found.value, True
            resource = RestrictedResource(
                method=method,
                path=path,
                data_elements=sorted(elements) or None,
            )
            token = self._request([resource])
            return token.value, False

    def prefetch(self, resources: Iterable[RestrictedResource | ResourceKey]) -> int:
        """Authorise every resource not yet cached, 50 per Tokens call; return the calls made."""
        wanted: list[RestrictedResource] = []
        seen: set[ResourceKey] = set()
        with self._lock:
            for item in resources:
                resource = (
                    item
                    if isinstance(item, RestrictedResource)
                    else RestrictedResource(method=item[0].upper(), path=item[1])
                )
                key = (resource.method, resource.path)
                elements = frozenset(resource.data_elements or ())
                if key in seen or self._lookup(key[0], key[1], elements) is not None:
                    continue
                seen.add(key)
                wanted.append(resource)
            calls = 0
            for start in range(0, len(wanted), MAX_RESOURCES_PER_TOKEN):
                self._request(wanted[start : start + MAX_RESOURCES_PER_TOKEN])
                calls += 1
            return calls

    def invalidate(self, token_value: str) -> None:
        """Forget a token (for every resource it covered): Amazon refused it."""
        with self._lock:
            for key in [k for k, t in self._entries.items() if t.value == token_value]:
                del self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def call(self, method: str, path: str, send: Callable[[str], T]) -> T:
        """Run ``send(rdt)``; a 403 with a cached RDT drops it and tries once with a fresh one."""
        token, from_cache = self.token_for(method, path)
        try:
            return send(token)
        except ForbiddenError:
            if not from_cache:
                raise
            log.info("A cached Restricted Data Token was refused; requesting a fresh one")
            self.invalidate(token)
            fresh, _ = self.token_for(method, path)
            return send(fresh)

    def _request(self, resources: Sequence[RestrictedResource]) -> _Token:
        started = self._clock()
        self.calls += 1
        answer = self._create(resources)
        value = answer.restricted_data_token
        if not value:
            raise ResponseFormatError(
                "createRestrictedDataToken answered without a token",
                operation="createRestrictedDataToken",
            )
        lifetime = answer.expires_in if answer.expires_in and answer.expires_in > 0 else 3600
        expires_at = started + lifetime - min(self.margin, lifetime / 2)
        for resource in resources:
            token = _Token(value, expires_at, frozenset(resource.data_elements or ()))
            self._entries[(resource.method, resource.path)] = token
        log.info("Restricted Data Token obtained for %d resource(s)", len(resources))
        return _Token(value, expires_at, frozenset())

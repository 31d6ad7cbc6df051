"""What one answer may cost the station: bytes, unpacked bytes and wall-clock time.

httpx bounds each socket read by its read timeout, not a whole answer: a server that sends one byte
every 20 s holds a request for ever, and a 1 MB gzip answer may unpack to gigabytes in memory. The
transport built here closes both holes for every request the station makes, including the ones
httpx sends on its own (the 401 that LWA's auth flow reads before refreshing):

* **Deadline.** :func:`deadline_scope` sets an absolute deadline for the current thread; every
  connect, socket read and socket write is given at most the time left, so a dripping server is cut
  off at the deadline (:class:`DeadlineExceededError`), however slowly it sends.
* **Size.** Each answer is read against a cap chosen by the operation
  (:func:`answer_limit_for`; a ``Content-Length`` above the cap is refused before a byte of the
  body is read) and unpacked here, a bounded slice at a time, so gzip or deflate never produces
  more than the cap (:class:`AnswerTooLargeError`). Other encodings are refused.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
import zlib
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx

from station.errors import ResponseFormatError

__all__ = [
    "ANSWER_LIMITS",
    "DEFAULT_ANSWER_LIMIT",
    "DOCUMENT_ANSWER_LIMIT",
    "ERROR_ANSWER_LIMIT",
    "LIMIT_EXTENSION",
    "LWA_ANSWER_LIMIT",
    "AnswerTooLargeError",
    "BoundedTransport",
    "DeadlineExceededError",
    "answer_limit_for",
    "bounded_transport",
    "deadline_passed",
    "deadline_scope",
    "describe_bytes",
]

MIB = 1024 * 1024

#: Label, packing slip and invoice answers carry base64 documents. A real DF label is a ~100 KB
#: PNG (~135 KB in base64) and a multi-page invoice PDF a few MB; a list page holds up to 100
#: labels (~15 MB). 32 MiB is twice the largest real answer we can think of.
DOCUMENT_ANSWER_LIMIT = 32 * MIB
#: Every other answer is JSON without documents: a page of 100 orders is ~300 KB.
DEFAULT_ANSWER_LIMIT = 4 * MIB
#: An error answer (4xx/5xx) needs only its codes; a larger one is read no further.
ERROR_ANSWER_LIMIT = 64 * 1024
#: Login with Amazon answers with a token or an error code: a few hundred bytes.
LWA_ANSWER_LIMIT = 64 * 1024

_DOCUMENT_OPERATIONS = (
    "getShippingLabel",
    "getShippingLabels",
    "submitShippingLabelRequest",
    "createShippingLabels",
    "createContainerLabel",
    "getPackingSlip",
    "getPackingSlips",
    "getCustomerInvoice",
    "getCustomerInvoices",
)
ANSWER_LIMITS: dict[str, int] = dict.fromkeys(_DOCUMENT_OPERATIONS, DOCUMENT_ANSWER_LIMIT)

#: The request extension that carries ``(operation, limit)`` to the transport.
LIMIT_EXTENSION = "station.answer_limit"

_SLICE = 256 * 1024  # unpack at most this much per step
_DEADLINE: contextvars.ContextVar[tuple[float, float] | None] = contextvars.ContextVar(
    "station_http_deadline", default=None
)
_TINY = 0.001  # a socket timeout of 0 would make the socket non-blocking: use a tiny one instead


def answer_limit_for(operation: str) -> int:
    return ANSWER_LIMITS.get(operation, DEFAULT_ANSWER_LIMIT)


def describe_bytes(size: int) -> str:
    if size >= MIB:
        return f"{size / MIB:g} MiB"
    return f"{size / 1024:g} KiB"


class AnswerTooLargeError(ResponseFormatError):
    """An answer (or what it unpacks to) is larger than its operation's cap; nothing was kept."""

    default_hint = (
        "The server sent far more than any real answer holds, so the station stopped reading. "
        "Try again; if it keeps happening, the network (a proxy) or the server is broken: tell IT."
    )


class DeadlineExceededError(httpx.ReadTimeout):
    """The deadline of the current request passed while it was connecting, sending or reading."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no complete answer within {seconds:g} s")
        self.seconds = seconds


@contextlib.contextmanager
def deadline_scope(seconds: float) -> Iterator[float]:
    """Everything sent or read in this block (this thread) ends ``seconds`` from now at the
    latest; a deadline set by an outer block is kept when it is earlier."""
    now = time.monotonic()
    current = _DEADLINE.get()
    new = (now + seconds, seconds)
    if current is not None and current[0] <= new[0]:
        new = current
    token = _DEADLINE.set(new)
    try:
        yield new[1]
    finally:
        _DEADLINE.reset(token)


def deadline_passed() -> float | None:
    """The deadline's length in seconds when it has passed, else None."""
    current = _DEADLINE.get()
    if current is not None and time.monotonic() >= current[0]:
        return current[1]
    return None


def _clamp(timeout: float | None) -> float | None:
    current = _DEADLINE.get()
    if current is None:
        return timeout
    left = current[0] - time.monotonic()
    if left <= 0:
        raise DeadlineExceededError(current[1])
    return max(_TINY, left if timeout is None else min(timeout, left))


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _clamp(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _clamp(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self._inner.start_tls(ssl_context, server_hostname, _clamp(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_tcp(
                host,
                port,
                _clamp(timeout),
                local_address=local_address,
                socket_options=socket_options,
            )
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_unix_socket(path, _clamp(timeout), socket_options=socket_options)
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Unpacker:
    """Content-Encoding undone a bounded slice at a time (identity, gzip, deflate)."""

    def __init__(self, encoding: str, operation: str) -> None:
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise ResponseFormatError(
                f"{operation}: the answer is packed as {encoding!r}, which the station does not "
                "accept (only gzip or deflate)",
                operation=operation,
            )
        self._encoding = encoding
        self._operation = operation
        self._zlib: Any = None
        if encoding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._encoding in ("", "identity"):
            yield data
            return
        if self._zlib is None:  # deflate: with a zlib header, or raw as some servers send it
            zlib_header = (
                len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            )
            self._zlib = zlib.decompressobj(zlib.MAX_WBITS if zlib_header else -zlib.MAX_WBITS)
        pending = data
        while pending and not self._zlib.eof:
            try:
                out = self._zlib.decompress(pending, _SLICE)
            except zlib.error as exc:
                raise ResponseFormatError(
                    f"{self._operation}: the answer does not unpack ({exc})",
                    operation=self._operation,
                ) from None
            pending = self._zlib.unconsumed_tail
            if out:
                yield out


class _BoundedStream(httpx.SyncByteStream):
    def __init__(
        self, inner: httpx.SyncByteStream, unpacker: _Unpacker, operation: str, limit: int
    ) -> None:
        self._inner = inner
        self._unpacker = unpacker
        self._operation = operation
        self._limit = limit

    def __iter__(self) -> Iterator[bytes]:
        total = raw = 0
        for chunk in self._inner:
            passed = deadline_passed()
            if passed is not None:
                raise DeadlineExceededError(passed)
            raw += len(chunk)
            if raw > self._limit:
                raise self._too_large()
            for piece in self._unpacker.feed(chunk):
                total += len(piece)
                if total > self._limit:
                    raise self._too_large()
                yield piece

    def _too_large(self) -> AnswerTooLargeError:
        return AnswerTooLargeError(
            f"{self._operation}: the answer is larger than {describe_bytes(self._limit)}, the "
            "limit for this operation; the station stopped reading it",
            operation=self._operation,
        )

    def close(self) -> None:
        self._inner.close()


class BoundedTransport(httpx.BaseTransport):
    """Wraps a transport: answers are unpacked here under a size cap (see the module doc)."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        operation, limit = request.extensions.get(
            LIMIT_EXTENSION, ("the request", DEFAULT_ANSWER_LIMIT)
        )
        response = self._inner.handle_request(request)
        if response.status_code >= 400:
            limit = min(limit, ERROR_ANSWER_LIMIT)
        encoding = response.headers.get("content-encoding", "").strip().lower()
        length = response.headers.get("content-length", "")
        try:
            unpacker = _Unpacker(encoding, operation)
            if length.strip().isdigit() and int(length) > limit:
                raise AnswerTooLargeError(
                    f"{operation}: the answer announces {describe_bytes(int(length))}, more than "
                    f"{describe_bytes(limit)}, the limit for this operation; the station did not "
                    "read it",
                    operation=operation,
                )
        except BaseException:
            response.close()
            raise
        headers = [
            (name, value)
            for name, value in response.headers.raw
            if name.lower() not in (b"content-encoding", b"content-length")
        ]
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=headers,
            stream=_BoundedStream(response.stream, unpacker, operation, limit),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._inner.close()


def bounded_transport(**kwargs: Any) -> BoundedTransport:
    """An ``httpx.HTTPTransport`` whose sockets honour :func:`deadline_scope`, wrapped in the size
    caps. ``kwargs`` go to ``httpx.HTTPTransport``."""
    inner = httpx.HTTPTransport(**kwargs)
    pool = getattr(inner, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if backend is None:  # pragma: no cover - guarded by the dripping-server tests
        raise RuntimeError("this httpx/httpcore version hides its network backend")
    pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    return BoundedTransport(inner)

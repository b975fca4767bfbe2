"""A response body collected under a hard cap on DECODED bytes, so compression bombs stay small."""

from __future__ import annotations

import contextlib
import zlib

from summarizer.errors import FetchError, TooLarge

# zlib window bits: 16+15 reads a gzip wrapper, 15 a zlib wrapper, -15 raw deflate.
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_ZLIB_WBITS = zlib.MAX_WBITS
_RAW_DEFLATE_WBITS = -zlib.MAX_WBITS

SUPPORTED_ENCODINGS = "gzip, deflate"


class BoundedBody:
    """Collects raw chunks, inflating gzip/deflate itself, and raises TooLarge past `max_bytes`.

    httpx's own decoders inflate without a limit; here each `decompress` call may only produce
    what is left of the budget (plus one byte to notice the overflow), so memory stays flat.
    """

    def __init__(self, content_encoding: str, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.raw_bytes = 0
        self._decoded = bytearray()
        self._finished = False
        encoding = content_encoding.strip().lower()
        if encoding in ("", "identity"):
            self._wbits: int | None = None
        elif encoding in ("gzip", "x-gzip"):
            self._wbits = _GZIP_WBITS
        elif encoding == "deflate":
            self._wbits = _ZLIB_WBITS
        else:
            raise FetchError(f"the server sent the page in an unsupported encoding ({encoding})")
        self._inflater = zlib.decompressobj(self._wbits) if self._wbits is not None else None

    @property
    def decoded_bytes(self) -> int:
        """How many decoded bytes have been kept so far."""
        return len(self._decoded)

    def feed(self, chunk: bytes) -> None:
        """Add one raw chunk from the network; raises TooLarge once the decoded cap is passed."""
        self.raw_bytes += len(chunk)
        if self._inflater is None:
            self._keep(chunk)
            return
        data = chunk
        while data and not self._finished:
            budget = self.max_bytes - len(self._decoded) + 1
            try:
                output = self._inflater.decompress(data, budget)
            except zlib.error:
                data = self._retry_as_raw_deflate(data)
                continue
            self._keep(output)
            data = self._next_input()

    def finish(self) -> bytes:
        """Return the decoded body; a truncated compressed stream yields what arrived."""
        if self._inflater is not None and not self._finished:
            # A body cut short still decodes as far as it went, as browsers show it.
            with contextlib.suppress(zlib.error):
                self._keep(self._inflater.flush())
        return bytes(self._decoded)

    def _keep(self, output: bytes) -> None:
        """Append decoded bytes, failing as soon as they pass the cap."""
        self._decoded += output
        if len(self._decoded) > self.max_bytes:
            once = " once decompressed" if self._wbits is not None else ""
            raise TooLarge(f"the page is larger than {_mib(self.max_bytes)}{once}")

    def _next_input(self) -> bytes:
        """What is left to inflate: the unconsumed tail, or a following gzip member."""
        assert self._inflater is not None
        if not self._inflater.eof:
            return self._inflater.unconsumed_tail
        rest = self._inflater.unused_data
        if self._wbits == _GZIP_WBITS and rest.startswith(b"\x1f\x8b"):
            self._inflater = zlib.decompressobj(self._wbits)  # concatenated gzip members
            return rest
        self._finished = True  # trailing garbage after the stream is ignored, as browsers do
        return b""

    def _retry_as_raw_deflate(self, data: bytes) -> bytes:
        """Some servers send raw deflate as "deflate"; switch once, at the very start, else fail."""
        if self._wbits == _ZLIB_WBITS and not self._decoded and self.raw_bytes == len(data):
            self._wbits = _RAW_DEFLATE_WBITS
            self._inflater = zlib.decompressobj(self._wbits)
            return data
        raise FetchError("the page's compressed body is corrupt")


def _mib(size: int) -> str:
    """A byte count as the MiB figure users see in messages."""
    return f"{size / (1024 * 1024):g} MiB"

"""Bytes of a page -> text. An HTML page: header charset, then <meta>, then BOM, then detection;
a plain-text document: BOM, then header charset, then detection (it has no <meta>)."""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer

log = logging.getLogger(__name__)

# How far into the page a <meta charset> is looked for; real pages put long <script>s first.
META_SCAN_BYTES = 8192
# How much of the page charset-normalizer sees; enough to decide, bounded so it stays fast.
DETECTION_SAMPLE_BYTES = 64 * 1024

_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels browsers decode with a superset encoding (WHATWG Encoding Standard); Python keeps them
# strict, which would turn e.g. a curly quote in a "latin-1" page into U+FFFD.
_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "iso8859-9": "cp1254",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
}

# Text codecs Python knows that a web page must never be decoded with (UTF-7 is an XSS vector).
_REFUSED = {"utf-7", "idna", "punycode", "raw-unicode-escape", "unicode-escape", "mbcs", "oem"}


def decode_html(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode a page, returning (text, Python codec name); never raises, whatever the bytes."""
    encoding = (
        _usable(header_charset)
        or _meta_charset(body)
        or _bom_charset(body)
        or _detected_charset(body)
        or "utf-8"
    )
    return _decode(body, encoding)


def decode_text(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Decode a plain-text document, returning (text, Python codec name); never raises.

    A byte-order mark decides first, as browsers let it (a server's default "ISO-8859-1" label
    on a UTF-8 file is common); then the header's charset, then UTF-8, then detection.
    """
    encoding = _bom_charset(body) or _usable(header_charset) or _detected_charset(body) or "utf-8"
    return _decode(body, encoding)


def _decode(body: bytes, encoding: str) -> tuple[str, str]:
    if encoding == "utf-8" and body.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    try:
        return body.decode(encoding, errors="replace"), encoding
    except Exception:  # a codec that fails even with errors="replace": fall back, never raise
        log.debug("decoding with %s failed; using utf-8", encoding, exc_info=True)
        return body.decode("utf-8", errors="replace"), "utf-8"


def _usable(label: str | bytes | None) -> str | None:
    """Normalise a charset label to a Python text codec name, or None if it is not usable."""
    if not label:
        return None
    text = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    text = text.strip().strip("\"'").strip()
    try:
        info = codecs.lookup(text)
    except (LookupError, ValueError):
        return None
    # Bytes-to-bytes codecs (base64, zlib, rot13...) are registered too; they are not charsets.
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED:
        return None
    return _SUPERSETS.get(info.name, info.name)


def _meta_charset(body: bytes) -> str | None:
    """Return the charset a <meta charset> or http-equiv Content-Type declares near the top."""
    match = _META_CHARSET.search(body[:META_SCAN_BYTES])
    if match is None:
        return None
    encoding = _usable(match.group(1))
    # A meta tag read as ASCII cannot honestly declare UTF-16/32; browsers take it as UTF-8.
    if encoding is not None and encoding.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return encoding


def _bom_charset(body: bytes) -> str | None:
    """Return the encoding a byte-order mark announces, if the body starts with one."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return encoding
    return None


def _detected_charset(body: bytes) -> str | None:
    """Guess the encoding: strict UTF-8 first (most of the web), then charset-normalizer."""
    sample = body[:DETECTION_SAMPLE_BYTES]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the sample's end is still UTF-8.
        if exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
    else:
        return "utf-8"
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        return None
    return _usable(best.encoding)

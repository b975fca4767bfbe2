"""decode_html: header, then <meta>, then BOM, then detection; never raises on garbage."""

from __future__ import annotations

import codecs

from hypothesis import given
from hypothesis import strategies as st

from summarizer.net.charset import META_SCAN_BYTES, decode_html

RUSSIAN = "Съешь же ещё этих мягких французских булок, да выпей же чаю."
JAPANESE = "日本語の記事です。東京で新しい図書館が開館しました。"


def page(head: str, body: str) -> str:
    return (
        f"<!doctype html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"
    )


def test_windows_1251_declared_only_in_meta_charset() -> None:
    """<meta charset="windows-1251"> decides when the header says nothing."""
    html = page('<meta charset="windows-1251">', RUSSIAN).encode("cp1251")
    text, encoding = decode_html(html)
    assert encoding == "cp1251"
    assert RUSSIAN in text


def test_shift_jis_declared_only_in_http_equiv() -> None:
    """The http-equiv Content-Type form is read too; Shift_JIS decodes as its Windows superset."""
    head = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
    html = page(head, JAPANESE).encode("shift_jis")
    text, encoding = decode_html(html)
    assert encoding == "cp932"
    assert JAPANESE in text


def test_utf8_bom_is_used_and_stripped() -> None:
    """A UTF-8 byte-order mark selects UTF-8 and does not leak into the text."""
    text, encoding = decode_html(codecs.BOM_UTF8 + page("", "héllo wörld").encode("utf-8"))
    assert text.startswith("<!doctype")
    assert "héllo wörld" in text
    assert encoding == "utf-8-sig"


def test_utf16_bom_is_used() -> None:
    """A UTF-16 page with a BOM (and no declaration) decodes."""
    text, encoding = decode_html(page("", RUSSIAN).encode("utf-16"))
    assert encoding == "utf-16"
    assert RUSSIAN in text


def test_header_charset_wins_over_meta() -> None:
    """The HTTP header outranks a contradicting <meta>."""
    html = page('<meta charset="utf-8">', RUSSIAN).encode("koi8-r")
    text, encoding = decode_html(html, header_charset="KOI8-R")
    assert encoding == "koi8-r"
    assert RUSSIAN in text


def test_unknown_or_dangerous_labels_are_ignored() -> None:
    """Bogus labels, bytes-to-bytes codecs and UTF-7 are skipped for the next source."""
    html = page('<meta charset="windows-1251">', RUSSIAN).encode("cp1251")
    for label in ("x-no-such-charset", "base64", "rot13", "utf-7", ""):
        text, encoding = decode_html(html, header_charset=label)
        assert encoding == "cp1251", label
        assert RUSSIAN in text


def test_meta_claiming_utf16_in_an_ascii_document_means_utf8() -> None:
    """A meta tag that could be read as ASCII cannot be UTF-16; browsers use UTF-8."""
    text, encoding = decode_html(page('<meta charset="utf-16">', "héllo").encode("utf-8"))
    assert encoding == "utf-8"
    assert "héllo" in text


def test_latin1_label_decodes_as_windows_1252() -> None:
    """ISO-8859-1 pages really are Windows-1252: curly quotes survive."""
    html = page('<meta charset="iso-8859-1">', "“quoted” – café").encode("cp1252")
    text, encoding = decode_html(html)
    assert encoding == "cp1252"
    assert "“quoted” – café" in text


def test_meta_far_down_the_page_is_not_trusted() -> None:
    """Only the first few KB are scanned for <meta>; later text falls to detection."""
    filler = "<!-- " + "x" * META_SCAN_BYTES + " -->"
    html = (filler + '<meta charset="koi8-r">' + page("", "plain ascii")).encode("ascii")
    _, encoding = decode_html(html)
    assert encoding == "utf-8"


def test_undeclared_cyrillic_is_detected() -> None:
    """Without header, meta or BOM, charset-normalizer recognises a Windows-1251 page."""
    html = page("", RUSSIAN * 5).encode("cp1251")
    text, _ = decode_html(html)
    assert RUSSIAN in text


def test_undeclared_utf8_is_utf8() -> None:
    """Valid UTF-8 without a declaration is taken as UTF-8 (most of the web)."""
    text, encoding = decode_html(page("", JAPANESE).encode("utf-8"))
    assert encoding == "utf-8"
    assert JAPANESE in text


@given(st.binary(max_size=2048), st.one_of(st.none(), st.text(max_size=20)))
def test_garbage_never_raises(body: bytes, header: str | None) -> None:
    """Any bytes with any header label decode to some text and a codec name."""
    text, encoding = decode_html(body, header)
    assert isinstance(text, str)
    assert codecs.lookup(encoding)


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    st.sampled_from(["utf-8", "cp1251", "koi8-r", "cp1252"]),
)
def test_declared_charset_round_trips(body: str, charset: str) -> None:
    """Text encoded in the charset the header declares comes back unchanged."""
    try:
        raw = page("", body).encode(charset)
    except UnicodeEncodeError:
        return
    text, _ = decode_html(raw, header_charset=charset)
    assert text == page("", body)

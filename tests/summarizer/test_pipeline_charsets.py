"""digest_html(bytes) decodes by the page's declared charset (meta or BOM), else by detection."""

from __future__ import annotations

from summarizer import digest_html
from tests.helpers import FIXTURES, page, paragraph


def test_windows_1251_declared_only_in_meta() -> None:
    """A Russian page in Windows-1251 with only <meta charset> comes out as proper Cyrillic."""
    raw = (FIXTURES / "russian_windows1251.html").read_bytes()
    digest = digest_html(raw)
    assert any("\u0400" <= ch <= "\u04ff" for ch in digest.title)
    assert "\ufffd" not in digest.text
    assert digest.sections and digest.sections[0].claims


def test_shift_jis_declared_only_in_meta() -> None:
    """A Japanese page in Shift_JIS with only a meta tag decodes, and 。 ends its sentences."""
    raw = (FIXTURES / "japanese_shift_jis.html").read_bytes()
    digest = digest_html(raw)
    assert "\ufffd" not in digest.text
    claims = [c for s in digest.sections for c in s.claims]
    assert claims and all(c in digest.text for c in claims)
    assert any(c.endswith(("。", "！", "？", "」")) for c in claims)


def test_utf8_bom_without_declaration() -> None:
    """A UTF-8 BOM is enough to decode a page that declares nothing."""
    html = page(f"<p>Zoë’s café — {paragraph(0)}</p><p>{paragraph(3)}</p>").replace(
        '<meta charset="utf-8">', ""
    )
    digest = digest_html(b"\xef\xbb\xbf" + html.encode("utf-8"))
    assert "Zoë’s café —" in digest.text

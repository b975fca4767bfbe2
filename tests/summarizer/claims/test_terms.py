"""summarizer/claims/terms.py: the content terms of a text, in any script."""

from __future__ import annotations

from summarizer.claims.terms import terms


def test_terms_handle_latin_cjk_and_devanagari() -> None:
    """Stopwords go, plurals fold, CJK becomes character pairs, Hindi keeps its vowel signs."""
    assert terms("The threats and the threat") == ["threat", "threat"]
    assert terms("東京都") == ["東京", "京都"]
    assert terms("भाषाएँ") == ["भाषाएँ"]

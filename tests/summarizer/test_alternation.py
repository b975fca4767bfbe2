"""summarizer/alternation.py: long alternations grouped by their opening, matching alike."""

from __future__ import annotations

import re

import pytest

from summarizer.alternation import AsciiFolded, compile_alternation, top_level_branches
from summarizer.extract import patterns

_TABLE = r"^\W*(?:click here|sign up)\b|^\W*thanks\b|\bnewsletter|\bfollow us\b|©|[|(]x\)|\b(a|b)c"


def test_top_level_branches_skip_groups_classes_and_escapes() -> None:
    """Only a "|" outside brackets, classes and escapes separates branches."""
    assert top_level_branches(r"a|(b|c)|[|]|[]|]|[^]|]|\||d") == [
        "a",
        "(b|c)",
        "[|]",
        "[]|]",
        "[^]|]",
        r"\|",
        "d",
    ]


def test_branches_that_open_alike_are_tested_once() -> None:
    """`^\\W*` and `\\b` branches each become one group: the opening is tested once per
    position, not once per branch."""
    compiled = compile_alternation(r"^\W*a|^\W*b|\bc|\bd|e|^f")
    assert top_level_branches(compiled.pattern) == [r"^\W*(?:a|b)", "^f", r"\b(?:c|d)", "e"]


def test_grouped_tables_find_what_the_plain_ones_find() -> None:
    """A furniture table, grouped, matches the same texts at the same places as compiled
    plainly: lines it should take, and prose it should not."""
    texts = [
        "Click here to read it",
        "  Thanks for reading!",
        "Sign up for our newsletter today.",
        "Follow us on Mastodon.",
        "Photo © 2021 Someone",
        "The council met on Tuesday and voted to close the bridge.",
        "In this article we look at bridges.",
        "Read the full report here.",
        "Milan 9.30 A.M. / 7.00 P.M.",
        "CHEER ON: the team.",
        "",
    ]
    tables = [
        ("|".join(patterns._SENTENCE_PATTERNS), re.IGNORECASE),
        (_TABLE.replace("(a|b)", "(?:a|b)"), 0),
    ]
    for pattern, flags in tables:
        plain, grouped = re.compile(pattern, flags), compile_alternation(pattern, flags)
        assert grouped.pattern != plain.pattern
        for text in texts:
            found, expected = grouped.search(text), plain.search(text)
            assert (found and found.start()) == (expected and expected.start()), (pattern, text)


def test_a_capturing_alternation_is_refused() -> None:
    """Grouping would renumber its groups: refused rather than silently changed."""
    with pytest.raises(ValueError, match="must not capture"):
        compile_alternation(_TABLE)


def test_ascii_folded_finds_what_the_ignorecase_pattern_finds() -> None:
    """Class strings of every case, and non-ASCII ones (searched with the pattern as it is:
    the Kelvin sign is a "k" to IGNORECASE)."""
    pattern = re.compile(r"(?:^|[-_\s])(?:sidebar|ad-slot|kiosk)(?:$|[-_\s])", re.IGNORECASE)
    folded = AsciiFolded(pattern)
    for text in (
        "SideBar",
        "main ad-slot",
        "AD-SLOT x",
        "sidebars",
        "\u212aiosk",
        "café kiosk",
        "",
    ):
        assert folded.found(text) is (pattern.search(text) is not None), text
    assert folded.found("Site-SIDEBAR") and not folded.found("sidebarred")


def test_only_lower_case_ignorecase_patterns_fold() -> None:
    """`[A-Z]` or a case-sensitive pattern would match differently once the text is lowered."""
    for pattern in (
        re.compile("[A-Z]x", re.IGNORECASE),
        re.compile("sidebar"),
        re.compile("ö", re.I),
    ):
        with pytest.raises(ValueError, match="folds"):
            AsciiFolded(pattern)
    AsciiFolded(re.compile(r"\W\bfoot", re.IGNORECASE))  # escapes are not letters

"""summarizer/alternation.py: long alternations grouped by their opening, matching alike."""

from __future__ import annotations

import re

import pytest

from summarizer.alternation import (
    FOLD_VERDICTS_KEPT,
    AsciiFolded,
    FoldedAlternation,
    _lowered,
    compile_alternation,
    top_level_branches,
)
from summarizer.claims import standalone
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


def test_only_patterns_naming_no_capital_fold() -> None:
    """Once the text is lowered, a pattern naming a capital (`[A-Z]`, the range `[@-_]`, the
    escape `\\x41`) would match differently, as would a case-sensitive one."""
    refused = [
        re.compile("[A-Z]x", re.IGNORECASE),
        re.compile("[@-_]", re.IGNORECASE),
        re.compile(r"\x41", re.IGNORECASE),
        re.compile("ſ", re.IGNORECASE),  # the long s: IGNORECASE matches it to "s" and "S"
        re.compile("\u212a", re.IGNORECASE),  # the Kelvin sign, a "k"
        re.compile("sidebar"),
    ]
    for pattern in refused:
        with pytest.raises(ValueError, match="folds"):
            AsciiFolded(pattern)
    # Why "[@-_]" is refused: IGNORECASE lets "a" in (its capital is in the range), the
    # lowered text against the plain pattern would not.
    assert re.search("[@-_]", "a", re.IGNORECASE) and not re.search("[@-_]", "a")
    # Escapes of classes and punctuation, ranges of small letters and digits, "-" as itself.
    AsciiFolded(re.compile(r"\W\bfoot[-_\s]|[a-z0-9]\.|[^-a]", re.IGNORECASE))
    # A non-ASCII letter with no ASCII partner matches no ASCII text, folded or not.
    assert AsciiFolded(re.compile(r"\büber\b|für", re.IGNORECASE)).found("Für")
    assert not AsciiFolded(re.compile("ö", re.IGNORECASE)).found("o")


def test_a_folded_alternation_finds_what_the_ignorecase_pattern_finds() -> None:
    """Branches naming capitals (`[A-Z]`, "Sie", "ſ") searched as they are beside the folded
    rest, in ASCII text and in other text; a text is lowered only when that keeps its
    verdicts ("ſ" is an "s" to IGNORECASE, a final "Σ" lowers to "ς")."""
    pattern = (
        r"^\W*(?:[A-Z]\w+ ){1,2}is a writer\b|\bfollow us\b|\bkönnen Sie\b|\bmuſt\b"
        r"|\bfür (?:dich|euch)\b|\bοδοσ\b|(?<![\d.])\d{1,2}:\d\d\s*-\s*\d{1,2}:\d\d\b|\(left\)"
    )
    plain = re.compile(pattern, re.IGNORECASE)
    alternation = FoldedAlternation(pattern, re.IGNORECASE)
    texts = [
        "Jane Doe is a writer based in Oslo.",
        "jane doe IS A WRITER",
        "Please FOLLOW US on Mastodon.",
        "Das können sie tun.",
        "You MUST see it.",  # "ſ" is an "s" to IGNORECASE
        "Ein Tipp FÜR EUCH",
        "Open 9:30 - 18:00 daily",
        "The mayor (LEFT) and her aide.",
        "The council met on Tuesday and voted to close the bridge.",
        "Ça ne se dit pas: Jane Doe is a writer.",
        "Bitte FOLLOW Uſ, Jürgen.",  # lowered, "uſ" is no "us"
        "Die ΟΔΟΣ heißt so.",  # lowered, "οδος" ends on a final sigma
        "Über FOLLOW US, Jürgen.",
        "",
    ]
    for text in texts:
        assert alternation.found(text) is (plain.search(text) is not None), text
    assert alternation.found("You MUST see it.") and not alternation.found("A quiet café.")
    assert alternation.found("Bitte FOLLOW Uſ, Jürgen.") and alternation.found("Die ΟΔΟΣ heißt")
    with pytest.raises(ValueError, match="folds"):
        FoldedAlternation(pattern, 0)


def test_a_folded_alternation_keeps_a_bounded_table_of_character_verdicts() -> None:
    """A page of rare characters neither grows the table of verdicts past its limit nor
    changes what is found."""
    pattern = r"\bfollow us\b|\bfür (?:dich|euch)\b"
    plain = re.compile(pattern, re.IGNORECASE)
    alternation = FoldedAlternation(pattern, re.IGNORECASE)
    rare = "".join(map(chr, range(0x4E00, 0x4E00 + 2 * FOLD_VERDICTS_KEPT)))
    for text in (rare + " FOLLOW US", rare + " Für Dich", rare, "Über FOLLOW US"):
        assert alternation.found(text) is (plain.search(text) is not None)
    assert len(alternation._safe) <= FOLD_VERDICTS_KEPT


def test_branches_naming_capitals_as_letters_fold_as_lower_case() -> None:
    """Under IGNORECASE "Sie" is "sie" and "[A-Z]" is "[a-z]" (the same program): such a branch
    folds; a branch whose capitals mean something (a flag turned off, an escape) stays as it
    is, and every verdict is the IGNORECASE pattern's."""
    pattern = (
        r"\bkönnen Sie\b|^\W*[A-Z]{2,}(?: [A-Z]{2,}){0,3}\s*:\s|\b(?:Ihnen|Ihre[nmrs]?)\b"
        r"|\bfollow us\b|(?-i:\bDu\b)|\bEnde\W*\Z"
    )
    plain = re.compile(pattern, re.IGNORECASE)
    alternation = FoldedAlternation(pattern, re.IGNORECASE)
    assert _lowered(r"\bkönnen Sie\b", re.IGNORECASE) == r"\bkönnen sie\b"
    assert _lowered(r"[A-Z]{2,}\s*:\s", re.IGNORECASE) == r"[a-z]{2,}\s*:\s"
    assert _lowered(r"(?-i:\bDu\b)", re.IGNORECASE) == r"(?-i:\bDu\b)"
    assert _lowered(r"\bEnde\W*\Z", re.IGNORECASE) == r"\bende\W*\Z"
    assert alternation._kept is not None and "Du" in alternation._kept.pattern
    assert "Sie" not in alternation._kept.pattern and "[A-Z]" not in alternation._kept.pattern
    texts = [
        "Das können Sie tun.",
        "DAS KÖNNEN SIE TUN.",
        "Das können sie tun.",
        "CHEER ON: the team",
        "cheer on: the team",
        "Cheer On: the team",
        "Wir danken Ihnen.",
        "wir danken ihnen.",
        "Kannst du das?",
        "Kannst Du das?",
        "Das ist das ENDE",
        "Das ist das Ende.",
        "Das ist das ende, sagt Ihr Arzt",
        "Ein Tipp für euch, Jürgen",
        "",
    ]
    for text in texts:
        assert alternation.found(text) is (plain.search(text) is not None), text
    assert alternation.found("Kannst Du das?") and not alternation.found("Kannst du das?")


@pytest.mark.parametrize("table", ["_NOT_PROSE", "_SELF_REFERENCE", "_SECOND_PERSON"])
def test_the_claim_tables_find_what_their_ignorecase_patterns_find(table: str) -> None:
    """The folded claim batteries against the plain IGNORECASE search, on texts in every
    casing."""
    alternation = getattr(standalone, table)
    plain = alternation._whole
    texts = [
        "Jane Doe is a freelance writer based in Oslo.",
        "Die mit Sternchen markierten Links: Sie zahlen für dich keinen höheren Preis nicht.",
        "Mit unserem Brandfinder findet ihr alles, was Sie brauchen.",
        "Diese Artikel könnten Ihnen auch gefallen:",
        "UPDATE: The council met on Tuesday.",
        "Thanks for reading, see you next week!",
        "In diesem Artikel zeigen wir Ihnen, wie es geht.",
        "Was war für dich die größte Hürde?",
        "The mayor said the bridge would close for repairs next spring.",
        "Open daily 9.30 - 18.00 Uhr at the museum.",
        "Ça, c'est pour vous et votre famille, Jürgen.",
    ]
    for text in texts:
        for variant in (text, text.lower(), text.upper(), text.swapcase(), text.title()):
            assert alternation.found(variant) is (plain.search(variant) is not None), variant

"""Long regex alternations compiled so that `search` is fast, matching exactly what they match.

Python's regex engine tries every branch of an alternation at every position of the text, and
with IGNORECASE it cannot skip a branch by its first letter. A table of forty furniture phrases
each written `\\bword...` then costs forty failed attempts per character. Grouping the branches
that open alike (`\\b(?:a|b|c)`, `^\\W*(?:d|e)`) tests the opening once per position: the same
texts match (a match exists at a position exactly when one of its branches matches there), in
a quarter to a half of the time. Only whether and where a match starts is kept, not which
branch matched: these patterns are for `search(...) is not None`, without groups.
"""

from __future__ import annotations

import re
import string

# Verdicts on non-ASCII characters a FoldedAlternation keeps (a page of rare characters
# would otherwise grow the table toward all of Unicode over a worker's life).
FOLD_VERDICTS_KEPT = 4_096
# Openings shared by many branches of the furniture tables, longest first.
_OPENINGS = (r"^\W*", r"^", r"\b")


def compile_alternation(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, its top-level branches grouped by their opening."""
    grouped: dict[str, list[str]] = {opening: [] for opening in _OPENINGS}
    others: list[str] = []
    for branch in top_level_branches(pattern):
        opening = next((o for o in _OPENINGS if branch.startswith(o)), None)
        if opening is None:
            others.append(branch)
        else:
            grouped[opening].append(branch[len(opening) :])
    parts = [
        f"{opening}(?:{'|'.join(rests)})" if len(rests) > 1 else opening + rests[0]
        for opening, rests in grouped.items()
        if rests
    ]
    compiled = re.compile("|".join(parts + others), flags)
    if compiled.groups:
        raise ValueError("an alternation to group must not capture (its groups would move)")
    return compiled


def top_level_branches(pattern: str) -> list[str]:
    """The branches of `pattern`'s outermost alternation (`a|(b|c)|[|]` -> a, (b|c), [|])."""
    branches: list[str] = []
    depth = start = index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1
            # A "]" first in a class (after an optional "^") is a literal, not its end.
            index += pattern.startswith("^", index)
            index += pattern.startswith("]", index)
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:index])
            start = index + 1
        index += 1
    branches.append(pattern[start:])
    return branches


# Escapes that name no letter: classes of characters, anchors, and escaped punctuation
# ("\\x41" or "\\u0041" would name a capital the letter test cannot see).
_LETTERLESS_ESCAPE = re.compile(r"\\(?:[sSwWdDbBntrfv]|[^0-9A-Za-z])")
# A range in a class between two lower-case letters or two digits ("[@-_]" holds capitals).
_SAFE_RANGE = re.compile(r"[a-z]-[a-z]|[0-9]-[0-9]")


class AsciiFolded:
    """An IGNORECASE pattern that names no capital letter (its letters ASCII lower case, no
    escape or class range that holds a capital), searched in ASCII text as the lowered text
    against the pattern without the flag: the same matches at the same places (lowering ASCII
    keeps every position), four times faster on class strings. Other text is searched with
    the pattern as it is."""

    __slots__ = ("_folded", "_plain")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or _names_capitals(pattern.pattern):
            raise ValueError("only an IGNORECASE pattern naming no capital letter folds")
        self._plain = pattern
        self._folded = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def found(self, text: str) -> bool:
        """Whether the pattern matches somewhere in `text`."""
        if text.isascii():
            return self._folded.search(text.lower()) is not None
        return self._plain.search(text) is not None


class FoldedAlternation:
    """A long IGNORECASE alternation for `found`, its branches grouped by their opening
    (`compile_alternation`): the branches that name no capital letter are searched in the
    lowered text without the flag (as `AsciiFolded`), the rest as they are. A text holds a
    match of an alternation exactly when it holds one of some branch.

    Lowering keeps the verdicts of ASCII text; a text with other characters is searched so
    only when each of them lowers to one character that the folded branches' characters
    match exactly as IGNORECASE matches the original (not "ſ", an "s" to IGNORECASE; not a
    final sigma) and that is a letter, digit or space exactly when the original is."""

    __slots__ = ("_folded", "_kept", "_letters", "_safe", "_whole")

    def __init__(self, pattern: str, flags: int) -> None:
        if not flags & re.IGNORECASE:
            raise ValueError("only an IGNORECASE alternation folds")
        branches = [_lowered(branch, flags) for branch in top_level_branches(pattern)]
        plain = "|".join(branch for branch in branches if not _names_capitals(branch))
        kept = "|".join(branch for branch in branches if _names_capitals(branch))
        self._whole = compile_alternation(pattern, flags)
        self._folded = compile_alternation(plain, flags & ~re.IGNORECASE) if plain else None
        self._kept = compile_alternation(kept, flags) if kept else None
        # Every character the folded branches name, with those of their ranges (a-z, 0-9).
        self._letters = frozenset(plain) | frozenset(string.ascii_lowercase + string.digits)
        self._safe: dict[str, bool] = {}  # non-ASCII character -> whether it folds

    def found(self, text: str) -> bool:
        """Whether the alternation matches somewhere in `text`."""
        if self._folded is None:
            return self._whole.search(text) is not None
        if not text.isascii() and not self._folds(text):
            return self._whole.search(text) is not None
        if self._folded.search(text.lower()) is not None:
            return True
        return self._kept is not None and self._kept.search(text) is not None

    def _folds(self, text: str) -> bool:
        """Whether `text.lower()` meets the folded branches as `text` meets them with
        IGNORECASE."""
        safe = self._safe
        for char in set(text).difference(_ASCII):
            verdict = safe.get(char)
            if verdict is None:
                verdict = self._folds_char(char)
                if len(safe) < FOLD_VERDICTS_KEPT:
                    safe[char] = verdict
            if not verdict:
                return False
        return True

    def _folds_char(self, char: str) -> bool:
        low = char.lower()
        # One character, whatever stands beside it (a final sigma lowers apart).
        if len(low) != 1 or {("a" + char).lower()[1:], (char + "a").lower()[:-1]} != {low}:
            return False
        if (char.isalnum(), char.isdecimal(), char.isspace()) != (
            low.isalnum(),
            low.isdecimal(),
            low.isspace(),
        ):
            return False
        return all(
            (re.fullmatch(re.escape(letter), char, re.IGNORECASE) is not None) == (letter == low)
            for letter in self._letters
        )


_ASCII = frozenset(map(chr, range(128)))


def _lowered(branch: str, flags: int) -> str:
    """`branch` with its ASCII capitals in lower case (escapes aside) when, under `flags`
    (IGNORECASE), that compiles to the very same program ("Sie" and "sie", "[A-Z]" and
    "[a-z]" do: the compiler folds them alike), else `branch` as it is: a branch naming a
    capital only so then folds."""
    chars: list[str] = []
    index = 0
    while index < len(branch):
        if branch[index] == "\\":
            chars.append(branch[index : index + 2])
            index += 2
            continue
        char = branch[index]
        chars.append(char.lower() if char.isascii() else char)
        index += 1
    lowered = "".join(chars)
    if lowered == branch:
        return branch
    program = _program(branch, flags)
    return lowered if program is not None and _program(lowered, flags) == program else branch


def _program(pattern: str, flags: int) -> list[int] | None:
    """The compiled program of `pattern` under `flags` (None where this Python hides it)."""
    try:
        # The compiler's own steps (re._parser, re._compiler since Python 3.11).
        program: list[int] = re._compiler._code(re._parser.parse(pattern, flags), flags)  # type: ignore[attr-defined]
    except (AttributeError, TypeError, re.error):
        return None
    return program


def _names_capitals(pattern: str) -> bool:
    """Whether `pattern` may match a capital letter other than by IGNORECASE: a capital, a
    non-ASCII character IGNORECASE matches to an ASCII letter ("ſ" is "s", "K" is "k"), an
    escape naming a character, or a class range beyond a-z and 0-9. (Other non-ASCII letters
    match no ASCII text, folded or not.)"""
    if any(_has_ascii_partner(char) for char in set(pattern) if not char.isascii()):
        return True
    index = 0
    class_start = -1  # where the class being read starts, -1 outside one
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if not _LETTERLESS_ESCAPE.match(pattern, index):
                return True
            index += 2
            continue
        if char.isascii() and char.isupper():
            return True
        if class_start >= 0:
            if char == "]":
                class_start = -1
            # A "-" first or last in a class is itself; elsewhere it makes a range.
            elif (
                char == "-"
                and index > class_start
                and pattern[index + 1 : index + 2] != "]"
                and not _SAFE_RANGE.fullmatch(pattern, index - 1, index + 2)
            ):
                return True
        elif char == "[":
            index += 1
            # A "]" first in a class (after an optional "^") is a literal, not its end.
            index += pattern.startswith("^", index)
            class_start = index
            index += pattern.startswith("]", index)
            continue
        index += 1
    return False


def _has_ascii_partner(char: str) -> bool:
    """Whether IGNORECASE matches `char` to an ASCII letter or one to it."""
    return any(
        re.fullmatch(re.escape(char), letter, re.IGNORECASE)
        or re.fullmatch(re.escape(letter), char, re.IGNORECASE)
        for letter in string.ascii_letters
    )

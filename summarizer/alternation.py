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

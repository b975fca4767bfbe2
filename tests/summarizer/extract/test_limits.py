"""summarizer/extract/limits.py: every named limit says what it bounds, right under it."""

from __future__ import annotations

import ast
from pathlib import Path

from summarizer.extract import limits


def test_every_limit_has_its_own_docstring_under_it() -> None:
    """Each limit is followed by its docstring (the text a reader and an editor show for it),
    not by another limit: a limit put between a name and its docstring takes that docstring
    and leaves the name without one."""
    body = ast.parse(Path(limits.__file__).read_text(encoding="utf-8")).body
    undocumented: list[str] = []
    for statement, after in zip(body, [*body[1:], None], strict=True):
        if not isinstance(statement, ast.Assign):
            continue
        documented = (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        )
        if not documented:
            undocumented.extend(ast.unparse(target) for target in statement.targets)
    assert undocumented == []

"""summarizer/extract/plaintext.py: a plain-text document's own title line, and a binary file
told from text under a text label."""

from __future__ import annotations

import textwrap

import pytest

from summarizer.extract.plaintext import document_title, is_markdown_name, looks_binary
from tests.helpers import FIXTURES, paragraph

# Prose as plain text sets it: hard-wrapped at 72 columns, indented.
BODY = "\n\n" + textwrap.fill(paragraph(0, 3), 72, initial_indent="   ", subsequent_indent="   ")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ((FIXTURES / "rfc_like.txt").read_text(), "The Lantern Beacon Protocol (LBP)"),
        (
            "Network Working Group                                        J. Doe\n"
            "Request for Comments: 9999                                Example\n"
            "Category: Informational                                  May 2026\n\n\n"
            "              A Very Long Title for a Protocol That Needs\n"
            "                       Two Lines to Say It\n\nAbstract" + BODY,
            "A Very Long Title for a Protocol That Needs Two Lines to Say It",
        ),
        ("Installing the Tool\n===================" + BODY, "Installing the Tool"),
        ("Notes from the field\n--------------------" + BODY, "Notes from the field"),
        ("# Release notes for 2.0 #" + BODY, "Release notes for 2.0"),
        (
            "From alice@example.org Tue Mar  3 10:00:00 2026\n"
            "From: Alice <alice@example.org>\n"
            "Subject: [lantern-dev] Beacon frame size, again\n\n" + paragraph(0, 2),
            "[lantern-dev] Beacon frame size, again",
        ),
    ],
    ids=["draft-centred", "rfc-two-lines", "setext", "rst-dashes", "markdown", "mail"],
)
def test_the_documents_own_title_line_is_found(text: str, title: str) -> None:
    """A title is found as plain text sets one: centred on the first page (an RFC's, a
    two-line one joined), underlined, a '#' line, a mail's Subject."""
    assert document_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        paragraph(0, 3) + "\n\n" + paragraph(3, 3),  # prose from the first line
        "From: Alice <alice@example.org>\nTo: Bob\n\n" + paragraph(0, 2),  # no Subject
        "",
    ],
    ids=["prose", "mail-without-subject", "empty"],
)
def test_a_document_without_a_title_line_gets_none(text: str) -> None:
    """Without a line set as a title, none is made up (the digest takes its first heading)."""
    assert document_title(text) is None


def test_binary_is_told_from_text() -> None:
    """NUL bytes or a high share of control bytes are binary; text with a form feed per page,
    tabs and CRLFs is not, nor is UTF-16/32 (by its byte-order mark or its label)."""
    text = ("Page one.\r\n\tIndented line.\r\n" * 50 + "\f") * 4
    assert not looks_binary(text.encode("utf-8"))
    assert not looks_binary(text.encode("utf-16"))
    assert not looks_binary(text.encode("utf-32"))
    assert not looks_binary(text.encode("utf-16-le"), "UTF-16LE")
    assert looks_binary(text.encode("utf-16-le"))  # no mark, no label: NUL bytes
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    assert looks_binary(bytes(range(1, 9)) * 100 + text.encode())
    assert not looks_binary(b"")


@pytest.mark.parametrize(
    ("name", "markdown"),
    [
        ("README.md", True),
        ("CHANGES.markdown", True),
        ("notes.MD.gz", True),
        ("rfc9110.txt", False),
        ("md/notes.txt", False),
    ],
)
def test_a_markdown_file_is_told_by_its_name(name: str, markdown: bool) -> None:
    assert is_markdown_name(name) is markdown

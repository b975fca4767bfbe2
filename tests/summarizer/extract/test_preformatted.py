"""summarizer/extract/preformatted.py: documents laid out as pre-formatted text (RFCs, drafts,
man pages, plain-text posts), read line by line rather than as one block per <pre>."""

from __future__ import annotations

from html import escape

import lxml.html

from summarizer import digest_html
from summarizer.extract.article import Block
from summarizer.extract.blocks import collect_blocks

_HEADER = "Internet-Draft              Storage protocol                  March 2021"
_WIDTH = 70


def _footer(page: int) -> str:
    return f"Example                                                         [Page {page}]"


def _wrapped(text: str, indent: int = 3) -> list[str]:
    """`text` hard-wrapped at the document's width, every line indented by `indent`."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and indent + len(line) + 1 + len(word) > _WIDTH:
            lines.append(" " * indent + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, " " * indent + line]


_PROSE = [
    "The server stores documents in folders that form a tree, and every folder lists the"
    " names and the current versions of the documents and folders it contains.",
    "A client reads a document with a GET request and writes it with a PUT request; each"
    " request carries a bearer token that grants access to one part of the tree.",
    "Versions are strong validators: a client that sends a stale version in a conditional"
    " request is told so, and fetches the folder again before it writes anything.",
    "Servers may limit how often a client polls, and should tell clients how long to wait"
    " before they poll again when the limit has been reached by a client.",
]


def _pages(pages: list[list[str]]) -> str:
    """A document laid out in pages, one <pre> each, as rfc2html sets a draft: each page
    after the first opens with the running header and each ends with the footer."""
    out = []
    for number, lines in enumerate(pages, start=1):
        head = [] if number == 1 else [f"<span class='grey'>{_HEADER}</span>", "", ""]
        tail = ["", "", f"<span class='grey'>{_footer(number)}</span>"]
        body = [escape(line) if "<" not in line else line for line in lines]
        out.append("<pre class='newpage'>" + "\n".join(head + body + tail) + "\n</pre>")
    return "".join(out)


def _document() -> list[list[str]]:
    page_1 = [
        "Abstract",
        "",
        *_wrapped(_PROSE[0]),
        "",
        "<span class='h2'><a href='#section-1'>1</a>.  Introduction</span>",
        "",
        *_wrapped(_PROSE[1]),
        "",
        # A paragraph the page break cuts in two.
        *_wrapped("A folder description is a map that holds the version of the folder,", 3),
    ]
    page_2 = [
        *_wrapped("and a map of the items in it, each with its own version and size.", 3),
        "",
        "   For instance:",
        "",
        '      { "items": { "abc": { "ETag": "DEAD", "Content-Length": 82 } } }',
        "",
        "2.  Versioning",
        "",
        *_wrapped(_PROSE[2]),
        "",
    ]
    page_3 = [
        "2.1.  Limits",
        "",
        *_wrapped(_PROSE[3]),
        "",
        *_wrapped(_PROSE[0]),
    ]
    page_4 = ["3.  Security", "", *_wrapped(_PROSE[1])]
    return [page_1, page_2, page_3, page_4]


def _blocks(html: str) -> list[Block]:
    return collect_blocks(lxml.html.fragment_fromstring(html, create_parent="div"))


def _prose(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if not b.heading_level and not b.aside]


def test_running_furniture_is_an_aside() -> None:
    """The header and footer recurring at the edge of every page (only the page number
    changing) are text, but never prose: they come out as asides."""
    blocks = _blocks(_pages(_document()))
    asides = [b.text for b in blocks if b.aside]
    assert f"Example [Page 1] {' '.join(_HEADER.split())}" in asides
    assert "Example [Page 4]" in asides
    assert not any("Page" in text or "Internet-Draft" in text for text in _prose(blocks))


def test_a_paragraph_cut_by_a_page_break_goes_on_over_it() -> None:
    """An unfinished paragraph at the foot of a page goes on with the text at its indent on
    the next page: one sentence, without the furniture between its halves."""
    prose = _prose(_blocks(_pages(_document())))
    assert (
        "A folder description is a map that holds the version of the folder, and a map of the"
        " items in it, each with its own version and size."
    ) in prose


def test_the_lines_of_a_paragraph_are_joined_and_a_blank_line_ends_it() -> None:
    """Hard-wrapped lines make one paragraph; the blank line after it ends it."""
    prose = _prose(_blocks(_pages(_document())))
    assert prose[:2] == [_PROSE[0], _PROSE[1]]


def test_a_word_broken_at_its_hyphen_is_whole_again() -> None:
    """A compound broken after its hyphen at a line's end is joined without a space."""
    lines = [
        *_wrapped(_PROSE[0]),
        "",
        "   The list of the drafts now current is kept by the secretariat of the Internet-",
        "   Engineering Task Force, which updates it every day.",
    ]
    prose = _prose(_blocks("<pre>" + "\n".join(lines) + "</pre>"))
    assert prose[-1].endswith("the Internet-Engineering Task Force, which updates it every day.")


def test_indented_code_is_an_aside() -> None:
    """An example indented deeper than the prose is text, never prose."""
    blocks = _blocks(_pages(_document()))
    code = next(b for b in blocks if "ETag" in b.text)
    assert code.aside
    assert code.text == '{ "items": { "abc": { "ETag": "DEAD", "Content-Length": 82 } } }'


def test_an_example_indented_deeper_than_the_prose_is_an_aside() -> None:
    """Words indented deeper than the prose, not a list's item nor a finished sentence, are
    an example (a message, a log), not the document's prose."""
    lines = [
        *_wrapped(_PROSE[0]),
        "",
        "         Error: the folder was not found on the server. Retry in thirty",
        "         seconds or ask the administrator of the storage",
        "",
        *_wrapped(_PROSE[1]),
    ]
    blocks = _blocks("<pre>" + "\n".join(lines) + "</pre>")
    assert _prose(blocks) == [_PROSE[0], _PROSE[1]]
    assert [b.text for b in blocks if b.aside] == [
        "Error: the folder was not found on the server. Retry in thirty seconds or ask the"
        " administrator of the storage"
    ]


def test_headings_in_the_markup_numbered_lines_and_outdented_lines() -> None:
    """A span classed "h2", a short numbered line alone at the left margin, and a short line
    set out to the left of indented prose are headings, levelled by their numbers."""
    headings = [(b.text, b.heading_level) for b in _blocks(_pages(_document())) if b.heading_level]
    assert headings == [
        ("Abstract", 2),
        ("1. Introduction", 2),
        ("2. Versioning", 2),
        ("2.1. Limits", 3),
        ("3. Security", 2),
    ]


def test_a_heading_span_of_the_markup_heads_a_section() -> None:
    """An element classed "h3" in the <pre> is a heading of level 3, whatever its text."""
    lines = [
        *_wrapped(_PROSE[0], 0),
        "",
        "<span class='h3'>   Where the tokens come from</span>",
        *_wrapped(_PROSE[1], 0),
    ]
    blocks = _blocks("<pre>" + "\n".join(lines) + "</pre>")
    assert [(b.text, b.heading_level) for b in blocks] == [
        (_PROSE[0], 0),
        ("Where the tokens come from", 3),
        (_PROSE[1], 0),
    ]


def test_a_numbered_list_item_in_the_prose_is_not_a_heading() -> None:
    """A numbered line at the prose's indent (a list's item) heads nothing."""
    lines = [
        "Abstract",
        "",
        *_wrapped(_PROSE[0]),
        "",
        "   1.  Registration",
        "",
        *_wrapped(_PROSE[1]),
        "",
        *_wrapped(_PROSE[2]),
    ]
    blocks = _blocks("<pre>" + "\n".join(lines) + "</pre>")
    assert [b.text for b in blocks if b.heading_level] == ["Abstract"]


def test_list_items_without_blank_lines_are_paragraphs_of_their_own() -> None:
    """Items of a list set line after line are separate paragraphs, without their bullets."""
    lines = [
        *_wrapped(_PROSE[0]),
        "",
        "      *  the request body being stored as the new content of the document,",
        "         replacing what was stored before.",
        "      *  the version of the parent folder being updated as well.",
        "",
        *_wrapped(_PROSE[1]),
    ]
    assert _prose(_blocks("<pre>" + "\n".join(lines) + "</pre>")) == [
        _PROSE[0],
        "the request body being stored as the new content of the document, replacing what was"
        " stored before.",
        "the version of the parent folder being updated as well.",
        _PROSE[1],
    ]


_CUT = (
    "The version of a folder changes whenever a document in the folder or in any",
    "of its subfolders changes.",
)


def test_form_feeds_break_pages_in_one_pre() -> None:
    """A plain-text document in one <pre> breaks its pages with form feeds: its furniture is
    found the same way ("Page 2" alone at the margin is no heading, and the paragraph it
    cuts goes on)."""
    pages = []
    for number in range(1, 5):
        first = _wrapped(_PROSE[number % 4])
        last = f"   {_PROSE[(number + 1) % 4][:60].rstrip()}."
        last = f"   {_CUT[0]}" if number == 2 else last
        pages.append("\n".join(["", *first, "", last, "", f"Page {number}"]))
    pages[2] = "\n".join(["", f"   {_CUT[1]}", pages[2]])
    blocks = _blocks("<pre>" + escape("\n\f".join(pages)) + "</pre>")
    assert not any(b.heading_level for b in blocks)
    assert [b.text for b in blocks if b.aside][:2] == ["Page 1", "Page 2"]
    assert " ".join(_CUT) in _prose(blocks)


def test_quoted_mail_is_an_aside() -> None:
    """In a mailing list's message, the lines quoting the message it answers are not its
    prose."""
    quoted = [f"> {line.strip()}" for line in _wrapped(_PROSE[2])]
    lines = ["On Monday, Ana wrote:", *quoted, "", *_wrapped(_PROSE[3], 0), ""]
    lines += [*_wrapped(_PROSE[1], 0)]
    blocks = _blocks("<pre>" + escape("\n".join(lines)) + "</pre>")
    assert _PROSE[3] in _prose(blocks)
    assert not any("stale version" in text for text in _prose(blocks))
    assert any("stale version" in b.text for b in blocks if b.aside)


def test_a_plain_text_essay_in_another_language() -> None:
    """The rules read layout, not words: a German essay with numbered sections."""
    german = [
        "Die Stadt hat im vergangenen Jahr mehr Geld für den Nahverkehr ausgegeben als je"
        " zuvor, und die Zahl der Fahrgäste ist um ein Zehntel gestiegen.",
        "Der Rat will die neuen Linien bis zum Sommer prüfen lassen, bevor er über weitere"
        " Strecken in den Vororten der Stadt entscheidet.",
    ]
    lines = ["1. Einleitung", "", *_wrapped(german[0], 0), "", "2. Ausblick", ""]
    lines += _wrapped(german[1], 0)
    blocks = _blocks("<pre>" + escape("\n".join(lines)) + "</pre>")
    assert [(b.text, b.heading_level) for b in blocks] == [
        ("1. Einleitung", 2),
        (german[0], 0),
        ("2. Ausblick", 2),
        (german[1], 0),
    ]


def test_a_code_listing_in_an_article_stays_one_block() -> None:
    """An article with a <pre> of code is not a laid-out document: its <pre> is one block,
    as the walk reads it."""
    code = "SELECT avg(n)\nFROM unnest(array[2, 3, 5, 12]) AS n;\n\nSELECT stddev(n) FROM t;"
    html = f"<p>{_PROSE[0]}</p><pre>{code}</pre><p>{_PROSE[1]}</p>"
    blocks = _blocks(html)
    assert [(b.text, b.tag, b.aside) for b in blocks] == [
        (_PROSE[0], "p", False),
        (" ".join(code.split()), "pre", False),
        (_PROSE[1], "p", False),
    ]


def test_a_short_pre_in_an_article_stays_one_block() -> None:
    """Wrapped text in a <pre> that holds little of the article's text (a quoted message) is
    read as the walk reads any <pre>: one block."""
    quoted = "\n".join(["1. Quote", "", *_wrapped(_PROSE[2], 0)])
    html = "".join(f"<p>{text}</p>" for text in _PROSE) + f"<pre>{quoted}</pre>"
    assert [b.text for b in _blocks(html)] == [*_PROSE, f"1. Quote {_PROSE[2]}"]
    assert not any(b.aside for b in _blocks(html))


def test_wrapped_words_without_a_sentence_are_not_prose() -> None:
    """Lines of words that hold no sentence (a listing of names, a script's words) are not
    prose, however wide."""
    script = [
        "export PATH HOME USER SHELL LANG TERM EDITOR PAGER VISUAL BROWSER",
        "alias ll ls la grep egrep fgrep diff less more head tail sort uniq",
    ] * 3
    lines = [*_wrapped(_PROSE[0]), "", *script, "", *_wrapped(_PROSE[1])]
    blocks = _blocks("<pre>" + "\n".join(lines) + "</pre>")
    assert _prose(blocks) == [_PROSE[0], _PROSE[1]]


def test_a_poem_of_short_lines_is_not_wrapped_prose() -> None:
    """Lines far shorter than prose is wrapped at (a poem, lyrics) are not joined: the <pre>
    stays one block."""
    poem = ["The rain came down.", "The river rose.", "We left the town.", "The water knows."]
    blocks = _blocks("<pre>" + "\n".join([*poem, "", *poem, "", *poem]) + "</pre>")
    assert len(blocks) == 1


def test_a_code_listing_alone_is_not_read_as_prose() -> None:
    """A page that is only a code listing in a <pre> holds no wrapped prose: it stays one
    block."""
    code = "\n".join(f"def step_{n}(value):\n    return value + {n}\n" for n in range(20))
    blocks = _blocks(f"<pre>{code}</pre>")
    assert len(blocks) == 1
    assert not blocks[0].aside


def test_the_card_of_a_draft_quotes_its_prose_under_its_sections() -> None:
    """The digest of a draft: claims are sentences of its prose, never glued to the running
    header, and its sections are the draft's."""
    html = (
        "<html><head><title>Storage protocol</title></head><body>"
        f"{_pages(_document())}</body></html>"
    )
    digest = digest_html(html, "https://example.org/doc/draft-example-storage")
    claims = [claim for section in digest.sections for claim in section.claims]
    assert claims
    assert not any("Internet-Draft" in claim or "[Page" in claim for claim in claims)
    assert [s.heading for s in digest.sections] == [
        "Abstract",
        "1. Introduction",
        "2. Versioning",
        "2.1. Limits",
        "3. Security",
    ]
    assert "Example [Page 1]" in digest.text  # the furniture stays in the text

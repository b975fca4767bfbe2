"""bot/render.py: Discord's limits always hold and third-party text never pings or formats."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render import (
    CARD_VISIBLE_TARGET,
    CHARS_PER_MESSAGE,
    CLAIM_LINK_TEXT,
    DESCRIPTION_LIMIT,
    EMBEDS_PER_MESSAGE,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_PER_EMBED,
    FILL_MIN_WORDS,
    FOOTER_LIMIT,
    MIN_CARD_SECTIONS,
    TITLE_LIMIT,
    ListedDigest,
    digest_embeds,
    escape_text,
    footer_text,
    listing_embed,
    plan_messages,
    text_fragment_url,
    truncate,
)
from summarizer.model import Digest, Section
from testkit.cards import visible_length

HOSTILE_PIECES = [
    "@everyone",
    "@here",
    "<@&123>",
    "<@123456789012345678>",
    "<@!123456789012345678>",
    "<#123>",
    "||",
    "```",
    "`",
    "*",
    "**",
    "_",
    "~~",
    "\\",
    "\\\\",
    "> ",
    "# ",
    "- ",
    "[click](https://evil.example/)",
    "https://example.com/a_b||c",
    "\n",
    " ",
    "…",
    "word",
    "Ünïcödé",
    "词语",
    "x" * 300,
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=40)), max_size=60
).map("".join)
page_urls = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://example.com/news/a_(b)?x=1&y=-2#old",
            "http://127.0.0.1:8080/article",
            "https://example.com/" + "long-path/" * 40,
            "not a url",
        ]
    ),
)
sections = st.builds(
    Section,
    heading=st.one_of(st.none(), hostile_text),
    claims=st.lists(hostile_text, max_size=4),
)
digests = st.builds(
    Digest,
    url=page_urls,
    canonical_url=page_urls,
    title=hostile_text,
    site_name=st.one_of(st.none(), hostile_text),
    byline=st.none(),
    published=st.none(),
    language=st.none(),
    text=st.just(""),
    sections=st.lists(sections, max_size=40),
    tags=st.lists(hostile_text, max_size=30),
    word_count=st.integers(0, 10**6),
    reading_minutes=st.integers(0, 10**4),
    rating=st.one_of(st.none(), hostile_text),
)

_OUR_LINK = re.compile(r" \[↗\]\([^)\s]*\)")
_OUR_LAST_LINE = re.compile(r"\*\+ \d+ more sections? in the article\*$")
_OUR_RATING_LABEL = re.compile(r"^\*\*Rating:\*\* ")
_MARKDOWN = set("*_~|`")


def assert_inert(text: str) -> None:
    """No mention can fire and every markdown character is escaped (odd run of backslashes)."""
    text = _OUR_RATING_LABEL.sub("", _OUR_LAST_LINE.sub("", _OUR_LINK.sub("", text)))
    assert "@everyone" not in text and "@here" not in text
    assert "<@" not in text and "<#" not in text
    for position, char in enumerate(text):
        if char in _MARKDOWN:
            run = len(text[:position]) - len(text[:position].rstrip("\\"))
            assert run % 2 == 1, f"unescaped {char!r} at {position} in {text!r}"


def embed_texts(embed_dict: dict[str, object]) -> list[str]:
    """The embed texts Discord renders as markdown (the footer is shown verbatim)."""
    texts = [str(embed_dict.get("title", "")), str(embed_dict.get("description", ""))]
    for field in embed_dict.get("fields", []):  # type: ignore[attr-defined]
        texts += [field["name"], field["value"]]
    return texts


def footer_of(embed_dict: dict[str, object]) -> str:
    footer = embed_dict.get("footer")
    return str(footer["text"]) if isinstance(footer, dict) else ""


def assert_mentions_inert(text: str) -> None:
    """No mention can fire (for text Discord shows without markdown)."""
    assert "@everyone" not in text and "@here" not in text
    assert "<@" not in text and "<#" not in text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(digests, min_size=1, max_size=4))
def test_hostile_digests_never_break_a_discord_limit(batch: list[Digest]) -> None:
    """Titles, descriptions, fields, footers, embeds and messages stay within the limits."""
    messages = plan_messages(batch)
    started = [index for message in messages for index in message.digest_indexes]
    assert started == list(range(len(batch)))
    for message in messages:
        assert 1 <= len(message.embeds) <= EMBEDS_PER_MESSAGE
        assert sum(len(embed) for embed in message.embeds) <= CHARS_PER_MESSAGE
        for embed in message.embeds:
            data = embed.to_dict()
            assert data.get("title") or data.get("description") or data.get("fields")
            assert len(data.get("title", "")) <= TITLE_LIMIT
            assert len(data.get("description", "")) <= DESCRIPTION_LIMIT
            assert len(data.get("fields", [])) <= FIELDS_PER_EMBED
            for field in data.get("fields", []):
                assert 0 < len(field["name"]) <= FIELD_NAME_LIMIT
                assert 0 < len(field["value"]) <= FIELD_VALUE_LIMIT
            assert len(data.get("footer", {}).get("text", "")) <= FOOTER_LIMIT


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digests)
def test_hostile_text_renders_inert(digest: Digest) -> None:
    """No raw @everyone, <@&id> or unescaped ``` / || survives into any embed text."""
    embeds = digest_embeds(digest)
    assert embeds[0].title  # Discord refuses a linked embed with a blank title
    for embed in embeds:
        data = embed.to_dict()
        for text in embed_texts(data):  # type: ignore[arg-type]
            assert_inert(text)
        assert_mentions_inert(footer_of(data))  # type: ignore[arg-type]


@given(hostile_text)
def test_escape_text_is_inert(text: str) -> None:
    """Escaped text never pings and never formats."""
    assert_inert(escape_text(text))


@given(hostile_text, st.integers(0, 300))
def test_truncate_respects_the_limit(text: str, limit: int) -> None:
    """Truncated text fits and says it was cut."""
    cut = truncate(text, limit)
    assert len(cut) <= limit
    if len(text) <= limit:
        assert cut == text
    elif limit >= 2:
        assert cut.endswith("…")


def test_truncate_cuts_on_a_word_boundary() -> None:
    """A long sentence is cut after a whole word, not inside one."""
    assert truncate("The quick brown fox jumps over the lazy dog", 20) == "The quick brown fox…"


@pytest.mark.parametrize("limit", range(30, 40))
def test_truncate_never_leaves_a_dangling_escape(limit: int) -> None:
    """A hard cut right after an escaping backslash drops the backslash."""
    body = truncate(escape_text("a" * 30 + "*" * 30), limit).removesuffix("…")
    assert (len(body) - len(body.rstrip("\\"))) % 2 == 0


def test_mentions_and_markdown_are_escaped() -> None:
    """The classic hostile article sentence renders as plain text."""
    escaped = escape_text("@everyone look <@&123> ||spoiler|| ```code``` **bold**")
    assert "@everyone" not in escaped and "<@&" not in escaped
    assert "\\|\\|spoiler\\|\\|" in escaped
    assert "\\`\\`\\`code\\`\\`\\`" in escaped


def test_text_fragment_encodes_the_directive_characters() -> None:
    """`-`, `,` and `&` inside the quoted words are percent-encoded; the comma between is not."""
    claim = "Talks in Geneva - held, at last & openly - ended with a joint statement on Friday"
    url = text_fragment_url("https://example.com/story?id=1#comments", claim)
    base, directive = url.split("#:~:text=")
    assert base == "https://example.com/story?id=1"
    start, end = directive.split(",")
    assert start == "Talks%20in%20Geneva"
    assert end == "statement%20on%20Friday"
    assert unquote(start) == "Talks in Geneva"
    dashed = text_fragment_url("https://e.com/", "A - B, C & D - E with a joint statement")
    assert dashed.split("#:~:text=")[1].split(",")[0] == "A%20%2D%20B%2C"
    comma_claim = "Short, sharp & to-the-point."
    short = text_fragment_url("https://e.com/", comma_claim).split("#:~:text=")[1]
    assert "," not in short and "&" not in short and "-" not in short
    assert unquote(short) == comma_claim


def test_digest_embed_shape() -> None:
    """Headline linked, lead claims in the description, one field per subheading, footer tags."""
    digest = Digest(
        url="https://news.example/nato",
        canonical_url="https://news.example/nato",
        title="NATO and Russia meet",
        site_name="News Example",
        byline=None,
        published=None,
        language="en",
        text="",
        sections=[
            Section(heading=None, claims=["The lead claim says something new."]),
            Section(heading="Background", claims=["Lavrov spoke first."]),
            Section(heading="Empty", claims=[]),
        ],
        tags=["NATO", "Russia", "Sergei Lavrov"],
        reading_minutes=4,
    )
    [embed] = digest_embeds(digest)
    data = embed.to_dict()
    assert data["title"] == "NATO and Russia meet"
    assert data["url"] == "https://news.example/nato"
    assert data["description"].startswith("The lead claim says something new. [↗](")
    assert "#:~:text=The%20lead%20claim%20says" in data["description"]
    assert [f["name"] for f in data["fields"]] == ["Background"]
    assert data["footer"]["text"] == "News Example · 4 min read · #NATO #Russia #Sergei Lavrov"


def test_a_fact_checks_rating_is_the_cards_first_line() -> None:
    """The rating a fact-check's ClaimReview gives ("Unproven") opens the description, before
    the lead; a card without one starts with the lead."""
    digest = Digest(
        url="https://news.example/check",
        canonical_url=None,
        title="Does the ambassador have a net worth of $17 million?",
        site_name="News Example",
        byline=None,
        published=None,
        language="en",
        text="",
        sections=[Section(heading=None, claims=["The claim is wholly unsubstantiated."])],
        rating="Unproven",
    )
    description = digest_embeds(digest)[0].to_dict()["description"]
    assert description.startswith("**Rating:** Unproven\nThe claim is wholly unsubstantiated.")
    unrated = dataclasses.replace(digest, rating=None)
    assert digest_embeds(unrated)[0].to_dict()["description"].startswith("The claim is")


def _long_digest(count: int, *, importance: bool = True, claim: str = "") -> Digest:
    sections = [Section(heading=None, claims=["The lead says what the article is about."])]
    sections += [
        Section(
            heading=f"Part {n}",
            claims=[claim or f"Part {n} makes its own point about the plan."],
            # Parts 5, 10, 15... matter most when importances are known.
            importance=(1.0 if n % 5 == 0 else 0.1) if importance else 0.0,
        )
        for n in range(1, count + 1)
    ]
    return Digest(
        url="https://e.com/long",
        canonical_url=None,
        title="Long",
        site_name=None,
        byline=None,
        published=None,
        language=None,
        text="",
        sections=sections,
    )


def test_long_digest_is_one_embed_with_the_most_important_sections_in_order() -> None:
    """60 sections: one embed, 6 fields (the most important, in article order), and a last
    line saying how many were left out."""
    digest = _long_digest(60)
    [embed] = digest_embeds(digest)
    names = [f.name for f in embed.fields]
    assert names == ["Part 5", "Part 10", "Part 15", "Part 20", "Part 25", "Part 30"]
    assert str(embed.fields[-1].value).endswith("*+ 54 more sections in the article*")
    assert len(plan_messages([digest])) == 1


def test_without_a_lead_the_first_section_is_always_shown() -> None:
    """An article whose text opens under a subheading has no lead: its first section is the
    opening, shown however the shares fall (and a lead, when there is one, stands in for it)."""
    digest = _long_digest(60)
    digest = dataclasses.replace(digest, sections=digest.sections[1:])  # no heading-less lead
    [embed] = digest_embeds(digest)
    names = [f.name for f in embed.fields]
    assert names == ["Part 1", "Part 5", "Part 10", "Part 15", "Part 20", "Part 25"]
    assert next(f.name for f in digest_embeds(_long_digest(60))[0].fields) == "Part 5"
    # A first section with text but no claim is not on the card, and lends its place to no
    # other; a heading over no text at all (a group's) opens nothing: the next one opens.
    digest.sections[0] = dataclasses.replace(digest.sections[0], claims=[], word_count=80)
    names = [f.name for f in digest_embeds(digest)[0].fields]
    assert names == ["Part 5", "Part 10", "Part 15", "Part 20", "Part 25", "Part 30"]
    digest.sections[0] = dataclasses.replace(digest.sections[0], word_count=0)
    names = [f.name for f in digest_embeds(digest)[0].fields]
    assert names == ["Part 2", "Part 5", "Part 10", "Part 15", "Part 20", "Part 25"]


def test_sections_per_card_is_a_setting() -> None:
    """`sections=n` shows n sections (1 to 10); the count of the rest follows."""
    digest = _long_digest(12)
    for wanted in (1, 3, 10):
        [embed] = digest_embeds(digest, sections=wanted)
        assert len(embed.fields) == wanted
        assert str(embed.fields[-1].value).endswith(
            f"*+ {12 - wanted} more sections in the article*"
        )


def test_the_chosen_sections_are_shown_in_article_order() -> None:
    """Chosen by importance, shown as the article has them."""
    digest = _long_digest(8)
    for number, section in enumerate(digest.sections[1:], start=1):
        digest.sections[number] = dataclasses.replace(section, importance=float(number))
    [embed] = digest_embeds(digest)
    assert [f.name for f in embed.fields] == [f"Part {n}" for n in range(3, 9)]


def test_the_conclusion_is_chosen_and_kept_on_a_long_card() -> None:
    """ "Fazit: ...", "Our Verdict", "The bottom line ..." weigh as much as the weightiest
    section: chosen over heavier ones, and kept when a long card gives sections up; a heading
    that only holds the word ("Konsumsparen Fazit Nummer 1") is weighed as it is."""
    digest = _long_digest(12)
    digest.sections[12] = dataclasses.replace(digest.sections[12], heading="Fazit: Leasen?")
    digest.sections[11] = dataclasses.replace(digest.sections[11], heading="Our Verdict")
    digest.sections[3] = dataclasses.replace(digest.sections[3], heading="Budget Fazit 1")
    names = [f.name for f in digest_embeds(digest)[0].fields]
    assert names == ["Part 1", "Part 2", "Part 5", "Part 10", "Our Verdict", "Fazit: Leasen?"]
    long = _long_digest(12, claim="A claim that runs on for a good fifty characters. " * 5)
    long.sections[12] = dataclasses.replace(long.sections[12], heading="The bottom line ...")
    names = [f.name for f in digest_embeds(long)[0].fields]
    assert len(names) < 6 and names[-1] == "The bottom line ..."


@pytest.mark.parametrize(
    ("heading", "conclusion"),
    [
        ("7. Fazit", True),
        ("Fazit und Ausblick", True),
        ("Wrap up", True),
        ("Résumé", True),
        ("Résumé: keep it to one page", False),
        ("Verdicts of the jury", False),
    ],
)
def test_what_heads_a_conclusion(heading: str, conclusion: bool) -> None:
    """A numbered "7. Fazit", "Fazit und Ausblick", "Wrap up" head the conclusion, chosen for
    the card however light; a careers guide's "Résumé: ..." is weighed as it is."""
    digest = _long_digest(12)
    digest.sections[12] = dataclasses.replace(digest.sections[12], heading=heading)
    assert (heading in [s.heading for s in digest.card_sections().sections]) is conclusion


def test_a_verdict_under_each_product_is_no_conclusion() -> None:
    """A roundup gives each product its "Verdict": the heading said eight times is one
    product's, not the article's conclusion, and is weighed as it is (the card shows the
    weightiest products, not a "Verdict" without its product)."""
    sections = [Section(heading=None, claims=["Eight vacuums were tested for a month."])]
    for n, name in enumerate("ABCDEFGH"):
        sections += [
            Section(heading=f"Product {name}", claims=[f"{name} cleans well."], importance=n + 1),
            Section(heading="Verdict", claims=["Buy it if you have pets."], importance=0.5),
        ]
    digest = dataclasses.replace(_long_digest(1), sections=sections)
    assert [s.heading for s in digest.card_sections().sections] == [
        f"Product {name}" for name in "CDEFGH"
    ]


def test_a_repeated_heading_is_shown_once() -> None:
    """Six guests asked the same question: the card shows that heading once (the most
    important of its sections) and counts the others as left out."""
    digest = _long_digest(8)
    for number in range(1, 7):
        digest.sections[number] = dataclasses.replace(
            digest.sections[number], heading="What inspired you?", importance=float(number)
        )
    [embed] = digest_embeds(digest)
    assert [f.name for f in embed.fields] == ["What inspired you?", "Part 7", "Part 8"]
    assert digest.card_sections().sections[0] is digest.sections[6]
    assert str(embed.fields[-1].value).endswith("*+ 5 more sections in the article*")


def test_a_numbered_list_shows_its_first_items() -> None:
    """Subheadings numbered 2, 3, 5... in a row are a list (one number may be missing, and an
    unnumbered heading right before "2." is its first item): the card shows its first items,
    however the shares fall, never "5, 6, 7, 8, 9"."""
    digest = _long_digest(9)
    # (Numbered as lists number them: "2.", "3)", "Step 5:", "6 Six", "#7".)
    names = ["My fears", "2. Two", "3) Three", "Step 5: Five", "6 Six", "#7 Seven", "8. Eight"]
    names += ["9. Nine", "Afterword"]
    for number, name in enumerate(names, start=1):
        digest.sections[number] = dataclasses.replace(
            digest.sections[number], heading=name, importance=float(number)
        )
    [embed] = digest_embeds(digest)
    shown = ["My fears", "2. Two", "3) Three", "Step 5: Five", "6 Six", "Afterword"]
    assert [f.name for f in embed.fields] == shown
    assert str(embed.fields[-1].value).endswith("*+ 3 more sections in the article*")
    # Figures that only open a heading ("10 Days") number no list: importance decides.
    for number in range(2, 9):
        digest.sections[number] = dataclasses.replace(
            digest.sections[number], heading=f"{number}0 Days"
        )
    [embed] = digest_embeds(digest)
    days = [f"{n}0 Days" for n in range(4, 9)]
    assert [f.name for f in embed.fields] == [*days, "Afterword"]


def test_cached_digest_without_importance_shows_the_first_sections() -> None:
    """Digests cached before sections had an importance show the first ones."""
    [embed] = digest_embeds(_long_digest(9, importance=False))
    assert [f.name for f in embed.fields] == [f"Part {n}" for n in range(1, 7)]


def test_the_fit_takes_off_the_later_of_equal_sections() -> None:
    """Sections of equal importance (a cached digest has none) are chosen first come, first
    shown: the fit takes the last of them off, not the first."""
    claim = "This long claim keeps talking about the plan and its many costs. " * 5
    [embed] = digest_embeds(_long_digest(8, importance=False, claim=claim.strip()))
    assert [f.name for f in embed.fields] == [f"Part {n}" for n in range(1, len(embed.fields) + 1)]
    assert len(embed.fields) < 6


def test_card_is_trimmed_towards_a_phone_screen() -> None:
    """Long claims: sections are dropped (least important first, never below 3) until the card
    is near CARD_VISIBLE_TARGET visible characters, and the drop is counted."""
    claim = "This long claim keeps talking about the plan and its many costs. " * 5
    [embed] = digest_embeds(_long_digest(8, claim=claim.strip()))
    assert 3 <= len(embed.fields) < 6
    shown = sum(len(str(f.name)) + len(_OUR_LINK.sub("", str(f.value))) for f in embed.fields)
    assert shown <= CARD_VISIBLE_TARGET
    left = 8 - len(embed.fields)
    assert str(embed.fields[-1].value).endswith(f"*+ {left} more sections in the article*")


@pytest.mark.parametrize("claim_words", [18, 30, 45, 55, 68])
def test_the_fit_counts_every_character_a_reader_sees(claim_words: int) -> None:
    """Counted as the reader sees it (headings as cut, one line per claim, the ↗ after them,
    the left-out line), a card with room to drop sections stays within the target."""
    claim = " ".join(["Each part of the plan costs more than the council said."] * 8)
    claim = " ".join(claim.split()[:claim_words]) + "."
    digest = _long_digest(7, claim=claim)
    [embed] = digest_embeds(digest)
    if len(embed.fields) > MIN_CARD_SECTIONS:
        assert visible_length([embed]) <= CARD_VISIBLE_TARGET


def _tagged_digest(claim_words: int) -> Digest:
    claim = " ".join(["Each part of the plan costs more than the council said."] * 8)
    sections = [Section(heading=None, claims=["The lead says what the article is about."])]
    sections += [
        Section(heading=f"Part {n}", claims=[" ".join(claim.split()[:claim_words]) + "."])
        for n in range(1, 6)
    ]
    tags = [f"tag number {word}" for word in ("one", "two", "three", "four", "five")]
    return dataclasses.replace(_long_digest(0), sections=sections, tags=tags)


def test_tags_give_way_to_a_section() -> None:
    """When five tags would take a section off the card and three keep it, the footer shows
    three; when three do not keep it either, the card keeps its five tags."""
    [embed] = digest_embeds(_tagged_digest(53))
    assert len(embed.fields) == 5
    assert str(embed.footer.text).endswith("#tag number three")
    assert visible_length([embed]) <= CARD_VISIBLE_TARGET
    [embed] = digest_embeds(_tagged_digest(54))
    assert len(embed.fields) == 4
    assert str(embed.footer.text).endswith("#tag number five")
    [embed] = digest_embeds(_tagged_digest(20))
    assert len(embed.fields) == 5
    assert str(embed.footer.text).endswith("#tag number five")


def test_a_left_out_section_takes_the_room_a_long_one_left() -> None:
    """The fit takes a long section off; the most important left-out section of a few
    paragraphs (FILL_MIN_WORDS) that fits takes its room, in article order. A shorter one (a
    box, a follow-up question) does not, however important."""
    sentence = "Each part of the plan costs more than the council said it would."
    sections = [Section(heading=None, claims=["The lead says what the article is about."])]
    sections += [
        Section(heading=f"Part {n}", claims=[f"{sentence} " * 2 + "It says so."], importance=1.0)
        for n in range(1, 6)
    ]
    sections += [
        Section(heading="Long", claims=[f"{sentence} " * 12 + "Done."], importance=0.5),
        Section(heading="Box", claims=[sentence], importance=0.4, word_count=FILL_MIN_WORDS - 1),
        Section(heading="Small", claims=[sentence], importance=0.3, word_count=FILL_MIN_WORDS),
    ]
    digest = dataclasses.replace(_long_digest(0), sections=sections)
    [embed] = digest_embeds(digest)
    assert [f.name for f in embed.fields] == [f"Part {n}" for n in range(1, 6)] + ["Small"]
    assert str(embed.fields[-1].value).endswith("*+ 2 more sections in the article*")
    assert visible_length([embed]) <= CARD_VISIBLE_TARGET


def test_a_short_section_taken_off_comes_back_when_a_long_one_made_room() -> None:
    """The fit takes the least important section off first; when the card is under the
    target only once a long one went too, the short one fits again and is shown."""
    sentence = "Each part of the plan costs more than the council said it would."
    sections = [Section(heading=None, claims=["The lead says what the article is about."])]
    sections += [
        Section(heading=f"Part {n}", claims=[f"{sentence} " * 3 + "It says so."], importance=1.0)
        for n in range(1, 4)
    ]
    sections += [
        Section(heading="Long", claims=[f"{sentence} " * 20 + "Done."], importance=0.5),
        Section(heading="Short", claims=[sentence], importance=0.4),
    ]
    digest = dataclasses.replace(_long_digest(0), sections=sections)
    [embed] = digest_embeds(digest)
    assert [f.name for f in embed.fields] == ["Part 1", "Part 2", "Part 3", "Short"]
    assert str(embed.fields[-1].value).endswith("*+ 1 more section in the article*")
    assert visible_length([embed]) <= CARD_VISIBLE_TARGET


def test_a_list_item_left_out_never_fills_the_card() -> None:
    """A numbered list whose sixth item is too long shows items 1 to 5: the seventh, short
    enough to fit, would show "5, 7"."""
    sentence = "Each step of the plan costs more than the council said it would."
    sections = [Section(heading=None, claims=["The lead says what the article is about."])]
    for number in range(1, 9):
        claim = f"{sentence} " * (12 if number == 6 else 2) + "Done."
        sections.append(
            Section(f"{number}. Step", [claim], importance=number, word_count=FILL_MIN_WORDS)
        )
    digest = dataclasses.replace(_long_digest(0), sections=sections)
    [embed] = digest_embeds(digest)
    assert [f.name for f in embed.fields] == [f"{n}. Step" for n in range(1, 6)]


def test_one_link_per_field_highlights_every_claim() -> None:
    """A field's claims share one ↗ link with a text directive per claim."""
    digest = _long_digest(1)
    first, second = "The first claim of the part is here.", "The second claim ends the part."
    digest.sections[1].claims[:] = [first, second]
    [embed] = digest_embeds(digest)
    value = str(embed.fields[0].value)
    assert value.count(CLAIM_LINK_TEXT) == 1
    assert value.startswith(first + "\n" + second + " [↗](")
    url = value.split("](", 1)[1].rstrip(")")
    assert url.count("text=") == 2
    assert unquote(url.split("#:~:")[1]).startswith("text=The first claim")


def test_byline_date_and_image_go_on_the_embed() -> None:
    """Byline -> author, publication date -> timestamp, an http(s) page image -> thumbnail."""
    digest = dataclasses.replace(
        _long_digest(1),
        byline="Rashi Randev",
        published="2025-07-08",
        image="https://cdn.example/lavrov.jpg",
    )
    [embed] = digest_embeds(digest)
    assert embed.author.name == "Rashi Randev"
    assert embed.timestamp == datetime(2025, 7, 8, tzinfo=UTC)
    assert embed.thumbnail.url == "https://cdn.example/lavrov.jpg"
    for image in ("javascript:alert(1)", "data:image/png;base64,AAAA", "/relative.jpg"):
        [embed] = digest_embeds(dataclasses.replace(digest, image=image, published="soon"))
        assert embed.thumbnail.url is None
        assert embed.timestamp is None


def test_footer_shows_at_most_five_tags() -> None:
    """Old cached digests may carry eight tags; the card shows five."""
    digest = dataclasses.replace(_long_digest(1), tags=[f"t{n}" for n in range(8)])
    assert footer_text(digest).endswith("#t0 #t1 #t2 #t3 #t4")


def test_footer_shows_tags_verbatim_but_never_pings() -> None:
    """Footers render no markdown: underscores stay as typed; mentions are still defused."""
    digest = Digest(
        url="https://host.example/a",
        canonical_url=None,
        title="T",
        site_name="@everyone News",
        byline=None,
        published=None,
        language=None,
        text="x",
        sections=[],
        tags=["AI_chips", "<@&123>"],
        reading_minutes=0,
    )
    footer = footer_text(digest)
    assert "#AI_chips" in footer and "\\" not in footer
    assert_mentions_inert(footer)


def test_footer_names_site_reading_time_and_tags() -> None:
    """The footer falls back to the host name when the page names no site."""
    digest = Digest(
        url="https://host.example/x",
        canonical_url=None,
        title="t",
        site_name=None,
        byline=None,
        published=None,
        language=None,
        text="",
        sections=[],
        tags=["a b"],
        reading_minutes=0,
    )
    assert footer_text(digest) == "host.example · #a b"


def test_listing_links_headlines_and_jumps() -> None:
    """Search results link the article and the digest message, with the headline escaped."""
    embed = listing_embed(
        "Results",
        [ListedDigest("Hello @everyone", "https://e.com/a", "https://discord.com/channels/1/2/3")],
        "nothing",
    )
    description = embed.description or ""
    assert (
        "(https://e.com/a)" in description and "(https://discord.com/channels/1/2/3)" in description
    )
    assert "@everyone" not in description
    assert listing_embed("Results", [], "nothing").description == "nothing"


@given(hostile_text)
def test_listed_headline_cannot_break_its_link(headline: str) -> None:
    """Brackets in a headline are escaped, so the masked link always ends where Skim ends it."""
    embed = listing_embed(
        "R", [ListedDigest(headline, "https://e.com/a", "https://j.example/1")], ""
    )
    description = embed.description or ""
    start = description.index("[") + 1
    text = description[start : description.index("](https://e.com/a)")]
    for position, char in enumerate(text):
        if char in "[]":
            run = len(text[:position]) - len(text[:position].rstrip("\\"))
            assert run % 2 == 1, text


def test_a_verdict_naming_each_product_is_no_conclusion() -> None:
    """ "Verdict: A", "Verdict: B", ... each said once are still one per product: more than
    `MAX_CONCLUSIONS` conclusion headings are a roundup's, weighed as they are."""
    sections = [Section(heading=None, claims=["Eight vacuums were tested for a month."])]
    for n, name in enumerate("ABCDEFGH"):
        sections += [
            Section(heading=f"Product {name}", claims=[f"{name} cleans well."], importance=n + 1),
            Section(
                heading=f"Verdict: {name}", claims=["Buy it if you have pets."], importance=0.5
            ),
        ]
    digest = dataclasses.replace(_long_digest(1), sections=sections)
    assert [s.heading for s in digest.card_sections().sections] == [
        f"Product {name}" for name in "CDEFGH"
    ]

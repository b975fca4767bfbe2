"""Blocks -> the article's sections: its subheadings, each with the paragraphs under it.

Subheadings are the article's own: `h1`-`h6` inside the article (an `h1` only when it is not the
headline) and the pseudo-headings many CMS pages use instead: a short paragraph that is wholly
bold, without final punctuation, followed by body text. A heading must head article prose:
furniture labels ("Also Read", "Related", "References", "Contents"), teaser titles linking to
other pages and headings over no sentence (a price, a table, a gallery) are never headings.
Teaser, credit and share lines are dropped; the notes and references after the text are kept
as asides: article text, never quoted. Decorations (`[edit]`, `¶`) and citation markers
(`[4]`, `[citation needed]`) are stripped, and a bold run-in term is set off from its sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from summarizer.extract.article import Aside, Block, SectionText
from summarizer.extract.patterns import (
    is_boilerplate_heading,
    is_boilerplate_line,
    is_caption_with_credit,
    is_cut_off,
    is_dateline,
    is_end_matter_heading,
    is_reader_box_heading,
    is_reference_heading,
    is_relative_stamp,
    is_teaser_label,
    is_teaser_prompt,
)
from summarizer.text import clean_text, word_count

_PSEUDO_LEVEL = 7  # a bold pseudo-heading ranks below every <hN>
# A heading longer than this is a paragraph someone put in <h2>.
_MAX_HEADING_CHARS = 200
_MAX_HEADING_WORDS = 20
_MIN_SENTENCE_HEADING_WORDS = 15
# An h1 sharing this much of its words with the headline is the headline again.
_RESTATED_SHARE = 0.5
# A heading above the text that is a run of this many of the headline's words, and this share
# of them, is the headline without what the page's title adds (the site's name, the date).
_MIN_HEADLINE_RUN_WORDS = 3
_HEADLINE_RUN_SHARE = 0.4
# Pseudo-headings are short: a bold paragraph longer than this is emphasis, not a heading.
_MAX_PSEUDO_HEADING_CHARS = 120
_MAX_PSEUDO_HEADING_WORDS = 16
# A line in capitals is a heading when it has a few words (one capitalised word is a label, an
# acronym or a shout).
_MIN_CAPITALS_HEADING_WORDS = 2
_MIN_CAPITALS_HEADING_LETTERS = 6
# A bold line opening with a dash credits the quote above it ("– Kyle Hughes, Writer").
_CREDIT_DASHES = ("-", "–", "—", "―", "~")
_FINISHED_TEXT = re.compile(r"[.!?…。！？][\s\"'”’»)\]]*$")
_FIGURE_OR_BRACKET = re.compile(r"[\d()\[\]{}]")
_FINAL_PUNCTUATION = tuple(".,;:!…。！，；：")
# Paragraphs made mostly of link text and this short are teasers ("Read: <headline>").
_LINK_TEASER_RATIO = 0.75
_LINK_TEASER_MAX_WORDS = 30
# Under a furniture heading ("Related", "Newsletter"), a paragraph this long is article prose again.
_MIN_PROSE_WORDS = 25
# ...and a finished sentence this long opens the story when no prose came before.
_MIN_OPENING_WORDS = 12
_MAX_CAPTION_WORDS = 20
_CELL_TAGS = frozenset({"td", "th"})
# A caption of at most this many words (and no sentence) labels a chart or a diagram.
_MAX_LABEL_WORDS = 12
# A picture credit in a caption: "©", "Foto: …", "Credit Jane Doe", "Archivo/La República".
_CREDIT = re.compile(
    r"©|\b(?:credits?|crédits?|créditos?|photos?|fotos?|bild(?:er)?|images?|quelle|source|fuente"
    r"|archivo|archiv)\b\s*[:/]|^credit|\bcredit(?=[A-Z])",
    re.IGNORECASE,
)
_MIN_PARAGRAPHS_FOR_DEK = 4
# A paragraph repeating the page's description is its dek when shorter than this: many pages
# copy their lede into the description, and a lede is longer (12 of 15 on the corpus).
MAX_DEK_WORDS = 20
# A list item of this many words is a phrase (an ingredient, a bullet point), not a label.
_MIN_LIST_PHRASE_WORDS = 3
_BYLINE_RE = re.compile(r"^(?i:by|von|par|por|di)\s+(?:[A-Z][\w.'’-]*\s*(?:,|and|&)?\s*){1,6}$")
# The runs of word characters: joined by one space, they are the text with each run of other
# characters made one space and the ends stripped (no word character is white space).
_WORDS_RE = re.compile(r"\w+")
# A block this much of which is a link is mostly a link (a heading so is a teaser's title).
_MOSTLY_LINK_SHARE = 0.5
# A teaser's kicker above its title ("Einzelheft Zeitschrift"): a line of this many words at most.
_MAX_KICKER_WORDS = 4
# Citation markers and edit links that wikis put after words: "policy.[91]", "[citation
# needed]", "[edit]", "[a]", "[note 3]"; superscript digits of footnotes are kept (they may be
# exponents).
_CITATION = re.compile(
    r"\s?\[(?:\d{1,4}|[a-z]|[ivx]{1,4}|(?:note|nb|n|fn)\s?\d{1,3}|citation needed"
    r"|clarification needed|verification needed|better source needed|failed verification"
    r"|dubious(?: [–-] discuss)?"
    r"|not in citation given|page needed|when\?|who\?|which\?|according to whom\?|by whom\?"
    r"|edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar"
    r"|editar código-fonte|править|править код|編集|编辑|편집)\]",
    re.IGNORECASE,
)
# What blogs and docs put around headings: anchor marks and permalink glyphs at either end.
# ("Learning C#" keeps its "#": only a mark set apart by a space is a decoration.)
_HEADING_DECORATION = re.compile(
    r"^[#¶§🔗⚓]+\s*|\s+[#¶§🔗⚓]+$|[¶🔗⚓]+$|\s*\b(?:permalink|anchor link)$", re.IGNORECASE
)
# A paragraph that is prose holds a finished sentence: words, then a stop.
_SENTENCE_STOP = re.compile(r"[^\W\d_][)\]\"'”’»]*[.!?…。！？।]")
_MIN_PROSE_SENTENCE_WORDS = 6
# A bold run-in term ("**Idempotence** A single task...") is a label at most this long.
_MAX_RUN_IN_WORDS = 8
# A pseudo-heading said this often, each time right under a subheading, is a form's label.
_MIN_LABEL_REPEATS = 3
# A bold line of figures is a table's row or a score line ("Palm Bay 18 22 13 17 — 70"), not
# a pseudo-heading: at least this many numbers, and at least this share of its words.
_NUMBER = re.compile(r"^\W*\d[\d.,:/%+\-–]*\w{0,3}\W*$")
_MIN_ROW_NUMBERS = 3
_ROW_NUMBER_SHARE = 0.5
# A heading holding a finished sentence that goes on ("Die Verbände haben eine Stellungnahme
# veröffentlicht. Die wichtigsten Punkte:") is a paragraph set as a heading: a stop after a
# word of five letters or more (not an abbreviation: "org.", "Dr."), four words in, before
# another word.
_INNER_SENTENCE = re.compile(r"^(?:\S+\s+){4,}\S*[^\W\d_]{5}[.!]\s+[^\W\d_]")
# A note under a table opens with its marker: "1 Insgesamt gibt es mehr Ansprüche...",
# "* Stand: Mai", "¹ Schätzung".
_NOTE_MARK = re.compile(r"(?:\d{1,2}|\*{1,3}|[†‡¹²³⁴⁵⁶⁷⁸⁹])\s*[^\W\d_]")


def _fold(text: str) -> str:
    """The text's words, case-folded, one space between them (a seventh faster than the
    substitution of every run of other characters)."""
    return " ".join(_WORDS_RE.findall(text)).casefold()


def article_sections(
    raw: list[Block],
    *,
    title: str | None,
    byline: str | None,
    description: str | None = None,
) -> list[SectionText]:
    """Classify blocks, dropping furniture, the headline, the dek and byline lines, and group
    the paragraphs under the subheading before them (the lead has heading None)."""
    title_key = _fold(title) if title else None
    byline_key = _fold(byline) if byline else None
    description_key = _fold(description) if description else None
    raw = _without_dek(raw, description_key)
    kept: list[_Kept] = []
    # Under a "Related" / "Comments" heading until the next heading of its rank or higher
    # (the teaser titles inside the box are its own subheadings).
    in_furniture = False
    end_matter = False  # the furniture is notes, references or comments: no prose ends it
    references = False  # the end matter is the article's notes and references: asides
    furniture_level = 0
    seen_text = False  # a paragraph of prose has been kept (a dek comes before any)
    teasers = _TeaserBoxes()
    teaser_label = False  # the block before is a teaser box's kicker ("También lea")
    for block in map(_cleaned, raw):
        after_label = teaser_label
        teaser_label = not block.heading_level and is_teaser_label(block.text)
        if block.named_bold and not seen_text:
            # Above the text, a block whose class calls it a subheading is the dek (a site's
            # "article__subhead"), not a heading: it reads as its markup has it.
            block = replace(block, all_bold=False, named_bold=False)
        text = block.text
        key = _fold(text)
        if not key or key in (title_key, byline_key):
            continue
        if block.note or block.aside:  # the article's notes, laid-out code: text, never prose
            if not is_boilerplate_line(text):
                kept.append(_Kept(block, heading_candidate=False, aside=True))
            continue
        if block.figure:  # a caption (a heading in a figure is its title): never prose
            if not in_furniture and _is_figure_aside(block):
                kept.append(_Kept(block, heading_candidate=False, aside=True))
            continue
        if block.heading_level:
            if in_furniture and block.heading_level > furniture_level:
                if references:
                    kept.append(_Kept(block, heading_candidate=False, aside=True))
                continue
            if is_relative_stamp(text) or _is_byline(text):
                continue  # the post's byline or time stamp set as a heading: no section
            if seen_text and is_reader_box_heading(text):
                break  # the site's word to its readers after the article: the page's end
            if after_label:
                # The title of a teaser box under its kicker ("TAMBIÉN LEA" over "Congreso
                # aprueba ley..."): the box is furniture until prose or a heading of its rank.
                in_furniture, end_matter, references = True, False, False
                furniture_level = block.heading_level
                continue
            in_furniture = is_boilerplate_heading(text)
            # (End matter follows the article: a "Literatur" label above it is a section's.)
            end_matter = in_furniture and seen_text and is_end_matter_heading(text)
            references = end_matter and is_reference_heading(text)
            furniture_level = block.heading_level
            if references:
                kept.append(_Kept(block, heading_candidate=False, aside=True))
                continue
            if (
                block.heading_level == 1
                and _restates(text, title_key)
                and not any(not item.block.heading_level and not item.aside for item in kept)
            ):
                continue  # an h1 above the text is the page's headline, reworded
            if not seen_text and _is_headline_again(key, title_key):
                # The headline set again above the text: text (an aside, as readers count it),
                # but it ends what came before (a category label) and heads the lead, which
                # has no heading.
                kept.append(_Kept(block, heading_candidate=False, aside=True))
                kept.append(_Kept(block, heading_candidate=False, landmark=True))
                continue
            if not seen_text and (
                _is_sentence(text) or (key == description_key and block.heading_level > 1)
            ):
                # The dek: a sentence, or the page's description under the headline, set as a
                # heading above the text. (An h1 may be the first section's title: pages that
                # set the headline in h1 set their sections in h1 too.) Sentences set so are
                # the article's opening: text, but not prose to quote.
                if key != description_key:
                    kept.append(_Kept(block, heading_candidate=False, aside=True))
                continue
            if block.hidden and not in_furniture:
                kept.append(_Kept(block, heading_candidate=False, landmark=True))
            elif _is_mostly_link(block):  # a teaser's title, not a subheading
                _drop_last_heading(kept)  # the heading right above a teaser's title is its kicker
            elif not in_furniture and _heading_sized(text) and _holds_sentence(text):
                # A paragraph set as a heading (a lead-in, a teaser's blurb): text, neither a
                # heading nor prose to quote.
                kept.append(_Kept(block, heading_candidate=False, aside=True))
            elif not in_furniture:
                kept.append(_Kept(block, _heading_sized(text)))
            continue
        linked = _is_mostly_link(block)
        if is_teaser_prompt(text, linked=linked) and (
            _drop_last_heading(kept)
            or (linked and teasers.drop(kept, button=not is_teaser_prompt(text, linked=False)))
        ):
            continue  # "Title" (and its blurb) + "Read more": a teaser for another page
        if kept and _is_table_note(text, kept[-1]) and not in_furniture:
            # A note under a table ("1 Insgesamt gibt es..."): text, but not prose to quote.
            kept.append(_Kept(block, heading_candidate=False, aside=True))
            continue
        if in_furniture and not end_matter and (_is_prose(block) or _opens_story(block, seen_text)):
            in_furniture = False  # the furniture box ended without a heading of its own
        if block.tag == "li" and (_is_link_teaser(block) or block.jumps) and not in_furniture:
            # (A list item with a link to a place on this page is an entry of the article's
            # contents: "Why Evidence Action Beta is promising. (More)".)
            kept.append(_Kept(block, heading_candidate=False, link_line=True))
            continue
        if references and in_furniture:
            if not is_boilerplate_line(text):
                kept.append(_Kept(block, heading_candidate=False, aside=True))
            continue
        if block.tag in _CELL_TAGS and _is_link_teaser(block) and not in_furniture:
            # A linked name in a table's cell is its data, not a teaser: text, not prose.
            if not is_boilerplate_line(text):
                kept.append(_Kept(block, heading_candidate=False, aside=True))
            continue
        if (
            in_furniture
            or _is_link_teaser(block)
            or is_boilerplate_line(text)
            or is_dateline(text)
            or _is_caption(block)
            or _is_byline(text)
        ):
            continue
        # (A line in capitals above the first prose is a credit or a kicker: "ITV, AP".)
        heading = _looks_like_pseudo_heading(block, capitals=seen_text)
        if heading and _holds_sentence(text):
            # A paragraph set as a heading (a lead-in, a teaser's title): text, neither a
            # heading nor prose to quote.
            kept.append(_Kept(block, heading_candidate=False, aside=True))
            continue
        seen_text = seen_text or is_prose(text)
        kept.append(_Kept(block, heading))
    return _headings_over_text(_fold_repeated_labels(_drafts(kept)))


def heading_levels(raw: list[Block], sections: list[SectionText]) -> list[int]:
    """The outline level of each section's heading, as `article_sections` read it from `raw`:
    1-6 for an `<hN>`, _PSEUDO_LEVEL for a pseudo-heading (a bold or capitals line), 0 for the
    lead and for a heading no block of `raw` gives (one another reading of the page found).
    Each heading is matched to the first block after the last one matched that reads as it."""
    places: dict[str, list[int]] = {}
    for index, block in enumerate(raw):
        if block.heading_level or block.all_bold or block.named_bold or block.text.isupper():
            places.setdefault(_cleaned(block).text, []).append(index)
    taken = dict.fromkeys(places, 0)  # of each text's places, how many lie behind
    levels: list[int] = []
    after = 0  # the blocks before this one are behind the headings matched
    for section in sections:
        heading = section.heading
        found = places.get(heading) if heading is not None else None
        if heading is None or found is None:
            levels.append(0)
            continue
        at = taken[heading]
        while at < len(found) and found[at] < after:
            at += 1
        taken[heading] = at
        if at == len(found):
            levels.append(0)
            continue
        block = raw[found[at]]
        levels.append(block.heading_level or _PSEUDO_LEVEL)
        after = found[at] + 1
        taken[heading] = at + 1
    return levels


def _is_table_note(text: str, last: _Kept) -> bool:
    """`text` is a note under the table `last` ends (a cell, or a note of it before): it
    opens with a note's marker and is a sentence."""
    if not (last.block.cell or (last.aside and _NOTE_MARK.match(last.block.text))):
        return False
    return _NOTE_MARK.match(text) is not None and is_prose(text)


@dataclass(slots=True)
class _Kept:
    """A block that survived classification: a heading candidate, text, a line of links
    (never text of a section, but it tells that the heading above heads a list of links), or
    an aside (article text that is not prose)."""

    block: Block
    heading_candidate: bool
    link_line: bool = False
    aside: bool = False
    landmark: bool = False  # a heading only screen readers announce ("Chapter Text")


def _drop_last_heading(kept: list[_Kept]) -> bool:
    """Drop the last kept item if it is a heading (with the asides after it, its teaser's
    picture); whether it was one."""
    last = len(kept) - 1
    while last >= 0 and kept[last].aside:
        last -= 1
    if last < 0 or not kept[last].block.heading_level:
        return False
    del kept[last:]
    return True


def _teaser_box(kept: list[_Kept]) -> int | None:
    """Where a box of a title and one paragraph (and asides, its picture) starts when the last
    kept items are one: the title's index; else None. (Not the headline set again above the
    lead, a landmark: that is the article's opening.)"""
    blurb = len(kept) - 1
    while blurb >= 0 and kept[blurb].aside:
        blurb -= 1
    if blurb < 1 or kept[blurb].block.heading_level or kept[blurb].link_line:
        return None
    heading = blurb - 1
    while heading >= 0 and kept[heading].aside:
        heading -= 1
    if heading < 0 or not (kept[heading].block.heading_level and kept[heading].heading_candidate):
        return None
    return heading


def _is_kicker(item: _Kept) -> bool:
    """A short line that is no heading and no sentence, set above a title: a teaser's kicker
    ("Einzelheft Zeitschrift" above a magazine issue's title)."""
    block = item.block
    return (
        not block.heading_level
        and not item.aside
        and not item.link_line
        and block.tag in ("p", "div")
        and len(block.text.split()) <= _MAX_KICKER_WORDS
        and not block.text.endswith(_FINAL_PUNCTUATION)
    )


class _TeaserBoxes:
    """Teasers' boxes over a linked "Read more": a title and one paragraph are one when the
    box is clearly not the article's (its title has a kicker above it, or another such box
    over a "Read more" stands right before it); a section of one paragraph may end on a link
    as well ("How to apply" ... "Learn more"), and so may the next ("Who qualifies" ...
    "Learn more"): a button's word is no teaser's prompt."""

    def __init__(self) -> None:
        self.end = -1  # how many items were kept after the last box-shaped run's prompt
        self.start: int | None = None  # where that box starts, when it was kept (one alone)
        self.button = False  # that box ended on a button ("Learn more"), not a "Read more"

    def drop(self, kept: list[_Kept], *, button: bool = False) -> bool:
        """Drop the box the kept items end on (over a `button` or a "Read more") if it is a
        teaser's; whether it was."""
        box = _teaser_box(kept)
        if box is None:
            return False
        follows = (
            not (button or self.button)
            and 0 <= self.end <= box
            and all(item.aside for item in kept[self.end : box])
        )
        kicker = box > 0 and _is_kicker(kept[box - 1])
        if not (follows or kicker):
            self.start, self.end, self.button = box, len(kept), button
            return False
        start = box - 1 if kicker else box
        if follows and self.start is not None:
            start = min(start, self.start)
        del kept[start:]
        self.start, self.end, self.button = None, len(kept), False
        return True


@dataclass(slots=True)
class _Draft:
    """A section being built, with what decides whether its heading heads article text."""

    heading: str | None
    level: int  # 0 the lead, 1-6 an <hN>, 7 a pseudo-heading
    paragraphs: list[str] = field(default_factory=list)
    # a paragraph of prose that is neither mostly a link nor cut off (both a teaser's blurb)
    has_prose: bool = False
    list_phrases: int = 0  # list items of a few words or more (ingredients, bullet points)
    link_lines: int = 0  # list items wholly of links under it (a list of apps, sources, tools)
    asides: list[Aside] = field(default_factory=list)
    links: list[Aside] = field(default_factory=list)  # the link lines, where they stand

    def section(self, heading: str | None) -> SectionText:
        """The draft as a section under `heading`. Its link lines are text (asides) only under
        a heading kept over no prose: the list of links is then what the heading heads ("Mac
        Apps" over the apps' names); elsewhere they are a teaser list, not text."""
        if heading is None or self.has_prose or not self.links:
            return SectionText(heading, self.paragraphs, tuple(self.asides))
        asides = sorted(self.asides + self.links, key=lambda aside: aside.after)
        return SectionText(heading, self.paragraphs, tuple(asides))


def _drafts(kept: list[_Kept]) -> list[_Draft]:
    """Group the kept blocks under their headings (a pseudo-heading only over body text)."""
    drafts = [_Draft(None, 0)]
    text = [item for item in kept if not (item.link_line or item.aside or item.landmark)]
    following = {
        id(item): text[n + 1] if n + 1 < len(text) else None for n, item in enumerate(text)
    }
    for item in kept:
        block = item.block
        if item.link_line:
            drafts[-1].link_lines += 1
            drafts[-1].links.append(Aside(len(drafts[-1].paragraphs), block.text))
            continue
        if item.aside:
            drafts[-1].asides.append(Aside(len(drafts[-1].paragraphs), block.text))
            continue
        if item.landmark:  # it ends the section above and heads the text after it for no one
            drafts.append(_Draft(None, block.heading_level))
            continue
        after = following[id(item)]
        is_heading = item.heading_candidate and (
            block.heading_level > 0
            or (
                after is not None
                and not after.block.heading_level
                and not after.heading_candidate
                # A line in capitals heads finished sentences, not a teaser's blurb.
                and (block.all_bold or _FINISHED_TEXT.search(after.block.text) is not None)
            )
        )
        if is_heading:
            drafts.append(_Draft(block.text, block.heading_level or _PSEUDO_LEVEL))
            continue
        draft = drafts[-1]
        draft.paragraphs.append(block.text)
        if (
            not draft.has_prose
            # (a teaser's blurb cut off with an ellipsis: "...gelten Vorgaben der bundesweit …")
            and not is_cut_off(block.text)
            and not _is_mostly_link(block)  # mostly a link: a teaser's blurb, however long
            and is_prose(block.text)
        ):
            draft.has_prose = True
        if block.tag == "li" and len(block.text.split()) >= _MIN_LIST_PHRASE_WORDS:
            draft.list_phrases += 1
    if not drafts[0].paragraphs:
        lead = drafts.pop(0)
        if drafts:  # its asides (a picture above the first subheading) open the next section
            drafts[0].asides[:0] = lead.asides
        elif lead.asides:
            drafts.append(lead)
    return drafts


def _fold_repeated_labels(drafts: list[_Draft]) -> list[_Draft]:
    """A pseudo-heading said MIN_LABEL_REPEATS times or more, each time right under a real
    subheading with no prose of its own, is a label of the form (an interview's question put
    to each guest under the guest's name): it heads no section. Its text joins the section
    of the subheading above, the label itself as an aside (text, never quoted)."""

    def folds_into(previous: _Draft | None, draft: _Draft) -> bool:
        return (
            draft.level == _PSEUDO_LEVEL
            and previous is not None
            and previous.heading is not None
            and previous.level < _PSEUDO_LEVEL
            and not previous.has_prose
        )

    labels = Counter(
        _fold(draft.heading or "")
        for previous, draft in zip([None, *drafts], drafts, strict=False)
        if folds_into(previous, draft)
    )
    out: list[_Draft] = []
    for draft in drafts:
        previous = out[-1] if out else None
        label = _fold(draft.heading or "")
        if (
            previous is None
            or not folds_into(previous, draft)
            or labels[label] < _MIN_LABEL_REPEATS
        ):
            out.append(draft)
            continue
        offset = len(previous.paragraphs)
        previous.asides.append(Aside(offset, draft.heading or ""))
        previous.asides.extend(Aside(aside.after + offset, aside.text) for aside in draft.asides)
        previous.links.extend(Aside(link.after + offset, link.text) for link in draft.links)
        previous.paragraphs.extend(draft.paragraphs)
        previous.has_prose = previous.has_prose or draft.has_prose
        previous.list_phrases += draft.list_phrases
        previous.link_lines += draft.link_lines
    return out


def _headings_over_text(drafts: list[_Draft]) -> list[SectionText]:
    """Keep the headings that head article text; the others (a price, a spec table, a gallery
    of captions, a staff box, a teaser's kicker) give their lines to the section before.

    A heading heads article text when prose is under it, or a list (ingredients, bullet
    points), or, inside the article (prose follows later), a list of links (apps, sources).
    A heading over nothing stays when the deeper subheading after it stays: it is its parent.
    """
    heads_text = [False] * len(drafts)
    prose_after = False
    for index in range(len(drafts) - 1, -1, -1):
        draft = drafts[index]
        parent = (
            index + 1 < len(drafts)
            and drafts[index + 1].level > draft.level
            and heads_text[index + 1]
        )
        heads_text[index] = (
            draft.heading is None
            or draft.has_prose
            or draft.list_phrases > 0
            or (draft.link_lines > 0 and prose_after)
            or parent
        )
        prose_after = prose_after or draft.has_prose
    kept: list[SectionText] = []
    for draft, keep in zip(drafts, heads_text, strict=True):
        if keep and (draft.heading is not None or not kept):
            kept.append(draft.section(draft.heading))
        elif kept:
            kept[-1] = _joined(kept[-1], draft.section(None))
        elif draft.paragraphs or draft.asides:
            kept.append(draft.section(None))
    while kept and kept[-1].heading is not None and not kept[-1].paragraphs:
        last = kept.pop()
        if kept and last.asides:  # (a heading over asides only: they go to the section before)
            kept[-1] = _joined(kept[-1], SectionText(None, [], last.asides))
    return kept


def _joined(section: SectionText, more: SectionText) -> SectionText:
    """`section` with the paragraphs and asides of `more` after its own."""
    shift = len(section.paragraphs)
    moved = tuple(Aside(aside.after + shift, aside.text) for aside in more.asides)
    return SectionText(
        section.heading, section.paragraphs + more.paragraphs, section.asides + moved
    )


def is_prose(paragraph: str) -> bool:
    """A paragraph that holds at least one finished sentence of some length."""
    return (
        word_count(paragraph) >= _MIN_PROSE_SENTENCE_WORDS
        and _SENTENCE_STOP.search(paragraph) is not None
    )


def strip_citations(text: str) -> str:
    """Text without citation markers and edit links ("policy.[91]" -> "policy.")."""
    return _CITATION.sub("", text) if "[" in text else text


def _cleaned(block: Block) -> Block:
    """A block's text as a reader should see it: normalised, without citation markers; a
    heading without its decorations; a bold run-in term set off by a colon."""
    text = clean_text(strip_citations(block.text))
    if block.heading_level or block.all_bold:
        text = _HEADING_DECORATION.sub("", text).strip()
    elif 0 < block.bold_lead_chars < len(text):
        text = _set_off_run_in(text, block.bold_lead_chars)
    if text == block.text:
        return block
    return replace(block, text=text)


def _set_off_run_in(text: str, lead_chars: int) -> str:
    """ "Idempotence A single task..." (the term in bold) -> "Idempotence: A single task..."."""
    term, rest = text[:lead_chars].rstrip(), text[lead_chars:].lstrip()
    if (
        not any(char.isalnum() for char in term)  # a mark ("^", a wiki note's backlink)
        or not rest[:1].isupper()
        or len(term.split()) > _MAX_RUN_IN_WORDS
        or term.endswith((*_FINAL_PUNCTUATION, "?", ")", "]", "—", "–", "-"))
    ):
        return text
    return f"{term}: {rest}"


def _is_sentence(text: str) -> bool:
    """A heading written as a sentence: it ends with a full stop (not "?", "!" or "...")."""
    stripped = text.rstrip(" \"'”’»)")
    return stripped.endswith((".", "。")) and not stripped.endswith(("...", "…"))


def _restates(text: str, title_key: str | None) -> bool:
    """Most of the words of `text` are the headline's."""
    if not title_key:
        return False
    words, title_words = set(_fold(text).split()), set(title_key.split())
    return len(words & title_words) >= _RESTATED_SHARE * len(words | title_words)


def _is_headline_again(key: str, title_key: str | None) -> bool:
    """The folded heading `key` is the headline (`title_key`) or a run of its words long enough
    to be it without the site's name or the date the page's title adds ("Ein Quantensprung
    für Nordhausen Nord" under the title "Ein Quantensprung für Nordhausen Nord : 06.11.2023,
    11.41 Uhr")."""
    if not title_key:
        return False
    if key == title_key:
        return True
    words = key.count(" ") + 1
    return (
        words >= _MIN_HEADLINE_RUN_WORDS
        and words >= _HEADLINE_RUN_SHARE * (title_key.count(" ") + 1)
        and f" {key} " in f" {title_key} "
    )


def _heading_sized(text: str) -> bool:
    """Short enough for a subheading; a long one is a dek or a paragraph set in <h2>, unless it
    is a question (interviews set theirs as subheadings)."""
    if text.rstrip().endswith(("?", "？")):
        return len(text) <= _MAX_HEADING_CHARS
    words = len(text.split())
    # "The quarter was not a disappointment, with most of...": a sentence, not a title.
    sentence = words >= _MIN_SENTENCE_HEADING_WORDS and re.search(r",\s+[a-z]", text) is not None
    return len(text) <= _MAX_HEADING_CHARS and words <= _MAX_HEADING_WORDS and not sentence


def _holds_sentence(text: str) -> bool:
    """A heading holding a finished sentence that goes on ("Die Verbände haben eine
    Stellungnahme veröffentlicht. Die wichtigsten Punkte:"): a paragraph, unless it is a
    question (an interview's: "Ich liebe eure Farben. Wie entstehen sie?")."""
    return not text.rstrip().endswith(("?", "？")) and _INNER_SENTENCE.match(text) is not None


def _is_number_row(text: str) -> bool:
    """A line mostly of figures: a table's row or a score line ("Palm Bay 18 22 13 17 — 70")."""
    words = text.split()
    numbers = sum(1 for word in words if _NUMBER.match(word))
    return numbers >= _MIN_ROW_NUMBERS and numbers >= _ROW_NUMBER_SHARE * len(words)


def _is_mostly_link(block: Block) -> bool:
    """Most of the block is a link (for a heading: to another page, a teaser's title)."""
    return block.link_chars >= _MOSTLY_LINK_SHARE * len(block.text)


def _without_dek(raw: list[Block], description_key: str | None) -> list[Block]:
    """Drop a short paragraph near the top that repeats the page's description: the dek set
    above the body. (Many pages copy their lede into the description; a lede is longer.)"""
    if not description_key:
        return raw
    paragraphs = [i for i, b in enumerate(raw) if not b.heading_level]
    if len(paragraphs) < _MIN_PARAGRAPHS_FOR_DEK:
        return raw
    for index in paragraphs[:2]:
        block = raw[index]
        if _fold(block.text) == description_key and word_count(block.text) < MAX_DEK_WORDS:
            return raw[:index] + raw[index + 1 :]
    return raw


def article_text(sections: list[SectionText], *, asides: bool = True) -> str:
    """Subheadings on their own lines, paragraphs (and, with `asides`, the asides among them)
    separated by a blank line."""
    return "\n\n".join(
        text for section in sections for text in _section_texts(section, asides=asides)
    )


def _section_texts(section: SectionText, *, asides: bool) -> list[str]:
    texts = [section.heading] if section.heading is not None else []
    if not asides or not section.asides:
        return texts + section.paragraphs
    pending = list(section.asides)
    for index, paragraph in enumerate(section.paragraphs):
        while pending and pending[0].after <= index:
            texts.append(pending.pop(0).text)
        texts.append(paragraph)
    return texts + [aside.text for aside in pending]


def paragraph_texts(sections: list[SectionText]) -> list[str]:
    """Every paragraph of the article, in order (subheadings left out)."""
    return [paragraph for section in sections for paragraph in section.paragraphs]


def _looks_like_pseudo_heading(block: Block, *, capitals: bool = True) -> bool:
    """A short paragraph set apart as a heading: wholly bold, or (with `capitals`) wholly in
    capitals (news agencies' style: "WHO IS THE FRONT-RUNNER?")."""
    text = block.text
    return (
        (block.all_bold or (capitals and _in_capitals(text)))
        and block.tag in ("p", "div")
        and not block.cell
        and len(text) <= _MAX_PSEUDO_HEADING_CHARS
        and len(text.split()) <= _MAX_PSEUDO_HEADING_WORDS
        and not _without_ellipsis(text).endswith(_FINAL_PUNCTUATION)
        and not text.startswith(_CREDIT_DASHES)
        and block.link_chars < len(text) / 2
        and not is_boilerplate_heading(text)
        and not _is_number_row(text)
    )


def _without_ellipsis(text: str) -> str:
    """The text less an ellipsis at its end after a word: a heading may lead into its section
    with one ("The bottom line ...", "Und dann…"). Not a line in small letters or with a
    comma: a sentence cut off before a list or a quote ("Menschen, die ...", "that said...")."""
    trimmed = text.rstrip(".… ")
    ends = text[len(trimmed) :].replace(" ", "")
    if ends not in ("...", "…") or not trimmed[-1:].isalnum() or "," in trimmed:
        return text
    return trimmed if trimmed[:1].isupper() else text


def _in_capitals(text: str) -> bool:
    """Several words, all in capitals: cased letters, none of them lower case, and no
    figures or brackets (a tour date "FRIDAY APRIL 17: OAF GALLERY", an aside "(SIC)")."""
    if not text.isupper():  # a cheap first test: most lines have a lower-case letter
        return False
    letters = [char for char in text if char.isalpha()]
    return (
        len(text.split()) >= _MIN_CAPITALS_HEADING_WORDS
        and not _FIGURE_OR_BRACKET.search(text)
        and len(letters) >= _MIN_CAPITALS_HEADING_LETTERS
        and all(char.isupper() for char in letters)
    )


def _is_caption(block: Block) -> bool:
    """A short, wholly italic line without final punctuation, or a line that ends with a
    photo credit: a caption or a credit."""
    return (
        block.all_italic
        and len(block.text.split()) <= _MAX_CAPTION_WORDS
        and not block.text.endswith((*_FINAL_PUNCTUATION, "?", "”", '"'))
    ) or is_caption_with_credit(block.text)


def _is_figure_aside(block: Block) -> bool:
    """A caption that is part of the article's text: a label ("Flame chart", "Table 6-1.
    Symptoms and causes"). A photo's description (a sentence, a credit) is the page's; so
    are a link, a furniture line, a date and a byline."""
    text = block.text
    return not (
        len(text.split()) > _MAX_LABEL_WORDS
        or _FINISHED_TEXT.search(text) is not None
        or is_prose(text)
        or is_caption_with_credit(text)
        or _CREDIT.search(text) is not None
        or _is_link_teaser(block)
        or is_boilerplate_line(text)
        or is_dateline(text)
        or _is_byline(text)
    )


def _is_prose(block: Block) -> bool:
    return len(block.text.split()) >= _MIN_PROSE_WORDS and block.link_chars < 0.3 * len(block.text)


def _opens_story(block: Block, seen_text: bool) -> bool:
    """Before any prose, a finished sentence of news length that links little: the story's
    opening under a box label whose box was pruned ("NEWSLETTERS" above the lede)."""
    return (
        not seen_text
        and len(block.text.split()) >= _MIN_OPENING_WORDS
        and block.link_chars < 0.3 * len(block.text)
        and _FINISHED_TEXT.search(block.text) is not None
        and not is_boilerplate_line(block.text)
    )


def _is_link_teaser(block: Block) -> bool:
    return (
        block.link_chars >= _LINK_TEASER_RATIO * len(block.text)
        and len(block.text.split()) <= _LINK_TEASER_MAX_WORDS
    )


def _is_byline(text: str) -> bool:
    return len(text) <= 80 and _BYLINE_RE.match(text) is not None

"""Whether an article's opening sentence is its lede, and which lead sentence says its headline.

The first prose sentence of an article is usually its lede: news opens on its point. Some
openings are prose and stand alone, yet say nothing of the article: a general truism
("Retiring early takes time and incredible discipline."), the first turn of a transcript, its
small talk ("Prof. Carlos: Estou aqui ao lado do Eugênio Tadeu, que já é de casa."), or a
reviewer's background ("I've worked on my own vehicles since I was 17..."). Such an opening
is held back like a hook (`no_lede_openings`): the lead's best-ranked sentences say more.
And a lede that is a side point or a news peg ("Instagram began testing hiding public like
counts...") leaves the headline's point unsaid: the lead sentence that says much more of the
headline than the lede (`says_the_headline`) goes on the card after it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from collections.abc import Set as AbstractSet

from summarizer.claims.terms import terms
from summarizer.languages import stopwords
from summarizer.text import word_count

# A truism is short: a sentence of more words has room for a fact of the article.
TRUISM_MAX_WORDS = 10
# ...and says at most this many of the headline's terms, and fewer than half of them: one
# restates its topic ("Retiring early..." under "How to retire early so you can work,
# travel..."), more state its point, as does one of a headline of one or two terms ("None of
# the games can be without bugs." under "About bugs").
TRUISM_MAX_HEADLINE_TERMS = 1
# A truism is told by what it lacks, a capitalised name among them: only in a script with
# capitals (Latin, Greek, Cyrillic), where at least this share of its letters have a case.
MIN_CASED_LETTER_SHARE = 0.5

# A lead sentence says the headline when it holds at least this many of its terms and this
# share of them, and this many more than the lede: the lede may open on a scene, a side
# point or a news peg ("Instagram began testing hiding public like counts...") while the
# headline announces another ("Chasing Instagram Analytics, People are Becoming Grocery
# Stores, Cruise Lines, and More").
HEADLINE_CLAIM_TERMS = 2
HEADLINE_CLAIM_SHARE = 0.5
HEADLINE_CLAIM_MORE_THAN_LEDE = 2

# A name or a term of the article inside a sentence: a capitalised word after its first
# (German capitalises every noun, so there a truism is rarely caught: by design), a word with
# two capitals anywhere (an acronym: "(CNN)A trip to..."), a digit, or a quotation (a title,
# someone's words)...
_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-Ž"
_SPECIFIC = re.compile(rf"(?<=\s)\W*[^\W\d_]*[{_CAPITAL}]|[{_CAPITAL}]\.?[{_CAPITAL}]|\d|[\"“”„«»]")
# ...or a subject that points at something: a pronoun or a demonstrative ("It's not intended
# to be a safety video.", "This is the best phone of the year.") speaks of a thing of the
# article, named before or after it; a general statement's subject is a plain noun.
_POINTING_SUBJECT = re.compile(
    r"^\W*(?:it|it's|it’s|this|these|those|he|she|they|we|i|you|es|er|sie|wir|ich|du|dies"
    r"|diese[rs]?|il|elle|ils|elles|nous|je|c'est|c’est|ceci|cela)\b",
    re.IGNORECASE,
)

# A transcript's turn: its speaker's name (maybe with a title: "Prof. Carlos", "Dr. Smith")
# and a colon opening the sentence. A label in capitals ("NEW DELHI:", "BREAKING:") is a
# dateline or a kicker, not a speaker.
_TURN = re.compile(
    r"^\W*(?P<speaker>(?:(?:Prof|Dr|Mr|Mrs|Ms|Sr|Sra|Hr|Fr)\.\s)?"
    r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+(?:\s[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+){0,2})\s?:\s+\S"
)

# A page that reviews something says so in its headline ("Clymer workshop manual review",
# "Xbox One X review: ...", "Hyundai Santa Fe ... im Test", "Test: ...").
_NAMES_A_REVIEW = re.compile(
    r"\breview(?:ed)?\b|\bim\s+(?:[\w-]+\s+)?test\b|^\W*test\s*[:–-]|\btest\s*[:–-]\s*$"
    r"|\brecensione\b|\breseña\b|\banálise\b",
    re.IGNORECASE,
)
# ...and a reviewer's background opens on what the writer has done or been, in the first
# person, in the past or the perfect ("I've worked on my own vehicles since I was 17...",
# "Ich habe seit 20 Jahren ein Motorrad..."), not the present of the test ("I ride it daily").
_REVIEWER_BACKGROUND = re.compile(
    r"^\W*(?:(?:[\w'’-]+\s+){0,3}[\w'’-]+,\s+)?"
    r"(?:I(?:'ve|’ve| have| had| was| used to| grew up| spent| started| first)\b"
    r"|ich (?:habe|hatte|war|bin)\b[^.!?]*\bseit\b)"
    r"|\bsince I was\b",
    re.IGNORECASE,
)


def no_lede_openings(
    openings: Sequence[str],
    lead: Sequence[str],
    title: str,
    headline_terms: AbstractSet[str],
) -> list[bool]:
    """For each of the lead's `openings` (its first sentences, where a lede sits), whether it
    is prose that is no lede: a truism, a transcript's small talk, or a reviewer's background
    on a review (see the module's docstring). `lead` holds every sentence of the lead,
    `headline_terms` the headline's terms that the article uses."""
    review = _NAMES_A_REVIEW.search(title) is not None
    return [
        is_truism(text, headline_terms)
        or is_small_talk_turn(text, lead, headline_terms)
        or (review and _REVIEWER_BACKGROUND.search(text) is not None)
        for text in openings
    ]


def is_truism(text: str, headline_terms: AbstractSet[str]) -> bool:
    """A short general statement that names nothing of the article: no name, no number, no
    quotation, at most TRUISM_MAX_HEADLINE_TERMS of the headline's terms ("Retiring early takes
    time and incredible discipline.", "Gaming used to be so simple."). (A sentence mostly in an
    script without capitals has no name to tell: it is never judged one.)"""
    if word_count(text) > TRUISM_MAX_WORDS or not _written_in_capitals(text):
        return False
    if _SPECIFIC.search(text.strip()) is not None or _POINTING_SUBJECT.match(text):
        return False
    said = sum(1 for term in set(terms(text)) if term in headline_terms)
    return said <= TRUISM_MAX_HEADLINE_TERMS and 2 * said < max(len(headline_terms), 1)


def _written_in_capitals(text: str) -> bool:
    """The text is in a script with capitals: MIN_CASED_LETTER_SHARE of its letters have a
    case (not Hangul, Bengali, Chinese...)."""
    letters = [char for char in text if char.isalpha()]
    cased = sum(1 for char in letters if char.lower() != char.upper())
    return bool(letters) and cased >= MIN_CASED_LETTER_SHARE * len(letters)


def is_small_talk_turn(text: str, lead: Sequence[str], headline_terms: AbstractSet[str]) -> bool:
    """A turn of a transcript (its speaker opens another of the `lead`'s sentences too) that
    says none of the headline's terms: a greeting or an introduction of the guest, not what
    the conversation is about."""
    turn = _TURN.match(text)
    if turn is None:
        return False
    speaker = turn.group("speaker")
    turns = sum(1 for other in lead if (found := _TURN.match(other)) and found[1] == speaker)
    return turns > 1 and headline_terms.isdisjoint(terms(text))


def says_the_headline(
    sentence_terms: Collection[str],
    headline_terms: AbstractSet[str],
    lede_terms: AbstractSet[str],
    language: str | None = None,
) -> bool:
    """The sentence holds at least HEADLINE_CLAIM_TERMS of the headline's terms, and
    HEADLINE_CLAIM_SHARE of them, and HEADLINE_CLAIM_MORE_THAN_LEDE more than the lede does
    (`lede_terms`). The headline's function words of the page's `language` ("bei", "im",
    "de", "un": `terms` drops only English ones) say nothing of its point and do not count."""
    headline_terms = headline_terms - headline_function_words(language)
    said = sum(1 for term in headline_terms if term in sentence_terms)
    by_lede = sum(1 for term in headline_terms if term in lede_terms)
    return (
        said >= HEADLINE_CLAIM_TERMS
        and said >= HEADLINE_CLAIM_SHARE * len(headline_terms)
        and said >= by_lede + HEADLINE_CLAIM_MORE_THAN_LEDE
    )


def headline_function_words(language: str | None) -> frozenset[str]:
    """The stopwords of the page's declared `language` ("de-AT" is German), none for English:
    `terms` has dropped its function words, and the long English list holds content words
    ("big", "work", "group") a headline states its point with."""
    code = (language or "").split("-")[0].lower()
    return frozenset() if code in ("", "en") else stopwords(code)

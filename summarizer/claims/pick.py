"""Section -> key claims: verbatim sentences picked by position, centrality and headline overlap.

Every sentence of the article is scored once by a biased LexRank (`lexrank.py`) whose prior is
the sentence's position and its overlap with the headline and with its section's subheading.
Each section then takes its best sentences, skipping boilerplate, fragments, captions and
near-duplicates of claims already taken, and returns them in article order. Sentences that are
not article prose (captions, bios, calls to action, table rows) are never claims; sentences
that lean on their context ("This...", questions, "In this post...", an interviewer's lead-in
to a question) are claims only when the section has nothing better; in a story without
subheadings, one that opens on what came before is taken after its own sentence or not at all
unless nothing else is left. An interview's answer opening on its speaker's name ("Atim: Es
wäre tragisch...") is prose: the answer after the name is judged. The lead's first claim is
the article's lede when it is prose (under subheadings, when it says something of the
headline: else it is the post's setup);
a section opening on its setup rather than on what its subheading announces leads with the
sentence soon after that says it. Under subheadings, a claim the next sentence turns against
("...nicht eindeutig belegt. Allerdings sind Fledermäuse...") is a concession: the turn, its
point, follows it on the card; so does the sentence after a lone claim naming nothing of its
subheading, when that sentence names it (the claim set the scene). A sentence that says
something general (only common words, no name, no number: "Gaming used to be so simple.")
gives way to one naming what it is about, as one giving an example does. On a page that says
it checks a claim (its metadata, its headline or a subheading: "Fact check: ...", "Our
ruling"), its verdict ("We rate the statement Mostly True.") is on the card wherever it sits
(`verdicts.py`): first under its subheading, beside the lede in the lead.
A section's importance is its share of the ranked weight, for cards that show only some.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from summarizer.claims.embedded_tweets import embedded_tweets
from summarizer.claims.lede import no_lede_openings, says_the_headline
from summarizer.claims.lexrank import biased_centrality
from summarizer.claims.self_reference import describes_the_text, is_site_notice
from summarizer.claims.sentences import language_code, split_sentences
from summarizer.claims.standalone import (
    SENTENCE_END,
    addresses_someone,
    dateline_end,
    ends_with_question,
    is_hook,
    is_not_prose,
    leans_on_context,
    leaves_bracket_open,
    names_antecedent,
    opens_leaning,
    points_back,
    presents_itself,
    spaces_its_punctuation,
    speaker_turn,
    speaks_aside,
    states_an_amount,
)
from summarizer.claims.terms import function_words, terms
from summarizer.claims.verdicts import names_a_fact_check, states_a_verdict
from summarizer.extract.article import SectionText
from summarizer.extract.limits import (
    MAX_CLAIMED_SECTIONS,
    MAX_RANKED_SENTENCES,
    NEAR_DUPLICATE_WINDOW,
)
from summarizer.extract.patterns import is_boilerplate_sentence, is_cut_off
from summarizer.languages import capitalises_nouns
from summarizer.text import squash, unify_apostrophes, unspaced_chars, word_count
from summarizer.word_frequency import common_word_frequency, has_common_words

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    """How many claims each section gets."""

    claims_per_section: int = 1
    long_section_claims: int = 2
    # About four news paragraphs or two phone screens: beyond this a section usually makes
    # more than one point, and one sentence no longer stands for it.
    long_section_words: int = 400
    # An article without subheadings is one section; three claims summarise it (the CNN/DM
    # highlight count).
    headingless_claims: int = 3


DEFAULT_CLAIM_SETTINGS = ClaimSettings()

# Scoring (tuned on the dev halves of ../shared/summaries with benchmarks/summaries_eval.py).
# A sentence's prior is its position (1 + index) ** -POSITION_DECAY, taken half within its
# section (news puts the point first) and half within its paragraph (topic sentences), plus
# the share of the headline's and of the subheading's terms it contains.
POSITION_DECAY = 1.0
SECTION_POSITION_SHARE = 0.5
HEADLINE_WEIGHT = 1.0
HEADING_WEIGHT = 0.25
# A subheading of this many terms (of those its section uses) says what the section says: a
# section opening on none of them gives way to the sentence soon after that holds at least
# half of them (`_subheading_lede`). One or two are a label ("Example Data", "Later years"): a
# sentence naming them need not say more than the opening. Dev cards: 31 changed at 3, 19 better / 4
# worse; at 2, 45 changed, 22 better / 8 worse, and WikiText-2 R-1 39.99 -> 39.79.
SUBHEADING_LEDE_TERMS = 3
# ...looked for among this many first sentences of the section (a section's point may come
# after a paragraph of setup). Dev cards: 8 more changed at 8 than at 5, 6 better / 1 worse
# (WikiText-2 R-1 39.99 -> 40.05); at 12, 4 more, 2 better / 1 worse.
SUBHEADING_LEDE_REACH = 8
# ...and an opening naming one of its terms ("In many ways, 2019 was the year of wireless
# earbuds." under "Amazon Echo Buds for $130") gives way so too, to a sentence that names at
# least two more of them ("Amazon's Echo Buds have been well received and cost far less...").
# Dev cards: 24 changed, 12 better / 7 sideways / 5 worse; ROUGE unchanged.
SUBHEADING_OPENING_SHARES = 1
# A headline this long that opens a body sentence was made from the body, not written for it.
MIN_HEADLINE_FROM_BODY_CHARS = 20
# A sentence shorter than this (in words; CJK characters count half) is a fragment, not a claim.
MIN_CLAIM_WORDS = 6
# A "sentence" longer than this is usually several run together (captions glued to the text,
# a list without stops): a poor claim, taken only when nothing else exists.
MAX_CLAIM_WORDS = 50
# ...but a sentence mostly in an unspaced script (Chinese, Japanese) joins with commas clauses
# that English would end with stops, and its characters count half a word: it is measured in
# characters, and is too long past this many (three times a usual sentence of CJK news).
MAX_CLAIM_UNSPACED_CHARS = 150
# The last sentence of the article's first paragraph, when the paragraph has lost its final
# stop (a news lede as the page's description quotes it), is finished when it is this long
# and ends on a letter or digit: a long sentence, not a caption, label or lead-in ("...:"),
# nor a trail or a chain of teasers set apart by bars, arrows or dashes ("A > B > C",
# "Headline - Teaser - Teaser").
UNSTOPPED_LEDE_MIN_WORDS = 15
# A question this short ends a paragraph as an aside ("Wait, what?", "Why?"), not put to a guest.
MIN_QUESTION_WORDS = 3
# In an article with subheadings, this many first sentences of the lead may be its hook.
OPENER_SENTENCES = 2
# The lede is looked for among this many first sentences of the lead (a dateline, a label or a
# credit may come first).
LEDE_REACH = 5
# ...and when the opening shares no term with the headline, the first sentence within that reach
# that has at least this many of the headline's terms, and at least this share of them, is.
LEDE_HEADLINE_TERMS = 2
LEDE_HEADLINE_SHARE = 0.5
# In a story without subheadings, a sentence opening on what came before ranks at this share of
# its score unless the sentence before it is on the card too (then it reads in its context).
# CNN/DM dev R-1: 41.90 without, 41.81 with (Lead-3 41.51); claims leaning on a sentence not
# on the card: 2 of 378 -> 0.
HEADINGLESS_LEANING_FACTOR = 0.5
# ...and, under a subheading, a quotation credited to its speaker (“...,” Azzouz said.; X said,
# “...”) at this share: the section's point is the writer's own sentence, the quote reacts
# to it. Dev cards (aeb, moz, trafi, seed): 19 changed at 0.6, 7 better / 2 worse; at 0.5 one
# more worse, at 0.7 two fewer better.
SUBHEADING_QUOTE_FACTOR = 0.6
# ...and a quote credited to a surname the card has not named ("...,” Azzouz said.") at this
# share. CNN/DM dev R-1: 41.81 at 0.6 and 0.55, 41.68 at 0.5 and when such quotes were claims
# only if nothing else was left (its highlights keep many of them).
UNNAMED_SPEAKER_FACTOR = 0.6
# A sentence giving an example ("In einem Trailer wird dafür beispielsweise Osiris-Rex...
# beworben.") ranks at this share of its score: it illustrates a point the section makes in
# another sentence.
EXAMPLE_FACTOR = 0.7
# A sentence that says something general (`_speaks_generally`: only common words, no name nor
# number) ranks at this share of its score: the section's point names what it is about.
GENERIC_FACTOR = 0.7
# ...a common word: at least this share of the running words of its language (about the 4,500
# most common English words, "gaming", "mood"; not "dinosaur", "Nachhaltigkeit").
GENERIC_WORD_FREQUENCY = 2e-5
# ...in German, half that: it inflects and compounds, spreading a common word over more forms,
# each rarer ("begegnet", "begegnen" at 1.5e-5), and writes its nouns with capitals, so only
# the words' rarity tells a name. Dev cards: 2 changed at 1e-5, 2 better; at 5e-6, 4, 3
# better / 1 sideways (a topic's "Gewässer" at 7e-6 judged common).
GENERIC_WORD_FREQUENCY_BY_LANGUAGE = {"de": 1e-5}
_DIGIT = re.compile(r"\d")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Under a subheading, a view the writer sets up to answer ("Some advertisers claim that you can
# opt out..." before "However, my experience with these tools isn't a positive one.") ranks at
# this share of its score: the section's point is the answer.
FOIL_FACTOR = 0.5
# Claims whose term sets overlap at least this much (Jaccard) say the same thing.
NEAR_DUPLICATE_JACCARD = 0.5
# ...and a candidate this much of whose terms an earlier claim already has repeats it in fewer
# words ("Askar has released proof-of-concept attack code..." after a lede about the released
# code); in its own section, a candidate holding this much of an earlier claim's terms says it
# again in more words. Only where the candidate (in its own section, the smaller of the two)
# has NEAR_DUPLICATE_MIN_TERMS terms (a short claim may well share them all).
NEAR_DUPLICATE_CONTAINED = 0.8
NEAR_DUPLICATE_MIN_TERMS = 6
# A speaker's label opening this many paragraphs under questions names an interview's speaker
# (`_speakers`).
MIN_SPEAKER_TURNS = 2
# ...and a page whose paragraphs open on at most this many speakers' labels, the turn passing
# between them this many times at least, is a transcript: each is a speaker's (`_speakers`).
MAX_TRANSCRIPT_SPEAKERS = 3
MIN_TRANSCRIPT_CHANGES = 4
# A sentence's tier before `_tier` has judged it.
_UNTIERED = -1
_WORD_END = re.compile(r"\w$")
_SEPARATED = re.compile(r"\s[|>»›•·]\s|\s-\s.*\s-\s")


@dataclass(slots=True)
class _Document:
    """What its sentences share: the document's language, its typing, and its texts that are
    no claim at all (boilerplate, not prose), as judged so far (a text said twice is judged
    once)."""

    language: str | None = None
    # It sets a space before its commas and stops throughout (`spaces_its_punctuation`).
    spaced_punctuation: bool = False
    not_claims: dict[str, bool] = field(default_factory=dict)
    # The names that open its interview's turns (`_speakers`).
    speakers: frozenset[str] = frozenset()
    # The headline's terms that the text uses (`_score`'s).
    headline_terms: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Sentence:
    """One candidate claim with where it sits and what it is about."""

    text: str
    section: int
    index_in_section: int
    index_in_paragraph: int
    terms: Counter[str]
    score: float = 0.0
    headingless: bool = False  # the article is one section without subheadings
    # The paragraph ends with a question put to someone: the interviewer's lead-in to it
    # ("Mit MYMARINI warst du Vorreiterin... Was war für dich die größte Hürde?").
    leads_question: bool = False
    # One of the first sentences of the lead of an article with subheadings: where a blog
    # post sets its hook ("Picture a deck of tarot cards.").
    opener: bool = False
    document: _Document = field(default_factory=_Document)  # one shared by all its sentences
    tier: int | None = _UNTIERED  # `_tier`'s verdict, once it is taken
    # The last sentence of the first paragraph of a lead without a heading.
    ends_lede_paragraph: bool = False
    # The next sentence of its paragraph turns against it ("However, ...", "Doch ..."): a view
    # the writer sets up to answer, if the sentence reports one (`_is_foil`).
    turned: bool = False
    # Under a subheading, a sentence leaning only on the claim right before it, taken after that
    # claim as a tier-0 claim (`_reads_after_its_antecedent`); its `tier` stays `_tier`'s.
    follows_claim: bool = False
    # It opens a paragraph under a subheading that asks a question: an interview's answer,
    # which a transcript opens on its speaker's name ("Atim: Es wäre tragisch...").
    answers_question: bool = False

    # An opening of the lead that is prose but no lede (a truism, a transcript's small talk, a
    # reviewer's background: `no_lede_openings`): held back like a hook.
    no_lede: bool = False


@dataclass(frozen=True, slots=True)
class SectionClaims:
    """A section's claims (verbatim, in order) and its share of the article's ranked weight."""

    claims: list[str]
    importance: float


def pick_claims(
    title: str,
    sections: Sequence[SectionText],
    language: str | None = None,
    settings: ClaimSettings = DEFAULT_CLAIM_SETTINGS,
    *,
    fact_check: bool = False,
) -> list[list[str]]:
    """For each section in order, its claims: verbatim sentences of that section, in order."""
    ranked = rank_sections(title, sections, language, settings, fact_check=fact_check)
    return [picked.claims for picked in ranked]


def rank_sections(
    title: str,
    sections: Sequence[SectionText],
    language: str | None = None,
    settings: ClaimSettings = DEFAULT_CLAIM_SETTINGS,
    *,
    fact_check: bool = False,
) -> list[SectionClaims]:
    """For each section in order, its claims and its importance (shares summing to 1). A page
    that says it is a fact-check (`fact_check`: its metadata reviews a claim), or whose
    headline or a subheading says so, puts its verdict on the card."""
    claimed = sections[:MAX_CLAIMED_SECTIONS]  # the sections after these get no claims
    sentences = _article_sentences(claimed, language, title)
    if not sentences:
        return [SectionClaims([], 0.0) for _ in sections]
    headline_terms, heading_terms = _score(sentences, title, claimed)
    document = sentences[0].document  # one shared by all the sentences
    document.headline_terms = frozenset(headline_terms)
    by_section: dict[int, list[_Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_section[sentence.section].append(sentence)
    _mark_no_ledes(by_section[0], title, headline_terms)
    total = sum(sentence.score for sentence in sentences) or 1.0
    headingless = len(sections) == 1 and not sections[0].heading
    # Only a page that says it checks a claim has a verdict to put on the card (`verdicts.py`).
    fact_check = fact_check or names_a_fact_check(
        title, [section.heading or "" for section in claimed]
    )
    chosen_terms: list[set[str]] = []
    shown = [title]  # what a reader of the card has seen: the headline and the claims so far
    ranked: list[SectionClaims] = []
    for index, section in enumerate(sections):
        wanted = _claim_count(section, headingless, settings)
        candidates = by_section.get(index, [])
        heading = squash(section.heading or "")
        context = " ".join([*shown, section.heading or ""])
        if index == 0 and section.heading is None:
            lede = _lede(candidates, headline_terms)
        elif candidates and index < len(heading_terms):  # (none past MAX_CLAIMED_SECTIONS)
            lede = _subheading_lede(
                candidates, heading_terms[index], heading, chosen_terms, context
            )
        else:
            lede = None
        verdict = _verdict(candidates, heading) if fact_check else None
        # A fact-check's verdict goes on the card: first under a subheading ("Our ruling");
        # in the lead, after the article's lede and besides it (one sets out the claim
        # checked, the other rates it).
        in_lead = index == 0 and section.heading is None
        leads = _distinct([lede, verdict] if in_lead else [verdict, lede])
        if in_lead and verdict is not None:
            wanted = max(wanted, len(leads))
        if in_lead and lede is not None and wanted > len(leads):
            # ...and after them the sentence that says most of the headline, when the lede
            # does not (`says_the_headline`): the article's main point is on the card.
            leads = _distinct([*leads, _headline_claim(candidates, headline_terms, lede, context)])
        picked = _pick_from_section(
            candidates,
            wanted,
            chosen_terms,
            leads,
            context,
            heading,
            _point_terms(section, heading_terms[index] if index < len(heading_terms) else set()),
        )
        if in_lead and not headingless:
            # The lead of an article with subheadings whose every sentence leans on what follows
            # (a hook, a question, "Wir gehen der Frage auf den Grund..."): the sections say it.
            # A sentence read after the claim it leans on was taken as a tier-0 claim: it stays;
            # so does the verdict, which may lean on the claim it rates ("So we rate it False.").
            picked = [
                sentence
                for sentence in picked
                if _tier(sentence) == 0 or sentence.follows_claim or sentence is verdict
            ]
        shown.extend(sentence.text for sentence in picked)
        weight = sum(sentence.score for sentence in candidates) / total
        ranked.append(SectionClaims([sentence.text for sentence in picked], round(weight, 4)))
    return ranked


def _point_terms(section: SectionText, heading_terms: AbstractSet[str]) -> AbstractSet[str]:
    """The terms of a section's subheading that its claim should name (`_heading_point_after`):
    none under a subheading asking a question, which an interview's answer follows on its own
    terms ("Wie motivierst du dich...?" over "Ich brauche mich nicht zu motivieren.")."""
    if section.heading is None or ends_with_question(section.heading):
        return frozenset()
    return heading_terms


def _mark_no_ledes(lead: list[_Sentence], title: str, headline_terms: AbstractSet[str]) -> None:
    """Mark the lead's first prose sentence, where the lede is, when it is no lede
    (`no_lede_openings`); the sentences after it are no lede to begin with."""
    # (Judged without caching the tier: the mark may still change it.)
    opening = next((s for s in lead if s.opener and _judge_tier(s) in (0, 1)), None)
    if opening is not None:
        texts = [sentence.text for sentence in lead]
        opening.no_lede = no_lede_openings([opening.text], texts, title, headline_terms)[0]


def _headline_claim(
    candidates: list[_Sentence],
    headline_terms: AbstractSet[str],
    lede: _Sentence,
    context: str,
) -> _Sentence | None:
    """The best-ranked sentence of the lead that says much more of the headline than its
    `lede` (`says_the_headline`) and stands alone where it is: a tier-0 sentence the lead
    ranks at its full score (no quote, no sentence leaning on the one before), crediting no
    one the card (`context`) has not named, not repeating the lede."""
    lede_terms = set(lede.terms)
    language = lede.document.language
    fitting = [
        sentence
        for sentence in candidates
        if sentence is not lede
        and says_the_headline(sentence.terms.keys(), headline_terms, lede_terms, language)
        and _tier(sentence) == 0
        and _rank(sentence) == sentence.score
        and _unnamed_speaker(sentence.text, context) is None
        and not _repeats(set(sentence.terms), lede_terms)
    ]
    return max(fitting, key=lambda sentence: sentence.score, default=None)


def _lede(
    candidates: list[_Sentence], headline_terms: AbstractSet[str] = frozenset()
) -> _Sentence | None:
    """The article's first sentence when it is prose that stands alone (its opening point): not
    one that opens on what came before ("Now that his trial has ended..."), as happens when
    the real lede was left out, nor one the section says twice (a promo above it), nor a
    quotation credited to no one (an epigraph above an essay). An opening that shares no term
    with the headline (`headline_terms`) gives way to a sentence soon after it that says much
    of the headline: the opening set a scene, a hook, a caption or a disclaimer ("Stühle,
    Leuchten und ein Abendmahl aus Gips."), the later one states what the headline announces
    ("Im Kirchen-Forum wurden Dachboden-Schätze der Kirche St. Johannes versteigert.")."""
    said = Counter(squash(sentence.text) for sentence in candidates)
    for position, sentence in enumerate(candidates[:LEDE_REACH]):
        if said[squash(sentence.text)] > 1:
            continue  # said twice: a teaser's or a gallery's blurb and its caption, not the lede
        if _bare_quote(sentence.text):
            continue  # an epigraph, or a quote whose speaker the next sentence names
        if presents_itself(sentence.text):
            continue  # a roundup's "This is the tech news you need...": its first item leads
        tier = _tier(sentence)
        if tier == 0 and not opens_leaning(sentence.text):
            found = _headline_lede(candidates, position, headline_terms)
            if found is None and _off_headline_intro(sentence, headline_terms):
                return None  # a blog's setup: the lead's best-ranked sentence says more
            return found or sentence
        if tier is None or tier > 1:
            continue  # a fragment, a credit, a label before the lede: look further
        return None  # the opening is prose that leans on context: no lede to insist on
    return None


def _verdict(candidates: list[_Sentence], heading: str) -> _Sentence | None:
    """The section's first sentence that gives a fact-check's verdict ("We rate the statement
    Mostly True.": `states_a_verdict`) and can be a claim: finished and claim-sized, maybe
    leaning on the claim it rates ("So we rate it False."), not what the `heading` says."""
    for sentence in candidates:
        if (
            states_a_verdict(sentence.text)
            and _tier(sentence) in (0, 1)
            and not _echoes_heading(sentence, heading)
        ):
            return sentence
    return None


def _distinct(leads: Sequence[_Sentence | None]) -> list[_Sentence]:
    """The sentences of `leads` that are there, each once, in their order."""
    found: list[_Sentence] = []
    for sentence in leads:
        if sentence is not None and all(sentence is not other for other in found):
            found.append(sentence)
    return found


def _off_headline_intro(opening: _Sentence, headline_terms: AbstractSet[str]) -> bool:
    """The opening of an article with subheadings says nothing of its headline (it shares
    none of `headline_terms`): a post's setup ("For more than a decade the Web has used
    XMLHttpRequest...", "I'm not technophobic — I'm a geek.") or a photo's caption, not its
    lede. (In a story without subheadings the first sentence stays the lede: news opens on
    its point in its own words.)"""
    return (
        not opening.headingless
        and bool(headline_terms)
        and headline_terms.isdisjoint(opening.terms)
    )


def _headline_lede(
    candidates: list[_Sentence],
    opening: int,
    headline_terms: AbstractSet[str],
    reach: int = LEDE_REACH,
    opening_shares: int = 0,
) -> _Sentence | None:
    """The sentence that states the headline's point when the opening (at `opening`) says
    none of it: the first standalone sentence within `reach` of the section's start with at
    least LEDE_HEADLINE_TERMS of the headline's terms and LEDE_HEADLINE_SHARE of them; None
    when the opening shares a term with the headline or no such sentence follows. (A
    subheading's terms find a section's point so too, `_subheading_lede`: its opening may
    share up to `opening_shares` of them, and the sentence then has LEDE_HEADLINE_TERMS more.)"""
    said = sum(1 for term in headline_terms if term in candidates[opening].terms)
    if len(headline_terms) < LEDE_HEADLINE_TERMS or said > opening_shares:
        return None
    wanted = max(LEDE_HEADLINE_TERMS + said, LEDE_HEADLINE_SHARE * len(headline_terms))
    for sentence in candidates[opening + 1 : reach]:
        shared = sum(1 for term in headline_terms if term in sentence.terms)
        if shared < wanted:
            continue
        if (
            _tier(sentence) == 0
            and not opens_leaning(sentence.text)
            and not _bare_quote(sentence.text)
            and not presents_itself(sentence.text)
        ):
            return sentence
    return None


def _subheading_lede(
    candidates: list[_Sentence],
    heading_terms: AbstractSet[str],
    heading: str,
    chosen_terms: Sequence[set[str]],
    context: str = "",
) -> _Sentence | None:
    """The sentence that says what a section's subheading announces, when the section opens
    on something else: a subheading of at least SUBHEADING_LEDE_TERMS terms the text uses
    ("Near-term consolidation likely", "En viktig arena for barna") states the section's
    point, and a section opening on its setup, a date or its history ("Siden oppstarten i
    1998 har TINE ... arrangert", a quote of Soros on bubbles) that shares none of them (or
    only one: SUBHEADING_OPENING_SHARES) gives way to the first standalone sentence within
    SUBHEADING_LEDE_REACH that holds at least half of them (and two more than the opening)
    ("...experts say the upside will be capped for the market and some consolidation is
    likely in the near-term."), as `_headline_lede` finds the lead's. An opening stating an
    amount (a price, a share: "The Pixel 9 starts at $799...") says the news in its own words
    and stands. The sentence found must be one `_pick_from_section` would take
    first (`_fit_first`: `context` is what the card shows before)."""
    if len(heading_terms) < SUBHEADING_LEDE_TERMS or states_an_amount(candidates[0].text):
        return None
    found = _headline_lede(
        candidates, 0, heading_terms, SUBHEADING_LEDE_REACH, SUBHEADING_OPENING_SHARES
    )
    if found is None or not _fit_first(found, candidates[0], heading, chosen_terms, context):
        return None
    return found


def _fit_first(
    sentence: _Sentence,
    opening: _Sentence,
    heading: str,
    chosen_terms: Sequence[set[str]],
    context: str,
) -> bool:
    """A tier-0 sentence may go on the card as its section's first claim: not what the
    `heading` (squeezed) already says, not a repeat of an earlier claim (`chosen_terms`), not a
    quotation credited to its speaker (“...,” says the report.) that ranks below the section's
    `opening` at its share (SUBHEADING_QUOTE_FACTOR), nor one crediting someone `context`
    never names."""
    text = sentence.text
    return (
        not _echoes_heading(sentence, heading)
        and not _repeats_earlier(set(sentence.terms), chosen_terms)
        and not (_credited_quote(text) and _rank(sentence) < _rank(opening))
        and _unnamed_speaker(text, context) is None
    )


def _echoes_heading(sentence: _Sentence, heading: str) -> bool:
    """The sentence only says what its subheading (`heading`, squeezed) says."""
    return bool(heading) and squash(sentence.text) in heading


def _repeats_earlier(
    sentence_terms: set[str],
    chosen_terms: Sequence[set[str]],
    taken: Sequence[set[str]] = (),
) -> bool:
    """The sentence repeats a recent claim of an earlier section (`chosen_terms`) or one its own
    section has taken (`taken`)."""
    return any(
        _repeats(sentence_terms, other) for other in chosen_terms[-NEAR_DUPLICATE_WINDOW:]
    ) or any(_repeats(sentence_terms, other, same_section=True) for other in taken)


def _claim_count(section: SectionText, headingless: bool, settings: ClaimSettings) -> int:
    """How many claims this section deserves under `settings`."""
    if headingless:
        return settings.headingless_claims
    if section.word_count >= settings.long_section_words:
        return settings.long_section_claims
    return settings.claims_per_section


def _article_sentences(
    sections: Sequence[SectionText], language: str | None, headline: str = ""
) -> list[_Sentence]:
    """Every sentence of every section, in article order."""
    sentences: list[_Sentence] = []
    headingless = len(sections) == 1 and not sections[0].heading
    document = _Document(language)
    for section_index, section in enumerate(sections):
        index_in_section = 0
        tweets = embedded_tweets(section.paragraphs)
        asked = section.heading is not None and ends_with_question(section.heading)
        for paragraph_index, paragraph in enumerate(section.paragraphs):
            if len(sentences) >= MAX_RANKED_SENTENCES:
                _read_document(document, sentences, headline)
                return sentences
            texts = split_sentences(paragraph, language)
            if paragraph_index in tweets or is_cut_off(paragraph):
                # Someone's tweet the page quotes, not the writer's prose, or a teaser's blurb
                # its box cut off ("... Eigentum Weiterlesen …"): judged no claim, whole.
                document.not_claims.update(dict.fromkeys(texts, True))
            asks = (
                bool(texts)
                and ends_with_question(texts[-1])
                and word_count(texts[-1]) >= MIN_QUESTION_WORDS
                and any(map(addresses_someone, texts))
            )
            for index_in_paragraph, text in enumerate(texts):
                sentences.append(
                    _Sentence(
                        text,
                        section_index,
                        index_in_section,
                        index_in_paragraph,
                        Counter(terms(text)),
                        headingless=headingless,
                        leads_question=asks and index_in_paragraph < len(texts) - 1,
                        opener=section_index == 0
                        and section.heading is None
                        and index_in_section < OPENER_SENTENCES,
                        document=document,
                        ends_lede_paragraph=section_index == 0
                        and section.heading is None
                        and index_in_section == index_in_paragraph == len(texts) - 1,
                        turned=index_in_paragraph + 1 < len(texts)
                        and _TURN.match(texts[index_in_paragraph + 1]) is not None,
                        answers_question=asked and index_in_paragraph == 0,
                    )
                )
                index_in_section += 1
    _read_document(document, sentences, headline)
    return sentences


def _read_document(document: _Document, sentences: Sequence[_Sentence], headline: str) -> None:
    """Note what the `document`'s sentences share: its typing and its interview's speakers."""
    document.spaced_punctuation = spaces_its_punctuation(s.text for s in sentences)
    document.speakers = _speakers(sentences, headline)


def _speakers(sentences: Sequence[_Sentence], headline: str) -> frozenset[str]:
    """The names that open an interview's turns: a speaker's label (`speaker_turn`) opening
    MIN_SPEAKER_TURNS paragraphs under questions at least (a transcript gives each turn its
    name), or one the `headline` names ("Sheila Atim: „The Woman King zeigt...“" over "Sheila
    Atim: Amenza..."); and the labels of a transcript (`_transcript_speakers`). A label
    opening one paragraph and named nowhere else is a box's or a tip's ("Wichtig: ...",
    "Extra Tipp: ...")."""
    turns: Counter[str] = Counter()
    order: list[str] = []  # the labels opening paragraphs, in the article's order
    for sentence in sentences:
        if sentence.index_in_paragraph != 0:
            continue
        turn = speaker_turn(sentence.text)
        if turn is None:
            continue
        order.append(turn[0])
        if sentence.answers_question:
            turns[turn[0]] += 1
    named = headline.casefold()
    asked = {
        speaker
        for speaker, count in turns.items()
        if count >= MIN_SPEAKER_TURNS
        or re.search(rf"\b{re.escape(speaker.casefold())}\b", named) is not None
    }
    return frozenset(asked | _transcript_speakers(order))


def _transcript_speakers(order: Sequence[str]) -> set[str]:
    """The labels of a transcript: at most MAX_TRANSCRIPT_SPEAKERS of them open paragraphs
    (an interviewer and one or two guests: "The Economist:", "Thomas Malone:", "Mr
    Malone:"), and the turn passes from one to another MIN_TRANSCRIPT_CHANGES times at least.
    (A listing's fields repeat more labels, "Adresse:", "Öffnungszeiten:", "Eintritt:"; a
    report's two parts, "Qualifying:" and "Rennen:", pass fewer times.)"""
    labels = set(order)
    if len(labels) > MAX_TRANSCRIPT_SPEAKERS:
        return set()
    changes = sum(1 for before, after in itertools.pairwise(order) if before != after)
    return labels if changes >= MIN_TRANSCRIPT_CHANGES else set()


def _score(
    sentences: list[_Sentence], title: str, sections: Sequence[SectionText]
) -> tuple[set[str], list[set[str]]]:
    """Set each sentence's score: centrality biased towards position and headline overlap;
    returns the headline's terms that the article uses (none when the headline is its first
    sentence) and each section's subheading terms that its text uses."""
    # Only terms the text can match count: "the whole trick" in "Browns are the whole trick"
    # never occurs in the section, so a sentence about browns covers the whole subheading.
    section_terms: list[set[str]] = [set() for _ in sections]
    for sentence in sentences:
        section_terms[sentence.section].update(sentence.terms)
    article_terms = set().union(*section_terms)
    headline_terms = set() if _headline_from_body(title, sentences) else set(terms(title))
    headline_terms &= article_terms
    heading_terms = [
        set(terms(section.heading or "")) & present
        for section, present in zip(sections, section_terms, strict=True)
    ]
    prior = [
        _position(sentence)
        + HEADLINE_WEIGHT * _coverage(headline_terms, sentence.terms)
        + HEADING_WEIGHT * _coverage(heading_terms[sentence.section], sentence.terms)
        for sentence in sentences
    ]
    scores = biased_centrality([sentence.terms for sentence in sentences], prior)
    for sentence, score in zip(sentences, scores, strict=True):
        sentence.score = score
    return headline_terms, heading_terms


def _headline_from_body(title: str, sentences: Sequence[_Sentence]) -> bool:
    """True when the "headline" is the opening of a body sentence (a page without one gets
    its first sentence as title): overlap with it would only reward repeating that sentence."""
    headline = " ".join(title.split())
    truncated = headline.endswith(("…", "..."))
    opening = headline.rstrip("…. ") if truncated else headline
    if len(opening) < MIN_HEADLINE_FROM_BODY_CHARS:
        return False
    texts = [" ".join(sentence.text.split()) for sentence in sentences]
    if truncated:
        # A cut-off headline may run over several sentences of the body.
        return opening in " ".join(texts)
    return headline in texts


def _position(sentence: _Sentence) -> float:
    """Position prior in (0, 1]: early in the section and early in the paragraph."""
    in_section: float = (1.0 + sentence.index_in_section) ** -POSITION_DECAY
    in_paragraph: float = (1.0 + sentence.index_in_paragraph) ** -POSITION_DECAY
    return SECTION_POSITION_SHARE * in_section + (1 - SECTION_POSITION_SHARE) * in_paragraph


def _coverage(wanted: set[str], found: Counter[str]) -> float:
    """Share of `wanted` terms present in `found` (0 when nothing is wanted)."""
    if not wanted:
        return 0.0
    return sum(1 for term in wanted if term in found) / len(wanted)


def _repeats(candidate: set[str], earlier: set[str], *, same_section: bool = False) -> bool:
    """The candidate claim says what an earlier one said: most terms shared, or nearly all of
    its terms in the earlier one (it repeats it in fewer words) or, within a section, nearly
    all of the earlier one's in it (a quote adding its source to a figure just given). A
    follow-up in a later section that adds facts to an earlier claim is no repeat ("After the
    council approved the budget..., firms have until March to bid...")."""
    shared = len(candidate & earlier)
    # Across sections, the share is of the candidate's terms; within one, of the smaller set's.
    base = len(candidate) if not same_section else min(len(candidate), len(earlier))
    return _jaccard(candidate, earlier) >= NEAR_DUPLICATE_JACCARD or (
        base >= NEAR_DUPLICATE_MIN_TERMS and shared >= NEAR_DUPLICATE_CONTAINED * base
    )


def _jaccard(first: set[str], second: set[str]) -> float:
    """Overlap of two term sets (0 when both are empty)."""
    union = first | second
    return len(first & second) / len(union) if union else 0.0


_TIERS = 4


def _tier(sentence: _Sentence) -> int | None:
    """0 a finished sentence that stands alone, 1 one that leans on its context, 2 claim-sized
    but unfinished, 3 a fragment; None when it is not a claim at all. (Taken once a sentence:
    the lede, the section's picks and the lead's check ask again.)"""
    if sentence.tier == _UNTIERED:
        sentence.tier = _judge_tier(sentence)
    return sentence.tier


def _judge_tier(sentence: _Sentence) -> int | None:
    """`_tier`, judged."""
    text = sentence.text
    if not sentence.terms:
        return None
    if _not_a_claim(text, sentence.document):
        # The article's first sentence may open on its dateline ("NEW DELHI: ..."), and an
        # interview's answer on its speaker's name ("Rick: It was..."), which read as a label:
        # the story, the answer after it is judged.
        story = _story_start(sentence)
        if not story or _not_a_claim(text[story:], sentence.document):
            return None
    if _names_only(sentence):
        return None
    words = word_count(text)
    if not MIN_CLAIM_WORDS <= words <= MAX_CLAIM_WORDS and not (
        words >= MIN_CLAIM_WORDS and _unspaced_claim_sized(text)
    ):
        return 3
    if not (SENTENCE_END.search(text) or _unstopped_lede(sentence, words)) or _open_quote(text):
        return 2
    if leaves_bracket_open(text):
        return 2  # cut inside a bracket: "...(BAG, Urt. v. 30"
    if _held_back_wherever_it_stands(sentence):
        return 1
    # Under subheadings a claim stands for its section alone; in one running story (news
    # without subheadings) its three claims read together, so "He said..." after the lede is
    # followed, and only questions and sentences about the post are held back.
    if leans_on_context(text, openings=not sentence.headingless):
        return 1
    # ...but "the latter category", "this dichotomy" read only right after what they point at.
    return 1 if sentence.headingless and names_antecedent(text) else 0


def _names_only(sentence: _Sentence) -> bool:
    """Every word of the sentence after its first is capitalised or one of its language's
    function words (`function_words`): a caption or a label naming a thing and where it is
    ("Singapore Tourism Board Kiosk in der Orchard Road.", "Executive Vice President and Chief
    Brand Officer of the Dallas Cowboys."), with no verb to say anything of it (a verb is
    written small, in German too; an auxiliary, `_AUXILIARIES`, is a verb, and a first word
    in capitals may be one: "VISIT the Horse Show..."). (A language without a list of common
    words is not judged.)"""
    document = sentence.document
    code = language_code(document.language) if document.language else "en"
    if not has_common_words(code):
        return False
    found = _LETTER_WORD.findall(sentence.text)
    if len(found) < MIN_CLAIM_WORDS or not found[0][:1].isupper():
        return False
    small = {word.lower() for word in found[1:] if not word[:1].isupper()}
    if not small.isdisjoint(_AUXILIARIES) or found[0].isupper():
        return False
    return len(function_words(small, document.language)) == len(small)


# The verbs among the function words: "is", "ist", "est" make a sentence of names a statement.
_AUXILIARY_LIST = """
    is are was were be been has have had will would can could do does did may might must shall
    should ist sind war waren bin bist seid wird werden wurde wurden hat haben hatte hatten kann
    können konnte muss müssen soll sollen wollen geht gibt gab est sont était ont a avait va peut
    es son era fue ha han hay puede è sono hanno foi são tem há pode
"""
_AUXILIARIES = frozenset(_AUXILIARY_LIST.split())


def _story_start(sentence: _Sentence) -> int:
    """Where the sentence's own words start after the label that opens it: a dateline before
    the article's first sentence, a speaker's name before an interview's answer (a paragraph
    under a subheading asking a question, or any paragraph of a transcript: `speaker_turn`, a
    name of `_speakers`); 0 when no label opens it."""
    if sentence.opener and sentence.index_in_section == 0:
        return dateline_end(sentence.text)
    if sentence.answers_question or sentence.index_in_paragraph == 0:
        turn = speaker_turn(sentence.text)
        if turn is not None and turn[0] in sentence.document.speakers:
            return turn[1]
    return 0


def _held_back_wherever_it_stands(sentence: _Sentence) -> bool:
    """The tier-1 causes that the sentence before it on the card does not mend: it leads in
    to a question, is a quote credited to no one (under subheadings), is an opener's hook
    (under subheadings also one addressing the reader), or the page talks about itself
    ("Wir zeigen euch, wie...", "...below")."""
    text = sentence.text
    return (
        sentence.leads_question
        or (not sentence.headingless and _bare_quote(text))
        or (sentence.opener and is_hook(text, reader=not sentence.headingless))
        or sentence.no_lede
        or describes_the_text(text)
    )


def _reads_after_its_antecedent(sentence: _Sentence) -> bool:
    """The sentence leans only on the one before it (under subheadings, "他格外关注的话题是...",
    "He said...", "This meant..."; in a story without them, "This dichotomy...",
    `names_antecedent`): its tier-1 verdict comes from its opening alone, so on the card right
    after that one, it reads. (Not a quotation credited to no one: its speaker is
    as often named after it, "李博灏说。"; nor a reader hook, a question or a sentence about
    the post: see `_held_back_wherever_it_stands`.)"""
    return not _held_back_wherever_it_stands(sentence) and not leans_on_context(
        sentence.text, openings=False
    )


def _not_a_claim(text: str, document: _Document) -> bool:
    """Boilerplate, not prose (as the `document`'s language and typing tell) or a notice of
    the site's (its publication line, its channels): never a claim."""
    judged = document.not_claims
    verdict = judged.get(text)
    if verdict is None:
        verdict = judged[text] = (
            is_boilerplate_sentence(text)
            or is_not_prose(
                text, language=document.language, spaced_punctuation=document.spaced_punctuation
            )
            or is_site_notice(text)
        )
    return verdict


def _unspaced_claim_sized(text: str) -> bool:
    """A sentence mostly in an unspaced script within MAX_CLAIM_UNSPACED_CHARS characters."""
    unspaced = unspaced_chars(text)
    return 2 * unspaced >= len(text) - text.count(" ") and len(text) <= MAX_CLAIM_UNSPACED_CHARS


def _unstopped_lede(sentence: _Sentence, words: float) -> bool:
    """The article's first paragraph ends on this long sentence without its stop (see
    UNSTOPPED_LEDE_MIN_WORDS)."""
    return (
        sentence.ends_lede_paragraph
        and words >= UNSTOPPED_LEDE_MIN_WORDS
        and _WORD_END.search(sentence.text.rstrip()) is not None
        and _SEPARATED.search(sentence.text) is None
    )


def _rank(sentence: _Sentence) -> float:
    """The score a section ranks its sentences by (`_context_rank`), and at EXAMPLE_FACTOR of
    it for a sentence that gives an example (`_GIVES_EXAMPLE`), at GENERIC_FACTOR for one that
    says something general (`_speaks_generally`)."""
    rank = _context_rank(sentence)
    if _GIVES_EXAMPLE.search(sentence.text):
        rank *= EXAMPLE_FACTOR
    if _speaks_generally(sentence):
        rank *= GENERIC_FACTOR
    return rank


def _speaks_generally(sentence: _Sentence) -> bool:
    """The sentence names nothing of its own: no number, no name (a capitalised word after its
    first, in a language that writes its nouns small), nothing the headline names, and only
    words among its language's most common (GENERIC_WORD_FREQUENCY, or its language's own
    `GENERIC_WORD_FREQUENCY_BY_LANGUAGE`): a truism, a hook or a
    reaction ("Gaming used to be so simple.", "Das Internet lebt von der aktiven Beteiligung
    seiner Nutzer.", "Ich freue mich wie ein kleines Kind."), not the news of the article,
    which names who, what, where or how many ("The council will vote on the new line..."
    under "Council approves new tram line"). (A language without a list of common words has
    none.)"""
    text = sentence.text
    document = sentence.document
    code = language_code(document.language) if document.language else "en"
    if _DIGIT.search(text) or not has_common_words(code):
        return False
    if not document.headline_terms.isdisjoint(sentence.terms):
        return False
    found = _LETTER_WORD.findall(text)
    if not capitalises_nouns(code) and any(word[:1].isupper() for word in found[1:]):
        return False
    threshold = GENERIC_WORD_FREQUENCY_BY_LANGUAGE.get(code, GENERIC_WORD_FREQUENCY)
    return bool(found) and all(_is_common(word, code, threshold) for word in found)


def _is_common(word: str, code: str, threshold: float) -> bool:
    """The `word` is at least `threshold` of its language's running words: written with a
    straight apostrophe, as the lists are ("it’s" is "it's"), or, a word not listed so, each
    part of it around its apostrophes (French elides: "c’est", "l’idée" are "c", "est"...)."""
    word = unify_apostrophes(word)
    if common_word_frequency(word, code) >= threshold:
        return True
    return "'" in word and all(
        common_word_frequency(part, code) >= threshold for part in word.split("'") if part
    )


# ...within its first words, as an adverb of the sentence: set off by commas ("Recently, for
# instance, fans...") or within its clause ("On y retrouve par exemple...", "In einem Trailer
# wird dafür beispielsweise..."). Not after a comma without one after it, where it opens the
# examples a sentence names in passing ("Many cities, for example Berlin and Paris, have
# banned..."), nor after "wie", "as", "like" ("wie z.B. die Hisbollah", "such as").
_EXAMPLE_MARKER = (
    r"(?:for (?:example|instance)|e\.g\.|beispielsweise|zum beispiel|z\.\s?b\.|par exemple"
    r"|por ejemplo|por exemplo|ad esempio|per esempio|bijvoorbeeld|na przykład)"
)
_GIVES_EXAMPLE = re.compile(
    r"^\W*(?:[\w'’-]+,?\s+){0,5}(?<!\bwie )(?<!\bas )(?<!\blike )"
    rf"(?:(?<!,\s){_EXAMPLE_MARKER}(?!\w)|{_EXAMPLE_MARKER},)",
    re.IGNORECASE,
)


def _context_rank(sentence: _Sentence) -> float:
    """The score a section ranks its sentences by: in a story without subheadings, a sentence
    opening on what came before ("Still, ...", "He said..."), pointing at something named
    before ("...the source of this water..."), naming its speaker by a pronoun alone ("Finding
    water vapor on Europa, he said, is..."), opening on a quotation (“...,” said X; a line of
    dialogue in fiction) or introducing one (X said, “...”) gives way to a self-contained one
    of nearly the same score: the writer's own sentence says the news, a quote reacts. Under
    subheadings, a quotation credited to its speaker gives way so too (at
    SUBHEADING_QUOTE_FACTOR); not a sentence opening on a quoted word or title (“Inspector”
    refers to..., „Kleiner“ Vorverkauf gestartet: ...). A view the next sentence turns
    against ("Some advertisers claim..." before "However, ...") gives way there too (at
    FOIL_FACTOR)."""
    text = sentence.text
    if sentence.headingless:
        opens_quote = text.lstrip()[:1] in _OPENING_QUOTES
        leaning = (
            opens_quote
            or _introduces_quote(text)
            or opens_leaning(text)
            or _bare_quote(text)
            or points_back(text)
            or speaks_aside(text)
        )
        return sentence.score * HEADINGLESS_LEANING_FACTOR if leaning else sentence.score
    if _credited_quote(text) or _introduces_quote(text):
        return sentence.score * SUBHEADING_QUOTE_FACTOR
    if sentence.turned and _HOLDS_A_VIEW.search(text):
        return sentence.score * FOIL_FACTOR
    return sentence.score


# A sentence opening on a turn against the one before it (not "Yet another study...", "Yet
# again...": one more; nor Spanish "Mas de 100 personas..." without its accent: more); in a
# script without spaces, its first characters ("但是，随着年龄和阅历的增长...", not "但凡"
# whenever, "但愿" may it be).
_TURN = re.compile(
    r"^\W*(?:(?:however|but|yet(?! (?:another|again|more)\b)|doch|aber|jedoch|allerdings|pero"
    r"|sin embargo|mais|cependant|pourtant|porém|mas(?!\s+(?:de\s+)?\d)|no entanto|però"
    r"|tuttavia|하지만|그러나)\b|但是|但(?![凡愿願])|然而|不过|不過|可是|しかし|だが)",
    re.IGNORECASE,
)
# ...and one reporting a view held, which such a turn answers: held by people at large or by
# the writer ("Some advertisers claim...", "when people on IRC claim...", "we thought we
# might find...", "Beim Exportieren denkt jeder wohl zuerst an..."), claimed in a clause
# ("The maker claims that..."), or an appearance ("...seemed to be...", "at first glance").
# Not the news itself, someone's finding the turn qualifies ("Police believe the fire was
# started deliberately. However, no arrests..."), nor "claimed the title", "claimed 12
# lives" or the noun ("2,000 claims").
# (Each language's holders with its own verbs: English "man claimed" is no "man glaubt".)
_ENGLISH_VIEW = (
    r"(?:some|many|most|people|everyone|everybody|anyone|one|you|we|i|others)\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:claim(?:s|ed)?|think|thinks|thought|believe[sd]?|assume[sd]?)"
)
_GERMAN_HOLDERS = r"man|jeder|viele|manche|einige|die meisten|wir|ich"
_GERMAN_VIEW_VERBS = (
    r"denkt|denken|dachte|dachten|glaubt|glauben|glaubte|meint|meinen|vermutet|vermuten"
)
_ROMANCE_VIEW = (
    r"(?:on|beaucoup|certains|nous|je|muchos|algunos|la gente|muitos|alguns|a gente)\b"
    r"(?:\s+[\w'’-]+){0,2}?\s+(?:croit|croient|croyons|pense|pensent|pensons|cree|creen"
    r"|piensa|piensan|acha|acham)"
)
_HOLDS_A_VIEW = re.compile(
    rf"\b(?:{_ENGLISH_VIEW}|{_ROMANCE_VIEW}"
    rf"|(?:{_GERMAN_HOLDERS})\b(?:\s+[\w'’-]+){{0,2}}?\s+(?:{_GERMAN_VIEW_VERBS})"
    # German puts the verb first after an opening: "...denkt jeder wohl zuerst an..."
    rf"|(?:{_GERMAN_VIEW_VERBS})\s+(?:{_GERMAN_HOLDERS})"
    r"|claim(?:s|ed)? (?:that|to)|seem(?:s|ed)? to|at first (?:glance|sight)"
    r"|auf den ersten blick)\b",
    re.IGNORECASE,
)


def _credited_quote(text: str) -> bool:
    """The sentence opens on a quotation credited to its speaker (“...,” Azzouz said.)."""
    return text.lstrip()[:1] in _OPENING_QUOTES and _CREDIT.search(text) is not None


def _introduces_quote(text: str) -> bool:
    """A speech verb introduces a quotation in the sentence ("X said, “...”"), or a colon
    after its speaker does, the quote running to the sentence's end ("Sportdirektor Bruno
    Hübner:„Ich bedanke mich sehr...“", "发言人表示：“...”")."""
    # (Most sentences hold no quotation mark: the scan for a speech verb is skipped.)
    return not _OPENING_QUOTES.isdisjoint(text) and (
        _QUOTE_INTRODUCED.search(text) is not None or _colon_quote(text)
    )


def _colon_quote(text: str) -> bool:
    """A colon after its speaker introduces a quotation running to the sentence's end (see
    `_COLON_QUOTE`): a clause someone says, not a name or a title."""
    found = _COLON_QUOTE.search(text)
    if found is None or _NAMES_NEXT.search(found.group("speaker")) is not None:
        return False
    quote = found.group("quote").rstrip()
    if quote[-1:] in _QUOTE_STOP or word_count(quote) >= MIN_COLON_QUOTE_WORDS:
        return True
    # A short quote whose stop stands outside its marks, as British and German set it
    # (Merkel: „Wir schaffen das“.): a clause said where the colon follows a bare name, the
    # way a report credits a speaker; not after a clause or a noun phrase that announces a
    # name or a title ("...announced the name of the line: “Skyline”.", "Der Titel: „Blau“.").
    return bool(found.group("stop")) and _is_bare_name(found.group("speaker"))


def _is_bare_name(speaker: str) -> bool:
    """The speaker before a colon is a name alone: a few capitalised words, maybe with a
    particle of a name, not opening on an article nor naming a title."""
    words = speaker.split()
    return (
        0 < len(words) <= MAX_BARE_SPEAKER_WORDS
        and words[0][0].isupper()
        and _ARTICLE.fullmatch(words[0]) is None
        and _ANNOUNCED_NAME.search(speaker) is None
        and all(word[0].isupper() or word in _NAME_PARTICLES for word in words)
    )


def _bare_quote(text: str) -> bool:
    """The whole sentence is a quotation credited to no one in it ("“And it could have
    political repercussions...”"): the speaker was named in a sentence before."""
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] not in _CLOSING_QUOTE:
        return False
    body = stripped.rstrip(".!?…")
    # ...one quotation: nothing closes it before the end ("“L’orologio del clima” è opera...
    # “La Terra ha una scadenza”." is a title and a phrase, not a quote).
    closing = _CLOSING_QUOTE[stripped[0]]
    return len(body) > 1 and body[-1] == closing and closing not in body[1:-1]


# A quotation closed on a comma or a stop and followed by its credit: "...,” said X", „...“,
# erklärt X", «...», rappelle X", "...?", sagte X".
_CREDIT = re.compile(r"(?:[,?!]\s*[\"”“»«’]|[\"”“»«]\s*,)\s+[^\W\d_]")
# A sentence opening with one of these opens on a quotation (German may open one on »).
_OPENING_QUOTES = frozenset('"“„«»‘‚')
_QUOTE_FAMILIES = ('"', "“”„", "«»")
# Each opening quotation mark and the mark that closes it.
_CLOSING_QUOTE = {'"': '"', "“": "”", "„": "“", "«": "»"}

# A quote credited by surname alone: "...,” Paganini added." / "..., said Azzouz."
_SPEECH_VERBS = (
    r"said|says|added|adds|told|explained|noted|continued|wrote|argued|insisted|warned|recalled"
    r"|sagte|sagt|erklärte|betonte|fügte"
    r"|acrescenta|acrescentou|afirma|afirmou|disse|diz|explica|explicou|destaca|destacou"
    r"|dijo|afirmó|añadió|agregó|explicó|señaló|ajoute|a ajouté|explique|déclare|aggiunge"
    r"|ha detto|spiega"
)
# A sentence opening on "here", which points at the page as often as at a place: "Hier also
# die Tipps direkt von den Autoren.", "Here's the list."
_OPENS_ON_HERE = re.compile(r"^\W*(?:here|hier|ici|voici|aquí|aqui|qui|ecco)\b", re.IGNORECASE)
# A sentence a speech verb credits to someone ("..., a Meta spokesman said.").
_SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
# A quotation a speech verb introduces: "Morrison said in a statement, “We are pleased...”".
_QUOTE_INTRODUCED = re.compile(rf"\b(?:{_SPEECH_VERBS})\b[^“”\"«»„.!?]{{0,40}}[,:]\s*[“\"«„]")
# ...or a colon after the speaker, early in the sentence (maybe with an abbreviation: "Dr.
# Smith:"), the quote closing at its end...
_COLON_QUOTE = re.compile(
    r"^(?P<speaker>(?:[^“”\"„«».!?:：]|(?<=\b\w)\.|(?<=\b\w\w)\.|(?<=\b\w\w\w)\.){1,80})"
    r"[:：]\s*[“\"„«](?P<quote>[^“”\"„«»]*)[”\"“»](?P<stop>[.!?。]?)\s*$"
)
# ...a clause: a sentence ending on its own stop („Grenzschutz ist Menschenschutz.“) or this
# many words at least, not a name, a title or a motto the colon announces ("Das Motto der
# Messe lautet: „Gemeinsam stark“.", "...verraten: „macOS Sequoia“.")...
MIN_COLON_QUOTE_WORDS = 4
_QUOTE_STOP = frozenset(".!?…。！？")
# ...after no word that announces a name ("The film's title says it all: “Nothing to Lose”.",
# "...a paper titled: “A limited-preview filtered B-spline approach...”"). ("lautet" announces
# a statement as often: "Ihre gemeinsame Aussage lautet: „Die A45 ist ein Stützpfeiler...“")
_NAMES_NEXT = re.compile(
    r"\b(?:heißt|heißen|hieß|titled|entitled|called|named|says it all"
    r"|s'intitule|se llama|se titula|chama-se|intitolato)\s*$",
    re.IGNORECASE,
)
# A speaker named bare before a colon: a few capitalised words, maybe with
# a particle of a name ("Angela Merkel", "Sportdirektor Bruno Hübner", "Ursula von der
# Leyen"), not opening on an article ("Der Titel", "The answer"), nor naming a title.
MAX_BARE_SPEAKER_WORDS = 4
_NAME_PARTICLES = frozenset(
    ["von", "van", "de", "der", "den", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn"]
)
_ARTICLE = re.compile(
    r"the|a|an|der|die|das|ein|eine|el|la|le|les|los|las|il|o|os|as|un|une|una", re.IGNORECASE
)
_ANNOUNCED_NAME = re.compile(r"titel|title|motto|name|slogan|parole", re.IGNORECASE)
# ...or by a role alone: "...”, acrescenta o repórter." / "..., dijo el portavoz."
_ROLE_ARTICLES = r"o|a|el|la|le|der|die|il|lo"
_BARE_SPEAKER = re.compile(
    rf"(?:[,”\"’»]\s*)(?:(?P<before>[A-Z][\w'’-]+) (?:{_SPEECH_VERBS})\b"
    rf"|(?:{_SPEECH_VERBS}) (?:(?P<after>[A-Z][\w'’-]+)|(?:{_ROLE_ARTICLES}) "
    rf"(?P<role>[^\W\d_A-Z][\w'’-]+))\s*[.,])"
)

# ...and a person named by one word as the sentence's subject, an aside on them after it:
# "Young, in his testimony, didn't specifically address..." (his or her: a person, not a
# company's "Apple, in its filing, ...").
_BARE_SUBJECT = re.compile(
    r"^\W*(?P<subject>[A-Z][\w'’-]+),\s+(?:in|at|during|for|with|like|unlike|as)\s+(?:his|her)\b"
)


def _unnamed_speaker(text: str, context: str) -> str | None:
    """How the sentence credits a quote to someone whom `context` (what the card shows before
    it) never names: "surname" ("...,” Paganini added.") or "role" ("...”, acrescenta o
    repórter."), or a surname alone as the subject ("Young, in his testimony, ..."); None when
    a reader can tell who speaks."""
    subject = _BARE_SUBJECT.match(text)
    if subject is not None and subject.group("subject") not in context:
        return "surname"
    for match in _BARE_SPEAKER.finditer(text):
        name = match.group("before") or match.group("after") or match.group("role")
        if name not in context and name not in text[: match.start()]:
            return "role" if match.group("role") else "surname"
    return None


def _open_quote(text: str) -> bool:
    """The sentence opens a quotation it does not close: a piece of a longer quote ("“Fort
    Worth P.D. Open the door!"), cut off from the rest of it."""
    # Counted by parity, so that English “…”, German „…“ and French « … » all balance.
    return any(sum(text.count(mark) for mark in family) % 2 for family in _QUOTE_FAMILIES)


def _pick_from_section(
    candidates: list[_Sentence],
    wanted: int,
    chosen_terms: list[set[str]],
    leads: Sequence[_Sentence] = (),
    context: str = "",
    heading: str = "",
    heading_terms: AbstractSet[str] = frozenset(),
) -> list[_Sentence]:
    """The best `wanted` usable sentences in article order; adds their terms to `chosen_terms`.

    Sentences are tiered (see `_tier`); the best non-empty tier supplies the claims, and the
    `leads` (the section's lede, a fact-check's verdict) go first, as many as are wanted;
    under a subheading, a quote credited to a surname the card has not named (`context`: what
    it shows before) leans on its context, and a sentence the `heading` (squeezed) already
    says is no claim. Sentences are classified lazily in rank order (see `_rank`; a heap, so
    that a sentence leaning on one just taken can move up), so that the patterns run on the
    few top sentences rather than on the whole section.
    """
    tiers: list[list[_Sentence]] = [[] for _ in range(_TIERS)]
    tier_terms: list[list[set[str]]] = [[] for _ in range(_TIERS)]
    done: set[int] = set()
    demoted: dict[int, float] = {}  # quotes of an unnamed speaker: the rank they fell to
    for lede in leads[:wanted]:
        tiers[0].append(lede)
        tier_terms[0].append(set(lede.terms))
        done.add(lede.index_in_section)
    by_index = {sentence.index_in_section: sentence for sentence in candidates}
    # (priority, index, ranked): each sentence enters at its score, the most `_rank` gives it
    # (its factors only lower a score, never below 0), and is ranked when it comes first; one
    # ranked lower goes back at its rank. The sentences come out in the order of their ranks,
    # and `_rank`'s patterns run on the few top ones, not on every sentence of a long story.
    queue = [(-sentence.score, sentence.index_in_section, False) for sentence in candidates]
    heapq.heapify(queue)

    # sentences right after a claim taken (`release_next`): ranked at their full score
    follows: set[int] = set()

    def release_next(sentence: _Sentence) -> None:
        # A sentence leaning on this one now reads in its context: it ranks at its full score.
        following = by_index.get(sentence.index_in_section + 1)
        if following is not None and following.index_in_section not in done:
            follows.add(following.index_in_section)
            heapq.heappush(queue, (-following.score, following.index_in_section, True))

    for lede in leads[:wanted]:
        release_next(lede)
    while queue and len(tiers[0]) < wanted:
        priority, index, ranked = heapq.heappop(queue)
        if index in done or demoted.get(index, priority) != priority:
            continue  # taken, or an entry from before the sentence was ranked down
        sentence = by_index[index]
        if not ranked and index not in follows:
            rank = -_rank(sentence)
            if rank != priority:
                heapq.heappush(queue, (rank, index, True))
                continue
        done.add(index)
        tier = _tier(sentence)
        if tier is None or _echoes_heading(sentence, heading):
            continue
        if tier == 1 and index in follows and _reads_after_its_antecedent(sentence):
            sentence.follows_claim = True
            tier = 0
        unnamed = (
            _unnamed_speaker(sentence.text, " ".join([context, *(s.text for s in tiers[0])]))
            if tier == 0
            else None
        )
        if unnamed is not None:
            # A role alone ("o repórter") names no one even in a story read as one: the
            # sentence naming the reporter is not on the card.
            if not sentence.headingless or unnamed == "role":
                tier = 1
            elif index not in demoted:
                # In a story without subheadings the three claims read as one: the quote
                # gives way to a self-contained sentence of nearly its score, once.
                demoted[index] = -_rank(sentence) * UNNAMED_SPEAKER_FACTOR
                done.discard(index)
                heapq.heappush(queue, (demoted[index], index, True))
                continue
        picks, taken = tiers[tier], tier_terms[tier]
        if len(picks) >= wanted:
            continue
        sentence_terms = set(sentence.terms)
        if _repeats_earlier(sentence_terms, chosen_terms, taken):
            continue
        picks.append(sentence)
        taken.append(sentence_terms)
        if tier == 0:
            release_next(sentence)
    best = next((i for i in range(_TIERS) if tiers[i]), None)
    if best is None:
        return []
    picked = tiers[best]
    if best == 0:
        picked.extend(
            _turns_after(
                picked,
                by_index,
                chosen_terms,
                tier_terms[0],
                next_paragraph=bool(heading),
                heading_terms=heading_terms,
            )
        )
        picked.extend(_heading_point_after(picked, by_index, heading_terms, chosen_terms, context))
    chosen_terms.extend(tier_terms[best])
    picked.sort(key=lambda s: s.index_in_section)
    return picked


def _heading_point_after(
    picked: Sequence[_Sentence],
    by_index: dict[int, _Sentence],
    heading_terms: AbstractSet[str],
    chosen_terms: Sequence[set[str]],
    context: str,
) -> list[_Sentence]:
    """Under a subheading, the sentence after a lone claim that names none of the subheading's
    terms (`heading_terms`, those its text uses; not its language's function words,
    `function_words`), when that sentence names one: the claim set
    the scene, the next says what the subheading announces ("Dozens of villagers gathered at
    the hall on Monday." then "The council's plan for the bypass drew only two supporters."
    under "Bypass plan"). It goes on the card after the claim, standing alone or leaning only
    on it (`_reads_after_its_antecedent`), ranked at its full score (no quote, no example,
    nothing general: `_rank`), nobody's statement ("..., a spokesman said": the writer's own
    sentence says the point), not opening on "here" ("Hier also die Tipps...": the page
    presenting what follows), not repeating an earlier claim. (A claim stating an amount says
    the section's news in its own words: `_subheading_lede`.)"""
    if len(picked) != 1 or not heading_terms or states_an_amount(picked[0].text):
        return []
    # (Only words that say what the section is about: "und", "die", "les" say nothing.)
    topical = heading_terms - function_words(heading_terms, picked[0].document.language)
    if not topical.isdisjoint(picked[0].terms):
        return []
    following = by_index.get(picked[0].index_in_section + 1)
    if (
        following is None
        or topical.isdisjoint(following.terms)
        or _repeats_earlier(set(following.terms), chosen_terms)
        or _rank(following) != following.score
        or _SPEECH_VERB.search(following.text) is not None
        or _OPENS_ON_HERE.match(following.text) is not None
        or _unnamed_speaker(following.text, f"{context} {picked[0].text}") is not None
    ):
        return []
    tier = _tier(following)
    if tier == 0 or (tier == 1 and _reads_after_its_antecedent(following)):
        following.follows_claim = True
        return [following]
    return []


def _turns_after(
    picked: Sequence[_Sentence],
    by_index: dict[int, _Sentence],
    chosen_terms: Sequence[set[str]],
    taken: list[set[str]],
    *,
    next_paragraph: bool = True,
    heading_terms: AbstractSet[str] = frozenset(),
) -> list[_Sentence]:
    """Under a subheading, the sentences that turn against a claim taken right before them, in
    their paragraph or (with `next_paragraph`, a section's) opening the next ("Ein
    Zusammenhang zu Fledermäusen ist nicht eindeutig belegt." then "Allerdings sind
    Fledermäuse ... das Reservoir für mindestens..."): a concession and its answer, whose
    point is the answer, which leans on the concession alone (`_reads_after_its_antecedent`:
    never in a story without subheadings, read as one). The answer goes on the card after it,
    beyond the claims wanted (adds their terms to `taken`). A turn that says something general
    (`_speaks_generally`) and names none of `heading_terms` (the subheading's: `_point_terms`)
    adds nothing to the claim: "But it’s not the only player in this space." after "Facebook
    is just one culprit in this online surveillance economy...". (In the lead of an article
    with subheadings, the paragraph after the opening one turns to what the body will tell:
    "But as more endorsements have trickled in, some interesting patterns have begun to
    emerge.")"""
    turns: list[_Sentence] = []
    for sentence in picked:
        following = by_index.get(sentence.index_in_section + 1)
        in_reach = (
            (sentence.index_in_paragraph + 1, 0)
            if next_paragraph
            else (sentence.index_in_paragraph + 1,)
        )
        if (
            following is None
            or following.index_in_paragraph not in in_reach
            or any(following is other for other in picked)
            or following.headingless
            or _TURN.match(following.text) is None
            or _tier(following) != 1
            or not _reads_after_its_antecedent(following)
            or _repeats_earlier(set(following.terms), chosen_terms, taken)
            or (_speaks_generally(following) and heading_terms.isdisjoint(following.terms))
        ):
            continue
        following.follows_claim = True
        turns.append(following)
        taken.append(set(following.terms))
    return turns

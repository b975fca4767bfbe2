"""Text -> a few keyphrases, the tags of a page that has none of its own.

A RAKE-style scorer: candidates are runs of up to three content words between stopwords (the
stopwords-iso lists of the page's languages, see `summarizer.languages`) and punctuation; a
candidate scores by how often it occurs, with more weight for names (words capitalised in
mid-sentence), for phrases in the headline and for multi-word phrases. Inflected forms count as
one; a word that lives inside a recurring name or phrase gives way to it ("Lavrov" -> "Sergey
Lavrov", "nucleares" -> "armas nucleares").

Capitals-only words beside another or longer than an acronym ("CONTINUA DEPOIS DA
PUBLICIDADE", "LOTS AND LOTS") are shouting: they count, but a phrase only ever shouted is no
tag and shouting is no evidence of a name; a title ("Herr", "Mr") is not part of
the name it opens; "new" opens names but not lower-case phrases ("new player"); two lone-word
names side by side in the headline, and so in the text, are joined ("Jose Mourinho"); a name
the headline goes on with a capitalised word is not cut short ("Milan Design Week"), nor one
the text always opens with one ("Women’s History Month").

Only sure phrases become tags, and an empty tag line is better than junk: a phrase of the
headline that the text repeats, a multi-word name or term the text repeats, or a lone name the
text repeats three times where capitals mark names (not in German, where every noun has one);
never a date, a word about the page itself, a reference list's journal ("Acad Dermatol"), or a
headline fragment the text never says. Nor a
lone common word the text says hardly more often than its language does ("offer",
"conversation": wordfreq's lists, see `summarizer.word_frequency`; a lone name too, asked
less: "Play", "Twitter"; a CJK term too, "名前", in the list of the language the page
declares), nor a German common noun of the headline that the text says only once
more ("Erwachsene"); a German word shows without its case ending ("Fenster", not "Fenstern").
Nor a verb: a word in small letters the text writes after an infinitive's marker, a modal or a
pronoun and never after a determiner ("to grow", "will launch", "per agire"), nor in English one
ending on a past participle ("Roasted", "word coined") or opening on a past form the text
writes after its subject only ("pleaded guilty"; "to detained migrants" is a noun's).
Nor, in text that reads as none of the page's languages (placeholder "Lorem ipsum…"), anything
but a name. Two name tags the text writes side by side ("Marco" and "Arment") are the one name
it writes, and a lone name the text mostly writes inside one longer name that a stopword cut
("Machine" of "Big Machine", "Copa" of "Copa de Naciones") is that name; a common noun
capitalised as a piece of several ("Police" of "Commissioner of Police", "Nigeria Police") is
none. Measured in
testkit/tags_eval.py against the own tags of pages that have them.
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from summarizer.claims.sentences import language_code, split_sentences
from summarizer.claims.terms import WORD_CHAR
from summarizer.extract.limits import KEYPHRASE_TEXT_CHARS
from summarizer.extract.tags import card_tags
from summarizer.languages import (
    Languages,
    capitalises_nouns,
    detect_languages,
    ends_like_verb,
    folded,
    has_verb_endings,
    is_calendar_word,
    is_date_phrase,
    same_folded_word,
    same_word,
    stopwords_of,
)
from summarizer.text import UNSPACED_CHAR, UNSPACED_RUN, word_count
from summarizer.word_frequency import common_word_frequency, common_words, has_common_words

logger = logging.getLogger(__name__)

MAX_PHRASE_WORDS = 3
# A lone common word is a topic only when the text uses it at least this many times as often
# as the language does ("hibernation" in a story on hibernation, not "offer" or "conversation"
# in a headline that happens to say them): its uses per word of the text over its frequency in
# wordfreq's list of the language.
MIN_COMMON_WORD_LIFT = 100.0
# Where every noun has a capital, a lone word of the headline that the text says only once
# more is a tag only when rarer than this in wordfreq's list of the language (Zipf 3.5, about
# "Kohleausstieg"; "Erwachsene" is 4.4, "Schwerpunkte" 3.9).
MAX_ECHO_WORD_FREQUENCY = 10**-5.5
# Any lone word, a name too, is a topic only when the text uses it at least this many times
# as often as the language does: "Play" said once more under "Dare to Play", "Twitter" in a
# long post on something else ("Welt", "Angebot" in German, where any noun may be a name).
MIN_PASSING_WORD_LIFT = 60.0
# Text whose words are common words of its languages at least this often reads as them,
# judged on its opening this long (about 150 words).
MIN_KNOWN_WORDS_SHARE = 0.5
_READ_SAMPLE_CHARS = 1000
# A phrase scoring below this share of the best one is noise.
RELATIVE_SCORE_FLOOR = 0.2
# A lone name outside the headline must occur this often to be a topic rather than a passer-by.
MIN_NAME_MENTIONS = 3
NAME_BOOST = 2.0
HEADLINE_BOOST = 2.0
EXTRA_WORD_BOOST = 0.5

# A token: letters/digits with the combining marks \w misses (Indic scripts), joined by inner
# hyphens, apostrophes, dots or ampersands ("U.S.", "AT&T", "Jean-Luc", "O'Neill").
_TOKEN = re.compile(rf"{WORD_CHAR}+(?:['’\-.&]{WORD_CHAR}+)*\.?")
_END_OF_LATIN = 0x250  # Basic Latin through Latin Extended-B
_POSSESSIVES = ("'s", "’s")
# An elided article or preposition before a name: "d’Orsay", "l’Élysée", "dell'Italia".
_ELISION = re.compile(r"[^\W\d_]{1,4}['’]")
_HANGUL_FIRST, _HANGUL_LAST = "\uac00", "\ud7af"
# Particles that seldom end a noun themselves (이, 가, 도 often do, so they stay).
_KOREAN_PARTICLES = (
    "에서",
    "으로",
    "에게",
    "까지",
    "부터",
    "의",
    "는",
    "은",
    "을",
    "를",
    "에",
    "와",
)

# A capitalised word longer than this inside a sentence is a name even when a broad stopword
# list has it ("Microsoft", "Research" in "Cancer Research UK").
_MAX_STOPWORD_NAME_CHARS = 7
# A number right before a word, the word its unit ("57.000 Euro"): not four or five bare digits
# (a year, a postcode: "41539 Dormagen"), a rank ("71.") nor a score's or a date's end ("3-1",
# "2:1", "9/11"); looked for in this many characters before the word.
_AMOUNT_BEFORE = re.compile(r"(?<![\w.,/:-])(?!\d{4,5}\s+\Z)\d(?:[\d.,]*\d)?\s+\Z")
_AMOUNT_CHARS = 24
# A number after these is a rank or a place in a list, part of a name ("No. 3 Georgia").
_RANK_MARK = re.compile(r"(?:(?<!\w)(?:No|Nr|no|nr)\.|Nº|#)\s*\Z")
# What opens the particles of a Dutch or German name ("Van der Bellen", "von der Leyen"), and
# the particles whole, the cheap test a text must pass before names are looked for in it.
_NAME_PARTICLE_HEADS = frozenset({"Van", "Von", "van", "von"})
_NAME_PARTICLES = re.compile(r"[Vv][ao]n d(?:er|en|em) ")
# The articles of those particles: a name's end follows one ("der Bellen", "der Leyen").
_PARTICLE_ARTICLES = ("der", "den", "dem")
# A tag this common in its language is a noun after a preposition and its article ("von der
# Polizei"), no surname (wordfreq's share of running words; "Polizei" is about 10**-4).
_MAX_PARTICLE_NAME_FREQUENCY = 10**-5
# A capitals-only word longer than this is shouting ("PUBLICIDADE"), not an acronym ("NYCHA").
_MAX_ACRONYM_CHARS = 6
# Stopwords that open names ("New Zealand") and so do not split phrases; a phrase they open
# in lower case ("new player") is an adjective and a noun, not a term.
_NAME_OPENERS = frozenset({"new"})
# Titles before a name: "Herr Lucke" is Lucke. They split phrases as stopwords do.
_HONORIFICS_LIST = """
    mr mrs ms miss dr sir herr herrn frau monsieur madame mme mlle señor señora sr sra srta
    senhor senhora doña signor signora
    """
_HONORIFICS = frozenset(_HONORIFICS_LIST.split())
# Capitalised words before a name that are no given name of it: the surname fold leaves them
# alone (a region's qualifier names another place, an office is no part of the name).
_NO_GIVEN_NAMES_LIST = """
    east west north south northern southern eastern western central greater upper lower inner
    outer northeast northwest southeast southwest
    president chancellor senator sen governor gov mayor minister premier secretary coach
    manager judge justice general gen captain capt sheriff rep representative congressman
    congresswoman councillor councilman councilwoman commissioner chairman chairwoman chair
    king queen prince princess pope bishop archbishop cardinal father sister brother
    lord lady professor prof officer detective sergeant sgt lieutenant colonel admiral
    """
_NO_GIVEN_NAMES = frozenset(_NO_GIVEN_NAMES_LIST.split())
_OPENING_QUOTES = "\"'“„«‚‘‹"
_CLOSING_QUOTES = "\"'”“»‘’›"
# Unspaced scripts (CJK, Thai) have no word boundaries. Japanese kana particles split a run
# into kanji/katakana terms; a segment up to this long is a term, a longer one (Chinese, Thai)
# gives its character n-grams of these lengths; either must recur to count.
# Words about the page rather than its topic ("erschienener Artikel", "this post", a review's
# "Fazit" box), and its buttons ("Weiterlesen"): they split phrases as stopwords do.
_PAGE_WORDS_LIST = """
    article articles post posts blog page pages site website comment comments reply photo photos
    video videos image images click share subscribe newsletter
    artikel beitrag beiträge seite seiten kommentar kommentare foto fotos bild bilder weiterlesen
    abonnieren teilen fazit
    billet commentaire commentaires partager artículo artículos página comentario comentarios
    compartir artigo artigos comentário comentários compartilhar articolo pagina commento
    """
_PAGE_WORDS = frozenset(_PAGE_WORDS_LIST.split())
# The endings of case and number `_display_form` takes off a German word ("Beschäftigten",
# "Fenstern", "Einbruchschutzes"; not "-er": "Verbraucher" is no form of "Verbrauch"), and the
# fewest letters of what it leaves ("Impf" of "Impf- und Testzentren" is no word).
_NOUN_ENDINGS = frozenset({"e", "n", "en", "s", "es"})
_MIN_STEM_CHARS = 5
# Inflected forms are looked for among words sharing their first characters (see `same_word`).
_INFLECTION_BUCKET_CHARS = 4
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
# A run of katakana (and its long-vowel mark) is one word, a loanword or a name written whole
# ("セキュリティ", "トレンドマイクロ"): never cut into n-grams ("キュリテ").
_KATAKANA_RUN = re.compile(r"([\u30a1-\u30fa\u30fc]{2,})")
_UNSPACED_TERM_CHARS = 6
_UNSPACED_NGRAMS = (2, 3, 4)
# Pages come in a few language sets: the phrase-splitting set of each is built once.
_STOPWORD_SETS_CACHED = 64
# Braces and equals signs in one sentence: this many make it code (see `_is_script`), with a
# sign only code writes: a brace, an arrow or a comparison, a quoted key, a statement's closing
# semicolon, a keyword declaring a name. Prose writes formulas ("A = P(1 + r)^n, where P =
# the principal"), not these.
_MIN_CODE_MARKS = 3
_CODE_SIGN = re.compile(r"""[{}]|=>|[=!]=|":|;\s*$|\b(?:var|let|const|function)\s""")
# A journal's year, volume, issue and pages as a reference list cites them (Vancouver style:
# "2015;72(2):246–52", "1988;82(6):1826").
_JOURNAL_CITATION = re.compile(
    r"\b(?:1[89]|20)\d\d\s?;\s?\d+(?:\s?\([\w\s-]{1,12}\))?\s?:\s?[A-Za-z]?\d+"
)
# An identifier of code: camelCase opening on two lower-case letters or more, or PascalCase of
# at least four parts.
_CAMEL_CASE = re.compile(r"^[a-z]{2,}[A-Z][a-z]")
_MANY_PARTS = re.compile(r"^(?:[A-Z][a-z]+){4,}$")
# A keyphrase names a thing: a verb or an adjective is none ("grow", "threatening", "agire",
# "pleaded guilty"). What shows a word in small letters to be a verb, by the word the text writes
# right before it: an infinitive's marker, a modal or an auxiliary, a negation or a subject
# pronoun ("to grow", "will launch", "can detect", "didn't finish"); in the Romance languages a
# preposition before a word ending as an infinitive does ("per agire", "para competir", "pour
# agir"). A determiner or an article before it shows a noun (or an adjective before one: "the
# threatening letter"), and then no use counts for a verb.
_VERB_MARKERS_LIST = {
    "en": """to will would can could should must may might shall cannot can't won't wouldn't
        couldn't shouldn't don't doesn't didn't do does did not never i you we they he she it""",
    "es": "puede pueden debe deben va van vamos quiere quieren podrá podría",
    "it": "può possono deve devono vuole vogliono potrà potrebbe dovrebbe",
    "pt": "pode podem deve devem vai vão quer querem poderá poderia",
    "fr": "peut peuvent doit doivent va vont veut veulent pourra pourrait devrait",
}
_VERB_MARKERS = {code: frozenset(found.split()) for code, found in _VERB_MARKERS_LIST.items()}
_INFINITIVE_MARKERS_LIST = {
    "es": "para de a por sin al",
    "it": "per di a da senza",
    "pt": "para de por sem ao",
    "fr": "pour de à sans par",
}
_INFINITIVE_MARKERS = {
    code: frozenset(found.split()) for code, found in _INFINITIVE_MARKERS_LIST.items()
}
_INFINITIVE_ENDINGS = {
    "es": ("ar", "er", "ir"),
    "it": ("are", "ere", "ire"),
    "pt": ("ar", "er", "ir"),
    # (Not "-ir" of "-oir": "pouvoir", "espoir", "soir" are nouns.)
    "fr": ("er",),
}
_DETERMINERS_LIST = {
    "en": "the a an this that these those his her its their our my your every each no some any",
    "es": "el la los las un una unos unas este esta estos estas su sus mi mis",
    "it": "il lo la i gli le un uno una questo questa questi queste suo sua",
    "pt": "o a os as um uma uns umas este esta seu sua",
    "fr": "le la les un une des du ce cet cette ces son sa ses",
}
_DETERMINERS = {code: frozenset(found.split()) for code, found in _DETERMINERS_LIST.items()}
# English writes a past participle with "-ed" ("donated", "roasted") or, of a few verbs, in
# "-en" or "-wn" (listed): a phrase ending on one is none naming a thing ("word coined",
# "vehicle driven"), nor is such a word alone; before a noun it is an adjective ("detained
# migrants"). Nouns in "-eed" ("seed", "speed") and shorter words ("bed", "shed") have no such
# ending.
_PAST_ENDING = "ed"
_MIN_PAST_CHARS = 5
_IRREGULAR_PARTICIPLES_LIST = """
    driven given taken written shown seen known chosen broken spoken stolen forgotten hidden
    ridden beaten eaten fallen grown thrown drawn sworn withdrawn overtaken undertaken
    """
_IRREGULAR_PARTICIPLES = frozenset(_IRREGULAR_PARTICIPLES_LIST.split())
# An English possessive before a word shows a noun ("Tottenham's manager").
_POSSESSIVE_ENDINGS = ("'s", "s'")
# English prepositions: one before a phrase opening on a past form shows the form an adjective
# before its noun ("to detained migrants"); after a subject it is the verb ("A New York man
# pleaded guilty", "the vehicle sustained damage").
_ENGLISH_PREPOSITIONS_LIST = """
    of to for with from in on at by about among against into onto over under without within
    between through after before like
    """
_ENGLISH_PREPOSITIONS = frozenset(_ENGLISH_PREPOSITIONS_LIST.split())
# Lower-case words that link the words of one name ("Copa de Naciones", "Cámara de Diputados",
# "Department of Energy"), where capitals mark names (German "des" opens a genitive after any
# noun: "Vogel des Jahres").
_NAME_LINKS = frozenset({"of", "de", "des", "del", "della", "di", "du", "da", "do", "dos"})
# What ends a sentence before a word (its capital then proves nothing), looked for in this many
# characters before it.
_SENTENCE_ENDS = frozenset('.!?:;"“”«»\n')
_GAP_CHARS = 4
# Articles, which open a name's phrase ("The Carlyle Group") but are no word of its tag.
_ARTICLES = frozenset({"the", "a", "an", "el", "la", "los", "las", "le", "les", "il", "lo", "o"})
# What may follow a name's last word: a space or a mark ending a phrase (not "+" of "C++").
_NAME_END_MARKS = frozenset(".,;:!?)]}\"'”’»")
# A name made whole (`_whole_name`) has at most this many words.
_MAX_WHOLE_NAME_WORDS = 5
# The word right before a use of a phrase (group 1) and what parts them (group 2: a marker must
# stand next to the word), read from this many characters before it.
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’]*)([\s,]*)\Z")
_WORD_BEFORE_CHARS = 30


def _no_forms() -> Counter[str]:
    """An empty Counter made without `Counter.__init__`, a call of `update` in Python that has
    nothing to add: a candidate is made for every distinct phrase of the text, a third of
    its cost."""
    forms: Counter[str] = Counter.__new__(Counter)
    return forms


@dataclass(slots=True)
class _Candidate:
    """One phrase (keyed by its lower-cased words) with how it was seen."""

    words: tuple[str, ...]
    count: int = 0
    capitalised_inside: int = 0
    forms: Counter[str] = field(default_factory=_no_forms)
    in_headline: bool = False
    # Occurrences credited to this phrase, including those of a surname folded into it.
    mentions: int = 0
    # Of a language where every noun has a capital (German): its inflected forms show as
    # their stem, see `_display_form`.
    nouns_capitalised: bool = False

    @property
    def main_form(self) -> str:
        """The most frequent surface form, the first seen of a tie ("" when only ever
        shouted). What `Counter.most_common(1)` gives, without its heap machinery."""
        return max(self.forms, key=self.forms.__getitem__) if self.forms else ""

    @property
    def is_name(self) -> bool:
        """Every word capitalised, even where a sentence does not force it, in most uses."""
        words = self.main_form.split()
        if not all(word[:1].isupper() or _is_elided_name(word) for word in words):
            return False
        acronym = any(len(word) >= 2 and word.isupper() for word in words)
        return acronym or self.capitalised_inside * 2 >= self.count

    @property
    def is_phrase(self) -> bool:
        """A multi-word candidate is a name or a recurring all-lower-case phrase ("gold
        digger"); mixed ones ("Fisher told ABC") are usually a name glued to a verb."""
        if self.unspaced:
            return self.count >= 2 or self.in_headline
        if len(self.words) == 1:
            return True
        if not self.forms:
            return False
        form = self.main_form
        lower = all(word[:1].islower() for word in form.split())
        opened = self.words[0] in _NAME_OPENERS
        return self.is_name or (lower and self.count >= 2 and not opened)

    @property
    def unspaced(self) -> bool:
        """A CJK or Thai term (one "word" of several characters)."""
        # (An ASCII word has no such character: most words are ASCII.)
        word = self.words[0]
        return not word.isascii() and UNSPACED_CHAR.search(word) is not None

    @property
    def size(self) -> int:
        """Length in words; two characters of an unspaced term count as one word."""
        return max(1, len(self.words[0]) // 2) if self.unspaced else len(self.words)

    @property
    def has_capital(self) -> bool:
        """A word of the most frequent form starts with a capital."""
        form = self.main_form
        return any(word[:1].isupper() for word in form.split())

    @property
    def mostly_lower(self) -> bool:
        """At least as many uses start in lower case as with a capital."""
        lower = sum(count for form, count in self.forms.items() if form[:1].islower())
        return lower * 2 >= sum(self.forms.values())

    @property
    def may_be_sure(self) -> bool:
        """Said twice (credited mentions too) or in the headline: what every sure phrase is
        (`is_sure`), every pair joined (`_join_common_words`) and every headline echo, the
        cheap test that turns most phrases (said once) away."""
        return self.in_headline or self.count >= 2 or self.mentions >= 2

    def is_sure(self, capitals_mark_names: bool) -> bool:
        """Sure enough to be a tag: an empty tag line is better than junk. A phrase of the
        headline that the text repeats, a multi-word name or term the text repeats, or a name
        the text repeats three times where capitals mark names; never a date."""
        if not self.may_be_sure:
            return False
        if self.unspaced:
            return self.count >= 2 or self.in_headline
        total = max(self.count, self.mentions)
        if not self.forms:
            return False  # only ever shouted: "CONTINUA DEPOIS DA PUBLICIDADE"
        if total < 2 or is_date_phrase(self.words):
            return False
        if not capitals_mark_names and not self.has_capital:
            return False  # German without a capital has no noun: "sorgen möchten"
        if not capitals_mark_names and len(self.words) == 1 and self.mostly_lower:
            return False  # a German noun keeps its capital: "Möchtest du", "möchtest"
        if len(self.words) > 1:
            return True
        if self.in_headline:
            # A common word (not a name) must recur in the text, not only echo the headline.
            return self.is_name or not capitals_mark_names or total >= MIN_NAME_MENTIONS
        return capitals_mark_names and self.is_name and total >= MIN_NAME_MENTIONS

    def score(self) -> float:
        """Occurrences, weighted up for length, names and headline phrases."""
        value = float(max(self.count, self.mentions)) * (1 + EXTRA_WORD_BOOST * (self.size - 1))
        if self.is_name:
            value *= NAME_BOOST
        if self.in_headline:
            value *= HEADLINE_BOOST
        return value


def keyphrase_tags(
    title: str,
    text: str,
    language: str | None,
    *,
    site_name: str | None = None,
    languages: Languages | None = None,
) -> list[str]:
    """The card's tags for a page without its own: keyphrases of the headline and the text's
    opening, cleaned as the page's own tags are (`card_tags`). `languages`: the page's, when
    the caller has them (else detected from the headline and the opening)."""
    opening = text[:KEYPHRASE_TEXT_CHARS]
    languages = languages or detect_languages(language, [title, opening])
    return card_tags(
        keyphrases(title, opening, language, languages=languages),
        languages=languages.codes,
        site_name=site_name,
    )


def keyphrases(
    title: str,
    text: str,
    language: str | None,
    limit: int = 6,
    *,
    languages: Languages | None = None,
) -> list[str]:
    """Up to `limit` keyphrases the text is sure of (maybe none), original casing, no two
    sharing a word. `languages` are the page's (detected from the text when not given)."""
    candidates: dict[tuple[str, ...], _Candidate] = {}
    # The headline counts as one more sentence: it names what the article is about. Code left
    # in the text ("var configuration = {…}") is no prose: its words are no topic; nor are a
    # reference list's ("J Am Acad Dermatol. 2015;72(2):246–52").
    prose = _without_references(text)
    sentences = [
        title,
        *(line for line in split_sentences(prose, language) if not _is_script(line)),
    ]
    languages = languages or detect_languages(language, sentences)
    stopwords = _phrase_stopwords(languages.codes)
    capitals_mark_names = not capitalises_nouns(languages.main)
    readings = _TokenReadings(stopwords, capitals_mark_names)
    nouns_capitalised = not capitals_mark_names
    for sentence in sentences:
        # In Title Case Lines capitals are style, not evidence of a name.
        title_case = _is_title_case(sentence)
        for words, forms, starts_sentence in _phrases(sentence, readings):
            candidate = candidates.get(words)
            if candidate is None:  # not setdefault: that builds a candidate for every use
                candidate = candidates[words] = _Candidate(
                    words, nouns_capitalised=nouns_capitalised
                )
            candidate.count += 1
            if not forms:
                continue  # shouted: an ad label or emphasis proves neither a name nor a term
            # (`get`, not `+= 1`: a new form would call Counter's `__missing__`.)
            candidate.forms[forms] = candidate.forms.get(forms, 0) + 1
            if not starts_sentence and not title_case and forms[:1].isupper():
                candidate.capitalised_inside += 1
    # The headline's word runs, as a set: one lookup per candidate, not a scan of the headline.
    title_words = _lower_words(title)
    headline = {
        tuple(title_words[start : start + size])
        for size in range(1, MAX_PHRASE_WORDS + 1)
        for start in range(len(title_words) - size + 1)
    }
    for candidate in candidates.values():
        candidate.in_headline = candidate.words in headline
    _merge_inflections(candidates)
    _fold_words_into_names(candidates, text)
    _fold_words_into_phrases(candidates)
    _drop_partial_unspaced_terms(candidates)
    # A word ending as only a verb does makes no tag, unless in a name (the cheap tests first;
    # most languages have no such endings to test).
    verbs_show = has_verb_endings(languages.main)
    # Where capitals do not mark names, the sentences as one text, searched once per phrase
    # (no phrase holds a line break, so no count crosses two sentences).
    lines = "" if capitals_mark_names else "\n".join(sentences)
    # (Half a word per character of an unspaced script: a CJK term is set against as many
    # words as the text has, not against its few spaces.)
    size = int(word_count(title) + word_count(text))
    # In placeholder text or a language the page's lists lack, only names are sure.
    readable = _reads_as(languages, text, language)
    # A CJK term is looked up in the list of the language the page declares, none declared
    # no verdict: stopwords, found in the few spaced runs of such a text, tell its language
    # badly (Japanese read as Slovenian).
    unspaced_language = language_code(language) if language else None

    def term_language(candidate: _Candidate) -> str | None:
        return unspaced_language if candidate.unspaced else languages.main

    # Most phrases, said once, cannot be sure: they skip the tests below.
    usable = [
        candidate
        for candidate in candidates.values()
        if candidate.may_be_sure
        and (
            not verbs_show
            or not any(ends_like_verb(word, languages.main) for word in candidate.words)
            or candidate.is_name
        )
        and (capitals_mark_names or not _after_dative_article(candidate, lines))
        and not (capitals_mark_names and _is_generic_word(candidate, languages.main, size))
        and not _is_passing_word(candidate, term_language(candidate), size)
        and (readable or candidate.is_name)
        # (Before the choice: a unit chosen would block the tags sharing its words.)
        and not _is_unit(candidate.main_form, text, capitals_mark_names=capitals_mark_names)
    ]
    # Common nouns the headline says and the text barely repeats are no tags: they are left
    # out after the choice (a lone word may join into a name above, no longer a tag of its
    # own), so the choice takes as many more, not to lose their places.
    echoes = (
        set()
        if capitals_mark_names
        else {_display_form(c) for c in usable if _is_headline_echo(c, languages.main)}
    )
    selected = _select(usable, limit + len(echoes), capitals_mark_names)

    # So are verbs (a lone one may join a noun the text writes it with: "detained migrants"):
    # the choice is made again with room for as many more as it took.
    # And so are common nouns capitalised as pieces of several names ("Police" of "Nigeria
    # Police" and "Commissioner of Police").
    def unfit(candidate: _Candidate) -> bool:
        return _reads_as_verb(candidate, text, languages.main, title) or (
            capitals_mark_names and _is_piece_of_names(candidate, text, languages.main)
        )

    verbs = [c for c in selected if unfit(c)]
    if verbs:
        selected = _select(usable, limit + len(echoes) + len(verbs), capitals_mark_names)
        verbs = [c for c in selected if unfit(c)]
    dropped = echoes | {_display_form(c) for c in verbs}
    chosen = _join_names_the_text_writes([_display_form(c) for c in selected], candidates)
    joined = _join_split_names(chosen, title, text, stopwords)
    tags = [_uncut_name(tag, title, text, stopwords) for tag in joined if tag not in dropped]
    if capitals_mark_names:  # (in German a capital before a name is as likely a noun's)
        tags = [_opened_name(tag, text, stopwords) for tag in tags]
        tags = _whole_names(tags, title, text)
    if _NAME_PARTICLES.search(text):
        tags = _with_name_particles(tags, text, languages.main)
    return tags[:limit]


def _reads_as_verb(candidate: _Candidate, text: str, language: str | None, title: str = "") -> bool:
    """A phrase in small letters that `text` (in `language`) writes as a verb rather than a
    noun (see `_VERB_MARKERS`): the word right before it marks a verb in most of its uses, and
    never a noun; in English, one ending on a past participle (see `_PAST_ENDING`), or one
    opening on a past form that neither `text` nor the `title` writes where a noun phrase
    opens (`_opens_a_noun_phrase`: "pleaded guilty", "sustained damage"). A name is none."""
    if candidate.unspaced or candidate.is_name or not candidate.forms:
        return False
    form = candidate.main_form
    if not form.islower() and (len(candidate.words) > 1 or not form[1:].islower()):
        return False  # capitals inside: a name, an acronym
    first, last = candidate.words[0], candidate.words[-1]
    english = language == "en"
    if english and _is_past_form(last):
        return True
    if english and len(candidate.words) > 1 and _is_past_form(first):
        return not (_opens_a_noun_phrase(form, title) or _opens_a_noun_phrase(form, text))
    markers = _VERB_MARKERS.get(language or "", frozenset())
    infinitive = _INFINITIVE_ENDINGS.get(language or "")
    if infinitive and first.endswith(infinitive):
        markers = markers | _INFINITIVE_MARKERS[language or ""]
    if not markers:
        return False
    determiners = _DETERMINERS.get(language or "", frozenset())
    uses = verbs = 0
    for at in _word_starts(form, text):
        uses += 1
        before = _WORD_BEFORE.search(text, max(0, at - _WORD_BEFORE_CHARS), at)
        if before is None:
            continue
        word = before.group(1).lower().replace("’", "'")
        if word in determiners or (english and word.endswith(_POSSESSIVE_ENDINGS)):
            return False  # a noun, or an adjective before one
        verbs += word in markers and not before.group(2).strip()
    # (More than half: "linked to manager jobs" once of two uses is no verb.)
    return verbs * 2 > uses


def _opens_a_noun_phrase(form: str, text: str) -> bool:
    """`text` writes `form` (English, opening on a past form) at least once after a
    determiner, a possessive or a preposition: an adjective and its noun ("the detained
    migrants", "to detained migrants"), no verb after its subject ("Omar pleaded guilty")."""
    for at in _word_starts(form, text):
        before = _WORD_BEFORE.search(text, max(0, at - _WORD_BEFORE_CHARS), at)
        if before is None:
            continue
        word = before.group(1).lower().replace("’", "'")
        if word in _DETERMINERS["en"] or word in _ENGLISH_PREPOSITIONS:
            return True
        if word.endswith(_POSSESSIVE_ENDINGS):
            return True
    return False


def _is_past_form(word: str) -> bool:
    """An English word in "-ed" long enough to be a past form, or a listed participle (see
    `_PAST_ENDING`)."""
    return word in _IRREGULAR_PARTICIPLES or (
        len(word) >= _MIN_PAST_CHARS
        and word.endswith(_PAST_ENDING)
        and not word.endswith("e" + _PAST_ENDING)
    )


def _without_references(text: str) -> str:
    """`text` without the lines of its reference list: lines citing a journal's year, volume
    and pages (`_JOURNAL_CITATION`). Their journals' names ("Acad Dermatol") and authors recur,
    but are no topic of the article; split into sentences, a reference shows no such mark."""
    if ";" not in text or _JOURNAL_CITATION.search(text) is None:
        return text  # (most texts: one scan, most of them for a sign they lack)
    return "\n".join(line for line in text.split("\n") if _JOURNAL_CITATION.search(line) is None)


def _is_script(sentence: str) -> bool:
    """A "sentence" of a script or a style sheet left in the text: it has `_MIN_CODE_MARKS`
    braces and equals signs and a sign only code writes (`_CODE_SIGN`: "var configuration =
    {"textAbove": …}", "function() { … }"); a formula in prose has no such sign."""
    marks = sentence.count("{") + sentence.count("}") + sentence.count("=")
    return marks >= _MIN_CODE_MARKS and _CODE_SIGN.search(sentence) is not None


@lru_cache(maxsize=_STOPWORD_SETS_CACHED)
def _phrase_stopwords(codes: tuple[str, ...]) -> frozenset[str]:
    """What splits phrases in a page of these languages: their stopwords, words about the
    page and titles. "New" opens too many names ("New Zealand", "New York") to be one."""
    return (stopwords_of(codes) - _NAME_OPENERS) | _PAGE_WORDS | _HONORIFICS


def _is_title_case(sentence: str) -> bool:
    """Most words of four letters or more start with a capital."""
    long_words = [word for word in sentence.split() if len(word) >= 4 and word[:1].isalpha()]
    capitalised = sum(1 for word in long_words if word[:1].isupper())
    return len(long_words) >= 3 and capitalised * 10 >= len(long_words) * 7


def _lower_words(text: str) -> list[str]:
    """The tokens of `text`, lower-cased, without a trailing dot."""
    return [token.rstrip(".").lower() for token in _TOKEN.findall(text)]


# How one token reads in a phrase: (the word it gives, it ends a clause, it is a stop).
_TokenReading = tuple[str, bool, bool]


class _TokenReadings:
    """`_read_token` of each distinct token of one text, read once: a text says its words
    (its stopwords most) many times. A token first in its sentence reads apart (a capital
    there proves no name)."""

    __slots__ = ("_capitals_mark_names", "_stopwords", "first", "inner")

    def __init__(self, stopwords: frozenset[str], capitals_mark_names: bool) -> None:
        self._stopwords = stopwords
        self._capitals_mark_names = capitals_mark_names
        # The readings so far, of tokens first in their sentence and of the others: a caller
        # reading many tokens looks here before it calls `of`.
        self.first: dict[str, _TokenReading] = {}
        self.inner: dict[str, _TokenReading] = {}

    def of(self, token: str, index: int) -> _TokenReading:
        known = self.inner if index else self.first
        reading = known.get(token)
        if reading is None:
            reading = known[token] = _read_token(
                token, index, self._stopwords, self._capitals_mark_names
            )
        return reading


def _read_token(
    token: str, index: int, stopwords: frozenset[str], capitals_mark_names: bool
) -> _TokenReading:
    """The word `token` gives (no possessive, no Korean particle), whether it ends a clause,
    and whether it is a stop: a stopword, or no word (a number)."""
    ends_clause = token.endswith(".") and not _is_abbreviation(token)
    bare = token[:-1] if ends_clause else token
    word = bare[:-2] if bare.endswith(_POSSESSIVES) else bare
    # (The cheap tests of `_strip_particle`, `_is_stopword` and `_is_wordlike` first.)
    if len(word) >= 3 and _HANGUL_FIRST <= word[-1] <= _HANGUL_LAST:
        word = _strip_particle(word)
    # A possessive ends its phrase: "the Sheriff's Office" has no "Sheriff Office".
    ends_clause = ends_clause or word != bare
    # A stopword or a number ends a phrase.
    stop = (
        word.lower().replace("’", "'") in stopwords
        and not _may_name(word, index, capitals_mark_names)
    ) or not (word[:1].isalpha() or _is_wordlike(word))
    return word, ends_clause, stop


def _phrases(sentence: str, readings: _TokenReadings) -> list[tuple[tuple[str, ...], str, bool]]:
    """(lower-cased words, surface form, starts the sentence) for each candidate phrase."""
    found: list[tuple[tuple[str, ...], str, bool]] = []
    run: list[tuple[str, int]] = []
    previous_end = 0
    matches = list(_TOKEN.finditer(sentence))
    tokens = [match.group(0) for match in matches]
    shouted = _shouted(matches, tokens)
    unspaced = UNSPACED_CHAR.search(sentence) is not None
    first, inner = readings.first, readings.inner
    for index, token in enumerate(tokens):
        start, end = matches[index].span()
        gap_start, previous_end = previous_end, end
        # (The cache looked up here: most tokens were read before, and a call costs more.)
        reading = (inner if index else first).get(token) or readings.of(token, index)
        word, ends_clause, stop = reading
        # Punctuation between two tokens ends a phrase; so does a stop.
        if run and (stop or sentence[gap_start:start].strip()):
            _run_phrases(run, shouted, unspaced, found)
            run = []
        if stop:
            continue
        run.append((word, index))
        if ends_clause:
            _run_phrases(run, shouted, unspaced, found)
            run = []
    if run:
        _run_phrases(run, shouted, unspaced, found)
    return found


def _shouted(matches: list[re.Match[str]], tokens: list[str]) -> set[int]:
    """Indexes of capitals-only words that stand beside another (a line in capitals: "LOTS AND
    LOTS of changes", an ad label) or are longer than an acronym ("PUBLICIDADE"); `tokens`:
    the matches' texts."""
    # (`_is_capitals` is false for a token that is not upper case: most are not.)
    loud = [token.isupper() and _is_capitals(token) for token in tokens]
    if not any(loud):
        return set()
    # Two words stand beside each other when only spaces part them ("CGT, SUD" do not).
    beside = [
        not matches[index].string[matches[index - 1].end() : matches[index].start()].strip()
        for index in range(1, len(matches))
    ]
    return {
        index
        for index, match in enumerate(matches)
        if loud[index]
        and (
            len(tokens[index]) > _MAX_ACRONYM_CHARS
            or (index > 0 and loud[index - 1] and beside[index - 1])
            or (index + 1 < len(loud) and loud[index + 1] and beside[index])
        )
    }


def _is_capitals(token: str) -> bool:
    if not token.isupper():  # cheap, and true whenever the test below is
        return False
    letters = [char for char in token if char.isalpha()]
    return len(letters) >= 2 and all(char.isupper() for char in letters)


def _is_stopword(
    word: str, index: int, stopwords: frozenset[str], capitals_mark_names: bool
) -> bool:
    """A listed stopword, unless it is a capitalised longer word inside the sentence (a name,
    where capitals mark names: "Menschen" and "Beispiel" are German nouns on the list)."""
    if word.lower().replace("’", "'") not in stopwords:
        return False
    return not _may_name(word, index, capitals_mark_names)


def _may_name(word: str, index: int, capitals_mark_names: bool) -> bool:
    """A capitalised longer word inside the sentence, where capitals mark names: a name even
    when a stopword list has it (the test `_is_stopword` makes of a listed word)."""
    capitalised = index > 0 and word[:1].isupper() and capitals_mark_names
    return capitalised and len(word) > _MAX_STOPWORD_NAME_CHARS


def _strip_particle(word: str) -> str:
    """Korean attaches particles to nouns ("엘제이의" = "of LJ"): drop a trailing one."""
    if len(word) < 3 or not _HANGUL_FIRST <= word[-1] <= _HANGUL_LAST:
        return word
    for particle in _KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _is_elided_name(word: str) -> bool:
    """A name behind an elided lower-case particle ("d’Orsay" in "Quai d’Orsay"): capitalised
    as a name is, after its apostrophe."""
    elision = _ELISION.match(word)
    return elision is not None and word[elision.end() : elision.end() + 1].isupper()


def _is_wordlike(token: str) -> bool:
    """A token with at least one letter (numbers and dates are not keyphrases)."""
    # Most tokens open on a letter: test that before walking the characters.
    return token[:1].isalpha() or any(char.isalpha() for char in token)


def _is_abbreviation(token: str) -> bool:
    """Dotted initials such as "U.S." keep their final dot."""
    return token.count(".") >= 2


def _run_phrases(
    run: list[tuple[str, int]],
    shouted: set[int],
    unspaced_sentence: bool,
    found: list[tuple[tuple[str, ...], str, bool]],
) -> None:
    """Every 1..MAX_PHRASE_WORDS-word slice of a stopword-free run of tokens, added to `found`;
    an unspaced token (CJK) gives its own terms and is part of no longer phrase. A slice with
    a shouted word has no surface form (""): it counts, but says nothing about casing.
    `unspaced_sentence`: the sentence has an unspaced character (else no token needs the
    test)."""
    if len(run) == 1 and not unspaced_sentence:
        # Most runs are one word (stopwords stand between most words): no longer slice.
        token, index = run[0]
        if _is_keyword(token):
            found.append(((token.lower(),), "" if index in shouted else token, index == 0))
        return
    tokens = [token for token, _ in run]
    unspaced = (
        [UNSPACED_CHAR.search(token) is not None for token in tokens]
        if unspaced_sentence
        else [False] * len(tokens)
    )
    lowered = [token.lower() for token in tokens]
    loud = [index in shouted for _, index in run] if shouted else [False] * len(run)
    for start in range(len(run)):
        starts = run[start][1] == 0
        if unspaced[start]:
            found.extend(_unspaced_phrases(tokens[start], starts))
            continue
        if _is_keyword(tokens[start]):
            found.append(((lowered[start],), "" if loud[start] else tokens[start], starts))
        for end in range(start + 2, min(start + MAX_PHRASE_WORDS, len(run)) + 1):
            if unspaced[end - 1]:
                break
            form = "" if any(loud[start:end]) else " ".join(tokens[start:end])
            found.append((tuple(lowered[start:end]), form, starts))


def _is_keyword(token: str) -> bool:
    """A lone word worth a tag: not tiny, unless an acronym such as "EU"."""
    if len(token) >= 4:
        return True
    # Hangul and Indic words are short in characters: a two-character word is a real word.
    latin = all(ord(char) < _END_OF_LATIN for char in token)
    return len(token) >= 2 and (token.isupper() or not latin)


def _unspaced_phrases(token: str, starts: bool) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """Terms of an unspaced run: its kana-delimited segments, or in long ones their katakana
    words whole and n-grams of the rest."""
    for segment in _HIRAGANA.split(token):
        if len(segment) < 2:
            continue
        if len(segment) <= _UNSPACED_TERM_CHARS:
            yield (segment,), segment, starts
            continue
        parts = _KATAKANA_RUN.split(segment)
        for at, part in enumerate(parts):
            if _KATAKANA_RUN.fullmatch(part):
                if not _glued_to_latin(parts, at):
                    yield (part,), part, starts
            elif len(part) >= 2:
                yield from _unspaced_ngrams(part, starts)


def _glued_to_latin(parts: list[str], at: int) -> bool:
    """The katakana word `parts[at]` touches a Latin letter ("フリー" of "フリーWi-Fi",
    "プロテクション" of "Wi-Fiプロテクション"): a piece of a word written in both scripts, no
    term of its own. `parts`: a segment split on its katakana runs (kept)."""
    before = parts[at - 1][-1:] if at > 0 else ""
    after = parts[at + 1][:1] if at + 1 < len(parts) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _unspaced_ngrams(segment: str, starts: bool) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """The character n-grams of a long unspaced segment (Chinese, Thai, Japanese kanji)."""
    for size in _UNSPACED_NGRAMS:
        for start in range(len(segment) - size + 1):
            gram = segment[start : start + size]
            # Latin letters inside a CJK run ("フリーWi-Fiプロテクション") are not cut up.
            if UNSPACED_RUN.fullmatch(gram):
                yield (gram,), gram, starts


def _merge_inflections(candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """Count the inflected forms of one phrase as one ("Münzwürfe" in the headline, "Münzwurf"
    in the text; "Polski", "Polska"): the most frequent form takes the others' occurrences."""
    # A word stands in several candidates ("lavrov", "sergey lavrov"): each is folded once.
    distinct = {word for words in candidates for word in words}
    folds = {word: folded(word) for word in distinct}
    # Each word's bucket key cut once, as each is folded once (most candidates are one word).
    heads = {word: fold[:_INFLECTION_BUCKET_CHARS] for word, fold in folds.items()}
    buckets: dict[tuple[str, ...], list[_Candidate]] = defaultdict(list)
    for words, candidate in candidates.items():
        if words[0].isascii() or not candidate.unspaced:  # (most words are ASCII)
            key = (heads[words[0]],) if len(words) == 1 else tuple(map(heads.__getitem__, words))
            buckets[key].append(candidate)
    for group in buckets.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda c: (-c.count, c.words))
        # Each member's folded words once, not again for every pair it is compared in (a
        # bucket's members have as many words as its key).
        group_folds = [tuple(map(folds.__getitem__, member.words)) for member in group]
        merged: set[int] = set()
        for i, head in enumerate(group):
            if i in merged:
                continue
            head_folds = group_folds[i]
            for j in range(i + 1, len(group)):
                other = group[j]
                if j in merged or not all(map(same_folded_word, head_folds, group_folds[j])):
                    continue
                head.count += other.count
                head.capitalised_inside += other.capitalised_inside
                head.forms.update(other.forms)
                head.in_headline = head.in_headline or other.in_headline
                merged.add(j)
                del candidates[other.words]


def _fold_words_into_names(candidates: dict[tuple[str, ...], _Candidate], text: str) -> None:
    """Let a surname ("Lavrov") count for the recurring full name ("Sergey Lavrov") whose
    other words hardly occur alone; "India Russia" does not swallow "Russia". A name of two
    words written whole only once takes a surname the text keeps using (`_stands_for_a_name`):
    news writes the full name at first mention and the surname after it ("Tanner Morgan",
    then "Morgan": the text says the surname first in that name, `_first_mention`)."""
    containing: dict[str, list[_Candidate]] = defaultdict(list)
    once: list[_Candidate] = []
    for name in candidates.values():
        # (Lengths and counts first: most phrases, said once and longer than two words, are
        # neither kind of name below, and `is_name` reads the forms.)
        if len(name.words) < 2 or (name.count < 2 and len(name.words) != 2):
            continue
        if not name.is_name:
            continue
        if name.count < 2:
            if len(name.words) == 2:
                once.append(name)
            continue
        if _given_names_rare(name, candidates):
            containing[name.words[-1]].append(name)
    for name in once:
        lone = candidates.get(name.words[-1:])
        if (
            lone is not None
            and _stands_for_a_name(lone)
            and _given_names_rare(name, candidates)
            and not _opens_on_no_given_name(name.words[0])
            and _first_mention(name, lone, text)
        ):
            containing[name.words[-1]].append(name)
    for words, candidate in list(candidates.items()):
        if len(words) != 1 or not containing.get(words[0]):
            continue
        best = max(containing[words[0]], key=lambda name: (name.count, -len(name.words)))
        best.mentions = max(best.mentions, candidate.count)
        best.in_headline = best.in_headline or candidate.in_headline
        del candidates[words]


def _opens_on_no_given_name(word: str) -> bool:
    """`word` (lower-cased) before a name is no given name: a day or a month ("on Tuesday
    Morgan"), a region's qualifier ("East Jerusalem" is not Jerusalem) or an office ("President
    Biden")."""
    return word in _NO_GIVEN_NAMES or is_calendar_word(word)


def _first_mention(name: _Candidate, surname: _Candidate, text: str) -> bool:
    """`text` says `surname` first in `name`, written whole there: a person introduced ("Tanner
    Morgan", then "Morgan"), not a place or a thing named alone before ("Jupiter", then "the
    Galileo Jupiter probe")."""
    full, alone = name.main_form, surname.main_form
    at = text.find(full)
    if at < 0 or not full.endswith(alone):
        return False
    first = next(_word_starts(alone, text), None)
    return first is not None and first == at + len(full) - len(alone)


def _given_names_rare(name: _Candidate, candidates: dict[tuple[str, ...], _Candidate]) -> bool:
    """The words of `name` before its last hardly occur without it (at most once more)."""
    given_names = [candidates.get((word,)) for word in name.words[:-1]]
    return all(alone is None or alone.count <= name.count + 1 for alone in given_names)


def _stands_for_a_name(candidate: _Candidate) -> bool:
    """A lone name, not an acronym ("NASCAR" of "Monster Energy NASCAR Cup"), that the text
    keeps using (`MIN_NAME_MENTIONS` times), where capitals mark names: a surname standing for
    a name written whole once."""
    return (
        not candidate.nouns_capitalised
        and candidate.count >= MIN_NAME_MENTIONS
        and candidate.is_name
        and not candidate.main_form.isupper()
    )


def _fold_words_into_phrases(candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """A word used mostly inside one recurring phrase gives way to it: "nucleares" to "armas
    nucleares" when at least half of its uses are in the phrase."""
    best: dict[str, _Candidate] = {}
    for phrase in candidates.values():
        if len(phrase.words) < 2 or phrase.count < 2 or not phrase.is_phrase:
            continue
        for word in phrase.words:
            if word not in best or phrase.count > best[word].count:
                best[word] = phrase
    for word, phrase in best.items():
        alone = candidates.get((word,))
        if alone is None or phrase.count * 2 < alone.count:
            continue
        phrase.mentions = max(phrase.mentions, alone.count)
        phrase.in_headline = phrase.in_headline or alone.in_headline
        del candidates[(word,)]


def _drop_partial_unspaced_terms(candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """Drop a CJK n-gram that only ever occurs inside one longer n-gram ("究报" in "研究报告")."""
    dominated: set[tuple[str, ...]] = set()
    for words, candidate in candidates.items():
        term = words[0]
        if not candidate.unspaced or len(term) < 3:
            continue
        for part in (term[:-1], term[1:]):
            shorter = candidates.get((part,))
            if shorter is not None and shorter.count <= candidate.count:
                dominated.add((part,))
    for words in dominated:
        del candidates[words]


def _is_generic_word(candidate: _Candidate, language: str | None, text_words: int) -> bool:
    """A lone word that is no name (lower-case in the text, or capitalised only where a
    sentence or a Title Case line starts) that the text of `text_words` words uses less than
    `MIN_COMMON_WORD_LIFT` times as often as the language does: a common word the article
    happens to say ("offer", "conversation", "data"), not its topic. Where capitals mark names
    only; unknown to the list (rare, or a language it lacks): no verdict. A CJK term shows no
    capital, and so is known for no common word either: it is asked as a name is
    (`_is_passing_word`)."""
    return (
        not candidate.is_name
        and not candidate.unspaced
        and _said_less_than(candidate, language, text_words, MIN_COMMON_WORD_LIFT)
    )


def _is_headline_echo(candidate: _Candidate, language: str | None) -> bool:
    """A lone common word of the headline that the text says only once more ("Erwachsene",
    "Schwerpunkte", "Interview"), where every noun has a capital (so none is known for a
    name): a word the headline passes by, not the article's topic. A rare word or compound
    ("Kohleausstieg", "Böllerverzicht", one wordfreq's list has not or gives less than
    `MAX_ECHO_WORD_FREQUENCY`) names its topic however seldom the text says it."""
    if len(candidate.words) != 1 or candidate.unspaced or not candidate.in_headline:
        return False
    if max(candidate.count, candidate.mentions) >= MIN_NAME_MENTIONS:
        return False
    return common_word_frequency(candidate.words[0], language) >= MAX_ECHO_WORD_FREQUENCY


def _is_passing_word(candidate: _Candidate, language: str | None, text_words: int) -> bool:
    """A lone word, a name too, that the text of `text_words` words uses less than
    `MIN_PASSING_WORD_LIFT` times as often as the language does (see `_is_generic_word`, which
    asks more of a word known for no name): a word the article passes by."""
    return _said_less_than(candidate, language, text_words, MIN_PASSING_WORD_LIFT)


def _said_less_than(
    candidate: _Candidate, language: str | None, text_words: int, lift: float
) -> bool:
    """A lone word that the text of `text_words` words uses less than `lift` times as often
    as `language` does (no verdict on a word its list lacks)."""
    if len(candidate.words) != 1 or not text_words:
        return False
    frequency = common_word_frequency(candidate.words[0], language)
    uses = max(candidate.count, candidate.mentions)
    return bool(frequency) and uses / text_words < lift * frequency


def _reads_as(languages: Languages, text: str, declared: str | None) -> bool:
    """Most words of `text` are common words of one of the page's languages (wordfreq's lists
    of them): not placeholder text ("Lorem ipsum dolor sit amet…", which the stopword lists
    take for Latin) nor a language the page does not declare. Judged on text in the Latin
    alphabet only (a list holds words as an unspaced or agglutinating script does not write
    them), and not where the page declares a language that the lists lack and the text reads
    as one they lack."""
    unlisted = languages.main and not has_common_words(languages.main)
    if unlisted and declared and not has_common_words(language_code(declared)):
        return True
    # Plain words only (letters, no inner hyphen or apostrophe): enough for a share.
    tokens = [token for token in text[:_READ_SAMPLE_CHARS].lower().split() if token.isalpha()]
    latin = [
        token
        for token in tokens
        if token.isascii() or all(ord(char) < _END_OF_LATIN for char in token)
    ]
    if len(latin) * 2 < len(tokens) or not latin:
        return True
    return _mostly_known(latin, [code for code in languages.codes if has_common_words(code)])


def _mostly_known(tokens: list[str], codes: list[str]) -> bool:
    """At least MIN_KNOWN_WORDS_SHARE of `tokens` are in the list of one of `codes` (true when
    none has a list). Each list is read only for the tokens the lists before it lack, and
    only while they may matter: the page's first language (English on most pages, beside a
    second code) usually settles it, and a list read costs a few milliseconds (the lists
    kept are few, WORD_LISTS_KEPT)."""
    needed = len(tokens) * MIN_KNOWN_WORDS_SHARE
    unknown = tokens
    listed = False
    for code in codes:
        words = common_words(code)
        if not words:
            continue
        listed = True
        unknown = [token for token in unknown if token not in words]
        if len(tokens) - len(unknown) >= needed:
            return True
    return not listed


def _after_dative_article(candidate: _Candidate, lines: str) -> bool:
    """A German run of capitalised words opening on a word in "-n" that mostly follows "den"
    ("in den Bereichen Geotechnik", "den Kategorien Environment") is a plural noun in the
    dative and what it lists, a fragment of the sentence rather than a name. `lines`: the
    sentences, one a line."""
    if len(candidate.words) < 2 or not candidate.words[0].endswith("n") or not candidate.forms:
        return False
    form = candidate.main_form
    if not form[:1].isupper():
        return False
    uses = lines.count(form)
    after = lines.count(f"den {form}")
    return after * 2 >= uses > 0


def _select(
    candidates: list[_Candidate], limit: int, capitals_mark_names: bool
) -> list[_Candidate]:
    """The best sure phrases, each sharing no word with a better one, in score order."""
    usable = [
        c
        for c in candidates
        if c.is_sure(capitals_mark_names) and c.is_phrase and not _is_code(c.main_form)
    ]
    ranked = sorted(usable, key=lambda c: (-c.score(), -len(c.words), c.words))
    if not ranked:
        return []
    floor = ranked[0].score() * RELATIVE_SCORE_FLOOR
    chosen: list[_Candidate] = []
    used: list[str] = []
    for candidate in ranked:
        if len(chosen) >= limit:
            # Joined lone words leave room for the next phrases.
            chosen = _join_common_words(chosen, candidates)
        if len(chosen) >= limit or candidate.score() < floor:
            break
        keys = _overlap_keys(candidate)
        if any(same_word(key, other) for key in keys for other in used):
            continue
        chosen.append(candidate)
        used += keys
    return _join_words_into_names(_join_common_words(chosen, candidates), ranked)


def _join_words_into_names(chosen: list[_Candidate], ranked: list[_Candidate]) -> list[_Candidate]:
    """Lone-word tags that are every word of one sure name ("light", "Amsterdam" and
    "festival" of "Amsterdam Light Festival") are pieces of it: the name, the best of them if
    several, takes the first piece's place and the other pieces go. `ranked`: the sure
    phrases in score order."""
    lone = {c.words[0]: c for c in chosen if len(c.words) == 1 and not c.unspaced}
    if len(lone) < 2:
        return chosen
    result = list(chosen)
    for name in ranked:
        if len(name.words) < 2 or not name.is_name or name in result:
            continue
        pieces = [lone.get(word) for word in name.words]
        if not all(piece is not None and piece in result for piece in pieces):
            continue
        # (A set: a name may say one word twice, "Bora Bora".)
        places = sorted({result.index(piece) for piece in pieces if piece is not None})
        result[places[0]] = name
        for place in reversed(places[1:]):
            del result[place]
    return result


def _is_code(phrase: str) -> bool:
    """A phrase with an identifier of code in it: a word in camelCase ("componentMetadata",
    "setUpClass"; not "iPhone", "eBay", "macOS") or one of four capitalised parts or more
    ("StaticLiveServerTestCase"; not "WebAssembly", "PlayStation"). A code sample's tokens
    recur, but they are no topic a reader looks for."""
    return any(_CAMEL_CASE.match(word) or _MANY_PARTS.match(word) for word in phrase.split())


def _join_common_words(chosen: list[_Candidate], candidates: list[_Candidate]) -> list[_Candidate]:
    """Two lone common words the text keeps writing together ("tarot" and "cards": "tarot
    cards") are one topic: the phrase takes the better one's place and the other goes; so
    does a later lone common word the text writes beside a word of that phrase ("deck":
    "card deck")."""
    lone = [c for c in chosen if len(c.words) == 1 and not c.is_name and not c.unspaced]
    if len(lone) < 2:
        return chosen
    pairs = [
        c
        for c in candidates
        if len(c.words) == 2 and c.count >= 2 and c.is_phrase and not c.is_name
    ]

    def pair_of(first: str, second: str) -> _Candidate | None:
        for pair in pairs:
            a, b = pair.words
            if (same_word(a, first) and same_word(b, second)) or (
                same_word(a, second) and same_word(b, first)
            ):
                return pair
        return None

    joined: list[_Candidate] = []  # the lone words' places, each perhaps taken by a phrase
    result = list(chosen)
    for word in lone:
        found = next(
            (
                (index, pair)
                for index, topic in enumerate(joined)
                for part in topic.words
                if (pair := pair_of(part, word.words[0])) is not None
            ),
            None,
        )
        if found is None:
            joined.append(word)
            continue
        index, pair = found
        place = result.index(joined[index])
        if len(joined[index].words) == 1:
            result[place] = joined[index] = pair
        result.remove(word)
    return result


def _join_names_the_text_writes(
    chosen: list[str], candidates: dict[tuple[str, ...], _Candidate]
) -> list[str]:
    """Two lone-name tags the text writes side by side as a recurring name ("Marco" and
    "Arment", where it says "Marco Arment" and then mostly "Marco") are one person: the name as
    the text writes it takes the better tag's place and the other goes."""
    joined = list(chosen)
    for tag in chosen:
        if tag not in joined or not _is_lone_name(tag):
            continue
        for other in joined:
            if other == tag or not _is_lone_name(other):
                continue
            pair = candidates.get((tag.lower(), other.lower()))
            if pair is None or pair.count < 2 or not pair.is_name or not pair.forms:
                continue
            first, second = sorted((tag, other), key=joined.index)
            joined[joined.index(first)] = _display_form(pair)
            joined.remove(second)
            break
    return joined


def _join_split_names(
    chosen: list[str], title: str, text: str, stopwords: frozenset[str]
) -> list[str]:
    """Two capitalised lone-word tags that stand side by side in the headline and recur so in
    the text are one name split in two ("Jose" and "Mourinho"); so are two with a stopword
    between them inside quotes ("Zentrum" and "Berg" of „Zentrum am Berg“). The headline's span
    replaces the first tag, the second goes. The text must write the span with its capitals:
    in a Title Case headline they prove nothing ("Scrape Google")."""
    tokens = list(_TOKEN.finditer(title))
    where = {match.group(0).rstrip(".").lower(): index for index, match in enumerate(tokens)}
    joined = list(chosen)
    for tag in chosen:
        start = where.get(tag.lower())
        if start is None or tag not in joined or not _is_lone_name(tag):
            continue
        partners = {other.lower(): other for other in joined if other != tag}
        for end in (start + 1, start + 2):
            second = partners.get(tokens[end].group(0).lower()) if end < len(tokens) else None
            if second is None or not _is_lone_name(second):
                continue
            span = title[tokens[start].start() : tokens[end].end()]
            between = [token.group(0) for token in tokens[start + 1 : end]]
            if span != " ".join([tokens[start].group(0), *between, tokens[end].group(0)]):
                continue  # punctuation between them: "Bitcoin (BTC)", "Gitarre & Bass"
            if between and not (between[0].lower() in stopwords and _quoted(title, span)):
                continue
            if span not in text:
                continue
            joined[joined.index(tag)] = span
            joined.remove(second)
            break
    return joined


def _uncut_name(tag: str, title: str, text: str, stopwords: frozenset[str]) -> str:
    """A multi-word name the headline goes on with a capitalised word is cut mid-name ("Milan
    Design" of "Milan Design Week 2018" where the text misspells the rest): the headline's
    longer name. The text too must go on with a capitalised word wherever it says the name:
    in a Title Case headline every word has a capital ("Joe Biden Wins"). A name the headline
    does not say, the text's one next word makes whole (`_one_continuation`)."""
    if " " not in tag or not tag[:1].isupper():
        return tag
    # Where the text says the tag, found once for both tests below. Not only as words of their
    # own: a use going on with letters ("International Spacesuit", an inflected "Falubazu")
    # is one not followed by the name's next word, so no name is made longer there.
    uses = list(_starts(tag, text))
    if not _always_continued(tag, text, uses):
        return tag
    at = title.find(tag)
    if at < 0:
        # Nor where the text goes on with one word each time ("International Space" of
        # "International Space Station", the phrase cut at its longest).
        word = _one_continuation(tag, text, uses)
    else:
        following = _TOKEN.match(title, at + len(tag) + 1)
        if title[at + len(tag) : at + len(tag) + 1] != " " or following is None:
            return tag
        word = following.group(0)
    if not word[:1].isupper() or not word.isalpha() or word.lower() in stopwords:
        return tag
    if word.isupper() and len(word) > _MAX_ACRONYM_CHARS:  # shouted: "OFFROAD"
        return tag
    return f"{tag} {word}"


def _opened_name(tag: str, text: str, stopwords: frozenset[str]) -> str:
    """A multi-word name the text writes, twice at least, each time after one capitalised word
    is that word's name cut at its start ("History Month" of "Women’s History Month", "York
    City" of "New York City"): the name whole. Not after a stopword, an office or a day
    ("President", "Tuesday": `_opens_on_no_given_name`) nor one shouted, and not a name opening
    on an office ("President Tsai"). Where capitals mark names only."""
    if " " not in tag or not tag[:1].isupper() or _opens_on_no_given_name(tag.split()[0].lower()):
        return tag  # (an office is no part of a name: "President Tsai")
    opening = ""
    uses = 0
    for at in _word_starts(tag, text):
        before = _WORD_BEFORE.search(text, max(0, at - _WORD_BEFORE_CHARS), at)
        if before is None or before.group(2) != " " or opening not in ("", before.group(1)):
            return tag
        opening = before.group(1)
        uses += 1
    bare = opening.lower().replace("’", "'").removesuffix("'s")
    if uses < 2 or not opening[:1].isupper() or bare in stopwords:
        return tag
    if _opens_on_no_given_name(bare) or (opening.isupper() and len(opening) > _MAX_ACRONYM_CHARS):
        return tag
    return f"{opening} {tag}"


def _is_piece_of_names(candidate: _Candidate, text: str, language: str | None) -> bool:
    """A lone capitalised common word of `language` (wordfreq's list has it: not a rare name,
    "Emacspeak") that `text` writes in small letters too (a common noun), and in
    half its uses or more with the capitalised word of a longer name beside it (see
    `_name_around`; a road's or a unit's number counts: "1600E Road"), where no one name is
    the longer one (`_whole_name`): the capital is those names', the word alone is no topic
    ("Police" of "Inspector-General of Police", "Nigeria Police" beside "the police";
    "Energy" of "Department of Energy", "Energy Technology Plan" beside "renewable energy")."""
    if len(candidate.words) != 1 or candidate.unspaced:
        return False
    form = _display_form(candidate)
    if not _is_name_word(form) or not form[1:].islower():
        return False
    # (The cheap tests first: most names are never written in small letters.)
    small = sum(1 for _ in _word_starts(form.lower(), text))
    if not small or not common_word_frequency(form, language):
        return False
    named = list(_word_starts(form, text))
    inside = sum(1 for at in named if _beside_a_name_word(text, at, at + len(form)))
    return inside * 2 >= len(named) + small and _whole_name(form, text) == form


def _beside_a_name_word(text: str, start: int, end: int) -> bool:
    """The word from `start` to `end` of `text` has a capitalised word of its name right
    before or after it (`_name_around`), or the end of a longer one before it, a number's
    letters or a hyphenated word's part ("1600E Road", "Inspector-General of Police")."""
    if _name_around(text, start, end) != (start, end):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - _WORD_BEFORE_CHARS), start)
    if before is not None and before.group(1) in _NAME_LINKS:
        link_at = before.start(1)
        before = _WORD_BEFORE.search(text, max(0, link_at - _WORD_BEFORE_CHARS), link_at)
    if before is None or before.group(2) != " " or not before.start(1):
        return False
    glued = text[before.start(1) - 1]
    return glued.isdigit() or (glued == "-" and before.group(1)[:1].isupper())


def _whole_names(tags: list[str], title: str, text: str) -> list[str]:
    """Each lone-name tag as the longer name `text` mostly writes it in (`_whole_name`: "Big
    Machine", "Copa de Naciones"), unless the `title` writes it without that name (the topic:
    "Minecraft" of "Minecraft 1.8 - The Bountiful Update", where the text says "Minecraft
    Realms"); one made the same name as a tag before it goes ("Naciones" after "Copa de
    Naciones"), and so does a tag such a name now holds."""
    whole = [_whole_name(tag, text) for tag in tags]
    whole = [
        tag if name != tag and _holds_words(title, tag) and name not in title else name
        for name, tag in zip(whole, tags, strict=True)
    ]
    # A name sharing a word with a tag it does not hold is a second name beside that one
    # ("Rocket Pass" beside "Rocket League"): the tag stays as it was, no two tags share a word.
    whole = [
        name
        if name == tag
        or not any(
            _shares_a_word(name, other) and not _holds_words(name, other)
            for other in tags
            if other != tag
        )
        else tag
        for name, tag in zip(whole, tags, strict=True)
    ]
    made = [name for name, tag in zip(whole, tags, strict=True) if name != tag]
    kept: list[str] = []
    for name in whole:
        if name in kept or any(other != name and _holds_words(other, name) for other in made):
            continue
        kept.append(name)
    return kept


def _shares_a_word(one: str, other: str) -> bool:
    """`one` and `other` share a word, up to inflection (`same_word`)."""
    return any(
        same_word(first, second)
        for first in one.lower().split()
        for second in other.lower().split()
    )


def _holds_words(longer: str, shorter: str) -> bool:
    """`longer` says `shorter` as words of their own."""
    return next(_word_starts(shorter, longer), None) is not None


def _whole_name(tag: str, text: str) -> str:
    """A lone name that `text`, in half its uses or more, writes inside one longer name of
    `MAX_PHRASE_WORDS` words at most (with the capitalised words beside it and a link word
    between them, `_NAME_LINKS`; see `_name_around`) is a piece of that name, cut where a
    stopword split the phrases ("Machine" of "Big Machine", "Copa" and "Naciones" of "Copa de
    Naciones", "Cámara" of "Cámara de Diputados"): that name. A longer name is no tag: the
    piece stays."""
    if " " in tag or not tag[:1].isupper() or tag.isupper():
        return tag
    uses = list(_word_starts(tag, text))
    names: Counter[str] = Counter()
    for at in uses:
        start, end = _name_around(text, at, at + len(tag))
        if (start, end) != (at, at + len(tag)):
            names[text[start:end]] += 1
    if not names:
        return tag
    name, count = names.most_common(1)[0]
    parts = name.lower().split()
    if count * 2 < len(uses) or len(parts) > MAX_PHRASE_WORDS:
        return tag
    if any(one == two for one, two in pairwise(parts)):
        return tag  # a word said twice is text glued to itself ("Northward Northward prison")
    return name


def _name_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the name that the words from `start` to `end` are part of starts and ends: the
    capitalised words of a name before and after them (a link word only with one past it),
    `_MAX_WHOLE_NAME_WORDS` words in all at most."""
    room = _MAX_WHOLE_NAME_WORDS - len(text[start:end].split())
    while room > 0:
        found = _name_word_before(text, start)
        if found is None:
            break
        start, words = found
        room -= words
    while room > 0:
        found_end = _name_word_after(text, end)
        if found_end is None:
            break
        end, words = found_end
        room -= words
    return start, end


def _name_word_before(text: str, at: int) -> tuple[int, int] | None:
    """Where the name's capitalised word right before `at` starts and how many words that
    adds (two with a link word between: "Department of"), if one is there: not a sentence's
    first word, an article ("The Carlyle Group"), an office or a title right before it
    ("Governor Roper"), a possessive ("Braun’s Ithaca") nor the end of a longer word ("1600E
    Road", "Inspector-General")."""
    before = _WORD_BEFORE.search(text, max(0, at - _WORD_BEFORE_CHARS), at)
    if before is None or before.group(2) != " ":
        return None
    words = 1
    if before.group(1) in _NAME_LINKS:
        link_at = before.start(1)
        before = _WORD_BEFORE.search(text, max(0, link_at - _WORD_BEFORE_CHARS), link_at)
        if before is None or before.group(2) != " ":
            return None
        words = 2
    word, word_at = before.group(1), before.start(1)
    bare = word.lower()
    if not _is_name_word(word) or bare in _ARTICLES or bare in _HONORIFICS:
        return None
    if word_at and (_is_word_char(text[word_at - 1]) or text[word_at - 1] == "-"):
        return None  # the end of a longer word: "1600E Road", "Inspector-General of Police"
    if words == 1 and _opens_on_no_given_name(bare):
        return None  # (linked, an office is its name's: "Secretary of State")
    # (A few characters before it, not all: a copy of the text before each use is quadratic.)
    gap = text[max(0, word_at - _GAP_CHARS) : word_at].rstrip(" ")
    if not gap or gap[-1] in _SENTENCE_ENDS:
        return None
    return word_at, words


def _name_word_after(text: str, at: int) -> tuple[int, int] | None:
    """Where the name's capitalised word right after `at` ends and how many words that adds
    (two with a link word between: "de Naciones"), if one is there: not a month or a weekday
    ("Omar Monday") nor an office opening the next name ("Taiwanese President Tsai"), nor a
    word going on with other signs ("C++")."""
    if text[at : at + 1] != " ":
        return None
    following = _TOKEN.match(text, at + 1)
    words = 1
    if following is not None and following.group(0) in _NAME_LINKS:
        if text[following.end() : following.end() + 1] != " ":
            return None
        following = _TOKEN.match(text, following.end() + 1)
        words = 2
    if following is None:
        return None
    word, end = following.group(0), following.end()
    if not _is_name_word(word) or _opens_on_no_given_name(word.lower()):
        return None  # (an office opens the next name: "Taiwanese President Tsai")
    if end < len(text) and not (text[end].isspace() or text[end] in _NAME_END_MARKS):
        return None
    return end, words


def _is_name_word(word: str) -> bool:
    """A word that may be a name's: capitalised, letters only, two at least."""
    return len(word) > 1 and word[:1].isupper() and word.isalpha()


def _with_name_particles(tags: list[str], text: str, language: str | None) -> list[str]:
    """Names cut at their particles, which are stopwords ("Van der Bellen" as "Alexander Van"
    and "Bellen", "von der Leyen" as "Leyen"), whole again. A tag the text writes each time
    after "van der", "von der" or the like gets them when it is a name's end: the text writes
    a capitalised word before the particles at least once ("Ursula von der Leyen"), and the
    tag is no acronym nor a common word of the language (a preposition and its article: "von
    der ISS", "von der Polizei"). One ending on "Van" or "Von" that the text writes each time
    before "der" and a capitalised word takes them and that word. A tag a name made whole
    now ends with goes ("Bellen" of "Alexander Van der Bellen")."""
    whole: list[str] = []
    changed: list[str] = []
    for tag in tags:
        last = tag.rsplit(" ", 1)[-1]
        named = tag
        if last in _NAME_PARTICLE_HEADS:
            after = [match.group(1) for match in _after_particle(tag).finditer(text)]
            if (
                after
                and len(after) == _uses(tag, text)
                and len(set(after)) == 1
                and after[0].rsplit(" ", 1)[-1][:1].isupper()
            ):
                named = f"{tag} {after[0]}"
        elif (
            tag[:1].isupper()
            and not tag.isupper()
            and _after_particle_article(tag, text)
            and common_word_frequency(tag, language) < _MAX_PARTICLE_NAME_FREQUENCY
        ):
            found = list(_before_particle(tag).finditer(text))
            before = [match.group(2) for match in found]
            if (
                before
                and len(before) == _uses(tag, text)
                and len(set(before)) == 1
                and any((match.group(1) or "")[:1].isupper() for match in found)
            ):
                named = f"{before[0]} {tag}"
        whole.append(named)
        if named != tag:
            changed.append(named)
    return [
        tag
        for tag in whole
        if not any(other != tag and other.endswith(f" {tag}") for other in changed)
    ]


def _uses(phrase: str, text: str) -> int:
    """How often `text` says `phrase` as words of their own ("Leyen", not "Leyens")."""
    return sum(1 for _ in _word_starts(phrase, text))


def _after_particle(tag: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(tag)} ((?:der|den|dem) [^\W\d_][\w-]*)(?!\w)")


def _after_particle_article(tag: str, text: str) -> bool:
    """`text` writes `tag` right after a particle's article ("der Leyen"), as every match of
    `_before_particle(tag)` does: the cheap test first (that pattern is compiled for each tag
    and tried at every character of the text, and the word list is read for the tag)."""
    return any(f"{article} {tag}" in text for article in _PARTICLE_ARTICLES)


def _before_particle(tag: str) -> re.Pattern[str]:
    """The particles before `tag` (group 2) and the word before them, if any (group 1)."""
    return re.compile(
        rf"(?:(?<!\w)([^\W\d_][\w-]*) )?(?<!\w)((?:[Vv]an|[Vv]on) (?:der|den|dem)) "
        rf"{re.escape(tag)}(?!\w)"
    )


def _one_continuation(tag: str, text: str, uses: list[int]) -> str:
    """The one word `text` writes after `tag` each time it says it, twice at least; else "".
    `uses`: where `text` says `tag` (`_starts`)."""
    if len(uses) < 2:
        return ""
    found = {
        following.group(0)
        for at in uses
        if (following := _TOKEN.match(text, at + len(tag) + 1)) is not None
    }
    if len(found) != 1:
        return ""
    return found.pop().rstrip(".")


def _is_unit(tag: str, text: str, *, capitals_mark_names: bool = True) -> bool:
    """`text` writes `tag` after a number at least as often as not ("57.000 Euro", "99 Cent",
    "1,78 Meter", "4,5 Millionen Euro"): a unit or an amount's words, no topic. A year before
    a name ("the 2019 Davis Cup"), a postcode ("41539 Dormagen"), a list's rank ("71. Fred
    Durst", "No. 3 Georgia"), a score's or a date's end ("3-1 Viera", "9/11 Memorial") and a
    name's number ("Formula 1 Grand Prix") are no amounts (`_is_amount_before`)."""
    if tag not in text:
        return False
    uses = list(_word_starts(tag, text))
    if not uses:
        return False
    amounts = sum(1 for at in uses if _is_amount_before(text, at, capitals_mark_names))
    return amounts * 2 >= len(uses)


def _is_amount_before(text: str, at: int, capitals_mark_names: bool) -> bool:
    """`text` writes an amount right before `at`: a number, not one of a name (after a rank's
    mark, "No. 3 Georgia", "#1 Pick", or, where capitals mark names, after a capitalised word
    inside a sentence, "the Formula 1 Grand Prix", "Terminal 5", "the Jan. 6 Capitol attack";
    in German any noun has a capital: "Wirkstoff 1 Tablette")."""
    number = _AMOUNT_BEFORE.search(text, max(0, at - _AMOUNT_CHARS), at)
    if number is None:
        return False
    before = text[max(0, number.start() - _AMOUNT_CHARS) : number.start()]
    if _RANK_MARK.search(before):
        return False
    if not capitals_mark_names:
        return True
    words = before.split()
    word = words[-1].rstrip(".") if words and before[-1:].isspace() else ""
    if not (word.isalpha() and word[:1].isupper()) or len(words) < 2:
        return True
    # (A capitalised word opening a sentence proves nothing: "Tras 3 Ligas".)
    return words[-2][-1:] in '.!?:;"”»'


def _always_continued(tag: str, text: str, uses: list[int]) -> bool:
    """`tag` occurs in `text` (at `uses`, see `_starts`), each time followed by a space and a
    capitalised word."""
    found = [text[at + len(tag) : at + len(tag) + 2] for at in uses]
    return bool(found) and all(
        len(after) == 2 and after[0] == " " and after[1].isupper() for after in found
    )


def _starts(phrase: str, text: str) -> Iterator[int]:
    """Where `text` says `phrase` (not overlapping, left to right): what `re.finditer` of the
    escaped phrase finds, without a pattern compiled for each phrase (tags are many, and
    `re`'s cache of patterns is not)."""
    at = text.find(phrase) if phrase else -1
    while at >= 0:
        yield at
        at = text.find(phrase, at + len(phrase))


def _word_starts(phrase: str, text: str) -> Iterator[int]:
    """Where `text` says `phrase` as words of their own, no word character (`\\w`: a letter, a
    digit or "_") right before or after it: `(?<!\\w)phrase(?!\\w)`, found as `_starts` finds."""
    at = text.find(phrase) if phrase else -1
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not _is_word_char(text[at - 1])) and (
            end == len(text) or not _is_word_char(text[end])
        ):
            yield at
            at = text.find(phrase, end)
        else:
            at = text.find(phrase, at + 1)


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_lone_name(tag: str) -> bool:
    return " " not in tag and tag[:1].isupper()


def _quoted(title: str, span: str) -> bool:
    """`span` stands between quotation marks in `title`."""
    at = title.find(span)
    before, after = title[at - 1 : at], title[at + len(span) : at + len(span) + 1]
    return bool(before and after) and before in _OPENING_QUOTES and after in _CLOSING_QUOTES


def _overlap_keys(candidate: _Candidate) -> list[str]:
    """What two tags must not share: a word (up to inflection, see `same_word`), or for CJK a
    character pair."""
    if candidate.unspaced:
        term = candidate.words[0]
        return [term[i : i + 2] for i in range(len(term) - 1)]
    return [part for word in candidate.words for part in word.split("-") if part]


def _display_form(candidate: _Candidate) -> str:
    """The casing the article uses most, preferring a capitalised form for names. A lone
    German word shows as the shortest form the text writes that the chosen one extends by an
    ending ("Fenster", not the dative "Fenstern"; "Querdenker", not "Querdenkern")."""
    forms = candidate.forms.most_common()
    chosen = forms[0][0] if forms else " ".join(candidate.words)
    if candidate.is_name:
        chosen = next((form for form, _ in forms if form[:1].isupper()), chosen)
    if candidate.nouns_capitalised and len(candidate.words) == 1:
        stems = [
            form
            for form, _ in forms
            if len(form) >= _MIN_STEM_CHARS
            and chosen.startswith(form)
            and chosen[len(form) :] in _NOUN_ENDINGS
        ]
        chosen = min(stems, key=len, default=chosen)
    return chosen

"""The languages a page is written in, and their stopwords (from the stopwords-iso lists).

A page's declared language is often missing or wrong, so the language whose stopwords its text
uses most counts too; English is always one of them (it is everywhere on the web: buttons,
brand names, quotes). The lists are stopwordsiso's, shipped with the package: no download.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import stopwordsiso

from summarizer.claims.sentences import language_code
from summarizer.text import unify_apostrophes

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words read to guess the language: enough for a clear winner, and a bounded cost.
_SAMPLE_WORDS = 3000


@cache
def stopwords(code: str) -> frozenset[str]:
    """The stopwords of one language (ISO 639-1 code), lower-case; empty when unknown."""
    return frozenset(
        word.translate(_APOSTROPHES).casefold() for word in stopwordsiso.stopwords(code)
    )


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Every stopword of every list -> the languages it is a stopword of (built once)."""
    index: dict[str, list[str]] = {}
    for code in sorted(stopwordsiso.langs()):
        for word in stopwords(code):
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


@cache
def _language_sets() -> tuple[dict[str, int], list[tuple[str, ...]]]:
    """`_languages_of_word` as each stopword's number in a list of the distinct language sets
    (a few hundred for tens of thousands of words; built once)."""
    number: dict[tuple[str, ...], int] = {}
    sets: list[tuple[str, ...]] = []
    of_word: dict[str, int] = {}
    for word, codes in _languages_of_word().items():
        if codes not in number:
            number[codes] = len(sets)
            sets.append(codes)
        of_word[word] = number[codes]
    return of_word, sets


def words(text: str) -> list[str]:
    """The words of `text`, lower-case, apostrophes unified ("d’un" -> "d'un")."""
    return _WORD.findall(unify_apostrophes(text).replace("ʼ", "'").casefold())


@dataclass(frozen=True, slots=True)
class Languages:
    """A page's languages: those whose stopwords count (`codes`) and the one its text is
    written in (`main`, None when no list knows it)."""

    codes: tuple[str, ...]
    main: str | None


def page_languages(declared: str | None, texts: Iterable[str]) -> tuple[str, ...]:
    """English, the declared language (when the lists know it) and the language whose
    stopwords the texts use most."""
    return detect_languages(declared, texts).codes


def detect_languages(declared: str | None, texts: Iterable[str]) -> Languages:
    """`page_languages` and the text's own language, from one pass over the texts."""
    found = ["en"]
    code = language_code(declared) if declared else None
    if code and stopwordsiso.has_lang(code) and code not in found:
        found.append(code)
    best = _text_language(texts, prefer=code)
    if best and best not in found:
        found.append(best)
    return Languages(tuple(found), best)


def _text_language(texts: Iterable[str], *, prefer: str | None) -> str | None:
    """The language whose stopwords the texts use most (`prefer` wins a tie); None when the
    texts have no stopword of any list."""
    sample: Counter[str] = Counter()
    for text in texts:
        sample.update(words(text))
        if sum(sample.values()) >= _SAMPLE_WORDS:
            break
    hits = _language_hits(sample)
    if not hits:
        return None
    return max(hits, key=lambda lang: (hits[lang], lang == prefer, lang))


def _language_hits(sample: Counter[str]) -> dict[str, int]:
    """Each language's count of the stopwords of `sample` (word -> count) it lists."""
    # The words' counts summed by language set first: a page's stopwords fall in a few dozen.
    of_word, sets = _language_sets()
    by_set: dict[int, int] = {}
    for word, count in sample.items():
        number = of_word.get(word)
        if number is not None:
            by_set[number] = by_set.get(number, 0) + count
    hits: dict[str, int] = {}
    for number, count in by_set.items():
        for lang in sets[number]:
            hits[lang] = hits.get(lang, 0) + count
    return hits


def stopwords_of(languages: Iterable[str]) -> frozenset[str]:
    """The union of the stopwords of `languages`."""
    return _stopwords_union(tuple(languages))


# Pages come in a few language sets: each union (thousands of words) is built once per set.
_STOPWORD_UNIONS_CACHED = 64


@lru_cache(maxsize=_STOPWORD_UNIONS_CACHED)
def _stopwords_union(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(stopwords(code) for code in codes))


def capitalises_nouns(code: str | None) -> bool:
    """German and Luxembourgish write every noun with a capital: there a capital is no sign of
    a name."""
    return code in _NOUN_CAPITALISING


_NOUN_CAPITALISING = frozenset({"de", "lb"})

# Endings of finite verb forms that hardly any noun or adjective has (third person plural
# past and imperfect): "enviaram", "enviaron", "inviarono", "envoyaient".
_VERB_ENDINGS: dict[str, tuple[str, ...]] = {
    "pt": ("aram", "eram", "iram", "avam", "ariam", "eriam", "iriam"),
    "es": ("aron", "ieron", "aban", "arían", "erían", "irían"),
    "it": ("arono", "erono", "irono", "avano", "evano", "ivano"),
    "fr": ("aient", "èrent", "eraient", "iraient"),
}
# A shorter word with such an ending is often a noun ("veram", "Aron").
_MIN_VERB_CHARS = 6


def has_verb_endings(code: str | None) -> bool:
    """Whether `ends_like_verb` knows endings for language `code` (else it is always False)."""
    return bool(_VERB_ENDINGS.get(code or ""))


def ends_like_verb(word: str, code: str | None) -> bool:
    """`word` (lower case) ends as only a finite verb form does in language `code`."""
    endings = _VERB_ENDINGS.get(code or "", ())
    return bool(endings) and len(word) >= _MIN_VERB_CHARS and word.endswith(endings)


# Month and weekday names of the languages Skim meets most, by language: a date is not a
# topic ("June"). One language's month may be another's name ("Mayo", an Irish county;
# "Augustus", an emperor). French "mars" and Dutch "mei" are left out: a planet, a name.
_CALENDAR_WORDS_BY_LANGUAGE = {
    "en": """
        january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday
        """,
    "de": """
        januar jänner februar märz april mai juni juli august september oktober november
        dezember montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
        """,
    "fr": """
        janvier février avril mai juin juillet août septembre octobre novembre décembre
        lundi mardi mercredi jeudi vendredi samedi dimanche
        """,
    "es": """
        enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre
        noviembre diciembre lunes martes miércoles jueves viernes sábado domingo
        """,
    "pt": """
        janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro
        dezembro segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo
        """,
    "it": """
        gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
        dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica
        """,
    "nl": """
        januari februari maart april juni juli augustus september oktober november december
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
        """,
}
_CALENDAR_WORDS_OF = {
    code: frozenset(names.split()) for code, names in _CALENDAR_WORDS_BY_LANGUAGE.items()
}
_CALENDAR_WORDS = frozenset().union(*_CALENDAR_WORDS_OF.values())
# Languages that write month and day names in small letters inside a sentence ("el 5 de
# mayo"): a capital there marks a name ("la Clínica Mayo").
_SMALL_CALENDAR_LANGUAGES = frozenset({"fr", "es", "pt", "it", "nl"})


def is_calendar_word(word: str) -> bool:
    """A month or weekday name (lower-cased) in one of the common languages."""
    return word.casefold() in _CALENDAR_WORDS


def calendar_languages(word: str, codes: Sequence[str]) -> list[str]:
    """Those of the languages `codes` whose month or weekday names hold `word`; every known
    language's where `codes` holds none Skim has names for."""
    known = [code for code in codes if code in _CALENDAR_WORDS_OF] or list(_CALENDAR_WORDS_OF)
    key = word.casefold()
    return [code for code in known if key in _CALENDAR_WORDS_OF[code]]


def writes_calendar_small(code: str) -> bool:
    """Language `code` writes month and day names in small letters inside a sentence."""
    return code in _SMALL_CALENDAR_LANGUAGES


# Months as datelines shorten them ("Thursday Dec. 1"): a date only beside a calendar word
# ("Mar" alone is also a name, and Spanish for the sea).
_MONTH_ABBREVIATIONS_LIST = """
    jan feb mar apr jun jul aug sep sept oct nov dec okt dez févr avr juil déc ene abr ago dic
    """
_MONTH_ABBREVIATIONS = frozenset(_MONTH_ABBREVIATIONS_LIST.split())


def is_date_phrase(words: Sequence[str]) -> bool:
    """A month or weekday name, or words that are each one or a month's abbreviation with
    at least one name among them ("Thursday Dec", "Dec Thursday"): a date, no topic."""
    if len(words) == 1:
        return is_calendar_word(words[0])
    named = False
    for word in words:
        if is_calendar_word(word):
            named = True
        elif word.casefold().rstrip(".") not in _MONTH_ABBREVIATIONS:
            return False
    return named


# Two words are one up to inflection when they share a prefix this long that reaches within
# this many characters of the longer word's end ("Polska" ~ "Polski", "Baum" ~ "Bäume" once
# accents are folded, "China" ~ "Chinese"), never "Austria" ~ "Australia".
_MIN_SHARED_PREFIX = 4
_MAX_UNSHARED_TAIL = 3


def same_word(first: str, second: str) -> bool:
    """One word up to case, accents, plural and inflection (a light stemmer for any language
    that inflects at the end of the word)."""
    return same_folded_word(folded(first), folded(second))


def same_folded_word(a: str, b: str) -> bool:
    """`same_word` of two words already `folded` (a caller comparing many pairs folds each
    word once)."""
    if a == b:
        return True
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= _MIN_SHARED_PREFIX and shared >= max(len(a), len(b)) - _MAX_UNSHARED_TAIL


def folded(word: str) -> str:
    """Lower case, accents off: "Bäume" -> "baume"."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))

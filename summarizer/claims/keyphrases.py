"""Text -> a few keyphrases, the tags of a page that has none of its own.

A RAKE-style scorer: candidates are runs of up to three content words between stopwords (the
stopwords-iso lists of the page's languages, see `summarizer.languages`) and punctuation; a
candidate scores by how often it occurs, with more weight for names (words
capitalised in mid-sentence), for phrases in the headline and for multi-word phrases. A single
word that belongs to a recurring name gives way to the name ("Lavrov" -> "Sergey Lavrov").
"""

from __future__ import annotations

import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from summarizer.claims.sentences import split_sentences
from summarizer.claims.terms import WORD_CHAR
from summarizer.languages import page_languages, stopwords_of
from summarizer.text import UNSPACED_CHAR

logger = logging.getLogger(__name__)

MIN_KEYPHRASES = 3
MAX_PHRASE_WORDS = 3
# A phrase scoring below this share of the best one is noise, unless needed to reach the minimum.
RELATIVE_SCORE_FLOOR = 0.2
NAME_BOOST = 2.0
HEADLINE_BOOST = 2.0
EXTRA_WORD_BOOST = 0.5

# A token: letters/digits with the combining marks \w misses (Indic scripts), joined by inner
# hyphens, apostrophes, dots or ampersands ("U.S.", "AT&T", "Jean-Luc", "O'Neill").
_TOKEN = re.compile(rf"{WORD_CHAR}+(?:['’\-.&]{WORD_CHAR}+)*\.?")
_END_OF_LATIN = 0x250  # Basic Latin through Latin Extended-B
_POSSESSIVE = re.compile(r"['’]s$")
_HANGUL = re.compile(r"[\uac00-\ud7af]+")
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
# Unspaced scripts (CJK, Thai) have no word boundaries. Japanese kana particles split a run
# into kanji/katakana terms; a segment up to this long is a term, a longer one (Chinese, Thai)
# gives its character n-grams of these lengths; either must recur to count.
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")
_UNSPACED_TERM_CHARS = 6
_UNSPACED_NGRAMS = (2, 3, 4)


@dataclass(slots=True)
class _Candidate:
    """One phrase (keyed by its lower-cased words) with how it was seen."""

    words: tuple[str, ...]
    count: int = 0
    capitalised_inside: int = 0
    forms: Counter[str] = field(default_factory=Counter)
    in_headline: bool = False
    # Occurrences credited to this phrase, including those of a surname folded into it.
    mentions: int = 0

    @property
    def is_name(self) -> bool:
        """Every word capitalised, even where a sentence does not force it, in most uses."""
        form = self.forms.most_common(1)[0][0] if self.forms else ""
        if not all(word[:1].isupper() for word in form.split()):
            return False
        acronym = any(len(word) >= 2 and word.isupper() for word in form.split())
        return acronym or self.capitalised_inside * 2 >= self.count

    @property
    def is_phrase(self) -> bool:
        """A multi-word candidate is a name or a recurring all-lower-case phrase ("gold
        digger"); mixed ones ("Fisher told ABC") are usually a name glued to a verb."""
        if self.unspaced:
            return self.count >= 2 or self.in_headline
        if len(self.words) == 1:
            return True
        form = self.forms.most_common(1)[0][0]
        lower = all(word[:1].islower() for word in form.split())
        return self.is_name or (lower and self.count >= 2)

    @property
    def unspaced(self) -> bool:
        """A CJK or Thai term (one "word" of several characters)."""
        return UNSPACED_CHAR.search(self.words[0]) is not None

    @property
    def size(self) -> int:
        """Length in words; two characters of an unspaced term count as one word."""
        return max(1, len(self.words[0]) // 2) if self.unspaced else len(self.words)

    def score(self) -> float:
        """Occurrences, weighted up for length, names and headline phrases."""
        value = float(max(self.count, self.mentions)) * (1 + EXTRA_WORD_BOOST * (self.size - 1))
        if self.is_name:
            value *= NAME_BOOST
        if self.in_headline:
            value *= HEADLINE_BOOST
        return value


def keyphrases(title: str, text: str, language: str | None, limit: int = 6) -> list[str]:
    """Up to `limit` (at least 3 when the text allows) keyphrases, original casing, no repeats."""
    candidates: dict[tuple[str, ...], _Candidate] = {}
    # The headline counts as one more sentence: it names what the article is about.
    sentences = [title, *split_sentences(text, language)]
    # "New" opens too many names ("New Zealand", "New York") to split phrases on it.
    stopwords = stopwords_of(page_languages(language, sentences)) - {"new"}
    for sentence in sentences:
        # In Title Case Lines capitals are style, not evidence of a name.
        title_case = _is_title_case(sentence)
        for words, forms, starts_sentence in _phrases(sentence, stopwords):
            candidate = candidates.setdefault(words, _Candidate(words))
            candidate.count += 1
            candidate.forms[forms] += 1
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
    _fold_words_into_names(candidates)
    _drop_partial_unspaced_terms(candidates)
    return _select(list(candidates.values()), limit)


def _is_title_case(sentence: str) -> bool:
    """Most words of four letters or more start with a capital."""
    long_words = [word for word in sentence.split() if len(word) >= 4 and word[:1].isalpha()]
    capitalised = sum(1 for word in long_words if word[:1].isupper())
    return len(long_words) >= 3 and capitalised * 10 >= len(long_words) * 7


def _lower_words(text: str) -> list[str]:
    """The tokens of `text`, lower-cased, without a trailing dot."""
    return [token.rstrip(".").lower() for token in _TOKEN.findall(text)]


def _phrases(
    sentence: str, stopwords: frozenset[str]
) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """(lower-cased words, surface form, starts the sentence) for each candidate phrase."""
    run: list[tuple[str, int]] = []
    previous_end = 0
    for index, match in enumerate(_TOKEN.finditer(sentence)):
        token = match.group(0)
        gap = sentence[previous_end : match.start()]
        previous_end = match.end()
        ends_clause = token.endswith(".") and not _is_abbreviation(token)
        word = _strip_particle(_POSSESSIVE.sub("", token[:-1] if ends_clause else token))
        # Punctuation between two tokens ends a phrase; so does a stopword or a number.
        if gap.strip():
            yield from _run_phrases(run)
            run = []
        if _is_stopword(word, index, stopwords) or not _is_wordlike(word):
            yield from _run_phrases(run)
            run = []
            continue
        run.append((word, index))
        if ends_clause:
            yield from _run_phrases(run)
            run = []
    yield from _run_phrases(run)


def _is_stopword(word: str, index: int, stopwords: frozenset[str]) -> bool:
    """A listed stopword, unless it is a capitalised longer word inside the sentence (a name)."""
    if word.lower().replace("’", "'") not in stopwords:
        return False
    return not (index > 0 and word[:1].isupper() and len(word) > _MAX_STOPWORD_NAME_CHARS)


def _strip_particle(word: str) -> str:
    """Korean attaches particles to nouns ("엘제이의" = "of LJ"): drop a trailing one."""
    if len(word) < 3 or not _HANGUL.fullmatch(word[-1]):
        return word
    for particle in _KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


def _is_wordlike(token: str) -> bool:
    """A token with at least one letter (numbers and dates are not keyphrases)."""
    return any(char.isalpha() for char in token)


def _is_abbreviation(token: str) -> bool:
    """Dotted initials such as "U.S." keep their final dot."""
    return token.count(".") >= 2


def _run_phrases(run: list[tuple[str, int]]) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """Every 1..MAX_PHRASE_WORDS-word slice of a stopword-free run of tokens."""
    for start in range(len(run)):
        for end in range(start + 1, min(start + MAX_PHRASE_WORDS, len(run)) + 1):
            tokens = [token for token, _ in run[start:end]]
            if len(tokens) == 1 and UNSPACED_CHAR.search(tokens[0]):
                yield from _unspaced_phrases(tokens[0], run[start][1] == 0)
                continue
            if any(UNSPACED_CHAR.search(token) for token in tokens):
                continue
            if len(tokens) == 1 and not _is_keyword(tokens[0]):
                continue
            words = tuple(token.lower() for token in tokens)
            yield words, " ".join(tokens), run[start][1] == 0


def _is_keyword(token: str) -> bool:
    """A lone word worth a tag: not tiny, unless an acronym such as "EU"."""
    # Hangul and Indic words are short in characters: a two-character word is a real word.
    latin = all(ord(char) < _END_OF_LATIN for char in token)
    return len(token) >= 4 or (len(token) >= 2 and (token.isupper() or not latin))


def _unspaced_phrases(token: str, starts: bool) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """Terms of an unspaced run: its kana-delimited segments, or n-grams of long ones."""
    for segment in _HIRAGANA.split(token):
        if len(segment) < 2:
            continue
        if len(segment) <= _UNSPACED_TERM_CHARS:
            yield (segment,), segment, starts
            continue
        for size in _UNSPACED_NGRAMS:
            for start in range(len(segment) - size + 1):
                gram = segment[start : start + size]
                yield (gram,), gram, starts


def _fold_words_into_names(candidates: dict[tuple[str, ...], _Candidate]) -> None:
    """Let a surname ("Lavrov") count for the recurring full name ("Sergey Lavrov") whose
    other words hardly occur alone; "India Russia" does not swallow "Russia"."""
    containing: dict[str, list[_Candidate]] = defaultdict(list)
    for name in candidates.values():
        if len(name.words) < 2 or not name.is_name or name.count < 2:
            continue
        given_names = [candidates.get((word,)) for word in name.words[:-1]]
        if all(alone is None or alone.count <= name.count + 1 for alone in given_names):
            containing[name.words[-1]].append(name)
    for words, candidate in list(candidates.items()):
        if len(words) != 1 or not containing.get(words[0]):
            continue
        best = max(containing[words[0]], key=lambda name: (name.count, -len(name.words)))
        best.mentions = max(best.mentions, candidate.count)
        best.in_headline = best.in_headline or candidate.in_headline
        del candidates[words]


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


def _select(candidates: list[_Candidate], limit: int) -> list[str]:
    """The best phrases, each sharing no word with a better one, in score order."""
    usable = [candidate for candidate in candidates if candidate.is_phrase]
    ranked = sorted(usable, key=lambda c: (-c.score(), -len(c.words), c.words))
    if not ranked:
        return []
    floor = ranked[0].score() * RELATIVE_SCORE_FLOOR
    chosen: list[str] = []
    used_words: set[str] = set()
    for candidate in ranked:
        if len(chosen) >= limit:
            break
        if candidate.score() < floor and len(chosen) >= MIN_KEYPHRASES:
            break
        stems = _overlap_keys(candidate)
        if used_words & stems:
            continue
        chosen.append(_display_form(candidate))
        used_words |= stems
    return chosen


def _overlap_keys(candidate: _Candidate) -> set[str]:
    """What two tags must not share: a word (plural folded), or for CJK a character pair."""
    if candidate.unspaced:
        term = candidate.words[0]
        return {term[i : i + 2] for i in range(len(term) - 1)}
    return {_plural_stem(word) for word in candidate.words}


def _plural_stem(word: str) -> str:
    """ "ironclads" and "ironclad" are one tag."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _display_form(candidate: _Candidate) -> str:
    """The casing the article uses most, preferring a capitalised form for names."""
    forms = candidate.forms.most_common()
    if candidate.is_name:
        for form, _ in forms:
            if form[:1].isupper():
                return form
    return forms[0][0] if forms else " ".join(candidate.words)

"""The page's own tags, cleaned for a card: no button labels, no stopwords, no near-duplicates.

Tags come from the CMS (article:tag, JSON-LD keywords, a visible "Tags:" strip) and carry its
habits: index forms of names ("Bevin, Matthew", "Beshear, Andrew G (1977- )"), qualifiers
("Winter (Season)"), case and plural variants, UI labels that sit in the same strip ("Show
more") and stray function words ("d’un"). The card shows at most `MAX_CARD_TAGS`; tags the
article itself mentions go first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from summarizer.languages import same_word, stopwords_of, words
from summarizer.text import clean_text

MAX_CARD_TAGS = 5
# Function words are short: a longer word on a stopword list ("information", "Microsoft" on
# the broad English one) is a topic when a page tags it.
_MAX_STOPWORD_CHARS = 7
_UI_LABEL = re.compile(
    r"^\W*(?:show (?:more|less|all)|see (?:more|all)|load more|read more|more|less|all|next"
    r"|previous|back|home|menu|search|share|print|email|e-mail|tweet|like|follow|subscribe"
    r"|login|log in|sign in|sign up|register|comments?|reply|close|open|expand|collapse"
    r"|view (?:all|more)|mehr(?: anzeigen)?|weiter|zurück|teilen|drucken|voir plus|plus"
    r"|partager|ver más|ver mais|compartir|compartilhar|ещё|еще|показать (?:ещё|все)"
    r"|поделиться|もっと見る|更多|查看更多|더보기|untagged|uncategori[sz]ed|none|null|n/?a"
    r"|weiterlesen|mehr lesen|lire la suite|leer más|saiba mais|leggi (?:tutto|di più)"
    r"|general|other|misc|featured|news|(?:general|latest|breaking|top|recent|daily|more"
    r"|other|all|sports?) news|top stories|latest|video|videos|photos?)\W*$",
    re.IGNORECASE,
)
# "(1977- )", "(born 1950)": life dates after an index-form name.
_LIFE_DATES = re.compile(r"\s*\((?:[^()]*\d{3,4}[^()]*)\)\s*$")
# "Winter (Season)", "Mercury (planet)": a disambiguating qualifier.
_QUALIFIER = re.compile(r"\s*\([^()]{1,30}\)\s*$")
# "Bevin, Matthew", "Beshear, Andrew G": surname, given names (each capitalised, short).
_INDEX_NAME = re.compile(
    r"^(?P<last>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?), "
    r"(?P<first>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})$"
)


def card_tags(
    tags: Iterable[str],
    *,
    languages: Sequence[str],
    text: str = "",
    site_name: str | None = None,
    limit: int = MAX_CARD_TAGS,
) -> list[str]:
    """At most `limit` clean tags: UI labels, stopwords and the site's name dropped, index
    names turned round, qualifiers removed, near-duplicates merged (the first form wins; see
    `_near_duplicate`),
    tags the article `text` mentions before those it does not."""
    stop = stopwords_of(languages)
    site_key = _key(site_name) if site_name else None
    cleaned: list[str] = []
    kept: list[list[str]] = []
    for raw in tags:
        tag = readable_tag(raw)
        if not tag or _UI_LABEL.match(tag) or _is_stopword_tag(tag, stop):
            continue
        key = _key(tag)
        if not key or key == site_key:
            continue
        tag_words = key.split()
        if any(_near_duplicate(tag_words, other) for other in kept):
            continue
        kept.append(tag_words)
        cleaned.append(tag)
    folded_text = " " + " ".join(words(text)) + " "
    mentioned = [tag for tag in cleaned if f" {' '.join(words(tag))} " in folded_text]
    others = [tag for tag in cleaned if tag not in mentioned]
    return (mentioned + others)[:limit]


def readable_tag(tag: str) -> str:
    """One tag as a reader should see it: "Bevin, Matthew" -> "Matthew Bevin",
    "Winter (Season)" -> "Winter", whitespace and invisible characters cleaned."""
    tag = clean_text(tag).lstrip("#").strip(" ,;·|")
    tag = _LIFE_DATES.sub("", tag)
    tag = _QUALIFIER.sub("", tag)
    name = _INDEX_NAME.match(tag)
    if name:
        tag = f"{name['first']} {name['last']}"
    return tag.strip()


def _is_stopword_tag(tag: str, stop: frozenset[str]) -> bool:
    """Every word of the tag is a short function word of a page language ("d’un", "Deine")."""
    # Elided forms ("d’un", "c’est") are split into their parts (the lists hold "d", "c").
    found = [part for word in words(tag) for part in word.split("'")]
    return bool(found) and all(part in stop and len(part) <= _MAX_STOPWORD_CHARS for part in found)


def _near_duplicate(first: list[str], second: list[str]) -> bool:
    """Two tags for one topic: the same words up to inflection ("China", "Chinese"), or every
    word of one inside the other ("Essen" and "Stadt Essen", "Westviertel" and
    "Essen-Westviertel")."""
    if len(first) == len(second) and all(map(same_word, first, second)):
        return True
    shorter, longer = sorted((first, second), key=len)
    return all(any(same_word(word, other) for other in longer) for word in shorter)


def _key(tag: str) -> str:
    """What near-duplicates share: case, plural endings and separators folded."""
    return " ".join(_singular(word) for word in words(tag.replace("-", " ")))


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word

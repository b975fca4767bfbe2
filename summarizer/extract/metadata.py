"""Page metadata read from the untouched page: headline, byline, date, language, site and tags.

Everything comes from one walk over the parsed tree (meta/link tags, JSON-LD, `<title>`, `<h1>`,
microdata, bylines and visible tag lists), so the extractor can call this before it prunes anything.
The page is hostile: every value is bounded on entry (`limits.py`), URLs and dates that do not
parse are absent, and no step is more than linear in the page.
"""

from __future__ import annotations

import html
import itertools
import logging
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
import lxml.html

from summarizer.extract.hosts import labels_before_suffix
from summarizer.extract.jsonld import JsonLd, node_types, parse_jsonld
from summarizer.extract.limits import (
    MAX_AUTHOR_ELEMENTS,
    MAX_AUTHORS,
    MAX_BREADCRUMB_LABELS,
    MAX_BREADCRUMB_PIECES,
    MAX_BREADCRUMBS,
    MAX_BYLINE_CHARS,
    MAX_CANDIDATE_TEXT_CHARS,
    MAX_CRUMB_WORDS,
    MAX_DATE_CANDIDATES,
    MAX_DATE_CHARS,
    MAX_DATE_SEGMENT_CHARS,
    MAX_HEADINGS,
    MAX_JSONLD_NODES,
    MAX_LANGUAGE_CHARS,
    MAX_META_CHARS,
    MAX_META_KEYS_PER_TAG,
    MAX_NAMES,
    MAX_NAVIGATION_CHARS,
    MAX_NAVIGATION_LABEL_CHARS,
    MAX_NAVIGATION_LINKS,
    MAX_NAVIGATION_REGIONS,
    MAX_SITE_NAME_WORDS,
    MAX_TAG_CANDIDATES,
    MAX_TAG_CHARS,
    MAX_TAG_LABELS,
    MAX_TAG_LIST_CHARS,
    MAX_TAG_LIST_LINKS,
    MAX_TAGS,
    MAX_TITLE_CHARS,
    MAX_URL_CHARS,
)
from summarizer.text import (
    UNSPACED_CHAR,
    UNSPACED_SCRIPT_CHARS,
    normalise_space,
    squash,
    visible_text,
    word_count,
)

logger = logging.getLogger(__name__)

# Meta keys holding the headline, in order of trust (Dublin Core is rare but deliberate).
TITLE_META_KEYS = (
    "dc:title",
    "dcterms:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "twitter:title",
    "parsely-title",
    "title",
)
BYLINE_META_KEYS = ("dc:creator", "dcterms:creator", "author", "parsely-author", "sailthru.author")
PUBLISHED_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "parsely-pub-date",
    "datepublished",
    "dc:date.issued",
    "dcterms:issued",
    "dcterms:created",
    "dc:date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "date",
)
DESCRIPTION_META_KEYS = (
    "dc:description",
    "dcterms:description",
    "og:description",
    "description",
    "twitter:description",
)
SITE_NAME_META_KEYS = ("og:site_name", "application-name")
IMAGE_META_KEYS = ("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "image")

# Separators between a headline and a site name in `<title>` and og:title. A colon only ever
# splits off a leading site name ("Site: headline"); " _" is the Chinese portals' separator and
# pipes (also full-width, as Japanese sites write them) need no spaces around them.
# A script written without spaces needs none around a hyphen either ("Headline！-新华网"), after
# its own or a full-width mark; ">>" stands for "»" where a site types what it cannot.
_UNSPACED_MARKS = "\u3000-\u303f\uff01-\uff20\u201d\u2019"  # 。」！，：” and the like
_UNSPACED_HYPHEN = f"(?<=[{UNSPACED_SCRIPT_CHARS}{_UNSPACED_MARKS}])-(?=[{UNSPACED_SCRIPT_CHARS}])"
_SEPARATOR = re.compile(
    rf"(\s*[|｜]\s*|\s+[\-–—·•»›~/>]{{1,2}}\s+|\s+::\s+|\s+_\s*|:\s+|{_UNSPACED_HYPHEN})"
)
# A separator left at an end once the site's name is gone ("Über Jo Doe |", "» Jo Doe").
_END_SEPARATOR = re.compile(r"^[|｜\-–—·•»›~/>]+\s+|\s+[|｜\-–—·•»›~/>]+$")
_COLON_SEPARATOR = re.compile(r":\s+")
# A title of this many parts or more may hold its headline among names (`_described_part`),
# the headline at least this many words.
_MIN_DESCRIBED_PARTS = 3
_MIN_DESCRIBED_WORDS = 4
# A site's name the page declares nowhere is taken off the headline's end only after one of
# these, in at most this many words, after a headline of at least this many.
# (A bare "-" only after a full-width or sentence mark, "Headline！-新华网": between two words
# of a script without spaces it joins a pair, "中国-东盟", more often than it ends a headline.)
_SITE_TAIL_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+[\-–—]\s+|-")
_AFTER_UNSPACED_MARK = re.compile(rf"[{_UNSPACED_MARKS}]$")
_MAX_UNNAMED_SITE_WORDS = 3
_MIN_HEAD_WORDS_BEFORE_TAIL = 5
# Chinese portals chain the channel and the site after the headline with underscores,
# "海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网" (`_without_portal_chain`): a part of
# the chain is a name all in a script without spaces, after an underscore that touches such a
# script or its marks (a Latin "file_name.py" is no chain), at most this many parts.
_PORTAL_CHAIN_PART = re.compile(
    rf"(?:(?<=[{UNSPACED_SCRIPT_CHARS}{_UNSPACED_MARKS}])|\s+)_\s*([{UNSPACED_SCRIPT_CHARS}]+)\s*$"
)
_MAX_PORTAL_CHAIN_PARTS = 3
# Where the `<title>` and the first h1 stand among the headline sources `_raw_title` reads
# (the JSON-LD's headline, og:title, `<title>`, h1).
_TITLE_TAG_SOURCE = 2
_H1_SOURCE = 3
# A headline source of this many words at most that no other source bears out is a label (a
# section's name, the CMS's), not the article's headline.
_MAX_LABEL_TITLE_WORDS = 3
# A tagline glued to the headline's last word is a phrase of this many words at least.
_MIN_GLUED_WORDS = 2
# A side of the title that an h1 says is the headline, however long the other side, where that
# side names the site, from this many words on (a section's label has fewer).
_MIN_HEADLINE_WORDS_OF_H1 = 3
# A part of the title this many words at most beside the site's name, before a headline's
# words, is a section's label ("Site » Blog Archive » Headline").
_MAX_SECTION_LABEL_WORDS = 2
_TITLE_WORD = re.compile(r"\w+")
# A short title gives way to the heading opening the article where the address's slug names
# at least this many words of it beyond the title's (`slug_named_headline`).
_MIN_SLUG_WORDS_BEYOND_TITLE = 2
_FILE_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|jsp)$", re.IGNORECASE)
# A call to action ending a title, in at most this many words (`_is_call_to_action`): the
# imperatives and infinitives of shops' and portals' buttons.
_MAX_CALL_TO_ACTION_WORDS = 6
_CALL_TO_ACTION = re.compile(
    r"^\W*(?:erfahre|erfahren sie|entdecke|entdecken sie|vergleiche|vergleichen sie|sichere dir"
    r"|sichern sie sich|bestelle|bestellen sie|informiere dich|informieren sie sich"
    r"|compare|buy|download|subscribe|sign up|learn more|find out more|discover"
    r"|(?:book|order|shop|apply) (?:now|online|today|here)|get (?:a|an|your|the best|started)"
    r"|comparez|découvrez|achetez|réservez|compara|descubre|compra|confronta|scopri|acquista)"
    r"(?![\w-])"  # (not a compound's first part: "Buy-to-let", "Download-Charts")
    r"|\b(?:vergleichen|bestellen|kaufen|buchen|sichern|beantragen|anfragen|berechnen"
    r"|herunterladen|downloaden|abonnieren|anmelden|registrieren|mehr erfahren)\W*$",
    re.IGNORECASE,
)
# What follows a headline cut short at its first double quote, in a fuller source.
_QUOTE_GOING_ON = re.compile(r'\s*"\w')
# A headline shortened to a limit ends in an ellipsis; a fuller source goes on from there: in
# the word cut, with a mark that goes on with the sentence (", signals two cuts"), or with a
# word, a bracket or a quote after a space (not a separator: " - Site" ends the headline).
_ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…)$")
_SENTENCE_GOING_ON = re.compile(r"\w|[,;:]\s|\s+[\w(\"'„“‘«]")
# "... | My Hero Academia [Archive of Our Own]", "Headline (neues deutschland)": a trailing
# bracket that may hold the site's name.
_TRAILING_BRACKET = re.compile(r"\s*(?:\[(?P<square>[^\[\]]{1,80})\]|\((?P<round>[^()]{1,80})\))$")
# A site "name" that is its address ("https://www.example.com/"), and a template's unfilled field.
_SITE_ADDRESS_DRESSING = re.compile(r"^(?:https?://)?(?:www\.)(?=\S)|^https?://|/+$", re.IGNORECASE)
_TEMPLATE_FIELD = re.compile(r"\{[^{}]*\}")
# A title segment that is only a date or a time ("Headline : 06.11.2023, 11.41 Uhr", "28.09.2020
# - Headline", "Headline | 6 novembre 2023"): the page's stamp, not its headline. Its words are
# month and weekday names (or their abbreviations), clock words and the little words of a date;
# it names a year, a time, a numeric date or a month with a day.
_DATE_NAMES_BY_LANGUAGE = (
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday",
    "januar jänner februar märz april mai juni juli august september oktober november dezember "
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre lunes martes miércoles jueves viernes sábado domingo",
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "segunda terça quarta quinta sexta",
    "januari februari maart mei augustus oktober maandag dinsdag woensdag donderdag vrijdag "
    "zaterdag zondag",
    "styczeń stycznia luty lutego marzec marca kwiecień kwietnia maj maja czerwiec czerwca "
    "lipiec lipca sierpień sierpnia wrzesień września październik października listopad "
    "listopada grudzień grudnia poniedziałek wtorek środa czwartek piątek sobota niedziela",
    "январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля "
    "август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря "
    "понедельник вторник среда четверг пятница суббота воскресенье",
)
_DATE_NAMES = frozenset(name for names in _DATE_NAMES_BY_LANGUAGE for name in names.split())
_DATE_WORDS = _DATE_NAMES | frozenset(
    name[:length] for name in _DATE_NAMES for length in (3, 4) if len(name) > length
)
# The clock's words and the little words around a date: "11.41 Uhr", "à 11h41", "6 de noviembre
# de 2023", "am 6.11.", "2023 г.", "kl. 11.41".
_DATE_FILLER_GROUPS = (
    "uhr h am pm a m p utc gmt cet cest mez mesz est edt pst pdt bst",  # the clock's
    "um at on le à de del el du of the kl klo г года",  # around a date
)
_DATE_FILLERS = frozenset(word for words in _DATE_FILLER_GROUPS for word in words.split())
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "er", "e", "o", "a", "º", "ª"})
_DATE_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_DATE_SHAPE = re.compile(
    r"\b(?:1[89]\d\d|2[01]\d\d)\b|\b\d{1,2}[:.h]\d\d\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b"
)
# A host's label this short ("ln", "tv") may be inside any word: it names no part of a site name.
_MIN_HOST_LABEL_CHARS = 3
# A Wayback Machine copy's address, the archived page's own address inside it.
_ARCHIVED_COPY = re.compile(
    r"^https?://web\.archive\.org/web/\d+[a-z_]*/(?P<original>https?://\S+)$", re.IGNORECASE
)
# A title segment whose words spell the host's registrable label (of at least this many
# characters: "zeit", "bild" are words of any headline), with at most this many capitalised
# words beside them ("Bahamas Local News" on bahamaslocal.com, "Python Wiki", "Kanzlei
# Viehbacher" on viehbacher.com), names the site.
_MIN_SPELLED_HOST_CHARS = 5
_MAX_WORDS_BESIDE_SPELLED_HOST = 2
# German spells an umlaut out where a host cannot write it ("Ökologisch" in oekologisch-bauen),
# or a host drops its dots ("okologisch").
_UMLAUTS_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_POSSESSIVE = re.compile(r"['’]s$")
_SITE_NAME_SEPARATOR = re.compile(r"\s*[|｜]\s*|\s+[\-–—·•»~/]{1,2}\s+")
_HEADERLINK_TAIL = re.compile(r"[\s¶#§]+$")
# A company's or an association's legal form after its name: the name alone is the site's.
_LEGAL_FORM = re.compile(
    r",?\s+(?:e\.\s?V\.|GmbH(?:\s?&\s?Co\.\s?KG)?|gGmbH|AG|SE|KG|Inc\.?|Ltd\.?|LLC|L\.L\.C\.|plc"
    r"|S\.\s?A\.|S\.\s?L\.|S\.\s?p\.\s?A\.|S\.\s?r\.\s?l\.|B\.\s?V\.|N\.\s?V\.|Oy|AB|A/S|ASA)\s*$"
)
# Between the names of a byline: "Jo Doe, Ann Lee and Max Roe".
_BYLINE_NAME_SEPARATOR = re.compile(r",\s*|\s+(?:and|und|&|et|y|e)\s+")
# What box bylines append after the name: "Published 11:11 PM EST Nov 19, 2019", "Monday, ...".
_BYLINE_TAIL = re.compile(
    r"\s*(?:\b(?:published|updated|posted)\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\b\d+\s*(?:min|h|hours?|days?) ago\b|•).*$",
    re.IGNORECASE,
)
# "By ...", and a label before the name: "Text: Jo Doe", "Текст: ...", "Autor: ...".
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:by|written by|posted by|von|par|por)(?:\s*:\s*|\s+)|(?:text|texte|texto|testo"
    r"|tekst|текст|author|autor|autorin|auteur|autore|автор)\s*:\s*)",
    re.IGNORECASE,
)
# What a shown byline loses besides: a label before the name ("View all posts by Jo Doe"), a
# date after it ("am 21. April 2020", ", 07 Dezember, 2022", "3 de Mayo de 2022", "12.03.2021").
_BYLINE_LINK_LABEL = re.compile(
    r"^(?:(?:view|see) all (?:posts|articles|stories) by|alle (?:beiträge|artikel) von)\s+",
    re.IGNORECASE,
)
_BYLINE_DATE = re.compile(
    r"(?:\b(?:am|on|le|el|il|den)\s+)?\b\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+"
    r"(?:de\s+)?\d{4}\b.*$|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b.*$",
    re.IGNORECASE,
)
# An address in a byline ("Jo Doe info@example.de", "Jo Doe - http://example.de"): not a name.
_BYLINE_ADDRESS = re.compile(
    r"[\s,(<-]*(?:\S+@\S+\.[^\W\d_]{2,}|\S+\s?\[at\]\s?\S+|(?:https?://|www\.)\S+)[\s)>]*",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)", re.IGNORECASE)
# Bylines that name no one: a CMS's default account, a desk's label, a placeholder (folded).
_PLACEHOLDER_BYLINES = frozenset(
    {
        "admin",
        "administrator",
        "administrador",
        "webmaster",
        "root",
        "user",
        "publisher",
        "author",
        "autor",
        "auteur",
        "editor",
        "editors",
        "editorial",
        "staff",
        "redaktion",
        "die redaktion",
        "red",
        "redaccion",
        "redacción",
        "rédaction",
        "la rédaction",
        "redazione",
        "redactie",
        "redakcja",
        "редакция",
        "anonymous",
        "anonym",
        "anonyme",
        "anonimo",
        "anónimo",
        "unknown",
        "no author",
        "guest",
        "gast",
        "гость",
        "by",
        "von",
    }
)
_URLISH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)|\.(?:html?|php|aspx?)$", re.IGNORECASE)
_KEY_VALUE_KEYWORD = re.compile(r"^([A-Za-z]+):(\S+)$")
_TAG_PREFIX = re.compile(r"^(?:category|topic|tag|section)\s*:\s+", re.IGNORECASE)
_MACHINE_TOKEN = re.compile(
    r"\b[A-Z]{2,}_[A-Z_]+\b|^(?:PERSON|ORGANIZATION|LOCATION|EVENT)$|^[a-z]+_[a-z_]+$"
)
_DOMAIN = re.compile(r"^\S+\.(?:com|net|org|io|co|uk|de|ru|fr|info|gov|edu)$", re.IGNORECASE)
_TAG_LABEL = re.compile(
    r"^(?:tags?|tagged(?: with)?|topics?|related topics|keywords|filed under|"
    r"schlagw(?:ö|oe)rter|themen|étiquettes|mots-clés|etiquetas|temas|теги|метки|"
    r"タグ|标签|標籤)\s*[:：]?$",
    re.IGNORECASE,
)
# Elements that are metadata sources by their tag (script and style: by skipping them).
_SOURCE_TAGS = frozenset({"meta", "link", "script", "style", "title", "h1", "a", "time"})
_CODE_TAGS = frozenset({"script", "style"})
# `iter()`'s filter for elements alone (not comments, processing instructions or entities).
_ELEMENTS = lxml.etree.Element
# The attributes that name a `<meta>`'s key: `property=` (the deliberate ones), else the others
# (in bytes, as `_scan` names attributes).
_META_KEY_ATTRIBUTES = (b"property", b"name", b"http-equiv", b"itemprop")
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y%m%d",
)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page says about itself, read before any pruning."""

    title: str
    site_name: str | None
    byline: str | None
    published: str | None
    language: str | None
    canonical_url: str | None
    description: str | None
    tags: list[str] = field(default_factory=list)
    # The tags come from `<meta name=keywords>`, which many sites fill with the same words on
    # every page: a tag is then the article's only where its body says it (`card_tags`).
    tags_site_wide: bool = False
    image: str | None = None  # the page's preview image, absolute http(s), unchecked
    # The article's text as its JSON-LD carries it (raw, may hold markup): the last resort for
    # a page that shows its article only through script.
    ld_body: str | None = None
    # The page says it is an article (og:type "article", or an article node in its JSON-LD):
    # a short text is then a short article, not a stub.
    declared_article: bool = False
    # The byline as the page prints it, before names naming no one or only the site left the
    # one shown: a line of the page that is not the article's text.
    printed_byline: str | None = None
    # The page's JSON-LD reviews a claim (ClaimReview): it is a fact-check, whose verdict is
    # what its card must show (`claims/verdicts.py`).
    fact_check: bool = False
    # ...and the rating it gives the claim, in its words ("Unproven"): the verdict the card shows
    # first, taken from the page's data only (`JsonLd.claim_rating`).
    rating: str | None = None

    # The title is the site's name and nothing else, as a page that titles every page after
    # its organisation writes it ("Example Verband e.V."): the heading opening the article is
    # then its headline (`site_named_headline`).
    title_names_site: bool = False
    # The link texts of the site's own navigation (its `<nav>`s, menus and the page's header),
    # as written: the site's sections ("Rechtsprechung" under /ressorts/rechtsprechung), which a
    # tag that only equals one names (`card_tags`).
    navigation: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TitleContext:
    """What a headline's site-name affixes can be checked against: the site's names and the
    page's `<h1>`s (both squashed to lower-case letters and digits)."""

    site_names: frozenset[str]
    headings: frozenset[str]
    # The page's breadcrumb labels ("Forum", "iPhone"), squashed: a section's name in the title.
    crumbs: frozenset[str] = frozenset()
    # The last steps of its breadcrumbs, squashed: the page's own name.
    page_names: frozenset[str] = frozenset()
    # The page names its site nowhere (no og:site_name, publisher, application or home link):
    # a short tail after a dash may then be the name it never declares.
    unnamed: bool = False
    # The page's description, squashed: a title's part that it repeats is the headline.
    description: str = ""
    # The host's registrable label ("bahamaslocal"), when a long one: a segment that spells
    # it in its first words names the site (`_spells_host`).
    host_label: str = ""
    # What else the page files itself under or credits, squashed: its address's folders, its
    # article:section, its bylines' names, the parts of its site names ("Example - Blog"). A
    # label ending the title is the site's section (or the author) only where one says it.
    filed_under: frozenset[str] = frozenset()
    # The page's bylines, each whole, squashed: a title's tail that says one whole (separators
    # and all) is the credit ("... - Iberische Weine in Berlin - Vinos Y Tapas" where the
    # author is "Iberische Weine in Berlin - Vinos Y Tapas"), not the headline.
    credited: frozenset[str] = frozenset()

    def strip_affixes(self, title: str) -> str:
        """`title` without a leading or trailing site name ("Headline | eHow", "Site: headline",
        "Headline _探索者 _光明网" when the h1 says "Headline"); a real headline is left whole."""
        title = visible_text(title)
        if self.host_label and not self._spells_host_only_as_name(title):
            return replace(self, host_label="").strip_affixes(title)
        title = _unglued(self._without_site_bracket(title))
        if squash(title) not in self.headings:  # (the h1 says the chain too: the headline's)
            title = _without_portal_chain(title)
        # Its parts counted before the site's name goes: the name is one of the labels the
        # described headline stands among.
        described = self._described_part(_SEPARATOR.split(title)[0::2])
        unnamed_title = self._without_whole_site_name(title)
        # Where the site's name went: its section's label may follow it ("Site » Blog » ...").
        name_went_first = unnamed_title != title and title.endswith(unnamed_title)
        name_went_last = unnamed_title != title and not name_went_first
        title = _END_SEPARATOR.sub("", unnamed_title) or title
        parts = _SEPARATOR.split(title)
        segments, separators = parts[0::2], parts[1::2]
        if len(segments) < 2 or any(not s.strip() for s in segments):
            return title
        tail = self._repeated_tail(segments)
        if tail is not None:  # "Headline | Place | Site - Place": the site's own tail
            segments, separators = segments[:tail], separators[: tail - 1]
            if len(segments) < 2:
                return segments[0].strip()
        first, last = 0, len(segments)  # the segments kept: segments[first:last]
        while last - first > 1:
            if (
                (self._is_site(segments[last - 1]) or self._is_crumb(segments[last - 1]))
                and not _COLON_SEPARATOR.fullmatch(separators[last - 2])
            ) or _is_date_stamp(segments[last - 1], segments[last - 2], after=True):
                last -= 1
            elif (
                self._is_site(segments[first])
                or _is_date_stamp(segments[first], segments[first + 1], after=False)
                or (
                    self._is_crumb(segments[first])
                    and not _COLON_SEPARATOR.fullmatch(separators[first])
                )
            ):
                first += 1
            else:
                break
        last = _past_calls_to_action(segments, separators, first, last)
        named_before = any(self._is_site(segment) for segment in segments[:first])
        named_after = any(self._is_site(segment) for segment in segments[last:])
        first, last = self._past_section_labels(
            segments,
            separators,
            (first, last),
            after_first=named_before or name_went_first,
            after_last=named_after or name_went_last,
        )
        segments, separators = segments[first:last], separators[first : last - 1]
        cut = (
            self._cut_to_heading(
                segments,
                separators,
                named_before=named_before or name_went_first,
                named_after=named_after or name_went_last,
            )
            or described
        )
        if (
            cut is None
            and self.unnamed
            and _is_unnamed_site_tail(segments, separators)
            and squash("".join(segments)) not in self.headings  # the h1 says it whole
        ):
            return segments[0].strip()
        return cut or _join(segments, separators)

    def _without_whole_site_name(self, title: str) -> str:
        """`title` without a site name that has separators of its own, whole: "Headline »
        Site - Slogan" (split, neither "Site" nor "Slogan" alone need be a known name)."""
        separators = list(_SEPARATOR.finditer(title))
        for separator in separators:  # the longest tail first
            tail = title[separator.end() :]
            if (
                separator.start()
                and not _COLON_SEPARATOR.fullmatch(separator.group())
                and (self._is_site(tail) or self._credits_whole(tail))
            ):
                return title[: separator.start()]
        for separator in reversed(separators):  # the longest head first
            if separator.end() < len(title) and self._is_site(title[: separator.start()]):
                return title[separator.end() :]
        return self._without_underscored_site_name(title)

    def _without_underscored_site_name(self, title: str) -> str:
        """`title` without the site's name joined to it by a bare underscore, as portals write
        "Headline_Site" or "Site_Headline": that one is a separator, where an underscore
        inside a word ("snake_case", "file_name.py") names no site and stays."""
        head, underscore, tail = title.rpartition("_")
        if underscore and squash(head) and self._is_site(tail):
            return head.rstrip()
        head, underscore, tail = title.partition("_")
        if underscore and squash(tail) and self._is_site(head):
            return tail.lstrip()
        return title

    def _credits_whole(self, tail: str) -> bool:
        """Whether `tail` is one of the page's bylines whole, separators and all."""
        return squash(tail) in self.credited

    def _without_site_bracket(self, title: str) -> str:
        """`title` without a trailing "[Site]" or "(Site)", and without the segment the
        bracket closes when a separator comes before it: "Story - Author | Fandom [Site]" ->
        "Story - Author" (the bracket marks where the site's own tail begins)."""
        bracket = _TRAILING_BRACKET.search(title)
        if bracket is None or not self._is_site(bracket["square"] or bracket["round"] or ""):
            return title
        head = title[: bracket.start()].rstrip()
        parts = _SEPARATOR.split(head)
        if len(parts) < 3 or _COLON_SEPARATOR.fullmatch(parts[-2]) or not parts[-1].strip():
            return head or title
        return _join(parts[0:-2:2], parts[1:-2:2])

    def _is_site(self, segment: str) -> bool:
        """The site's name, maybe with its legal form ("DVGW e.V.", "Example GmbH"), or a
        name its host spells out ("Vortex Cannon Entertainment" on vortexcannon.org)."""
        return self._is_named_site(segment) or self._spells_host(segment)

    def _is_named_site(self, segment: str) -> bool:
        """One of the site's known names, maybe with its legal form."""
        return (
            squash(segment) in self.site_names
            or squash(_without_legal_form(segment)) in self.site_names
        )

    def _spells_host(self, segment: str) -> bool:
        """Whether words of the segment spell the host's label, a possessive or an umlaut
        spelled out as hosts write them ("Gregory Szorc's Digital Home" on gregoryszorc.com,
        "Ökologisch Bauen" on oekologisch-bauen.info), with at most a few capitalised words
        beside them ("Local News", "Wiki", "Kanzlei"), none a number: a name, not a headline
        that opens with it ("Python 3.6.0 is now available!")."""
        if not self.host_label:
            return False
        words = segment.split(maxsplit=MAX_SITE_NAME_WORDS)  # (a longer one is no name)
        if not words or len(words) > MAX_SITE_NAME_WORDS:
            return False
        words = [_POSSESSIVE.sub("", word) for word in words]
        return any(
            self._spelled_from(words, start, spelling)
            for start in range(min(len(words), _MAX_WORDS_BESIDE_SPELLED_HOST + 1))
            for spelling in _HOST_SPELLINGS
        )

    def _spelled_from(self, words: list[str], start: int, spelling: Callable[[str], str]) -> bool:
        """Whether `words[start:]`, each written as `spelling` writes it, open with the host's
        label, and the words before and after it are a few capitalised ones (`_spells_host`)."""
        if not all(_is_name_word(word) for word in words[:start]):
            return False
        spelled = ""
        for count, word in enumerate(words[start:], start=start + 1):
            if not spelling(word):  # a dash, a sign: no word of a name
                return False
            spelled += spelling(word)
            if len(spelled) >= len(self.host_label):
                rest = words[count:]
                if spelled != self.host_label:  # "DimidoBlog": the label and a word, glued
                    glued = _camel_case_rest(word, len(spelled) - len(self.host_label))
                    if glued is None or not spelled.startswith(self.host_label):
                        return False
                    rest = [glued, *rest]
                return start + len(rest) <= _MAX_WORDS_BESIDE_SPELLED_HOST and all(
                    _is_name_word(word) for word in rest
                )
        return False

    def names_site_within(self, title: str) -> bool:
        """Whether a part of `title` between separators is the site's name, or a word of it
        spells the host's label ("Jo Doe - Rechtsanwalt" on doe.de): a byline, a tagline."""
        if any(self._is_site(part) for part in _SEPARATOR.split(title)[0::2]):
            return True
        return bool(self.host_label) and any(
            spelling(word) == self.host_label
            for word in title.split()
            for spelling in _HOST_SPELLINGS
        )

    def is_site_name_only(self, title: str) -> bool:
        """Whether `title` is the site's name and no headline: one of the names it declares
        (not one its host only spells: "Install Docker Engine" on docs.docker.com is a
        headline), maybe with its legal form, or an organisation's full name, ending in its
        legal form and naming the site within ("DITIB Türkisch-Islamische Union der Anstalt
        für Religion e.V." on ditib.de). (A headline that ends on a company's name seldom
        names the host too.)"""
        if not squash(title):
            return False
        return self._is_named_site(title) or (
            _LEGAL_FORM.search(title) is not None and self.names_site_within(title)
        )

    def is_label(self, text: str) -> bool:
        """Whether `text` is the site's name or a step of the page's breadcrumb."""
        return self._is_site(text) or squash(text) in self.crumbs

    def _spells_host_only_as_name(self, title: str) -> bool:
        """Whether each part of `title` that spells the host (`_spells_host`) is the site's
        name: not what an h1 says, the only part naming the site, and shorter than the rest
        unless an h1 says the rest ("About bugs – Vortex Cannon Entertainment"). Else it is a
        headline opening with the host's word ("Berlin Marathon Results - News - Berlin.de",
        "News | Boston Marathon Bombing" on boston.com), and taking it for the site's name
        would leave a section's label."""
        segments = [segment.strip() for segment in _SEPARATOR.split(title)[0::2]]
        spelled = [
            index
            for index, segment in enumerate(segments)
            if self._spells_host(segment) and not self._is_named_site(segment)
        ]
        if not spelled:
            return True
        if any(self._is_named_site(segment) for segment in segments):
            return False
        total = sum(map(len, segments))
        total_words = sum(map(word_count, segments))
        for index in spelled:
            segment = segments[index]
            # An h1 saying the part is the headline, unless the part is one word beside a
            # headline's words: the h1 is then the logo's ("DimidoBlog" over "Was ist
            # Virales Marketing? | DimidoBlog").
            one_word_name = (
                word_count(segment) == 1 and total_words - 1 >= _MIN_HEADLINE_WORDS_OF_H1
            )
            if squash(segment) in self.headings and not one_word_name:
                return False
            # (A rest as short as the part: at most one part is, so this is joined once.)
            if total - len(segment) <= len(segment):
                rest = segments[:index] + segments[index + 1 :]
                if squash("".join(rest)) not in self.headings:
                    return False
        return True

    def _past_section_labels(
        self,
        segments: list[str],
        separators: list[str],
        kept: tuple[int, int],
        *,
        after_first: bool,
        after_last: bool,
    ) -> tuple[int, int]:
        """The kept segments `kept` (first, last) without the section labels beside the site's
        name where it went from that end (`after_first`, `after_last`): "Four Years Remaining
        » Blog Archive » Interning of Small Integers" -> "Interning of Small Integers",
        "Headline | Jo Doe | Site" -> "Headline" (`_is_section_label`); none where an h1 says
        the label with the rest ("Dare to Play 3 / October pack")."""
        first, last = kept
        if squash("".join(segments[first:last])) in self.headings:
            return kept  # the h1 says the label with the rest: the headline's own part
        words = [len(segment.split()) for segment in segments]
        kept_words = sum(words[first:last])  # (kept up to date: linear in the segments)
        while (
            after_first
            and last - first > 1
            and not _COLON_SEPARATOR.fullmatch(separators[first])
            and self._is_section_label(segments[first], kept_words - words[first])
        ):
            kept_words -= words[first]
            first += 1
        while (
            after_last
            and last - first > 1
            and not _COLON_SEPARATOR.fullmatch(separators[last - 2])
            and self._is_section_label(segments[last - 1], kept_words - words[last - 1])
            and self._files_under(segments[last - 1])
        ):
            kept_words -= words[last - 1]
            last -= 1
        return first, last

    def _is_section_label(self, segment: str, rest_words: int) -> bool:
        """A label of a word or two, no number, question or exclamation in it, not opening in
        small letters, that no h1 says, beside a rest of `rest_words` words, a headline's: a
        section's name ("Blog Archive", "Outdoornews") or an author's, not a part of the
        headline ("Film review – masterful | Site")."""
        words = segment.split()
        return (
            0 < len(words) <= _MAX_SECTION_LABEL_WORDS
            and not words[0][0].islower()
            and not any(char.isdigit() for char in segment)
            and segment.strip()[-1] not in "?!"
            and squash(segment) not in self.headings
            and rest_words >= _MIN_HEADLINE_WORDS_OF_H1
            and rest_words > len(words)
        )

    def _files_under(self, label: str) -> bool:
        """Whether the page says elsewhere that `label` is its section or its author
        (`filed_under`, the breadcrumb): a headline's own tail needs that evidence to go
        ("Arsenal 2-1 Chelsea - Full Time | Site" keeps "Full Time"), where a label between
        the site's name and the headline opening after it stands where only a trail puts one
        ("Site » Blog Archive » Headline")."""
        key = squash(label)
        return key in self.filed_under or key in self.crumbs

    def _repeated_tail(self, segments: list[str]) -> int | None:
        """Where the site's tail begins in a title that says a segment twice: at that segment
        (`_first_repeated`), or after it where it is the headline the CMS wrote twice ("Site |
        Headline | Headline"): an h1 says it, or it is the title's longest part."""
        repeated = _first_repeated(segments)
        if repeated is None:
            return None
        said = segments[repeated].strip()
        if squash(said) in self.headings or len(said) >= max(len(s.strip()) for s in segments):
            return repeated + 1
        return repeated

    def _is_crumb(self, segment: str) -> bool:
        """A section's label: one of the breadcrumb's, in a few words (the breadcrumb's last
        step is often the headline itself)."""
        key = squash(segment)
        return (
            len(segment.split()) <= MAX_CRUMB_WORDS
            and key in self.crumbs
            and key not in self.headings
        )

    def _cut_to_heading(
        self, segments: list[str], separators: list[str], *, named_before: bool, named_after: bool
    ) -> str | None:
        """The longer part of the title on one side of a non-colon separator that equals an h1;
        the shorter where it is a headline's words (`_has_headline_length`) and the other part
        names the site (or the site's name, gone, was on its side: `named_before`,
        `named_after`): the rest is then the site's trail ("Headline / Politik / Home -
        site.it - Slogan"), not a longer headline the h1 shortens.

        Linear in the title: separators squash to nothing, so a side's squashed form is a prefix
        or a suffix of the whole title's; which prefix and suffix lengths are headings is found
        once, and each cut is then judged from running lengths.
        """
        squashed = [squash(segment) for segment in segments]
        whole = "".join(squashed)
        if len(segments) < 2 or whole in self.headings:
            return None
        lengths = {len(heading) for heading in self.headings if len(heading) <= len(whole)}
        heading_prefixes = {n for n in lengths if whole[:n] in self.headings}
        heading_suffixes = {n for n in lengths if whole[len(whole) - n :] in self.headings}
        # Raw lengths (as `_join` strips them) and squashed lengths of the first `cut` segments.
        raw_before, squashed_before = [0], [0]
        for segment, separator, short in zip(segments, [*separators, ""], squashed, strict=True):
            raw_before.append(raw_before[-1] + len(segment) + len(separator))
            squashed_before.append(squashed_before[-1] + len(short))
        raw_total = raw_before[-1] - len(segments[-1]) + len(segments[-1].rstrip())
        lead = len(segments[0]) - len(segments[0].lstrip())
        # Whether a site's name is among the first `cut` segments, and among the rest.
        names_site = [self._is_site(segment) for segment in segments]
        site_before = list(itertools.accumulate(names_site, operator.or_, initial=named_before))
        site_after = list(
            itertools.accumulate(reversed(names_site), operator.or_, initial=named_after)
        )[::-1]
        for cut in range(len(segments) - 1, 0, -1):
            if _COLON_SEPARATOR.fullmatch(separators[cut - 1]):
                continue
            before = segments[cut - 1]
            head_length = raw_before[cut] - len(separators[cut - 1]) - lead
            head_length -= len(before) - len(before.rstrip())
            after = segments[cut]
            tail_length = raw_total - raw_before[cut] - (len(after) - len(after.lstrip()))
            head_is_heading = squashed_before[cut] in heading_prefixes
            tail_is_heading = len(whole) - squashed_before[cut] in heading_suffixes
            if head_is_heading and (
                head_length >= tail_length
                or (site_after[cut] and _has_headline_length(segments[:cut]))
            ):
                return _join(segments[:cut], separators[: cut - 1])
            if tail_is_heading and (
                tail_length >= head_length
                or (site_before[cut] and _has_headline_length(segments[cut:]))
            ):
                return _join(segments[cut:], separators[cut:])
        return self._middle_heading(segments, separators, whole, squashed_before)

    def _described_part(self, segments: list[str]) -> str | None:
        """The longest part of a title of three parts or more, a sentence's length, when the
        page's description is it or most of it ("Club Site Regensburg - Eintracht stellt
        Weichen für die Zukunft - Presse - News" described as "Eintracht stellt Weichen für die
        Zukunft"; "Site » Blog Archiv » Weitere Digitalisierung der Kinos" as "Digitalisierung
        der Kinos"): the headline among the site's and its sections' names. Not where the
        page's h1 (neither the site's name nor a part of the title) says something else: the
        part is then a section's tagline its description repeats ("Die neuesten Nachrichten
        aus der Bundesliga" over the h1 "Trainer entlassen: Verein zieht Konsequenzen"). Nor
        where it ends a title that opens with a part of a headline's words: the title opens
        with its headline, and the part a site-wide description repeats at its end is the
        site's slogan ("Sailors rescued | Cornwall | Example - News and views from sailing")."""
        if len(segments) < _MIN_DESCRIBED_PARTS or not self.description:
            return None
        at = max(range(len(segments)), key=lambda index: len(segments[index]))
        longest = segments[at]
        key = squash(longest)
        if len(longest.split()) < _MIN_DESCRIBED_WORDS or len(self.description) * 2 < len(key):
            return None
        if at == len(segments) - 1 and len(segments[0].split()) >= _MIN_DESCRIBED_WORDS:
            return None
        if self.description not in key:
            return None
        parts = {squash(segment) for segment in segments}
        others = [h for h in self.headings if h not in self.site_names and h not in parts]
        if others and not any(heading in key or key in heading for heading in others):
            return None
        return longest.strip()

    def _middle_heading(
        self, segments: list[str], separators: list[str], whole: str, squashed_before: list[int]
    ) -> str | None:
        """The run of middle segments that equals an h1 and is at least half the title, with
        a label on either side: "Neu - Japanisches Mini-SUV auf dem Vormarsch - Vorstellung"
        when the h1 says "Japanisches Mini-SUV auf dem Vormarsch". The longest such h1 wins,
        then the earliest run. (The title is bounded, MAX_TITLE_CHARS; each h1 is compared at
        the segment starts only.)"""
        ends_at: dict[int, list[int]] = {}
        for index in range(2, len(segments)):
            ends_at.setdefault(squashed_before[index], []).append(index)
        best: tuple[int, int, int] | None = None  # (-length, start, end)
        for heading in self.headings:
            if not heading or len(heading) * 2 < len(whole):
                continue
            for start in range(1, len(segments) - 1):
                if _COLON_SEPARATOR.fullmatch(separators[start - 1]):
                    continue
                offset = squashed_before[start]
                for end in ends_at.get(offset + len(heading), []):
                    if (
                        end > start
                        and not _COLON_SEPARATOR.fullmatch(separators[end - 1])
                        and whole.startswith(heading, offset)
                    ):
                        best = min(best or (0, len(segments), 0), (-len(heading), start, end))
                        break
        if best is None:
            return None
        _, start, end = best
        return _join(segments[start:end], separators[start : end - 1])


@dataclass(slots=True)
class _PageScan:
    """Raw findings of the single walk over the tree."""

    meta_by_property: dict[str, list[str]] = field(default_factory=dict)
    meta_by_name: dict[str, list[str]] = field(default_factory=dict)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    title_tag: str | None = None
    headings: list[str] = field(default_factory=list)
    # What an `<h1>` that links to the home page says: the site's logo, so its name.
    home_names: list[str] = field(default_factory=list)
    html_lang: str | None = None
    canonical: str | None = None
    rel_authors: list[str] = field(default_factory=list)
    rel_tags: list[str] = field(default_factory=list)
    itemprop_authors: list[str] = field(default_factory=list)
    itemprop_published: list[str] = field(default_factory=list)
    time_datetimes: list[str] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    tag_labels: list[tuple[lxml.html.HtmlElement, bool]] = field(default_factory=list)
    # Elements whose class or id names a breadcrumb trail.
    breadcrumbs: list[lxml.html.HtmlElement] = field(default_factory=list)
    # The site's navigation regions: `<nav>`, `<menu>`, a `<header>` outside the article, a box
    # whose class or id names a menu or a nav.
    navigation: list[lxml.html.HtmlElement] = field(default_factory=list)

    def meta(self, key: str) -> list[str]:
        """Contents of a meta key: its `property=` values (the deliberate ones), else `name=`."""
        return self.meta_by_property.get(key) or self.meta_by_name.get(key, [])

    def first_meta(self, keys: Iterable[str]) -> str | None:
        for key in keys:
            for value in self.meta(key):
                if value.strip():
                    return normalise_space(value)
        return None


def read_metadata(doc: lxml.html.HtmlElement, url: str | None = None) -> PageMeta:
    """Read the page's own metadata from the untouched tree (it is never modified)."""
    scan = _scan(doc)
    ld = JsonLd(scan.jsonld)
    site_name = _site_name(scan, ld)
    context = _title_context(scan, ld, site_name, url)
    tags, tags_site_wide = _tags(scan, ld)
    shown_site_name = _shown_site_name(site_name, url)
    site_keys = _site_keys(site_name, url) | _site_keys(shown_site_name, url)
    byline, printed_byline = _byline(scan, ld, site_keys)
    title = context.strip_affixes(html.unescape(_raw_title(scan, ld, site_name, context)))
    return PageMeta(
        title=title,
        title_names_site=context.is_site_name_only(title),
        site_name=shown_site_name,
        byline=byline,
        printed_byline=printed_byline,
        published=_published(scan, ld),
        language=_language(scan, ld),
        canonical_url=_canonical_url(scan, url),
        description=_unescaped(
            scan.first_meta(DESCRIPTION_META_KEYS) or ld.article_text("description")
        ),
        tags=tags,
        tags_site_wide=tags_site_wide,
        image=_image(scan, url),
        ld_body=ld.body(),
        declared_article=ld.declares_article()
        or any(value.strip().lower() == "article" for value in scan.meta("og:type")),
        fact_check=ld.reviews_a_claim(),
        rating=ld.claim_rating(),
        navigation=_navigation_labels(scan.navigation),
    )


def read_title_context(doc: lxml.html.HtmlElement, url: str | None = None) -> TitleContext:
    """The site names and h1s that `read_metadata` strips headline affixes against."""
    scan = _scan(doc)
    ld = JsonLd(scan.jsonld)
    return _title_context(scan, ld, _site_name(scan, ld), url)


def slug_named_headline(title: str, opening_heading: str | None, url: str | None) -> str:
    """`title`, or the heading that opens the article where the title is a label of a few
    words inside it and the page's address names that heading: a page titled after its
    topic ("Enterprise 2.0", its `<title>` and h1) whose article opens on its real headline
    ("HR Innovation in einer Enterprise 2.0 – Herausforderungen und Chancen..."), at
    /hr-innovation-einer-enterprise-2-0/. The slug is the headline the CMS was given: each of
    its words the heading's, some of them more than the title's."""
    if not opening_heading or not url or word_count(title) > _MAX_LABEL_TITLE_WORDS:
        return title
    title_key, heading_key = squash(title), squash(opening_heading)
    if not title_key or title_key == heading_key or title_key not in heading_key:
        return title
    slug = _slug_words(url)
    heading_words = _folded_words(opening_heading)
    beyond_title = slug - _folded_words(title)
    if len(beyond_title) < _MIN_SLUG_WORDS_BEYOND_TITLE or not slug <= heading_words:
        return title
    return opening_heading


def site_named_headline(meta: PageMeta, title: str, opening_heading: str | None) -> str:
    """`title`, or the heading that opens the article where the title is only the site's name
    (`PageMeta.title_names_site`): an association's page titled after itself on every page
    opens its article on the article's own headline ("Die Nacht der Geburt unseres Propheten
    sei gesegnet!" under "DITIB ... e.V."). Not a label of a few words, nor a heading the
    title says: that is the site's name again."""
    if not meta.title_names_site or not opening_heading or title != meta.title:
        return title
    if word_count(opening_heading) < _MIN_HEADLINE_WORDS_OF_H1:
        return title
    heading_key = squash(opening_heading)
    if not heading_key or heading_key in squash(title):
        return title
    return opening_heading


def _slug_words(url: str) -> set[str]:
    """The words of the last part of `url`'s path, its slug ("hr", "innovation", "einer",
    "enterprise", "2", "0" of ".../hr-innovation-einer-enterprise-2-0/"), without a file's
    extension, as `_folded_words` writes them."""
    parts = _url_path_parts(url)
    return _folded_words(_FILE_EXTENSION.sub("", parts[-1]) if parts else "")


def _folded_words(text: str) -> set[str]:
    """The words of `text` as an address writes them: small letters without accents, umlauts
    spelled out ("Führung" -> "fuehrung"); a word joined by a hyphen or a dot is two."""
    return {_umlauts_spelled_out(word) for word in _TITLE_WORD.findall(text.replace("_", " "))}


def read_visible_tags(doc: lxml.html.HtmlElement) -> list[str]:
    """The links of a visible "Tags:" / "Topics:" list (label followed by links), cleaned."""
    return clean_tags(_visible_tags(_scan(doc).tag_labels))


def normalise_date(raw: str) -> str | None:
    """An ISO 8601 date or date-time for the usual ways pages write dates, else None."""
    text = normalise_space(raw[: MAX_DATE_CHARS * 2])
    if not text or len(text) > MAX_DATE_CHARS:
        return None
    if _DATE_ONLY.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    parsed = _parse_datetime(text)
    if parsed is None:
        return None
    if parsed.time() == datetime.min.time() and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat(timespec="seconds")


def clean_tags(candidates: Iterable[str]) -> list[str]:
    """Tags de-duplicated case-insensitively (first casing wins), junk dropped, at most 8."""
    tags: list[str] = []
    seen: set[str] = set()
    for candidate in itertools.islice(candidates, MAX_TAG_CANDIDATES):
        tag = _clean_tag(candidate)
        if tag is None or tag.casefold() in seen:
            continue
        seen.add(tag.casefold())
        tags.append(tag)
        if len(tags) == MAX_TAGS:
            break
    return tags


def _clean_tag(candidate: str) -> str | None:
    if len(candidate) > MAX_CANDIDATE_TEXT_CHARS:
        return None  # far longer than a tag, whatever entities and prefixes it holds
    tag = normalise_space(html.unescape(candidate)).lstrip("#").strip(" ,;·|")
    tag = _TAG_PREFIX.sub("", tag)
    if tag.startswith(("@", "/", "_")) or _MACHINE_TOKEN.search(tag) or _DOMAIN.match(tag):
        return None  # CMS plumbing: "@post-id:1913719", "/article", "_no-apple-news", "PERSON"
    key_value = _KEY_VALUE_KEYWORD.match(tag)
    if key_value:
        # Medium-style machine keywords ("Tag:Nodejs", "Lite:true"): only "Tag:" ones are topics.
        if key_value.group(1).casefold() != "tag":
            return None
        tag = key_value.group(2)
    if not tag or len(tag) > MAX_TAG_CHARS or _URLISH.search(tag):
        return None
    return tag


def _parse_datetime(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):  # absurd fields overflow
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern)
        except (ValueError, OverflowError):
            continue
    return None


def _scan(doc: lxml.html.HtmlElement) -> _PageScan:
    """One walk over every element, collecting what each metadata source needs. The walk is
    most of the metadata's cost, so the test every element meets is kept to a few lookups
    (an XPath per source costs more: libxml2 evaluates each predicate in full per element),
    each a direct call (a bound method or a function call per element costs as much as a
    lookup: the links, most of the sources, are judged in the loop), attributes named in bytes
    (lxml would encode a str name on every call)."""
    scan = _PageScan()
    root = doc.getroottree().getroot()
    scan.html_lang = _attr(root, "lang") or _attr(
        root, "{http://www.w3.org/XML/1998/namespace}lang"
    )
    labels = scan.tag_labels
    label_room = MAX_TAG_LABELS  # MAX_TAG_LABELS - len(labels), without a call per element
    bylines = scan.bylines
    label = _TAG_LABEL.match
    crumb_room = MAX_BREADCRUMBS
    navigation = scan.navigation
    nav_room = MAX_NAVIGATION_REGIONS
    for el in root.iter(_ELEMENTS):  # elements only: comments and PIs are no source
        tag = el.tag
        if nav_room > 0 and _is_navigation(el, tag):
            navigation.append(el)
            nav_room -= 1
        if tag in _SOURCE_TAGS:
            if tag == "a":
                if el.get(b"rel"):  # most links have none: no call for them
                    _scan_link(scan, el)
            elif tag in _CODE_TAGS:
                _scan_code(scan, el, tag)
                continue
            else:
                _scan_source(scan, el, tag)
        itemprop = el.get(b"itemprop")
        if itemprop and tag != "meta":
            _scan_microdata(scan, el, itemprop.split())
        classes = el.get(b"class")
        if not bylines and classes and "byline" in classes.lower():
            bylines.append(
                leading_text(el, MAX_CANDIDATE_TEXT_CHARS, separator=" ", normalise=False)
            )
        if crumb_room > 0:  # "rumb" first: a substring test, no lower-cased copy, per element
            ident = el.get(b"id")
            if (classes and "rumb" in classes and "breadcrumb" in classes.lower()) or (
                ident and "rumb" in ident and "breadcrumb" in ident.lower()
            ):
                scan.breadcrumbs.append(el)
                crumb_room -= 1
        if label_room > 0:  # "Tags:"-like labels, in the text or in the tail
            # Most short texts are indentation: white space strips to "", which no label
            # matches, so `isspace()` (one C call, no copy) turns them away before the regex.
            text = el.text
            if text and len(text) < 40 and not text.isspace() and label(text.strip()):
                labels.append((el, False))
                label_room -= 1
            tail = el.tail
            if tail and len(tail) < 40 and not tail.isspace() and label(tail.strip()):
                labels.append((el, True))
                label_room -= 1
    return scan


_NAVIGATION_TAGS = frozenset({"nav", "menu"})
_NAVIGATION_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|mainmenu|mainnav)(?:$|[-_\s])", re.IGNORECASE
)
_ARTICLE_TAGS = frozenset({"article", "main"})
_PAGE_TAGS = frozenset({"html", "body", "article", "main"})


def _is_navigation(el: lxml.html.HtmlElement, tag: str) -> bool:
    """`el` is a region of the site's navigation, as pruning knows them: a `<nav>`, a
    `<menu>`, a `<header>` outside the article (one inside it is the article's own), or a box
    whose class or id names a menu or a nav ("main-menu", "site-nav")."""
    if tag in _NAVIGATION_TAGS:
        return True
    if tag == "header":
        return next(el.iterancestors(*_ARTICLE_TAGS), None) is None
    if tag in _PAGE_TAGS:
        return False  # "sticky-nav", "menu-active" on <body>: the page's state, not a menu
    for name in (el.get(b"class"), el.get(b"id")):
        # A substring test first: most classes name neither.
        if (
            name
            and ("nav" in name or "menu" in name or "Nav" in name or "Menu" in name)
            and _NAVIGATION_NAME.search(name)
        ):
            return True
    return False


def _navigation_labels(regions: list[lxml.html.HtmlElement]) -> tuple[str, ...]:
    """The short link texts of the navigation `regions`, each once, at most
    `MAX_NAVIGATION_LINKS` links read in all."""
    labels: dict[str, None] = {}
    room = MAX_NAVIGATION_LINKS
    for region in regions:
        if short_text(region, MAX_NAVIGATION_CHARS) is None:
            continue  # a wrapper of the page named after its menu, not a menu
        for link in region.iter("a"):
            if room <= 0:
                return tuple(labels)
            room -= 1
            text = short_text(link, MAX_NAVIGATION_LABEL_CHARS)
            if text:
                labels[text] = None
    return tuple(labels)


def _scan_code(scan: _PageScan, el: lxml.html.HtmlElement, tag: str) -> None:
    """A `<script>` may be JSON-LD; nothing else in a script or a style is metadata."""
    if tag != "script":
        return
    room = MAX_JSONLD_NODES - len(scan.jsonld)
    if room > 0 and (_attr(el, "type") or "").strip().lower() == "application/ld+json":
        scan.jsonld.extend(parse_jsonld(el.text or "", room))


def _scan_source(scan: _PageScan, el: lxml.html.HtmlElement, tag: str) -> None:
    """What the elements that are metadata sources by their tag say (but links, `_scan`'s own
    case, and code)."""
    if tag == "meta":
        _scan_meta(scan, el)
    elif tag == "link":
        if scan.canonical is None and "canonical" in (_attr(el, "rel") or "").lower().split():
            scan.canonical = _attr(el, "href")
    elif tag == "title":
        if scan.title_tag is None and not _inside(el, "svg"):
            scan.title_tag = leading_text(el, MAX_TITLE_CHARS)
    elif tag == "h1":
        if len(scan.headings) < MAX_HEADINGS:
            heading = _HEADERLINK_TAIL.sub("", leading_text(el, MAX_TITLE_CHARS))
            if heading:
                scan.headings.append(heading)
                scan.home_names.extend(_home_link_names(el))
    elif tag == "time":
        stamp = _attr(el, "datetime")
        if stamp and len(scan.time_datetimes) < MAX_DATE_CANDIDATES:
            scan.time_datetimes.append(stamp)


def _home_link_names(heading: lxml.html.HtmlElement) -> list[str]:
    """The text and the logo's alt text of the home-page link an `<h1>` holds (a site's
    header: `<h1><a href="/"><img alt="Site">Site</a></h1>`), else nothing."""
    link = next(heading.iter("a"), None)
    href = (_attr(link, "href") or "").strip() if link is not None else ""
    if link is None or not href or "?" in href or "#" in href:
        return []
    try:
        path = urlsplit(href).path
    except ValueError:
        return []
    if path not in {"", "/"}:
        return []
    logo = next(link.iter("img"), None)
    names = [
        leading_text(link, MAX_TITLE_CHARS),
        (_attr(logo, "alt") or "") if logo is not None else "",
    ]
    return [normalise_space(name) for name in names if name.strip()]


def _scan_meta(scan: _PageScan, el: lxml.html.HtmlElement) -> None:
    content = _attr(el, "content")
    if content is None:
        return
    content = content[:MAX_META_CHARS]
    for attribute in _META_KEY_ATTRIBUTES:  # a meta tag has one or two of them: the rest is None
        value = el.get(attribute)
        if not value or not isinstance(value, str):
            continue
        store = scan.meta_by_property if attribute == b"property" else scan.meta_by_name
        keys = value.split(maxsplit=MAX_META_KEYS_PER_TAG)
        if len(keys) == 1:  # the usual case: nothing to de-duplicate
            store.setdefault(_meta_key(keys[0]), []).append(content)
            continue
        for key in dict.fromkeys(_meta_key(key) for key in keys[:MAX_META_KEYS_PER_TAG]):
            store.setdefault(key, []).append(content)


def _meta_key(key: str) -> str:
    """Lower-case, with Dublin Core's dotted spelling ("DC.title") mapped to "dc:title"."""
    key = key.strip().lower()
    if not key.startswith("dc"):  # most keys: no prefix below can match
        return key
    for prefix in ("dc.", "dcterms.", "dcterm."):
        if key.startswith(prefix):
            return ("dcterms:" if "terms" in prefix or "term." in prefix else "dc:") + key[
                len(prefix) :
            ]
    return key.replace("dcterm:", "dcterms:") if key.startswith("dcterm:") else key


def _scan_link(scan: _PageScan, el: lxml.html.HtmlElement) -> None:
    rel = (_attr(el, "rel") or "").lower().split()
    if not rel:
        return
    if "tag" in rel and "category" not in rel and len(scan.rel_tags) < MAX_TAG_CANDIDATES:
        scan.rel_tags.append(leading_text(el, MAX_CANDIDATE_TEXT_CHARS, normalise=False))
    if "author" in rel and not scan.rel_authors:  # the first one is the byline
        scan.rel_authors.append(leading_text(el, MAX_CANDIDATE_TEXT_CHARS, normalise=False))


def _scan_microdata(scan: _PageScan, el: lxml.html.HtmlElement, itemprop: list[str]) -> None:
    """itemprop=author / datePublished on ordinary elements (not `<meta>`)."""
    if "author" in itemprop and len(scan.itemprop_authors) < MAX_AUTHOR_ELEMENTS:
        named = el.find(".//*[@itemprop='name']")
        name = None
        if named is not None:
            name = _attr(named, "content") or _candidate_text(named)
        scan.itemprop_authors.append(name or _attr(el, "content") or _candidate_text(el))
    if "datePublished" in itemprop and len(scan.itemprop_published) < MAX_DATE_CANDIDATES:
        stamp = _attr(el, "datetime") or _attr(el, "content") or _candidate_text(el)
        scan.itemprop_published.append(stamp)


def _candidate_text(el: lxml.html.HtmlElement) -> str:
    """The start of an element's text, where a short value (a name, a date) is sought."""
    return leading_text(el, MAX_CANDIDATE_TEXT_CHARS, normalise=False)


def _visible_tags(labels: list[tuple[lxml.html.HtmlElement, bool]]) -> list[str]:
    """Link texts following each label inside the label's small container."""
    found: list[str] = []
    small: dict[lxml.html.HtmlElement, bool] = {}  # is a container short enough? (asked once)
    for label, in_tail in labels:
        if _inside(label, "nav"):
            continue
        has_links = next(label.iterdescendants("a"), None) is not None
        container = label.getparent() if in_tail or not has_links else label
        if container is None:
            continue
        if container not in small:
            small[container] = short_text(container, MAX_TAG_LIST_CHARS) is not None
        if not small[container]:
            continue
        links = list(
            itertools.islice(
                _links_after(container, label, include_inside=not in_tail),
                MAX_TAG_LIST_LINKS + 1,
            )
        )
        if 0 < len(links) <= MAX_TAG_LIST_LINKS:
            found.extend(link.text_content() for link in links)
    return found


def _links_after(
    container: lxml.html.HtmlElement, label: lxml.html.HtmlElement, *, include_inside: bool
) -> Iterator[lxml.html.HtmlElement]:
    """The `<a>`s of `container` after the label in document order."""
    if container is label:
        yield from label.iter("a")
        return
    inside = set(label.iter()) if not include_inside else set()
    passed = False
    for el in container.iter():
        if el is label:
            passed = True
            continue
        if passed and el.tag == "a" and el not in inside:
            yield el


def _site_name(scan: _PageScan, ld: JsonLd) -> str | None:
    """The site's name as the page gives it (a template's unfilled field is none)."""
    og_site = scan.first_meta(SITE_NAME_META_KEYS[:1])
    if og_site and _TEMPLATE_FIELD.search(og_site):
        og_site = None  # "{$plugin.tx_news.opengraph.site_name}"
    name = og_site or ld.site_name() or next(iter(_application_names(scan)), None)
    return visible_text(html.unescape(name)) if name else name


def _shown_site_name(name: str | None, url: str | None) -> str | None:
    """The site's name without its slogan or its address's dressing, as the card shows it:
    "Aktuálně.cz - Víte, co se právě děje" -> "Aktuálně.cz", "News zu VR, AR und KI | MIXED.de"
    on mixed.de -> "MIXED.de", "https://www.example.com/" -> "example.com", "@site" -> "site".
    Of the parts between separators, the one naming the host, else the first unless it reads
    as a phrase (then the shortest that does not)."""
    if not name:
        return name
    name = _SITE_ADDRESS_DRESSING.sub("", name.strip()).lstrip("@").strip() or name
    parts = [part for part in _SITE_NAME_SEPARATOR.split(name) if squash(part)]
    if len(parts) < 2:
        return parts[0].strip() if parts else name
    labels = {_ascii_key(label) for label in _host_labels(url)} if url else set()
    for part in parts:
        key = _ascii_key(part)
        if any(len(label) >= _MIN_HOST_LABEL_CHARS and label in key for label in labels):
            return part.strip()
    names = [part for part in parts if not _reads_as_phrase(part)]
    if not _reads_as_phrase(parts[0]) or not names:
        return parts[0].strip()
    return min(names, key=lambda part: len(part.split())).strip()


def _reads_as_phrase(text: str) -> bool:
    """A word in it begins in lower case: a slogan ("Víte, co se právě děje", "Schnäppchen
    Blog mit Doktortitel"), where a name capitalises its words ("Mozilla Hacks", "DealDoktor")."""
    return any(word[:1].islower() for word in text.split())


def _ascii_key(text: str) -> str:
    """`squash` of `text` without its accents ("Gráfica" -> "grafica"), as hosts write it."""
    return squash(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())


def _is_name_word(word: str) -> bool:
    """A word as a name writes it: capitalised, no number in it ("Wiki", not "3.6.0")."""
    return word[:1].isupper() and not any(char.isdigit() for char in word)


def _camel_case_rest(word: str, length: int) -> str | None:
    """The last `length` characters of a word of ASCII letters and digits, where a capital
    opens them after a small letter ("Blog" of "DimidoBlog": a name glued to a word, as sites
    write "SpiegelOnline"); None where they open no such word."""
    if not 0 < length < len(word) or not (word.isascii() and word.isalnum()):
        return None
    glued = word[-length:]
    return glued if glued[0].isupper() and word[-length - 1].islower() else None


def _umlauts_spelled_out(word: str) -> str:
    """`_ascii_key` of `word` with its umlauts spelled out ("Ökologisch" -> "oekologisch")."""
    return _ascii_key(word.casefold().translate(_UMLAUTS_SPELLED_OUT))


# The ways a host writes a word of the site's name.
_HOST_SPELLINGS: tuple[Callable[[str], str], ...] = (_umlauts_spelled_out, _ascii_key)


def _host_labels(url: str) -> list[str]:
    """The labels of a URL's host but its suffix ("www.mixed.de" -> ["mixed"]); [] if none."""
    host = _host(url)
    return labels_before_suffix(host) if host else []


def _host(url: str) -> str | None:
    """A URL's host without "www." (an archived copy's: the archived page's), "" if it has
    none, None if it does not parse ("http://[::1": an unclosed IPv6 literal, a bad port)."""
    try:
        hostname = urlsplit(_original_url(url)).hostname
    except ValueError:
        return None
    return (hostname or "").removeprefix("www.")


def _application_names(scan: _PageScan) -> list[str]:
    """application-name values that name a site; some CMSs (MSN) put the headline there."""
    titles = {squash(t) for t in [scan.title_tag or "", *scan.meta("og:title")]}
    return [
        normalise_space(name)
        for name in scan.meta("application-name")
        if name.strip() and len(name.split()) <= MAX_SITE_NAME_WORDS and squash(name) not in titles
    ]


def _title_context(
    scan: _PageScan, ld: JsonLd, site_name: str | None, url: str | None
) -> TitleContext:
    names: set[str] = set()
    raw_names = [
        site_name or "",
        _shown_site_name(site_name, url) or "",
        *ld.publisher_names(),
        *_application_names(scan),
        *scan.home_names,
    ]
    for raw in raw_names:
        names.update(_site_name_variants(raw))
    unnamed = not any(squash(raw) for raw in raw_names)
    credits = _credits(scan, ld)
    if url:
        names.update(_host_variants(url))
    names.discard("")
    return TitleContext(
        site_names=frozenset(names),
        headings=frozenset(squash(h) for h in scan.headings),
        crumbs=frozenset(squash(label) for label in _crumb_labels(scan, ld)) - {""},
        page_names=frozenset(squash(name) for name in _crumb_ends(scan, ld)) - {""},
        unnamed=unnamed,
        description=squash(scan.first_meta(DESCRIPTION_META_KEYS) or ""),
        host_label=_spelled_host_label(url),
        filed_under=_filed_under(scan, credits, raw_names, url),
        credited=frozenset(map(squash, credits)) - {""},
    )


def _filed_under(
    scan: _PageScan, credits: list[str], site_names: list[str], url: str | None
) -> frozenset[str]:
    """What the page files itself under or credits besides its title, squashed: its address's
    folders ("sport", "fulltime" of "/sport/full-time/arsenal-chelsea"), its article:section,
    the names of its bylines (`credits`), and each part of its site names ("Example - Blog")."""
    labels = [*scan.meta("article:section")[:MAX_NAMES], *_url_folders(url)]
    for byline in credits:
        labels.extend(_BYLINE_NAME_SEPARATOR.split(byline))
    for name in site_names:
        labels.extend(_SITE_NAME_SEPARATOR.split(name))
    return frozenset(squash(label) for label in labels) - {""}


def _credits(scan: _PageScan, ld: JsonLd) -> list[str]:
    """The page's bylines, cleaned, each whole: from its JSON-LD, its meta, its microdata,
    its author links and the first byline it prints."""
    authors = [
        *(ld.names(ld.article.get("author")) if ld.article else []),
        *(value for key in BYLINE_META_KEYS for value in scan.meta(key)[:MAX_NAMES]),
        *scan.itemprop_authors[:MAX_NAMES],
        *scan.rel_authors[:MAX_NAMES],
        *scan.bylines[:1],
    ]
    return [byline for byline in map(_clean_byline, authors) if byline]


def _url_folders(url: str | None) -> list[str]:
    """The folders of `url`'s path, every part but the last (the page's own slug, with a
    slash after it or not: "/sport/full-time/" is the page "full-time" in "sport"), unquoted."""
    return _url_path_parts(url)[:-1]


def _url_path_parts(url: str | None) -> list[str]:
    """The parts of `url`'s path between its slashes, unquoted, empty ones left out; none for
    an address that does not parse."""
    if not url:
        return []
    try:
        path = urlsplit(_original_url(url)).path
    except ValueError:
        return []
    return [unquote(part) for part in path.split("/") if part]


def _spelled_host_label(url: str | None) -> str:
    """The host's registrable label ("vortexcannon" of vortexcannon.org, "python" of
    wiki.python.org), squashed, if it is long enough to be spelled by a site's name alone."""
    labels = _host_labels(url) if url else []
    label = squash(labels[-1]) if labels else ""
    return label if len(label) >= _MIN_SPELLED_HOST_CHARS else ""


def _first_repeated(segments: list[str]) -> int | None:
    """The first segment after the first that the title says again later ("Headline | Nassau
    / Paradise Island | Local News - Nassau / Paradise Island"): a headline says nothing twice,
    so from there on the title is the site's tail (its place, its section, its name)."""
    last_seen = {squash(segment): index for index, segment in enumerate(segments)}
    for index, segment in enumerate(segments[1:], start=1):
        key = squash(segment)
        if key and last_seen[key] > index:
            return index
    return None


def _unglued(title: str) -> str:
    """`title` without the copy of a part glued to the end of the part before it, without a
    space ("Truckwash A31Das etwas andere Branchenbuch | Das etwas andere Branchenbuch" ->
    "Truckwash A31 | Das etwas andere Branchenbuch"): a template that set the site's tagline
    after the headline twice, once without its separator. (A part of one word may end a
    word of its own: "Ironman | man"; one after a hyphen ends a compound: "Anti-Money
    Laundering | Money Laundering".)"""
    parts = _SEPARATOR.split(title)
    for index in range(2, len(parts), 2):
        said = parts[index].strip()
        before = parts[index - 2].rstrip()
        if (
            word_count(said) >= _MIN_GLUED_WORDS
            and len(before) > len(said)
            and before.endswith(said)
            and before[-len(said) - 1].isalnum()
        ):
            parts[index - 2] = before[: len(before) - len(said)]
            return "".join(parts)
    return title


def _has_headline_length(segments: list[str]) -> bool:
    """Whether title segments an h1 says are words enough for a headline, not a section's
    label: the h1 is then the headline however long the site's tail after it ("Headline /
    Politik / Artikel / Home - site.it - Slogan")."""
    return sum(len(segment.split()) for segment in segments) >= _MIN_HEADLINE_WORDS_OF_H1


def _past_calls_to_action(segments: list[str], separators: list[str], first: int, last: int) -> int:
    """The end of the kept segments `segments[first:last]` without the calls to action that
    end them ("Günstiger Autokredit im Mai >> Angebote vergleichen", "Alkohol auf dem Boot –
    Erfahre mehr zu den Risiken", "... | Compare offers now"): a shop's or a portal's appeal to
    the reader, not a part of the headline, where a headline's words stay before it."""
    words = [len(segment.split()) for segment in segments]
    kept_words = sum(words[first:last])
    while (
        last - first > 1
        and not _COLON_SEPARATOR.fullmatch(separators[last - 2])
        and kept_words - words[last - 1] >= _MIN_HEADLINE_WORDS_OF_H1
        and _is_call_to_action(segments[last - 1])
    ):
        kept_words -= words[last - 1]
        last -= 1
    return last


def _is_call_to_action(segment: str) -> bool:
    """A few words that tell the reader to act: opening on an imperative ("Erfahre mehr...",
    "Compare...", "Découvrez...") or, in German, ending on the infinitive a shop's button
    says ("Angebote vergleichen", "online bestellen"); not a question, which asks the
    reader nothing to do ("Jetzt noch kaufen?", "Buy or sell?")."""
    text = segment.strip()
    return (
        word_count(text) <= _MAX_CALL_TO_ACTION_WORDS
        and not text.endswith("?")
        and _CALL_TO_ACTION.search(text) is not None
    )


def _is_unnamed_site_tail(segments: list[str], separators: list[str]) -> bool:
    """ "Headline of five words or more – Site Name": two segments apart by a spaced dash or
    bar, the second a name of a few words; the site's name, where the page declares none."""
    if len(segments) != 2 or not _SITE_TAIL_SEPARATOR.fullmatch(separators[0]):
        return False
    if separators[0] == "-" and not _AFTER_UNSPACED_MARK.search(segments[0]):
        return False  # "中国-东盟": a pair joined, not a headline and its site
    head, tail = word_count(segments[0]), word_count(segments[1])
    if head < _MIN_HEAD_WORDS_BEFORE_TAIL or not 0 < tail <= _MAX_UNNAMED_SITE_WORDS:
        return False
    # A name, not the headline going on: no lower-case opening ("– and why it matters"),
    # no number ("– Part 2", "| 2024"), no question or exclamation.
    name = segments[1].strip()
    return not name[0].islower() and not any(c.isdigit() for c in name) and name[-1] not in "?!"


def _without_portal_chain(title: str) -> str:
    """`title` without the chain of names a Chinese portal puts after the headline with
    underscores ("Headline_教育频道_中国青年网" -> "Headline", `_PORTAL_CHAIN_PART`): each a
    name of a few words, before them a headline's words. An underscore inside the headline
    ("新竹尖石_美樹營地賞楓 (2) @ ...") ends no such chain and stays."""
    head = title
    for _ in range(_MAX_PORTAL_CHAIN_PARTS):
        part = _PORTAL_CHAIN_PART.search(head)
        if part is None or word_count(part[1]) > _MAX_UNNAMED_SITE_WORDS:
            break
        head = head[: part.start()].rstrip()
    if head == title or word_count(head) < _MIN_HEAD_WORDS_BEFORE_TAIL:
        return title
    return head


def _crumb_labels(scan: _PageScan, ld: JsonLd) -> list[str]:
    """The steps of the page's breadcrumb trails but the last (the page itself, often its
    headline) (`_crumb_trails`), of a tag's length."""
    trails = _crumb_trails(scan, ld)
    return [label for trail in trails for label in trail[:-1] if len(label) <= MAX_TAG_CHARS]


def _crumb_ends(scan: _PageScan, ld: JsonLd) -> list[str]:
    """The last steps of the page's breadcrumb trails: the page's own name, which its h1 or
    its headline says where the trail is the page's."""
    return [trail[-1] for trail in _crumb_trails(scan, ld) if trail]


def _crumb_trails(scan: _PageScan, ld: JsonLd) -> list[list[str]]:
    """The page's breadcrumb trails, each its steps: the short texts inside an element named a
    breadcrumb, and the names in a JSON-LD BreadcrumbList (both bounded)."""
    trails: list[list[str]] = []
    for trail in scan.breadcrumbs:
        steps = [
            piece
            for piece in itertools.islice(trail.itertext(), MAX_BREADCRUMB_PIECES)
            if _TITLE_WORD.search(piece)
        ]
        trails.append([normalise_space(step) for step in steps])
    for node in ld.nodes:
        items = node.get("itemListElement") if "BreadcrumbList" in node_types(node) else None
        steps = []
        for item in items[:MAX_BREADCRUMB_LABELS] if isinstance(items, list) else []:
            inner = item.get("item") if isinstance(item, dict) else None
            name = item.get("name") if isinstance(item, dict) else None
            if not isinstance(name, str) and isinstance(inner, dict):
                name = inner.get("name")
            if isinstance(name, str):
                steps.append(name)
        trails.append([normalise_space(step) for step in steps])
    return trails


def _site_keys(site_name: str | None, url: str | None) -> frozenset[str]:
    """The squashed forms of what the card shows as the site: its name, else its host."""
    keys = _site_name_variants(site_name or "") | (_host_variants(url) if url else set())
    return frozenset(keys - {""})


def _site_name_variants(name: str) -> set[str]:
    """ "Aktuálně.cz - Víte, co se právě děje" -> its first part, "Libération.fr" -> "Libération",
    "The Washington Post" -> "Washington Post", "http://www.tmz.com" -> "tmz.com"."""
    name = normalise_space(name)
    if not name:
        return set()
    if "://" in name:
        return _host_variants(name)
    forms = {name, _SITE_NAME_SEPARATOR.split(name)[0]}
    forms |= {re.sub(r"\.[a-z]{2,6}$", "", form) for form in forms}
    forms |= {re.sub(r"^the\s+", "", form, flags=re.IGNORECASE) for form in forms}
    return {squash(form) for form in forms}


def _original_url(url: str) -> str:
    """The address of the page an archive's copy keeps ("https://web.archive.org/web/2014.../
    http://www.example.com/post" -> "http://www.example.com/post"), else `url`: the copy's
    title and logo name the archived site, not the archive."""
    archived = _ARCHIVED_COPY.match(url)
    return archived["original"] if archived else url


def _host_variants(url: str) -> set[str]:
    """The host and its registrable label: "www.entermedia.co.kr" -> {"entermediacokr",
    "entermedia"}; nothing for a URL that does not parse."""
    host = _host(url)
    if host is None:
        return set()
    labels = labels_before_suffix(host)
    return {squash(host), squash(labels[-1])} if labels else {squash(host)}


def _raw_title(scan: _PageScan, ld: JsonLd, site_name: str | None, context: TitleContext) -> str:
    """The first headline source that is more than the site's name (a generic og:title) and,
    when it is a label no other source says (a section's "Pressemitteilungen", the CMS's
    "escenic"), the first that another source bears out instead. A longer first source that
    no other says gives way only to a headline two others agree on (`_agreed_instead`)."""
    generic = _site_name_variants(site_name or "")
    candidates = [
        ld.headline(scan.title_tag),
        scan.first_meta(TITLE_META_KEYS),
        scan.title_tag,
        *scan.headings[:1],
    ]
    cut = [
        normalise_space(c[: MAX_TITLE_CHARS * 2])[:MAX_TITLE_CHARS] if c else "" for c in candidates
    ]
    usable = [candidate for candidate in cut if candidate]
    # Where the `<title>` and the h1 stand among the usable sources, if they are usable.
    title_at = len([c for c in cut[:_TITLE_TAG_SOURCE] if c]) if cut[_TITLE_TAG_SOURCE] else None
    h1_at = len(usable) - 1 if len(cut) > _H1_SOURCE and cut[_H1_SOURCE] else None
    specific = [index for index, c in enumerate(usable) if squash(c) not in generic]
    if not specific:
        return usable[0] if usable else ""
    first = specific[0]
    if _borne_out(first, usable):
        shown = _shown_instead(first, usable, (title_at, h1_at), context)
        return _uncut(usable[shown], usable)
    if len(usable[first].split()) > _MAX_LABEL_TITLE_WORDS:
        return _uncut(usable[_agreed_instead(first, specific[1:], usable, context)], usable)
    # No other source says the first, so a later one borne out is borne out by a third.
    borne_out = (index for index in specific[1:] if _borne_out(index, usable))
    return _uncut(usable[next(borne_out, first)], usable)


def _shown_instead(
    first: int,
    candidates: list[str],
    title_and_h1: tuple[int | None, int | None],
    context: TitleContext,
) -> int:
    """The `<title>` where it and the h1 (their places among `candidates`: `title_and_h1`)
    agree on the headline the page shows and the first source, an og:title or the JSON-LD,
    words it otherwise; else `first`. They agree with their site's name and labels gone, in
    more than a label's words, and the first neither holds that headline nor is held in it:
    the first is then the social variant the page wrote for sharing ("Taylor Swift's AMA
    row seems to be over" over the h1 and `<title>` "Taylor Swift is allowed to play her
    music at the AMAs after all"), where one that only drops a kicker ("Flixbus attackiert
    Deutsche Bahn" of "Deutschlandtakt: Flixbus attackiert Deutsche Bahn") is the headline
    still. The `<title>`, not the h1: an h1's markup may glue its parts ("Open ProgressWhy
    ...") where the `<title>` keeps their separator. (An og:title the h1 agrees with is the
    shown one: the two then outvote the `<title>` and the JSON-LD.)"""
    title_at, h1_at = title_and_h1
    if title_at is None or h1_at is None or title_at <= first or h1_at <= title_at:
        return first
    shown = context.strip_affixes(html.unescape(candidates[h1_at]))
    shown_key = squash(shown)
    if word_count(shown) <= _MAX_LABEL_TITLE_WORDS or context.is_label(shown):
        return first
    if squash(context.strip_affixes(html.unescape(candidates[title_at]))) != shown_key:
        return first
    first_key = squash(context.strip_affixes(html.unescape(candidates[first])))
    if not first_key or first_key in shown_key or shown_key in first_key:
        return first
    return title_at


def _agreed_instead(
    first: int, later: list[int], candidates: list[str], context: TitleContext
) -> int:
    """The later source to read instead of a long first one no other says (an og:title holding
    the site's tagline, "Yahoo News - Latest News & Headlines", an invite, a social teaser),
    else `first`. A later source wins where, its site's name and labels gone, it is more than a
    label and another source says it: in more than a label's words, or in a label's words that
    the page's description says too, or that the first itself is no headline, naming the site
    ("Jo Doe - Rechtsanwalt" on doe.de). Agreeing on the site's name, a slogan or a section
    ("Example News – Your guide to the world", "Latest News | Daily Example" beside the h1s
    "Example News", "Latest News") is no agreement on a headline. Of two that win, the one of
    fewer parts between separators: the other still holds labels the cut did not know ("The
    Insiders - Headline - Info (de-de)" beside the h1 "Wellaflex – Headline")."""
    headlines = {index: context.strip_affixes(html.unescape(candidates[index])) for index in later}
    doubted = context.names_site_within(candidates[first])
    agreed = [index for index in later if _is_agreed(index, headlines, doubted, context)]
    return (
        min(agreed, key=lambda index: len(_SEPARATOR.split(headlines[index]))) if agreed else first
    )


def _is_agreed(index: int, headlines: dict[int, str], doubted: bool, context: TitleContext) -> bool:
    """Whether `headlines[index]` is more than a label and another of `headlines` says it
    (`_agreed_instead`), `doubted` where the first source names the site; or, however short,
    the breadcrumb's last step, the page's own name, says it ("Essen-Westviertel" in the
    h1 and the trail, under the site's slogan as `<title>`)."""
    headline = headlines[index]
    if context.is_label(headline):
        return False
    if squash(headline) in context.page_names:  # the breadcrumb's last step says it
        return True
    if word_count(headline) <= _MAX_LABEL_TITLE_WORDS:
        return False
    for other, other_headline in headlines.items():
        shared = _shared_words(headline, other_headline) if other != index else 0
        label = min(headline, other_headline, key=len)
        if shared > _MAX_LABEL_TITLE_WORDS or (
            shared and (doubted or squash(label) in context.description)
        ):
            return True
    return False


def _uncut(chosen: str, candidates: list[str]) -> str:
    """`chosen`, or another source that goes on from where it was cut: at the first unescaped
    `"` of the headline a `content="..."` attribute holds ('Senator calls Biden' of 'Senator
    calls Biden "unfit"'), or at an ellipsis a CMS put for a length limit ('... for Hong Kong
    leader...' of '... for Hong Kong leader Carrie Lam | Site')."""
    stem = _ELLIPSIS_END.sub("", chosen)
    for index, candidate in enumerate(candidates):
        if candidate.startswith(chosen) and _QUOTE_GOING_ON.match(candidate, len(chosen)):
            return candidate
        if _goes_on_agreed(chosen, index, candidates):
            return candidate
        if (
            stem != chosen
            and len(stem.split()) > _MAX_LABEL_TITLE_WORDS  # a limit cuts a long headline
            and candidate.startswith(stem)
            and _SENTENCE_GOING_ON.match(candidate, len(stem))
        ):
            return candidate
    return chosen


def _goes_on_agreed(chosen: str, index: int, candidates: list[str]) -> bool:
    """Whether `candidates[index]` goes on from `chosen` after a separator with a headline's
    dek ("Vanlife in Schweden" of "Vanlife in Schweden - Skandinavien im Wohnmobil") and a
    third source says it whole (the `<title>` with the site's name after it): the short
    one is a CMS's cut, the fuller the headline the page shows."""
    candidate = candidates[index]
    if not candidate.startswith(chosen) or len(candidate) == len(chosen):
        return False
    separator = _SEPARATOR.match(candidate, len(chosen))
    if separator is None or _COLON_SEPARATOR.fullmatch(separator.group()):
        return False
    key = squash(candidate)
    return any(other != index and key in squash(text) for other, text in enumerate(candidates))


def _borne_out(index: int, candidates: list[str]) -> bool:
    """Whether another headline source says what `candidates[index]` says (`_shared_words`)."""
    text = candidates[index]
    return any(
        _shared_words(text, other)
        for other_index, other in enumerate(candidates)
        if other_index != index
    )


def _shared_words(text: str, other: str) -> float:
    """How many words two headline sources agree on: the shorter's, where one holds the other
    ("Headline" in "Site: Headline"), else the words they share where those are half the
    shorter's; 0 where they do not agree."""
    key, other_key = squash(text), squash(other)
    if key and other_key and (key in other_key or other_key in key):
        return max(word_count(text if len(key) <= len(other_key) else other), 1.0)
    words, other_words = (
        set(_TITLE_WORD.findall(text.casefold())),
        set(_TITLE_WORD.findall(other.casefold())),
    )
    shared = len(words & other_words)
    shorter = min(len(words), len(other_words))
    return float(shared) if shorter and shared * 2 >= shorter else 0.0


def _byline(
    scan: _PageScan, ld: JsonLd, site_keys: frozenset[str]
) -> tuple[str | None, str | None]:
    """The byline to show and the byline as the page prints it (a line that is not text), from
    the first source with a name. The one shown has no name naming no one or only the site
    (`site_keys`: the squashed forms of the site's name and host, which the card shows)."""
    sources: list[list[str]] = [
        ld.names(ld.article.get("author")) if ld.article else [],
        *(scan.meta(key) for key in BYLINE_META_KEYS),
        scan.itemprop_authors,
        scan.rel_authors[:1],
        scan.bylines[:1],
    ]
    for source in sources:
        cleaned = (_clean_byline(raw) for raw in itertools.islice(source, MAX_NAMES))
        names = _unique(name for name in cleaned if name)
        if names:
            shown = _unique(name for name in (_shown_byline(n, site_keys) for n in names) if name)
            return ", ".join(shown[:MAX_AUTHORS]) or None, ", ".join(names[:MAX_AUTHORS])
    return None, None


def _clean_byline(raw: str) -> str | None:
    raw = raw[:MAX_CANDIDATE_TEXT_CHARS]  # what follows is a bio at best, and cut off below
    byline = _BYLINE_PREFIX.sub("", visible_text(html.unescape(raw)))
    byline = _BYLINE_TAIL.sub("", byline).strip(" ,|·-•")
    if not byline or len(byline) > MAX_BYLINE_CHARS or _URLISH.search(byline):
        return None
    return byline


def _shown_byline(byline: str, site_keys: frozenset[str]) -> str | None:
    """A cleaned byline as the card shows it: without a link's label, an address or a date,
    and without the names that name no one ("admin", "Redaktion", "Unknown") or only the site
    ("CBS News" on cbsnews.com, "Troy Smith, Cleveland.com"); None for a copyright line, and
    for a list the site's name opens (its address follows: "Example GmbH, Berlin, Germany")."""
    if _COPYRIGHT.match(byline):
        return None
    byline = _BYLINE_LINK_LABEL.sub("", byline)
    byline = _BYLINE_DATE.sub("", _BYLINE_ADDRESS.sub(" ", byline)).strip(" ,|·-•")
    names = [name.strip() for name in byline.split(", ")]
    if not names[0] or _names_site(names[0], site_keys):
        return None
    kept = [
        name
        for name in names
        if name
        and name.casefold().strip(" .:") not in _PLACEHOLDER_BYLINES
        and not _names_site(name, site_keys)
    ]
    return ", ".join(kept) or None


def _names_site(name: str, site_keys: frozenset[str]) -> bool:
    """Whether `name` is the site's ("Vegolosi.it", "The Economist", "StarsInsider"), maybe
    with its legal form ("Stadtwerke Musterstadt GmbH")."""
    forms = {name, re.sub(r"\.[a-z]{2,6}$", "", name), _without_legal_form(name)}
    forms |= {re.sub(r"^the\s+", "", form, flags=re.IGNORECASE) for form in forms}
    return any(squash(form) in site_keys for form in forms)


def _without_legal_form(name: str) -> str:
    """A company's or a club's name without its legal form ("DVGW e.V." -> "DVGW"), its
    white space collapsed first (the pattern would backtrack over a long run of it)."""
    return _LEGAL_FORM.sub("", normalise_space(name))


def _published(scan: _PageScan, ld: JsonLd) -> str | None:
    sources = [
        *(scan.meta(key) for key in PUBLISHED_META_KEYS[:1]),
        [ld.article_text("datePublished") or ""],
        *(scan.meta(key) for key in PUBLISHED_META_KEYS[1:]),
        scan.itemprop_published,
        scan.time_datetimes,
    ]
    # The first few of each source: a page of references can carry hundreds of them.
    for candidate in itertools.chain(*(s[:MAX_DATE_CANDIDATES] for s in sources)):
        normalised = normalise_date(candidate)
        if normalised:
            return normalised
    return None


def _language(scan: _PageScan, ld: JsonLd) -> str | None:
    candidates = [
        scan.html_lang,
        scan.first_meta(["content-language"]),
        scan.first_meta(["og:locale"]),
        ld.article_text("inLanguage"),
    ]
    for candidate in candidates:
        if candidate and candidate.strip():
            language = candidate.split(",")[0].strip().replace("_", "-")
            if language and len(language) <= MAX_LANGUAGE_CHARS:
                return language
    return None


def _image(scan: _PageScan, url: str | None) -> str | None:
    """The page's preview image (og:image, twitter:image) as an absolute http(s) URL."""
    for key in IMAGE_META_KEYS:
        for candidate in scan.meta(key):
            absolute = _absolute_http_url(candidate, url)
            if absolute:
                return absolute
    return None


def _canonical_url(scan: _PageScan, url: str | None) -> str | None:
    """The page's canonical link or og:url, made absolute."""
    for candidate in (scan.canonical, scan.first_meta(["og:url"])):
        absolute = _absolute_http_url(candidate, url)
        if absolute:
            return absolute
    return None


def _absolute_http_url(candidate: str | None, base: str | None) -> str | None:
    """`candidate` made absolute against `base`, if that is an http(s) URL that parses (not
    "http://[::1", a port out of range, or a URL longer than a page's own ever is)."""
    if not candidate or not candidate.strip() or len(candidate) > MAX_URL_CHARS:
        return None
    try:
        absolute = urljoin(base or "", candidate.strip())
        parts = urlsplit(absolute)
        parts.port  # noqa: B018  (raises ValueError for a port out of range)
    except ValueError:  # an invalid IPv6 literal, a bad port, a base that does not parse
        return None
    return absolute if parts.scheme in {"http", "https"} and parts.netloc else None


def _tags(scan: _PageScan, ld: JsonLd) -> tuple[list[str], bool]:
    """The page's own tags in tiers, and whether they are the site-wide tier: tagging markup
    (article:tag, JSON-LD keywords, news_keywords, rel=tag) merged; else a visible "Tags:"
    list (a "Topics" widget elsewhere on the page must not dilute real tags); else the often
    site-wide meta keywords."""
    tagged = [
        *scan.meta("article:tag"),
        *ld.keywords(),
        *(t for v in scan.meta("news_keywords") for t in v.split(",")),
        *(t for v in scan.meta("parsely-tags") for t in v.split(",")),
        *_first_list(scan.rel_tags),
    ]
    tiers: list[Iterable[str]] = [
        tagged,
        _visible_tags(scan.tag_labels),
        (t for v in scan.meta("keywords") for t in _split_keywords(v)),
    ]
    for index, tier in enumerate(tiers):
        tags = clean_tags(tier)
        if tags:
            return tags, index == len(tiers) - 1
    return [], False


def _first_list(rel_tags: list[str]) -> list[str]:
    """The rel=tag links up to the first one that repeats an earlier one: a page that lists
    its own tags and then a teaser's ("Polizei, Unfall, ... Polizei, Unfall, Altenfurt") has
    a second list from there on. A tag linked twice in a row (its name and its count) is one."""
    seen: set[str] = set()
    previous = None
    for index, tag in enumerate(rel_tags):
        key = normalise_space(tag).casefold()
        if key in seen and key != previous:
            return rel_tags[:index]
        seen.add(key)
        previous = key
    return rel_tags


def _split_keywords(value: str) -> list[str]:
    """Comma or semicolon lists; CJK pages often separate keywords with spaces only."""
    if not re.search(r"[,;，、]", value) and UNSPACED_CHAR.search(value):
        return value.split()
    return re.split(r"[,;，、]", value)


def _unescaped(text: str | None) -> str | None:
    """Some CMSs escape entities twice ("&amp;#8216;"); undo the second layer."""
    return html.unescape(text) if text else text


def _unique(values: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    unique: list[str] = []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            unique.append(value)
    return unique


def _is_date_stamp(segment: str, neighbour: str, *, after: bool) -> bool:
    """Whether a title segment is only the page's date, not the other end of a range the
    headline names: "Wochenbericht 14. - 20. Januar 2022" keeps its end, as its neighbour (the
    segment before it, `after`, else the one after it) meets it with a number or a month."""
    if not _is_date_only(segment):
        return False
    tokens = _DATE_TOKEN.findall(neighbour.casefold())
    edge = (tokens[-1] if after else tokens[0]) if tokens else ""
    return not (edge.isdigit() or edge in _DATE_NAMES)


def _is_date_only(segment: str) -> bool:
    """Whether a title segment says only a date or a time: "06.11.2023, 11.41 Uhr", "Nov. 6,
    2023", "lundi 6 novembre 2023 à 11h41", "2023-11-06" (not "Teil 2", "Windows 11 2023")."""
    segment = segment.strip()
    if len(segment) > MAX_DATE_SEGMENT_CHARS or not any(c.isdigit() for c in segment):
        return False
    month_named = False
    for token in _DATE_TOKEN.findall(segment.casefold()):
        if token.isdigit() or token in _DATE_FILLERS:
            continue
        if token in _DATE_WORDS:
            month_named = True
        elif token not in _ORDINAL_SUFFIXES:
            return False
    return month_named or _DATE_SHAPE.search(segment) is not None


def _join(segments: list[str], separators: list[str]) -> str:
    """Segments with the separators between them, stripped (one join: linear)."""
    pieces = [segments[0]]
    for separator, segment in zip(separators, segments[1:], strict=False):
        pieces += (separator, segment)
    return "".join(pieces).strip()


def leading_text(
    el: lxml.html.HtmlElement, limit: int, *, separator: str = "", normalise: bool = True
) -> str:
    """The start of `el`'s text (its pieces joined by `separator`), reading at most about
    `limit` characters however big the element: white space normalised and cut to `limit`,
    or raw (`normalise=False`) for a caller that cleans it itself."""
    text = _read_text(el, limit, separator)[0]
    return normalise_space(text)[:limit] if normalise else text


def short_text(el: lxml.html.HtmlElement, limit: int) -> str | None:
    """`el`'s text, white space normalised, if it is at most `limit` characters long, else
    None: an element with more text is only read until that is clear."""
    text, complete = _read_text(el, limit + 1, "")
    normalised = normalise_space(text)
    if len(normalised) > limit:
        return None
    if not complete:  # rare: what was read is mostly white space
        normalised = normalise_space(el.text_content())
    return normalised if len(normalised) <= limit else None


def _read_text(el: lxml.html.HtmlElement, limit: int, separator: str) -> tuple[str, bool]:
    """The first 2 * `limit` characters of `el`'s text (room for the white space that
    normalising removes), and whether that is all of it."""
    pieces: list[str] = []
    budget = limit * 2
    for piece in el.itertext():
        if budget <= 0:
            return separator.join(pieces), False
        pieces.append(piece[:budget])
        budget -= len(piece) + len(separator)
    return separator.join(pieces), budget >= 0


def _attr(el: lxml.html.HtmlElement, name: str) -> str | None:
    value = el.get(name)
    return value if isinstance(value, str) else None


def _inside(el: lxml.html.HtmlElement, tag: str) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.getparent()
    return False

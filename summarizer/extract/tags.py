"""The page's own tags, cleaned for a card: no button labels, no stopwords, no near-duplicates.

Tags come from the CMS (article:tag, JSON-LD keywords, a visible "Tags:" strip) and carry its
habits: index forms of names ("Bevin, Matthew", "Beshear, Andrew G (1977- )"), qualifiers
("Winter (Season)"), case and plural variants, UI labels that sit in the same strip ("Show
more") and stray function words ("d’un"). The card shows at most `MAX_CARD_TAGS`; tags the
article itself mentions go first.

A tag that names nothing in the article (no content word of it in the headline, description or
body; one of stopwords only, not said whole: "Consider This") is the site's, not the
article's: a section ("Technology News"), a format or paywall label ("Story", "Premium
Content"), site-wide keywords ("otw"), the categories of a blog's sidebar.
An acronym of another tag ("VW" beside "Volkswagen", "Wasm" beside "WebAssembly"), or the
short form the text gives another in parentheses ("Internationalized Resource Identifiers
(IRIs)"), adds nothing; nor does a surname beside the full name ("Obama", "Barack Obama").
Nor is a date a topic ("October"), nor a phrase opening on a preposition the text does not
write whole ("Tras 3 Ligas"), nor the headline cut into one-word tags ("Wie | entsteht |
Erdöl"). Where every noun has a capital (German), a word in small letters that the text writes
only so is no noun ("sauber", "fesselnd"), and "Szene, Touren" is two tags, no index name.
Two English tags ending on one common noun ("Social media", "Online media") are one kind of
thing where the article says one and never the other, and so are two German ones whose
qualifier is in small letters ("automatisches Katzenspielzeug"); a compound and the phrase
saying it ("Spielzeug für Katzen") are one tag, and so are compounds with a part exchanged
("Arbeitslosenquote", "Arbeitslosenzahlen"). A word in capitals beside no words shouted is an
acronym ("ONCE"), even where the text writes the word only in small letters."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import unquote, urlsplit

from summarizer.extract.hosts import labels_before_suffix
from summarizer.extract.limits import MIN_OWN_TAG_LIFT
from summarizer.languages import (
    calendar_languages,
    capitalises_nouns,
    folded,
    is_date_phrase,
    same_word,
    stopwords_of,
    words,
    writes_calendar_small,
)
from summarizer.text import UNSPACED_CHAR, clean_text, squash
from summarizer.word_frequency import common_word_frequency, has_common_words

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
    r"|other|all|sports?) news|top stories|latest|video|videos|photos?|pictures?|images?"
    r"|galler(?:y|ies)|galerie|bildergalerie|fotogalerie|fotostrecke)\W*$",
    re.IGNORECASE,
)
# Below this many words the article may be a teaser or a paywall's first lines: a tag it does
# not mention may still be its topic.
MIN_WORDS_TO_JUDGE_TAGS = 150
# A word naming a folder of the page's address is the site's section unless the article says it
# at least this many times ("global" of "/us-global-markets/" said once; "trial" said 60 times).
MIN_FOLDER_TOPIC_USES = 3
# A part of a compound tag word found in the article has at least this many letters, and so
# does the rest of the word.
_MIN_COMPOUND_PART_CHARS = 5
# Lower-case words that open names ("van Gogh", "de Gaulle", "al-Assad"): a tag opening on
# one is a name, not a label's fragment.
_NAME_PARTICLES_LIST = """
    van von der den de del della di da dos das du le la al el bin ibn ten ter zu
    """
_NAME_PARTICLES = frozenset(_NAME_PARTICLES_LIST.split())
# Prepositions of the corpus languages, and possessives addressing the reader: a phrase
# opening on one ("Tras 3 Ligas", "Your Money Saving", "Unter Palmen") is a piece of a
# headline or a column's title, no name of a topic, unless the text writes it whole (a title:
# "Through the Darkest of Times"). The name particles above are left out. "an" is German's
# preposition and English's article: a tag opening on either is a phrase's piece or a title
# the text writes whole ("An Inspector Calls"). "per" (English, Italian, Latin) is listed once.
_PHRASE_OPENERS_LIST = """
    in on at of for with from to by about through under over after before since until into
    onto upon against between among without within via per your my our
    an auf aus bei mit nach für über unter vor hinter neben zwischen durch gegen ohne um
    seit bis im am zum zur vom beim ins dein mein unser euer
    ante bajo con contra desde entre hacia hasta para por según sin sobre tras durante
    mediante
    à au aux dans par pour vers avec sans sous sur chez depuis pendant après avant votre notre
    após até com em perante sem sob trás
    su tra fra
    """
_PHRASE_OPENERS = frozenset(_PHRASE_OPENERS_LIST.split()) - _NAME_PARTICLES
# Endings that make a noun of a verb or an adjective ("retire-ment", "impeach-ment",
# "elect-ion", "kind-ness"), English and its Romance neighbours.
_DERIVING_ENDINGS_LIST = """
    ment ments ion ions ation ations ness ity ité idad idade ità ance ence
    """
_DERIVING_ENDINGS = frozenset(_DERIVING_ENDINGS_LIST.split())
# Two parts joined by a spaced dash or a slash ("100 Jahre Bauhaus – Dessau feiert",
# "Vanlife - die besten Tipps", "Katholische Kirche / Papst"): a dossier's or a series'
# title, or two sections, unless the article says it whole ("Pale Blue Dot / Lift Off", the
# record it reviews).
_TITLE_JOINT = re.compile(r"\S\s+[-–—/]\s+\S")
# Words this short in a site's name are particles ("in", "de", "of"), not its name.
_MAX_PARTICLE_CHARS = 2
# A folder of the page's address of this many words or fewer ("/news/business/markets/",
# "/article/us-global-markets/") names where the site files the page; a longer one is a slug.
_MAX_FOLDER_WORDS = 3
_FOLDER_WORD_GAP = re.compile(r"[-_.+]+")
# Letters an address spells out ("/oesterreich/" for "Österreich", "/strasse/" for "Straße").
_SPELT_OUT = {
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ß": "ss",
    "æ": "ae",
    "ø": "oe",
    "å": "aa",
    "œ": "oe",
}
# "Page Type: Article", "Day: Wednesday": a CMS field, not a topic, when a page has several.
_FIELD = re.compile(r"^\w[\w ]{0,20}:\s")
# "News" in the languages of the corpus: "<topic> News" is how sites name their sections.
_NEWS_WORDS = frozenset({"news", "nachrichten", "noticias", "notícias", "actualités", "nieuws"})
# Kinds of article a site files its pieces under ("Personal Finance How To", "Kultur
# Reportage", "Film Reviews"), and alone a format label ("Review", "Interview", "Kolumne").
_KIND_WORDS_LIST = """
    review reviews interview interviews column columns explainer explained reportage
    kolumne bericht rezension rezensionen kritik critique chronique entretien entrevista
    reseña reseñas crónica resenha
    fazit pressemitteilung pressemitteilungen presseinformation presseinformationen
    pressemeldung pressemeldungen communiqué communiqués comunicado comunicados
    """
_KIND_WORDS = frozenset(_KIND_WORDS_LIST.split())
# Kinds of article named in several words ("hands-on", "editor's letter"), and the site's
# furniture sections beside its articles ("Stellenangebote", "Veranstaltungen"): labels, no
# topics, however the article reads (keyed as `words` gives a tag, hyphens as spaces).
_LABEL_PHRASES_LIST = """
    hands on|first look|first impressions|editor's letter|editors letter|letter from the editor
    |press release|press releases|job offers|job vacancies|vacancies|stellenangebote
    |stellenanzeigen|stellenmarkt|veranstaltungen|termine|offres d'emploi|ofertas de empleo
    """
_LABEL_PHRASES = frozenset(" ".join(part.split()) for part in _LABEL_PHRASES_LIST.split("|"))
_HOW_TO = ("how", "to")
# An acronym tag: capitals only, this many letters at most ("VW", "MSFT", "NYCHA").
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_MAX_ACRONYM_CHARS = 6
# A tag in capitals of at most this many letters that the text writes only in small letters is
# an acronym all the same: so short a word in small letters is as likely another word ("US" of
# "us", "WHO" of "who", "CAT" of "cat"); a longer one is a word shouted ("GLOBAL").
_MAX_HOMOGRAPH_CHARS = 3
# A list with this many words shouted shouts ("GLOBAL | MARKETS" beside "US", see
# `_list_shouts`): a word in capitals may be a word shouted; in a list in mixed case, or
# beside acronyms only ("PSOE", "PP"), it is an acronym ("ONCE").
_MIN_SHOUTED_TAGS = 2
# A word in small letters that a text where nouns have capitals says this often is a topic
# (an adjective: "vegan"); one it says less often is said in passing ("sauber").
_MIN_ADJECTIVE_TAG_USES = 3
# Where nouns have capitals, the endings of a finite verb or a participle ("entsteht",
# "bewegt", "fesselnd"): no topic however often the text says it.
_VERB_FORM_ENDINGS = ("t", "nd")
# Where every noun has a capital, a one-word tag in small letters this long that the text writes
# nowhere in small letters inside a sentence is a noun, and gets its capital ("vergangenheit",
# "schwangerschaft"); a shorter one may be an acronym ("wg": "WG").
_MIN_NOUN_CHARS = 4
_LETTERS = re.compile(r"[^\W\d_]+")
# Words in parentheses ("(Kita)", "(Medef)", "(Named Binary Tag)"): a short or a long form.
_PARENTHESISED = re.compile(r"\(([^()]{1,60})\)")
# What the text sets before a short form in parentheses: its long form is among these last words
# (read from these last characters).
_LONG_FORM_WINDOW_WORDS = 8
_LONG_FORM_WINDOW_CHARS = 200
# A clipped word ("Wasm" of "WebAssembly") has at most this many letters.
_MAX_CLIPPED_CHARS = 5
# Where a capital inside a word opens its next part ("Web|Assembly").
_INNER_CAPITAL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Words of a page's format, place or paywall, not its topic: a tag made of them ("Story",
# "Standard", "Premium Content", "section-Articles", "featured-story", "Exclusive"), or one
# naming a kind of article with them ("NRPLUS Member Articles"), is the CMS's label.
_FORMAT_WORDS_LIST = """
    article articles story stories post posts content contents page pages section sections
    standard premium member members membership subscriber subscribers subscription exclusive
    feature features featured sponsored paid paywall plus free front
    artikel beitrag beiträge inhalt inhalte abo abonnenten exklusiv
    article articles contenu abonnés exclusif artículo artículos contenido suscriptores
    exclusivo artigo artigos conteúdo assinantes exclusivo
    """
_FORMAT_WORDS = frozenset(_FORMAT_WORDS_LIST.split())
_KIND_OF_ARTICLE = frozenset({"articles", "posts", "stories", "content", "artikel", "beiträge"})
# "Album of the Week", "Bild des Tages": a column the site runs, not a topic.
_COLUMN = re.compile(
    r"\w (?:of the (?:day|week|month)|des tages|der woche|des monats|du jour|de la semaine"
    r"|du mois|del d[ií]a|de la semana|del mes|do dia|da semana|do m[eê]s|del giorno"
    r"|della settimana|del mese|van de (?:dag|week|maand))$",
    re.IGNORECASE,
)
# "Politics & Policy", "Film & TV", "Bauen und Wohnen": two topics joined, the way sites name
# their sections, and so an index names its subjects ("United States Politics and Government");
# a name joined so ("Procter & Gamble") is one the article writes whole. Up to three words
# either side.
_COORDINATED = re.compile(
    r"^[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2} (?:&|and|und|et|y|e|en|i|och|og)"
    r" [^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}$",
    re.IGNORECASE,
)
# A tag this long that is the whole headline is an SEO keyword made of it; a shorter one may
# be the name the headline is ("Will Smith").
_MIN_HEADLINE_TAG_WORDS = 3
# This many one-word tags in a row, each the next word of the headline (stopwords between them
# aside), are the headline cut into keywords ("ATLANTIS | PARADISE | ISLAND" under "Atlantis
# Paradise Island and Dolphin Cay donates…", "Wie | entsteht | Erdöl" under "Wie entsteht
# Erdöl?"), when a function word is among them (see `_headline_cut`): they say nothing the
# title does not, and a verb or a particle of it is no topic.
_MIN_HEADLINE_CUT_TAGS = 3
# Articles, conjunctions and question words of the corpus languages: with the prepositions
# (`_PHRASE_OPENERS`) the closed-class words no editor tags alone. The broad stopword lists
# hold topic nouns too ("world", "research", "Microsoft"): no evidence of a cut headline.
_CLOSED_CLASS_LIST = """
    a the and or but nor what who whom how why when where which
    der die das den dem des ein eine einen einem einer eines und oder aber wie was wer warum
    wann wo welche welcher welches
    el los las un una unos unas y o pero qué cómo quién cuándo dónde
    le les une des et ou mais que qui comment pourquoi quand où
    os um uma ou mas como quem quando onde
    il lo gli i un una ma che come chi quando dove perché
    het een en maar wat hoe waarom wanneer waar
    """
_CLOSED_CLASS = frozenset(_CLOSED_CLASS_LIST.split()) | _PHRASE_OPENERS
# Languages that set a qualifier before its noun ("Social media", "automatisches
# Katzenspielzeug"), so that two tags ending on one common noun name one kind of thing (see
# `_one_kind`); French and Spanish set it after ("Homme politique", "Gala politique": one
# qualifier, two things).
_QUALIFIER_FIRST_LANGUAGES = frozenset({"en", "de"})
# What sets a German compound's first part after its last ("Spielzeug für Katzen" is
# "Katzenspielzeug"): two tags saying one compound so are one (see `_compound_paraphrase`).
_COMPOUND_PREPOSITIONS = frozenset({"für", "von", "zum", "zur"})
# Two one-word tags sharing this many letters or more of their beginning and end, at least this
# share of the shorter, are one compound with a part exchanged ("Arbeitslosenquote",
# "Arbeitslosenzahlen", "Arbeitsmarktzahlen"; not "Energiewende" and "Energiewirtschaft"); an
# end shared counts when it is a word's length, not a suffix ("-ung" of "Pferdehaltung").
_MIN_SHARED_COMPOUND_CHARS = 10
_MIN_SHARED_COMPOUND_SHARE = 0.7
# Tags this long sharing their first `_HEAD_WORDS` words are one keyword varied.
_MIN_HEAD_TAG_WORDS = 3
_HEAD_WORDS = 2
# Opening quote marks and what closes each (German „…“, Swiss «…», English “…” and ‘…’).
_QUOTE_PAIRS = {
    '"': '"',
    "“": "”“",
    "„": "“”",
    "«": "»",
    "»": "«",
    "‘": "’",
    "‚": "‘’",
    "‹": "›",
}
_CLOSING_DOUBLE_QUOTES = frozenset('"”“»«')
# What parts the words of a tag in the text: spaces, or a slug's hyphens and underscores.
_WORD_GAP = re.compile(r"[\s_-]+")
# What may stand before a word inside a sentence (a capital after it is no sentence's).
_INSIDE_SENTENCE = frozenset(",;(–—-")
# A date in digits: "11.18.19", "2019-11-18", "18/11/2019".
_DATE_TOKEN = re.compile(r"(?<![\w.])\d{1,4}(?:[./-]\d{1,4}){2}(?![\w])")
# "(1977- )", "(born 1950)": life dates after an index-form name.
_LIFE_DATES = re.compile(r"\s*\((?:[^()]*\d{3,4}[^()]*)\)\s*$")
# "Winter (Season)", "Mercury (planet)": a disambiguating qualifier.
_QUALIFIER = re.compile(r"\s*\([^()]{1,30}\)\s*$")
# "Bevin, Matthew", "Beshear, Andrew G": surname, given names (each capitalised, short; no
# digit in a given name: "Corona-Virus, Covid-19" is two tags).
_INDEX_NAME = re.compile(
    r"^(?P<last>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?), "
    r"(?P<first>[A-Z](?:[^\W\d_]|['’.-])*(?: [A-Z](?:[^\W\d_]|['’.-])*){0,2})$"
)


def card_tags(
    tags: Iterable[str],
    *,
    languages: Sequence[str],
    text: str = "",
    site_name: str | None = None,
    limit: int = MAX_CARD_TAGS,
    site_wide: bool = False,
    headline: str = "",
    language: str | None = None,
    urls: Sequence[str | None] = (),
    navigation: Iterable[str] = (),
) -> list[str]:
    """At most `limit` clean tags: UI labels, stopwords and the site's name (or its address's:
    "el colombiano" on elcolombiano.com) dropped, index names turned round, qualifiers
    removed, near-duplicates merged (the first form wins; see `_near_duplicate`), tags the
    article `text` mentions before those it does not. When `text` (the headline,
    description and body) is long enough to judge, a tag with no word in it is dropped, and so
    is an acronym of another tag. `site_wide` tags (a site's meta keywords, often the same on
    every page) are kept only where `text` (then the body alone) says them whole, however
    short it is. A tag of three words or more that is the whole `headline` (an SEO keyword made of
    it: "calendario stock car 2018" under "Calendário Stock Car 2018") repeats the card's
    title. A lone common word of `language` (the text's) that the text hardly uses more often
    than the language does is a site's section ("gear", "technology", "food"; "Media" where the
    text writes it with its capital only where a sentence opens, see `_is_section_word`); so is
    a tag of several words with a word of `site_name` that the text does not say ("Gaming
    hardware" on Tom's Hardware), and a lone word in small letters that names a folder of one
    of the page's `urls` ("global", "markets" under "/article/us-global-markets/"), and a tag
    whose every word does, one unsaid ("Chronik Österreich" under "/chronik/oesterreich/").
    A tag that is a label of the page's `navigation` (its menus' link texts) and that `text`
    says at most once is the site's section too ("Rechtsprechung" under a menu's
    "Rechtsprechung"; see `names_a_site_section`).
    A tag the text names once in passing, qualifying another thing ("a Sugar Land-based
    provider"), goes last."""
    if not tags:
        return []
    headline_key = (
        folded(_key(headline)) if len(words(headline)) >= _MIN_HEADLINE_TAG_WORDS else None
    )
    series_key = _series_key(headline)
    stop = stopwords_of(languages)
    judged = site_wide or len(text.split()) >= MIN_WORDS_TO_JUDGE_TAGS
    article = _ArticleWords(text) if judged else None
    body = _body_said(article, headline) if article is not None else None
    site_key = _key(site_name) if site_name else None
    site_spellings = _site_spellings(site_name)
    site_words = _site_words(site_name, stop)
    folders = frozenset().union(*map(_folder_words, urls))
    sections = navigation_keys(navigation)
    # What the article says, its headline with it (a site-wide tag's `text` is the body alone).
    said = (
        None
        if not sections or not text
        else article
        if article is not None and not site_wide
        else _ArticleWords(f"{headline}\n{text}")
    )
    nouns_capitalised = capitalises_nouns(language)
    qualifier_first = language in _QUALIFIER_FIRST_LANGUAGES
    tags = _lists_split(tags, text) if nouns_capitalised else list(tags)
    headline_cut = _headline_cut(tags, headline, stop)
    list_shouts = _list_shouts(tags, text)
    cleaned: list[str] = []
    kept: list[list[str]] = []
    # The words of the tags merged into one kept: a compound varied from one is a variant too.
    merged: list[list[str]] = []
    for raw in tags:
        if raw in headline_cut:
            continue
        tag = readable_tag(raw)
        if text and tag:
            tag = as_written(
                tag,
                text,
                headline=headline,
                stopwords=stop,
                list_shouts=list_shouts,
                nouns_capitalised=nouns_capitalised,
            )
        if not tag or _UI_LABEL.match(tag) or _is_stopword_tag(tag, stop) or _is_format_label(tag):
            continue
        if _opens_on_function_word(tag, stop):
            continue
        if body is not None and _opens_on_preposition(tag, body, language):
            continue
        if _is_date_tag(tag, languages, text):
            continue  # "October", "Thursday Dec": when, not what
        if tag.islower() and tag in folders and _files_the_page(tag, article):
            continue  # where the site files the page: a section, a common word
        if folders and _names_folders(tag, folders, article):
            continue  # "Chronik Österreich" under "/chronik/oesterreich/": the section's path
        if _COLUMN.search(tag):
            continue
        key = _key(tag)
        if not key or key == site_key or folded(key) in (headline_key, series_key):
            continue
        if sections and said is not None and names_a_site_section(tag, sections, said):
            continue  # a menu's label the article hardly says: where the site files it
        if squash(tag) in site_spellings:
            continue  # "el colombiano" on elcolombiano.com
        if article is not None:
            tag = _without_news_word(tag, article)
            if not tag or not article.names_any(tag, stop):
                continue
            if site_wide and not article.says_roughly(tag):
                continue
            if _COORDINATED.match(tag) and not article.says(tag):
                continue
            if _is_section_word(tag, article, language, headline):
                continue
            if _names_a_section_of(tag, site_words) and not article.says_roughly(tag):
                continue
            if _TITLE_JOINT.search(tag) and not article.says(tag):
                continue
        tag_words = key.split()
        twin = next(
            (
                at
                for at, other in enumerate(kept)
                if _near_duplicate(tag_words, other)
                or (qualifier_first and _one_kind(tag, cleaned[at], nouns_capitalised, article))
            ),
            -1,
        )
        if twin < 0 and any(_part_exchanged(tag_words, other) for other in merged):
            continue  # a compound varied from one merged before ("Arbeitsmarktzahlen" of
            # "Arbeitslosenzahlen", merged into "Arbeitslosenquote")
        if twin >= 0:
            merged.append(tag_words)
            # Of two forms of a keyword or a name, one the article writes is the better.
            if (
                article is not None
                and (
                    _varied(tag_words, kept[twin])
                    or (
                        qualifier_first
                        and _one_kind(tag, cleaned[twin], nouns_capitalised, article)
                    )
                )
                and article.says(tag)
                and not article.says(cleaned[twin])
            ) or (article is not None and _full_name_of(tag, cleaned[twin], article)):
                kept[twin], cleaned[twin] = tag_words, tag
            elif nouns_capitalised and _compound_paraphrase(cleaned[twin].split(), tag.split()):
                kept[twin], cleaned[twin] = tag_words, tag  # the compound, not its paraphrase
            elif _derived(tag_words, kept[twin]):
                # The form with the noun shows ("Early retirement", not "How to retire
                # early"); the root's words catch the other forms ("Retiring early").
                if _holds_derived(tag_words, kept[twin]):
                    cleaned[twin] = tag
                else:
                    kept[twin] = tag_words
            continue
        kept.append(tag_words)
        cleaned.append(tag)
    cleaned = [tag for tag in cleaned if not _acronym_of_another(tag, cleaned)]
    if text:
        cleaned = without_short_forms(cleaned, text)
    if sum(1 for tag in cleaned if _FIELD.match(tag)) >= 2:
        cleaned = [tag for tag in cleaned if not _FIELD.match(tag)]
    folded_text = article.folded if article is not None else " " + " ".join(words(text)) + " "
    mentioned = [tag for tag in cleaned if f" {' '.join(words(tag))} " in folded_text]
    # Named once, in passing, as what another thing is qualified by ("a Sugar Land-based
    # provider"): the tags the article is about, and those it does not say, go first.
    passing = [tag for tag in mentioned if article is not None and _named_in_passing(tag, article)]
    others = [tag for tag in cleaned if tag not in mentioned]
    mentioned = [tag for tag in mentioned if tag not in passing]
    return (mentioned + others + passing)[:limit]


def navigation_keys(labels: Iterable[str]) -> frozenset[str]:
    """The navigation `labels` (link texts of the site's menus) as `names_a_site_section`
    compares them: folded as near-duplicates are (`_key`)."""
    return frozenset(filter(None, (folded(_key(label)) for label in labels)))


def names_a_site_section(tag: str, sections: frozenset[str], text: str | _ArticleWords) -> bool:
    """`tag` equals a label of the site's navigation (`sections`, see `navigation_keys`) and
    the article (`text`) says it at most once, up to inflection: a section the site files the
    page under, not what it is about ("Rechtsprechung" said once in a ruling's report). A
    topic the article keeps saying stays, a menu listing it or not."""
    if folded(_key(tag)) not in sections:
        return False
    article = text if isinstance(text, _ArticleWords) else _ArticleWords(text)
    found = words(tag.replace("-", " "))
    if len(found) == 1:
        return article.uses(found[0]) <= 1
    return article.folded.count(f" {' '.join(found)} ") <= 1


def _named_in_passing(tag: str, article: _ArticleWords) -> bool:
    """The article says `tag` once, as the first part of a word that qualifies another ("a
    Sugar Land-based provider", "a California-based firm": a hyphen and a word in small
    letters right after it): where a thing the article names is, or what it is made of, not
    what the article is about."""
    if article.folded.count(f" {' '.join(words(tag))} ") != 1:
        return False
    text = article.text
    at = text.find(tag)
    while at >= 0:
        end = at + len(tag)
        if not (text[at - 1 : at].isalnum() or text[end : end + 1].isalnum()):
            return text[end : end + 1] == "-" and text[end + 1 : end + 2].islower()
        at = text.find(tag, end)
    return False


def _lists_split(tags: Iterable[str], text: str) -> list[str]:
    """`tags` with a list in one ("Szene, Touren", "Corona-Virus, Covid-19") as its parts.
    Where every noun has a capital, two nouns either side of a comma read as a surname and a
    given name ("Touren Szene" turned round): such a tag is a list only where each part is a
    tag of its own too, or where `text` says each part as a word and never the two turned
    round; else it is the index name it reads as ("Merkel, Angela" under a teaser that writes
    only "Merkel"). A tag no index name reads ("Corona-Virus, Covid-19": a digit) is a list.
    A part left open ("Mahl-, Reib-, Schleifsteine") shares the last word: the tag is one."""
    tags = list(tags)
    own = set(tags)
    said = ""  # the text's words, spaced: built once a tag reads as an index name
    split: list[str] = []
    for tag in tags:
        parts = [part.strip() for part in tag.split(",")]
        if len(parts) < 2 or not all(parts) or any(part.endswith("-") for part in parts):
            split.append(tag)
            continue
        turned = readable_tag(tag)
        if "," in turned or all(part in own for part in parts):  # no index name
            split.extend(parts)
            continue
        said = said or f" {' '.join(words(text))} "
        two_nouns = all(f" {' '.join(words(part))} " in said for part in parts)
        if two_nouns and f" {' '.join(words(turned))} " not in said:
            split.extend(parts)
        else:
            split.append(tag)
    return split


def _headline_cut(tags: Sequence[str], headline: str, stop: frozenset[str]) -> set[str]:
    """The one-word `tags` that, `_MIN_HEADLINE_CUT_TAGS` or more in a row, give words of
    `headline` in its order, only `stop` words between them, one of them a closed-class word
    of the page's languages (`_CLOSED_CLASS`: "AND", "Wie": no editor tags one): the CMS cut
    the headline into keywords (see `_MIN_HEADLINE_CUT_TAGS`); tags outside such a run stay.
    Topics the headline lists ("iMac 5K Lightroom Performance", "Microsoft | Teams | Outage")
    stay."""
    heads = words(headline)
    if len(heads) < _MIN_HEADLINE_CUT_TAGS:
        return set()
    at: dict[str, int] = {}
    for index, word in enumerate(heads):
        at.setdefault(word, index)
    found = [words(tag) for tag in tags]
    places = [at.get(tag_words[0], -1) if len(tag_words) == 1 else -1 for tag_words in found]
    cut: set[str] = set()
    run: list[str] = []
    with_closed = False
    for index, place in enumerate(places):
        previous = places[index - 1] if index else -1
        follows = 0 <= previous < place and all(
            word in stop for word in heads[previous + 1 : place]
        )
        if not follows:
            if len(run) >= _MIN_HEADLINE_CUT_TAGS and with_closed:
                cut.update(run)
            run, with_closed = [], False
        if place < 0:
            continue
        run.append(tags[index])
        word = found[index][0]
        with_closed = with_closed or (word in _CLOSED_CLASS and word in stop)
    if len(run) >= _MIN_HEADLINE_CUT_TAGS and with_closed:
        cut.update(run)
    return cut


def _is_date_tag(tag: str, languages: Sequence[str], text: str) -> bool:
    """A date (`is_date_phrase`: "October", "Thursday Dec"); one word only as a month or day
    of the page's `languages` ("Mayo" is a county on an English page), and not where the
    text writes it as a name: with a capital inside a sentence, never in small letters, in a
    language that writes its months small ("la Clínica Mayo", not "el 5 de mayo")."""
    found = words(tag)
    if len(found) != 1:
        return is_date_phrase(found)
    codes = calendar_languages(found[0], languages)
    if not codes:
        return False
    return not (all(map(writes_calendar_small, codes)) and _written_as_name(tag, text))


def _written_as_name(word: str, text: str) -> bool:
    """`text` writes `word` with a capital inside a sentence, and never in small letters."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
    inside = False
    for match in pattern.finditer(text):
        if match.group(0)[:1].islower():
            return False
        at = match.start() - 1
        while at >= 0 and text[at].isspace():
            at -= 1
        inside = inside or (at >= 0 and (text[at].isalnum() or text[at] in _INSIDE_SENTENCE))
    return inside


def _series_key(headline: str) -> str | None:
    """What is left of a headline that dates an issue of a series ("Opening Bell 11.18.19",
    "Weekly Briefing – 2019-11-18"): the series' name, keyed as tags are; None without a
    date."""
    if not _DATE_TOKEN.search(headline):
        return None
    rest = _DATE_TOKEN.sub(" ", headline)
    return folded(_key(rest)) or None


def readable_tag(tag: str) -> str:
    """One tag as a reader should see it: "Bevin, Matthew" -> "Matthew Bevin",
    "Winter (Season)" -> "Winter", whitespace and invisible characters cleaned."""
    tag = clean_text(tag).lstrip("#").strip(" ,;·|")
    tag = _LIFE_DATES.sub("", tag)
    tag = _QUALIFIER.sub("", tag)
    name = _INDEX_NAME.match(tag)
    if name:
        tag = f"{name['first']} {name['last']}"
    return _without_stray_quotes(tag.strip())


def as_written(
    tag: str,
    text: str,
    *,
    headline: str = "",
    stopwords: frozenset[str] = frozenset(),
    list_shouts: bool = True,
    nouns_capitalised: bool = False,
) -> str:
    """A tag the CMS lower-cased, shouted or wrote as a slug ("adam neumann", "HARRIS COUNTY",
    "doobie-brothers") as `text` writes it inside a sentence ("Adam Neumann", "Harris County",
    "Doobie Brothers"), a short word in capitals the text writes only in small letters
    ("GLOBAL": "global"; not an acronym the text writes with dots, "U.S.", nor one of three
    letters or fewer or one of the `stopwords` its small letters happen to spell, "WHO" of
    "who", "CAT" of "cat"), where the tag list shouts (`list_shouts`: among tags in mixed case
    a word in capitals is an acronym, the Spanish "ONCE" no "once"); a slug or a shouted tag
    `text` never writes is no topic of it (""). Where every noun has a capital
    (`nouns_capitalised`), a tag in small letters that `text` writes only so inside its
    sentences is no noun, and no topic (""): a verb form ("entsteht", "fesselnd") or an
    adjective said in passing ("sauber"), not one it keeps saying ("vegan", see
    `_adjective_topic`); one of a word's length it does not write so (it opens sentences, or
    stands inside a compound) is a noun and gets its capital ("vergangenheit":
    "Vergangenheit"). A tag in mixed case, or
    one the text too writes only so, stays as it is. The `headline` (where `text` opens on it)
    counts as text, but its capitals are no evidence (it is often in Title Case)."""
    slug = " " not in tag and ("-" in tag or "_" in tag) and tag.islower()
    shouted = tag.isupper() and _is_shouting(tag)
    # Short and in capitals: an acronym ("NASA", "SAG"), or, in a list that shouts, a word
    # shouted ("GLOBAL", "AWARDS") where the text never writes it so.
    capitals = list_shouts and tag.isupper() and not shouted and tag.isalpha()
    if not (slug or shouted or capitals or tag.islower()):
        return tag
    parts = [re.escape(part) for part in _WORD_GAP.split(tag) if part]
    if not parts:
        return tag
    pattern = re.compile(r"(?<![\w-])" + r"[\s_-]+".join(parts) + r"(?![\w-])", re.IGNORECASE)
    opening = len(headline) if headline and text.startswith(headline) else 0
    inside: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for match in pattern.finditer(text):
        form = " ".join(match.group(0).split())
        anywhere[form] += 1
        if match.start() >= opening and _inside_sentence(text, match.start()):
            inside[form] += 1
    german_noun = nouns_capitalised and tag.isalpha() and len(tag) >= _MIN_NOUN_CHARS
    if not anywhere:
        if slug or shouted:
            return ""
        return _with_capital(tag) if german_noun and tag.islower() else tag
    form = (inside or anywhere).most_common(1)[0][0]
    if capitals:
        if any(found.isupper() for found in anywhere) or _dotted(tag) in text:
            return tag
        homograph = form.islower() and (len(tag) <= _MAX_HOMOGRAPH_CHARS or form in stopwords)
        return tag if homograph else form
    if slug:
        return form
    if shouted:
        return tag if form.isupper() else form
    small = nouns_capitalised and tag.isalpha() and inside and all(map(str.islower, inside))
    if small and not _adjective_topic(tag, sum(anywhere.values())):
        return ""  # no noun: a verb, an adjective said in passing
    cased = inside and not form.islower() and not (form.isupper() and _is_shouting(form))
    if cased:
        return form
    # A noun the text writes only where a sentence opens, or inside a compound: its capital
    # (not a word it writes in small letters inside a sentence, kept as a topic: "vegan").
    written_small = any(map(str.islower, inside))
    return _with_capital(tag) if german_noun and tag.islower() and not written_small else tag


def _with_capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def _adjective_topic(tag: str, uses: int) -> bool:
    """A word in small letters where nouns have capitals that the text says `uses` times is
    a topic the page tags on purpose ("vegan", "glutenfrei" on a recipe), when the text keeps
    saying it (`_MIN_ADJECTIVE_TAG_USES`) and it ends as no verb form (`_VERB_FORM_ENDINGS`:
    "entsteht", "fesselnd"); an adjective said once or twice ("sauber") describes."""
    return uses >= _MIN_ADJECTIVE_TAG_USES and not tag.endswith(_VERB_FORM_ENDINGS)


def _list_shouts(tags: Sequence[str], text: str) -> bool:
    """`_MIN_SHOUTED_TAGS` of `tags` are words shouted: in capitals, and either no acronym's
    shape (`_is_shouting`: "MARKETS") or never written in capitals by `text` ("GLOBAL" where
    it writes "global"). Acronyms the text writes so ("PSOE", "PP") make no list shout, so
    "ONCE" beside them stays an acronym; "US" beside "GLOBAL | MARKETS" is no evidence
    either way."""
    upper = [tag for tag in tags if tag.isupper()]
    if len(upper) < _MIN_SHOUTED_TAGS:
        return False
    capitals = {word for word in _LETTERS.findall(text) if word.isupper()}
    shouted = sum(
        1
        for tag in upper
        if _is_shouting(tag) or not all(word in capitals for word in _LETTERS.findall(tag))
    )
    return shouted >= _MIN_SHOUTED_TAGS


def _dotted(acronym: str) -> str:
    """`acronym` written with dots ("U.S." of "US")."""
    return "".join(f"{letter}." for letter in acronym)


def _is_shouting(tag: str) -> bool:
    """Several words, or a word longer than an acronym ("HARRIS COUNTY", "MARKETS"; not "FPÖ",
    "FUT 21")."""
    found = _LETTERS.findall(tag)
    return len(found) >= 2 or any(len(word) > _MAX_ACRONYM_CHARS for word in found)


def _without_stray_quotes(tag: str) -> str:
    """A tag without the quote mark it opens on when nothing closes it ("‘Google Play", cut
    from a quoted title), or one it ends on that nothing opened ("Google Play”"), and without
    a pair around the whole of it ("«Brexit»"); an apostrophe at the end is a possessive
    after an "s" ("the Joneses’"), a quote that nothing opened after any other letter ("China'"
    of 'Golf aus China')."""
    if len(tag) < 2:
        return tag
    closers = _QUOTE_PAIRS.get(tag[0])
    if closers is not None:
        if tag[-1] in closers:
            return tag[1:-1].strip()
        if not any(char in closers for char in tag[1:]):
            tag = tag[1:].lstrip()
    if tag[-1:] in _CLOSING_DOUBLE_QUOTES:
        openers = [opener for opener, closers in _QUOTE_PAIRS.items() if tag[-1] in closers]
        if not any(char in openers for char in tag[:-1]):
            tag = tag[:-1].rstrip()
    before = tag[-2:-1]
    if tag[-1:] in "'’" and before.isalpha() and before not in "sSxXzZ" and "'" not in tag[:-1]:
        tag = tag[:-1] if "‘" not in tag else tag
    return tag


def _is_stopword_tag(tag: str, stop: frozenset[str]) -> bool:
    """Every word of the tag is a short function word of a page language ("d’un", "Deine")."""
    # Elided forms ("d’un", "c’est") are split into their parts (the lists hold "d", "c").
    found = [part for word in words(tag) for part in word.split("'")]
    return bool(found) and all(part in stop and len(part) <= _MAX_STOPWORD_CHARS for part in found)


def _opens_on_function_word(tag: str, stop: frozenset[str]) -> bool:
    """A lower-case function word, then a capitalised word ("en Español", "in Deutschland"):
    the tail of a label such as an edition's ("The New York Times en Español"), not a topic.
    A name's particle ("van Gogh", "de Gaulle") is no such word."""
    found = tag.split()
    if len(found) < 2 or not found[1][:1].isupper():
        return False
    first = found[0]
    return (
        first.islower()
        and first in stop
        and first not in _NAME_PARTICLES
        and len(first) <= _MAX_STOPWORD_CHARS
    )


def _body_said(article: _ArticleWords, headline: str) -> str:
    """The article's words after the `headline` it opens on, spaced as `_ArticleWords.folded`
    is (" word word "): a headline is often in Title Case, so its words prove no title."""
    heads = words(headline)
    if not heads or article.words[: len(heads)] != heads:
        return article.folded
    return article.folded[len(" ".join(heads)) + 1 :]


def _opens_on_preposition(tag: str, body: str, language: str | None) -> bool:
    """A tag of several words opening on a capitalised preposition or possessive (see
    `_PHRASE_OPENERS`: "Tras 3 Ligas", "Your Money Saving") that the article's `body` (see
    `_body_said`) does not say whole, in any case. An acronym ("MIT") is no preposition, and
    a name is none (see `_names_only`: "Per Mertesacker", "Su Bingtian")."""
    first, _, rest = tag.partition(" ")
    if not rest or not first.istitle() or first.lower() not in _PHRASE_OPENERS:
        return False
    if _names_only(rest, language):
        return False
    return f" {' '.join(words(tag))} " not in body


def _names_only(phrase: str, language: str | None) -> bool:
    """Every word of `phrase` is capitalised and none is a common word of `language` (per
    wordfreq's list: "Mertesacker", not "Money", "Palmen"); where the language has no list,
    no verdict (False). A given name may be spelled as a preposition ("Per", "Su", "Ante")."""
    found = phrase.split()
    if not language or not has_common_words(language):
        return False
    return all(
        word[:1].isupper() and word.isalpha() and not common_word_frequency(word, language)
        for word in found
    )


def _is_format_label(tag: str) -> bool:
    """Every word of the tag is a format or paywall word, or it names a kind of article with
    one ("Member Articles"), or it is one word for a kind of article ("Review", "Kolumne",
    "Pressemitteilungen"), or a label of several (`_LABEL_PHRASES`: "hands-on")."""
    found = words(tag.replace("-", " ").replace("_", " "))
    if not found:
        return False
    if all(word in _FORMAT_WORDS for word in found) or (
        len(found) == 1 and found[0] in _KIND_WORDS
    ):
        return True
    if " ".join(found).replace("’", "'") in _LABEL_PHRASES:
        return True
    return (
        len(found) > 1
        and found[-1] in _KIND_OF_ARTICLE
        and any(word in _FORMAT_WORDS for word in found[:-1])
    )


def _near_duplicate(first: list[str], second: list[str]) -> bool:
    """Two tags for one topic: the same words up to inflection ("China", "Chinese"), or every
    word of one inside the other ("Essen" and "Stadt Essen", "Westviertel" and
    "Essen-Westviertel")."""
    if len(first) == len(second) and all(map(same_word, first, second)):
        return True
    shorter, longer = sorted((first, second), key=len)
    if all(any(same_word(word, other) for other in longer) for word in shorter):
        return True
    return _varied(first, second) or _derived(first, second)


def _one_kind(
    first: str, second: str, nouns_capitalised: bool, article: _ArticleWords | None
) -> bool:
    """Two tags of two words in sentence case on one common noun, only its qualifier other
    ("Social media" and "Online media"), of which the `article` says one and never the
    other: two names for the kind of thing it writes of, where the qualifier comes first
    (`_QUALIFIER_FIRST_LANGUAGES`). Shape alone tells no synonyms from distinct topics
    ("Monetary policy", "Fiscal policy"): an article saying both, or neither, or none to
    judge, keeps both. A name's last word has a capital ("Premier League", "Champions
    League"); in tags all in small letters ("ann wilson", "nancy wilson") nothing tells a
    common noun from a name. Where every noun has a capital (`nouns_capitalised`, German), a
    qualifier in small letters is no name's ("automatisches Katzenspielzeug" beside
    "Elektronisches Katzenspielzeug"; not "Katholische Kirche" and "Evangelische Kirche"), and
    a tag saying a compound with a preposition is that compound, whatever the article says
    (see `_compound_paraphrase`)."""
    first_words, second_words = first.split(), second.split()
    if nouns_capitalised and (
        _compound_paraphrase(first_words, second_words)
        or _compound_paraphrase(second_words, first_words)
    ):
        return True
    if article is None or len(first_words) != 2 or len(second_words) != 2:
        return False
    (qualifier, head), (other_qualifier, other) = first_words, second_words
    if nouns_capitalised:
        shaped = (
            (qualifier.islower() or other_qualifier.islower())
            and folded(qualifier) != folded(other_qualifier)
            and same_word(head, other)
        )
    else:
        shaped = (
            qualifier[:1].isupper()
            and other_qualifier[:1].isupper()
            and head.isalpha()
            and head.islower()
            and _singular(head) == _singular(other)
        )
    # (German inflects a qualifier: "das elektronische Katzenspielzeug" says the first.)
    said = article.says_roughly if nouns_capitalised else article.says
    return shaped and said(first) != said(second)


def _compound_paraphrase(phrase: list[str], other: list[str]) -> bool:
    """`phrase` ends on a noun, a preposition that sets a compound's first part after its last
    (`_COMPOUND_PREPOSITIONS`) and that part ("elektrisches spielzeug für katzen"), and a word
    of `other` is the compound ("Katzenspielzeug")."""
    if len(phrase) < 3 or phrase[-2].casefold() not in _COMPOUND_PREPOSITIONS:
        return False
    compound = folded(phrase[-1]) + folded(phrase[-3])
    return any(folded(word) == compound for word in other)


def _derived(first: list[str], second: list[str]) -> bool:
    """Every word of the shorter tag inside the longer, some only as a word derived from it
    by an ending ("Early retirement" and "How to retire early": "retire-ment"): one topic, a
    noun's and a verb phrase's form of it."""
    shorter, longer = sorted((first, second), key=len)
    rooted = all(any(_same_root(word, other) for other in longer) for word in shorter)
    return rooted and not all(any(same_word(word, other) for other in longer) for word in shorter)


def _same_root(first: str, second: str) -> bool:
    """One word up to inflection (`same_word`), or one derived from the other (`_derives`)."""
    return same_word(first, second) or _derives(first, second) or _derives(second, first)


def _derives(longer: str, root: str) -> bool:
    """`longer` is a noun made of `root` by an ending ("retirement" of "retire",
    "impeachment" of "impeach"), the root a word's length; a compound's other part
    ("Handballbund" of "Handball") is no ending."""
    longer, root = folded(longer), folded(root)
    return (
        len(root) >= _MIN_COMPOUND_PART_CHARS
        and longer.startswith(root)
        and longer[len(root) :] in _DERIVING_ENDINGS
    )


def _holds_derived(tag_words: list[str], other_words: list[str]) -> bool:
    """A word of `tag_words` is a noun derived from a word of `other_words` (`_derives`)."""
    return any(_derives(word, other) for word in tag_words for other in other_words)


def _varied(first: list[str], second: list[str]) -> bool:
    """One keyword or name varied: see `_compound_part`, `_part_exchanged`, `_same_head`,
    `_same_but_initials`."""
    return (
        _compound_part(first, second)
        or _part_exchanged(first, second)
        or _same_head(first, second)
        or _same_but_initials(first, second)
    )


def _part_exchanged(first: list[str], second: list[str]) -> bool:
    """Two one-word tags, one compound with a part exchanged: they share their beginning, and
    maybe their end, for most of the shorter (see `_MIN_SHARED_COMPOUND_CHARS`)."""
    if len(first) != 1 or len(second) != 1:
        return False
    one, two = folded(first[0]), folded(second[0])
    shorter = min(len(one), len(two))
    if shorter < _MIN_SHARED_COMPOUND_CHARS:
        return False
    start = _shared_start(one, two)
    end = _shared_start(one[::-1], two[::-1])
    shared = min(start + (end if end >= _MIN_COMPOUND_PART_CHARS else 0), shorter)
    return (
        start >= _MIN_COMPOUND_PART_CHARS
        and shared >= _MIN_SHARED_COMPOUND_CHARS
        and shared >= _MIN_SHARED_COMPOUND_SHARE * shorter
    )


def _shared_start(one: str, two: str) -> int:
    """How many characters `one` and `two` open on alike."""
    size = 0
    for mine, theirs in zip(one, two, strict=False):
        if mine != theirs:
            break
        size += 1
    return size


def _compound_part(first: list[str], second: list[str]) -> bool:
    """Two one-word tags, one opening or closing the other ("Stall" and "Kaninchenstall",
    "Pferde" and "Pferdemagazin", "install" and "installation"), each part a word's length."""
    if len(first) != 1 or len(second) != 1:
        return False
    shorter, longer = sorted((folded(first[0]), folded(second[0])), key=len)
    if len(shorter) < _MIN_COMPOUND_PART_CHARS:
        return False
    if len(longer) - len(shorter) < _MIN_COMPOUND_PART_CHARS:
        return False
    return longer.startswith(shorter) or longer.endswith(shorter)


def _same_head(first: list[str], second: list[str]) -> bool:
    """Two tags of three words or more opening on the same two ("stock car brasil" and "stock
    car interlagos", "Personal Finance Insider" and "Personal Finance How To"): one SEO
    keyword varied, or a series' labels."""
    if min(len(first), len(second)) < _MIN_HEAD_TAG_WORDS:
        return False
    return all(map(same_word, first[:_HEAD_WORDS], second[:_HEAD_WORDS]))


def _same_but_initials(first: list[str], second: list[str]) -> bool:
    """One name with another middle initial ("Thomas W. Malone", "Thomas H. Malone")."""
    first_words = [word for word in first if len(word) > 1]
    second_words = [word for word in second if len(word) > 1]
    if len(first_words) < 2 or len(first_words) != len(second_words):
        return False
    return all(map(same_word, first_words, second_words))


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


class _ArticleWords:
    """The words of an article, looked up up to inflection (`same_word`) in buckets of words
    sharing their first characters, so a tag is checked in time linear in its length."""

    _BUCKET_CHARS = 4

    def __init__(self, text: str) -> None:
        self.text = text
        found = words(text)
        self.words = found
        self.counts = Counter(found)
        self.folded = " " + " ".join(found) + " "
        self.buckets: dict[str, set[str]] = {}
        # The distinct words with their counts, by their first folded characters (`uses`).
        self._counted: dict[str, list[tuple[str, int]]] | None = None
        size = self._BUCKET_CHARS
        buckets = self.buckets
        for word in set(found):  # an article repeats its words: each is folded once
            # (`words` lowers: an ASCII word is folded already.)
            key = word if word.isascii() else folded(word)
            bucket = buckets.get(key[:size])
            if bucket is None:
                buckets[key[:size]] = {key}
            else:
                bucket.add(key)

    def has(self, word: str) -> bool:
        """`word` up to inflection, or a compound of a word the article has ("Angstzustände"
        where it says "Angst", "Hasenstall" where it says "Stall")."""
        key = folded(word)
        bucket = self.buckets.get(key[: self._BUCKET_CHARS], set())
        if key in bucket:
            return True
        if len(key) >= self._BUCKET_CHARS and any(same_word(key, other) for other in bucket):
            return True
        return any(
            self._exact(key[:size]) or self._exact(key[-size:])
            for size in range(_MIN_COMPOUND_PART_CHARS, len(key) - _MIN_COMPOUND_PART_CHARS + 1)
        )

    def uses(self, word: str) -> int:
        """How often the article says `word`, up to inflection: a scan of the distinct words
        sharing its first characters (`same_word` needs them to agree), grouped on the first
        call (few tags need it)."""
        if self._counted is None:
            size = self._BUCKET_CHARS
            self._counted = {}
            for found, count in self.counts.items():
                key = (found if found.isascii() else folded(found))[:size]
                self._counted.setdefault(key, []).append((found, count))
        group = self._counted.get(folded(word)[: self._BUCKET_CHARS], ())
        return sum(count for found, count in group if same_word(found, word))

    def _exact(self, key: str) -> bool:
        return key in self.buckets.get(key[: self._BUCKET_CHARS], ())

    def says(self, phrase: str) -> bool:
        return f" {' '.join(words(phrase))} " in self.folded

    def says_roughly(self, phrase: str) -> bool:
        """The article says `phrase` whole, each word up to inflection ("Diplomatische
        Vertretung" where it writes "diplomatischen Vertretung"); a one-word phrase as `has`
        finds it, in a compound too."""
        if UNSPACED_CHAR.search(phrase):
            return all(part in self.text for part in phrase.split())
        found = words(phrase.replace("-", " "))
        if len(found) == 1:
            return self.has(found[0])
        if not found or self.says(phrase):
            return bool(found)
        body = self.words
        size = len(found)
        # `same_word` needs the first characters to agree: only those positions are checked.
        start = folded(found[0])[: self._BUCKET_CHARS]
        return any(
            folded(word).startswith(start) and all(map(same_word, body[at : at + size], found))
            for at, word in enumerate(body[: len(body) - size + 1])
        )

    def names_any(self, tag: str, stop: frozenset[str]) -> bool:
        """Some content word of `tag` occurs in the article; a tag of stopwords only, the
        article says whole (a column's name, "Consider This", is no topic for its "this"); a
        tag in a script written without spaces, as a substring."""
        if UNSPACED_CHAR.search(tag):
            return any(part in self.text for part in tag.split())
        tag_words = words(tag.replace("-", " ").replace("_", " "))
        content = [word for word in tag_words if word not in stop]
        if not content:
            return self.says_roughly(tag)
        return any(self.has(word) for word in content)


def _files_the_page(tag: str, article: _ArticleWords | None) -> bool:
    """A folder word of the page's address (`_folder_words`) is where the site files the
    page unless the article is about it: without a text to judge by, or where the article
    says it fewer than `MIN_FOLDER_TOPIC_USES` times. "trial" said 60 times under
    "/politics/trump-trial/" and "bitcoin" under "/markets/bitcoin/" are the page's topics."""
    return article is None or article.uses(tag) < MIN_FOLDER_TOPIC_USES


def _is_section_word(
    tag: str, article: _ArticleWords, language: str | None, headline: str = ""
) -> bool:
    """A lone common word (not a name: in small letters, the text too writes it so, see
    `as_written`; with a capital, the text writes it so nowhere inside a sentence after the
    `headline`) that the article uses less than `MIN_OWN_TAG_LIFT` times as often as its
    language does, per wordfreq's list: a site's section ("gear" on a console review, "food",
    "Technology", "Entertainment"), not the article's topic ("hibernation", "canning"). Where
    capitals mark names only."""
    if not language or capitalises_nouns(language) or not tag.isalpha() or not tag[1:].islower():
        return False
    frequency = common_word_frequency(tag.lower(), language)
    if not frequency or not article.words:
        return False
    # (A name is found with a few `str.find`s; `uses` groups the article's words first.)
    if not tag.islower() and _named_inside(tag, article.text, headline):
        return False
    return article.uses(tag) / len(article.words) < MIN_OWN_TAG_LIFT * frequency


def _named_inside(word: str, text: str, headline: str) -> bool:
    """`text` writes `word` (with its capital) as a word of its own inside a sentence after
    the `headline` it opens on: a name (a capital opening a sentence proves nothing)."""
    start = len(headline) if headline and text.startswith(headline) else 0
    at = text.find(word, start)
    while at >= 0:
        end = at + len(word)
        whole = not (text[end : end + 1].isalnum() or text[at - 1 : at].isalnum())
        if whole and _inside_sentence(text, at):
            return True
        at = text.find(word, end)
    return False


def _inside_sentence(text: str, at: int) -> bool:
    """The last visible character before `at` is a letter, a digit or a mark that goes on a
    sentence (`_INSIDE_SENTENCE`): looking back over white space only, so that the cost stays
    linear in the text however often a word appears in it."""
    before = at
    while before > 0 and text[before - 1].isspace():
        before -= 1
    mark = text[before - 1 : before]
    return mark.isalnum() or (bool(mark) and mark in _INSIDE_SENTENCE)


def _folder_words(url: str | None) -> frozenset[str]:
    """The words of the folders of `url`'s path (every part but the last, the page's own
    slug) of `_MAX_FOLDER_WORDS` words or fewer, in small letters: where the site files the
    page ("article", "us", "global", "markets" of "/article/us-global-markets/asian-shares")."""
    if not url or "://" not in url:
        return frozenset()
    try:
        path = urlsplit(url).path
    except ValueError:  # an address that does not parse ("http://[::1/news/a"): no folders
        return frozenset()
    parts = [part for part in path.split("/") if part][:-1]
    found: set[str] = set()
    for part in parts:
        folder = [word for word in _FOLDER_WORD_GAP.split(unquote(part).lower()) if word]
        if len(folder) <= _MAX_FOLDER_WORDS:
            found.update(folder)
    return frozenset(found)


def _names_folders(tag: str, folders: frozenset[str], article: _ArticleWords | None) -> bool:
    """A tag of several words, each a word of the page's `folders` (`_folder_words`, as an
    address spells it: "oesterreich" for "Österreich", see `_address_spellings`), one of which
    the article never says ("Chronik Österreich" under "/chronik/oesterreich/", "Sicher am
    Berg" under "/sicher-am-berg/"): the site's path to the page, its section. A topic the
    article writes of in every word ("Internet Privacy" under "/internet-privacy/") stays;
    without a text to judge by, the folders tell."""
    found = words(tag.replace("-", " "))
    if len(found) < 2:
        return False
    if not all(_address_spellings(word) & folders for word in found):
        return False
    return article is None or not all(article.has(word) for word in found)


def _address_spellings(word: str) -> frozenset[str]:
    """How an address may spell `word` (in small letters): as it is, without its accents, or
    with its letters spelt out as the languages that have them do where an address has no
    room for them ("ö" as "oe", "ß" as "ss", "å" as "aa")."""
    spelt = "".join(_SPELT_OUT.get(char, char) for char in word)
    return frozenset({word, folded(word), folded(spelt)})


def _site_spellings(site_name: str | None) -> frozenset[str]:
    """The site's name as `squash` writes it, and, for a name that is an address
    ("elcolombiano.com", "www.gala.fr", "bbc.co.uk"), its registrable label, as metadata's
    `_host_variants` reads a host: how a tag that spells the site's name squashes ("el
    colombiano", "Gala"). A subdomain ("wien" of "wien.ORF.at") or a registry's label ("co")
    is no name of the site."""
    if not site_name:
        return frozenset()
    spellings = {squash(site_name)}
    name = site_name.strip().casefold()
    if "." in name and " " not in name:
        # ("bbc.co.uk": "co" is the registry's, "bbc" the site's)
        labels = labels_before_suffix(name.removeprefix("www."))
        if labels:
            spellings.add(squash(labels[-1]))
    spellings.discard("")
    return frozenset(spellings)


def _site_words(site_name: str | None, stop: frozenset[str]) -> list[str]:
    """The words of a site's name ("Tom's Hardware", "Gala.fr") longer than a particle and
    not a stopword of the page's languages ("The" of "The New York Times")."""
    if not site_name:
        return []
    return [
        word
        for word in words(site_name.replace(".", " "))
        if len(word) > _MAX_PARTICLE_CHARS and word not in stop
    ]


def _names_a_section_of(tag: str, site_words: Sequence[str]) -> bool:
    """A tag of several words with a word of the site's name ("Gala politique" on Gala.fr,
    "Gaming hardware" on Tom's Hardware, "Radtouren Berlin" on Unterwegs in Berlin): how the
    site names a section of itself, when the article does not say it."""
    if not site_words:
        return False
    found = words(tag.replace("-", " "))
    return len(found) >= 2 and any(
        same_word(word, site_word) for word in found for site_word in site_words
    )


def _without_news_word(tag: str, article: _ArticleWords) -> str:
    """A "<topic> News" tag is how a site names its section ("Technology News", "Evo Morales
    news"), and so is "<topic> <kind of article>" ("Kultur Reportage", "Personal Finance How
    To", "restaurant reviews"): the topic, if the article says it whole, unless it says the
    tag whole ("Fox News"); else nothing."""
    found = tag.split()
    if len(found) < 2 or article.says(tag):
        return tag
    last = found[-1].casefold()
    if last in _NEWS_WORDS or last in _KIND_WORDS:
        topic = " ".join(found[:-1])
    elif len(found) > 2 and tuple(word.casefold() for word in found[-2:]) == _HOW_TO:
        topic = " ".join(found[:-2])
    else:
        return tag
    return topic if article.says(topic) else ""


def _acronym_of_another(tag: str, tags: Sequence[str]) -> bool:
    """`tag` is the initials of another tag ("EA": "Electronic Arts") or its letters in order
    from its first ("VW": "Volkswagen", "MSFT": "Microsoft"), or a short word clipped from
    the parts of another (see `_clipped_from`: "Wasm" of "WebAssembly")."""
    if not _ACRONYM.match(tag):
        return any(other != tag and _clipped_from(tag, other) for other in tags)
    letters = tag.lower()
    for other in tags:
        if other == tag or len(other) < len(tag) + 3:
            continue
        initials = "".join(word[0] for word in words(other.replace("-", " ")))
        if initials == letters or _in_order(letters, folded(other)):
            return True
    return False


def _in_order(letters: str, word: str) -> bool:
    """Every letter of `letters` occurs in `word` in order, the first being its first."""
    if not word.startswith(letters[0]):
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in letters[1:])


def _clipped_from(tag: str, other: str) -> bool:
    """`tag` is one short word made of letters of every part of `other`, in order, each part
    giving its first letter and maybe more of its letters ("Wasm": the "W" of "Web", then "a",
    "s", "m" of "Assembly"; not "Nasa" of "Nasdaq": one word is one part). A part is a word,
    or a piece of one that an inner capital opens ("WebAssembly", "PlayStation")."""
    if not tag.isalpha() or len(tag) > _MAX_CLIPPED_CHARS or len(other) < len(tag) + 3:
        return False
    parts = [
        folded(part)
        for word in _WORD_GAP.split(other)
        for part in _INNER_CAPITAL.split(word)
        if part
    ]
    if len(parts) < 2 or not all(part.isalpha() for part in parts):
        return False
    return _spelled_from(folded(tag), parts)


def _spelled_from(letters: str, parts: Sequence[str]) -> bool:
    """`letters` is the first letter of `parts[0]` and maybe more of its letters in order,
    then likewise of `parts[1]`, ..., every part used."""
    if not parts:
        return not letters
    if not letters or letters[0] != parts[0][0]:
        return False
    first, rest = parts[0], parts[1:]
    # Letters of the first part, then the rest spelled from the other parts.
    at = 1
    for size in range(1, len(letters) - len(rest) + 1):
        if size > 1:
            found = first.find(letters[size - 1], at)
            if found < 0:
                return False
            at = found + 1
        if _spelled_from(letters[size:], rest):
            return True
    return False


def without_short_forms(tags: Sequence[str], text: str) -> list[str]:
    """`tags` without one that `text` gives as the short form of another: set in parentheses
    right after it ("XMLHttpRequest (XHR)", "Internationalized Resource Identifiers (IRIs)"),
    or the other way round ("Medef (Mouvement des entreprises de France)"), the two opening
    on one letter: the shorter of the two goes."""
    if len(tags) < 2 or "(" not in text:
        return list(tags)
    keyed = {" ".join(words(tag)): tag for tag in tags}
    keyed.pop("", None)
    dropped: set[str] = set()
    for match in _PARENTHESISED.finditer(text):
        inside = " ".join(words(match.group(1)))
        before = words(text[max(0, match.start() - _LONG_FORM_WINDOW_CHARS) : match.start()])
        before = before[-_LONG_FORM_WINDOW_WORDS:]
        for size in range(1, len(before) + 1):
            outside = " ".join(before[-size:])
            # The two forms open on one letter: "systemic symptoms (DRESS)" is the end of
            # a long form, "Nikole Hannah-Jones (Hrsg.)" an editor.
            if (
                inside in keyed
                and outside in keyed
                and inside != outside
                and folded(inside[0]) == folded(outside[0])
            ):
                pair = sorted((keyed[inside], keyed[outside]), key=len)
                dropped.add(pair[0])
    return [tag for tag in tags if tag not in dropped]


def _full_name_of(tag: str, kept: str, article: _ArticleWords) -> bool:
    """`tag` is a name ("Barack Obama") ending on the words of `kept` ("Obama"), which the
    article writes whole, and whose other words it hardly writes but in it ("Barack" seldom
    stands alone; "Stadt" of "Stadt Essen" does): the surname's full name, the better tag."""
    tag_words, kept_words = tag.split(), kept.split()
    extra = len(tag_words) - len(kept_words)
    if extra < 1 or not all(word[:1].isupper() for word in tag_words):
        return False
    if [folded(word) for word in tag_words[extra:]] != [folded(word) for word in kept_words]:
        return False
    if not article.says(tag):
        return False
    whole = article.folded.count(f" {' '.join(words(tag))} ")
    return all(
        article.uses(word) <= whole + 1 for part in tag_words[:extra] for word in words(part)
    )

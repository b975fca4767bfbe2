"""Tags cleaned for a card: no UI labels or stopwords, index names turned, duplicates merged."""

from __future__ import annotations

from summarizer import digest_html
from summarizer.extract.tags import (
    MAX_CARD_TAGS,
    _ArticleWords,
    as_written,
    card_tags,
    readable_tag,
)
from summarizer.languages import folded, words


def test_button_labels_and_ui_words_are_dropped() -> None:
    """ "Show more" is a button, not a topic."""
    assert card_tags(["Show more", "NATO", "Read more", "Share"], languages=("en",)) == ["NATO"]


def test_stopwords_of_the_page_languages_are_dropped() -> None:
    """ "d’un" (French) and "Deine" (German) are function words; "Microsoft" stays."""
    tags = ["d’un", "Deine", "Microsoft", "Politique"]
    assert card_tags(tags, languages=("en", "fr", "de")) == ["Microsoft", "Politique"]


def test_index_forms_are_turned_round() -> None:
    """ "Bevin, Matthew" -> "Matthew Bevin"; life dates go."""
    assert readable_tag("Bevin, Matthew") == "Matthew Bevin"
    assert readable_tag("Beshear, Andrew G (1977- )") == "Andrew G Beshear"


def test_near_duplicates_merge_case_plural_and_qualifier() -> None:
    """Case, plural and "X (Season)" variants are one tag; the first form wins."""
    tags = ["Winter (Season)", "Winter", "winters", "Election", "elections", "ELECTION"]
    assert card_tags(tags, languages=("en",)) == ["Winter", "Election"]


def test_at_most_five_with_mentioned_tags_first() -> None:
    """Tags the article mentions come first; the card keeps five."""
    tags = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Kenya"]
    chosen = card_tags(tags, languages=("en",), text="Kenya held talks.")
    assert len(chosen) == MAX_CARD_TAGS
    assert chosen[0] == "Kenya"


def test_the_site_name_is_not_a_tag() -> None:
    """A tag naming the site itself says nothing about the article."""
    assert card_tags(["TFIGlobal", "Russia"], languages=("en",), site_name="TFIGlobal") == [
        "Russia"
    ]


def test_inflections_and_contained_tags_are_near_duplicates() -> None:
    """ "Chinese" after "China", "Stadt Essen" after "Essen", "Westviertel" after
    "Essen-Westviertel" add nothing; "Austria" and "Australia" are two tags."""
    assert card_tags(["China", "trade", "Chinese"], languages=("en",)) == ["China", "trade"]
    tags = ["Essen-Westviertel", "Essen", "Westviertel", "Krupp"]
    assert card_tags(tags, languages=("en", "de")) == ["Essen-Westviertel", "Krupp"]
    assert card_tags(["Essen", "Stadt Essen"], languages=("en", "de")) == ["Essen"]
    assert card_tags(["Austria", "Australia"], languages=("en",)) == ["Austria", "Australia"]


def test_a_noun_and_a_phrase_of_its_verb_are_one_tag_the_noun_shows() -> None:
    """ "Early retirement" and "How to retire early" are one topic, shown with the noun, and
    a third form ("Retiring early") is caught too; a compound ("Handball", "Handballbund") is
    no derived word."""
    tags = ["How to retire early", "Early retirement", "Retiring early", "Savings"]
    assert card_tags(tags, languages=("en",)) == ["Early retirement", "Savings"]
    tags = ["efforts to impeach donald trump", "impeachment"]
    assert card_tags(tags, languages=("en",)) == ["impeachment"]
    assert card_tags(["retire", "retirement accounts"], languages=("en",)) == [
        "retirement accounts"
    ]
    tags = ["Handball", "Handballbund"]
    assert card_tags(tags, languages=("en", "de")) == ["Handball", "Handballbund"]


def test_news_section_labels_and_read_on_buttons_are_dropped() -> None:
    """ "General News", "Latest News" are the CMS's sections; "Weiterlesen" is a button."""
    tags = ["General News", "Latest News", "Weiterlesen", "Fox News", "crime"]
    assert card_tags(tags, languages=("en", "de")) == ["Fox News", "crime"]


def test_kinds_of_article_are_labels_not_topics() -> None:
    """ "Review" and "Kolumne" alone, "Kultur Reportage" and "Personal Finance How To" are
    how a site files its pieces: no tags; "Fox News", "Book Review" where the text says them
    whole stay."""
    text = "Fox News and the New York Times Book Review wrote about money. " * 20
    tags = ["Review", "Kolumne", "Kultur Reportage", "Personal Finance How To", "money"]
    assert card_tags(tags, languages=("en", "de"), text=text) == ["money"]
    tags = ["Fox News", "Book Review"]
    assert card_tags(tags, languages=("en",), text=text) == ["Fox News", "Book Review"]


_ARTICLE = (
    "In Zimbabwe the army seized power in Harare on Wednesday and put Robert Mugabe under house "
    "arrest, while his wife Grace stayed at the compound and a priest mediated. "
) * 12


def test_a_tag_naming_nothing_in_the_article_is_the_sites() -> None:
    """Section, format and paywall labels the article never says are dropped once the article
    is long enough to judge; a tag any of whose words it says stays."""
    tags = ["Zimbabwe", "Story", "Standard", "Premium Content", "Robert Mugabe", "Grace Mugabe"]
    chosen = card_tags(tags, languages=("en",), text=_ARTICLE)
    assert chosen == ["Zimbabwe", "Robert Mugabe", "Grace Mugabe"]
    # A teaser (a paywall's first lines) is too short to judge: its tags all stay.
    teaser = "Zimbabwe's army seized power."
    assert card_tags(["Zimbabwe", "Africa"], languages=("en",), text=teaser) == [
        "Zimbabwe",
        "Africa",
    ]
    assert card_tags(["Zimbabwe", "Africa"], languages=("en",), text=_ARTICLE) == ["Zimbabwe"]


def test_a_tag_of_stopwords_only_names_something_only_where_the_article_says_it() -> None:
    """ "Consider This", a column's name of two words on the broad stopword list, is named by no
    "this" of the article: it must say the tag whole."""
    text = _ARTICLE + " This coup was not the first."
    chosen = card_tags(["Consider This", "Robert Mugabe"], languages=("en",), text=text)
    assert chosen == ["Robert Mugabe"]
    text += " Consider this: the army, not the party, holds Harare."
    chosen = card_tags(["Consider This", "Robert Mugabe"], languages=("en",), text=text)
    assert chosen == ["Consider This", "Robert Mugabe"]


def test_a_compound_of_a_word_the_article_says_names_it() -> None:
    text = "Angst ist ein Gefühl, das jeder kennt, und jeder Stall braucht Pflege. " * 15
    chosen = card_tags(["Angstzustände", "Hasenstall", "Pferdezucht"], languages=("de",), text=text)
    assert chosen == ["Angstzustände", "Hasenstall"]


def test_an_acronym_of_another_tag_adds_nothing() -> None:
    tags = ["Volkswagen", "VW", "Electronic Arts", "EA", "Microsoft", "MSFT", "EV", "PCs"]
    assert card_tags(tags, languages=("en",), limit=10) == [
        "Volkswagen",
        "Electronic Arts",
        "Microsoft",
        "EV",
        "PCs",
    ]


def test_several_cms_fields_are_not_topics() -> None:
    tags = ["Day: Wednesday", "Page Type: Article", "Gaza", "Rogue One: A Star Wars Story"]
    assert card_tags(tags, languages=("en",)) == ["Gaza"]
    assert card_tags(tags[2:], languages=("en",)) == tags[2:]


def test_the_digest_judges_tags_by_headline_description_and_body() -> None:
    """A tag only the headline or the description names is the article's; one nothing on the
    page names is dropped."""
    paragraph = (
        "<p>" + "The soldiers seized power and a priest mediated between the two sides. " * 4
    )
    paragraph += "The army said it was no coup. "
    html = (
        '<html><head><title>Zimbabwe coup</title><meta property="og:title" content="Zimbabwe coup">'
        '<meta name="description" content="What Mugabe said.">'
        '<meta property="article:tag" content="Zimbabwe"><meta property="article:tag" '
        'content="Mugabe"><meta property="article:tag" content="Premium Content"></head><body>'
        f"<article><h1>Zimbabwe coup</h1>{(paragraph + '</p>') * 8}</article></body></html>"
    )
    assert digest_html(html, "https://example.com/a").tags == ["Zimbabwe", "Mugabe"]


def test_format_and_paywall_labels_are_not_topics() -> None:
    """Tags made of format words, or naming a kind of article with one, are the CMS's even
    when the article uses the words; a topic beside a format word stays."""
    tags = ["Story", "Premium Content", "NRPLUS Member Articles", "section-Articles", "Exclusive"]
    assert card_tags([*tags, "content type", "Short Stories"], languages=("en",)) == [
        "content type",
        "Short Stories",
    ]


def test_a_topic_news_tag_is_a_section_named_after_its_topic() -> None:
    """ "Evo Morales news" is the section; its topic is the tag when the article says it, and
    "Fox News" stays when the article says it whole."""
    text = "Evo Morales left Bolivia, and Fox News reported it the same day. " * 15
    tags = ["Evo Morales news", "Technology News", "Fox News"]
    assert card_tags(tags, languages=("en",), text=text) == ["Evo Morales", "Fox News"]


def test_site_wide_keywords_count_only_where_the_body_says_them_whole() -> None:
    """A site's meta keywords ("transformative works", "fair use", "archive") are the
    article's only where its body says them, each word up to inflection and the words in
    order; a short body is judged too, CJK keywords as substrings."""
    body = "Die diplomatischen Vertretung in Berlin hilft. It is fair to use the works."
    tags = ["transformative works", "fair use", "archive", "Diplomatische Vertretung", "Berlin"]
    assert card_tags(tags, languages=("en", "de"), text=body, site_wide=True) == [
        "Berlin",
        "Diplomatische Vertretung",
    ]
    assert card_tags(
        ["宇航员", "太空"], languages=("zh",), text="宇航员在国际空间站", site_wide=True
    ) == ["宇航员"]
    # Own tags with a short text are not judged.
    assert sorted(card_tags(tags, languages=("en", "de"), text=body)) == sorted(tags)


def test_the_digest_judges_site_wide_keywords_by_the_body_alone() -> None:
    """Words of the description (often the site's own blurb) do not make a meta keyword the
    article's; article:tag still counts the description."""
    paragraph = "<p>" + "The detective met the villain at the harbour after dark. " * 4 + "</p>"
    page = (
        "<html><head><title>Harbour talk</title>"
        '<meta name="description" content="An archive of transformative works.">{tags}</head>'
        f"<body><article><h1>Harbour talk</h1>{paragraph * 8}</article></body></html>"
    )
    keywords = '<meta name="keywords" content="transformative works, archive, villain">'
    assert digest_html(page.format(tags=keywords), "https://example.com/a").tags == ["villain"]
    own = '<meta property="article:tag" content="archive">'
    assert digest_html(page.format(tags=own), "https://example.com/a").tags == ["archive"]


def test_a_column_name_is_not_a_topic() -> None:
    """ "Album of the Week", "Bild des Tages": the site's columns, in any of its languages."""
    tags = ["Album of the Week", "Bild des Tages", "Photo du jour", "Luboku", "Day of the Dead"]
    assert card_tags(tags, languages=("en", "de", "fr")) == ["Luboku", "Day of the Dead"]


def test_two_topics_joined_are_a_section_unless_the_article_says_them_whole() -> None:
    """ "Politics & Policy", "Bauen und Wohnen" name sections; "Procter & Gamble" is a name
    the article writes whole."""
    text = "Procter & Gamble raised prices on politics and soap, the policy said. " * 15
    tags = ["Politics & Policy", "Bauen und Wohnen", "Procter & Gamble", "Soap"]
    assert card_tags(tags, languages=("en", "de"), text=text) == ["Procter & Gamble", "Soap"]


def test_an_index_subject_of_two_topics_joined_is_no_tag() -> None:
    """ "United States Politics and Government" is how an index names a subject, three words
    and one joined; "Bill and Melinda Gates Foundation", which the article writes whole, is a
    name."""
    text = (
        "The Bill and Melinda Gates Foundation said the government of the United States "
        "would fund the debt as interest rates and politics allow. "
    ) * 12
    tags = ["United States Politics and Government", "Bill and Melinda Gates Foundation"]
    assert card_tags(tags, languages=("en",), text=text) == ["Bill and Melinda Gates Foundation"]


def test_a_place_named_once_as_a_qualifier_goes_last() -> None:
    """ "Sugar Land" and "California", said once each as where a firm is based ("a Sugar
    Land-based provider"), name no topic: the tags the article is about go first, and fill
    the card; "Houston", which it also writes as "Houston-area" but not only so, stays."""
    text = (
        "New vehicle sales in the Houston area fell 10 percent, according to InfoNation, "
        "a Sugar Land-based provider of automobile data. Houston-area fleet sales rose. "
        "Rates stayed low, said Edmunds, a California-based data firm, and the Federal "
        "Reserve cut its rate. "
    ) + "Dealers in Houston sold fewer cars and trucks this year than last. " * 12
    tags = ["Houston", "Sugar Land", "California", "Federal Reserve", "InfoNation"]
    assert card_tags(tags, languages=("en",), text=text, limit=3) == [
        "Houston",
        "Federal Reserve",
        "InfoNation",
    ]
    assert card_tags(tags, languages=("en",), text=text)[3:] == ["Sugar Land", "California"]


def test_a_tag_opening_on_a_function_word_is_a_labels_tail() -> None:
    """ "en Español" is an edition label's tail; a name's particle ("van Gogh") opens a name."""
    tags = ["en Español", "in Deutschland", "van Gogh", "zu Guttenberg", "the we company"]
    assert card_tags(tags, languages=["es", "de", "en"]) == [
        "van Gogh",
        "zu Guttenberg",
        "the we company",
    ]


def test_a_stray_quote_mark_is_no_part_of_a_tag() -> None:
    """A tag cut out of a quoted title keeps its opening mark with nothing to close it: the
    mark goes, and the tag is then the same as the clean one beside it."""
    tags = ["‘Search Console", "Search Console", "Webmaster”", "«Brexit»"]
    assert card_tags(tags, languages=("en",)) == ["Search Console", "Webmaster", "Brexit"]
    assert readable_tag("„Zentrum am Berg“") == "Zentrum am Berg"
    assert readable_tag("the Joneses’") == "the Joneses’"
    assert readable_tag("China'") == "China"
    assert readable_tag("“The Office” finale") == "“The Office” finale"


def test_a_tag_that_is_the_whole_headline_is_dropped() -> None:
    """An SEO keyword made of the headline repeats the card's title; a short headline that is
    a name ("Will Smith") is still the topic."""
    tags = ["horario de verano 2024", "cambio de hora", "Europa"]
    chosen = card_tags(tags, languages=("es", "en"), headline="Horario de Verano 2024")
    assert chosen == ["cambio de hora", "Europa"]
    assert card_tags(["Will Smith"], languages=("en",), headline="Will Smith") == ["Will Smith"]


def test_a_dated_headline_less_its_date_is_a_series_name() -> None:
    """ "Opening Bell 11.18.19" is one issue of a column: "Opening Bell" is its name, no
    topic; a headline without a date ("Windows 11 review") names no series."""
    tags = ["Opening Bell", "Taylor Swift"]
    headline = "Opening Bell 11.18.19"
    assert card_tags(tags, languages=("en",), headline=headline) == ["Taylor Swift"]
    tags = ["Windows", "Microsoft"]
    chosen = card_tags(tags, languages=("en",), headline="Windows 11 review")
    assert chosen == ["Windows", "Microsoft"]


def test_a_tag_with_a_word_of_the_sites_name_is_its_section() -> None:
    """ "Gaming hardware" on Tom's Hardware, which the article does not say, is the site's
    section; "graphics cards" it says, and "hardware prices" it says whole, stay."""
    text = "Graphics cards are scarce, and hardware prices rose again this month. " * 20
    tags = ["Gaming hardware", "graphics cards", "hardware prices"]
    chosen = card_tags(tags, languages=("en",), text=text, site_name="Tom's Hardware")
    assert chosen == ["graphics cards", "hardware prices"]
    # A stopword of the site's name ("The" of "The New York Times") names no section of it.
    text = "The band's records sold again this year, and Beatles fans queued for hours. " * 20
    chosen = card_tags(
        ["The Beatles"], languages=("en",), text=text, site_name="The New York Times"
    )
    assert chosen == ["The Beatles"]


def test_a_tag_of_two_parts_joined_by_a_dash_or_slash_is_a_title() -> None:
    """ "100 Jahre Bauhaus – Dessau feiert" and "Kirche / Papst" are a dossier's title and two
    sections; "Pale Blue Dot / Lift Off", which the article says whole, is its topic."""
    text = (
        "Dessau feiert das Flugplatzfest, und die Kirche lädt ein. Pale Blue Dot / Lift Off. " * 20
    )
    tags = ["100 Jahre Bauhaus – Dessau feiert", "Kirche / Papst", "Pale Blue Dot / Lift Off"]
    chosen = card_tags(tags, languages=("de", "en"), text=text)
    assert chosen == ["Pale Blue Dot / Lift Off"]


def test_the_article_buckets_hold_every_word_folded() -> None:
    """An ASCII word is taken as `words` gave it, any other folded: the buckets are those of
    every distinct word folded, by its first characters."""
    text = (
        "Die Bäume der Straße in İstanbul, CAFÉ Crème and cafe crème; the Trees, trees, "
        "TREES. Ωmega ΣΟΦΙΑ σοφία d’un l'été Ḁ東京 naïve NAÏVE x"
    )
    article = _ArticleWords(text)
    plain: dict[str, set[str]] = {}
    for word in words(text):
        key = folded(word)
        plain.setdefault(key[: _ArticleWords._BUCKET_CHARS], set()).add(key)
    assert article.buckets == plain
    assert article.has("Baum") and article.has("strasse") and article.has("cafe")


def test_a_lower_case_shouted_or_slug_tag_is_shown_as_the_text_writes_it() -> None:
    """ "adam neumann", "HARRIS COUNTY", "doobie-brothers" are the CMS's forms of names the
    article writes "Adam Neumann", "Harris County", "Doobie Brothers"; a slug or a shouted
    label it never writes ("rock-hall-2020", "CAUGHT ON VIDEO") goes; a common word it writes
    in lower case, or capitalised only where a sentence or the headline starts, stays."""
    headline = "Doobie Brothers Reunite On Tour"
    text = (
        f"{headline}\nThe band met Adam Neumann in Harris County, where the Doobie Brothers"
        " played. Hiking is fun, and they went hiking after the show with the FPÖ."
    )
    tags = ["doobie-brothers", "rock-hall-2020", "adam neumann", "HARRIS COUNTY"]
    tags += ["CAUGHT ON VIDEO", "hiking", "reunite", "FPÖ", "FUT 21"]
    assert card_tags(tags, languages=("en",), text=text, headline=headline, limit=10) == [
        "Doobie Brothers",
        "Adam Neumann",
        "Harris County",
        "hiking",
        "reunite",
        "FPÖ",
        "FUT 21",
    ]


def test_a_short_word_in_capitals_is_shown_as_the_text_writes_it() -> None:
    """ "GLOBAL" and "AWARDS" are a wire's topic codes shouted: the article writes "global"
    and "Awards"; an acronym it writes in capitals ("SAG"), or one it never writes ("EU"),
    stays."""
    text = "Global stocks rose. The SAG Awards went to a global hit, said critics."
    tags = ["GLOBAL", "AWARDS", "SAG", "EU"]
    assert card_tags(tags, languages=("en",), text=text, limit=10) == [
        "global",
        "Awards",
        "SAG",
        "EU",
    ]


def test_an_acronym_spelling_an_everyday_word_stays_an_acronym() -> None:
    """An acronym of three letters or fewer, one the text writes with dots ("U.S.") or one
    whose small letters are a stopword ("ser") is no word shouted, even where the text writes
    only the word ("giving us reason", "Those who travel", "the cat", "puede ser")."""
    text = (
        "The U.S. economy grew faster than expected, giving us reason for hope, analysts said. "
        "Trade with China rose. The WHO warned about a new virus wave. Those who travel should "
        "test. Cases of AIDS fell; the drug aids recovery, doctors said. Many people are still "
        "worried about the economy. IT teams and the cat were fine."
    )
    tags = ["US", "WHO", "AIDS", "IT", "CAT"]
    kept = card_tags(tags, languages=("en",), text=text, limit=10)
    assert "CAT" in kept
    assert "cat" not in kept
    assert as_written("US", text) == "US"
    assert as_written("USA", "Trade with the U.S.A. rose, they said.") == "USA"
    assert as_written("WHO", "The World Health Organization, who warned...") == "WHO"
    spanish = "La emisora informó de que la reforma puede ser aprobada, y once diputados votaron."
    assert as_written("SER", spanish) == "SER"
    # A longer one spelling a stopword too; one the text writes capitalised is a name ("Cay").
    assert as_written("PARA", "Votaron para la reforma.", stopwords=frozenset({"para"})) == "PARA"
    assert as_written("CAY", "They sailed to Norman Cay, said the captain.") == "Cay"


def test_a_keyword_varied_is_one_tag() -> None:
    """ "stock car X" for five places is one SEO keyword varied; "Thomas H. Malone" is
    "Thomas W. Malone" with another initial; "Stall" is a part of "Kaninchenstall". Of two,
    the one the article writes is kept."""
    tags = ["stock car brasil", "stock car cascavel", "stock car interlagos", "Kaninchenstall"]
    tags += ["Stall", "Thomas H. Malone", "Thomas W. Malone", "Windenergie", "Solarenergie"]
    text = (
        "Thomas W. Malone wrote of stock car races, Kaninchenstall, Windenergie, Solarenergie. "
        * 15
    )
    assert card_tags(tags, languages=("en", "de"), text=text, limit=10) == [
        "Kaninchenstall",
        "Thomas W. Malone",
        "Windenergie",
        "Solarenergie",
        "stock car brasil",
    ]


def test_a_common_word_the_article_hardly_uses_is_a_sites_section() -> None:
    """ "gear" and "technology" on a console review are the site's sections: the review says
    them no more than English does; "consoles", which it keeps saying, is its topic. Where
    every noun has a capital (German) no such verdict (on words the text writes only where a
    sentence opens: a small letter inside one tells a German word is no noun); "consoles",
    a word in small letters the text keeps saying, stays there too (see `as_written`)."""
    text = (
        "Gear in the box is a cable. Technology is old. "
        + (
            "The new consoles run games fast, and these consoles are quiet. Reviewers tried both"
            " consoles for a week at home with their families and friends after work. "
        )
        * 30
    )
    tags = ["consoles", "gear", "technology"]
    assert card_tags(tags, languages=("en",), text=text, language="en") == ["consoles"]
    # (Written only where a sentence opens, each is a noun there, with its capital.)
    section_words = ["gear", "technology"]
    found = card_tags(section_words, languages=("en",), text=text, language="de")
    assert found == ["Gear", "Technology"]
    found = card_tags(tags, languages=("en",), text=text, language="de")
    assert found == ["consoles", "Gear", "Technology"]


def test_a_word_clipped_from_another_tag_is_its_duplicate() -> None:
    """ "Wasm" is letters of "Web|Assembly" (each part's first and more of them, in order),
    "PSVR" of "Play|Station VR": the short form of a tag beside it. "Nasa" beside "Nasdaq"
    (one part) and "Java" beside "JavaScript" (no letter of "Script") are tags of their own."""
    tags = ["Emscripten", "Wasm", "JavaScript", "WebAssembly"]
    assert card_tags(tags, languages=("en",)) == ["Emscripten", "JavaScript", "WebAssembly"]
    assert card_tags(["PSVR", "PlayStation VR"], languages=("en",)) == ["PlayStation VR"]
    assert card_tags(["Nasa", "Nasdaq"], languages=("en",)) == ["Nasa", "Nasdaq"]
    assert card_tags(["Java", "JavaScript"], languages=("en",)) == ["Java", "JavaScript"]


def test_the_short_form_the_text_gives_in_parentheses_is_a_duplicate() -> None:
    """The text writes "Kindertagesstätte (Kita)" and "Medef (Mouvement des entreprises de
    France)": of each pair of tags the shorter goes (no rule of letters finds these);
    "Firefox", never so paired, stays; so does "DRESS" after "systemic symptoms", the end of
    its long form."""
    text = (
        "Jede Kindertagesstätte (Kita) braucht Personal, sagt der Medef (Mouvement des "
        "entreprises de France). Firefox zeigt beide Seiten. "
    ) * 15
    tags = ["Kita", "Kindertagesstätte", "Medef", "Mouvement des entreprises de France"]
    assert card_tags([*tags, "Firefox"], languages=("de", "fr"), text=text) == [
        "Kindertagesstätte",
        "Mouvement des entreprises de France",
        "Firefox",
    ]
    # The end of a long form is no long form: both tags stay.
    rash = "Drug reaction with eosinophilia and systemic symptoms (DRESS) is rare. " * 30
    assert card_tags(["DRESS", "systemic symptoms"], languages=("en",), text=rash) == [
        "DRESS",
        "systemic symptoms",
    ]


def test_a_surname_gives_way_to_the_full_name() -> None:
    """ "Obama" before "Barack Obama": the article writes the full name, and "Barack" only in
    it, so the full name takes the surname's place. "Stadt" of "Stadt Essen" stands alone in
    the text too: "Essen" stays."""
    text = (
        "Barack Obama spoke in Chicago on Monday. Obama said the plan would work, and Obama "
        "thanked the volunteers who had organised the meeting in the city for weeks. "
    ) * 8
    assert card_tags(["Obama", "Chicago", "Barack Obama"], languages=("en",), text=text) == [
        "Barack Obama",
        "Chicago",
    ]
    german = (
        "Die Stadt Essen plant ein neues Bad. Die Stadt baut es am Fluss, und in Essen freuen"
        " sich viele Familien darauf, dass die Stadt endlich etwas für die Kinder tut. "
    ) * 8
    assert card_tags(["Essen", "Stadt Essen"], languages=("en", "de"), text=german) == ["Essen"]


def test_uses_counts_every_inflected_form_and_only_those() -> None:
    """How often an article says a word counts its inflected and accented forms ("Bäume",
    "Baumes" for "Baum"), not a word that only opens alike ("Bahn", "Baumarkt" is longer
    than an ending), and a short word only as itself."""
    article = _ArticleWords("Bäume baum Baumes Bahn Baumarkt baum ox oxen ox")
    assert article.uses("Baum") == 4
    assert article.uses("bäume") == 4
    assert article.uses("ox") == 2
    assert article.uses("Zebra") == 0


def test_the_headline_cut_into_keywords_is_no_tags() -> None:
    """ "ATLANTIS | PARADISE | ISLAND | AND | …" is the headline word by word, "AND" among
    them: no editor tags a stopword. Topics the headline happens to list ("iMac 5K Lightroom
    Performance") stay."""
    headline = "ATLANTIS PARADISE ISLAND AND DOLPHIN CAY DONATES MEDICAL SUPPLIES"
    cut = ["ATLANTIS", "PARADISE", "ISLAND", "AND", "DOLPHIN", "CAY", "Bahamas"]
    assert card_tags(cut, languages=("en",), headline=headline) == ["Bahamas"]
    listed = ["iMac", "Lightroom", "Performance"]
    headline = "iMac 5K Lightroom Performance gelöst – Danke an die Community"
    assert card_tags(listed, languages=("de",), headline=headline) == listed


def test_topic_words_of_the_headline_are_no_cut_headline() -> None:
    """A word of the broad stopword lists ("World", "Research", "Microsoft") is no function
    word: tags giving only such words of the headline in a row are its topics. Where a run
    holds a function word ("and"), only the run's tags go: "Nassau", after a tag the headline
    does not say, stays."""
    en = ("en",)
    outage = "Microsoft Teams outage hits millions of users"
    teams = ["Microsoft", "Teams", "Outage"]
    assert card_tags(teams, languages=en, headline=outage) == teams
    summit = "Climate change: world leaders meet in Glasgow"
    climate = ["Climate", "Change", "World", "Glasgow"]
    assert card_tags(climate, languages=en, headline=summit) == ["Climate", "Change", "Glasgow"]
    research = ["Research", "Treatment", "Migraine"]
    works = "Research shows new treatment works for migraine"
    assert card_tags(research, languages=en, headline=works) == research
    headline = "Atlantis and Dolphin Cay donate supplies to Nassau"
    cut = ["Atlantis", "and", "Dolphin", "Bahamas", "Nassau"]
    assert card_tags(cut, languages=en, headline=headline) == ["Bahamas", "Nassau"]


def test_a_date_is_no_tag() -> None:
    """ "October", "Thursday Dec": when the article happened, not what it is about."""
    tags = ["October", "Fair Hill International", "Thursday Dec", "Black Friday"]
    assert card_tags(tags, languages=("en",)) == ["Fair Hill International", "Black Friday"]


def test_a_month_of_another_language_is_no_date() -> None:
    """A one-word tag is a date only as a month or day of the page's languages: "Mayo" (a
    county) and "Augustus" on an English page stay, "April" goes. Where the language writes
    its months small, one the text writes with a capital inside a sentence, never small, is
    a name ("la Clínica Mayo"), one it writes small is the month ("el 5 de mayo")."""
    en = ("en",)
    assert card_tags(["Mayo", "Dublin", "April"], languages=en) == ["Mayo", "Dublin"]
    assert card_tags(["Augustus", "Rome"], languages=en) == ["Augustus", "Rome"]
    clinic = "Los médicos de la Clínica Mayo estudian el sueño de los pacientes cada noche. "
    es = ("es",)
    assert card_tags(["Mayo", "Sueño"], languages=es, text=clinic * 20) == ["Mayo", "Sueño"]
    month = "El 5 de mayo los pacientes durmieron mal, y el sueño mejoró después de junio. "
    assert card_tags(["Mayo", "Sueño"], languages=es, text=month * 20) == ["Sueño"]


def test_a_word_in_capitals_is_an_acronym_in_a_list_that_does_not_shout() -> None:
    """The Spanish "ONCE" (the organisation) stays among tags in mixed case, though the text
    writes only "once" (eleven); in a list that shouts ("US | GLOBAL | MARKETS") a word in
    capitals is shouted, and takes the text's small letters."""
    spanish = "Once vendedores de cupones trabajan en once ciudades del país. " * 30
    assert card_tags(["ONCE", "Cupón"], languages=("es",), text=spanish)[0] == "ONCE"
    assert as_written("ONCE", spanish, list_shouts=False) == "ONCE"
    english = "Shares rose on global markets as global demand for gold grew. " * 30
    tags = ["US", "GLOBAL", "MARKETS", "Gold"]
    assert "global" in card_tags(tags, languages=("en",), text=english)
    assert "global" in card_tags(tags, languages=("en",), text=english + " US stocks fell.")


def test_acronyms_the_text_writes_in_capitals_make_no_list_shout() -> None:
    """ "PSOE" and "PP", which the text writes in capitals, are acronyms, no words shouted:
    beside them "ONCE" stays the organisation's name."""
    spanish = "El PSOE y el PP votaron la ley. Once personas vinieron y once se fueron. " * 20
    tags = ["ONCE", "PSOE", "PP"]
    assert card_tags(tags, languages=("es",), text=spanish, language="es") == tags


def test_a_german_word_the_text_writes_in_small_letters_is_no_topic() -> None:
    """Where every noun has a capital, a tag in small letters that the text writes only so
    inside its sentences is a verb or an adjective said in passing ("sauber", twice), no
    topic; so is a verb form however often said ("entsteht"); a noun the CMS lower-cased
    takes the text's capital. An adjective the text keeps saying is a topic tagged on
    purpose ("vegan", "glutenfrei" on a recipe). In English small letters prove nothing."""
    german = (
        "Die Gewässer in Berlin sollen sauber bleiben, sagt der Verein. Der Wettbewerb zeigt, "
        "wie sauber das Wasser der Gewässer sein kann. "
    ) + ("Die Kinder malen Plakate für die Gewässer in Berlin, und der Verein hängt sie auf. ") * 8
    tags = ["sauber", "gewässer", "Berlin"]
    assert card_tags(tags, languages=("de",), text=german, language="de") == [
        "Gewässer",
        "Berlin",
    ]
    oil = "Erdöl entsteht aus Plankton, und es entsteht tief unter dem Meer, wo es lagert. " * 20
    assert card_tags(["entsteht", "Erdöl"], languages=("de",), text=oil, language="de") == ["Erdöl"]
    cake = "Der Kuchen ist vegan und glutenfrei, und der Kuchen schmeckt allen Gästen gut. " * 20
    diet = ["vegan", "glutenfrei", "Kuchen"]
    assert card_tags(diet, languages=("de",), text=cake, language="de") == diet
    english = (
        "Canning keeps fruit for winter, and canning jam is easy when the jars are clean. "
    ) * 20
    assert card_tags(["canning"], languages=("en",), text=english, language="en") == ["canning"]


def test_two_kinds_of_one_common_noun_are_near_duplicates() -> None:
    """ "Social media" and "Online media" name one kind of thing where the article says one
    and never the other: the one it says stays. An article saying both ("Monetary policy",
    "Fiscal policy"), or no text to judge, keeps both: shape tells no synonyms from distinct
    topics. Names ending on one word ("Premier League", "Champions League") are two, and so
    are tags in small letters ("ann wilson"), or where the qualifier follows its noun (French
    "Homme politique", "Gala politique")."""
    tags = ["Online media", "Social media", "Brexit"]
    text = "The campaign on social media shaped the Brexit debate for months and years. " * 20
    en = ("en",)
    assert card_tags(tags, languages=en, text=text, language="en") == ["Social media", "Brexit"]
    assert card_tags(tags, languages=en, language="en") == tags
    policy = "Monetary policy is set by the bank; fiscal policy by parliament, not by rates. " * 20
    both = ["Monetary policy", "Fiscal policy"]
    assert card_tags(both, languages=en, text=policy, language="en") == both
    league = "Ann Wilson watched the Premier League table change after the weekend games. " * 20
    for two in (["Premier League", "Champions League"], ["ann wilson", "nancy wilson"]):
        assert card_tags(two, languages=en, text=league, language="en") == two
    french = ["Homme politique", "Gala politique"]
    assert card_tags(french, languages=("fr",), language="fr") == french


def test_a_list_in_one_tag_is_its_parts_where_nouns_have_capitals() -> None:
    """ "Szene, Touren" on a German page is two nouns, not "Touren Szene" turned round as an
    index name: the text never writes that; nor is a word with a digit a given name
    ("Corona-Virus, Covid-19")."""
    german = "Die Szene der Touren wächst, und viele Touren führen in die Berge hinauf. " * 20
    tags = ["Szene, Touren", "Szene", "Touren"]
    assert card_tags(tags, languages=("de",), text=german, language="de") == ["Szene", "Touren"]
    assert readable_tag("Corona-Virus, Covid-19") == "Corona-Virus, Covid-19"
    assert readable_tag("Bevin, Matthew") == "Matthew Bevin"


def test_a_phrase_opening_on_a_preposition_is_no_topic() -> None:
    """ "Tras 3 Ligas" and "Your Money Saving" are a headline's piece and a column's title; a
    title the text writes whole, in any case, is a name ("Through the Darkest of Times", "In
    Vitro Fertilization" where the text writes "in vitro fertilization")."""
    headline = "Tras 3 Ligas, el Real Madrid busca otra"
    text = headline + "\n" + "El Real Madrid ganó otra vez en casa ante su público. " * 30
    tags = ["Tras 3 Ligas", "Real Madrid"]
    assert card_tags(tags, languages=("es",), text=text, headline=headline) == ["Real Madrid"]
    money = "Early retirement needs savings: a money saving plan starts with a budget. " * 20
    assert card_tags(["Your Money Saving", "Early retirement"], languages=("en",), text=money) == [
        "Early retirement"
    ]
    review = "Through the Darkest of Times is a strategy game set in Berlin in 1933. " * 20
    game = ["Through the Darkest of Times"]
    assert card_tags(game, languages=("en",), text=review) == game
    ivf = "Doctors said in vitro fertilization helps many couples to have children. " * 20
    vitro = ["In Vitro Fertilization"]
    assert card_tags(vitro, languages=("en",), text=ivf) == vitro


def test_an_acronym_a_name_or_a_teaser_is_no_prepositional_phrase() -> None:
    """ "MIT" is no German "mit"; "Per" of "Per Mertesacker" opens a name (no word after it is
    a common one); under a teaser, which may not write it, "Under Armour" is no verdict."""
    lab = "Researchers at the lab study plasma physics and fusion for many years now. " * 20
    mit = ["MIT Plasma Science", "Fusion"]
    assert card_tags(mit, languages=("en", "de"), text=lab, language="en") == [
        "Fusion",
        "MIT Plasma Science",
    ]
    player = "Mertesacker sagte am Montag, er freue sich auf die neue Aufgabe beim Verein. " * 20
    per = ["Per Mertesacker"]
    assert card_tags(per, languages=("de",), text=player, language="de") == per
    headline = "Under Armour cuts 500 jobs"
    teaser = headline + "\nThe company said on Monday it would cut jobs."
    brand = ["Under Armour", "Jobs"]
    assert card_tags(brand, languages=("en",), text=teaser, headline=headline) == brand


def test_a_tag_spelling_the_sites_name_or_address_is_no_topic() -> None:
    """ "el colombiano" on elcolombiano.com, "Bahamas Local" on BahamasLocal: the site's own
    name, spaced or not; a word the address only holds stays ("Medellín")."""
    tags = ["el colombiano", "Medellín"]
    assert card_tags(tags, languages=("es",), site_name="elcolombiano.com") == ["Medellín"]
    assert card_tags(["Bahamas Local", "Nassau"], languages=("en",), site_name="BahamasLocal") == [
        "Nassau"
    ]


def test_german_compounds_with_a_part_exchanged_are_one_tag() -> None:
    """ "Arbeitslosenquote", "Arbeitslosenzahlen", "Arbeitslosenstatistik" and, varied from one
    of them, "Arbeitsmarktzahlen": one keyword. "Energiewende" and "Energiewirtschaft" share
    less, "Pferdezeitung" and "Pferdehaltung" only a suffix: two each."""
    tags = [
        "Arbeitslosenquote",
        "Arbeitslosenzahlen",
        "Arbeitsmarktzahlen",
        "Arbeitslosenstatistik",
    ]
    de = ("de",)
    assert card_tags(tags, languages=de, language="de") == ["Arbeitslosenquote"]
    for two in (["Energiewende", "Energiewirtschaft"], ["Pferdezeitung", "Pferdehaltung"]):
        assert card_tags(two, languages=de, language="de") == two


def test_german_qualifiers_in_small_letters_of_one_noun_are_one_kind() -> None:
    """ "Spielzeug für Katzen" is the compound "Katzenspielzeug" said with a preposition: one
    tag, the compound shown, with no text to judge too. "automatisches Katzenspielzeug" beside
    "Elektronisches Katzenspielzeug" is one kind of toy where the article says one and never
    the other (its qualifier in small letters is no name's); names have capitals throughout
    ("Katholische Kirche", "Evangelische Kirche") and stay two."""
    de = ("de",)
    tags = ["elektrisches Spielzeug für Katzen", "automatisches Katzenspielzeug", "Katzenklo"]
    found = card_tags(tags, languages=de, language="de")
    assert found == ["automatisches Katzenspielzeug", "Katzenklo"]
    text = "Das elektronische Katzenspielzeug bewegt sich von allein, auch ohne Besitzer. " * 20
    more = ["Elektronisches Katzenspielzeug", "automatisches Katzenspielzeug"]
    found = card_tags(more, languages=de, text=text, language="de")
    assert found == ["Elektronisches Katzenspielzeug"]
    assert card_tags(more, languages=de, language="de") == more
    churches = ["Katholische Kirche", "Evangelische Kirche"]
    church_text = "Die Katholische Kirche feiert heute, und viele Gläubige kommen dazu. " * 20
    assert card_tags(churches, languages=de, text=church_text, language="de") == churches


def test_a_german_noun_in_small_letters_gets_its_capital() -> None:
    """ "vergangenheit", which the text writes only where a sentence opens, and
    "heizenergie", which it writes nowhere (it says "Energie"), are nouns: they show with their
    capital."""
    text = (
        "Vergangenheit und Zukunft des Ehrenamts. Die Energie zum Heizen wird teuer. "
        "Die Schule sucht ein Zimmer für das Ehrenamt. "
    ) * 20
    tags = ["vergangenheit", "heizenergie"]
    found = card_tags(tags, languages=("de",), text=text, language="de")
    assert found == ["Vergangenheit", "Heizenergie"]


def test_a_capitalised_common_word_the_article_hardly_uses_is_a_sites_section() -> None:
    """ "Technology" and "Media" with capitals are sections too when the text writes them so
    only where a sentence opens and hardly uses them; "Apple", which it writes with its capital
    inside sentences, is a name and stays, however seldom it comes."""
    text = (
        "Media reports were wrong. Technology moves on. "
        + (
            "The new consoles run games fast, and these consoles are quiet. Reviewers tried both"
            " consoles for a week at home with their families and friends after work. "
        )
        * 30
        + "They liked that Apple did not make one."
    )
    tags = ["consoles", "Technology", "Media", "Apple"]
    found = card_tags(tags, languages=("en",), text=text, language="en")
    assert found == ["consoles", "Apple"]


def test_labels_of_several_words_and_furniture_sections_are_no_topics() -> None:
    """ "hands-on", "editor's letter", "Pressemitteilungen", "Stellenangebote" and "picture"
    name the kind of page or the site's furniture, not the article's topic."""
    tags = ["hands-on", "editor’s letter", "Pressemitteilungen", "Stellenangebote", "picture"]
    assert card_tags([*tags, "Windenergie"], languages=("de",)) == ["Windenergie"]


def test_a_common_word_naming_a_folder_of_the_address_is_the_sites_section() -> None:
    """ "global" and "markets" (shouted by the CMS, written in small letters by the text) name
    the folder the site files the page under; the page's own slug is no folder, and a name the
    text writes with its capital ("Gold") is no common word."""
    text = "US and Asian shares fell as traders weighed trade doubts; Gold rose. " * 20
    text += "Stocks slipped while global markets were mixed."
    tags = ["US", "GLOBAL", "MARKETS", "Gold", "shares"]
    url = "https://www.example.com/article/us-global-markets/asian-shares-fall-idUS123"
    found = card_tags(tags, languages=("en",), text=text, language="en", urls=(url, None))
    assert found == ["Gold", "shares"]
    assert "markets" in card_tags(tags, languages=("en",), text=text, language="en")


def test_a_folder_word_the_article_is_about_stays() -> None:
    """A folder of the address names the page's topic where the article says it far more
    often than its language does: "trial" on "/politics/trump-trial/" of a story about the
    trial; a page address that does not parse has no folders (and breaks nothing)."""
    text = "The trial resumed on Monday and the jury heard the trial's first witness. " * 12
    url = "https://news.example/2024/05/01/politics/trump-trial/index.html"
    tags = ["trial", "jury"]
    assert card_tags(tags, languages=("en",), text=text, language="en", urls=(url,)) == tags
    broken = "http://[::1/politics/trial/a"
    assert card_tags(tags, languages=("en",), text=text, language="en", urls=(broken,)) == tags


def test_a_tag_naming_the_folders_of_the_address_is_the_sites_section() -> None:
    """ "Chronik Österreich" under "/chronik/oesterreich/" (the address spells "ö" out) is the
    path the site files the page under, "Chronik" being no word of the article; "Internet
    Privacy" under "/internet-privacy/", each word of which the article writes, is its
    topic, and so is a name of one folder word ("Österreich")."""
    text = (
        "In Österreich tranken die Menschen im Jahr pro Kopf elf Liter reinen Alkohol. "
        "Der Alkohol schadet der Gesundheit, sagen die Fachleute in Österreich. "
    ) * 12
    url = "https://volksblatt.at/chronik/oesterreich/alkohol-im-jahr-822151/"
    tags = ["Alkohol", "Chronik Österreich", "Österreich"]
    found = card_tags(tags, languages=("de",), text=text, language="de", urls=(url,))
    assert found == ["Alkohol", "Österreich"]
    assert "Chronik Österreich" in card_tags(tags, languages=("de",), text=text, language="de")
    text = "Internet privacy is at stake when Facebook sells the data of its users. " * 20
    url = "https://www.example.org/blog/privacy-technology/internet-privacy/facebook-data"
    tags = ["Internet Privacy", "Facebook"]
    assert card_tags(tags, languages=("en",), text=text, language="en", urls=(url,)) == tags


def test_the_digest_reads_the_sites_folders_from_the_address() -> None:
    """The page's address files it under "/world/army/": the tag "army", which the story says
    twice, is that folder, as the digest reads it from the address it was given; "Zimbabwe"
    stays."""
    paragraph = (
        "<p>" + "The soldiers seized power and a priest mediated between the two sides. " * 4
    )
    html = (
        '<html><head><title>Zimbabwe coup</title><meta property="og:title" content="Zimbabwe coup">'
        '<meta property="article:tag" content="Zimbabwe"><meta property="article:tag" '
        'content="army"></head><body>'
        f"<article><h1>Zimbabwe coup</h1>{(paragraph + '</p>') * 4}"
        "<p>The army said it was no coup, and the army chief said the president was safe.</p>"
        "</article></body></html>"
    )
    assert digest_html(html, "https://example.com/a").tags == ["Zimbabwe", "army"]
    assert digest_html(html, "https://example.com/world/army/coup").tags == ["Zimbabwe"]


def test_a_subdomain_or_a_registrys_label_is_no_site_name() -> None:
    """On "wien.ORF.at" the site is "ORF": "Wien" (its subdomain) is a topic; on "bbc.co.uk"
    the name is "BBC", not "co"; "www" names no site either."""
    de = ("de",)
    assert card_tags(["Wien", "ORF", "Verkehr"], languages=de, site_name="wien.ORF.at") == [
        "Wien",
        "Verkehr",
    ]
    assert card_tags(["BBC", "Climate"], languages=("en",), site_name="bbc.co.uk") == ["Climate"]
    assert card_tags(["Gala", "Cannes"], languages=("fr",), site_name="www.gala.fr") == ["Cannes"]


def test_an_index_name_is_split_only_on_evidence_of_two_nouns() -> None:
    """Without a text, under a teaser that writes only "Merkel", or where the text says
    "Angela Merkel", "Merkel, Angela" is the index name it reads as, no list: a bare given
    name is no topic. "Szene, Touren" alone is a list where the text says both nouns, never
    "Touren Szene". A tag no index name reads ("Corona-Virus, Covid-19") is a list with or
    without a text."""
    de = ("de",)
    index = ["Merkel, Angela", "CDU"]
    assert card_tags(index, languages=de, language="de") == ["Angela Merkel", "CDU"]
    teaser = "Merkel sprach am Montag in Berlin. Die CDU tagte."
    assert "Angela" not in card_tags(index, languages=de, text=teaser, language="de")
    named = "Angela Merkel sprach am Montag. Merkel lobte die CDU, sagte Angela am Ende. " * 20
    assert card_tags(index, languages=de, text=named, language="de") == ["Angela Merkel", "CDU"]
    german = "Die Szene der Touren wächst, und viele Touren führen in die Berge hinauf. " * 20
    two = ["Szene, Touren"]
    assert card_tags(two, languages=de, text=german, language="de") == ["Szene", "Touren"]
    listed = ["Corona-Virus, Covid-19"]
    assert card_tags(listed, languages=de, language="de") == ["Corona-Virus", "Covid-19"]


# --- the site's navigation --------------------------------------------------------------------

_RULING = (
    "Der Anspruch auf bezahlten Jahresurlaub unterliegt der gesetzlichen Verjährung. "
    "Die Klägerin war vom 1. November 1996 bis zum 31. Juli 2017 bei dem Beklagten beschäftigt. "
    "Ein Fall des Urlaubsrecht. "
) * 10


def test_a_tag_that_is_a_menu_label_the_article_says_once_is_the_sites_section() -> None:
    """ "Rechtsprechung" is a link of the site's menu and the report says it once: the section
    the site files it under. "Urlaubsrecht", no menu's label, stays."""
    text = _RULING + "Zur Rechtsprechung des Senats."
    tags = ["Rechtsprechung", "Urlaubsrecht"]
    navigation = ("Startseite", "Rechtsprechung", "Arbeitsrecht A-Z")
    assert card_tags(tags, languages=("de",), text=text, language="de") == tags
    assert card_tags(tags, languages=("de",), text=text, language="de", navigation=navigation) == [
        "Urlaubsrecht"
    ]


def test_a_menu_label_the_article_keeps_saying_is_its_topic() -> None:
    """A topic the menu lists too ("Verjährung", said ten times, inflected or not) stays."""
    tags = ["Verjährung", "Urlaubsrecht"]
    assert (
        card_tags(tags, languages=("de",), text=_RULING, language="de", navigation=("Verjährung",))
        == tags
    )


def test_a_site_wide_tag_said_in_the_headline_and_the_body_is_said_twice() -> None:
    """A site-wide tag's text is the body alone: the headline's "Freiburg" counts too, so a
    city the headline and the body name stays, though the menu lists it."""
    body = "Gesine hat sich an der Uni Freiburg eingeschrieben und sucht seit Wochen ein Zimmer."
    headline = "Studierende suchen in Freiburg verzweifelt eine Wohnung"
    kept = card_tags(
        ["freiburg", "zimmer"],
        languages=("de",),
        text=body,
        site_wide=True,
        headline=headline,
        language="de",
        navigation=("Freiburg", "Lörrach"),
    )
    assert kept == ["Freiburg", "Zimmer"]
    dropped = card_tags(
        ["freiburg", "zimmer"],
        languages=("de",),
        text=body,
        site_wide=True,
        headline="Studierende suchen verzweifelt eine Wohnung",
        language="de",
        navigation=("Freiburg", "Lörrach"),
    )
    assert dropped == ["Zimmer"]

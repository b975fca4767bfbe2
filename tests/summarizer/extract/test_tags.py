"""Tags cleaned for a card: no UI labels or stopwords, index names turned, duplicates merged."""

from __future__ import annotations

from summarizer.extract.tags import MAX_CARD_TAGS, card_tags, readable_tag


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


def test_news_section_labels_and_read_on_buttons_are_dropped() -> None:
    """ "General News", "Latest News" are the CMS's sections; "Weiterlesen" is a button."""
    tags = ["General News", "Latest News", "Weiterlesen", "Fox News", "crime"]
    assert card_tags(tags, languages=("en", "de")) == ["Fox News", "crime"]

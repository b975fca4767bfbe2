"""Sentence splitting: English edge cases, Hindi, Japanese, and the verbatim-substring promise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.claims import sentences as splitter
from summarizer.claims.sentences import language_code, split_sentences
from summarizer.extract import limits


def test_abbreviations_do_not_end_sentences() -> None:
    """Titles, U.S. and e.g. stay inside their sentence."""
    text = (
        "Dr. Smith moved to the U.S. in May. He likes fruit, e.g. apples and pears. "
        "Mr. Brown disagreed."
    )
    assert split_sentences(text) == [
        "Dr. Smith moved to the U.S. in May.",
        "He likes fruit, e.g. apples and pears.",
        "Mr. Brown disagreed.",
    ]


def test_decimals_and_amounts_do_not_end_sentences() -> None:
    """A decimal point is not a full stop."""
    text = "Inflation rose 3.5 percent to $4.20 a loaf. Economists were surprised."
    assert split_sentences(text) == [
        "Inflation rose 3.5 percent to $4.20 a loaf.",
        "Economists were surprised.",
    ]


def test_a_german_date_does_not_end_a_sentence() -> None:
    """ "23. November," is a date: the day's ordinal stop is no sentence end, whatever follows
    the month (sentencex splits there when a comma does)."""
    text = (
        "Am Montag, 23. November, gegen 17.50 Uhr ist ein 74-Jähriger gefahren. "
        "Er verlor das Bewusstsein. Das war am 1. Dez., kurz vor Mitternacht."
    )
    assert split_sentences(text, "de") == [
        "Am Montag, 23. November, gegen 17.50 Uhr ist ein 74-Jähriger gefahren.",
        "Er verlor das Bewusstsein.",
        "Das war am 1. Dez., kurz vor Mitternacht.",
    ]


def test_an_abbreviation_sentencex_does_not_know_does_not_end_a_sentence() -> None:
    """After a short word's stop, a sentence that goes on in lower case, or a number after a
    street or a "Tel.", is the same sentence; after a longer word or "said.", a new one."""
    text = (
        "Die Botschaft ist in der Friedrichstr. 200, Tel. 030 226. Werden Sie angestarrt, "
        "haben Sie evtl. vergessen sich zu rasieren. Die Schau läuft vom 9. bis 23. Februar."
    )
    # (sentencex knows German abbreviations, not on pages that do not say their language)
    assert split_sentences(text) == [
        "Die Botschaft ist in der Friedrichstr. 200, Tel. 030 226.",
        "Werden Sie angestarrt, haben Sie evtl. vergessen sich zu rasieren.",
        "Die Schau läuft vom 9. bis 23. Februar.",
    ]
    polish = "Skarżący powołali się na art. 6 ust. 1 konwencji oraz na art. 13 o prawie do sądu."
    assert split_sentences(polish) == [polish]
    english = "You can share mutable history. evolve lets you push drafts. Police said. 12 died."
    assert split_sentences(english) == [
        "You can share mutable history.",
        "evolve lets you push drafts.",
        "Police said.",
        "12 died.",
    ]


def test_an_initial_does_not_end_a_sentence() -> None:
    """A capital and a stop before a capitalised word is an initial ("Folha de S. Paulo",
    "R-W. Va."), not a sentence's end; a longer word before the stop ends one."""
    text = (
        "O repórter do jornal Estado de S. Paulo publicou a lista. Depois veio a resposta. "
        "In October, Rep. David McKinley, R-W. Va., visited the border. The trip was short."
    )
    assert split_sentences(text, "pt") == [
        "O repórter do jornal Estado de S. Paulo publicou a lista.",
        "Depois veio a resposta.",
        "In October, Rep. David McKinley, R-W. Va., visited the border.",
        "The trip was short.",
    ]


def test_a_german_ordinal_after_an_article_does_not_end_a_sentence() -> None:
    """ "in der 20. Lebenswoche", "nach dem 3. Beitrag": the noun goes on with the sentence;
    a year after "bis" ends one."""
    text = (
        "Frühreife Rassen beginnen in der 20. Lebenswoche mit dem Eierlegen. Das neue Mitglied "
        "bekommt nach dem 3. Beitrag ein Forum. Das galt bis 2020. Dann kam die Pandemie."
    )
    assert split_sentences(text, "de-DE") == [
        "Frühreife Rassen beginnen in der 20. Lebenswoche mit dem Eierlegen.",
        "Das neue Mitglied bekommt nach dem 3. Beitrag ein Forum.",
        "Das galt bis 2020.",
        "Dann kam die Pandemie.",
    ]


def test_a_list_run_into_one_line_is_cut_into_its_items() -> None:
    """ "+ Added X + Added Y + Added Z" (a changelog whose line breaks were lost) gives one
    sentence per item, without the marks; one mark, or a sum, stays in its sentence."""
    text = "+ Added Granite blocks, with smooth versions + Added Slime Block • Added Iron Trapdoor"
    assert split_sentences(text) == [
        "Added Granite blocks, with smooth versions",
        "Added Slime Block",
        "Added Iron Trapdoor",
    ]
    assert split_sentences("The score was 2 + 2 • Four, said Tom.") == [
        "The score was 2 + 2 • Four, said Tom."
    ]


def test_quoted_question_stays_with_its_sentence() -> None:
    """A question mark inside quotes followed by lower case does not split."""
    text = "“From whom were they defending themselves?” he asked. Nobody answered."
    sentences = split_sentences(text)
    assert sentences[-1] == "Nobody answered."
    assert len(sentences) == 2


def test_a_sentence_after_a_bracket_closed_on_its_stop_is_a_new_one() -> None:
    """sentencex never splits after ".)": a capital after a bracket closed on a stop opens a
    new sentence (and a sentence in brackets after a stop is one of its own)."""
    text = (
        "Das Urteil gilt (siehe unten.) Der nächste Punkt betrifft die Miete. "
        "Two opt-out tools failed. (In a recent test, both failed to take effect.) And the "
        "advertisers say nothing."
    )
    assert split_sentences(text, "de") == [
        "Das Urteil gilt (siehe unten.)",
        "Der nächste Punkt betrifft die Miete.",
        "Two opt-out tools failed.",
        "(In a recent test, both failed to take effect.)",
        "And the advertisers say nothing.",
    ]


def test_a_bracket_closing_after_a_stop_stays_with_its_sentence() -> None:
    """A bracket closing after the stop sentencex cut before goes with the sentence it
    closes, not the next one ("...so." | ") Then...")."""
    assert split_sentences("It was done so.) Then he came home.") == [
        "It was done so.)",
        "Then he came home.",
    ]
    assert split_sentences("It was done so.) and then he came home.") == [
        "It was done so.) and then he came home."
    ]


def test_no_sentence_ends_inside_brackets_or_quotations() -> None:
    """Inside a bracket an abbreviation's stop ends nothing, nor a bracket closed inside
    another; after a bracket, a word in small letters goes on with the sentence; a quotation
    of several sentences stays with its speaker."""
    for text in (
        "Für Spezialfahrzeuge (incl. Viehtransporter) steht eine Waschstraße bereit.",
        "Der Vertrag (mit Anlage (siehe unten.) Die Kosten trägt der Mieter) gilt ab Mai.",
        "Er ging (siehe Bild.) dann kam er wieder nach Hause.",
        "Stefan Marx ergänzt: „Der DGB macht sich Sorgen. Das Verkehrschaos zieht Kreise.“",
    ):
        assert split_sentences(text, "de") == [text]


def test_question_and_exclamation_end_sentences() -> None:
    """? and ! are boundaries like the full stop."""
    assert split_sentences("Is it true? Yes! It is.") == ["Is it true?", "Yes!", "It is."]


def test_line_breaks_are_hard_boundaries() -> None:
    """A line without final punctuation (a caption, a list item) is its own sentence."""
    text = "Photo: the harbour at dawn\nThe ships left early. They returned late."
    assert split_sentences(text) == [
        "Photo: the harbour at dawn",
        "The ships left early.",
        "They returned late.",
    ]


def test_empty_and_blank_text_give_no_sentences() -> None:
    """Whitespace is not a sentence."""
    assert split_sentences("") == []
    assert split_sentences("  \n\n \t ") == []


def test_hindi_danda() -> None:
    """Hindi sentences end with the danda ।."""
    text = "भारत एक विशाल देश है। यहाँ कई भाषाएँ बोली जाती हैं। क्या आप जानते हैं?"
    assert split_sentences(text, "hi") == [
        "भारत एक विशाल देश है।",
        "यहाँ कई भाषाएँ बोली जाती हैं।",
        "क्या आप जानते हैं?",
    ]


def test_japanese_full_stops_without_spaces() -> None:
    """Japanese has no spaces; 。！？ end sentences."""
    text = "今日は晴れです。明日は雨でしょうか？そうですね！"
    assert split_sentences(text, "ja") == [
        "今日は晴れです。",
        "明日は雨でしょうか？",
        "そうですね！",
    ]


def test_chinese_with_region_code() -> None:
    """A region-qualified code such as zh-CN is understood."""
    assert split_sentences("今天天气很好。明天呢？", "zh-CN") == ["今天天气很好。", "明天呢？"]


def test_language_codes_are_normalised() -> None:
    """Region and script suffixes are dropped; nothing means English."""
    assert language_code("en-US") == "en"
    assert language_code("zh_CN") == "zh"
    assert language_code("PT-br") == "pt"
    assert language_code(None) == "en"
    assert language_code("") == "en"
    assert language_code("?") == "en"


def test_unknown_language_falls_back_to_a_working_splitter() -> None:
    """A code sentencex has no rules for still splits on . ? !"""
    assert split_sentences("One thing. Another thing.", "xx") == ["One thing.", "Another thing."]


_TEXT_ALPHABET = st.sampled_from(
    [
        *"abcXYZ .,!?;:'\"()[]\n\t-",
        *("U.S.", "Dr.", "3.5", ".)", "„", "।", "。", "？", "“", "”", "日", "क"),
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_TEXT_ALPHABET, max_size=80).map("".join), st.sampled_from(["en", "hi", "ja", None])
)
def test_sentences_are_ordered_verbatim_substrings(text: str, language: str | None) -> None:
    """Every sentence is a stripped substring of the text, found in order, none overlapping."""
    position = 0
    for sentence in split_sentences(text, language):
        assert sentence == sentence.strip()
        assert sentence
        found = text.find(sentence, position)
        assert found >= 0, (sentence, text)
        position = found + len(sentence)


def test_a_long_german_abbreviation_before_a_small_letter_does_not_end_a_sentence() -> None:
    """German abbreviates words after their "-l", "-t" or "-g" ("diesbzgl.", "einschl.",
    "insbes."), longer than a short word: before a word in small letters the sentence goes on;
    before a capital, a new one starts. (sentencex knows them on a page that says it is German,
    not on one that does not say its language.)"""
    text = (
        "Jemand fragte, warum es keine Plakatkampagnen vom Ministerium diesbzgl. gäbe. "
        "Die Preise gelten einschl. aller Steuern. Wir zahlen einschl. Neue Kunden zahlen mehr."
    )
    assert split_sentences(text) == [
        "Jemand fragte, warum es keine Plakatkampagnen vom Ministerium diesbzgl. gäbe.",
        "Die Preise gelten einschl. aller Steuern.",
        "Wir zahlen einschl.",
        "Neue Kunden zahlen mehr.",
    ]


def test_a_line_split_again_is_read_from_the_last_lines_split() -> None:
    """The claims split each paragraph and the keyphrases the opening, the same paragraphs as
    lines: a line split again comes from the bounded cache, with the same sentences."""
    first = "Der Rat tagte am Montag. Er beschloss den Haushalt (siehe unten.) Danach ging er."
    second = "Ein zweiter Absatz folgt. Er endet hier."
    splitter._kept_line_sentences.cache_clear()
    alone = split_sentences(first, "de")
    hits = splitter._kept_line_sentences.cache_info().hits
    assert split_sentences(f"{first}\n\n{second}", "de") == [*alone, *split_sentences(second, "de")]
    assert splitter._kept_line_sentences.cache_info().hits > hits
    assert splitter._kept_line_sentences.cache_info().maxsize == limits.LINES_SPLIT_KEPT


def test_a_line_longer_than_the_longest_kept_is_split_but_not_kept() -> None:
    """The cache outlives a page: a hostile page's one huge line is split, never kept, so the
    cache's size stays bounded by LINES_SPLIT_KEPT short lines."""
    huge = "Ein Satz endet hier. " * (limits.LONGEST_LINE_KEPT // 10)
    splitter._kept_line_sentences.cache_clear()
    sentences = split_sentences(huge, "de")
    assert len(sentences) == limits.LONGEST_LINE_KEPT // 10
    assert splitter._kept_line_sentences.cache_info().currsize == 0

"""Lines that record when the post was published or updated: never a claim."""

from __future__ import annotations

import pytest

from summarizer.claims.publication_lines import is_publication_line
from summarizer.claims.standalone import is_not_prose


@pytest.mark.parametrize(
    "sentence",
    [
        'Der Artikel "Japanisches Mini-SUV auf dem Vormarsch" wurde am 05.11.2021 in der '
        "Kategorie Neuheiten von Solveig Grewe mit den Stichwörtern Auto, SUV veröffentlicht.",
        "This article was published on May 5, 2021.",
        "This story was originally published on 12 March 2020 and has been updated.",
        "Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „der Freitag“ erschienen.",
        "Veröffentlicht am 16.08.2019 Dauer: 1 Stunde 4 Minuten",
        "Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Links",
        "Publié le 3 mars 2021 à 10h12, mis à jour le 4 mars.",
        "Aggiornato il 12/04/2023 alle 10:30",
        "Publicado el 3 de mayo de 2020",
        "Last updated: May 5, 2021",
    ],
)
def test_a_line_recording_the_post_is_not_a_claim(sentence: str) -> None:
    """The post's metadata set as a sentence (with a date) is never prose."""
    assert is_publication_line(sentence)
    assert is_not_prose(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Artikel wurde in der Zeitschrift Nature veröffentlicht.",
        "The study was published on May 5 in the journal Nature.",
        "Die Studie wurde am 5. Mai veröffentlicht und sorgte für Aufsehen.",
        "Published in 2019, the book sold a million copies in its first year.",
        "The report, updated on 3 March, shows that sales fell by a fifth.",
    ],
)
def test_news_of_a_publication_is_prose(sentence: str) -> None:
    """What the article reports about another publication is not the post's own record."""
    assert not is_publication_line(sentence)


def test_a_byline_with_the_date_is_not_a_claim() -> None:
    """A byline with the post's date ("By Matthew Digby, Minh Do on Monday, November 18th,
    2019 at 11:08 a.m.") records the post; a sentence opening on "By" is still prose."""
    for line in (
        "By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08 a.m.",
        "Von Anna Muster am 5. Mai 2021",
        "Par Jean Dupont le 3 mars 2021",
        "Von Anna Muster am Dienstag, 5. Mai 2021 um 14:30 Uhr",
        "By Jane Roe on May 5, 2021.",
        "By Jane Doe on Monday, November 18th, 2019 at 11:08 a.m. ET",
        "By Jane Doe on November 18, 2019 | Updated November 19, 2019",
    ):
        assert is_publication_line(line), line
    for sentence in (
        "By law, the council meets on Monday, May 5.",
        "By the time he arrived on May 5 the council had voted.",
        # Names and a date, then the sentence goes on: prose, not a byline.
        "By Google on Monday, May 5, the firm announced layoffs of 500 engineers.",
        "By Christmas on December 25 the shops were empty.",
    ):
        assert not is_publication_line(sentence), sentence

"""summarizer/claims/self_reference.py: sentences about the page itself, and the site's notices."""

from __future__ import annotations

import pytest

from summarizer.claims.self_reference import describes_the_text, is_site_notice


@pytest.mark.parametrize(
    "sentence",
    [
        "July 7, 2020: The below letter will be appearing in the Letters section of the magazine.",
        "The answers below will also help you have a clear picture of how to grow a lemon tree.",
        "Please find below helpful travel advice if you need to travel on a replacement service.",
        "To demonstrate, let’s start with the repository as we left it in the last example.",
        "Because this book focuses on engineering, we won’t discuss these applications here.",
        "Im ersten Teil des Artikels sprachen wir über die Grenzwut.",
        'Wie eine Wärmepumpe funktioniert, erklären wir im Beitrag "Funktion der Wärmepumpe".',
        "Les étapes sont détaillées ci-dessous.",
    ],
)
def test_sentences_about_the_page_are_recognised(sentence: str) -> None:
    """What lies below, a part before or after, what the text leaves out: the page itself."""
    assert describes_the_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The temperature fell below zero on Tuesday night.",
        "Zuerst wachsen alle Bananen nach unten.",
        "In the last decade the city built three new tram lines.",
        "Im ersten Jahr verdoppelte sich der Umsatz.",
        "Monitoring and alerting enables a system to tell us when it’s broken.",
    ],
)
def test_sentences_about_the_subject_are_not(sentence: str) -> None:
    """ "Below zero", "nach unten", "in the last decade" speak of the subject, not the page."""
    assert not describes_the_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Heute zeig ich euch daher im Video oben 3 der verrücktesten Sachen in Berlin.",
        "Ablauf der Wellness Gesichtsbehandlung siehe oben.",
        "The curry can also be made from the above step after pouring the tomato puree.",
        "The video above shows how the bridge was lifted into place.",
        "Les résultats du vote sont détaillés ci-dessus.",
        "We look forward to sharing updates and the results.",
        "Stay tuned for the second part of the test next week.",
        "Wir halten euch auf dem Laufenden, sobald es Neuigkeiten gibt.",
        "Thanks for reading, and see you next week.",
        "As a volunteer-staffed project, we could not bring releases to you without the "
        "enormous contributions of many, many people.",
        "Ohne eure tatkräftige Hilfe wäre das Fest nicht möglich gewesen.",
        "I've written a couple of posts in the past few months but they were all for work.",
        "It's been a while since I last posted, so here is an update on the tram.",
        "I hope you enjoyed this look at the new tram line.",
        "Mudah2an kita bisa memahami dan mengamalkan Al Qur’an dan Hadits ini.",
        "Semoga artikel ini bermanfaat bagi kita semua.",
        "Hope this helps.",
        "I hope this helps you.",
        "I wrote a long rant about this last year when the council first voted on the plan.",
        "I've written about it before.",
    ],
)
def test_pointers_above_and_sign_offs_are_about_the_page(sentence: str) -> None:
    """What lies above ("im Video oben", "the above step", "ci-dessus") and a sign-off
    promising more of the post ("We look forward to sharing updates...", "Stay tuned") speak
    of the page, not its subject."""
    assert describes_the_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        '"We could not have won this title without the support of our fans," the coach said.',
        "Farmers say we cannot survive the winter without state support.",
        "Ohne die Hilfe der Bundeswehr wäre die Evakuierung nicht möglich gewesen, sagte er.",
    ],
)
def test_thanks_in_a_story_are_not_the_pages_sign_off(sentence: str) -> None:
    """Help a story's people could not do without is news, not the page thanking its own
    helpers: only "we could not bring this to you without..." is."""
    assert not describes_the_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "From December to February the tumbler barely rose above the outside temperature.",
        "Das Erdöl wandert nun im Sediment nach oben, denn es ist leichter als Wasser.",
        "The above-average rainfall flooded the valley twice in one month.",
        "The company said it looks forward to working with the new government.",
        "The council could not build the tram line without the support of the state.",
        "I've written to the council about the tram line twice this year.",
        "It's been three years since we moved to the valley.",
        "Die Hitze kommt beim Beef Maker von oben.",
        "Hopefully the council will vote on the tram line in June.",
        "Fans hope the new coach helps the team win again.",
        # a letter or a notice on the subject, not the author's writing
        "We wrote to the mayor about it, and she said the budget would balance.",
        "I've written to the council about this twice this year.",
        "We posted a warning about this on our website on Monday, the police said.",
        # a wish quoted in a story, or one that goes on to its subject
        "“I hope this helps other families,” said Smith, whose son died in the crash.",
        "I hope that helps the council make up its mind before June.",
        "“We hope you enjoyed your stay,” the hotel wrote to its guests.",
        "“Semoga kejadian ini tidak terulang lagi,” kata Kapolres.",
        "Semoga Indonesia lolos ke Piala Dunia 2026, kata Erick Thohir.",
    ],
)
def test_above_and_looking_forward_in_the_subject_are_not(sentence: str) -> None:
    """ "Above the outside temperature", "nach oben", "above-average" and a company looking
    forward to working with someone speak of the subject."""
    assert not describes_the_text(sentence)


def test_the_sites_notices_are_recognised() -> None:
    """The publication line and a pointer to the site's channels; a post on a network is not."""
    assert is_site_notice(
        'Der Artikel "Japanisches Mini-SUV auf dem Vormarsch" wurde am 05.11.2021 in der'
        " Kategorie Neuheiten von Solveig Grewe veröffentlicht."
    )
    assert is_site_notice("This entry was posted in News on May 3, 2019.")
    assert is_site_notice("Ihr findet uns auf Instagram als @dussmann.official.")
    assert not is_site_notice("Omar asked for compassion in a letter posted on Twitter Tuesday.")
    assert not is_site_notice("Der Artikel 5 des Grundgesetzes schützt die Meinungsfreiheit.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mein letzter Post ist schon fast ein halbes Jahr her, und ich wollte diesen Blog"
        " sanft entschlummern lassen.",
        "Ich habe lange nichts mehr geschrieben, weil viel los war.",
        "Es ist ein Jahr her, seit ich hier etwas geschrieben habe.",
        "In my last post I showed how the garden looked in spring.",
        "Ça fait longtemps que je n'ai pas écrit sur ce sujet.",
        "Hace tiempo que no escribo sobre viajes.",
        "No meu último post falei sobre a viagem.",
        "Nel mio ultimo post ho parlato del viaggio.",
        "In mijn laatste blog schreef ik over de reis.",
    ],
)
def test_the_blogger_on_their_own_posting_in_more_languages(sentence: str) -> None:
    """The blog on itself, in the languages of the corpus: the last post, not posting for a
    while, the blog's future."""
    assert describes_the_text(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Der letzte Beitrag des Ministers im Bundestag war kurz.",
        "Sein letzter Artikel erschien 2019 in der Zeitung.",
        "The minister's last post on the social network drew thousands of replies.",
    ],
)
def test_someone_elses_last_post_is_the_subject(sentence: str) -> None:
    """Another person's last post or article is what the story is about."""
    assert not describes_the_text(sentence)

"""summarizer/extract/patterns.py: furniture sentences are recognised, ordinary prose is not."""

from __future__ import annotations

import re

import pytest

from summarizer.extract import patterns
from summarizer.extract.patterns import (
    is_boilerplate_heading,
    is_boilerplate_line,
    is_boilerplate_sentence,
    is_caption_with_credit,
    is_cut_after_stop,
    is_cut_off,
    is_dateline,
    is_end_matter_heading,
    is_reference_heading,
    is_teaser_prompt,
)
from summarizer.text import unify_apostrophes


@pytest.mark.parametrize(
    "line",
    [
        "Share this article on Facebook",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience.",
        "Also Read: Ten things to know",
        "Click here to read more",
        "Photo credit: Jane Doe",
        "(Image: Getty Images)",
        "ADVERTISEMENT",
        "© 2025 Example News. All rights reserved.",
        "Copyright 2024 Example Media",
        "Main article: History of New Zealand",
        "See also: List of tram systems",
        "If you enjoyed this article, we have a proposition for you: join our club.",
        "ATENÇÃO: Comentários com textos ofensivos não serão aprovados pelo moderador.",
        "Comments that break our rules will be removed.",
        "Advertisement - story continues below",
        "Sponsored content from our partners",
        "Join our WhatsApp channel for updates",
        "This site uses cookies to improve your experience.",
        "Subscribe to our channel",
        # a blog's like button run into a gallery's name
        "Fotostrecke Gefällt mir: Gefällt mir Wird geladen...",
        "Photo gallery Like this: Like Loading...",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    """The usual non-content lines are boilerplate."""
    assert is_boilerplate_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council approved the plan on Tuesday.",
        "Sharing of data between agencies will improve, officials said.",
        "The photographer shared his images with the court.",
        "The minister declined to comment on the report.",
        "He said he enjoyed the visit to the factory.",
        "Girl Scout cookies sold out in two days this spring.",
        "Officials blamed a state-sponsored attack for the outage.",
        "The court ruled that copyright law protects the design.",
        "The advertisement was pulled after complaints from viewers.",
        "Millions subscribe each month, the company said.",
        "Google News changed how it ranks local stories.",
        # news of a confirmation, not a sign-up form; a device's side, not a page
        "Die Polizei bestätigt die Anmeldung der Demonstration für Samstag.",
        "Lula confirma assinatura do acordo com a União Europeia.",
        "Der Knopf auf dieser Seite schaltet das Gerät ein.",
        "Das Bild gefällt mir: ein Garten im Regen, gemalt von Monet.",
        "Cities like Loading Bay in Ohio grew fast after the war.",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(line: str) -> None:
    """Words near the boilerplate ones do not trip the filter."""
    assert not is_boilerplate_sentence(line)


@pytest.mark.parametrize(
    ("heading", "furniture"),
    [
        ("Related stories", True),
        ("Newsletters", True),
        ("Get our email alerts", True),
        ("Sign up for our newsletter", True),
        ("Featured Slide Shows", True),
        ("Similar articles", True),
        ("Responses", True),
        ("3 Responses", True),
        ("Eliminating Repeating Alerts", False),
        ("Why newsletters are back", False),
        ("Response", False),
        ("The council's response", False),
        ("Ansprechpartnerin zum Thema:", True),
        ("Ihr Ansprechpartner", True),
        ("Media contacts", True),
        ("Contact us", True),
        ("First contact with the tribe", False),
        ("Ansprechpartner fehlen in den Ämtern", False),
        # a gallery's, a video box's, an author box's and a pointer's labels
        ("UK news in pictures", True),
        ("Die Woche in Bildern", True),
        ("Pictures of the storm", False),
        ("Mein aktuelles Video", True),
        ("Video games and the brain", False),
        ("Über den Author", True),
        ("For more on learning Japanese", True),
        ("Video & Further Resources", True),
        ("Resources for teachers", False),
    ],
)
def test_furniture_headings_name_the_box_not_the_topic(heading: str, furniture: bool) -> None:
    """A box label is furniture; an article's heading using the same words is not."""
    assert is_boilerplate_heading(heading) is furniture


def test_end_matter_headings() -> None:
    """Notes, references, links and comments come after the article; "Related" may not."""
    for heading in ("References", "Notes", "External links", "Comments", "Einzelnachweise"):
        assert is_end_matter_heading(heading)
    assert not is_end_matter_heading("Related stories")


@pytest.mark.parametrize(
    "heading",
    [
        "3 Kommentare",
        "Kommentare (12)",
        "Schreibe einen Kommentar",
        "12 commentaires",
        "5 comentarios",
        "Laisser un commentaire",
    ],
)
def test_headings_over_readers_comments_are_end_matter(heading: str) -> None:
    """A heading over readers' comments, counted or not, in the languages Skim meets most, is
    furniture that runs on to the next heading."""
    assert is_boilerplate_heading(heading)
    assert is_end_matter_heading(heading)
    assert not is_boilerplate_heading("Ein Kommentar zur Lage der Nation")
    assert not is_boilerplate_heading("Commentary on Python 3")


@pytest.mark.parametrize(
    "heading", ["Notes and references", "References and notes", "Notes and sources"]
)
def test_combined_notes_headings_are_the_articles_references(heading: str) -> None:
    """A heading over both the notes and the references is the apparatus as either is."""
    assert is_boilerplate_heading(heading)
    assert is_end_matter_heading(heading)
    assert is_reference_heading(heading)


def test_a_wikis_list_of_appearances_is_apparatus() -> None:
    """ "Appearances" lists the works a wiki's subject is in: no section of its text."""
    assert is_boilerplate_heading("Appearances")
    assert not is_boilerplate_heading("Public appearances of the Queen")


def test_reference_headings_are_the_articles_own_end_matter() -> None:
    """Notes and references are the article's; links, "see also" and comments the page's."""
    for heading in ("References", "Notes", "Einzelnachweise", "Literatur", "Bibliographie"):
        assert is_reference_heading(heading)
    for heading in ("External links", "See also", "Comments", "Weblinks"):
        assert not is_reference_heading(heading)


@pytest.mark.parametrize(
    ("line", "prompt"),
    [
        ("Read more", True),
        ("Next Article", True),
        ("Continue reading →", True),
        ("Weiterlesen", True),
        ("Mehr Informationen", True),
        ("Learn more ›", True),
        ("Zum Angebot", False),
        ("Read more about the budget in our guide.", False),
    ],
)
def test_teaser_prompts(line: str, prompt: bool) -> None:
    """The link line under a teaser's title, and only the line alone."""
    assert is_teaser_prompt(line) is prompt


def test_a_button_is_a_teaser_prompt_only_as_a_link() -> None:
    """ "Mehr erfahren", "Learn more" that are no link are a label of the page's own text;
    "Read more" says there is more elsewhere, linked or not."""
    assert not is_teaser_prompt("Mehr erfahren", linked=False)
    assert not is_teaser_prompt("Learn more", linked=False)
    assert is_teaser_prompt("Read more", linked=False)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("The core stage after the installation of its engines. (credit: NASA/Jude Guidry)", True),
        ("President Biden speaks in Delaware. (AP Photo/Evan Vucci)", True),
        ("The rocket on the pad.(Oleg Urusov/ Roscosmos Press Service photo via AP)", True),
        ("Una prueba en el Mar de Okhotsk (Ministerio de Defensa de Rusia vía AP)", True),
        ("He said (in 2019) that the plan works.", False),
        ("The council met (for the third time) on Tuesday.", False),
    ],
)
def test_captions_end_with_a_photo_credit(line: str, caption: bool) -> None:
    """A short line closing on a photo credit is a caption; other brackets are not credits."""
    assert is_caption_with_credit(line) is caption


def test_pitches_are_boilerplate_lines_of_any_length() -> None:
    """Support pitches, in English and German."""
    assert is_boilerplate_line(
        "To ensure Snopes endures, we need a different kind of tip: We need your financial support."
    )
    assert is_boilerplate_line(
        "Als E-MOUNTAINBIKE-Supporter sicherst du dem Journalismus eine Zukunft!"
    )
    assert is_boilerplate_sentence("We need your support to keep reporting.")
    assert is_boilerplate_line(
        "Hat dir dieser Artikel gefallen? Dann würde es uns sehr freuen, wenn du uns unterstützt."
    )


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("CONTINUA DEPOIS DA PUBLICIDADE", True),
        ("CONTINUA APÓS A PUBLICIDADE", True),
        ("Story continues below advertisement", True),
        ("La nota continúa después de la publicidad", True),
        ("Publicidade", True),
        ("Reklama", True),
        ("Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.", True),
        (
            "Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei",
            True,
        ),
        ("The report (PDF) runs to 38 pages and was published on Tuesday.", False),
        ("A publicidade continua a crescer no Brasil, segundo o instituto.", False),
        ("The strike continues after the ads agency walked out of the talks.", False),
    ],
)
def test_an_ad_slot_label_is_a_boilerplate_line(line: str, label: bool) -> None:
    """The label an ad slot leaves in the text is furniture; prose about advertising is not."""
    assert is_boilerplate_line(line) is label


@pytest.mark.parametrize(
    ("heading", "label"),
    [
        ("STREAM: Luboku, Pale Blue Dot / Lift Off", True),
        ("Video: the moment the bridge opened", True),
        ("PHOTOS: The storm in pictures", True),
        ("VÍDEO: Mira el gol de la final", True),
        ("Vidéo : le pont s'ouvre", True),
        ("Anschauen: Die Brücke öffnet", True),
        ("ZOBACZ WIDEO Bartosz Zmarzlik o rywalizacji z Robertem Lewandowskim", True),
        ("WATCH VIDEO: The moment the bridge opened", True),
        ("VIDEO | The moment the bridge opened", True),
        ("Sehen Sie im Video, wie die Brücke öffnet", True),
        ("Mira el video del gol de la final", True),
        ("Regardez la vidéo du pont", True),
        ("Watch the video of the bridge opening", True),
        ("Watchdog sees the video market grow", False),
        ("Video games and the brain", False),
        ("Streaming services raise their prices", False),
        ("Videos that changed the web", False),
        ("Why audio books sell", False),
    ],
)
def test_an_embedded_players_label_heads_no_section(heading: str, label: bool) -> None:
    """ "STREAM: <album>", "VIDEO: <title>" label a player or a gallery, not a part of the text;
    so does the player's call to watch before its title ("ZOBACZ WIDEO ...", "watch video")."""
    assert is_boilerplate_heading(heading) is label


@pytest.mark.parametrize(
    ("line", "pointer"),
    [
        ("Main article: History of New Zealand", True),
        ("Main articles: Government of New Zealand and Politics of New Zealand", True),
        ("Further information: Māori language", True),
        (
            "This article is about the country. For other uses, see New Zealand (disambiguation).",
            True,
        ),
        ('"NZ" redirects here. For other uses, see NZ (disambiguation).', True),
        ("Hauptartikel: Geschichte Neuseelands", True),
        ("Article détaillé : Histoire de la Nouvelle-Zélande.", True),
        ("Artículo principal: Historia de Nueva Zelanda", True),
        ("The main article of the treaty gave the Crown the sole right to buy land.", False),
        ("This article is about the treaty the chiefs signed in 1840.", False),
        ("The old road redirects here, to the coast, since the bridge fell.", False),
    ],
)
def test_a_wikis_pointer_to_other_pages_is_a_boilerplate_line(line: str, pointer: bool) -> None:
    """A hatnote points to other pages ("Main article: …", "For other uses, see …"): not text.
    Sentences that use the same words are prose."""
    assert is_boilerplate_line(line) is pointer


@pytest.mark.parametrize(
    "line",
    [
        "Add the ingredients to your basket and deliver to you.",
        "Jetzt in den Warenkorb legen und sparen.",
        "Mit diesem Button kannst Du diese Podcast-Episode zu einer Kurationsliste hinzufügen.",
        "Use the button below to save this article for later.",
        "Nous vous répondrons dans les meilleurs délais.",
        "We'll get back to you as soon as possible.",
        "Si vous souhaitez critiquer ou développer cet article, vous êtes invité à écrire.",
        "If you'd like to republish this article, please get in touch.",
        "Du suchst noch mehr Highlights für den November?",
        "Looking for more holiday recipes?",
        "Juniors display their skills at the Finals, Oct. 5–7, in Gladstone, NJ; www.usef.org.",
        "Mehr dazu in der neuen Ausgabe, auch als E-Paper auf https://example.org/ausgabe.html.",
    ],
)
def test_shop_buttons_form_lines_and_pitches_are_boilerplate(line: str) -> None:
    """A shop's buttons, a button acting on the page, a contact form's promise, the reader
    invited to answer the article, a teaser asking the reader along to more, a line ending on
    a web address."""
    assert is_boilerplate_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "Shoppers add items to their cart and abandon them within minutes.",
        "With this button the lens locks in place, and the camera is ready to shoot.",
        "The council said it will answer the residents' letters within weeks.",
        "If you want to understand inflation, look at the price of bread.",
        "She was looking for more money from the investors?",
        "Looking for more than a hobby, he opened a shop.",
        "The www.example.org domain was registered in 1999 by a student.",
    ],
)
def test_words_near_shop_and_form_lines_are_prose(line: str) -> None:
    assert not is_boilerplate_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "Bitte bestätige den Link in dieser E-Mail innerhalb von 24 Stunden, um deine "
        "Registrierung abzuschließen.",
        "Check your inbox and confirm your subscription.",
        "Du erhältst von uns in Kürze eine E-Mail.",
        "Wenn sie Dir gefallen, hinterlasse einfach hier einen Kommentar.",
        "Leave us a comment below.",
        "Teile unsere Beiträge auf Facebook oder Twitter.",
        "Vor allem freuen wir uns, wenn Du unsere Podcasts abonnierst.",
    ],
)
def test_sign_up_forms_and_pleas_to_comment_share_or_subscribe_are_boilerplate(line: str) -> None:
    assert is_boilerplate_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "The ministry did not confirm the report, which named three officials.",
        "Nach der Anmeldung erhalten Sie eine E-Mail mit dem Code.",
        "Millions of users share their photos on Instagram every day.",
        "He did not leave a comment on the ruling.",
    ],
)
def test_words_near_sign_up_and_share_lines_are_prose(line: str) -> None:
    assert not is_boilerplate_sentence(line)


def test_the_folded_sentence_table_finds_what_its_ignorecase_pattern_finds() -> None:
    """`is_boilerplate_sentence` searches the lowered text (a FoldedAlternation): every verdict
    is the IGNORECASE search's, in every casing and in non-ASCII text."""
    plain = re.compile("|".join(patterns._SENTENCE_PATTERNS), re.IGNORECASE)
    texts = [
        "Share this article on Facebook",
        "ATENÇÃO: Comentários com textos ofensivos não serão aprovados pelo moderador.",
        "Ein Foto (Reuters/Jürgen Müller) zeigt die Brücke.",
        "Don’t miss our coverage of the vote.",
        "The advertisement was pulled after complaints from viewers.",
        "Straße gesperrt, © dpa",
        "Der ſhare-Button: SHARE ON Mastodon",  # "ſ" is an "s" to IGNORECASE
        "ΟΔΟΣ newsletter",
        "Girl Scout cookies sold out in two days this spring.",
        "",
    ]
    for text in texts:
        for variant in (text, text.lower(), text.upper(), text.swapcase()):
            found = plain.search(unify_apostrophes(variant)) is not None
            assert is_boilerplate_sentence(variant) is found, variant


@pytest.mark.parametrize(
    "heading", ["17. References", "4.2 Notes", "IV. See also", "A. Bibliography", "4 References"]
)
def test_a_numbered_end_matter_heading_is_still_end_matter(heading: str) -> None:
    """A section's number ("17.", "4.2", "IV.", "A.") does not hide what the heading names."""
    assert is_end_matter_heading(heading)
    assert is_boilerplate_heading(heading)


@pytest.mark.parametrize("heading", ["17. References", "4.2 Notes", "A. Bibliography"])
def test_a_numbered_references_heading_is_a_references_heading(heading: str) -> None:
    assert is_reference_heading(heading)


@pytest.mark.parametrize("heading", ["1. Introduction", "A Review of the Year", "12. Storage"])
def test_a_numbered_section_of_the_article_is_not_end_matter(heading: str) -> None:
    assert not is_end_matter_heading(heading)
    assert not is_boilerplate_heading(heading)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Die Stadt plant einen neuen Park am Fluss …", True),
        ("Die Stadt plant einen neuen Park am Fluss …  \n", True),
        ("Die Stadt plant einen neuen Park am Fluss…", False),  # no space: the writer's own
        ("Er zögerte … und ging dann nach Hause.", False),
        ("Die Liste: 1, 2, 3 …", False),  # after a number, not a word
    ],
)
def test_a_text_cut_off_after_a_word_ends_on_a_spaced_ellipsis(text: str, cut: bool) -> None:
    assert is_cut_off(text) is cut


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("He has been suspended and may receive further discipline....", True),
        ("Er wurde gesperrt.…", True),
        ("Il a été suspendu....”", True),
        ("He has been suspended and may receive further discipline...", False),
        ("He has been suspended.", False),
        ("下次找機會再來重溫舊夢了......", False),  # the Chinese ellipsis, typed as ASCII
    ],
)
def test_a_sentence_cut_after_its_stop_ends_on_a_glued_ellipsis(text: str, cut: bool) -> None:
    assert is_cut_after_stop(text) is cut


def test_a_line_ending_on_how_long_ago_the_post_went_up_is_a_dateline() -> None:
    """ "… | Publicado hace 3 horas", "Updated 5 hours ago", "vor 2 Stunden": the post's time
    stamp; years ago, or a sentence, are not."""
    for line in (
        "Jacobo Betancur Peláez | Publicado hace 3 horas",
        "Updated 5 hours ago",
        "Anna Muster · vor 2 Stunden",
        "il y a 3 jours",
    ):
        assert is_dateline(line), line
    for line in (
        "Vor 30 Jahren: Der Mauerfall",
        "The council met 3 days ago and voted to fund the line.",
        "Hace 3 horas que esperamos en la estación y nadie nos ha dicho nada de lo que pasa",
    ):
        assert not is_dateline(line), line


@pytest.mark.parametrize(
    ("sentence", "furniture"),
    [
        ("If you accept this notice, your choice will be saved and the page will refresh.", True),
        ("By accepting you will be accessing content from YouTube, a third-party service.", True),
        ("Mit dem Laden des Videos akzeptieren Sie die Datenschutzerklärung von YouTube.", True),
        ("Namentlich gekennzeichnete Beiträge geben immer die Meinung des Autors wieder.", True),
        ("The views expressed in this article are those of the author alone.", True),
        ("If you have any further questions, please tell me about it in the comments below.", True),
        ("Schreibt mir eure Meinung gerne in den Kommentaren!", True),
        ("Ich freue mich über jeden ernst gemeinten Kommentar zu diesem Thema.", True),
        ("Wir freuen uns über die Kommentare des Ministers zum Gesetz.", False),
        ("The minister accepted the notice of the strike on Monday.", False),
        ("Readers raised questions about the charity (in the comments section below).", False),
        ("Let us know down below in the comments!", True),
        ("If you have questions, just ask in the comments.", True),
        ("Leave your thoughts in the comments below.", True),
        ("Hinterlasst gerne einen Gruß in den Kommentaren!", True),
        ("The minister did not tell reporters what he meant in the comments, aides said.", False),
        ("Critics ask why no one objected in the comments he made last week.", False),
        ("Ein Nutzer schreibt in den Kommentaren, die Stadt habe nichts getan.", False),
        ("Viele Leser hinterlassen in den Kommentaren ihre Meinung zum Gesetz.", False),
        ("The views of the residents were heard at the meeting.", False),
    ],
)
def test_consent_placeholders_disclaimers_and_calls_to_comment_are_boilerplate(
    sentence: str, furniture: bool
) -> None:
    """An embedded video's consent text, a site's disclaimer on its contributors' views and the
    reader told to write in the comments are the page's, not the article's; the same words
    about something else are prose."""
    assert is_boilerplate_sentence(sentence) is furniture

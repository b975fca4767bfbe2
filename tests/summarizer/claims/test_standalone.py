"""Claims that stand alone: what is never a claim, and what leans on the sentence before."""

from __future__ import annotations

import pytest

from summarizer.claims.standalone import (
    addresses_someone,
    dateline_end,
    is_hook,
    is_not_prose,
    leans_on_context,
    leaves_bracket_open,
    names_antecedent,
    points_back,
    spaces_its_punctuation,
    speaker_turn,
)


@pytest.mark.parametrize(
    "sentence",
    [
        # calls to action, welcome lines
        "Click the button below to get started with your free trial.",
        "Welcome to IGN's Daily Deals, where we round up the best offers.",
        "Check out our guide to the best laptops of the year.",
        # sign-offs
        "Thanks for reading, and see you next week on the blog.",
        "We hope you enjoy Python 3.6.0!",
        "Let us know in the comments what you think of the update.",
        "Thank you to all who have contributed and reviewed code and documentation changes.",
        # a pointer elsewhere
        "See the What’s New In Python 3.6 document for more information.",
        # author bios
        "Jane Doe is a freelance writer based in Berlin who covers climate policy.",
        # pointers elsewhere
        "For more information, visit the council's website next week.",
        "Alle weiteren Einzelheiten bitten wir direkt den Seiten der Stiftung zu entnehmen.",
        "You can view our June thread here.",
        # pitches
        "Get the best stories delivered to your inbox every morning at six.",
        # box labels and captions
        "Editor's note: this story was updated on Tuesday with new figures.",
        "Sheikh Mohammed, pictured, passes a Boeing 787-10 at the show.",
        # UI text
        "Show more comments from readers of this story below.",
        # a table row
        "Kyle Busch 5040 5 1 17 27 and Martin Truex 5035 7 0 15",
        # a stripped formula or code span
        "A square matrix is Hermitian if and only if it is such that.",
        "The value of , is then added to the total of the column.",
        "Note that the value of the integer may be stored at either offset or.",
        "The value of the integer is then an.",
        "The value of , is then added to , and kept.",
        "DJI fell 102.2 points, or 0.36%, to 27,934.02, the S&P 500 .",
        # ...gaps after a subordinator, or after the first word, are no typing
        "If , then the function is continuous on the whole interval .",
        "Since , the series converges absolutely for every real number .",
        # ...nor gaps that are typing beside another mark of stripping: empty brackets
        "Yobe North , Ahmad Lawan , ( ) moved a motion for the adjournment.",
        # a list run into one sentence
        "Internet-Draft remoteStorage * current version * content type * content length.",
        "+ Added Granite blocks + Added Slime Block + Added Iron Trapdoor to the game.",
        # a wiki reference line
        '^ a b c "New Zealand". Encyclopaedia of New Zealand. Retrieved 2 May 2016.',
        # licence and source credits
        "Die Informationen zum Westviertel basieren auf dem Artikel Essen-Westviertel aus der "
        "freien Enzyklopädie Wikipedia und stehen unter der GNU-Lizenz für freie Dokumentation.",
        "This photo by Jane Doe is licensed under the Creative Commons Attribution licence.",
        # pitches for a page on a social network
        '如果您喜歡"史蒂文的家"圖文分享 邀請您到 FB 粉絲團 按個"讚"!',
        "Like us on Facebook to get the latest stories from the valley.",
        # event notices
        "Um Anmeldung und einen geringen Unkostenbeitrag wird gebeten.",
        "Please RSVP by Friday so that we can plan the catering.",
        "Hier geht´s zur Anmeldung.",
        # the author's handle, a sign-off, a list of authors elsewhere
        "Ben Silverman is on Twitter at ben_silverman.",
        "內文有不定期的更新旅遊、露營圖文訊息 謝謝!",
        "In der Wikipedia ist eine Liste der Autoren verfügbar.",
        # an ad label, a line of keywords
        "- Anzeige-",
        "玉峰道路, 上宇老觀景台, 美樹營地, 控溪吊橋, 石磊部落",
        # notices about the browser and the page's links
        "Ihr Browser ist veraltet!",
        "Bitte aktualisieren Sie Ihren Browser, um diese Website korrekt darzustellen.",
        "Your browser is out of date and may not display this site correctly.",
        "Die folgenden Hotel Links öffnen als extra Fenster",
        "All links on this page open in a new window.",
        # plugs for tickets and for the publication's funding
        "Lerne, wie man einen Teppich herstellt.",
        "Learn how to build a raised bed in a weekend.",
        # opening hours
        "Michael Anastassiades ‘Jewels after Jewels’ Flos Showroom corso Monforte, 15, Milan "
        "9.30 A.M. / 7.00 P.M.",
        "328 North Bridge Road, Raffles Hotel Arkaden. Geöffnet: Täglich von 8.30 - 18.00 Uhr",
        "Tickets and more info at: luboku.com.",
        "Ao contrário da mídia corporativa, o Brasil 247 e a TV 247 se financiam por meio da "
        "sua própria comunidade de leitores e telespectadores.",
        "Unlike other outlets, we are funded entirely by our readers.",
        "A você que chegou até aqui, agradecemos muito por valorizar nosso conteúdo.",
        "Jetzt aktualisieren",
        # the reader asked to support the publication, in several languages
        "Você pode apoiar a TV 247 e o site Brasil 247 de diversas formas.",
        "You can support our journalism with a monthly contribution.",
        "Sie können uns mit einer Spende unterstützen.",
        # the site's own product plugged to the reader, affiliate disclosures
        "Ab sofort findet ihr mit unserem Brandfinder Fair Fashion Labels auf einen Klick.",
        "You'll find every recipe of this week in our app.",
        "Die mit Sternchen (*) gekennzeichneten Links sind sogenannte »Affiliate-Links«.",
        "Für dich verändert sich der Preis nicht.",
        "Kennt ihr schon unseren Brandfinder?",
        # teasers for other posts, wiki backlinks, names run together without a stop
        "Diese Artikel könnten euch auch interessieren:",
        "You may also like these stories from our archive",
        "↑ 3.0 3.1 Harry Potter and the Half-Blood Prince, Chapter 11 (Hermione's Helping Hand)",
        "Lovjoi* Armedangels* Artknit Studios* Alma & Lovis* Achahha* Basic Apparel* Bleed*",
        # lines set in capitals: tour dates, venues, shouted notices
        "THURSDAY APRIL 2: COLOUR CLUB, MELBOURNE",
        "ALL RIGHTS RESERVED. NO PART OF THIS SITE MAY BE COPIED.",
        # the reader invited to write in
        "As always, you're also welcome to email us at info@example.org with questions.",
        # footnotes under a table or a list
        "* Prices shown above were set by the organisers in March.",
        "*Only the first eight teams reach the final round.",
        "† Estimated from the figures of the previous season.",
        # a line introducing what follows it: a list, a table, code
        "Here are the towns that already use the new bins:",
        "Der Ablauf ist in der Regel folgender:",
        # code, and the reader asked to tag the site in a post
        "{user.id: user for user in users}",
        "Tag us at @ourkitchen or leave a comment below when you bake it.",
        # an embedded post's shortened link, the line crediting a post, a photo caption in
        # Chinese ("pictured is...")
        "Malgré les tentatives, « Paris 8 en grève » toujours ⤵️ https://t.co/Iuc819izMj",
        "— Rep. Jane Doe (@janedoe) November 19, 2019",
        "A post shared by Jane Doe (@janedoe) on Apr 21, 2019 at 4:40am PDT",
        "Ein Beitrag geteilt von Erika Muster (@erika_muster) am Apr 21, 2019 um 4:47 PDT",
        "图为卢宇与祖国五星红旗和联合国会旗的合影。",
        # a post from a social network embedded in the page
        "#Eagles Jane Doe has been solid in coverage so far this season.",
        "The bridge opens on Monday, the council said. pic.twitter.com/AbC123xyz",
        "The mayor moves that the session be suspended until the next day.#TodayInCouncil",
        # a link's lead-in as the sentence's last clause
        "If you want to save even more space, here are some general tips on packing light.",
        "Hier gibt es mehr Infos zur neuen Monatskarte.",
        "To learn more about the format, head over to the project's site for the details.",
    ],
)
def test_what_is_never_a_claim(sentence: str) -> None:
    """Captions, bios, calls to action, sign-offs, pointers, UI text, table rows, stripped
    formulas, run-in lists and references are not article prose."""
    assert is_not_prose(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved the new budget on Tuesday after a long debate.",
        "Click beetles can flip themselves over with a loud snap, researchers found.",
        "Thanksgiving traffic is expected to be the heaviest in a decade.",
        "The firm said 40% of its 2,000 staff would work from home by 2025.",
        "A square matrix is Hermitian if it equals its own conjugate transpose.",
        "Welcome packs for new residents will include a map of the bus routes.",
        "The court said the licence fee for the broadcaster would rise next year.",
        "Facebook said it would remove fake pages run from abroad before the vote.",
        "Die Anmeldung für den Marathon beginnt am Montag, sagte der Veranstalter.",
        "Apples, pears, plums and cherries grow in the valley, the farmers said.",
        "Browsers such as Chrome are updated every six weeks, Google said.",
        "Tickets cost 20 euros and sold out within an hour of going on sale.",
        "The shop opens at 9.30 a.m. and closes at 7 p.m. on weekdays, the owner said.",
        # two version numbers are no opening hours ("12.30 - 4.18" follows a digit and a stop)
        "The release notes list versions 3.12.30 - 4.18.00 as the ones with the fix.",
        "The museum is funded by the city, which cut its grant by a third.",
        "Learn how the council spent the money, and you will see why the vote was close.",
        "You can support the young plant with a bamboo stake until its stem is strong.",
        "The shop on the corner sells the app maker's phones at a discount, the mayor said.",
        "NASA and the ESA will launch the JUICE probe to Jupiter's moons in April 2023.",
        "Die Deutsche Bahn Streicht Den Zutritt Zu Ihrer Lounge Für Fahrgäste Mit Sparpreis.",
        "Kennt ihr schon den Unterschied zwischen Merino und Alpaka?",
        "Visitors are welcome to walk the gardens, and many write to the council about them.",
        "§ 5 sets out what the landlord must repair, the court said.",
        "The ratio of flour to water is 3:2 in most breads.",
        "The vote was held on Tuesday: the council approved the plan 7 to 2.",
        "Here is the oldest church in the valley, built in 1120 by the monks.",
        "Hier gibt es seit 1990 einen Markt mit Obst aus der Region.",
        "After the final, the team will head over to the city hall for a reception.",
        "The campaign #MeToo spread to forty countries within a year.",
        "C# and F# both run on the same virtual machine, the team said.",
        # German ends on its verb's particle "an", not on the English article
        "Die NASA bietet bald einen eigenen Streaming-Dienst an.",
        "Das fühlt sich für uns selbst ungewohnt an.",
        "Am Montag kommt Kanzler Scholz in Paris an.",
        "Schließlich kam Hilfe an.",
        "Ruf mich morgen früh an.",
        # a page that sets a space before its commas throughout
        "Senator representing Yobe North , Ahmad Lawan , on Tuesday moved a motion.",
        "The mayor (@mayor) spoke on Monday about the plan for 2020.",
        "Thanks to everyone's votes, the council approved the tram line.",
        "Thanks to the new engine, the tram runs faster than before.",
        "Visitors see the old church for more than an hour, the guides said.",
    ],
)
def test_ordinary_prose_is_a_claim(sentence: str) -> None:
    """Words near the furniture ones do not make a sentence furniture."""
    assert not is_not_prose(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a byline, a credit, a lineup, a speaker's turn, a label in capitals
        "Autorin: Sylvia Grossgasteiger, IFZ, Oktober 2008",
        "Foto: City-Press",
        "Manchester United: De Gea, Dalot, Lindelof, Varane, Telles, McTominay y Ronaldo.",
        "Rick: All of our ads at Axios are native ads that we build in-house.",
        "Atim: Ich habe mit einer Vodun-Spezialistin gesprochen.",
        "CHEER ON: Juniors and Young Riders as they display their skills at the finals.",
        # a tip, a caution, an example: an aside to the section's point
        "Extra Tipp: Wenn Sie sich für andere Events interessieren, empfehlen wir das Festival.",
        "Wichtig: Bei der Überlegung sollten Sie zunächst stets die Preisdifferenz prüfen.",
        "Note: Some tutorials also recommend peeling off the second skin layer of the seed.",
        "Summary: Drinking more water can keep you feeling full and prevent binge eating.",
        "Ein Beispiel: Firma A verkauft mehrere Lieferungen von Metallen an Firma B.",
        # a point's label with no sentence after it, a clause's label before a trail of pages
        "Fazit: sehr gut",
        "Sie sind hier: Startseite » Essen » Essen-Westviertel",
        # a quotation mark before the label that closes nowhere after it
        "„Frauen im THW: Vergangenheit, Gegenwart und Zukunft",
    ],
)
def test_a_label_before_a_colon_is_not_prose(sentence: str) -> None:
    """A line opening on a label of a few words and a colon is a byline, credit, lineup,
    speaker's turn, box or caption."""
    assert is_not_prose(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # a label that announces the sentence's point
        "Grund: Die Ausflüge von Van der Bellen zu den Kulturevents haben 57.000 Euro gekostet.",
        "Merke: Der Kauf eines Firmenwagens belastet die Liquidität eines Unternehmens direkt.",
        "Das Problem: Die meisten Hersteller verwenden ein eigenes Ladekabel.",
        "Bottom line: the tram line costs twice what the council first said.",
        "FAZIT: Der neue Akku hält doppelt so lange wie der alte.",
        # a label that is a clause of its own
        "Fest steht: Musik hat eine positive Wirkung auf den Körper und das Gemüt.",
        "Les enjeux sont majeurs : seront dotées en crédits les universités les mieux notées.",
        "The truth is: nobody on the council had read the report.",
        # a quoted title's colon
        "„Frauen im THW: Vergangenheit, Gegenwart und Zukunft“ heißt die Miniserie, die heute "
        "startet.",
    ],
)
def test_a_label_announcing_the_point_opens_prose(sentence: str) -> None:
    """The reason, the upshot, what is certain: the label says a point follows, and the
    sentence after it is the point."""
    assert not is_not_prose(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Here, again, the LGP-30 chugged its way into chaos.",
        "Of course, winter also poses problems aboveground.",
        "Not to get too Albert Einstein on you, but time is relative.",
        "This meant the plan had to be rewritten from the start.",
        "In other words, dead skin cells are actually a good thing.",
        "All of the above can lead to an overabundance of dead skin cells.",
        "Well, not to cause your head to explode, but you are wrong.",
        "Ese día se realizará el debate pericial entre los peritos.",
        "To answer this question, we need to look at the data.",
        "In this section, we describe how the parser works.",
        "Why did the council vote against the plan?",
        # the page about itself, in the other common languages
        "Nesta página você terá sempre a classificação atualizada da NASCAR.",
        "In diesem Artikel zeigen wir, wie man eine Wurmkiste baut.",
        "Dans cet article, nous expliquons comment voter.",
        "En este artículo te contamos cómo votar desde el extranjero.",
        "In questo articolo spieghiamo come funziona il voto.",
        # a subject and a word that continues a story told before
        "Mr. Garrett then swung it at Mr. Rudolph, hitting him in the head.",
        "Apple also said the phone would ship in March.",
        # ...or draws a conclusion from it
        "File-by-File therefore is based on detecting changes in the uncompressed data.",
        "The Council thus approved the new tram line in March.",
        # German connectives and references back
        "Denn genau das ist die eigentliche Fähigkeit, die einem das Passing verleiht.",
        "Allerdings stieg die Miete im selben Jahr um ein Drittel.",
        # an exclamation: a reaction or an appeal
        "I've got to say, I'm impressed!",
        "Проголосовать за Олесю вы можете на последней странице!",
        # how the post was written or made
        "Ich wollte diesen Text schon seit Anfang des Jahres schreiben, aber mir fehlte die Kraft.",
        "I asked three writers to sum up their thoughts on the new record.",
        "Wie wichtig Safe Spaces sind, habe ich in meiner ersten Kolumne geschrieben.",
        "As I argued in my last column, the tram line is too expensive.",
        "Das weiß ich, weil ich früher immer dachte, ich sei wie meine Freundinnen.",
        # answers that there is no answer, routine lines of a report
        "Wann Hühner mit dem Eierlegen beginnen, lässt sich nicht verallgemeinern.",
        "There is no single answer to how often a lemon tree should be watered.",
        "Die Polizei Bad Salzdetfurth hat die Ermittlungen in hiesiger Sache aufgenommen.",
        "The governor's office didn't immediately respond to The Hill's request for comment.",
        # a turn from what came before inside the first clause
        "Leider hat die Wollproduktion aber auch ihre Schattenseiten.",
        "Durch unseren Lebensstil verschmutzen wir aber nicht nur die Luft.",
        "The council, however, voted against the tram line.",
        "El plan, sin embargo, fracasó en el congreso.",
        # "these"/"those" things named before, a question put without its answer
        "The funny thing is that those images come from one particular deck of cards.",
        "Perhaps these endorsements are capturing something that polls are not.",
        "Republican counsel Steve Castor asked Morrison about concerns within the NSC.",
        # a doubt the next sentence dispels
        "I was a little wary at the title of this book, which is for the US version.",
        "Anfangs war ich skeptisch, ob die Wurmkiste auf dem Balkon funktioniert.",
        # ...and the doubt dispelled, which leans on the sentence voicing it
        "I needn’t have worried – the UK bikes are fully covered, with all wiring diagrams.",
        "Meine Sorge war jedoch unbegründet, die Kiste riecht nicht.",
        "Ich hätte mir keine Sorgen machen müssen.",
        # "or..." / "oder..." goes on from the sentence before
        "Oder die andere zwischen dem Rest.",
        # what follows from, answers or matches a point made before, in several languages
        "Por ende, las ventajas del plan se convierten en una desventaja.",
        "Por lo tanto, la carrera de mayo será decisiva para el equipo.",
        "Mientras tanto, el gobierno negaba que fuera a pagar el rescate.",
        "El problema es que casi todos los fabricantes usan un sistema propio.",
        "La misma compañía reconoce que sus teléfonos gastan más batería.",
        "Das Problem ist, dass der Akku nach zwei Stunden leer ist.",
        "Zum anderen sind die Preise im Winter deutlich höher.",
        "Ebenfalls neu ist eine Version mit Allradantrieb.",
        "Par conséquent, le conseil a rejeté le projet.",
        "Better yet, the new model costs less than the old one.",
        # an exception to a point made before, a pronoun or "that" contracted with its verb
        "Other than that, I want to finish support for the SLG46620V in the next month or two.",
        "Apart from this, the tram line runs on time.",
        "That’s exactly how I felt after a demo of the Apple Vision Pro yesterday.",
        "They're fully aware of what I'm doing and are rolling out the red carpet for me.",
        # a spoken turn to what comes next
        "Ok, now for a little fun with the last questions.",
        # a habit told before
        "As usual, the answer is to evolve history.",
        "As always, the council met behind closed doors.",
        "Wie gewohnt lädt der Verein zum Sommerfest.",
        "Comme toujours, le maire a refusé de répondre.",
        "Como siempre, el equipo salió a ganar.",
        # the first of points announced before, a count standing for things named before
        "First, it is a well-written critical piece that raises a few points calmly.",
        "There are several, but in this case, our instance of the lie is about criticism.",
        "There are two.",
        # "Here's" shows what sits beside the text: a chart, a table, a quote
        "Here’s the most recent data on drug seizures from Customs and Border Protection.",
        # a turn to a guide's next step
        "After outlining your version of early retirement, it's time to establish your number.",
        "Now it's time to add the flour and stir until smooth.",
        # a turn by "though": after an opening clause, or at the end
        "Because the doctor suspected the duvet, though, he told the man to remove it.",
        "The console is still sold as more than a games machine, though.",
        # half of a pair, the other half left to the next sentence
        "Nicht nur wurde die Kooperation der beiden Firmen auf der Messe verkündet.",
        "Der Entwurf versuche zwar, die höheren Kosten der Anlagen auszugleichen.",
    ],
)
def test_what_leans_on_its_context(sentence: str) -> None:
    """Openings that refer back, questions, exclamations and sentences about the post
    itself."""
    assert leans_on_context(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # openings that point back, in the page languages of the corpus
        "Hinzu kommt eine gewisse Angst, dass doch noch etwas schief geht.",
        "Darin trafen sich alle Kinder der Höfe zum Unterricht.",
        "Seitdem bin ich Fan und trage den Badeanzug immer noch.",
        "Sein Masters-Debüt 1975 bleibt unvergessen.",
        "An diesem Optimismus scheint sich nichts geändert zu haben.",
        "Auf diese Weise werden die Jagdinstinkte der Katze geweckt.",
        "Das geschieht nicht aus technischen Gründen.",
        "Sie sagte, dass der Fahrer angeheuert worden sei.",
        "Por esta razón, Google desarrolló un sistema llamado Doze.",
        "También será su tercera aparición en un evento mundial.",
        "Su influencia sobre el partido muestra que el expresidente resiste.",
        "En ese sentido, el ministro aseguró que se pagará la planilla.",
        "Dijo que la empresa crecerá el próximo año.",
        "Depois, ele foi colocado em liberdade após decisão da Justiça.",
        "Segundo ele, os senadores ficaram satisfeitos com o diálogo.",
        "Afirmou que as eleições não podem ser usadas para arroubos.",
        "Questi orologi attirano l'attenzione del mondo.",
        "Ha detto che il governo cadrà entro l'estate.",
        "Cet accord a surpris les syndicats.",
        "Ce système est à présent en œuvre dans toutes les universités.",
        "Car l'utilisation de ces outils dépasse largement celle prévue.",
        "Certes, les revues reçoivent davantage de textes.",
        "Il a ajouté que le plan était prêt.",
        "Dit besluit werd door de gemeenteraad genomen.",
        "Bovendien is de prijs gestegen.",
        "Ta aktualizacja nie była serwowana automatycznie.",
        "Jednak od przyszłego miesiąca pojawi się ona w Windows Update.",
        "Powiedział, że rząd nie zmieni zdania.",
        "Но пока у модели это не получается.",
        "然而，尽管有严格的规则，这并不意味着人类不会接触发酵液体。",
        "また、利用者は安全性を確認するのは難しい状況だとしている。",
        "To be sure, the committee does not want to send the army in.",
        "According to them, the style depends on the task.",
        # a speaker named before, given only as a pronoun in an aside
        "Finding water vapor on Europa, he said, is the next best thing.",
        "„Ich mache mir keine Sorgen um die Freundschaft“, sagt er.",
        "« Nous resterons mobilisés », a-t-il ajouté.",
        # the page pointing back at itself: "as explained above"
        "Wie bereits erklärt, gibt es ganz verschiedene Arten von Spielzeug.",
        "Como ya mencionamos, la batería dura menos.",
        # an answer whose question is above it
        "A: I think empathetic listening is the biggest lesson I've learned.",
        # cut off before its start: a word in small letters opens it
        "if the charity incubates programmes which are similarly cost-effective.",
        "meses tiene la aeronave retenida ilegalmente en Guatemala.",
        "ist Gründungspartner der Kanzlei in Berlin.",
        # ...an article before a capital is no name's particle: a list's item cut from its lead-in
        "der Grenzübergangspreis von Rohöl um 55,8 % auf 431,42 Euro pro Tonne gestiegen.",
        "den Ausbau der Radwege in der Innenstadt vorantreiben.",
        "le Conseil a rejeté le budget présenté par le maire.",
        "la Comisión aprobó el presupuesto del próximo año.",
        # numbered items run into one sentence
        "Durchseuchung, die 1. hoher Grad der Verbreitung eines Erregers; Durchgang durch eine "
        "Population 2. Zustand danach.",
        "1a etapa: 10 de março – Interlagos 2a etapa: 8 de abril – Curitiba.",
        # a German subordinate clause standing alone
        "Dass es nicht nur um mich geht.",
        # German "sie" (she, it) with a verb in the singular
        "Sie ist hübsch, aber nicht ganz das, was ich mir vorgestellt habe.",
        "Sie war für uns spannend, energiegeladen und voller wunderbarer Begegnungen.",
        # a point made before, set against, outdone or returned to
        "Hingegen wird sich die Finanzierung eher für Ihr Unternehmen eignen.",
        "Vielmehr haben Gesellschaft und Politik einen grimmigen Kampf aufgenommen.",
        "Umso grösser ist die Sehnsucht der Städter nach der heilen Alpenwelt.",
        "Anders sieht es bei den Daten aus, die Nutzer in der iCloud sichern.",
        "Noch besser sieht es aus, wenn die Beiträge in einen günstigen Vertrag fließen.",
        "Zurück zur Frage, ob Musik einen Einfluss auf die Leistung hat.",
        "Als ob in den Städten nicht auch Menschen an Strassen wohnen müssten.",
        "Separately, the budget office projects that the tariffs will reduce growth.",
        # the first of points announced before, "the same" after a preposition
        "Il y a d’abord le poids de la géographie.",
        "D'abord, il faut comprendre le contexte de la crise.",
        "Il y a, premièrement, la composante du regroupement familial.",
        "En primer lugar, el gobierno debe pagar la deuda.",
        "Durante la misma entrevista de ayer, Delgado pidió más jueces.",
        "Del mismo modo, el gobierno subió los impuestos.",
        "Noch mehr Menschen besuchten in diesem Jahr die Messe.",
        # Korean connectives, demonstratives and pronouns
        "하지만 이러한 류화영의 폭로에 대해 엘제이 역시 반박하고 나섰다.",
        "여기에 여주인공 지은한을 연기하는 남상미 역시 주목할 만한 연기를 보여준다.",
        "그는 이 문제를 ‘데이트 폭력’이라고 분명히 했다.",
        "첫 번째 시선으로서 ‘데이트 폭력’이 어떤 것인가를 이번 사안이 말해줄 수 있다.",
        "두 번째 시선은 거짓말에 관련된 부분이다.",
        "첫째, 가격이 저렴하다.",
        "그 회사는 작년에 파산했다.",
        # ...and Chinese and Japanese ones, with no comma after them
        "这“英雄的城市”称谓，并非流连于历史的功勋。",
        "他格外关注的话题是供给侧结构性改革。",
        "此时剛好也遇到早在FB社團相互回應的朋友。",
        "同社は新しいアプリを発売した。",
        "彼は東京で生まれ、大阪で育った。",
        # a pronoun for someone named before, after a sentence adverb
        "Maybe she was just being lured.",
        "Zunächst steckt er die Äste in den Trichter.",
        # German "sie" with a verb in the singular, or after a preposition: she
        "Sie bleibt jedoch im Amt bis zur Wahl der neuen Regierung.",
        "Sie züchtet mit der ÖTZ das Ökohuhn der Zukunft.",
        "Für sie kann die Bruderhahnaufzucht nur eine Brücke sein.",
        "Sie überzeugt uns mit ihrer Ruhe am Ball.",
        "Sie freut sich über den Sieg in Wimbledon.",
        # "both" for two things named before
        "Beide Veranstaltungen sind einen Besuch wert.",
        "Both sides said they were hopeful the swap could lead to talks.",
        "Beide Spieler und ihr Trainer wurden nach dem Spiel gesperrt.",
        "Ambas mediciones se hicieron en la península antártica.",
        "Entrambi i giocatori sono stati squalificati per due giornate.",
        "Оба игрока были дисквалифицированы на две игры.",
        # one of two things named before
        "Naturally, I fall into the latter category, because guitars are nice.",
        "The latter issue was addressed by teaching the annotate feature to skip revisions.",
        "The former is less bad with distributed version control systems like Mercurial.",
        "The former's influence on the party has waned since the election.",
        "Letztere ist deutlich teurer als die Ballenpresse.",
        # the page pointing back at itself ("Como dijo el presidente" names who said it)
        "Como ya se dijo, Falero y Olaizola dialogaron con Montecon.",
        # German "nur" as "but", its verb or a comma and a clause straight after it
        "Nur, dass die Städte schon jetzt krepieren.",
        "Nur, so einfach ist diese Harmonie dann trotzdem nicht zu erleben.",
        "Nur können uns diese auch ein ganz falsches Bild vermitteln.",
        "Nur dann ist eine Bruchausbreitung möglich.",
        # Chinese "还" ("also") before its verb
        "还有一些学子表示，出国前对两会不太了解。",
        "还表示，明年将继续推进这项改革。",
        # the next of a sequence told before
        "Als nächstes kommt natürlich das Zuckerl der Bundeswehr.",
        "Next, the council will vote on the plan.",
        # a time told from one named before
        "Drei Jahre später gewann Elder die Nigerian Open.",
        "Zwei Tage danach trat der Minister zurück.",
        "Am nächsten Tag stimmte der Rat ab.",
        "Three years later, the plant closed for good.",
        "Years later the house burned down.",
        "The next day the council voted against it.",
        "Deux ans plus tard, le pont a été fermé.",
        "Tres años después, la fábrica cerró.",
        "Due anni dopo, la fabbrica ha chiuso.",
        "Twee jaar later sloot de fabriek.",
        # an entry of a definition list
        "“request”: guard for a Headers object obtained from a Request (Request.headers).",
        "'opaque': response for a no-cors request to a cross-origin resource.",
    ],
)
def test_what_leans_on_its_context_in_more_languages(sentence: str) -> None:
    """Leaning openings in the page languages of the corpus, pronoun speakers in asides,
    answers after their label, sentences cut off before their start, numbered items run
    together."""
    assert leans_on_context(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dieses Jahr sind wir mit unserem Partner auf der Messe vertreten.",
        "As ever more people move to cities, rents keep rising.",
        "Wie immer ist das umweltschonendste Kleidungsstück jenes, das man schon besitzt.",
        "In diesem Jahr lautet mein Motto Yoga.",
        "Cette semaine, le conseil vote le budget.",
        "Ce mardi, le conseil municipal vote le budget.",
        "Esta temporada el equipo juega en primera división.",
        "Deze week stemt de gemeenteraad over de begroting.",
        "Das neue Gesetz tritt im Januar in Kraft.",
        "Das wäre gute Führung: Jeder tut, was er gut kann.",
        "Die Stadt wächst seit zehn Jahren.",
        "Ich glaube nicht, dass der Plan aufgeht.",
        "To make bread, mix flour and water.",
        "On Monday the council met to vote.",
        "One of the first clues was the blood work.",
        "Su Bingtian won the 100 metres in Shanghai.",
        "Ma Long won the gold medal in Tokyo.",
        "Il y a trois raisons à cela.",
        "Luego de completar la solicitud, el artista fue recibido.",
        "Depois de cinco anos, a obra foi concluída.",
        "Dass ich ihn nicht tragen konnte, ist nicht schlimm.",
        "Die Tagung findet am 26. und 27. Februar 2015 in Eichstätt statt.",
        "Vom 12. bis zum 13. September läuft die Messe in Köln.",
        "eBay sold the unit for cash.",
        "z-score, or Standard Score, is the number of standard deviations from the mean.",
        "de Gaulle said the war was over.",
        "_start is part of the WASI spec.",
        "“request” is the guard of a Headers object obtained from a Request.",
        "ich protestiere gegen die erneute Halbierung des Sparerfreibetrages.",
        "Sie können den Vertrag jederzeit kündigen.",
        # a time before the news, a section's opening pointing at its subheading
        "Noch am Samstag hatte Kramer in Willingen ihren sechsten Saisonsieg gefeiert.",
        "Zuvor hatte die Sängerin ihre eigene Plattenfirma gegründet.",
        "Hierfür ist die Annahme, dass Sie ein Auto für 15.000 Euro finanzieren möchten.",
        "Wcześniej, przez blisko cztery lata Maciej Krzysztoszek był rzecznikiem Link4.",
        "Anders als erwartet fiel der Preis im Winter.",
        # "d'abord" before a participle: "first published"
        "D’abord publié en 2008, le livre dénonçait le langage de la finance.",
        # a Korean name ("이", Lee, is a demonstrative too), "the first" as an adjective, "그"
        # in a set phrase ("than ever", "no one"), Chinese "actually" and "others"
        "이 대표는 기자회견에서 사퇴 의사를 밝혔다.",
        "첫 번째 아이폰은 2007년에 애플이 출시했다.",
        "그 어느 때보다 많은 관광객이 제주도를 찾았다.",
        "그 누구도 결과를 예상하지 못했다.",
        "其实，多数学生每年都会观看两会直播。",
        # ...a time, "recently", "each", "previously" and a name opening on "彼" (Peter)
        "この夏、東京では記録的な猛暑が続いた。",
        "这些年来，中国的GDP增长速度有所放缓。",
        "このほど、株式会社サンプルは新しいアプリを発売しました。",
        "それぞれの国が独自の規制を設けている。",
        "此前，该公司曾多次推迟发布。",
        "彼得·蒂尔是PayPal的联合创始人之一。",
        "他人的意见也很重要。",
        "李博灏是英国剑桥大学的一名博士。",
        # the reader addressed, not "she"; a time and an adjective, not one of two things
        "Heute können Sie den Vertrag jederzeit kündigen.",
        "Sie erhalten die Karte innerhalb von zwei Wochen per Post.",
        "Sie erwartet ein abwechslungsreiches Programm mit Musik und Tanz.",
        "Sie erwartet eine moderne Ausstattung in allen Zimmern unseres Hotels.",
        "Für Sie haben wir die wichtigsten Fragen zusammengestellt.",
        "Both Requests and Responses may contain body data.",
        "Both the U.S. and China have imposed new tariffs on steel imports.",
        "Both parents must sign the application form at the town hall.",
        "Both chambers of Congress passed the bill on Thursday evening.",
        "Beide Elternteile müssen den Antrag im Rathaus unterschreiben.",
        "Ambos padres deben firmar la solicitud en el ayuntamiento.",
        "In the latter half of the year, sales of the tram passes rose.",
        "Xi may deploy troops onto the former British colony's streets.",
        "The former British colony returned to Chinese rule in 1997.",
        "The latter half of the year saw sales of tram passes rise.",
        "During the latter period of the Ming dynasty, trade with Europe grew.",
        "In the latter weeks of the campaign, the mayor toured every district.",
        "Between cats and dogs, the latter are more loyal companions.",
        # a comparison whose second term the sentence gives itself
        "Noch mehr Menschen als im Vorjahr besuchten die Messe in Leipzig.",
        "De la misma forma que en 2019, el gobierno subió los impuestos.",
        "Del mismo modo que en 2019, el gobierno subió los impuestos.",
        "El mismo día que llegó, firmó el contrato con el club.",
        "Da mesma forma que em 2019, o governo subiu os impostos.",
        "De la même façon qu'en 2019, le gouvernement a augmenté les impôts.",
        "Como dijo el presidente, la economía crece más de lo previsto.",
        # an aside saying "as said before" leaves the rest of the sentence complete
        "En la mañana del lunes, como ya se dijo, Falero y Olaizola dialogaron con Montecon.",
        "The council, as mentioned above, voted against the tram line.",
        "Nur zwei Prozent der Gebrauchtwagen wurden 2015 geleast.",
        "Nur wenige Wochen nach dem Marktstart hat sich das Auto 5.000 Mal verkauft.",
        "还款期限为三个月，利率不变。",
        # "nur" as "only" before a clause or a place, and the name Nur
        "Nur, weil ein Auto teuer ist, ist es nicht sicher.",
        "Nur hier gibt es echte Nürnberger Rostbratwurst.",
        "Nur, a 24-year-old nurse from Aleppo, fled to Turkey in 2015.",
        # "还" as "left" ("three days are left") and "still" before an adjective
        "还有三天就是春节，各地火车站客流明显增加。",
        "还在建设中的港珠澳大桥将于明年通车。",
        # a time the sentence tells from an event it names, or from now
        "Three years after the fire, the town has rebuilt its school.",
        "Tres años después del incendio, el pueblo reconstruyó la escuela.",
        "Two years ago the council voted against the plan.",
        "Next year the plan will cost more than this one.",
        "The day after the vote, shares of the company rose.",
        "Drei Jahre nach dem Brand steht die Schule wieder.",
        # a quotation opening a sentence, not a term defined
        "“Enough is enough” was the slogan of the march.",
    ],
)
def test_what_stands_alone_in_more_languages(sentence: str) -> None:
    """A time ("Dieses Jahr", "Cette semaine"), an article and a noun, a name in small letters
    or with a particle, a range of days, and words of one language that are leaning
    openings in another."""
    assert not leans_on_context(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This year the festival moves to the old harbour.",
        "It is unclear whether the vote will take place in June.",
        "It's been a year since the fire closed the old harbour.",
        "It's time for the city to rethink how it plans its tram lines.",
        "The council met on Tuesday to debate the budget.",
        "Heat pumps move heat rather than make it.",
        "Mr. Garrett swung his helmet at Mr. Rudolph during the game.",
        "Ingo hat ja gesagt, er habe diesen Text nicht geschrieben.",
        "We asked the mayor about the budget, and she said it would balance.",
        "We wrote to the mayor about the budget, and she said it would balance.",
        "Die Polizei sucht Zeugen, die den Unfall auf der B 243 beobachtet haben.",
        "Hühner legen im Winter weniger Eier, weil das Tageslicht fehlt.",
        "Das neue Gesetz tritt im Januar in Kraft, teilte das Ministerium mit.",
        "Die Bilder zeigen aber nicht nur die Notch, sondern auch ein neues Design.",
        "Heute aber ist Facebook eine globale Nachrichtenschleuder.",
        "Be careful, though, not to cut through the seeds.",
        "Many of those who voted for the plan now regret it.",
        "The council was worried about the cost of the tram line.",
        "Reporters asked Morrison about the call, and he said he had no concerns.",
        "Graphics cards are back in the shops, though they are still hard to find.",
        "La empresa presentó el mismo día su nuevo teléfono.",
        "Por la tarde, el gobierno anunció nuevas medidas de seguridad.",
        "Nicht nur die Preise, sondern auch die Mieten sind gestiegen.",
        "Nicht nur im Vertrag, auch im Preis unterscheiden sich die beiden Angebote.",
        "Der Entwurf versucht zwar viel, aber er löst das Problem nicht.",
        "Die Anlage läuft seit Mai, und zwar ohne eine einzige Störung.",
        "First responders reached the flooded village on Tuesday morning.",
        "Oklahoma voters approved the tram line on Tuesday morning.",
        "There are several ways to cook rice without a rice cooker.",
        # a name that opens on "OK", a count that the sentence itself goes on to qualify, and
        # "Here's" before a colon that gives what it announces
        "OK Go released a new video for the single on Monday.",
        "OK Computer was released by Radiohead in 1997 to wide acclaim.",
        "Okay Airways cancelled all flights to Beijing on Friday.",
        "Ok Kyung-ho scored twice as Ulsan beat Seoul on Sunday.",
        "There are four, not three, seats left on the council after the vote.",
        "There are many, including the mayor, who think the plan is too costly.",
        "Here's how the tax works: every household pays 2 percent.",
        # a letter or a notice on the subject, not the author's writing
        "We wrote to the mayor about it, and she said the budget would balance.",
        "I've written to the council about this twice this year.",
        "We posted a warning about this on our website on Monday, the police said.",
    ],
)
def test_what_stands_alone(sentence: str) -> None:
    """ "This year", "It is unclear" and plain statements open nothing that came before."""
    assert not leans_on_context(sentence)


def test_openings_can_be_allowed_for_a_running_story() -> None:
    """In a story read as one (news without subheadings) only questions and sentences about
    the post lean on their context."""
    assert not leans_on_context("He said the plan would cost more.", openings=False)
    assert leans_on_context("Why did he say so?", openings=False)
    assert leans_on_context("In this post, we explain the plan.", openings=False)


def test_a_question_put_to_someone() -> None:
    """An interviewer speaks to the guest in the second person; a rhetorical question does
    not."""
    assert addresses_someone("Wie definiert ihr Nachhaltigkeit bei MYMARINI?")
    assert addresses_someone("Mit MYMARINI warst du Vorreiterin in Sachen Ethical Swimwear.")
    assert addresses_someone("What made you start the company?")
    assert not addresses_someone("Looking at this series of numbers, which number stands out?")


def test_a_hook_invites_the_reader_in() -> None:
    """Openers that ask the reader to imagine, or speak to them, are hooks; the reader words
    are left out in a running story (`reader=False`), and "ihr"/"Ihre" at the start of a
    German sentence may be "her"/"their"."""
    assert is_hook("Picture a deck of tarot cards.")
    assert is_hook("Picture a deck of tarot cards.", reader=False)
    assert is_hook("Unabhängig von Größe kannst du dich glücklich schätzen, wenn du es hast.")
    assert is_hook("Mit Sicherheit kennen Sie das Sprichwort vom Huhn.")
    assert not is_hook(
        "If you follow the primary, the lack of endorsements stands out.", reader=False
    )
    assert not is_hook("Die Deutsche Bahn streicht den Zutritt zu ihrer DB Lounge.")
    assert not is_hook("Sie feiert am 13. März ihren Geburtstag.")


def test_an_opening_that_only_announces_the_news_is_a_hook() -> None:
    """ "..., and the results are in." says that news has come, not what it is; a sentence
    that goes on to give the results is no hook."""
    assert is_hook("The big iFixit teardown is done, and the results are in.", reader=False)
    assert is_hook("The wait is finally over!", reader=False)
    assert not is_hook("The results are in for the council vote: the tram line won.", reader=False)


@pytest.mark.parametrize(
    "sentence",
    [
        "For residents of Elm Street, whose water was shut off in June, the wait is over.",
        "Exit polls closed at 8 p.m. and the first results are in.",
        "Her blood test results are in.",
    ],
)
def test_a_lede_that_tells_something_before_the_news_has_come_is_no_hook(sentence: str) -> None:
    """A number, a relative clause or someone's own results before "the results are in" or
    "the wait is over" are the news itself."""
    assert not is_hook(sentence, reader=False)


def test_a_pointer_back_to_something_named_before() -> None:
    """ "this water", "these operations" early in a sentence point back; "this week" and
    "those who" do not."""
    assert points_back("The researchers think the source of this water is a plume.")
    assert points_back("Some of these operations are only useful in workers.")
    assert not points_back("The council will vote on the tram line later this week.")
    assert not points_back("Many of those who voted for the plan now regret it.")
    assert not points_back("The council approved a new tram line on Tuesday.")


def test_an_epithet_opening_points_back_at_a_name_given_before() -> None:
    """ "The tech giant", "The company", "The 38-year-old" stand for a name given before."""
    assert points_back("The tech giant is holding an event on December 2.")
    assert points_back("The company said it would appeal the ruling.")
    assert points_back("The 38-year-old joined the club in May.")
    assert not points_back("Apple is holding an event on December 2.")
    assert not points_back("The giants of the industry met in Davos.")
    assert points_back("The company's shares fell 4% on Monday.")
    assert not points_back("The company-wide freeze ends in May.")


def test_a_noun_for_an_event_told_before_points_back() -> None:
    """ "The incident", "The move", "The decision" stand for an event told before; a name of
    one does not."""
    assert points_back("The incident comes after two other patients were quarantined.")
    assert points_back("The move was over their invitation by the police.")
    assert points_back("The council's decision surprised the residents.")
    assert not points_back("A tram line to the airport was approved on Tuesday.")
    assert not points_back("The Me Too movement spread to forty countries.")
    # ...nor the noun of a thing named then and there ("The decision to raise interest rates").
    assert not points_back("The decision to raise interest rates came as a surprise.")
    assert not points_back("The development of a malaria vaccine took thirty years.")


def test_a_blurb_cut_off_with_an_ellipsis_is_not_a_claim() -> None:
    """A teaser's blurb cut off after a word ("...der bundesweit …") is no finished thought;
    three dots set apart are some writers' dash, and a trailing-off "…" glued to its word is
    prose."""
    assert is_not_prose("Insbesondere gelten für die Herbstdüngung zusätzliche Vorgaben der …")
    assert not is_not_prose("Her dress was stolen right out of her hotel room ...")
    assert not is_not_prose("Man darf gespannt bleiben, was die Technik noch bringt…")


def test_a_sentence_cut_after_its_stop_is_not_a_claim() -> None:
    """A stop with an ellipsis glued to it is where a paywall cut the text."""
    assert is_not_prose(
        "Still, he has been suspended without pay by the league for the rest of the season "
        "and may receive further discipline...."
    )


def test_two_items_joined_by_a_bullet_are_not_prose() -> None:
    """A teaser that runs two list items into one line with a bullet ("...und Effizienz •
    Der Haken hat eine ergonomische Lasche...") is no sentence of prose; a bullet inside a
    word or a sentence without one is."""
    assert is_not_prose(
        "Neuer Skihalter mit regulierbarem Haken für maximale Effizienz • Der Haken hat eine"
        " ergonomische Lasche und kehrt bei Nichtgebrauch automatisch zurück."
    )
    assert not is_not_prose("The council approved the new budget on Tuesday after a debate.")


def test_a_list_item_of_a_few_words_is_not_a_claim() -> None:
    """A list's item or a label of at most three words without a stop ("Führer", "Fahrzeug
    samt Fahrer", "390 kcal") says nothing; a short finished sentence and a run of an
    unspaced script (a sentence in one "word") may be prose."""
    for label in ("Führer", "Fahrzeug samt Fahrer", "390 kcal", "0Alle Kommentare anzeigen"):
        assert is_not_prose(label), label
    assert not is_not_prose("The bridge reopened.")
    assert not is_not_prose("東京都は新しい計画を発表した")


def test_a_short_line_opening_on_a_quantity_is_an_item_not_a_claim() -> None:
    """An ingredient ("8-9 ripe pears, cored and peeled", "120g kway teow", "1 Pck.") or a
    date's entry is a list's item; a finished sentence opening on a number is prose, and so is
    a long list run together (its items may be what the page is for)."""
    for item in (
        "8-9 ripe pears, cored and peeled",
        "120g kway teow (flat rice noodles)",
        "1 Pck.",
    ):
        assert is_not_prose(item), item
    assert not is_not_prose("12 people were hurt when the roof of the station fell in.")
    # A stop in another script, or before a footnote's mark, ends a sentence too.
    assert not is_not_prose("5 लोगों की मौत हो गई और 12 घायल हुए हैं।")
    assert not is_not_prose("1990 saw the first flight of the new jet.[3]")
    assert not is_not_prose(
        "2018 saw the league grow from twelve teams to twenty with new clubs in the north"
    )


@pytest.mark.parametrize(
    ("sentence", "story"),
    [
        ("NEW DELHI: Nearly 150 Indians returned home.", "Nearly 150 Indians returned home."),
        ("MÜNCHEN: Die Stadt baut eine Tram.", "Die Stadt baut eine Tram."),
        ("UPDATE: Many readers asked about the charts.", None),
        ("READ MORE: Ten things you need to know about the tram.", None),
        ("Fazit: Die Tram kommt.", None),
        ("ISBN: 978-3960960010", None),
    ],
)
def test_a_dateline_in_capitals_opens_the_story(sentence: str, story: str | None) -> None:
    """A place in capitals and a colon before the story's first word is a dateline; a box
    label ("UPDATE:"), a label not in capitals or a number after the colon is none."""
    end = dateline_end(sentence)
    assert (sentence[end:] if end else None) == story


@pytest.mark.parametrize(
    ("sentence", "turn"),
    [
        (
            "Sheila Atim: Amenza erfüllt zwei Rollen.",
            ("Sheila Atim", "Amenza erfüllt zwei Rollen."),
        ),
        ("Rick: It was a two-phase approach.", ("Rick", "It was a two-phase approach.")),
        (
            "ALEXANDRIA DOUZIECH: I try to position plants.",
            ("ALEXANDRIA DOUZIECH", "I try to position plants."),
        ),
        ("Dr. Weber: „Wir bauen die Tram.“", ("Dr. Weber", "„Wir bauen die Tram.“")),
        ("Frage: Wann kommt die Tram?", None),
        ("Frage 1: Wann kommt die Tram?", None),
        ("Foto: Die Tram am Bahnhof.", None),
        ("UPDATE: The tram is late.", None),
        ("Aber nun ernsthaft: Ich würde ihr raten, zu bleiben.", None),
        ("The reason is simple: trams are cheap.", None),
        ("Laufzeit: 48 Monate", None),
    ],
)
def test_a_speakers_name_and_a_colon_open_an_interviews_turn(
    sentence: str, turn: tuple[str, str] | None
) -> None:
    """A name of up to three capitalised words and a colon open a turn of a transcript; the
    asker's, a credit's or a box's label, a phrase with a word in lower case or a number after
    the colon is none."""
    found = speaker_turn(sentence)
    assert (None if found is None else (found[0], sentence[found[1] :])) == turn


def test_a_line_telling_the_reader_to_click_is_not_prose() -> None:
    """A call to click, in the middle of the line too ("... – klicke auf das Firmenlogo und
    finde alle aktuellen Stellenangebote!"), is the page's UI; a story about clicking is prose."""
    for line in (
        "Praktika, Traineeprogramme, Direkteinstiegsstellen – klicke auf das Firmenlogo und"
        " finde alle aktuellen Stellenangebote!",
        "For the full programme, click on the logo of each partner below.",
        "Mehr erfahren? Dann klicken Sie hier und lesen Sie weiter.",
    ):
        assert is_not_prose(line), line
    assert not is_not_prose("Thousands of users clicked the link before the bank blocked it.")
    assert not is_not_prose("Victims who click the link in the email download the malware.")
    assert not is_not_prose("Thanks to those reforms, the economy grew 5% last year.")
    assert not is_not_prose("Thanks to all the rain this spring, the reservoirs are full.")
    assert not is_not_prose("Er klickt auf den Link, und schon ist das Konto leer.")


@pytest.mark.parametrize(
    "teaser",
    [
        "The iPhone 16 reviews are in.",
        "Apple's iPhone 16 is here, and the reviews are in.",
        "Results are in.",
        "Votes are in!",
    ],
)
def test_news_has_come_with_a_name_or_no_article_is_a_hook(teaser: str) -> None:
    """ "The iPhone 16 reviews are in." says that news has come as "the results are in." does:
    a number naming a thing tells nothing, and "the" may be missing."""
    assert is_hook(teaser, reader=False)


@pytest.mark.parametrize(
    "lede",
    [
        "For those who waited, the wait is over.",
        "After three long years of planning, hearings and delays on Elm Street, the wait is over.",
    ],
)
def test_a_relative_clause_or_a_long_lede_before_the_news_has_come_is_no_hook(lede: str) -> None:
    """A short sentence with a relative clause ("those who waited") tells whom the news is for,
    and a sentence of more than a dozen words tells more than that news has come."""
    assert not is_hook(lede, reader=False)


def test_a_bracket_left_open_before_the_end_is_a_cut() -> None:
    """A sentence cut inside its bracket ends on a word or a number; one whose bracket a typo
    left open still ends on its stop."""
    assert leaves_bracket_open("Dies ist bei der Berechnung zu berücksichtigen (BAG, Urt. v. 30")
    assert not leaves_bracket_open("Rioja teilt sich in drei Gebiete (nach der Größe sortiert.")
    assert not leaves_bracket_open("The line (a tram) opens in June")
    assert leaves_bracket_open("该法院于去年作出判决（案号：2019")
    assert leaves_bracket_open("The court ruled on the case [Smith v. Jones, 2019")
    assert not leaves_bracket_open("该法院于去年作出判决（案号：2019）并已生效")


def test_a_page_that_spaces_its_commas_throughout_types_even_a_single_gap() -> None:
    """A space before a comma in a fair share of a page's sentences is its typing: there a
    sentence with one such gap is prose; on a page with a gap here and there it is what a
    stripped link or formula leaves."""
    typed = [
        "Senator representing Yobe North , Ahmad Lawan , on Tuesday moved a motion.",
        "Lawan raised the motion after the Senate President , Bukola Saraki , read the letters.",
        "The Senate adjourned plenary until Wednesday, its spokesman said.",
    ]
    assert spaces_its_punctuation(typed)
    single = "Senator Ahmad Lawan , on Tuesday moved a motion."
    assert is_not_prose(single)
    assert not is_not_prose(single, spaced_punctuation=True)
    # ...but not a gap that stripping left, even there
    assert is_not_prose("If , then the motion is carried .", spaced_punctuation=True)
    plain = [f"The council met on day {day}, and it approved the plan." for day in range(12)]
    assert not spaces_its_punctuation([*plain, single, "The rest , it said, can wait."])
    # a stop after a space is as often a stripped link at the end: it does not count
    assert not spaces_its_punctuation(["Related Posts Collaboration Shuji ."] * 4)


def test_a_final_an_is_germans_particle_on_a_german_page() -> None:
    """On a German page a final "an" is the particle of its verb, whatever words the sentence
    holds; elsewhere it is the English article a stripped formula left only where the
    sentence has English function words."""
    assert not is_not_prose("Das Start-up The Sun bietet bald einen Dienst an.", language="de")
    assert is_not_prose("Das Start-up The Sun bietet bald einen Dienst an.")
    assert is_not_prose("The value of the integer is then an.", language="en")


def test_a_sentence_set_wholly_in_brackets_is_an_aside() -> None:
    """The writer's aside to the sentence before it, in any mode; a bracket inside a sentence,
    or one opening it that closes before its end, is not."""
    aside = "(Really my eventual goal is to create video on Linux, but I figured I'd start small.)"
    assert leans_on_context(aside)
    assert leans_on_context(aside, openings=False)
    assert leans_on_context("[Incidentally, our guide discusses a number of other differences.]")
    assert not leans_on_context("The council voted (seven to two) to approve the new tram line.")
    assert not leans_on_context("(AP) The council voted to approve the new tram line on Monday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Naturally, I fall into the latter category, because exploding pianos are better.",
        "This Heart-fan dichotomy was illustrated powerfully last year at karaoke night.",
        "This particular terrarium rests on a planter saucer and features a small pumpkin.",
        'Consultada sobre esta desproporción, una fuente nos la resumió así: "Más prensa".',
        "Selon ces chiffres, la ville a perdu un quart de ses habitants.",
        "Secondo questi dati, la città ha perso un quarto degli abitanti.",
    ],
)
def test_what_names_its_antecedent(sentence: str) -> None:
    """A sentence with "the latter", or a demonstrative and a noun early in it, names a thing only
    as the one told before."""
    assert names_antecedent(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This year the council approved a new tram line to the airport.",
        "Those who signed the petition were invited to the council meeting.",
        "Esta semana el gobierno presentó el presupuesto.",
        "Le maire a annoncé cette semaine un nouveau budget.",
        "In this article we look at the new tram line.",
        "The city council approved a new tram line to the airport on Tuesday.",
        "Between cats and dogs, the latter need more walks.",
        "Dieser Artikel erklärt die neue Straßenbahn.",
    ],
)
def test_what_does_not_name_its_antecedent(sentence: str) -> None:
    """A time ("This year", "esta semana"), "those who", talk about the post (held back on
    its own), a sentence naming the two itself, and German "dieser" do not."""
    assert not names_antecedent(sentence)

"""Sentences about the page itself rather than its subject: what lies below or above, which
part came before or comes next, what it leaves out ("The answers below will also help...", "Im
ersten Teil des Artikels sprachen wir über...", "...im Video oben...", "...we won't discuss
these applications here"), its sign-off ("We look forward to sharing updates...", thanks to
those who helped), and the site's notices: the line saying when and where the post was
published, where else to follow the site. (`standalone.py` holds the "In this post..."
openings; these are the turns it leaves, in the languages Skim meets most.)
"""

from __future__ import annotations

import re

from summarizer.alternation import FoldedAlternation
from summarizer.text import unify_apostrophes

# Things a page shows "below": "the answers below", "find below", "The below letter".
_SHOWN = (
    r"answers?|steps?|tips?|list|table|chart|video|letter|guide|instructions?|examples?"
    r"|images?|photos?|pictures?|recipe|links?|form|map|overview|questions?"
)
_DESCRIBES_THE_TEXT = FoldedAlternation(
    # English: what lies below, the parts before and after, what the text leaves out
    rf"\b(?:{_SHOWN}) below\b|\bthe below\b|\b(?:find|see|shown|listed|described|explained"
    r"|outlined|detailed|included) below\b|^\W*below(?:,| is| are| you| we| i)\b"
    r"|\bin the (?:next|previous|following|last) (?:examples?|sections?|parts?|chapters?"
    r"|steps?)\b|\bwe (?:won't|will not|don't|do not) (?:discuss|cover|go into)\b"
    r"|\bis not the (?:subject|topic|focus) (?:of|here)\b|\bbeyond the scope of\b"
    # German: "Im ersten Teil...", "...erklären wir im Beitrag "Funktion der Wärmepumpe"."
    r"|\bim (?:ersten|zweiten|dritten|letzten|vorigen|vorherigen|nächsten) teil\b"
    r"|\b(?:erklären|beschreiben|zeigen|erläutern) wir (?:[\w-]+ ){0,3}im (?:beitrag|artikel"
    r"|ratgeber|text)\b"
    # French, Portuguese, Spanish, Italian: "ci-dessous", "confira abaixo", "a continuación..."
    r"|\bci-dessous\b|\bconfira (?:abaixo|a seguir)\b|\b(?:que|como) (?:se )?(?:muestra|detalla"
    r"|indica) (?:a continuación|abajo)\b|\bqui (?:di seguito|sotto)\b"
    # ...and what lies above: "the video above", "the above step", "siehe oben", "im Video
    # oben", "ci-dessus", "el vídeo de arriba", "confira acima"
    rf"|\b(?:{_SHOWN}) above\b|\bthe above\b(?!-)|\b(?:see|shown|listed|pictured|described"
    r"|outlined|detailed) above\b|\bsiehe (?:oben|unten)\b|\b(?:im|auf dem|in dem) (?:video|bild"
    r"|foto|clip|film) (?:oben|unten)\b|\b(?:oben|unten) (?:im|auf dem) (?:video|bild|foto|clip)\b"
    r"|\bim (?:obigen|unteren|folgenden|nachfolgenden) (?:video|clip|film)\b|\bci-dessus\b"
    r"|\b(?:vídeo|video|foto|imagen) de arriba\b|\bconfira acima\b"
    # Sign-offs: the post promising more of itself ("We look forward to sharing updates and
    # the results.", "Stay tuned!", "Wir halten euch auf dem Laufenden.", "Restez à l'écoute")
    r"|\b(?:we|i) (?:look forward to|are looking forward to|am looking forward to) (?:sharing"
    r"|updating|reporting|bringing you|telling you)\b|\bstay tuned\b|\b(?:we|i)(?:'ll| will)"
    r" keep you (?:posted|updated|informed)\b|\bthanks? (?:you )?(?:so much )?for reading\b"
    r"|\bhalten (?:euch|sie|dich) (?:weiter )?auf dem laufenden\b|\bbleib(?:t|en sie)? dran\b"
    r"|\brestez (?:à l'écoute|connectés)\b|\bmerci de (?:nous )?(?:votre )?lecture\b"
    r"|\bgracias por leer\b|\bobrigad[oa] por ler\b|\bgrazie per (?:aver letto|la lettura)\b"
    # ...or wishing the reader well by it: "Hope this helps.", "I hope you enjoyed it.", and the
    # Indonesian and Malay wish that closes a post ("Semoga bermanfaat.", "Mudah2an kita bisa
    # memahami dan mengamalkan..."); not a wish quoted in a story ("“I hope this helps other
    # families,” said Smith", "Semoga Indonesia lolos ke Piala Dunia 2026, kata Erick Thohir.")
    # nor one that goes on ("I hope that helps the council make up its mind...")
    r'|^[^\w"“„«]*(?:i )?hope (?:this|that|it) helps(?: you| someone| anyone)?\W*$'
    r'|^[^\w"“„«]*(?:i|we) hope you (?:enjoyed|liked|found)\b'
    r'|^[^\w"“„«]*(?:semoga|mudah-mudahan|mudah2an)\b(?![^.!?]*[,"”]\s*(?:kata|ujar|ucap|tutur'
    r"|jelas)\w*\b)"
    # ...and the blogger on their own posting: "I've written a couple of posts in the past few
    # months but they were all for the blog at work...", "It's been a while since I last posted.",
    # and on what they wrote on the subject before: "I wrote a long rant about this last year
    # when...", "I've written about it before." (not a letter: "We wrote to the mayor about it")
    r"|^\W*(?:i|we)(?:'ve| have)? (?:wrote|written|blogged|posted|ranted)(?: (?:a|an|my"
    r"|our) (?:[\w-]+ ){0,2}(?:rant|post|piece|column|thread|blog post|article))? about"
    r" (?:this|that|it|these|those)\b"
    r"|\b(?:i|we)(?:'ve| have| had)? (?:written|wrote|posted|blogged)\b[^.!?]{0,60}\b(?:posts"
    r"|blog posts|entries)\b|\bbeen (?:a (?:little |long )?while|ages|too long|(?:a few|several"
    r"|many|\w+) (?:weeks|months|years)) since (?:i|we) (?:last )?(?:posted|blogged|wrote"
    r"|updated)\b|\b(?:i|we) (?:haven't|have not) (?:posted|blogged)\b"
    r"|\bmy (?:last|previous|latest) (?:blog )?(?:post|entry)\b"
    # ...in the other languages of the corpus: "Mein letzter Post ist schon fast ein halbes
    # Jahr her...", "...diesen Blog sanft entschlummern zu lassen", "Ich habe lange nichts mehr
    # geschrieben", "Ça fait longtemps que je n'ai pas écrit", "Hace tiempo que no escribo",
    # "mi último post", "meu último post", "il mio ultimo post", "mijn laatste blog"
    r"|\b(?:mein(?:em)?|unser(?:em)?) (?:letzte[rnm]?|vorherige[rnm]?|vorige[rnm]?) (?:blog)?"
    r"(?:post|beitrag|eintrag|artikel)\b|\b(?:diese[nmr]?|meine[nmr]?|unsere[nmr]?) blog\b"
    r"|\b(?:ich|wir) (?:habe|haben) (?:schon )?(?:lange|ewig|länger|eine (?:ganze )?weile)"
    r" (?:nichts|nicht) (?:mehr )?(?:geschrieben|gepostet|gebloggt|veröffentlicht)\b"
    r"|\b(?:seit|dass) ich (?:hier )?(?:zuletzt |das letzte mal )?(?:etwas )?(?:geschrieben"
    r"|gepostet|gebloggt) habe\b"
    r"|\bmon (?:dernier|précédent) (?:article|billet|post)\b|\bce blog\b|\bque je n'ai (?:pas|rien)"
    r" (?:écrit|publié|posté)\b|\bmi (?:último|anterior) (?:post|artículo|entrada)\b"
    r"|\beste blog\b|\bque no (?:escribo|publico|posteo)\b|\bmeu (?:último|anterior)"
    r" (?:post|artigo)\b|\bneste blog\b|\bque não (?:escrevo|posto|publico)\b"
    r"|\b(?:il|nel|del|dal) mio (?:ultimo|precedente) (?:post|articolo)\b|\bquesto blog\b"
    r"|\bche non (?:scrivo|pubblico)\b|\bmijn (?:laatste|vorige) (?:blog|post|bericht)\b"
    r"|\bdeze blog\b"
    # ...and thanks to those who helped ("...we could not bring Python releases to you without
    # the enormous contributions of many, many people.", "Ohne eure Hilfe wäre das nicht möglich")
    # (the page's own work named, "to you" or "this release": not a coach's "We could not have
    # won this title without the support of our fans", nor the minister's "Ohne die Hilfe der
    # Bundeswehr wäre die Evakuierung nicht möglich gewesen")
    r"|\b(?:we|i) (?:could not|couldn't|could never|would not|wouldn't|cannot|can't) (?:have )?"
    r"[^.!?]{0,60}\b(?:to you|this (?:post|release|project|blog|site|book|newsletter|podcast"
    r"|work))\b[^.!?]{0,60}\bwithout (?:the )?(?:[\w-]+ ){0,3}(?:help|support|contributions?"
    r"|efforts?|generosity|dedication)\b|\bohne (?:eure|ihre|deine|unsere|euch|sie|dich)"
    r" (?:[\w-]+ ){0,2}(?:unterstützung|hilfe|mithilfe|mitarbeit)\b[^.!?]{0,30}\b(?:wäre|ist)"
    r" (?:das|dies|all das|all dies|dieser \w+|diese \w+|dieses \w+)\b[^.!?]{0,30}\b(?:nicht"
    r"|kaum) möglich",
    re.IGNORECASE,
)
# The line giving the post's publication ("Der Artikel "..." wurde am 05.11.2021 in der
# Kategorie Neuheiten von ... veröffentlicht.", "This entry was posted in News on...") and the
# site pointing to its own channels ("Ihr findet uns auf Instagram als @dussmann.official").
_SITE_NOTICE = FoldedAlternation(
    r"^\W*(?:der|dieser) (?:artikel|beitrag)\b.{0,160}\bwurde am\b.{0,120}\b(?:veröffentlicht"
    r"|publiziert)\b|^\W*this (?:entry|post|article) was posted\b"
    r"|\b(?:find|follow|join) us on\b|\b(?:findet|folgt) (?:ihr )?uns (?:auf|bei|unter)\b"
    r"|\b(?:finden|folgen) sie uns (?:auf|bei|unter)\b|\bsuivez-nous\b|\bsíguenos\b"
    r"|\bsiga-nos\b|\bseguici\b",
    re.IGNORECASE,
)


def describes_the_text(sentence: str) -> bool:
    """The sentence talks about the page: what lies below or above, a part of it before or
    after, what it leaves out, or signs off promising more of it."""
    return _DESCRIBES_THE_TEXT.found(unify_apostrophes(sentence))


def is_site_notice(sentence: str) -> bool:
    """The line saying when, where and by whom the post was published, or where else the site
    can be followed: never a claim."""
    return _SITE_NOTICE.found(sentence)

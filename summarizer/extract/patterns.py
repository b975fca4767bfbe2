"""Every table of page furniture, in one place: class and id words, lines, headings, sentences.

Four granularities, four tables: class/id words of boxes dropped before scoring
(`FURNITURE_NAMES`) and of boxes skipped inside the article (`INNER_FURNITURE_NAMES`); short
lines and headings that label furniture (`is_boilerplate_line`, `is_boilerplate_heading`); and
sentences that are never a claim (`is_boilerplate_sentence`).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from summarizer.alternation import AsciiFolded, FoldedAlternation
from summarizer.text import unify_apostrophes

# Class/id words of a thread of readers' comments in other languages than English: plurals
# only ("Kommentar", "commento" also name an opinion piece).
_COMMENTS_IN_LANGUAGES = (
    r"kommentare|kommentarer|kommentit|commentaires|comentarios|commenti|reacties|komentarze"
    r"|komentarji|komentari|yorumlar"
)
# Class/id words of page furniture, dropped before scoring (prune). Matched against whole
# hyphen/underscore-separated words so that "shared-content" or "comment-free-article" do not
# trip it by accident.
FURNITURE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:cookies?|consent|gdpr|newsletter|subscribe|subscription|signup|sign-up"
    r"|share|sharing|social|socials|sharebar|share-bar|related|recommended|recommendations"
    r"|popular|trending|most-read|comments?|disqus|breadcrumbs?|modal|popup|overlay|promo"
    r"|advert|advertisement|ads?|ad-slot|sponsored|outbrain|taboola|login|author-box"
    r"|author-bio|skip-link|screen-reader-text|sr-only|visually-hidden|jp-relatedposts"
    r"|sidebar|footer|masthead|site-header|site-footer|menu|navbar|toolbar|cookie-banner"
    # a thread of readers' comments named in the page's language ("kommentare", "comentarios")
    rf"|{_COMMENTS_IN_LANGUAGES})"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)

# Class/id words of things inside an article body that are not its prose (blocks).
INNER_FURNITURE_NAMES = re.compile(
    r"(?:^|[-_\s])(?:caption|credits?|photo-credit|image-credit|wp-caption-text|byline|dateline"
    # a picture's description under it ("article__image-desc")
    r"|(?:image|img|photo|picture|foto)-desc(?:ription)?"
    r"|author|tags?|tag-list|post-tags|entry-tags|categories|share|social|related|read-more"
    r"|readmore|also-read|newsletter|subscribe|signup|promo|advert|ad|ads|comments?"
    r"|dek|deck|standfirst|subtitle|strapline|kicker|excerpt|bio|graphic)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)

# Class words of the box of the article's notes (its footnotes, set after the text).
NOTES_NAMES = re.compile(r"(?:^|[-_\s])(?:footnotes|endnotes)(?:$|[-_\s])", re.IGNORECASE)

# Class words of a paragraph styled as a subheading ("pf_subheadline", "crosshead"): what
# <b> says in markup, its style sheet says. (Not "subheader": a bar of the page's header.)
SUBHEADING_NAMES = re.compile(
    r"(?:^|[-_\s])(?:sub-?head(?:line|ing)?s?|cross-?head(?:ing)?|zwischentitel|intertitle)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)

# Class words of a heading only screen readers announce ("Chapter Text", "Main content"): a
# landmark for assistive technology, never shown, so it heads no section.
SCREEN_READER_NAMES = re.compile(
    r"(?:^|[-_\s])(?:sr-only|sr-text|screen-reader|screen-reader-text|screen-reader-only"
    r"|screenreader|visually-hidden|visuallyhidden|a11y-hidden|assistive-text|element-invisible"
    r"|offscreen|off-screen|landmark)(?:$|[-_\s])",
    re.IGNORECASE,
)

_MAX_NAME_PARTS = 4
_NAME_PARTS_RE = re.compile(r"[-_]+")

# Class words naming the article body: a box named so is never furniture, whatever else its
# class says ("l-sidebar-fixed l-article-body-segment").
_CONTENT_NAMES = re.compile(
    r"(?:^|[-_\s])(?:article-?body|article-?content|article-?text|post-?body|post-?content"
    r"|entry-?content|story-?body|story-?content|main-?content|body-?text|articlebody)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)
# A BEM modifier ("--has-ads") or a state word ("no-share", "has-sidebar") describes a box's
# options, not what it is.
_MODIFIER_NAMES = re.compile(
    r"--[\w-]*|(?:^|(?<=\s))(?:has|no|with|without|is|hide|show)-[\w-]*", re.IGNORECASE
)
# Comment threads are long prose too: never taken for the article because of it.
_COMMENT_NAMES = re.compile(
    rf"(?:^|[-_\s])(?:comments?|disqus|respond|replies|{_COMMENTS_IN_LANGUAGES})(?:$|[-_\s])",
    re.IGNORECASE,
)
NOT_FURNITURE, FURNITURE, COMMENT_THREAD = 0, 1, 2
_FURNITURE_FOLDED = AsciiFolded(FURNITURE_NAMES)  # the first test, twice as fast


def furniture_verdict(names: str) -> int:
    """What a box's joined class and id say it is, for pruning: `NOT_FURNITURE`, `FURNITURE`,
    or `COMMENT_THREAD` (furniture that is never rescued for holding much prose)."""
    if len(names) < 3 or not _FURNITURE_FOLDED.found(names):  # the common case, one search
        return NOT_FURNITURE
    names = _MODIFIER_NAMES.sub(" ", names)
    if not names_furniture(names, FURNITURE_NAMES) or _CONTENT_NAMES.search(names):
        return NOT_FURNITURE
    return COMMENT_THREAD if _COMMENT_NAMES.search(names) else FURNITURE


def looks_like_furniture(element: HtmlElement, pattern: re.Pattern[str]) -> bool:
    """Whether a class or id word of `element` names furniture (see `names_furniture`)."""
    return names_furniture(f"{element.get('class', '')} {element.get('id', '')}", pattern)


def names_furniture(joined: str, pattern: re.Pattern[str]) -> bool:
    """Whether a word of a class/id string matches `pattern`.

    Long slugs are skipped: ids made from a heading ("sharing-with-a-single-developer") say
    nothing about what the element is.
    """
    if len(joined) < 3 or not pattern.search(joined):  # the common case, decided in one search
        return False
    return any(
        len(_NAME_PARTS_RE.split(name)) <= _MAX_NAME_PARTS and pattern.search(name)
        for name in joined.split()
    )


# Addresses of search results: a path word, or a query key (lower case).
SEARCH_PATH_WORDS = frozenset(
    {"search", "suche", "recherche", "buscar", "busca", "cerca", "ricerca", "zoeken", "szukaj"}
)
SEARCH_QUERY_KEYS = frozenset({"q", "query", "s", "search", "keyword", "keywords", "suche"})
# A permalink with a date and a slug after it ("/2012/05/31/the-title/"): a post, however short
# (an archive of the month, "/2012/05/", has no slug).
DATED_PATH_RE = re.compile(r"/(?:19|20)\d\d/[01]?\d/(?:[0-3]?\d/)?[^/?#]*[^\W\d_][^/?#]*")

# A short paragraph starting like this is a teaser, a credit or a call to action.
_LINE_STARTS = [
    r"also read|read also|read more|read next|more from",
    r"related(?: articles?| stories| posts?| content| coverage| reading| news)?\s*[:|\-–—]",
    r"recommended(?: for you| reading)?\s*[:|\-–—]|see also\s*:",
    # A wiki's pointer to other pages (a hatnote): "Main article: …", "For other uses, see …".
    r"main articles?\s*:|further information\s*:|for other uses, see\b|this article is about\b"
    r".{0,120}\bfor other uses\b|[^.]{1,60} redirects here\.",
    r"hauptartikel\s*:|articles? (?:principal|détaillés?)\s*:|artículos? principal(?:es)?\s*:",
    r"artigo principal\s*:|voce principale\s*:",
    r"advertisement\b|sponsored\b|subscribe\b|sign up\b|click here\b|follow us\b",
    r"share (?:this|on)\b|tweet this\b|photo\s*:|photos?\s*(?:by|credit)\b",
    r"image\s*:|images?\s*(?:by|credit)\b|credit\s*:|getty images\b",
    r"©|\(c\)\s|copyright\b|all rights reserved\b|tags?\s*:|topics?\s*:|filed under\b",
    r"tags?\s+[^.]*,[^.]*,[^.]*$",  # "Tags calendario, stock car, ..." without a colon
    r"don'?t miss\b|must read\b|you (?:may|might) also like\b|watch\s*:|listen\s*:",
    # The label of an embedded player or gallery ("STREAM: <the album>", "VIDEO: <its title>").
    r"(?:stream|video|videos|audio|podcast|photos|pictures|in pictures|gallery|slideshow)\s*:",
    r"(?:anschauen|ansehen|anhören|hören|fotos|bildergalerie|vidéo|regardez|regarder|écoutez)\s*:",
    r"(?:écouter|en images|vídeo|mira|escucha|en fotos|galería|assista|ouça|galeria)\s*:",
    # ...or the player's call to watch before its title, without a colon ("ZOBACZ WIDEO
    # Bartosz Zmarzlik o...", "WATCH VIDEO ...", "VIDEO | ...", "Sehen Sie im Video ...")
    r"(?:watch|see) (?:the )?(?:video|clip)\b|(?:video|vídeo|vidéo|wideo)\s*[|–—]\s",
    r"(?:zobacz|obejrzyj) (?:wideo|film|nagranie)\b|sehen sie (?:hier )?(?:das|im) video\b",
    r"(?:mira|vea|ver) (?:el|este) (?:video|vídeo)\b|(?:assista|veja) (?:ao|o) vídeo\b",
    r"regardez (?:la|cette) vidéo\b|guarda il video\b|bekijk de video\b",
    r"continue reading\b|loading\b|like loading\b|read the full\b",
    r"this (?:article|story) (?:was )?originally appeared",
    r"join our\b|get the latest\b|download (?:the|our) app\b|start your day with\b",
    r"comments?\W*$|\d+ comments?\W*$|previous (?:post|article)\b|next (?:post|article)\b",
    r"citation\s*:|cite this\b|if you (?:enjoyed|liked|value|appreciate)\b",
    r"support (?:us|our)\b|support \w+ (?:so|and|to)\b",
    r"get (?:breaking|our|the) [\w ]*(?:alerts|newsletter|emails?)\b",
    r"(?:the )?(?:news|stories) (?:and stories )?that matters?,? delivered\b",
    r"explore further\b|you are (?:currently )?not logged in\b",
    # The same teasers, credits and prompts in the other languages of the corpora (de, es,
    # fr, it, pt, pl, nl): most pages Skim is given are not in English.
    r"mehr zum thema\b|lesen sie (?:auch|mehr)\b|lies auch\b|auch interessant\b",
    r"zum weiterlesen\b|weiterlesen\b|schon gelesen\b|jetzt teilen\b|artikel teilen\b",
    r"(?:das|dies) (?:könnte|dürfte) (?:sie|dich) (?:auch )?interessieren\b",
    r"(?:weitere|ähnliche|verwandte|empfohlene) (?:artikel|beiträge|themen|nachrichten"
    r"|meldungen)\b",
    r"(?:anzeige|werbung)\s*(?:[:\-–—]|$)|wird geladen\b|aufrufe\s*:",
    r"sie sind (?:aktuell |derzeit )?nicht (?:eingeloggt|angemeldet)\b",
    r"kommentare?\s*(?:[:(\d]|insgesamt|$)|(?:foto|fotos|bild|bilder|grafik)\s*:",
    r"(?:lea|lee|mire|vea|ver) (?:también|además|más)\b|(?:lea|mire|vea)\s*:",
    r"(?:notas|noticias|temas|artículos) relacionad[oa]s\b|te puede interesar\b",
    r"(?:à |a )?lire aussi\b|sur le même sujet\b|crédits? photos?\b|à découvrir\b",
    r"leggi anche\b|articoli correlati\b|leia também\b|veja também\b",
    r"notícias relacionadas\b|czytaj (?:też|także|również)\b|zobacz (?:też|także|również)\b",
    r"lees ook\b",
    # Follow, join, support and rate prompts; affiliate notices; captions; copyright lines.
    r"follow\b.{0,40}\bon (?:twitter|facebook|instagram|linkedin|telegram|whatsapp|youtube)\b",
    r"(?:folgen sie|folge|síguenos|suivez|seguici|siga-nos|obserwuj)\b.{0,20}"
    r"\b(?:uns|nous|nos|nas)\b",
    r"(?:wie )?bewerten sie (?:diesen|den) (?:artikel|beitrag)\b",
    r"möchten sie (?:den|diesen) (?:artikel|beitrag) teilen\b",
    r"(?:hat|war) (?:ihnen|dir) (?:dieser|der) (?:artikel|beitrag) (?:gefallen|hilfreich)\b",
    r"(?:war|ist|fanden sie) (?:der|dieser|diesen) (?:artikel|beitrag) (?:nützlich|hilfreich)\b",
    r"gefällt mir\b|(?:kennt ihr|kennen sie) (?:schon )?unser",
    r"unterstütze (?:uns|unsere|\w+ (?:mit|bereits|jetzt))\b",
    r"(?:zuletzt )?aktualisiert(?: am)?\s*:?\s*\d|last (?:modified|updated)\s*:",
    r"para (?:poder )?comentar\b|los comentarios publicados son\b|comments? (?:are|is) closed\b",
    r"gefällt (?:dir|ihnen|euch) (?:unser|dieser|der)\b|was this (?:article|page|post) helpful\b",
    r"we want to hear what you think\b|unterstütze(?:n sie)? (?:uns|unsere)\b",
    r"hazte (?:miembro|socio)\b|zapraszamy (?:też )?do (?:subskrypcji|lektury)\b",
    r"dowiedz się więcej\b|erfahren sie mehr\b|en savoir plus\b|ezek is érdekelhetnek\b",
    r"(?:vorschau auf den )?nächsten? (?:artikel|beitrag)\b|vorherige[rn]? (?:artikel|beitrag)\b",
    r"artículo (?:anterior|siguiente)\b|article (?:précédent|suivant)\b",
    r"(?:dieser|der) (?:beitrag|artikel) enthält (?:werbung|affiliate)",
    r"(?:bei den|die mit \*\s*(?:markierten|gekennzeichneten)) (?:verlinkungen|links)\b",
    # A consent placeholder for an embedded map or video; a download link's size line.
    r".{0,40}\bklicken sie auf den (?:unteren )?button, um den inhalt von\b",
    r".{0,120}(?:pdf|docx?|xlsx?|zip)\s*\|\s*\d+(?:[.,]\d+)?\s*[kmg]b\b",
    r"this (?:post|article|page) contains affiliate\b|we (?:may )?earn (?:a )?commission\b",
    r"(?:anzeige|werbung|advertisement|publicidad|publicité|pubblicità|reklama)\s*[.*]",
    # An ad slot's label ("Publicidade", "CONTINUA DEPOIS DA PUBLICIDADE", "Story continues
    # below advertisement"), left in the text where the ad was.
    r"(?:publicidade|publicidad|publicité|pubblicità|reklama)\W*$",
    r"(?:(?:story|article|text|texto|la nota|el artículo|l'article|der artikel) )?"
    r"(?:continua|continúa|continues?|sigue|segue)\b.{0,30}\b(?:publicidade|publicidad"
    r"|advertisements?|advert|ads?|publicité|pubblicità|werbung|anzeige)\W*$",
    r"(?:abbildung|abb\.|figure|fig\.)\s*\d*\s*:|video verfügbar bis\b",
    r"(?:quellen|mehr|details) (?:anzeigen|ausblenden|einblenden)\W*$",
    r"(?:alle rechte vorbehalten|todos los derechos reservados|tous droits réservés"
    r"|tutti i diritti riservati|materiał chroniony prawem)",
]
_LINE_RE = re.compile(r"^\W*(?:" + "|".join(_LINE_STARTS) + ")", re.IGNORECASE)
# Appeals to the reader: furniture however long they run.
_APPEAL_RE = re.compile(
    r"^\W*(?:if you (?:enjoyed|liked|value|appreciate) (?:this|our|reading)\b"
    r"|(?:please )?(?:support|subscribe to) (?:us|our journalism|independent journalism)\b"
    r"|.{0,120}\bwe need your (?:financial )?(?:support|help)\b"
    r"|als [\w-]+(?:supporter|unterstützer|abonnent)(?:in)?\b|unterstützen sie uns\b"
    r"|(?:hat|haben) (?:dir|ihnen|euch) (?:dieser|der) (?:artikel|beitrag) gefallen"
    r"|gefällt (?:dir|ihnen|euch) unser\b"
    r"|(?:vous avez|tu as) aimé cet article|¿?te gustó este artículo)",
    re.IGNORECASE,
)
# Headings that label furniture ("Related", "DON'T MISS") rather than a part of the article.
_HEADING_RE = re.compile(
    r"^\W*(?:also read|read also|read more|read next|more from\b.*|more (?:stories|news|articles)"
    r"|related\b.*|recommended\b.*|advertisement|sponsored.*|don'?t miss|must read"
    r"|you (?:may|might) also like|share(?: this)?(?: article| story| post)?"
    r"|comments?|\d+ comments?"
    r"|leave a (?:reply|comment)|newsletter.*|sign up.*|subscribe.*|tags?|topics?|follow us.*"
    r"|about the author|most (?:popular|read|viewed)|popular (?:posts|stories)|trending.*"
    r"|latest (?:news|stories|posts)|editor'?s picks?|top stories|in other news"
    r"|click here\b.*|like this|share this.*|print this.*|email this.*|post navigation"
    # A box label names its pitch ("Newsletters", "Daily newsletter", "Get our email alerts");
    # an article's heading may use the same words ("Eliminating Repeating Alerts").
    r"|(?:[\w-]+ ){0,2}(?:newsletters?|e-?mail alerts|news alerts)"
    r"|donate(?: now| today)?|support us"
    r"|.*\b(?:our|free|get|sign up for|subscribe to)\b.*\b(?:newsletters?|e-?mails?|alerts)\b.*"
    r"|a word to our (?:loyal )?readers"
    # a gallery's, a video box's and a pointer's label: "UK news in pictures", "Die Woche in
    # Bildern", "Mein aktuelles Video", "For more on learning Japanese"
    r"|(?:[\w'’-]+ ){0,4}(?:in pictures|in photos|in bildern|en images|en imágenes|em imagens"
    r"|in immagini)|(?:mein|unser) (?:aktuelles|neuestes|neues) video|(?:my|our) (?:latest"
    r"|newest|new) video|for more (?:on|about) .{1,60}"
    r"|share on .*|(?:all )?share (?:services|buttons|options|tools)|explore further"
    r"|more on this (?:topic|story)|(?:photo |image )?gallery\s*:.*"
    r"|.*\|\s*\d+ (?:photos|images|bilder|fotos)"
    # ...and in the other languages of the corpora.
    r"|mehr zum thema.*|(?:das|dies)(?: thema)? (?:könnte|dürfte) (?:sie|dich) (?:auch )?"
    r"interessieren.*|lesen sie (?:auch|mehr).*|auch interessant|zum weiterlesen|schon gelesen"
    r"|weiterlesen|(?:weitere|ähnliche|verwandte|empfohlene|neueste|beliebte|aktuelle)"
    r" (?:artikel|beiträge|themen|nachrichten|meldungen|news|berichte)\b.*|meistgelesen.*"
    r"|kommentare?|(?:jetzt )?teilen|anzeige|werbung|kontakt"
    # a contact box's label: whom to ask ("Ansprechpartnerin zum Thema:", "Media contact")
    r"|(?:ihr(?:e)? )?ansprechpartner(?:in|innen)?(?: zum thema)?|pressekontakt"
    r"|contact(?: us| information| details)?|(?:media|press) contacts?"
    r"|(?:notas|noticias|temas|artículos|contenidos?) relacionad[oa]s|te puede interesar"
    r"|(?:lea|lee) también|(?:también|tambien) (?:lea|lee)|más noticias|comentarios|compartir"
    r"|(?:à )?lire aussi"
    r"|sur le même sujet|articles? similaires|à découvrir|commentaires|partager|leggi anche"
    r"|articoli correlati|potrebbe interessarti|leia também|veja também|notícias relacionadas"
    r"|czytaj (?:też|także|również)|zobacz (?:też|także|również)|polecamy|komentarze|lees ook"
    r"|gerelateerde artikelen"
    r"|mehr (?:zu|zum|zur|von|aus|auf|über|interessantes|kolumnen|artikel|beiträge|news"
    r"|nachrichten|themen|tipps)\b.*|weitere (?:informationen|infos|tipps|links)\b.*"
    r"|\w+tipps|weitere \w*tipps\b.*|zusatzinformationen|ezek is érdekelhetnek"
    r"|dowiedz się więcej|las? más leíd[oa]s|lo más leído|más (?:leíd|vist)[oa]s|lo último"
    r"|últimas noticias|(?:envi[aá]|dej[aá]|deja) (?:un |tu )?comentario"
    # the controls of a photo gallery
    r"|full ?screen|autoplay|close|caption|view (?:photos|gallery|slideshow)|\d+ (?:of|von|de) \d+)"
    r"\W*$",
    re.IGNORECASE,
)
# A plain line this short that reads as a furniture heading is a label ("Mehr zum Thema").
_MAX_LABEL_CHARS = 60
_MAX_LINE_CHARS = 240
# A short line naming a picture agency without a sentence around it: a photo credit
# ("AFP / MARCO BERTORELLO", "Augusta National/Getty Images").
_CREDIT_RE = re.compile(
    r"^[^.!?]{0,60}\b(?:getty images|afp|dpa|reuters|imago|keystone|epa|apa|ansa|efe"
    r"|picture alliance|shutterstock|istock)\b[^.!?]{0,40}$",
    re.IGNORECASE,
)
_MAX_CREDIT_CHARS = 100
# A short paragraph ending in a credit in brackets is a caption: "The core stage ... (credit:
# NASA/Jude Guidry)", "... (Photo: AFP)".
_CAPTION_CREDIT_RE = re.compile(
    r"[(\[](?:photos?|images?|credits?|pictures?|fotos?|bild(?:er)?|foto ?credits?)"
    r"(?: credits?| by)?\s*:[^)\]]{1,80}[)\]]\W*$"
    r"|[.!?|]\s*©\s*[^.!?©]{1,60}$",  # "... aus der Schweiz. © AFP / MARCO BERTORELLO"
    re.IGNORECASE,
)
# Prompts to follow or subscribe, wherever they stand in a short paragraph.
_PROMPT_RE = re.compile(
    r"\b(?:suscr[ií]b\w*|subscribe|abonnier\w*|anmelden)\b.{0,40}\bnewsletter"
    r"|\bnewsletter\b.{0,40}\b(?:abonnieren|anmelden|subscribe|suscr[ií]b\w*)"
    r"|\b(?:seguir(?:nos)?|follow|folgen sie)\b.{0,40}"
    r"\b(?:en|on|auf) (?:facebook|twitter|instagram)",
    re.IGNORECASE,
)
_DATELINE_TOKEN_RE = re.compile(r"\w+")
_YEAR_OR_TIME_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)|\d{1,2}:\d\d")
# A line that ends on how long ago the post went up, maybe after its author's name: "Jacobo
# Betancur Peláez | Publicado hace 3 horas", "Updated 5 hours ago", "vor 2 Stunden". (Minutes,
# hours and days only: "Vor 30 Jahren: Der Mauerfall" is a heading.)
_RELATIVE_STAMP_RE = re.compile(
    r"(?:^|[|·•]\s*|\s)(?:(?:publicado|published|posted|updated|actualizado|atualizado"
    r"|veröffentlicht|aktualisiert|publié|mis à jour)\s+)?(?:hace\s+\d{1,3}\s+(?:minutos?"
    r"|horas?|días?)|\d{1,3}\s+(?:minutes?|mins?|hours?|hrs?|days?)\s+ago|vor\s+\d{1,3}\s+"
    r"(?:minuten?|stunden?|tagen?)|il y a\s+\d{1,3}\s+(?:minutes?|heures?|jours?)|há\s+\d{1,3}"
    r"\s+(?:minutos?|horas?|dias?))\W*$",
    re.IGNORECASE,
)
_MAX_STAMP_LINE_CHARS = 100


def is_boilerplate_line(text: str) -> bool:
    """A short paragraph that is a teaser, credit, share prompt or furniture label; or an
    appeal to the reader ("If you enjoyed this article...") of any length."""
    if _APPEAL_RE.match(text):
        return True
    if len(text) <= _MAX_LABEL_CHARS and _HEADING_RE.match(text) is not None:
        return True
    if len(text) <= _MAX_CREDIT_CHARS and _CREDIT_RE.match(text) is not None:
        return True
    if len(text) <= _MAX_LINE_CHARS and (
        _CAPTION_CREDIT_RE.search(text) is not None or _PROMPT_RE.search(text) is not None
    ):
        return True
    return len(text) <= _MAX_LINE_CHARS and _LINE_RE.match(text) is not None


# The link line of a teaser card under its title: the title above it is another page's.
_TEASER_PROMPT_RE = re.compile(
    r"^\W*(?:read more|read next|read the (?:full )?story|full story|continue reading"
    r"|(?:next|previous) (?:article|post|story)|weiterlesen|mehr lesen|lire la suite"
    r"|leer más|seguir leyendo|leia mais|continua a leggere|читать (?:далее|дальше))\W*$",
    re.IGNORECASE,
)
# The button of a box for a product or an event ("Learn more"): its page tells the rest. A
# section of a service page may end on one too, so it is a teaser's prompt only as a link.
_BUTTON_PROMPT_RE = re.compile(
    r"^\W*(?:(?:mehr|weitere) informationen|more info(?:rmation)?|learn more|find out more"
    r"|mehr erfahren|en savoir plus|más información)\W*$",
    re.IGNORECASE,
)


# The kicker a teaser box sets over the title of another page ("TAMBIÉN LEA", "Lesen Sie
# auch", "Read also", "Mehr zum Thema"), a line of its own: the heading right under it is
# that page's title, not a subheading. (Only the kickers' words: "Contents" or "Notes" over
# the first heading label the article's own apparatus, and a "Read more" closes a teaser:
# only with its colon, "READ MORE:", does it introduce the title under it.)
_TEASER_LABEL_RE = re.compile(
    r"^\W*(?:also read|read also|read (?:more|next)\s*:|related(?: articles?| stories| posts?"
    r"| content| coverage| reading)?|recommended(?: for you| reading)?|don'?t miss|must read"
    # ("More on Brexit", "More from Sport": not the writer's "More on that below.")
    r"|you (?:may|might) also like|more (?:from|on) (?!(?:this|that|these|those|it|them)\b).{1,40}"
    r"|mehr zum thema|lesen sie (?:auch|mehr)"
    r"|lies auch|auch interessant|(?:das|dies) (?:könnte|dürfte) (?:sie|dich) (?:auch )?"
    r"interessieren|(?:también|tambien|además) (?:lea|lee)|(?:lea|lee) (?:también|tambien|además)"
    r"|te puede interesar|más noticias|(?:ver|mira|vea) también|(?:nota|noticia|artículo)"
    r" relacionad[oa]|(?:à )?lire aussi|sur le même sujet|leggi anche"
    r"|leia também|veja também|czytaj (?:też|także|również)|zobacz (?:też|także|również)"
    r"|lees ook|читайте также)\W*$",
    re.IGNORECASE,
)


def is_teaser_label(text: str) -> bool:
    """A line that is only a teaser box's kicker ("También lea", "Lesen Sie auch"): the
    heading under it is another page's title."""
    return len(text) <= _MAX_LABEL_CHARS and _TEASER_LABEL_RE.match(text) is not None


# A heading by which the site turns to its readers after the article ("A Word to Our Loyal
# Readers", "Liebe Leserinnen und Leser"): its box (the staff, the pitch, subheadings of its
# own such as "Editorial" and "Operations") runs to the end of the page.
_READER_BOX_RE = re.compile(
    r"^\W*(?:(?:a )?(?:word|note|message|letter) (?:to|for) (?:our )?(?:loyal |dear |valued )?"
    r"readers|dear readers?|liebe leser(?:innen)?(?: und leser)?|liebe leser:innen|chers lecteurs"
    r"|chères lectrices,? chers lecteurs|queridos lectores|caros leitores|cari lettori"
    r"|beste lezers|drodzy czytelnicy)\W*$",
    re.IGNORECASE,
)


def is_reader_box_heading(text: str) -> bool:
    """A heading by which the site addresses its readers (see `_READER_BOX_RE`): after the
    article's text, the rest of the page is the site's box."""
    return len(text) <= _MAX_LABEL_CHARS and _READER_BOX_RE.match(text) is not None


def is_teaser_prompt(text: str, *, linked: bool = True) -> bool:
    """A "Read more" / "Next article" line, or (when `linked`) a "Learn more" button: under a
    heading, it makes that heading a teaser's title. ("Zum Angebot" is none: it is the shop
    button under a product's own section.)"""
    return _TEASER_PROMPT_RE.match(text) is not None or (
        linked and _BUTTON_PROMPT_RE.match(text) is not None
    )


def is_relative_stamp(text: str) -> bool:
    """A short line ending on how long ago the post went up ("Jacobo Betancur Peláez |
    Publicado hace 3 horas", "Updated 5 hours ago"): the post's metadata, set as a heading
    too."""
    return len(text) <= _MAX_STAMP_LINE_CHARS and _RELATIVE_STAMP_RE.search(text) is not None


def is_dateline(text: str) -> bool:
    """A short line that is only a date or a time stamp ("Nov 15, 2019 5:45 AM"), or ends
    on how long ago the post went up ("… | Publicado hace 3 horas")."""
    if text.rstrip().endswith((".", "!", "?")):  # prose, the common case: no tokens taken
        return False
    if is_relative_stamp(text):
        return True
    tokens = _DATELINE_TOKEN_RE.findall(text)
    if not tokens or len(tokens) > 12:
        return False
    digits = sum(token.isdigit() for token in tokens)
    return digits >= 0.3 * len(tokens) and _YEAR_OR_TIME_RE.search(text) is not None


# Headings of the apparatus around an article, in the languages Skim meets: contents, notes,
# references, links, galleries, reviews, teaser boxes, author boxes, story navigation. Matched
# against the whole heading (decorations and a trailing colon aside).
# Headings over readers' comments in the languages Skim meets most: "3 Kommentare",
# "Kommentare (3)", "Schreibe einen Kommentar". (A box of the site's latest comments, "Neueste
# Kommentare", lists names and snippets, never claims: its text is left to the link check.)
_COMMENT_WORDS = (
    r"(?:kommentare?|commentaires?|comentarios?|comentários?|commenti|commento|reacties|reactie"
    r"|komentarz[ey]?|комментари[йяев]?|comments?|responses?|replies)"
)
_COMMENT_HEADINGS = (
    rf"\d+ {_COMMENT_WORDS}|{_COMMENT_WORDS}\s*\(\d+\)|(?:schreibe|schreiben sie) einen kommentar"
    r"|kommentar (?:schreiben|verfassen)|laisser un commentaire|deja un comentario"
    r"|deixe um comentário|lascia un commento|leave a (?:comment|reply)"
)
_APPARATUS_HEADINGS = (
    # English
    r"(?:table of )?contents|in this (?:article|story|post)|jump to|on this page|navigation"
    r"|menu|references?|notes?|footnotes|citations|sources?|bibliography|further reading"
    r"|notes and references|references and notes|notes and sources|sources and notes"
    # (a wiki's list of the works its subject appears in)
    r"|appearances"
    r"|external links|links|see also|works cited|gallery|(?:photo|image) gallery"
    r"|photos|images|videos?|reviews?|(?:customer |user )?reviews|add (?:a )?review"
    r"|write a review|ratings?|q ?& ?a|faqs?|recommends|recommendations?|more|more like this"
    r"|more to (?:read|explore)|keep reading|what to read next|up next|read this next"
    r"|you may (?:also )?(?:like|enjoy)|you might (?:also )?(?:like|enjoy)|also on .{1,40}"
    r"|(?:previous|next|older|newer)(?: story| post| article| entry)?|about (?:the )?authors?"
    r"|about us|author|authors?|written by .{1,60}|contributors?|share(?: this| on .{1,20})?"
    r"|categor(?:y|ies)|archives?|search|login|log in|sign in|register|contact(?: us)?"
    # ("Responses" heads comments; "Response" may head a part of the article.)
    r"|responses|\d+ responses?|replies|discussion|join the (?:discussion|conversation)"
    r"|stay (?:connected|informed|in touch)|get in touch|popular|latest|featured|sponsored"
    r"|partner content|from the web|around the web|elsewhere|trending now|what'?s hot"
    r"|featured (?:slide ?shows?|stories|posts|articles|videos)|similar (?:articles|posts|stories)"
    r"|(?:more )?related (?:stories|articles|posts|links|content|reading)|recent (?:slide ?shows"
    r"|posts|articles|stories|comments)|slide ?shows?|most popular\b.*|(?:next|previous) article"
    r"|more (?:on|about) this (?:topic|story)|additional (?:information|resources)|press release"
    r"|(?:videos? (?:&|and) )?(?:further|more|other|additional) resources"
    # German
    r"|inhalt(?:sverzeichnis)?|einzelnachweise|anmerkungen|fußnoten|quellen(?:nachweis)?"
    r"|literatur|weblinks|siehe auch|bildergalerie|galerie|fotos|bilder|kommentare?"
    r"|bewertungen|rezensionen|das könnte (?:sie|dich) auch interessieren|auch interessant"
    r"|mehr zum thema|weitere artikel|weiterlesen|lesen sie auch|ähnliche artikel"
    r"|über (?:den|die) autor(?:in)?|über (?:den|die) author(?:in)?|autor(?:in)?|teilen"
    r"|schlagwörter|kategorien"
    r"|verwandte (?:beiträge|artikel|themen)|neueste (?:artikel|beiträge|nachrichten)"
    r"|weitere (?:beiträge|artikel|nachrichten|themen)\b.*|mehr zu(?:m thema)?\b.*|vorschau\b.*"
    r"|nächste[rn]? (?:artikel|beitrag)|zusatzinformationen|pressemitteilung(?:en)?"
    # French
    r"|sommaire|table des matières|références|notes et références|bibliographie"
    r"|liens externes|voir aussi|à lire aussi|lire aussi|sur le même sujet"
    r"|vous (?:aimerez|pourriez aimer) aussi|commentaires?|avis|galerie|partager"
    r"|à propos de l'auteur|l'auteur"
    # Spanish, Portuguese, Italian
    r"|contenidos?|índice|referencias|notas|bibliografía|enlaces externos|véase también"
    r"|(?:notas|noticias|artículos|articulos) relacionad[oa]s|lea también|lee también"
    r"|te puede interesar|también te puede interesar|comentarios"
    r"|reseñas|opiniones|galería|compartir|sobre el autor|referências|notas e referências"
    r"|ligações externas|ver também|leia também|veja também|você pode gostar.*"
    r"|comentários|avaliações|galeria|compartilhe|sobre o autor|indice|riferimenti"
    r"|bibliografia|collegamenti esterni|voci correlate|vedi anche|leggi anche|commenti"
    r"|recensioni|galleria|condividi|note"
    # Dutch, Polish, Russian, Ukrainian
    r"|inhoud|referenties|bronnen|externe links|zie ook|lees ook|reacties|spis treści"
    r"|przypisy|bibliografia|linki zewnętrzne|zobacz też|komentarze|содержание|оглавление"
    r"|примечания|литература|ссылки|источники|см\.? также|смотрите также|читайте также"
    r"|похожие (?:статьи|новости|материалы)|комментари[ийя]|отзывы|добавить отзыв"
    r"|галерея|фото|об авторе|поделиться|примітки|джерела|посилання|коментарі"
    # Chinese, Japanese, Korean
    r"|目录|目錄|参考文献|參考文獻|参考资料|參考資料|外部链接|外部連結|相关条目|相關條目"
    r"|相关文章|相關文章|延伸阅读|延伸閱讀|评论|評論|留言|目次|脚注|出典|関連項目|外部リンク"
    r"|関連記事|コメント|목차|각주|참고 문헌|외부 링크|관련 기사|댓글"
    rf"|{_COMMENT_HEADINGS}"
)
_APPARATUS_HEADING_RE = re.compile(rf"^\W*(?:{_APPARATUS_HEADINGS})\W*$", re.IGNORECASE)


# The end matter among them: notes, references, links, comments and reviews run on to the
# next heading, however long their lines (a reference or a comment can be a paragraph).
_END_MATTER_HEADING_RE = re.compile(
    r"^\W*(?:notes?|footnotes|citations|references?|notes and references|sources?|bibliography"
    r"|references and notes|notes and sources|sources and notes"
    r"|works cited|further reading|external links|see also|comments?|\d+ comments?|responses"
    r"|\d+ responses?|reviews?|(?:customer |user )?reviews|einzelnachweise|anmerkungen|fußnoten"
    r"|quellen|literatur|weblinks|siehe auch|kommentare?|références|notes et références"
    r"|bibliographie|liens externes|voir aussi|commentaires?|referencias|notas|bibliografía"
    r"|enlaces externos|véase también|comentarios|referências|notas e referências"
    r"|ligações externas|ver também|comentários|riferimenti|bibliografia|collegamenti esterni"
    r"|vedi anche|commenti|примечания|литература|ссылки|источники|см\.? также|комментари[ийя]"
    r"|отзывы|参考文献|參考文獻|参考资料|參考資料|外部链接|外部連結|脚注|出典|外部リンク|각주"
    rf"|참고 문헌|외부 링크|{_COMMENT_HEADINGS})\W*$",
    re.IGNORECASE,
)


# A section's number before its heading's words: "17. References", "4.2 Notes", "IV. See also",
# "A. Bibliography" (a letter or a Roman numeral only with its full stop: "A Review" is words).
_SECTION_NUMBER_RE = re.compile(r"^\W*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+(?=\S)")


def _matches_unnumbered(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches `text`, as is or without a leading section number."""
    if pattern.match(text) is not None:
        return True
    number = _SECTION_NUMBER_RE.match(text)
    return number is not None and pattern.match(text[number.end() :]) is not None


def is_end_matter_heading(text: str) -> bool:
    """A heading of the matter after an article: notes, references, links, comments (numbered
    or not: "17. References")."""
    return _matches_unnumbered(_END_MATTER_HEADING_RE, text)


# The end matter that is the article's own text, its notes and references (extractors and
# readers keep them; links, "see also" and comments are the page's).
_REFERENCE_HEADING_RE = re.compile(
    r"^\W*(?:notes?|footnotes|citations|references?|notes and references|sources?|bibliography"
    r"|references and notes|notes and sources|sources and notes"
    r"|works cited|einzelnachweise|anmerkungen|fußnoten|quellen|literatur|références"
    r"|notes et références|bibliographie|referencias|notas|bibliografía|referências"
    r"|notas e referências|riferimenti|bibliografia|примечания|литература|источники|参考文献"
    r"|參考文獻|参考资料|參考資料|脚注|出典|각주|참고 문헌)\W*$",
    re.IGNORECASE,
)


def is_reference_heading(text: str) -> bool:
    """A heading of the article's notes or references (part of its text, not its prose)."""
    return _matches_unnumbered(_REFERENCE_HEADING_RE, text)


def is_boilerplate_heading(text: str) -> bool:
    """A heading that labels page furniture ("Also Read", "Related", "Advertisement"...) or the
    apparatus around an article ("Contents", "References", "See also", "Отзывы"...), or that is
    itself a furniture line ("Mire: <a teaser>", "Was this article helpful?")."""
    if _matches_unnumbered(_HEADING_RE, text) or _matches_unnumbered(_APPARATUS_HEADING_RE, text):
        return True
    return len(text) <= _MAX_LINE_CHARS and _LINE_RE.match(text) is not None


# Sentences that are page furniture, never a claim: share bars, pitches, cross-links, credits.
_SENTENCE_PATTERNS = (
    # Each pattern names the furniture, not the topic: an article about cookies, copyright or
    # a state-sponsored attack keeps its sentences.
    r"\bshare\s+(?:this|on|via)\b",
    r"\bsubscribe\s+(?:to|now|today|here|for)\b",
    r"\bnewsletter",
    r"\bsign\s+up\s+(?:for\s+(?:our|the|free|a\s+free)|to\s+(?:our|receive|get)|here|now|today)\b",
    r"\b(?:use|uses|using|accept|consent\s+to)\s+cookies\b",
    r"\bcookie\s+(?:policy|settings|preferences|consent)\b",
    r"\bclick\s+here\b",
    r"\bscroll\s+down\b",
    r"\bif\s+you\s+(?:enjoyed|liked|value|appreciate)\s+(?:this|our)\b",
    # Comment-moderation notices, in the languages of the corpus.
    r"\b(?:comments?|coment[aá]rios?|commentaires?|kommentare?)\b.{0,100}"
    r"(?:approv|aprovad|moderat|removed|deleted|reviewed|publicad|publié)",
    r"\balso\s+read\b",
    r"\bread\s+(?:more|also|next)\b",
    r"\bmain\s+articles?\s*:",
    r"\bsee\s+also\s*:",
    r"\bfurther\s+information\s*:",
    r"\brelated\s*:",
    r"^\W*advertisement\W*$",
    r"\badvertisement\s*[-–—:|]",
    r"\bstory\s+continues\s+below\b",
    r"^\W*sponsored\b",
    r"\bsponsored\s+(?:content|post|links?)\b",
    r"\ball\s+rights\s+reserved\b",
    r"\bcopyright\s*(?:©|\(c\)|\d{4})",
    r"©",
    r"\(c\)\s*\d{4}",
    r"\bfollow\s+us\b",
    r"\bjoin\s+(?:us|our)\s+(?:on|whatsapp|telegram|channel)\b",
    r"\bdownload\s+(?:the|our)\s+app\b",
    r"\bgetty\s+images\b",
    r"\bshutterstock\b",
    r"\bap\s+photo\b",
    r"\bafp\s+via\b",
    r"\breuters/",
    r"\bphoto\s*(?:credit)?\s*:",
    r"\bimage\s*(?:credit|source)?\s*:",
    r"\bpicture\s*:",
    r"\bfile\s+photo\b",
    r"\bcredit\s*:",
    r"^\W*(?:watch|listen)\s*:",
    r"\bdon't\s+miss\b",
    r"\brecommended\s+for\s+you\b",
    r"\bterms\s+of\s+(?:use|service)\b",
    r"\bwe\s+need\s+your\s+(?:financial\s+)?support\b",
    r"\bprivacy\s+policy\b",
    # The consent placeholder of an embedded video or post: "If you accept this notice, your
    # choice will be saved and the page will refresh.", "Mit dem Laden des Videos akzeptieren
    # Sie die Datenschutzerklärung von YouTube."
    r"\bif\s+you\s+accept\s+this\s+notice\b|\byour\s+choice\s+will\s+be\s+saved\b",
    r"\bby\s+accepting\s+you\s+will\b|\bprovided\s+by\s+an\s+external\s+third\s+party\b",
    # The reader told to write in the comments: "...please tell me about it in the comments
    # below.", "Schreibt mir in den Kommentaren..." (not an open thread's purpose: "...to give
    # blog readers an opportunity to raise questions (in the comments section below)")
    # ...and comments welcomed: "Ich freue mich über jeden ernst gemeinten Kommentar, ..."
    r"\b(?:ich\s+freue\s+mich|wir\s+freuen\s+uns)\s+(?:[\w-]+\s+){0,2}über\s+(?:jeden|jede|eure[nr]?"
    r"|deine[nr]?|ihre[nr]?|einen|viele|zahlreiche)\s+(?:[\w-]+\s+){0,3}(?:kommentare?|feedback"
    r"|rückmeldungen?)\b",
    # (The verb told to the reader: opening the sentence or a clause, after "please", or with
    # "me"/"us"; not a report's "did not tell reporters what he meant in the comments", "Ein
    # Nutzer schreibt in den Kommentaren, ...", "Viele Leser hinterlassen in den Kommentaren")
    r"(?:^\W*|\b(?:please|just|feel\s+free\s+to)\s+|[,;:(–—]\s*)(?:tell|ask|leave|write|post"
    r"|drop)\b[^.!?]{0,60}\bin\s+the\s+comments?\b",
    r"\b(?:let\s+(?:me|us)\s+know|(?:tell|ask|write)\s+(?:me|us))\b[^.!?]{0,60}\bin\s+the"
    r"\s+comments?\b",
    r"(?:^\W*|\b(?:gerne?|einfach|bitte|doch)\s+|[,;:(–—]\s*)(?:schreib(?:t|en\s+sie)?|lasst"
    r"|hinterlass(?:e|t|en\s+sie)?)\b[^.!?]{0,60}\bin\s+den\s+kommentaren\b",
    r"\bschreib(?:t|en\s+sie)?\s+(?:mir|uns)\b[^.!?]{0,60}\bin\s+den\s+kommentaren\b",
    r"\bmit\s+dem\s+laden\s+des\s+(?:videos|inhalts|tweets|beitrags|podcasts)\s+akzeptieren\b",
    r"\bihre\s+(?:auswahl|entscheidung)\s+wird\s+gespeichert\b",
    # A site's disclaimer on its contributors' views: "Namentlich gekennzeichnete Beiträge geben
    # immer die Meinung des Autors wieder", "The views expressed in this article are..."
    r"\bnamentlich\s+gekennzeichnete\s+(?:beiträge|artikel|texte)\b",
    r"\b(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|post|column|piece)|here(?:in)?"
    r"|by\s+(?:the\s+)?(?:authors?|contributors?|writers?|columnists?))\b",
    # A shop's buttons and their lines: "Add the ingredients to your basket", "In den Warenkorb".
    r"\badd\s+(?:[\w-]+\s+){0,3}to\s+(?:your|my)\s+(?:basket|cart|bag|wish\s?list)\b",
    r"\b(?:in\s+den|zum)\s+warenkorb\b|\bajouter\s+au\s+panier\b",
    r"\b(?:añadir|agregar)\s+al\s+carrito\b|\badicionar\s+ao\s+carrinho\b",
    # A button acting on the page itself: "Mit diesem Button kannst Du diese Podcast-Episode zu
    # einer Kurationsliste hinzufügen." (A device's button, "With this button the lens...",
    # acts on no page; nor "Seite", a device's side as often: "Der Knopf auf dieser Seite...")
    r"\b(?:button|knopf|schaltfläche|bouton|botón|botão)\b.{0,80}\b(?:this|diese[nmrs]?|cette"
    r"|cet|ce|esta|este)\s+(?:[\w-]*-)?(?:page|post|article|episode|artikel|beitrag"
    r"|episode|folge|épisode|página|artículo|episodio|episódio)\b",
    # A contact form's promise: "Nous vous répondrons dans les meilleurs délais."
    r"\b(?:we(?:'ll|\s+will)\s+(?:get\s+back\s+to|respond\s+to|reply\s+to|answer)\s+you"
    r"|nous\s+vous\s+r[ée]pondrons|wir\s+(?:melden\s+uns|antworten\s+(?:ihnen|dir|euch))"
    r"|(?:le|te|les)\s+responderemos)\b.{0,40}\b(?:as\s+soon\s+as\s+possible|shortly"
    r"|within\s+\d+|dans\s+les\s+(?:meilleurs|plus\s+brefs)\s+d[ée]lais|schnellstm[öo]glich"
    r"|so\s+schnell\s+wie\s+m[öo]glich|umgehend|innerhalb|lo\s+antes\s+posible"
    r"|a\s+la\s+brevedad|en\s+breve)",
    # The reader invited to answer the article: "Si vous souhaitez critiquer ou développer cet
    # article, vous êtes invité à proposer un texte...", "If you'd like to share this post, ..."
    r"\b(?:if\s+you(?:\s+would\s+like|'d\s+like|\s+want|\s+wish)\s+to|si\s+vous\s+(?:souhaitez"
    r"|voulez|désirez)|si\s+(?:desea|deseas|quiere|quieres)|se\s+(?:desejar|quiser))\b[^.!?]{0,60}"
    r"\b(?:this\s+(?:article|post)|cet\s+article|ce\s+texte|este\s+(?:artículo|artigo|texto))\b",
    # A sign-up form's confirmation: "Bitte bestätige den Link in dieser E-Mail innerhalb von
    # 24 Stunden, um deine Registrierung abzuschließen.", "Check your inbox to confirm your
    # subscription."
    # (The reader told to confirm, not news of a confirmation: "Die Polizei bestätigt die
    # Anmeldung...", "Lula confirma assinatura do acordo".)
    r"\b(?:bestätige|bestätigen\s+sie|confirm\s+your|confirmez|confirma\s+tu|confirme\s+su"
    r"|confirme\s+sua)\b[^.!?]{0,80}"
    r"\b(?:registrierung|anmeldung|abonnement|registration|subscription|sign-?up|inscription"
    r"|suscripción|inscrição)\b",
    # ...and its promise of mail: "Du erhältst von uns in Kürze eine E-Mail."
    r"\b(?:erhältst|erhalten|erhaltet|receive|recevrez|recibirás|recibirá|receberá)\s+(?:du\s+"
    r"|sie\s+|ihr\s+)?(?:von\s+uns|from\s+us|de\s+notre\s+part|de\s+nuestra\s+parte)\b"
    r"[^.!?]{0,30}\b(?:e-?mail|newsletter|correo)\b",
    # The reader asked to comment, share or subscribe: "...hinterlasse einfach hier einen
    # Kommentar oder teile unsere Beiträge auf Facebook", "...wenn Du sie abonnierst"
    r"(?:\b(?:hinterlasse|hinterlasst|hinterlassen\s+sie)|(?:^\W*|\bplease\s+|\bjust\s+"
    r"|\bfeel\s+free\s+to\s+|,\s*)leave)\s+(?:[\w.-]+\s+){0,6}?(?:einen"
    r"|a|your|us\s+a)\s+(?:kurzen\s+)?(?:kommentar|comment)\b",
    r"\b(?:teile|teilt|share|partagez|partage|comparte|compartilhe)\s+(?:unsere?[nmrs]?|our"
    r"|nos|notre|nuestr[oa]s?|noss[oa]s?)\s+[^.!?]{0,40}\b(?:auf|on|sur|en|no|na)\s+(?:facebook"
    r"|twitter|instagram|whatsapp|linkedin|pinterest|x)\b",
    r"\b(?:abonnierst|abonniert\s+ihr)\b",
    # A line ending on a web address is a credit or a pointer elsewhere, not a claim: "...in
    # Gladstone, NJ; www.usef.org.", "Eidgenössisches Departement für Umwelt
    # https://www.uvek.admin.ch/...", "...także w formie e-wydania na https://www.wsieciprawdy.pl/".
    r"(?:\bwww\.|\bhttps?://)\S+\W*$",
    # A teaser asking the reader along to more: "Du suchst noch mehr Highlights für den
    # November?", "Looking for more recipes?"
    r"^\W*(?:du\s+suchst|sie\s+suchen|ihr\s+sucht|(?:are\s+you\s+)?looking\s+for"
    r"|vous\s+cherchez|tu\s+cherches|buscas|(?:você\s+)?procura)\s+(?:noch\s+)?(?:mehr"
    r"|weitere|more|other|d'autres|plus\s+de|más|mais)\b[^.!?]{0,80}\?\W*$",
    # A blog's like button and its label, wherever a gallery's name runs into them: "Fotostrecke
    # Gefällt mir: Gefällt mir Wird geladen...", "Like this: Like Loading..." (the button's
    # "Loading" ends the line).
    r"\b(?:gefällt mir|like this|j'aime ceci|me gusta esto|mi piace)\s*:\s*(?:gefällt mir|like"
    r"|j'aime|me gusta|mi piace)\b|\b(?:gefällt mir|like|j'aime|me gusta|mi piace)\s+(?:wird"
    r"\s+geladen|loading|chargement|cargando|caricamento)\W*$",
)
# (Folded: in the lowered text, twice as fast as the IGNORECASE search.)
_SENTENCE = FoldedAlternation("|".join(_SENTENCE_PATTERNS), re.IGNORECASE)
# A photo credit closing a line: "(credit: NASA/Jude Guidry)", "(AP Photo/Evan Vucci)".
_CREDIT_TAIL_RE = re.compile(
    r"[(\[](?:(?:photo|image|picture|video|foto|bild)?\s*credits?\s*:|(?:photos?|images?|fotos?)"
    r"\s*(?:by|:)|[^()\[\]]{0,60}\b(?:photo|foto) (?:via|by|/)"
    r"|[^()\[\]]{0,60}\bv[ií]a (?:ap|afp|reuters|efe|epa|dpa|getty images)\b"
    r"|(?:ap|afp|reuters|epa|getty images"
    r"|shutterstock|dpa)(?: photo)?\s*/)[^()\[\]]{0,80}[)\]]\W*$",
    re.IGNORECASE,
)
_MAX_CAPTION_WORDS = 60


def is_caption_with_credit(text: str) -> bool:
    """A short line that ends with a photo credit: the caption of a picture."""
    return len(text.split()) <= _MAX_CAPTION_WORDS and _CREDIT_TAIL_RE.search(text) is not None


def is_boilerplate_sentence(sentence: str) -> bool:
    """True for share/subscribe/cookie/"Also Read"/credit/advertisement lines, never a claim."""
    return _SENTENCE.found(unify_apostrophes(sentence))


# A text cut off after a word with an ellipsis set apart by a space ("...der bundesweit …",
# "Weiterlesen …"): a teaser's blurb shortened to fit its box by a CMS. (Three dots set apart
# are some writers' dash: "stolen right out of her hotel room ...", and TMZ's every paragraph.)
_CUT_OFF_END = re.compile(r"[^\W\d_]\s+…\s*$")


def is_cut_off(text: str) -> bool:
    """The text ends cut off after a word with an ellipsis ("…") set apart by a space: a
    teaser's blurb, not a finished thought."""
    # (The search tries every letter of the text: most texts do not end on "…" at all.)
    return text.rstrip().endswith("…") and _CUT_OFF_END.search(text) is not None


# A sentence finished with its stop and then cut with an ellipsis glued to it ("...and may
# receive further discipline....", ".…"): where a paywall or a feed's excerpt stops the text,
# not the writer's ending (a writer's trailing "..." has three dots, or one "…"; six dots are
# the Chinese ellipsis "……" typed as ASCII: "重溫舊夢了......").
_CUT_AFTER_STOP = re.compile(r"\w(?:\.{4}|[.!?]…)[\"'”’»)]*\s*$")


def is_cut_after_stop(text: str) -> bool:
    """The text ends on a stop with an ellipsis glued to it: cut short by a paywall or an
    excerpt, not finished by its writer."""
    return _CUT_AFTER_STOP.search(text) is not None

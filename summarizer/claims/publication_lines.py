"""Lines that record the post rather than say anything: when and where it was published or
updated ("This article was published on 5 May 2021", "Der Artikel "…" wurde am 05.11.2021 in
der Kategorie Neuheiten veröffentlicht", "Publié le 3 mars", "Aggiornato il 12/04/2023").

The page's metadata, set as a sentence under the text or above it: never a claim.
"""

from __future__ import annotations

import re

from summarizer.alternation import FoldedAlternation

# A date as pages write it: "05.11.2021", "2021-11-05", "5/11/21", "5 May 2021", "May 5,
# 2021", "3 mars", "12. April", "le 3 mars 2021"; or a bare year after a month's name.
_MONTHS = (
    r"jan(?:uary|uar|vier|eiro|naio)?|feb(?:ruary|ruar)?|févr(?:ier)?|febrero|fevereiro|febbraio"
    r"|mar(?:ch|s|zo|ço)?|märz|apr(?:il|ile)?|avril|abril|ma[iy]|mai|mayo|maio|maggio"
    r"|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?|juillet|luglio|aug(?:ust)?|août|agosto"
    r"|sep(?:t|tember|tembre|tiembre|tembro)?|settembre|oct(?:ober|obre|ubre)?|okt(?:ober)?"
    r"|outubro|ottobre|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|dez(?:ember|embro)?"
    r"|déc(?:embre)?|diciembre|dicembre"
)
_DATE = (
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.?\s+(?:de\s+)?(?:" + _MONTHS + r")\b"
    r"|(?:" + _MONTHS + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|(?:" + _MONTHS + r")\s+\d{4}\b)"
)
# A weekday before a date, or nothing: "Monday, November 18th", "Dienstag, 5. Mai".
_WEEKDAY = (
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|"
)
# The post, named by itself: "This article", "Der Artikel "…"", "Dieser Beitrag", "Cet
# article", "Este artículo", "Questo articolo".
_THE_POST = (
    r"(?:this|the) (?:article|post|story|piece|entry|page)|(?:der|dieser) (?:artikel|beitrag"
    r"|text|eintrag)|(?:cet|l') ?article|(?:este|el|o|esta|a) (?:artículo|artigo|entrada"
    r"|nota|matéria|publicação)|(?:questo|l') ?articolo|(?:dit|het|deze) (?:artikel|bericht)"
)
# A verb of publishing or updating, in the languages Skim meets most.
_PUBLISHED = (
    r"(?:first |originally )?(?:published|posted|updated|written)|veröffentlicht|aktualisiert"
    r"|erschienen|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato"
    r"|gepubliceerd|bijgewerkt"
)
_PUBLICATION_LINE = FoldedAlternation(
    # "This article was published on…", "Der Artikel "…" wurde am 05.11.2021 … veröffentlicht"
    rf"^\W*(?:{_THE_POST})\b[^.!?]{{0,120}}?\b{_DATE}[^.!?]{{0,160}}\b(?:{_PUBLISHED})\b"
    rf"|^\W*(?:{_THE_POST})\b[^.!?]{{0,40}}?\b(?:{_PUBLISHED})\b[^.!?]{{0,40}}?\b{_DATE}"
    # "Published on 5 May 2021", "Veröffentlicht am 05.11.2021", "Publié le 3 mars",
    # "Aggiornato il 12/04/2023", "Last updated: May 5, 2021"
    rf"|^\W*(?:last |zuletzt |dernière )?(?:{_PUBLISHED}|mise à jour|letzte aktualisierung"
    rf"|last update|erstveröffentlichung)\b\s*(?:on|at|in|am|um|le|el|em|il|op|:)?\s*{_DATE}",
    re.IGNORECASE,
)


# A byline with the date: "By Matthew Digby, Minh Do on Monday, November 18th, 2019 at 11:08
# a.m.", "Von Anna Muster am 5. Mai 2021", "Par Jean Dupont le 3 mars 2021": capitalised names
# (not "By law, the council meets on Monday, May 5."), then the day, its year and its time,
# maybe its time zone and one "| Updated ..." part, and nothing more (not "By Christmas on
# December 25 the shops were empty.").
_NAME = r"[A-ZÀ-ÖØ-Þ][\w.'’-]*"
_TIME = r"(?:at|um|à|a las)\s+\d{1,2}(?:[:.h]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|uhr|h)?"
_DATED_BYLINE = re.compile(
    rf"^\W*(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s+{_NAME}(?:(?:,\s*|\s+(?:and|und|et|y|&)\s+|\s+){_NAME})*"
    rf"\s+(?:on|am|le|el)\s+(?:(?i:{_WEEKDAY}),?\s*)(?i:{_DATE})"
    rf"(?:,?\s*\d{{4}})?(?:,?\s*(?i:{_TIME}))?(?:\s+[A-Z]{{2,4}})?(?:\s*[|·]\s*[^|·]{{0,80}})?\W*$"
)


def is_publication_line(sentence: str) -> bool:
    """A line recording when the post was published or updated (with a date), or a byline
    with the date: metadata set as a sentence, never a claim."""
    return _PUBLICATION_LINE.found(sentence) or _DATED_BYLINE.search(sentence) is not None

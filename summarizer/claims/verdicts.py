"""Whether a page is a fact-check, and whether a sentence is its verdict: the rating it gives
the claim it checked.

A fact-check's point is its verdict ("We rate the statement Mostly True.", "The claim is
false.", "Wir bewerten die Behauptung als falsch."): the text before it sets out the claim and
weighs the evidence, so the verdict is what a reader of the card must see, though it sits at
the end of its section and ranks low there. News and reviews use the same words for other
things ("A spokesman said the allegations were false.", "Die Darstellung ist richtig
scharf."), so a verdict is looked for only on a page that says it checks a claim
(`names_a_fact_check`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.text import unify_apostrophes

# What may stand between a verdict's verb and its rating ("mostly false", "therefore false").
_QUALIFIER = (
    r"(?:(?:mostly|partly|partially|largely|half|mainly|simply|therefore|thus|also|clearly"
    r"|größtenteils|teilweise|überwiegend|damit|somit|eindeutig|parcialmente|en gran parte"
    r"|principalmente|partiellement|en partie)[ -])?"
)
# The ratings fact-checkers give, in the languages of the corpus.
_RATINGS = (
    r"(?:true|false|untrue|misleading|wrong|incorrect|inaccurate|accurate|correct|baseless"
    r"|unfounded|unsupported|unproven|fabricated|exaggerated|pants on fire"
    r"|falsch|irreführend|richtig|zutreffend|unbelegt|haltlos|frei erfunden|unwahr"
    r"|falsa|falso|engañosa|engañoso|verdadera|verdadero|cierta|cierto|imprecisa|impreciso"
    r"|enganosa|enganoso|verdadeira|verdadeiro|fausse|faux|trompeuse|trompeur|vraie|vrai|exacte"
    r"|inexacte|infondée)"
)
# ...maybe negated ("The claim is not true."), and ending its clause: a verdict says the
# rating and stops, where "richtig scharf" ("really sharp") or "false for a phone" goes on.
_RATED = rf"(?:not |nicht |no )?{_QUALIFIER}{_RATINGS}(?=\s*(?:[.,;:!?)\"”»]|$))"
# What a fact-check says a verdict on: the claim it checked...
_CLAIM = (
    r"(?:claim|statement|assertion|allegation|rumou?r|behauptung|aussage|darstellung"
    r"|afirmación|declaración|afirmação|declaração|alegação|affirmation|déclaration"
    r"|allégation)s?"
)
# ...or the post that made it.
_CHECKED = rf"(?:{_CLAIM}|(?:post|video|image|photo|meme|beitrag|publicación|publicação)s?)"
# A claim named as the subject of the sentence ("The claim is false.", "So, this statement
# is..."): at its start, or after a connective or an opening set off by a comma, so that a
# claim someone else judges ("A spokesman said the allegations were false.", "Whether the
# claim is true is for the courts...") is no verdict. (`l'` takes no space after it.)
_CLAIM_SUBJECT = (
    r"^\W*(?:(?:so|thus|therefore|also|damit|somit|daher|así que|por lo tanto|portanto|donc"
    r"|ainsi)\b,?\s+|[^\s,.!?;:]+(?:\s[^\s,.!?;:]+){0,3},\s+)?"
    rf"(?:l'|(?:the|this|that|his|her|their|such|die|diese|la|esta|a|cette) ){_CLAIM}"
    rf" (?:is|was|are|were|ist|war|sind|es|é|est) {_RATED}"
)
_VERDICT_RE = re.compile(
    # "We rate the statement Mostly True.", "So we rated it False." (not "We rated the hotel
    # five stars", "We rate the video recording of this phone highly": no rating ends it)
    rf"\bwe (?:rate|rated) (?:the|this|that|these|those|it|his|her|their|its)\b[^.!?]{{0,60}}?"
    rf"\b{_RATED}"
    # "We find the claim to be false."
    rf"|\bwe (?:find|found|consider|judge) (?:the|this|that|his|her|their|its|such) (?:\w+ ){{0,2}}"
    rf"{_CHECKED} (?:to be |as )?{_RATED}"
    # "The claim is untrue.", "Diese Behauptung ist falsch."
    rf"|{_CLAIM_SUBJECT}"
    # "Wir bewerten die Behauptung als falsch.", "Calificamos esta afirmación como falsa.",
    # "Classificamos a declaração como enganosa.", "Nous qualifions cette affirmation de fausse."
    # (not "Wir bewerten jeden Beitrag nach seiner Qualität.": the rating follows the claim)
    r"|\b(?:wir bewerten|bewerten wir|calificamos|classificamos|nous (?:qualifions|jugeons"
    rf"|considérons)) (?:\w+ ){{0,3}}{_CHECKED} (?:als |como |comme |de |d')?{_RATED}",
    re.IGNORECASE,
)

# ...and no one else's judgement the sentence reports after it: "The statement is correct,
# the ministry said.", "His statement was accurate, according to the data.", "Die Aussage
# ist falsch, sagte der Sprecher." (the publisher's own rating credits no one).
_REPORTED_AFTER = re.compile(
    r"[\"”»’]?\s*,\s*[\"”»’]?\s*(?:[\w'’.-]+\s+){0,4}?"
    r"(?:said|says|say|told|added|insisted|claimed|claims|argued|noted|stated|wrote|according"
    r"|sagte|sagt|sagten|erklärte|erklärt|betonte|teilte|hieß es|so (?:der|die|das|ein|eine)\b"
    r"|laut|zufolge|dijo|afirmó|según|disse|afirmou|segundo|a déclaré|a dit|selon|affirme)\b",
    re.IGNORECASE,
)

# The check, named: "Fact check", "Faktencheck", and a fact-checker's own labels.
_CHECK_NAME = r"(?:fact[- ]?check(?:ing)?|faktencheck|faktenscheck)"
# A subheading that names a fact-check's ruling or the check itself ("Our ruling", "Fact
# check", "Faktencheck"): not "Verdict", "Fazit" or "Bewertung", which reviews use as often.
# Or a rating label: the rating, after a label that says it is one ("Rating: False", "Our
# rating: Mostly true", "Bewertung: Falsch"): a review's "Verdict: Buy it" rates no claim.
_FACT_CHECK_HEADING = re.compile(
    rf"^[\W\d_]*(?:our ruling|{_CHECK_NAME}"
    rf"|(?:(?:our|the) )?(?:rating|verdict|ruling|bewertung|urteil|veredicto|calificación"
    rf"|classificação) ?[:–—-] ?{_RATED})[\W\d_]*$",
    re.IGNORECASE,
)
# A headline that declares the check: the check's name as its label, before a colon, a bar or
# a dash ("Fact check: ...", "FAKTENCHECK | ...", "Fact-check – ...") or after a bar or a dash
# ending it ("... | Fact Check", "... – Faktencheck"), or the question it puts
# ("True or false? ..."). A headline that mentions fact-checking ("How fact-checkers work",
# "Facebook expands its fact-check program") reports on it, and checks no claim itself.
_FACT_CHECK_TITLE = re.compile(
    rf"^\W*{_CHECK_NAME}s?\s*[:|｜–—-]|\s[|｜–—-]\s*{_CHECK_NAME}\W*$"
    r"|^\W*(?:true or false|wahr oder falsch|verdadero o falso|verdade ou mentira|vrai ou faux)"
    r"\s*[?:]",
    re.IGNORECASE,
)


def names_a_fact_check(title: str, headings: Iterable[str]) -> bool:
    """The page says it checks a claim: its headline names the check, or a subheading names
    the check or its ruling (see the module doc)."""
    return _FACT_CHECK_TITLE.search(title) is not None or any(
        _FACT_CHECK_HEADING.match(heading) for heading in headings
    )


def states_a_verdict(sentence: str) -> bool:
    """The sentence gives a fact-check's rating of the claim it checked (see module doc)."""
    text = unify_apostrophes(sentence)
    return any(
        _REPORTED_AFTER.match(text, found.end()) is None for found in _VERDICT_RE.finditer(text)
    )

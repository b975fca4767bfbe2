"""Whether a sentence is a fact-check's verdict: the rating it gives the claim it checked.

A fact-check's point is its verdict ("We rate the statement Mostly True.", "The claim is
false.", "Wir bewerten die Behauptung als falsch."): the text before it sets out the claim and
weighs the evidence, so the verdict is what a reader of the card must see, though it sits at
the end of its section and ranks low there.
"""

from __future__ import annotations

import re

from summarizer.text import unify_apostrophes

# The ratings fact-checkers give, in the languages of the corpus (with "mostly", "partly"...).
_DEGREE = (
    r"(?:(?:mostly|partly|partially|largely|half|mainly|simply|therefore|thus|also|clearly"
    r"|größtenteils|teilweise|überwiegend|damit|also|somit|eindeutig|parcialmente|en gran parte"
    r"|principalmente|partiellement|en partie)[ -])?"
)
_RATINGS = (
    r"(?:true|false|untrue|misleading|wrong|incorrect|inaccurate|accurate|correct|baseless"
    r"|unfounded|unsupported|unproven|fabricated|exaggerated|pants on fire"
    r"|falsch|irreführend|richtig|zutreffend|unbelegt|haltlos|frei erfunden|unwahr"
    r"|falsa|falso|engañosa|engañoso|verdadera|verdadero|cierta|cierto|imprecisa|impreciso"
    r"|enganosa|enganoso|verdadeira|verdadeiro|fausse|faux|trompeuse|trompeur|vraie|vrai|exacte"
    r"|inexacte|infondée)"
)
# What a fact-check says a verdict on: the claim it checked...
_CLAIM = (
    r"(?:claim|statement|assertion|allegation|rumou?r|behauptung|aussage|darstellung"
    r"|afirmación|declaración|afirmação|declaração|alegação|affirmation|déclaration"
    r"|allégation)s?"
)
# ...or the post that made it.
_CHECKED = rf"(?:{_CLAIM}|(?:post|video|image|photo|meme|beitrag|publicación|publicação)s?)"
_VERDICT_RE = re.compile(
    # "We rate the statement Mostly True.", "So we rated it False." (not "We rated the hotel
    # five stars": a rating or the checked claim follows)
    rf"\bwe (?:rate|rated) (?:the|this|that|these|those|it|his|her|their|its)\b[^.!?]{{0,60}}"
    rf"\b(?:{_RATINGS}|{_CHECKED})\b"
    # "We find the claim to be false.", "The claim is untrue.", "Diese Behauptung ist falsch."
    rf"|\bwe (?:find|found|consider|judge) (?:the|this|that|his|her|their|its|such) (?:\w+ ){{0,2}}"
    rf"{_CHECKED} (?:to be |as )?{_DEGREE}{_RATINGS}\b"
    rf"|\b(?:the|this|that|his|her|their|such|die|diese|la|esta|a|cette|l') ?{_CLAIM} (?:is|was"
    rf"|are|were|ist|war|sind|es|é|est) {_DEGREE}{_RATINGS}\b"
    # "Wir bewerten die Behauptung als falsch.", "Calificamos esta afirmación como falsa.",
    # "Classificamos a declaração como enganosa.", "Nous qualifions cette affirmation de fausse."
    r"|\b(?:wir bewerten|bewerten wir|calificamos|classificamos|nous (?:qualifions|jugeons"
    rf"|considérons)) (?:\w+ ){{0,3}}{_CHECKED}\b",
    re.IGNORECASE,
)


def states_a_verdict(sentence: str) -> bool:
    """The sentence gives a fact-check's rating of the claim it checked (see module doc)."""
    return _VERDICT_RE.search(unify_apostrophes(sentence)) is not None

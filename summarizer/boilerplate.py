"""Lines and headings that belong to the page's furniture, not to the article."""

from __future__ import annotations

import re

# A short paragraph starting like this is a teaser, a credit or a call to action.
_LINE_STARTS = [
    r"also read|read also|read more|read next|more from",
    r"related(?: articles?| stories| posts?| content| coverage| reading| news)?\s*[:|\-–—]",
    r"recommended(?: for you| reading)?\s*[:|\-–—]|see also\s*:",
    r"advertisement\b|sponsored\b|subscribe\b|sign up\b|click here\b|follow us\b",
    r"share (?:this|on)\b|tweet this\b|photo\s*:|photos?\s*(?:by|credit)\b",
    r"image\s*:|images?\s*(?:by|credit)\b|credit\s*:|getty images\b",
    r"©|\(c\)\s|copyright\b|all rights reserved\b|tags?\s*:|topics?\s*:|filed under\b",
    r"tags?\s+[^.]*,[^.]*,[^.]*$",  # "Tags calendario, stock car, ..." without a colon
    r"don'?t miss\b|must read\b|you (?:may|might) also like\b|watch\s*:|listen\s*:",
    r"continue reading\b|loading\b|like loading\b|read the full\b",
    r"this (?:article|story) (?:was )?originally appeared",
    r"join our\b|get the latest\b|download (?:the|our) app\b|start your day with\b",
    r"comments?\W*$|\d+ comments?\W*$|previous (?:post|article)\b|next (?:post|article)\b",
    r"citation\s*:|cite this\b|if you (?:enjoyed|liked|value|appreciate)\b",
    r"support (?:us|our)\b|support \w+ (?:so|and|to)\b",
    r"get (?:breaking|our|the) [\w ]*(?:alerts|newsletter|emails?)\b",
    r"(?:the )?(?:news|stories) (?:and stories )?that matters?,? delivered\b",
]
_LINE_RE = re.compile(r"^\W*(?:" + "|".join(_LINE_STARTS) + ")", re.IGNORECASE)
# Appeals to the reader: furniture however long they run.
_APPEAL_RE = re.compile(
    r"^\W*(?:if you (?:enjoyed|liked|value|appreciate) (?:this|our|reading)\b"
    r"|(?:please )?(?:support|subscribe to) (?:us|our journalism|independent journalism)\b)",
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
    r"|.*\b(?:newsletters?|e-?mails?|alerts|donate|support us|a word to our (?:loyal )?readers)\b.*"
    r"|share on .*)\W*$",
    re.IGNORECASE,
)
_MAX_LINE_CHARS = 240
_DATELINE_TOKEN_RE = re.compile(r"\w+")
_YEAR_OR_TIME_RE = re.compile(r"\b(?:1[89]\d\d|20\d\d)|\d{1,2}:\d\d")


def is_boilerplate_line(text: str) -> bool:
    """A short paragraph that is a teaser, credit, share prompt or similar; or an appeal to
    the reader ("If you enjoyed this article...") of any length."""
    if _APPEAL_RE.match(text):
        return True
    return len(text) <= _MAX_LINE_CHARS and _LINE_RE.match(text) is not None


def is_dateline(text: str) -> bool:
    """A short line that is only a date or a time stamp ("Nov 15, 2019 5:45 AM")."""
    tokens = _DATELINE_TOKEN_RE.findall(text)
    if not tokens or len(tokens) > 12 or text.rstrip().endswith((".", "!", "?")):
        return False
    digits = sum(token.isdigit() for token in tokens)
    return digits >= 0.3 * len(tokens) and _YEAR_OR_TIME_RE.search(text) is not None


def is_boilerplate_heading(text: str) -> bool:
    """A heading that labels page furniture ("Also Read", "Related", "Advertisement"...)."""
    return _HEADING_RE.match(text) is not None

"""Section -> key claims: verbatim sentences picked by position, centrality and headline overlap.

Every sentence of the article is scored once by a biased LexRank: a random walk over the
cosine-similarity graph of sparse TF-IDF sentence vectors (centrality) that keeps jumping back
to a prior made of the sentence's position and its overlap with the headline and with its
section's subheading. Each section then takes its best sentences, skipping boilerplate,
fragments, captions and near-duplicates of claims already taken, and returns them in article
order. Pure Python: about 300 sentences rank in a few hundredths of a second.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.article import SectionText
from summarizer.sentences import split_sentences

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ClaimSettings:
    """How many claims each section gets."""

    claims_per_section: int = 1
    long_section_claims: int = 2
    # About four news paragraphs or two phone screens: beyond this a section usually makes
    # more than one point, and one sentence no longer stands for it.
    long_section_words: int = 400
    # An article without subheadings is one section; three claims summarise it (the CNN/DM
    # highlight count).
    headingless_claims: int = 3


DEFAULT_CLAIM_SETTINGS = ClaimSettings()

# Scoring (tuned on the dev halves of ../shared/summaries with benchmarks/summaries_eval.py).
# A sentence's prior is its position (1 + index) ** -POSITION_DECAY, taken half within its
# section (news puts the point first) and half within its paragraph (topic sentences), plus
# the share of the headline's and of the subheading's terms it contains.
POSITION_DECAY = 1.0
SECTION_POSITION_SHARE = 0.5
HEADLINE_WEIGHT = 1.0
HEADING_WEIGHT = 0.25
# The score is a biased LexRank: a random walk over the sentence-similarity graph that jumps
# back to the prior with probability 1 - CENTRALITY_SHARE. At 0 it would be the prior alone
# (Lead-like, weak under subheadings), near 1 pure LexRank (weak on news leads).
CENTRALITY_SHARE = 0.2
# A headline this long that opens a body sentence was made from the body, not written for it.
MIN_HEADLINE_FROM_BODY_CHARS = 20
# A sentence shorter than this (in words; CJK characters count half) is a fragment, not a claim.
MIN_CLAIM_WORDS = 6
# A "sentence" longer than this is usually several run together (captions glued to the text,
# a list without stops): a poor claim, taken only when nothing else exists.
MAX_CLAIM_WORDS = 50
# Claims whose term sets overlap at least this much (Jaccard) say the same thing.
NEAR_DUPLICATE_JACCARD = 0.5
# LexRank's power iteration is O(n²); beyond this many sentences, centrality is the (O(n·k))
# cosine to the article's centroid instead.
MAX_LEXRANK_SENTENCES = 300
LEXRANK_MAX_ITERATIONS = 40
LEXRANK_TOLERANCE = 1e-9

_STOPWORD_LIST = """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
    i'm i've if in into is isn't it it's its itself just let's like made make many may me might
    more most much must mustn't my myself new no nor not now of off on once one only or other
    ought our ours ourselves out over own said same say says shan't she she'd she'll she's should
    shouldn't since so some still such than that that's the their theirs them themselves then
    there there's these they they'd they'll they're they've this those though through to too
    two under until up upon us very was wasn't we we'd we'll we're we've were weren't what
    what's when when's where where's whether which while who who's whom why why's will with
    within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
    yourselves get got also however even back well way according per via mr mrs ms s t
"""
# English function words: they carry no topic, so they neither link sentences nor make tags.
STOPWORDS = frozenset(_STOPWORD_LIST.split())

# Word characters: \w plus the combining marks of Indic and South-East Asian scripts, which
# \w does not match (the danda । and double danda ॥ are punctuation and stay out).
_WORD = re.compile(
    r"[\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]+"
)
# Scripts written without spaces: a run of these becomes overlapping character bigrams.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]+"
)
# A finished sentence ends with a stop, maybe followed by closing quotes, brackets or a
# citation mark ("...policy.[91]"); captions and list labels usually do not.
_SENTENCE_END = re.compile(r"[.!?…。！？।॥][\s\"'”’»)\]\d\[]*$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})

# Lines that are page furniture, never a claim: share bars, pitches, cross-links, credits.
_BOILERPLATE_PATTERNS = (
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
    r"\bprivacy\s+policy\b",
)
_BOILERPLATE = re.compile("|".join(_BOILERPLATE_PATTERNS), re.IGNORECASE)


def is_boilerplate(sentence: str) -> bool:
    """True for share/subscribe/cookie/"Also Read"/credit/advertisement lines, never a claim."""
    return _BOILERPLATE.search(sentence.translate(_APOSTROPHES)) is not None


def _stem(word: str) -> str:
    """A light English suffix strip so that "threat" and "threats" meet; other words pass."""
    if not word.isascii() or len(word) <= 4:
        return word
    for suffix, replacement in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def terms(text: str) -> list[str]:
    """Content terms of `text`: lower-cased, stopwords out, lightly stemmed; CJK/Thai as bigrams."""
    found: list[str] = []
    for word in _WORD.findall(text.translate(_APOSTROPHES).lower()):
        if _UNSPACED.search(word):
            found.extend(_unspaced_terms(word))
        elif word not in STOPWORDS and (len(word) > 1 or not word.isascii()):
            found.append(_stem(word))
    return found


def _unspaced_terms(word: str) -> list[str]:
    """Character bigrams of the unspaced runs in `word`, other runs as plain words."""
    found: list[str] = []
    position = 0
    for run in _UNSPACED.finditer(word):
        if run.start() > position:
            found.append(word[position : run.start()])
        chars = run.group(0)
        found.extend(
            [chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)]
        )
        position = run.end()
    if position < len(word):
        found.append(word[position:])
    return found


def claim_size(sentence: str) -> float:
    """Length in words, counting two characters of an unspaced script (CJK, Thai) as a word."""
    unspaced = sum(len(run) for run in _UNSPACED.findall(sentence))
    spaced_words = len(_UNSPACED.sub(" ", sentence).split())
    return spaced_words + unspaced / 2


@dataclass(slots=True)
class _Sentence:
    """One candidate claim with where it sits and what it is about."""

    text: str
    section: int
    index_in_section: int
    index_in_paragraph: int
    terms: Counter[str]
    score: float = 0.0


def pick_claims(
    title: str,
    sections: Sequence[SectionText],
    language: str | None = None,
    settings: ClaimSettings = DEFAULT_CLAIM_SETTINGS,
) -> list[list[str]]:
    """For each section in order, its claims: verbatim sentences of that section, in order."""
    sentences = _article_sentences(sections, language)
    if not sentences:
        return [[] for _ in sections]
    _score(sentences, title, sections)
    by_section: dict[int, list[_Sentence]] = defaultdict(list)
    for sentence in sentences:
        by_section[sentence.section].append(sentence)
    headingless = len(sections) == 1 and not sections[0].heading
    chosen_terms: list[set[str]] = []
    claims: list[list[str]] = []
    for index, section in enumerate(sections):
        wanted = _claim_count(section, headingless, settings)
        picked = _pick_from_section(by_section.get(index, []), wanted, chosen_terms)
        claims.append([sentence.text for sentence in picked])
    return claims


def _claim_count(section: SectionText, headingless: bool, settings: ClaimSettings) -> int:
    """How many claims this section deserves under `settings`."""
    if headingless:
        return settings.headingless_claims
    if section.word_count >= settings.long_section_words:
        return settings.long_section_claims
    return settings.claims_per_section


def _article_sentences(sections: Sequence[SectionText], language: str | None) -> list[_Sentence]:
    """Every sentence of every section, in article order."""
    sentences: list[_Sentence] = []
    for section_index, section in enumerate(sections):
        index_in_section = 0
        for paragraph in section.paragraphs:
            for index_in_paragraph, text in enumerate(split_sentences(paragraph, language)):
                sentences.append(
                    _Sentence(
                        text,
                        section_index,
                        index_in_section,
                        index_in_paragraph,
                        Counter(terms(text)),
                    )
                )
                index_in_section += 1
    return sentences


def _score(sentences: list[_Sentence], title: str, sections: Sequence[SectionText]) -> None:
    """Set each sentence's score: centrality biased towards position and headline overlap."""
    # Only terms the text can match count: "the whole trick" in "Browns are the whole trick"
    # never occurs in the section, so a sentence about browns covers the whole subheading.
    section_terms: list[set[str]] = [set() for _ in sections]
    for sentence in sentences:
        section_terms[sentence.section].update(sentence.terms)
    article_terms = set().union(*section_terms)
    headline_terms = set() if _headline_from_body(title, sentences) else set(terms(title))
    headline_terms &= article_terms
    heading_terms = [
        set(terms(section.heading or "")) & present
        for section, present in zip(sections, section_terms, strict=True)
    ]
    prior = [
        _position(sentence)
        + HEADLINE_WEIGHT * _coverage(headline_terms, sentence.terms)
        + HEADING_WEIGHT * _coverage(heading_terms[sentence.section], sentence.terms)
        for sentence in sentences
    ]
    scores = _biased_centrality([sentence.terms for sentence in sentences], prior)
    for sentence, score in zip(sentences, scores, strict=True):
        sentence.score = score


def _headline_from_body(title: str, sentences: Sequence[_Sentence]) -> bool:
    """True when the "headline" is the opening of a body sentence (a page without one gets
    its first sentence as title): overlap with it would only reward repeating that sentence."""
    headline = " ".join(title.split())
    truncated = headline.endswith(("…", "..."))
    opening = headline.rstrip("…. ") if truncated else headline
    if len(opening) < MIN_HEADLINE_FROM_BODY_CHARS:
        return False
    texts = [" ".join(sentence.text.split()) for sentence in sentences]
    if truncated:
        # A cut-off headline may run over several sentences of the body.
        return opening in " ".join(texts)
    return headline in texts


def _position(sentence: _Sentence) -> float:
    """Position prior in (0, 1]: early in the section and early in the paragraph."""
    in_section: float = (1.0 + sentence.index_in_section) ** -POSITION_DECAY
    in_paragraph: float = (1.0 + sentence.index_in_paragraph) ** -POSITION_DECAY
    return SECTION_POSITION_SHARE * in_section + (1 - SECTION_POSITION_SHARE) * in_paragraph


def _coverage(wanted: set[str], found: Counter[str]) -> float:
    """Share of `wanted` terms present in `found` (0 when nothing is wanted)."""
    if not wanted:
        return 0.0
    return sum(1 for term in wanted if term in found) / len(wanted)


def _tfidf_vectors(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    """Unit-length TF-IDF vectors, sentences as documents."""
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    count = len(bags)
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vector = {
            term: (1.0 + math.log(tf)) * math.log((1.0 + count) / document_frequency[term])
            for term, tf in bag.items()
        }
        norm = math.sqrt(sum(weight * weight for weight in vector.values()))
        vectors.append({t: w / norm for t, w in vector.items()} if norm else {})
    return vectors


def _biased_centrality(bags: Sequence[Counter[str]], prior: Sequence[float]) -> list[float]:
    """Biased LexRank scores (sum 1); the centroid cosine stands in for the walk when long."""
    vectors = _tfidf_vectors(bags)
    teleport = _normalised(prior)
    if len(vectors) > MAX_LEXRANK_SENTENCES:
        central = _normalised(_centroid_similarity(vectors))
        return [
            (1 - CENTRALITY_SHARE) * t + CENTRALITY_SHARE * c
            for t, c in zip(teleport, central, strict=True)
        ]
    return _lexrank(vectors, teleport)


def _normalised(values: Sequence[float]) -> list[float]:
    """`values` scaled to sum 1 (uniform when they sum to 0)."""
    total = sum(values)
    if total <= 0:
        return [1.0 / len(values)] * len(values)
    return [value / total for value in values]


def _similarities(vectors: Sequence[dict[str, float]]) -> list[dict[int, float]]:
    """Sparse cosine similarities between sentences that share a term (self excluded)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term in vector:
            postings[term].append(index)
    similarity: list[dict[int, float]] = [defaultdict(float) for _ in vectors]
    for index, vector in enumerate(vectors):
        row = similarity[index]
        for term, weight in vector.items():
            for other in postings[term]:
                if other != index:
                    row[other] += weight * vectors[other][term]
    return similarity


def _lexrank(vectors: Sequence[dict[str, float]], teleport: Sequence[float]) -> list[float]:
    """Biased continuous LexRank: PageRank on the cosine graph, jumping by `teleport`."""
    count = len(vectors)
    similarity = _similarities(vectors)
    row_sums = [sum(row.values()) for row in similarity]
    rank = list(teleport)
    for _ in range(LEXRANK_MAX_ITERATIONS):
        incoming = [0.0] * count
        stranded = 0.0
        for index, row in enumerate(similarity):
            if row_sums[index] == 0:
                # A sentence sharing no term with any other hands its rank back to the prior.
                stranded += rank[index]
                continue
            share = rank[index] / row_sums[index]
            for other, weight in row.items():
                incoming[other] += share * weight
        if stranded:
            incoming = [
                walk + stranded * jump for walk, jump in zip(incoming, teleport, strict=True)
            ]
        updated = [
            (1 - CENTRALITY_SHARE) * jump + CENTRALITY_SHARE * walk
            for jump, walk in zip(teleport, incoming, strict=True)
        ]
        change = sum(abs(new - old) for new, old in zip(updated, rank, strict=True))
        rank = updated
        # Each step shrinks the error by CENTRALITY_SHARE: a dozen steps reach this tolerance.
        if change < LEXRANK_TOLERANCE:
            break
    return rank


def _centroid_similarity(vectors: Sequence[dict[str, float]]) -> list[float]:
    """Cosine of each sentence to the article's centroid vector (MEAD-style centrality)."""
    centroid: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, weight in vector.items():
            centroid[term] += weight
    norm = math.sqrt(sum(weight * weight for weight in centroid.values())) or 1.0
    return [sum(w * centroid[t] for t, w in vector.items()) / norm for vector in vectors]


def _jaccard(first: set[str], second: set[str]) -> float:
    """Overlap of two term sets (0 when both are empty)."""
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def _tier(sentence: _Sentence) -> int | None:
    """0 finished sentence, 1 claim-sized but unfinished, 2 fragment; None when unusable."""
    if not sentence.terms or is_boilerplate(sentence.text):
        return None
    if not MIN_CLAIM_WORDS <= claim_size(sentence.text) <= MAX_CLAIM_WORDS:
        return 2
    return 0 if _SENTENCE_END.search(sentence.text) else 1


def _pick_from_section(
    candidates: list[_Sentence], wanted: int, chosen_terms: list[set[str]]
) -> list[_Sentence]:
    """The best `wanted` usable sentences in article order; adds their terms to `chosen_terms`.

    Sentences are tiered: finished (a full sentence with a final stop), full (a caption or an
    unfinished line of claim size), usable (a fragment). The best non-empty tier supplies the
    claims. Sentences are classified lazily in score order, so that the boilerplate patterns run
    on the few top sentences rather than on the whole section.
    """
    tiers: tuple[list[_Sentence], list[_Sentence], list[_Sentence]] = ([], [], [])
    tier_terms: tuple[list[set[str]], list[set[str]], list[set[str]]] = ([], [], [])
    for sentence in sorted(candidates, key=lambda s: s.score, reverse=True):
        if len(tiers[0]) >= wanted:
            break
        tier = _tier(sentence)
        if tier is None:
            continue
        picks, taken = tiers[tier], tier_terms[tier]
        if len(picks) >= wanted:
            continue
        sentence_terms = set(sentence.terms)
        if any(
            _jaccard(sentence_terms, other) >= NEAR_DUPLICATE_JACCARD
            for other in (*chosen_terms, *taken)
        ):
            continue
        picks.append(sentence)
        taken.append(sentence_terms)
    best = next((i for i in range(3) if tiers[i]), None)
    if best is None:
        return []
    picked = tiers[best]
    chosen_terms.extend(tier_terms[best])
    picked.sort(key=lambda s: s.index_in_section)
    return picked

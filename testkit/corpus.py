"""Scoring over ../shared/corpus (aeb and moz), shared by the quality gate test and quality.py.

aeb: the article-extraction benchmark's own metric - `\\w+` tokens, bags of 4-token shingles,
per-page true/false positives and negatives normalised, precision and recall averaged over pages,
F1 their harmonic mean. moz: Mozilla Readability's test pages - title exact match, subheadings
kept as section headings, body F1 (same metric) and the `readerable` verdict.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
CORPUS_ENV = "SKIM_CORPUS"
CORPUS = Path(os.environ.get(CORPUS_ENV, ROOT.parent / "shared" / "corpus"))

_TOKEN_RE = re.compile(r"\w+")
_FOLD_RE = re.compile(r"\W+")


def fold(text: str) -> str:
    """Case- and punctuation-insensitive form used to compare titles and headings."""
    return _FOLD_RE.sub(" ", text).strip().casefold()


def _shingles(text: str, size: int = 4) -> Counter[str]:
    tokens = _TOKEN_RE.findall(text or "")
    return Counter(
        " ".join(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens
    )


def shingle_precision_recall(truth: str, predicted: str) -> tuple[float, float]:
    """The aeb benchmark's per-page precision and recall over 4-token shingle bags."""
    true_bag, predicted_bag = _shingles(truth), _shingles(predicted)
    keys = true_bag.keys() | predicted_bag.keys()
    tp = sum(min(true_bag[k], predicted_bag[k]) for k in keys)
    fp = sum(max(0, predicted_bag[k] - true_bag[k]) for k in keys)
    fn = sum(max(0, true_bag[k] - predicted_bag[k]) for k in keys)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


@dataclass
class BodyScore:
    """Precision and recall averaged over pages; F1 their harmonic mean."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)

    def add(self, truth: str, predicted: str) -> None:
        precision, recall = shingle_precision_recall(truth, predicted)
        self.precisions.append(precision)
        self.recalls.append(recall)

    @property
    def precision(self) -> float:
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    @property
    def recall(self) -> float:
        return sum(self.recalls) / len(self.recalls) if self.recalls else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class AebPage:
    page_id: str
    url: str
    html: bytes
    body: str


@dataclass(frozen=True)
class MozPage:
    name: str
    html: bytes
    body: str
    headings: list[str]
    title: str
    readerable: bool


def corpus_available() -> bool:
    return (CORPUS / "aeb" / "ground-truth.json").is_file() and (CORPUS / "moz").is_dir()


def missing_corpus() -> str | None:
    """What a benchmark says when the corpus is not there (None when it is)."""
    if corpus_available():
        return None
    return (
        f"no corpus at {CORPUS} (aeb/ground-truth.json and moz/): the benchmarks read "
        f"../shared/corpus beside the project; point {CORPUS_ENV} at a copy elsewhere"
    )


def aeb_pages() -> Iterator[AebPage]:
    truth = json.loads((CORPUS / "aeb" / "ground-truth.json").read_text("utf-8"))
    for page_id, item in sorted(truth.items()):
        with gzip.open(CORPUS / "aeb" / "html" / f"{page_id}.html.gz") as handle:
            html = handle.read()
        yield AebPage(page_id, item["url"], html, item["articleBody"])


# The expected subheadings are Readability's headings of the body, less those the card issue
# says are never a section, so that no tool is asked to keep them: the apparatus around an
# article (contents, notes, references, see also, external links, galleries) and teaser cards
# (the headings of a list item holding a title that links to another page: the teaser's title
# and its kicker). A fixed list and a markup rule, not Skim's own furniture patterns, so that
# the metric cannot hide a heading Skim drops by mistake.
_APPARATUS_HEADING = re.compile(
    r"^(?:(?:table of )?contents|notes|footnotes|citations|references|bibliography"
    r"|further reading|external links|see also|(?:photo |image )?gallery\b.*)$"
)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _links_elsewhere(heading: lxml.html.HtmlElement) -> bool:
    """At least half of the heading's text is a link to another page."""
    text = heading.text_content().strip()
    linked = sum(
        len(link.text_content().strip())
        for link in heading.iter("a")
        if not str(link.get("href") or "#").startswith("#")
    )
    return bool(text) and linked >= len(text) / 2


def _teaser_card_headings(tree: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """Headings inside the list item of a teaser card (one of its headings links elsewhere)."""
    found: set[lxml.html.HtmlElement] = set()
    for heading in tree.iter(*_HEADING_TAGS):
        card = next((a for a in heading.iterancestors() if a.tag == "li"), None)
        if card is not None and _links_elsewhere(heading):
            found.update(card.iter(*_HEADING_TAGS))
    return found


def moz_pages() -> Iterator[MozPage]:
    for folder in sorted(p for p in (CORPUS / "moz").iterdir() if p.is_dir()):
        meta = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
        expected = lxml.html.document_fromstring((folder / "expected.html").read_text("utf-8"))
        teasers = _teaser_card_headings(expected)
        headings = [
            " ".join(h.text_content().split())
            for h in expected.iter(*_HEADING_TAGS)
            if h not in teasers
        ]
        title = meta.get("title") or ""
        yield MozPage(
            name=folder.name,
            html=(folder / "source.html").read_bytes(),
            body=expected.text_content(),
            # The headline is not a subheading, even where Readability.js keeps it in the body.
            headings=[
                h
                for h in headings
                if fold(h) and fold(h) != fold(title) and not _APPARATUS_HEADING.match(fold(h))
            ],
            title=title,
            readerable=bool(meta.get("readerable", True)),
        )


def headings_found(expected: list[str], found: list[str]) -> int:
    """How many expected subheadings (as a multiset, folded) appear among `found`."""
    pool = Counter(fold(h) for h in found)
    hits = 0
    for heading in expected:
        key = fold(heading)
        if pool[key] > 0:
            pool[key] -= 1
            hits += 1
    return hits


def title_matches(
    expected: str, found: str | None, strip: Callable[[str], str]
) -> tuple[bool, bool]:
    """(strict, lenient): equal as is, or equal once `strip` removed one or two site-name
    segments from the expected title (the spec asks Skim to drop them; Readability.js keeps
    some)."""
    a, b = " ".join(expected.split()), " ".join((found or "").split())
    strict = a == b
    once = strip(a)
    twice = strip(once)  # "Headline - Author - Medium", "标题 _频道 _网站"
    return strict, strict or b in (" ".join(once.split()), " ".join(twice.split()))


_SUFFIX_RE = re.compile(r"^(?P<head>.+?)\s*(?:\||-|–|—|::|_|»|·)\s*(?P<site>[^|\-–—_»·:]{1,40})$")


def strip_site_suffix(title: str) -> str:
    """A title without one trailing short " | Site" / " - Site" segment (the metric's own rule)."""
    match = _SUFFIX_RE.match(title.strip())
    if match and len(match["site"].split()) <= 4:
        return match["head"]
    return title


MOZ_URL = "http://fakehost/test/page.html"  # the address Readability's test pages assume


@dataclass(frozen=True)
class Extraction:
    """What a tool made of one page; `claims` only for tools that pick any (Skim)."""

    text: str
    title: str | None
    headings: list[str]
    claims: list[str] = field(default_factory=list)


Extractor = Callable[[bytes, str | None], Extraction]
_NOTHING = Extraction("", None, [])


@dataclass
class CorpusScore:
    """Everything the gate and quality.py report, from one pass of a tool over both sets."""

    aeb_body: BodyScore = field(default_factory=BodyScore)
    moz_body: BodyScore = field(default_factory=BodyScore)
    titles_strict: int = 0
    titles_lenient: int = 0
    moz_pages: int = 0
    headings_expected: int = 0
    headings_found: int = 0
    aeb_claims: int = 0
    aeb_claims_in_truth: int = 0
    claims_not_in_text: list[str] = field(default_factory=list)
    readerable_wrong: list[str] = field(default_factory=list)
    aeb_refused: list[str] = field(default_factory=list)  # every aeb page is an article
    failures: list[str] = field(default_factory=list)

    @property
    def title_exact(self) -> float:
        return self.titles_lenient / self.moz_pages if self.moz_pages else 0.0

    @property
    def title_exact_strict(self) -> float:
        return self.titles_strict / self.moz_pages if self.moz_pages else 0.0

    @property
    def subheadings(self) -> float:
        return self.headings_found / self.headings_expected if self.headings_expected else 0.0

    @property
    def aeb_claims_inside_body(self) -> float:
        return self.aeb_claims_in_truth / self.aeb_claims if self.aeb_claims else 0.0


def _token_text(text: str) -> str:
    return " " + " ".join(_TOKEN_RE.findall(text)) + " "


def score_corpus(extract: Extractor, refusal: type[Exception] | None = None) -> CorpusScore:
    """Run `extract` on every aeb and moz page once and score it.

    `refusal` is the exception with which the tool says "not an article"; any other exception
    is a failure. Either way the page counts as extracted to nothing.
    """
    score = CorpusScore()
    for aeb in aeb_pages():
        result = _attempt(extract, aeb.html, aeb.url, refusal, aeb.page_id[:8], score)
        score.aeb_body.add(aeb.body, (result or _NOTHING).text)
        if result is None:
            score.aeb_refused.append(aeb.page_id[:8])
            continue
        truth = _token_text(aeb.body)
        for claim in result.claims:
            score.aeb_claims += 1
            score.aeb_claims_in_truth += _token_text(claim) in truth
        _check_verbatim(result, aeb.page_id[:8], score)
    for moz in moz_pages():
        score.moz_pages += 1
        result = _attempt(extract, moz.html, MOZ_URL, refusal, moz.name, score)
        if moz.readerable and result is None:
            score.readerable_wrong.append(f"{moz.name}: readerable page refused")
        if not moz.readerable and result is not None:
            score.readerable_wrong.append(f"{moz.name}: non-readerable page digested")
        found = result or _NOTHING
        strict, lenient = title_matches(moz.title, found.title, strip_site_suffix)
        score.titles_strict += strict
        score.titles_lenient += lenient
        if moz.readerable:
            # Like the body, subheadings count on articles only: refusing the rest is right.
            score.headings_expected += len(moz.headings)
            score.headings_found += headings_found(moz.headings, found.headings)
            score.moz_body.add(moz.body, found.text)
        _check_verbatim(found, moz.name, score)
    return score


def _attempt(
    extract: Extractor,
    html: bytes,
    url: str | None,
    refusal: type[Exception] | None,
    name: str,
    score: CorpusScore,
) -> Extraction | None:
    try:
        return extract(html, url)
    except Exception as error:
        if refusal is None or not isinstance(error, refusal):
            score.failures.append(f"{name}: {type(error).__name__}: {error}")
        return None


def _check_verbatim(result: Extraction, name: str, score: CorpusScore) -> None:
    for claim in result.claims:
        if claim not in result.text:
            score.claims_not_in_text.append(f"{name}: {claim[:60]}")


def skim_extraction(html: bytes, url: str | None) -> Extraction:
    """Skim's digest seen as an extraction: text, headline, section headings and claims."""
    from summarizer import digest_html

    digest = digest_html(html, url)
    return Extraction(
        text=digest.text,
        title=digest.title,
        headings=[s.heading for s in digest.sections if s.heading],
        claims=[claim for section in digest.sections for claim in section.claims],
    )


def run_skim_on_corpus() -> CorpusScore:
    """Digest every corpus page once with Skim and score it (NotAnArticle is its refusal)."""
    from summarizer import NotAnArticle

    return score_corpus(skim_extraction, refusal=NotAnArticle)

"""trafilatura's evaluation set (../shared/corpus/trafi) and its own metric, for the gate and
quality.py.

The metric (trafilatura's tests/eval_common.py, as the corpus README states it): the output and
each snippet are whitespace-normalised; a "with" snippet found in the output is a true positive,
else a false negative; a "without" snippet found is a false positive, else a true negative; a
refusal, a crash or an empty output finds nothing. Counts are summed over pages.

Thresholds are checked on a by-site split of the dev set (`site_half`): tune on one half, read
the other, so that a rule fitted to one site shows up as a gap between the halves.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from testkit.corpus import CORPUS

_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class TrafiPage:
    """A page with the snippets its main text must and must not contain."""

    key: str  # the evaldata key: the page's URL, or "hard::file.html" for a few
    url: str | None
    html: bytes
    with_snippets: list[str]
    without_snippets: list[str]

    @property
    def site(self) -> str:
        """The page's site: its host without "www.", or the file name's stem up to a dash."""
        if self.url:
            return (urlsplit(self.url).hostname or "").removeprefix("www.")
        return self.key.split("::", 1)[-1].removesuffix(".html").split("-", 1)[0]

    @property
    def real(self) -> bool:
        """A page whose "with" snippets are not empty is a real article: never to be refused."""
        return bool(self.with_snippets)


def trafi_available() -> bool:
    return (CORPUS / "trafi" / "evaldata.json").is_file()


def trafi_pages() -> Iterator[TrafiPage]:
    data = json.loads((CORPUS / "trafi" / "evaldata.json").read_text("utf-8"))
    for key, item in sorted(data.items()):
        with gzip.open(CORPUS / "trafi" / "html" / item["file"]) as handle:
            html = handle.read()
        yield TrafiPage(
            key=key,
            url=key if key.startswith(("http://", "https://")) else None,
            html=html,
            with_snippets=list(item.get("with", [])),
            without_snippets=list(item.get("without", [])),
        )


def site_half(site: str) -> str:
    """Half "A" or "B" of a fixed split by site (crc32 parity): no site is in both."""
    return "A" if zlib.crc32(site.encode("utf-8")) % 2 == 0 else "B"


def squash(text: str) -> str:
    """Whitespace-normalised as the metric compares: every run of whitespace is one space."""
    return _SPACE_RE.sub(" ", text).strip()


@dataclass
class SnippetCounts:
    """Summed snippet counts; precision, recall and F1 as trafilatura computes them."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: SnippetCounts) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        self.tn += other.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0


def page_counts(page: TrafiPage, output: str) -> SnippetCounts:
    """One page's counts for `output` (empty for a refusal or a crash)."""
    text = squash(output)
    found_with = sum(1 for s in page.with_snippets if text and squash(s) in text)
    found_without = sum(1 for s in page.without_snippets if text and squash(s) in text)
    return SnippetCounts(
        tp=found_with,
        fn=len(page.with_snippets) - found_with,
        fp=found_without,
        tn=len(page.without_snippets) - found_without,
    )


@dataclass
class TrafiScore:
    """A tool's run over the set: counts overall and per half, the pages it refused or
    crashed on, and each page's counts (to list the pages lost most on)."""

    total: SnippetCounts = field(default_factory=SnippetCounts)
    halves: dict[str, SnippetCounts] = field(
        default_factory=lambda: {"A": SnippetCounts(), "B": SnippetCounts()}
    )
    pages: dict[str, SnippetCounts] = field(default_factory=dict)
    refused_real: list[str] = field(default_factory=list)
    refusal_reasons: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


TextExtractor = Callable[[bytes, str | None], str]


def score_trafi(extract: TextExtractor, refusal: type[Exception] | None = None) -> TrafiScore:
    """Run `extract` (page bytes, url -> main text) on every page once and score it.

    `refusal` is the exception with which the tool says "not an article"; any other exception
    is a failure. Either way the page's output is empty.
    """
    score = TrafiScore()
    for page in trafi_pages():
        try:
            output = extract(page.html, page.url)
        except Exception as error:
            output = ""
            if refusal is not None and isinstance(error, refusal):
                score.refusal_reasons[page.key] = str(error)
                if page.real:
                    score.refused_real.append(page.key)
            else:
                score.failures.append(f"{page.key}: {type(error).__name__}: {error}")
        counts = page_counts(page, output)
        score.pages[page.key] = counts
        score.total.add(counts)
        score.halves[site_half(page.site)].add(counts)
    return score


def skim_text(html: bytes, url: str | None) -> str:
    """Skim's digest text of a page (raises NotAnArticle for a refusal)."""
    from summarizer import digest_html

    return digest_html(html, url).text


def run_skim_on_trafi() -> TrafiScore:
    """Digest every trafi page with Skim and score it (NotAnArticle is its refusal)."""
    from summarizer import NotAnArticle

    return score_trafi(skim_text, refusal=NotAnArticle)

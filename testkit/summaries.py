"""Claim quality on ../shared/summaries (the protocol of its README), Skim against its baselines.

Each document is fed to a digest function as HTML (title as h1, each section heading as h2, each
paragraph as p), so the real pipeline runs; ROUGE F1 x 100 (rouge-score, stemmed) is averaged
over documents. CNN/DM: Skim's first 3 claims against the highlights. WikiText-2: Skim's claims
against the lead and the round-robin first sentences of sections, both cut to Skim's word count.

Run: `.venv/bin/python -m testkit.summaries` (add `--harness` to bypass extraction).
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from rouge_score.rouge_scorer import RougeScorer

from summarizer import digest_html
from summarizer.claims.pick import pick_claims
from summarizer.claims.sentences import split_sentences
from summarizer.errors import SummarizerError
from summarizer.extract.article import SectionText
from summarizer.model import Digest, Section

logger = logging.getLogger(__name__)

SUMMARIES_ENV = "SKIM_SUMMARIES"
SUMMARIES_DIR = Path(
    os.environ.get(
        SUMMARIES_ENV, Path(__file__).resolve().parent.parent.parent / "shared" / "summaries"
    )
)
CNNDM_FILE = "cnndm_dev.jsonl"
WIKITEXT_FILE = "wikitext2_dev.jsonl"
CNNDM_CLAIMS = 3
ROUGE_KEYS = ("rouge1", "rouge2", "rougeLsum")

DigestFn = Callable[[str], Digest]
Scores = dict[str, float]


@dataclass(frozen=True, slots=True)
class Document:
    """One article of the summaries set with its human reference."""

    identifier: str
    title: str
    sections: list[SectionText]
    reference: list[str]


def missing_summaries() -> str | None:
    """What a benchmark says when the reference summaries are not there (None when they are)."""
    if (SUMMARIES_DIR / CNNDM_FILE).is_file() and (SUMMARIES_DIR / WIKITEXT_FILE).is_file():
        return None
    return (
        f"no reference summaries at {SUMMARIES_DIR} ({CNNDM_FILE}, {WIKITEXT_FILE}): ROUGE is "
        f"left out; they live in ../shared/summaries beside the project, or point "
        f"{SUMMARIES_ENV} at a copy"
    )


def load_documents(name: str, directory: Path = SUMMARIES_DIR) -> list[Document]:
    """The documents of one JSON-lines file; paragraphs are the text's lines."""
    documents = []
    with (directory / name).open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            sections = [
                SectionText(
                    heading=section["heading"] or None,
                    paragraphs=[p.strip() for p in section["text"].split("\n") if p.strip()],
                )
                for section in row["sections"]
            ]
            reference = [r.strip() for r in row["reference"].split("\n") if r.strip()]
            documents.append(Document(row["id"], row["title"], sections, reference))
    return documents


def document_html(document: Document) -> str:
    """The document as a minimal article page: h1 title, h2 per heading, p per paragraph."""
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'>"]
    parts.append(f"<title>{html.escape(document.title)}</title></head><body><article>")
    if document.title:
        parts.append(f"<h1>{html.escape(document.title)}</h1>")
    for section in document.sections:
        if section.heading:
            parts.append(f"<h2>{html.escape(section.heading)}</h2>")
        parts.extend(f"<p>{html.escape(paragraph)}</p>" for paragraph in section.paragraphs)
    parts.append("</article></body></html>")
    return "\n".join(parts)


def harness_digest(page: str) -> Digest:
    """Claims straight from the page's h1/h2/p, without extraction: isolates the picker."""
    root = lxml_html.fromstring(page)
    title = " ".join(root.xpath("string(//h1)").split())
    sections: list[SectionText] = [SectionText(heading=None, paragraphs=[])]
    for element in root.iter("h2", "p"):
        text = " ".join(element.text_content().split())
        if element.tag == "h2":
            sections.append(SectionText(heading=text, paragraphs=[]))
        elif text:
            sections[-1].paragraphs.append(text)
    if not sections[0].paragraphs and len(sections) > 1:
        sections.pop(0)
    claims = pick_claims(title, sections)
    body = "\n\n".join(p for section in sections for p in section.paragraphs)
    return Digest(
        url=None,
        canonical_url=None,
        title=title,
        site_name=None,
        byline=None,
        published=None,
        language="en",
        text=body,
        sections=[Section(s.heading, c) for s, c in zip(sections, claims, strict=True)],
        word_count=len(body.split()),
    )


def digest_claims(digest_fn: DigestFn, document: Document) -> list[str]:
    """Skim's claims for one document in digest order ([] when Skim refuses the page)."""
    try:
        digest = digest_fn(document_html(document))
    except SummarizerError as error:
        logger.warning("%s: %s", document.identifier, error)
        return []
    return [claim for section in digest.sections for claim in section.claims]


def cut_to_words(sentences: Sequence[str], budget: int) -> list[str]:
    """The sentences, in order, until `budget` words; the last one cut mid-way if needed."""
    kept: list[str] = []
    remaining = budget
    for sentence in sentences:
        if remaining <= 0:
            break
        words = sentence.split()
        kept.append(" ".join(words[:remaining]))
        remaining -= len(words)
    return kept


def round_robin_first_sentences(sections: Sequence[SectionText]) -> list[str]:
    """First sentences of all sections, then the second ones, and so on."""
    per_section = [
        [s for p in section.paragraphs for s in split_sentences(p)] for section in sections
    ]
    ordered: list[str] = []
    depth = 0
    while any(depth < len(sentences) for sentences in per_section):
        ordered.extend(sentences[depth] for sentences in per_section if depth < len(sentences))
        depth += 1
    return ordered


def lead_sentences(sections: Sequence[SectionText]) -> list[str]:
    """The body's sentences in article order."""
    return [s for section in sections for p in section.paragraphs for s in split_sentences(p)]


class _Average:
    """Running mean of ROUGE F1 x 100 per method."""

    def __init__(self) -> None:
        self._scorer = RougeScorer(list(ROUGE_KEYS), use_stemmer=True)
        self._totals: dict[str, dict[str, float]] = {}
        self._counts: dict[str, int] = {}

    def add(self, method: str, summary: Sequence[str], reference: Sequence[str]) -> None:
        scores = self._scorer.score("\n".join(reference), "\n".join(summary))
        totals = self._totals.setdefault(method, dict.fromkeys(ROUGE_KEYS, 0.0))
        for key in ROUGE_KEYS:
            totals[key] += scores[key].fmeasure * 100
        self._counts[method] = self._counts.get(method, 0) + 1

    def result(self) -> dict[str, Scores]:
        return {
            method: {key: round(total / self._counts[method], 2) for key, total in totals.items()}
            for method, totals in self._totals.items()
        }


def evaluate_cnndm(digest_fn: DigestFn, directory: Path = SUMMARIES_DIR) -> dict[str, Scores]:
    """CNN/DM: Skim's first 3 claims vs the highlights, with our Lead-3 for reference."""
    average = _Average()
    for document in load_documents(CNNDM_FILE, directory):
        claims = digest_claims(digest_fn, document)[:CNNDM_CLAIMS]
        average.add("skim", claims, document.reference)
        average.add("lead3", lead_sentences(document.sections)[:CNNDM_CLAIMS], document.reference)
    return average.result()


def evaluate_wikitext(digest_fn: DigestFn, directory: Path = SUMMARIES_DIR) -> dict[str, Scores]:
    """WikiText-2: Skim's claims vs the lead and round-robin first sentences at Skim's length."""
    average = _Average()
    for document in load_documents(WIKITEXT_FILE, directory):
        claims = digest_claims(digest_fn, document)
        budget = sum(len(claim.split()) for claim in claims)
        average.add("skim", claims, document.reference)
        average.add(
            "lead", cut_to_words(lead_sentences(document.sections), budget), document.reference
        )
        average.add(
            "section_firsts",
            cut_to_words(round_robin_first_sentences(document.sections), budget),
            document.reference,
        )
    return average.result()


def real_digest(page: str) -> Digest:
    """The real pipeline: extraction, sections, claims."""
    return digest_html(page)


def format_table(results: dict[str, dict[str, Scores]]) -> Iterator[str]:
    """Rows of `set method R-1 R-2 R-Lsum`."""
    yield f"{'set':<10} {'method':<15} {'R-1':>6} {'R-2':>6} {'R-Lsum':>7}"
    for dataset, methods in results.items():
        for method, scores in methods.items():
            r1, r2, rl = (scores[key] for key in ROUGE_KEYS)
            yield f"{dataset:<10} {method:<15} {r1:>6.2f} {r2:>6.2f} {rl:>7.2f}"


def main(argv: Sequence[str] | None = None) -> None:
    """Print the claim-quality table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--harness", action="store_true", help="skip extraction (picker only)")
    args = parser.parse_args(argv)
    digest_fn: DigestFn = harness_digest if args.harness else real_digest
    results = {"cnndm": evaluate_cnndm(digest_fn), "wikitext2": evaluate_wikitext(digest_fn)}
    for row in format_table(results):
        print(row)


if __name__ == "__main__":
    main()
